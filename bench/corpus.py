"""The benchmark's corpus: N Thai news posts, the same pages for Prongsai and for Hugo.

Owns the shape of one synthetic disclosure page (300-600 Thai words of prose in
eight sections, H2/H3 headings, a 20-row procurement table, three attachment
links), matching the corpus the project's performance anchors were measured on.
Page i is the same for every N (its random generator is seeded with i), so the
N = 28 corpus is a prefix of the N = 1,000 one.

  prongsai/  the sample agency (content/ and templates/ copied from the project)
             with its news replaced by N posts: content/news/<BE date>-dNNNNN.md
  hugo/      hugo.yaml and content/news/dNNNNN.md, the same titles, dates and bodies;
             the theme is the one `hugo new theme` makes (run.py adds it)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

# Real Thai sentences; "|" marks word breaks for counting only (Thai is written without spaces).
SENTENCES = [
    "หน่วยงาน|ได้|ดำเนินการ|เผยแพร่|ข้อมูล|ข่าวสาร|ตาม|พระราชบัญญัติ|ข้อมูล|ข่าวสาร|ของ|ราชการ|พ.ศ.|2540",
    "การ|จัดซื้อ|จัดจ้าง|ครั้ง|นี้|เป็น|ไป|ตาม|ระเบียบ|กระทรวง|การคลัง|ว่าด้วย|การ|จัดซื้อ|จัดจ้าง|และ|การ|บริหาร|พัสดุ|ภาครัฐ|พ.ศ.|2560",
    "ประชาชน|สามารถ|ตรวจสอบ|รายละเอียด|เพิ่มเติม|ได้|จาก|เอกสาร|แนบ|ท้าย|ประกาศ|นี้",
    "คณะกรรมการ|ได้|พิจารณา|คุณสมบัติ|ของ|ผู้|ยื่น|ข้อเสนอ|ทุก|ราย|อย่าง|รอบคอบ|และ|โปร่งใส",
    "งบประมาณ|ที่|ได้รับ|จัดสรร|ใน|ปีงบประมาณ|นี้|จะ|นำ|ไป|ใช้|เพื่อ|พัฒนา|คุณภาพ|ชีวิต|ของ|ประชาชน|ใน|พื้นที่",
    "ผล|การ|ดำเนินงาน|ประจำ|ไตรมาส|แสดง|ให้|เห็น|ว่า|การ|เบิกจ่าย|เป็น|ไป|ตาม|แผน|ที่|กำหนด|ไว้",
    "ผู้|ที่|ประสงค์|จะ|ขอ|ข้อมูล|เพิ่มเติม|สามารถ|ติดต่อ|ได้|ที่|ศูนย์|ข้อมูล|ข่าวสาร|ใน|วัน|และ|เวลา|ราชการ",
    "หน่วยงาน|ให้|ความ|สำคัญ|กับ|การ|ป้องกัน|การ|ทุจริต|และ|การ|ส่งเสริม|คุณธรรม|และ|ความ|โปร่งใส|ใน|การ|ดำเนินงาน",
    "ราคา|กลาง|ของ|งาน|ก่อสร้าง|คำนวณ|ตาม|หลักเกณฑ์|ที่|คณะกรรมการ|ราคา|กลาง|กำหนด",
    "การ|ประเมิน|คุณธรรม|และ|ความ|โปร่งใส|ใน|การ|ดำเนินงาน|ของ|หน่วยงาน|ภาครัฐ|ช่วย|ยกระดับ|มาตรฐาน|การ|ให้บริการ",
    "เจ้าหน้าที่|จะ|ตรวจสอบ|ความ|ถูกต้อง|ของ|ข้อมูล|ก่อน|เผยแพร่|บน|เว็บไซต์|ทุก|ครั้ง",
    "ข้อมูล|ใน|ตาราง|ต่อไปนี้|สรุป|รายการ|จัดซื้อ|จัดจ้าง|ที่|ดำเนินการ|แล้ว|เสร็จ|ใน|เดือน|ที่|ผ่าน|มา",
    "แผน|ปฏิบัติ|ราชการ|ประจำ|ปี|จัดทำ|ขึ้น|ให้|สอดคล้อง|กับ|ยุทธศาสตร์|ชาติ|และ|แผน|แม่บท|ที่|เกี่ยวข้อง",
    "การ|รับฟัง|ความ|คิดเห็น|ของ|ประชาชน|เป็น|ส่วน|หนึ่ง|ของ|กระบวนการ|ตัดสินใจ|ของ|หน่วยงาน",
    "ผู้|บริหาร|ได้|มอบหมาย|ให้|ทุก|กอง|ติดตาม|และ|รายงาน|ผล|การ|ดำเนินงาน|เป็น|ประจำ|ทุก|เดือน",
    "ทั้งนี้|หาก|มี|ข้อ|สงสัย|หรือ|ข้อ|ร้องเรียน|สามารถ|แจ้ง|ผ่าน|ช่องทาง|ที่|หน่วยงาน|กำหนด|ไว้",
    "ประกาศ|ฉบับ|นี้|มี|ผล|บังคับ|ใช้|ตั้งแต่|วัน|ที่|ลงนาม|เป็นต้นไป",
    "การ|บริหาร|ทรัพยากร|บุคคล|ยึด|หลัก|คุณธรรม|ความ|รู้|ความ|สามารถ|และ|ความ|เป็น|ธรรม",
    "รายงาน|ทาง|การเงิน|ได้|ผ่าน|การ|ตรวจสอบ|จาก|สำนักงาน|การ|ตรวจเงิน|แผ่นดิน|แล้ว",
    "ข้อมูล|ส่วนบุคคล|ของ|ผู้|มา|ติดต่อ|จะ|ได้รับ|การ|คุ้มครอง|ตาม|กฎหมาย",
    "โครงการ|นี้|มี|วัตถุประสงค์|เพื่อ|ปรับปรุง|ระบบ|สาธารณูปโภค|ขั้น|พื้นฐาน|ใน|ชุมชน",
    "ระยะ|เวลา|ดำเนินการ|ตาม|สัญญา|คือ|หนึ่ง|ร้อย|ยี่สิบ|วัน|นับ|ถัด|จาก|วัน|ลงนาม|ใน|สัญญา",
    "หน่วยงาน|ได้|เปิดเผย|ราคา|กลาง|และ|คุณลักษณะ|เฉพาะ|ของ|พัสดุ|ไว้|ล่วงหน้า",
    "คณะทำงาน|ได้|ลง|พื้นที่|เพื่อ|สำรวจ|ความ|ต้องการ|ของ|ประชาชน|ก่อน|จัดทำ|โครงการ",
    "ผล|การ|ประเมิน|ความ|พึงพอใจ|ของ|ผู้|รับ|บริการ|อยู่|ใน|ระดับ|ดี|มาก",
    "การ|เบิกจ่าย|งบประมาณ|ต้อง|มี|หลักฐาน|ประกอบ|ครบถ้วน|ตาม|ที่|ระเบียบ|กำหนด",
    "สำนักงาน|ขอ|ประชาสัมพันธ์|ให้|ผู้|ที่|สนใจ|เข้า|ร่วม|โครงการ|ได้|ตาม|วัน|เวลา|ดังกล่าว",
    "รายการ|ครุภัณฑ์|ที่|จัดซื้อ|จะ|ขึ้น|ทะเบียน|และ|ตรวจนับ|เป็น|ประจำ|ทุก|ปี",
    "การ|ดำเนินการ|ดังกล่าว|อยู่|ภายใต้|การ|กำกับ|ดูแล|ของ|ผู้|อำนวยการ|กอง|คลัง",
    "เพื่อ|ให้|เกิด|ความ|คุ้มค่า|หน่วยงาน|ได้|เปรียบเทียบ|ราคา|จาก|ผู้|ประกอบการ|หลาย|ราย",
    "มาตรการ|ภายใน|เพื่อ|ส่งเสริม|ความ|โปร่งใส|ได้|รับ|การ|ทบทวน|และ|ปรับปรุง|อย่าง|ต่อเนื่อง",
    "ประชาชน|สามารถ|ดาวน์โหลด|เอกสาร|ฉบับ|เต็ม|ได้|จาก|รายการ|เอกสาร|แนบ|ด้านล่าง",
    "หน่วยงาน|จะ|รายงาน|ความ|ก้าวหน้า|ของ|โครงการ|ต่อ|สาธารณะ|ทุก|สาม|เดือน",
    "การ|จ้าง|ที่|ปรึกษา|ดำเนินการ|โดย|วิธี|คัดเลือก|ตาม|ที่|กฎหมาย|กำหนด",
    "ผู้|ชนะ|การ|เสนอ|ราคา|ต้อง|วาง|หลักประกัน|สัญญา|ก่อน|ลงนาม",
    "แผน|การ|จัดซื้อ|จัดจ้าง|ประจำ|ปี|ได้|ประกาศ|เผยแพร่|ใน|ระบบ|การ|จัดซื้อ|จัดจ้าง|ภาครัฐ|แล้ว",
    "การ|ฝึกอบรม|บุคลากร|มุ่ง|เน้น|การ|พัฒนา|ทักษะ|ดิจิทัล|และ|การ|ให้บริการ|ประชาชน",
    "สถิติ|การ|ให้บริการ|ใน|ปี|ที่|ผ่าน|มา|เพิ่มขึ้น|เมื่อ|เทียบ|กับ|ปี|ก่อน|หน้า",
    "ข้อ|เสนอแนะ|จาก|การ|ตรวจสอบ|ภายใน|ได้|นำ|มา|ปรับปรุง|กระบวนการ|ทำงาน",
    "หน่วยงาน|ขอ|ขอบคุณ|ประชาชน|ทุก|ท่าน|ที่|ให้|ความ|ร่วมมือ|ด้วย|ดี|เสมอ|มา",
    "การ|ตรวจ|รับ|พัสดุ|ดำเนินการ|โดย|คณะกรรมการ|ตรวจ|รับ|ที่|ได้รับ|แต่งตั้ง",
    "ผู้|รับ|จ้าง|ได้|ส่งมอบ|งาน|ครบถ้วน|ตาม|สัญญา|และ|ภายใน|ระยะ|เวลา|ที่|กำหนด",
    "หน่วยงาน|ได้|จัดทำ|คู่มือ|การ|ปฏิบัติ|งาน|เพื่อ|ให้|การ|ให้บริการ|เป็น|มาตรฐาน|เดียวกัน",
    "ข้อมูล|นี้|จะ|ได้รับ|การ|ปรับปรุง|ให้|เป็น|ปัจจุบัน|อย่าง|น้อย|เดือน|ละ|หนึ่ง|ครั้ง",
]
SENTENCES = [s.split("|") for s in SENTENCES]

SECTIONS = [  # (directory, Thai section title)
    ("procurement", "การจัดซื้อจัดจ้าง"),
    ("budget", "งบประมาณ"),
    ("hr", "การบริหารทรัพยากรบุคคล"),
    ("plans", "แผนการดำเนินงาน"),
    ("reports", "รายงานผลการดำเนินงาน"),
    ("announcements", "ประกาศ"),
    ("integrity", "คุณธรรมและความโปร่งใส"),
    ("services", "การให้บริการ"),
]
H2 = ["ความเป็นมา", "วัตถุประสงค์", "รายละเอียดการดำเนินงาน", "ผลการดำเนินงาน",
      "หลักเกณฑ์การพิจารณา", "ระยะเวลาดำเนินการ", "งบประมาณที่ได้รับ", "ข้อมูลเพิ่มเติม"]
H3 = ["ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "กลุ่มเป้าหมาย", "ผลที่คาดว่าจะได้รับ",
      "ข้อสังเกต", "การติดตามและประเมินผล"]
ITEMS = ["โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก", "จัดซื้อวัสดุสำนักงาน", "จัดซื้อเครื่องคอมพิวเตอร์",
         "จ้างเหมาบริการทำความสะอาดอาคาร", "จัดซื้อครุภัณฑ์การแพทย์", "จ้างซ่อมแซมอาคารสำนักงาน",
         "จัดซื้อน้ำมันเชื้อเพลิง", "จ้างพัฒนาระบบสารสนเทศ", "ก่อสร้างรางระบายน้ำ",
         "ติดตั้งไฟฟ้าส่องสว่างสาธารณะ", "จัดซื้อวัสดุการเกษตร", "จ้างเหมารถโดยสาร"]
METHODS = ["เฉพาะเจาะจง", "ประกาศเชิญชวนทั่วไป (e-bidding)", "คัดเลือก", "ตลาดอิเล็กทรอนิกส์ (e-market)"]
VENDORS = ["บริษัท สยามพัฒนา จำกัด", "ห้างหุ้นส่วนจำกัด รุ่งเรืองก่อสร้าง", "บริษัท ไทยเทคโนโลยี จำกัด",
           "ร้านเจริญพาณิชย์", "บริษัท มั่นคงวิศวกรรม จำกัด", "ห้างหุ้นส่วนจำกัด ศรีสุขการค้า",
           "บริษัท เอเชียการแพทย์ จำกัด", "สหกรณ์การเกษตรบ้านใหม่ จำกัด"]
REASONS = ["ราคาต่ำสุด", "คุณสมบัติตรงตามเงื่อนไข", "คุณภาพดีและราคาเหมาะสม", "เป็นผู้ประกอบการในพื้นที่"]
AGENCIES = ["องค์การบริหารส่วนตำบลบ้านใหม่", "เทศบาลตำบลหนองบัว", "สำนักงานสาธารณสุขจังหวัดขอนแก่น",
            "เทศบาลเมืองแม่ริม", "องค์การบริหารส่วนจังหวัดสงขลา", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง"]
TAGS = ["ข้อมูลสาธารณะ", "ITA", "ราคากลาง", "ผลการจัดซื้อจัดจ้าง", "แผนปฏิบัติราชการ", "งบประมาณรายจ่าย",
        "การเบิกจ่าย", "ความโปร่งใส", "การป้องกันการทุจริต", "สถิติการให้บริการ", "บุคลากร", "ประกาศผู้ชนะ"]
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
TITLES = ["ประกาศผู้ชนะการเสนอราคา{item}", "ประกาศเผยแพร่ราคากลาง{item}",
          "สรุปผลการจัดซื้อจัดจ้างประจำเดือน{month} {be}", "รายงานผลการดำเนินงานไตรมาสที่ {q} ปีงบประมาณ {fy}",
          "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ {fy}", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ ไตรมาสที่ {q}",
          "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปี {fy}", "ข้อมูลสถิติการให้บริการประจำเดือน{month} {be}"]
DOCS = ["ประกาศ", "รายงานสรุปผล", "ตารางแสดงวงเงินงบประมาณ", "สัญญาจ้าง", "บันทึกรายงานผลการพิจารณา",
        "คำสั่งแต่งตั้งคณะกรรมการ", "ใบเสนอราคา"]

BASE_DATE = dt.date(2023, 10, 1)  # fiscal years 2567 and 2568 BE, as the sample's ITA year
SEED = "20240601"


def _baht(rng: random.Random) -> str:
    return f"{rng.randrange(5_000, 5_000_000):,}.00"


def _prose(rng: random.Random) -> list[str]:
    """Sentences adding up to 300-600 words."""
    target, sentences, words = rng.randint(300, 600), [], 0
    while True:
        sentence = rng.choice(SENTENCES)
        if words + len(sentence) > target:
            return sentences
        sentences.append("".join(sentence))
        words += len(sentence)


def _table(rng: random.Random, be: int) -> str:
    rows = []
    for number in range(1, 21):
        budget = _baht(rng)
        rows.append(f"| {number} | {rng.choice(ITEMS)} | {budget} | {budget} | {rng.choice(METHODS)} "
                    f"| {rng.choice(VENDORS)} ({budget} บาท) | {rng.choice(REASONS)} "
                    f"| {rng.randint(1, 999)}/{be} ลงวันที่ {rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {be} |")
    return "\n".join([
        "| ลำดับ | งานที่จัดซื้อหรือจัดจ้าง | วงเงิน (บาท) | ราคากลาง (บาท) | วิธีซื้อหรือจ้าง "
        "| ผู้ได้รับการคัดเลือกและราคาที่ตกลง | เหตุผลที่คัดเลือก | เลขที่และวันที่ของสัญญา |",
        "|---:|---|---:|---:|---|---|---|---|", *rows])


def make_page(i: int) -> dict:
    """Page i: title, date (CE), summary and Markdown body."""
    rng = random.Random(f"{SEED}-{i}")
    date = BASE_DATE + dt.timedelta(days=(i * 7) % 730)
    be = date.year + 543
    fy = be + 1 if date.month >= 10 else be
    title = rng.choice(TITLES).format(item=rng.choice(ITEMS), month=MONTHS[date.month - 1], be=be,
                                      q=rng.randint(1, 4), fy=fy) + f" (เลขที่ {i + 1:05d}/{be})"
    sentences = _prose(rng)
    cuts = [0, *sorted(rng.sample(range(1, len(sentences)), 6)), len(sentences)]
    paras = [" ".join(sentences[cuts[k]:cuts[k + 1]]) for k in range(7)]
    h2, h3 = rng.sample(H2, 4), rng.sample(H3, 2)
    links = []
    for k in range(1, 4):
        kb = rng.randint(80, 4000)
        size = f"{kb} KB" if kb < 1024 else f"{kb / 1024:.1f} MB"
        links.append(f"- [{rng.choice(DOCS)} ฉบับที่ {k} (PDF {size})](https://example.com/files/{be}/d{i + 1:05d}-{k}.pdf)")
    body = (f"{paras[0]}\n\n## {h2[0]}\n\n{paras[1]}\n\n## {h2[1]}\n\n{paras[2]}\n\n### {h3[0]}\n\n{paras[3]}\n\n"
            f"### {h3[1]}\n\n{paras[4]}\n\n## สรุปผลการจัดซื้อจัดจ้าง\n\n{paras[5]}\n\n{_table(rng, be)}\n\n"
            f"## {h2[2]}\n\n{paras[6]}\n\n## เอกสารแนบ\n\n" + "\n".join(links) + "\n")
    return {"slug": f"d{i + 1:05d}", "title": title, "date": date, "summary": " ".join(sentences[:2]),
            "body": body, "tags": rng.sample(TAGS, 2), "category": rng.choice(SECTIONS)[1]}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def prongsai_post(page: dict) -> tuple[str, str]:
    """(file name, text) of page as a Prongsai news post (dates in the Buddhist era)."""
    date = page["date"]
    be = f"{date.year + 543}-{date.month:02d}-{date.day:02d}"
    text = (f"---\ntitle: {_quoted(page['title'])}\ndate: {be}\nsummary: {_quoted(page['summary'])}\n---\n\n"
            + page["body"])
    return f"{be}-{page['slug']}.md", text


def hugo_post(page: dict) -> tuple[str, str]:
    """(file name, text) of page as a Hugo page (the same front matter Hugo's users write)."""
    tags = ", ".join(_quoted(t) for t in page["tags"])
    text = (f"---\ntitle: {_quoted(page['title'])}\ndate: {page['date'].isoformat()}\n"
            f"summary: {_quoted(page['summary'])}\ncategories: [{_quoted(page['category'])}]\ntags: [{tags}]\n---\n\n"
            + page["body"])
    return f"{page['slug']}.md", text


HUGO_CONFIG = """baseURL: https://example.org/
locale: th
title: องค์การบริหารส่วนตำบลดงเมือง (ทดสอบ)
theme: plain
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_corpus(n: int, out: Path, project: Path) -> None:
    """Both layouts of the N-page corpus under out/ (out/prongsai and out/hugo; the Hugo theme is not written)."""
    site = out / "prongsai"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(project / "content", site / "content", ignore=shutil.ignore_patterns("news"))
    for folder in ("images", "files"):
        shutil.copytree(project / "content" / "news" / folder, site / "content" / "news" / folder)
    shutil.copytree(project / "templates", site / "templates")
    shutil.rmtree(out / "hugo" / "content", ignore_errors=True)
    _write(out / "hugo" / "hugo.yaml", HUGO_CONFIG)
    _write(out / "hugo" / "content" / "_index.md", "---\ntitle: หน้าแรก\n---\n")
    _write(out / "hugo" / "content" / "news" / "_index.md", "---\ntitle: ข่าวประชาสัมพันธ์\n---\n")
    for i in range(n):
        page = make_page(i)
        name, text = prongsai_post(page)
        _write(site / "content" / "news" / name, text)
        name, text = hugo_post(page)
        _write(out / "hugo" / "content" / "news" / name, text)
