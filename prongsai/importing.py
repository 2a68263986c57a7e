"""Importing a clerk's Excel or CSV sheet as the YAML of a content kind.

Owns finding a table's header row by its column names, the columns each kind
takes (procurement from the NACC O12 template or the แบบ สขร.1 form,
complaint_statistics from the O19 table, service_statistics with one column per
service), which month each row belongs to, and writing the kind's YAML. Every
bad cell is a Problem at `<file> [<sheet>]:row:column` in spreadsheet terms
(แถว 7 คอลัมน์ I); with any error no YAML is returned, so nothing half-imported
is written. The YAML is parsed and checked against its kind before it is
returned. Reading the sheet and its cells is cells.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import thai, yamlio
from .cells import READERS, Cell, CellError, as_text, contract, month_in, read_table, vendor_price, yaml_scalar
from .fields import Reader, check_record
from .problems import WARNING, Problem, errors_in
from .schema import Field, Kind, load_model
from .sheets import NO_PROCUREMENT

__all__ = ["Cell", "read_table", "import_procurement", "import_complaints", "import_service_statistics"]

#: Header names as compared (no spaces, lower case, no "(บาท)") and the field each column fills; the first
#: name found in a header wins. "" is a known column with no field (the NACC template's agency columns).
PROCUREMENT_HEADERS = (
    ("ที่", ""), ("ลำดับ", ""), ("ปีงบประมาณ", ""), ("ชื่อหน่วยงาน", ""), ("อำเภอ", ""), ("จังหวัด", ""), ("กระทรวง", ""),
    ("ประเภทหน่วยงาน", ""), ("รายชื่อผู้เสนอราคา", ""), ("หมายเหตุ", ""), ("รายชื่อผู้ประกอบการ", "vendor"),
    ("ผู้ได้รับการคัดเลือก", "vendor+price"), ("ชื่อรายการ", "name"), ("งานที่จัดซื้อ", "name"), ("รายการ", "name"),
    ("วงเงิน", "budget"), ("แหล่งที่มา", "source"), ("สถานะ", "status"), ("วิธี", "method"), ("ราคากลาง", "median_price"),
    ("ราคาที่ตกลง", "agreed_price"), ("เลขที่โครงการ", "egp_no"), ("e-gp", "egp_no"), ("เลขที่และวันที่", "contract"),
    ("เลขที่สัญญา", "contract_no"), ("วันที่สัญญา", "contract_date"), ("วันที่ลงนาม", "contract_date"),
    ("เหตุผล", "reason"), ("เดือน", "month"),
)
COMPLAINT_HEADERS = (
    ("ที่", ""), ("ลำดับ", ""), ("แล้วเสร็จ", "finished"), ("ระหว่าง", "in_progress"), ("ทั้งหมด", "received"),
    ("จำนวนเรื่อง", "received"), ("ช่วงเวลา", "month"), ("เดือน", "month"), ("หมายเหตุ", "note"),
)
SERVICE_HEADERS = (
    ("ช่วงเวลา", "month"), ("เดือน", "month"), ("ที่", ""), ("ลำดับ", ""), ("รวม", ""), ("รวมทั้ง", ""), ("ยอดรวม", ""),
    ("หมายเหตุ", ""),
)
#: Columns of the แบบ สขร.1 that fill two fields each, and their readers.
SPLIT_COLUMNS = {"vendor+price": ("vendor", "agreed_price"), "contract": ("contract_no", "contract_date")}
SPLIT = {"vendor+price": vendor_price, "contract": contract}
#: A second header row under a merged header cell (แบบ สขร.1): its names under each first-row field.
SUB_HEADERS = {
    "contract": (("เลขที่", "contract_no"), ("วันที่", "contract_date")),
    "vendor+price": (("ชื่อ", "vendor"), ("ราคา", "agreed_price")), "": (("ชื่อ", ""), ("ราคา", "")),
}
#: Rows below the table that are not data: totals, notes, signatures.
NOT_DATA = ("รวม", "หมายเหตุ", "ลงชื่อ")


@dataclass
class _Sheet:
    """One table being imported: its name as shown, its header row and texts, and the problems found."""

    path: str
    header_row: int
    headers: dict
    problems: list

    def bad(self, row: int, column: int, bad: CellError) -> None:
        th, en, hint_th, hint_en = bad.args
        where = f"{get_column_letter(column)} ({self.headers.get(column, '')})"
        self.problems.append(Problem(self.path, row, column, f"แถว {row} คอลัมน์ {where}: {th}",
                                     f"row {row} column {where}: {en}", hint_th, hint_en))


# ---- tables -----------------------------------------------------------------

def _match(text: object, names: tuple) -> str | None:
    key = re.sub(r"\((หน่วย:?)?บาท\)", "", re.sub(r"\s+", "", thai.to_arabic_digits(str(text))).lower())
    return next((field for name, field in names if key == name or (len(name) > 3 and name in key)), None)


def _open(file: Path, sheet: str | None, names: tuple, enough: int) -> tuple[_Sheet, list, dict]:
    """The sheet, its rows and {column: field} of its header: the first row naming `enough` fields (header_row 0: none)."""
    sheet_name, rows, problems = read_table(file, sheet)
    path = f"{file.name} [{sheet_name}]" if sheet_name else file.name
    for cells in rows[:30]:
        columns = {cell.column: _match(cell.value, names) for cell in cells if isinstance(cell.value, str)}
        if len(cells) > 1 and len({field for field in columns.values() if field}) >= enough:
            headers = {cell.column: as_text(cell.value) for cell in cells}
            return _Sheet(path, cells[0].row, headers, problems), rows, columns
    if rows or not problems:
        wanted = ", ".join(dict.fromkeys(name for name, field in names if field))
        problems.append(Problem(path, 0, 0, "ไม่พบแถวหัวตาราง", "no header row found",
                                f"แถวหัวตารางต้องมีคอลัมน์ เช่น {wanted}", f"the header row needs columns such as {wanted}"))
    return _Sheet(path, 0, {}, problems), rows, {}


def _sub_header(rows: list, sheet: _Sheet, columns: dict) -> None:
    """A row of เลขที่ | วันที่ (or ชื่อ | ราคา) under merged header cells splits those columns."""
    below = next((cells for cells in rows if cells[0].row == sheet.header_row + 1), [])
    parents = {cell.column: columns.get(max((c for c in columns if c <= cell.column), default=0)) for cell in below}
    subs = {cell.column: _match(cell.value, SUB_HEADERS.get(parents[cell.column], ())) for cell in below}
    if below and None not in subs.values():
        columns.update(subs)
        sheet.headers.update((cell.column, as_text(cell.value)) for cell in below)
        sheet.header_row += 1


def _check_columns(sheet: _Sheet, columns: dict, fields: dict, needed: list) -> None:
    """A problem for each required field without a column, a warning for each column that is not imported."""
    present = {name for field in columns.values() if field for name in SPLIT_COLUMNS.get(field, (field,))}
    for name in (n for n in needed if n not in present):
        th, en = fields[name].th, fields[name].en
        sheet.problems.append(Problem(sheet.path, sheet.header_row, 1,
                                      f"แถวหัวตาราง (แถว {sheet.header_row}) ไม่มีคอลัมน์ '{th}' ซึ่งต้องมี",
                                      f"the header row (row {sheet.header_row}) has no column '{th}' ({en}), which is required",
                                      f"เพิ่มคอลัมน์ชื่อ {th} แล้วกรอกทุกแถว",
                                      f"add a column headed {th} and fill it in on every row"))
    for column in (c for c, field in columns.items() if field is None):
        where = f"{get_column_letter(column)} ('{sheet.headers[column]}')"
        sheet.problems.append(Problem(sheet.path, sheet.header_row, column, f"คอลัมน์ {where} ไม่ได้นำเข้า",
                                      f"column {where} was not imported", "ถ้าต้องการข้อมูลนี้ ให้แก้หัวคอลัมน์ให้ตรงกับแบบฟอร์ม",
                                      "rename its header to a column of the form if it should be imported", severity=WARNING))


def _data_rows(rows: list, sheet: _Sheet, columns: dict):
    """Each row below the header as {column: Cell}, without one-cell lines, rows that hold nothing but a number and
    a month (a month not yet filled in) and rows labelled as totals, notes or signatures."""
    for cells in (cells for cells in rows if cells[0].row > sheet.header_row):
        nil = any(NO_PROCUREMENT in str(cell.value) for cell in cells)
        data = [cell for cell in cells if columns.get(cell.column) not in ("", "month")] if len(cells) > 1 else []
        label = next((cell.value for cell in cells if columns.get(cell.column) in ("", "month", "name")
                      and isinstance(cell.value, str)), "")
        if nil or (data and not label.startswith(NOT_DATA)):
            yield {cell.column: cell for cell in cells}


def _fill_hint(field: Field) -> tuple[str, str]:
    if field.type == "choice":
        return f"เลือกหนึ่งใน: {', '.join(field.choices.values())}", f"choose one of: {', '.join(field.choices.values())}"
    if field.type == "int":
        return "เขียนจำนวน ถ้าไม่มีให้เขียน 0", "write the count, 0 if none"
    return f"กรอก{field.th}", f"fill in the {field.en}"


def _read_row(cells: dict, columns: dict, fields: dict, needed: list, sheet: _Sheet) -> dict:
    """{field: YAML scalar} of one row; a problem for each bad cell and each empty required one."""
    values, failed, at = {}, set(), {}
    for column, name in ((c, n) for c, n in columns.items() if n):
        at.update((part, column) for part in SPLIT_COLUMNS.get(name, (name,)))
        cell = cells.get(column)
        required = any(fields[part].required for part in SPLIT_COLUMNS.get(name, (name,)))
        if cell is None or (str(cell.value) in ("-", "–") and not required):
            continue
        try:
            field = fields.get(name)
            values.update(SPLIT[name](cell.value) if name in SPLIT else {name: READERS[field.type](field, cell.value)})
        except CellError as bad:
            sheet.bad(cell.row, column, bad)
            failed.update(SPLIT_COLUMNS.get(name, (name,)))
    row = next(iter(cells.values())).row
    for name in (n for n in needed if n not in values and n not in failed and n in at):
        sheet.bad(row, at[name], CellError("ช่องนี้ว่าง ต้องกรอก", "empty, but it must be filled in", *_fill_hint(fields[name])))
    return values


def _given_month(month: str | None, sheet: _Sheet) -> str | None:
    try:
        return thai.parse_be_month(month).iso if month else None
    except thai.DateError:
        sheet.problems.append(Problem(sheet.path, 0, 0, f"เดือนที่ระบุ '{month}' ไม่ถูกต้อง",
                                      f"the month given, '{month}', is not a BE month",
                                      "เขียนแบบ 2567-10", "write it like 2567-10"))
        return None


def _title_month(rows: list, sheet: _Sheet) -> str | None:
    """The month in a title above the header, e.g. 'สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567'."""
    for cell in (cell for cells in rows for cell in cells if cell.row < sheet.header_row and isinstance(cell.value, str)):
        try:
            found = month_in(cell.value, whole=False)
        except CellError:
            found = None
        if found:
            return found
    return None


def _finish(lines: list[str], sheet: _Sheet, kind: Kind, entries: int) -> tuple[str | None, list[Problem]]:
    """The YAML text, or None when any problem is an error; the text is checked against its kind first."""
    if not entries and not errors_in(sheet.problems):
        sheet.problems.append(Problem(sheet.path, sheet.header_row, 1, f"ไม่มีข้อมูลใต้แถวหัวตาราง (แถว {sheet.header_row})",
                                      f"there is no data below the header row (row {sheet.header_row})",
                                      "กรอกข้อมูลตั้งแต่แถวถัดจากหัวตาราง", "fill in the rows below the header"))
    sheet.problems.sort(key=lambda problem: (problem.line, problem.column))
    if errors_in(sheet.problems):
        return None, sheet.problems
    text = f"# นำเข้าจาก {sheet.path}\n" + "\n".join(lines) + "\n"
    doc, found = yamlio.parse(text, f"{sheet.path} (YAML)")
    if doc is not None:
        check_record(kind.record, doc.data, (), Reader(doc, Path("."), Path("."), str, found))
    return (None if errors_in(found) else text), sheet.problems + found


def _item(pairs: list[tuple[str, str]], indent: int) -> list[str]:
    """One YAML list entry: '- key: value', then the other keys under it."""
    return [" " * indent + ("- " if i == 0 else "  ") + f"{key}: {value}" for i, (key, value) in enumerate(pairs)]


# ---- the kinds --------------------------------------------------------------

def import_procurement(file: Path, month: str | None = None, sheet: str | None = None) -> tuple[str | None, list[Problem]]:
    """The procurement kind's YAML from the NACC O12 template or a แบบ สขร.1 sheet; (None, problems) on any error.

    A row's month is its เดือน column; else, on the O12 template, its contract date's month, then `month`
    (BE "2567-10"); on the สขร.1 form, `month`, then the month in a title above the header
    ("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567").
    """
    kind = load_model().kinds["procurement"]
    entry = kind.record.sub("months").item
    fields = {field.name: field for field in entry.sub("rows").item.fields} | {"month": entry.sub("month")}
    table, rows, columns = _open(file, sheet, PROCUREMENT_HEADERS, 3)
    if not table.header_row:
        return None, table.problems
    needed = [field.name for field in entry.sub("rows").item.fields if field.required]
    sorkhor = bool(set(SPLIT_COLUMNS) & set(columns.values()))
    _sub_header(rows, table, columns)
    data = [(cells, any(NO_PROCUREMENT in str(cell.value) for cell in cells.values()))
            for cells in _data_rows(rows, table, columns)]
    _check_columns(table, columns, fields, needed if not all(nil for _, nil in data) else [])  # a nil sheet needs none
    sheet_month = _given_month(month, table) or (_title_month(rows, table) if sorkhor else None)
    months = _by_month(data, table, columns, fields, needed, sheet_month, by_date=not sorkhor)
    lines = ["months:"]
    for key in sorted(months):
        lines += [f"  - month: {key}"] + (["    rows:"] if months[key] else ["    no_procurement: true"])
        lines += [line for row in months[key] for line in _item(row, 6)]
    return _finish(lines, table, kind, len(months))


def _by_month(data: list, sheet: _Sheet, columns: dict, fields: dict, needed: list, sheet_month: str | None,
              by_date: bool) -> dict[str, list]:
    """Each month's rows as (field, YAML scalar) pairs; no rows for a month that says it had no procurement."""
    months: dict[str, list] = {}
    month_only = {column: name for column, name in columns.items() if name == "month"}
    for cells, nil in data:
        values = _read_row(cells, month_only if nil else columns, fields, [] if nil else needed, sheet)
        row_month = values.pop("month", None) or (values.get("contract_date", "")[:7] if by_date else None) or sheet_month
        if row_month:
            months.setdefault(row_month, []).extend([] if nil else [[(f, values[f]) for f in fields if f in values]])
        elif not any(columns.get(column) == "month" for column in cells):  # a bad month cell has its own problem
            _no_month(sheet, next(iter(cells.values())).row)
    return months


