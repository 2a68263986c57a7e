"""The ITA readiness check: each element rule, passing and failing, on a small inline site.

Rules are checked with prongsai.readiness.check_item/check_year on sites written by the `scratch` fixture;
the exact text a clerk reads is compared with Problem.format(). The sample content/ (whole, broken, on other
days) and the command line are in test_readiness_cli.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import pdf_bytes, png_bytes

from prongsai.framework import Element
from prongsai.pipeline import load_site
from prongsai.problems import ERROR, WARNING
from prongsai.readiness import check_element, check_item, check_year
from prongsai.report import check_text
from prongsai.rules import RuleContext

FY = 2568
#: 1 May 2568: October 2567 – April 2568 have ended.
MAY_2568 = date(2025, 5, 1)
IMAGES = {"ita/2568/files/a.png": png_bytes(), "ita/2568/files/b.png": png_bytes()}
PDF = {"ita/2568/files/a.pdf": pdf_bytes()}
XLSX = {"ita/2568/files/o12.xlsx": b"PK\x03\x04 spreadsheet"}


def be(year: int, month: int, day: int) -> date:
    """A Buddhist-era day as a date (2568-05-01 -> 2025-05-01)."""
    return date(year - 543, month, day)


def text(location: str, th: str, en: str, hint_th: str, hint_en: str, severity: str = ERROR) -> str:
    label = "คำเตือน" if severity == WARNING else "ข้อผิดพลาด"
    return f"{location}: {label}: {th}\n    {severity}: {en}\n    วิธีแก้: {hint_th}\n    fix: {hint_en}"


def check(scratch, files: dict, code: str, as_of: date = MAY_2568):
    """Write a small site, load it, and check one item of fiscal year 2568."""
    loaded = load_site(scratch(files))
    return check_item(loaded.site.years[FY].items[code], loaded.site, loaded.model, as_of)


def element(result, element_id: str):
    return next(e for e in result.elements if e.element.id == element_id)


def formatted(result, element_id: str) -> list[str]:
    return [p.format() for p in element(result, element_id).problems]


# --- present, any_of, includes: O2 executives ------------------------------------------------------------------

O2 = "content/ita/2568/O2.yaml"
EXECUTIVES = """\
executives:
  - name: นายหนึ่ง ใจดี
    position: นายก อบต.ทดสอบ
    role: chief
    photo: files/a.png
    phone: "0 4300 0001"
  - name: นายสอง ใจงาม
    position: รองนายก อบต.ทดสอบ
    role: deputy
    photo: files/b.png
    email: rong@test.go.th
  - name: นางสาม ใจเย็น
    position: ปลัด อบต.ทดสอบ
    role: permanent_head
    photo: files/a.png
    phone: "0 4300 0003"
