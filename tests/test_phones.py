"""Citizens on phones (issue 14), in Debian's Chromium driven by Playwright: search on a slow link that does not
compress, Thai words, snippets on word boundaries; pages at 320 and 390 px; O12 as cards; photos; focus contrast;
the service worker's background copy of the citizens' pages.

The slow link is Chromium's own network emulation (CDP Network.emulateNetworkConditions: 400 kbps down, 400 ms
latency), over http from a plain server in the test (no compression, as on many hosts).
"""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import quote

import pytest
from test_browser import CHROMIUM_ARGS, browser, site  # noqa: F401 - the module's browser and sample build

#: 400 kbps and 400 ms: a poor rural link (issue 14).
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 // 8, "uploadThroughput": 400_000 // 8}
#: Results must be on screen this long after the search page is asked for, on SLOW_LINK (issue 14: 3 s).
SEARCH_SECONDS = 3.0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(site):  # noqa: F811
    """The sample site over http on a free port, uncompressed."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def slow_page(browser, **options):  # noqa: F811
    context = browser.new_context(service_workers="block", **options)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    return context, page


#: The searches of issue 14 and a page each must find: the words are not side by side on that page.
SEARCHES = [
    ("ร้องเรียนทุจริต", "ita/2570/o17.html"),   # "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต..."
    ("แจ้งทุจริต", "ita/2570/o17.html"),
    ("เบี้ยผู้สูงอายุ", "news/2568-09-25-rap-longthabian-bia-yangchip.html"),  # "เบี้ยยังชีพผู้สูงอายุ"
    ("e-service", "ita/2568/o10.html"),  # its title writes an en dash: "E–Service"
    ("จัดซื้อ", "ita/2568/o12.html"),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_finds_the_page_on_a_slow_link(browser, served, query, expected):  # noqa: F811
    context, page = slow_page(browser)
    try:
        page.goto(f"{served}/search.html?q={quote(query)}", wait_until="commit", timeout=60_000)
        page.wait_for_function(
            "url => [...document.querySelectorAll('#search-results h2 a')].some(a => a.href.endsWith('/' + url))",
            arg=expected, timeout=60_000)
        seconds = page.evaluate("performance.now()") / 1000  # since the page was asked for
        assert seconds < SEARCH_SECONDS, f"{query}: {seconds:.2f} s"
        found = page.eval_on_selector_all("#search-results h2 a", "as => as.map(a => a.getAttribute('href'))")
        if query == "e-service":
            assert all(url.endswith("o10.html") for url in found[:3]), found[:5]  # title first
    finally:
        context.close()


def test_search_text_files_come_one_after_another(browser, served):  # noqa: F811
    """The first results need only the titles file; the page text follows and the search says when it is done."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[1]))
    try:
        page.goto(f"{served}/search.html?q={quote('ผู้สูงอายุ')}")
        page.wait_for_selector("#search-status[data-done]")
        texts = [name for name in asked if name.startswith("search-text-")]
        assert texts == [f"search-text-{n}.js" for n in range(1, len(texts) + 1)] and len(texts) > 1
        assert "พบ" in page.inner_text("#search-status")
    finally:
        context.close()


def test_query_split_into_thai_words(browser, site):  # noqa: F811
    page = browser.new_page()
    try:
        page.goto((site / "search.html").as_uri())
        words = page.evaluate("qs => qs.map(q => window.prongsaiWords(q))",
                              ["ร้องเรียนทุจริต", "e-service  O12", "สขร.1", "๒๕๖๘ จัดซื้อ"])
        assert "ทุจริต" in words[0] and len(words[0]) >= 2
        assert words[1] == ["e-service", "o12"]
        assert "".join(words[2]) == "สขร.1"
        assert words[3][0] == "2568" and "".join(words[3][1:]) == "จัดซื้อ"
    finally:
        page.close()


