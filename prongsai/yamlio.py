"""Reading YAML without YAML 1.1's guessing, keeping the line of every value.

PyYAML's default loader turns `2567-10-01` into a date in 2567 CE, `0123`
into 83 and `no`/`on` into booleans, and keeps the last of two duplicate keys.
Here every scalar stays the text the clerk typed (the field's type decides
what it means, in fields.py), a duplicate key is a problem, and each value's
position is kept so problems can point at `path:line:column`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml.cyaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import Problem

#: Plain scalars that mean "nothing written here".
_NULLS = {"", "~", "null", "Null", "NULL"}

#: A path to a value inside a document: keys and list indexes.
Key = tuple


@dataclass(frozen=True)
class Doc:
    """A parsed YAML document: plain data plus where each value was written."""

    path: str
    data: object
    #: value position (line, column), 1-based, by key path; () is the whole document
    marks: dict = field(default_factory=dict)
    #: position of the key itself, for "unknown field" problems
    key_marks: dict = field(default_factory=dict)
    #: added to every line, when the YAML sits inside a larger file (front matter)
    line_offset: int = 0

    def mark(self, key: Key) -> tuple[int, int]:
        """The position of the value at key, or of its nearest enclosing value."""
        while key not in self.marks and key:
            key = key[:-1]
        return self.marks.get(key, (1, 1))

    def key_mark(self, key: Key) -> tuple[int, int]:
        return self.key_marks.get(key) or self.mark(key)


class _ComposeOnly(Reader, Scanner, Parser, Composer, BaseConstructor, BaseResolver):
    """A PyYAML loader with no implicit resolvers: it only builds the node tree."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):

    class _FastComposeOnly(yaml.cyaml.CParser, BaseConstructor, BaseResolver):
        """The same, with libyaml's C parser: about ten times faster on a whole site."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _FastComposeOnly = _ComposeOnly


def _pos(node: Node, offset: int) -> tuple[int, int]:
    return (node.start_mark.line + 1 + offset, node.start_mark.column + 1)


class _Builder:
    """Turns a node tree into plain data, recording positions and duplicate keys."""

    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.marks: dict = {}
        self.key_marks: dict = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, key: Key = ()) -> object:
        self.marks[key] = _pos(node, self.offset)
        if isinstance(node, MappingNode):
            return self._mapping(node, key)
        if isinstance(node, SequenceNode):
            return [self.build(item, key + (i,)) for i, item in enumerate(node.value)]
        value = node.value
        if isinstance(node, ScalarNode) and not node.style and value in _NULLS:
            return None
        return value

    def _mapping(self, node: MappingNode, key: Key) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else str(key_node.value)
            line, column = _pos(key_node, self.offset)
            if name in result:
                first_line = self.key_marks[key + (name,)][0]
                self.problems.append(Problem(
                    self.path, line, column,
                    f"ชื่อช่อง '{name}' ซ้ำกับที่เขียนไว้แล้วในบรรทัด {first_line}",
                    f"duplicate key '{name}': already written on line {first_line}",
                    f"ลบช่องที่ซ้ำออกให้เหลือช่อง '{name}' เพียงช่องเดียว",
                    f"keep only one '{name}'",
                ))
                continue
            self.key_marks[key + (name,)] = (line, column)
            result[name] = self.build(value_node, key + (name,))
        return result


#: PyYAML's messages, in the words a clerk can act on.
_SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": (
        "มีแท็บ (Tab) อยู่ในไฟล์ YAML ซึ่งใช้ไม่ได้", "a tab character; YAML allows only spaces",
        "ลบแท็บแล้วใช้การเว้นวรรค (space) แทน", "replace the tab with spaces",
    ),
    "mapping values are not allowed here": (
        "มีเครื่องหมาย : เกินมา หรือย่อหน้าไม่ตรงกับบรรทัดก่อน",
        "a ':' where none may stand, or the indentation does not match the line above",
        "ถ้าข้อความมีเครื่องหมาย : ให้ครอบข้อความด้วยเครื่องหมายคำพูด \"...\" และตรวจการย่อหน้า",
        "put text containing ':' in double quotes, and check the indentation",
    ),
    "could not find expected ':'": (
        "ขาดเครื่องหมาย : หลังชื่อช่อง", "a ':' is missing after a field name",
        "เขียนในรูป ชื่อช่อง: ค่า", "write it as  name: value",
    ),
}


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, offset: int) -> Problem:
    if error.context == "while scanning a quoted scalar" and error.context_mark:
        mark = error.context_mark
        return Problem(path, mark.line + 1 + offset, mark.column + 1,
                       "เครื่องหมายคำพูดที่เปิดตรงนี้ไม่ได้ปิด", "the quote opened here is never closed",
                       "ใส่เครื่องหมายคำพูดปิดท้ายข้อความในบรรทัดเดียวกัน", "close the quote at the end of the text on the same line")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (0, 0)
    raw = error.problem or str(error)
    th, en, hint_th, hint_en = _SYNTAX_HINTS.get(raw, (
        "รูปแบบ YAML ไม่ถูกต้อง", f"YAML syntax error: {raw}",
        "ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า",
        "check the indentation, ':' and quotes on this line and the one before",
    ))
    return Problem(path, line, column, th, en, hint_th, hint_en)


def _compose(text: str):
    """The node tree, by libyaml; a syntax error is re-read by PyYAML, whose messages _SYNTAX_HINTS knows."""
    loader = _FastComposeOnly(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    loader = _ComposeOnly(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse(text: str, path: str, line_offset: int = 0) -> tuple[Doc | None, list[Problem]]:
    """Parse one YAML document; on a syntax error return None and the problem."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error, line_offset)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 0, 0, "รูปแบบ YAML ไม่ถูกต้อง", f"YAML error: {error}")]
    builder = _Builder(path, line_offset)
    data = builder.build(node) if node is not None else None
    doc = Doc(path, data, builder.marks, builder.key_marks, line_offset)
    return doc, builder.problems


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """Read a text file as UTF-8 (a Notepad BOM is fine); explain a file saved as ANSI/cp874."""
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(
            shown_as, line, 1,
            "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (อาจบันทึกเป็น ANSI หรือ TIS-620) อ่านภาษาไทยไม่ได้",
            "this file is not saved as UTF-8 (perhaps ANSI or TIS-620), so its Thai text cannot be read",
            "เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น (Save As) → การเข้ารหัส (Encoding) เป็น UTF-8",
            "open it in Notepad, Save As, and choose the UTF-8 encoding",
        )]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `---` YAML front matter from a Markdown file.

    Returns (front matter or None, body, line where the body starts, 1-based).
    """
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---", 3)
    if end == -1:
        return None, text, 1
    front = text[4 : end + 1]
    rest = text[end + 4 :]
    newline = rest.find("\n")
    body = rest[newline + 1 :] if newline != -1 else ""
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return front, body, body_line
