"""Every skeleton creates a report through the API and exports to Word; the
structure facts checked against the guidelines are pinned here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from drafting.actions import do_create_report
from drafting.export import build_export
from drafting.models import Skeleton
from drafting.skeletons import SKELETON_DIR, read_skeleton
from templates_docx.render import render_report
from tests.conftest import DATA
from tests.templates_docx.reading import open_docx

FILES = sorted(SKELETON_DIR.glob("*.yaml"))
IDS = [path.stem for path in FILES]
SKELETONS = {path.stem: read_skeleton(path) for path in FILES}
CERD_GUIDELINES = DATA / "cerd_brazil" / "CERD_C_2007_1_reporting_guidelines.txt"


def expected_tree(
    specs: list[dict[str, Any]], depth: int = 1
) -> list[tuple[str, str, int, bool]]:
    """(key, heading, depth, annex) in reading order, optional sections left out."""
    rows: list[tuple[str, str, int, bool]] = []
    for spec in specs:
        if spec.get("optional"):
            continue
        rows.append((spec["key"], spec["heading"], depth, bool(spec.get("annex"))))
        rows.extend(expected_tree(spec.get("children", []), depth + 1))
    return rows


def find(key: str, section_key: str) -> dict[str, Any]:
    def walk(specs: list[dict[str, Any]]) -> dict[str, Any] | None:
        for spec in specs:
            if spec["key"] == section_key:
                return spec
            found = walk(spec.get("children", []))
            if found:
                return found
        return None

    found = walk(SKELETONS[key]["sections"])
    assert found is not None, (key, section_key)
    return found


def headings(key: str, section_key: str) -> list[str]:
    return [spec["heading"] for spec in find(key, section_key).get("children", [])]


# Every skeleton, through the API and the exporter


@pytest.mark.django_db
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_the_coordinator_creates_a_report_from_every_skeleton(
    api_client, personas, path: Path
):
    skeleton = read_skeleton(path)
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-reports"),
        {
            "slug": f"bra-{path.stem}"[:60],
            "skeleton": skeleton["key"],
            "state": "Brazil",
            "state_code": "BRA",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["word_limit"], body["mechanism"], body["kind"]) == (
        skeleton["word_limit"],
        skeleton["mechanism"],
        skeleton["kind"],
    )

    assert body["title"] == skeleton["title"].replace("{state}", "Brazil")

    sections = api_client.get(
        reverse("api-report-sections", args=[body["slug"]])
    ).json()
    depth: dict[int, int] = {}
    for section in sections:  # reading order: a parent comes before its children
        depth[section["id"]] = (
            1 if section["parent"] is None else depth[section["parent"]] + 1
        )
    created = [(s["key"], s["heading"], depth[s["id"]], s["annex"]) for s in sections]
    assert created == expected_tree(skeleton["sections"])
    assert all(section["guidance"] for section in sections)


@pytest.mark.django_db
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_a_new_empty_report_from_every_skeleton_exports_to_word(personas, path: Path):
    skeleton = read_skeleton(path)
    report = do_create_report(
        personas.coordinator,
        Skeleton.objects.get(key=skeleton["key"]),
        slug="bra-export",
        state="Brazil",
        state_code="BRA",
    )

    result = render_report(build_export(report))

    document = open_docx(result.content)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for key, heading, depth, annex in expected_tree(skeleton["sections"]):
        if not annex or depth == 1:
            assert heading in text, key
    assert result.warnings == ()


# Word limits (General Assembly resolution 68/268) and kinds

LIMIT_BY_KIND = {
    "common_core_document": 42400,
    "initial_report": 31800,
    "initial_report_simplified": 31800,
    "periodic_report": 21200,
    "periodic_report_simplified": 21200,
    "additional_information": 21200,
    "replies_to_list_of_issues": 10700,
    "national_report": 10700,
    "follow_up_report": None,
    "midterm_report": None,
    "communication_reply": None,
    "communication_follow_up_reply": None,
}


@pytest.mark.parametrize("key", IDS)
def test_every_skeleton_carries_the_word_limit_of_its_kind(key):
    skeleton = SKELETONS[key]
    assert skeleton["word_limit"] == LIMIT_BY_KIND[skeleton["kind"]]


@pytest.mark.parametrize(
    "mechanism", ["CERD", "CCPR", "CESCR", "CAT", "CEDAW", "CRC", "CMW", "CRPD"]
)
def test_each_treaty_has_an_initial_and_a_periodic_skeleton(mechanism):
    kinds = {s["kind"] for s in SKELETONS.values() if s["mechanism"] == mechanism}
    assert {"initial_report", "periodic_report"} <= kinds


def test_ced_has_one_report_and_additional_information_instead_of_a_cycle():
    kinds = sorted(s["kind"] for s in SKELETONS.values() if s["mechanism"] == "CED")
    assert kinds == ["additional_information", "initial_report"]
    assert "article 29, paragraph 4" in SKELETONS["ced-additional-information"]["title"]


# What was checked, pinned


def test_only_the_structures_checked_in_full_are_marked_verified():
    verified = {key: s["verified"] for key, s in SKELETONS.items()}
    assert sorted(key for key, value in verified.items() if value == "true") == [
        "cerd-initial-report",
        "cerd-periodic-report",
        "treaty-follow-up-report",
    ]
    assert verified["ccpr-periodic-report"] == "false"
    assert verified["cat-periodic-report"] == "partial"


def _guideline_articles() -> list[tuple[int, str]]:
    text = CERD_GUIDELINES.read_text(encoding="utf-8")
    starts = [
        (match.start(), int(match.group(1)))
        for match in re.finditer(r"(?m)^\s*Article (\d)\s*$", text)
    ]
    ends = [start for start, _number in starts[1:]] + [len(text)]
    return [
        (number, text[start:end])
        for (start, number), end in zip(starts, ends, strict=True)
    ]


def _lettered_parts(text: str) -> list[str]:
    return re.findall(r"(?m)^\s*([A-H])\.\s", text)


@pytest.mark.parametrize("key", ["cerd-initial-report", "cerd-periodic-report"])
def test_cerd_skeletons_follow_the_guidelines_article_by_article(key):
    articles = _guideline_articles()
    assert [number for number, _text in articles] == [1, 2, 3, 4, 5, 6, 7]

    tops = [s["heading"] for s in SKELETONS[key]["sections"]]
    assert [h for h in tops if h.startswith("Article")] == [
        f"Article {number}" for number in range(1, 8)
    ]
    for number, text in articles:
        children = headings(key, f"cerd.art{number}")
        if number == 5:
            continue  # two lists, by right and by group; checked below
        assert len(children) == len(_lettered_parts(text)), number


def test_cerd_article_5_offers_the_five_rights_and_the_groups():
    text = CERD_GUIDELINES.read_text(encoding="utf-8")
    by_rights = text[
        text.index("I. Information grouped under particular rights") : text.index(
            "II. Information by relevant groups"
        )
    ]
    assert _lettered_parts(by_rights) == ["A", "B", "C", "D", "E"]
    for key in ("cerd-initial-report", "cerd-periodic-report"):
        children = [s["key"] for s in find(key, "cerd.art5")["children"]]
        assert len(children) == 5 + 1
        assert children[-1] == "cerd.art5.groups"
        assert headings(key, "cerd.art7") == [
            "Education and teaching",
            "Culture",
            "Information",
        ]


def test_only_the_periodic_cerd_report_answers_the_previous_recommendations():
    # CERD/C/2007/1, para. 6: every report but the initial one replies to them.
    text = CERD_GUIDELINES.read_text(encoding="utf-8")
    assert "except for the initial" in " ".join(text.split())
    keys = {
        key: [s.get("generated_from") for s in SKELETONS[key]["sections"]]
        for key in ("cerd-initial-report", "cerd-periodic-report")
    }
    assert "previous_recommendations" not in keys["cerd-initial-report"]
    assert "previous_recommendations" in keys["cerd-periodic-report"]


def test_the_cat_periodic_report_has_three_parts_and_part_one_covers_articles_1_to_16():
    parts = [s["key"] for s in SKELETONS["cat-periodic-report"]["sections"]]
    assert [p for p in parts if p.startswith("cat.part")] == [
        "cat.part1",
        "cat.part2",
        "cat.part3",
    ]
    part1 = headings("cat-periodic-report", "cat.part1")
    assert [h.split(":")[0] for h in part1] == [f"Article {n}" for n in range(1, 17)]
    assert find("cat-periodic-report", "cat.part3")["generated_from"] == (
        "previous_recommendations"
    )


def test_the_crc_periodic_report_has_nine_clusters():
    clusters = [
        s for s in SKELETONS["crc-periodic-report"]["sections"] if s.get("articles")
    ]
    assert len(clusters) == 9
    assert clusters[-1]["heading"] == "Special protection measures"
    assert {"22", "30", "32", "35", "36", "37 (b)-(d)", "39", "40"} <= set(
        clusters[-1]["articles"]
    )
    initial = [
        s for s in SKELETONS["crc-initial-report"]["sections"] if s.get("articles")
    ]
    assert len(initial) == 8


@pytest.mark.parametrize("key", ["ced-report", "ced-additional-information"])
def test_ced_skeletons_cover_the_25_articles_of_the_convention(key):
    container = "ced.articles" if key == "ced-report" else "cedai.articles"
    numbers = [h.split(":")[0] for h in headings(key, container)]
    assert numbers == [f"Article {n}" for n in range(1, 26)]


@pytest.mark.parametrize(
    ("prefix", "count"),
    [("ccpr", 27), ("cescr", 15), ("cedaw", 16), ("crpd", 33)],
)
def test_article_by_article_skeletons_cover_every_substantive_article(prefix, count):
    for kind in ("initial", "periodic"):
        key = f"{prefix}-{kind}-report"
        parts = [s for s in SKELETONS[key]["sections"] if s.get("children")]
        numbers = [c["heading"].split(":")[0] for p in parts for c in p["children"]]
        assert numbers == [f"Article {n}" for n in range(1, count + 1)], key


def test_the_cmw_parts_cover_articles_1_to_71_once():
    for key in ("cmw-initial-report", "cmw-periodic-report"):
        listed = [a for s in SKELETONS[key]["sections"] for a in s.get("articles", [])]
        assert listed == [str(n) for n in range(1, 72)], key


@pytest.mark.parametrize(
    "key",
    [
        "simplified-procedure-initial-report",
        "simplified-procedure-periodic-report",
        "replies-to-list-of-issues",
    ],
)
def test_replies_to_a_list_of_issues_are_generated_from_its_questions(key):
    sources = [s.get("generated_from") for s in SKELETONS[key]["sections"]]
    assert sources.count("list_of_issues") == 1


@pytest.mark.parametrize(
    "key",
    ["special-procedures-communication-reply", "special-procedures-follow-up-reply"],
)
def test_replies_to_special_procedures_answer_each_question_without_a_limit(key):
    skeleton = SKELETONS[key]
    headings_ = [s["heading"] for s in skeleton["sections"]]
    assert skeleton["word_limit"] is None
    assert headings_[0].startswith("Reference of the communication")
    assert headings_[-1] == "Contact for further information"
    assert [s.get("generated_from") for s in skeleton["sections"]].count(
        "communication_questions"
    ) == 1


def test_the_common_core_document_matches_the_brazilian_one():
    text = (
        DATA / "cerd_brazil" / "HRI_CORE_BRA_2020_common_core_document.txt"
    ).read_text(encoding="utf-8")
    # The real document's part headings, in order (words as Brazil wrote them).
    for heading in (
        "I. General information about the State",
        "A. Demographic, economic, social, and cultural characteristics",
        "B. Constitutional, political, and legal structure of the State",
        "II. General framework for protection and promotion of human",
        "D. Reporting process nationwide",
        "III. Information on the lack of discrimination, equality, and",
    ):
        assert heading in text
    ccd = SKELETONS["common-core-document"]
    tops = [s["key"] for s in ccd["sections"] if not s.get("annex")]
    assert tops == ["ccd.1", "ccd.2", "ccd.3"]
    assert len(headings("common-core-document", "ccd.1")) == 2
    required = [
        c
        for c in find("common-core-document", "ccd.2")["children"]
        if not c.get("optional")
    ]
    assert len(required) == 4  # Brazil's II.A-D
