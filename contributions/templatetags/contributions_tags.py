"""The requests-for-input part of the section page, without the section view
having to gather it: ``{% section_requests %}``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from reportdesk.abilities.inputs import can_request_input, visible_requests

register = template.Library()


@register.inclusion_tag("contributions/section_requests.html", takes_context=True)
def section_requests(context: template.Context) -> dict[str, Any]:
    from contributions.views_requests import askable_entities

    request = context["request"]
    section = context["section"]
    today = timezone.localdate()
    requests = (
        visible_requests(request.user).filter(section=section).select_related("entity")
    )
    can_ask = can_request_input(request.user, section)
    asked = {r.entity_id for r in requests}
    return {
        "section": section,
        "requests": [(r, r.is_late(today)) for r in requests],
        "can_ask": can_ask,
        "entities": [e for e in askable_entities() if e.pk not in asked]
        if can_ask
        else [],
        "csrf_token": context.get("csrf_token"),
        "today": today,
    }
