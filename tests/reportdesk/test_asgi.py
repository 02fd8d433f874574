"""The ASGI process is tuned for many open sockets as soon as it is loaded."""

from __future__ import annotations

import gc
import sys


def test_loading_the_application_freezes_what_start_up_made_and_switches_often():
    import reportdesk.asgi  # noqa: F401 - loading it is what is tested

    # Start-up's objects are never walked by a full collection again.
    assert gc.get_freeze_count() > 10_000
    assert sys.getswitchinterval() == 0.0005
