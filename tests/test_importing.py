"""Importing a clerk's Excel or CSV sheet as YAML: real .xlsx files written by openpyxl, CSV in UTF-8 and cp874."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from prongsai import cells, importing, sheets, yamlio
from prongsai.cells import yaml_scalar
from prongsai.fields import Reader, check_record
from prongsai.schema import load_model

NACC = list(sheets.O12_HEADERS)
SORKHOR = [name for name, _ in sheets.SORKHOR_COLUMNS]
AGENCY = [2568, "องค์การบริหารส่วนตำบลทดสอบ", "เมืองขอนแก่น", "ขอนแก่น", "กระทรวงมหาดไทย", "องค์กรปกครองส่วนท้องถิ่น"]
SOURCE = "งบประมาณรายจ่ายประจำปี พ.ศ. 2568"
METHODS = ("เฉพาะเจาะจง, ประกวดราคาอิเล็กทรอนิกส์ (e-bidding), ตลาดอิเล็กทรอนิกส์ (e-market), คัดเลือก, อื่น ๆ")
STATUSES = "อยู่ระหว่างระยะสัญญา, ลงนามในสัญญาแล้ว, สิ้นสุดระยะสัญญา, ยกเลิกการดำเนินการ"


def xlsx(folder: Path, rows: list, title: str = "O12", name: str = "จัดซื้อ.xlsx", merged: tuple = ()) -> Path:
    """A real workbook with one sheet holding rows (None leaves a cell empty) and merged ranges such as "I2:J2"."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell_range in merged:
        sheet.merge_cells(cell_range)
    file = folder / name
    file.write_bytes(sheets.workbook_bytes(workbook))
    return file


def valid(text: str, kind: str) -> None:
    """The text loads with yamlio and has no problem against the kind: what the build would say."""
    doc, problems = yamlio.parse(text, "imported.yaml")
    assert problems == [] and doc is not None
    reader = Reader(doc=doc, folder=Path("."), content_root=Path("."), attach=lambda path: path, problems=problems)
    check_record(load_model().kinds[kind].record, doc.data, (), reader)
    assert [p.format() for p in problems] == []


def message(location: str, th: str, en: str, hint_th: str = "", hint_en: str = "", label: str = "ข้อผิดพลาด") -> str:
    severity = "warning" if label == "คำเตือน" else "error"
    lines = [f"{location}: {label}: {th}", f"    {severity}: {en}"]
    lines += [f"    วิธีแก้: {hint_th}"] if hint_th else []
    lines += [f"    fix: {hint_en}"] if hint_en else []
    return "\n".join(lines)


def nacc_row(number: int, name: str, budget, status: str, method: str, median, agreed, vendor: str, egp, *extra) -> list:
    return [number, *AGENCY, name, budget, SOURCE, status, method, median, agreed, vendor, egp, *extra]


# ---- the NACC O12 template ------------------------------------------------

NACC_YAML = """\
# นำเข้าจาก จัดซื้อ.xlsx [O12]
months:
  - month: 2567-10
    rows:
      - name: จัดซื้อวัสดุสำนักงาน สำนักปลัด
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านดงเมืองพาณิชย์
        egp_no: "67105844132"
      - name: จ้างซ่อมแซมถนนลูกรัง หมู่ที่ 5
        budget: 98000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: signed
        method: e_bidding
        median_price: 97900.50
        agreed_price: 97500
        vendor: "หจก.ส.รุ่งเรืองการโยธา: สาขา 2"
        egp_no: "67119917135"
  - month: 2567-11
    rows:
      - name: จัดซื้อโคมไฟฟ้าพลังงานแสงอาทิตย์
        budget: 300000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: planned
        method: e_market
        median_price: 298000
        agreed_price: 289000
        vendor: บริษัท อีสานโซลาร์เทค จำกัด
        egp_no: "67116878443"
"""


def test_nacc_template_three_rows_in_two_months(tmp_path):
    file = xlsx(tmp_path, [
        NACC + ["เดือน"],
        nacc_row(1, "จัดซื้อวัสดุสำนักงาน สำนักปลัด", 15000, "สิ้นสุดระยะสัญญา", "เฉพาะเจาะจง", 14380, 14380,
                 "ร้านดงเมืองพาณิชย์", 67105844132, "ตุลาคม 2567"),
        nacc_row(2, "จ้างซ่อมแซมถนนลูกรัง\nหมู่ที่ 5", "98,000", "ลงนามในสัญญาแล้ว", "e-bidding", "97,900.50", 97500.0,
                 "หจก.ส.รุ่งเรืองการโยธา: สาขา 2", "67119917135", "ต.ค. 67"),
        nacc_row(3, "จัดซื้อโคมไฟฟ้าพลังงานแสงอาทิตย์", 300000, "อยู่ระหว่างระยะสัญญา",
                 "ตลาดอิเล็กทรอนิกส์ (e-market)", 298000, 289000, "บริษัท อีสานโซลาร์เทค จำกัด", "67116878443", "2567-11"),
    ])
    text, problems = importing.import_procurement(file)
    assert problems == []
    assert text == NACC_YAML
    valid(text, "procurement")


