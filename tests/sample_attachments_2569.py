"""Fiscal year 2569's attachments of the sample site: the documents and pictures its items name.

Used by tests/sample_attachments.py (run that script, not this module): `documents()` gives every
PDF of FY 2569 as HTML keyed by its path under content/, `SCENES` the drawn photos of FY 2569's
activities and news. Items that are the same kind as in 2568 reuse that year's page builders with
the year and item code of 2569 (2569 renumbers: O11 is 2568's O12, O21 2568's O23 …); what is new
in 2569, or tied to its numbers, is drawn up here. Documents still in force from 2568 (manuals,
codes of ethics, the three-year plans) are named by the 2569 items as ../2568/files/… and not made again.
"""

from __future__ import annotations

from decimal import Decimal

import sample_attachments as base
from sample_attachments import (AGENCY, NAYOK, bullets, baht, body_of, esc, load, md, page, para, sign_of,
                                signature, table, th_date, th_month)

YEAR = 2569


def at(rel: str) -> str:
    return base.at(rel, YEAR)


# ---------------------------------------------------------------- O1, O5, O6 plans

AMEND_ADD = [
    ["ยุทธศาสตร์ที่ 1", "ก่อสร้างถนนเลี่ยงน้ำท่วม หมู่ที่ 4 (ถนนลูกรังยกระดับ ยาว 850 เมตร)", "2569", "420,000.00",
     "เวทีประชาคมตำบลเสนอ พื้นที่ถูกน้ำท่วมเดือนสิงหาคม 2568"],
    ["ยุทธศาสตร์ที่ 1", "ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก บ้านหนองบัว หมู่ที่ 6", "2570", "380,000.00",
     "เวทีประชาคมตำบลเสนอ พื้นที่ถูกน้ำท่วมซ้ำ"],
    ["ยุทธศาสตร์ที่ 3", "เตรียมความพร้อมรับมืออุทกภัย (กระสอบทราย เครื่องสูบน้ำ และการซ้อมแผน)", "2569", "150,000.00",
     "บทเรียนจากอุทกภัยปี 2568"],
]
AMEND_FIX = [
    ["ยุทธศาสตร์ที่ 1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนงาม–บ้านหนองแวง หมู่ที่ 5", "เดิม 1,050,000 แก้ไขเป็น 1,150,000 บาท",
     "1,150,000.00", "ปรับตามราคากลางใหม่และเงินอุดหนุนเฉพาะกิจที่ได้รับจัดสรร"],
    ["ยุทธศาสตร์ที่ 2", "ขุดลอกห้วยยาง ช่วงหมู่ที่ 10–11", "เดิม 2570 แก้ไขเป็น 2569", "450,000.00",
     "ประชาคมตำบลจัดให้เป็นลำดับแรก (แหล่งน้ำตื้นเขินหลังอุทกภัย)"],
]

BUDGET_SECTIONS = [
    ("งบกลาง (รวมเบี้ยยังชีพผู้สูงอายุ คนพิการ และเงินสำรองจ่าย)", 18920000),
    ("งบบุคลากร (เงินเดือนและค่าจ้าง)", 18516000),
    ("งบดำเนินงาน (ค่าตอบแทน ใช้สอย วัสดุ สาธารณูปโภค)", 9384000),
    ("งบลงทุน (ครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง)", 5070000),
    ("งบเงินอุดหนุน (อาหารกลางวันโรงเรียน องค์กรและหน่วยงานอื่น)", 2410000),
]


def plan_docs() -> dict:
    o5 = load("O5", YEAR)
    docs = {}
    amendments = [a for a in o5["amendments"] if base.own(a["file"])]
    for entry, rows in zip(amendments, (AMEND_ADD, AMEND_FIX)):
        docs[at(entry["file"])] = base.amendment_page(entry, rows)
    o6 = load("O6", YEAR)
    projects = o6["projects"]
    rows = [[i, p["name"], p.get("unit", ""), p.get("period", ""), baht(p["budget"])] for i, p in enumerate(projects, 1)]
    total = sum(Decimal(p["budget"]) for p in projects)
    docs[at(o6["plan"]["file"])] = page(o6["plan"]["title"], para(
        "แผนการดำเนินงานฉบับนี้แสดงโครงการและกิจกรรมที่ดำเนินการจริงในปีงบประมาณ พ.ศ. 2569 ตามข้อบัญญัติงบประมาณรายจ่าย"
        "ประจำปี เพื่อใช้เป็นเครื่องมือในการบริหาร ติดตาม และประเมินผล")
        + table(["ที่", "โครงการ/กิจกรรม", "หน่วยงานรับผิดชอบ", "ระยะเวลา", "งบประมาณ (บาท)"], rows, num_cols=(4,),
                total=["", "รวม", "", "", baht(total)])
        + sign_of(o6["plan"], "ประกาศ ณ วันที่"))
    docs[at(o6["budget_ordinance"]["file"])] = ordinance_page(o6["budget_ordinance"])
    docs[at(o6["progress_report"]["file"])] = progress_page(o6)
    return docs


