"""New YAML text in the content's style: scalars quoted only when YAML would misread them, blocks indented as content is.

Owns how a value is written when yamledit.py must write one: a plain scalar
when YAML 1.1 and 1.2 both read it back as the same text (else double quotes,
or the style the old value had: single quotes, a folded `>-` block re-wrapped
at about 100 characters, a literal `|` block for text with line breaks); keys
and list entries with 2-space mappings and `  - ` entries under their key.
"""

from __future__ import annotations

import json
import re

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

#: Plain scalars the project's reader (yamlio) takes as "nothing written".
_NULLS = {"", "~", "null", "Null", "NULL"}
#: Characters that may not start a plain scalar.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
#: Folded (>) scalars are re-wrapped at about this many characters, as the sample content is.
WIDTH = 100


def is_empty(value: object) -> bool:
    """What a form leaves out: nothing, empty text, an empty list or mapping (its key is not written)."""
    return value is None or value == "" or value == [] or value == {}


class Typed(str):
    """A scalar whose meaning the caller knows (a number, a BE date, true/false): written plain, as content is."""


def _resolves_to_text(value: str) -> bool:
    return all(str(r.resolve(ScalarNode, value, (True, False))).endswith(":str") for r in _RESOLVERS)


def _plain_syntax(value: str) -> bool:
    """Whether `value` can be written as a plain scalar and read back as the same characters."""
    if value in _NULLS or value != value.strip() or any(c in value for c in "\n\t\r") or not value.isprintable():
        return False
    if value[0] in _INDICATORS or ": " in value or " #" in value or value.endswith(":"):
        return False
    return not value.startswith(("---", "..."))


def _plain_ok(value: str) -> bool:
    if not _plain_syntax(value):
        return False
    if isinstance(value, Typed):
        return True
    return _resolves_to_text(value) and not re.fullmatch(r"[+-]?0\d+", value)


def _double(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _single(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _fold(value: str, width: int) -> list[str]:
    """A one-paragraph text broken at single spaces into lines of about `width` characters (folded style)."""
    lines, current = [], ""
    for word in value.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]


def _fold_ok(value: str) -> bool:
    return bool(value) and value == value.strip() and "  " not in value and value.isprintable()


def _scalar(value: str, indent: int, style: str | None = None, header: str = "") -> list[str]:
    """A scalar as written after `key: ` or `- `: its first line, then any more lines (already indented).

    `style` is the old value's (None plain, '"', "'", '|', '>'): a changed value keeps its style when it can.
    `indent` is the column of the key or dash; block scalar lines go 2 further in.
    """
    value = value if isinstance(value, str) else str(value)
    inner = " " * (indent + 2)
    if style == ">" and _fold_ok(value):
        return [">-"] + [inner + line for line in _fold(value, WIDTH)]
    if "\n" in value.rstrip("\n") or style == "|" and "\n" in value:
        lines = value.rstrip("\n").split("\n")
        if not value.startswith((" ", "\n")) and all(line == line.rstrip() and "\t" not in line for line in lines):
            chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
            if value.endswith("\n\n"):
                return [_double(value)]
            return ["|" + chomp] + [(inner + line) if line else "" for line in lines]
        return [_double(value)]
    if style == "'" and "\n" not in value and value.isprintable():
        return [_single(value)]
    if style == '"' or not _plain_ok(value):
        return [_double(value)]
    return [value]


def _key(name: str) -> str:
    return name if _plain_ok(name) and not name.startswith("-") else _double(name)


def _pair(name: str, value: object, indent: int) -> list[str]:
    """`name: value` at column `indent`, with a collection's lines under it."""
    lead = " " * indent + _key(name) + ":"
    if isinstance(value, dict):
        return [lead] + _mapping(value, indent + 2)
    if isinstance(value, list):
        return [lead] + _sequence(value, indent + 2)
    first, *rest = _scalar(value, indent)
    return [f"{lead} {first}"] + rest


def _mapping(data: dict, indent: int) -> list[str]:
    return [line for name, value in data.items() if not is_empty(value) for line in _pair(name, value, indent)]


def _entry(value: object, indent: int) -> list[str]:
    """One list entry `- …` at column `indent`."""
    dash = " " * indent + "- "
    if isinstance(value, dict):
        lines = _mapping(value, indent + 2) or [" " * (indent + 2) + "{}"]
        return [dash + lines[0].lstrip(" ")] + lines[1:]
    if isinstance(value, list):
        lines = _sequence(value, indent + 2) or [" " * (indent + 2) + "[]"]
        return [dash + lines[0].lstrip(" ")] + lines[1:]
    first, *rest = _scalar(value, indent)
    return [dash + first] + rest


def _sequence(items: list, indent: int) -> list[str]:
    return [line for item in items if not is_empty(item) for line in _entry(item, indent)]


def dump(data: dict) -> str:
    """A new file's YAML for `data`, in the content's style."""
    lines = _mapping(data, 0)
    return "\n".join(lines) + "\n" if lines else ""


def _block(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)
