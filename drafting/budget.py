"""How a word count stands against a limit: one rule for pages, API and export."""

from __future__ import annotations

from dataclasses import dataclass

# Drafters are warned when a report reaches this share of its limit.
WARN_SHARE = 0.9


@dataclass(frozen=True)
class Budget:
    words: int
    limit: int | None

    @property
    def state(self) -> str:
        """ "ok", "near" (at 90 % or more) or "over"."""
        if not self.limit:
            return "ok"
        share = self.words / self.limit
        return "over" if share > 1 else "near" if share >= WARN_SHARE else "ok"

    @property
    def warn_at(self) -> int:
        return round(self.limit * WARN_SHARE) if self.limit else 0

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.words / self.limit)) if self.limit else 0

    def as_dict(self) -> dict[str, object]:
        return {"words": self.words, "limit": self.limit, "state": self.state}
