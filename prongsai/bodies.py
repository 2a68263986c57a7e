"""News bodies as HTML, made when a page is rendered and kept in the build cache.

Owns the conversion of news posts' Markdown at render time. Validation reads
each text once for its warnings and links and keeps only its hash (model.Body);
rendering re-reads the file, converts it (Python-Markdown, the slowest step of
a build) or finds the HTML in the cache under the hash of the text and of
Prongsai's code. Works in forked render processes: each opens its own cache
connection and hands back what it converted.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from pathlib import Path

from . import markup, yamlio
from .depend import digest
from .model import Body
from .problems import Problem


def body_text(file: Path) -> str:
    """The Markdown after a post's front matter, read as validation reads it (yamlio.read_text)."""
    text = file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return yamlio.split_front_matter(text)[1]


class Bodies:
    """HTML of news bodies for one build: from the cache, else converted (and noted in `made`)."""

    def __init__(self, cache_file: Path | None, code: bytes) -> None:
        self.cache_file, self.code = cache_file, code
        #: (key, html) converted in this process since the last `take_made`
        self.made: list = []
        #: (key, JSON of warnings and links) of texts checked since the last `take_made`
        self.checked: list = []
        self._db, self._pid = None, None
        self._recent: dict = {}

    def key(self, body: Body) -> bytes:
        return digest(self.code, body.text_digest)

    def html(self, body: Body) -> str:
        key = self.key(body)
        if key in self._recent:
            return self._recent[key]
        found = self._lookup(key)
        if found is None:
            text = body_text(Path(body.file))
            found = markup.to_html(text)
            if digest(text) == body.text_digest:  # not changed since it was checked: safe to keep
                self.made.append((key, found))
        self._recent = {key: found}  # a page asks twice at most; keep memory flat
        return found

    def check(self, text: str, path: str, first_line: int) -> tuple[list, list]:
        """(warnings, local links) of a body's Markdown: what markup.find_unsafe and local_links say, kept by hash."""
        key = digest(self.code, "check", path, first_line, text)
        kept = self._lookup(key, "checks", "result")
        if kept is not None:
            warnings, links = json.loads(kept)
            return [Problem(*w) for w in warnings], [tuple(link) for link in links]
        warnings, links = markup.find_unsafe(text, path, first_line), markup.local_links(text)
        self.checked.append((key, json.dumps([[dataclasses.astuple(w) for w in warnings], links], ensure_ascii=False)))
        return warnings, links

    def take_made(self) -> tuple[list, list]:
        """What was converted and checked since the last call, for the parent process to keep."""
        made, checked, self.made, self.checked = self.made, self.checked, [], []
        return made, checked

    def _lookup(self, key: bytes, table: str = "bodies", column: str = "html") -> str | None:
        if self.cache_file is None or not self.cache_file.exists():
            return None
        if self._pid != os.getpid():  # a forked process must not use its parent's connection
            self._db, self._pid = sqlite3.connect(self.cache_file, timeout=30), os.getpid()
        try:
            row = self._db.execute(f"SELECT {column} FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no table yet: a new cache
            return None
        return row[0] if row else None
