"""The skeleton loader: broken files are refused with a fix, loading is idempotent."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafting.models import Skeleton
from drafting.skeletons import (
    SKELETON_DIR,
    SkeletonError,
    load_skeletons,
    read_skeleton,
)

REAL = SKELETON_DIR / "cerd-periodic-report.yaml"
NAME = REAL.name


def write_variant(directory: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the real CERD periodic skeleton with one thing changed."""
    data = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    change(data)
    path = directory / NAME
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def child(data: dict[str, Any], key: str) -> dict[str, Any]:
    def walk(sections: list[dict[str, Any]]) -> dict[str, Any] | None:
        for section in sections:
            if section["key"] == key:
                return section
            found = walk(section.get("children", []))
            if found:
                return found
        return None

    found = walk(data["sections"])
    assert found is not None, key
    return found


BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "missing field": (lambda d: d.pop("word_limit"), "missing field(s) word_limit"),
    "misspelt field": (
        lambda d: d.update(wordlimit=21200),
        "unknown field(s) wordlimit; check the spelling",
    ),
    "duplicate section key among siblings": (
        lambda d: d["sections"][1].update(key="cerd.intro"),
        "section key 'cerd.intro' is used twice",
    ),
    "duplicate section key in a child": (
        lambda d: child(d, "cerd.art2.C").update(key="cerd.art1.A"),
        "section key 'cerd.art1.A' is used twice",
    ),
    "unknown mechanism": (
        lambda d: d.update(mechanism="ICERD"),
        "mechanism 'ICERD' is not one of UPR, CERD",
    ),
    "word limit with a thousands separator": (
        lambda d: d.update(word_limit="21,200"),
        "word_limit must be a whole number of words above 0 written without separators",
    ),
    "negative word limit": (lambda d: d.update(word_limit=-1), "got -1"),
    "word limit of zero": (lambda d: d.update(word_limit=0), "got 0"),
    "word limit given as true": (lambda d: d.update(word_limit=True), "got True"),
    "unknown verified value": (
        lambda d: d.update(verified="yes"),
        "verified must be true, false or partial",
    ),
    "empty verified note": (
        lambda d: d.update(verified_note=" "),
        "verified_note must say what was checked",
    ),
    "section without guidance": (
        lambda d: child(d, "cerd.art4.B").pop("guidance"),
        "one near 'cerd.art4.B' lacks one",
    ),
    "misspelt section field": (
        lambda d: child(d, "cerd.art7").update(childern=[]),
        "section 'cerd.art7' has unknown field(s) childern",
    ),
    "unknown generated_from": (
        lambda d: child(d, "cerd.follow-up").update(generated_from="loi"),
        "generated_from 'loi' is not one of",
    ),
    "generated section with children": (
        lambda d: child(d, "cerd.follow-up").update(
            children=[{"key": "x", "heading": "X", "guidance": "Y"}]
        ),
        "takes no children in the file; remove them",
    ),
    "unknown symbol placeholder": (
        lambda d: d.update(symbol_pattern="CERD/C/{country}/{cycle}"),
        "symbol_pattern uses {country}; use only {cycle}, {session}",
    ),
    "key that differs from the file name": (
        lambda d: d.update(key="cerd-report"),
        "name the file cerd-report.yaml",
    ),
    "version zero": (lambda d: d.update(version=0), "version must be a whole number"),
    "count_footnotes as text": (
        lambda d: d.update(count_footnotes="yes"),
        "count_footnotes must be true or false",
    ),
    "title longer than the column": (
        lambda d: d.update(title="x" * 301),
        "title must be text of at most 300 characters",
    ),
    "title with an unknown slot": (
        lambda d: d.update(title="Report of {country}"),
        "title may hold only the slot {state}; remove {country}",
    ),
    "articles that are not a list": (
        lambda d: child(d, "cerd.art3").update(articles="3"),
        "articles must be a list",
    ),
    "body lines that are not a list": (
        lambda d: d.update(body_lines="Committee"),
        "body_lines must be a list",
    ),
}