def test_header_under_a_title_with_line_breaks_and_the_month_given(tmp_path):
    headers = [h.replace("ที่ได้รับจัดสรร (บาท)", "\nที่ได้รับจัดสรร\n( บาท )").replace("ราคากลาง (บาท)", " ราคากลาง(บาท) ")
               for h in NACC]
    file = xlsx(tmp_path, [
        ["รายการการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2568"], [None, "องค์การบริหารส่วนตำบลทดสอบ"], headers,
        nacc_row(1, "ซื้อกระดาษ", 15000, "สิ้นสุดระยะสัญญา", "วิธีเฉพาะเจาะจง", 14380, 14380, "ร้าน ก", "67105844132"),
        [None, None, None, None, None, None, None, "รวม", 15000],
        [None, None, None, None, None, None, None, "ลงชื่อ ......... ผู้รายงาน"],
    ])
    text, problems = importing.import_procurement(file, month="2567-12")
    assert problems == []
    assert text.splitlines()[:5] == ["# นำเข้าจาก จัดซื้อ.xlsx [O12]", "months:", "  - month: 2567-12", "    rows:",
                                     "      - name: ซื้อกระดาษ"]
    valid(text, "procurement")


def test_a_row_takes_its_contract_dates_month_before_the_month_given(tmp_path):
    file = xlsx(tmp_path, [
        NACC + ["เลขที่สัญญา", "วันที่สัญญา", "เหตุผลที่คัดเลือกโดยสรุป"],
        nacc_row(1, "ซื้อกระดาษ", 15000, "completed", "specific", 14380, 14380, "ร้าน ก", "67105844132",
                 "ใบสั่งซื้อ เลขที่ 1/2568", datetime(2024, 10, 8), "ราคาต่ำสุด"),
        nacc_row(2, "ซื้อหมึก", 5000, "completed", "specific", 5000, 4800, "ร้าน ก", "67105844133", "2/2568", "8 พ.ย. 67"),
        nacc_row(3, "ซื้อแฟ้ม", 900, "completed", "specific", 900, 900, "ร้าน ก", "-"),
    ])
    text, problems = importing.import_procurement(file, month="2568-01")
    assert problems == []
    data = yamlio.parse(text, "x")[0].data
    found = [(m["month"], [(r["name"], r.get("contract_no"), r.get("contract_date")) for r in m["rows"]]) for m in data["months"]]
    assert found == [
        ("2567-10", [("ซื้อกระดาษ", "ใบสั่งซื้อ เลขที่ 1/2568", "2567-10-08")]),
        ("2567-11", [("ซื้อหมึก", "2/2568", "2567-11-08")]),
        ("2568-01", [("ซื้อแฟ้ม", None, None)]),
    ]
    assert '        contract_no: "2/2568"\n' in text and '        egp_no: "-"\n' in text
    valid(text, "procurement")


