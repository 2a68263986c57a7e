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
build leaves the cache as it was. A damaged cache (a garbled file, a half copy)
is set aside as cache.sqlite3.damaged and the build goes on without it, so the
next build starts a new one; a cache that cannot be written (a read-only
project folder, a full disk) is left alone and the build goes on without it.
Either way the clerk is told once (`notices`), and the output is the same.
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


#: SQLite's result codes for a file that is not a database, or a damaged one
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in _DAMAGED
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


class Cache:
    """The cache of one project; `Cache(None)` keeps nothing (a build with --no-cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._db, self._pid, self._reader = None, os.getpid(), None
        #: said to the clerk after the build: the cache was damaged, or could not be written
        self.notices: list = []
        if folder is None:
            return
        try:
            self._open()
        except sqlite3.Error as error:
            if not _is_damage(error):
                self._give_up(error)
                return
            self._close_all()
            self._set_aside()
            try:
                self._open()
            except (OSError, sqlite3.Error) as again:
                self._give_up(again)
        except OSError as error:
            self._give_up(error)

    @property
    def file(self) -> Path:
        return self.folder / "cache.sqlite3"

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.file, timeout=30)
        # Write-ahead logging: render processes read while this one writes, and nobody waits.
        self._db.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            self._db.execute(statement)

    def _failed(self, error: sqlite3.Error) -> None:
        """A damaged cache is set aside and a new one started at once (what this build makes is kept for the next);
        any other failure (a full disk, a lock held too long) ends the use of the cache for this build."""
        self._close_all()
        if not _is_damage(error):
            self._give_up(error)
            return
        self._set_aside()
        try:
            self._open()
        except (OSError, sqlite3.Error) as again:
            self._give_up(again)

    def _give_up(self, error: Exception) -> None:
        self._close_all()
        if not self.notices:
            self.notices.append(f"ใช้แคช {self.file} ไม่ได้ ({error}) จึงสร้างโดยไม่ใช้แคช ผลลัพธ์เหมือนกันแต่ช้ากว่า | "
                                f"cannot use the build cache {self.file} ({error}): built without it (same output, slower)")

    def _close_all(self) -> None:
        for db in (self._db, self._reader[1] if self._reader and self._reader[0] == os.getpid() else None):
            if db is not None:
                try:
                    db.close()
                except sqlite3.Error:
                    pass
        self._db, self._reader = None, None

    def _set_aside(self) -> None:
        """Move a damaged cache out of the way (kept for whoever wants to look at it): the next build starts afresh."""
        try:
            os.replace(self.file, self.file.with_name("cache.sqlite3.damaged"))
            for extra in ("-wal", "-shm"):
                Path(str(self.file) + extra).unlink(missing_ok=True)
        except OSError as error:
            self._give_up(error)
            return
        self.notices.append(f"แคชของการสร้างเว็บไซต์เสียหาย จึงย้ายไปไว้ที่ {self.file}.damaged และสร้างใหม่ "
                            f"(ครั้งนี้ช้ากว่าปกติ ผลลัพธ์เหมือนเดิม) | the build cache was damaged: it was set aside as "
                            f"{self.file}.damaged and is made anew (this build is slower; the output is the same)")

    def read(self, table: str, column: str, key: bytes) -> object:
        """One value by key, from this process or from a render process forked from it (which opens its own
        connection: a connection must not cross a fork); None when it is not there."""
        if self._db is None and os.getpid() == self._pid:
            return None
        try:
            if os.getpid() == self._pid:
                db = self._db
            else:
                if self.folder is None:
                    return None
                if self._reader is None or self._reader[0] != os.getpid():
                    self._reader = (os.getpid(), sqlite3.connect(self.file, timeout=30))
                db = self._reader[1]
            row = db.execute(f"SELECT {column} FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:  # locked, unreadable or damaged: the value is made again
            if os.getpid() == self._pid:
                self._failed(error)
            return None
        return row[0] if row else None

    def _write(self, statement: str, rows: list) -> None:
        if self._db is None:
            return
        try:
            self._db.executemany(statement, rows)
        except sqlite3.Error as error:
            self._failed(error)

    def keep(self, made: list, checked: list) -> None:
        """Keep converted bodies [(key, html)] and checked texts [(key, JSON)]."""
        self._write("INSERT OR REPLACE INTO bodies VALUES (?, ?)", made)
        self._write("INSERT OR REPLACE INTO checks VALUES (?, ?)", checked)

    def remember(self, key: bytes, compute: Callable[[], object]) -> object:
        """compute(), or what it returned last time under the same key."""
        found = self.read("kept", "value", key)
        if found is not None:
            try:
                return pickle.loads(found)
            except Exception:  # noqa: BLE001 - any garbled value is made again: the cache is only ever a shortcut
                pass
        value = compute()
        self._write("INSERT OR REPLACE INTO kept VALUES (?, ?)", [(key, pickle.dumps(value, protocol=4))])
        return value

    def outputs(self, folder: str) -> dict:
        """{site path: Output} of the last build into an output folder."""
        if self._db is None:
            return {}
        try:
            rows = self._db.execute("SELECT path, inputs, uses, size, mtime, line FROM outputs WHERE folder = ?",
                                    (folder,)).fetchall()
            return {row[0]: Output(row[0], row[1], tuple(json.loads(row[2])), row[3], row[4], row[5] or "") for row in rows}
        except (sqlite3.Error, ValueError, TypeError) as error:
            self._failed(error if isinstance(error, sqlite3.Error) else sqlite3.DatabaseError("malformed record"))
            return {}

    def record_outputs(self, folder: str, outputs: list[Output]) -> None:
        """Replace the record of the last build into `folder` with this one."""
        self._write("DELETE FROM outputs WHERE folder = ?", [(folder,)])
        self._write("INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(folder, o.path, o.inputs, json.dumps(list(o.uses)), o.size, o.mtime, o.line) for o in outputs])

    def commit(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
            except sqlite3.Error as error:
                self._failed(error)

    def close(self) -> None:
        self._close_all()


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