def _no_month(sheet: _Sheet, row: int) -> None:
    sheet.problems.append(Problem(sheet.path, row, 1, f"แถว {row}: ไม่รู้ว่ารายการนี้เป็นของเดือนใด",
                                  f"row {row}: no month for this item",
                                  "เพิ่มคอลัมน์ เดือน (เช่น ตุลาคม 2567) หรือกรอกวันที่สัญญา หรือเขียนเดือนในหัวกระดาษ เช่น "
                                  "ประจำเดือน ตุลาคม 2567", "add a เดือน column or a contract date, or a title such as "
                                  "ประจำเดือน ตุลาคม 2567, or give the month when importing"))


def import_complaints(file: Path, sheet: str | None = None) -> tuple[str | None, list[Problem]]:
    """The complaint_statistics kind's months from the O19 table (เดือน, ทั้งหมด, แล้วเสร็จ, ระหว่างดำเนินการ, หมายเหตุ)."""
    kind = load_model().kinds["complaint_statistics"]
    fields = {field.name: field for field in kind.record.sub("months").item.fields}
    table, rows, columns = _open(file, sheet, COMPLAINT_HEADERS, 3)
    if not table.header_row:
        return None, table.problems
    needed = [name for name, field in fields.items() if field.required]
    _check_columns(table, columns, fields, needed)
    months: dict[str, list] = {}
    for cells in _data_rows(rows, table, columns):
        values = _read_row(cells, columns, fields, needed, table)
        if _new_month(values.get("month"), months, cells, columns, table):
            months[values["month"]] = [(name, values[name]) for name in fields if name in values]
    lines = ["months:"] + [line for key in sorted(months) for line in _item(months[key], 2)]
    return _finish(lines, table, kind, len(months))


