"""Helpers for browser tests that use the keyboard alone and check pages
with axe-core (vendored in tests/browser/vendor, see its README)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
# axe's impacts, worst last; the check fails on the two worst.
FAILING_IMPACTS = ("serious", "critical")
# Enough Tab presses to cross the longest page (the round page of the demo
# report, with a form under each of its sections).
MAX_TABS = 600

RUN_AXE = """async (impacts) => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ` +
      v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
}"""


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now.

    Evaluated rather than added as a script tag: the pages' Content Security
    Policy refuses inline scripts, as it should.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE + "\n;true")
    return page.evaluate(RUN_AXE, list(FAILING_IMPACTS))


def focused(page) -> dict:
    return page.evaluate(
        """() => {
      const e = document.activeElement;
      return {tag: e.tagName.toLowerCase(), id: e.id || '',
              name: e.getAttribute('name') || '',
              text: (e.innerText || e.value || '').trim().slice(0, 200),
              label: e.getAttribute('aria-label') || ''};
    }"""
    )


def tab_to(page, matches, *, backwards: bool = False) -> dict:
    """Press Tab until the focused element satisfies ``matches``.

    Only the keyboard moves the focus, so a control that cannot be reached
    with Tab fails the test.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        element = focused(page)
        if matches(element):
            return element
    raise AssertionError(f"no focusable element matched after {MAX_TABS} Tabs")


def by_text(text: str):
    """A control whose words or label hold ``text`` (the page itself, which
    takes the focus when Tab wraps around, is not one)."""

    def matches(element: dict) -> bool:
        if element["tag"] in ("body", "main"):
            return False
        return text in element["text"] or text in element["label"]

    return matches


def by_id(identifier: str):
    return lambda element: element["id"] == identifier


def sign_in_by_keyboard(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    tab_to(page, by_id("id_username"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def choose_language_by_keyboard(page, code: str) -> None:
    """Pick a language in the header's switcher with the keyboard."""
    codes = [language for language, _name in settings.LANGUAGES]
    tab_to(page, by_id("language-choice"))
    # On a closed select box, Home goes to the first option and each arrow
    # to the next, as a keyboard user would do it.
    page.keyboard.press("Home")
    for _ in range(codes.index(code)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
