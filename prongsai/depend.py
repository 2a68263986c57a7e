"""What each page is made from, as hashes: the basis for reusing a page from the last build.

Owns the dependency rule. A page's inputs are
  - the shell: Prongsai's own code and data, every file under templates/, the
    settings, the build date (anything that could change every page);
  - its own content: the item, news post, year or file list it is made for (a
    year's items count only when the page reads them: YearView);
  - the shared parts of the site it read while rendering, noted by TrackedSite:
    the news posts' fields it read (a list of titles does not read bodies, so
    editing a post's text re-renders that post's page and not the list pages),
    the ITA years, the assets, the page list.
A page whose inputs hash to what the last build recorded, under the same
names, would render to the same bytes, because rendering reads nothing else.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import NamedTuple

from .memo import per_object

_PACKAGE = Path(__file__).resolve().parent


def digest(*parts) -> bytes:
    """A short hash of values: bytes and text as they are, anything else by its repr (dataclasses, dicts, dates...)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, bytes):
            data = b"b" + part
        elif isinstance(part, str):  # long Markdown texts: no repr
            data = b"s" + part.encode("utf-8")
        else:
            data = b"r" + repr(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


def folder_digest(folder: Path) -> bytes:
    """Every file's name and bytes under a folder."""
    files = sorted(f for f in folder.rglob("*") if f.is_file() and "__pycache__" not in f.parts) if folder.is_dir() else []
    return digest(*[part for f in files for part in (f.relative_to(folder).as_posix(), f.read_bytes())])


#: Every library whose output a page or a cached value holds: a new version of any may make different bytes
#: (Pillow resizes images, pypdf counts pages, openpyxl writes the spreadsheets, segno draws the QR codes...).
LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "pyyaml", "pillow", "pypdf", "openpyxl", "segno")


def code_version() -> bytes:
    """Prongsai's own code and data files, Python's version and those of the LIBRARIES: a new version of any may
    render anything differently, so it is part of every key the build cache keeps."""
    from importlib.metadata import version

    return digest(folder_digest(_PACKAGE), sys.version, *[f"{name} {version(name)}" for name in LIBRARIES])


def shell_digest(code: bytes, templates: Path, site) -> bytes:
    """The inputs of every page."""
    return digest(code, folder_digest(templates), site.settings, site.build_date)


def entry_digest(entry) -> bytes:
    """An ITA item's content as rendered (its values carry every attachment's size and pages)."""
    return digest(entry.item, entry.fiscal_year, entry.values, entry.body_html, entry.source, entry.body_source, entry.updated)


def own_digest(page, digests: "Digests") -> bytes:
    """The page's own content: what render.plan_pages gave it beside the site."""
    parts = []
    for name, value in sorted(page.extra.items()):
        if name == "year":  # its items are noted when the page reads them (YearView)
            parts += [name, digests.of_year_frame(value)]
        elif name == "entry" and value is not None:
            parts += [name, digests.of_entry(value)]
        elif name == "kind":
            parts += [name, value.id]  # kinds are Prongsai's data: in the shell
        else:  # a news post (its body by the hash of its text), file lists, flags
            parts += [name, value]
    return digest(page.path, page.template, page.title, page.source, page.section, *parts)


class PostView:
    """A news post as templates see it: its fields, and `body_html` made when asked for (bodies.Bodies).

    With `uses`, it notes which fields a page reads (a post reached through site.news, not the page's own).
    """

    __slots__ = ("_post", "_bodies", "_uses")

    def __init__(self, post, bodies, uses: set | None = None) -> None:
        self._post, self._bodies, self._uses = post, bodies, uses

    def __getattr__(self, name: str):
        if self._uses is not None:
            self._uses.add("news." + name)
        if name == "body_html":
            return self._bodies.html(self._post.body)
        return getattr(self._post, name)


class YearView:
    """A fiscal year as a page's own `year`: its number, path and framework are the page's own content; reading its
    items is noted, so an item's page is not rendered again when another item of the year changes."""

    __slots__ = ("_year", "_uses")

    def __init__(self, year, uses: set) -> None:
        self._year, self._uses = year, uses

    def __getattr__(self, name: str):
        if name == "items":
            self._uses.add(f"year.items.{self._year.fiscal_year}")
        return getattr(self._year, name)