def ordinance_page(entry: dict) -> str:
    total = sum(v for _, v in BUDGET_SECTIONS)
    body = (para("โดยที่เป็นการสมควรตั้งงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 อาศัยอำนาจตามความในพระราชบัญญัติ"
                 "สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม มาตรา 87 จึงตราข้อบัญญัติขึ้นไว้โดย"
                 "ความเห็นชอบของสภาองค์การบริหารส่วนตำบลดงเมือง และโดยอนุมัติของนายอำเภอโนนสำราญ ดังต่อไปนี้")
            + bullets(["ข้อ 1 ข้อบัญญัตินี้เรียกว่า ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
                       "ข้อ 2 ข้อบัญญัตินี้ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2568 เป็นต้นไป",
                       f"ข้อ 3 งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 เป็นจำนวนรวมทั้งสิ้น {total:,} บาท",
                       "ข้อ 4 ให้นายกองค์การบริหารส่วนตำบลดงเมืองปฏิบัติการเบิกจ่ายเงินงบประมาณที่ได้รับอนุมัติให้เป็นไปตามระเบียบ"])
            + table(["งบรายจ่าย", "จำนวนเงิน (บาท)"], [[n, baht(v)] for n, v in BUDGET_SECTIONS], num_cols=(1,),
                    total=["รวม", baht(total)])
            + sign_of(entry, "ประกาศ ณ วันที่")
            + para("อนุมัติ (ลงชื่อ) นายอำเภอโนนสำราญ วันที่ 22 กันยายน 2568"))
    return page(entry["title"], body)


def progress_page(data: dict) -> str:
    entry = data["progress_report"]
    rows = [[i, p["name"], base.PROJECT_STATUS[p["status"]], baht(p["budget"]), baht(p.get("disbursed", 0))]
            for i, p in enumerate(data["projects"], 1)]
    budget = sum(Decimal(p["budget"]) for p in data["projects"])
    paid = sum(Decimal(p.get("disbursed", "0")) for p in data["projects"])
    counts = {k: sum(1 for p in data["projects"] if p["status"] == k) for k in base.PROJECT_STATUS}
    summary = ", ".join(f"{base.PROJECT_STATUS[k]} {v} โครงการ" for k, v in counts.items() if v)
    body = (para(f"ข้อมูล ณ วันที่ {th_date(data['progress_as_of'])} ({summary})",
                 "การเบิกจ่ายงบประมาณภาพรวมทั้งข้อบัญญัติ 23,457,600 บาท จากงบประมาณ 54,300,000 บาท คิดเป็นร้อยละ 43.2")
            + table(["ที่", "โครงการ", "สถานะ", "งบประมาณ (บาท)", "เบิกจ่ายแล้ว (บาท)"], rows, num_cols=(3, 4),
                    total=["", "รวมโครงการในรายงาน", "", baht(budget), baht(paid)])
            + "<h2>ปัญหาและแนวทางแก้ไข</h2>"
            + bullets(["โครงการก่อสร้างถนน คสล. หมู่ที่ 5 และถนนเลี่ยงน้ำท่วม หมู่ที่ 4 ลงนามสัญญาเดือนกุมภาพันธ์ 2569 "
                       "จะเบิกจ่ายได้เมื่อส่งมอบงาน ต้องแล้วเสร็จก่อนฤดูฝน",
                       "เร่งรัดโครงการขุดลอกห้วยยางและการเตรียมรับมืออุทกภัยให้เริ่มได้ในไตรมาสที่ 3"])
            + sign_of(entry, "รายงาน ณ วันที่"))
    return page(entry["title"], body)


