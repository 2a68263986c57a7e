"""Every date held to its period: one date of each period kind moved outside its window fails exactly its element.

Each case writes a complete, ready item on a small inline site, then moves one date (or year, or a year written in
a title or time frame) outside the window its element holds it to, and expects that element, and only it, to fail,
with the file:line:column of the date and the period it should fall in. A test over the framework data holds every
date, month and year an element names to a period rule, so no date can slip past.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import pdf_bytes, png_bytes

from prongsai.framework import available_years, load_framework, usable_years
from prongsai.periods import years_written
from prongsai.pipeline import load_site
from prongsai.readiness import check_item
from prongsai.schema import load_model

FY = 2568
#: 1 May 2568 (BE): the day of checking unless a case says otherwise.
AS_OF = date(2025, 5, 1)
FILES = {"ita/2568/files/a.pdf": pdf_bytes(), "ita/2568/files/a.png": png_bytes()}


def failing(scratch, files: dict, code: str, as_of: date = AS_OF) -> tuple[list, list]:
    """(ids of the failing elements, their problems) of one item of fiscal year 2568."""
    loaded = load_site(scratch({**files, **FILES}))
    result = check_item(loaded.site.years[FY].items[code], loaded.site, loaded.model, as_of)
    bad = [e for e in result.elements if not e.passed]
    return [e.element.id for e in bad], [p for e in bad for p in e.problems]


ANNUAL_REPORT = """\
report:
  title: รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567
  file: files/a.pdf
  signed_by: นายหนึ่ง ใจดี
  signed_on: 2567-10-20
covers_fy: 2567
spent_total: 1500000
results:
  - topic: ก่อสร้างถนนคอนกรีต
    result: แล้วเสร็จ
problems: [ไม่มี]
suggestions: [ไม่มี]
"""

PARTICIPATION = """\
activities:
  - title: ประชุมประชาคมตำบลเพื่อทบทวนแผนพัฒนาท้องถิ่น
    date: 2567-11-12
    topic: จัดลำดับความสำคัญของโครงการในแผน
    participants: ผู้แทนหมู่บ้าน 11 หมู่ 86 คน
    outcome: ได้โครงการที่ประชาชนเสนอ 14 โครงการ
    improvement: บรรจุ 9 โครงการในแผนพัฒนาฯ ฉบับเพิ่มเติม
  - title: เวทีรับฟังความคิดเห็นการจัดเก็บขยะ
    date: 2568-02-05
    topic: รอบการเก็บขยะและค่าธรรมเนียม
    participants: ผู้แทนครัวเรือน 40 คน
    outcome: เพิ่มรอบเก็บขยะในตลาดนัด
    improvement: ปรับตารางรถเก็บขยะตั้งแต่ มี.ค. 2568
"""

MEASURES = """\
document:
  title: มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568
  file: files/a.pdf
  signed_by: นายหนึ่ง ใจดี
  signer_position: นายก อบต.ทดสอบ
  signed_on: 2567-11-15
measures_fy: 2568
ita_result:
  year: 2567
  total: "88.90"
measures:
  - issue: การเปิดเผยข้อมูล
    name: มาตรการเผยแพร่ข้อมูลตามแบบ OIT ให้ครบทุกข้อ
    steps: [ตรวจรายการข้อมูลทุกเดือน]
    owner: สำนักปลัด
    period: ตลอดปีงบประมาณ 2568
    start: 2567-10
    end: 2568-09
    follow_up: [รายงานผู้บริหารทุกไตรมาส]
"""

MANUALS = """\
manuals:
  - title: คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
    file: files/a.pdf
    covers: งานจัดเก็บรายได้
    updated_on: 2567-06-01
"""

GIFTS = """\
reports:
  - title: รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือนแรก
    covers_fy: 2568
    received_count: 1
    signed_by: นายหนึ่ง ใจดี
    signed_on: 2568-04-03
entries:
  - date: 2568-01-10
    receiver: ปลัด อบต.
    giver: ผู้นำชุมชน
    item: กระเช้าผลไม้
    value: 800
"""

ACTION_PLAN = """\
plan:
  title: แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570)
  file: files/a.pdf
  signed_by: นายหนึ่ง ใจดี
  signed_on: 2565-09-01
