"""The site as it will be published, rebuilt after each save: serve.py's Preview, driven by the workbench.

Owns when the preview is rebuilt (at start, in the background, with progress
the dashboard polls; after each save, naming the files written so only what
they touch is rendered; when the dashboard is opened, if a file changed on
disk meanwhile) and the readiness read from the last rebuild (readiness.py,
as of today). Rebuilds run one at a time on one worker thread, so the web
server keeps answering during the first build of a large site.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..pipeline import Paths
from ..readiness import check_item, check_year
from ..serve import Preview


@dataclass(frozen=True)
class Progress:
    """What the preview is doing, for the progress bar."""

    building: bool
    #: seconds since the current build started
    elapsed: float
    #: whether a build has finished at least once
    ready: bool
    failed: bool
    last_ms: float


class LivePreview:
    """The preview folder, its Preview, and the one thread that rebuilds it."""

    def __init__(self, paths: Paths, jobs: int | None = None) -> None:
        self.paths = paths
        self.folder = Path(tempfile.mkdtemp(prefix="prongsai-workbench-"))
        self.preview = Preview(paths, self.folder, **({"jobs": jobs} if jobs else {}))
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prongsai-preview")
        self._lock = threading.Lock()
        self._started: float | None = None
        self._done = 0
        self.last_ms = 0.0

    # ---- rebuilding ------------------------------------------------------------------------------------

    def _run(self, changed: set | None) -> float | None:
        with self._lock:
            self._started = time.perf_counter()
        try:
            seconds = self.preview.rebuild(changed)
            if self._done == 0 and seconds is not None:
                self.preview.warm_up()
            if seconds is not None:
                self.last_ms = seconds * 1000
            return seconds
        finally:
            with self._lock:
                self._started = None
                self._done += 1

    def start(self) -> Future:
        """The first build, in the background."""
        return self._worker.submit(self._run, None)

    def rebuild(self, changed: set | None = None) -> Future:
        """Rebuild for the files written (absolute paths), after any rebuild already under way."""
        return self._worker.submit(self._run, {str(Path(f)) for f in changed} if changed is not None else None)

    def rebuild_now(self, changed: set | None = None) -> float | None:
        return self.rebuild(changed).result()

    @property
    def progress(self) -> Progress:
        with self._lock:
            started, done = self._started, self._done
        return Progress(started is not None, time.perf_counter() - started if started else 0.0, done > 0,
                        self.preview.failed, self.last_ms)

    # ---- reading the last build ------------------------------------------------------------------------

    @property
    def site(self):
        return self.preview.site

    @property
    def model(self):
        return self.preview.model

    @property
    def problems(self) -> list:
        return self.preview.problems

    def readiness(self, today: date) -> dict:
        """{fiscal year: YearReport} of every year, as of today; {} before the first build or after an error."""
        site, model = self.site, self.model
        if site is None:
            return {}
        return {year: check_year(year_site, site, model, today) for year, year_site in site.years.items()}

    def item_result(self, year: int, code: str, today: date):
        site = self.site
        if site is None or year not in site.years or code not in site.years[year].items:
            return None
        year_site = site.years[year]
        return check_item(year_site.items[code], site, self.model, today, due=year_site.framework.oit_opens)

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
