"""Checking what a clerk wrote against a Field, and turning it into a typed value.

Owns the meaning of each field type (text, money, Buddhist-era date, file...)
and the Thai/English message for each way a value can be wrong. All problems
of a record are collected; nothing stops at the first one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Callable

from . import limits, thai
from .filefields import ContentFiles, attachment_field
from .problems import WARNING, Problem
from .schema import Field
from .yamlio import Doc, Key

#: A plain address: no mailto:, no ?subject= or &bcc= (which a mailto link would obey), no spaces or quotes.
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9\u0e00-\u0e7f-]+(\.[A-Za-z0-9\u0e00-\u0e7f-]+)+$")
_PHONE = re.compile(r"^[0-9+()\-\s,/ต่อ.]+$")
_INT = re.compile(r"^(-?)([0-9]+)$")
#: An amount in digits: a sign, digits, one decimal point (Decimal would also take 1e309, NaN and 1_000).
_AMOUNT = re.compile(r"^[+-]?(?=\.?[0-9])([0-9]*)(\.[0-9]*)?$")
#: An http(s) address: a host (no user:password@ before it), an optional port, then a path without spaces,
#: quotes, angle brackets or backslashes.
_URL = re.compile(r"^https?://[A-Za-z0-9\u0e00-\u0e7f.-]+(:[0-9]{1,5})?([/?#][^\s\"'<>`\\{}|^]*)?$")
#: A date before the first constitution (2475 BE, 1932) is older than any agency's ITA documents: a typo.
EARLIEST_PLAUSIBLE_YEAR = 2475
#: How far after the build date a date (a year for a month, ten for a plan's year) is still plausible.
PLAUSIBLE_AHEAD = timedelta(days=366)
PLAUSIBLE_YEARS_AHEAD = 10


@dataclass(frozen=True)
class Choice:
    """A value picked from a fixed list: its key (as written) and its Thai label."""

    key: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass
class Reader:
    """What checking one file needs: the document, where files live, and the problem list."""

    doc: Doc
    #: folder of the file being checked (attachment paths are relative to it)
    folder: Path
    content_root: Path
    #: turns a checked attachment path (relative to content/) into an Attachment
    attach: Callable[[str], object]
    problems: list
    #: the date the site is built on, for dates too far from it to be likely (None: not checked)
    build_date: date | None = None
    #: the files under content/ (None: look on disk, as the spreadsheet importer does)
    files: ContentFiles | None = None

    def problem(self, key: Key, th: str, en: str, hint_th: str = "", hint_en: str = "", *, at_key: bool = False,
                severity: str = "error") -> None:
        line, column = self.doc.key_mark(key) if at_key else self.doc.mark(key)
        self.problems.append(Problem(self.doc.path, line, column, th, en, hint_th, hint_en, severity, key=key))


def _echo(value: object) -> str:
    """A value as a message quotes it: on one line, and not the whole of a pasted page."""
    text = str(value).replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= 60 else text[:60] + "…"


def _label(field: Field) -> str:
    return f"'{field.name}' ({field.th})" if field.th else f"'{field.name}'"


def check(field: Field, value: object, key: Key, reader: Reader) -> object:
    """The typed value of `value` for `field`, or None after recording a problem."""
    if field.type == "record":
        return check_record(field, value, key, reader)
    if field.type == "list":
        return _check_list(field, value, key, reader)
    if field.type == "counts":
        return check_counts(field, value, key, reader)
    if isinstance(value, (dict, list)):
        shape = "รายการ (list)" if isinstance(value, list) else "กลุ่มช่อง (mapping)"
        reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นค่าเดียว แต่เขียนเป็น{shape}",
                       f"'{field.name}' takes a single value, not a {type(value).__name__}",
                       "เขียนค่าต่อจากเครื่องหมาย : ในบรรทัดเดียวกัน", "write the value after the ':' on the same line")
        return None
    return _SCALARS[field.type](field, value, key, reader)


def check_record(field: Field, value: object, key: Key, reader: Reader) -> dict | None:
    if not isinstance(value, dict):
        reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นกลุ่มของช่องย่อย", f"'{field.name}' must be a group of fields",
                       "เขียนช่องย่อยในบรรทัดถัดไป ย่อหน้าเข้าไป 2 ช่องว่าง", "write its fields on the next lines, indented by 2 spaces")
        return None
    known = {f.name for f in field.fields}
    for name in value:
        if name not in known:
            _unknown_field(field, name, key + (name,), reader)
    result = {}
    for sub in field.fields:
        raw = value.get(sub.name)
        if raw is None or raw == "" or raw == []:
            if sub.required:
                _missing_field(sub, key, reader)
            result[sub.name] = [] if sub.type == "list" else None
            continue
        result[sub.name] = check(sub, raw, key + (sub.name,), reader)
    return result


def _unknown_field(record: Field, name: str, key: Key, reader: Reader) -> None:
    by_thai = {f.th: f.name for f in record.fields if f.th}
    close = difflib.get_close_matches(name, [f.name for f in record.fields], n=1, cutoff=0.6)
    close = close or [by_thai[t] for t in difflib.get_close_matches(name, list(by_thai), n=1, cutoff=0.6)]
    if close:
        hint_th, hint_en = f"หมายถึง '{close[0]}' ใช่ไหม", f"did you mean '{close[0]}'?"
    else:
        names = ", ".join(f.name for f in record.fields)
        hint_th, hint_en = f"ช่องที่ใช้ได้: {names}", f"the fields it can have: {names}"
    reader.problem(key, f"ไม่รู้จักช่อง '{name}'", f"unknown field '{name}'", hint_th, hint_en, at_key=True)


def _missing_field(field: Field, parent: Key, reader: Reader) -> None:
    reader.problem(parent, f"ขาดช่อง {_label(field)} ซึ่งต้องมี", f"missing required field '{field.name}' ({field.en})",
                   f"เพิ่มบรรทัด  {field.name}: ...", f"add a line  {field.name}: ...", at_key=True)


def _check_list(field: Field, value: object, key: Key, reader: Reader) -> list:
    if not isinstance(value, list):
        if field.item.type != "record" and not isinstance(value, dict):
            # A single value where a list is expected (`problems: ไม่มี`) is a list of one.
            return [v for v in [check(field.item, value, key, reader)] if v is not None]
        reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นรายการ", f"'{field.name}' must be a list",
                       "ขึ้นต้นแต่ละรายการด้วย - ในบรรทัดใหม่", "start each entry on a new line with '- '")
        return []
    checked = []
    for i, item in enumerate(value):
        if item is None or item == "":
            reader.problem(key + (i,), f"รายการที่ {i + 1} ของช่อง {_label(field)} ว่างเปล่า", f"entry {i + 1} of '{field.name}' is empty",
                           "เขียนค่าต่อจากเครื่องหมาย - หรือลบบรรทัดนั้นออก", "write a value after the '-' or delete the line")
            continue
        checked.append(check(field.item, item, key + (i,), reader))
    return [item for item in checked if item is not None]


def _text(field: Field, value: str, key: Key, reader: Reader) -> str:
    return value.strip() if field.type == "text" else value.rstrip()


def _too_large(field: Field, value: str, key: Key, reader: Reader, most: limits.Limit, where_th: str, where_en: str) -> None:
    reader.problem(key, f"ช่อง {_label(field)} มีค่า '{_echo(value.strip())}' มากเกินไป (ไม่เกิน {most.value} หลัก{where_th})",
                   f"'{field.name}' is too large: '{_echo(value.strip())}' (at most {most.value} digits{where_en})",
                   "ตรวจจำนวนหลักอีกครั้ง อาจพิมพ์ตัวเลขซ้ำหรือวางตัวเลขอื่นมาผิดช่อง",
                   "check the digits: perhaps one typed twice, or another number pasted into this field")


def _integer(field: Field, value: str, key: Key, reader: Reader) -> int | None:
    text = thai.to_arabic_digits(value.strip()).replace(",", "")
    match = _INT.match(text)
    if match:
        sign, digits = match.group(1), match.group(2).lstrip("0")
        if len(digits) > limits.COUNT_DIGITS.value:  # before int(): it refuses 4,300 digits and more
            _too_large(field, value, key, reader, limits.COUNT_DIGITS, "", "")
            return None
        return -int(digits or "0") if sign else int(digits or "0")
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นจำนวนเต็ม แต่เขียนว่า '{_echo(value)}'",
                   f"'{field.name}' must be a whole number, got '{_echo(value)}'",
                   "เขียนเป็นตัวเลขอย่างเดียว เช่น 12", "write digits only, e.g. 12")
    return None


def _amount(field: Field, value: str, key: Key, reader: Reader) -> Decimal | None:
    text = thai.to_arabic_digits(value.strip()).replace(",", "")
    match = _AMOUNT.match(text)
    if match and len(match.group(1).lstrip("0")) > limits.NUMBER_DIGITS.value:
        _too_large(field, value, key, reader, limits.NUMBER_DIGITS, "ก่อนจุดทศนิยม", " before the decimal point")
        return None
    if match and (field.type == "decimal" or not text.startswith("-")):
        return Decimal(text)
    example = "125000 หรือ 125000.50" if field.type == "money" else "15.2345"
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นตัวเลข แต่เขียนว่า '{_echo(value)}'",
                   f"'{field.name}' must be a number, got '{_echo(value)}'",
                   f"เขียนเป็นตัวเลขอย่างเดียว ไม่ต้องมีคำว่า บาท เช่น {example}",
                   f"write digits only, without 'บาท', e.g. {example.replace('หรือ', 'or')}")
    return None


_DATE_FORMS = {
    "date": ("2567-10-01", "ปี-เดือน-วัน", "year-month-day", thai.parse_be_date),
    "month": ("2567-10", "ปี-เดือน", "year-month", thai.parse_be_month),
    "year": ("2568", "ปี 4 หลัก", "a 4-digit year", thai.parse_be_year),
}


def _calendar(field: Field, value: str, key: Key, reader: Reader) -> object:
    example, form_th, form_en, parse = _DATE_FORMS[field.type]
    try:
        parsed = parse(value)
    except thai.DateError as error:
        _date_problem(field, value, key, reader, error, example, form_th, form_en)
        return None
    if reader.build_date is not None:
        _improbable(field, value.strip(), parsed, key, reader)
    return parsed


def _improbable(field: Field, value: str, parsed: object, key: Key, reader: Reader) -> None:
    """A warning for a date too far after the build date, or before any agency's documents: a typo in the year."""
    today = reader.build_date
    if field.type == "year":
        year, ahead = parsed, parsed > today.year + thai.BE_OFFSET + PLAUSIBLE_YEARS_AHEAD
        span_th, span_en = f" {PLAUSIBLE_YEARS_AHEAD} ปี", f"{PLAUSIBLE_YEARS_AHEAD} years"
    else:
        day = parsed if isinstance(parsed, date) else date(parsed.year, parsed.month, 1)
        year, ahead = day.year + thai.BE_OFFSET, day > today + PLAUSIBLE_AHEAD
        span_th, span_en = "หนึ่งปี", "a year"
    if ahead:
        built = thai.format_date(today)
        reader.problem(key, f"ช่อง {_label(field)} เขียนว่า '{_echo(value)}' ซึ่งเลยวันที่สร้างเว็บไซต์ ({built}) ไปเกิน{span_th} อาจพิมพ์ปีผิด",
                       f"'{field.name}' is '{_echo(value)}', more than {span_en} after the build date ({built}): a typo in the year?",
                       "ตรวจปี พ.ศ. อีกครั้ง", "check the Buddhist-era year", severity=WARNING)
    elif year < EARLIEST_PLAUSIBLE_YEAR:
        reader.problem(key, f"ช่อง {_label(field)} เขียนว่า '{_echo(value)}' ซึ่งเก่ากว่า พ.ศ. {EARLIEST_PLAUSIBLE_YEAR} "
                            "ไม่น่าจะเป็นวันที่ของเอกสารของหน่วยงาน อาจพิมพ์ปีผิด",
                       f"'{field.name}' is '{_echo(value)}', before {EARLIEST_PLAUSIBLE_YEAR} BE (1932), older than any agency's "
                       "documents: a typo in the year?", "ตรวจปี พ.ศ. อีกครั้ง", "check the Buddhist-era year", severity=WARNING)