period_from: 2566
period_to: 2570
projects:
  - name: อบรมคุณธรรมจริยธรรมพนักงาน
    budget: 20000
    period: มกราคม 2568
    start: 2568-01
    end: 2568-01
"""

COMPLAINTS = "months:\n" + "".join(
    f"  - month: {m}\n    received: 0\n    finished: 0\n    in_progress: 0\n"
    for m in ["2567-10", "2567-11", "2567-12", "2568-01", "2568-02", "2568-03", "2568-04"]
) + "previous_fy: {fy: 2567, received: 2, finished: 2, in_progress: 0}\n"

ROW = """\
      - name: จัดซื้อวัสดุสำนักงาน
        budget: 15000
        source: งบประมาณรายจ่ายประจำปี
        status: completed
        method: specific
        median_price: 14380
        agreed_price: 14380
        vendor: ร้านทดสอบพาณิชย์
        egp_no: "67105844132"
        contract_date: 2567-10-08
"""
PROCUREMENT = ("months:\n  - month: 2567-10\n    rows:\n" + ROW
               + "".join(f"  - month: {m}\n    no_procurement: true\n" for m in
                         ["2567-11", "2567-12", "2568-01", "2568-02", "2568-03", "2568-04"])
               + "documents:\n  - title: แบบ สขร.1 เดือนตุลาคม 2567\n    file: files/a.pdf\n    signed_on: 2567-11-05\n")

NEWS = {"ita/2568/O4.yaml": "intro: ข่าวของ อบต.ทดสอบ\n",
        "news/a.md": "---\ntitle: ประชุมประชาคมหมู่บ้าน\ndate: 2568-02-01\n---\nเนื้อข่าว\n"}

#: Each case: item, its complete file(s), the text moved, the element that must fail alone, the period it names.
CASES = {
    "fiscal year: an activity held the year before": (
        "O20", {"ita/2568/O20.yaml": PARTICIPATION}, ("date: 2568-02-05", "date: 2567-09-05"), "within_year",
        "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)"),
    "previous fiscal year: the report covers the assessed year": (
        "O7", {"ita/2568/O7.yaml": ANNUAL_REPORT}, ("covers_fy: 2567", "covers_fy: 2568"), "report_pfy", "ต้องเป็น 2567"),
    "previous fiscal year: the report is signed before that year's last quarter": (
        "O7", {"ita/2568/O7.yaml": ANNUAL_REPORT}, ("signed_on: 2567-10-20", "signed_on: 2567-03-20"), "report_pfy",
        "ช่วงที่ลงนามรายงานของปีงบประมาณ 2567 ได้ (1 กรกฎาคม 2567 – 30 กันยายน 2568)"),
    "previous fiscal year: the report's title names another year": (
        "O7", {"ita/2568/O7.yaml": ANNUAL_REPORT}, ("ประจำปีงบประมาณ พ.ศ. 2567", "ประจำปีงบประมาณ พ.ศ. 2566"),
        "report_pfy", "ต้องเป็นปี 2567"),
    "the ITA result analysed is not the year before": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("year: 2567", "year: 2568"), "measures_from_ita", "ต้องเป็น 2567"),
    "a measure ends after the fiscal year": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("end: 2568-09", "end: 2568-10"), "time_frame",
        "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)"),
    "a measure starts before the fiscal year": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("start: 2567-10", "start: 2567-09"), "time_frame",
        "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)"),
    "a measure's time frame names the next fiscal year (the sample's O27)": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("period: ตลอดปีงบประมาณ 2568", "period: ตลอดปีงบประมาณ ๒๕๖๙"),
        "time_frame", "ระบุปี 2569 แต่ข้อนี้ของปีงบประมาณ 2568 ต้องเป็นปี 2568"),
    "measures issued two years before their year": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("signed_on: 2567-11-15", "signed_on: 2566-09-15"), "measures_from_ita",
        "ช่วงที่ออกเอกสารสำหรับปีงบประมาณ 2568 ได้ (1 ตุลาคม 2566 – 30 กันยายน 2568)"),
    "the measures are for another year": (
        "O27", {"ita/2568/O27.yaml": MEASURES}, ("measures_fy: 2568", "measures_fy: 2569"), "measures_from_ita",
        "ต้องเป็น 2568"),
    "a manual revised after the day of checking": (
        "O8", {"ita/2568/O8.yaml": MANUALS}, ("updated_on: 2567-06-01", "updated_on: 2568-06-01"), "staff_manuals",
        "เลยวันที่ตรวจ (1 พฤษภาคม 2568)"),
    "an item updated after the day of checking": (
        "O8", {"ita/2568/O8.yaml": MANUALS + "updated: 2567-06-02\n"}, ("updated: 2567-06-02", "updated: 2568-05-02"),
        "dates_not_future", "เลยวันที่ตรวจ (1 พฤษภาคม 2568)"),
    "a news post dated after the day of checking": (
        "O4", NEWS, ("date: 2568-02-01", "date: 2568-05-20"), "news_in_fy", "เลยวันที่ตรวจ (1 พฤษภาคม 2568)"),
    "a gift received two years before": (
        "O22", {"ita/2568/O22.yaml": GIFTS}, ("date: 2568-01-10", "date: 2566-08-10"), "gift_report",
        "ช่วงตั้งแต่ต้นปีงบประมาณ 2567 ถึงหลังสิ้นปีงบประมาณ 2568 สองเดือน"),
    "a plan's project runs after the fiscal year": (
        "O25", {"ita/2568/O25.yaml": ACTION_PLAN}, ("end: 2568-01", "end: 2568-11"), "time_frame",
        "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)"),
    "a multi-year plan that ends before the year": (
        "O25", {"ita/2568/O25.yaml": ACTION_PLAN}, ("period_to: 2570", "period_to: 2567"), "plan_covers_fy",
        "ไม่ครอบคลุมปีงบประมาณ 2568"),
    "the previous year's complaint total is of another year": (
        "O19", {"ita/2568/O19.yaml": COMPLAINTS}, ("fy: 2567", "fy: 2566"), "previous_year_total", "ต้องเป็น 2567"),
    "a month of the year before among the procurement months": (
        "O12", {"ita/2568/O12.yaml": PROCUREMENT}, ("month: 2568-04", "month: 2567-09"), "no_blanks",
        "ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)"),
    "a monthly form signed after the November after the year": (
        "O12", {"ita/2568/O12.yaml": PROCUREMENT}, ("signed_on: 2567-11-05", "signed_on: 2566-09-05"), "no_blanks",
        "ช่วงที่ลงนามเอกสารรายเดือนของปีงบประมาณ 2568 ได้ (1 ตุลาคม 2567 – 30 พฤศจิกายน 2568)"),
    "a contract dated the year before": (
        "O12", {"ita/2568/O12.yaml": PROCUREMENT}, ("contract_date: 2567-10-08", "contract_date: 2567-09-28"), "no_blanks",
        "ปีงบประมาณ 2568"),
}


def _moved(files: dict, old: str, new: str) -> dict:
    moved = {}
    for name, text in files.items():
        moved[name] = text.replace(old, new, 1) if old in text else text
    assert moved != files, f"{old!r} is not in the case's files"
    return moved


@pytest.mark.parametrize("case", list(CASES))
def test_the_complete_item_is_ready(scratch, case):
    code, files, _, _, _ = CASES[case]
    assert failing(scratch, files, code) == ([], [])


@pytest.mark.parametrize("case", list(CASES))
def test_one_date_outside_its_period_fails_exactly_its_element(scratch, case):
    code, files, (old, new), element_id, period = CASES[case]
    ids, problems = failing(scratch, _moved(files, old, new), code)
    assert ids == [element_id]
    [problem] = problems
    assert period in problem.th
    source = next(name for name, text in files.items() if old in text)
    written = _moved(files, old, new)[source].split("\n")
    line = next(i for i, text in enumerate(written, 1) if new in text)
    assert (problem.path, problem.line) == (f"content/{source}", line)
    assert problem.column > 0 and problem.hint_th and problem.hint_en


def test_a_future_date_names_the_day_of_checking(scratch):
    _, [problem] = failing(scratch, _moved({"ita/2568/O8.yaml": MANUALS}, "updated_on: 2567-06-01", "updated_on: 2568-06-01"),
                           "O8")
    assert problem.format() == (
        "content/ita/2568/O8.yaml:5:17: ข้อผิดพลาด: รายการที่ 1 ของคู่มือ (คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง) "
        "ปรับปรุงล่าสุดเมื่อ 1 มิถุนายน 2568 เลยวันที่ตรวจ (1 พฤษภาคม 2568) เอกสารหรือข้อมูลที่ลงวันที่ในอนาคตผู้ประเมินไม่นับ\n"
        "    error: entry 1 of manuals (คู่มือการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง): updated_on 2568-06-01 (BE) is later than the "
        "day of checking (2568-05-01 BE): an assessor does not count a document or data dated in the future\n"
        "    วิธีแก้: ตรวจวันที่อีกครั้ง (ปี พ.ศ.-เดือน-วัน) และเผยแพร่เมื่อถึงวันนั้นแล้ว\n"
        "    fix: check the date (BE year-month-day); publish it once that day has come")


@pytest.mark.parametrize("text, spans", [
    ("ตลอดปีงบประมาณ ๒๕๖๙", [(2569, 2569)]),
    ("พฤศจิกายน–ธันวาคม 2567", [(2568, 2568)]),  # calendar months of 2567 in fiscal year 2568
    ("ต.ค. 2567 – ก.ย. 2568", [(2568, 2568), (2568, 2568)]),
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)", [(2566, 2570)]),
    ("ไตรมาสที่ 1–4", []),
    ("แบบ สขร.1 เดือนกันยายน พ.ศ. 2568", [(2568, 2568)]),
])
def test_years_written(text, spans):
    assert years_written(text) == spans


# --- every date an element names is held to a period --------------------------------------------------------------

PERIOD_RULES = {"dated": "field", "in_fiscal_year": "field", "fiscal_year": "field", "as_of": "field"}


def _held(item) -> set:
    """The dotted paths some element's period rule holds."""
    held = set()
    for element in item.elements:
        for spec in element.check if element.check != ("manual",) else ():
            for name, args in spec.items():
                if name in PERIOD_RULES:
                    held.add(args[PERIOD_RULES[name]])
                elif name == "covers":
                    prefix = f"{args['list']}." if args.get("list") else ""
                    held |= {prefix + args["from"], prefix + args["to"]}
                elif name == "months":
                    held.add(f"{args['field']}.month")
    return held


