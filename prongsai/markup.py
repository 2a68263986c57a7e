"""Markdown bodies to safe HTML, warning the clerk about anything removed.

Owns the one Markdown converter setup and the sanitiser policy. nh3 (the
ammonia HTML sanitiser) does the removing; this module only finds, in the
clerk's own text, what will be removed and where, so the warning can name
the line: scripts, event handlers, `javascript:` links, frames, and images
loaded from another host (the site must never request another host).

Before any of that, a text is held against the Markdown limits of limits.py
(markdown_limits.py): a text past one is an error and is never converted.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

from . import markdown_limits
from .problems import WARNING, Problem

_EXTENSIONS = ["tables", "sane_lists", "fenced_code"]
_DANGEROUS_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "form",
                   "input", "button", "textarea", "select", "meta", "link", "base", "svg", "math"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_MD_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]+)")
_REF_IMAGE = re.compile(r"!\[([^\]]*)\]\[([^\]]*)\]")

class _Finder(HTMLParser):
    """Records each construct the sanitiser will remove, with its line and column."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        line, column = self.getpos()
        if tag in _DANGEROUS_TAGS:
            self.found.append((line, column + 1, f"แท็ก <{tag}>", f"the <{tag}> tag"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, column + 1, f"คำสั่ง {name}=", f"the {name}= event handler"))
            elif name in ("href", "src", "action") and value and _BAD_SCHEME.match(value):
                self.found.append((line, column + 1, f"ลิงก์ {value.split(':')[0]}:", f"a {value.split(':')[0]}: link"))
            elif tag == "img" and name == "src" and value and _ABSOLUTE.match(value):
                self.found.append((line, column + 1, "ภาพจากเว็บไซต์อื่น", "an image from another host"))


def _without_code(text: str) -> str:
    """The text with code blocks and spans blanked, keeping line and column numbers.

    Code is what Markdown shows as code: fenced blocks (closed only by the same
    fence), indented blocks after a blank line outside a list, and `spans`.
    """
    lines: list[str] = []
    fence, in_code, in_list, after_blank = "", False, False, True
    for line in text.split("\n"):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            lines.append("")
            continue
        if opener:
            fence = opener.group(1)
            lines.append("")
            continue
        if not line.strip():
            after_blank = True
            lines.append(line)
            continue
        indented = line.startswith(("    ", "\t"))
        in_code = indented and (in_code or (after_blank and not in_list))
        if in_code:
            lines.append("")
        else:
            if not indented:
                in_list = _LIST_ITEM.match(line) is not None
            lines.append(re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line))
        after_blank = False
    return "\n".join(lines)


def _reference_definitions(text: str) -> dict:
    """[label]: target lines: label -> (line, column, target)."""
    found = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _REF_DEF.match(line)
        if match:
            found[match.group(1).strip().lower()] = (number, match.start(2) + 1, match.group(2))
    return found


def _markdown_link_findings(text: str) -> list[tuple[int, int, str, str]]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _MD_LINK.finditer(line):
            image, target = match.groups()
            if _BAD_SCHEME.match(target):
                scheme = target.split(":")[0]
                found.append((number, match.start() + 1, f"ลิงก์ {scheme}:", f"a {scheme}: link"))
            elif image and _ABSOLUTE.match(target):
                found.append((number, match.start() + 1, "ภาพจากเว็บไซต์อื่น", "an image from another host"))
    definitions = _reference_definitions(text)
    image_labels = {(ref or alt).strip().lower() for alt, ref in _REF_IMAGE.findall(text)}
    for label, (number, column, target) in definitions.items():
        if _BAD_SCHEME.match(target):
            scheme = target.split(":")[0]
            found.append((number, column, f"ลิงก์ {scheme}:", f"a {scheme}: link"))
        elif label in image_labels and _ABSOLUTE.match(target):
            found.append((number, column, "ภาพจากเว็บไซต์อื่น", "an image from another host"))
    return found


def limit_problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """An error when the text passes a Markdown limit of limits.py (markdown_limits.py); it must not be converted."""
    return markdown_limits.problems(_without_code(text), path, first_line)


