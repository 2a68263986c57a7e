"""Dates and years held to their periods: the readiness rules that know the fiscal calendar.

Owns the windows an element's dates must fall in and the rules that use them:
  dated          every date or month at a path lies inside its window (`planned: "true"`: a plan's months, which may
                 lie ahead of the day of checking)
  years_in_text  a year written in a title or a time-frame text is a year the item allows
and the sweep that fails any date of an item later than the day of checking (a
document dated in the future is not one an assessor counts). Which field is
held to which window is framework data (each element's `check`); the windows
themselves are the fiscal calendar, so they are here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from . import thai
from .problems import Problem
from .reach import Found, RuleContext, find, problem_at


@dataclass(frozen=True)
class Window:
    """The days a date may fall on, inclusive, and how the period is said to a clerk."""

    start: date
    end: date
    th: str
    en: str

    def holds(self, value: object) -> bool:
        first, last = _days(value)
        return self.start <= first and last <= self.end


def _days(value: object) -> tuple[date, date]:
    """The first and last day a date or a month stands for."""
    if isinstance(value, thai.Month):
        return date(value.year, value.month, 1), date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value, value


def _span(start: date, end: date) -> tuple[str, str]:
    return f"{thai.format_date(start)} – {thai.format_date(end)}", f"{thai.be_iso(start)} to {thai.be_iso(end)} (BE)"


def _fiscal_year(year: int) -> Window:
    start, end = thai.fiscal_year_start(year), thai.fiscal_year_end(year)
    th, en = _span(start, end)
    return Window(start, end, f"ปีงบประมาณ {year} ({th})", f"fiscal year {year} ({en})")


def _report_signed(covered: int, assessed: int) -> Window:
    """A whole-year report is signed once the covered year's last quarter has begun, by the end of the assessed year."""
    start, end = date(thai.fiscal_year_end(covered).year, 7, 1), thai.fiscal_year_end(assessed)
    th, en = _span(start, end)
    return Window(start, end, f"ช่วงที่ลงนามรายงานของปีงบประมาณ {covered} ได้ ({th})",
                  f"the time a report on fiscal year {covered} can be signed ({en})")


def _issued_for(year: int) -> Window:
    """A plan, declaration or set of measures for a year is issued in the year before it or during it."""
    start, end = thai.fiscal_year_start(year - 1), thai.fiscal_year_end(year)
    th, en = _span(start, end)
    return Window(start, end, f"ช่วงที่ออกเอกสารสำหรับปีงบประมาณ {year} ได้ ({th})",
                  f"the time a document for fiscal year {year} can be issued ({en})")


def _filed(year: int) -> Window:
    """A year's monthly forms: from the start of the year to the end of the November after it (September's form is
    signed in October)."""
    start, end = thai.fiscal_year_start(year), date(thai.fiscal_year_end(year).year, 11, 30)
    th, en = _span(start, end)
    return Window(start, end, f"ช่วงที่ลงนามเอกสารรายเดือนของปีงบประมาณ {year} ได้ ({th})",
                  f"the time fiscal year {year}'s monthly forms can be signed ({en})")


def _since(covered: int, assessed: int) -> Window:
    """From the start of the covered year to the end of the November after the assessed one (a report kept on from
    the year before; the assessed year's last round is signed in the month after it)."""
    start, end = thai.fiscal_year_start(covered), date(thai.fiscal_year_end(assessed).year, 11, 30)
    th, en = _span(start, end)
    return Window(start, end, f"ช่วงตั้งแต่ต้นปีงบประมาณ {covered} ถึงหลังสิ้นปีงบประมาณ {assessed} สองเดือน ({th})",
                  f"the time from the start of fiscal year {covered} to two months after the end of {assessed} ({en})")


#: Each window by name, for an element of fiscal year `year` about year `year + offset`; `any` holds a date
#: only to not being later than the day of checking (a manual in force may be years old).
WINDOWS = {
    "fiscal_year": lambda year, offset: _fiscal_year(year + offset),
    "report": lambda year, offset: _report_signed(year + offset, year),
    "issued_for": lambda year, offset: _issued_for(year + offset),
    "since": lambda year, offset: _since(year + offset, year),
    "filed": lambda year, offset: _filed(year + offset),
    "any": lambda year, offset: Window(date.min, date.max, "", ""),
}


def _shown(value: object) -> tuple[str, str]:
    if isinstance(value, thai.Month):
        return thai.format_month(value), f"{value.iso} (BE)"
    return thai.format_date(value), f"{thai.be_iso(value)} (BE)"


def _future(found: Found, path: str, as_of: date) -> Problem:
    th, en = _shown(found.value)
    return problem_at(found, f"{found.field.label} {th} เลยวันที่ตรวจ ({thai.format_date(as_of)}) "
                             f"เอกสารหรือข้อมูลที่ลงวันที่ในอนาคตผู้ประเมินไม่นับ",
                      f"{path.split('.')[-1]} {en} is later than the day of checking ({thai.be_iso(as_of)} BE): an assessor does "
                      f"not count a document or data dated in the future",
                      "ตรวจวันที่อีกครั้ง (ปี พ.ศ.-เดือน-วัน) และเผยแพร่เมื่อถึงวันนั้นแล้ว",
                      "check the date (BE year-month-day); publish it once that day has come")


def is_future(value: object, as_of: date) -> bool:
    """A date after the day of checking, or a month that has not begun by then."""
    return isinstance(value, (date, thai.Month)) and _days(value)[0] > as_of


