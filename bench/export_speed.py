"""How fast the Word export is, against writing the same content raw.

A 60,000-word report (200 sections, 2,000 numbered paragraphs, 500 footnotes,
50 tables of 20 rows) is built from the real UN documents in shared/data,
their paragraphs cycled until the report is long enough. It is exported with
the renderer, and the same content is written as bare WordprocessingML with
lxml and zipped, in the same run; then both again at twice the size. The
targets (issue #7): at most 3 times the raw writer, under one second, and no
worse than linear growth (twice the content in at most 2.2 times the time).

Run: ``python bench/export_speed.py`` from the project folder. Each figure is
the best of several runs, so a busy machine does not inflate it.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import io
import itertools
import os
import re
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reportdesk.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from lxml import etree  # noqa: E402

from drafting.sectiontext.nodes import (  # noqa: E402
    Footnote,
    Paragraph,
    Run,
    Table,
    plain_text,
)
from templates_docx.model import ExportReport, ExportSection  # noqa: E402
from templates_docx.render import render_report  # noqa: E402

SOURCES = [
    "upr_slovenia_cycle4/A_HRC_WG.6_48_SVN_1_national_report.txt",
    "cerd_brazil/HRI_CORE_BRA_2020_common_core_document.txt",
    "cerd_brazil/CERD_C_BRA_FCO_18-20_follow_up_report.txt",
    "cerd_brazil/A_HRC_WG.6_41_BRA_1_upr_national_report.txt",
]
SECTIONS = 200
PARAGRAPHS_PER_SECTION = 10
WORDS_PER_PARAGRAPH = 24
FOOTNOTES = 500
TABLES = 50
TABLE_ROWS = 20
RUNS = 9
TARGET_RATIO = 3.0
TARGET_SECONDS = 1.0
TARGET_GROWTH = 2.2

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def real_words() -> list[str]:
    """The words of the real documents, page furniture and job numbers left out."""
    words: list[str] = []
    data = Path(settings.SHARED_DIR) / "data"
    for name in SOURCES:
        text = (data / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if len(line.split()) < 6 or re.match(r"^(GE\.\d|[A-Z]+/)", line):
                continue
            words.extend(line.split())
    return words


def build_report(scale: int) -> ExportReport:
    """The benchmark report, ``scale`` times the base size."""
    words = itertools.cycle(real_words())

    def take(count: int) -> str:
        return " ".join(next(words) for _ in range(count))

    sections_count = SECTIONS * scale
    paragraphs_total = sections_count * PARAGRAPHS_PER_SECTION
    note_every = paragraphs_total // (FOOTNOTES * scale)
    table_every = sections_count // (TABLES * scale)
    sections = []
    number = 0
    for index in range(sections_count):
        blocks: list = []
        for _ in range(PARAGRAPHS_PER_SECTION):
            number += 1
            content: list = [Run(take(WORDS_PER_PARAGRAPH))]
            if number % note_every == 0:
                content.append(Footnote((Run(take(12)),)))
            blocks.append(Paragraph(tuple(content)))
        if index % table_every == 0:
            rows = tuple(
                tuple((Run(take(2)),) for _column in range(3))
                for _row in range(TABLE_ROWS)
            )
            blocks.append(Table(rows, header=True))
        sections.append(ExportSection(take(6), 1 + index % 3, tuple(blocks)))
    return ExportReport(
        symbol="A/HRC/WG.6/48/SVN/1",
        title="National report submitted pursuant to Human Rights Council "
        "resolutions 5/1 and 16/21",
        state="Slovenia",
        issued_on=dt.date(2024, 10, 30),
        original_language="English",
        language_code="en",
        organ="General Assembly",
        sections=tuple(sections),
    )


def raw_docx(report: ExportReport) -> bytes:
    """The same paragraphs, notes and tables as bare WordprocessingML, zipped.

    No template, no styles check, no masthead: the least a writer must do.
    """
    document = etree.Element(f"{{{W}}}document", nsmap={"w": W, "r": R})
    body = etree.SubElement(document, f"{{{W}}}body")
    notes = etree.Element(f"{{{W}}}footnotes", nsmap={"w": W})
    note_id = 0
    number = 0
    sub = etree.SubElement

    def text_run(parent: etree._Element, text: str) -> None:
        sub(sub(parent, f"{{{W}}}r"), f"{{{W}}}t").text = text

    for section in report.sections:
        heading = sub(body, f"{{{W}}}p")
        text_run(heading, section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                number += 1
                paragraph = sub(body, f"{{{W}}}p")
                text_run(paragraph, f"{number}.")
                for item in block.content:
                    if isinstance(item, Run):
                        text_run(paragraph, item.text)
                    elif isinstance(item, Footnote):
                        note_id += 1
                        reference = sub(
                            sub(paragraph, f"{{{W}}}r"), f"{{{W}}}footnoteReference"
                        )
                        reference.set(f"{{{W}}}id", str(note_id))
                        note = sub(notes, f"{{{W}}}footnote")
                        note.set(f"{{{W}}}id", str(note_id))
                        text_run(sub(note, f"{{{W}}}p"), plain_text(item.content))
            elif isinstance(block, Table):
                table = sub(body, f"{{{W}}}tbl")
                for row in block.rows:
                    table_row = sub(table, f"{{{W}}}tr")
                    for cell in row:
                        cell_paragraph = sub(sub(table_row, f"{{{W}}}tc"), f"{{{W}}}p")
                        text_run(cell_paragraph, plain_text(cell))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", etree.tostring(document))
        archive.writestr("word/footnotes.xml", etree.tostring(notes))
    return out.getvalue()


def best_times(*works: Callable[[], object]) -> list[float]:
    """The best time of each piece of work, run in turns so that a moment of
    load on the machine hits all of them alike. The garbage collector is
    paused while a piece runs: its pauses land at random and are not the
    work's."""
    best = [float("inf")] * len(works)
    for _ in range(RUNS):
        for index, work in enumerate(works):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                work()
                best[index] = min(best[index], time.perf_counter() - start)
            finally:
                gc.enable()
    return best


