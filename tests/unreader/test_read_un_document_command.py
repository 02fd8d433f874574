from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .documents import (
    BRAZIL_NATIONAL_REPORT,
    FOLLOW_UP_PDF,
    GUIDELINES,
    NATIONAL_REPORT,
    VIEWS,
)


def run(path) -> str:
    out = StringIO()
    call_command("read_un_document", str(path), stdout=out)
    return out.getvalue()


def test_it_prints_the_national_report_as_json():
    output = run(NATIONAL_REPORT)
    data = json.loads(output)

    assert data["kind"] == "upr_national_report"
    assert data["symbol"] == "A/HRC/WG.6/48/SVN/1"
    assert len([p for p in data["paragraphs"] if p["number"] is not None]) == 151
    assert len(data["footnotes"]) == 42
    # Indented by two, and non-ASCII written as it is.
    assert output.startswith('{\n  "kind"')
    assert "Slovenia’s preparations" in output


def test_it_prints_the_positions_of_the_views():
    data = json.loads(run(VIEWS))

    assert data["totals"] == {"supported": 217, "noted": 37}


def test_it_reads_the_brazilian_national_report():
    data = json.loads(run(BRAZIL_NATIONAL_REPORT))

    assert data["state"] == "Brazil"
    assert len(data["footnotes"]) == 4


def test_it_refuses_a_pdf_and_says_to_give_the_extracted_text():
    with pytest.raises(CommandError, match="not a UTF-8 text file"):
        run(FOLLOW_UP_PDF)


def test_it_refuses_a_document_of_another_kind_and_says_what_it_expected():
    with pytest.raises(CommandError, match="Expected a UPR national report"):
        run(GUIDELINES)


def test_it_refuses_a_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00")

    with pytest.raises(CommandError, match="binary file"):
        run(path)


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.txt")
