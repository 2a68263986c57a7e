"""The ITA framework of one assessment year, read from data/ita-<year>.yaml.

Owns Framework, Item, Group and Element: which items O1–O28 exist that year,
how they are grouped into indicators, what period each covers and which
elements an assessor looks for (with the research's confidence tag). The
numbering changes between years (2569 renumbers and merges items), so each
year is its own data file and nothing here names an item. A project may add
the official list of a year as `frameworks/ita-<year>.yaml`; a year that has no
file yet (the NACC publishes its manual during the year) is read from the latest
year's file as provisional, its years moved on. Words that depend on the kind of
agency (นายก อบต., นายกเทศมนตรี…) are written `{chief_short}` in the data and
filled from data/agency-kinds.yaml by `worded`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path

from . import yamlio
from .thai import BE_OFFSET

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
    #: guidance for staff (the check and the staff report), never shown on a public page
    note_th: str = ""
    note_en: str = ""
    #: where the element's wording or confidence comes from (research/ita-sources-check.md)
    source: str = ""


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
    #: guidance for staff about the item's period (sources that disagree, what to publish besides)
    staff_note_th: str = ""
    staff_note_en: str = ""

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
    #: for staff: how sure the framework is, never shown on a public page
    staff_note_th: str
    staff_note_en: str
    indicators: tuple[Indicator, ...]
    #: by code, in item order
    items: dict
    #: the year whose data file this framework was read from, when the year has no published criteria of its own
    provisional_from: int | None = None
    #: (month, day) the agency's OIT answers in ITAS open and close, in the assessed year
    oit_window: tuple = ((3, 1), (4, 30))

    @property
    def oit_opens(self) -> date:
        """The day every item must be on the site: the agency gives ITAS its URLs from then on."""
        (month, day), _ = self.oit_window
        return date(self.year - BE_OFFSET, month, day)

    @property
    def oit_closes(self) -> date:
        _, (month, day) = self.oit_window
        return date(self.year - BE_OFFSET, month, day)

    def item_for(self, code: str) -> Item | None:
        return self.items.get(normalise_code(code))


def normalise_code(code: str) -> str:
    """o01, O1 and O01 all mean item O1."""
    match = re.match(r"^[Oo]0*(\d+)$", code)
    return f"O{match.group(1)}" if match else code


#: Where a project keeps frameworks of its own (the official list of a year once the NACC publishes it).
PROJECT_FRAMEWORKS = "frameworks"
_FILE = re.compile(r"^ita-(\d{4})\.yaml$")


def _folders(project: Path | None) -> list[Path]:
    """The package's data folder, then the project's frameworks/ folder (which wins for the same year)."""
    folders = [Path(str(resources.files(__package__).joinpath("data")))]
    if project is not None and (project / PROJECT_FRAMEWORKS).is_dir():
        folders.append(project / PROJECT_FRAMEWORKS)
    return folders


def available_years(project: Path | None = None) -> list[int]:
    """The assessment years with a framework file (the package's and the project's)."""
    names = (entry.name for folder in _folders(project) for entry in folder.iterdir())
    return sorted({int(m.group(1)) for m in (_FILE.match(n) for n in names) if m})


def usable_years(project: Path | None = None) -> list[int]:
    """The years content may be written for: those with a file, and the year after the latest, as provisional."""
    years = available_years(project)
    return years + [years[-1] + 1]


def framework_file(year: int, project: Path | None = None) -> Path:
    """The data file a year's framework is read from: its own, or the latest year's when it has none yet."""
    for folder in reversed(_folders(project)):
        if (folder / f"ita-{year}.yaml").is_file():
            return folder / f"ita-{year}.yaml"
    latest = available_years(project)[-1]
    if year != latest + 1:
        raise FrameworkMissing(year, available_years(project))
    return framework_file(latest, project)


class FrameworkMissing(ValueError):
    """No framework file for a year, and the year is not the one after the latest (said in Thai and English)."""

    def __init__(self, year: int, known: list[int]) -> None:
        years = ", ".join(map(str, known))
        super().__init__(f"ไม่มีเกณฑ์ ITA ของปีงบประมาณ {year} (มีเกณฑ์ปี {years}) เพิ่มไฟล์ frameworks/ita-{year}.yaml ตาม README | "
                         f"there is no ITA framework for fiscal year {year} (there is: {years}); add frameworks/ita-{year}.yaml "
                         f"as the README says")
        self.year = year


def _element(spec: dict) -> Element:
    check = spec.get("check") or ()
    check = ("manual",) if check == "manual" else tuple(check)
    return Element(spec["id"], spec["th"], spec["en"], spec["confidence"], tuple(spec.get("fields") or ()), check,
                   spec.get("note_th", ""), spec.get("note_en", ""), spec.get("source", ""))


def _item(spec: dict, group: Group, indicator: int) -> Item:
    return Item(
        code=spec["code"], number=int(spec["code"][1:]), name_th=spec["name_th"], name_en=spec["name_en"],
        name_confidence=spec["name_confidence"], kind=spec["kind"], period=spec["period"],
        period_confidence=spec["period_confidence"],
        period_note_th=spec.get("period_note_th", ""), period_note_en=spec.get("period_note_en", ""),
        elements=tuple(_element(e) for e in spec["elements"]), group_id=group.id, indicator=indicator,
        staff_note_th=spec.get("staff_note_th", ""), staff_note_en=spec.get("staff_note_en", ""),
    )


def load_framework(year: int, project: Path | None = None) -> Framework:
    """The framework of an assessment year: its data file, or the latest year's as provisional (years moved on)."""
    file = framework_file(year, project)
    text = file.read_text(encoding="utf-8")
    doc, problems = yamlio.parse(text, file.name)
    if problems or doc is None:
        raise ValueError("; ".join(p.en for p in problems))
    framework = _framework(doc.data)
    return framework if framework.year == year else _provisional(framework, year)