class TrackedPages(list):
    """The page list given to every template; notes whether the page looked at it."""

    def __init__(self, pages: list, uses: set) -> None:
        super().__init__(pages)
        self._uses = uses

    def __iter__(self):
        self._uses.add("pages")
        return super().__iter__()

    def __getitem__(self, index):
        self._uses.add("pages")
        return super().__getitem__(index)

    def __len__(self) -> int:
        self._uses.add("pages")
        return super().__len__()


#: Site attributes that are part of the shell (settings, build date) and need no note.
_SHELL_ATTRIBUTES = {"settings", "settings_doc", "build_date", "digits", "public_url", "real_result"}


class TrackedSite:
    """Stands in for the Site in templates and notes which shared parts a page reads."""

    def __init__(self, site, uses: set, bodies) -> None:
        self._site, self._uses, self._bodies = site, uses, bodies

    def __getattr__(self, name: str):
        if name == "news":
            self._uses.add("news.slug")  # which posts there are, and in what order
            return tuple(PostView(post, self._bodies, self._uses) for post in self._site.news)
        if name not in _SHELL_ATTRIBUTES:
            self._uses.add("site." + name)
        return getattr(self._site, name)


def _field_digest(post, field: str) -> bytes:
    """One field of one post; a body by the hash of its text, not its HTML."""
    return digest(post.body.text_digest if field == "body_html" else getattr(post, field, None))


class PageDigest(NamedTuple):
    """A page's own digest and the objects it was made from (`serve` reuses it while they are the very same)."""

    made_from: tuple
    own: bytes
    page: object


class LastRebuild(NamedTuple):
    """The shell and the shared parts' hashes at the last successful rebuild of `serve`."""

    shell: bytes
    parts: dict


class NewsFieldDigest(NamedTuple):
    """One field of every post: the post list it was taken from, each post's hash, and the hash of them all."""

    posts: tuple
    parts: list
    whole: bytes


