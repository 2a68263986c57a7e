"""Open data: every table of the site as CSV and JSON beside its page, a catalogue, and the feeds machines read.

Owns the datasets (each list of records in an item, flattened into rows: a
nested list such as a month's procurement rows repeats its parent's columns),
their files (`ita/2568/o19-months.csv` in UTF-8 with BOM for Excel, and
`.json`), and `sitemap.xml`, `robots.txt` and the Atom feed of news. Pure
functions of the validated site; the same site gives the same bytes. A text
cell that a spreadsheet would run as a formula is written as text
(spreadsheet_text), here and in sheets.py.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape as _html_escape

from . import thai
from .fields import Choice
from .validated import Site
from .schema import Field, Model
from .templating import is_document


@dataclass(frozen=True)
class Dataset:
    """One table of one item page, ready to be written as CSV and JSON."""

    item_code: str
    item_name: str
    fiscal_year: int
    #: the page it belongs to, and the field it comes from
    page: str
    field: Field
    columns: tuple
    rows: tuple

    @property
    def base(self) -> str:
        """The files' path without extension: beside the page, named after the item and the field."""
        return f"{posixpath.dirname(self.page)}/{posixpath.basename(self.page)[:-5]}-{self.field.name.replace('_', '-')}"


#: What a spreadsheet program reads as the start of a formula (=HYPERLINK(...), +cmd|..., -2+3, @SUM), or
#: as a cell break (tab, carriage return): a text cell beginning with one is written with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    """A CSV cell that Excel and LibreOffice show as the text it is, never run as a formula (OWASP's advice):
    text beginning with = + - @, a tab or a carriage return gets a leading apostrophe. Numbers stay numbers, and a
    lone "-" (the tables' "nothing here") stays as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and value != "-":
        return "'" + value
    return value


def _cell(value: object) -> object:
    """A value as it goes into a table cell: BE dates and months, choices by their Thai label, files by path."""
    if isinstance(value, date):
        return f"{value.year + thai.BE_OFFSET:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, thai.Month):
        return value.iso
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "path") and hasattr(value, "size"):
        return value.path
    if isinstance(value, list):
        return "; ".join(str(_cell(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return value


def _flatten(field: Field, entries: list) -> tuple[list, list]:
    """Columns (sub-field labels) and rows; a nested list of records becomes one row per nested entry."""
    subs = field.item.fields
    nested = next((s for s in subs if s.type == "list" and s.item.type == "record"), None)
    plain = [s for s in subs if s is not nested and s.type != "counts"]
    counted = sorted({k for e in entries for s in subs if s.type == "counts" for k in (e.get(s.name) or {})})
    columns = [s.label for s in plain] + counted
    inner = list(nested.item.fields) if nested else []
    columns += [s.label for s in inner]
    rows = []
    for entry in entries:
        head = [_cell(entry.get(s.name)) for s in plain]
        head += [next((e.get(k) for s in subs if s.type == "counts" for e in [entry.get(s.name) or {}] if k in e), 0)
                 for k in counted]
        children = entry.get(nested.name) if nested else None
        for child in children or [None]:
            rows.append(head + ([_cell(child.get(s.name)) if child else None for s in inner]))
    return columns, rows


def _is_table(field: Field) -> bool:
    """A list of records that is data, not a list of documents or the page's own change notes."""
    return (field.type == "list" and field.item.type == "record" and field.name not in ("changes", "attachments")
            and not is_document(field.item))


def datasets(site: Site, model: Model) -> list[Dataset]:
    """Every table of every item page: each top-level list of records with at least one entry."""
    found = []
    for year in site.years.values():
        for entry in year.items.values():
            if entry.values is None:
                continue
            for field in model.kinds[entry.item.kind].record.fields:
                value = entry.values.get(field.name)
                if _is_table(field) and value:
                    columns, rows = _flatten(field, value)
                    found.append(Dataset(entry.item.code, entry.item.name_th, year.fiscal_year, entry.path, field,
                                         tuple(columns), tuple(tuple(r) for r in rows)))
    return found


def dataset_files(data: Dataset) -> dict:
    """The dataset as CSV (UTF-8 with BOM, so Excel shows Thai) and JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(c) for c in data.columns])
    writer.writerows([["" if c is None else spreadsheet_text(c) for c in row] for row in data.rows])
    document = {
        "item": data.item_code, "item_name": data.item_name, "fiscal_year": data.fiscal_year,
        "table": data.field.label, "page": data.page, "dates": "Buddhist era (พ.ศ.), YYYY-MM-DD",
        "columns": list(data.columns), "rows": [list(row) for row in data.rows],
    }
    return {
        f"{data.base}.csv": "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8"),
        f"{data.base}.json": (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    }


def escape(text: str) -> str:
    """&, < and > as XML entities (xml.sax.saxutils.escape's rule; that module pulls in urllib at start-up)."""
    return _html_escape(text, quote=False)


def _absolute(site: Site, path: str) -> str:
    return site.public_url(path)


def sitemap(site: Site, pages: list) -> str:
    """sitemap.xml on the public base URL (a sitemap needs absolute addresses)."""
    urls = "".join(f"<url><loc>{escape(_absolute(site, p.path))}</loc></url>\n" for p in pages if p.path not in ("404.html", "search.html"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def robots(site: Site) -> str:
    line = f"Sitemap: {_absolute(site, 'sitemap.xml')}\n" if site.settings.get("base_url") else ""
    return f"User-agent: *\nAllow: /\n{line}"


def atom_feed(site: Site) -> str:
    """The news as an Atom feed; its time is the newest post's date, so builds stay byte-identical."""
    name = escape(site.settings["name_th"])
    posts = site.news[:30]
    updated = (posts[0].date if posts else site.build_date).isoformat() + "T00:00:00+07:00"
    entries = "".join(
        f"<entry><title>{escape(p.title)}</title><link href=\"{escape(_absolute(site, p.path))}\"/>"
        f"<id>{escape(_absolute(site, p.path))}</id><updated>{p.date.isoformat()}T00:00:00+07:00</updated>"
        f"<summary>{escape(p.summary or p.title)}</summary></entry>\n"
        for p in posts
    )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">\n'
            f"<title>ข่าวประชาสัมพันธ์ {name}</title><id>{escape(_absolute(site, 'news/index.html'))}</id>"
            f"<link href=\"{escape(_absolute(site, 'feed.xml'))}\" rel=\"self\"/><updated>{updated}</updated>"
            f"<author><name>{name}</name></author>\n{entries}</feed>\n")


def feeds(site: Site, pages: list) -> dict:
    """The files for machines, by site path: the news feed, robots.txt, and the sitemap when base_url is set."""
    files = {}
    files["feed.xml"] = atom_feed(site).encode("utf-8")
    files["robots.txt"] = robots(site).encode("utf-8")
    if site.settings.get("base_url"):
        files["sitemap.xml"] = sitemap(site, pages).encode("utf-8")
    return files
