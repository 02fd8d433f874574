"""factory_boy factories for the domain objects."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from contributions.models import Contribution, Entity, Membership, Revision
from drafting.models import Report, Section, Skeleton


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Ministry {n}")
    kind = Entity.Kind.MINISTRY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    entity = factory.SubFactory(EntityFactory)
    role = Membership.Role.FOCAL_POINT


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    slug = factory.Sequence(lambda n: f"report-{n}")
    title = "National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21"
    skeleton = factory.LazyFunction(
        lambda: Skeleton.objects.get(key="upr-national-report")
    )
    mechanism = "UPR"
    kind = "national_report"
    state = "Slovenia"
    state_code = "SVN"
    symbol = "A/HRC/WG.6/48/SVN/1"
    organ = "General Assembly"
    word_limit = 10700
    count_footnotes = False
    created_by = factory.SubFactory(UserFactory)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    report = factory.SubFactory(ReportFactory)
    position = factory.Sequence(lambda n: n)
    heading = "Introduction"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    section = factory.SubFactory(SectionFactory)
    entity = factory.SubFactory(EntityFactory)
    created_by = factory.SubFactory(UserFactory)


class RevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Revision

    contribution = factory.SubFactory(ContributionFactory)
    number = 1
    text = "Slovenia's preparations for the UPR 4th cycle started in autumn 2023."
    author = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)