def _date_problem(field, value, key, reader, error, example, form_th, form_en) -> None:
    if error.reason == "christian_era":
        reader.problem(key, f"ช่อง {_label(field)} ใช้ปี พ.ศ. แต่ '{_echo(value)}' เป็นปี ค.ศ.",
                       f"'{field.name}' takes a Buddhist-era (พ.ศ.) year; '{_echo(value)}' is a Christian-era year",
                       f"เขียนปี พ.ศ. (ค.ศ. + 543) เช่น {error.suggestion}", f"write the BE year (CE + 543): {error.suggestion}")
    elif error.reason in ("no_such_day", "no_such_month"):
        reader.problem(key, f"ไม่มีวันที่ '{_echo(value)}' ในปฏิทิน", f"'{_echo(value)}' is not a real date",
                       "ตรวจวันที่และเดือนอีกครั้ง", "check the day and the month")
    elif error.reason == "year_out_of_range":
        reader.problem(key, f"ปีใน '{_echo(value)}' มากเกินไป", f"the year in '{_echo(value)}' is too large",
                       f"เขียนปี พ.ศ. เช่น {example}", f"write a Buddhist-era year, e.g. {example}")
    else:
        reader.problem(key, f"ช่อง {_label(field)} ต้องเขียนเป็น{form_th} (พ.ศ.) แต่เขียนว่า '{_echo(value)}'",
                       f"'{field.name}' must be written as {form_en} in the Buddhist era, got '{_echo(value)}'",
                       f"เขียนแบบนี้: {example}", f"write it like this: {example}")


