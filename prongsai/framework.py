"""The ITA framework of one assessment year, read from data/ita-<year>.yaml.

Owns Framework, Item, Group and Element: which items O1–O28 exist that year,
how they are grouped into indicators, what period each covers and which
elements an assessor looks for (with the research's confidence tag). The
numbering changes between years (2569 renumbers and merges items), so each
year is its own data file and nothing here names an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import yamlio

#: What period an item's evidence must cover, in Thai and English.
PERIODS = {
    "current": ("ข้อมูลปัจจุบัน", "current at the time of checking"),
    "fiscal_year": ("ปีงบประมาณที่ประเมิน", "the assessed fiscal year"),
    "previous_fiscal_year": ("ปีงบประมาณก่อนหน้า", "the previous fiscal year"),
    "first_half": ("อย่างน้อย 6 เดือนแรกของปีงบประมาณ", "at least the first six months of the fiscal year"),
    "multi_year": ("แผนหลายปีที่ครอบคลุมปีงบประมาณ", "a multi-year plan covering the fiscal year"),
}


@dataclass(frozen=True)
class Element:
    """One thing the assessor looks for in an item."""

    id: str
    th: str
    en: str
    #: H, M or L: how sure the research is that the assessor checks this
    confidence: str
    #: dotted field paths in the item's kind where the evidence is written
    fields: tuple[str, ...]
    #: the rules that decide it (rules.py), each {name: arguments}; () = every field is written;
    #: ("manual",) = no rule can tell, a person checks it
    check: tuple = ()


@dataclass(frozen=True)
class Item:
    """One disclosure item of one assessment year, e.g. O12 of ITA 2568."""

    code: str
    number: int
    name_th: str
    name_en: str
    name_confidence: str
    kind: str
    period: str
    period_confidence: str
    period_note_th: str
    period_note_en: str
    elements: tuple[Element, ...]
    #: filled from the indicator groups
    group_id: str = ""
    indicator: int = 0

    @property
    def slug(self) -> str:
        """The page name: O12 -> o12. Never changes for a year: assessors keep the URL."""
        return self.code.lower()


@dataclass(frozen=True)
class Group:
    """A sub-indicator: its items score as a share of them passed."""

    id: str
    name_th: str
    name_en: str
    confidence: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    number: int
    name_th: str
    name_en: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Framework:
    """Everything about one assessment year's OIT."""

    year: int
    name_th: str
    name_en: str
    note_th: str
    note_en: str
    indicators: tuple[Indicator, ...]
    #: by code, in item order
    items: dict

    def item_for(self, code: str) -> Item | None:
        return self.items.get(normalise_code(code))


def normalise_code(code: str) -> str:
    """o01, O1 and O01 all mean item O1."""
    match = re.match(r"^[Oo]0*(\d+)$", code)
    return f"O{match.group(1)}" if match else code


def available_years() -> list[int]:
    """The assessment years Prongsai has a framework file for."""
    data = resources.files(__package__).joinpath("data")
    names = (entry.name for entry in data.iterdir())
    return sorted(int(m.group(1)) for m in (re.match(r"^ita-(\d{4})\.yaml$", n) for n in names) if m)


def _element(spec: dict) -> Element:
    check = spec.get("check") or ()
    check = ("manual",) if check == "manual" else tuple(check)
    return Element(spec["id"], spec["th"], spec["en"], spec["confidence"], tuple(spec.get("fields") or ()), check)


def _item(spec: dict, group: Group, indicator: int) -> Item:
    return Item(
        code=spec["code"], number=int(spec["code"][1:]), name_th=spec["name_th"], name_en=spec["name_en"],
        name_confidence=spec["name_confidence"], kind=spec["kind"], period=spec["period"],
        period_confidence=spec["period_confidence"],
        period_note_th=spec.get("period_note_th", ""), period_note_en=spec.get("period_note_en", ""),
        elements=tuple(_element(e) for e in spec["elements"]), group_id=group.id, indicator=indicator,
    )


def framework_file(year: int) -> Path:
    return Path(str(resources.files(__package__).joinpath("data", f"ita-{year}.yaml")))


def load_framework(year: int) -> Framework:
    """Read data/ita-<year>.yaml from the package."""
    name = f"ita-{year}.yaml"
    text = framework_file(year).read_text(encoding="utf-8")
    doc, problems = yamlio.parse(text, f"prongsai/data/{name}")
    if problems or doc is None:
        raise ValueError("; ".join(p.en for p in problems))
    data = doc.data
    indicators = tuple(
        Indicator(int(ind["number"]), ind["name_th"], ind["name_en"], tuple(
            Group(g["id"], g["name_th"], g["name_en"], g["confidence"], tuple(g["items"])) for g in ind["groups"]
        ))
        for ind in data["indicators"]
    )
    placement = {code: (g, ind.number) for ind in indicators for g in ind.groups for code in g.items}
    items = {spec["code"]: _item(spec, *placement[spec["code"]]) for spec in data["items"]}
    return Framework(
        year=int(data["assessment_year"]), name_th=data["name_th"], name_en=data["name_en"],
        note_th=data.get("note_th", ""), note_en=data.get("note_en", ""), indicators=indicators, items=items,
    )
