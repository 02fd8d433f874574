"""The footnotes part: Word's own footnotes, numbered by Word.

The body carries a w:footnoteReference per note and word/footnotes.xml the
note itself. Ids -1 and 0 are the separator lines Word draws above the notes
(the convention current Word writes); notes take the ids after them, one by
one, so the ids run without gaps in document order.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from .ooxml import el, insert_ordered

SEPARATOR_ID = -1
CONTINUATION_ID = 0

_EMPTY_PART = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    f'<w:footnote w:type="separator" w:id="{SEPARATOR_ID}">'
    '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="{CONTINUATION_ID}">'
    '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
_SETTINGS_AFTER_FOOTNOTE_PR = (
    *tuple(
        qn(f"w:{tag}")
        for tag in [
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ]
    ),
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
)


def footnotes_part(document_part: Part) -> Part:
    """The document's footnotes part, added with its separators if missing."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        _EMPTY_PART.encode("utf-8"),
        document_part.package,
    )
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def declare_separators(settings_root: etree._Element) -> None:
    """List the separator notes in the settings, where Word looks for them."""
    if settings_root.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = settings_root.makeelement(qn("w:footnotePr"), {})
    for note_id in (SEPARATOR_ID, CONTINUATION_ID):
        el(footnote_pr, "w:footnote", id=str(note_id))
    insert_ordered(settings_root, footnote_pr, _SETTINGS_AFTER_FOOTNOTE_PR)


class Footnotes:
    """Appends notes to a parsed footnotes part and hands out their ids."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.next_id = 1 + max(
            (_note_id(note) for note in root.iter(qn("w:footnote"))),
            default=CONTINUATION_ID,
        )
        self.count = 0

    def new(self) -> tuple[int, etree._Element]:
        """A new note's id and its (empty) first paragraph."""
        note_id = self.next_id
        self.next_id += 1
        self.count += 1
        note = el(self.root, "w:footnote", id=str(note_id))
        return note_id, el(note, "w:p")

    def drop_unreferenced(self, referenced: set[int]) -> None:
        """Remove the template's own notes whose mark the template left out.

        The star note hangs on a mark inside ``{%r if without_formal_editing %}``;
        when that condition is false the mark is gone and so must the note be.
        """
        for note in list(self.root.iter(qn("w:footnote"))):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                continue
            if _note_id(note) not in referenced:
                self.root.remove(note)
        self.next_id = 1 + max(
            (_note_id(note) for note in self.root.iter(qn("w:footnote"))),
            default=CONTINUATION_ID,
        )


def _note_id(note: etree._Element) -> int:
    # Every w:footnote carries a w:id; a missing one is a broken template.
    return int(note.get(qn("w:id"), "0"))