def test_every_bad_cell_at_once_with_sheet_row_and_column(tmp_path):
    file = xlsx(tmp_path, [
        ["รายการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2568"], [], NACC + ["เดือน"],
        nacc_row(1, "ซื้อกระดาษ", "หนึ่งหมื่น", "สิ้นสุดระยะสัญญา", "เฉพาะเจาะ", 10000, 9500, "ร้าน ก", "67105844132",
                 "ตุลาคม 2567"),
        nacc_row(2, "ซื้อหมึก", 5000, None, "e-bid", 5000, 4800, "ร้าน ก", "67105844133", "ตุลา 67"),
        nacc_row(3, "ซื้อแฟ้ม", 900, "ลงนามแล้ว", "specific", -900, 900, "ร้าน ก", "67105844134", "ตุลาคม 2024"),
    ])
    text, problems = importing.import_procurement(file)
    assert text is None
    at = "จัดซื้อ.xlsx [O12]"
    budget, status, method = "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง"
    allowed_en = f"the choices are: {METHODS} (or specific, e_bidding, e_market, selection, other)"
    not_number = ("เขียนจำนวนเงินเป็นตัวเลข เช่น 125000 หรือ 1,234.50", "write the amount in digits, e.g. 125000 or 1,234.50")
    assert [p.format() for p in problems] == [
        message(f"{at}:4:9", f"แถว 4 คอลัมน์ I ({budget}): 'หนึ่งหมื่น' ไม่ใช่ตัวเลข",
                f"row 4 column I ({budget}): 'หนึ่งหมื่น' is not a number", *not_number),
        message(f"{at}:4:12", f"แถว 4 คอลัมน์ L ({method}): 'เฉพาะเจาะ' ไม่ใช่ตัวเลือกที่มี",
                f"row 4 column L ({method}): 'เฉพาะเจาะ' is not one of the choices",
                f"หมายถึง 'เฉพาะเจาะจง' ใช่ไหม; ตัวเลือกที่ใช้ได้: {METHODS}", f"did you mean 'เฉพาะเจาะจง'? {allowed_en}"),
        message(f"{at}:5:11", f"แถว 5 คอลัมน์ K ({status}): ช่องนี้ว่าง ต้องกรอก",
                f"row 5 column K ({status}): empty, but it must be filled in",
                f"เลือกหนึ่งใน: {STATUSES}", f"choose one of: {STATUSES}"),
        message(f"{at}:5:12", f"แถว 5 คอลัมน์ L ({method}): 'e-bid' ไม่ใช่ตัวเลือกที่มี",
                f"row 5 column L ({method}): 'e-bid' is not one of the choices", f"ตัวเลือกที่ใช้ได้: {METHODS}", allowed_en),
        message(f"{at}:5:17", "แถว 5 คอลัมน์ Q (เดือน): อ่านเดือน 'ตุลา 67' ไม่ได้",
                "row 5 column Q (เดือน): cannot read the month 'ตุลา 67'",
                "เขียนเดือนและปี พ.ศ. เช่น ตุลาคม 2567, ต.ค. 67 หรือ 2567-10",
                "write the month and the BE year, e.g. ตุลาคม 2567, ต.ค. 67 or 2567-10"),
        message(f"{at}:6:11", f"แถว 6 คอลัมน์ K ({status}): 'ลงนามแล้ว' ไม่ใช่ตัวเลือกที่มี",
                f"row 6 column K ({status}): 'ลงนามแล้ว' is not one of the choices",
                f"หมายถึง 'ลงนามในสัญญาแล้ว' ใช่ไหม; ตัวเลือกที่ใช้ได้: {STATUSES}",
                f"did you mean 'ลงนามในสัญญาแล้ว'? the choices are: {STATUSES} (or planned, signed, completed, cancelled)"),
        message(f"{at}:6:13", "แถว 6 คอลัมน์ M (ราคากลาง (บาท)): '-900' ไม่ใช่ตัวเลข",
                "row 6 column M (ราคากลาง (บาท)): '-900' is not a number", *not_number),
        message(f"{at}:6:17", "แถว 6 คอลัมน์ Q (เดือน): ปี 2024 เป็นปี ค.ศ.",
                "row 6 column Q (เดือน): 2024 is a Christian-era year",
                "เขียนปี พ.ศ. (ค.ศ. + 543) คือ 2567", "write the BE year (CE + 543): 2567"),
    ]


def test_a_row_without_any_month_is_a_problem_per_row(tmp_path):
    file = xlsx(tmp_path, [NACC] + [
        nacc_row(n, "ซื้อกระดาษ", 100, "completed", "specific", 100, 100, "ร้าน ก", "67105844132") for n in (1, 2)])
    text, problems = importing.import_procurement(file)
    assert text is None
    assert [p.format() for p in problems] == [
        message(f"จัดซื้อ.xlsx [O12]:{row}:1", f"แถว {row}: ไม่รู้ว่ารายการนี้เป็นของเดือนใด",
                f"row {row}: no month for this item",
                "เพิ่มคอลัมน์ เดือน (เช่น ตุลาคม 2567) หรือกรอกวันที่สัญญา หรือเขียนเดือนในหัวกระดาษ เช่น ประจำเดือน ตุลาคม 2567",
                "add a เดือน column or a contract date, or a title such as ประจำเดือน ตุลาคม 2567, "
                "or give the month when importing")
        for row in (2, 3)]


def test_thai_digits_and_commas_in_money_and_codes(tmp_path):
    file = xlsx(tmp_path, [NACC + ["เดือน"], nacc_row(
        1, "ซื้อวัสดุ หมู่ที่ ๕", "๑,๒๓๔.๕๐", "สิ้นสุดระยะสัญญา", "เฉพาะเจาะจง", "1,234.50 บาท", "๑,๒๐๐.-", "ร้าน ก",
        "๖๗๑๐๕๘๔๔๑๓๒", "ต.ค. ๒๕๖๗")])
    text, problems = importing.import_procurement(file)
    assert problems == []
    row = text.split("      - ")[1]
    assert row.splitlines() == [
        "name: ซื้อวัสดุ หมู่ที่ ๕", "        budget: 1234.50", f"        source: {SOURCE}", "        status: completed",
        "        method: specific", "        median_price: 1234.50", "        agreed_price: 1200", "        vendor: ร้าน ก",
        '        egp_no: "67105844132"']
    assert "  - month: 2567-10\n" in text
    valid(text, "procurement")


