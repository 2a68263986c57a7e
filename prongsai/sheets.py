"""The O12 procurement table as files published beside its page: XLSX and CSV.

Owns the NACC 16-column O12 sheet (XLSX with a monthly summary sheet, and CSV),
the monthly แบบ สขร.1 sheet, and the file names they are published under.
Pure functions of the validated item values, the site settings and the fiscal
year; they return bytes and read or write no file. The same input gives the
same bytes: workbook dates come from the fiscal year and the zip is rewritten
with fixed entry times. Numbers are written in Arabic digits whatever the
site's `digits` setting, so that the files stay machine-readable. Every text
is a text cell (never a formula, whatever it begins with) and the CSV's text
cells are written with opendata.spreadsheet_text.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from . import thai
from .opendata import spreadsheet_text

#: The NACC O12 template's columns, in order, with their widths in the XLSX.
O12_COLUMNS = (
    ("ที่", 6), ("ปีงบประมาณ", 11), ("ชื่อหน่วยงาน", 32), ("อำเภอ", 14), ("จังหวัด", 14), ("กระทรวง", 16),
    ("ประเภทหน่วยงาน", 24), ("ชื่อรายการของงานที่ซื้อหรือจ้าง", 60), ("วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", 18),
    ("แหล่งที่มาของงบประมาณ", 36), ("สถานะการจัดซื้อจัดจ้าง", 20), ("วิธีการจัดซื้อจัดจ้าง", 28),
    ("ราคากลาง (บาท)", 16), ("ราคาที่ตกลงซื้อหรือจ้าง (บาท)", 18), ("รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", 34),
    ("เลขที่โครงการในระบบ e-GP", 18),
)
O12_TITLE = "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"
O12_HEADERS = tuple(name for name, _ in O12_COLUMNS)
#: 0-based positions of the money columns and of the e-GP number in an O12 row.
O12_MONEY = (8, 12, 13)
O12_EGP = 15

SORKHOR_COLUMNS = (
    ("ลำดับที่", 8), ("งานที่จัดซื้อหรือจัดจ้าง", 48), ("วงเงินที่จะซื้อหรือจ้าง (บาท)", 18), ("ราคากลาง (บาท)", 16),
    ("วิธีซื้อหรือจ้าง", 24), ("รายชื่อผู้เสนอราคาและราคาที่เสนอ", 36),
    ("ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", 36), ("เหตุผลที่คัดเลือกโดยสรุป", 44),
    ("เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง", 36),
)
SORKHOR_MONEY = (2, 3)
SUMMARY_COLUMNS = (("เดือน", 20), ("จำนวนรายการ", 14), ("ราคาที่ตกลงซื้อหรือจ้างรวม (บาท)", 24), ("หมายเหตุ", 26))

#: Agency kinds that the NACC template calls องค์กรปกครองส่วนท้องถิ่น.
LOCAL_GOVERNMENT_KINDS = ("sao", "subdistrict_municipality", "town_municipality", "city_municipality", "pao")
LOCAL_GOVERNMENT = "องค์กรปกครองส่วนท้องถิ่น"
NO_PROCUREMENT = "ไม่มีการจัดซื้อจัดจ้าง"
MONEY_FORMAT = "#,##0.00"
#: Fixed time stamp of every zip entry (the earliest a zip can hold).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ---- values ---------------------------------------------------------------

def agency_type(settings: dict) -> str:
    """ประเภทหน่วยงาน as the template writes it: local governments share one label."""
    kind = settings.get("agency_kind")
    key = getattr(kind, "key", kind)
    return LOCAL_GOVERNMENT if key in LOCAL_GOVERNMENT_KINDS else str(kind or "-")


def money_value(value: Decimal | int | None) -> int | float | str:
    """A money amount as a spreadsheet number: int when whole, else float; "-" when missing."""
    if value is None:
        return "-"
    amount = Decimal(value)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _text(value: object) -> str:
    """A text cell: the Choice label or the text itself, "-" for nothing."""
    return "-" if value is None or value == "" else str(value)


def _baht(value: Decimal | int | None) -> str:
    return "-" if value is None else f"{thai.format_number(Decimal(value), places=2)} บาท"


def months_in_order(values: dict) -> list[dict]:
    """The item's months, earliest first."""
    return sorted(values.get("months") or [], key=lambda entry: entry["month"])


