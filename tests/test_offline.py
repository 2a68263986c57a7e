"""Reading with no network: the offline ZIPs (one per fiscal year, one for the rest) and their page, and revisits
over http served by the service worker."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import zipfile

import pytest
from test_browser import CHROMIUM_ARGS, browser, site  # noqa: F401 - the module's browser and sample build


def test_the_zips_together_hold_the_whole_site_under_one_folder(site):  # noqa: F811
    zips = sorted((site / "offline").iterdir())
    assert [z.name for z in zips] == ["www.dongmueang.go.th-ita-2568.zip", "www.dongmueang.go.th-ita-2569.zip",
                                      "www.dongmueang.go.th-ita-2570.zip", "www.dongmueang.go.th.zip"]
    inside = []
    for file in zips:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            assert names == sorted(names) and all(n.startswith("www.dongmueang.go.th/") for n in names)
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            year = file.stem.rsplit("-ita-", 1)[1] if "-ita-" in file.stem else None
            # a year's ZIP holds its ITA section, the main one everything else
            assert all(n.startswith(f"www.dongmueang.go.th/ita/{year}/") == (year is not None) for n in names), file
            if year is None:  # the pages as published, but for the footer's link to offline.html, in no ZIP: a note
                page = archive.read("www.dongmueang.go.th/index.html").decode("utf-8")
                published = (site / "index.html").read_text(encoding="utf-8")
                assert 'href="offline.html"' in published and "offline.html" not in page
                assert page == re.sub(r'<a href="offline\.html">.*?</a>',
                                      "<span>สำเนาทั้งเว็บไซต์สำหรับเปิดแบบออฟไลน์ (ที่คุณกำลังเปิดอยู่)</span>", published)
                assert archive.read("www.dongmueang.go.th/static/style.css") == (site / "static/style.css").read_bytes()
            inside += [n.split("/", 1)[1] for n in names]
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert sorted(inside) == sorted(on_disk - {"offline.html"} - {f"offline/{z.name}" for z in zips})


def test_the_download_page_lists_each_zip_with_its_size(site):  # noqa: F811
    page = (site / "offline.html").read_text(encoding="utf-8")
    for file in (site / "offline").iterdir():
        assert f'<a href="offline/{file.name}" download>ZIP</a>' in page
    size = (site / "offline/www.dongmueang.go.th-ita-2568.zip").stat().st_size
    assert "ITA ปีงบประมาณ พ.ศ. 2568</th>" in page and f"({size / 1024 / 1024:.1f} MB)" in page
    assert '<a href="offline.html">ดาวน์โหลดเว็บไซต์ไว้อ่านแบบออฟไลน์ (ZIP)</a>' in (site / "ita/2568/o1.html").read_text(
        encoding="utf-8").replace('href="../../offline.html"', 'href="offline.html"')


@pytest.fixture
def served(site):  # noqa: F811
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_seen_once_opens_again_with_no_network(browser, served):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{served}/index.html", wait_until="load")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{served}/ita/2568/o12.html", wait_until="load")  # seen once, now controlled by the worker
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(f"{served}/ita/2568/o12.html", wait_until="load")
    context.set_offline(True)
    page.goto(f"{served}/ita/2568/o12.html", wait_until="load")
    assert "รายการการจัดซื้อจัดจ้าง" in page.inner_text("main")
    header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header == "rgb(20, 83, 45)", "the stylesheet came from the cache too"
    context.set_offline(False)
    context.close()
    assert errors == []


def test_from_disk_no_service_worker_is_registered(browser, site):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto((site / "index.html").as_uri(), wait_until="load")
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    context.close()
    assert errors == []