def _url(field: Field, value: str, key: Key, reader: Reader) -> str | None:
    text = value.strip()
    if _URL.match(text):
        return text
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นลิงก์เต็ม แต่เขียนว่า '{_echo(value)}'",
                   f"'{field.name}' must be a full web address, got '{_echo(value)}'",
                   "ขึ้นต้นด้วย https:// เช่น https://www.example.go.th/", "start with https://, e.g. https://www.example.go.th/")
    return None


def _email(field: Field, value: str, key: Key, reader: Reader) -> str | None:
    if _EMAIL.match(value.strip()):
        return value.strip()
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นอีเมล แต่เขียนว่า '{_echo(value)}'", f"'{field.name}' must be an e-mail address, got '{_echo(value)}'",
                   "เขียนแบบนี้: saraban@dongmueang.go.th", "write it like this: saraban@dongmueang.go.th")
    return None


def _phone(field: Field, value: str, key: Key, reader: Reader) -> str | None:
    text = value.strip()
    # Thai short codes count: three digits (191, 199) and four (1111, 1205, 1669)
    if _PHONE.match(thai.to_arabic_digits(text)) and sum(c.isdigit() for c in thai.to_arabic_digits(text)) >= 3:
        return text
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นหมายเลขโทรศัพท์ แต่เขียนว่า '{_echo(value)}'",
                   f"'{field.name}' must be a phone number, got '{_echo(value)}'",
                   'เขียนเฉพาะตัวเลข ช่องว่าง - และคำว่า ต่อ เช่น "0 4412 3456", "0 4412 3456 ต่อ 101" หรือเลขสั้น "1669"',
                   'write digits, spaces, - and ต่อ only, e.g. "0 4412 3456", "0 4412 3456 ต่อ 101" or a short code "1669"')
    return None


