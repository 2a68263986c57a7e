"""How a rule reaches the values it judges: dotted paths into an item, the settings and the news.

Owns RuleContext (what every rule may read), Found (a value with the place it is
written) and the walk of a dotted path: `executives.photo` fans out over the
list, `site.…` reaches the settings, `news.…` the year's news posts (or all of
them), `body` the Markdown text beside the YAML. Also the one way a rule turns a
place into a Problem, so every rule points at `path:line:column` alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import thai
from .validated import ItemPage, Site
from .problems import Problem
from .schema import Field, Model
from .yamlio import Doc


@dataclass(frozen=True)
class RuleContext:
    """What every rule may read: the item, the site, the content model, the day of checking."""

    entry: ItemPage
    site: Site
    model: Model
    as_of: date

    @property
    def fiscal_year(self) -> int:
        return self.entry.fiscal_year


@dataclass(frozen=True)
class Found:
    """A value reached by a dotted path, with where it is written."""

    value: object
    field: Field
    key: tuple
    #: the file and Doc it is in (None for news posts and the Markdown body)
    path: str
    doc: object
    #: "entry 3 of executives (นายสมชาย)" when it sits in a list, in Thai and English
    where_th: str = ""
    where_en: str = ""
    #: point at the key (`activities:`) rather than its value: for problems about a whole list
    at_key: bool = False


def _entry_name(value: object) -> str:
    if isinstance(value, dict):
        for name in ("name", "title", "topic", "issue", "process", "unit", "position"):
            if isinstance(value.get(name), str):
                return value[name]
        month = value.get("month")
        if isinstance(month, thai.Month):
            return thai.format_month(month)
    return ""


def _walk(value: object, field: Field, parts: list, key: tuple, base: Found) -> list:
    """Every value at a dotted path; lists fan out, and an empty list is one missing value."""
    if field.type == "list":
        if not value:
            return [Found(None, field, key, base.path, base.doc, base.where_th, base.where_en)]
        found = []
        for i, item in enumerate(value):
            name = _entry_name(item)
            label = f" ({name})" if name else ""
            where = Found(None, field, key, base.path, base.doc,
                           f"{base.where_th}รายการที่ {i + 1} ของ{field.label}{label} ",
                           f"{base.where_en}entry {i + 1} of {field.name}{label}: ")
            found += _walk(item, field.item, parts, key + (i,), where)
        return found
    if not parts:
        return [Found(value, field, key, base.path, base.doc, base.where_th, base.where_en)]
    sub = field.sub(parts[0])
    if sub is None:
        raise ValueError(f"no field {parts[0]} in {field.name}")
    child = value.get(parts[0]) if isinstance(value, dict) else None
    return _walk(child, sub, parts[1:], key + (parts[0],), base)


def _news_in_year(ctx: RuleContext) -> list:
    start, end = thai.fiscal_year_start(ctx.fiscal_year), thai.fiscal_year_end(ctx.fiscal_year)
    return [post for post in ctx.site.news if start <= post.date <= end]


_NEWS = Field("news", "list", label="ข่าว", en="news posts")


def find(ctx: RuleContext, path: str, every_year: bool = False) -> list:
    """The values at a dotted path of the item (or `site.…`, `news.…` (this year's posts, or all), `body`)."""
    head, _, rest = path.partition(".")
    entry = ctx.entry
    if head == "body":
        return [Found(entry.body_html or None, Field("body", "longtext", label="ข้อความประกอบ", en="the Markdown text"),
                       (), entry.body_source or entry.source, None)]
    if head == "site":
        doc = ctx.site.settings_doc
        base = Found(None, ctx.model.site, (), doc.path if doc else "content/site.yaml", doc)
        return _walk(ctx.site.settings, ctx.model.site, rest.split("."), (), base)
    if head == "news":
        found = []
        for post in ctx.site.news if every_year else _news_in_year(ctx):
            values = {"title": post.title, "date": post.date, "summary": post.summary or None, "image": post.image}
            where = Doc(post.source, None, {("date",): post.date_at})  # the post's date, for problems about it
            base = Found(None, ctx.model.news_post, (), post.source, where, f"ข่าว '{post.title}' ", f"the post '{post.title}': ")
            found += _walk(values, ctx.model.news_post, rest.split("."), (), base)
        return found or [Found(None, _NEWS, (), entry.source, entry.doc)]
    record = ctx.model.kinds[entry.item.kind].record
    return _walk(entry.values, record, path.split("."), (), Found(None, record, (), entry.source, entry.doc))


def anchor(ctx: RuleContext, path: str) -> Found:
    """The place a problem about a whole list or record goes: its first segment, with no entry named."""
    head = path.split(".")[0]
    entry = ctx.entry
    if head == "news":
        return Found(None, _NEWS, (), entry.source, entry.doc)
    if head == "site":
        doc = ctx.site.settings_doc
        return Found(None, ctx.model.site, (), doc.path if doc else "content/site.yaml", doc)
    record = ctx.model.kinds[entry.item.kind].record
    return Found(None, record.sub(head) or record, (head,), entry.source, entry.doc, at_key=True)


def field_at(ctx: RuleContext, path: str) -> Field:
    """The Field a dotted path names, through lists and records."""
    head, _, rest = path.partition(".")
    field = {"news": ctx.model.news_post, "site": ctx.model.site}.get(head)
    parts = rest.split(".") if field is not None else path.split(".")
    field = field or ctx.model.kinds[ctx.entry.item.kind].record
    for part in parts:
        field = field.item if field.type == "list" else field
        field = field.sub(part)
    return field


def problem_at(found: Found, th: str, en: str, hint_th: str = "", hint_en: str = "") -> Problem:
    mark = found.doc.key_mark if found.at_key else found.doc.mark if found.doc is not None else None
    line, column = mark(found.key) if mark else (0, 0)
    return Problem(found.path, line, column, found.where_th + th, found.where_en + en, hint_th, hint_en)


def spaced(label: str) -> str:
    """A label followed by Thai text: Thai writing puts a space after a Latin word (No Gift ที่…)."""
    return f"{label} " if label[-1:].isascii() and label[-1:].isalnum() else label


def empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}
