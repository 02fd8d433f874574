"""The changes between two versions of a report, as Word tracked changes.

The later version is written as usual, with what changed between the two
marked as Word insertions and deletions (w:ins, w:del) carrying an author and
a date, so that a ministry reviewing in Word can step through them, accept or
reject them. Blocks are matched first; a paragraph that was edited is then
compared word by word (diff-match-patch on words, cleaned up semantically so
a reworded phrase reads as one deletion and one insertion, not a salad of
single letters). Consultation comments become Word comments on the heading of
the section they concern.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from drafting.sectiontext.nodes import (
    Block,
    Break,
    BulletList,
    Heading,
    Inline,
    NumberedList,
    Paragraph,
    Run,
    SubItem,
    Table,
    plain_text,
)

from . import styles
from .body import BodyBuilder
from .model import ExportReport
from .ooxml import el, insert_ordered, properties
from .render import RenderResult, render_document
from .text import TextCleaner

INSERT = "ins"
DELETE = "del"

_W_T = qn("w:t")
_W_R = qn("w:r")
_W_P = qn("w:p")
_W_PPR = qn("w:pPr")
_W_RPR = qn("w:rPr")
_W_HYPERLINK = qn("w:hyperlink")
_PPR_AFTER_RPR = (qn("w:sectPr"), qn("w:pPrChange"))
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
# Blocks that are one stretch of text, compared word by word.
_TEXT_BLOCKS = (Paragraph, SubItem, Heading)
# Footnotes take one private-use character each in the compared text, the same
# one in both versions when their text is the same.
_NOTE_BASE = 0xE000
# Words are compared as one character each, from the supplementary private
# use plane, which no real text in a report uses.
_TOKEN_BASE = 0xF0000


@dataclass(frozen=True)
class Source:
    """Text that came into the report from an accepted contribution.

    Inserted text found in ``text`` is attributed to ``author`` (a person and
    their entity) on ``date``, the day it was accepted.
    """

    author: str
    date: dt.datetime
    text: str


@dataclass(frozen=True)
class ReviewComment:
    """A consultation comment on a section, written as a Word comment."""

    section_heading: str
    author: str
    date: dt.datetime
    text: str


@dataclass(frozen=True)
class RedlineSection:
    """One section in both versions; ``old`` or ``new`` is None when the
    section was added or removed between them."""

    heading: str
    level: int
    old: tuple[Block, ...] | None
    new: tuple[Block, ...] | None
    annex: bool = False
    old_heading: str = ""
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Redline:
    """What to compare. ``report`` gives the masthead, language and family
    (those of the later version); changes no contribution explains are
    attributed to ``author``, who froze the later version, on ``date``."""

    report: ExportReport
    sections: tuple[RedlineSection, ...]
    author: str
    date: dt.datetime
    comments: tuple[ReviewComment, ...] = ()


def render_redline(redline: Redline) -> RenderResult:
    writer = _RedlineWriter(redline)
    return render_document(
        dataclasses.replace(redline.report, inputs_used=()),
        writer.write,
        finish=writer.add_comments,
    )


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """(operation, text) pairs, -1 deleted, 0 kept, 1 inserted, word by word."""
    tokens: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(
            tokens.setdefault(token, chr(_TOKEN_BASE + len(tokens)))
            for token in _TOKENS.findall(text)
        )

    old_code, new_code = encode(old), encode(new)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # the texts are short; always the best diff
    diffs = engine.diff_main(old_code, new_code, False)
    engine.diff_cleanupSemantic(diffs)
    decoded = {code: token for token, code in tokens.items()}
    return [(op, "".join(decoded[c] for c in text)) for op, text in diffs]


class _Changes:
    """Hands out revision ids and builds w:ins / w:del wrappers."""

    def __init__(self) -> None:
        self.next_id = 1

    def wrapper(self, kind: str, author: str, date: dt.datetime) -> etree._Element:
        element = etree.Element(qn(f"w:{kind}"))
        self._stamp(element, author, date)
        return element

    def mark_paragraph(
        self, paragraph: etree._Element, kind: str, author: str, date: dt.datetime
    ) -> None:
        """Mark the paragraph's own mark, so the paragraph itself comes or goes."""
        ppr = properties(paragraph, _W_PPR)
        rpr = ppr.find(_W_RPR)
        if rpr is None:
            rpr = ppr.makeelement(_W_RPR, {})
            insert_ordered(ppr, rpr, _PPR_AFTER_RPR)
        self._stamp(el(rpr, f"w:{kind}"), author, date)

    def _stamp(self, element: etree._Element, author: str, date: dt.datetime) -> None:
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), _word_date(date))
        self.next_id += 1


