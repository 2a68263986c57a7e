"""What a form edits and how a save is made: an item's YAML and Markdown, site.yaml, or a news post.

Owns Target (the file under content/, the record it is checked against, its
Markdown body if any, its page in the preview) and the save itself: the
submitted form becomes data (values.py), the data becomes text by changing
only what differs (yamledit), the text is checked by the build's validator
(checking.py), and only a text without errors is written (store.py, atomic,
history kept, refused if the file changed since the form was opened). A news
post is front matter between `---` lines and a Markdown body; its front
matter is edited the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import yamledit, yamlio
from ..framework import Item, normalise_code
from ..schema import Field, Kind
from . import values as form_values
from .checking import Checked, check_text
from .store import ABSENT, Store

_ITEM_FILE = re.compile(r"^([Oo]0*\d+)(?:[-_ .].*)?\.(yaml|yml|md)$")


@dataclass(frozen=True)
class Target:
    """One file a form edits."""

    relative: str
    record: Field
    title_th: str
    title_en: str = ""
    #: the Markdown body beside it (items), "" when the kind has none
    body_relative: str = ""
    body_label: str = ""
    #: the page in the preview ("" for none)
    page: str = ""
    #: a news post: YAML front matter and the body in one file
    front_matter: bool = False
    item: Item | None = None
    kind: Kind | None = None
    year: int = 0
    #: where its form posts to, when not the usual place
    post_to: str = ""

    @property
    def action(self) -> str:
        """Where its form posts to."""
        if self.post_to:
            return self.post_to
        if self.item is not None:
            return f"/item/{self.year}/{self.item.code}"
        if self.front_matter:
            return "/news/edit/" + Path(self.relative).stem
        return "/settings"


def item_file(content: Path, year: int, code: str, markdown: bool = False) -> str:
    """The item's YAML (or Markdown) under content/: an existing `O12-จัดซื้อ.yaml` counts, else `ita/<year>/O12.yaml`."""
    folder = content / "ita" / str(year)
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        match = _ITEM_FILE.match(file.name)
        if match and normalise_code(match.group(1)) == code and (match.group(2) == "md") == markdown:
            return f"ita/{year}/{file.name}"
    return f"ita/{year}/{code}.{'md' if markdown else 'yaml'}"


def item_target(content: Path, model, year: int, item: Item) -> Target:
    kind = model.kinds[item.kind]
    relative, body = item_file(content, year, item.code), item_file(content, year, item.code, markdown=True)
    return Target(relative, kind.record, f"{item.code} {item.name_th}", item.name_en, body if kind.body_th else "",
                  kind.body_label or kind.body_th, f"ita/{year}/{item.slug}.html", item=item, kind=kind, year=year)


def settings_target(model) -> Target:
    return Target("site.yaml", model.site, "ข้อมูลหน่วยงาน", "Agency settings", page="index.html")


def news_target(model, slug: str) -> Target:
    return Target(f"news/{slug}.md", model.news_post, "ข่าวประชาสัมพันธ์", "News post", page=f"news/{slug}.html",
                  front_matter=True, body_label="เนื้อข่าว")


@dataclass(frozen=True)
class Opened:
    """A target as read from disk: its YAML text, the body, the version the form is opened on."""

    text: str
    body: str
    version: str
    #: the line the YAML starts on in the file (front matter: 2)
    line_offset: int = 0


def open_target(store: Store, target: Target) -> Opened:
    text, version = store.read(target.relative)
    if target.front_matter:
        if text is None:
            return Opened("", "", version, 1)
        front, body, _ = yamlio.split_front_matter(text)
        return Opened(front or "", body, version, 1)
    body = ""
    if target.body_relative:
        body = store.read(target.body_relative)[0] or ""
    return Opened(text or "", body, version)


def check_target(text: str, target: Target, store: Store, project: Path, line_offset: int = 0) -> Checked:
    return check_text(text, target.record, store.path(target.relative), store.content, project, line_offset)


@dataclass(frozen=True)
class Candidate:
    """What saving the form would write, and what the validator says of it."""

    text: str
    body: str
    checked: Checked


def candidate(target: Target, opened: Opened, arguments: dict, store: Store, project: Path) -> Candidate:
    """The text the submitted form asks for, checked."""
    old = yamlio.parse(opened.text, target.relative)[0] if opened.text.strip() else None
    old_data = old.data if old is not None else None
    data = form_values.record_values(target.record, form_values.tree(arguments), old_data)
    try:
        text = yamledit.update(opened.text, data) if opened.text.strip() else yamledit.dump(data)
    except yamledit.EditError:
        text = yamledit.dump(data)
    body = _argument(arguments, "body").replace("\r\n", "\n") if "body" in arguments else opened.body
    return Candidate(text, body, check_target(text, target, store, project, opened.line_offset))


def _argument(arguments: dict, name: str) -> str:
    values = arguments.get(name) or [b""]
    value = values[-1]
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def file_text(target: Target, cand: Candidate) -> str:
    """The whole file to write: the YAML, or for a post its front matter and body."""
    if not target.front_matter:
        return cand.text
    body = cand.body if cand.body.endswith("\n") or not cand.body else cand.body + "\n"
    return f"---\n{cand.text}---\n{body}"


def write(store: Store, target: Target, cand: Candidate, version: str, body_version: str | None = None) -> list[str]:
    """Write the candidate (the caller made sure it has no errors); the files written, relative to content/."""
    written = []
    store.write(target.relative, file_text(target, cand), version)
    written.append(target.relative)
    if target.body_relative:
        old_body, current = store.read(target.body_relative)
        wanted = cand.body.rstrip("\n") + "\n" if cand.body.strip() else ""
        if (old_body or "") != wanted and (wanted or old_body is not None):
            if wanted:
                store.write(target.body_relative, wanted, body_version if body_version is not None else current)
            elif old_body is not None:
                store.trash(target.body_relative)
            written.append(target.body_relative)
    store.drop_draft(target.relative)
    return written


def absent(version: str) -> bool:
    return version == ABSENT
