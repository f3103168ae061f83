"""The site's RSA signing key for Open Badges 3.0 credentials, and the public keys it publishes.

App servers keep nothing on local disk: the key comes from `BADGES_SIGNING_KEY` (PEM) or is generated once and kept
in the database. Every key that ever signed stays published, so credentials signed before a rotation still verify.
"""

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, transaction

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from . import conf
from .models import SigningKey


@dataclass(frozen=True)
class Key:
    kid: str
    private_key: object

    @property
    def public_key(self):
        return self.private_key.public_key()

    def jwk(self):
        """The public key as a JWK (never with the private parts)."""
        jwk = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def public_pem(self):
        return (
            self.public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
            .strip()
        )


@lru_cache(maxsize=16)
def load_pem(pem):
    """The Key for a PEM private key; parsed once per process."""
    private_key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(private_key, rsa.RSAPrivateKey):
        raise ValueError("BADGES_SIGNING_KEY must be an RSA private key")
    return Key(kid=thumbprint(private_key.public_key()), private_key=private_key)


def thumbprint(public_key):
    """The RFC 7638 JWK thumbprint: a stable, public name for the key."""
    jwk = RSAAlgorithm.to_jwk(public_key, as_dict=True)
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


def new_private_key_pem():
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def signing_key():
    """The key that signs new credentials: the configured one, else the oldest stored one (made if there is none)."""
    pem = conf.signing_key_pem()
    if pem:
        return load_pem(pem)
    stored = SigningKey.objects.first()
    if stored is None:
        pem = new_private_key_pem()
        key = load_pem(pem)
        try:
            with transaction.atomic():
                SigningKey.objects.create(kid=key.kid, private_key_pem=pem)
        except IntegrityError:  # pragma: no cover — a 2048-bit key collision
            pass
        # Two servers may have made one each at the same moment: all sign with the oldest.
        stored = SigningKey.objects.first()
    return load_pem(stored.private_key_pem)


def published_keys():
    """Every key whose signatures should verify: the configured key and all stored ones."""
    keys = {}
    pem = conf.signing_key_pem()
    if pem:
        key = load_pem(pem)
        keys[key.kid] = key
    for stored in SigningKey.objects.all():
        keys.setdefault(stored.kid, load_pem(stored.private_key_pem))
    return list(keys.values())


def find_key(kid):
    return next((key for key in published_keys() if key.kid == kid), None)
