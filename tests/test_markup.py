"""prongsai/markup.py: Markdown to safe HTML, and a warning at the right line for each thing removed."""

from __future__ import annotations

import pytest

from prongsai import markup
from prongsai.problems import WARNING

SCRIPT = "the <script> tag"
ONCLICK = "the onclick= event handler"
JS_LINK = "a javascript: link"
IFRAME = "the <iframe> tag"
OUTSIDE_IMAGE = "an image from another host"


def warnings(text: str, first_line: int = 1) -> list[tuple[int, int, str]]:
    """(line, column, what) of each warning, checking the parts every warning shares."""
    found = markup.find_unsafe(text, "content/ita/2568/O1.md", first_line)
    for problem in found:
        assert problem.path == "content/ita/2568/O1.md"
        assert problem.severity == WARNING
        assert problem.en.endswith(" was removed from the page for safety")
        assert problem.th.endswith(" ถูกนำออกจากหน้าเว็บเพื่อความปลอดภัย")
    return [(p.line, p.column, p.en.removesuffix(" was removed from the page for safety")) for p in found]


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("ก่อน\n\n<script>alert(1)</script>\n\nหลัง", ["ก่อน", "หลัง"], ["<script", "alert"]),
    ("<style>p { color: red }</style>\n\nข้อความ", ["ข้อความ"], ["<style", "color"]),
    ('<iframe src="https://evil.example/">ข้างใน</iframe>\n\nข้อความ', ["ข้อความ"], ["<iframe", "evil.example", "ข้างใน"]),
    ('<p onclick="steal()" onmouseover="x()">คลิก</p>', ["<p>คลิก</p>"], ["onclick", "onmouseover", "steal"]),
    ("[ลิงก์](javascript:alert(1))", ["ลิงก์"], ["javascript", "alert", "href"]),
    ('<a href="JavaScript:alert(1)">ลิงก์</a>', ["ลิงก์"], ["avascript", "href"]),
    ("![ภาพ](https://host.example/x.png)", [], ["<img", "host.example"]),
    ('<img src="https://host.example/x.png" alt="ภาพ">', [], ["<img", "host.example", "ภาพ"]),
    ('<img src="//host.example/x.png">', [], ["<img", "host.example"]),
    ("![แผนผัง](files/chart.png)", ['<img alt="แผนผัง" src="files/chart.png">'], []),
    ('<img src="../images/logo.png" alt="ตรา">', ['src="../images/logo.png"'], []),
    ("[เว็บไซต์](https://www.example.go.th/)", ['<a href="https://www.example.go.th/">เว็บไซต์</a>'], []),
    ('<a href="https://www.example.go.th/">เว็บไซต์</a>', ['<a href="https://www.example.go.th/">เว็บไซต์</a>'], ["rel="]),
    ("[อีเมล](mailto:saraban@test.go.th)", ['href="mailto:saraban@test.go.th"'], []),
    # a table fits a phone: a card per row, each cell with its column's label, in a region the keyboard can scroll
    ("| ก | ข |\n|---|---|\n| 1 | 2 |\n", ['<div class="table-wrap cards-wrap" tabindex="0" role="region"',
                                          'aria-label="ตาราง ก · ข">', '<table class="cards">', "<th>ก</th>",
                                          '<td class="lead" data-label="ก">1</td>',
                                          '<td data-label="ข">2</td>'], ["<table>"]),
    ("| ที่ | รายการ |\n|---|---|\n| 1 | ซื้อ \"x\" |\n", ['<td class="no" data-label="ที่">1</td>',
                                                        '<td class="lead" data-label="รายการ">ซื้อ "x"</td>'], []),
    ("# หัวข้อ\n\n## ย่อย\n\n#### ลึก", ["<h2>หัวข้อ</h2>", "<h3>ย่อย</h3>", "<h5>ลึก</h5>"], ["<h1", "<h4"]),
    ("```\n<script>x</script>\n```", ["<pre><code>&lt;script&gt;x&lt;/script&gt;"], ["<script"]),
    ("`<b>โค้ด</b>`", ["<code>&lt;b&gt;โค้ด&lt;/b&gt;</code>"], ["<b>"]),
    ("1. หนึ่ง\n2. สอง\n", ["<ol>", "<li>สอง</li>"], []),
])
def test_to_html(text, kept, gone):
    html = markup.to_html(text)
    for part in kept:
        assert part in html
    for part in gone:
        assert part not in html