class Digests:
    """The hash of each shared part of one build's site, computed when first asked for."""

    def __init__(self, site, pages: list, kept: dict | None = None) -> None:
        self._site, self._pages, self._known = site, pages, {}
        #: page path -> (the objects it was made from, its own digest): kept between rebuilds of `serve`,
        #: where an unchanged post is the same object (validate.py keeps it), so its page's digest is too
        self._kept = {} if kept is None else kept

    def own(self, page) -> bytes:
        """own_digest(page), reused while the page is made from the very same objects."""
        return self._own(page)[0]

    def _own(self, page) -> tuple[bytes, bool]:
        kept = self._kept.get(page.path)
        if kept is not None and kept.page is page:  # serve keeps a news post's PageInfo while the post is unchanged
            return kept.own, True
        made_from = (page.template, page.title, *page.extra.values())
        if kept is not None and len(kept.made_from) == len(made_from) and all(
                a is b for a, b in zip(kept.made_from, made_from)):
            self._kept[page.path] = PageDigest(made_from, kept.own, page)
            return kept.own, True
        found = own_digest(page, self)
        self._kept[page.path] = PageDigest(made_from, found, page)
        return found, False

    def fresh(self, shell: bytes, page, record) -> bool:
        """Whether the page would render as `record` says it did.

        In `serve`, a page made from the very same objects as at the last successful rebuild, under the same
        shell, reading no shared part whose hash has changed since, is fresh without hashing anything of its own.
        """
        own, same = self._own(page)
        if same and self._unchanged_since_last(shell, record.uses):
            return True
        return self.inputs(shell, own, record.uses) == record.inputs

    def _unchanged_since_last(self, shell: bytes, uses: tuple) -> bool:
        last = self._kept.get("last")
        if last is None or last.shell != shell:
            return False
        verdicts = self._known.setdefault("unchanged since last", {})
        if uses not in verdicts:  # pages share a few sets of names: decide each set once a rebuild
            verdicts[uses] = all(name in last.parts and self.of(name) == last.parts[name] for name in uses)
        return verdicts[uses]

    def remember_rebuild(self, shell: bytes, rendered_elsewhere: bool) -> None:
        """Note this rebuild's shared parts: every page now matches its record (call after a successful rebuild).
        Pages rendered in other processes had their own hashes taken there: take them here too."""
        for page in self._pages if rendered_elsewhere else ():
            self._own(page)
        self._kept["last"] = LastRebuild(shell, {name: found for name, found in self._known.items()
                                      if isinstance(name, str) and isinstance(found, bytes)})

    def prepare(self) -> None:
        """Hash every shared part a page may read, before render processes are forked (they inherit the hashes)."""
        for field in ("slug", "title", "date", "summary", "image", "image_alt", "documents", "body_html", "source",
                      "path", "fiscal_year"):
            self.of("news." + field)
        for name in ("pages", "site.years", "site.current_year", "site.assets", "site.resized"):
            self.of(name)

    def of_texts(self, entries: list[list]) -> list[bytes]:
        """The hash of each page's searched text (what a text file holds of it: not its title, which the titles file
        holds), each hashed once while it is the same entry (serve keeps unchanged ones)."""
        return per_object(self._kept.setdefault("texts", {}), entries,
                          lambda entry: hashlib.blake2b(entry[3].encode("utf-8"), digest_size=16).digest())

    def entries_of(self, lines: list[str]) -> list[list]:
        """The search index's lines read back as [url, title, headings, text], each read once while it is the
        same string."""
        return per_object(self._kept.setdefault("entries", {}), lines, json.loads)

    def of_titles(self, entries: list[list]) -> bytes:
        """What the titles file (search-index.js) is made of: each page's url, title and headings, not its text."""
        found = per_object(self._kept.setdefault("titles", {}), entries, lambda entry: digest(*entry[:2], *entry[2]))
        return hashlib.blake2b(b"".join(found), digest_size=16).digest()

    def of_entry(self, entry) -> bytes:
        key = ("entry", entry.fiscal_year, entry.item.code)
        if key not in self._known:
            self._known[key] = entry_digest(entry)
        return self._known[key]

    def of_year_frame(self, year) -> bytes:
        """A year without its items: what every page of the year shows of it."""
        key = ("year frame", year.fiscal_year)
        if key not in self._known:
            self._known[key] = digest(year.fiscal_year, year.path, year.framework)
        return self._known[key]

    def of_year(self, year) -> bytes:
        key = ("year", year.fiscal_year)
        if key not in self._known:
            self._known[key] = digest(year.fiscal_year, year.framework, *[self.of_entry(e) for e in year.items.values()])
        return self._known[key]

    def of(self, name: str) -> bytes:
        if name not in self._known:
            self._known[name] = self._compute(name)
        return self._known[name]

    def _compute(self, name: str) -> bytes:
        site = self._site
        if name.startswith("news."):
            return self._news_field(name.split(".", 1)[1])
        if name.startswith("year.items."):
            year = site.years.get(int(name.rsplit(".", 1)[1]))
            return self.of_year(year) if year is not None else digest(None)
        if name == "pages":
            return digest(*[(p.path, p.title, p.section) for p in self._pages])
        if name in ("site.years", "site.current_year"):
            return digest(*[self.of_year(y) for y in site.years.values()])
        if name == "site.resized":
            return digest(*[part for path, data in sorted(site.resized.items()) for part in (path, data)])
        return digest(getattr(site, name.split(".", 1)[1], None))

    def _news_field(self, field: str) -> bytes:
        """One field of every post. In `serve`, where an unchanged post stays the same object, only the parts of
        the posts that are new objects since the last rebuild are hashed again."""
        news, kept = self._site.news, self._kept.get(("news", field))
        if kept is not None and kept.posts is news:
            return kept.whole
        if kept is not None and len(kept.posts) == len(news):
            parts = list(kept.parts)
            for index in self._replaced(kept.posts):
                parts[index] = _field_digest(news[index], field)
        else:
            parts = [_field_digest(post, field) for post in news]
        found = hashlib.blake2b(b"".join(parts), digest_size=16).digest()
        self._kept[("news", field)] = NewsFieldDigest(news, parts, found)
        return found

    def _replaced(self, old: tuple) -> list[int]:
        """Where the posts differ (as objects) from an earlier list of the same length; once for all fields."""
        key = ("replaced since", id(old))
        if key not in self._known:
            self._known[key] = [i for i, (was, now) in enumerate(zip(old, self._site.news)) if was is not now]
        return self._known[key]

    def inputs(self, shell: bytes, own: bytes, uses: tuple) -> bytes:
        """The hash a page's output is reused under (many thousands per rebuild: no repr here)."""
        names = "\n".join(uses).encode("utf-8")
        parts = [shell, own, len(names).to_bytes(4, "little"), names, *[self.of(name) for name in uses]]
        return hashlib.blake2b(b"".join(parts), digest_size=16).digest()