@pytest.mark.parametrize("name, export", [("o12.xlsx", sheets.procurement_xlsx), ("o12.csv", sheets.procurement_csv)])
def test_the_exported_o12_table_imports_back(tmp_path, name, export):
    """The site's own O12 XLSX and CSV (labels, not keys; agency columns) read back as the rows they were made from."""
    source = "months:\n  - month: 2567-10\n    rows:\n" + "".join(
        f"      - name: รายการ {n}\n        budget: {n}000\n        source: {SOURCE}\n        status: {status}\n"
        f"        method: {method}\n        median_price: {n}000\n        agreed_price: {n}000.50\n"
        f"        vendor: ร้าน {n}\n        egp_no: \"6710584413{n}\"\n"
        for n, status, method in [(1, "completed", "specific"), (2, "cancelled", "e_bidding"), (3, "planned", "selection")])
    doc, _ = yamlio.parse(source, "O12.yaml")
    kind = load_model().kinds["procurement"]
    values = check_record(kind.record, doc.data, (), Reader(doc, Path("."), Path("."), str, []))
    settings = {"name_th": "อบต.ทดสอบ", "district": "เมือง", "province": "ขอนแก่น", "ministry": "มหาดไทย", "agency_kind": "sao"}
    file = tmp_path / name
    file.write_bytes(export(values, settings, 2568))
    text, problems = importing.import_procurement(file, month="2567-10")
    assert problems == []
    assert text == f"# นำเข้าจาก {name}{' [O12]' if name.endswith('xlsx') else ''}\n" + source


# ---- แบบ สขร.1 --------------------------------------------------------------

SORKHOR_EXTRA = ["แหล่งที่มาของงบประมาณ", "สถานะการจัดซื้อจัดจ้าง", "เลขที่โครงการในระบบ e-GP"]
SORKHOR_YAML = """\
# นำเข้าจาก สขร1.xlsx [ต.ค.]
months:
  - month: 2567-10
    rows:
      - name: จัดซื้อวัสดุสำนักงาน
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านดงเมืองพาณิชย์
        egp_no: "67105844132"
        contract_no: ใบสั่งซื้อ เลขที่ 1/2568
        contract_date: 2567-10-08
        reason: เสนอราคาต่ำสุด
      - name: จ้างเหมารถบรรทุกน้ำ
        budget: 60000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: signed
        method: specific
        median_price: 60000
        agreed_price: 57600.50
        vendor: นายทองใบ ศรีจันทร์
        egp_no: "67103443514"
        contract_no: สัญญาจ้าง 19/2568
        contract_date: 2567-10-03
        reason: มีคุณสมบัติตรงตามขอบเขตของงาน
"""


def test_sorkhor_form_takes_its_month_from_the_title(tmp_path):
    file = xlsx(tmp_path, [
        ["แบบ สขร.1"], ["สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567"], ["องค์การบริหารส่วนตำบลทดสอบ"], [],
        SORKHOR + SORKHOR_EXTRA,
        [1, "จัดซื้อวัสดุสำนักงาน", 15000, 14380, "เฉพาะเจาะจง", "ร้านดงเมืองพาณิชย์ / 14,380.00 บาท",
         "ร้านดงเมืองพาณิชย์ / 14,380.00 บาท", "เสนอราคาต่ำสุด", "ใบสั่งซื้อ เลขที่ 1/2568 ลงวันที่ 8 ตุลาคม 2567",
         SOURCE, "สิ้นสุดระยะสัญญา", "67105844132"],
        [2, "จ้างเหมารถบรรทุกน้ำ", 60000, 60000, "เฉพาะเจาะจง", "-", "นายทองใบ ศรีจันทร์\nราคา 57,600.50 บาท",
         "มีคุณสมบัติตรงตามขอบเขตของงาน", "สัญญาจ้าง 19/2568 ลว. 3/10/67", SOURCE, "ลงนามในสัญญาแล้ว", 67103443514],
    ], title="ต.ค.", name="สขร1.xlsx")
    text, problems = importing.import_procurement(file)
    assert problems == []
    assert text == SORKHOR_YAML
    valid(text, "procurement")


def test_sorkhor_with_number_and_date_under_a_merged_header(tmp_path):
    file = xlsx(tmp_path, [
        ["แบบ สขร.1"], ["ประจำเดือน ธันวาคม 2567"], SORKHOR + [None] + SORKHOR_EXTRA, [None] * 8 + ["เลขที่", "วันที่"],
        [1, "ซื้อกระดาษ", 100, 100, "เฉพาะเจาะจง", "ร้าน ก 100 บาท", "ร้าน ก ราคา 100 บาท", "ราคาต่ำสุด", "1/2568",
         datetime(2024, 11, 29), SOURCE, "completed", "67129999999"],
    ], merged=("A1:L1", "A2:L2", "I3:J3"))
    text, problems = importing.import_procurement(file)
    assert problems == []
    assert text.splitlines()[2:4] == ["  - month: 2567-12", "    rows:"]
    assert text.splitlines()[-3:] == [
        '        contract_no: "1/2568"', "        contract_date: 2567-11-29", "        reason: ราคาต่ำสุด"]
    valid(text, "procurement")