def find_unsafe(text: str, path: str, first_line: int) -> list[Problem]:
    """A warning for each thing in the Markdown that the sanitiser will remove (or the error of a passed limit)."""
    too_much = limit_problems(text, path, first_line)
    if too_much:
        return too_much
    visible = _without_code(text)
    finder = _Finder()
    finder.feed(visible)
    finder.close()
    found = sorted(set(finder.found + _markdown_link_findings(visible)))
    return [
        Problem(path, line + first_line - 1, column, f"{th} ถูกนำออกจากหน้าเว็บเพื่อความปลอดภัย",
                f"{en} was removed from the page for safety",
                "ใช้ข้อความ ลิงก์ธรรมดา หรือไฟล์ภาพที่เก็บไว้ในโฟลเดอร์ content/ แทน",
                "use plain text, an ordinary link, or an image file kept in content/", WARNING)
        for line, column, th, en in found
    ]


class _LinkFinder(HTMLParser):
    """Collects href/src targets of raw HTML with their positions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        line, column = self.getpos()
        self.links += [(line, column + 1, value) for name, value in attrs if name in ("href", "src") and value]


def local_links(text: str, first_line: int = 1) -> list[tuple[int, int, str]]:
    """(line, column, target) of every link in the Markdown that stays inside the site (none past a limit)."""
    if limit_problems(text, ""):
        return []
    visible = _without_code(text)
    finder = _LinkFinder()
    finder.feed(visible)
    finder.close()
    links = finder.links + [
        (number, match.start() + 1, match.group(2))
        for number, line in enumerate(visible.split("\n"), start=1)
        for match in _MD_LINK.finditer(line)
    ] + list(_reference_definitions(visible).values())
    return sorted(
        (line + first_line - 1, column, target) for line, column, target in links
        if not _ABSOLUTE.match(target) and not target.startswith("#")
    )


def _keep_local_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and _ABSOLUTE.match(value):
        return None
    return value


def _shift_headings(html: str) -> str:
    """The page title is the h1, so a body's `#` heading becomes h2 and so on."""
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(td|th)([^>]*)>(.*?)</\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


#: A first column that only numbers the rows: left out of a phone's cards, whose order says it.
_ROW_NUMBERS = {"ที่", "ลำดับ", "ลำดับที่", "no.", "#"}


def _table_as_cards(match: re.Match) -> str:
    """A table written in Markdown, made to fit a phone: each row a card whose cells carry their column's label
    (style.css table.cards), inside a region that scrolls from the keyboard where the table is shown whole."""
    inner = match.group(1)
    head = re.search(r"<thead>(.*?)</thead>", inner, re.DOTALL)
    labels = [_TAGS.sub("", cell[2]).strip().replace('"', "&quot;") for cell in _CELL.findall(head.group(1))] if head else []
    numbered = bool(labels) and labels[0].lower() in _ROW_NUMBERS
    classes = {0: "no", 1: "lead"} if numbered else {0: "lead"}

    def row(m: re.Match) -> str:
        column = [0]

        def cell(c: re.Match) -> str:
            n, column[0] = column[0], column[0] + 1
            if c.group(1) != "td" or n >= len(labels):
                return c.group(0)
            extra = f' class="{classes[n]}"' if n in classes else ""
            return f'<td{c.group(2)}{extra} data-label="{labels[n]}">{c.group(3)}</td>'
        return "<tr>" + _CELL.sub(cell, m.group(1)) + "</tr>"

    name = " · ".join(labels[1:3] if numbered else labels[:2]) or "ตาราง"
    return (f'<div class="table-wrap cards-wrap" tabindex="0" role="region" aria-label="ตาราง {name}">'
            f'<table class="cards">{_ROW.sub(row, inner)}</table></div>')


def to_html(text: str) -> str:
    """Markdown to sanitised HTML (no warnings; see find_unsafe)."""
    import markdown  # loaded when a text is converted: a rebuild finds most in the cache

    raw = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    clean = nh3.clean(
        raw,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "textarea", "select"},
        url_schemes={"http", "https", "mailto", "tel"},
        attribute_filter=_keep_local_images,
        link_rel=None,
    )
    # An image whose outside source was removed would be an <img> without src: drop it whole.
    clean = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", clean)
    return _TABLE.sub(_table_as_cards, _shift_headings(clean))


def render(text: str, path: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """Sanitised HTML of a Markdown body, and a warning for each thing removed; no HTML past a limit."""
    found = find_unsafe(text, path, first_line)
    if any(problem.severity != WARNING for problem in found):
        return "", found
    return to_html(text), found
