"""Search on a slow phone link: the sample site built, served over http without compression, and searched in
Debian's Chromium on Chromium's emulated 400 kbps / 400 ms link (CDP Network.emulateNetworkConditions).

    python3 bench/search.py            # prints a Markdown table and writes bench/search-results.md

For each query of issue 14: the seconds from asking for search.html?q=... (a cold cache) until the expected page
is in the results, and until every text file is searched; then the index files' sizes, raw and gzipped. Not part
of the test suite (tests/test_phones.py holds the 3 s limit); needs /usr/bin/chromium and the playwright package.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_phones import SEARCHES, SLOW_LINK  # noqa: E402

from prongsai import search  # noqa: E402

RUNS = 3


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def sizes(site: Path) -> list[tuple[str, int, int]]:
    titles = (site / search.INDEX_FILE).read_bytes()
    texts = [f.read_bytes() for f in sorted(site.glob(search.TEXT_FILE.format("*")))]
    whole = b"".join(texts)
    return [(f"{search.INDEX_FILE} (titles and headings: the first search)", len(titles), len(gzip.compress(titles, 9))),
            (f"search-text-N.js ({len(texts)} files: the pages' text, after)", len(whole), len(gzip.compress(whole, 9)))]


def measure(site: Path) -> list[tuple[str, float, float]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox", "--proxy-server=http://127.0.0.1:9"])
        for query, expected in SEARCHES:
            first, done = [], []
            for _ in range(RUNS):
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
                page.goto(f"{base}/search.html?q={quote(query)}", wait_until="commit", timeout=120_000)
                page.wait_for_function(
                    "url => [...document.querySelectorAll('#search-results h2 a')].some(a => a.href.endsWith('/' + url))",
                    arg=expected, timeout=120_000)
                first.append(page.evaluate("performance.now()") / 1000)
                page.wait_for_selector("#search-status[data-done]", timeout=300_000)
                done.append(page.evaluate("performance.now()") / 1000)
                context.close()
            rows.append((query, statistics.median(first), statistics.median(done)))
        browser.close()
    server.shutdown()
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, str(ROOT / "build.py"), "--out", str(site)], cwd=ROOT, check=True,
                       capture_output=True)
        lines = ["| query | expected page | first result (s) | all text searched (s) |", "| --- | --- | ---: | ---: |"]
        expected = dict(SEARCHES)
        lines += [f"| {q} | `{expected[q]}` | {a:.2f} | {b:.1f} |" for q, a, b in measure(site)]
        lines += ["", "| file | raw bytes | gzip -9 bytes |", "| --- | ---: | ---: |"]
        lines += [f"| {name} | {raw:,} | {packed:,} |" for name, raw, packed in sizes(site)]
    text = ("Search on a 400 kbps / 400 ms link, uncompressed http, cold cache; median of "
            f"{RUNS} runs (bench/search.py)\n\n" + "\n".join(lines) + "\n")
    (ROOT / "bench" / "search-results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
