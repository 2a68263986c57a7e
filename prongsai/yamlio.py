"""Reading YAML without YAML 1.1's guessing, keeping the line of every value.

PyYAML's default loader turns `2567-10-01` into a date in 2567 CE, `0123`
into 83 and `no`/`on` into booleans, and keeps the last of two duplicate keys.
Here every scalar stays the text the clerk typed (the field's type decides
what it means, in fields.py), a duplicate key is a problem, and each value's
position is kept so problems can point at `path:line:column`.

Also owns the YAML limits of limits.py (what may not be in any content text
file, control characters and encodings, is textfile.py's): nesting depth (checked on the parser's events, before anything
recurses) and the number of values once aliases are expanded (a "billion
laughs" file). Tags such as !!python/object are refused: nothing is ever
constructed from a tag, and a clerk never needs one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
import yaml.cyaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from . import limits
from .problems import Problem
from .textfile import CONTROL, control_characters, control_name, read_text  # noqa: F401 - read_text stays yamlio's too

#: Plain scalars that mean "nothing written here".
_NULLS = {"", "~", "null", "Null", "NULL"}

#: A path to a value inside a document: keys and list indexes.
Key = tuple

#: Tags the composer gives every untagged value: anything else was written by hand (!!python/object, !!binary).
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
#: Above this size a syntax error keeps libyaml's wording: PyYAML's own parser (whose wording _SYNTAX_HINTS knows)
#: takes seconds per megabyte.
_REREAD_BYTES = 256 * 1024


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


class _PlainResolver(BaseResolver):
    """Every untagged value is text, a list or a mapping: nothing is guessed (and nothing is looked up per value,
    which BaseResolver does slowly: 18 µs a value)."""

    _DEFAULT_TAGS = {ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
                     MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}

    def resolve(self, kind, value, implicit):
        return self._DEFAULT_TAGS[kind]


class _ComposeOnly(Reader, Scanner, Parser, Composer, BaseConstructor, _PlainResolver):
    """A PyYAML loader with no implicit resolvers: it only builds the node tree."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        _PlainResolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):

    class _FastComposeOnly(yaml.cyaml.CParser, BaseConstructor, _PlainResolver):
        """The same, with libyaml's C parser: about ten times faster on a whole site."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            BaseConstructor.__init__(self)
            _PlainResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _FastComposeOnly = _ComposeOnly


def _pos(node: Node, offset: int) -> tuple[int, int]:
    return (node.start_mark.line + 1 + offset, node.start_mark.column + 1)


class _TooManyValues(Exception):
    """Raised by _Builder when the expanded document passes limits.YAML_VALUES, at the node that passed it."""

    def __init__(self, node: Node) -> None:
        super().__init__("too many values")
        self.mark = node.start_mark


class _Builder:
    """Turns a node tree into plain data, recording positions and duplicate keys.

    An alias is the same node object as its anchor, so it is built again where it is used: the count of
    values built is what the limit holds, however the file is written.
    """

    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.marks: dict = {}
        self.key_marks: dict = {}
        self.problems: list[Problem] = []
        self.values = 0

    def build(self, node: Node, key: Key = ()) -> object:
        self.values += 1
        if self.values > limits.YAML_VALUES.value:
            raise _TooManyValues(node)
        self.marks[key] = _pos(node, self.offset)
        if node.tag not in _PLAIN_TAGS:
            self._tag_problem(node)
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, key)
        if isinstance(node, SequenceNode):
            return [self.build(item, key + (i,)) for i, item in enumerate(node.value)]
        value = node.value
        if not node.style and value in _NULLS:
            return None
        if CONTROL.search(value):
            self._control_problem(node, value)
            return None
        return value

    def _tag_problem(self, node: Node) -> None:
        line, column = _pos(node, self.offset)
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.append(Problem(
            self.path, line, column, f"ไม่ใช้แท็ก YAML '{tag}' ในไฟล์เนื้อหา", f"YAML tags such as '{tag}' are not used in content files",
            f"ลบ '{tag}' ออก แล้วเขียนค่าเป็นข้อความธรรมดา", f"delete '{tag}' and write the value as plain text"))

    def _control_problem(self, node: Node, value: str) -> None:
        line, column = _pos(node, self.offset)
        th, en = control_name(CONTROL.search(value).group())
        self.problems.append(Problem(
            self.path, line, column, f"ค่านี้มีอักขระควบคุมที่มองไม่เห็น ({th})",
            f"this value holds an invisible control character ({en})",
            "ลบรหัส \\ ที่ทำให้เกิดอักขระนั้นออกจากข้อความในเครื่องหมายคำพูด หรือแทนด้วยช่องว่าง",
            "delete the \\ escape that makes it from the quoted text, or write a space instead"))

    def _mapping(self, node: MappingNode, key: Key) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else "(…)"
            if CONTROL.search(name):
                self._control_problem(key_node, name)
                continue
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
    "but found another document": (
        "มีบรรทัด --- ซึ่งเริ่มเอกสาร YAML ชุดที่สอง ไฟล์หนึ่งมีได้ชุดเดียว", "a '---' line starts a second YAML document; a file holds one",
        "ลบบรรทัด --- ออก หรือแยกข้อมูลที่ตามมาไปไว้อีกไฟล์", "delete the '---' line, or move what follows it into another file",
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
        if len(text) > _REREAD_BYTES:
            raise
    finally:
        loader.dispose()
    loader = _ComposeOnly(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _nesting(text: str) -> tuple[object, object, object]:
    """(where the nesting first passes limits.YAML_DEPTH, where the first alias is, where the values written (keys
    count here) pass limits.YAML_VALUES), each a mark or None.

    Read from the parser's events, which nothing recurses over and which cost no memory; a syntax error ends the
    scan (parse reports it).
    """
    loader = _FastComposeOnly(text)
    depth, first_alias, events = 0, None, 0
    try:
        while loader.check_event():
            event = loader.get_event()
            events += 1
            if events > limits.YAML_VALUES.value:
                return None, first_alias, event.start_mark
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > limits.YAML_DEPTH.value:
                    return event.start_mark, first_alias, None
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, AliasEvent) and first_alias is None:
                first_alias = event.start_mark
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml's own limit (1,000), met while looking ahead
            return error.problem_mark, first_alias, None
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return None, first_alias, None


def _at(path: str, mark, offset: int) -> tuple[str, int, int]:
    return (path, mark.line + 1 + offset, mark.column + 1) if mark is not None else (path, 0, 0)


def _too_deep(path: str, mark, offset: int) -> Problem:
    depth = limits.YAML_DEPTH.value
    return Problem(*_at(path, mark, offset), f"รายการหรือกลุ่มซ้อนกันลึกเกิน {depth} ชั้น",
                   f"lists and groups nest more than {depth} levels deep",
                   "ตรวจวงเล็บ [ ] { } และการย่อหน้า ข้อมูลของข้อใดก็ซ้อนกันไม่เกิน 4 ชั้น",
                   "check the brackets [ ] { } and the indentation: no item nests more than 4 levels")


def _too_many(path: str, mark, offset: int) -> Problem:
    count = f"{limits.YAML_VALUES.value:,}"
    return Problem(*_at(path, mark, offset), f"ไฟล์นี้มีค่ามากกว่า {count} ค่า (นับรวมค่าที่ซ้ำด้วย * แล้ว)",
                   f"this file holds more than {count} values (counting what its aliases (*) repeat)",
                   "เขียนค่าแต่ละค่าตรง ๆ แทนการอ้างซ้ำด้วย & และ * หรือแบ่งข้อมูลเป็นหลายไฟล์",
                   "write the values out instead of repeating them with & and *, or split the data into several files")


def parse(text: str, path: str, line_offset: int = 0) -> tuple[Doc | None, list[Problem]]:
    """Parse one YAML document; on a syntax error or a passed limit return None and the problem."""
    controls = control_characters(text, path, 1 + line_offset)
    if controls:
        return None, controls
    too_deep, first_alias, too_many = _nesting(text)
    if too_deep is not None:
        return None, [_too_deep(path, too_deep, line_offset)]
    if too_many is not None:
        return None, [_too_many(path, too_many, line_offset)]
    try:
        node = _compose(text)
    except RecursionError:  # PyYAML's own parser recurses per level: a deep file whose depth libyaml did not reach
        return None, [_too_deep(path, None, line_offset)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error, line_offset)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 0, 0, "รูปแบบ YAML ไม่ถูกต้อง", f"YAML error: {error}")]
    builder = _Builder(path, line_offset)
    try:
        data = builder.build(node) if node is not None else None
    except _TooManyValues as error:
        return None, [_too_many(path, first_alias or error.mark, line_offset)]
    doc = Doc(path, data, builder.marks, builder.key_marks, line_offset)
    return doc, builder.problems


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