def test_sorkhor_month_given_and_a_month_without_procurement(tmp_path):
    file = xlsx(tmp_path, [SORKHOR + SORKHOR_EXTRA, [1, "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้", "-", "-", "-", "-", "-", "-", "-"]],
                name="nil.xlsx")
    text, problems = importing.import_procurement(file, month="๒๕๖๘-๐๑")
    assert problems == []
    assert text == "# นำเข้าจาก nil.xlsx [O12]\nmonths:\n  - month: 2568-01\n    no_procurement: true\n"
    valid(text, "procurement")


def test_the_exported_sorkhor_sheet_of_a_month_without_procurement_imports_back(tmp_path):
    source = "months:\n  - month: 2568-01\n    no_procurement: true\n"
    doc, _ = yamlio.parse(source, "O12.yaml")
    values = check_record(load_model().kinds["procurement"].record, doc.data, (), Reader(doc, Path("."), Path("."), str, []))
    file = tmp_path / "o12-sorkhor-2568-01.xlsx"
    file.write_bytes(sheets.sorkhor_xlsx(values, {"name_th": "อบต.ทดสอบ"}, 2568, values["months"][0]["month"]))
    text, problems = importing.import_procurement(file)
    assert problems == []
    assert text == "# นำเข้าจาก o12-sorkhor-2568-01.xlsx [สขร.1 2568-01]\n" + source


def test_plain_sorkhor_form_lacks_three_columns_the_page_needs(tmp_path):
    file = xlsx(tmp_path, [["ประจำเดือน พฤศจิกายน 2567"], SORKHOR,
                           [1, "ซื้อกระดาษ", 100, 100, "เฉพาะเจาะจง", "-", "ร้าน ก 100 บาท", "-", "-"]])
    text, problems = importing.import_procurement(file)
    assert text is None
    assert [p.format() for p in problems] == [
        message("จัดซื้อ.xlsx [O12]:2:1", f"แถวหัวตาราง (แถว 2) ไม่มีคอลัมน์ '{th}' ซึ่งต้องมี",
                f"the header row (row 2) has no column '{th}' ({en}), which is required",
                f"เพิ่มคอลัมน์ชื่อ {th} แล้วกรอกทุกแถว", f"add a column headed {th} and fill it in on every row")
        for th, en in [("แหล่งที่มาของงบประมาณ", "budget source"), ("สถานะการจัดซื้อจัดจ้าง", "status"),
                       ("เลขที่โครงการในระบบ e-GP", "e-GP project number")]]


def test_sorkhor_winner_without_a_price(tmp_path):
    file = xlsx(tmp_path, [["ประจำเดือน ต.ค. 2567"], SORKHOR + SORKHOR_EXTRA,
                           [1, "ซื้อกระดาษ", 100, 100, "เฉพาะเจาะจง", "-", "ร้าน ก", "-", "-", SOURCE, "completed", "1"]])
    text, problems = importing.import_procurement(file)
    assert text is None
    header = "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง"
    assert [p.format() for p in problems] == [message(
        "จัดซื้อ.xlsx [O12]:3:7", f"แถว 3 คอลัมน์ G ({header}): ไม่พบทั้งชื่อผู้ได้รับการคัดเลือกและราคาใน 'ร้าน ก'",
        f"row 3 column G ({header}): 'ร้าน ก' does not hold both the vendor and the price",
        "เขียนชื่อแล้วตามด้วยราคา เช่น ร้านดงเมืองพาณิชย์ / 14,380.00 บาท",
        "write the name, then the price: ร้านดงเมืองพาณิชย์ / 14,380.00 บาท")]


# ---- complaint statistics -------------------------------------------------

COMPLAINT_HEADER = ["ช่วงเวลา (เดือน/ไตรมาส, พ.ศ.)", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ",
                    "หมายเหตุ"]
COMPLAINTS_YAML = """\
# นำเข้าจาก o19.xlsx [สถิติ]
months:
  - month: 2567-10
    received: 0
    finished: 0
    in_progress: 0
    note: ไม่มีเรื่องร้องเรียน
  - month: 2567-11
    received: 2
    finished: 1
    in_progress: 1
    note: "เรื่องที่ 2: อยู่ระหว่างสืบสวน"
  - month: 2567-12
    received: 3
    finished: 0
    in_progress: 0
"""


