"""What the dashboard shows: every fiscal year, every item's state, and links to fix each problem at its field.

Owns the states a clerk sees (ready; what is missing; not written yet; due
later: readiness.ItemResult.state) from the last preview build as of today,
each problem's link to its form field (a rule's problem carries a line and
column, mapped back to a key), and which framework a year uses: its own, or,
for a year whose criteria are not published yet, the latest one, provisional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import framework as framework_module
from .. import thai
from ..problems import ERROR
from .checking import field_id, placed

def is_provisional(year: int, project: Path | None = None) -> bool:
    """Whether a fiscal year has no published criteria (its framework is the latest known one, provisionally)."""
    return year not in framework_module.available_years(project)


def framework_for(year: int, project: Path | None, memo) -> framework_module.Framework:
    """The year's framework (a provisional one for the year after the latest known); FrameworkMissing beyond.
    Read again only when its data file changes: every form request needs it, and reading it takes ~20 ms."""
    file = framework_module.framework_file(year, project)
    return memo.get(f"framework {year}", file, lambda: framework_module.load_framework(year, project))


def can_build(year: int, project: Path | None = None) -> bool:
    """Whether Prongsai can build a content folder for the year: it has criteria, or is the year after the latest."""
    return year in framework_module.usable_years(project)


@dataclass(frozen=True)
class Fix:
    """One problem of an item, and where in the form to fix it."""

    th: str
    en: str
    hint_th: str
    hint_en: str
    href: str
    severity: str


@dataclass(frozen=True)
class ItemRow:
    code: str
    name_th: str
    name_en: str
    #: ready, missing, unwritten, later
    state: str
    updated: date | None
    fixes: tuple = ()
    href: str = ""
    preview: str = ""

    @property
    def label(self) -> tuple[str, str]:
        return STATES[self.state]


STATES = {
    "ready": ("พร้อม", "ready"),
    "missing": ("ยังขาด", "missing"),
    "unwritten": ("ยังไม่ได้เขียน", "not written yet"),
    "later": ("ยังไม่ถึงกำหนด", "due later"),
}


@dataclass(frozen=True)
class YearRow:
    year: int
    items: tuple
    provisional: bool
    ready: int = 0
    current: bool = False
    counts: dict = field(default_factory=dict)


def _fixes(result, href: str) -> tuple:
    fixes = []
    doc = result.entry.doc
    for element in result.elements:
        for problem in element.problems:
            key = placed(problem, doc).key if doc is not None and problem.path == result.entry.source else ()
            fixes.append(Fix(problem.th, problem.en, problem.hint_th, problem.hint_en, f"{href}#{field_id(key)}",
                             problem.severity))
    return tuple(fixes)


#: readiness.ItemResult.state -> the dashboard's state
_STATES = {"ready": "ready", "missing": "missing", "not_written": "unwritten", "due_later": "later"}


def _state(result) -> str:
    return _STATES.get(result.state, "missing")


def year_rows(reports: dict, today: date, project: Path | None = None) -> list[YearRow]:
    """Every fiscal year's items with their states, newest year first."""
    rows = []
    current = thai.fiscal_year_of(today)
    for year in sorted(reports, reverse=True):
        report = reports[year]
        items = []
        for code, result in report.items.items():
            href = f"/item/{year}/{code}"
            entry = result.entry
            state = _state(result)
            items.append(ItemRow(code, entry.item.name_th, entry.item.name_en, state, entry.updated,
                                 _fixes(result, href) if state == "missing" else (), href, f"/preview/{entry.path}"))
        counts = {state: sum(1 for row in items if row.state == state) for state in STATES}
        rows.append(YearRow(year, tuple(items), report.year.framework.provisional_from is not None, report.ready,
                            year == current, counts))
    return rows


def errors_of(problems) -> list:
    return [p for p in problems if p.severity == ERROR]