"""


def test_complete_executives_pass(scratch):
    result = check(scratch, {"ita/2568/O2.yaml": EXECUTIVES, **IMAGES}, "O2")
    assert result.passed
    assert result.problems == []


def test_present_names_the_entry_without_a_photo(scratch):
    files = {"ita/2568/O2.yaml": EXECUTIVES.replace("    photo: files/b.png\n", ""), **IMAGES}
    result = check(scratch, files, "O2")
    assert not result.passed
    assert formatted(result, "photo") == [text(
        f"{O2}:7:5", "รายการที่ 2 ของผู้บริหาร (นายสอง ใจงาม) ยังไม่มีรูปถ่าย (ช่อง photo)",
        "entry 2 of executives (นายสอง ใจงาม): photo is missing (field photo)",
        "เพิ่มช่อง photo: พร้อมข้อมูล", "add the field photo: with its value")]
    assert [e.element.id for e in result.elements if not e.passed] == ["photo"]


def test_any_of_an_executive_with_neither_phone_nor_email(scratch):
    files = {"ita/2568/O2.yaml": EXECUTIVES.replace("    email: rong@test.go.th\n", ""), **IMAGES}
    result = check(scratch, files, "O2")
    assert formatted(result, "contact") == [text(
        f"{O2}:7:5", "รายการที่ 2 ของผู้บริหาร (นายสอง ใจงาม) ยังไม่มีโทรศัพท์ หรือ อีเมล (ต้องมีอย่างน้อยหนึ่งอย่าง)",
        "entry 2 of executives (นายสอง ใจงาม): none of executives.phone, executives.email is written",
        "เพิ่มช่อง phone หรือ email", "add phone or email")]
    assert [e.element.id for e in result.elements if not e.passed] == ["contact"]


def test_includes_without_a_deputy(scratch):
    files = {"ita/2568/O2.yaml": EXECUTIVES.replace("role: deputy", "role: secretary"), **IMAGES}
    result = check(scratch, files, "O2")
    assert [e.element.id for e in result.elements if not e.passed] == ["chief_and_deputies"]
    [problem] = element(result, "chief_and_deputies").problems
    assert (problem.path, problem.severity) == (O2, ERROR)
    assert problem.th.endswith("ยังไม่มี 'รองผู้บริหารสูงสุด' (role: deputy)")
    assert (problem.hint_th, problem.hint_en) == ("เพิ่มรายการที่มี role: deputy", "add an entry with role: deputy")


# --- in_fiscal_year: O4 news and the O21 declaration -------------------------------------------------------------

def news_site(day: str) -> dict:
    return {"ita/2568/O4.yaml": "intro: ข่าวของ อบต.ทดสอบ\n",
            "news/prachakhom.md": f"---\ntitle: ประชุมประชาคมหมู่บ้าน\ndate: {day}\n---\nเนื้อข่าว\n"}


@pytest.mark.parametrize("day, ready", [("2567-09-30", False), ("2567-10-01", True), ("2568-09-30", True),
                                        ("2568-10-01", False)])
def test_in_fiscal_year_news_boundaries(scratch, day, ready):
    result = check(scratch, news_site(day), "O4", be(2568, 9, 30))
    assert element(result, "news_in_fy").passed is ready
    assert result.passed is ready
    if not ready:
        problem = element(result, "news_in_fy").problems[0]
        assert problem.location == "content/ita/2568/O4.yaml:1:1"
        assert "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)" in problem.th
        assert (problem.hint_th, problem.hint_en) == ("ใช้ข้อมูลที่ลงวันที่ในปีงบประมาณ 2568",
                                                      "use one dated in fiscal year 2568")


def test_in_fiscal_year_news_message_names_the_latest_post(scratch):
    [problem] = element(check(scratch, news_site("2567-09-30"), "O4"), "news_in_fy").problems
    assert "ในปีงบประมาณนี้ในปีงบประมาณ" not in problem.th
    assert "30 กันยายน 2567" in problem.th


NO_GIFT = """\
declaration:
  title: ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2568
  file: files/a.pdf
  signed_by: นายหนึ่ง ใจดี
  signer_position: นายก อบต.ทดสอบ
  signed_on: {signed}
declaration_fy: 2568
activities:
  - title: กิจกรรมประกาศเจตนารมณ์
    date: 2567-10-01
"""


@pytest.mark.parametrize("signed, ready", [("2566-09-30", False), ("2566-10-01", True), ("2567-09-30", True),
                                           ("2567-10-01", True), ("2568-04-30", True), ("2568-05-02", False)])
def test_the_declaration_is_issued_for_the_year(scratch, signed, ready):
    """S10: the declaration is "for" the year, so one signed in the year before counts; one dated after the day of
    checking (1 May 2568) does not."""
    result = check(scratch, {"ita/2568/O21.yaml": NO_GIFT.format(signed=signed), **PDF}, "O21")
    assert result.passed is ready
    assert [e.element.id for e in result.elements if not e.passed] == ([] if ready else ["issued_for_fy"])
    if signed == "2566-09-30":
        assert formatted(result, "issued_for_fy") == [text(
            "content/ita/2568/O21.yaml:6:14",
            "วันที่ลงนาม 30 กันยายน 2566 ไม่อยู่ในช่วงที่ออกเอกสารสำหรับปีงบประมาณ 2568 ได้ (1 ตุลาคม 2566 – 30 กันยายน 2568)",
            "signed_on 2566-09-30 (BE) is not in the time a document for fiscal year 2568 can be issued "
            "(2566-10-01 to 2568-09-30 (BE))",
            "ถ้าวันที่พิมพ์ผิดให้แก้ให้อยู่ในช่วงนั้น ถ้าเป็นข้อมูลของปีงบประมาณ 2566 ให้ย้ายไปไว้ในโฟลเดอร์ของปีนั้น",
            "if the date is a typo, correct it; if it belongs to fiscal year 2566, move it to that year's folder")]


# --- fiscal_year: O7 annual report -------------------------------------------------------------------------------

ANNUAL_REPORT = """\
report:
  title: รายงานผลการดำเนินงานประจำปี
  file: files/a.pdf
