"""Read skeleton files and keep the Skeleton table in step with them.

A skeleton file is YAML; ``docs/skeletons.md`` documents its fields. Adding a
skeleton is adding a file to ``drafting/skeletons/``. Every file is checked in
full before anything is written, and every problem is reported as a
``SkeletonError`` that names the file and says what to change.
"""

from __future__ import annotations

import logging
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

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
    "word_limit",
    "count_footnotes",
    "verified",
    "verified_note",
    "organ",
    "body_lines",
    "symbol_pattern",
    "sections",
)
OPTIONAL = ("word_limit_source",)
SECTION_REQUIRED = ("key", "heading", "guidance")
SECTION_OPTIONAL = ("children", "annex", "optional", "generated_from", "articles")
VERIFIED_VALUES = {"true", "false", "partial"}
# What a generated section is made from; the code that builds the sections
# from a committee document looks for these names.
GENERATED_FROM = {
    "follow_up_selection": "the paragraphs concluding observations select for follow-up",
    "previous_recommendations": "the recommendations of the previous "
    "concluding observations",
    "list_of_issues": "the questions of a list of issues (prior to reporting or not)",
    "recommendation_themes": "UPR recommendations grouped by theme",
    "communication_questions": "the questions of a special procedures communication",
}
SYMBOL_FIELDS = {"treaty", "state_code", "cycle", "session", "year"}
TITLE_SLOT = "{state}"
# The database columns' sizes (drafting.models); a longer value would fail
# later with a database error nobody can act on.
MAX_KEY, MAX_TITLE, MAX_KIND, MAX_SOURCE = 80, 300, 40, 500
MAX_ORGAN, MAX_SECTION_KEY, MAX_HEADING = 200, 80, 500
KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class SkeletonError(ValueError):
    """A skeleton file that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class LoadResult:
    created: list[str]
    updated: list[str]
    unchanged: list[str]


def _fail(name: str, problem: str) -> SkeletonError:
    return SkeletonError(
        _("%(file)s: %(problem)s") % {"file": name, "problem": problem}
    )


def read_skeleton(path: Path) -> dict[str, Any]:
    """The file's fields, checked; raises ``SkeletonError`` naming the fix."""
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise _fail(
            name, _("not valid YAML (%(error)s); fix the syntax.") % {"error": err}
        ) from err
    if not isinstance(data, dict):
        raise _fail(name, _("expected a mapping of fields at the top of the file."))

    _check_field_names(name, data)
    _check_identity(name, path, data)
    _check_word_limit(name, data)
    _check_verification(name, data)
    _check_masthead(name, data)
    _check_sections(name, data["sections"], seen=set())
    return data


def _check_field_names(name: str, data: dict[str, Any]) -> None:
    missing = [field for field in REQUIRED if field not in data]
    if missing:
        raise _fail(
            name,
            _("missing field(s) %(fields)s; add them (docs/skeletons.md).")
            % {"fields": ", ".join(missing)},
        )
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise _fail(
            name,
            _(
                "unknown field(s) %(fields)s; check the spelling against docs/skeletons.md."
            )
            % {"fields": ", ".join(unknown)},
        )


def _check_identity(name: str, path: Path, data: dict[str, Any]) -> None:
    key = data["key"]
    if not isinstance(key, str) or not KEY_PATTERN.match(key) or len(key) > MAX_KEY:
        raise _fail(
            name,
            _(
                "key must be lower-case words joined by hyphens, at most %(n)d characters."
            )
            % {"n": MAX_KEY},
        )
    if path.stem != key:
        raise _fail(
            name,
            _("the key %(key)r differs from the file name; name the file %(key)s.yaml.")
            % {"key": key},
        )
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail(name, _("version must be a whole number from 1 up."))
    if not _text(data["title"]) or len(data["title"]) > MAX_TITLE:
        raise _fail(
            name,
            _("title must be text of at most %(n)d characters.") % {"n": MAX_TITLE},
        )
    # Report creation fills {state} in; any other slot would print as typed.
    slots = sorted(set(re.findall(r"\{[^}]*\}", data["title"])) - {TITLE_SLOT})
    if slots:
        raise _fail(
            name,
            _("title may hold only the slot %(slot)s; remove %(found)s.")
            % {"slot": TITLE_SLOT, "found": ", ".join(slots)},
        )
    if data["mechanism"] not in Mechanism.values:
        raise _fail(
            name,
            _("mechanism %(value)r is not one of %(choices)s.")
            % {"value": data["mechanism"], "choices": ", ".join(Mechanism.values)},
        )
    kind = data["kind"]
    if (
        not isinstance(kind, str)
        or not KIND_PATTERN.match(kind)
        or len(kind) > MAX_KIND
    ):
        raise _fail(
            name,
            _(
                "kind must be lower-case words joined by underscores, e.g. periodic_report."
            ),
        )
    if not _text(data["source"]) or len(" ".join(data["source"].split())) > MAX_SOURCE:
        raise _fail(
            name,
            _("source must name the UN symbols in at most %(n)d characters.")
            % {"n": MAX_SOURCE},
        )


