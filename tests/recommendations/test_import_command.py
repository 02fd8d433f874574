"""manage.py import_recommendations FILE."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from recommendations.models import Recommendation
from tests.conftest import DATA
from tests.recommendations.conftest import THEMATIC_LIST, UPR_INFO, WG_REPORT

pytestmark = pytest.mark.django_db


def run(path) -> dict:
    out = io.StringIO()
    call_command("import_recommendations", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_it_detects_the_thematic_list_and_prints_a_json_summary(db):
    summary = run(DATA / THEMATIC_LIST)
    assert summary["kind"] == "upr_thematic_list"
    assert (summary["imported"], summary["updated"], summary["unchanged"]) == (
        254,
        0,
        0,
    )
    assert summary["by_position"] == {"noted": 37, "supported": 217}
    assert summary["by_sdg"]["16"] == 94
    assert summary["by_theme"]["Right to education"] == 33


def test_running_it_again_reports_everything_unchanged(db):
    run(DATA / WG_REPORT)
    summary = run(DATA / WG_REPORT)
    assert (summary["imported"], summary["updated"], summary["unchanged"]) == (
        0,
        0,
        254,
    )
    assert Recommendation.objects.count() == 254


def test_it_imports_a_upr_info_export(db):
    summary = run(DATA / UPR_INFO)
    assert (summary["kind"], summary["imported"]) == ("upr_info_csv", 198)


def test_a_pdf_or_other_binary_is_refused_with_a_reason(db, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n\xff\xfe\x00binary")
    with pytest.raises(CommandError, match="not UTF-8 text"):
        run(path)


def test_a_missing_file_is_named(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nothing.txt")


def test_text_of_another_kind_is_refused(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Minutes of the inter-ministerial meeting.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not a source of recommendations"):
        run(path)