def test_complaints_table_with_a_title_totals_and_months_not_yet_filled(tmp_path):
    file = xlsx(tmp_path, [
        ["สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2568"], COMPLAINT_HEADER,
        ["ตุลาคม 2567", 0, 0, 0, "ไม่มีเรื่องร้องเรียน"],
        [datetime(2024, 11, 1), "๒", 1, 1, "เรื่องที่ 2: อยู่ระหว่างสืบสวน"],
        ["ธ.ค. 67", 3, "-", "-"],  # received is not checked against finished + in progress here: that is the readiness check
        ["มกราคม 2568"],
        ["รวม ต.ค. 2567 – ธ.ค. 2567", 5, 1, 1],
        ["หมายเหตุ: ข้อมูล ณ วันที่ 5 มกราคม 2568", None, None, None, "ผู้รายงาน"],
    ], title="สถิติ", name="o19.xlsx")
    text, problems = importing.import_complaints(file)
    assert problems == []
    assert text == COMPLAINTS_YAML
    valid(text, "complaint_statistics")


def test_complaints_bad_counts_and_a_month_twice(tmp_path):
    rows = [COMPLAINT_HEADER, ["ต.ค. 2567", "สอง", 1, 1.5], ["ตุลาคม 2567", 0, None, 0]]
    file = xlsx(tmp_path, rows, title="สถิติ", name="o19.xlsx")
    text, problems = importing.import_complaints(file)
    assert text is None
    at = "o19.xlsx [สถิติ]"
    count = ("เขียนจำนวนเป็นตัวเลข เช่น 12 (ถ้าไม่มีให้เขียน 0)", "write the count in digits, e.g. 12 (0 if none)")
    assert [p.format() for p in problems] == [
        message(f"{at}:2:2", "แถว 2 คอลัมน์ B (จำนวนเรื่องร้องเรียนทั้งหมด): 'สอง' ไม่ใช่จำนวนเต็ม",
                "row 2 column B (จำนวนเรื่องร้องเรียนทั้งหมด): 'สอง' is not a whole number", *count),
        message(f"{at}:2:4", "แถว 2 คอลัมน์ D (อยู่ระหว่างดำเนินการ): '1.5' ไม่ใช่จำนวนเต็ม",
                "row 2 column D (อยู่ระหว่างดำเนินการ): '1.5' is not a whole number", *count),
        message(f"{at}:3:1", "แถว 3 คอลัมน์ A (ช่วงเวลา (เดือน/ไตรมาส, พ.ศ.)): เดือน 2567-10 ซ้ำกับแถวก่อนหน้า",
                "row 3 column A (ช่วงเวลา (เดือน/ไตรมาส, พ.ศ.)): the month 2567-10 is already in an earlier row",
                "รวมเป็นแถวเดียว หรือแก้เดือนให้ถูก", "merge the two rows or correct the month"),
        message(f"{at}:3:3", "แถว 3 คอลัมน์ C (ดำเนินการแล้วเสร็จ): ช่องนี้ว่าง ต้องกรอก",
                "row 3 column C (ดำเนินการแล้วเสร็จ): empty, but it must be filled in",
                "เขียนจำนวน ถ้าไม่มีให้เขียน 0", "write the count, 0 if none"),
    ]


CP874_WARNING = message(
    "o19.csv", "ไฟล์ CSV นี้ไม่ได้บันทึกเป็น UTF-8 จึงอ่านเป็นภาษาไทยแบบ Windows (cp874)",
    "this CSV file is not UTF-8, so it was read as Thai Windows text (cp874)",
    "ตรวจภาษาไทยในผลลัพธ์ ครั้งหน้าใน Excel เลือก บันทึกเป็น → CSV UTF-8 (Comma delimited)",
    "check the Thai in the result; next time Save As 'CSV UTF-8 (Comma delimited)' in Excel", label="คำเตือน")


@pytest.mark.parametrize("encoding, warnings", [("utf-8-sig", []), ("utf-8", []), ("cp874", [CP874_WARNING])])
def test_complaints_from_csv(tmp_path, encoding, warnings):
    file = tmp_path / "o19.csv"
    file.write_bytes(("เดือน,จำนวนเรื่องร้องเรียนทั้งหมด,ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ,หมายเหตุ\r\n"
                      "ต.ค.-67,1,1,0,\"ร้องเรียนเรื่องถนน, หมู่ 5\"\r\n").encode(encoding))
    text, problems = importing.import_complaints(file)
    assert [p.format() for p in problems] == warnings
    assert text == ("# นำเข้าจาก o19.csv\nmonths:\n  - month: 2567-10\n    received: 1\n    finished: 1\n    in_progress: 0\n"
                    "    note: ร้องเรียนเรื่องถนน, หมู่ 5\n")
    valid(text, "complaint_statistics")


# ---- service statistics ---------------------------------------------------

