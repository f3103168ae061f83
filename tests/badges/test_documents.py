"""The Open Badges 2.0 documents: every required field with its type, absolute URLs on one host, the identity hash."""

import hashlib
import json

import pytest
from jsonschema import Draft202012Validator

from badges.models import Assertion
from badges.revocation import revoke

from . import schemas
from .factories import AssertionFactory

BASE = "https://learn.example.org"


@pytest.fixture(autouse=True)
def base_url(settings):
    # Requests come in as http://testserver: documents must use the configured address, not the request's.
    settings.WAGTAILADMIN_BASE_URL = BASE


def get_ld(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def assert_valid(document, schema):
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(document)]
    assert errors == []


def test_issuer_profile_is_a_valid_open_badges_issuer(client, badge_world):
    document = get_ld(client, "/badges/issuer.json")

    assert_valid(document, schemas.ISSUER)
    assert document["id"] == f"{BASE}/badges/issuer.json"
    assert document["url"] == f"{BASE}/"
    # The public key it names answers a CryptographicKey that is also a JWK.
    key = get_ld(client, document["publicKey"].removeprefix(BASE))
    assert_valid(key, schemas.CRYPTOGRAPHIC_KEY)
    assert key["owner"] == document["id"]


def test_issuer_email_comes_from_the_setting_or_the_site_identity(client, badge_world, settings):
    settings.BADGES_ISSUER_EMAIL = "badges@learn.example.org"
    assert get_ld(client, "/badges/issuer.json")["email"] == "badges@learn.example.org"


def test_badge_class_carries_criteria_image_and_issuer(client, badge_world):
    badge = badge_world.peer
    document = get_ld(client, f"/badges/{badge.slug}.json")

    assert_valid(document, schemas.BADGE_CLASS)
    assert document["id"] == f"{BASE}/badges/webmaker.json"
    assert document["issuer"] == f"{BASE}/badges/issuer.json"
    assert document["criteria"]["narrative"] == badge.criteria
    assert document["criteria"]["id"] == f"{BASE}/badges/webmaker/#criteria"
    assert document["image"] == f"{BASE}/badges/webmaker/image.png"
    assert "Web Literacy" in document["tags"]
    # The image address answers the image.
    image = client.get(document["image"].removeprefix(BASE))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"


def test_assertion_is_valid_hashes_the_email_with_its_own_salt_and_shares_the_issuers_host(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.award, recipient=badge_world.learner, note="Ran two sessions.")
    other = AssertionFactory(badge=badge_world.peer, recipient=badge_world.learner)

    document = get_ld(client, f"/badges/assertions/{assertion.uuid}.json")

    assert_valid(document, schemas.ASSERTION)
    salt = document["recipient"]["salt"]
    email = badge_world.learner.email.lower()  # addresses are compared case-insensitively, as backpacks do
    assert document["recipient"]["identity"] == "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()
    assert other.salt != salt, "each assertion has its own salt"
    assert badge_world.learner.email not in json.dumps(document)
    assert document["badge"] == f"{BASE}/badges/great-facilitator.json"
    assert document["narrative"] == "Ran two sessions."
    issuer = get_ld(client, "/badges/issuer.json")
    hosts = {url.split("/")[2] for url in (document["id"], document["badge"], document["image"], issuer["id"])}
    assert hosts == {"learn.example.org"}
    # The badge it names is the badge class, and that names the issuer.
    badge_class = get_ld(client, document["badge"].removeprefix(BASE))
    assert badge_class["issuer"] == issuer["id"]


def test_revoked_assertion_answers_gone_with_the_reason(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.award, recipient=badge_world.learner)
    revoke(assertion, "The evidence was copied from another learner.")

    document = get_ld(client, f"/badges/assertions/{assertion.uuid}.json", status=410)

    assert_valid(document, schemas.REVOKED_ASSERTION)
    assert document == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"{BASE}/badges/assertions/{assertion.uuid}.json",
        "revoked": True,
        "revocationReason": "The evidence was copied from another learner.",
    }
    assert client.get(f"/badges/assertions/{assertion.uuid}.png").status_code == 410
    assert client.get(f"/badges/assertions/{assertion.uuid}.jwt").status_code == 410


def test_the_schemas_catch_a_missing_or_mistyped_field():
    good = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"{BASE}/badges/assertions/1.json",
        "recipient": {"type": "email", "hashed": True, "salt": "0" * 32, "identity": "sha256$" + "a" * 64},
        "badge": f"{BASE}/badges/b.json",
        "verification": {"type": "hosted"},
        "issuedOn": "2026-03-01T10:00:00+00:00",
    }
    assert_valid(good, schemas.ASSERTION)
    for broken in (
        {key: value for key, value in good.items() if key != "issuedOn"},
        {**good, "issuedOn": "yesterday"},
        {**good, "badge": "/badges/b.json"},
        {**good, "recipient": {**good["recipient"], "identity": "ada@example.org"}},
    ):
        assert list(Draft202012Validator(schemas.ASSERTION).iter_errors(broken))


def test_unknown_addresses_answer_not_found(client, badge_world):
    assert client.get("/badges/no-such-badge.json").status_code == 404
    assert client.get("/badges/assertions/00000000-0000-0000-0000-000000000000.json").status_code == 404
    assert client.get("/badges/keys/not-a-real-key-identifier.json").status_code == 404


def test_documents_are_cacheable_for_a_few_minutes(client, badge_world):
    response = client.get(f"/badges/{badge_world.peer.slug}.json")
    assert "public" in response["Cache-Control"]
    assert Assertion.objects.count() == 0
