"""The machinery of the permission matrix: every route, every method, every
persona, against the demo. The table of expectations is in
permission_table.py; this module finds the routes, fills in their
addresses with real demo objects and classifies each answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

PERSONAS = (
    "coordinator",
    "drafter",
    "focal_point",
    "validator",
    "nhri",
    "cso",
    "outsider",
    "anonymous",
)
# The demo's people (drafting.demo.PEOPLE); the outsider is made for the test.
USERNAMES = {
    "coordinator": "coordinator",
    "drafter": "drafter",
    "focal_point": "justice",
    "validator": "justice-validator",
    "nhri": "ombudsman",
    "cso": "ngo",
    "outsider": "outsider",
}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

# What an answer means for the person who asked.
OK = "ok"  # let through: 2xx, or a redirect elsewhere than the sign-in page
INVALID = "400"  # let through to a refusal of what was sent (400, 409, 415)
FORBIDDEN = "403"
HIDDEN = "404"
LOGIN = "login"  # 401, or a redirect to the sign-in page
METHOD = "405"


@dataclass(frozen=True)
class Route:
    key: str  # "name", "namespace:name", or the pattern when it has no name
    pattern: str  # the whole address pattern, from the root
    kwargs: tuple[str, ...]

    @property
    def api(self) -> bool:
        return self.pattern.lstrip("^").startswith("api/")


def all_routes() -> list[Route]:
    """Every pattern of the URL configuration, walked from the root."""
    routes = list(_walk(get_resolver().url_patterns, "", ""))
    keys = [route.key for route in routes]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"two routes share a name: {sorted(duplicates)}"
    return routes


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str
) -> Iterator[Route]:
    for pattern in patterns:
        text = prefix + _text(pattern)
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _walk(pattern.url_patterns, text, inner)
            continue
        key = f"{namespace}{pattern.name}" if pattern.name else text
        kwargs = tuple(re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", text))
        names = tuple(a or b for a, b in kwargs)
        yield Route(key=key, pattern=text, kwargs=names)


def _text(pattern: URLPattern | URLResolver) -> str:
    return (
        str(pattern.pattern).lstrip("^").rstrip("$")
        if _is_regex(pattern)
        else str(pattern.pattern)
    )


def _is_regex(pattern: URLPattern | URLResolver) -> bool:
    return pattern.pattern.__class__.__name__ == "RegexPattern"


def address(route: Route, values: dict[str, str]) -> str:
    """The route's address with its parameters filled in."""
    missing = [name for name in route.kwargs if name not in values]
    assert not missing, f"{route.key}: no value for {missing}"
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], route.pattern)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], path)
    return "/" + path.replace("^", "").replace("$", "")


def classify(response, api: bool) -> str:
    status = response.status_code
    if status == 401:
        return LOGIN
    if status in {301, 302, 303, 307, 308}:
        location = response.get("Location", "")
        login = str(settings.LOGIN_URL)
        if location.startswith(("/login/", "/admin/login/")) or login in location:
            return LOGIN
        return OK
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return HIDDEN
    if status == 405:
        return METHOD
    if status in {400, 409, 415}:
        return INVALID
    if status >= 500:
        return f"server error {status}"
    return OK


def ask(client: Client, method: str, path: str, api: bool) -> str:
    """One request whose effects are rolled back, so every persona meets the
    demo as it was. JSON for the API, a form for pages, both empty."""
    cache.clear()  # no rate limit carries over from the request before
    # Signing out is rolled back with everything else, but the client would
    # keep the emptied cookie: it gets its cookies back after each request.
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    with transaction.atomic():
        try:
            if method == "GET":
                response = client.get(path)
            elif api:
                response = client.generic(
                    method, path, data=b"{}", content_type="application/json"
                )
            else:
                response = client.generic(method, path, data=b"", content_type=FORM)
        except Exception as err:  # reported as a finding, not raised
            return f"exception {type(err).__name__}: {err}"[:200]
        finally:
            transaction.set_rollback(True)
            client.cookies.clear()
            for name, value in cookies.items():
                client.cookies[name] = value
    return classify(response, api)


FORM = "application/x-www-form-urlencoded"


MISSING = "999999"  # an id no demo object has


