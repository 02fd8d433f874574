"""The demo is built from the real documents and keeps their numbers."""

import io
import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from contributions.models import AcceptedInput, Contribution, Entity
from drafting.demo import load_demo
from drafting.export import build_export
from drafting.models import Report, Section
from templates_docx.render import render_report

pytestmark = pytest.mark.django_db

NUMBERED = re.compile(r"(\d+)\.\t")


@pytest.fixture
def demo():
    load_demo(extras=False)


@pytest.fixture
def slovenia_docx(demo) -> bytes:
    return render_report(build_export(Report.objects.get(slug="svn-upr4"))).content


def _numbered_paragraphs(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    return [
        p.text for p in document.paragraphs if p.style and p.style.name == "RD Para"
    ]


def _counts() -> list[int]:
    models = (Report, Section, Contribution, AcceptedInput, Entity, get_user_model())
    return [model.objects.count() for model in models]


def test_loading_the_demo_twice_duplicates_nothing(db):
    load_demo()
    counts = _counts()
    load_demo()
    assert _counts() == counts
    assert sorted(Report.objects.values_list("slug", flat=True)) == [
        "bra-cerd-fu",
        "svn-upr4",
        "svn-upr4-mtr",
    ]


def test_the_slovenian_export_carries_the_151_paragraphs_in_order(slovenia_docx):
    paragraphs = _numbered_paragraphs(slovenia_docx)
    assert [int(NUMBERED.match(p).group(1)) for p in paragraphs] == list(range(1, 152))
    assert paragraphs[0].startswith("1.\tIn March 2022, the Republic of Slovenia")
    assert paragraphs[150].startswith("151.\tSlovenia remains committed to the UPR")


def test_the_slovenian_export_carries_the_42_footnotes_in_order(slovenia_docx):
    with zipfile.ZipFile(io.BytesIO(slovenia_docx)) as package:
        notes = package.read("word/footnotes.xml").decode()
        body = package.read("word/document.xml").decode()
    texts = re.findall(r"<w:footnote [^>]*>(.*?)</w:footnote>", notes, re.S)
    plain = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", t)) for t in texts]
    report_notes = [t for t in plain if t and "without formal editing" not in t]
    assert len(report_notes) == 42
    assert "Office of the High Commissioner for Human Rights" in report_notes[0]
    assert report_notes[41].strip() == "United Nations General Assembly."
    # Word numbers notes by their order in the body: the references must be
    # consecutive there too.
    ids = [int(i) for i in re.findall(r'<w:footnoteReference w:id="(\d+)"', body)]
    assert ids == sorted(ids)


def test_recommendation_references_stay_under_their_headings(slovenia_docx):
    document = docx.Document(io.BytesIO(slovenia_docx))
    texts = [p.text for p in document.paragraphs]
    assert "(Recommendations 1, 5, 7–9, 11–12, 158–160)" in texts
    assert texts.index("(Recommendations 1, 5, 7–9, 11–12, 158–160)") < texts.index(
        next(t for t in texts if t.startswith("4.\tSince the previous review"))
    )


def test_every_slovenian_part_came_from_a_ministry_and_is_listed_as_input_used(demo):
    report = Report.objects.get(slug="svn-upr4")
    with_text = report.sections.exclude(text="")
    assert (
        with_text.count()
        == AcceptedInput.objects.filter(section__report=report).count()
    )
    annex = build_export(report).inputs_used
    entities = {item.entity for item in annex}
    assert "Ministry of Justice" in entities
    assert "Ministry of the Interior" in entities


def test_the_brazilian_follow_up_report_has_one_section_per_selected_paragraph(demo):
    report = Report.objects.get(slug="bra-cerd-fu")
    items = report.sections.get(key="fu.items")
    headings = list(
        items.children.order_by("position").values_list("heading", flat=True)
    )
    assert headings == [
        "Information relating to paragraph 17 (a)",
        "Information relating to paragraph 19 (c)",
        "Information relating to paragraph 23 (a)",
        "Information relating to paragraph 36 (a)–(d)",
    ]
    guidance = items.children.get(key="co.36").guidance
    assert "excessive use of force" in guidance.lower() or "law enforcement" in guidance


def test_committee_guidance_is_never_exported(demo):
    report = Report.objects.get(slug="bra-cerd-fu")
    content = render_report(build_export(report)).content
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    guidance = report.sections.get(key="co.17").guidance
    assert guidance[:60] not in text


def test_export_report_command_writes_the_file(demo, tmp_path):
    target = tmp_path / "svn.docx"
    call_command("export_report", "svn-upr4", "--output", str(target))
    assert len(_numbered_paragraphs(target.read_bytes())) == 151


def test_libreoffice_renders_the_slovenian_export(slovenia_docx, tmp_path):
    if shutil.which("soffice") is None:
        # CI installs LibreOffice, so there a missing one is a failure.
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI.")
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "svn-upr4.docx"
    source.write_bytes(slovenia_docx)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "svn-upr4.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = subprocess.run(
        ["pdfinfo", str(tmp_path / "svn-upr4.pdf")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) >= 15


def test_inputs_used_name_the_paragraphs_each_ministry_wrote(demo):
    inputs = build_export(Report.objects.get(slug="svn-upr4")).inputs_used
    introduction = next(
        item for item in inputs if item.section_heading == "Introduction"
    )
    assert introduction.paragraphs == (1, 2, 3)
    conclusion = next(item for item in inputs if item.section_heading == "Conclusion")
    assert conclusion.paragraphs == (151,)
    covered = sorted(number for item in inputs for number in item.paragraphs)
    assert covered == list(range(1, 152))


def test_an_edited_paragraph_is_no_longer_credited_to_the_ministry(demo):
    report = Report.objects.get(slug="svn-upr4")
    introduction = report.sections.get(heading="Introduction")
    _first, rest = introduction.text.split("\n\n", 1)
    introduction.text = "The secretariat rewrote this paragraph.\n\n" + rest
    introduction.save()
    inputs = build_export(report).inputs_used
    entry = next(item for item in inputs if item.section_heading == "Introduction")
    assert entry.paragraphs == (2, 3)


def test_a_heading_inside_a_section_sits_below_that_section_in_word(demo):
    report = Report.objects.get(slug="bra-cerd-fu")
    section = report.sections.get(key="co.23")
    section.text = "A paragraph.\n\n## Measures taken\n\nAnother paragraph."
    section.save()
    content = render_report(build_export(report)).content
    headings = [
        (p.style.name, p.text)
        for p in docx.Document(io.BytesIO(content)).paragraphs
        if p.style and p.style.name.startswith("RD Heading")
    ]
    texts = [text for _style, text in headings]
    assert ("RD Heading 3", "1.\tMeasures taken") in headings
    # The sections after it keep their letters.
    assert "D.\tInformation relating to paragraph 36 (a)–(d)" in texts
