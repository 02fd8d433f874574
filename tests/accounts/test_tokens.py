"""accounts.tokens: signed, single-use, expiring, bound to their purpose."""

from __future__ import annotations

import pytest
from django.core import signing
from django.db import transaction

from accounts import tokens
from accounts.models import UsedToken

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


def test_a_token_gives_back_its_payload_once():
    token = tokens.make("invite-person", {"email": "ana@example.org", "entity": 3})

    assert tokens.use(token, "invite-person", max_age=DAY) == {
        "email": "ana@example.org",
        "entity": 3,
    }
    with pytest.raises(tokens.TokenRefused, match="used already"):
        tokens.use(token, "invite-person", max_age=DAY)
    assert UsedToken.objects.count() == 1


def test_reading_a_token_does_not_spend_it():
    token = tokens.make("invite-person", {"n": 1})

    tokens.read(token, "invite-person", max_age=DAY)

    assert tokens.use(token, "invite-person", max_age=DAY) == {"n": 1}


def test_an_expired_token_is_refused(monkeypatch):
    token = tokens.make("invite-person", {"n": 1})
    later = signing.time.time() + 2 * DAY
    monkeypatch.setattr(signing.time, "time", lambda: later)

    with pytest.raises(tokens.TokenRefused, match="expired"):
        tokens.read(token, "invite-person", max_age=DAY)


def test_a_token_for_one_purpose_is_refused_for_another():
    token = tokens.make("invite-person", {"n": 1})

    with pytest.raises(tokens.TokenRefused, match="not valid"):
        tokens.read(token, "public-consultation", max_age=DAY)


def test_a_tampered_token_is_refused():
    token = tokens.make("invite-person", {"role": "focal_point"})
    head, _, rest = token.partition(":")

    with pytest.raises(tokens.TokenRefused, match="not valid"):
        tokens.read(head[:-2] + "xx:" + rest, "invite-person", max_age=DAY)


def test_a_token_spent_by_an_act_that_rolled_back_stays_good():
    token = tokens.make("invite-person", {"n": 1})

    with pytest.raises(RuntimeError), transaction.atomic():
        tokens.use(token, "invite-person", max_age=DAY)
        raise RuntimeError("creating the account failed")

    assert tokens.use(token, "invite-person", max_age=DAY) == {"n": 1}
