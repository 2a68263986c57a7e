"""The Jinja environment: sandboxed, strict undefineds, autoescaping, and the filters templates use.

Owns what a template can call: Thai dates and numbers in the site's digits,
relative URLs from the page being rendered, file sizes, paragraphs, mailto:
links. One environment is made per build from the site's settings and passed
along; nothing here is global.

Templates render in Jinja's immutable sandbox, always: a template may read the
site and call these filters, but not reach Python's internals (`__class__`,
`__globals__`: SecurityError, a template error at its line), change what it
is given, or read a file other than a real file under templates/ (a symbolic
link there, or a name leading out, is not found). So an agency's own templates
built by a host with `batch` can run no command on the host; they still make
the agency's own pages, scripts included, as any template does. A template can
still loop for a long time: a host that builds untrusted templates should give
`batch` a time limit.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from . import posters, thai
from .framework import PERIODS
from .prefetch import newest_of_kind


def relative_url(target: str, from_page: str) -> str:
    """The link from one site file to another, both given relative to the site root.

    Always relative and always to a file, so the site works over http, in a
    sub-folder and opened from disk.
    """
    target, _, fragment = target.partition("#")
    base = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(target, base) if target else posixpath.basename(from_page)
    return f"{link}#{fragment}" if fragment else link


def file_size(size: int, digits: str = "arabic") -> str:
    """245 KB, 1.2 MB: the size a reader on a slow phone connection wants to know."""
    if size < 1024:
        text = f"{size} B"
    elif size < 1024 * 1024:
        text = f"{round(size / 1024)} KB"
    else:
        text = f"{size / (1024 * 1024):.1f} MB"
    return thai.with_digits(text, digits)


def tel_href(phone: str) -> str:
    """A dialable tel: link for a phone as clerks write it: "0 4386 1550 ต่อ 101" -> tel:043861550;ext=101.

    Only the first number counts when several are written ("…, …" or "… / …").
    """
    text = thai.to_arabic_digits(str(phone)).replace("/", ",").split(",")[0]
    number, _, extension = text.partition("ต่อ")
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    extension = "".join(c for c in extension if c.isdigit())
    return f"tel:{digits};ext={extension}" if extension else f"tel:{digits}"


def paragraphs(text: str | None) -> Markup:
    """Plain text with blank lines as paragraphs and single newlines as line breaks, escaped."""
    if not text:
        return Markup("")
    blocks = [b.strip() for b in str(text).split("\n\n") if b.strip()]
    return Markup("\n").join(Markup("<p>%s</p>") % Markup("<br>\n").join(escape(line) for line in b.split("\n")) for b in blocks)


def _number_filters(digits: str) -> dict:
    def money(value: Decimal | int | None) -> str:
        if value is None:
            return "-"
        places = 0 if Decimal(value) == Decimal(value).to_integral_value() else 2
        return thai.format_number(Decimal(value), digits, places=places)

    def money2(value: Decimal | int | None) -> str:
        return "-" if value is None else thai.format_number(Decimal(value), digits, places=2)

    def number(value: int | None) -> str:
        return "-" if value is None else thai.format_number(value, digits)

    return {"money": money, "money2": money2, "num": number}


def _date_filters(digits: str) -> dict:
    return {
        "thai_date": lambda d: thai.format_date(d, digits) if d else "-",
        "thai_date_short": lambda d: thai.format_date_short(d, digits) if d else "-",
        "thai_month": lambda m: thai.format_month(m, digits) if m else "-",
        "iso_date": lambda d: d.isoformat() if isinstance(d, date) else "",
        "year": lambda y: thai.format_year(y, digits) if y else "-",
        "digits": lambda text: thai.with_digits(str(text), digits),
    }


#: Fields every item file may have; item.html shows them itself, after the kind's own sections.
COMMON_FIELDS = ("updated", "changes", "attachments")


def element_anchor(element) -> str:
    """The id of the page section that shows an element: its first field's top-level name."""
    first = element.fields[0] if element.fields else "body"
    return "f-" + first.split(".")[0]


