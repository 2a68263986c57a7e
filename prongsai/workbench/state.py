"""What the dashboard shows: every fiscal year, every item's state, and links to fix each problem at its field.

Owns the states a clerk sees (ready; what is missing; not written yet; due
later) read from the readiness check of the last preview build as of today,
each problem's link to its form field (a rule's problem carries a line and
column, mapped back to a key), and which framework a year uses: its own, or,
for a year whose criteria are not published yet, the latest one, provisional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import framework as framework_module
from .. import thai
from ..problems import ERROR
from .checking import field_id, placed

#: Periods whose evidence can only be complete late in the fiscal year: not written yet is "due later" meanwhile.
LATER_PERIODS = {"fiscal_year", "first_half"}


def is_provisional(year: int) -> bool:
    """Whether a fiscal year has no published criteria in Prongsai (its framework is the latest known one)."""
    check = getattr(framework_module, "is_provisional", None)
    if check is not None:
        return bool(check(year))
    return year not in framework_module.available_years()


def framework_for(year: int):
    """The year's framework, or for a provisional year the latest one before it (or the latest known)."""
    loader = getattr(framework_module, "framework_for", None)
    if loader is not None:
        return loader(year)
    known = framework_module.available_years()
    if year in known:
        return framework_module.load_framework(year)
    earlier = [y for y in known if y < year]
    return framework_module.load_framework(max(earlier) if earlier else max(known))


def can_build(year: int) -> bool:
    """Whether this version of Prongsai builds a content folder for the year (a provisional year needs the lead's
    support for provisional frameworks)."""
    return not is_provisional(year) or hasattr(framework_module, "framework_for")


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


def _state(result, today: date) -> str:
    entry = result.entry
    if result.passed:
        return "ready"
    if entry.values is None:
        fy_end = thai.fiscal_year_end(entry.fiscal_year)
        return "later" if entry.item.period in LATER_PERIODS and today <= fy_end else "unwritten"
    return "missing"


def year_rows(reports: dict, today: date) -> list[YearRow]:
    """Every fiscal year's items with their states, newest year first."""
    rows = []
    current = thai.fiscal_year_of(today)
    for year in sorted(reports, reverse=True):
        report = reports[year]
        items = []
        for code, result in report.items.items():
            href = f"/item/{year}/{code}"
            entry = result.entry
            state = _state(result, today)
            items.append(ItemRow(code, entry.item.name_th, entry.item.name_en, state, entry.updated,
                                 _fixes(result, href) if state == "missing" else (), href, f"/preview/{entry.path}"))
        counts = {state: sum(1 for row in items if row.state == state) for state in STATES}
        rows.append(YearRow(year, tuple(items), is_provisional(year), report.ready, year == current, counts))
    return rows


def errors_of(problems) -> list:
    return [p for p in problems if p.severity == ERROR]