def test_snippets_start_and_end_on_word_boundaries(browser, site):  # noqa: F811
    page = browser.new_page()
    try:
        page.goto((site / "search.html").as_uri() + "?q=" + quote("จัดซื้อ"))
        page.wait_for_selector("#search-status[data-done]")
        bad = page.evaluate("""() => {
            const words = new Intl.Segmenter("th", {granularity: "word"}), bad = [];
            let checked = 0;
            const starts = s => new Set([...words.segment(s)].map(w => w.index).concat([s.length]));
            for (const p of document.querySelectorAll('#search-results li > p:nth-of-type(1)')) {
                const shown = p.textContent;
                if (!shown) continue;
                const inner = shown.replace(/^…/, '').replace(/…$/, '');
                // the snippet's ends, seen inside a wider piece of the same text: the page's text from the index
                const li = p.closest('li'), url = li.querySelector('a').getAttribute('href');
                const page = window.PRONGSAI_INDEX.pages.findIndex(r => r[0] === url);
                const first = Object.fromEntries(window.PRONGSAI_INDEX.texts);  // text file -> its first page
                const all = (window.PRONGSAI_TEXT || []).find(t => first[t[0]] <= page && page < first[t[0]] + t[1].length);
                const text = all ? all[1][page - first[all[0]]] : '';
                const at = text.indexOf(inner);
                if (at < 0) continue;  // a snippet of the headings
                const b = starts(text);
                checked++;
                if (!b.has(at) || !b.has(at + inner.length)) bad.push(shown.slice(0, 40) + ' … ' + shown.slice(-20));
                if (/^[\\u0e31\\u0e34-\\u0e3a\\u0e47-\\u0e4e]/.test(inner)) bad.push('mark first: ' + shown.slice(0, 30));
            }
            return [bad, checked];
        }""")
        bad, checked = bad
        assert bad == [] and checked >= 10, (bad, checked)
        assert page.locator("#search-results li").count() >= 15
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------------------
# Narrow screens: no page scrolls sideways


def all_pages(site) -> list[str]:  # noqa: F811
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth > width;
    return wide ? [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5)
        .slice(0, 3).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40)) : [];
}"""


@pytest.mark.parametrize(("width", "text_size"), [(320, "100%"), (390, "100%"), (390, "200%")])
def test_no_page_scrolls_sideways(browser, site, width, text_size):  # noqa: F811
    """Every page of the sample, posters included, at a phone's width; and with the phone's text size at 200 %."""
    context = browser.new_context(viewport={"width": width, "height": 844}, service_workers="block")
    page = context.new_page()
    wide = {}
    try:
        for path in all_pages(site):
            page.goto((site / path).as_uri(), wait_until="load")
            if text_size != "100%":
                page.evaluate("size => document.documentElement.style.fontSize = size", text_size)
            found = page.evaluate(WIDER_THAN_VIEWPORT)
            if found:
                wide[path] = found
    finally:
        context.close()
    assert not wide, wide


def test_o12_first_purchase_fits_the_phone(browser, site):  # noqa: F811
    """At 390 px the first purchase's item, vendor and e-GP number are inside the viewport at once; the month index
    gives each month's count and total; a month folds."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    try:
        page.goto((site / "ita/2568/o12.html").as_uri())
        first = page.locator("details.month table.wide tbody tr").first
        first.scroll_into_view_if_needed()
        boxes = [first.locator(f"td.{name}").bounding_box() for name in ("lead", "vendor", "egp")]
        assert all(box and box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes), boxes
        top, bottom = min(b["y"] for b in boxes), max(b["y"] + b["height"] for b in boxes)
        assert top >= 0 and bottom <= 844, (top, bottom)
        texts = [first.locator(f"td.{name}").inner_text() for name in ("lead", "vendor", "egp")]
        assert texts[0].startswith("จัดซื้อวัสดุสำนักงาน") and texts[1] and texts[2].strip().isdigit(), texts
        # the values the same on every row are said once, not on each card
        assert not first.locator("td.same").first.is_visible()
        assert "อำเภอ" in page.inner_text(".same-values")
        months = page.locator(".month-index a")
        assert months.count() == 12 and "4 รายการ" in months.first.inner_text() and "บาท" in months.first.inner_text()
        months.nth(5).click()
        assert page.evaluate("location.hash") == "#m-2568-03"
        summary = page.locator("details.month").first.locator("summary")
        summary.click()
        assert not first.is_visible(), "the month folds"
    finally:
        context.close()


