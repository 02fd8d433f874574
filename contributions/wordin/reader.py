"""Turning a checked .docx into section text.

What is kept: paragraphs, headings (Word's Heading 1 becomes ``##``, deeper
ones ``###``), bulleted and numbered lists, bold and italic, footnotes (and
endnotes, as footnotes), hyperlinks with their text and address, tables
(a header row when Word repeats it), page breaks. Tracked changes are read
as if every one were accepted (insertions kept, deletions dropped), and the
reader says how many there were. Comments come back separately with the
words they are attached to. Images, text boxes and fields other than links
are left out with a warning.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lxml import etree

from drafting.sectiontext import (
    Block,
    Break,
    BulletList,
    Footnote,
    Heading,
    Inline,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from drafting.sectiontext.prepare import prepare_text
from drafting.sectiontext.serialize import serialize

from .safety import MAIN_PART, Package, open_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
LINK_SCHEMES = ("http://", "https://", "mailto:")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class WordComment:
    author: str
    text: str
    anchor: str


@dataclass
class ImportedText:
    """The section text read from a file, what to tell the person, comments."""

    text: str
    warnings: list[str]
    comments: list[WordComment]


@dataclass
class _Counts:
    insertions: int = 0
    deletions: int = 0
    formatting: int = 0
    images: int = 0
    other_links: int = 0
    endnotes: int = 0


def read_docx(data: bytes) -> ImportedText:
    """Read an uploaded Word file; raises ``WordFileRefused`` with the reason."""
    package = open_package(data)
    reader = _Reader(package)
    blocks = reader.body()
    prepared = prepare_text(serialize(blocks))
    warnings = reader.warnings()
    if prepared.removed_characters:
        warnings.append(
            _("%(count)d character(s) that cannot exist in a Word file were removed.")
            % {"count": prepared.removed_characters}
        )
    if prepared.paragraph_numbers_removed:
        warnings.append(
            _(
                "%(count)d paragraph number(s) typed by hand were taken out: "
                "Reportdesk numbers paragraphs itself."
            )
            % {"count": prepared.paragraph_numbers_removed}
        )
    return ImportedText(prepared.text, warnings, reader.comments())


def _on(element: etree._Element | None, tag: str) -> bool:
    """Whether a toggle property (w:b, w:i) is set on a run's properties."""
    if element is None:
        return False
    found = element.find(w(tag))
    if found is None:
        return False
    return found.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class _Inline:
    """Inline content of one paragraph being read, with formatting state."""

    items: list[Inline] = field(default_factory=list)

    def text(self, text: str, bold: bool, italic: bool, href: str | None) -> None:
        if not text:
            return
        text = text.replace("\n", " ")
        core = text.strip(" ")
        if not core or not (bold or italic):
            self._add(Run(text, bold and bool(core), italic and bool(core), href))
            return
        # Spaces stay outside bold and italic, so "**word **" never happens.
        lead = text[: len(text) - len(text.lstrip(" "))]
        tail = text[len(text.rstrip(" ")) :]
        if lead:
            self._add(Run(lead, False, False, href))
        self._add(Run(core, bold, italic, href))
        if tail:
            self._add(Run(tail, False, False, href))

    def _add(self, run: Run) -> None:
        last = self.items[-1] if self.items else None
        if isinstance(last, Run) and last.same_format(run):
            self.items[-1] = Run(last.text + run.text, run.bold, run.italic, run.href)
        else:
            self.items.append(run)

    def add(self, item: Inline) -> None:
        self.items.append(item)

    def content(self) -> tuple[Inline, ...]:
        items = list(self.items)
        while items and isinstance(items[0], Break):
            items.pop(0)
        while items and isinstance(items[-1], Break):
            items.pop()
        return _trimmed(items)


def _trimmed(items: list[Inline]) -> tuple[Inline, ...]:
    """Collapse runs of spaces and take spaces off both ends."""
    result: list[Inline] = []
    for item in items:
        if isinstance(item, Run):
            text = " ".join(item.text.split(" "))
            while "  " in text:
                text = text.replace("  ", " ")
            item = Run(text, item.bold, item.italic, item.href)
        result.append(item)
    if result and isinstance(result[0], Run):
        result[0] = Run(
            result[0].text.lstrip(), result[0].bold, result[0].italic, result[0].href
        )
    if result and isinstance(result[-1], Run):
        last = result[-1]
        result[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.href)
    return tuple(
        item for item in result if not (isinstance(item, Run) and not item.text)
    )


