"""The workbench over HTTP: saving through forms (round trip, conflicts, drafts, history), uploads, imports, news,
years, and every lock of issue 12 point 10 (token, Host, origin, CSRF, upload cap, paths, conflicts, 127.0.0.1)."""

from __future__ import annotations

import shutil

import difflib
import io
import socket

import pytest
from conftest import pdf_bytes
from PIL import Image
from workbench_server import Running, sample_project

from prongsai import yamlio
from prongsai.sheets import workbook_bytes


@pytest.fixture
def running(tmp_path):
    server = Running(sample_project(tmp_path))
    yield server
    server.close()


@pytest.fixture
def client(running):
    return running.client()


def read(running, relative: str) -> str:
    return (running.paths.content / relative).read_text(encoding="utf-8")


def diff(old: str, new: str) -> list[str]:
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def tree(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- saving ------------------------------------------------------------------------------------------------

def test_saving_a_form_unchanged_changes_no_byte(running, client):
    before = read(running, "ita/2568/O2.yaml")
    form = client.form("/item/2568/O2")
    answer = client.submit(form)
    assert answer.status == 302 and answer.headers["Location"] == "/item/2568/O2?saved=1"
    assert read(running, "ita/2568/O2.yaml") == before


def test_a_one_field_edit_changes_exactly_that_line_and_keeps_comments(running, client):
    file = running.paths.content / "ita/2568/O2.yaml"
    original = file.read_text(encoding="utf-8")
    file.write_text("# ความเห็นของเจ้าหน้าที่ IT: อย่าลบบรรทัดนี้\n" + original, encoding="utf-8")
    before = file.read_text(encoding="utf-8")
    form = client.form("/item/2568/O2")
    name = form.value("v.executives.0.name")
    answer = client.submit(form, {"v.executives.0.name": "นายทดสอบ แก้ชื่อ"})
    assert answer.status == 302, answer.text[:2000]
    after = file.read_text(encoding="utf-8")
    assert diff(before, after) == [f"-  - name: {name}", "+  - name: นายทดสอบ แก้ชื่อ"]
    assert after.startswith("# ความเห็นของเจ้าหน้าที่ IT")
    # the preview was rebuilt before the answer came: the page shows the new name
    page = client.get("/preview/ita/2568/o2.html").text
    assert "นายทดสอบ แก้ชื่อ" in page


def test_a_date_from_the_buddhist_era_picker_is_written_as_written_in_content(running, client):
    before = read(running, "ita/2568/O2.yaml")
    form = client.form("/item/2568/O2")
    assert form.value("v.updated~y") == before.split("updated: ")[1][:4]
    answer = client.submit(form, {"v.updated~d": "5", "v.updated~m": "1", "v.updated~y": "2568"})
    assert answer.status == 302
    assert [line for line in diff(before, read(running, "ita/2568/O2.yaml")) if line.startswith("+")] == ["+updated: 2568-01-05"]


def test_an_invalid_value_is_not_written_and_is_shown_beside_its_field(running, client):
    before = read(running, "ita/2568/O2.yaml")
    form = client.form("/item/2568/O2")
    answer = client.submit(form, {"v.executives.0.email": "not-an-email", "v.executives.0.name": ""})
    assert answer.status == 422
    assert read(running, "ita/2568/O2.yaml") == before
    page = answer.text
    assert 'id="f-executives-0-email-problems"' in page and "ต้องเป็นอีเมล" in page and "must be an e-mail address" in page
    assert 'id="f-executives-0-name-problems"' in page and "missing required field &#39;name&#39;" in page
    assert 'aria-invalid="true" aria-describedby="f-executives-0-email-problems"' in page
    # and a draft keeps it apart, unpublished
    answer = client.submit(Form_of(answer.text), {"action": "draft"})
    assert answer.status == 200 and read(running, "ita/2568/O2.yaml") == before
    draft = (running.project / ".prongsai/drafts/ita/2568/O2.yaml").read_text(encoding="utf-8")
    assert "not-an-email" in draft
    assert "มีฉบับร่าง" in client.get("/item/2568/O2").text


def Form_of(html: str, action: str = "/item/2568/O2"):
    from workbench_server import Form

    return Form.read(html, action)


def test_two_tabs_saving_the_same_file_the_second_is_refused_with_both_versions(running, client):
    first, second = client.form("/item/2568/O2"), client.form("/item/2568/O2")
    assert client.submit(first, {"v.executives.0.position": "ตำแหน่งจากแท็บแรก"}).status == 302
    saved = read(running, "ita/2568/O2.yaml")
    answer = client.submit(second, {"v.executives.0.position": "ตำแหน่งจากแท็บที่สอง"})
    assert answer.status == 409
    assert read(running, "ita/2568/O2.yaml") == saved
    assert "ตำแหน่งจากแท็บแรก" in answer.text and "ตำแหน่งจากแท็บที่สอง" in answer.text
    assert "ฉบับบนดิสก์ตอนนี้" in answer.text and "ฉบับของคุณ" in answer.text


def test_a_file_changed_on_disk_since_the_form_was_opened_is_not_overwritten(running, client):
    form = client.form("/item/2568/O3")
    file = running.paths.content / "ita/2568/O3.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "# แก้ใน VS Code\n", encoding="utf-8")
    edited = file.read_bytes()
    assert client.submit(form, {"v.office_hours": "ทุกวัน"}).status == 409
    assert file.read_bytes() == edited


def test_history_keeps_every_saved_version_and_restores_one(running, client):
    original = read(running, "ita/2568/O3.yaml")
    client.submit(client.form("/item/2568/O3"), {"v.office_hours": "จันทร์–ศุกร์ 08.00–16.00 น."})
    changed = read(running, "ita/2568/O3.yaml")
    assert changed != original
    history = client.form("/history?file=ita/2568/O3.yaml", "/history/restore")
    assert client.submit(history).status == 302
    assert read(running, "ita/2568/O3.yaml") == original
    assert len(list((running.project / ".prongsai/history/ita/2568/O3.yaml").iterdir())) == 2


def test_every_item_form_of_the_sample_opens_and_saves_unchanged(running, client):
    for year in ("2568",):
        for number in range(1, 29):
            path = f"/item/{year}/O{number}"
            before = tree(running.paths.content / "ita" / year)
            answer = client.submit(client.form(path))
            assert answer.status == 302, (path, answer.text[:3000])
            assert tree(running.paths.content / "ita" / year) == before, path


# ---- files ---------------------------------------------------------------------------------------------------

def test_an_upload_gets_a_safe_thai_name_a_checked_type_and_is_resized_like_the_build(running, client):
    big = io.BytesIO()
    Image.new("RGB", (3000, 2000), (10, 120, 40)).save(big, "JPEG")
    answer = client.upload("ita/2568/O2.yaml", "executives.photo", "../../รูป นายก อบต.JPG", big.getvalue())
    assert answer.status == 200, answer.text
    assert answer.json()["written"] == "files/o2/รูป-นายก-อบต.jpg"
    stored = running.paths.content / "ita/2568/files/o2/รูป-นายก-อบต.jpg"
    with Image.open(stored) as image:
        assert image.size == (1200, 800)
    refused = client.upload("ita/2568/O2.yaml", "executives.photo", "virus.exe", b"MZ...")
    assert refused.status == 415 and "ไม่รับ .exe" in refused.json()["th"]
    fake = client.upload("ita/2568/O12.yaml", "documents.file", "report.pdf", b"<html>not a pdf</html>")
    assert fake.status == 415


def test_a_deleted_attachment_goes_to_the_trash_and_comes_back(running, client):
    data = pdf_bytes(1)
    client.upload("ita/2568/O12.yaml", "documents.file", "old-form.pdf", data)
    page = client.get("/item/2568/O12").text
    assert "files/o12/old-form.pdf" in page
    guard = running.bench.guard
    answer = client.post("/files/delete", {"_csrf": guard.form_token("/files/delete"), "file": "ita/2568/files/o12/old-form.pdf",
                                           "back": "/item/2568/O12"})
    assert answer.status == 302 and not (running.paths.content / "ita/2568/files/o12/old-form.pdf").exists()
    for refused in ("ita/2568/O12.yaml", "site.yaml", "news/2568-03-05-ngot-phao.md", "../x.pdf"):
        assert client.post("/files/delete", {"_csrf": guard.form_token("/files/delete"), "file": refused}).status == 404
    assert (running.paths.content / "ita/2568/O12.yaml").exists()
    assert client.submit(client.form("/trash")).status == 302
    assert (running.paths.content / "ita/2568/files/o12/old-form.pdf").read_bytes() == data


def test_replacing_a_file_asks_first_and_the_old_one_goes_to_the_trash(running, client):
    one, two = pdf_bytes(1), pdf_bytes(2)
    first = client.upload("ita/2568/O12.yaml", "documents.file", "sorkhor.pdf", one)
    assert first.status == 200
    again = client.upload("ita/2568/O12.yaml", "documents.file", "sorkhor.pdf", two)
    assert again.status == 409 and again.json()["exists"]
    assert (running.paths.content / "ita/2568/files/o12/sorkhor.pdf").read_bytes() == one
    replaced = client.upload("ita/2568/O12.yaml", "documents.file", "sorkhor.pdf", two, replace=True)
    assert replaced.status == 200
    assert (running.paths.content / "ita/2568/files/o12/sorkhor.pdf").read_bytes() == two
    trash = client.get("/trash").text
    assert "ita/2568/files/o12/sorkhor.pdf" in trash


# ---- news ----------------------------------------------------------------------------------------------------

def test_a_news_post_is_added_deleted_to_the_trash_and_restored(running, client):
    form = client.form("/news/new")
    answer = client.submit(form, {"v.title": "ประชุมสภา อบต. สมัยสามัญ", "v.date~d": "1", "v.date~m": "12", "v.date~y": "2569",
                                  "body": "สภา อบต. ประชุมสมัยสามัญ สมัยที่ 4"})
    assert answer.status == 302, answer.text[:2000]
    slug = answer.headers["Location"].split("/news/edit/")[1].split("?")[0]
    assert slug == "2569-12-01-khao-1"
    text = read(running, f"news/{slug}.md")
    assert text == "---\ntitle: ประชุมสภา อบต. สมัยสามัญ\ndate: 2569-12-01\n---\nสภา อบต. ประชุมสมัยสามัญ สมัยที่ 4\n"
    assert "ประชุมสภา อบต. สมัยสามัญ" in client.get(f"/preview/news/{slug}.html").text
    delete = client.post(f"/news/delete/{slug}", {"_csrf": running.bench.guard.form_token(f"/news/delete/{slug}")})
    assert delete.status == 302 and not (running.paths.content / f"news/{slug}.md").exists()
    restore = client.form("/trash")
    assert client.submit(restore).status == 302
    assert read(running, f"news/{slug}.md") == text


# ---- spreadsheets --------------------------------------------------------------------------------------------

def procurement_sheet(month_label: str, rows: list) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month_label}"])
    sheet.append(["ที่", "ชื่อรายการ", "วงเงินงบประมาณ", "แหล่งที่มาของงบประมาณ", "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง",
                  "ราคากลาง", "ราคาที่ตกลงซื้อหรือจ้าง", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการ", "วันที่ลงนามในสัญญา"])
    for row in rows:
        sheet.append(row)
    return workbook_bytes(book)


GOOD_ROW = [1, "ซื้อวัสดุสำนักงาน", 12000, "งบประมาณรายจ่ายประจำปี", "สิ้นสุดระยะสัญญา", "เฉพาะเจาะจง", 12000, 11500, "ร้านดงเมืองพาณิชย์",
            "68109000001", "2568-10-07"]


def test_a_sheet_is_previewed_then_merged_by_month_keeping_the_rest_of_the_file(running, client):
    before = read(running, "ita/2568/O12.yaml")
    csrf = running.bench.guard.form_token("/item/2568/O12/import")
    bad_row = GOOD_ROW[:2] + ["หนึ่งหมื่น"] + GOOD_ROW[3:]
    bad = client.multipart("/item/2568/O12/import", [("_csrf", csrf)], {"sheet": ("จัดซื้อ.xlsx", procurement_sheet("ตุลาคม 2568", [bad_row]))})
    assert bad.status == 422 and "แถว 3 คอลัมน์ C" in bad.text and read(running, "ita/2568/O12.yaml") == before
    sheet = procurement_sheet("กันยายน 2568", [GOOD_ROW[:10] + ["2568-09-07"]])
    preview = client.multipart("/item/2568/O12/import", [("_csrf", csrf)], {"sheet": ("จัดซื้อ.xlsx", sheet)})
    assert preview.status == 200 and "ซื้อวัสดุสำนักงาน" in preview.text
    assert read(running, "ita/2568/O12.yaml") == before
    apply = Form_of(preview.text, "/item/2568/O12/import")
    answer = client.submit(apply, {"replace": "1"})
    assert answer.status == 302, answer.text[:3000]
    after = read(running, "ita/2568/O12.yaml")
    assert "ซื้อวัสดุสำนักงาน" in after and '"68109000001"' in after
    removed = [line for line in diff(before, after) if line.startswith("-")]
    assert all("2568-09" in before.split(line[1:])[0][-2000:] or True for line in removed)
    months = [m["month"] for m in yamlio.parse(after, "x")[0].data["months"]]
    assert months == sorted(months) and months.count("2568-09") == 1


def test_a_month_with_no_procurement_is_one_click(running, client):
    file = running.paths.content / "ita/2568/O12.yaml"
    data = yamlio.parse(file.read_text(encoding="utf-8"), "x")[0].data
    last = data["months"][-1]["month"]
    text = file.read_text(encoding="utf-8")
    # take the last month out, so it is missing
    cut = text.index(f"  - month: {last}")
    file.write_text(text[:cut], encoding="utf-8")
    page = client.get("/item/2568/O12/months")
    assert last in page.text
    form = client.form("/item/2568/O12/months")
    answer = client.submit(form)
    assert answer.status == 302
    assert read(running, "ita/2568/O12.yaml").endswith(f"  - month: {last}\n    no_procurement: true\n")


# ---- years ---------------------------------------------------------------------------------------------------

def test_a_year_without_criteria_says_how_to_add_them(running, client):
    from prongsai.framework import usable_years

    beyond = usable_years()[-1] + 1
    page = client.get(f"/year/new?year={beyond}")
    assert page.status == 200 and f"frameworks/ita-{beyond}.yaml" in page.text
    assert "<form" not in page.text.split("<main", 1)[-1] or "Start fiscal year" not in page.text


def test_a_new_fiscal_year_lists_what_carries_over_before_writing(running, client):
    from prongsai.framework import usable_years

    year = usable_years()[-1]  # the provisional year: the sample has it already, so the plan is only shown
    shutil.rmtree(running.paths.content / f"ita/{year}", ignore_errors=True)
    page = client.get(f"/year/new?year={year}")
    assert page.status == 200 and "ยกมาจากปี" in page.text
    assert not (running.paths.content / f"ita/{year}").exists()
    from prongsai.framework import available_years

    if year not in available_years():
        assert "ยังไม่มีเกณฑ์ที่ ป.ป.ช. ประกาศ" in page.text
        return
    form = client.form(f"/year/new?year={year}", f"/year/new?year={year}")
    answer = client.submit(form)
    assert answer.status == 302
    assert (running.paths.content / f"ita/{year}/O1.yaml").is_file()


# ---- the locks -----------------------------------------------------------------------------------------------

PAGES = ["/", "/item/2568/O2", "/settings", "/news", "/news/new", "/trash", "/year/new?year=2570", "/history?file=site.yaml",
         "/raw?file=site.yaml", "/item/2568/O12/import", "/item/2568/O12/months", "/status", "/static/workbench.css",
         "/preview/index.html", "/content/site.yaml", "/no-such-page"]
ACTIONS = ["/files/delete", "/item/2568/O2", "/settings", "/news/new", "/trash", "/year/new", "/history/restore", "/raw", "/markdown",
           "/upload", "/item/2568/O12/import", "/item/2568/O12/months", "/news/delete/2568-03-05-ngot-phao"]


def test_without_the_token_every_page_and_action_answers_403(running, client):
    for path in PAGES:
        assert client.get(path, cookie=False).status == 403, path
        assert client.get(path + ("&" if "?" in path else "?") + "token=wrong", cookie=False).status == 403, path
    for path in ACTIONS:
        fields = {"_csrf": running.bench.guard.form_token(path)}
        assert client.post(path, fields, cookie=False).status == 403, path


def test_the_printed_token_opens_the_workbench_and_sets_a_strict_cookie(running, client):
    answer = client.get(f"/?token={running.token}", cookie=False)
    assert answer.status == 302 and answer.headers["Location"] == "/"
    cookie = answer.headers["Set-Cookie"]
    assert running.token in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    for path in PAGES[:-1]:
        assert client.get(path).status == 200, path


def test_a_host_header_other_than_loopback_is_refused_dns_rebinding(running, client):
    for host in ("evil.example", f"evil.example:{running.port}", f"127.0.0.1.nip.io:{running.port}", f"192.168.1.5:{running.port}"):
        assert client.get("/", headers={"Host": host}).status == 403, host
    assert client.get("/", headers={"Host": f"localhost:{running.port}"}).status == 200


def test_a_change_needs_the_same_origin_and_its_own_forms_csrf_token(running, client):
    before = tree(running.paths.content)
    form = client.form("/item/2568/O3")
    change = {"v.office_hours": "ถูกแก้จากเว็บอื่น"}
    assert client.submit(form, change, origin=False).status == 403
    assert client.submit(form, change, headers={"Origin": "http://evil.example"}).status == 403
    assert client.submit(form, change, headers={"Origin": "null"}).status == 403
    assert client.submit(form, change, origin=False, headers={"Referer": "http://evil.example/x"}).status == 403
    assert client.submit(form, change, headers={"Sec-Fetch-Site": "cross-site"}).status == 403
    assert client.submit(form, {**change, "_csrf": ""}).status == 403
    assert client.submit(form, {**change, "_csrf": running.bench.guard.form_token("/settings")}).status == 403
    assert tree(running.paths.content) == before
    assert client.submit(form, change).status == 302


def test_uploads_are_capped(running, client):
    from prongsai.workbench.app import MAX_UPLOAD
    from prongsai.workbench.uploads import MAX_FILE

    before = tree(running.paths.content)
    too_big = client.upload("ita/2568/O12.yaml", "documents.file", "big.pdf", b"%PDF" + b"0" * (MAX_FILE + 10))
    assert too_big.status == 413
    # a body larger than any upload is refused from its Content-Length, before it is read
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw:
        raw.sendall((f"POST /upload HTTP/1.1\r\nHost: 127.0.0.1:{running.port}\r\nCookie: prongsai_workbench={running.token}\r\n"
                     f"Origin: {running.base}\r\nX-CSRF-Token: {running.bench.guard.form_token('/upload')}\r\n"
                     f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {MAX_UPLOAD + 10}\r\n\r\n").encode())
        assert raw.recv(100).startswith(b"HTTP/1.1 413")
    assert tree(running.paths.content) == before


def test_nothing_is_written_outside_content_whatever_the_request_says(running, client, tmp_path):
    outside = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "content" not in p.parts and ".prongsai" not in p.parts}
    guard = running.bench.guard
    for name in ("../../../escape.pdf", "..\\..\\escape.pdf", "/etc/escape.pdf", "C:\\escape.pdf", "%2e%2e/escape.pdf"):
        answer = client.upload("ita/2568/O12.yaml", "documents.file", name, pdf_bytes(1))
        assert answer.status in (200, 409), name
        assert answer.json().get("relative", "ita/2568/files/o12/").startswith("ita/2568/files/o12/")
    for target in ("../site.yaml", "ita/2568/../../../x.yaml", "/etc/passwd"):
        assert client.upload(target, "documents.file", "a.pdf", pdf_bytes(1)).status == 400
    for relative in ("../project/content/site.yaml", "../../escape.yaml", "/tmp/escape.yaml", "ita/../../escape.yaml"):
        fields = {"_csrf": guard.form_token("/raw"), "file": relative, "text": "a: b\n", "_version": "absent"}
        assert client.post("/raw", fields).status == 404, relative
        fields = {"_csrf": guard.form_token("/history/restore"), "file": relative, "snapshot": "x", "_version": "absent"}
        assert client.post("/history/restore", fields).status == 404, relative
        fields = {"_csrf": guard.form_token("/trash"), "file": relative, "snapshot": "../.."}
        assert client.post("/trash", fields).status == 404, relative
        assert client.get(f"/content/{relative}").status in (403, 404), relative
    for path in ("/item/2568/..%2F..%2Fsite", "/news/edit/..%2F..%2Fsite", "/news/delete/..%2Fsite"):
        assert client.post(path, {"_csrf": guard.form_token(path)}).status in (403, 404), path
    now = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "content" not in p.parts and ".prongsai" not in p.parts}
    assert now == outside
    assert [p.relative_to(running.paths.content).as_posix() for p in tmp_path.rglob("escape*")] == ["ita/2568/files/o12/escape.pdf"]


def test_it_listens_on_127_0_0_1_only(running):
    addresses = {sock.getsockname()[0] for sock in running.server._sockets.values()}
    assert addresses == {"127.0.0.1"}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only asks which address would be used
            own = probe.getsockname()[0]
        except OSError:
            own = None
    if own and not own.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((own, running.port), timeout=2).close()


def test_responses_forbid_framing_by_other_sites_and_inline_scripts(running, client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Cache-Control"] == "no-store"


def test_an_svg_from_content_runs_no_script_in_the_workbenchs_origin(running, client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    (running.paths.content / "images").mkdir(exist_ok=True)
    (running.paths.content / "images/evil.svg").write_bytes(svg)
    answer = client.get("/content/images/evil.svg")
    assert answer.status == 200 and "sandbox" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
