"""Whether an SVG drawing is inert: nothing in it runs or loads when the file is opened in a browser.

An SVG file is XML that a browser runs like a web page when its URL is opened:
a <script>, an onload= attribute, a javascript: link, HTML inside
<foreignObject>, or an image or stylesheet fetched from another host (a
tracker) would all work from the agency's site. Drawings exported by Inkscape,
Illustrator or a chart program hold none of these, so an SVG with any of them
is refused (attachments.py says what to do) rather than altered. Parsed with
expat, which fetches no external entity and stops entity expansion bombs
(expat 2.4 and later), with the line and column of the first finding.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

XHTML = "http://www.w3.org/1999/xhtml"
#: Elements that run script or embed other documents.
_ACTIVE = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
#: Animation elements that could set an attribute such as href to a javascript: link.
_ANIMATION = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
#: A reference that stays inside the drawing, or an embedded raster image.
_INERT_REFERENCE = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
_WEB_LINK = re.compile(r"^\s*https?://", re.IGNORECASE)
#: CSS that loads or runs something: url(...) not to the drawing itself or an embedded image, @import, expression().
_ACTIVE_CSS = re.compile(r"@import|expression\s*\(|javascript:|url\(\s*['\"]?\s*(?!#|data:image/(png|jpeg|gif|webp)[;,])",
                         re.IGNORECASE)


class _Found(Exception):
    def __init__(self, th: str, en: str) -> None:
        super().__init__(en)
        self.th, self.en = th, en


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name lower-cased) of an expat name 'namespace local'."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local.lower()


def _check_element(name: str, attributes: dict) -> None:
    namespace, local = _local(name)
    if local in _ACTIVE:
        raise _Found(f"แท็ก <{local}>", f"a <{local}> element")
    if namespace == XHTML:
        raise _Found(f"เนื้อหา HTML (<{local}>)", f"HTML content (<{local}>)")
    for attribute, value in attributes.items():
        _, key = _local(attribute)
        if key.startswith("on"):
            raise _Found(f"คำสั่ง {key}=", f"an event handler ({key}=)")
        if key == "attributename" and local in _ANIMATION and value.strip().lower().endswith("href"):
            raise _Found("ภาพเคลื่อนไหวที่เปลี่ยนลิงก์", "an animation that changes a link")
        if key in ("href", "src") and not _INERT_REFERENCE.match(value) and not (local == "a" and _WEB_LINK.match(value)):
            raise _Found(f"ลิงก์ไปยัง '{value[:60]}'", f"a link to '{value[:60]}'")
        if key == "style" and _ACTIVE_CSS.search(value):
            raise _Found("style ที่เรียกไฟล์จากที่อื่น", "a style that loads another file")


def unsafe_svg(file: Path) -> tuple[int, int, str, str] | None:
    """(line, column, what in Thai, what in English) of the first thing in the SVG that runs or loads, or None.

    Raises ValueError when the file is not well-formed XML.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    style_depth = []

    def start(name: str, attributes: dict) -> None:
        _check_element(name, attributes)
        style_depth.append(_local(name)[1] == "style")

    def text(data: str) -> None:
        if style_depth and style_depth[-1] and _ACTIVE_CSS.search(data):
            raise _Found("style ที่เรียกไฟล์จากที่อื่น", "a style that loads another file")

    def instruction(target: str, data: str) -> None:
        raise _Found(f"คำสั่ง <?{target}?>", f"a <?{target}?> instruction")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: style_depth.pop()
    parser.CharacterDataHandler = text
    parser.ProcessingInstructionHandler = instruction
    try:
        with file.open("rb") as stream:
            parser.ParseFile(stream)
    except _Found as found:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, found.th, found.en
    except expat.ExpatError as error:
        raise ValueError(f"not well-formed XML: {expat.errors.messages.get(error.code, error)}, line {error.lineno}") from None
    return None
