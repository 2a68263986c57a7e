"""prongsai/yamlio.py: YAML without YAML 1.1's guessing, positions of values, readable syntax errors."""

from __future__ import annotations

import pytest

from prongsai import yamlio
from prongsai.problems import Problem

PATH = "content/ita/2568/O2.yaml"


def parse_ok(text: str):
    doc, problems = yamlio.parse(text, PATH)
    assert problems == []
    assert doc is not None
    return doc


def parse_error(text: str) -> Problem:
    doc, problems = yamlio.parse(text, PATH)
    assert doc is None
    assert len(problems) == 1
    return problems[0]


@pytest.mark.parametrize("value", [
    "2567-10-01", "0123", "no", "on", "yes", "off", "true", "False", "1.50", "1e3", "0x1F", "12:30", "-5", "ไม่มี",
])
def test_scalars_stay_the_text_typed(value):
    assert parse_ok(f"key: {value}\n").data == {"key": value}


@pytest.mark.parametrize("written", ["key:", "key: ~", "key: null", "key: NULL"])
def test_nothing_written_is_none(written):
    assert parse_ok(written + "\n").data == {"key": None}


@pytest.mark.parametrize(("written", "value"), [('key: ""', ""), ('key: "~"', "~"), ("key: 'no'", "no"), ('key: "0123"', "0123")])
def test_quoted_values_are_never_null_or_guessed(written, value):
    assert parse_ok(written + "\n").data == {"key": value}


def test_empty_document_is_none():
    doc = parse_ok("# only a comment\n")
    assert doc.data is None


def test_nested_data_and_marks():
    doc = parse_ok("title: x\nitems:\n  - a\n  - name: b\n    tags: [c, d]\n")
    assert doc.data == {"title": "x", "items": ["a", {"name": "b", "tags": ["c", "d"]}]}
    assert doc.mark(("title",)) == (1, 8)
    assert doc.mark(("items", 0)) == (3, 5)
    assert doc.mark(("items", 1, "name")) == (4, 11)
    assert doc.mark(("items", 1, "tags", 1)) == (5, 15)
    assert doc.key_mark(("items", 1, "tags")) == (5, 5)
    # a key not written falls back to its nearest enclosing value
    assert doc.mark(("items", 1, "missing")) == (4, 5)
    assert doc.mark(()) == (1, 1)


def test_line_offset_moves_every_mark():
    doc, problems = yamlio.parse("title: x\ndate: 2567-10-15\n", "content/news/a.md", line_offset=1)
    assert problems == []
    assert doc.mark(("date",)) == (3, 7)
    assert doc.key_mark(("date",)) == (3, 1)


def test_duplicate_key_is_one_problem_at_the_second_key():
    doc, problems = yamlio.parse("name: a\nposition: b\nname: c\n", PATH)
    assert doc.data == {"name": "a", "position": "b"}  # the first value is kept
    assert problems == [Problem(
        PATH, 3, 1,
        "ชื่อช่อง 'name' ซ้ำกับที่เขียนไว้แล้วในบรรทัด 1",
        "duplicate key 'name': already written on line 1",
        "ลบช่องที่ซ้ำออกให้เหลือช่อง 'name' เพียงช่องเดียว",
        "keep only one 'name'",
    )]


def test_duplicate_key_in_a_nested_list_item():
    _, problems = yamlio.parse("executives:\n  - name: a\n    role: chief\n    name: b\n", PATH)
    assert [(p.line, p.column, p.en) for p in problems] == [(4, 5, "duplicate key 'name': already written on line 2")]


def test_tab_is_a_syntax_error_with_thai_text():
    problem = parse_error("name: a\n\tposition: b\n")
    assert problem.format() == (
        f"{PATH}:2:1: ข้อผิดพลาด: มีแท็บ (Tab) อยู่ในไฟล์ YAML ซึ่งใช้ไม่ได้\n"
        "    error: a tab character; YAML allows only spaces\n"
        "    วิธีแก้: ลบแท็บแล้วใช้การเว้นวรรค (space) แทน\n"
        "    fix: replace the tab with spaces"
    )