class _RedlineWriter:
    def __init__(self, redline: Redline) -> None:
        self.redline = redline
        self.changes = _Changes()
        self.builder: BodyBuilder | None = None
        # Heading paragraph of each section, for the comments to hang on.
        self.heading_paragraphs: dict[str, etree._Element] = {}

    # The body

    def write(self, builder: BodyBuilder) -> None:
        self.builder = builder
        for section in self.redline.sections:
            builder.inline.cleaner.place = section.heading
            self._section(section)

    def _section(self, section: RedlineSection) -> None:
        builder = self._builder()
        author, date = self.redline.author, self.redline.date
        # A removed section keeps no number of the later version.
        saved = (list(builder.heading_counts), builder.paragraph_number)
        if section.heading.strip():
            start = len(builder.container)
            builder._heading(section.level, ())
            heading = builder.container[start]
            self.heading_paragraphs.setdefault(section.heading, heading)
            old = section.old_heading if section.old is not None else ""
            new = section.heading if section.new is not None else ""
            self._diff_into(
                heading, (Run(old),) if old else (), (Run(new),) if new else (), ()
            )
            if section.new is None:
                self._track_element(heading, DELETE, author, date)
            elif section.old is None:
                self._track_element(heading, INSERT, *self._source(section, new))
        for op, before, after in _align(section.old or (), section.new or ()):
            self._block(section, op, before, after)
        if section.new is None:
            builder.heading_counts, builder.paragraph_number = saved

    def _block(
        self, section: RedlineSection, op: str, old: Block | None, new: Block | None
    ) -> None:
        builder = self._builder()
        if op == "equal" and new is not None:
            builder._block(new)
            return
        if (
            op == "modify"
            and isinstance(old, _TEXT_BLOCKS)
            and isinstance(new, _TEXT_BLOCKS)
        ):
            # The block's own number or label, then the compared words.
            start = len(builder.container)
            builder._block(dataclasses.replace(new, content=()))
            paragraph = builder.container[start]
            self._diff_into(paragraph, old.content, new.content, section.sources)
            return
        block = new if op == INSERT else old
        if block is None:
            return
        # A deleted paragraph keeps no number of the later version.
        saved = (builder.paragraph_number, builder.sub_item)
        start = len(builder.container)
        builder._block(block)
        if op == DELETE:
            builder.paragraph_number, builder.sub_item = saved
            author, date = self.redline.author, self.redline.date
        else:
            author, date = self._source(section, _block_text(block))
        for element in list(builder.container)[start:]:
            self._track_element(element, op, author, date)

    def _diff_into(
        self,
        paragraph: etree._Element,
        old: Sequence[Inline],
        new: Sequence[Inline],
        sources: Sequence[Source],
    ) -> None:
        """Append the word-level changes from ``old`` to ``new`` to the paragraph."""
        builder = self._builder()
        old_flat, new_flat = _Flat(), _Flat()
        notes: dict[tuple, str] = {}
        old_flat.add(old, notes)
        new_flat.add(new, notes)
        old_at = new_at = 0
        for op, text in word_diff(old_flat.text, new_flat.text):
            if op == 0:
                items = new_flat.items(new_at, new_at + len(text))
                new_at += len(text)
                old_at += len(text)
                builder.inline.write(paragraph, items, builder.part)
                continue
            holder = paragraph.makeelement(_W_P, {})
            if op == 1:
                items = new_flat.items(new_at, new_at + len(text))
                new_at += len(text)
                author, date = self._attribute(sources, text)
                kind = INSERT
            else:
                items = old_flat.items(old_at, old_at + len(text))
                old_at += len(text)
                author, date = self.redline.author, self.redline.date
                kind = DELETE
            builder.inline.write(holder, items, builder.part)
            self._track_runs(holder, kind, author, date)
            for child in list(holder):
                paragraph.append(child)

    # Marking what was written

    def _track_element(
        self, element: etree._Element, kind: str, author: str, date: dt.datetime
    ) -> None:
        paragraphs = [element] if element.tag == _W_P else list(element.iter(_W_P))
        for paragraph in paragraphs:
            self._track_runs(paragraph, kind, author, date)
            self.changes.mark_paragraph(paragraph, kind, author, date)

    def _track_runs(
        self, container: etree._Element, kind: str, author: str, date: dt.datetime
    ) -> None:
        """Wrap the runs of a paragraph (or link) in w:ins or w:del elements.

        Consecutive runs share one wrapper; links are entered, since w:ins may
        sit inside a w:hyperlink but not around it. Deleted text becomes
        w:delText, and a deleted note's text is marked deleted too.
        """
        wrapper: etree._Element | None = None
        for child in list(container):
            if child.tag == _W_HYPERLINK:
                self._track_runs(child, kind, author, date)
                wrapper = None
            elif child.tag == _W_R:
                if wrapper is None:
                    wrapper = self.changes.wrapper(kind, author, date)
                    child.addprevious(wrapper)
                wrapper.append(child)
                if kind == DELETE:
                    self._delete_text(child, author, date)
            else:
                wrapper = None

    def _delete_text(self, run: etree._Element, author: str, date: dt.datetime) -> None:
        for text in run.iter(_W_T):
            text.tag = qn("w:delText")
        for reference in run.iter(qn("w:footnoteReference")):
            note = self._note(reference.get(qn("w:id"), ""))
            if note is not None:
                for paragraph in note.iter(_W_P):
                    self._track_runs(paragraph, DELETE, author, date)

    def _note(self, note_id: str) -> etree._Element | None:
        root = self._builder().inline.footnotes.root
        for note in root.iter(qn("w:footnote")):
            if note.get(qn("w:id")) == note_id:
                return note
        return None

    # Who wrote it

    def _source(self, section: RedlineSection, text: str) -> tuple[str, dt.datetime]:
        return self._attribute(section.sources, text)

    def _attribute(
        self, sources: Sequence[Source], text: str
    ) -> tuple[str, dt.datetime]:
        """The contribution the inserted text came from, else whoever froze the
        later version: the secretariat wrote it."""
        wanted = " ".join(text.split())
        if wanted:
            for source in sources:
                if wanted in " ".join(source.text.split()):
                    return source.author, source.date
        return self.redline.author, self.redline.date

    # Comments

    def add_comments(self, document: Document, cleaner: TextCleaner) -> None:
        comments = [
            comment
            for comment in self.redline.comments
            if comment.section_heading in self.heading_paragraphs
        ]
        if not comments:
            return
        root = etree.fromstring(f"<w:comments {nsdecls('w')}/>".encode())
        for number, comment in enumerate(comments):
            note = el(root, "w:comment", id=str(number))
            note.set(qn("w:author"), cleaner.clean(comment.author))
            note.set(qn("w:date"), _word_date(comment.date))
            note.set(qn("w:initials"), _initials(cleaner.clean(comment.author)))
            text = el(el(el(note, "w:p"), "w:r"), "w:t")
            text.text = cleaner.clean(comment.text)
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            self._anchor(self.heading_paragraphs[comment.section_heading], number)
        part = Part(
            PackURI("/word/comments.xml"),
            CT.WML_COMMENTS,
            etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            ),
            document.part.package,
        )
        document.part.relate_to(part, RT.COMMENTS)

    def _anchor(self, paragraph: etree._Element, number: int) -> None:
        start = paragraph.makeelement(
            qn("w:commentRangeStart"), {qn("w:id"): str(number)}
        )
        ppr = paragraph.find(_W_PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph.insert(0, start)
        el(paragraph, "w:commentRangeEnd", id=str(number))
        run = el(paragraph, "w:r")
        el(
            el(run, "w:rPr"),
            "w:rStyle",
            val=self._builder().ids[styles.FOOTNOTE_REFERENCE],
        )
        el(run, "w:commentReference", id=str(number))

    def _builder(self) -> BodyBuilder:
        if self.builder is None:
            raise RuntimeError("the redline body is written inside render_document")
        return self.builder


class _Flat:
    """Inline content as one string, remembering what each character was."""

    def __init__(self) -> None:
        self.text = ""
        self.owners: list[Inline] = []

    def add(self, content: Sequence[Inline], notes: dict[tuple, str]) -> None:
        parts: list[str] = []
        for item in content:
            if isinstance(item, Run):
                parts.append(item.text)
                self.owners.extend([item] * len(item.text))
            elif isinstance(item, Break):
                parts.append("\n")
                self.owners.append(item)
            else:
                key = item.content
                mark = notes.setdefault(key, chr(_NOTE_BASE + len(notes)))
                parts.append(mark)
                self.owners.append(item)
        self.text += "".join(parts)

    def items(self, start: int, end: int) -> tuple[Inline, ...]:
        """The inline items covering characters start..end, runs cut to fit."""
        result: list[Inline] = []
        position = start
        while position < end:
            owner = self.owners[position]
            stop = position + 1
            while stop < end and self.owners[stop] is owner:
                stop += 1
            if isinstance(owner, Run):
                result.append(dataclasses.replace(owner, text=self.text[position:stop]))
            else:
                result.extend([owner] * (stop - position))
            position = stop
        return tuple(result)


def _align(
    old: Sequence[Block], new: Sequence[Block]
) -> Iterator[tuple[str, Block | None, Block | None]]:
    """Pair the blocks of two versions: equal, modified, inserted, deleted."""
    matcher = difflib.SequenceMatcher(
        a=[_key(block) for block in old],
        b=[_key(block) for block in new],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for block in new[j1:j2]:
                yield "equal", block, block
            continue
        olds, news = list(old[i1:i2]), list(new[j1:j2])
        while olds and news and _editable(olds[0], news[0]):
            yield "modify", olds.pop(0), news.pop(0)
        for block in olds:
            yield DELETE, block, None
        for block in news:
            yield INSERT, None, block


def _key(block: Block) -> str:
    return f"{type(block).__name__}:{block!r}"


def _editable(old: Block, new: Block) -> bool:
    """Blocks of the same kind made of one stretch of text: compared by word."""
    if not isinstance(new, _TEXT_BLOCKS) or type(old) is not type(new):
        return False
    if isinstance(new, Paragraph) and isinstance(old, Paragraph):
        return old.numbered == new.numbered
    if isinstance(new, Heading) and isinstance(old, Heading):
        return old.level == new.level
    return True


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph | SubItem | Heading):
        return plain_text(block.content)
    if isinstance(block, BulletList | NumberedList):
        return " ".join(plain_text(item) for item in block.items)
    if isinstance(block, Table):
        return " ".join(plain_text(cell) for row in block.rows for cell in row)
    return ""


def _word_date(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha())[:4]
