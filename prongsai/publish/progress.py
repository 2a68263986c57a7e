"""How far a publish has got: files and bytes done, speed, time left; and the sizes as a clerk reads them.

Owns the counting (one Progress per publish, told of every block sent, and of
a file started again after a dropped connection) and its one-line text, which
the terminal redraws in place and the workbench's Publish page shows.
"""

from __future__ import annotations

import time
from typing import Callable


def size_text(count: int) -> str:
    """1234567 -> "1.2 MB"; sizes in the units hosting plans use (1 KB = 1000 bytes)."""
    if count < 1000:
        return f"{count} B"
    for unit in ("KB", "MB", "GB"):
        count /= 1000
        if count < 1000 or unit == "GB":
            return f"{count:.1f} {unit}" if count < 100 else f"{count:.0f} {unit}"
    raise AssertionError("unreachable")


def duration_text(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else \
        f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """Files and bytes of a publish's uploads, done so far."""

    def __init__(self, files: int, total: int, on_change: Callable[["Progress"], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.files, self.total = files, total
        self.files_done = self.done = 0
        self.current: str | None = None
        self._file_bytes = 0
        self._clock, self._on_change = clock, on_change
        self.started = clock()

    def start(self, path: str, size: int) -> None:
        self.current, self._file_bytes = path, 0
        self._changed()

    def add(self, count: int) -> None:
        self.done += count
        self._file_bytes += count
        self._changed()

    def restart(self) -> None:
        """The current file is being sent again from its start (the connection dropped)."""
        self.done -= self._file_bytes
        self._file_bytes = 0
        self._changed()

    def finish(self) -> None:
        self.files_done += 1
        self.current = None
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self)

    @property
    def speed(self) -> float:
        """Bytes a second since the start."""
        elapsed = self._clock() - self.started
        return self.done / elapsed if elapsed > 0.05 else 0.0

    @property
    def left(self) -> float | None:
        """Seconds left at the speed so far; None before there is a speed to go by."""
        speed = self.speed
        return (self.total - self.done) / speed if speed > 0 else None

    def line(self) -> str:
        left = self.left
        left_text = duration_text(left) if left is not None else "-"
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(share * 20)
        return (f"[{bar:<20}] {self.files_done}/{self.files} ไฟล์ files · {size_text(self.done)}/{size_text(self.total)} · "
                f"{size_text(int(self.speed))}/s · เหลือ left {left_text}")
