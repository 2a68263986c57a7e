"""Merging imported months into an item's own file: `import … --into` and the workbench's import page.

Owns the rule by month: a month the file does not have is added in date
order; a month it has is kept as it is, or replaced when asked (`--replace`);
everything else in the file (other fields, comments, other months) stays as
written, because the change is made with yamledit. Also which item file a
kind belongs in, for a year: the year's framework maps kinds to item codes
(procurement is O12 in 2568; complaint statistics O19 in 2568, O18 in 2569).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import thai, yamledit, yamlio
from .yamledit import Entries, Typed

#: The importer's kind name on the command line -> the content kind it fills.
KINDS = {"procurement": "procurement", "complaints": "complaint_statistics", "services": "service_statistics"}


@dataclass(frozen=True)
class Change:
    """What happened to one month."""

    month: str
    #: added, replaced, kept (exists, not replaced), same (exists with the same data)
    action: str

    def line(self) -> str:
        words = {"added": ("เพิ่ม", "added"), "replaced": ("แทนที่", "replaced"),
                 "kept": ("มีอยู่แล้ว ไม่แทนที่ (ใช้ --replace เพื่อแทนที่)", "already there, kept (--replace replaces it)"),
                 "same": ("มีอยู่แล้ว ข้อมูลเหมือนกัน", "already there, the same")}
        th, en = words[self.action]
        try:
            shown = thai.format_month(thai.parse_be_month(self.month))
        except thai.DateError:
            shown = self.month
        return f"  {shown} ({self.month}): {th} | {en}"


def item_code_for(kind: str, framework) -> str | None:
    """The item code that holds a kind in a year's framework."""
    return next((item.code for item in framework.items.values() if item.kind == kind), None)


def merge_text(item_text: str, imported_text: str, replace: bool = False) -> tuple[str, list[Change]]:
    """The item's text with the imported months merged in, and what happened to each month.

    Raises yamledit.EditError when the item file cannot be read as YAML (fix it first).
    """
    old_doc, problems = yamlio.parse(item_text, "item") if item_text.strip() else (None, [])
    if problems and old_doc is None:
        raise yamledit.EditError(problems[0].en)
    old = old_doc.data if old_doc is not None and isinstance(old_doc.data, dict) else {}
    imported = yamlio.parse(imported_text, "imported")[0].data or {}
    data = dict(old)
    months, changes = _merge_months(old.get("months"), imported.get("months") or [], replace)
    data["months"] = months
    if imported.get("services"):
        known = list(old.get("services") or [])
        data["services"] = Entries(known + [s for s in imported["services"] if s not in known],
                                   list(range(len(known))) + [None] * len([s for s in imported["services"] if s not in known]))
    text = yamledit.update(item_text, data) if item_text.strip() else yamledit.dump(data)
    return text, changes


def _month_of(entry: object) -> str:
    return str(entry.get("month", "")) if isinstance(entry, dict) else ""


def _normal(month: str) -> str:
    try:
        return thai.parse_be_month(month).iso
    except thai.DateError:
        return month


def _merge_months(old_months: object, new_months: list, replace: bool) -> tuple[Entries, list[Change]]:
    old_list = old_months if isinstance(old_months, list) else []
    entries = [(index, entry) for index, entry in enumerate(old_list)]
    where = {_normal(_month_of(entry)): position for position, (_, entry) in enumerate(entries)}
    changes = []
    for entry in new_months:
        month = _normal(_month_of(entry))
        fresh = _as_written(entry)
        if month in where:
            position = where[month]
            origin, current = entries[position]
            if current == entry:
                changes.append(Change(month, "same"))
            elif replace:
                entries[position] = (origin, fresh)
                changes.append(Change(month, "replaced"))
            else:
                changes.append(Change(month, "kept"))
            continue
        position = next((i for i, (_, e) in enumerate(entries) if _normal(_month_of(e)) > month), len(entries))
        entries.insert(position, (None, fresh))
        where = {_normal(_month_of(e)): i for i, (_, e) in enumerate(entries)}
        changes.append(Change(month, "added"))
    return Entries([e for _, e in entries], [o for o, _ in entries]), changes


def _as_written(entry: dict) -> dict:
    """An imported month as it goes into the file: the importer's values are numbers, months, dates, choice keys and
    true/false where the content model says so; text that YAML could misread gets quoted by yamledit."""
    result = {}
    for name, value in entry.items():
        if isinstance(value, dict):
            result[name] = {k: Typed(v) if isinstance(v, str) and v.isdigit() else v for k, v in value.items()}
        elif isinstance(value, list):
            result[name] = [_as_written(v) if isinstance(v, dict) else v for v in value]
        elif name in _PLAIN and isinstance(value, str):
            result[name] = Typed(value)
        else:
            result[name] = value
    return result


#: Fields the importers write that are numbers, months, dates, choice keys or true/false: written plain.
_PLAIN = {"month", "no_procurement", "budget", "median_price", "agreed_price", "contract_date", "status", "method",
          "received", "finished", "in_progress"}


def changes_text(changes: list[Change]) -> str:
    return "\n".join(change.line() for change in changes)


def read_item(file: Path) -> str:
    return file.read_text(encoding="utf-8-sig").replace("\r\n", "\n") if file.is_file() else ""