def _check_word_limit(name: str, data: dict[str, Any]) -> None:
    limit = data["word_limit"]
    # YAML reads true as a bool, and bool is an int in Python.
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or limit < 1
    ):
        raise _fail(
            name,
            _(
                "word_limit must be a whole number of words above 0 written without "
                "separators (e.g. 21200), or null where no limit applies; got %(value)r."
            )
            % {"value": limit},
        )
    if "word_limit_source" in data and not _text(data["word_limit_source"]):
        raise _fail(name, _("word_limit_source must be a sentence naming the source."))
    if not isinstance(data["count_footnotes"], bool):
        raise _fail(name, _("count_footnotes must be true or false."))


def _check_verification(name: str, data: dict[str, Any]) -> None:
    verified = str(data["verified"]).lower()
    if verified not in VERIFIED_VALUES:
        raise _fail(name, _("verified must be true, false or partial."))
    data["verified"] = verified
    if not _text(data["verified_note"]):
        raise _fail(
            name,
            _(
                "verified_note must say what was checked against which source, and what was not."
            ),
        )


def _check_masthead(name: str, data: dict[str, Any]) -> None:
    if not isinstance(data["organ"], str) or len(data["organ"]) > MAX_ORGAN:
        raise _fail(
            name,
            _('organ must be text of at most %(n)d characters ("" for none).')
            % {"n": MAX_ORGAN},
        )
    lines = data["body_lines"]
    if not isinstance(lines, list) or not all(_text(line) for line in lines):
        raise _fail(
            name, _("body_lines must be a list of lines of text ([] for none).")
        )
    pattern = data["symbol_pattern"]
    if not isinstance(pattern, str):
        raise _fail(name, _('symbol_pattern must be text ("" where there is none).'))
    try:
        fields = {
            field for _lit, field, _spec, _conv in string.Formatter().parse(pattern)
        }
    except ValueError as err:
        raise _fail(
            name, _("symbol_pattern has unbalanced braces: %(error)s.") % {"error": err}
        ) from err
    unknown = sorted(field for field in fields - SYMBOL_FIELDS if field is not None)
    if unknown:
        raise _fail(
            name,
            _("symbol_pattern uses {%(fields)s}; use only {%(allowed)s}.")
            % {
                "fields": ", ".join(unknown),
                "allowed": "}, {".join(sorted(SYMBOL_FIELDS)),
            },
        )


def _check_sections(name: str, sections: Any, seen: set[str]) -> None:
    if not isinstance(sections, list) or not sections:
        raise _fail(name, _("sections (and children) must be a non-empty list."))
    for section in sections:
        if not isinstance(section, dict) or not all(
            _text(section.get(field)) for field in SECTION_REQUIRED
        ):
            raise _fail(
                name,
                _(
                    "every section needs a key, a heading and guidance (our own words); "
                    "one near %(near)r lacks one."
                )
                % {
                    "near": section.get("key") if isinstance(section, dict) else section
                },
            )
        key = section["key"]
        unknown = sorted(set(section) - set(SECTION_REQUIRED) - set(SECTION_OPTIONAL))
        if unknown:
            raise _fail(
                name,
                _(
                    "section %(key)r has unknown field(s) %(fields)s; allowed are "
                    "%(allowed)s."
                )
                % {
                    "key": key,
                    "fields": ", ".join(unknown),
                    "allowed": ", ".join(SECTION_REQUIRED + SECTION_OPTIONAL),
                },
            )
        if key in seen:
            raise _fail(
                name,
                _("section key %(key)r is used twice; give each section its own key.")
                % {"key": key},
            )
        seen.add(key)
        _check_section_values(name, section)
        if "children" in section:
            _check_sections(name, section["children"], seen)


