"""Notice-board posters (posters/<year>/…) and the printed item page: QR codes made by segno, links, print header."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, TEMPLATES
from prongsai import Paths
from prongsai.posters import dark_modules_drawn, poster_path, qr_code, qr_svg
from test_sample_site import PageParser, resolve

YEAR = 2568
BASE = "https://www.dongmueang.go.th/"  # content/site.yaml's base_url
AGENCY = "องค์การบริหารส่วนตำบลดงเมือง"
BUILD_DATE = date(2025, 11, 26)  # BUILD_DATE_EPOCH
URL = f"{BASE}ita/{YEAR}/o12.html"


def test_qr_code_is_stable_full_size_and_level_m():
    first, second = qr_code(URL), qr_code(URL)
    assert first.designator == second.designator == "4-M", "a full QR code (never Micro QR), level M"
    assert first.matrix == second.matrix
    assert not qr_code("ita/2568/o1.html").is_micro, "a short relative path is still a full QR code"


def test_qr_svg_is_deterministic_inline_html_and_draws_every_dark_module():
    svg = qr_svg(URL)
    assert svg == qr_svg(URL)
    assert svg.startswith("<svg ") and svg.endswith("</svg>") and "<?xml" not in svg and "\n" not in svg
    assert 'role="img"' in svg and f'aria-label="คิวอาร์โค้ดไปยัง {URL}"' in svg and f"<title>QR code: {URL}</title>" in svg
    assert dark_modules_drawn(svg) == sum(sum(row) for row in qr_code(URL).matrix)
    assert qr_svg(URL, 3) != svg and dark_modules_drawn(qr_svg(URL, 3)) == dark_modules_drawn(svg)


def test_qr_svg_escapes_the_url():
    svg = qr_svg('https://example.go.th/?a=1&b="2"<x>')
    assert 'aria-label="คิวอาร์โค้ดไปยัง https://example.go.th/?a=1&amp;b=&#34;2&#34;&lt;x&gt;"' in svg
    assert "<title>QR code: https://example.go.th/?a=1&amp;b=\"2\"&lt;x&gt;</title>" in svg
    assert "<x>" not in svg


@pytest.fixture(scope="module")
def built(sample_site) -> tuple[Path, dict]:
    """The sample site (built once per session): (out folder, {site path: parsed page})."""
    out = sample_site
    pages = {}
    for file in sorted(out.rglob("*.html")):
        parser = PageParser()
        parser.feed(file.read_text(encoding="utf-8"))
        parser.close()
        pages[file.relative_to(out).as_posix()] = parser
    return out, pages


def _links(pages: dict, path: str) -> set:
    return {resolve(path, value)[0] for tag, _, value in pages[path].links if tag == "a"}


def test_a_poster_for_every_item_and_one_for_the_year(built):
    out, pages = built
    expected = [poster_path(year, f"o{n}") for year, items in ((YEAR, 28), (2569, 26)) for n in range(1, items + 1)]
    expected += [poster_path(YEAR), poster_path(2569)]  # the sample holds fiscal years 2568 and 2569
    assert [p for p in expected if p not in pages] == []
    assert sorted(p for p in pages if p.startswith("posters/")) == sorted(expected)


def test_every_item_page_links_its_poster_and_the_index_links_the_year_poster(built):
    _, pages = built
    missing = [n for n in range(1, 29) if poster_path(YEAR, f"o{n}") not in _links(pages, f"ita/{YEAR}/o{n}.html")]
    assert missing == []
    assert poster_path(YEAR) in _links(pages, f"ita/{YEAR}/index.html")
    assert "โปสเตอร์สำหรับติดประกาศ (A4)" in pages[f"ita/{YEAR}/o12.html"].text


def test_item_poster_shows_agency_code_name_year_url_and_its_qr_code(built):
    out, pages = built
    page = pages[poster_path(YEAR, "o12")]
    assert page.lang == "th" and "O12" in page.title and AGENCY in page.text
    assert all(text in page.text for text in ("O12", "รายการการจัดซื้อจัดจ้าง", f"พ.ศ. {YEAR}", URL))
    html = (out / poster_path(YEAR, "o12")).read_text(encoding="utf-8")
    assert str(qr_svg(URL)) in html and "@page" in html and "A4" in html
    assert f"ita/{YEAR}/o12.html" in _links(pages, poster_path(YEAR, "o12")), "a link back to the item"


def test_year_poster_lists_every_item_url_and_has_a_qr_code_to_the_index(built):
    out, pages = built
    page = pages[poster_path(YEAR)]
    assert [n for n in range(1, 29) if f"{BASE}ita/{YEAR}/o{n}.html" not in page.text] == []
    html = (out / poster_path(YEAR)).read_text(encoding="utf-8")
    assert str(qr_svg(f"{BASE}ita/{YEAR}/index.html", 5)) in html


def test_item_pages_carry_the_print_header(built):
    out, _ = built
    failures = []
    for n in range(1, 29):
        html = (out / f"ita/{YEAR}/o{n}.html").read_text(encoding="utf-8")
        block = re.search(r'<div class="print-only print-header">(.*?)</div>', html, re.S)
        updated = re.search(r"<dt>ปรับปรุงล่าสุด</dt><dd>(.*?)</dd>", html).group(1)
        # the page's own last-updated date, not the build date called a print date
        wanted = (AGENCY, f"ข้อ O{n} ", f"พ.ศ. {YEAR}", f"{BASE}ita/{YEAR}/o{n}.html", f"ข้อมูลปรับปรุงล่าสุด {updated}")
        if block is not None and "พิมพ์เมื่อ" in block.group(1):
            failures.append(f"o{n} prints the build date")
        if block is None or not all(text in block.group(1) for text in wanted):
            failures.append(f"o{n}")
    assert failures == []
    css = (out / "static/style.css").read_text(encoding="utf-8")
    assert ".print-only { display: none; }" in css and "@media print" in css


def test_the_o9_poster_shows_every_service_flow_with_its_times(sample_site):
    """The agency's measure: each service's steps and time posted where visitors wait (one A4 page each)."""
    from prongsai.pipeline import load_site

    out = sample_site
    services = load_site(Paths(ROOT, ROOT / "content", TEMPLATES, out)).site.years[2568].items["O9"].values["services"]
    poster = (out / "posters/2568/o9.html").read_text(encoding="utf-8")
    flows = [s for s in services if s["steps"]]
    assert poster.count('class="flow-poster"') == len(flows) > 0
    for service in flows:
        assert service["title"] in poster
    assert poster.count("ขั้นตอนที่ ") == sum(len(s["steps"]) for s in flows)
