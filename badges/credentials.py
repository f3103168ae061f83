"""Open Badges 3.0 export: each assertion as an OpenBadgeCredential, signed as a VC-JWT with the site's RSA key.

The JWT payload is the credential itself plus the registered claims the specification asks for (iss, jti, nbf,
sub); the header names the key by a `kid` address that answers its JWK.
"""

import datetime
import uuid

import jwt

from core.models import SiteIdentity

from . import conf
from .documents import absolute, criteria_url, issuer_id, key_id
from .keys import signing_key

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def subject_id(assertion):
    """A stable, opaque identifier for the recipient of this credential (the email stays hashed)."""
    return f"urn:uuid:{uuid.uuid5(assertion.uuid, 'recipient')}"


def achievement(badge):
    return {
        "id": absolute(badge.json_url),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": badge.name,
        "description": badge.description,
        "criteria": {"id": criteria_url(badge), "narrative": badge.criteria},
        "image": {"id": absolute(badge.image_url), "type": "Image", "caption": badge.name},
    }


def credential(assertion):
    identity = SiteIdentity.load()
    document = {
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": f"urn:uuid:{assertion.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": identity.community_name,
            "url": absolute("/"),
            "email": conf.issuer_email(),
        },
        "validFrom": assertion.issued_on.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "name": assertion.badge.name,
        "credentialSubject": {
            "id": subject_id(assertion),
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": assertion.identity_hash,
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": assertion.salt,
                }
            ],
            "achievement": achievement(assertion.badge),
        },
    }
    evidence = [
        {"type": ["Evidence"], **{key: item[key] for key in ("id", "name", "narrative") if item.get(key)}}
        for item in assertion.evidence
    ]
    if evidence:
        document["evidence"] = evidence
    return document


def signed_credential(assertion):
    """The credential as a compact JWS (VC-JWT)."""
    key = signing_key()
    document = credential(assertion)
    payload = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": int(assertion.issued_on.timestamp()),
        "sub": document["credentialSubject"]["id"],
    }
    return jwt.encode(payload, key.private_key, algorithm="RS256", headers={"kid": key_id(key), "typ": "JWT"})