def _dated_leaves(record, path: str) -> list[str]:
    """The date, month and year fields a named field stands for: itself, or the scalars of the record (or list of
    records) it names."""
    head, *rest = path.split(".")
    field = record.sub(head)
    for part in rest:
        field = field.item if field.type == "list" else field
        field = field.sub(part)
    if field.type == "list" and field.item.type == "record":
        field = field.item
    if field.type == "record":
        return [f"{path}.{sub.name}" for sub in field.fields if sub.type in ("date", "month", "year")]
    return [path] if field.type in ("date", "month", "year") else []


@pytest.mark.parametrize("year", usable_years())
def test_every_date_an_element_names_is_held_to_a_period(year):
    model, framework = load_model(), load_framework(year)
    unheld = []
    for code, item in framework.items.items():
        record, held = model.kinds[item.kind].record, _held(item)
        for element in (e for e in item.elements if e.check != ("manual",)):  # a person checks a manual one
            for path in element.fields:
                if path.split(".")[0] in ("site", "body"):
                    continue
                leaves = ["news.date"] if path.startswith("news.") else _dated_leaves(record, path)
                unheld += [f"{code} {element.id}: {leaf}" for leaf in leaves if leaf not in held]
    assert unheld == []


def test_the_year_after_the_latest_framework_is_provisional():
    latest = available_years()[-1]
    provisional = load_framework(latest + 1)
    assert (provisional.year, provisional.provisional_from) == (latest + 1, latest)
    assert f"ปีงบประมาณ พ.ศ. {latest + 1}" in provisional.items["O4"].period_note_th  # news of the new year
    assert f"ปีงบประมาณ พ.ศ. {latest} " in provisional.items["O7"].period_note_th  # the report of the year before
    assert load_framework(latest).provisional_from is None
