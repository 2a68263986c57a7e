"""Round-trip editing of a YAML file: change values, keep every other byte.

Owns one operation, `update(text, data)`: make the file say `data` while
comments, key order, quoting, folding and every untouched line stay exactly
as the clerk or the IT officer wrote them. ruamel.yaml composes the file into
nodes that know where each value starts and ends; only the spans of values
that changed are rewritten, and new keys and list entries are written in the
content's own style (2-space mappings, list items `  - ` under their key).
ruamel's own dump is not used for the whole file: it re-flows long folded
Thai lines and re-indents lists, which would change lines nobody touched.

New scalars are quoted when YAML 1.1 or 1.2 would read them as something
other than text (`0123`, `no`, `on`, `0812345678`), unless the caller marks
them Typed (numbers, Buddhist-era dates, true/false), which are written plain
as the content does. Reading for validation stays with yamlio.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .yamlwrite import Typed, _block, is_empty, _entry, _mapping, _pair, _scalar, _sequence, dump

__all__ = ["Typed", "Entries", "update", "dump", "EditError", "plain_value"]

#: Plain scalars the project's reader (yamlio) takes as "nothing written".
_NULLS = {"", "~", "null", "Null", "NULL"}


class Entries(list):
    """A list whose entries say where each came from: `origins[i]` is the index of entry i in the file's list,
    or None for a new entry. Lets a reordered, shortened or lengthened list keep each entry's comments."""

    def __init__(self, items=(), origins=None) -> None:
        super().__init__(items)
        self.origins = list(origins) if origins is not None else list(range(len(self)))


