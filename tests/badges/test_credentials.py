"""The Open Badges 3.0 export: an OpenBadgeCredential signed as a VC-JWT with the site's RSA key."""

import datetime

import jwt
import pytest
from jsonschema import Draft202012Validator

from badges.keys import new_private_key_pem
from badges.models import SigningKey

from . import schemas
from .factories import AssertionFactory

BASE = "https://learn.example.org"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE


@pytest.fixture
def assertion(badge_world):
    return AssertionFactory(badge=badge_world.peer, recipient=badge_world.learner)


def verify(client, token):
    """Verify as a wallet would: dereference the header's kid to a JWK and check the signature with it."""
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256"
    assert header["typ"] == "JWT"
    assert set(header) == {"alg", "typ", "kid"}, "the specification allows no other JOSE headers"
    assert header["kid"].startswith(f"{BASE}/badges/keys/")
    key_document = client.get(header["kid"].removeprefix(BASE)).json()
    public_key = jwt.PyJWK(key_document).key
    return jwt.decode(token, public_key, algorithms=["RS256"], options={"verify_aud": False})


def test_credential_verifies_with_the_published_key_and_matches_the_assertion(client, assertion):
    response = client.get(f"/badges/assertions/{assertion.uuid}.jwt")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwt"
    assert response["Content-Disposition"] == f'attachment; filename="webmaker-{assertion.recipient.username}.jwt"'
    payload = verify(client, response.content.decode())
    assert list(Draft202012Validator(schemas.OB3_CREDENTIAL).iter_errors(payload)) == []
    assert payload["iss"] == payload["issuer"]["id"] == f"{BASE}/badges/issuer.json"
    assert payload["jti"] == payload["id"] == f"urn:uuid:{assertion.uuid}"
    assert payload["sub"] == payload["credentialSubject"]["id"]
    valid_from = datetime.datetime.fromisoformat(payload["validFrom"])
    assert payload["nbf"] == int(valid_from.timestamp()) == int(assertion.issued_on.timestamp())
    identifier = payload["credentialSubject"]["identifier"][0]
    assert identifier["identityHash"] == assertion.identity_hash
    assert identifier["salt"] == assertion.salt
    achievement = payload["credentialSubject"]["achievement"]
    assert achievement["id"] == f"{BASE}/badges/webmaker.json"
    assert achievement["name"] == "Webmaker"
    assert achievement["criteria"]["narrative"] == assertion.badge.criteria


def test_a_tampered_credential_fails_verification(client, assertion):
    token = client.get(f"/badges/assertions/{assertion.uuid}.jwt").content.decode()
    header, payload, signature = token.split(".")
    forged = jwt.utils.base64url_encode(jwt.utils.base64url_decode(payload).replace(b"Webmaker", b"Superhero")).decode()

    with pytest.raises(jwt.InvalidSignatureError):
        verify(client, f"{header}.{forged}.{signature}")


def test_the_generated_key_is_made_once_kept_in_the_database_and_published_without_private_parts(client, assertion):
    first = client.get(f"/badges/assertions/{assertion.uuid}.jwt").content.decode()
    second = client.get(f"/badges/assertions/{assertion.uuid}.jwt").content.decode()

    assert SigningKey.objects.count() == 1
    assert jwt.get_unverified_header(first)["kid"] == jwt.get_unverified_header(second)["kid"]
    jwks = client.get("/badges/jwks.json")
    assert jwks["Content-Type"] == "application/jwk-set+json"
    document = jwks.json()
    assert list(Draft202012Validator(schemas.JWKS).iter_errors(document)) == []
    assert [key["kid"] for key in document["keys"]] == [SigningKey.objects.get().kid]


def test_a_configured_key_signs_and_older_stored_keys_stay_published(client, assertion, settings):
    client.get(f"/badges/assertions/{assertion.uuid}.jwt")  # makes and stores a key
    stored_kid = SigningKey.objects.get().kid
    settings.BADGES_SIGNING_KEY = new_private_key_pem()

    token = client.get(f"/badges/assertions/{assertion.uuid}.jwt").content.decode()

    kid = jwt.get_unverified_header(token)["kid"].rsplit("/", 1)[-1].removesuffix(".json")
    assert kid != stored_kid
    assert verify(client, token)["jti"] == f"urn:uuid:{assertion.uuid}"
    published = {key["kid"] for key in client.get("/badges/jwks.json").json()["keys"]}
    assert published == {kid, stored_kid}
    assert SigningKey.objects.count() == 1, "a configured key is never written to the database"
