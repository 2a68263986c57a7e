"""A submitted form, read back into the data of a YAML file.

Owns the way back from forms.py's names: `v.executives.0.photo` and friends
become nested dicts and lists; list entries keep where they came from
(yamledit.Entries) so a moved entry keeps its comments; date pickers' three
parts become `2567-10-01`; numbers, dates and yes/no become yamledit.Typed (written
plain, as content is written). A value that means the same as what the file
has (the Thai label of a choice, Thai digits, `2567-1-5`) keeps the file's
own writing, so opening a form and saving it changes nothing. Keys of the
file that the content model does not know are kept as they were.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .. import thai
from ..schema import Field
from ..yamledit import Entries, Typed
from .forms import NEW, PREFIX

#: Field types written plain (they are numbers, dates or true/false, never text YAML could misread).
TYPED = {"int", "money", "decimal", "date", "month", "year", "bool"}
#: Suffixes of a date picker's parts, and of a list's "this list is in the form" marker.
PARTS = ("~y", "~m", "~d")
LIST_MARK = "~list"


def tree(arguments: dict, prefix: str = PREFIX) -> dict:
    """{name: [values]} of the form (in the order submitted) as nested dicts of strings."""
    root: dict = {}
    for name, values in arguments.items():
        if not name.startswith(prefix + "."):
            continue
        *path, last = name[len(prefix) + 1:].split(".")
        node = root
        for part in path:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            text = values[-1] if values else ""
            node[last] = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    return root


def record_values(record: Field, raw: dict, old: object) -> dict:
    """The record as submitted; fields not in the form and keys the model does not know keep their old values."""
    old = old if isinstance(old, dict) else {}
    result: dict = {}
    known = {sub.name for sub in record.fields}
    for sub in record.fields:
        present = sub.name in raw or sub.name + LIST_MARK in raw or any(sub.name + p in raw for p in PARTS)
        result[sub.name] = value(sub, raw, sub.name, old.get(sub.name)) if present else old.get(sub.name)
    for name, kept in old.items():
        if name not in known:
            result[name] = kept
    return result


def value(field: Field, raw: dict, name: str, old: object) -> object:
    if field.type == "record":
        return record_values(field, raw.get(name) if isinstance(raw.get(name), dict) else {}, old)
    if field.type == "list":
        return _list(field, raw.get(name) if isinstance(raw.get(name), dict) else {}, old)
    if field.type == "counts":
        return _counts(raw.get(name) if isinstance(raw.get(name), dict) else {}, old)
    if field.type in ("date", "month"):
        text = _date_text(field, raw, name)
    else:
        text = raw.get(name, "")
        text = text if isinstance(text, str) else ""
    return scalar(field, text, old)


def _date_text(field: Field, raw: dict, name: str) -> str:
    if name in raw and isinstance(raw[name], str):  # typed as text (no picker)
        return raw[name]
    year, month, day = (str(raw.get(name + p, "")).strip() for p in PARTS)
    parts = [year, month] + ([day] if field.type == "date" else [])
    if not any(parts):
        return ""
    return "-".join(part.zfill(2) if part else "??" for part in parts)


def _list(field: Field, raw: dict, old: object) -> Entries:
    old_items = old if isinstance(old, list) else ([] if old in (None, "") else [old])
    items, origins = [], []
    for entry_id in (key for key in raw if key != NEW and "~" not in key):
        origin = int(entry_id) if entry_id.isdigit() and int(entry_id) < len(old_items) else None
        previous = old_items[origin] if origin is not None else None
        item = value(field.item, raw, entry_id, previous)
        if not _empty(item):
            items.append(item)
            origins.append(origin)
    return Entries(items, origins)


def _counts(raw: dict, old: object) -> dict:
    """{service: count} from rows of (name k, count n)."""
    old = old if isinstance(old, dict) else {}
    counts = {}
    for entry_id, row in raw.items():
        if entry_id == NEW or not isinstance(row, dict):
            continue
        service, count = str(row.get("k", "")).strip(), str(row.get("n", "")).strip()
        if service:
            number = Field(name=service, type="int")
            counts[service] = scalar(number, count, old.get(service))
    return counts


def scalar(field: Field, text: str, old: object) -> object:
    """The value to write: the old writing when it means the same, else the text (Typed when it is a number,
    date or yes/no). "" means "not written": the key is removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip() if field.type != "longtext" else text.strip("\n").rstrip()
    if isinstance(old, str) and _same(field, text, old):
        return old
    if not text:
        return ""
    if field.type == "choice":
        return Typed(text) if text in field.choices else text
    return Typed(text) if field.type in TYPED and _reads_as(field, text) else text


def _reads_as(field: Field, text: str) -> bool:
    """Whether text is a well-formed value of a typed field (then it is safe to write plain)."""
    return _meaning(field, text) is not None


def _meaning(field: Field, text: str) -> object:
    """What a written value means for its field, or None when it cannot be read (then only equal text is equal)."""
    text = thai.to_arabic_digits(text.strip())
    try:
        if field.type == "date":
            return thai.parse_be_date(text)
        if field.type == "month":
            return thai.parse_be_month(text)
        if field.type == "year":
            return thai.parse_be_year(text)
        if field.type in ("int", "money", "decimal"):
            number = Decimal(text.replace(",", ""))
            return number if number.is_finite() else None
    except (thai.DateError, InvalidOperation):
        return None
    if field.type == "bool":
        return text if text in ("true", "false") else None
    if field.type == "choice":
        by_label = {label: key for key, label in field.choices.items()}
        return by_label.get(text, text if text in field.choices else None)
    return None


def _same(field: Field, text: str, old: str) -> bool:
    stripped = old.strip() if field.type != "longtext" else old.strip("\n").rstrip()
    if text == stripped:
        return True
    meaning = _meaning(field, text)
    return meaning is not None and meaning == _meaning(field, old)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {} or (
        isinstance(value, dict) and all(_empty(v) for v in value.values()))
