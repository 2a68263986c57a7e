"""Real-browser tests: the sample site opened from disk (file://) in Debian's Chromium, driven by Playwright.

Citizens open the site from a USB stick or a downloaded copy, so every page, every link and the search must
work on file://, where fetch(), XHR, ES modules and workers do not. The browser is the distribution's
/usr/bin/chromium (never a downloaded build); a proxy on a closed port makes any request to another host
fail at once, and every request is recorded, so a request that leaves the site cannot go unnoticed.
Without /usr/bin/chromium (or the playwright package) these tests fail in CI (CI=true) and skip elsewhere.

The first tests need no browser: the search index and the page budget.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
from collections import deque
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from conftest import ROOT

from prongsai import search

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",  # any request to another host fails at once, and is recorded
]
YEAR = "ita/2568"
#: What a normal page loads besides its HTML (the favicon and images aside), before compression.
PAGE_BUDGET = 20 * 1024
#: search.js is loaded by every page.
SEARCH_JS_BUDGET = 4 * 1000
#: search-page.js is loaded by search.html only (the titles index is counted apart: TITLES_BUDGET).
SEARCH_PAGE_JS_BUDGET = 8 * 1024
#: The offline download page's script (static/offline.js; the ZIP library static/fflate.js, 34 KB, comes only when a
#: part's button is pressed).
OFFLINE_JS_BUDGET = 8 * 1024


# ---------------------------------------------------------------------------------------------------------
# The built sample site (once per session)


@pytest.fixture(scope="module")
def site(sample_site) -> Path:
    """The repository's sample content/, built once per session into a temporary folder (conftest.sample_site)."""
    return sample_site


def index_of(site: Path) -> list:
    """The entries of search-index.js and search-text-N.js together: [url, title, [headings], text]."""
    text = (site / search.INDEX_FILE).read_text(encoding="utf-8")
    assert text.startswith("window.PRONGSAI_INDEX={") and text.rstrip().endswith("};")
    return search.read_index(site)


# ---------------------------------------------------------------------------------------------------------
# Without a browser: the index, the matching rule, the budget


def test_index_holds_every_page_with_title_headings_and_main_text(site):
    entries = {entry[0]: entry for entry in index_of(site)}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - set(search.NOT_INDEXED)
    pages = {p for p in pages if not p.startswith(search.NOT_INDEXED_FOLDERS)}
    assert set(entries) == pages
    _, title, headings, text = entries[f"{YEAR}/o12.html"]
    assert title.startswith("O12 ") and "ตุลาคม 2567" in headings
    assert "ร้านดงเมืองพาณิชย์" in text
    assert "ข่าวประชาสัมพันธ์ล่าสุด" in entries["index.html"][2] and "ประชากรประมาณ" in entries["index.html"][3]
    # the header, menu, breadcrumb and footer are not the page's text; a repeated table cell is kept once
    assert "ข้ามไปยังเนื้อหาหลัก" not in text and "ติดต่อเรา" not in text and "saraban@" not in text
    assert not text.startswith("หน้าแรก"), "the breadcrumb is navigation"
    assert text.count("สิ้นสุดระยะสัญญา") == 1 and text.count("องค์กรปกครองส่วนท้องถิ่น (องค์การบริหารส่วนตำบล)") == 1
    # stored cleaned, never folded: what the page shows, with single spaces
    assert all(search.clean(s) == s for entry in entries.values() for s in (entry[1], entry[3], *entry[2]))


#: The first file a search loads (titles and headings), raw: on a 400 kbps link that does not compress, 0.8 s.
TITLES_BUDGET = 48 * 1024