def build_subjects() -> dict[str, dict[str, str]]:
    """The demo's objects the addresses are filled in with, by subject name.

    Internal objects are Slovenia's (svn-upr4) and the Ministry of Justice's,
    so the focal point and the validator are their own entity's people and
    the NHRI and CSO reviewers are invited to the demo consultation round.
    """
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from accounts import tokens
    from accounts.actions import INVITATION
    from collab.models import SectionRevision
    from consultation.demo import load_consultation_demo
    from consultation.models import Comment, Submission
    from contributions.models import Contribution, Entity, InputRequest
    from drafting.demo import load_demo
    from drafting.models import Report
    from exports.actions import do_export_report
    from recommendations.models import Cluster, PlannedAction, Recommendation

    load_demo()
    round = load_consultation_demo()
    people = get_user_model()
    people.objects.get_or_create(username="outsider")
    coordinator = people.objects.get(username="coordinator")
    justice = Entity.objects.get(name="Ministry of Justice")
    report = Report.objects.get(slug="svn-upr4")
    # The first top-level section with text, the same on every database
    # (they sort empty parents differently).
    section = (
        report.sections.filter(parent=None).exclude(text="").order_by("position")[0]
    )
    contribution = (
        Contribution.objects.filter(section__report=report, entity=justice).first()
        or Contribution.objects.filter(section__report=report).first()
    )
    revision = (
        contribution.revisions.order_by("-number").first() if contribution else None
    )
    input_request, _created = InputRequest.objects.get_or_create(
        section=section,
        entity=justice,
        defaults={
            "due_date": timezone.localdate() + dt.timedelta(days=30),
            "requested_by": coordinator,
            "requested_at": timezone.now(),
        },
    )
    live_revision = SectionRevision.objects.create(
        section=section,
        number=(section.live_revisions.count() + 1),
        text=section.text,
        section_version=section.version,
        reason=SectionRevision.Reason.CHECKPOINT,
        created_by=coordinator,
        created_at=timezone.now(),
    )
    export = do_export_report(coordinator, report)
    recommendation = (
        Recommendation.objects.filter(responsible_entities=justice).first()
        or Recommendation.objects.first()
    )
    assert recommendation is not None, "the demo has no recommendations"
    planned = PlannedAction.objects.create(
        recommendation=recommendation,
        entity=justice,
        description="Adopt the national action plan on business and human rights.",
        created_by=coordinator,
    )
    if not recommendation.responsible_entities.filter(pk=justice.pk).exists():
        recommendation.responsible_entities.add(justice)
    cluster = Cluster.objects.filter(status=Cluster.Status.PROPOSED).first()
    if cluster is None:
        pair = list(Recommendation.objects.order_by("pk")[:2])
        cluster = Cluster.objects.create(
            title=pair[0].text[:80],
            state=pair[0].state,
            score=90,
            signature=",".join(str(r.pk) for r in pair),
        )
        cluster.members.set(pair)
    if round is not None and not round.public_token:
        round.public_token = "matrix-public-link-token"
        round.save(update_fields=["public_token"])
    comment = Comment.objects.filter(round=round).first() if round else None
    submission = Submission.objects.filter(round=round).first() if round else None
    invitation = tokens.make(
        INVITATION,
        {
            "email": "new@example.org",
            "name": "Ana Novak",
            "entity": justice.pk,
            "role": "focal_point",
        },
    )

    def pk(thing: object) -> str:
        return str(getattr(thing, "pk", None) or MISSING)

    return {
        "none": {},
        "report": {"slug": report.slug},
        "section": {"pk": str(section.pk)},
        "section_revision": {"pk": str(live_revision.pk)},
        "contribution": {"pk": pk(contribution)},
        "revision": {"pk": pk(revision)},
        "input_request": {"pk": str(input_request.pk)},
        "export": {"pk": str(export.pk)},
        "recommendation": {"pk": pk(recommendation)},
        "planned_action": {"pk": str(planned.pk)},
        "cluster": {"pk": pk(cluster)},
        "round": {"pk": pk(round)},
        "round_record": {"pk": pk(round), "kind": "csv"},
        "comment": {"pk": pk(comment)},
        "submission": {"pk": pk(submission)},
        "public_link": {"token": round.public_token if round else "none"},
        "consultation_invitation": {"token": "not-a-real-invitation"},
        "account_invitation": {"token": invitation},
        "password_reset": {"uidb64": "MQ", "token": "not-a-real-token"},
        "person": {"pk": str(people.objects.get(username="justice").pk)},
        "admin_user": {"object_id": str(coordinator.pk), "id": str(coordinator.pk)},
        "admin_object": {"object_id": "1"},
        "admin_shortcut": {"content_type_id": "1", "object_id": "1"},
        "admin_app": {"app_label": "auth"},
        "anything": {"url": "no-such-page/", "path": "no-such-thing/"},
    }


def clients() -> dict[str, Client]:
    from django.contrib.auth import get_user_model

    signed_in = {}
    for persona, username in USERNAMES.items():
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        signed_in[persona] = client
    return {**signed_in, "anonymous": Client()}


def default_row(route: Route, method: str) -> str:
    """The answer for a method a route does not list: refused as a method to
    whoever is signed in; for the anonymous, the API asks for credentials
    first, and pages ask to sign in except for PUT, PATCH and DELETE, which
    pages never take (reportdesk.middleware)."""
    anonymous = LOGIN if route.api or method in {"GET", "POST"} else METHOD
    return " ".join([METHOD] * (len(PERSONAS) - 1) + [anonymous])


def schema_operations() -> set[tuple[str, str]]:
    """(route pattern with {params}, METHOD) for every operation of the
    OpenAPI schema generated from the code."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (re.sub(r"\{\w+\}", "{}", path.lstrip("/")), method.upper())
        for path, operations in schema["paths"].items()
        for method in operations
        if method.upper() in METHODS
    }


def braced(pattern: str) -> str:
    """The pattern with every parameter as "{}": the schema renames some
    (``pk`` becomes ``id``)."""
    return re.sub(r"<(?:\w+:)?\w+>", "{}", pattern)
