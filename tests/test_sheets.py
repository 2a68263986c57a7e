"""The O12 procurement files (NACC 16-column XLSX and CSV, monthly สขร.1) made from the repository's sample."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from conftest import ROOT
from prongsai import sheets
from prongsai.pipeline import Paths, load_site
from prongsai.thai import Month

FISCAL_YEAR = 2568
HEADERS = [
    "ที่", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการในระบบ e-GP",
]
OCTOBER, JANUARY = Month(2024, 10), Month(2025, 1)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sheets") / "site"
    loaded = load_site(Paths(project=ROOT, content=ROOT / "content", templates=ROOT / "templates", out=out))
    return loaded.site.years[FISCAL_YEAR].items["O12"].values, loaded.site.settings


def _workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _sheet_rows(sheet, first_row: int = 1) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=first_row, values_only=True)]


def _sample_rows(values) -> list[dict]:
    return [row for month in values["months"] if not month["no_procurement"] for row in month["rows"]]


def test_o12_sheet_has_the_16_headers_and_one_full_row_per_procurement(sample):
    values, settings = sample
    book = _workbook(sheets.procurement_xlsx(values, settings, FISCAL_YEAR))
    assert book.sheetnames == ["O12", "สรุปรายเดือน"]
    header, *rows = _sheet_rows(book["O12"])
    assert header == HEADERS
    expected = _sample_rows(values)
    assert len(rows) == len(expected) > 0
    blanks = [(n, HEADERS[i]) for n, row in enumerate(rows, 1) for i, cell in enumerate(row) if cell in (None, "")]
    assert not blanks
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    assert {row[1] for row in rows} == {FISCAL_YEAR}
    assert {row[6] for row in rows} == {"องค์กรปกครองส่วนท้องถิ่น"}
    assert [row[7] for row in rows] == [row["name"] for row in expected]
    assert [row[11] for row in rows] == [row["method"].label for row in expected]


def test_o12_money_is_numeric_and_egp_is_text(sample):
    values, settings = sample
    sheet = _workbook(sheets.procurement_xlsx(values, settings, FISCAL_YEAR))["O12"]
    expected = _sample_rows(values)
    for cells, row in zip(sheet.iter_rows(min_row=2), expected):
        for index, field in ((8, "budget"), (12, "median_price"), (13, "agreed_price")):
            assert isinstance(cells[index].value, (int, float)) and not isinstance(cells[index].value, bool)
            assert Decimal(str(cells[index].value)) == row[field]
            assert cells[index].number_format == "#,##0.00"
        assert cells[15].value == row["egp_no"] and isinstance(cells[15].value, str)
    header = next(sheet.iter_rows(max_row=1))
    assert all(cell.font.bold for cell in header)


def test_egp_number_keeps_its_leading_zero(sample):
    values, settings = sample
    month = {"month": OCTOBER, "no_procurement": None, "rows": [{**values["months"][0]["rows"][0], "egp_no": "06710584413"}]}
    rows = sheets.procurement_rows({"months": [month]}, settings, FISCAL_YEAR)
    assert rows[0][15] == "06710584413"
    sheet = _workbook(sheets.procurement_xlsx({"months": [month]}, settings, FISCAL_YEAR))["O12"]
    assert sheet.cell(row=2, column=16).value == "06710584413"


def test_monthly_sheet_lists_every_month_and_the_no_procurement_month(sample):
    values, settings = sample
    summary = _sheet_rows(_workbook(sheets.procurement_xlsx(values, settings, FISCAL_YEAR))["สรุปรายเดือน"], 2)
    assert [line[0] for line in summary] == [f"{m} {y}" for m, y in (
        ("ตุลาคม", 2567), ("พฤศจิกายน", 2567), ("ธันวาคม", 2567), ("มกราคม", 2568), ("กุมภาพันธ์", 2568),
        ("มีนาคม", 2568), ("เมษายน", 2568), ("พฤษภาคม", 2568), ("มิถุนายน", 2568), ("กรกฎาคม", 2568),
        ("สิงหาคม", 2568), ("กันยายน", 2568))][:len(values["months"])]
    january = next(line for line in summary if line[0] == "มกราคม 2568")
    assert january[1] == 0 and january[3] == "ไม่มีการจัดซื้อจัดจ้าง"
    october = summary[0]
    assert october[1] == len(values["months"][0]["rows"])
    assert Decimal(str(october[2])) == sum(row["agreed_price"] for row in values["months"][0]["rows"])


def test_csv_has_bom_crlf_and_the_same_rows_as_the_xlsx(sample):
    values, settings = sample
    data = sheets.procurement_csv(values, settings, FISCAL_YEAR)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == len(_sample_rows(values)) + 1
    from_csv = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    from_xlsx = _sheet_rows(_workbook(sheets.procurement_xlsx(values, settings, FISCAL_YEAR))["O12"])
    assert from_csv[0] == HEADERS
    assert len(from_csv) == len(from_xlsx)
    for text_row, cell_row in zip(from_csv[1:], from_xlsx[1:]):
        for index, (text, cell) in enumerate(zip(text_row, cell_row, strict=True)):
            if index in sheets.O12_MONEY:
                assert text == f"{Decimal(str(cell)):.2f}"
            else:
                assert text == str(cell)


def test_same_input_gives_same_bytes(sample):
    values, settings = sample
    for make in (sheets.procurement_xlsx, sheets.procurement_csv):
        assert make(values, settings, FISCAL_YEAR) == make(values, settings, FISCAL_YEAR)
    assert (sheets.sorkhor_xlsx(values, settings, FISCAL_YEAR, OCTOBER)
            == sheets.sorkhor_xlsx(values, settings, FISCAL_YEAR, OCTOBER))


def test_xlsx_zip_has_fixed_times_and_dates_from_the_fiscal_year(sample):
    values, settings = sample
    data = sheets.procurement_xlsx(values, settings, FISCAL_YEAR)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    properties = _workbook(data).properties
    assert properties.created.date().isoformat() == properties.modified.date().isoformat() == "2024-10-01"


def test_sorkhor_of_a_month_with_rows(sample):
    values, settings = sample
    sheet = _workbook(sheets.sorkhor_xlsx(values, settings, FISCAL_YEAR, OCTOBER)).active
    lines = _sheet_rows(sheet)
    heading = [line[0] for line in lines[:3]]
    assert heading == ["แบบ สขร.1", "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567", settings["name_th"]]
    assert lines[4][0] == "ลำดับที่" and lines[4][-1] == "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"
    october = values["months"][0]["rows"]
    body = lines[5:]
    assert len(body) == len(october)
    first, row = body[0], october[0]
    assert first[:2] == [1, row["name"]]
    assert Decimal(str(first[2])) == row["budget"] and Decimal(str(first[3])) == row["median_price"]
    assert first[4] == row["method"].label
    assert first[6] == f"{row['vendor']} / 14,380.00 บาท"
    assert first[7] == row["reason"]
    assert first[8] == "ใบสั่งซื้อ เลขที่ 1/2568 ลงวันที่ 8 ตุลาคม 2567"
    assert all(cell not in (None, "") for line in body for cell in line)


def test_sorkhor_of_a_month_without_procurement(sample):
    values, settings = sample
    lines = _sheet_rows(_workbook(sheets.sorkhor_xlsx(values, settings, FISCAL_YEAR, JANUARY)).active)
    assert lines[1][0] == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน มกราคม 2568"
    assert len(lines) == 6
    assert lines[5][:2] == [1, "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"]


def test_sorkhor_of_a_month_not_in_the_content_is_refused(sample):
    values, settings = sample
    with pytest.raises(ValueError, match="2569-10"):
        sheets.sorkhor_xlsx(values, settings, FISCAL_YEAR, Month(2026, 10))


def test_output_files_names(sample):
    values, settings = sample
    files = sheets.output_files(values, settings, FISCAL_YEAR, "o12")
    months = sorted(month["month"].iso for month in values["months"])
    assert list(files) == ["o12-procurement-2568.xlsx", "o12-procurement-2568.csv",
                           *[f"o12-sorkhor-{iso}.xlsx" for iso in months]]
    assert "o12-sorkhor-2567-10.xlsx" in files and "o12-sorkhor-2568-01.xlsx" in files
    assert all(name.isascii() and isinstance(data, bytes) and data for name, data in files.items())
    assert files["o12-procurement-2568.csv"] == sheets.procurement_csv(values, settings, FISCAL_YEAR)


def test_agency_type_for_other_agencies():
    from prongsai.fields import Choice
    assert sheets.agency_type({"agency_kind": Choice("pao", "องค์การบริหารส่วนจังหวัด")}) == "องค์กรปกครองส่วนท้องถิ่น"
    assert sheets.agency_type({"agency_kind": Choice("other", "หน่วยงานอื่น")}) == "หน่วยงานอื่น"