def test_index_stays_small(site):
    """The first search loads only the titles and headings: 34 KB raw (6 KB gzipped) for the 118 searched pages of
    the sample's three fiscal years (2026-12); the text (0.9 MB raw, 21 files of at most ~48 KB) comes after."""
    titles = (site / search.INDEX_FILE).read_bytes()
    assert len(titles) < TITLES_BUDGET, len(titles)
    texts = sorted(site.glob(search.TEXT_FILE.format("*")))
    # a text file stops past 1.5 × TEXT_FILE_BYTES; one page's text (at most ~50 KB in the sample) may cross it
    assert len(texts) > 1 and all(f.stat().st_size < search.TEXT_FILE_BYTES * 3 // 2 + 56 * 1024 for f in texts), texts
    whole = b"".join(f.read_bytes() for f in texts) + titles
    compressed = len(gzip.compress(whole, 9, mtime=0))
    assert len(whole) < 1500 * 1024 and compressed < 200 * 1024, (len(whole), compressed)
    # every text file is named in the titles file, in order, with its first page's number, and holds the next
    # pages' texts under its own name
    named = json.loads(titles[titles.index(b"{"):titles.rindex(b"}") + 1])["texts"]
    assert [name for name, _ in named] == [search.TEXT_FILE.format(n) for n in range(1, len(texts) + 1)]
    firsts = [first for _, first in named]
    assert firsts[0] == 0 and firsts == sorted(set(firsts)), firsts
    for (name, first), (_, after) in zip(named, named[1:] + [(None, None)]):
        text = (site / name).read_text(encoding="utf-8")
        pushed_name, bodies = json.loads(text[text.index(".push(") + 6:text.rindex(")")])
        assert pushed_name == name and (after is None or first + len(bodies) == after), (name, first, after)


def test_matching_rule():
    text = "O12 รายการการจัดซื้อจัดจ้าง\u200bประจำปี ๒๕๖๘  e\u2013GP  น\u0e4d\u0e49\u0e32ประปา"
    assert search.matches("จัดซื้อ", text) and search.matches("จัดจ้างประจำปี", text)
    assert search.matches("2568", text) and search.matches("๒๕๖๘ e-gp", text) and search.matches("o12", text)
    assert search.matches("น้ำประปา", text), "SARA AM typed as two characters"
    assert not search.matches("จัดซื้อ งบกลาง", text), "every term must match"
    assert search.matches("", text) and search.normalize(" \t\u3000") == ""
    assert search.normalize("Ａ") == "Ａ", "only A-Z is lower-cased"
    assert search.matches("E-GP", text) and search.matches("e\u2014gp", text), "every dash is the same"
    assert search.normalize("E\u2013Service \u2212 \uff0d \u2010") == "e-service - - -"


@pytest.mark.parametrize("text", ["ABC ๐๑๒๓ abc", "ภาษาไทย ไม่มีเว้นวรรค", "İΣ É ๙๙", "E–Service — ﹣"])
def test_fold_keeps_positions(text):
    assert len(search.fold(text)) == len(text)


def test_a_normal_page_loads_little_css_and_js(site):
    loaded = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        refs = re.findall(r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"', html)
        refs = [ref for ref in refs if not ref.endswith(search.INDEX_FILE)]  # the search page's data: TITLES_BUDGET
        loaded[page.relative_to(site).as_posix()] = sum((page.parent / ref).stat().st_size for ref in refs)
    assert loaded["index.html"] == (site / "static/style.css").stat().st_size + (site / "static/search.js").stat().st_size
    assert (site / "static/search.js").stat().st_size < SEARCH_JS_BUDGET
    search_page = loaded.pop("search.html")  # the search tool's own script comes on top (static/search-page.js)
    assert search_page <= PAGE_BUDGET + SEARCH_PAGE_JS_BUDGET, search_page
    assert (site / "static/search-page.js").stat().st_size < SEARCH_PAGE_JS_BUDGET
    offline_page = loaded.pop("offline.html")  # and the offline download's (static/offline.js)
    assert offline_page <= PAGE_BUDGET + OFFLINE_JS_BUDGET, offline_page
    assert (site / "static/offline.js").stat().st_size < OFFLINE_JS_BUDGET
    assert max(loaded.values()) <= PAGE_BUDGET, {p: n for p, n in loaded.items() if n > PAGE_BUDGET}


# ---------------------------------------------------------------------------------------------------------
# The browser


def _unavailable(reason: str) -> None:
    """No browser: a failure in CI, where the tests must run, a skip elsewhere."""
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"CI needs the real-browser tests: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium fonts-thai-tlwg)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing (pip install -e '.[test]')")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


class Watched:
    """A browser page with everything it asked for and every error it met, recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"{self.page.url}: console error: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: page error: {error}"))
        self.page.on("requestfailed", self._failed)

    def _failed(self, request) -> None:
        # The browser asks for the tab's icon after the page has loaded, and for an image below the fold (loading=
        # "lazy") when it comes near, and cancels either when the next page is opened first (on a busy machine,
        # often): a file that is there, aborted, is the browser's doing, not the site's. Every other failure counts;
        # a missing file fails as net::ERR_FILE_NOT_FOUND.
        if request.failure == "net::ERR_ABORTED" and self._is_there(request.url):
            return
        self.errors.append(f"{self.page.url}: request failed: {request.url} ({request.failure})")

    @staticmethod
    def _is_there(url: str) -> bool:
        return url.startswith("file:") and Path(unquote(urlsplit(url).path)).is_file()

    def open(self, url: str):
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        return response

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("file://")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    page.close()


def file_url(site: Path, path: str) -> str:
    return (site / path).as_uri()


def site_path(site: Path, url: str) -> str | None:
    """The site path a file:// URL leads to (without query and fragment), or None when it is not a file of the site."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    target = Path(unquote(parts.path))
    try:
        return target.relative_to(site).as_posix()
    except ValueError:
        return None


def links_of(page) -> list[str]:
    """Every <a href> of the page, resolved by the browser."""
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


def no_problems(watched: Watched) -> None:
    assert not watched.errors, "\n".join(watched.errors[:40])
    assert not watched.outside(), f"requests to another host: {watched.outside()[:20]}"


def test_every_page_reached_from_the_home_page_renders_on_file_urls(site, watched):
    """Breadth-first from index.html over every internal link: each page loads, has text, and makes no error."""
    seen, queue, files = {"index.html"}, deque(["index.html"]), set()
    while queue:
        path = queue.popleft()
        watched.open(file_url(site, path))
        assert watched.page.inner_text("body").strip(), f"{path}: empty page"
        assert watched.page.title().strip(), f"{path}: no title"
        for link in links_of(watched.page):
            target = site_path(site, link)
            if link.startswith("file:") and target is None:
                pytest.fail(f"{path}: {link} leads outside the site")
            if target is None:
                continue
            if target.endswith(".html"):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            else:
                files.add((path, target))
    missing = [f"{page}: {target}" for page, target in sorted(files) if not (site / target).is_file()]
    assert not missing, missing
    every_page = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    unlinked = {"404.html", "search.html"}  # shown by the server at a missing URL; reached with the search form
    assert every_page - seen <= unlinked, f"not reached from the home page: {sorted(every_page - seen - unlinked)}"
    assert len(seen) >= 50 and any(target.endswith(".pdf") for _, target in files)
    no_problems(watched)
    assert not [url for url in watched.requests if url.endswith(search.INDEX_FILE)], "the index loaded without a search"


def test_real_clicks_from_the_home_page(site, watched):
    page = watched.page
    menu = page.get_by_role("navigation", name="เมนูหลัก")

    def click(locator, expected: str) -> None:
        locator.click()
        page.wait_for_url(file_url(site, expected) if not expected.startswith("^") else re.compile(expected))
        assert page.locator("main h1").inner_text().strip(), expected

    latest = "ita/2570"  # the home page and the list of years lead to the latest fiscal year first
    watched.open(file_url(site, "index.html"))
    click(page.locator("main a.button"), f"{latest}/index.html")
    click(page.locator('main a[href="o12.html"]').first, f"{latest}/o12.html")
    click(menu.get_by_role("link", name="การประเมิน ITA"), "ita/index.html")
    click(page.locator("main ul.years a").first, f"{latest}/index.html")
    click(menu.get_by_role("link", name="การประเมิน ITA"), "ita/index.html")
    click(page.locator(f'main ul.years a[href="{YEAR[4:]}/index.html"]'), f"{YEAR}/index.html")
    click(menu.get_by_role("link", name="ข่าวประชาสัมพันธ์"), "news/index.html")
    click(page.locator("main .news-list a").first, r"^.*/news/[^/]+\.html$")
    click(menu.get_by_role("link", name="ติดต่อเรา"), "contact.html")
    click(page.locator("header a.brand"), "index.html")
    page.go_back()
    page.wait_for_url(file_url(site, "contact.html"))
    no_problems(watched)


def test_every_page_works_on_file_urls_and_loads_the_index_from_its_folder(site, watched):
    """Every HTML file of the site, reachable or not: no console error, nothing from another host; focusing the
    search box loads search-index.js (only then) from that page's folder depth."""
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        before = len(watched.requests)
        watched.open(file.as_uri())
        assert watched.page.inner_text("body").strip(), path
        if path == "404.html" or path.startswith("posters/"):  # shown at any URL; printed on paper
            assert watched.page.locator("form.site-search").count() == 0
            continue
        if path != "search.html":
            assert not [u for u in watched.requests[before:] if u.endswith(search.INDEX_FILE)], f"{path}: index loaded early"
        watched.page.focus("#site-q")
        watched.page.wait_for_function("() => window.PRONGSAI_INDEX && Array.isArray(window.PRONGSAI_INDEX.pages)")
        assert (site / search.INDEX_FILE).as_uri() in watched.requests[before:], path
    no_problems(watched)


def search_from(site: Path, watched: Watched, start: str, query: str) -> list[str]:
    """Type the query in the header's search box of `start`, press Enter; the site paths of the results."""
    page = watched.page
    index = (site / search.INDEX_FILE).as_uri()
    watched.open(file_url(site, start))
    assert index not in watched.requests, "the index is loaded only when the search box is used"
    page.fill("#site-q", query)
    page.wait_for_function("() => window.PRONGSAI_INDEX && Array.isArray(window.PRONGSAI_INDEX.pages)")
    assert index in watched.requests
    page.press("#site-q", "Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    page.wait_for_selector("#search-status[data-done]")
    assert page.input_value("#site-q") == query, "the search page shows what was searched"
    return [site_path(site, url) for url in page.eval_on_selector_all("#search-results h2 a", "as => as.map(a => a.href)")]


#: The sample holds fiscal years 2568, 2569 and 2570; 2569 renumbers the items (its complaint items are O16–O18,
#: its procurement items O11–O12) and 2570 keeps 2569's numbers. Pages whose title holds the words come first.
@pytest.mark.parametrize(("start", "query", "first"), [
    ("index.html", "จัดซื้อ", ["ita/2568/o12.html", "ita/2568/o13.html", "ita/2569/o11.html", "ita/2569/o12.html",
                               "ita/2570/o11.html", "ita/2570/o12.html"]),
    (f"{YEAR}/o1.html", "ร้องเรียน", ["ita/2568/o17.html", "ita/2568/o18.html", "ita/2568/o19.html",
                                       "ita/2569/o16.html", "ita/2569/o17.html", "ita/2569/o18.html",
                                       "ita/2570/o16.html", "ita/2570/o17.html", "ita/2570/o18.html"]),
    ("news/index.html", "งบประมาณ", []),
])
def test_search_from_the_header(site, watched, start, query, first):
    results = search_from(site, watched, start, query)
    assert results and all(r and (site / r).is_file() for r in results), results
    assert sorted(results[:len(first)]) == first, results[:8]
    if query == "งบประมาณ":
        assert "ita/2569/o6.html" in results[:8], results[:10]
    page = watched.page
    assert query in page.inner_text("#search-status")
    marked = page.eval_on_selector_all("#search-results mark", "marks => marks.map(m => m.textContent)")
    words = page.evaluate("q => window.prongsaiWords(q)", query)
    assert "".join(words) == search.normalize(query), words
    assert marked and {search.normalize(m) for m in marked} == set(words), marked[:5]
    # a result leads to its page
    page.locator("#search-results h2 a").first.click()
    page.wait_for_url(file_url(site, results[0]))
    no_problems(watched)


def test_search_folds_thai_digits_and_case(site, watched):
    def results(query: str) -> list[str]:
        watched.open(file_url(site, "search.html") + "?q=" + quote(query))
        watched.page.wait_for_selector("#search-status[data-done]")
        return watched.page.eval_on_selector_all("#search-results h2 a", "as => as.map(a => a.getAttribute('href'))")

    arabic = results("2568")
    assert len(arabic) > 10 and results("๒๕๖๘") == arabic
    assert results("o12") == results("O12") and f"{YEAR}/o12.html" in results("O12")
    assert results("จัดซื้อ ๒๕๖๘") == results("2568 จัดซื้อ")
    assert results("ไม่มีคำนี้ในเว็บไซต์เลย") == []
    assert "ไม่พบ" in watched.page.inner_text("#search-status")
    no_problems(watched)


def test_search_page_without_a_query(site, watched):
    watched.open(file_url(site, "search.html"))
    status = watched.page.inner_text("#search-status")
    assert "พิมพ์คำ" in status and watched.page.locator("#search-results li").count() == 0
    assert not [u for u in watched.requests if "search-text-" in u], "nothing searched: no page text loaded"
    no_problems(watched)


def test_search_page_without_the_index_says_so(site, tmp_path, watched):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / search.INDEX_FILE).unlink()
    watched.page.goto(file_url(copy, "search.html") + "?q=" + quote("จัดซื้อ"))
    watched.page.wait_for_function("() => document.getElementById('search-status').textContent.trim() !== ''")
    assert "search-index.js" in watched.page.inner_text("#search-status")
    assert not watched.outside()


def test_search_page_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(file_url(site, "search.html") + "?q=x")
        text = page.inner_text("main")
        assert "JavaScript" in text
        hrefs = page.eval_on_selector_all("main a", "as => as.map(a => a.getAttribute('href'))")
        assert "ita/2570/index.html" in hrefs and "news/index.html" in hrefs  # the latest fiscal year
    finally:
        context.close()


#: Strings on which the browser's normalize() must agree with Python's.
EDGE_CASES = [
    "", " ", "\t\n\r\v\f", "  จัดซื้อ  จัดจ้าง  ", "ABCXYZ abcxyz @[`{", "ปี ๒๕๖๘ และ 2568", "๐๑๒๓๔๕๖๗๘๙",
    "จัด\u200bซื้อ", "\u00adซ\u200cื\u200dอ\u2060\ufeff", "น\u0e4d\u0e32", "น\u0e49\u0e4d\u0e32", "น\u0e4d\u0e49\u0e32",
    "ทํา น้ํา",
    "e\u0301 E\u0301 \u212b \u1100\u1161", "\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\u0085x",
    "\u001c\u001d\u001e\u001f", "\u180e", "İ ΣΑΣ Ａ Ǆ ß ẞ", "😀 𝐀 \U0001f1f9\U0001f1ed", "e-GP O12 สขร.1",
    "ก\u0e48\u0e4d\u0e32", "ค่ำ", "\u0e33", "a\u0e4d", "\u0e4d\u0e32\u0e4d\u0e32",
    "E\u2013Service e\u2014service \u2010\u2011\u2012\u2015\u2212\ufe58\ufe63\uff0d - \u2e3a \u30fc",
]


def random_strings(count: int = 400) -> list[str]:
    alphabet = ("ABCZabcz019 ๐๕๙กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะัาำิีึืุูเแโใไๅ็่้๊๋์ํ\u0e3a"
                "\t\n\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\u0301\u0323\u212bÅé\u1100\u1161İΣ😀")
    rng = random.Random(2568)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def test_normalisation_is_the_same_in_javascript_and_python(site, watched):
    watched.open(file_url(site, "search.html"))
    entries = index_of(site)
    strings = EDGE_CASES + random_strings() + [s for e in entries for s in (e[1], e[3], *e[2])]
    in_browser = watched.page.evaluate("strings => strings.map(s => window.prongsaiNormalize(s))", strings)
    differing = [(s, js, search.normalize(s)) for s, js in zip(strings, in_browser) if js != search.normalize(s)]
    assert not differing, "\n".join(f"{s!r}: JS {js!r} Python {py!r}" for s, js, py in differing[:20])
    no_problems(watched)


# ---------------------------------------------------------------------------------------------------------
# O10: a service without its own form is requested through the page's form, chosen by the button's fragment


def test_o10_request_button_chooses_the_service_from_the_keyboard(site, watched):
    services = [line.split(": ", 1)[1] for line in (ROOT / "content" / YEAR / "O10.yaml").read_text(encoding="utf-8")
                .splitlines() if line.startswith("  - name: ")]
    watched.open(file_url(site, f"{YEAR}/o10.html"))
    page = watched.page
    page.focus('a[href="#request-3"]')
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#request-3'")
    assert page.eval_on_selector("#req-service", "select => select.value") == services[2]
    assert page.evaluate("document.activeElement.id") == "req-name", "the keyboard lands in the form, on its first field"
    assert (watched.errors, watched.outside()) == ([], [])


def test_o10_request_button_leads_to_the_form_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(file_url(site, f"{YEAR}/o10.html") + "#request-3", wait_until="load")
        assert page.locator("#request #request-3").count() == 1, "the fragment names a place inside the form's section"
        assert page.locator("#request form[action^='mailto:']").count() == 1
        assert page.eval_on_selector("#req-service", "select => select.value") == "", "not chosen, and still usable"
    finally:
        context.close()