def rule_dated(ctx: RuleContext, args: dict) -> list:
    """Every date or month at the path lies inside its window (and none after the day of checking)."""
    window = WINDOWS[args["window"]](ctx.fiscal_year, int(args.get("offset", "0")))
    problems = []
    for found in find(ctx, args["field"]):
        value = found.value
        if not isinstance(value, (date, thai.Month)):
            continue
        if is_future(value, ctx.as_of) and args.get("planned") != "true":
            problems.append(_future(found, args["field"], ctx.as_of))
        elif not window.holds(value):
            th, en = _shown(value)
            year = value.fiscal_year if isinstance(value, thai.Month) else thai.fiscal_year_of(value)
            problems.append(problem_at(
                found, f"{found.field.label} {th} ไม่อยู่ใน{window.th}",
                f"{args['field'].split('.')[-1]} {en} is not in {window.en}",
                f"ถ้าวันที่พิมพ์ผิดให้แก้ให้อยู่ในช่วงนั้น ถ้าเป็นข้อมูลของปีงบประมาณ {year} ให้ย้ายไปไว้ในโฟลเดอร์ของปีนั้น",
                f"if the date is a typo, correct it; if it belongs to fiscal year {year}, move it to that year's folder"))
    return problems


_RANGE = re.compile(r"(?<!\d)(2[45]\d\d)\s*[-–—]\s*(2[45]\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(2[45]\d\d)(?!\d)")
_MONTH_NAMES = {name: number for names in (thai.MONTHS, thai.MONTHS_ABBR) for number, name in enumerate(names, 1)}
_MONTH_YEAR = re.compile("(" + "|".join(re.escape(n) for n in sorted(_MONTH_NAMES, key=len, reverse=True)) + ")"
                         r"\s*(?:พ\.\s*ศ\.\s*)?(2[45]\d\d)(?!\d)")


def years_written(text: str) -> list[tuple[int, int]]:
    """The fiscal years a text names, as spans (Thai or Arabic digits).

    A year after a month is a calendar year (พฤศจิกายน 2567 is in fiscal year 2568); a range such as 2566–2570 is one
    span; any other year is taken as the fiscal year it names.
    """
    text = thai.to_arabic_digits(text)
    months = [thai.Month(int(year) - thai.BE_OFFSET, _MONTH_NAMES[name]).fiscal_year for name, year in _MONTH_YEAR.findall(text)]
    rest = _MONTH_YEAR.sub(" ", text)
    spans = [(int(a), int(b)) for a, b in _RANGE.findall(rest)]
    single = _YEAR.findall(_RANGE.sub(" ", rest))
    return [(y, y) for y in months] + spans + [(int(y), int(y)) for y in single]


def rule_years_in_text(ctx: RuleContext, args: dict) -> list:
    """A text that names a year (a document title, a time frame) names one the item allows."""
    allowed = sorted(ctx.fiscal_year + int(o) for o in args.get("allow", ["0"]))
    problems = []
    for found in find(ctx, args["field"]):
        if not isinstance(found.value, str):
            continue
        spans = years_written(found.value)
        if not spans or any(a <= year <= b for a, b in spans for year in allowed):
            continue
        written = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
        wanted = " หรือ ".join(map(str, allowed))
        problems.append(problem_at(
            found,
            f"{found.field.label} '{_excerpt(found.value)}' ระบุปี {written} แต่ข้อนี้ของปีงบประมาณ {ctx.fiscal_year} "
            f"ต้องเป็นปี {wanted}",
            f"{args['field'].split('.')[-1]} names {written}, but this item of fiscal year {ctx.fiscal_year} must be for "
            f"{' or '.join(map(str, allowed))}",
            f"เผยแพร่เอกสารของปี {wanted} แทน หรือถ้าพิมพ์ปีผิด ให้แก้ข้อความให้ตรงกับเอกสาร",
            f"publish the document for {' or '.join(map(str, allowed))} instead, or correct the text if the year is a typo"))
    return problems


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def planned(item) -> set:
    """The paths an item's elements hold as planned (a measure's start and end): they may lie ahead."""
    return {args["field"] for e in item.elements if e.check != ("manual",) for spec in e.check
            for name, args in spec.items() if name == "dated" and args.get("planned") == "true"}


def future_dates(ctx: RuleContext, record, values: dict) -> list[tuple[str, Problem]]:
    """(dotted path, problem) for every date or month of an item later than the day of checking, but planned ones."""
    found, ahead = [], planned(ctx.entry.item)
    for path, field, key, value in _dates(record, values, "", ()):
        if is_future(value, ctx.as_of) and path not in ahead:
            place = Found(value, field, key, ctx.entry.source, ctx.entry.doc)
            found.append((path, _future(place, path, ctx.as_of)))
    return found


def _dates(record, value: object, path: str, key: tuple):
    """Every date and month in a checked record: (dotted path, field, key, value)."""
    if record.type == "record" and isinstance(value, dict):
        for sub in record.fields:
            yield from _dates(sub, value.get(sub.name), f"{path}.{sub.name}".lstrip("."), key + (sub.name,))
    elif record.type == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _dates(record.item, item, path, key + (i,))
    elif record.type in ("date", "month") and value is not None:
        yield path, record, key, value


RULES = {"dated": rule_dated, "years_in_text": rule_years_in_text}