SERVICES_YAML = """\
# นำเข้าจาก o11.xlsx [O11]
services:
  - ชำระภาษีที่ดินและสิ่งปลูกสร้าง
  - ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ
  - "ขออนุญาต: ก่อสร้างอาคาร"
months:
  - month: 2567-10
    counts:
      ชำระภาษีที่ดินและสิ่งปลูกสร้าง: 4
      ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ: 14
      "ขออนุญาต: ก่อสร้างอาคาร": 0
  - month: 2567-11
    counts:
      ชำระภาษีที่ดินและสิ่งปลูกสร้าง: 1234
      ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ: 22
      "ขออนุญาต: ก่อสร้างอาคาร": 1
"""


def test_service_statistics_with_three_services(tmp_path):
    file = xlsx(tmp_path, [
        ["สถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. 2568"],
        ["ลำดับ", "เดือน", "ชำระภาษีที่ดินและสิ่งปลูกสร้าง", " ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ  ", "ขออนุญาต: ก่อสร้างอาคาร",
         "รวม"],
        [1, datetime(2567, 11, 1), "1,234", 22, 1, 1257],
        [2, "ตุลาคม ๒๕๖๗", 4, 14, "-", 18],
        [3, "ธันวาคม 2567"],
        [4, "รวม", 1238, 36, 1, 1275],
    ], title="O11", name="o11.xlsx")
    text, problems = importing.import_service_statistics(file)
    assert problems == []
    assert text == SERVICES_YAML
    valid(text, "service_statistics")


def test_service_statistics_empty_count_and_duplicate_service(tmp_path):
    file = xlsx(tmp_path, [["เดือน", "ชำระภาษี", "ชำระภาษี"], ["ต.ค. 67", 1]], title="O11", name="o11.xlsx")
    text, problems = importing.import_service_statistics(file)
    assert text is None
    assert [p.format() for p in problems] == [
        message("o11.xlsx [O11]:1:3", "แถว 1 คอลัมน์ C (ชำระภาษี): ชื่องานบริการ 'ชำระภาษี' ซ้ำ",
                "row 1 column C (ชำระภาษี): the service 'ชำระภาษี' appears twice",
                "ตั้งชื่อหัวคอลัมน์ให้ไม่ซ้ำกัน", "give each column its own name"),
        message("o11.xlsx [O11]:2:3", "แถว 2 คอลัมน์ C (ชำระภาษี): ช่องนี้ว่าง ต้องกรอก",
                "row 2 column C (ชำระภาษี): empty, but it must be filled in",
                "เขียนจำนวน ถ้าไม่มีให้เขียน 0", "write the count, 0 if none"),
    ]


# ---- files and cells ------------------------------------------------------

def test_read_table_gives_row_numbers_and_column_letters(tmp_path):
    file = xlsx(tmp_path, [["หัวเรื่อง"], [], [None, "ก", 12.0]])
    sheet, rows, problems = importing.read_table(file)
    assert (sheet, problems) == ("O12", [])
    assert [[(cell.row, cell.letter, cell.value) for cell in row] for row in rows] == [
        [(1, "A", "หัวเรื่อง")], [(3, "B", "ก"), (3, "C", 12.0)]]


def test_files_that_cannot_be_imported(tmp_path):
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "b.xlsx").write_bytes(b"not a zip")
    (tmp_path / "c.csv").write_text("ชื่อ,ราคา\nก,1\n", encoding="utf-8")
    assert [p.th for p in importing.import_procurement(tmp_path / "a.xls")[1]] == ["นำเข้าไฟล์ชนิด '.xls' ไม่ได้"]
    assert [p.th for p in importing.import_procurement(tmp_path / "b.xlsx")[1]] == ["เปิดไฟล์ Excel นี้ไม่ได้"]
    assert [p.format().splitlines()[0] for p in importing.import_complaints(tmp_path / "c.csv")[1]] == [
        "c.csv: ข้อผิดพลาด: ไม่พบแถวหัวตาราง"]
    assert importing.import_procurement(xlsx(tmp_path, [["ก"]]), sheet="ไม่มี")[1][0].hint_th == "แผ่นงานที่มี: O12"


@pytest.mark.parametrize("cell, month", [
    ("ตุลาคม 2567", "2567-10"), ("ต.ค. 67", "2567-10"), ("ต.ค. 2567", "2567-10"), ("ต.ค.2567", "2567-10"), ("ตค 67", "2567-10"),
    ("2567-10", "2567-10"), ("๒๕๖๗-๑๐", "2567-10"), ("10/2567", "2567-10"), ("เดือนมีนาคม พ.ศ. 2568", "2568-03"),
    ("มี.ค.-68", "2568-03"),
    (datetime(2025, 3, 1), "2568-03"), (datetime(2568, 3, 1), "2568-03"), (45717, "2568-03"),
])
def test_month_cells(tmp_path, cell, month):
    file = xlsx(tmp_path, [COMPLAINT_HEADER, [cell, 0, 0, 0]])
    text, problems = importing.import_complaints(file)
    assert problems == [] and f"  - month: {month}\n" in text