def test_colon_in_value_is_a_syntax_error_with_thai_text():
    problem = parse_error("x: 1\na: b: c\n")
    assert problem.format() == (
        f"{PATH}:2:5: ข้อผิดพลาด: มีเครื่องหมาย : เกินมา หรือย่อหน้าไม่ตรงกับบรรทัดก่อน\n"
        "    error: a ':' where none may stand, or the indentation does not match the line above\n"
        '    วิธีแก้: ถ้าข้อความมีเครื่องหมาย : ให้ครอบข้อความด้วยเครื่องหมายคำพูด "..." และตรวจการย่อหน้า\n'
        "    fix: put text containing ':' in double quotes, and check the indentation"
    )


def test_unclosed_quote_is_a_syntax_error():
    problem = parse_error('a: "unclosed\nb: 2\n')
    assert problem.path == PATH
    assert problem.line >= 1 and problem.column >= 1
    assert problem.location == f"{PATH}:{problem.line}:{problem.column}"
    assert problem.format() == (
        f"{PATH}:1:4: ข้อผิดพลาด: เครื่องหมายคำพูดที่เปิดตรงนี้ไม่ได้ปิด\n"
        "    error: the quote opened here is never closed\n"
        "    วิธีแก้: ใส่เครื่องหมายคำพูดปิดท้ายข้อความในบรรทัดเดียวกัน\n"
        "    fix: close the quote at the end of the text on the same line"
    )



def test_unclosed_quote_points_at_the_opening_quote():
    problem = parse_error('name: a\nposition: "นายก\nrole: chief\n')
    assert (problem.line, problem.column) == (2, 11)


def test_syntax_error_line_includes_the_offset():
    _, problems = yamlio.parse("title: a\n\tdate: b\n", "content/news/a.md", line_offset=1)
    assert [(p.line, p.column) for p in problems] == [(3, 1)]


# --- reading files ------------------------------------------------------------

def test_read_text_utf8_with_bom(tmp_path):
    file = tmp_path / "a.yaml"
    file.write_bytes("\ufeffname: ทดสอบ\n".encode())
    assert yamlio.read_text(file, "content/a.yaml") == ("name: ทดสอบ\n", [])


def test_read_text_crlf_becomes_lf(tmp_path):
    file = tmp_path / "a.yaml"
    file.write_bytes("name: ทดสอบ\r\nrole: chief\r\n".encode())
    text, problems = yamlio.read_text(file, "content/a.yaml")
    assert (text, problems) == ("name: ทดสอบ\nrole: chief\n", [])
    assert parse_ok(text).mark(("role",)) == (2, 7)


def test_read_text_cp874_names_the_line(tmp_path):
    file = tmp_path / "a.yaml"
    file.write_bytes(b"# comment\nrole: chief\nname: " + "ทดสอบ".encode("cp874") + b"\n")
    text, problems = yamlio.read_text(file, "content/a.yaml")
    assert text is None
    assert problems == [Problem(
        "content/a.yaml", 3, 1,
        "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (อาจบันทึกเป็น ANSI หรือ TIS-620) อ่านภาษาไทยไม่ได้",
        "this file is not saved as UTF-8 (perhaps ANSI or TIS-620), so its Thai text cannot be read",
        "เปิดไฟล์ใน Notepad แล้วเลือก บันทึกเป็น (Save As) → การเข้ารหัส (Encoding) เป็น UTF-8",
        "open it in Notepad, Save As, and choose the UTF-8 encoding",
    )]


# --- front matter ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "front", "body", "body_line"), [
    ("---\ntitle: a\ndate: 2567-10-15\n---\nbody\nmore\n", "title: a\ndate: 2567-10-15\n", "body\nmore\n", 5),
    ("---\ntitle: a\n---\n\n# heading\n", "title: a\n", "\n# heading\n", 4),
    ("---\ntitle: a\n---\n", "title: a\n", "", 4),
    ("no front matter\n", None, "no front matter\n", 1),
    ("---\ntitle: a\nnever closed\n", None, "---\ntitle: a\nnever closed\n", 1),
])
def test_split_front_matter(text, front, body, body_line):
    assert yamlio.split_front_matter(text) == (front, body, body_line)
    if front is not None:
        assert text.split("\n")[body_line - 1:] == body.split("\n")
