"""The interface speaks the person's language, and remembers it."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from frontend.models import LanguagePreference

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def _choose(client, language):
    return client.post(
        reverse("set_language"), {"language": language, "next": reverse("calendar")}
    )


def test_choosing_a_language_in_the_header_stores_it_on_the_person(client, personas):
    client.force_login(personas.focal_point)

    response = _choose(client, "fr")

    assert response.cookies[COOKIE].value == "fr"
    assert LanguagePreference.objects.get(user=personas.focal_point).language == "fr"
    page = client.get(reverse("calendar")).content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Calendrier de présentation des rapports" in page


def test_signing_in_on_another_machine_brings_the_choice_back(personas):
    LanguagePreference.objects.create(user=personas.nhri_reviewer, language="ar")
    personas.nhri_reviewer.set_password("a long enough password")
    personas.nhri_reviewer.save()
    fresh = Client()

    response = fresh.post(
        reverse("login"),
        {"username": "ombudsman", "password": "a long enough password"},
    )

    assert response.cookies[COOKIE].value == "ar"
    page = fresh.get(reverse("consultation-home")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "المشاورات" in page


def test_a_language_the_interface_does_not_offer_is_not_stored(client, personas):
    client.force_login(personas.focal_point)

    _choose(client, "de")

    assert not LanguagePreference.objects.exists()


def test_a_browser_asking_for_spanish_gets_spanish_before_any_choice(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")

    assert "Iniciar sesión" in page.content.decode()


def test_the_switcher_names_each_language_in_that_language(client):
    page = client.get(reverse("login")).content.decode()

    for name in ("English", "français", "español", "العربيّة"):
        assert name in page
    assert 'action="/i18n/setlang/"' in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 December 2023"),
        ("fr", "1 décembre 2023"),
        ("es", "1 de diciembre de 2023"),
        ("ar", "1 كانون الأول/ديسمبر 2023"),
    ],
)
def test_dates_are_written_as_un_documents_write_them(language, expected):
    with translation.override(language):
        assert formats.date_format(dt.date(2023, 12, 1), "DATE_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "21,200"), ("fr", "21\u202f200"), ("es", "21\xa0200"), ("ar", "21\xa0200")],
)
def test_word_counts_are_grouped_as_the_language_groups_them(language, expected):
    with translation.override(language):
        assert formats.number_format(21200, force_grouping=True) == expected
