"""The canonical text must survive parse and serialize in both directions."""

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.sectiontext import (
    Break,
    BulletList,
    Footnote,
    Heading,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    SubItem,
    Table,
    parse,
    serialize,
)

# Real characters the reports contain, plus every markup character.
ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 .,;:()-–’“”#>|*[]^\\_!`{}<>&'\"",
        *["é", "ž", "ş", "ع", "ر", "中", "😀", "\u0301", "\t"],
    ]
)
words = st.text(ALPHABET, min_size=1, max_size=12).filter(lambda s: s.strip(" \t") == s)
href = st.sampled_from(
    ["https://www.ohchr.org/en", "mailto:nmrf@gov.si", "http://x.si/a(b)"]
)


@st.composite
def runs(draw, allow_links=True):
    return Run(
        draw(words),
        bold=draw(st.booleans()),
        italic=draw(st.booleans()),
        href=draw(href) if allow_links and draw(st.booleans()) else None,
    )


def _normalise(items):
    """What the parser gives back: adjacent runs of one format merged."""
    merged = []
    for item in items:
        if merged and isinstance(item, Run) and isinstance(merged[-1], Run):
            last = merged[-1]
            if last.same_format(item):
                merged[-1] = Run(
                    last.text + item.text, item.bold, item.italic, item.href
                )
                continue
        merged.append(item)
    return tuple(merged)


@st.composite
def line_content(draw, allow_notes=True):
    items = []
    for _ in range(draw(st.integers(1, 4))):
        items.append(draw(runs()))
        if allow_notes and draw(st.integers(0, 4)) == 0:
            note = _normalise(draw(st.lists(runs(), min_size=1, max_size=3)))
            items.append(Footnote(note))
    return items


@st.composite
def inline_content(draw, allow_breaks=True):
    items = draw(line_content())
    if allow_breaks and draw(st.booleans()):
        items += [Break(), *draw(line_content())]
    return _normalise(items)


blocks = st.one_of(
    st.builds(Paragraph, inline_content(), st.booleans()),
    st.builds(SubItem, inline_content(), st.sampled_from(["a", "b", "aa", "iv"])),
    st.builds(Heading, inline_content(allow_breaks=False), st.sampled_from([2, 3])),
    st.builds(
        BulletList, st.lists(inline_content(), min_size=1, max_size=3).map(tuple)
    ),
    st.builds(
        NumberedList, st.lists(inline_content(), min_size=1, max_size=3).map(tuple)
    ),
    st.builds(
        Table,
        st.lists(
            st.lists(inline_content(allow_breaks=False), min_size=2, max_size=2).map(
                tuple
            ),
            min_size=1,
            max_size=3,
        ).map(tuple),
        st.booleans(),
    ),
    st.just(PageBreak()),
)


@settings(max_examples=400)
@given(st.lists(blocks, min_size=1, max_size=5))
def test_every_tree_survives_serialize_then_parse(tree):
    assert parse(serialize(tree)) == tree


@settings(max_examples=400)
@given(
    st.lists(
        ALPHABET
        | st.sampled_from(["\n", "\n\n", "- ", "(a) ", "1. ", "| ", "^[", "]("]),
        max_size=40,
    ).map("".join)
)
def test_any_text_parses_and_its_canonical_form_is_stable(text):
    once = serialize(parse(text))
    assert serialize(parse(once)) == once


def _visible(content):
    out = []
    for item in content:
        if isinstance(item, Run):
            out.append(item.text)
        elif isinstance(item, Footnote):
            out.append(_visible(item.content))
    return "".join(out)


@settings(max_examples=300)
@given(st.lists(ALPHABET, min_size=1, max_size=60).map("".join))
def test_plain_text_without_markup_is_kept_character_for_character(text):
    """Text with no markup character in it comes back exactly, minus line-end space."""
    plain = "".join(ch for ch in text if ch not in "\\*[]^|")
    kept = "".join(
        _visible(block.content) for block in parse(plain) if hasattr(block, "content")
    )
    expected = "".join(plain.split())
    if parse(plain) and all(hasattr(block, "content") for block in parse(plain)):
        # Markers such as "- " or "(a) " at a line start are structure, not text.
        assert "".join(kept.split()) in expected