def sections_for(entry, kind) -> list[str]:
    """The kind's top-level fields to show: those written, and those an element points at."""
    wanted = {f.split(".")[0] for element in entry.item.elements for f in element.fields}
    values = entry.values or {}
    return [
        f.name for f in kind.record.fields
        if f.name not in COMMON_FIELDS and (f.name in wanted or values.get(f.name) not in (None, []))
    ]


#: The fields of the `document` type: a record with only these is shown as one document line.
DOCUMENT_FIELDS = {"title", "file", "url", "signed_by", "signer_position", "signed_on", "note"}


def is_document(field) -> bool:
    """Whether a record field is a document (title plus file or link, signature) and nothing more."""
    names = {f.name for f in field.fields}
    return field.type == "record" and "title" in names and names <= DOCUMENT_FIELDS


def wants_body(item) -> bool:
    """Whether an element of the item points at the Markdown body beside its YAML."""
    return any("body" in element.fields for element in item.elements)


def used_columns(record_field, rows: list) -> list[str]:
    """The sub-fields that at least one row fills: a table shows no all-empty column."""
    return [f.name for f in record_field.fields if any(row.get(f.name) not in (None, []) for row in rows)]


#: Field types a table never says once above itself: their cells are not one short value.
_NOT_SAID_ONCE = ("list", "record", "image", "file", "longtext", "counts")


def same_columns(columns: list, rows: list) -> list[str]:
    """The columns whose value is the same on every one of several rows: said once above the table, not on each
    card of a phone's view (style.css table.cards)."""
    if len(rows) < 2:
        return []
    return [c.name for c in columns if c.type not in _NOT_SAID_ONCE and not c.fields
            and len({repr(row.get(c.name)) for row in rows}) == 1]


def attachments_in(value) -> list:
    """Every attachment named anywhere in a record, once each, in the order written."""
    found: dict = {}
    stack = [value]
    while stack:
        current = stack.pop(0)
        if isinstance(current, dict):
            stack[:0] = list(current.values())
        elif isinstance(current, list):
            stack[:0] = current
        elif hasattr(current, "size") and hasattr(current, "path"):
            found.setdefault(current.path, current)
    return list(found.values())


@jinja2.pass_context
def _url(context, target: str) -> str:
    """A link from the page being rendered to a site path (or an Attachment).

    A standalone page (404.html) is shown by servers at any missing URL, where
    relative links would lead nowhere: it links to the public base URL instead.
    """
    path = getattr(target, "path", target)
    base = context["site"].settings.get("base_url")
    if context.get("standalone") and base:
        return base.rstrip("/") + "/" + path
    return relative_url(path, context["page"].path)


#: The longest text or list a template may make with * (a whole page is rarely 1 MB), and the largest power.
_MOST_REPEATED = 1_000_000
_MOST_EXPONENT = 256
#: A plain e-mail address: nothing a mailto: link would read as a header (?bcc=, &cc=) or a second address.
_PLAIN_ADDRESS = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9\u0e00-\u0e7f-]+(\.[A-Za-z0-9\u0e00-\u0e7f-]+)+$")


def mailto(address: object) -> str:
    """The mailto: link of a plain address; "" for anything else, which is then shown as text without a link
    (fields.py accepts only plain addresses, but a free-text value such as a complaint channel's may hold anything)."""
    text = str(address or "").strip()
    return f"mailto:{text}" if _PLAIN_ADDRESS.match(text) else ""


def unbroken_words(text: object) -> Markup:
    """Each space-separated word kept on one line (a name breaks only between given name and surname; a phone
    number written with spaces stays whole when it is one word per span: use unbroken for those)."""
    return Markup(" ").join(Markup('<span class="nw">%s</span>') % word for word in str(text or "").split())


_PHONE_NUMBER = re.compile(r"[+0-9๐-๙][0-9๐-๙ -]*[0-9๐-๙]")