# ---------------------------------------------------------------- reports of FY 2568

def report_docs() -> dict:
    docs = {}
    intros = {
        "O7": f"{AGENCY} รายงานผลการดำเนินงานตามแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) ประจำปีงบประมาณ พ.ศ. 2568 ตามระเบียบ"
              "กระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น โดยคณะกรรมการติดตามและประเมินผล"
              "แผนพัฒนาท้องถิ่นได้ติดตามผลแล้ว ดังนี้",
        "O14": "รายงานผลการดำเนินการตามแผนอัตรากำลัง 3 ปี และแผนพัฒนาบุคลากร ในปีงบประมาณ พ.ศ. 2568 ครอบคลุมการวางแผนกำลังคน "
               "การสรรหา การพัฒนา การประเมินผล และการรักษาบุคลากร",
        "O22": "รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริตที่กำหนดไว้ในการประเมินความเสี่ยงการทุจริต "
               "ประจำปีงบประมาณ พ.ศ. 2568 ติดตามผล 2 รอบ",
        "O24": "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570) เฉพาะโครงการและกิจกรรมของปีงบประมาณ "
               "พ.ศ. 2568",
        "O26": "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568 "
               "ที่กำหนดจากผลการวิเคราะห์การประเมิน ITA ปี 2567 ทั้ง 7 มาตรการ",
    }
    for code, intro in intros.items():
        docs.update(base.annual_report_page(code, intro, YEAR))
    return docs


