"""The exact text a clerk reads for each kind of content problem: `path:line:column: ข้อผิดพลาด: ...`."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from conftest import PROCUREMENT_YAML, TEMPLATES, pdf_bytes, png_bytes

from prongsai import Paths, SiteError, build_site
from prongsai.framework import usable_years

EX = "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n"
PROC = PROCUREMENT_YAML
NEWS = "---\ntitle: ประชุมประชาคม\ndate: 2567-10-15\n{extra}---\nเนื้อข่าว\n"
FIX_HINT_FIELDS = "executives, updated, changes, attachments"
#: the years of prongsai/data/ita-*.yaml, as the hint lists them ("2568, 2569")
FRAMEWORK_YEARS = ", ".join(str(year) for year in usable_years())
NEXT_YEAR = usable_years()[-1]
ROLES_TH = ("chief (ผู้บริหารสูงสุด), deputy (รองผู้บริหารสูงสุด), secretary (เลขานุการผู้บริหาร), council (สภาท้องถิ่น), "
            "permanent_head (ปลัด (หัวหน้าฝ่ายประจำ)), permanent_deputy (รองปลัด), division_head (ผู้อำนวยการกอง/หัวหน้าสำนัก), "
            "other (อื่น ๆ)")
ROLES_EN = "chief, deputy, secretary, council, permanent_head, permanent_deputy, division_head, other"
OUTSIDE_TH = "วางไฟล์ไว้ในโฟลเดอร์ content/ แล้วเขียนทางไปไฟล์เทียบกับไฟล์ YAML นี้ เช่น files/o12/report.pdf"
OUTSIDE_EN = "put the file inside content/ and write its path relative to this YAML file, e.g. files/o12/report.pdf"
NOT_UTF8 = (
    "ข้อผิดพลาด: ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (อาจบันทึกเป็น ANSI หรือ TIS-620) อ่านภาษาไทยไม่ได้\n"
    "    error: this file is not saved as UTF-8 (perhaps ANSI or TIS-620), so its Thai text cannot be read\n"
    "    วิธีแก้: เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น (Save As) → การเข้ารหัส (Encoding) เป็น UTF-8\n"
    "    fix: open it in Notepad, Save As, and choose the UTF-8 encoding"
)


def message(location: str, th: str, en: str, hint_th: str = "", hint_en: str = "") -> str:
    lines = [f"{location}: ข้อผิดพลาด: {th}", f"    error: {en}"]
    lines += [f"    วิธีแก้: {hint_th}"] if hint_th else []
    lines += [f"    fix: {hint_en}"] if hint_en else []
    return "\n".join(lines)


def problems_of(paths: Paths) -> list:
    with pytest.raises(SiteError) as caught:
        build_site(paths)
    return caught.value.problems


def formatted(paths: Paths) -> list[str]:
    return [problem.format() for problem in problems_of(paths)]


O2, O12 = "content/ita/2568/O2.yaml", "content/ita/2568/O12.yaml"

CASES = {
    "yaml syntax": (
        {"ita/2568/O2.yaml": "executives:\n  - name: a\n    position: b\n   role: chief\n"},
        [message(f"{O2}:4:4", "รูปแบบ YAML ไม่ถูกต้อง",
                 "YAML syntax error: expected <block end>, but found '<block mapping start>'",
                 "ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า",
                 "check the indentation, ':' and quotes on this line and the one before")]),
    "duplicate key": (
        {"ita/2568/O2.yaml": EX + "    role: deputy\n"},
        [message(f"{O2}:5:5", "ชื่อช่อง 'role' ซ้ำกับที่เขียนไว้แล้วในบรรทัด 4",
                 "duplicate key 'role': already written on line 4",
                 "ลบช่องที่ซ้ำออกให้เหลือช่อง 'role' เพียงช่องเดียว", "keep only one 'role'")]),
    "unknown field, close match": (
        {"ita/2568/O2.yaml": EX.replace("executives:", "exectives:")},
        [message(f"{O2}:1:1", "ขาดช่อง 'executives' (ผู้บริหาร เรียงจากผู้บริหารสูงสุด) ซึ่งต้องมี",
                 "missing required field 'executives' (executives, the chief first)",
                 "เพิ่มบรรทัด  executives: ...", "add a line  executives: ..."),
         message(f"{O2}:1:1", "ไม่รู้จักช่อง 'exectives'", "unknown field 'exectives'",
                 "หมายถึง 'executives' ใช่ไหม", "did you mean 'executives'?")]),
    "unknown field, no match": (
        {"ita/2568/O2.yaml": EX + "zzqqxx: 1\n"},
        [message(f"{O2}:5:1", "ไม่รู้จักช่อง 'zzqqxx'", "unknown field 'zzqqxx'",
                 f"ช่องที่ใช้ได้: {FIX_HINT_FIELDS}", f"the fields it can have: {FIX_HINT_FIELDS}")]),
    "missing required": (
        {"ita/2568/O2.yaml": EX.replace("    position: นายก\n", "")},
        [message(f"{O2}:2:5", "ขาดช่อง 'position' (ตำแหน่ง) ซึ่งต้องมี", "missing required field 'position' (position)",
                 "เพิ่มบรรทัด  position: ...", "add a line  position: ...")]),
    "list where text expected": (
        {"ita/2568/O2.yaml": EX.replace("position: นายก", "position: [นายก, ปลัด]")},
        [message(f"{O2}:3:15", "ช่อง 'position' (ตำแหน่ง) ต้องเป็นค่าเดียว แต่เขียนเป็นรายการ (list)",
                 "'position' takes a single value, not a list",
                 "เขียนค่าต่อจากเครื่องหมาย : ในบรรทัดเดียวกัน", "write the value after the ':' on the same line")]),
    "money in words": (
        {"ita/2568/O12.yaml": PROC.replace("budget: 15000", "budget: หนึ่งล้าน")},
        [message(f"{O12}:5:17", "ช่อง 'budget' (วงเงินงบประมาณที่ได้รับจัดสรร (บาท)) ต้องเป็นตัวเลข แต่เขียนว่า 'หนึ่งล้าน'",
                 "'budget' must be a number, got 'หนึ่งล้าน'",
                 "เขียนเป็นตัวเลขอย่างเดียว ไม่ต้องมีคำว่า บาท เช่น 125000 หรือ 125000.50",
                 "write digits only, without 'บาท', e.g. 125000 or 125000.50")]),
    "impossible date": (
        {"ita/2568/O12.yaml": PROC.replace("2567-10-08", "2568-02-30")},
        [message(f"{O12}:13:24", "ไม่มีวันที่ '2568-02-30' ในปฏิทิน", "'2568-02-30' is not a real date",
                 "ตรวจวันที่และเดือนอีกครั้ง", "check the day and the month")]),
    "christian era": (
        {"ita/2568/O12.yaml": PROC.replace("2567-10-08", "2024-10-01")},
        [message(f"{O12}:13:24", "ช่อง 'contract_date' (วันที่สัญญา) ใช้ปี พ.ศ. แต่ '2024-10-01' เป็นปี ค.ศ.",
                 "'contract_date' takes a Buddhist-era (พ.ศ.) year; '2024-10-01' is a Christian-era year",
                 "เขียนปี พ.ศ. (ค.ศ. + 543) เช่น 2567-10-01", "write the BE year (CE + 543): 2567-10-01")]),
    "month format": (
        {"ita/2568/O12.yaml": PROC.replace("month: 2567-10", "month: ตุลาคม 2567")},
        [message(f"{O12}:2:12", "ช่อง 'month' (เดือน (พ.ศ.)) ต้องเขียนเป็นปี-เดือน (พ.ศ.) แต่เขียนว่า 'ตุลาคม 2567'",
                 "'month' must be written as year-month in the Buddhist era, got 'ตุลาคม 2567'",
                 "เขียนแบบนี้: 2567-10", "write it like this: 2567-10")]),
    "bad choice": (
        {"ita/2568/O2.yaml": EX.replace("chief", "cheif")},
        [message(f"{O2}:4:11", "ช่อง 'role' (บทบาท) ไม่มีค่า 'cheif' ให้เลือก", "'role' has no choice 'cheif'",
                 f"หมายถึง 'chief' ใช่ไหม; ค่าที่ใช้ได้: {ROLES_TH}", f"did you mean 'chief'? allowed: {ROLES_EN}")]),
    "bool written no": (
        {"ita/2568/O12.yaml": PROC.replace("    rows:", "    no_procurement: no\n    rows:")},
        [message(f"{O12}:3:21",
                 "ช่อง 'no_procurement' (เขียน true ถ้าเดือนนี้ไม่มีการจัดซื้อจัดจ้าง) ต้องเป็น true หรือ false แต่เขียนว่า 'no'",
                 "'no_procurement' must be true or false, got 'no'",
                 "เขียน true (ใช่) หรือ false (ไม่ใช่)", "write true or false")]),
    "missing attachment": (
        {"ita/2568/O2.yaml": EX + "    photo: files/o2/nayok.jpg\n", "ita/2568/files/o2/nayok.jpeg": png_bytes()},
        [message(f"{O2}:5:12", "ไม่พบไฟล์ 'files/o2/nayok.jpg'",
                 "file not found: 'files/o2/nayok.jpg' (looked for content/ita/2568/files/o2/nayok.jpg)",
                 "หมายถึง 'nayok.jpeg' ใช่ไหม", "did you mean 'nayok.jpeg'?")]),
    "outside content": (
        {"ita/2568/O2.yaml": EX + "attachments:\n  - title: ก\n    file: ../../../secret.pdf\n"
                                  "  - title: ข\n    file: /etc/passwd\n  - title: ค\n    file: C:\\secret.pdf\n"},
        [message(f"{O2}:{line}:11", f"ไฟล์ '{path}' อยู่นอกโฟลเดอร์ content/", f"'{path}' leads outside the content/ folder",
                 OUTSIDE_TH, OUTSIDE_EN)
         for line, path in [(7, "../../../secret.pdf"), (9, "/etc/passwd"), (11, "C:/secret.pdf")]]),
    "outside content from news": (
        {"news/2567-10-15-prachakhom.md": NEWS.format(extra="image: ../../secret.png\n")},
        [message("content/news/2567-10-15-prachakhom.md:4:8", "ไฟล์ '../../secret.png' อยู่นอกโฟลเดอร์ content/",
                 "'../../secret.png' leads outside the content/ folder", OUTSIDE_TH, OUTSIDE_EN)]),
    "wrong extension": (
        {"ita/2568/O2.yaml": EX + "    photo: files/cv.pdf\n", "ita/2568/files/cv.pdf": pdf_bytes()},
        [message(f"{O2}:5:12", "ช่อง 'photo' (รูปถ่าย) ใช้ไฟล์ .pdf ไม่ได้", "'photo' cannot take a .pdf file",
                 "ใช้ไฟล์ชนิด jpg, jpeg, png, webp, gif, svg", "use a jpg, jpeg, png, webp, gif, svg file")]),
    "two files for one item": (
        {"ita/2568/O12.yaml": PROC, "ita/2568/O12-procurement.yaml": PROC},
        [message(O12, "มีไฟล์ของข้อ O12 มากกว่าหนึ่งไฟล์: O12-procurement.yaml และ O12.yaml",
                 "two files for item O12: O12-procurement.yaml and O12.yaml",
                 "รวมข้อมูลไว้ในไฟล์เดียว แล้วลบอีกไฟล์", "merge them into one file and delete the other")]),
    "year without framework": (
        {"ita/2590/O1.yaml": "chart_description: แผนผัง\n"},
        [message("content/ita/2590/O1.yaml", "ไม่มีเกณฑ์ ITA ของปีงบประมาณ '2590'",
                 "there is no ITA framework for fiscal year '2590'",
                 f"ใช้โฟลเดอร์ปีงบประมาณ {FRAMEWORK_YEARS} (ปี {NEXT_YEAR} ใช้เกณฑ์ปี {NEXT_YEAR - 1} ชั่วคราว) "
                 f"หรือเพิ่มเกณฑ์ของปีนั้นเป็นไฟล์ frameworks/ita-<ปี>.yaml ตาม README",
                 f"use a fiscal-year folder of {FRAMEWORK_YEARS} ({NEXT_YEAR} with the {NEXT_YEAR - 1} criteria as "
                 f"provisional), or add that year's criteria as frameworks/ita-<year>.yaml as the README says")]),
    "markdown without yaml": (
        {"ita/2568/O1.md": "# อำนาจหน้าที่\n"},
        [message("content/ita/2568/O1.md", "มีไฟล์ข้อความของข้อ O1 แต่ไม่มีไฟล์ O1.yaml",
                 "there is a Markdown body for O1 but no O1.yaml beside it",
                 "สร้างไฟล์ O1.yaml ในโฟลเดอร์เดียวกัน", "create O1.yaml in the same folder")]),
    "news without front matter": (
        {"news/2567-10-15-prachakhom.md": "ประชุมประชาคมหมู่บ้าน\n"},
        [message("content/news/2567-10-15-prachakhom.md:1:1", "ข่าวต้องขึ้นต้นด้วยส่วนหัวระหว่างบรรทัด --- (หัวข้อข่าวและวันที่)",
                 "a news post must start with front matter between --- lines (title and date)",
                 "เริ่มไฟล์ด้วย  ---  แล้ว  title: ...  date: 2567-10-15  แล้วปิดด้วย  ---",
                 "start the file with ---, then title: and date: lines, then ---")]),
    "empty attachment": (
        {"ita/2568/O2.yaml": EX + "    photo: files/nayok.png\n", "ita/2568/files/nayok.png": b""},
        [message("content/ita/2568/files/nayok.png", "ไฟล์นี้ว่างเปล่า (0 ไบต์)", "this file is empty (0 bytes)",
                 "แทนที่ด้วยไฟล์ที่ถูกต้อง", "replace it with the real file")]),
    "file saved as cp874": (
        {"ita/2568/O2.yaml": "executives:\n  - role: chief\n    name: ปลัด\n".encode("cp874")},
        [f"{O2}:3:1: {NOT_UTF8}"]),
}


@pytest.mark.parametrize(("files", "expected"), list(CASES.values()), ids=list(CASES))
def test_problem_text(scratch, files, expected):
    assert formatted(scratch(files)) == expected


def test_corrupt_pdf(scratch):
    paths = scratch({"ita/2568/O2.yaml": EX + "attachments:\n  - title: ก\n    file: files/x.pdf\n",
                     "ita/2568/files/x.pdf": b"not a pdf"})
    [text] = formatted(paths)
    lines = text.split("\n")
    assert lines[0] == "content/ita/2568/files/x.pdf: ข้อผิดพลาด: เปิดไฟล์ PDF นี้ไม่ได้ ไฟล์อาจเสีย"
    assert lines[1].startswith("    error: this PDF file cannot be opened (")  # then pypdf's own words
    assert lines[2:] == ["    วิธีแก้: บันทึกหรือสแกนไฟล์ใหม่แล้ววางแทนที่", "    fix: save or scan it again and replace it"]


def test_thai_choice_label_is_accepted(scratch):
    paths = scratch({"ita/2568/O12.yaml": PROC.replace("method: specific", "method: เฉพาะเจาะจง")})
    build_site(paths)
    assert "เฉพาะเจาะจง" in (paths.out / "ita/2568/o12.html").read_text(encoding="utf-8")


def test_all_problems_at_once_sorted(scratch):
    paths = scratch({
        "ita/2568/O2.yaml": EX.replace("chief", "cheif") + "    email: nayok-at-test\n",
        "ita/2568/O12.yaml": PROC.replace("2567-10-08", "2568-02-30"),
    })
    found = [(p.path, p.line, p.en) for p in problems_of(paths)]
    assert found == [
        (O12, 13, "'2568-02-30' is not a real date"),
        (O2, 4, "'role' has no choice 'cheif'"),
        (O2, 5, "'email' must be an e-mail address, got 'nayok-at-test'"),
    ]
    assert not paths.out.exists()


UNSAFE_MD = """\
# หัวข้อ

