// Puts the passage a reader selects in a round's text into that section's
// comment form. The form works without this script (the passage can be
// pasted), and keyboard selection (caret browsing, F7) fills it the same way
// as the mouse: both change the document's selection.

const QUIET_MS = 150;

function sectionOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(".draft[data-section]") ?? null;
}

function formFor(sectionId: string): HTMLFormElement | null {
  return document.querySelector<HTMLFormElement>(
    `form.comment-form[data-section="${CSS.escape(sectionId)}"]`,
  );
}

function passageOf(selection: Selection | null): {
  section: string;
  quote: string;
} | null {
  if (selection === null || selection.isCollapsed) {
    return null;
  }
  const section = sectionOf(selection.anchorNode);
  // A selection that runs across two sections belongs to neither.
  if (section === null || section !== sectionOf(selection.focusNode)) {
    return null;
  }
  const quote = selection.toString().replace(/\s+/g, " ").trim();
  const id = section.dataset.section;
  if (quote === "" || id === undefined) {
    return null;
  }
  return { section: id, quote };
}

function fill(): void {
  const passage = passageOf(document.getSelection());
  if (passage === null) {
    return;
  }
  const form = formFor(passage.section);
  const field = form?.querySelector<HTMLTextAreaElement>("textarea[name=quote]");
  if (!form || !field) {
    return;
  }
  field.value = passage.quote.slice(0, field.maxLength > 0 ? field.maxLength : undefined);
  const box = form.closest("details");
  if (box !== null) {
    box.open = true;
  }
  const status = form.querySelector<HTMLElement>("[data-selected]");
  if (status !== null) {
    status.textContent = form.dataset.selectedLabel ?? "";
  }
}

let timer: number | undefined;
document.addEventListener("selectionchange", () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(fill, QUIET_MS);
});
