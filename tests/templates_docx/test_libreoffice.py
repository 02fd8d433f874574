"""LibreOffice opens the French, Arabic and redline exports and prints them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from templates_docx.redline import render_redline
from templates_docx.render import render_report
from tests.templates_docx.samples import arabic_report, french_report
from tests.templates_docx.test_redline import redline

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice or poppler is not installed",
)


def run_tool(args: list[str]) -> str:
    # Fixed programs, run on our own temporary files.
    done = subprocess.run(args, check=True, capture_output=True, text=True, timeout=240)
    return done.stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("printed")
    files = {
        "french": render_report(french_report()).content,
        "arabic": render_report(arabic_report()).content,
        "redline": render_redline(redline()).content,
    }
    for name, content in files.items():
        (folder / f"{name}.docx").write_bytes(content)
    run_tool(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in files),
        ]
    )
    return {
        name: run_tool(["pdftotext", str(folder / f"{name}.pdf"), "-"])
        for name in files
    }


def test_libreoffice_prints_the_french_masthead_and_numbered_paragraphs(printed):
    text = printed["french"]

    assert "Nations Unies" in text and "Distr. générale" in text
    assert "Original : français" in text.replace("\u00a0", " ")
    assert "24 mars 2025" in text
    assert "Annexe" in text and "Contributions utilisées" in text


def test_libreoffice_prints_the_arabic_report_with_the_symbol_whole(printed):
    text = printed["arabic"]

    # pdftotext takes the lam-alef ligature apart, so look for other words.
    assert "المتحدة" in text and "مقدمة" in text
    assert "CCPR/C/2009/1" in text
    assert "Distr.: General" in text


def test_libreoffice_prints_both_sides_of_a_redline(printed):
    text = printed["redline"]

    # Tracked changes are shown: the deleted and the inserted word both print.
    assert "autumn" in text and "September" in text
