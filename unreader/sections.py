"""Turn what was read into the project's canonical section text.

The text is built as a tree of ``drafting.sectiontext`` nodes and written by
its serializer, so escaping is the serializer's business, never ours.
Paragraph numbers are not written: the exporter numbers paragraphs.
"""

from __future__ import annotations

from drafting.sectiontext import nodes, serialize

from .model import Heading, NoteRef, Paragraph, SubItem

# Section text has heading levels 2 and 3 below the section's own heading.
DEEPEST_LEVEL = 3


def inlines(text: str, notes: list[NoteRef]) -> tuple[nodes.Inline, ...]:
    """Runs of text with each footnote at the place its mark stood."""
    content: list[nodes.Inline] = []
    position = 0
    for note in sorted(notes, key=lambda n: n.offset):
        if note.offset > position:
            content.append(nodes.Run(text[position : note.offset]))
        content.append(nodes.Footnote((nodes.Run(note.text),) if note.text else ()))
        position = max(position, note.offset)
    if position < len(text):
        content.append(nodes.Run(text[position:]))
    return tuple(content)


def paragraph_blocks(paragraph: Paragraph) -> list[nodes.Block]:
    blocks: list[nodes.Block] = [
        nodes.Paragraph(
            inlines(paragraph.text, paragraph.notes),
            numbered=paragraph.number is not None,
        )
    ]
    blocks.extend(_sub_item(item) for item in paragraph.subitems)
    if paragraph.bullets:
        blocks.append(
            nodes.BulletList(
                tuple(inlines(item.text, item.notes) for item in paragraph.bullets)
            )
        )
    return blocks


def _sub_item(item: SubItem) -> nodes.SubItem:
    return nodes.SubItem(inlines(item.text, item.notes), label=item.label)


def heading_blocks(
    heading: Heading, *, include_subheadings: bool = False, depth: int = 1
) -> list[nodes.Block]:
    blocks: list[nodes.Block] = []
    for paragraph in heading.paragraphs:
        blocks.extend(paragraph_blocks(paragraph))
    if include_subheadings:
        level = min(depth + 1, DEEPEST_LEVEL)
        for child in heading.children:
            blocks.append(nodes.Heading((nodes.Run(child.text),), level=level))
            blocks.extend(
                heading_blocks(child, include_subheadings=True, depth=depth + 1)
            )
    return blocks


def section_text(heading: Heading, *, include_subheadings: bool = False) -> str:
    """The canonical section text of what stands under ``heading``.

    By default only the heading's own paragraphs; with
    ``include_subheadings`` the headings under it follow, written as level-2
    (and deeper, level-3) headings with their paragraphs.
    """
    return serialize(heading_blocks(heading, include_subheadings=include_subheadings))


def section_texts(headings: list[Heading]) -> list[tuple[Heading, str]]:
    """Every heading in document order with the text of its own paragraphs."""
    result: list[tuple[Heading, str]] = []
    for top in headings:
        for heading in top.walk():
            result.append((heading, section_text(heading)))
    return result
