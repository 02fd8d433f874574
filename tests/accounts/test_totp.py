"""Time-based codes as RFC 6238 defines them, and as phone apps read them."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from accounts import totp

# RFC 6238, appendix B: the SHA-1 key and the eight-digit codes it gives.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_the_codes_match_the_rfc_6238_test_vectors(at, code):
    key = base64.b32decode(RFC_SECRET)

    assert totp.hotp(key, totp.step_at(at), digits=8) == code


def test_a_code_from_the_step_before_or_after_is_accepted_but_not_older():
    secret = totp.new_secret()
    now = 1_700_000_000.0

    assert totp.matching_step(secret, totp.code_at(secret, now), now) == now // 30
    assert totp.matching_step(secret, totp.code_at(secret, now - 30), now) is not None
    assert totp.matching_step(secret, totp.code_at(secret, now + 30), now) is not None
    assert totp.matching_step(secret, totp.code_at(secret, now - 90), now) is None


@pytest.mark.parametrize("typed", ["", "12345", "abcdef", "1234567"])
def test_something_that_is_not_six_digits_never_matches(typed):
    assert totp.matching_step(totp.new_secret(), typed, 1_700_000_000) is None


def test_the_otpauth_address_carries_the_secret_issuer_and_account():
    uri = totp.provisioning_uri(
        "JBSWY3DPEHPK3PXP", account="drafter", issuer="Reportdesk"
    )

    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "otpauth",
        "totp",
        "/Reportdesk%3Adrafter",
    )
    query = parse_qs(parts.query)
    assert query["secret"] == ["JBSWY3DPEHPK3PXP"]
    assert query["issuer"] == ["Reportdesk"]
    assert query["digits"] == ["6"] and query["period"] == ["30"]
