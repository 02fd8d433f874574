"""The implementation plan as an Excel workbook: recommendations and actions."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from recommendations.models import PlannedAction, Recommendation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_workbook(recommendations: QuerySet[Recommendation]) -> bytes:
    """Two sheets: one row per recommendation, one row per planned action."""
    rows = recommendations.prefetch_related(
        "themes", "groups", "sdgs", "responsible_entities"
    ).select_related("status_updated_by")
    book = Workbook()
    sheet = book.active if isinstance(book.active, Worksheet) else book.create_sheet()
    sheet.title = _("Recommendations")[:31]
    _write(
        sheet,
        (
            _("Recommendation"),
            _("Mechanism"),
            _("Document"),
            _("Text"),
            _("Recommending States"),
            _("Position"),
            _("Themes"),
            _("Groups of persons"),
            _("SDG goals"),
            _("SDG targets"),
            _("Responsible bodies"),
            _("Implementation status"),
            _("Note on implementation"),
        ),
        (
            (
                str(r.label),
                r.mechanism,
                r.symbol,
                r.text,
                ", ".join(r.recommending_states),
                str(r.get_position_display()) if r.position else "",
                "; ".join(t.name for t in r.themes.all()),
                "; ".join(g.name for g in r.groups.all()),
                ", ".join(str(s.number) for s in r.sdgs.all()),
                ", ".join(r.sdg_targets),
                "; ".join(e.name for e in r.responsible_entities.all()),
                str(r.get_status_display()),
                r.status_note,
            )
            for r in rows
        ),
    )
    actions = book.create_sheet(_("Planned actions")[:31])
    _write(
        actions,
        (
            _("Recommendation"),
            _("Responsible body"),
            _("Action"),
            _("Start"),
            _("Due"),
            _("Indicator"),
            _("Status"),
        ),
        (
            (
                str(a.recommendation.label),
                a.entity.name,
                a.description,
                a.start.isoformat() if a.start else "",
                a.due.isoformat() if a.due else "",
                a.indicator,
                str(a.get_status_display()),
            )
            for a in PlannedAction.objects.filter(recommendation__in=rows)
            .select_related("recommendation", "entity")
            .order_by("recommendation__symbol", "recommendation__sort_key", "due")
        ),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write(
    sheet: Worksheet, header: tuple[str, ...], rows: Iterable[tuple[str, ...]]
) -> None:
    sheet.append([str(h) for h in header])
    for row in rows:
        sheet.append([_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            # openpyxl takes a string that starts with "=" for a formula; the
            # text is imported from outside and must stay text.
            cell.data_type = "s"


def _cell(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)
