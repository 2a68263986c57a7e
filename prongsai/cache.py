"""The build cache kept between runs: `.prongsai-cache/cache.sqlite3` in the project folder.

Owns four tables. `kept`: slow results (PDF page counts, resized images,
the procurement spreadsheets) under a hash of the bytes they are made from. `bodies`: each news body's sanitised HTML, and `checks`:
each body's warnings and links, keyed by a hash of everything the conversion
reads (the text, the file's place, Prongsai's code), so a template or setting
change can never make them wrong (bodies.py reads them). `outputs`: for each
output folder, what the last build wrote for each site path, with the
hash of the inputs it was made from, the inputs' names (dependencies noted
while rendering, depend.py), the file's size and modification time as
written, and its search-index line; a page is reused only when all of these
still hold. Deleting the folder is always safe: the next build is a cold one.
SQLite (in Python's standard library) gives atomic commits, so an interrupted
build leaves the cache as it was.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .depend import digest

FOLDER = ".prongsai-cache"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS bodies (key BLOB PRIMARY KEY, html TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS checks (key BLOB PRIMARY KEY, result TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS kept (key BLOB PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS outputs (folder TEXT NOT NULL, path TEXT NOT NULL, inputs BLOB, uses TEXT NOT NULL,"
    " size INTEGER NOT NULL, mtime INTEGER NOT NULL, line TEXT, PRIMARY KEY (folder, path))",
)


@dataclass(frozen=True)
class Output:
    """One file of the last build, as recorded."""

    path: str
    #: hash of what it was made from (None for files whose inputs are not tracked: they are compared instead)
    inputs: bytes | None
    #: the names of the shared inputs the page read while rendering (depend.py)
    uses: tuple
    size: int
    mtime: int
    #: its search-index line, "" when it is not searched
    line: str


class Cache:
    """The cache of one project; `Cache(None)` keeps nothing (a build with --no-cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._db, self._pid, self._reader = None, os.getpid(), None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / "cache.sqlite3", timeout=30)
            # Write-ahead logging: render processes read while this one writes, and nobody waits.
            self._db.execute("PRAGMA journal_mode=WAL")
            for statement in _SCHEMA:
                self._db.execute(statement)
        except (OSError, sqlite3.Error):  # a read-only project folder, a damaged file: build without the cache
            self.folder, self._db = None, None

    def read(self, table: str, column: str, key: bytes) -> object:
        """One value by key, from this process or from a render process forked from it (which opens its own
        connection: a connection must not cross a fork); None when it is not there."""
        if self._db is None:
            return None
        if os.getpid() == self._pid:
            db = self._db
        else:
            if self._reader is None or self._reader[0] != os.getpid():
                self._reader = (os.getpid(), sqlite3.connect(self.folder / "cache.sqlite3", timeout=30))
            db = self._reader[1]
        try:
            row = db.execute(f"SELECT {column} FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # locked or unreadable: the value is made again
            return None
        return row[0] if row else None

    def keep(self, made: list, checked: list) -> None:
        """Keep converted bodies [(key, html)] and checked texts [(key, JSON)]."""
        if self._db is not None:
            self._db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?)", made)
            self._db.executemany("INSERT OR REPLACE INTO checks VALUES (?, ?)", checked)

    def remember(self, key: bytes, compute: Callable[[], object]) -> object:
        """compute(), or what it returned last time under the same key."""
        if self._db is None:
            return compute()
        found = self.read("kept", "value", key)
        if found is not None:
            return pickle.loads(found)
        value = compute()
        self._db.execute("INSERT OR REPLACE INTO kept VALUES (?, ?)", (key, pickle.dumps(value, protocol=4)))
        return value

    def outputs(self, folder: str) -> dict:
        """{site path: Output} of the last build into an output folder."""
        if self._db is None:
            return {}
        rows = self._db.execute("SELECT path, inputs, uses, size, mtime, line FROM outputs WHERE folder = ?", (folder,))
        return {row[0]: Output(row[0], row[1], tuple(json.loads(row[2])), row[3], row[4], row[5] or "") for row in rows}

    def record_outputs(self, folder: str, outputs: list[Output]) -> None:
        """Replace the record of the last build into `folder` with this one."""
        if self._db is None:
            return
        self._db.execute("DELETE FROM outputs WHERE folder = ?", (folder,))
        self._db.executemany("INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [(folder, o.path, o.inputs, json.dumps(list(o.uses)), o.size, o.mtime, o.line) for o in outputs])

    def commit(self) -> None:
        if self._db is not None:
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def cache_folder(project: Path) -> Path:
    return project / FOLDER


class Kept:
    """A memo (memo.py's interface) that also keeps slow results in the cache, under the hash of the file's bytes."""

    #: what is worth reading the file to hash it: anything else is cheaper to recompute
    SLOW = {"attachment", "news-post", "body"}

    def __init__(self, cache: Cache, code: bytes, inner) -> None:
        self.cache, self.code, self.inner = cache, code, inner

    @property
    def hits(self) -> int:
        return self.inner.hits

    @property
    def misses(self) -> int:
        return self.inner.misses

    def get(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        if what not in self.SLOW:
            return self.inner.get(what, file, compute)
        return self.inner.get(what, file, lambda: self._kept(what, file, compute))

    def get_many(self, what: str, files: tuple, compute: Callable[[], object]) -> object:
        return self.inner.get_many(what, files, compute)

    def get_each(self, what: str, files: list, compute: Callable[[Path], object]) -> list:
        if what not in self.SLOW:
            return self.inner.get_each(what, files, compute)
        return self.inner.get_each(what, files, lambda file: self._kept(what, file, lambda: compute(file)))

    def reuse(self, what: str, inputs: tuple, compute: Callable[[], object]) -> object:
        return self.inner.reuse(what, inputs, compute)

    def _kept(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        try:
            data = file.read_bytes()
        except OSError:
            return compute()  # it says what is wrong
        return self.cache.remember(digest(self.code, what, str(file), data), compute)

    def remember(self, key: tuple, compute: Callable[[], object]) -> object:
        return self.cache.remember(digest(self.code, *key), compute)
