"""The form of an item, made from the content model (kinds.yaml): one control per field.

Owns Control, the tree the templates draw: each field's control kind (text,
long text, money, Buddhist-era date and month pickers, choice with Thai
labels, yes/no, file with upload, repeatable group), its name in the form
(`v.executives.0.photo`: the key path, list entries named by where they came
from so a reordered list keeps each entry's comments), its current value, the
problems placed at it, and for each list a blank entry to add. Reading the
submitted form back is values.py's.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field as dc_field
from datetime import date

from .. import thai
from ..schema import Field
from .checking import field_id

PREFIX = "v"
#: field type -> the control drawn for it
CONTROLS = {
    "text": "text", "longtext": "textarea", "int": "number", "money": "money", "decimal": "number",
    "date": "date", "month": "month", "year": "year", "url": "url", "email": "email", "phone": "phone",
    "bool": "bool", "choice": "choice", "file": "file", "image": "image", "counts": "counts",
    "record": "record", "list": "list",
}
INPUT_MODES = {"number": "numeric", "money": "decimal", "url": "url", "email": "email", "phone": "tel"}
MONTH_NAMES = thai.MONTHS
#: the placeholder a new entry's id takes in a list's blank entry (the browser puts a fresh id in)
NEW = "__new__"


@dataclass
class Control:
    """One field of the form, with its value and the problems placed at it."""

    field: Field
    key: tuple
    name: str
    value: object = None
    problems: list = dc_field(default_factory=list)
    children: list = dc_field(default_factory=list)
    #: for a list: a blank entry (named with NEW) that the browser copies to add one
    blank: object = None
    #: for a list entry: the id it is submitted under (its index in the file, or a new id)
    entry_id: str = ""
    #: the file is invalid without it: required, and so is everything around it (a required field of an optional
    #: group is not needed until the group is written)
    needed: bool = False
    #: the field's path in the model, list entries left out (`executives.photo`): what an upload is for
    slot: str = ""

    @property
    def control(self) -> str:
        return CONTROLS[self.field.type]

    @property
    def id(self) -> str:
        return field_id(self.key) if NEW not in self.name else self.name.replace(".", "-")

    @property
    def input_mode(self) -> str:
        return INPUT_MODES.get(self.control, "")

    @property
    def entries_of_records(self) -> bool:
        return self.field.type == "list" and self.field.item.type in ("record", "list", "counts")

    @property
    def all_problems(self) -> list:
        return self.problems + [p for child in self.children for p in child.all_problems]

    @property
    def date_parts(self) -> tuple[str, str, str]:
        """(year, month, day) of a date or month value as written (BE), "" where unreadable."""
        text = thai.to_arabic_digits(str(self.value or "")).strip()
        try:
            if self.field.type == "date":
                day = thai.parse_be_date(text)
                return str(day.year + thai.BE_OFFSET), str(day.month), str(day.day)
            if self.field.type == "month":
                month = thai.parse_be_month(text)
                return str(month.be_year), str(month.month), ""
        except thai.DateError:
            pass
        return "", "", ""

    def years(self, today: date) -> list[int]:
        """The Buddhist-era years a date picker offers: a dozen back, a few ahead, and the value's own."""
        now = today.year + thai.BE_OFFSET
        years = set(range(now - 12, now + 4))
        written = self.date_parts[0] or thai.to_arabic_digits(str(self.value or "")).strip()
        if written.isdigit() and thai.BE_YEAR_MIN <= int(written) <= thai.BE_YEAR_MAX:
            years.add(int(written))
        return sorted(years, reverse=True)

    @property
    def choice_key(self) -> str:
        """A choice written as its Thai label shows as that choice."""
        text = str(self.value or "").strip()
        by_label = {label: key for key, label in self.field.choices.items()}
        return by_label.get(text, text)


def problems_by_key(problems) -> dict:
    found: dict = {}
    for problem in problems:
        found.setdefault(tuple(problem.key), []).append(problem)
    return found


def build(record: Field, data: object, problems=(), prefix: str = PREFIX) -> list[Control]:
    """The controls of a record's fields, filled from `data` (the file as yamlio reads it)."""
    placed = problems_by_key(problems)
    values = data if isinstance(data, dict) else {}
    return [_control(sub, values.get(sub.name), (sub.name,), f"{prefix}.{sub.name}", placed, sub.required, sub.name)
            for sub in record.fields]


def _control(field: Field, value: object, key: tuple, name: str, placed: dict, needed: bool, slot: str) -> Control:
    control = Control(field, key, name, value, list(placed.get(key, [])), needed=needed, slot=slot)
    if field.type == "record":
        values = value if isinstance(value, dict) else {}
        control.children = [_control(sub, values.get(sub.name), key + (sub.name,), f"{name}.{sub.name}", placed,
                                     needed and sub.required, f"{slot}.{sub.name}") for sub in field.fields]
    elif field.type == "list":
        entries = value if isinstance(value, list) else ([] if value in (None, "") else [value])
        control.children = [_entry(field.item, item, key + (i,), f"{name}.{i}", str(i), placed, needed, slot)
                            for i, item in enumerate(entries)]
        if not control.children and field.required:
            fresh = new_id()
            control.children = [_entry(field.item, None, key + (fresh,), f"{name}.{fresh}", fresh, placed, needed, slot)]
        control.blank = _entry(field.item, None, key + (NEW,), f"{name}.{NEW}", NEW, {}, True, slot)
    elif field.type == "counts":
        counts = value if isinstance(value, dict) else {}
        control.children = [Control(field, key + (service,), f"{name}.{i}", (service, count),
                                    list(placed.get(key + (service,), [])), entry_id=str(i))
                            for i, (service, count) in enumerate(counts.items())]
        control.blank = Control(field, key + (NEW,), f"{name}.{NEW}", ("", ""), entry_id=NEW)
    return control


def _entry(item: Field, value: object, key: tuple, name: str, entry_id: str, placed: dict, needed: bool,
           slot: str) -> Control:
    control = _control(item, value, key, name, placed, needed, slot)
    control.entry_id = entry_id
    return control


def new_id() -> str:
    return "n" + secrets.token_hex(4)


def entry_title(control: Control, number: int) -> str:
    """How an entry is called in its legend: its name or title if written, else its number."""
    value = control.value
    if isinstance(value, dict):
        for name in ("name", "title", "month", "topic", "issue", "process", "unit", "position", "step", "date"):
            if isinstance(value.get(name), str) and value[name].strip():
                return f"{number}. {value[name].strip()[:60]}"
    return f"รายการที่ {number} | entry {number}"