def month_rows(entry: dict) -> list[dict]:
    """A month's procurement rows; none when the month says there was no procurement."""
    return [] if entry.get("no_procurement") else list(entry.get("rows") or [])


# ---- the NACC O12 table ---------------------------------------------------

def procurement_rows(values: dict, settings: dict, fiscal_year: int) -> list[list]:
    """The NACC 16 columns, one row per procurement row of every month, numbered 1.. across the year."""
    agency = [_text(settings.get(key)) for key in ("name_th", "district", "province", "ministry")]
    rows = [row for entry in months_in_order(values) for row in month_rows(entry)]
    return [
        [number, fiscal_year, *agency, agency_type(settings), _text(row.get("name")), money_value(row.get("budget")),
         _text(row.get("source")), _text(row.get("status")), _text(row.get("method")),
         money_value(row.get("median_price")), money_value(row.get("agreed_price")), _text(row.get("vendor")),
         _text(row.get("egp_no"))]
        for number, row in enumerate(rows, start=1)
    ]


def monthly_summary(values: dict) -> list[list]:
    """Every month in the content: name, number of rows, total agreed price, and a note."""
    lines = []
    for entry in months_in_order(values):
        rows = month_rows(entry)
        total = sum((Decimal(row.get("agreed_price") or 0) for row in rows), Decimal(0))
        note = "-" if rows else NO_PROCUREMENT
        lines.append([thai.format_month(entry["month"]), len(rows), money_value(total), note])
    return lines