def procurement_report_docs() -> dict:
    """O12: the FY 2568 procurement summary, its month-by-month table read from FY 2568's O12."""
    data = load("O12", YEAR)
    months = load("O12", 2568)["months"]
    monthly = [[th_month(m["month"]), len(m.get("rows", [])), baht(sum(Decimal(r["agreed_price"]) for r in m.get("rows", [])))]
               for m in months]
    body = (para(f"{AGENCY} สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. 2568 "
                 "(1 ตุลาคม 2567 – 30 กันยายน 2568) เพื่อรายงานผู้บริหารและเผยแพร่ต่อสาธารณะ ดังนี้")
            + md(body_of("O12", YEAR), shift=1)
            + "<h2>สรุปรายเดือน</h2>"
            + table(["เดือน", "จำนวนโครงการ", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"], monthly, num_cols=(1, 2))
            + "<h2>ปัญหาอุปสรรค</h2>" + bullets(data["problems"])
            + "<h2>ข้อเสนอแนะ</h2>" + bullets(data["suggestions"])
            + sign_of(data["report"], "ทราบ/เห็นชอบ ลงวันที่"))
    return {at(data["report"]["file"]): page(data["report"]["title"], body)}


#: Other bidders of FY 2569's competitive projects (the สขร.1 form lists every offer).
BIDDERS = {
    "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนงาม–บ้านหนองแวง หมู่ที่ 5 กว้าง 5 เมตร ยาว 520 เมตร":
        [("หจก.ภูไทก่อสร้าง", 1089000), ("หจก.ส.รุ่งเรืองการโยธา", 1102000), ("บริษัท กาฬสินธุ์ธนาก่อสร้าง จำกัด", 1118500),
         ("หจก.อีสานรุ่งโรจน์", 1126000)],
    "จัดซื้อเครื่องสูบน้ำขนาด 6 นิ้ว พร้อมท่อ จำนวน 2 เครื่อง (เตรียมรับมืออุทกภัย)":
        [("บริษัท อีสานเครื่องกลการเกษตร จำกัด", 88700), ("หจก.กาฬสินธุ์การเกษตร", 91200)],
}


# ---------------------------------------------------------------- O10 statistics, O13 HR, O15 ethics

ONLINE_COUNTS = {  # requests per month, in the order of O10's services
    "2568-10": (9, 4, 0, 2, 1), "2568-11": (11, 3, 0, 3, 2), "2568-12": (8, 5, 0, 4, 1), "2569-01": (10, 3, 0, 2, 2),
    "2569-02": (9, 2, 3, 1, 1), "2569-03": (12, 3, 9, 2, 3), "2569-04": (11, 4, 14, 5, 2), "2569-05": (10, 6, 7, 2, 3),
    "2569-06": (12, 5, 1, 2, 2), "2569-07": (9, 7, 0, 3, 2), "2569-08": (10, 6, 0, 2, 3), "2569-09": (11, 4, 0, 3, 3),
}


def e_service_docs() -> dict:
    data = load("O10", YEAR)
    docs = base.o10_docs(YEAR)
    names = [s["name"] for s in data["services"]]
    rows, totals = [], [0] * len(names)
    for month, counts in ONLINE_COUNTS.items():
        totals = [a + b for a, b in zip(totals, counts)]
        rows.append([th_month(month), *counts, sum(counts)])
    entry = data["attachments"][0]
    body = (para("จำนวนคำขอที่ยื่นผ่านแบบฟอร์มคำขอออนไลน์บนเว็บไซต์ นับจากทะเบียนรับคำขอออนไลน์ของงานธุรการ แยกตามบริการและเดือน")
            + table(["เดือน", *names, "รวม"], rows, num_cols=tuple(range(1, len(names) + 2)),
                    total=["รวมทั้งปี", *totals, sum(totals)])
            + para("คำขอทุกรายการได้รับการตอบรับภายใน 1 วันทำการ และดำเนินการแล้วเสร็จภายในระยะเวลาที่ประกาศร้อยละ 97.2")
            + sign_of(entry, "รับรองข้อมูล ณ วันที่"))
    docs[at(entry["file"])] = page(entry["title"], body, landscape=True)
    return docs


HR_ACTIVITIES = [
    ("การวางแผนกำลังคน", "วิเคราะห์ภารกิจและจัดทำร่างแผนอัตรากำลัง 3 ปี (พ.ศ. 2570–2572)", "มกราคม–สิงหาคม 2569", "งานการเจ้าหน้าที่"),
    ("การสรรหาและคัดเลือก", "สรรหาพนักงานจ้างตำแหน่งว่าง ประกาศรับสมัครไม่น้อยกว่า 15 วัน", "ตามตำแหน่งที่ว่าง", "คณะกรรมการสรรหา"),
    ("การพัฒนาบุคลากร", "อบรมตามตำแหน่ง การให้บริการออนไลน์ และคุณธรรมจริยธรรม อย่างน้อยคนละ 1 หลักสูตร", "ตลอดปีงบประมาณ", "ทุกส่วนราชการ"),
    ("การประเมินผลการปฏิบัติงาน", "ประกาศหลักเกณฑ์ ประเมิน 2 รอบ แจ้งผลรายบุคคล", "มีนาคม และกันยายน 2569", "ผู้บังคับบัญชาทุกระดับ"),
    ("การส่งเสริมขวัญกำลังใจ", "ยกย่องพนักงานดีเด่น ตรวจสุขภาพประจำปี สำรวจความพึงพอใจ", "ธันวาคม 2568 – กันยายน 2569", "งานการเจ้าหน้าที่"),
]
HR_RULES = [
    "ประกาศรับสมัครพนักงานจ้างบนเว็บไซต์และบอร์ดประชาสัมพันธ์ไม่น้อยกว่า 15 วัน ระบุคุณสมบัติ อัตราค่าตอบแทน และวิธีการคัดเลือก",
    "คัดเลือกโดยสอบข้อเขียนและสัมภาษณ์ คณะกรรมการคัดเลือกอย่างน้อย 3 คน มีบุคคลภายนอกร่วมอย่างน้อย 1 คน",
    "ประกาศรายชื่อผู้มีสิทธิสอบ ผลการคัดเลือก และบัญชีผู้ผ่านการคัดเลือกบนเว็บไซต์ทุกครั้ง",
    "ประเมินผลการปฏิบัติงานปีละ 2 รอบ ผลสัมฤทธิ์ของงานร้อยละ 70 พฤติกรรมการปฏิบัติงานร้อยละ 30 ประกาศหลักเกณฑ์ก่อนเริ่มรอบ",
    "แจ้งผลการประเมินเป็นรายบุคคล ผู้ไม่เห็นด้วยขอทบทวนผลได้ภายใน 15 วันนับจากวันที่ได้รับแจ้ง",
    "การเลื่อนขั้นค่าตอบแทนพิจารณาจากผลการประเมินเท่านั้น และประกาศรายชื่อผู้มีผลการปฏิบัติงานดีเด่นให้ทราบทั่วกัน",
]


def hr_docs() -> dict:
    data = load("O13", YEAR)
    plan = next(p for p in data["plans"] if base.own(p["file"]))
    rules = data["attachments"][0]
    topics = [[base.TOPIC_TH[t["topic"]], t["summary"]] for t in data["topics"]]
    return {
        at(plan["file"]): page(plan["title"], table(["ประเด็น", "สาระสำคัญ"], topics)
            + "<h2>กิจกรรม ระยะเวลา และผู้รับผิดชอบ</h2>"
            + table(["ประเด็น", "กิจกรรม", "ระยะเวลา", "ผู้รับผิดชอบ"], [list(a) for a in HR_ACTIVITIES])
            + signature(plan["signed_by"], NAYOK[1], plan["signed_on"], "อนุมัติ ณ วันที่")),
        at(rules["file"]): page(rules["title"], para(
            "อาศัยอำนาจตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดกาฬสินธุ์ ว่าด้วยหลักเกณฑ์และเงื่อนไขเกี่ยวกับพนักงานจ้าง "
            f"{AGENCY} จึงประกาศหลักเกณฑ์ที่ใช้ในปีงบประมาณ พ.ศ. 2569 ดังนี้")
            + bullets(HR_RULES, ordered=True) + para("จึงประกาศให้ทราบโดยทั่วกัน") + sign_of(rules, "ประกาศ ณ วันที่")),
    }


def ethics_docs() -> dict:
    data = load("O15", YEAR)
    dos = next(c for c in data["codes"] if base.own(c["file"]))
    order = data["activities"][0]["documents"][0]
    return {
        at(dos["file"]): page(dos["title"], "<h2>สิ่งที่ควรปฏิบัติ (Do's)</h2>" + bullets(data["dos"])
                              + "<h2>สิ่งที่ไม่ควรปฏิบัติ (Don'ts)</h2>" + bullets(data["donts"])
                              + sign_of(dos, "ประกาศ ณ วันที่")),
        at(order["file"]): page(order["title"], para(
            "เพื่อให้การส่งเสริมคุณธรรมจริยธรรมและความโปร่งใสของ อบต.ดงเมือง ในปีงบประมาณ พ.ศ. 2569 เป็นไปอย่างต่อเนื่อง "
            "จึงแต่งตั้งคณะทำงาน ดังนี้")
            + table(["ที่", "ตำแหน่ง", "หน้าที่ในคณะทำงาน"], base.WORKING_GROUP)
            + "<h2>อำนาจหน้าที่</h2>" + bullets(["จัดทำแผนขับเคลื่อนจริยธรรมประจำปี", "ติดตามการปฏิบัติตามประมวลจริยธรรม",
                                               "รายงานผลต่อนายก อบต. ทุก 6 เดือน"], ordered=True)
            + sign_of(order, "สั่ง ณ วันที่")),
    }


# ---------------------------------------------------------------- O20 No Gift, O21 risk follow-up

GIFT_RULES = [
    "รับทรัพย์สินหรือประโยชน์อื่นใดจากญาติได้ตามจำนวนที่เหมาะสมตามฐานานุรูป",
    "รับจากบุคคลอื่นที่ไม่ใช่ญาติได้ราคาหรือมูลค่าไม่เกิน 3,000 บาทต่อคนต่อโอกาส",
    "รับจากบุคคลที่ให้แก่บุคคลทั่วไปเป็นการทั่วไป เช่น ของแจกในงานประเพณี ได้",
    "ห้ามรับทุกกรณีหากเป็นการรับเพื่อแลกกับการปฏิบัติหน้าที่ หรือจากผู้ที่มีเรื่องอยู่ระหว่างการพิจารณาของหน่วยงาน",
    "ของที่ได้รับเกินหลักเกณฑ์ ให้รายงานผู้บังคับบัญชาภายใน 30 วัน และส่งมอบเป็นทรัพย์สินของหน่วยงาน",
]
NIL_ROW = ["-", "-", "ไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใด", "-", "-", "0.00"]


def no_gift_docs() -> dict:
    data = load("O20", YEAR)
    declaration = data["declaration"]
    text = "\n".join(line for line in body_of("O20", YEAR).splitlines() if line[:2] in ("1.", "2.", "3.", "4."))
    docs = {at(declaration["file"]): page(declaration["title"], para(
        f"เพื่อให้การปฏิบัติหน้าที่ของ{AGENCY} เป็นไปด้วยความซื่อสัตย์ สุจริต โปร่งใส และป้องกันผลประโยชน์ทับซ้อน "
        "ตามแนวทางของคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ จึงประกาศเจตนารมณ์ ดังนี้")
        + md(text) + para("จึงประกาศให้ทราบโดยทั่วกัน") + sign_of(declaration, "ประกาศ ณ วันที่"))}
    summary = data["activities"][1]["documents"][0]
    docs[at(summary["file"])] = page(summary["title"], para(
        "ตามมาตรา 128 แห่งพระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 "
        "และประกาศคณะกรรมการ ป.ป.ช. เจ้าพนักงานของรัฐรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาได้ ดังนี้")
        + bullets(GIFT_RULES, ordered=True)
        + "<h2>ตัวอย่างที่ต้องปฏิเสธ</h2>"
        + bullets(["กระเช้าปีใหม่จากผู้รับเหมาที่เป็นคู่สัญญาของ อบต.", "เงินหรือของฝากจากผู้ยื่นคำขออนุญาตก่อสร้างอาคาร",
                   "การเลี้ยงรับรองจากผู้ประกอบการที่เสนอราคาในงานจัดซื้อจัดจ้าง"])
        + sign_of(summary, "เผยแพร่ ณ วันที่"))
    head = ["ที่", "วันที่รับ", "ผู้รับ (ตำแหน่ง)", "ผู้ให้", "รายการ", "มูลค่า (บาท)"]
    gift = ["1", "19 กุมภาพันธ์ 2568", "นายกองค์การบริหารส่วนตำบลดงเมือง", "คณะศึกษาดูงานจากหน่วยงานของรัฐ",
            "ของที่ระลึก (ผ้าไหมทอมือ 1 ผืน) ส่งมอบเป็นทรัพย์สินของ อบต.", "1,200.00"]
    for entry in data["attachments"]:
        rows = [gift] if "2568" in entry["title"] else [NIL_ROW]
        body = (para(esc(entry.get("note", "")))
                + "<h2>การดำเนินงานตามนโยบาย</h2>"
                + bullets(["ประกาศเจตนารมณ์และติดป้ายไม่รับของขวัญที่จุดบริการทุกจุด",
                           "ชี้แจงหลักเกณฑ์การรับทรัพย์สินโดยธรรมจรรยาก่อนเทศกาลปีใหม่",
                           "แจ้งผู้ประกอบการที่เป็นคู่สัญญาให้งดให้ของขวัญแก่เจ้าหน้าที่"])
                + "<h2>รายการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา</h2>" + table(head, rows, num_cols=(5,))
                + sign_of(entry, "รายงาน ณ วันที่"))
        docs[at(entry["file"])] = page(entry["title"], body, landscape=True)
    return docs


def risk_docs() -> dict:
    docs = base.o23_docs("O21", YEAR)
    data = load("O21", YEAR)
    follow = data["attachments"][0]
    rows = [[i, r["process"], base.LEVEL_TH[r["level"]], "ดำเนินการครบทุกมาตรการ", FOLLOW_RESULTS[i - 1]]
            for i, r in enumerate(data["risks"], 1)]
    docs[at(follow["file"])] = page(follow["title"], para(
        "คณะทำงานประเมินความเสี่ยงการทุจริตติดตามผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต ประจำปีงบประมาณ "
        "พ.ศ. 2569 รอบที่ 2 (เมษายน–กันยายน) ดังนี้")
        + table(["ที่", "กระบวนงาน", "ระดับความเสี่ยง", "การดำเนินการตามมาตรการ", "ผลการติดตาม"], rows)
        + sign_of(follow, "รายงาน ณ วันที่"), landscape=True)
    return docs


FOLLOW_RESULTS = [
    "รับคำขอ 13 ราย ออกใบอนุญาตภายใน 45 วันทุกราย ไม่มีข้อร้องเรียน",
    "เผยแพร่ สขร.1 ครบทุกเดือน ผู้แทนประชาคมร่วมตรวจรับ 4 โครงการ มีข้อร้องเรียน 1 เรื่อง ไม่พบการทุจริต",
    "สุ่มตรวจฎีกา 4 ไตรมาส ไม่พบการเบิกจ่ายเป็นเท็จ",
    "ตรวจสอบการประเมินโดยเจ้าหน้าที่ 2 คนทุกแปลง ไม่มีข้อร้องเรียน",
    "ประกาศหลักเกณฑ์ก่อนเริ่มกระบวนการทุกครั้ง ไม่มีข้อร้องเรียน",
    "พบการใช้รถบรรทุกน้ำนอกเหนือที่ได้รับอนุญาต 1 ครั้ง ลงโทษทางวินัยแล้ว ติดตั้ง GPS ครบ 2 คัน",
    "ประกาศรายชื่อผู้ได้รับความช่วยเหลือทุกครั้ง มีข้อร้องเรียน 1 เรื่อง ไม่พบการทุจริต",
]


def documents() -> dict:
    """Every PDF of fiscal year 2569: path under content/ -> HTML."""
    docs = {}
    for build in (lambda: base.o1_docs(YEAR), plan_docs, report_docs, lambda: base.o8_docs(YEAR), e_service_docs,
                  lambda: base.o12_docs("O11", YEAR, BIDDERS), procurement_report_docs, hr_docs, ethics_docs,
                  lambda: base.o20_docs("O19", YEAR), no_gift_docs, risk_docs, lambda: base.o25_docs("O23", YEAR),
                  base.seed_measures_docs):
        docs.update(build())
    return docs


# ---------------------------------------------------------------- drawn photos

SCENES = {
    "ita/2569/files/o15/obrom-chariyatham-2569-1.jpg": lambda r: base.indoor("อบรมคุณธรรมจริยธรรมและการป้องกันการทุจริต 2569", r),
    "ita/2569/files/o15/obrom-chariyatham-2569-2.jpg": lambda r: base.group_work("กลุ่ม: Do's & Don'ts ของส่วนราชการ", r),
    "ita/2569/files/o15/jit-asa-2569.jpg": lambda r: base.field("จิตอาสาพัฒนาหนองสิม", r, planting=True),
    "ita/2569/files/o19/prachakhom-tambon-2569-1.jpg": lambda r: base.indoor("เวทีประชาคมตำบลดงเมือง ครั้งที่ 1/2569", r),
    "ita/2569/files/o19/prachakhom-tambon-2569-2.jpg": lambda r: base.group_work("จัดลำดับโครงการ: ถนนและทางระบายน้ำ", r),
    "ita/2569/files/o19/rap-fang-khwamkhithen-khaya.jpg": lambda r: base.village("รับฟังความคิดเห็น คัดแยกขยะ", r),
    "ita/2569/files/o19/truat-rap-thanon-mu-5.jpg": lambda r: base.roadside("ตรวจรับถนน คสล. หมู่ที่ 5", r),
    "ita/2569/files/o20/prakat-jetanarom-2569-1.jpg": lambda r: base.outdoor("No Gift Policy อบต.ดงเมือง 2569", r),
    "ita/2569/files/o20/prakat-jetanarom-2569-2.jpg": lambda r: base.outdoor("ไม่รับของขวัญทุกชนิด", r, hands=True),
    "ita/2569/files/o20/obrom-lakken-rap-sapsin.jpg": lambda r: base.indoor("หลักเกณฑ์การรับทรัพย์สินโดยธรรมจรรยา", r),
    "news/images/2568-10-01-no-gift-2569.jpg": lambda r: base.outdoor("ประกาศเจตนารมณ์ No Gift Policy 2569", r, hands=True),
    "news/images/2568-11-05-loi-krathong.jpg": base.night_water,
    "news/images/2569-01-10-wan-dek.jpg": lambda r: base.kids(r, "งานวันเด็กแห่งชาติ 2569"),
    "news/images/2569-03-13-obrom-khunnatham.jpg": lambda r: base.indoor("อบรมคุณธรรมจริยธรรม 2569", r),
    "news/images/2569-04-11-songkran.jpg": lambda r: base.outdoor("รดน้ำดำหัวผู้สูงอายุ 2569", r),
    "news/images/2569-06-10-truat-rap-thanon.jpg": lambda r: base.roadside("ถนน คสล. บ้านโนนงาม–บ้านหนองแวง", r),
    "news/images/2569-08-20-triam-uthokkaphai.jpg": lambda r: base.village("ซ้อมแผนรับมืออุทกภัย 2569", r, flood=True),
    "news/images/2569-09-18-sapha.jpg": lambda r: base.indoor("ประชุมสภา อบต.ดงเมือง สมัยวิสามัญ 2/2569", r, screen=False),
}
