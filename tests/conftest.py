"""Fixed personas, shared by every test: who is asking decides what they get."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from contributions.models import Entity, Membership
from drafting.skeletons import load_skeletons
from tests.factories import EntityFactory, MembershipFactory, UserFactory

DATA = Path(settings.SHARED_DIR) / "data"


@dataclass
class Personas:
    coordinator: object
    drafter: object
    focal_point: object
    other_focal_point: object
    validator: object
    nhri_reviewer: object
    cso_reviewer: object
    outsider: object


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """No rate-limit counter carries over from one test to the next: the
    in-memory cache lives as long as the test process."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def skeletons(db):
    load_skeletons()


@pytest.fixture
def personas(db, skeletons) -> Personas:
    secretariat = EntityFactory(
        name="Ministry of Foreign and European Affairs", kind=Entity.Kind.SECRETARIAT
    )
    justice = EntityFactory(name="Ministry of Justice", kind=Entity.Kind.MINISTRY)
    labour = EntityFactory(
        name="Ministry of Labour, Family, Social Affairs and Equal Opportunities",
        kind=Entity.Kind.MINISTRY,
    )
    ombudsman = EntityFactory(name="Human Rights Ombudsman", kind=Entity.Kind.NHRI)
    ngo = EntityFactory(
        name="Legal-Informational Centre for NGOs", kind=Entity.Kind.CSO
    )
    role = Membership.Role

    def person(username: str, entity: object, member_role: str) -> object:
        user = UserFactory(username=username)
        MembershipFactory(user=user, entity=entity, role=member_role)
        return user

    return Personas(
        coordinator=person("coordinator", secretariat, role.COORDINATOR),
        drafter=person("drafter", secretariat, role.DRAFTER),
        focal_point=person("justice", justice, role.FOCAL_POINT),
        other_focal_point=person("labour", labour, role.FOCAL_POINT),
        validator=person("justice-validator", justice, role.VALIDATOR),
        nhri_reviewer=person("ombudsman", ombudsman, role.REVIEWER),
        cso_reviewer=person("ngo", ngo, role.REVIEWER),
        outsider=UserFactory(username="outsider"),
    )


@pytest.fixture
def slovenia_text() -> str:
    return (
        DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt"
    ).read_text(encoding="utf-8")


@pytest.fixture
def report(personas):
    """Slovenia's UPR report from the skeleton, with one section's real text."""
    from drafting.actions import do_create_report
    from drafting.models import Skeleton

    created = do_create_report(
        personas.coordinator,
        Skeleton.objects.get(key="upr-national-report"),
        slug="svn-test",
        state="Slovenia",
        state_code="SVN",
        symbol="A/HRC/WG.6/48/SVN/1",
    )
    intro = created.sections.get(key="upr.A")
    intro.text = (
        "Slovenia’s preparations for the UPR 4th cycle started in autumn 2023.\n\n"
        "During the drafting of the report, the NGOs, the Ombudsman and the Advocate "
        "of the Principle of Equality were briefed and consulted."
    )
    intro.save()
    return created


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