covers_fy: {fy}
spent_total: 1500000
results:
  - topic: ก่อสร้างถนนคอนกรีต
    result: แล้วเสร็จ
problems: [ไม่มี]
suggestions: [ไม่มี]
"""


@pytest.mark.parametrize("fy, ready", [(2566, False), (2567, True), (2568, False)])
def test_fiscal_year_previous_year_report(scratch, fy, ready):
    result = check(scratch, {"ita/2568/O7.yaml": ANNUAL_REPORT.format(fy=fy), **PDF}, "O7")
    assert result.passed is ready
    expected = [] if ready else [text(
        "content/ita/2568/O7.yaml:4:12", f"ปีงบประมาณที่รายงานเป็นของปีงบประมาณ {fy} แต่ต้องเป็น 2567",
        f"the fiscal year this report covers: this is for fiscal year {fy}, but it must be 2567",
        "ใช้เอกสารของปีงบประมาณ 2567 แล้วแก้ช่อง covers_fy เป็น 2567", "publish the fiscal year 2567 document and write 2567")]
    assert formatted(result, "report_pfy") == expected


# --- covers: O5 multi-year plan ----------------------------------------------------------------------------------

PLAN = """\
plan:
  title: แผนพัฒนาท้องถิ่น
  file: files/a.pdf
period_from: {first}
period_to: {last}
strategies:
  - name: ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน
    goals: [ถนนทุกสายใช้ได้ตลอดปี]
    indicators: [ถนนลาดยางเพิ่มขึ้น 2 สาย]
"""


def plan(scratch, first: int, last: int):
    return check(scratch, {"ita/2568/O5.yaml": PLAN.format(first=first, last=last), **PDF}, "O5")


def test_covers_a_plan_spanning_the_year_passes(scratch):
    result = plan(scratch, 2566, 2570)
    assert result.passed
    assert result.problems == []


def test_covers_an_old_plan_fails(scratch):
    assert formatted(plan(scratch, 2561, 2565), "plan_covers_fy") == [text(
        "content/ita/2568/O5.yaml:5:12", "แผนช่วงปี 2561–2565 ไม่ครอบคลุมปีงบประมาณ 2568",
        "the plan for 2561–2565 does not cover fiscal year 2568",
        "เผยแพร่แผนที่ครอบคลุมปี 2568 แล้วแก้ปีแรกและปีสุดท้ายของแผน",
        "publish a plan covering 2568 and correct its first and last year")]


def test_covers_a_one_year_plan_fails_min_span(scratch):
    result = plan(scratch, 2568, 2568)
    assert not result.passed
    [problem] = element(result, "plan_covers_fy").problems
    assert problem.location == "content/ita/2568/O5.yaml:4:14"
    assert "ต้องเป็นแผนหลายปี" in problem.th
    assert "it must span at least 2 years" in problem.en


def test_covers_a_one_year_plan_is_not_said_to_miss_the_year(scratch):
    [problem] = element(plan(scratch, 2568, 2568), "plan_covers_fy").problems
    assert "ไม่ครอบคลุม" not in problem.th
    assert "does not cover" not in problem.en


# --- as_of: O6 progress --------------------------------------------------------------------------------------------

ANNUAL_PLAN = """\
plan: {title: แผนการดำเนินงานประจำปี 2568, file: files/a.pdf}
plan_fy: 2568
progress_as_of: 2568-02-28
progress_report: {title: รายงานความก้าวหน้า, file: files/a.pdf}
projects:
  - name: ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ 3
    budget: 450000
    period: ธ.ค. 2567 – ก.พ. 2568
    status: done
    disbursed: 449000