class EditError(ValueError):
    """The text cannot be edited as YAML (a syntax error): fix it as text first."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


# ---- reading the file as nodes ---------------------------------------------------------------------------

def _compose(text: str):
    try:
        return YAML().compose(text)
    except YAMLError as error:
        raise EditError(str(error)) from None


def plain_value(node) -> object:
    """A node as the plain data yamlio reads: strings, lists, dicts, None for an empty plain scalar."""
    if node is None:
        return None
    if isinstance(node, MappingNode):
        return {str(k.value): plain_value(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [plain_value(item) for item in node.value]
    if node.style is None and node.value in _NULLS:
        return None
    return node.value.replace("\a", "") if node.style == ">" else node.value  # ruamel marks fold points with BEL


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _next_line(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end == -1 else end + 1


def _span_end(text: str, node) -> int:
    """Where a value's lines end: the start of the line after it, with trailing blank and comment lines left out
    (they belong to what follows)."""
    index = node.end_mark.index
    start = _line_start(text, index)
    end = start if not text[start:index].strip() else _next_line(text, index)
    while end > 0:
        previous = _line_start(text, end - 1)
        stripped = text[previous:end].strip()
        if stripped and not stripped.startswith("#") or previous >= end or previous <= node.start_mark.index:
            break
        end = previous
    return end


# ---- comparing and splicing ------------------------------------------------------------------------------

class _Differ:
    """Collects the edits that make the node tree say the new data."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[_Edit] = []

    def value(self, node, new: object, indent: int, owner_start: int) -> None:
        """Make `node` (the value of a key at column `indent`, or a list entry's) say `new`."""
        if plain_value(node) == _plain(new):
            return
        if isinstance(node, MappingNode) and isinstance(new, dict) and not node.flow_style:
            self.mapping(node, new)
        elif isinstance(node, SequenceNode) and isinstance(new, list) and not node.flow_style:
            self.sequence(node, new, indent)
        elif isinstance(node, ScalarNode) and not isinstance(new, (dict, list)) and node.value not in _NULLS | {""}:
            self.scalar(node, new, indent)
        else:
            self.replace_whole(node, new, indent, owner_start)

    def scalar(self, node: ScalarNode, new: object, indent: int) -> None:
        style = node.style
        start, end = node.start_mark.index, node.end_mark.index
        if style in ("|", ">"):
            end = _line_start(self.text, end) if not self.text[_line_start(self.text, end):end].strip() else end
        lines = _scalar(new if isinstance(new, str) else str(new), indent, style)
        text = "\n".join(lines) + ("\n" if style in ("|", ">") and len(lines) > 1 else "")
        if style in ("|", ">") and len(lines) == 1:
            text += "\n"
        self.edits.append(_Edit(start, end, text))

    def replace_whole(self, node, new: object, indent: int, owner_start: int) -> None:
        """A value that changes shape (text to list, flow to block, empty to something): written anew after its key."""
        colon = self.text.rfind(":", owner_start, node.start_mark.index + 1) if node.start_mark.index > owner_start else -1
        start = colon + 1 if colon >= 0 else node.start_mark.index
        end = node.end_mark.index if node.end_mark.index > node.start_mark.index else start
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style:
            end = _span_end(self.text, node)
        if isinstance(new, dict):
            text = "\n" + _block(_mapping(new, indent + 2)).rstrip("\n")
        elif isinstance(new, list):
            text = "\n" + _block(_sequence(new, indent + 2)).rstrip("\n")
        else:
            text = " " + "\n".join(_scalar(new if isinstance(new, str) else str(new), indent))
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style:
            text += "\n"
        self.edits.append(_Edit(start, end, text))

    def mapping(self, node: MappingNode, new: dict) -> None:
        pairs = {str(k.value): (k, v) for k, v in node.value}
        column = node.value[0][0].start_mark.column if node.value else 0
        names = list(pairs)
        for position, (name, (key, value)) in enumerate(pairs.items()):
            if name not in new or is_empty(new[name]):
                following = pairs[names[position + 1]][0] if position + 1 < len(names) else None
                self.delete_pair(key, value, following)
            else:
                self.value(value, new[name], column, key.start_mark.index)
        previous = None
        for name, value in new.items():
            if name in pairs:
                previous = name
            elif not is_empty(value):
                self.insert_pair(node, pairs, previous, name, value, column)

    def _on_dash_line(self, key) -> bool:
        return bool(self.text[_line_start(self.text, key.start_mark.index):key.start_mark.index].strip())

    def delete_pair(self, key, value, following) -> None:
        if self._on_dash_line(key):  # `- name: x` : the next key moves up beside the dash
            end = following.start_mark.index if following is not None else None
            if end is None:
                self.edits.append(_Edit(key.start_mark.index, _span_end(self.text, value) - 1, "{}"))
            else:
                self.edits.append(_Edit(key.start_mark.index, end, ""))
            return
        self.edits.append(_Edit(_line_start(self.text, key.start_mark.index), _span_end(self.text, value), ""))

    def insert_pair(self, node: MappingNode, pairs: dict, previous: str | None, name: str, value: object,
                    column: int) -> None:
        lines = _pair(name, value, column)
        if previous is not None:
            at = _span_end(self.text, pairs[previous][1])
            self.edits.append(_Edit(at, at, _block(lines)))
            return
        first = next(iter(pairs.values()), None)
        if first is None:
            at = node.start_mark.index
            self.edits.append(_Edit(at, at, _block(lines)))
        elif self._on_dash_line(first[0]):
            at = first[0].start_mark.index
            self.edits.append(_Edit(at, at, _block(lines).lstrip(" ") + " " * column))
        else:
            at = _line_start(self.text, first[0].start_mark.index)
            self.edits.append(_Edit(at, at, _block(lines)))

    def sequence(self, node: SequenceNode, new: list, indent: int) -> None:
        items = node.value
        origins = new.origins if isinstance(new, Entries) else list(range(len(new)))
        origins = [o if o is not None and 0 <= o < len(items) else None for o in origins]
        column = self._dash_column(node)
        chunks = self._chunks(node)
        kept = [o for o in origins if o is not None]
        if kept == sorted(set(kept)):
            self._in_order(items, chunks, new, origins, column)
        else:
            self._reordered(items, chunks, new, origins, column)

    def _dash_column(self, node: SequenceNode) -> int:
        return node.start_mark.column

    def _chunks(self, node: SequenceNode) -> list[tuple[int, int]]:
        """(start, end) of each entry's lines, its leading comments with it."""
        chunks, start = [], _line_start(self.text, node.start_mark.index)
        while start > 0:  # comment lines just above the first dash, indented like it, belong to the first entry
            above = _line_start(self.text, start - 1)
            line = self.text[above:start - 1]
            if not line.strip().startswith("#") or len(line) - len(line.lstrip(" ")) < node.start_mark.column:
                break
            start = above
        for item in node.value:
            end = max(_span_end(self.text, item), _next_line(self.text, item.start_mark.index))
            chunks.append((start, end))
            start = end
        return chunks

    def _in_order(self, items: list, chunks: list, new: list, origins: list, column: int) -> None:
        used = set(o for o in origins if o is not None)
        for index, (start, end) in enumerate(chunks):
            if index not in used:
                self.edits.append(_Edit(start, end, ""))
        at = chunks[0][0] if chunks else None
        pending: list[str] = []
        for value, origin in zip(new, origins):
            if origin is None:
                pending += _entry(value, column)
                continue
            if pending:
                self.edits.append(_Edit(chunks[origin][0], chunks[origin][0], _block(pending)))
                pending = []
            self.value(items[origin], value, column, chunks[origin][0])
            at = chunks[origin][1]
        if pending:
            at = chunks[-1][1] if chunks else at
            self.edits.append(_Edit(at, at, _block(pending)))

    def _reordered(self, items: list, chunks: list, new: list, origins: list, column: int) -> None:
        parts = []
        for value, origin in zip(new, origins):
            if origin is None:
                parts.append(_block(_entry(value, column)))
                continue
            start, end = chunks[origin]
            inner = _Differ(self.text)
            inner.value(items[origin], value, column, start)
            chunk = _apply(self.text, [e for e in inner.edits if start <= e.start and e.end <= end])[start:]
            chunk = chunk[: len(chunk) - (len(self.text) - end)]
            parts.append(chunk if chunk.endswith("\n") else chunk + "\n")
        self.edits.append(_Edit(chunks[0][0], chunks[-1][1], "".join(parts)))


def _plain(value: object) -> object:
    """New data as plain_value would read it back: empty values dropped, strings as they are."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if not is_empty(v)}
    if isinstance(value, list):
        return [_plain(v) for v in value if not is_empty(v)]
    return None if value is None else str(value)


def _apply(text: str, edits: list[_Edit]) -> str:
    # Last first, so earlier offsets stay true; of two insertions at one place the first given ends up first.
    for _, edit in sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0]), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text


def _header(text: str) -> str:
    """The leading comment lines of a file with no values yet (a stub's title), up to its first blank line."""
    lines = []
    for line in text.split("\n"):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(line + "\n" for line in lines)


def update(text: str, data: dict) -> str:
    """`text` changed to say `data` (a mapping), touching only what differs. Empty values remove their key.

    Raises EditError when `text` is not YAML that can be read.
    """
    root = _compose(text)
    if root is None or (isinstance(root, ScalarNode) and root.value in _NULLS):
        body = dump(data) if data else ""
        if not body:
            return text
        header = _header(text)
        return header + ("\n" if header else "") + body
    if not isinstance(root, MappingNode):
        raise EditError("the file is not a mapping of fields")
    differ = _Differ(text)
    if root.flow_style:
        return dump(data)
    differ.mapping(root, data)
    result = _apply(text, differ.edits)
    return result if result.endswith("\n") or not result else result + "\n"