def procurement_csv(values: dict, settings: dict, fiscal_year: int) -> bytes:
    """The 16 columns as CSV: UTF-8 with a byte-order mark and CRLF, so Excel on Thai Windows reads the Thai."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(O12_HEADERS)
    for row in procurement_rows(values, settings, fiscal_year):
        writer.writerow([_csv_money(cell) if i in O12_MONEY else spreadsheet_text(cell) for i, cell in enumerate(row)])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_money(cell: object) -> str:
    return f"{Decimal(str(cell)):.2f}" if isinstance(cell, (int, float)) else str(cell)


def procurement_xlsx(values: dict, settings: dict, fiscal_year: int, sheet_title: str = "O12") -> bytes:
    """The procurement workbook: a sheet named after the item (O12 in 2568, O11 in 2569) holding the NACC
    template, and sheet "สรุปรายเดือน" (each month's count and total)."""
    workbook = new_workbook(f"{O12_TITLE} ปีงบประมาณ พ.ศ. {fiscal_year}", settings, fiscal_year)
    sheet = workbook.active
    sheet.title = sheet_title
    write_table(sheet, 1, O12_COLUMNS, procurement_rows(values, settings, fiscal_year), O12_MONEY)
    for cell in sheet.iter_rows(min_row=2, min_col=O12_EGP + 1, max_col=O12_EGP + 1):
        cell[0].number_format = "@"
    sheet.freeze_panes = "A2"
    summary = workbook.create_sheet("สรุปรายเดือน")
    write_table(summary, 1, SUMMARY_COLUMNS, monthly_summary(values), (2,))
    return workbook_bytes(workbook)


# ---- แบบ สขร.1 -------------------------------------------------------------

def find_month(values: dict, month: thai.Month) -> dict:
    """The content's entry for one month; ValueError when the content does not have it."""
    for entry in values.get("months") or []:
        if entry["month"] == month:
            return entry
    raise ValueError(f"month {month.iso} is not in the procurement content")


def _contract(row: dict) -> str:
    number, day = row.get("contract_no"), row.get("contract_date")
    parts = [number] if number else []
    if isinstance(day, date):
        parts.append(f"ลงวันที่ {thai.format_date(day)}")
    return " ".join(parts) or "-"


def sorkhor_rows(values: dict, month: thai.Month) -> list[list]:
    """The สขร.1 columns for one month; a month without procurement is one row that says so."""
    rows = month_rows(find_month(values, month))
    if not rows:
        return [[1, f"{NO_PROCUREMENT}ในเดือนนี้", "-", "-", "-", "-", "-", "-", "-"]]
    return [
        [number, _text(row.get("name")), money_value(row.get("budget")), money_value(row.get("median_price")),
         _text(row.get("method")), f"{_text(row.get('vendor'))} / {_baht(row.get('agreed_price'))}",
         f"{_text(row.get('vendor'))} / {_baht(row.get('agreed_price'))}", _text(row.get("reason")), _contract(row)]
        for number, row in enumerate(rows, start=1)
    ]


def sorkhor_title(month: thai.Month) -> str:
    """สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567"""
    return f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {thai.format_month(month)}"


def sorkhor_xlsx(values: dict, settings: dict, fiscal_year: int, month: thai.Month) -> bytes:
    """One month's แบบ สขร.1: the form name, the title with month and BE year, the agency, then the table."""
    workbook = new_workbook(f"แบบ สขร.1 {sorkhor_title(month)}", settings, fiscal_year)
    sheet = workbook.active
    sheet.title = f"สขร.1 {month.iso}"
    last = get_column_letter(len(SORKHOR_COLUMNS))
    heading = ("แบบ สขร.1", sorkhor_title(month), _text(settings.get("name_th")))
    for line, text in enumerate(heading, start=1):
        put(sheet, line, 1, text).font = Font(bold=True, size=14 if line == 2 else 12)
        sheet.cell(row=line, column=1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(f"A{line}:{last}{line}")
    write_table(sheet, 5, SORKHOR_COLUMNS, sorkhor_rows(values, month), SORKHOR_MONEY)
    sheet.freeze_panes = "A6"
    return workbook_bytes(workbook)


# ---- the files of one item ------------------------------------------------

def output_files(entry_values: dict, settings: dict, fiscal_year: int, item_slug: str) -> dict[str, bytes]:
    """Every file of one procurement item, keyed by its path beside the item page (ASCII names).

    <slug>-procurement-<FY>.xlsx and .csv, and <slug>-sorkhor-<BE YYYY-MM>.xlsx for each month in the content.
    """
    base = f"{item_slug}-procurement-{fiscal_year}"
    files = {
        f"{base}.xlsx": procurement_xlsx(entry_values, settings, fiscal_year, item_slug.upper()),
        f"{base}.csv": procurement_csv(entry_values, settings, fiscal_year),
    }
    for entry in months_in_order(entry_values):
        month = entry["month"]
        files[f"{item_slug}-sorkhor-{month.iso}.xlsx"] = sorkhor_xlsx(entry_values, settings, fiscal_year, month)
    if not all(name.isascii() for name in files):
        raise ValueError(f"file names must be ASCII: {sorted(files)}")
    return files


# ---- workbooks, deterministically -----------------------------------------

def new_workbook(title: str, settings: dict, fiscal_year: int) -> Workbook:
    """An empty workbook whose document properties depend only on the input."""
    workbook = Workbook()
    stamp = datetime.combine(thai.fiscal_year_start(fiscal_year), datetime.min.time())
    properties = workbook.properties
    properties.created = properties.modified = stamp
    properties.creator = properties.lastModifiedBy = _clean(_text(settings.get("name_th")))
    properties.title = _clean(title)
    return workbook


def _clean(text: str) -> str:
    """Text without the control characters an XLSX cannot hold (openpyxl raises IllegalCharacterError): a space each.
    The content checks refuse them already; a spreadsheet must not be where a stray one stops the build."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", text)


def put(sheet, row: int, column: int, value: object):
    """Write a cell; text is always a text cell, never a formula (openpyxl makes "=..." a formula by itself)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def write_table(sheet, first_row: int, columns: tuple, rows: list[list], money: tuple) -> None:
    """A bold, wrapped header at first_row, the rows below it, column widths, and money formats."""
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="center", horizontal="center")
    for column, (name, width) in enumerate(columns, start=1):
        cell = put(sheet, first_row, column, name)
        cell.font, cell.alignment = bold, wrap
        sheet.column_dimensions[get_column_letter(column)].width = width
    top = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = put(sheet, first_row + offset, column, value)
            cell.alignment = top
            if column - 1 in money and isinstance(value, (int, float)):
                cell.number_format = MONEY_FORMAT


def workbook_bytes(workbook: Workbook) -> bytes:
    """The saved workbook, without openpyxl's save-time clock (save_workbook would stamp `modified`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        # openpyxl opens its (empty) scratch file per sheet in text mode without an encoding; it writes bytes.
        warnings.simplefilter("ignore", EncodingWarning)
        ExcelWriter(workbook, archive).write_data()
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same zip with sorted names, fixed times and attributes: equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return out.getvalue()