def test_o12_full_table_on_a_wide_screen(browser, site):  # noqa: F811
    context = browser.new_context(viewport={"width": 1600, "height": 900}, service_workers="block")
    page = context.new_page()
    try:
        page.goto((site / "ita/2568/o12.html").as_uri())
        table = page.locator("details.month table.wide").first
        assert page.locator("details.month table.wide thead th").first.is_visible()
        assert table.locator("thead th").count() == 16
        vendor = table.locator("td.egp").first.bounding_box()
        assert vendor["x"] + vendor["width"] <= 1600, vendor
        assert page.evaluate("document.documentElement.scrollWidth") <= 1600
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------------------
# People and pictures


@pytest.mark.parametrize("width", [390, 1280])
def test_photos_keep_their_aspect_ratio(browser, site, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    page = context.new_page()
    try:
        checked = 0
        for path in ("ita/2568/o2.html", "ita/2570/o2.html"):
            page.goto((site / path).as_uri())
            ratios = page.eval_on_selector_all("main img", """imgs => imgs.filter(i => i.complete && i.naturalWidth)
                .map(i => [i.getAttribute('src'), i.getBoundingClientRect().width / i.getBoundingClientRect().height,
                           i.naturalWidth / i.naturalHeight])""")
            for src, shown, natural in ratios:
                assert abs(shown / natural - 1) <= 0.02, (path, src, shown, natural)
                checked += 1
        assert checked >= 4
    finally:
        context.close()


def test_names_phones_and_emails_never_break_inside_a_word(browser, site):  # noqa: F811
    context = browser.new_context(viewport={"width": 320, "height": 844}, service_workers="block")
    page = context.new_page()
    try:
        page.goto((site / "ita/2568/o2.html").as_uri())
        names = page.locator(".person-name")
        assert names.count() >= 3
        for i in range(names.count()):
            spans = names.nth(i).locator(".nw")
            assert spans.count() >= 2  # given name and surname, each whole
            for j in range(spans.count()):
                rects = spans.nth(j).evaluate("e => e.getClientRects().length")
                assert rects == 1, names.nth(i).inner_text()
        for selector in ("main a[href^='tel:'] .nw", "main a[href^='mailto:'] .nw"):
            parts = page.locator(selector)
            assert parts.count() >= 1, selector
            assert all(parts.nth(k).evaluate("e => e.getClientRects().length") == 1 for k in range(parts.count()))
    finally:
        context.close()


def test_images_larger_than_their_box_open_full_size(site):  # noqa: F811
    import re
    for path in ("ita/2568/o1.html", "ita/2570/o1.html"):
        html = (site / path).read_text(encoding="utf-8")
        chart = re.findall(r'<a class="full-size" href="([^"]+)"><img src="([^"]+)"', html)
        assert chart and all(href == src for href, src in chart), path


# ---------------------------------------------------------------------------------------------------------
# Focus contrast


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(css: str) -> tuple:
    import re
    return tuple(float(n) for n in re.findall(r"[\d.]+", css)[:3])


def test_focus_ring_contrast_on_the_header(browser, site):  # noqa: F811
    """Each header link and control focused from the keyboard: its outline against the header's background and
    against its own background (the current item's) is at least 3:1."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    try:
        page.goto((site / "ita/index.html").as_uri())
        header = _rgb(page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
        measured = []
        for _ in range(12):
            page.keyboard.press("Tab")
            style = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
                return e.closest('.site-header') ? [e.textContent.trim() || e.id, s.outlineStyle, s.outlineColor,
                                                     s.backgroundColor, parseFloat(s.outlineOffset)] : null; }""")
            if style is None:
                continue
            name, line, outline, own, offset = style
            assert line != "none", name
            # the ring is painted outside the element (offset >= 0), on the header; inside it, on its own background
            inside = offset < 0 and own not in ("rgba(0, 0, 0, 0)", "transparent")
            against = [header] + ([_rgb(own)] if inside else [])
            measured.append((name, min(contrast(_rgb(outline), bg) for bg in against)))
        assert len(measured) >= 5 and all(ratio >= 3 for _, ratio in measured), measured
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------------------
# Offline on a phone: the service worker's background copy