class _Reader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.counts = _Counts()
        self.anchors: dict[str, list[str]] = {}
        self.open_comments: set[str] = set()
        self.main = self._main_part()
        self.rels = self._relationships(self.main)
        self.styles = self._styles()
        self.numbering = self._numbering()
        self.notes = self._notes("footnotes", "footnote")
        self.endnotes = self._notes("endnotes", "endnote")
        self.comment_texts = self._comment_texts()
        self.page_breaks = 0

    # Parts and relationships

    def _main_part(self) -> str:
        if not self.package.has("_rels/.rels"):
            return MAIN_PART
        root = self.package.xml("_rels/.rels")
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if self.package.has(target):
                    return target
        return MAIN_PART

    def _relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if not self.package.has(rels_name):
            return {}
        found = {}
        for rel in self.package.xml(rels_name).iter(f"{{{PKG_RELS}}}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            found[rel.get("Id", "")] = (
                rel.get("Type", "").rsplit("/", 1)[-1],
                target,
                rel.get("TargetMode", ""),
            )
        return found

    def _part(self, kind: str) -> etree._Element | None:
        for rel_type, target, mode in self.rels.values():
            if rel_type == kind and mode != "External" and self.package.has(target):
                return self.package.xml(target)
        return None

    def _styles(self) -> dict[str, tuple[str, etree._Element | None]]:
        root = self._part("styles")
        styles: dict[str, tuple[str, etree._Element | None]] = {}
        if root is None:
            return styles
        for style in root.iter(w("style")):
            name = style.find(w("name"))
            styles[style.get(w("styleId"), "")] = (
                (name.get(w("val"), "") if name is not None else "").lower(),
                style.find(w("pPr")),
            )
        return styles

    def _numbering(self) -> dict[tuple[str, str], bool]:
        """(numId, level) → whether that list level is bulleted."""
        root = self._part("numbering")
        bulleted: dict[tuple[str, str], bool] = {}
        if root is None:
            return bulleted
        abstract = {}
        for item in root.iter(w("abstractNum")):
            levels = {}
            for level in item.iter(w("lvl")):
                fmt = level.find(w("numFmt"))
                levels[level.get(w("ilvl"), "0")] = (
                    fmt is not None and fmt.get(w("val")) == "bullet"
                )
            abstract[item.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
            for depth, is_bullet in levels.items():
                bulleted[(num.get(w("numId"), ""), depth)] = is_bullet
        return bulleted

    def _notes(self, kind: str, tag: str) -> dict[str, tuple[Run | Break, ...]]:
        root = self._part(kind)
        notes: dict[str, tuple[Run | Break, ...]] = {}
        if root is None:
            return notes
        for note in root.iter(w(tag)):
            if note.get(w("type")) in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            content = _Inline()
            for index, paragraph in enumerate(note.iter(w("p"))):
                if index:
                    content.add(Break())
                self._inline(paragraph, content, in_note=True)
            notes[note.get(w("id"), "")] = tuple(
                item for item in content.content() if isinstance(item, Run | Break)
            )
        return notes

    def _comment_texts(self) -> dict[str, tuple[str, str]]:
        root = self._part("comments")
        texts: dict[str, tuple[str, str]] = {}
        if root is None:
            return texts
        for comment in root.iter(w("comment")):
            paragraphs = [
                "".join(t.text or "" for t in p.iter(w("t")))
                for p in comment.iter(w("p"))
            ]
            texts[comment.get(w("id"), "")] = (
                comment.get(w("author"), ""),
                "\n".join(p for p in paragraphs if p.strip()),
            )
        return texts

    # The body

    def body(self) -> list[Block]:
        root = self.package.xml(self.main)
        body = root.find(w("body"))
        if body is None:
            return []
        blocks: list[Block] = []
        list_items: list[tuple[Inline, ...]] = []
        list_bulleted = True
        carry: list[Inline] = []

        def close_list() -> None:
            if list_items:
                kind = BulletList if list_bulleted else NumberedList
                blocks.append(kind(tuple(list_items)))
                list_items.clear()

        for element in self._block_elements(body):
            if element.tag == w("tbl"):
                close_list()
                table = self._table(element)
                if table is not None:
                    blocks.append(table)
                continue
            content = _Inline(items=list(carry))
            carry = []
            self._inline(element, content)
            if self._mark_deleted(element):
                # Accepting the deletion of a paragraph mark joins the
                # paragraph to the next one.
                carry = [*content.items, Run(" ")]
                self.counts.deletions += 1
                continue
            inlines = content.content()
            breaks_page = self._page_break_before(element)
            if breaks_page:
                close_list()
                blocks.append(PageBreak())
            if not inlines:
                continue
            kind, level = self._paragraph_kind(element)
            if kind in ("bullet", "number"):
                if list_items and list_bulleted != (kind == "bullet"):
                    close_list()
                list_bulleted = kind == "bullet"
                list_items.append(inlines)
                continue
            close_list()
            if kind == "heading":
                blocks.append(Heading(inlines, level=level))
            else:
                blocks.append(Paragraph(inlines))
        close_list()
        if carry:
            inlines = _Inline(items=carry).content()
            if inlines:
                blocks.append(Paragraph(inlines))
        return blocks

    def _block_elements(self, parent: etree._Element) -> list[etree._Element]:
        """Paragraphs and tables in order, looking through content controls and
        tracked insertions of whole paragraphs; tracked deletions are left out."""
        found: list[etree._Element] = []
        for child in parent:
            tag = child.tag
            if tag in (w("p"), w("tbl")):
                found.append(child)
            elif tag in (
                w("sdt"),
                w("sdtContent"),
                w("customXml"),
                w("ins"),
                w("moveTo"),
            ):
                if tag in (w("ins"), w("moveTo")):
                    self.counts.insertions += 1
                found.extend(self._block_elements(child))
            elif tag in (w("del"), w("moveFrom")):
                self.counts.deletions += 1
        return found

    def _mark_deleted(self, paragraph: etree._Element) -> bool:
        mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
        return mark is not None and (
            mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None
        )

    def _page_break_before(self, paragraph: etree._Element) -> bool:
        props = paragraph.find(w("pPr"))
        return props is not None and _on(props, "pageBreakBefore")

    def _paragraph_kind(self, paragraph: etree._Element) -> tuple[str, int]:
        props = paragraph.find(w("pPr"))
        style_id = ""
        if props is not None:
            style = props.find(w("pStyle"))
            style_id = style.get(w("val"), "") if style is not None else ""
            if props.find(w("pPrChange")) is not None:
                self.counts.formatting += 1
        name, style_props = self.styles.get(style_id, (style_id.lower(), None))
        level = _heading_level(name, props, style_props)
        if level:
            return "heading", min(level + 1, 3)
        numbered = _numbering_of(props) or _numbering_of(style_props)
        if numbered is not None and numbered[0] != "0":
            bullet = self.numbering.get(numbered, "bullet" in name)
            return ("bullet" if bullet else "number"), 0
        if name.startswith("list bullet"):
            return "bullet", 0
        if name.startswith("list number"):
            return "number", 0
        return "paragraph", 0

    def _table(self, table: etree._Element) -> Table | None:
        rows = []
        header = False
        for index, row in enumerate(table.iter(w("tr"))):
            if row.getparent() is not None and row.getparent() is not table:
                continue  # rows of a nested table are read as its cell's text
            if index == 0:
                props = row.find(w("trPr"))
                header = props is not None and _on(props, "tblHeader")
            cells = []
            for cell in row.findall(w("tc")):
                content = _Inline()
                for number, paragraph in enumerate(cell.iter(w("p"))):
                    if number:
                        content.add(Break())
                    self._inline(paragraph, content)
                cells.append(content.content())
            if cells:
                rows.append(tuple(cells))
        if not rows:
            return None
        width = max(len(row) for row in rows)
        rows = [row + ((),) * (width - len(row)) for row in rows]
        return Table(tuple(rows), header=header)

    # Inside a paragraph

    def _inline(
        self,
        element: etree._Element,
        content: _Inline,
        *,
        href: str | None = None,
        in_note: bool = False,
    ) -> None:
        field_state: list[str] = []  # "instr" while reading a field code
        field_link: list[str | None] = []
        self._walk(element, content, href, in_note, field_state, field_link)

    def _walk(
        self,
        element: etree._Element,
        content: _Inline,
        href: str | None,
        in_note: bool,
        field_state: list[str],
        field_link: list[str | None],
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == w("r"):
                link = href or (field_link[-1] if field_link else None)
                self._run(child, content, link, in_note, field_state, field_link)
            elif tag == w("hyperlink"):
                self._walk(
                    child, content, self._link(child), in_note, field_state, field_link
                )
            elif tag == w("fldSimple"):
                instruction = child.get(w("instr"), "")
                self._walk(
                    child,
                    content,
                    href or self._field_link(instruction),
                    in_note,
                    field_state,
                    field_link,
                )
            elif tag in (w("ins"), w("moveTo")):
                self.counts.insertions += 1
                self._walk(child, content, href, in_note, field_state, field_link)
            elif tag in (w("del"), w("moveFrom")):
                self.counts.deletions += 1
            elif tag in (w("smartTag"), w("customXml"), w("sdt"), w("sdtContent")):
                self._walk(child, content, href, in_note, field_state, field_link)
            elif tag == w("commentRangeStart"):
                self.open_comments.add(child.get(w("id"), ""))
            elif tag == w("commentRangeEnd"):
                self.open_comments.discard(child.get(w("id"), ""))

    def _run(
        self,
        run: etree._Element,
        content: _Inline,
        href: str | None,
        in_note: bool,
        field_state: list[str],
        field_link: list[str | None],
    ) -> None:
        props = run.find(w("rPr"))
        if props is not None and props.find(w("rPrChange")) is not None:
            self.counts.formatting += 1
        bold, italic = _on(props, "b"), _on(props, "i")
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    field_state.append("")
                    field_link.append(None)
                elif kind == "separate" and field_state:
                    field_link[-1] = self._field_link(field_state[-1])
                    field_state[-1] = "\x00"  # reading the field's result now
                elif kind == "end" and field_state:
                    field_state.pop()
                    field_link.pop()
                continue
            if field_state and field_state[-1] != "\x00":
                if tag == w("instrText"):
                    field_state[-1] += child.text or ""
                continue  # a field's code is not text
            link = href or (field_link[-1] if field_link else None)
            if tag == w("t"):
                self._text(content, child.text or "", bold, italic, link)
            elif tag == w("tab"):
                self._text(content, " ", False, False, link)
            elif tag in (w("noBreakHyphen"),):
                self._text(content, "-", bold, italic, link)
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) == "page":
                    self.page_breaks += 1
                content.add(Break())
            elif tag == w("footnoteReference") and not in_note:
                content.add(Footnote(self.notes.get(child.get(w("id"), ""), ())))
            elif tag == w("endnoteReference") and not in_note:
                self.counts.endnotes += 1
                content.add(Footnote(self.endnotes.get(child.get(w("id"), ""), ())))
            elif tag in (w("drawing"), w("pict"), w("object")) or tag == w("sym"):
                self.counts.images += 1

    def _text(
        self, content: _Inline, text: str, bold: bool, italic: bool, href: str | None
    ) -> None:
        content.text(text, bold, italic, href)
        for comment in self.open_comments:
            self.anchors.setdefault(comment, []).append(text)

    def _link(self, hyperlink: etree._Element) -> str | None:
        rel_id = hyperlink.get(f"{{{R}}}id")
        if rel_id is None:
            return None  # a link inside the document (w:anchor)
        _type, target, _mode = self.rels.get(rel_id, ("", "", ""))
        return self._checked_link(target)

    def _field_link(self, instruction: str) -> str | None:
        words = instruction.split()
        if not words or words[0].upper() != "HYPERLINK":
            return None
        address = next(
            (word.strip('"') for word in words[1:] if not word.startswith("\\")), ""
        )
        return self._checked_link(address)

    def _checked_link(self, target: str) -> str | None:
        if target.lower().startswith(LINK_SCHEMES):
            return target
        if target:
            self.counts.other_links += 1
        return None

    # What to tell the person

    def comments(self) -> list[WordComment]:
        return [
            WordComment(
                author, text, " ".join("".join(self.anchors.get(key, [])).split())
            )
            for key, (author, text) in self.comment_texts.items()
            if text
        ]

    def warnings(self) -> list[str]:
        counts = self.counts
        said = []
        tracked = counts.insertions + counts.deletions + counts.formatting
        if tracked:
            said.append(
                _(
                    "The file had %(count)d tracked change(s) (%(ins)d insertion(s), "
                    "%(del)d deletion(s), %(fmt)d formatting change(s)). They were "
                    "imported as if all were accepted: check the text."
                )
                % {
                    "count": tracked,
                    "ins": counts.insertions,
                    "del": counts.deletions,
                    "fmt": counts.formatting,
                }
            )
        if self.comment_texts:
            said.append(
                _("%(count)d Word comment(s) were kept as notes on the contribution.")
                % {"count": len(self.comment_texts)}
            )
        if counts.images:
            said.append(
                _(
                    "%(count)d picture(s) or symbol(s) were left out: send them separately."
                )
                % {"count": counts.images}
            )
        if counts.other_links:
            said.append(
                _(
                    "%(count)d link(s) to something other than a web or e-mail "
                    "address were kept as plain text."
                )
                % {"count": counts.other_links}
            )
        if counts.endnotes:
            said.append(
                _("%(count)d endnote(s) became footnotes.") % {"count": counts.endnotes}
            )
        return said


def _heading_level(
    name: str, props: etree._Element | None, style_props: etree._Element | None
) -> int:
    if name.startswith("heading "):
        tail = name.removeprefix("heading ").strip()
        if tail.isdigit():
            return int(tail)
    if name == "title":
        return 1
    for holder in (props, style_props):
        outline = holder.find(w("outlineLvl")) if holder is not None else None
        if outline is not None and outline.get(w("val"), "9").isdigit():
            level = int(outline.get(w("val"), "9"))
            if level < 9:
                return level + 1
    return 0


def _numbering_of(props: etree._Element | None) -> tuple[str, str] | None:
    if props is None:
        return None
    num = props.find(w("numPr"))
    if num is None:
        return None
    num_id = num.find(w("numId"))
    level = num.find(w("ilvl"))
    return (
        num_id.get(w("val"), "0") if num_id is not None else "0",
        level.get(w("val"), "0") if level is not None else "0",
    )
