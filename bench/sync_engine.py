"""The sync engine alone against bare diff-match-patch calls on the same inputs.

    python -m bench.sync_engine

For a keystroke, 100 scattered edits and a pasted 300-word passage, on one
section and on a 290,000-character text built from the real UN documents,
it times one full exchange of the engine (the browser's delta, the server
applying it to its shadow, merging into a text someone else also changed,
and the answer) and, as the baseline, diff_main + patch_make + patch_apply.
It prints the ratio and the longest single diff (which must stay < 50 ms).
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

from collab.merge import Differ
from collab.sync import ClientPeer, ServerPeer, merge_changes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REPEAT = 15


def real_text(length: int) -> str:
    parts: list[str] = []
    for path in sorted(DATA.glob("*/*.txt")):
        parts.append(path.read_text(encoding="utf-8"))
        if sum(map(len, parts)) >= length:
            break
    return "".join(parts)[:length]


def edits(text: str, kind: str, rng: random.Random) -> str:
    if kind == "keystroke":
        at = len(text) // 2
        return text[:at] + "x" + text[at:]
    if kind == "100 scattered edits":
        chars = list(text)
        for at in sorted(rng.sample(range(len(chars)), 100), reverse=True):
            chars[at : at + 3] = list("edit")
        return "".join(chars)
    words = real_text(20_000).split()[:300]
    at = len(text) // 3
    return text[:at] + " ".join(words) + text[at:]


def engine(before: str, after: str, concurrent: str) -> tuple[float, float]:
    """One exchange; returns (total seconds, longest single diff)."""
    longest = 0.0
    differ = Differ()
    original = differ.diffs

    def timed(a: str, b: str) -> list[tuple[int, str]]:
        nonlocal longest
        start = time.perf_counter()
        result = original(a, b)
        longest = max(longest, time.perf_counter() - start)
        return result

    differ.diffs = timed  # type: ignore[method-assign,assignment]
    client = ClientPeer(
        text=after, shadow=before, session="s", version=1, differ=differ
    )
    server = ServerPeer(before, differ)
    start = time.perf_counter()
    message = client.outgoing()
    from collab.sync import Edit

    step = server.receive(
        message["ack"],
        [Edit(e["seq"], e["base"], e["delta"]) for e in message["edits"]],
    )
    truth = merge_changes(concurrent, step.changes, differ)
    server.accept(step)
    reply = server.reply(truth)
    client.incoming({**reply, "session": "s", "version": 2})
    return time.perf_counter() - start, longest


def baseline(before: str, after: str, concurrent: str) -> float:
    dmp = diff_match_patch()
    start = time.perf_counter()
    diffs = dmp.diff_main(before, after)
    patches = dmp.patch_make(before, diffs)
    merged, _ = dmp.patch_apply(patches, concurrent)
    back = dmp.diff_main(after, merged)
    dmp.patch_apply(dmp.patch_make(after, back), after)
    return time.perf_counter() - start


def main() -> None:
    rng = random.Random(20240501)
    texts = {
        "section (12,000 chars)": real_text(12_000),
        "report (290,000 chars)": real_text(290_000),
    }
    print(
        f"{'input':<26}{'edit':<22}{'engine ms':>10}{'dmp ms':>9}{'ratio':>7}{'max diff ms':>13}"
    )
    for name, text in texts.items():
        for kind in ("keystroke", "100 scattered edits", "pasted 300 words"):
            after = edits(text, kind, rng)
            # Someone else typed a sentence at the start meanwhile.
            concurrent = "A colleague's sentence. " + text
            runs = [engine(text, after, concurrent) for _ in range(REPEAT)]
            ours = statistics.median(r[0] for r in runs)
            longest = max(r[1] for r in runs)
            theirs = statistics.median(
                baseline(text, after, concurrent) for _ in range(REPEAT)
            )
            print(
                f"{name:<26}{kind:<22}{ours * 1000:>10.2f}{theirs * 1000:>9.2f}"
                f"{ours / theirs:>7.2f}{longest * 1000:>13.2f}"
            )


if __name__ == "__main__":
    main()