def unbroken(text: object) -> Markup:
    """A phone number's digits kept on one line; words around them ("ต่อ 110 (ในเวลาราชการ)") may still wrap."""
    text, out, last = str(text or ""), [], 0
    for found in _PHONE_NUMBER.finditer(text):
        out += [escape(text[last:found.start()]), Markup('<span class="nw">%s</span>') % found.group(0)]
        last = found.end()
    return Markup("").join(out + [escape(text[last:])])


def email_text(address: object) -> Markup:
    """An e-mail address that may break only before its @ and its dots, never inside a word."""
    text = str(address or "")
    local, at, domain = text.partition("@")
    if not at:
        return Markup('<span class="nw">%s</span>') % text
    parts = domain.split(".")  # and between the parts of its domain
    tail = Markup("<wbr>").join(Markup('<span class="nw">%s</span>') % (("@" if n == 0 else ".") + part)
                                for n, part in enumerate(parts))
    return Markup('<span class="nw">%s</span><wbr>') % local + tail


def real_template_file(root: Path, relative: str) -> Path | None:
    """root/relative when it is a regular file reached through no symbolic link and no '..'; else None."""
    parts = [part for part in relative.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or ".." in parts or relative.startswith(("/", "\\")) or ":" in parts[0]:
        return None
    path = root
    for part in parts:
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return None
    return path if stat.S_ISREG(mode) else None


class _RealFilesLoader(jinja2.FileSystemLoader):
    """Templates from real files under the templates folder: a symbolic link or a special file is not found."""

    def get_source(self, environment: jinja2.Environment, template: str):
        if not any(real_template_file(Path(folder), template) for folder in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with * and ** bounded so that one expression cannot fill the memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > _MOST_EXPONENT:
            raise SecurityError(f"the power {right} is too large for a template")
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int) and len(sized) * count > _MOST_REPEATED:
                raise SecurityError(f"repeating {len(sized):,} items {count:,} times is too much for a template")
        return super().call_binop(context, operator, left, right)


def static_files(templates: Path) -> dict[str, Path]:
    """templates/static/'s real files by their site path (static/...); a symbolic link there is not followed."""
    static, found = templates / "static", {}
    for folder, subfolders, files in os.walk(static):  # os.walk follows no link to a folder
        for name in files:
            file = Path(folder) / name
            if real_template_file(static, file.relative_to(static).as_posix()) is not None:
                found["static/" + file.relative_to(static).as_posix()] = file
    return dict(sorted(found.items()))


def _static_text(templates: Path, name: str) -> Markup:
    file = real_template_file(templates / "static", name)
    if file is None:
        raise jinja2.TemplateNotFound(f"static/{name}")
    return Markup(file.read_text(encoding="utf-8"))


def make_environment(templates: Path, digits: str) -> jinja2.Environment:
    """The one Jinja environment of a build (sandboxed: see the module's docstring)."""
    env = _Sandbox(
        loader=_RealFilesLoader(str(templates), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_number_filters(digits))
    env.filters.update(_date_filters(digits))
    env.filters["filesize"] = lambda size: file_size(size, digits)
    env.filters["paragraphs"] = paragraphs
    env.filters["tel"] = tel_href
    env.filters["mailto"] = mailto
    env.filters.update(unbroken_words=unbroken_words, unbroken=unbroken, email_text=email_text)
    env.globals["url"] = _url
    env.globals["newest_of_kind"] = newest_of_kind  # prefetch.py: the home page links what a phone keeps
    env.globals["static_text"] = lambda name: _static_text(templates, name)
    env.globals.update(PERIODS=PERIODS, element_anchor=element_anchor, sections_for=sections_for,
                       used_columns=used_columns, same_columns=same_columns, wants_body=wants_body, is_document=is_document,
                       attachments_in=attachments_in)
    env.globals["fiscal_months"] = thai.fiscal_months
    env.globals["fiscal_year_start"] = thai.fiscal_year_start
    env.globals["fiscal_year_end"] = thai.fiscal_year_end
    env.globals.update(qr_svg=posters.qr_svg, poster_path=posters.poster_path)
    return env
