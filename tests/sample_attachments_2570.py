"""Fiscal year 2570's attachments of the sample site, as they stand on 2 December 2569.

Used by tests/sample_attachments.py (run that script, not this module). The year was started
with `python build.py new-year 2570`, which copied the items whose evidence stays current (O1,
O2, O3, O8, O9, O10, O16, O17) with their attachments: `CARRIED` names those copies, which
`carry()` makes again byte for byte from FY 2569's files. What the agency has written since,
up to 2 December 2569, is drawn up here: `documents()` gives every PDF as HTML keyed by its path
under content/ (the October and November สขร.1 forms, FY 2570's online-request statistics so far,
and the two reports of FY 2569 finished in November: O7 and O24), `workbooks()` the procurement
table, `SCENES` the drawn photos of the October–November news.
"""

from __future__ import annotations

import shutil

import sample_attachments as base
import sample_attachments_2569 as fy2569
from sample_attachments import AGENCY, CONTENT, load

YEAR = 2570

#: Attachments of the carried items, as new-year copied them from content/ita/2569/ (same relative paths).
CARRIED = (
    "files/o1/org-chart-2569.png",
    "files/o1/org-chart-2569.pdf",
    "files/o2/kong-khlang.jpg",
    "files/o8/khumue-rap-kham-kho-online.pdf",
    "files/o10/khumue-e-service-2569.pdf",
    "files/o10/sathiti-e-service-2569.pdf",
)

#: Online requests of FY 2570 so far, in the order of O10's services (November: tents and halls for Loi Krathong).
ONLINE_COUNTS = {"2569-10": (10, 5, 0, 4, 2), "2569-11": (11, 4, 0, 6, 2)}


def at(rel: str) -> str:
    return base.at(rel, YEAR)


def carry() -> list:
    """Copy the carried attachments from FY 2569 (made earlier in the same run); returns their paths."""
    made = []
    for rel in CARRIED:
        target = CONTENT / at(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CONTENT / base.at(rel, 2569), target)
        made.append(at(rel))
    return made


def report_docs() -> dict:
    """The reports on FY 2569 signed in November 2569."""
    docs = base.annual_report_page(
        "O7", f"{AGENCY} รายงานผลการดำเนินงานตามแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) และฉบับเพิ่มเติม ครั้งที่ 1/2569 "
              "ประจำปีงบประมาณ พ.ศ. 2569 ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น "
              "โดยคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่นได้ติดตามผลแล้ว ดังนี้", YEAR)
    docs.update(base.annual_report_page(
        "O24", "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570) เฉพาะโครงการและกิจกรรมของปีงบประมาณ "
               "พ.ศ. 2569 ทั้ง 10 รายการ", YEAR))
    return docs


def e_service_docs() -> dict:
    data = load("O10", YEAR)
    entry = next(a for a in data["attachments"] if a["file"].endswith("-2570.pdf"))
    return {at(entry["file"]): fy2569.statistics_page(data, entry, ONLINE_COUNTS, "รวม 2 เดือน", "97.7")}


def documents() -> dict:
    """Every PDF FY 2570 has made so far: path under content/ -> HTML."""
    docs = {}
    for build in (report_docs, e_service_docs, lambda: base.o12_docs("O11", YEAR, {})):
        docs.update(build())
    return docs


def workbooks() -> dict:
    """The monthly procurement table so far, in the NACC 16-column layout."""
    return {at("files/o11/ita-o11-2570.xlsx"): base.o12_workbook("O11", YEAR)}


SCENES = {
    "news/images/2569-10-06-rabai-nam.jpg": lambda r: base.village("ระบายน้ำท่วมขัง บ้านหนองบัว หมู่ที่ 6", r, flood=True),
    "news/images/2569-11-13-hong-nam.jpg": lambda r: base.outdoor("ห้องน้ำผู้สูงอายุและคนพิการ", r),
    "news/images/2569-11-24-loi-krathong.jpg": base.night_water,
    "news/images/2569-11-27-raingan-phon.jpg": lambda r: base.indoor("ติดตามและประเมินผลแผนพัฒนาท้องถิ่น 2569", r),
}
