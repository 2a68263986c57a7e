"""Reading a clerk's spreadsheet: one sheet's cells, and each cell as the YAML text of a field.

Owns opening a workbook (.xlsx through openpyxl, read-only, cached values) or a
CSV file (UTF-8 with or without BOM, else Thai Windows cp874 with a warning),
and reading one cell the way a Thai clerk types it: Buddhist-era months and
dates ("ตุลาคม 2567", "ต.ค. 67", "8/10/2567", Excel dates), money with commas
and "บาท", Thai digits, a choice by key or Thai label. Each reader returns the
value as a YAML scalar or raises CellError with the Thai and English message
and what to type; where the cell is (row, column, header) is the caller's.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from . import thai
from .problems import WARNING, Problem
from .schema import Field


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its 1-based row and column and its value (str, int, float, datetime...)."""

    row: int
    column: int
    value: object

    @property
    def letter(self) -> str:
        return get_column_letter(self.column)


class CellError(ValueError):
    """A cell that cannot be read; args are (th, en, hint_th, hint_en)."""


def read_table(file: Path, sheet: str | None = None) -> tuple[str, list[list[Cell]], list[Problem]]:
    """The sheet's name ("" for CSV), its rows of non-empty cells (empty rows left out), and problems reading it."""
    suffix = file.suffix.lower()
    if suffix == ".csv":
        return _read_csv(file)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(file, sheet)
    return "", [], [Problem(file.name, 0, 0, f"นำเข้าไฟล์ชนิด '{suffix}' ไม่ได้", f"cannot import a '{suffix}' file",
                            "ใน Excel เลือก บันทึกเป็น (Save As) → สมุดงาน Excel (.xlsx) หรือ CSV UTF-8",
                            "in Excel, Save As an Excel Workbook (.xlsx) or CSV UTF-8")]


def _rows(lines) -> list[list[Cell]]:
    rows = []
    for number, line in enumerate(lines, start=1):
        cells = [Cell(number, column, value.strip() if isinstance(value, str) else value)
                 for column, value in enumerate(line, start=1) if value is not None and str(value).strip()]
        rows += [cells] if cells else []
    return rows


def _read_xlsx(file: Path, sheet: str | None) -> tuple[str, list[list[Cell]], list[Problem]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not need
            book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as error:
        return "", [], [Problem(file.name, 0, 0, "เปิดไฟล์ Excel นี้ไม่ได้", f"cannot open this Excel file ({error})",
                                "เปิดไฟล์ใน Excel แล้วบันทึกเป็น .xlsx อีกครั้ง", "open it in Excel and save it again as .xlsx")]
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            return sheet, [], [Problem(file.name, 0, 0, f"ไม่มีแผ่นงานชื่อ '{sheet}'", f"there is no sheet named '{sheet}'",
                                       f"แผ่นงานที่มี: {names}", f"the sheets are: {names}")]
        chosen = book[sheet] if sheet is not None else (book.active or book.worksheets[0])
        return chosen.title, _rows(chosen.iter_rows(values_only=True)), []
    finally:
        book.close()


def _read_csv(file: Path) -> tuple[str, list[list[Cell]], list[Problem]]:
    raw, problems = file.read_bytes(), []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp874")
        except UnicodeDecodeError:
            return "", [], [Problem(file.name, 0, 0, "อ่านภาษาไทยในไฟล์ CSV นี้ไม่ได้ (ไม่ใช่ทั้ง UTF-8 และ cp874)",
                                    "cannot read the Thai in this CSV file: it is neither UTF-8 nor cp874",
                                    "ใน Excel เลือก บันทึกเป็น → CSV UTF-8 (Comma delimited)",
                                    "in Excel, Save As 'CSV UTF-8 (Comma delimited)'")]
        problems.append(Problem(file.name, 0, 0, "ไฟล์ CSV นี้ไม่ได้บันทึกเป็น UTF-8 จึงอ่านเป็นภาษาไทยแบบ Windows (cp874)",
                                "this CSV file is not UTF-8, so it was read as Thai Windows text (cp874)",
                                "ตรวจภาษาไทยในผลลัพธ์ ครั้งหน้าใน Excel เลือก บันทึกเป็น → CSV UTF-8 (Comma delimited)",
                                "check the Thai in the result; next time Save As 'CSV UTF-8 (Comma delimited)' in Excel",
                                severity=WARNING))
    return "", _rows(csv.reader(io.StringIO(text, newline=""))), problems


def as_text(value: object) -> str:
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return " ".join(text.split())


def yaml_scalar(text: str) -> str:
    """Text as a YAML scalar: plain when that is safe, else double-quoted; number-like codes are always quoted."""
    plain = (text == text.strip() and text.lower() not in ("", "~", "null", "true", "false", "yes", "no", "on", "off")
             and not re.match(r"[-?:,\[\]{}#&*!|>'\"%@`]", text) and ": " not in text and " #" not in text
             and not text.endswith(":") and not re.search(r"[\x00-\x1f\x7f]", text)
             and not re.fullmatch(r"[\d\s+\-/.,()]+", text))
    return text if plain else json.dumps(text, ensure_ascii=False)


def _text(field: Field, value: object) -> str:
    text = as_text(value)
    return yaml_scalar(thai.to_arabic_digits(text) if re.fullmatch(r"[\d๐-๙\s\-/.,]+", text) else text)


def _number(value: object, noise: str) -> Decimal | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(repr(value))
        return round(number, 2) if abs(number - round(number, 2)) < Decimal("0.000001") else number
    try:
        number = Decimal(re.sub(noise, "", thai.to_arabic_digits(str(value))))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _money(field: Field | None, value: object) -> str:
    number = _number(value, r"บาท|,|\s|\.-")
    if number is None or number < 0:
        raise CellError(f"'{value}' ไม่ใช่ตัวเลข", f"'{value}' is not a number",
                        "เขียนจำนวนเงินเป็นตัวเลข เช่น 125000 หรือ 1,234.50",
                        "write the amount in digits, e.g. 125000 or 1,234.50")
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:.2f}" if number.as_tuple().exponent >= -2 else str(number)


