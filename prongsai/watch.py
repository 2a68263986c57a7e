"""Change notices for the live preview: the operating system tells us which files changed.

Owns the watcher handed to livereload. livereload's own watcher walks every
folder every 0.8 s, which at thousands of files is both slow to notice and
busy; watchfiles (the Rust `notify` library: inotify, FSEvents,
ReadDirectoryChangesW) reports a burst of changes about 30 ms after the last
one, with the files' names, so a rebuild need not look for what changed.
"""

from __future__ import annotations

import threading
from typing import Callable

import watchfiles
from livereload.watcher import Watcher

#: Group the events of one save (editors write a temporary file, then rename it) for this long, in ms.
_QUIET_MS = 30


class NoticeWatcher(Watcher):
    """A livereload watcher that waits on change notices and calls `on_change(files)` once per burst."""

    def __init__(self, on_change: Callable[[set], None]) -> None:
        super().__init__()
        self._on_change = on_change
        self._seen: set = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def start(self, callback: Callable[[], None]) -> bool:
        """Wait for notices on a thread; each burst makes livereload call `callback` (then examine) on its loop."""
        from tornado.ioloop import IOLoop

        loop, folders = IOLoop.current(), list(self._tasks)

        def wait() -> None:
            for changes in watchfiles.watch(*folders, debounce=1600, step=_QUIET_MS, stop_event=self._stop,
                                            raise_interrupt=False):
                with self._lock:
                    self._seen.update(path for _, path in changes)
                loop.add_callback(callback)

        threading.Thread(target=wait, name="prongsai-watch", daemon=True).start()
        return True  # livereload need not poll

    def examine(self) -> tuple:
        """Rebuild for the files seen since the last call; (a changed file, no delay) makes the browser reload."""
        self._changes.clear()  # livereload's own "__livereload__" start-up note: nothing to rebuild for
        with self._lock:
            seen, self._seen = self._seen, set()
        if not seen:
            return None, None
        self._on_change(seen)
        self.filepath = sorted(seen)[0]
        return self.filepath, None

    def stop(self) -> None:
        self._stop.set()