def _kept(page) -> bool:
    return page.evaluate("async () => !!(await caches.match(new URL('offline.json', location.href).href))")


def test_after_one_visit_the_citizens_pages_open_with_the_network_off(browser, served, site):  # noqa: F811
    import json
    import time
    listed = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    paths = [path for path, _ in listed["files"]]
    assert listed["bytes"] <= 300 * 1024 and listed["bytes"] == sum(size for _, size in listed["files"])
    for path in ("index.html", "contact.html", "ita/2570/o9.html", "ita/2570/o10.html", "ita/2570/o17.html",
                 "ita/2570/index.html", "static/style.css"):
        assert path in paths, path
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        page.goto(f"{served}/index.html", wait_until="load")  # the one visit
        started = time.monotonic()
        while not _kept(page):
            assert time.monotonic() - started < 30, "the background copy did not finish"
            page.wait_for_timeout(200)
        assert errors == []
        context.set_offline(True)
        for path in paths:
            if not path.endswith(".html"):
                continue
            page.goto(f"{served}/{path}", wait_until="load")
            assert page.evaluate("location.pathname") == f"/{path}"
            assert page.locator("main h1").inner_text().strip(), path
            header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
            assert header == "rgb(20, 83, 45)", f"{path}: the stylesheet was kept too"
            page.wait_for_selector("#offline-note", state="visible")  # the page says it reads offline
        assert "ita/2570/o17.html" in paths and "ออฟไลน์" in page.inner_text("#offline-note")
    finally:
        context.set_offline(False)
        context.close()



@pytest.mark.parametrize("link", ["2G", "Slow-2G"])
def test_on_a_2g_link_the_worker_keeps_nothing_in_the_background(browser, served, link):  # noqa: F811
    """The background copy (300 KB) is skipped where the browser says the link is 2G: Chromium's own switch sets what
    navigator.connection.effectiveType reports, in the page and in the service worker."""
    from test_browser import CHROMIUM
    slow = browser.browser_type.launch(executable_path=str(CHROMIUM),
                                       args=[*CHROMIUM_ARGS, f"--force-effective-connection-type={link}"])
    try:
        page = slow.new_context().new_page()
        page.goto(f"{served}/index.html", wait_until="load")
        assert page.evaluate("navigator.connection.effectiveType").endswith("2g")
        said = page.evaluate("""() => new Promise(done => {
            navigator.serviceWorker.addEventListener("message", e => e.data && e.data.prefetch && done(e.data.prefetch));
            navigator.serviceWorker.ready.then(r => r.active.postMessage("prefetch"));
            setTimeout(() => done("no answer"), 20000); })""")
        assert said == "skipped" and not _kept(page)
    finally:
        slow.close()


# ---------------------------------------------------------------------------------------------------------
# The offline download


def test_no_dead_link_inside_the_unpacked_download(site, tmp_path):  # noqa: F811
    import json
    import re
    import shutil
    from urllib.parse import unquote, urlsplit
    for part in sorted((site / "offline").glob("*.json")):  # every part, unpacked into the same place
        listed = json.loads(part.read_text(encoding="utf-8"))
        for path in listed["files"]:  # what offline.js puts into the ZIP (tests/test_offline.py makes one)
            (tmp_path / listed["folder"] / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / path, tmp_path / listed["folder"] / path)
    (copy,) = tmp_path.iterdir()
    dead, checked = [], 0
    for page in sorted(copy.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?]+)', html):
            if urlsplit(ref).scheme or ref.startswith("//"):
                continue  # another host, mailto:, tel:
            checked += 1
            if not (page.parent / unquote(ref)).is_file():
                dead.append(f"{page.relative_to(copy)}: {ref}")
    assert checked > 1000 and dead == [], dead[:20]

