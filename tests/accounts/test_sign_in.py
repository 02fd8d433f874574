"""Signing in: lock-out after repeated failures, the second factor, and the
rule that requires it for the secretariat and validating authorities."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts import ratelimit, totp
from accounts.models import SecondFactor, SignInPolicy
from audit.models import AuditEvent, Verb

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


def _sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_a_right_password_signs_in_and_is_recorded(client, personas):
    response = _sign_in(client, "drafter", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("report-list")
    event = AuditEvent.objects.get(verb=Verb.SIGN_IN)
    assert event.actor == personas.drafter and event.ip == "192.0.2.10"


def test_a_wrong_password_is_recorded_with_the_name_tried(client, personas):
    _sign_in(client, "drafter", "not the password")

    event = AuditEvent.objects.get(verb=Verb.SIGN_IN_FAILED)
    assert event.actor is None
    assert event.details == {"username": "drafter"}


def test_five_failures_lock_the_account_even_against_the_right_password(
    client, personas
):
    for _ in range(5):
        _sign_in(client, "drafter", "not the password")

    response = _sign_in(client, "drafter", PASSWORD, address="203.0.113.5")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Too many failed sign-ins" in page
    assert "minute(s)" in page
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(verb=Verb.LOCKED_OUT).exists()


def test_the_lock_ends_when_its_window_has_passed(client, personas, monkeypatch):
    now = {"t": 1_700_000_000.0}
    monkeypatch.setattr(ratelimit, "now", lambda: now["t"])
    for _ in range(5):
        _sign_in(client, "drafter", "not the password")

    now["t"] += 15 * 60

    assert _sign_in(client, "drafter", PASSWORD).status_code == 302


def test_the_admin_sign_in_refuses_a_locked_account_too(client, personas):
    personas.drafter.is_staff = True
    personas.drafter.save()
    for _ in range(5):
        _sign_in(client, "drafter", "not the password")

    response = client.post(
        reverse("admin:login"),
        {"username": "drafter", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )

    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session


def test_many_failures_from_one_address_lock_that_address(client, personas, settings):
    settings.SIGNIN_FAILURES_PER_ADDRESS = 3
    for name in ("a1", "a2", "a3"):
        _sign_in(client, name, "guess", address="198.51.100.9")

    locked = _sign_in(client, "coordinator", PASSWORD, address="198.51.100.9")
    elsewhere = _sign_in(client, "coordinator", PASSWORD, address="198.51.100.10")

    assert "Too many failed sign-ins" in locked.content.decode()
    assert elsewhere.status_code == 302


def _enrol(user) -> str:
    secret = totp.new_secret()
    SecondFactor.objects.create(
        user=user, secret=secret, confirmed_at=timezone.now(), last_step=0
    )
    return secret


def test_with_a_second_factor_the_password_alone_does_not_sign_in(client, personas):
    secret = _enrol(personas.drafter)

    response = _sign_in(client, "drafter", PASSWORD)

    assert response["Location"] == reverse("sign-in-code")
    assert "_auth_user_id" not in client.session
    code = totp.code_at(secret, timezone.now().timestamp())
    answer = client.post(reverse("sign-in-code"), {"code": code})
    assert answer.status_code == 302 and answer["Location"] == reverse("report-list")
    assert client.session["_auth_user_id"] == str(personas.drafter.pk)


def test_a_code_is_good_only_once(client, personas):
    secret = _enrol(personas.drafter)
    code = totp.code_at(secret, timezone.now().timestamp())
    _sign_in(client, "drafter", PASSWORD)
    client.post(reverse("sign-in-code"), {"code": code})
    client.logout()

    _sign_in(client, "drafter", PASSWORD)
    again = client.post(reverse("sign-in-code"), {"code": code})

    assert again.status_code == 200
    assert "used already" in again.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_towards_the_lock_out(client, personas):
    _enrol(personas.drafter)
    _sign_in(client, "drafter", PASSWORD)
    for _ in range(5):
        client.post(
            reverse("sign-in-code"), {"code": "000000"}, REMOTE_ADDR="192.0.2.1"
        )

    locked = client.post(reverse("sign-in-code"), {"code": "000000"})

    assert "Too many failed attempts" in locked.content.decode()
    assert (
        AuditEvent.objects.filter(
            verb=Verb.SIGN_IN_FAILED, details__step="code"
        ).count()
        == 5
    )


def test_setting_up_a_second_factor_shows_the_key_and_needs_a_right_code(
    client, personas
):
    client.force_login(personas.validator)

    page = client.get(reverse("second-factor")).content.decode()
    secret = client.session["accounts.enrolment_secret"]
    assert (
        "otpauth://totp/Reportdesk:justice-validator?secret=" + secret
        in page.replace("%3A", ":").replace("&amp;", "&")
    )
    wrong = client.post(reverse("second-factor"), {"code": "123456"})
    assert "does not match" in wrong.content.decode()
    code = totp.code_at(secret, timezone.now().timestamp())
    right = client.post(reverse("second-factor"), {"code": code})

    assert right.status_code == 302
    factor = SecondFactor.objects.get(user=personas.validator)
    assert factor.confirmed_at is not None and factor.secret == secret
    assert AuditEvent.objects.filter(
        verb=Verb.SECOND_FACTOR, actor=personas.validator
    ).exists()


@pytest.mark.parametrize(
    ("persona", "required"),
    [
        ("coordinator", True),
        ("drafter", True),
        ("validator", True),
        ("focal_point", False),
        ("cso_reviewer", False),
    ],
)
def test_when_the_rules_require_it_people_without_a_factor_must_set_one_up(
    client, personas, persona, required
):
    SignInPolicy.objects.create(
        pk=1,
        require_second_factor_secretariat=True,
        require_second_factor_validators=True,
    )
    client.force_login(getattr(personas, persona))

    page = client.get(reverse("report-list"))
    api = client.get(reverse("api-reports"))

    if required:
        assert page["Location"] == reverse("second-factor")
        assert api.status_code == 403
        assert api.json()["error"] == "second_factor_required"
        assert client.get(reverse("second-factor")).status_code == 200
    else:
        assert page.get("Location") != reverse("second-factor")
        assert api.status_code == 200


def test_only_the_coordinator_sets_the_sign_in_rules_and_it_is_recorded(
    client, personas
):
    client.force_login(personas.drafter)
    assert (
        client.post(reverse("people-sign-in-rules"), {"validators": "on"}).status_code
        == 403
    )

    client.force_login(personas.coordinator)
    client.post(reverse("people-sign-in-rules"), {"validators": "on"})

    policy = SignInPolicy.current()
    assert policy.require_second_factor_validators
    assert not policy.require_second_factor_secretariat
    event = AuditEvent.objects.get(verb=Verb.POLICY_CHANGE)
    assert event.details["after"] == {"secretariat": False, "validators": True}


def test_signing_out_is_recorded(client, personas):
    client.force_login(personas.drafter)

    client.post(reverse("logout"))

    assert AuditEvent.objects.filter(
        verb=Verb.SIGN_OUT, actor=personas.drafter
    ).exists()
