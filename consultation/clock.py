"""The consultation's one clock. Tests replace ``now`` to move time, so that a
round can open and close without anyone waiting."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()
