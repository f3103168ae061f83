"""Open Badges 2.0 documents (JSON-LD) for hosted verification: issuer, badge classes, assertions and keys.

Every address is absolute and built from the site's configured base URL (`WAGTAILADMIN_BASE_URL`, set from
`BASE_URL`), never from the request, so the issuer and its assertions always share one host.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from core.models import SiteIdentity

from . import conf
from .keys import published_keys, signing_key

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def issuer_id():
    return absolute(reverse("badges:issuer"))


def key_id(key):
    return absolute(reverse("badges:key", args=[key.kid]))


def issuer_document():
    identity = SiteIdentity.load()
    signing = signing_key()
    keys = [signing] + [key for key in published_keys() if key.kid != signing.kid]
    return {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": issuer_id(),
        "name": identity.community_name,
        "url": absolute("/"),
        "email": conf.issuer_email(),
        "description": identity.tagline,
        "image": absolute(static("img/logo.svg")),
        "publicKey": [key_id(key) for key in keys] if len(keys) > 1 else key_id(signing),
        "verification": {"type": "hosted", "allowedOrigins": [_host()]},
    }


def _host():
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0]


def criteria_url(badge):
    return absolute(badge.get_absolute_url()) + "#criteria"


def badge_class_document(badge):
    return {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": absolute(badge.json_url),
        "name": badge.name,
        "description": badge.description,
        "image": absolute(badge.image_url),
        "criteria": {"id": criteria_url(badge), "narrative": badge.criteria},
        "issuer": issuer_id(),
        "tags": badge_tags(badge),
    }


def badge_tags(badge):
    tags = [badge.get_earned_by_display()]
    tags.extend(course.title for course in badge.courses)
    return tags


def evidence_document(item):
    """One piece of stored evidence (see `Assertion.evidence`) as an Open Badges Evidence object."""
    document = {"type": "Evidence"}
    for field in ("id", "name", "narrative", "description", "genre"):
        if item.get(field):
            document[field] = item[field]
    return document


def assertion_document(assertion):
    document = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": absolute(assertion.json_url),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": assertion.salt,
            "identity": assertion.identity_hash,
        },
        "badge": absolute(assertion.badge.json_url),
        "verification": {"type": "hosted"},
        "issuedOn": assertion.issued_on.isoformat(timespec="seconds"),
        "image": absolute(assertion.baked_url),
        "evidence": [evidence_document(item) for item in assertion.evidence],
    }
    if assertion.note:
        document["narrative"] = assertion.note
    return document


def revoked_assertion_document(assertion):
    """What a revoked assertion's address answers (with HTTP 410): only that it is revoked, and why."""
    return {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": absolute(assertion.json_url),
        "revoked": True,
        "revocationReason": assertion.revocation.reason,
    }


def key_document(key):
    """A key as an Open Badges 2.0 CryptographicKey that is also a JWK, so OB 3.0 verifiers can use its `kid`."""
    return {
        "@context": OB2_CONTEXT,
        "type": "CryptographicKey",
        "id": key_id(key),
        "owner": issuer_id(),
        "publicKeyPem": key.public_pem(),
        **key.jwk(),
    }


def jwks_document():
    return {"keys": [key.jwk() for key in published_keys()]}