"""


@pytest.mark.parametrize("as_of, ready", [
    (be(2568, 3, 15), True),   # October to February have ended: 28 February is enough
    (be(2568, 3, 31), True),   # March ends at the end of the day
    (be(2568, 4, 1), False),
    (be(2568, 5, 1), False),
])
def test_as_of_progress_reaches_the_last_ended_month(scratch, as_of, ready):
    result = check(scratch, {"ita/2568/O6.yaml": ANNUAL_PLAN, **PDF}, "O6", as_of)
    assert result.passed is ready
    expected = [] if ready else [text(
        "content/ita/2568/O6.yaml:3:17", "ข้อมูล ณ วันที่ 28 กุมภาพันธ์ 2568 ยังไม่ถึง 31 มีนาคม 2568",
        "the data is as of 2025-02-28 CE, before 2025-03-31 CE",
        "ปรับข้อมูลให้เป็นข้อมูล ณ วันที่ 31 มีนาคม 2568 หรือหลังจากนั้น", "bring it up to 2025-03-31 CE or later")]
    assert formatted(result, "progress_first_half") == expected


# --- months, manual, file_types: O12 procurement ------------------------------------------------------------------

O12 = "content/ita/2568/O12.yaml"
ROW = """\
    rows:
      - name: จัดซื้อวัสดุสำนักงาน
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี พ.ศ. 2568
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านทดสอบพาณิชย์
        egp_no: "67105844132"