def test_the_real_file_used_below_is_valid():
    assert read_skeleton(REAL)["key"] == "cerd-periodic-report"


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_file_is_refused_naming_the_file_and_the_fix(tmp_path, case):
    change, fix = BROKEN[case]
    path = write_variant(tmp_path, change)
    with pytest.raises(SkeletonError) as caught:
        read_skeleton(path)
    message = str(caught.value)
    assert message.startswith(f"{NAME}: ")
    assert fix in message


def test_a_file_that_is_not_yaml_is_refused_with_the_parser_error(tmp_path):
    path = tmp_path / NAME
    path.write_text("key: [cerd-periodic-report\nversion: 1\n", encoding="utf-8")
    with pytest.raises(SkeletonError, match=r"^cerd-periodic-report\.yaml: not valid"):
        read_skeleton(path)


@pytest.mark.django_db
def test_one_broken_file_stops_the_load_before_any_row_is_written(tmp_path):
    shutil.copy(SKELETON_DIR / "upr-national-report.yaml", tmp_path)
    shutil.copy(SKELETON_DIR / "common-core-document.yaml", tmp_path)
    write_variant(tmp_path, lambda d: d.update(mechanism="ICERD"))
    with pytest.raises(SkeletonError, match="ICERD"):
        load_skeletons(tmp_path)
    assert Skeleton.objects.count() == 0


@pytest.mark.django_db
def test_loading_twice_changes_nothing_the_second_time():
    first = load_skeletons()
    rows = list(Skeleton.objects.order_by("key").values())
    second = load_skeletons()

    files = sorted(path.stem for path in SKELETON_DIR.glob("*.yaml"))
    assert sorted(first.created) == files
    assert (second.created, second.updated) == ([], [])
    assert sorted(second.unchanged) == files
    assert list(Skeleton.objects.order_by("key").values()) == rows


def _bump(path: Path, version: int, heading: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["version"] = version
    data["sections"][0]["heading"] = heading
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.mark.django_db
def test_raising_the_version_updates_the_row(tmp_path):
    path = Path(shutil.copy(SKELETON_DIR / "upr-midterm-report.yaml", tmp_path))
    load_skeletons(tmp_path)
    loaded = Skeleton.objects.get(key="upr-midterm-report").version

    _bump(path, loaded + 1, "Introduction and methodology")
    result = load_skeletons(tmp_path)

    row = Skeleton.objects.get(key="upr-midterm-report")
    assert result.updated == ["upr-midterm-report"]
    assert row.version == loaded + 1
    assert row.structure["sections"][0]["heading"] == "Introduction and methodology"


@pytest.mark.django_db
def test_a_changed_file_without_a_new_version_is_refused(tmp_path):
    path = Path(shutil.copy(SKELETON_DIR / "upr-midterm-report.yaml", tmp_path))
    load_skeletons(tmp_path)
    loaded = Skeleton.objects.get(key="upr-midterm-report").version

    _bump(path, loaded, "Introduction and methodology")
    with pytest.raises(SkeletonError, match=f"set version to {loaded + 1}"):
        load_skeletons(tmp_path)
    row = Skeleton.objects.get(key="upr-midterm-report")
    assert row.structure["sections"][0]["heading"] == "Introduction"


@pytest.mark.django_db
def test_an_older_file_does_not_replace_a_newer_row(tmp_path):
    path = Path(shutil.copy(SKELETON_DIR / "upr-midterm-report.yaml", tmp_path))
    _bump(path, 5, "Introduction and methodology")
    load_skeletons(tmp_path)

    _bump(path, 4, "Introduction")
    with pytest.raises(
        SkeletonError, match="version 4 is older than the loaded version 5"
    ):
        load_skeletons(tmp_path)
    assert Skeleton.objects.get(key="upr-midterm-report").version == 5
