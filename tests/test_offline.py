"""Reading with no network: the offline download (each part's list of files, the ZIP the reader's browser makes of
it, the unzipped copy), and revisits over http served by the service worker."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile

import pytest
from test_browser import CHROMIUM_ARGS, browser, site  # noqa: F401 - the module's browser and sample build


MAIN_LIST = "offline/www.dongmueang.go.th.json"


def _lists(site):  # noqa: F811
    return {p.relative_to(site).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((site / "offline").iterdir())}


def test_the_lists_together_name_the_whole_site_once(site):  # noqa: F811
    lists = _lists(site)
    assert sorted(lists) == ["offline/www.dongmueang.go.th-ita-2568.json", "offline/www.dongmueang.go.th-ita-2569.json",
                             "offline/www.dongmueang.go.th-ita-2570.json", MAIN_LIST]
    named = []
    for path, part in lists.items():
        year = path.rsplit("-ita-", 1)[1][:-len(".json")] if "-ita-" in path else None
        assert part["folder"] == "www.dongmueang.go.th"
        assert part["zip"] == path.removeprefix("offline/").removesuffix(".json") + ".zip"
        assert part["files"] == sorted(part["files"]), path
        # a year's part holds its ITA section, the main one everything else, this page included (the copy's footer)
        assert all(f.startswith(f"ita/{year}/") == (year is not None) for f in part["files"]), path
        named += part["files"]
    assert "offline.html" in lists[MAIN_LIST]["files"]
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert sorted(named) == sorted(on_disk - set(lists)), "every published file once, the lists in none"
    assert not list(site.rglob("*.zip")), "the build publishes no ZIP: the reader's browser makes them"


def test_the_download_page_lists_each_part_with_its_size(site):  # noqa: F811
    page = (site / "offline.html").read_text(encoding="utf-8")
    for path, part in _lists(site).items():
        assert f'<button type="button" data-list="{path}" disabled>ดาวน์โหลด ZIP</button>' in page
    part = _lists(site)["offline/www.dongmueang.go.th-ita-2568.json"]
    size = sum((site / f).stat().st_size for f in part["files"])
    assert (f"<h2>ITA ปีงบประมาณ พ.ศ. 2568</h2>\n    <p class=\"filemeta\">{len(part['files']):,} ไฟล์ · "
            f"{size / 1024 / 1024:.1f} MB ก่อนบีบอัด</p>") in page
    assert '<a href="offline.html">ดาวน์โหลดเว็บไซต์ไว้อ่านแบบออฟไลน์ (ZIP)</a>' in (site / "ita/2568/o1.html").read_text(
        encoding="utf-8").replace('href="../../offline.html"', 'href="offline.html"')


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The sample site over http; `failing` {path: number of times to answer 503 first} plays a dropped link."""

    failing: dict = {}
    asked: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?", 1)[0].lstrip("/")
        self.asked.append(path)
        if self.failing.get(path, 0) > 0:
            self.failing[path] -= 1
            self.send_error(503)
            return
        super().do_GET()


