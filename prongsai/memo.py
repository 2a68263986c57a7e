"""Results kept between the rebuilds of a long-running `serve`, each tied to the file it came from.

Owns one thing: a result is reused while its file's size and modification
time are unchanged. A plain build passes no memo and recomputes everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def stamp(file: Path) -> tuple:
    """What tells a changed file from an unchanged one: (size, modification time in ns), or None if gone."""
    try:
        status = file.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


class Memo:
    """Computed values keyed by (what, file), valid while the file's stamp is the same."""

    def __init__(self) -> None:
        self._kept: dict = {}
        #: how many values were reused and recomputed since the last reset, for the rebuild report
        self.hits = 0
        self.misses = 0

    def get(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        key, current = (what, str(file)), stamp(file)
        kept = self._kept.get(key)
        if kept is not None and kept[0] == current and current is not None:
            self.hits += 1
            return kept[1]
        self.misses += 1
        value = compute()
        self._kept[key] = (current, value)
        return value


class NoMemo:
    """For a plain build: always compute."""

    hits = misses = 0

    def get(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        return compute()


#: The memo of a plain build.
NO_MEMO = NoMemo()