def _new_month(month: str | None, months: dict, cells: dict, columns: dict, sheet: _Sheet) -> bool:
    """Whether a row's month was read and is not a month an earlier row already has (a problem when it is)."""
    if month is not None and month in months:
        column = next(c for c, name in columns.items() if name == "month")
        sheet.bad(cells[column].row, column, CellError(
            f"เดือน {month} ซ้ำกับแถวก่อนหน้า", f"the month {month} is already in an earlier row",
            "รวมเป็นแถวเดียว หรือแก้เดือนให้ถูก", "merge the two rows or correct the month"))
    return month is not None and month not in months


def import_service_statistics(file: Path, sheet: str | None = None) -> tuple[str | None, list[Problem]]:
    """The service_statistics kind from a table with a เดือน column and one column of counts per service."""
    kind = load_model().kinds["service_statistics"]
    entry = kind.record.sub("months").item
    table, rows, columns = _open(file, sheet, SERVICE_HEADERS, 1)
    if not table.header_row:
        return None, table.problems
    services = _services(table, columns)
    counts = {column: Field(name, "int", th=name, en=name, required=True) for column, name in services.items()}
    fields = {"month": entry.sub("month")} | counts
    month_column = min(c for c, name in columns.items() if name == "month")
    columns = {c: "month" if c == month_column else c if c in services else "" for c in columns}
    months: dict[str, list] = {}
    for cells in _data_rows(rows, table, columns):
        values = _read_row(cells, columns, fields, list(fields), table)
        if _new_month(values.get("month"), months, cells, columns, table):
            months[values["month"]] = [(yaml_scalar(services[c]), values[c]) for c in services if c in values]
    lines = ["services:"] + [f"  - {yaml_scalar(name)}" for name in services.values()] + ["months:"]
    for key in sorted(months):
        lines += [f"  - month: {key}", "    counts:"] + [f"      {name}: {count}" for name, count in months[key]]
    return _finish(lines, table, kind, len(months))


def _services(sheet: _Sheet, columns: dict) -> dict[int, str]:
    """{column: service name}: every header but the first month column and the known ones; each name once."""
    month_column = min(c for c, name in columns.items() if name == "month")
    services = {c: sheet.headers[c] for c, name in columns.items() if name is None or (name == "month" and c != month_column)}
    for column, name in services.items():
        if list(services.values()).index(name) != list(services).index(column):
            sheet.bad(sheet.header_row, column, CellError(f"ชื่องานบริการ '{name}' ซ้ำ", f"the service '{name}' appears twice",
                                                          "ตั้งชื่อหัวคอลัมน์ให้ไม่ซ้ำกัน", "give each column its own name"))
    if not services:
        sheet.problems.append(Problem(sheet.path, sheet.header_row, 1, "ไม่พบคอลัมน์งานบริการในแถวหัวตาราง",
                                      "the header row has no service columns",
                                      "เพิ่มคอลัมน์ละหนึ่งงานบริการ หัวคอลัมน์เป็นชื่องานบริการ",
                                      "add one column per service, headed with the service's name"))
    return services