@pytest.mark.parametrize("text, quoted", [
    ("ร้าน ก", "ร้าน ก"), ("67105844132", '"67105844132"'), ("0 4412 3456", '"0 4412 3456"'), ("1/2568", '"1/2568"'),
    ("- ขีด", '"- ขีด"'), ("ก: ข", '"ก: ข"'), ("ก #1", '"ก #1"'), ("null", '"null"'), ("ใช่ \"จริง\"", 'ใช่ "จริง"'),
    ("'ก'", "\"'ก'\""),
])
def test_yaml_scalars(text, quoted):
    assert yaml_scalar(text) == quoted
    assert yamlio.parse(f"k: {quoted}\n", "x")[0].data == {"k": text}


@pytest.mark.parametrize("cell, split", [
    ("ใบสั่งซื้อ เลขที่ 1/2568 ลงวันที่ 8 ตุลาคม 2567",
     {"contract_no": "ใบสั่งซื้อ เลขที่ 1/2568", "contract_date": "2567-10-08"}),
    ("ใบสั่งซื้อที่ 5/2568 ลว. 12 พ.ย. 67", {"contract_no": "ใบสั่งซื้อที่ 5/2568", "contract_date": "2567-11-12"}),
    ("5/2568 (12/11/2567)", {"contract_no": '"5/2568"', "contract_date": "2567-11-12"}),
    ("ลงวันที่ ๘ ต.ค. ๒๕๖๗ เลขที่ 1/2568", {"contract_no": "เลขที่ 1/2568", "contract_date": "2567-10-08"}),
    ("สัญญาจ้าง 3/2568", {"contract_no": "สัญญาจ้าง 3/2568"}),
    (datetime(2024, 10, 8), {"contract_date": "2567-10-08"}),
])
def test_contract_number_and_date_in_one_cell(cell, split):
    assert cells.contract(cell) == split


@pytest.mark.parametrize("cell, split", [
    ("ร้านดงเมืองพาณิชย์ / 14,380.00 บาท", {"vendor": "ร้านดงเมืองพาณิชย์", "agreed_price": "14380"}),
    ("ร้าน 99 ก่อสร้าง\nราคา 1,000.50 บาท", {"vendor": "ร้าน 99 ก่อสร้าง", "agreed_price": "1000.50"}),
    ("บริษัท ข จำกัด (๑,๒๐๐.- บาท)", {"vendor": "บริษัท ข จำกัด", "agreed_price": "1200"}),
])
def test_winner_and_price_in_one_cell(cell, split):
    assert cells.vendor_price(cell) == split


def test_a_column_the_form_does_not_have_is_a_warning(tmp_path):
    file = xlsx(tmp_path, [NACC + ["เดือน", "ผู้ตรวจรับ"], nacc_row(
        1, "ซื้อกระดาษ", 100, "completed", "specific", 100, 100, "ร้าน ก", "67105844132", "ต.ค. 67", "นาย ก")])
    text, problems = importing.import_procurement(file)
    assert text is not None
    assert [p.format() for p in problems] == [message(
        "จัดซื้อ.xlsx [O12]:1:18", "คอลัมน์ R ('ผู้ตรวจรับ') ไม่ได้นำเข้า", "column R ('ผู้ตรวจรับ') was not imported",
        "ถ้าต้องการข้อมูลนี้ ให้แก้หัวคอลัมน์ให้ตรงกับแบบฟอร์ม",
        "rename its header to a column of the form if it should be imported", label="คำเตือน")]


def test_the_import_command_writes_yaml_or_nothing(tmp_path):
    """`python build.py import procurement FILE` as a clerk runs it: YAML beside the sheet, or every bad cell and no file."""
    import subprocess
    import sys

    def run(*args):
        command = [sys.executable, "-c", "import sys; from prongsai.cli import main; sys.exit(main())", "import", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60)

    header = ["เดือน", "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
                  "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
                  "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการในระบบ e-GP"]
    row = ["ตุลาคม 2567", "จัดซื้อวัสดุสำนักงาน", 15000, "งบประมาณรายจ่าย", "สิ้นสุดระยะสัญญา", "เฉพาะเจาะจง",
           15000, 14500, "ร้านทดสอบ", "67109000001"]
    xlsx(tmp_path, [header, row], name="จัดซื้อ ตุลาคม.xlsx")
    good = run("procurement", "จัดซื้อ ตุลาคม.xlsx")
    assert good.returncode == 0, good.stderr
    text = (tmp_path / "จัดซื้อ ตุลาคม.yaml").read_text(encoding="utf-8")
    assert "  - month: 2567-10\n" in text and "method: specific" in text and 'egp_no: "67109000001"' in text
    xlsx(tmp_path, [header, row[:2] + ["หนึ่งหมื่น"] + row[3:]], name="bad.xlsx")
    bad = run("procurement", "bad.xlsx")
    assert bad.returncode == 1 and "หนึ่งหมื่น" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "bad.yaml").exists()