"""
FIRST_HALF = ["2567-10", "2567-11", "2567-12", "2568-01", "2568-02", "2568-03"]
XLSX_DOCUMENT = "documents:\n  - title: ตารางจัดซื้อจัดจ้าง (Excel)\n    file: files/o12.xlsx\n"


def procurement(months: list, nil: tuple = ("2568-02",), empty: tuple = (), documents: str = XLSX_DOCUMENT) -> dict:
    """O12 with the given months: rows in each, `no_procurement: true` in `nil`, nothing at all in `empty`."""
    body = "months:\n"
    for month in months:
        body += f"  - month: {month}\n"
        body += "    no_procurement: true\n" if month in nil else "" if month in empty else ROW
    return {"ita/2568/O12.yaml": body + documents, **XLSX, **PDF}


def test_months_complete_first_half_passes_and_all_items_is_manual(scratch):
    result = check(scratch, procurement(FIRST_HALF + ["2568-04"]), "O12")
    assert result.passed
    assert result.problems == []
    all_items = element(result, "all_items")
    assert (all_items.manual, all_items.problems, all_items.passed) == (True, (), True)
    assert [e.element.id for e in result.elements if e.manual] == ["all_items"]


def missing_month(th_month: str, iso: str, line: int, before: str = "", after: str = "", severity: str = ERROR) -> str:
    """A missing month is pointed at where it belongs: the later month it goes before, or the last month written."""
    if before:
        hint_th = f"เพิ่มเดือนนี้ก่อนเดือน{before} (บรรทัดนี้):  - month: {iso}"
        hint_en = f"add the month before {{}} (this line):  - month: {iso}"
    else:
        hint_th, hint_en = f"เพิ่มเดือนนี้ต่อจากเดือน{after}:  - month: {iso}", f"add the month after {{}}:  - month: {iso}"
    return text(f"{O12}:{line}:5", f"ยังไม่มีข้อมูลจัดซื้อจัดจ้างเดือน{th_month}", f"no procurement data for the month {iso} (BE) yet",
                hint_th, hint_en.format(_BE_MONTHS[before or after]), severity)


_BE_MONTHS = {"ตุลาคม 2567": "2567-10", "ธันวาคม 2567": "2567-12", "มีนาคม 2568": "2568-03"}


def test_months_missing_november_points_where_it_belongs(scratch):
    months = [m for m in FIRST_HALF + ["2568-04"] if m != "2567-11"]
    result = check(scratch, procurement(months), "O12")
    assert not result.passed
    # 2567-10 and its row fill lines 2-12; the December entry, before which November goes, starts on line 13
    assert formatted(result, "monthly_nil_months") == [missing_month("พฤศจิกายน 2567", "2567-11", 13, before="ธันวาคม 2567")]


def test_months_a_month_with_no_rows_and_no_nil_statement(scratch):
    result = check(scratch, procurement(FIRST_HALF + ["2568-04"], empty=("2567-12",)), "O12")
    assert not result.passed
    assert formatted(result, "monthly_nil_months") == [text(
        f"{O12}:24:5",
        "รายการที่ 3 ของรายการจัดซื้อจัดจ้างแยกรายเดือน (ธันวาคม 2567) ไม่มีรายการ และไม่ได้ระบุว่าเดือนนี้ไม่มีการจัดซื้อจัดจ้าง",
        "entry 3 of months (ธันวาคม 2567): 2567-12: no rows and not marked as a month without procurement",
        "เพิ่มรายการ หรือเขียน no_procurement: true", "add rows, or write no_procurement: true")]


def test_months_after_march_only_advise(scratch):
    result = check(scratch, procurement(FIRST_HALF), "O12")  # April 2568 has ended but is not written
    assert result.passed
    monthly = element(result, "monthly_nil_months")
    assert monthly.passed
    assert [p.format() for p in monthly.problems] == [missing_month("เมษายน 2568", "2568-04", 48, after="มีนาคม 2568",
                                                                    severity=WARNING)]
    assert [p.severity for p in monthly.problems] == [WARNING]


@pytest.mark.parametrize("months, missing", [(["2567-10", "2567-11"], []), (["2567-10"], ["2567-11"])])
def test_months_as_of_december_10_need_october_and_november_only(scratch, months, missing):
    result = check(scratch, procurement(months), "O12", be(2567, 12, 10))
    assert result.passed == (missing == [])
    assert formatted(result, "monthly_nil_months") == [missing_month("พฤศจิกายน 2567", m, 2, after="ตุลาคม 2567") for m in missing]


MACHINE_READABLE = {"file_types": {"field": "documents.file", "ext": ["xlsx", "xls", "csv"]}}


def check_rule(scratch, files: dict, code: str, spec: dict, as_of: date = MAY_2568):
    """One rule on its own, as an element of its own (no element of ita-2568.yaml uses file_types any more)."""
    loaded = load_site(scratch(files))
    probe = Element("probe", "องค์ประกอบทดสอบ", "a probe element", "H", (), (spec,))
    return check_element(probe, RuleContext(loaded.site.years[FY].items[code], loaded.site, loaded.model, as_of))


def test_file_types_an_xlsx_document_passes(scratch):
    assert check_rule(scratch, procurement(FIRST_HALF), "O12", MACHINE_READABLE).problems == ()


def test_file_types_without_documents(scratch):
    result = check_rule(scratch, procurement(FIRST_HALF, documents=""), "O12", MACHINE_READABLE)
    assert not result.passed
    assert [p.format() for p in result.problems] == [text(
        f"{O12}:1:1", "ยังไม่มีไฟล์ชนิด xlsx, xls, csv", "no xlsx, xls, csv file yet",
        "แนบไฟล์ xlsx, xls, csv ในช่อง documents", "attach one file of: xlsx, xls, csv")]


PDF_ONLY = "documents:\n  - title: แบบ สขร.1\n    file: files/a.pdf\n"


def test_file_types_a_pdf_is_not_machine_readable(scratch):
    result = check_rule(scratch, procurement(FIRST_HALF, documents=PDF_ONLY), "O12", MACHINE_READABLE)
    assert not result.passed
    [problem] = result.problems
    assert problem.th.endswith("ยังไม่มีไฟล์ชนิด xlsx, xls, csv")


def test_o12_needs_no_attachment_for_machine_readable(scratch):
    """Every build writes the O12 table as XLSX and CSV itself, so the element asks only for the months."""
    assert check(scratch, procurement(FIRST_HALF, documents=""), "O12").passed


# --- a whole-list property is not one entry's problem -------------------------------------------------------------

LIST_CASES = {
    "includes: no deputy": (
        {"ita/2568/O2.yaml": EXECUTIVES.replace("role: deputy", "role: secretary"), **IMAGES}, "O2", "chief_and_deputies",
        "ยังไม่มี 'รองผู้บริหารสูงสุด' (role: deputy)"),
    "file_types: only PDFs": (procurement(FIRST_HALF, documents=PDF_ONLY), "O12", MACHINE_READABLE,
                               "ยังไม่มีไฟล์ชนิด xlsx, xls, csv"),
    "in_fiscal_year: no activity this year": (
        {"ita/2568/O21.yaml": NO_GIFT.format(signed="2567-10-01").replace("date: 2567-10-01", "date: 2567-09-20"), **PDF},
        "O21", "culture_activity",
        "ยังไม่มีกิจกรรมสร้างวัฒนธรรม No Gift ที่ลงวันที่ในปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568) (ล่าสุด 20 กันยายน 2567)"),
}
#: The cases that still fail: in_fiscal_year now reports the list without naming its first entry, but its wording
#: ("ยังไม่มีกิจกรรมสร้างวัฒนธรรม No Giftที่ลงวันที่…") is left for the lead to settle.
STILL_FAILING: dict = {}


@pytest.mark.parametrize("case", [pytest.param(case, marks=STILL_FAILING.get(case, ())) for case in LIST_CASES])
def test_a_whole_list_problem_does_not_blame_the_first_entry(scratch, case):
    files, code, element_id, th = LIST_CASES[case]
    checked = check_rule(scratch, files, code, element_id) if isinstance(element_id, dict) else \
        element(check(scratch, files, code), element_id)
    problem = checked.problems[0]  # (an activity outside the year is, besides, reported at its own date)
    assert problem.th == th


def test_includes_on_an_empty_list_names_the_thai_label(scratch):
    hr = "plans:\n  - title: แผนอัตรากำลัง 3 ปี\n    file: files/a.pdf\n    period_from: 2567\n    period_to: 2569\n"
    problems = element(check(scratch, {"ita/2568/O14.yaml": hr, **PDF}, "O14"), "topics").problems
    assert problems[0].th == "ยังไม่มี 'การวางแผนกำลังคน' (topic: manpower)"


# --- sums: O19 complaint statistics --------------------------------------------------------------------------------

COMPLAINTS = ("months:\n  - month: 2567-10\n    received: {received}\n    finished: 1\n    in_progress: 1\n"
              "previous_fy: {{fy: 2567, received: 4, finished: 4, in_progress: 0}}\n")


@pytest.mark.parametrize("received, ready", [(2, True), (3, False)])
def test_sums_received_is_finished_plus_in_progress(scratch, received, ready):
    result = check(scratch, {"ita/2568/O19.yaml": COMPLAINTS.format(received=received)}, "O19", be(2567, 11, 10))
    assert result.passed is ready
    expected = [] if ready else [text(
        "content/ita/2568/O19.yaml:2:5",
        "รายการที่ 1 ของสถิติรายเดือน (ตุลาคม 2567) จำนวนเรื่องร้องเรียนทั้งหมด 3 ไม่เท่ากับ ดำเนินการแล้วเสร็จ 1 + อยู่ระหว่างดำเนินการ 1",
        "entry 1 of months (ตุลาคม 2567): received 3 is not 1 + 1",
        "แก้ให้ received = finished + in_progress", "make received = finished + in_progress")]
    assert formatted(result, "total") == expected


# --- summary: O1 powers and duties ---------------------------------------------------------------------------------

STRUCTURE = """\
chart_document: {title: แผนผังโครงสร้าง, file: files/a.pdf}
political:
  - position: นายก อบต.