def _framework(data: dict) -> Framework:
    indicators = tuple(
        Indicator(int(ind["number"]), ind["name_th"], ind["name_en"], tuple(
            Group(g["id"], g["name_th"], g["name_en"], g["confidence"], tuple(g["items"])) for g in ind["groups"]
        ))
        for ind in data["indicators"]
    )
    placement = {code: (g, ind.number) for ind in indicators for g in ind.groups for code in g.items}
    items = {spec["code"]: _item(spec, *placement[spec["code"]]) for spec in data["items"]}
    window = data.get("oit_window") or {"opens": "03-01", "closes": "04-30"}
    month_day = lambda text: tuple(int(part) for part in text.split("-"))  # noqa: E731
    return Framework(
        year=int(data["assessment_year"]), name_th=data["name_th"], name_en=data["name_en"],
        staff_note_th=data.get("staff_note_th", ""), staff_note_en=data.get("staff_note_en", ""), indicators=indicators,
        items=items, oit_window=(month_day(window["opens"]), month_day(window["closes"])),
    )


_BE_YEAR = re.compile(r"(?<![0-9๐-๙])(2[45][0-9][0-9]|๒[๔๕][๐-๙][๐-๙])(?![0-9๐-๙])")


def _moved(text: str, years: int) -> str:
    """Every Buddhist-era year in a text moved on by `years` (Thai digits stay Thai)."""
    def move(match: re.Match) -> str:
        written = match.group(1)
        moved = str(int(written.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))) + years)
        return moved if written.isascii() else moved.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    return _BE_YEAR.sub(move, text)


def _texts_moved(value, years: int):
    """A framework value with every text's years moved on; rules' arguments (offsets) stay as they are."""
    if isinstance(value, str):
        return _moved(value, years)
    if isinstance(value, Element):
        return replace(value, th=_moved(value.th, years), en=_moved(value.en, years), note_th=_moved(value.note_th, years),
                       note_en=_moved(value.note_en, years))
    if isinstance(value, Item):
        texts = ("name_th", "name_en", "period_note_th", "period_note_en", "staff_note_th", "staff_note_en")
        return replace(value, elements=tuple(_texts_moved(e, years) for e in value.elements),
                       **{name: _moved(getattr(value, name), years) for name in texts})
    raise TypeError(value)


def _provisional(base: Framework, year: int) -> Framework:
    years = year - base.year
    note_th = (f"ยังไม่มีเกณฑ์การประเมิน ITA ปี {year} ที่สำนักงาน ป.ป.ช. ประกาศ จึงใช้เกณฑ์ปี {base.year} เป็นการชั่วคราว "
               f"(ข้อความเลื่อนปีไป {years} ปี) เมื่อมีคู่มือปี {year} ให้เพิ่มไฟล์ frameworks/ita-{year}.yaml ตามวิธีใน README")
    note_en = (f"The NACC has not published the ITA {year} criteria yet, so the {base.year} framework is used as provisional "
               f"(its years moved on by {years}). When the {year} manual is out, add frameworks/ita-{year}.yaml as the README "
               f"says.")
    return replace(base, year=year, name_th=_moved(base.name_th, years), name_en=_moved(base.name_en, years),
                   staff_note_th=f"{note_th} เกี่ยวกับเกณฑ์ปี {base.year}: {base.staff_note_th}".strip(),
                   staff_note_en=f"{note_en} About the {base.year} criteria: {base.staff_note_en}".strip(),
                   items={code: _texts_moved(item, years) for code, item in base.items.items()}, provisional_from=base.year)


def agency_words(kind: str) -> dict:
    """The words for the agency's chief, council, permanent head… for its kind (data/agency-kinds.yaml)."""
    file = Path(str(resources.files(__package__).joinpath("data", "agency-kinds.yaml")))
    doc, problems = yamlio.parse(file.read_text(encoding="utf-8"), file.name)
    if problems or doc is None:
        raise ValueError("; ".join(p.en for p in problems))
    return doc.data.get(kind) or doc.data["other"]


class _Words(dict):
    def __missing__(self, key: str) -> str:  # a brace the table does not know stays as written
        return "{" + key + "}"


def worded(framework: Framework, words: dict) -> Framework:
    """The framework with the agency-kind words filled in its element texts (`{chief_short}` -> นายกเทศมนตรี)."""
    table = _Words(words)

    def fill(text: str) -> str:
        return text.format_map(table) if "{" in text else text

    def element(e: Element) -> Element:
        return replace(e, th=fill(e.th), en=fill(e.en), note_th=fill(e.note_th), note_en=fill(e.note_en))

    items = {code: replace(item, elements=tuple(element(e) for e in item.elements), period_note_th=fill(item.period_note_th))
             for code, item in framework.items.items()}
    return replace(framework, items=items)