def _check_section_values(name: str, section: dict[str, Any]) -> None:
    key = section["key"]
    if len(key) > MAX_SECTION_KEY or len(section["heading"]) > MAX_HEADING:
        raise _fail(
            name,
            _("section %(key)r: keys hold at most %(k)d characters, headings %(h)d.")
            % {"key": key, "k": MAX_SECTION_KEY, "h": MAX_HEADING},
        )
    for flag in ("annex", "optional"):
        if flag in section and not isinstance(section[flag], bool):
            raise _fail(
                name,
                _("section %(key)r: %(flag)s must be true or false.")
                % {"key": key, "flag": flag},
            )
    articles = section.get("articles", [])
    if not isinstance(articles, list) or not all(
        isinstance(item, str | int) and not isinstance(item, bool) for item in articles
    ):
        raise _fail(
            name,
            _('section %(key)r: articles must be a list such as ["4", "44 (6)"].')
            % {"key": key},
        )
    source = section.get("generated_from")
    if source is None:
        return
    if source not in GENERATED_FROM:
        raise _fail(
            name,
            _("section %(key)r: generated_from %(value)r is not one of %(choices)s.")
            % {
                "key": key,
                "value": source,
                "choices": ", ".join(sorted(GENERATED_FROM)),
            },
        )
    if "children" in section:
        raise _fail(
            name,
            _(
                "section %(key)r is generated from %(source)s, so it takes no children "
                "in the file; remove them."
            )
            % {"key": key, "source": GENERATED_FROM[source]},
        )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _row_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": data["version"],
        "title": data["title"],
        "mechanism": data["mechanism"],
        "kind": data["kind"],
        "source": " ".join(str(data["source"]).split()),
        "word_limit": data["word_limit"],
        "count_footnotes": data["count_footnotes"],
        "verified": data["verified"],
        "structure": data,
    }


@transaction.atomic
def load_skeletons(directory: Path = SKELETON_DIR) -> LoadResult:
    """Create or refresh a Skeleton row for each file; idempotent.

    A row changes only when its file's ``version`` goes up: a file that
    differs from the loaded row at the same version, or carries a lower one,
    is refused, so a structure never changes under reports without a trace.
    Every file is read and checked before any row is written.
    """
    files = [(path, read_skeleton(path)) for path in sorted(directory.glob("*.yaml"))]
    existing = {row.key: row for row in Skeleton.objects.all()}
    result = LoadResult([], [], [])
    for path, data in files:
        fields = _row_fields(data)
        row = existing.get(data["key"])
        if row is None:
            Skeleton.objects.create(key=data["key"], **fields)
            result.created.append(data["key"])
        elif all(getattr(row, name) == value for name, value in fields.items()):
            result.unchanged.append(data["key"])
        elif data["version"] > row.version:
            Skeleton.objects.filter(pk=row.pk).update(**fields)
            result.updated.append(data["key"])
        else:
            raise _stale(path.name, data["version"], row.version)
    logger.info(
        "skeletons: %d created, %d updated, %d unchanged",
        len(result.created),
        len(result.updated),
        len(result.unchanged),
    )
    return result


def _stale(name: str, version: int, loaded: int) -> SkeletonError:
    if version == loaded:
        return _fail(
            name,
            _(
                "the file differs from the loaded version %(v)d but its version was not "
                "raised; set version to %(next)d."
            )
            % {"v": loaded, "next": loaded + 1},
        )
    return _fail(
        name,
        _(
            "version %(v)d is older than the loaded version %(loaded)d; restore the "
            "newer file or set version above %(loaded)d."
        )
        % {"v": version, "loaded": loaded},
    )
