"""Read skeleton files and keep the Skeleton table in step with them.

A skeleton file is YAML; ``docs/skeletons.md`` documents its fields. Adding a
skeleton is adding a file to ``drafting/skeletons/``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from drafting.models import Mechanism, Skeleton

logger = logging.getLogger(__name__)

SKELETON_DIR = Path(__file__).resolve().parent / "skeletons"
REQUIRED = (
    "key",
    "version",
    "title",
    "mechanism",
    "kind",
    "source",
    "verified",
    "sections",
)
VERIFIED_VALUES = {"true", "false", "partial"}


class SkeletonError(ValueError):
    """A skeleton file that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class LoadResult:
    created: list[str]
    updated: list[str]
    unchanged: list[str]


def read_skeleton(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise SkeletonError(f"{path.name}: not valid YAML ({err}).") from err
    if not isinstance(data, dict):
        raise SkeletonError(f"{path.name}: expected a mapping of fields at the top.")
    missing = [name for name in REQUIRED if name not in data]
    if missing:
        raise SkeletonError(f"{path.name}: missing field(s) {', '.join(missing)}.")
    if data["mechanism"] not in Mechanism.values:
        raise SkeletonError(
            f"{path.name}: mechanism {data['mechanism']!r} is not one of "
            f"{', '.join(Mechanism.values)}."
        )
    if str(data["verified"]).lower() not in VERIFIED_VALUES:
        raise SkeletonError(f"{path.name}: verified must be true, false or partial.")
    data["verified"] = str(data["verified"]).lower()
    if not isinstance(data.get("word_limit"), int | type(None)):
        raise SkeletonError(f"{path.name}: word_limit must be a whole number or null.")
    _check_sections(path.name, data["sections"], seen=set())
    return data


def _check_sections(name: str, sections: Any, seen: set[str]) -> None:
    if not isinstance(sections, list) or not sections:
        raise SkeletonError(f"{name}: sections must be a non-empty list.")
    for section in sections:
        if (
            not isinstance(section, dict)
            or not section.get("key")
            or not section.get("heading")
        ):
            raise SkeletonError(f"{name}: every section needs a key and a heading.")
        if section["key"] in seen:
            raise SkeletonError(
                f"{name}: section key {section['key']!r} is used twice."
            )
        seen.add(section["key"])
        if "children" in section:
            _check_sections(name, section["children"], seen)


@transaction.atomic
def load_skeletons(directory: Path = SKELETON_DIR) -> LoadResult:
    """Create or refresh a Skeleton row for each file; idempotent."""
    result = LoadResult([], [], [])
    for path in sorted(directory.glob("*.yaml")):
        data = read_skeleton(path)
        fields = {
            "version": data["version"],
            "title": data["title"],
            "mechanism": data["mechanism"],
            "kind": data["kind"],
            "source": " ".join(str(data["source"]).split()),
            "word_limit": data.get("word_limit"),
            "count_footnotes": bool(data.get("count_footnotes", True)),
            "verified": data["verified"],
            "structure": data,
        }
        skeleton = Skeleton.objects.filter(key=data["key"]).first()
        if skeleton is None:
            Skeleton.objects.create(key=data["key"], **fields)
            result.created.append(data["key"])
        elif any(getattr(skeleton, name) != value for name, value in fields.items()):
            Skeleton.objects.filter(pk=skeleton.pk).update(**fields)
            result.updated.append(data["key"])
        else:
            result.unchanged.append(data["key"])
    logger.info(
        "skeletons: %d created, %d updated, %d unchanged",
        len(result.created),
        len(result.updated),
        len(result.unchanged),
    )
    return result