@pytest.mark.parametrize(("text", "expected"), [
    ("ข้อความ <script>alert(1)</script>", [(1, 9, SCRIPT)]),
    ('\n\n<p onclick="x()">ก</p>', [(3, 1, ONCLICK)]),
    ("ดู [ลิงก์](javascript:alert(1)) นี้", [(1, 4, JS_LINK)]),
    ('<a href="javascript:void(0)">ก</a>', [(1, 1, JS_LINK)]),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', [(1, 1, IFRAME)]),
    ("![ภาพ](https://host.example/x.png)", [(1, 1, OUTSIDE_IMAGE)]),
    ('<img src="https://host.example/x.png" onerror="x()">', [(1, 1, "the onerror= event handler"), (1, 1, OUTSIDE_IMAGE)]),
    ("![แผนผัง](files/chart.png)\n[เว็บ](https://www.example.go.th/)\n<b>ตัวหนา</b>", []),
])
def test_find_unsafe(text, expected):
    assert warnings(text) == expected


@pytest.mark.parametrize("text", [
    "```\n<script>alert(1)</script>\n```",
    "~~~html\n<iframe src=\"https://x.example/\"></iframe>\n~~~",
    "  ```\n  <p onclick=\"x()\">ก</p>\n  ```",
    "ใช้ `<script>` เพื่อ...",
    "เขียน `![x](https://host.example/x.png)` แบบนี้",
    "เขียน `[x](javascript:alert(1))` แบบนี้",
    "ย่อหน้า\n\n    <script>indented code</script>",
])
def test_find_unsafe_ignores_code(text):
    assert warnings(text) == []
    assert "<script" not in markup.to_html(text)


def test_code_blanking_keeps_columns_after_inline_code():
    assert warnings("`code` <script>x</script>\n```\n<script>\n```\n<script>y</script>") == [(1, 8, SCRIPT), (5, 1, SCRIPT)]


@pytest.mark.parametrize("first_line", [1, 5, 40])
def test_line_numbers_are_offset_by_first_line(first_line):
    text = "บรรทัดแรก\n\n<script>x</script>\n\n![ภาพ](https://host.example/x.png)"
    assert warnings(text, first_line) == [(first_line + 2, 1, SCRIPT), (first_line + 4, 1, OUTSIDE_IMAGE)]


def test_render_returns_html_and_warnings():
    html, found = markup.render("# ก\n\n<script>x</script>\n", "content/news/a.md", 6)
    assert html == markup.to_html("# ก\n\n<script>x</script>\n")
    assert [(p.path, p.line, p.column) for p in found] == [("content/news/a.md", 8, 1)]


def test_local_links():
    text = ("[แผน](files/plan.pdf)\n![ภาพ](photo.jpg)\n[ภายนอก](https://www.example.go.th/)\n"
            '[ส่วน](#top)\n<a href="../2568/o12.html">O12</a>\n`[โค้ด](code.pdf)`\n')
    assert markup.local_links(text, first_line=5) == [
        (5, 1, "files/plan.pdf"), (6, 1, "photo.jpg"), (9, 1, "../2568/o12.html"),
    ]


# --- bugs found while writing these tests ---------------------------------------


def test_other_fence_marker_inside_a_fence_is_still_code():
    text = "```\n~~~\n<script>shown as code</script>\n```\n"
    assert "&lt;script&gt;" in markup.to_html(text)  # Markdown shows it as code...
    assert warnings(text) == []  # ...so nothing is removed and nothing should be warned about



def test_indented_list_paragraph_is_not_code():
    text = "- ภาพกิจกรรม\n\n    ![ภาพ](https://host.example/x.png)\n"
    assert "<img" not in markup.to_html(text)  # the image is removed...
    assert warnings(text) == [(3, 5, OUTSIDE_IMAGE)]  # ...and the clerk should be told



def test_reference_style_outside_image_warns():
    text = "![ภาพ][1]\n\n[1]: https://host.example/x.png\n"
    assert "<img" not in markup.to_html(text)
    assert [what for _, _, what in warnings(text)] == [OUTSIDE_IMAGE]