def word_count(report: ExportReport) -> int:
    def texts() -> Iterator[str]:
        for section in report.sections:
            yield section.heading
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    for item in block.content:
                        if isinstance(item, Run):
                            yield item.text
                        elif isinstance(item, Footnote):
                            yield " ".join(
                                r.text for r in item.content if isinstance(r, Run)
                            )
                elif isinstance(block, Table):
                    yield " ".join(
                        plain_text(cell) for row in block.rows for cell in row
                    )

    return sum(len(text.split()) for text in texts())


def main() -> int:
    single, double = build_report(1), build_report(2)
    render_report(single)  # warm up imports and caches
    rendered, raw, rendered2, raw2 = best_times(
        functools.partial(render_report, single),
        functools.partial(raw_docx, single),
        functools.partial(render_report, double),
        functools.partial(raw_docx, double),
    )
    words, words2 = word_count(single), word_count(double)
    ratio = rendered / raw
    growth = rendered2 / rendered
    print(
        f"report: {words:,} words, {SECTIONS} sections, "
        f"{SECTIONS * PARAGRAPHS_PER_SECTION:,} paragraphs, {FOOTNOTES} footnotes, "
        f"{TABLES} tables of {TABLE_ROWS} rows"
    )
    print(
        f"renderer:   {rendered:.3f} s  (doubled, {words2:,} words: {rendered2:.3f} s)"
    )
    print(f"raw lxml:   {raw:.3f} s  (doubled: {raw2:.3f} s)")
    print(f"ratio renderer / raw: {ratio:.2f}  (target at most {TARGET_RATIO})")
    print(f"growth when doubled:  {growth:.2f}  (target at most {TARGET_GROWTH})")
    print(
        f"under {TARGET_SECONDS:.0f} s: {'yes' if rendered < TARGET_SECONDS else 'no'}"
    )
    met = (
        ratio <= TARGET_RATIO and rendered < TARGET_SECONDS and growth <= TARGET_GROWTH
    )
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
