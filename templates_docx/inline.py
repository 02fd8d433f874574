"""Write inline content (runs, line breaks, links, footnotes) into a w:p."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from drafting.sectiontext.nodes import Break, Footnote, Inline, Run

from . import styles
from .footnotes import Footnotes
from .ooxml import el
from .text import TextCleaner

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Clark names of the elements written for every run: resolved once, since a
# long report writes tens of thousands of them.
_R = qn("w:r")
_T = qn("w:t")
_SUB = etree.SubElement


class InlineWriter:
    def __init__(
        self,
        style_ids: Mapping[str, str],
        cleaner: TextCleaner,
        footnotes: Footnotes,
        footnotes_part: Part,
    ) -> None:
        self.style_ids = style_ids
        self.cleaner = cleaner
        self.footnotes = footnotes
        self.footnotes_part = footnotes_part
        # One relationship per address and part, handed out in order of first
        # use so that the same report always gets the same rIds.
        self._links: dict[tuple[int, str], str] = {}

    def text_run(self, paragraph: etree._Element, text: str) -> etree._Element:
        """A plain run, for the numbers and labels the renderer writes itself."""
        run = _SUB(paragraph, _R)
        self._put_text(run, text)
        return run

    def tab(self, paragraph: etree._Element) -> None:
        el(el(paragraph, "w:r"), "w:tab")

    def write(
        self, paragraph: etree._Element, content: Iterable[Inline], part: Part
    ) -> None:
        link: etree._Element | None = None
        link_href: str | None = None
        for item in content:
            if isinstance(item, Run) and item.href:
                href = self.cleaner.clean(item.href)
                if link is None or href != link_href:
                    link = self._hyperlink(paragraph, href, part)
                    link_href = href
                self._run(link, item, styles.HYPERLINK)
                continue
            link = link_href = None
            if isinstance(item, Run):
                self._run(paragraph, item, None)
            elif isinstance(item, Break):
                el(el(paragraph, "w:r"), "w:br")
            elif isinstance(item, Footnote):
                self._footnote(paragraph, item)

    def _run(self, parent: etree._Element, item: Run, style: str | None) -> None:
        run = _SUB(parent, _R)
        if style or item.bold or item.italic:
            rpr = el(run, "w:rPr")
            if style:
                el(rpr, "w:rStyle", val=self.style_ids[style])
            if item.bold:
                el(rpr, "w:b")
                el(rpr, "w:bCs")
            if item.italic:
                el(rpr, "w:i")
                el(rpr, "w:iCs")
        self._put_text(run, item.text)

    def _put_text(self, run: etree._Element, text: str) -> None:
        """Text with tabs and newlines written as w:tab and w:br, as Word does."""
        text = self.cleaner.clean(text)
        if "\t" not in text and "\n" not in text:
            if text:
                t = _SUB(run, _T)
                if text[0] == " " or text[-1] == " " or "  " in text:
                    t.set(_XML_SPACE, "preserve")
                t.text = text
            return
        start = 0
        for index, char in enumerate(text):
            if char in "\t\n":
                self._t(run, text[start:index])
                el(run, "w:tab" if char == "\t" else "w:br")
                start = index + 1
        self._t(run, text[start:])

    @staticmethod
    def _t(run: etree._Element, text: str) -> None:
        if text:
            t = el(run, "w:t")
            # Word drops spaces at either end, or doubled, unless told not to.
            if text[0] == " " or text[-1] == " " or "  " in text:
                t.set(_XML_SPACE, "preserve")
            t.text = text

    def _hyperlink(
        self, paragraph: etree._Element, href: str, part: Part
    ) -> etree._Element:
        key = (id(part), href)
        rel_id = self._links.get(key)
        if rel_id is None:
            rel_id = part.relate_to(href, RT.HYPERLINK, is_external=True)
            self._links[key] = rel_id
        link = el(paragraph, "w:hyperlink", history="1")
        link.set(qn("r:id"), rel_id)
        return link

    def _footnote(self, paragraph: etree._Element, note: Footnote) -> None:
        note_id, note_paragraph = self.footnotes.new()
        reference_style = self.style_ids[styles.FOOTNOTE_REFERENCE]

        run = el(paragraph, "w:r")
        el(el(run, "w:rPr"), "w:rStyle", val=reference_style)
        el(run, "w:footnoteReference", id=str(note_id))

        ppr = el(note_paragraph, "w:pPr")
        el(ppr, "w:pStyle", val=self.style_ids[styles.FOOTNOTE_TEXT])
        mark = el(note_paragraph, "w:r")
        el(el(mark, "w:rPr"), "w:rStyle", val=reference_style)
        el(mark, "w:footnoteRef")
        self.tab(note_paragraph)
        self.write(note_paragraph, note.content, self.footnotes_part)