def _boolean(field: Field, value: str, key: Key, reader: Reader) -> bool | None:
    if value.strip() in ("true", "false"):
        return value.strip() == "true"
    reader.problem(key, f"ช่อง {_label(field)} ต้องเป็น true หรือ false แต่เขียนว่า '{_echo(value)}'",
                   f"'{field.name}' must be true or false, got '{_echo(value)}'",
                   "เขียน true (ใช่) หรือ false (ไม่ใช่)", "write true or false")
    return None


def _choice(field: Field, value: str, key: Key, reader: Reader) -> Choice | None:
    text = value.strip()
    if text in field.choices:
        return Choice(text, field.choices[text])
    by_label = {label: k for k, label in field.choices.items()}
    if text in by_label:  # the Thai label is as good as the key
        return Choice(by_label[text], text)
    options = ", ".join(f"{k} ({label})" for k, label in field.choices.items())
    close = difflib.get_close_matches(text, list(field.choices) + list(by_label), n=1, cutoff=0.6)
    hint_th = f"หมายถึง '{close[0]}' ใช่ไหม; ค่าที่ใช้ได้: {options}" if close else f"ค่าที่ใช้ได้: {options}"
    hint_en = f"did you mean '{close[0]}'? allowed: {', '.join(field.choices)}" if close else f"allowed: {', '.join(field.choices)}"
    reader.problem(key, f"ช่อง {_label(field)} ไม่มีค่า '{_echo(value)}' ให้เลือก", f"'{field.name}' has no choice '{_echo(value)}'", hint_th, hint_en)
    return None


def check_counts(field: Field, value: object, key: Key, reader: Reader) -> dict | None:
    """A mapping of names to whole numbers (service statistics)."""
    if not isinstance(value, dict):
        reader.problem(key, f"ช่อง {_label(field)} ต้องเป็นกลุ่ม ชื่องานบริการ: จำนวน", f"'{field.name}' must map each service to a count",
                   "เขียนแต่ละบริการในบรรทัดใหม่ ย่อหน้า 2 ช่องว่าง เช่น  ชำระภาษี: 12", "one line per service, indented: e.g.  ชำระภาษี: 12")
        return None
    number = Field(name=field.name, type="int", th=field.th, en=field.en)
    counts = {}
    for name, raw in value.items():
        if not isinstance(raw, str):
            reader.problem(key + (name,), f"จำนวนของ '{name}' ต้องเป็นจำนวนเต็ม", f"the count for '{name}' must be a whole number",
                           f"เขียนแบบนี้:  {name}: 12 (ไม่มีให้เขียน 0)", f"write it like this:  {name}: 12 (0 if none)")
            continue
        counted = _integer(number, raw, key + (name,), reader)
        if counted is not None:
            counts[name] = counted
    return counts


_SCALARS = {
    "text": _text, "longtext": _text, "int": _integer, "money": _amount, "decimal": _amount,
    "date": _calendar, "month": _calendar, "year": _calendar, "url": _url, "email": _email,
    "phone": _phone, "bool": _boolean, "choice": _choice,
    "file": attachment_field, "image": attachment_field,
}

