"""News bodies as HTML, made when a page is rendered and kept in the build cache.

Owns the conversion of news posts' Markdown at render time. Validation reads
each text once for its warnings and links and keeps only its hash (model.Body);
rendering re-reads the file, converts it (Python-Markdown, the slowest step of
a build) or finds the HTML in the cache under the hash of the text and of
the converter (markup_version). Works in forked render processes: they read
the cache on their own connection and hand back what they converted.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from . import markup, yamlio
from .depend import digest
from .validated import Body
from .problems import Problem


def body_text(file: Path) -> str:
    """The Markdown after a post's front matter, read as validation reads it (yamlio.read_text)."""
    text = file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return yamlio.split_front_matter(text)[1]


def markup_version() -> bytes:
    """What a body's HTML and warnings depend on besides its text: the converter's code and libraries."""
    from importlib.metadata import version

    return digest(Path(markup.__file__).read_bytes(), version("markdown"), version("nh3"))


class Bodies:
    """HTML of news bodies for one build: from the cache, else converted (and noted in `made`)."""

    def __init__(self, cache, code: bytes) -> None:
        self.cache, self.code = cache, code
        #: (key, html) converted in this process since the last `take_made`
        self.made: list = []
        #: (key, JSON of warnings and links) of texts checked since the last `take_made`
        self.checked: list = []
        self._recent: dict = {}

    def key(self, body: Body) -> bytes:
        return digest(self.code, body.text_digest)

    def html(self, body: Body) -> str:
        key = self.key(body)
        if key in self._recent:
            return self._recent[key]
        found = self.cache.read("bodies", "html", key) if self.cache else None
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
        kept = self.cache.read("checks", "result", key) if self.cache else None
        if kept is not None:
            warnings, links = json.loads(kept)
            return [Problem(*w) for w in warnings], [tuple(link) for link in links]
        # a post's text starts below its front matter: both count lines from there
        warnings, links = markup.find_unsafe(text, path, first_line), markup.local_links(text, first_line)
        self.checked.append((key, json.dumps([[dataclasses.astuple(w) for w in warnings], links], ensure_ascii=False)))
        return warnings, links

    def take_made(self) -> tuple[list, list]:
        """What was converted and checked since the last call, for the parent process to keep."""
        made, checked, self.made, self.checked = self.made, self.checked, [], []
        return made, checked
