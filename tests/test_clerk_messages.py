"""The exact text of every clerk-facing message that no other test ran (found with coverage.py over the whole
suite): content files in the wrong place, a Markdown link to a missing file, an unknown item, values of the
wrong shape, spreadsheets that cannot be imported, the command line's own messages, the output folder's
notices. Each test states the whole message, Thai, English and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BUILD_DATE_EPOCH, MINIMAL_SITE_YAML, NEWS_POST, TEMPLATES, write_files
from prongsai import batch, cli, importing, sitefolder
from prongsai.pipeline import Paths, build_site
from prongsai.problems import SiteError
from test_importing import NACC, xlsx


def message(location: str, th: str, en: str, hint_th: str = "", hint_en: str = "") -> str:
    lines = [f"{location}: ข้อผิดพลาด: {th}", f"    error: {en}"]
    lines += [f"    วิธีแก้: {hint_th}"] if hint_th else []
    lines += [f"    fix: {hint_en}"] if hint_en else []
    return "\n".join(lines)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Write {path under content/: text}; returns the Paths (site.yaml is added unless given or with_site=False)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)

    def make(files: dict, with_site: bool = True) -> Paths:
        write_files(tmp_path / "content", {**({"site.yaml": MINIMAL_SITE_YAML} if with_site else {}), **files})
        return Paths(project=tmp_path, content=tmp_path / "content", templates=TEMPLATES, out=tmp_path / "site")

    return make


def said(paths: Paths) -> list[str]:
    with pytest.raises(SiteError) as failed:
        build_site(paths, jobs=1)
    return [problem.format() for problem in failed.value.problems]


# ---------------------------------------------------------------------------------------------------------
# Content files


def test_a_markdown_link_to_a_missing_file(project):
    paths = project({"news/2567-10-15-prachakhom.md": NEWS_POST + "ดู[รายงานการประชุม](files/raingan.pdf)\n"})
    assert said(paths) == [message(
        "content/news/2567-10-15-prachakhom.md:6:3", "ลิงก์ 'files/raingan.pdf' ชี้ไปยังไฟล์ที่ไม่มีในเว็บไซต์",
        "the link 'files/raingan.pdf' leads to a file the site does not have",
        "วางไฟล์ไว้ในโฟลเดอร์ content/ หรือแก้ลิงก์ (ลิงก์ไปยังหน้าข้อใช้ชื่อ เช่น o12.html)",
        "put the file in content/ or correct the link (item pages are named like o12.html)")]


def test_no_content_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    paths = Paths(project=tmp_path, content=tmp_path / "content", templates=TEMPLATES, out=tmp_path / "site")
    assert said(paths) == [
        message("content", "ไม่พบโฟลเดอร์เนื้อหา", "the content folder does not exist",
                "สร้างโฟลเดอร์ content/ หรือบอกตำแหน่งด้วย --content", "create it, or name it with --content")]


def test_no_site_yaml(project):
    paths = project({"news/2567-10-15-prachakhom.md": NEWS_POST}, with_site=False)
    assert said(paths) == [
        message("content/site.yaml", "ไม่พบไฟล์ site.yaml (ข้อมูลหน่วยงาน)", "content/site.yaml (the agency's settings) is missing",
                "สร้างไฟล์ content/site.yaml โดยดูตัวอย่างใน README", "create it; the README has an example")]


def test_a_yaml_file_in_no_known_place(project):
    assert said(project({"notes.yaml": "a: 1\n"})) == [message(
        "content/notes.yaml", "ไม่รู้ว่าไฟล์นี้เป็นข้อมูลของส่วนใด", "Prongsai does not know what this file is for",
        "ไฟล์ข้อมูล ITA ไว้ที่ content/ita/<ปีงบประมาณ>/O1.yaml ข่าวไว้ที่ content/news/<วันที่>-<ชื่อ>.md",
        "ITA items go in content/ita/<fiscal year>/O1.yaml, news in content/news/<date>-<name>.md")]


def test_an_item_file_not_named_by_its_code(project):
    assert said(project({"ita/2568/contact.yaml": "updated: 2567-10-01\n"})) == [message(
        "content/ita/2568/contact.yaml", "ชื่อไฟล์ต้องขึ้นต้นด้วยรหัสข้อ เช่น O12.yaml",
        "an item file's name must start with its code, e.g. O12.yaml", "เปลี่ยนชื่อไฟล์เป็น O<เลขข้อ>.yaml", "rename it O<number>.yaml")]


def test_an_item_the_years_framework_does_not_have(project):
    assert said(project({"ita/2568/O29.yaml": "updated: 2567-10-01\n"})) == [message(
        "content/ita/2568/O29.yaml", "เกณฑ์ ITA ปี 2568 ไม่มีข้อ O29", "the ITA 2568 framework has no item O29",
        "ข้อที่มี: O1 ถึง O28", "its items are O1 to O28")]


def test_a_news_file_name_with_a_space(project):
    assert said(project({"news/2567-10-15 ประชุม.md": NEWS_POST})) == [message(
        "content/news/2567-10-15 ประชุม.md", "ชื่อไฟล์ข่าวต้องไม่มีช่องว่างหรือเครื่องหมายพิเศษ",
        "a news file's name may hold only letters, digits, - and _",
        "ตั้งชื่อแบบ 2567-10-15-prachakhom.md", "name it like 2567-10-15-prachakhom.md")]


def test_a_value_where_a_group_of_fields_goes(project):
    paths = project({"ita/2568/O19.yaml": "months:\n  - month: 2567-10\n    received: 0\n    finished: 0\n"
                                          "    in_progress: 0\nprevious_fy: 2567\n"})
    assert said(paths) == [message(
        "content/ita/2568/O19.yaml:6:14", "ช่อง 'previous_fy' (สรุปทั้งปีของปีงบประมาณก่อนหน้า) ต้องเป็นกลุ่มของช่องย่อย",
        "'previous_fy' must be a group of fields", "เขียนช่องย่อยในบรรทัดถัดไป ย่อหน้าเข้าไป 2 ช่องว่าง",
        "write its fields on the next lines, indented by 2 spaces")]


def test_a_year_beyond_any_buddhist_era_date(project):
    paths = project({"ita/2568/O2.yaml": "updated: 3650-10-01\nexecutives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n"
                                         "    role: chief\n"})
    assert said(paths) == [message("content/ita/2568/O2.yaml:1:10", "ปีใน '3650-10-01' มากเกินไป",
                                   "the year in '3650-10-01' is too large", "เขียนปี พ.ศ. เช่น 2567-10-01",
                                   "write a Buddhist-era year, e.g. 2567-10-01")]


def test_counts_written_as_one_number(project):
    paths = project({"ita/2568/O11.yaml": "services: [ชำระภาษี]\nmonths:\n  - month: 2567-10\n    counts: 5\n"})
    assert said(paths) == [message(
        "content/ita/2568/O11.yaml:4:13", "ช่อง 'counts' (จำนวนครั้งแต่ละงานบริการ) ต้องเป็นกลุ่ม ชื่องานบริการ: จำนวน",
        "'counts' must map each service to a count", "เขียนแต่ละบริการในบรรทัดใหม่ ย่อหน้า 2 ช่องว่าง เช่น  ชำระภาษี: 12",
        "one line per service, indented: e.g.  ชำระภาษี: 12")]


def test_a_template_link_to_a_page_the_site_does_not_have(project, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    contact = templates / "contact.html"
    contact.write_text(contact.read_text(encoding="utf-8").replace("{% block content %}", '{% block content %}<a href="map.html">แผนที่</a>', 1),
                       encoding="utf-8")
    paths = project({})
    paths = Paths(paths.project, paths.content, templates, paths.out)
    assert said(paths) == [
        "templates/contact.html: ข้อผิดพลาด: หน้า contact.html มีลิงก์ไปยัง 'map.html' ซึ่งไม่มีอยู่\n"
        "    error: contact.html links to 'map.html', which does not exist\n"
        "    ขณะสร้างหน้า contact.html จาก - (while rendering -)"]


# ---------------------------------------------------------------------------------------------------------
# Spreadsheets


def test_a_csv_neither_utf8_nor_thai_windows(tmp_path):
    file = tmp_path / "ร้องเรียน.csv"
    file.write_bytes("เดือน,จำนวน\n".encode("utf-8") + b"\xfc\xfd,1\n")
    assert [p.format() for p in importing.import_complaints(file)[1]] == [message(
        "ร้องเรียน.csv", "อ่านภาษาไทยในไฟล์ CSV นี้ไม่ได้ (ไม่ใช่ทั้ง UTF-8 และ cp874)",
        "cannot read the Thai in this CSV file: it is neither UTF-8 nor cp874",
        "ใน Excel เลือก บันทึกเป็น → CSV UTF-8 (Comma delimited)", "in Excel, Save As 'CSV UTF-8 (Comma delimited)'")]


def test_a_month_given_that_is_not_a_month(tmp_path):
    file = xlsx(tmp_path, [NACC])
    assert [p.format() for p in importing.import_procurement(file, month="ตุลา")[1]] == [message(
        "จัดซื้อ.xlsx [O12]", "เดือนที่ระบุ 'ตุลา' ไม่ถูกต้อง", "the month given, 'ตุลา', is not a BE month",
        "เขียนแบบ 2567-10", "write it like 2567-10")]


def test_a_sheet_with_nothing_below_its_header(tmp_path):
    file = xlsx(tmp_path, [NACC])
    assert importing.import_procurement(file, month="2567-10")[0] is None
    assert [p.format() for p in importing.import_procurement(file, month="2567-10")[1]] == [message(
        "จัดซื้อ.xlsx [O12]:1:1", "ไม่มีข้อมูลใต้แถวหัวตาราง (แถว 1)", "there is no data below the header row (row 1)",
        "กรอกข้อมูลตั้งแต่แถวถัดจากหัวตาราง", "fill in the rows below the header")]


def test_service_statistics_without_a_service_column(tmp_path):
    file = xlsx(tmp_path, [["เดือน", "รวม"], ["ต.ค. 67", 3]], title="O11", name="o11.xlsx")
    assert [p.format() for p in importing.import_service_statistics(file)[1]] == [message(
        "o11.xlsx [O11]:1:1", "ไม่พบคอลัมน์งานบริการในแถวหัวตาราง", "the header row has no service columns",
        "เพิ่มคอลัมน์ละหนึ่งงานบริการ หัวคอลัมน์เป็นชื่องานบริการ", "add one column per service, headed with the service's name")]


# ---------------------------------------------------------------------------------------------------------
# The command line


def command(project: Path, capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(project)
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_of_content_with_errors(project, capsys, monkeypatch):
    paths = project({"ita/2568/O29.yaml": "updated: 2567-10-01\n"})
    assert command(paths.project, capsys, monkeypatch, "check", "--templates", str(TEMPLATES)) == (1, "", message(
        "content/ita/2568/O29.yaml", "เกณฑ์ ITA ปี 2568 ไม่มีข้อ O29", "the ITA 2568 framework has no item O29",
        "ข้อที่มี: O1 ถึง O28", "its items are O1 to O28") + "\n\n"
        "อ่านเนื้อหาไม่สำเร็จ: พบข้อผิดพลาด 1 รายการใน 1 ไฟล์ แก้ไขก่อนแล้วสั่งอีกครั้ง\n"
        "Cannot read the content: 1 errors in 1 files; fix them and run it again.\n")


def test_itas_without_a_base_url(project, capsys, monkeypatch):
    paths = project({"ita/2568/O2.yaml": "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n"})
    code, out, err = command(paths.project, capsys, monkeypatch, "itas", "--templates", str(TEMPLATES))
    assert (code, out) == (0, f"ไฟล์สำหรับระบบ ITAS (28 ข้อ) | ITAS sheet: {paths.project / 'itas-2568.csv'}\n")
    assert err == ("คำเตือน: site.yaml ไม่มี base_url จึงเขียน URL เป็นทางในเว็บไซต์ | warning: no base_url in site.yaml, "
                   "so the URLs are site paths\n")


@pytest.mark.parametrize("args, said", [
    (("new",), "ต้องระบุ: new O12 | new-year 2569 | init โฟลเดอร์ | missing the item, year or folder\n"),
    (("import", "procurement"), "ใช้แบบนี้ | usage: python build.py import procurement|complaints|services FILE.xlsx\n"),
])
def test_a_verb_without_what_it_needs(project, capsys, monkeypatch, args, said):
    assert command(project({}).project, capsys, monkeypatch, *args) == (2, "", said)


def test_schema_says_what_it_wrote_or_why_not(project, capsys, monkeypatch):
    paths = project({})
    code, out, err = command(paths.project, capsys, monkeypatch, "schema")
    written = sorted((paths.project / ".vscode").rglob("*.json"))
    assert (code, err) == (0, "")
    assert out == (f"เขียน {len(written)} ไฟล์สำหรับ VS Code (ต้องติดตั้งส่วนขยาย YAML ของ Red Hat) | wrote {len(written)} "
                   f"editor files: {paths.project / '.vscode' / 'settings.json'}\n")
    settings = paths.project / ".vscode" / "settings.json"
    settings.write_text('{\n  // my own settings\n  "editor.fontSize": 16\n}\n', encoding="utf-8")
    code, out, err = command(paths.project, capsys, monkeypatch, "schema")
    assert (code, out) == (1, "")
    assert err == (f"{settings} ไม่ใช่ JSON ธรรมดา (อาจมีหมายเหตุ // อยู่) จึงไม่ได้แก้ไข | {settings} is not a plain JSON object "
                   f"(comments, perhaps), so it was left unchanged: Expecting property name enclosed in double quotes: "
                   f"line 2 column 3 (char 4)\n")


def test_ctrl_c_during_any_other_command(project, capsys, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "check", interrupted)
    assert command(project({}).project, capsys, monkeypatch, "check") == (130, "", "หยุดแล้ว (Ctrl+C) | stopped (Ctrl+C)\n")


def test_ctrl_c_during_a_batch(tmp_path, capsys, monkeypatch):
    write_files(tmp_path / "a" / "content", {"site.yaml": MINIMAL_SITE_YAML})

    def interrupted(*args):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(batch, "_in_order", interrupted)
    monkeypatch.chdir(tmp_path)
    assert batch.main(["a"]) == 130
    assert capsys.readouterr() == ("", "หยุดแล้ว (Ctrl+C) หลังจากสร้างเสร็จ 0 หน่วยงาน: site/ ของแต่ละหน่วยงานเป็นเว็บไซต์เดิม"
                                       "หรือเว็บไซต์ใหม่ที่ครบถ้วน | stopped (Ctrl+C) after 0 agencies: each agency's site/ "
                                       "is its complete old or new site\n")


def test_an_output_folder_without_a_name(project, capsys, monkeypatch):
    assert command(project({}).project, capsys, monkeypatch, "--out", "/") == (2, "", (
        "ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n"
        "ต้องระบุชื่อโฟลเดอร์ผลลัพธ์ เช่น --out site | name the output folder, e.g. --out site: /\n"))


# ---------------------------------------------------------------------------------------------------------
# Notices: what the clerk should know that is not about the content


def test_folders_that_cannot_be_deleted_are_named_and_left_for_the_next_build(project, monkeypatch):
    paths = project({})
    build_site(paths, jobs=1)
    old = paths.out.resolve()
    (paths.project / ".site-new-aaaaaaaa").mkdir()  # left by a killed build
    monkeypatch.setattr(sitefolder, "_remove", lambda entry: False)  # open in another program, say
    write_files(paths.content, {"news/2567-10-15-prachakhom.md": NEWS_POST})
    result = build_site(paths, jobs=1)

    def cannot(entry: Path) -> str:
        return (f"ลบ {entry} ไม่ได้ (อาจเปิดอยู่ในโปรแกรมอื่นหรือเป็นแบบอ่านอย่างเดียว) จะลองลบอีกครั้งเมื่อสร้างเว็บไซต์ครั้งถัดไป | "
                f"could not delete {entry} (open in another program, or read-only); the next build tries again")

    leftover = paths.project / ".site-new-aaaaaaaa"
    assert list(result.notices) == [cannot(leftover), cannot(old), cannot(leftover)]  # at the start, then after the switch
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    assert build_site(paths, jobs=1).notices == () and not leftover.exists() and not old.exists()


def test_the_preview_prints_the_warnings_of_each_rebuild(project, capsys, tmp_path):
    from prongsai.serve import Preview

    paths = project({"news/2567-10-15-prachakhom.md": NEWS_POST + "<script>x()</script>\n"})
    warnings = build_site(Paths(paths.project, paths.content, TEMPLATES, tmp_path / "built"), jobs=1).warnings
    assert len(warnings) == 1
    capsys.readouterr()
    preview = Preview(paths, tmp_path / "preview")
    preview.rebuild()
    assert not preview.failed
    assert capsys.readouterr().err == warnings[0].format() + "\n"