def _count(field: Field, value: object) -> str:
    number = Decimal(0) if str(value).strip() in ("-", "–") else _number(value, r",|\s")
    if number is None or number < 0 or number != number.to_integral_value():
        raise CellError(f"'{value}' ไม่ใช่จำนวนเต็ม", f"'{value}' is not a whole number",
                        "เขียนจำนวนเป็นตัวเลข เช่น 12 (ถ้าไม่มีให้เขียน 0)", "write the count in digits, e.g. 12 (0 if none)")
    return str(int(number))


def _choice_key(text: object) -> str:
    return re.sub(r"^วิธี(การ)?", "", re.sub(r"[\s_\-]", "", str(text).lower()))


def _choice(field: Field, value: object) -> str:
    for key, label in field.choices.items():
        forms = {key, label, re.sub(r"\(.*?\)", "", label), *re.findall(r"\((.*?)\)", label)}
        if _choice_key(value) in {_choice_key(form) for form in forms}:
            return key
    labels = ", ".join(field.choices.values())
    close = difflib.get_close_matches(str(value), list(field.choices.values()) + list(field.choices), n=1, cutoff=0.6)
    near = field.choices.get(close[0], close[0]) if close else ""
    raise CellError(f"'{value}' ไม่ใช่ตัวเลือกที่มี", f"'{value}' is not one of the choices",
                    (f"หมายถึง '{near}' ใช่ไหม; " if near else "") + f"ตัวเลือกที่ใช้ได้: {labels}",
                    (f"did you mean '{near}'? " if near else "") + f"the choices are: {labels} (or {', '.join(field.choices)})")


def _month_names() -> list[tuple[int, str]]:
    """(month number, pattern) of the full Thai month names, then of the abbreviations with or without dots."""
    full = list(enumerate(thai.MONTHS, start=1))
    short = [(n, r"\.?\s*".join(map(re.escape, abbr.rstrip(".").split("."))) + r"\.?")
             for n, abbr in enumerate(thai.MONTHS_ABBR, start=1)]
    return full + short


def _be_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        return 2500 + year
    if year < thai.BE_YEAR_MIN:
        raise CellError(f"ปี {year} เป็นปี ค.ศ.", f"{year} is a Christian-era year",
                        f"เขียนปี พ.ศ. (ค.ศ. + 543) คือ {year + thai.BE_OFFSET}",
                        f"write the BE year (CE + 543): {year + thai.BE_OFFSET}")
    return year


def month_in(text: str, whole: bool) -> str | None:
    """The BE month ("2567-10") in 'ตุลาคม 2567', 'ต.ค. 67', 'ประจำเดือน ต.ค.2567'; the text must be only that when whole."""
    text = thai.to_arabic_digits(text).strip()
    for number, name in _month_names():
        pattern = rf"(?:ประจำ)?(?:เดือน)?\s*(?:{name})[\s\-/]*(?:พ\.?\s*ศ\.?)?\s*(\d{{4}}|\d{{2}})(?!\d)"
        match = re.fullmatch(pattern, text) if whole else re.search(pattern, text)
        if match:
            return f"{_be_year(match.group(1))}-{number:02d}"
    return None


