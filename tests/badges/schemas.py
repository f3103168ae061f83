"""JSON Schemas for the documents the badges app publishes.

Open Badges 2.0: every property the specification requires, with its type (Issuer profiles require id, type,
name, url and email; BadgeClasses id, type, name, description, image, criteria and issuer; Assertions id, type,
recipient, badge, verification and issuedOn). Open Badges 3.0: the OpenBadgeCredential and its VC-JWT claims.
"""

IRI = {"type": "string", "pattern": r"^(https?://|urn:)\S+$"}
HTTP_URL = {"type": "string", "pattern": r"^https?://\S+$"}
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"}
OB2_CONTEXT = {"const": "https://w3id.org/openbadges/v2"}

ISSUER = {
    "type": "object",
    "required": ["@context", "type", "id", "name", "url", "email"],
    "properties": {
        "@context": OB2_CONTEXT,
        "type": {"enum": ["Issuer", "Profile"]},
        "id": HTTP_URL,
        "name": {"type": "string", "minLength": 1},
        "url": HTTP_URL,
        "email": {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+$"},
        "description": {"type": "string"},
        "image": HTTP_URL,
        "publicKey": {"anyOf": [HTTP_URL, {"type": "array", "items": HTTP_URL, "minItems": 1}]},
    },
}

BADGE_CLASS = {
    "type": "object",
    "required": ["@context", "type", "id", "name", "description", "image", "criteria", "issuer"],
    "properties": {
        "@context": OB2_CONTEXT,
        "type": {"const": "BadgeClass"},
        "id": HTTP_URL,
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "image": HTTP_URL,
        "criteria": {
            "type": "object",
            "required": ["narrative"],
            "properties": {"id": HTTP_URL, "narrative": {"type": "string", "minLength": 1}},
        },
        "issuer": HTTP_URL,
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}

EVIDENCE = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {"const": "Evidence"},
        "id": HTTP_URL,
        "name": {"type": "string"},
        "narrative": {"type": "string"},
    },
}

ASSERTION = {
    "type": "object",
    "required": ["@context", "type", "id", "recipient", "badge", "verification", "issuedOn"],
    "properties": {
        "@context": OB2_CONTEXT,
        "type": {"const": "Assertion"},
        "id": HTTP_URL,
        "recipient": {
            "type": "object",
            "required": ["type", "identity", "hashed", "salt"],
            "properties": {
                "type": {"const": "email"},
                "hashed": {"const": True},
                "salt": {"type": "string", "minLength": 16},
                "identity": {"type": "string", "pattern": "^sha256\\$[0-9a-f]{64}$"},
            },
        },
        "badge": HTTP_URL,
        "verification": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"const": "hosted"}},
        },
        "issuedOn": DATETIME,
        "image": HTTP_URL,
        "evidence": {"type": "array", "items": EVIDENCE},
        "narrative": {"type": "string"},
    },
    "not": {"required": ["revoked"]},
}

REVOKED_ASSERTION = {
    "type": "object",
    "required": ["@context", "type", "id", "revoked", "revocationReason"],
    "properties": {
        "@context": OB2_CONTEXT,
        "type": {"const": "Assertion"},
        "id": HTTP_URL,
        "revoked": {"const": True},
        "revocationReason": {"type": "string", "minLength": 1},
    },
    # A revoked assertion says nothing more about its recipient.
    "not": {"anyOf": [{"required": ["recipient"]}, {"required": ["evidence"]}]},
}

CRYPTOGRAPHIC_KEY = {
    "type": "object",
    "required": ["@context", "type", "id", "owner", "publicKeyPem", "kty", "n", "e", "kid"],
    "properties": {
        "@context": OB2_CONTEXT,
        "type": {"const": "CryptographicKey"},
        "id": HTTP_URL,
        "owner": HTTP_URL,
        "publicKeyPem": {"type": "string", "pattern": "^-----BEGIN PUBLIC KEY-----"},
        "kty": {"const": "RSA"},
    },
    "not": {"anyOf": [{"required": ["d"]}, {"required": ["p"]}, {"required": ["q"]}]},
}

JWKS = {
    "type": "object",
    "required": ["keys"],
    "properties": {
        "keys": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["kty", "n", "e", "kid", "alg", "use"],
                "properties": {"kty": {"const": "RSA"}, "alg": {"const": "RS256"}, "use": {"const": "sig"}},
                "not": {"anyOf": [{"required": ["d"]}, {"required": ["p"]}, {"required": ["q"]}]},
            },
        }
    },
}

OB3_CREDENTIAL = {
    "type": "object",
    "required": [
        "@context",
        "id",
        "type",
        "issuer",
        "validFrom",
        "name",
        "credentialSubject",
        "iss",
        "jti",
        "nbf",
        "sub",
    ],
    "properties": {
        "@context": {
            "type": "array",
            "prefixItems": [
                {"const": "https://www.w3.org/ns/credentials/v2"},
                {"pattern": "^https://purl.imsglobal.org/spec/ob/v3p0/context-3\\.0\\.\\d+\\.json$"},
            ],
        },
        "id": IRI,
        "type": {
            "type": "array",
            "allOf": [{"contains": {"const": "VerifiableCredential"}}, {"contains": {"const": "OpenBadgeCredential"}}],
        },
        "issuer": {
            "type": "object",
            "required": ["id", "type", "name"],
            "properties": {"id": HTTP_URL, "type": {"type": "array", "contains": {"const": "Profile"}}},
        },
        "validFrom": DATETIME,
        "name": {"type": "string"},
        "credentialSubject": {
            "type": "object",
            "required": ["type", "achievement", "identifier"],
            "properties": {
                "id": IRI,
                "type": {"type": "array", "contains": {"const": "AchievementSubject"}},
                "identifier": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["type", "identityHash", "identityType", "hashed"],
                        "properties": {
                            "type": {"const": "IdentityObject"},
                            "identityType": {"const": "emailAddress"},
                            "hashed": {"const": True},
                            "identityHash": {"pattern": "^sha256\\$[0-9a-f]{64}$"},
                        },
                    },
                },
                "achievement": {
                    "type": "object",
                    "required": ["id", "type", "name", "description", "criteria"],
                    "properties": {
                        "id": IRI,
                        "type": {"type": "array", "contains": {"const": "Achievement"}},
                        "criteria": {"type": "object", "anyOf": [{"required": ["narrative"]}, {"required": ["id"]}]},
                        "image": {
                            "type": "object",
                            "required": ["id", "type"],
                            "properties": {"type": {"const": "Image"}},
                        },
                    },
                },
            },
        },
        "iss": HTTP_URL,
        "jti": IRI,
        "nbf": {"type": "integer"},
        "sub": IRI,
    },
}
