"""ITA readiness: which element of which item would fail today, and the score that projects to.

Owns the verdicts: an element fails when one of its rules (rules.py and
periods.py, named by its `check` in the framework data; by default: every field
it names is written) finds an error, or when a date it names is later than the
day of checking; an item scores 100 when no element fails, else 0;
low-confidence (L) elements only advise. Then the projection: a group scores
the share of its items passed, an indicator the mean of its groups, OIT the
mean of the indicators. The grouping is not known for sure (no published
grouping reproduces the agency's real indicator scores), so an indicator's
projection is a range: from the failed items placed in the smallest groups to
them placed in the largest, the framework's grouping and the plain share of
items passed both inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from . import periods, rules, thai
from .framework import Element
from .validated import ItemPage, Site, YearSite
from .problems import ERROR, WARNING, Problem
from .reach import RuleContext
from .schema import Model

#: Every rule an element's `check` may name.
RULES = {**rules.RULES, **periods.RULES}

#: Where a date later than the day of checking is reported when no element names its field (`updated`, `changes`).
FUTURE_DATES = Element("dates_not_future", "วันที่ของข้อมูลในข้อนี้ไม่เลยวันที่ตรวจ",
                       "No date in this item is later than the day of checking", "H", ())


@dataclass(frozen=True)
class ElementResult:
    element: Element
    #: what is wrong (severity error) or only advised (warning)
    problems: tuple
    #: no rule can check it: the clerk checks it by hand
    manual: bool = False

    @property
    def passed(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)


#: An item's state on the day of checking.
READY, MISSING, NOT_WRITTEN, DUE_LATER = "ready", "missing", "not_written", "due_later"


@dataclass(frozen=True)
class ItemResult:
    entry: ItemPage
    elements: tuple
    #: the day it must be on the site (the assessed year's OIT window opens), and the day of checking
    due: date | None = None
    as_of: date | None = None

    @property
    def passed(self) -> bool:
        return all(e.passed for e in self.elements)

    @property
    def state(self) -> str:
        """ready; missing (written, but an element fails); not written yet; or not written and not due yet."""
        if self.passed:
            return READY
        if self.entry.values is not None:
            return MISSING
        return DUE_LATER if self.due and self.as_of and self.as_of < self.due else NOT_WRITTEN

    @property
    def problems(self) -> list:
        return [p for e in self.elements for p in e.problems]


@dataclass(frozen=True)
class GroupScore:
    id: str
    name_th: str
    passed: int
    total: int

    @property
    def score(self) -> float:
        return 100 * self.passed / self.total if self.total else 0.0


@dataclass(frozen=True)
class IndicatorScore:
    number: int
    name_th: str
    groups: tuple

    @property
    def score(self) -> float:
        """The projection under the framework's grouping."""
        return sum(g.score for g in self.groups) / len(self.groups) if self.groups else 0.0

    @property
    def share(self) -> float:
        """The plain share of the indicator's items passed, as if it had no sub-indicators."""
        total = sum(g.total for g in self.groups)
        return 100 * sum(g.passed for g in self.groups) / total if total else 0.0

    @property
    def range(self) -> tuple[float, float]:
        """(lowest, highest) projection: the failed items in the smallest groups, then in the largest."""
        sizes = sorted(g.total for g in self.groups if g.total)
        failed = sum(g.total - g.passed for g in self.groups)
        low = _grouped(sizes, failed)
        high = _grouped(sorted(sizes, reverse=True), failed)
        return min(low, high, self.share, self.score), max(low, high, self.share, self.score)


def _grouped(sizes: list, failed: int) -> float:
    """The indicator's score with `failed` items filling the groups in the order given."""
    if not sizes:
        return 0.0
    lost = 0.0
    for size in sizes:
        here = min(size, failed)
        lost, failed = lost + here / size, failed - here
    return 100 * (1 - lost / len(sizes))


