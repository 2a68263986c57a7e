"""The Markdown limits of limits.py, measured on a text before it is converted.

Python-Markdown and html.parser are fast on real text and slow, some of it
quadratic, on text no clerk writes: unclosed '[' and '<' (each makes them scan
to the end), thousands of headings or rules in one paragraph (each makes the
rest of the paragraph be read again), paragraphs of tens of thousands of
characters, nesting hundreds deep (RecursionError). Here each of those is
measured in one linear pass, with the place of the first offending mark, so a
text past a limit is a located error, never a build that runs for minutes.
The text is the one markup.py gives, with code blocks and spans blanked.
"""

from __future__ import annotations

import re

from . import limits
from .problems import Problem

#: A line's nesting: quote markers, then indentation, then maybe a list marker.
_NESTING = re.compile(r"^((?:[ ]{0,3}>)*)([ \t]*)([-*+]|\d+[.)])?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: Lines that split the paragraph they are in: a heading, a rule, a setext underline.
_SPLITTING = re.compile(r"^[ ]{0,3}(#{1,6}([ \t]|$)|([-*_])[ \t]*(\3[ \t]*){2,}$|=+[ \t]*$)", re.MULTILINE)
_BRACKET = re.compile(r"\[|\]\(?|\)")
#: Raw HTML tags, for their nesting depth; elements whose end tag may be left out do not nest.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
_UNNESTED = {"p", "li", "td", "th", "tr", "dt", "dd", "option", "br", "img", "hr", "input", "meta", "link", "wbr",
             "col", "area", "base", "embed", "source", "track", "param", "colgroup", "thead", "tbody", "tfoot"}
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_COMMENT_START = re.compile("<!--")


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, list or table: what Python-Markdown handles as one block."""
    gaps = list(_BLANK_LINE.finditer(text))
    return list(zip([0] + [gap.end() for gap in gaps], [gap.start() for gap in gaps] + [len(text)]))


def _too_deep(text: str) -> int | None:
    """Where lists and quotes, raw HTML elements, or brackets first nest deeper than limits.MARKDOWN_DEPTH."""
    most, offset = limits.MARKDOWN_DEPTH.value, 0
    for line in text.split("\n"):
        quotes, indent, marker = _NESTING.match(line).groups()
        if quotes.count(">") + (len(indent.expandtabs(4)) // 4 + 1 if marker else 0) > most:
            return offset
        offset += len(line) + 1
    depth = 0
    for tag in _TAG.finditer(text):
        closing, name, empty = tag.groups()
        if name.lower() not in _UNNESTED and not empty:
            depth = max(0, depth - 1) if closing else depth + 1
            if depth > most:
                return tag.start()
    for start, end in _blocks(text):
        depth = 0
        for mark in _BRACKET.finditer(text, start, end):
            depth += 1 if mark.group() == "[" else -1 if mark.group()[0] == "]" and depth else 0
            if depth > most:
                return mark.start()
    return None


def _unclosed(text: str) -> list[tuple[int, int]]:
    """(characters scanned in vain, offset) of each mark never closed: '[' without ']' and '](' without ')' in
    their block, '<' starting a tag after the text's last '>', '<!--' after its last '-->'."""
    found = []
    for start, end in _blocks(text):
        brackets, parens = [], []
        for mark in _BRACKET.finditer(text, start, end):
            if mark.group() == "[":
                brackets.append(mark.start())
            elif mark.group()[0] == "]":
                if brackets:
                    brackets.pop()
                if mark.group() == "](":
                    parens.append(mark.start())
            elif parens:
                parens.pop()
        found += [(end - offset, offset) for offset in brackets + parens]
    for after, opener in ((text.rfind(">") + 1, _TAG_START), (text.rfind("-->") + 1, _COMMENT_START)):
        found += [(len(text) - mark.start(), mark.start()) for mark in opener.finditer(text, after)]
    return found


def _splits(text: str) -> list[tuple[int, int]]:
    """(characters read again, offset) of each heading or rule after the first in a block."""
    found = []
    for start, end in _blocks(text):
        found += [(end - mark.start(), mark.start()) for mark in list(_SPLITTING.finditer(text, start, end))[1:]]
    return found


def _at(path: str, text: str, offset: int, first_line: int) -> tuple[str, int, int]:
    line, column = _position(text, offset)
    return path, line + first_line - 1, column


def problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """The error for the first Markdown limit the text passes, or none. `text` has its code blanked out."""
    deep = _too_deep(text)
    if deep is not None:
        most = limits.MARKDOWN_DEPTH.value
        return [Problem(*_at(path, text, deep, first_line), f"รายการ คำพูด วงเล็บ หรือแท็ก HTML ซ้อนกันลึกเกิน {most} ชั้น",
                        f"lists, quotes, brackets or HTML elements nest more than {most} levels deep",
                        "ลดการซ้อน ข้อความจริงซ้อนกันไม่เกิน 3–4 ชั้น", "nest them less: real text nests 3 or 4 levels")]
    most = limits.MARKDOWN_BLOCK_CHARS.value
    for start, end in _blocks(text):
        if end - start > most:
            return [Problem(*_at(path, text, start, first_line),
                            f"ย่อหน้า รายการ หรือตารางที่เริ่มตรงนี้ยาวเกิน {most:,} ตัวอักษรโดยไม่มีบรรทัดว่างคั่น",
                            f"the paragraph, list or table that starts here runs over {most:,} characters without a blank line",
                            "เว้นบรรทัดว่างระหว่างย่อหน้า ถ้าเป็นตารางยาว ให้เขียนข้อมูลในไฟล์ YAML ของข้อหรือแนบเป็นไฟล์ Excel หรือ PDF",
                            "leave a blank line between paragraphs; a long table belongs in the item's YAML or in an "
                            "Excel or PDF attachment")]
    unclosed, splits = _unclosed(text), _splits(text)
    if sum(cost for cost, _ in unclosed + splits) <= limits.MARKDOWN_RESCAN.value:
        return []
    if sum(cost for cost, _ in unclosed) >= sum(cost for cost, _ in splits):
        first = min(offset for _, offset in unclosed)
        mark = text[first : first + 2] if text[first] == "]" else text[first]
        return [Problem(*_at(path, text, first, first_line),
                        f"มีเครื่องหมาย {mark} และเครื่องหมายอื่นที่ไม่มีเครื่องหมายปิดมากเกินไป (เริ่มตรงนี้) ทำให้แปลงข้อความได้ช้ามาก",
                        f"too many '{mark}' and other marks without their closing mark (from here on): converting the "
                        "text would take minutes",
                        "ปิดวงเล็บและแท็กให้ครบ หรือเขียนเครื่องหมายเป็น \\[ หรือ &lt; ถ้าต้องการให้แสดงตามตัว",
                        "close the brackets and tags, or write the mark as \\[ or &lt; to show it as it is")]
    first = min(offset for _, offset in splits)
    return [Problem(*_at(path, text, first, first_line), "มีหัวข้อหรือเส้นคั่น (---, ***) ติดกันในย่อหน้าเดียวมากเกินไป (เริ่มตรงนี้)",
                    "too many headings or rules (---, ***) inside one paragraph (from here on)",
                    "เว้นบรรทัดว่างก่อนและหลังหัวข้อหรือเส้นคั่นแต่ละเส้น", "leave a blank line before and after each heading or rule")]
