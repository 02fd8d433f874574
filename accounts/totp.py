"""Time-based one-time codes (RFC 6238 over RFC 4226), as phone apps make them.

SHA-1, six digits, thirty-second steps: the parameters every authenticator
app accepts without being told.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6
# Codes from one step before or after are accepted: phone clocks drift.
DRIFT = 1


def new_secret() -> str:
    """160 random bits in base 32, the length RFC 4226 recommends."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def hotp(key: bytes, counter: int, digits: int = DIGITS) -> str:
    mac = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_at(at: float) -> int:
    return int(at // STEP)


def code_at(secret: str, at: float) -> str:
    return hotp(_key(secret), step_at(at))


def matching_step(secret: str, code: str, at: float) -> int | None:
    """The step whose code ``code`` is, within the allowed drift, or None."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return None
    key = _key(secret)
    current = step_at(at)
    for step in range(current - DRIFT, current + DRIFT + 1):
        if hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads (or a QR code holds)."""
    label = quote(f"{issuer}:{account}")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP,
        }
    )
    return f"otpauth://totp/{label}?{query}"


def _key(secret: str) -> bytes:
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