ย่อหน้า <script>alert(1)</script>

<p onclick="steal()">คลิก</p>

[ลิงก์](javascript:alert(1))

<iframe src="https://evil.example/"></iframe>

![ภาพ](https://host/x.png)

```
<script>shown as code</script>
```
"""


def test_unsafe_markdown_warns_and_is_removed(scratch):
    paths = scratch({"ita/2568/O2.yaml": EX, "ita/2568/O2.md": UNSAFE_MD,
                     "news/2567-10-15-prachakhom.md": NEWS.format(extra="") + "\n<script>x()</script>\n"})
    result = build_site(paths)
    assert [(w.location, w.severity, w.en) for w in result.warnings] == [
        ("content/ita/2568/O2.md:3:9", "warning", "the <script> tag was removed from the page for safety"),
        ("content/ita/2568/O2.md:5:1", "warning", "the onclick= event handler was removed from the page for safety"),
        ("content/ita/2568/O2.md:7:1", "warning", "a javascript: link was removed from the page for safety"),
        ("content/ita/2568/O2.md:9:1", "warning", "the <iframe> tag was removed from the page for safety"),
        ("content/ita/2568/O2.md:11:1", "warning", "an image from another host was removed from the page for safety"),
        ("content/news/2567-10-15-prachakhom.md:7:1", "warning", "the <script> tag was removed from the page for safety"),
    ]
    assert result.warnings[0].format().startswith("content/ita/2568/O2.md:3:9: คำเตือน: แท็ก <script> ถูกนำออกจากหน้าเว็บ")
    for page in ("ita/2568/o2.html", "news/2567-10-15-prachakhom.html"):
        html = (paths.out / page).read_text(encoding="utf-8").split('<main id="main">')[1].split("</main>")[0]
        for gone in ("<script", "onclick", "javascript:", "<iframe", "evil.example", "https://host/x.png", "alert(1)"):
            assert gone not in html, (page, gone)
    assert "&lt;script&gt;shown as code&lt;/script&gt;" in (paths.out / "ita/2568/o2.html").read_text(encoding="utf-8")


def test_strict_build_fails_on_warnings(scratch):
    paths = scratch({"ita/2568/O2.yaml": EX, "ita/2568/O2.md": "<script>x</script>\n"})
    with pytest.raises(SiteError) as caught:
        build_site(paths, strict=True)
    assert [p.location for p in caught.value.problems] == ["content/ita/2568/O2.md:1:1"]


def test_template_error_names_template_line_and_content(scratch, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    broken = templates / "kinds" / "executives.html"
    lines = broken.read_text(encoding="utf-8").split("\n")
    broken.write_text("\n".join(lines[:2] + ["{{ page.nosuch }}"] + lines[2:]), encoding="utf-8")
    paths = dataclasses.replace(scratch({"ita/2568/O2.yaml": EX}), templates=templates)
    assert formatted(paths) == [
        "templates/kinds/executives.html:3:1: ข้อผิดพลาด: แม่แบบหน้าเว็บผิดพลาด: "
        "'prongsai.pagelist.PageInfo object' has no attribute 'nosuch'\n"
        "    error: template error: UndefinedError: 'prongsai.pagelist.PageInfo object' has no attribute 'nosuch'\n"
        "    ขณะสร้างหน้า ita/2568/o2.html จาก content/ita/2568/O2.yaml "
        "(while rendering content/ita/2568/O2.yaml -> ita/2568/o2.html)"
    ]


# --- bugs found while writing these tests ---------------------------------------

@pytest.mark.parametrize("name", ["ita/2568/O2.md", "news/2567-10-15-prachakhom.md"])
def test_markdown_saved_as_cp874(scratch, name):
    body = (NEWS.format(extra="") if name.startswith("news") else "") + "ปลัด\n"
    paths = scratch({"ita/2568/O2.yaml": EX, name: body.encode("cp874")})
    line = next(number for number, text in enumerate(body.split("\n"), start=1) if not text.isascii())
    assert formatted(paths) == [f"content/{name}:{line}:1: {NOT_UTF8}"]


def test_empty_list_entry(scratch):
    paths = scratch({"site.yaml": "phones:\n  -\n"})
    assert any(p.line == 2 for p in problems_of(paths))


def test_attachment_beside_the_item_file(scratch):
    pdf = pdf_bytes()
    paths = scratch({"ita/2568/O2.yaml": EX + "attachments:\n  - title: ก\n    file: x.pdf\n", "ita/2568/x.pdf": pdf})
    build_site(paths)
    assert (paths.out / "ita/2568/x.pdf").read_bytes() == pdf


def test_attachment_problem_path_is_relative_to_the_project(scratch, tmp_path):
    scratch({"ita/2568/O2.yaml": EX + "    photo: files/nayok.png\n", "ita/2568/files/nayok.png": b""})
    (tmp_path / "agency").mkdir()
    shutil.move(tmp_path / "content", tmp_path / "agency" / "content")
    paths = Paths(project=tmp_path, content=tmp_path / "agency" / "content", templates=TEMPLATES, out=tmp_path / "site")
    assert [p.path for p in problems_of(paths)] == ["agency/content/ita/2568/files/nayok.png"]