permanent:
  - unit: สำนักปลัด
    head: หัวหน้าสำนักปลัด
"""


def powers(sections: int) -> str:
    return "# อำนาจหน้าที่\n\n" + "".join(f"- มาตรา {66 + i} อำนาจหน้าที่ด้านที่ {i + 1}\n" for i in range(sections))


@pytest.mark.parametrize("sections, ready", [(3, True), (12, True), (13, False)])
def test_summary_counts_sections(scratch, sections, ready):
    result = check(scratch, {"ita/2568/O1.yaml": STRUCTURE, "ita/2568/O1.md": powers(sections), **PDF}, "O1")
    assert result.passed is ready
    expected = [] if ready else [text(
        "content/ita/2568/O1.md", "ข้อความมีคำว่า 'มาตรา' 13 ครั้ง ดูเหมือนคัดลอกกฎหมายทั้งฉบับ",
        "the text cites 'มาตรา' 13 times: it looks like the statute pasted whole",
        "สรุปอำนาจหน้าที่เป็นข้อความของหน่วยงานเอง และอ้างถึงมาตราเท่าที่จำเป็น",
        "summarise the powers and duties in your own words, citing only the key sections")]
    assert formatted(result, "powers") == expected


def test_a_missing_body_asks_for_the_markdown_file(scratch):
    [problem] = element(check(scratch, {"ita/2568/O1.yaml": STRUCTURE, **PDF}, "O1"), "powers").problems
    assert "body:" not in problem.hint_th
    assert "O1.md" in problem.hint_th


# --- a missing item file, an L element, the whole year -------------------------------------------------------------

MANUALS = "manuals:\n  - title: คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง\n    file: files/a.pdf\n    unit: กองคลัง\n"


def test_low_confidence_element_only_advises(scratch):
    result = check(scratch, {"ita/2568/O8.yaml": MANUALS, **PDF}, "O8")
    assert result.passed
    core = element(result, "core_missions")
    assert (core.element.confidence, core.passed) == ("L", True)
    assert [p.format() for p in core.problems] == [text(
        "content/ita/2568/O8.yaml:2:5",
        "รายการที่ 1 ของคู่มือ (คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง) ยังไม่มีครอบคลุมงาน/ภารกิจใด (ช่อง covers)",
        "entry 1 of manuals (คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง): the task it covers is missing (field covers)",
        "เพิ่มช่อง covers: พร้อมข้อมูล", "add the field covers: with its value", WARNING)]


def test_low_confidence_element_satisfied(scratch):
    result = check(scratch, {"ita/2568/O8.yaml": MANUALS + "    covers: งานจัดเก็บรายได้\n", **PDF}, "O8")
    assert result.passed
    assert result.problems == []


def test_a_missing_item_file(scratch):
    loaded = load_site(scratch({"ita/2568/O8.yaml": MANUALS, **PDF}))
    report = check_year(loaded.site.years[FY], loaded.site, loaded.model, MAY_2568)
    o9 = report.items["O9"]
    assert not o9.passed
    assert [p.format() for p in o9.problems] == [text(
        "content/ita/2568/O9.yaml",
        "ยังไม่มีข้อมูลข้อ O9 คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
        "item O9 has no content file yet",
        "สร้างไฟล์ content/ita/2568/O9.yaml (ดูตัวอย่างใน README)", "create content/ita/2568/O9.yaml (the README has an example)")]
    assert [code for code, r in report.items.items() if r.passed] == ["O8"]
    assert report.summary_line() == "ITA 2568: พร้อม 1/28 ข้อ | 1/28 items ready"
    # 9.3 is O8–O11: 1/4 = 25; indicator 9 = 25/5 groups = 5; indicator 10 = 0; OIT = 2.5
    assert [(i.number, i.score) for i in report.indicators] == [(9, 5.0), (10, 0.0)]
    assert report.oit == 2.5


def test_the_missing_file_is_named_in_the_content_folder_given(scratch):
    loaded = load_site(scratch({"ita/2568/O8.yaml": MANUALS, **PDF}))
    report = check_year(loaded.site.years[FY], loaded.site, loaded.model, MAY_2568, content="agency/content")
    assert report.items["O9"].problems[0].path == "agency/content/ita/2568/O9.yaml"


def test_check_text_calls_only_l_elements_low_confidence(scratch):
    loaded = load_site(scratch(procurement(FIRST_HALF)))
    printed = check_text(check_year(loaded.site.years[FY], loaded.site, loaded.model, MAY_2568), loaded.site)
    assert ": แยกรายเดือน อย่างน้อย ต.ค. 2567 – มี.ค. 2568" in printed  # the O12 April advice, an H element
    assert "(ความมั่นใจต่ำ): แยกรายเดือน" not in printed


# --- each: the สขร.1 fields of every row (2569's monthly procurement) ---------------------------------------------

SORKHOR_2569 = """\
months:
  - month: 2568-10
    rows:
      - name: จัดซื้อวัสดุสำนักงาน
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านทดสอบพาณิชย์
        egp_no: "68105844132"
        contract_no: จ 12/2569
        contract_date: 2568-10-08
        reason: ราคาต่ำสุดและคุณสมบัติครบ
  - month: 2568-11
    no_procurement: true
documents:
  - title: แบบ สขร.1 เดือนตุลาคม 2568
    file: files/a.pdf
"""


@pytest.mark.parametrize("missing, ready", [(None, True), ("contract_no", False), ("reason", False)])
def test_each_row_has_the_sorkhor_fields_and_a_nil_month_asks_none(scratch, missing, ready):
    text = SORKHOR_2569 if missing is None else "\n".join(
        line for line in SORKHOR_2569.split("\n") if not line.strip().startswith(f"{missing}:"))
    loaded = load_site(scratch({"ita/2569/O11.yaml": text, "ita/2569/files/a.pdf": pdf_bytes()}))
    result = check_item(loaded.site.years[2569].items["O11"], loaded.site, loaded.model, date(2025, 12, 15))
    sorkhor = element(result, "sorkhor_monthly")
    assert sorkhor.passed is ready
    if not ready:
        [problem] = sorkhor.problems
        assert (problem.location, problem.en.endswith(f"(field {missing})")) == ("content/ita/2569/O11.yaml:4:9", True)
