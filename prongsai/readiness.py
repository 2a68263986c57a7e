"""ITA readiness: which element of which item would fail today, and the score that projects to.

Owns the verdicts: an element fails when one of its rules (rules.py, named by
its `check` in the framework data; by default: every field it names is
written) finds an error; an item scores 100 when no element fails, else 0;
low-confidence (L) elements only advise. Then the projection: a group scores
the share of its items passed, an indicator the mean of its groups, OIT the
mean of the indicators, labelled an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .framework import Element
from .model import ItemPage, Site, YearSite
from .problems import ERROR, WARNING, Problem
from .rules import RULES, RuleContext
from .schema import Model


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


@dataclass(frozen=True)
class ItemResult:
    entry: ItemPage
    elements: tuple

    @property
    def passed(self) -> bool:
        return all(e.passed for e in self.elements)

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
        return sum(g.score for g in self.groups) / len(self.groups) if self.groups else 0.0


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

    def summary_line(self) -> str:
        total = len(self.items)
        return f"ITA {self.year.fiscal_year}: พร้อม {self.ready}/{total} ข้อ | {self.ready}/{total} items ready"


def _missing_file(entry: ItemPage, content: str) -> Problem:
    path = f"{content}/ita/{entry.fiscal_year}/{entry.item.code}.yaml"
    return Problem(path, 0, 0, f"ยังไม่มีข้อมูลข้อ {entry.item.code} {entry.item.name_th}",
                   f"item {entry.item.code} has no content file yet",
                   f"สร้างไฟล์ {path} (ดูตัวอย่างใน README)", f"create {path} (the README has an example)")


def check_element(element: Element, ctx: RuleContext) -> ElementResult:
    if element.check == ("manual",):
        return ElementResult(element, (), manual=True)
    specs = element.check or ({"present": list(element.fields)},)
    problems = [p for spec in specs for name, args in spec.items() for p in RULES[name](ctx, args)]
    if element.confidence == "L":  # low confidence: advice, never a failure
        problems = [replace(p, severity=WARNING) for p in problems]
    return ElementResult(element, tuple(problems))


def check_item(entry: ItemPage, site: Site, model: Model, as_of: date, content: str = "content") -> ItemResult:
    elements = entry.item.elements
    if entry.values is None:
        first = ElementResult(elements[0], (_missing_file(entry, content),))
        return ItemResult(entry, (first,) + tuple(ElementResult(e, ()) for e in elements[1:]))
    ctx = RuleContext(entry, site, model, as_of)
    return ItemResult(entry, tuple(check_element(e, ctx) for e in elements))


def check_year(year: YearSite, site: Site, model: Model, as_of: date, content: str = "content") -> YearReport:
    """Every item of the year, checked as of the given day."""
    items = {code: check_item(entry, site, model, as_of, content) for code, entry in year.items.items()}
    return YearReport(year, as_of, items)
