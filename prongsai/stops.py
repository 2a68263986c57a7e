"""Named points where a test can stop a build dead: the proof that site/ is whole at every moment.

Owns one test hook. The build calls `stop(name)` at each step that changes a
folder on disk (each file written, each file linked, each rename of the swap;
see sitefolder.py and emit.py). With PRONGSAI_STOP_AT unset, as always outside
tests, `stop` does nothing. With PRONGSAI_STOP_AT=NAME (or NAME:N, the N-th time
the build passes NAME) the process sends itself a signal there: KILL by default
(kill -9: no clean-up runs), or the one named by PRONGSAI_STOP_SIGNAL (INT is
Ctrl+C, STOP pauses the build so that a second one can be started beside it).
"""

from __future__ import annotations

import os
import signal
from typing import Callable, Mapping


def never(name: str) -> None:
    """The hook when no test asked for a stop."""


def from_environment(environ: Mapping[str, str] = os.environ) -> Callable[[str], None]:
    """The stop hook the environment asks for (PRONGSAI_STOP_AT, PRONGSAI_STOP_SIGNAL)."""
    wanted = environ.get("PRONGSAI_STOP_AT", "").strip()
    if not wanted:
        return never
    name, _, nth = wanted.partition(":")
    target = int(nth) if nth.strip().isdigit() else 1
    sent = getattr(signal, "SIG" + environ.get("PRONGSAI_STOP_SIGNAL", "KILL").strip().upper())
    passed = {"count": 0}

    def stop(point: str) -> None:
        if point != name:
            return
        passed["count"] += 1
        if passed["count"] == target:
            os.kill(os.getpid(), sent)

    return stop