@pytest.fixture
def served(site):  # noqa: F811
    handler = type("Handler", (_Handler,), {"failing": {}, "asked": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.handler = handler
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _download(browser, server, list_path, tmp_path):  # noqa: F811
    """Press a part's button on offline.html over http; the ZIP the browser saved, and the status it showed."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{_url(server)}/offline.html", wait_until="load")
    button = page.locator(f'button[data-list="{list_path}"]')
    with page.expect_download(timeout=60_000) as started:
        button.click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    status = button.locator("xpath=..").locator(".zip-status")
    page.wait_for_function("s => s.textContent.startsWith('เสร็จแล้ว')", arg=status.element_handle())
    shown = status.inner_text()
    context.close()
    assert errors == []
    return saved, shown


def test_a_part_is_made_into_a_zip_in_the_browser(browser, served, site, tmp_path):  # noqa: F811
    part = _lists(site)["offline/www.dongmueang.go.th-ita-2570.json"]
    served.handler.failing.update({part["files"][0]: 1, part["files"][-1]: 2})  # a link that drops, twice
    saved, shown = _download(browser, served, "offline/www.dongmueang.go.th-ita-2570.json", tmp_path)
    assert saved.name == "www.dongmueang.go.th-ita-2570.zip" and shown.startswith("เสร็จแล้ว: www.dongmueang.go.th-ita-2570.zip")
    with zipfile.ZipFile(saved) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert sorted(names) == sorted(f"www.dongmueang.go.th/{f}" for f in part["files"])
        for name in names:
            assert archive.read(name) == (site / name.split("/", 1)[1]).read_bytes(), name
        kinds = {i.filename.rsplit(".", 1)[-1]: i.compress_type for i in archive.infolist()}
        assert kinds["html"] == zipfile.ZIP_DEFLATED and kinds["pdf"] == zipfile.ZIP_STORED
    assert served.handler.asked.count(part["files"][-1]) == 3, "tried again after each dropped answer"


def test_the_main_part_unzipped_opens_from_disk_and_says_it_is_the_copy(browser, served, site, tmp_path):  # noqa: F811
    saved, _ = _download(browser, served, MAIN_LIST, tmp_path)
    with zipfile.ZipFile(saved) as archive:
        archive.extractall(tmp_path / "usb")
    copy = tmp_path / "usb/www.dongmueang.go.th"
    assert (copy / "index.html").read_bytes() == (site / "index.html").read_bytes()
    context = browser.new_context()
    page = context.new_page()
    page.goto((copy / "index.html").as_uri(), wait_until="load")
    page.click("footer a[href='offline.html']")
    page.wait_for_url("**/offline.html")
    assert page.is_visible("#offline-copy") and not page.is_visible("#offline-parts")
    context.close()


def test_a_file_that_never_comes_ends_with_a_message(browser, served, site, tmp_path):  # noqa: F811
    part = _lists(site)["offline/www.dongmueang.go.th-ita-2570.json"]
    served.handler.failing[part["files"][3]] = 99
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{_url(served)}/offline.html", wait_until="load")
    button = page.locator('button[data-list="offline/www.dongmueang.go.th-ita-2570.json"]')
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    button.click()
    status = button.locator("xpath=..").locator(".zip-status")
    page.wait_for_function("s => s.textContent.startsWith('ดาวน์โหลดไม่สำเร็จ')", arg=status.element_handle(),
                           timeout=60_000)
    assert status.inner_text() == (f"ดาวน์โหลดไม่สำเร็จ ({part['files'][3]}) กรุณาตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วกดอีกครั้ง"
                                   " | Download failed: check the connection and press again.")
    assert button.is_enabled() and downloads == []
    context.close()


def test_a_page_seen_once_opens_again_with_no_network(browser, served):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{_url(served)}/index.html", wait_until="load")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{_url(served)}/ita/2568/o12.html", wait_until="load")  # seen once, now controlled by the worker
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(f"{_url(served)}/ita/2568/o12.html", wait_until="load")
    context.set_offline(True)
    page.goto(f"{_url(served)}/ita/2568/o12.html", wait_until="load")
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


def test_a_kept_script_or_style_is_renewed_behind_the_kept_copy(browser, site, tmp_path):  # noqa: F811
    """A new build's scripts, styles and lists reach a returning reader on the visit after next: the worker answers
    with the kept copy (no wait on a slow link) and fetches the new one for next time, past the browser's HTTP cache
    (the copy keeps the files' old modification times, so that cache would call the old copy fresh); a kept PDF is
    not fetched again. (A 2568 table and PDF: files the worker's background fetch of offline.json's list never asks
    for.)"""
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    handler = type("Handler", (_Handler,), {"failing": {}, "asked": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    table, pdf = "ita/2568/o1-permanent.json", "ita/2568/files/o1/org-chart-2568.pdf"
    read = "url => fetch(url).then(r => r.text())"
    kept = """() => caches.open("prongsai-v1").then(c => c.match(new URL("o1-permanent.json", location.href).href))
              .then(r => r && r.text()).then(t => !!t && t.includes("the next build"))"""
    try:
        page = context.new_page()
        page.goto(f"{_url(server)}/index.html", wait_until="load")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(f"{_url(server)}/ita/2568/o1.html", wait_until="load")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        first = page.evaluate(read, "o1-permanent.json")  # kept by the worker
        page.evaluate(read, "files/o1/org-chart-2568.pdf")
        (copy / table).write_text(first.replace("{", '{"the next build": 1,', 1), encoding="utf-8")
        asked_before = len(handler.asked)
        assert page.evaluate(read, "o1-permanent.json") == first, "the kept copy answers at once"
        page.wait_for_function(kept, timeout=10_000)
        page.wait_for_timeout(500)  # and stays: nothing puts the old copy back
        assert page.evaluate(kept)
        assert "the next build" in page.evaluate(read, "o1-permanent.json"), "and the new one the time after"
        page.evaluate(read, "files/o1/org-chart-2568.pdf")
        asked_after = handler.asked[asked_before:]
        assert table in asked_after
        assert pdf not in asked_after and handler.asked.count(pdf) == 1, "a kept attachment is not fetched again"
    finally:
        context.close()
        server.shutdown()
        server.server_close()