def _as_day(value: object) -> tuple[int, int, int] | None:
    """(BE year, month, day) of an Excel date; a year already past 2400 was typed in BE and is kept."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        value = from_excel(value)
    if isinstance(value, date):
        return (value.year if value.year >= thai.BE_YEAR_MIN else value.year + thai.BE_OFFSET, value.month, value.day)
    return None


def _month(field: Field, value: object) -> str:
    day = _as_day(value)
    if day:
        return f"{day[0]}-{day[1]:02d}"
    text = thai.to_arabic_digits(str(value)).strip()
    iso, slashed = re.fullmatch(r"(\d{4})-(\d{1,2})", text), re.fullmatch(r"(\d{1,2})\s*/\s*(\d{4})", text)
    year, month = (iso[1], iso[2]) if iso else (slashed[2], slashed[1]) if slashed else (None, None)
    found = f"{_be_year(year)}-{int(month):02d}" if year else month_in(text, whole=True)
    if found is None or not 1 <= int(found[5:]) <= 12:
        raise CellError(f"อ่านเดือน '{value}' ไม่ได้", f"cannot read the month '{value}'",
                        "เขียนเดือนและปี พ.ศ. เช่น ตุลาคม 2567, ต.ค. 67 หรือ 2567-10",
                        "write the month and the BE year, e.g. ตุลาคม 2567, ต.ค. 67 or 2567-10")
    return found


def _date_in(text: str, whole: bool) -> tuple[str, tuple[int, int]] | None:
    """The BE date ("2567-10-08") in '8 ต.ค. 2567', '8/10/67', '2567-10-08', and where it was found in text."""
    text = thai.to_arabic_digits(text).strip()
    patterns = [(r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"), (r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})", "dmy")]
    patterns += [(rf"(\d{{1,2}})\s*(?:{name})\s*(?:พ\.?\s*ศ\.?)?\s*(\d{{4}}|\d{{2}})", n) for n, name in _month_names()]
    for pattern, order in patterns:
        pattern = rf"(?<!\d){pattern}(?!\d)"
        match = re.fullmatch(rf"(?:ลง)?(?:วันที่)?\s*{pattern}", text) if whole else re.search(pattern, text)
        if match:
            parts = match.groups()
            year, month, day = parts if order == "ymd" else parts[::-1] if order == "dmy" else (parts[1], order, parts[0])
            return _real_day(_be_year(year), int(month), int(day), text), match.span()
    return None


def _real_day(year: int, month: int, day: int, text: str) -> str:
    try:
        date(year - thai.BE_OFFSET, month, day)
    except ValueError:
        raise CellError(f"ไม่มีวันที่ '{text}' ในปฏิทิน", f"'{text}' is not a real date", "ตรวจวันที่และเดือนอีกครั้ง",
                        "check the day and the month") from None
    return f"{year}-{month:02d}-{day:02d}"


def _date(field: Field, value: object) -> str:
    day = _as_day(value)
    if day:
        return _real_day(*day, str(value))
    found = _date_in(str(value), whole=True)
    if found is None:
        raise CellError(f"อ่านวันที่ '{value}' ไม่ได้", f"cannot read the date '{value}'",
                        "เขียนวัน เดือน ปี พ.ศ. เช่น 8 ต.ค. 2567, 8/10/2567 หรือ 2567-10-08",
                        "write day, month and BE year, e.g. 8 ต.ค. 2567, 8/10/2567 or 2567-10-08")
    return found[0]


def vendor_price(value: object) -> dict:
    """'ร้าน ก / 14,380.00 บาท' or 'ร้าน ก ราคา 14,380.- บาท' (แบบ สขร.1): the vendor and the agreed price."""
    text = as_text(value)
    match = re.search(r"([\d๐-๙][\d๐-๙,]*(?:\.[\d๐-๙]+)?)\s*(?:\.-)?\s*(?:บาท)?\s*\)?$", text)
    vendor = re.sub(r"(\s|/|,|:|\(|-|ราคา|เป็นเงิน|จำนวนเงิน)+$", "", text[: match.start()]) if match else ""
    if not vendor:
        raise CellError(f"ไม่พบทั้งชื่อผู้ได้รับการคัดเลือกและราคาใน '{value}'",
                        f"'{value}' does not hold both the vendor and the price",
                        "เขียนชื่อแล้วตามด้วยราคา เช่น ร้านดงเมืองพาณิชย์ / 14,380.00 บาท",
                        "write the name, then the price: ร้านดงเมืองพาณิชย์ / 14,380.00 บาท")
    return {"vendor": yaml_scalar(vendor), "agreed_price": _money(None, match.group(1))}


def contract(value: object) -> dict:
    """'ใบสั่งซื้อ เลขที่ 1/2568 ลงวันที่ 8 ตุลาคม 2567' (แบบ สขร.1): the contract number and its date."""
    if isinstance(value, date):  # a column of dates under a merged "number and date" header
        return {"contract_date": _date(None, value)}
    text = as_text(value)
    found = _date_in(text, whole=False)
    if found is None:
        return {"contract_no": _text(None, text)}
    (start, end), rest = found[1], {"contract_date": found[0]}
    before = re.sub(r"(\s|,|\(|ลงวันที่|ลว\.?|วันที่)+$", "", text[:start])
    after = re.sub(r"^[\s,)]+", "", text[end:])
    number = f"{before} {after}".strip()
    return {"contract_no": _text(None, number), **rest} if number else rest


#: The reader of each field type.
READERS = {"text": _text, "longtext": _text, "money": _money, "int": _count, "month": _month, "date": _date, "choice": _choice}
