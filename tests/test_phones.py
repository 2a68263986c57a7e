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
                const all = (window.PRONGSAI_TEXT || []).find(t => t[0] <= page && page < t[0] + t[1].length);
                const text = all ? all[1][page - all[0]] : '';
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