@dataclass(frozen=True)
class YearReport:
    """The readiness of one fiscal year's items on one day."""

    year: YearSite
    as_of: date
    #: by item code, in framework order
    items: dict

    @property
    def ready(self) -> int:
        return sum(result.passed for result in self.items.values())

    @property
    def indicators(self) -> tuple:
        """The projected score per indicator and group: an estimate, from the framework's grouping."""
        return tuple(
            IndicatorScore(ind.number, ind.name_th, tuple(
                GroupScore(g.id, g.name_th, sum(self.items[c].passed for c in g.items), len(g.items)) for g in ind.groups
            ))
            for ind in self.year.framework.indicators
        )

    @property
    def oit(self) -> float:
        indicators = self.indicators
        return sum(i.score for i in indicators) / len(indicators) if indicators else 0.0

    @property
    def oit_range(self) -> tuple[float, float]:
        indicators = self.indicators
        if not indicators:
            return 0.0, 0.0
        return (sum(i.range[0] for i in indicators) / len(indicators), sum(i.range[1] for i in indicators) / len(indicators))

    @property
    def provisional_from(self) -> int | None:
        """The year whose criteria stand in for this year's, when the NACC has not published them yet."""
        return self.year.framework.provisional_from

    @property
    def due_later(self) -> int:
        return sum(result.state == DUE_LATER for result in self.items.values())

    @property
    def failing(self) -> int:
        """Items that fail now: written but incomplete, or due and not written."""
        return sum(result.state in (MISSING, NOT_WRITTEN) for result in self.items.values())

    def summary_line(self) -> str:
        total, year = len(self.items), self.year.fiscal_year
        line = f"ITA {year}: พร้อม {self.ready}/{total} ข้อ | {self.ready}/{total} items ready"
        if self.due_later:
            opens = self.year.framework.oit_opens
            line += (f"; ยังไม่ถึงกำหนด {self.due_later} ข้อ (ต้องเผยแพร่ภายใน {thai.format_date(opens)}) | "
                     f"{self.due_later} not due yet (due by {thai.be_iso(opens)} BE)")
        return line


def _not_written(entry: ItemPage, content: str) -> Problem:
    path = f"{content}/ita/{entry.fiscal_year}/{entry.item.code}.yaml"
    if entry.source:  # a stub from `new` or `init`: comments only
        return Problem(entry.source, 0, 0, f"ยังไม่ได้เขียนข้อมูลข้อ {entry.item.code} {entry.item.name_th} (ไฟล์มีแต่บรรทัดหมายเหตุ #)",
                       f"item {entry.item.code} is not written yet (its file holds comments only)",
                       f"เปิดไฟล์ {entry.source} แล้วลบ \"# \" หน้าบรรทัดที่จะกรอก เขียนค่าแทนตัวอย่าง",
                       f"open {entry.source}, remove \"# \" in front of the lines you fill in and write the values")
    return Problem(path, 0, 0, f"ยังไม่มีข้อมูลข้อ {entry.item.code} {entry.item.name_th}",
                   f"item {entry.item.code} has no content file yet",
                   f"สร้างไฟล์ {path} (ดูตัวอย่างใน README)", f"create {path} (the README has an example)")


def check_element(element: Element, ctx: RuleContext) -> ElementResult:
    if element.check == ("manual",):
        return ElementResult(element, (), manual=True)
    specs = element.check or ({"present": list(element.fields)},)
    problems = [p for spec in specs for name, args in spec.items() for p in RULES[name](ctx, args)]
    return _graded(element, problems)


def _graded(element: Element, problems: list) -> ElementResult:
    if element.confidence == "L":  # low confidence: advice, never a failure
        problems = [replace(p, severity=WARNING) for p in problems]
    return ElementResult(element, tuple(problems))


def _names(element: Element, path: str) -> bool:
    """Whether an element's fields name a path: the field itself or a record or list it sits in."""
    return any(path == f or path.startswith(f + ".") for f in element.fields)


def _with_future_dates(results: list, ctx: RuleContext, model: Model) -> list:
    """Add every date later than the day of checking that no rule reported, to the element that names its field."""
    reported = {(p.path, p.line, p.column) for r in results for p in r.problems}
    record = model.kinds[ctx.entry.item.kind].record
    stray = []
    for path, problem in periods.future_dates(ctx, record, ctx.entry.values):
        if (problem.path, problem.line, problem.column) in reported:
            continue
        index = next((i for i, r in enumerate(results) if _names(r.element, path) and not r.manual), None)
        if index is None:
            stray.append(problem)
        else:
            results[index] = _graded(results[index].element, [*results[index].problems, problem])
    return results + ([ElementResult(FUTURE_DATES, tuple(stray))] if stray else [])


def check_item(entry: ItemPage, site: Site, model: Model, as_of: date, content: str = "content",
               due: date | None = None) -> ItemResult:
    elements = entry.item.elements
    if entry.values is None:
        first = ElementResult(elements[0], (_not_written(entry, content),))
        return ItemResult(entry, (first,) + tuple(ElementResult(e, ()) for e in elements[1:]), due, as_of)
    ctx = RuleContext(entry, site, model, as_of)
    return ItemResult(entry, tuple(_with_future_dates([check_element(e, ctx) for e in elements], ctx, model)), due, as_of)


def check_year(year: YearSite, site: Site, model: Model, as_of: date, content: str = "content") -> YearReport:
    """Every item of the year, checked as of the given day."""
    due = year.framework.oit_opens
    items = {code: check_item(entry, site, model, as_of, content, due) for code, entry in year.items.items()}
    return YearReport(year, as_of, items)
