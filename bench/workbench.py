"""Benchmark: the workbench's save → validated → preview rebuilt, on the sample and with 10,000 news posts.

    python bench/workbench.py                  # N = 0 (the sample as it is) and N = 10,000 posts; 15 saves each
    python bench/workbench.py --posts 0 1000 --saves 5

Run it with the interpreter Prongsai is installed in (tornado comes with it). Each corpus is the repository's
`content/` and `templates/` copied into the work folder (`bench/.work/workbench/`, git-ignored), with N generated
Thai news posts (bench/corpus.py, the same posts the Hugo comparison uses). The workbench runs in this process on
127.0.0.1; after its first build, the clerk's save is timed end to end, as the browser sees it: one HTTP POST of the
whole form of an item with one field changed, until the answer (the handler answers only after the text was
validated by the build's validator, written, and the preview rebuilt for that file). Alternately O3 (contact, one
item of the sample) and one news post are saved. Prints a Markdown table; writes bench/workbench-results.md and .json.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import platform
import shutil
import statistics
import sys
import threading
import time
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from corpus import make_page, prongsai_post  # noqa: E402

from prongsai.pipeline import Paths  # noqa: E402
from prongsai.workbench.app import Bench, free_port, make_app  # noqa: E402
from prongsai.workbench.preview import LivePreview  # noqa: E402
from prongsai.workbench.security import COOKIE, Guard  # noqa: E402

TARGETS_MS = {0: 100, 10000: 250}


def make_project(work: Path, posts: int) -> Path:
    project = work / f"n{posts}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    for i in range(posts):
        name, text = prongsai_post(make_page(i))
        (project / "content" / "news" / name).write_text(text, encoding="utf-8", newline="\n")
    return project


class Fields(HTMLParser):
    """The fields of the page's form with this action (selects' chosen options, textareas' text)."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action, self.fields, self._on, self._select, self._area, self._template = action, [], False, None, None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._on = a.get("action") == self.action
        if not self._on:
            return
        self._template += tag == "template"
        if self._template:
            return
        if tag == "input" and a.get("name") and a.get("type") != "file":
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select":
            self._select = [a.get("name"), None]
        elif tag == "option" and self._select and ("selected" in a or self._select[1] is None):
            self._select[1] = a.get("value", "") if "selected" in a or self._select[1] is None else self._select[1]
        elif tag == "textarea":
            self._area = [a.get("name"), ""]

    def handle_endtag(self, tag):
        if tag == "template" and self._template:
            self._template -= 1
        elif tag == "select" and self._select and not self._template:
            self.fields.append(self._select)
            self._select = None
        elif tag == "textarea" and self._area and not self._template:
            self._area[1] = self._area[1][1:] if self._area[1].startswith("\n") else self._area[1]
            self.fields.append(self._area)
            self._area = None
        elif tag == "form":
            self._on = False

    def handle_data(self, data):
        if self._area:
            self._area[1] += data


class Workbench:
    """The workbench on a thread of this process."""

    def __init__(self, project: Path) -> None:
        paths = Paths(project, project / "content", project / "templates", project / "site")
        self.port = free_port(0)
        self.bench = Bench(paths, Guard(self.port), LivePreview(paths))
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve() -> None:
            from tornado.httpserver import HTTPServer

            asyncio.set_event_loop(self.loop)
            self.server = HTTPServer(make_app(self.bench))
            self.server.listen(self.port, address="127.0.0.1")
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()
        ready.wait(10)
        started = time.perf_counter()
        self.bench.preview.start().result()
        self.first_build = time.perf_counter() - started

    def request(self, method: str, path: str, body: dict | list | None = None) -> tuple[int, str, dict]:
        headers = {"Cookie": f"{COOKIE}={self.bench.guard.token}", "Origin": f"http://127.0.0.1:{self.port}"}
        data = None
        if body is not None:
            data = urlencode(body).encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        try:
            connection.request(method, path, body=data, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.read().decode("utf-8"), dict(answer.getheaders())
        finally:
            connection.close()

    def save(self, path: str, field: str, value: str) -> tuple[float, dict]:
        """(ms from POST to answer, {step: ms} as the workbench reports them) of one save of the form at `path`."""
        status, page, _ = self.request("GET", path)
        assert status == 200, (path, status)
        form = Fields(path)
        form.feed(page)
        fields = [(name, value if name == field else old) for name, old in form.fields]
        started = time.perf_counter()
        status, text, headers = self.request("POST", path, fields)
        elapsed = (time.perf_counter() - started) * 1000
        assert status == 302, (path, status, text[:2000])
        steps = dict(part.strip().split(";dur=") for part in headers["Server-Timing"].split(","))
        return elapsed, {step: float(ms) for step, ms in steps.items()}

    def close(self) -> None:
        async def stop() -> None:
            self.server.stop()
            await self.server.close_all_connections()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
        self.bench.preview.close()


def measure(posts: int, saves: int, work: Path) -> dict:
    project = make_project(work, posts)
    post = sorted((project / "content" / "news").glob("*.md"))[-1].stem
    workbench = Workbench(project)
    try:
        workbench.save("/item/2568/O3", "v.office_hours", "warm-up")  # the first save compiles what a save needs
        item, news = [], []
        for i in range(saves):
            item.append(workbench.save("/item/2568/O3", "v.office_hours", f"วันจันทร์ถึงวันศุกร์ รอบที่ {i}"))
            news.append(workbench.save(f"/news/edit/{post}", "v.summary", f"สรุปข่าว รอบที่ {i}"))
        return {"posts": posts, "first_build_s": round(workbench.first_build, 2),
                "item_ms": [round(t, 1) for t, _ in item], "item_steps": [s for _, s in item],
                "news_ms": [round(t, 1) for t, _ in news], "news_steps": [s for _, s in news]}
    finally:
        workbench.close()


def table(results: list[dict]) -> str:
    lines = ["| posts | first build | save an item (O3): median [max] | check / write / preview | save a news post: median [max] "
             "| check / write / preview | target (item) |", "|---:|---:|---:|---|---:|---|---|"]

    def steps(found: list) -> str:
        return " / ".join(f"{statistics.median(s[name] for s in found):.0f}" for name in ("check", "write", "preview")) + " ms"

    for r in results:
        target = TARGETS_MS.get(r["posts"])
        median = statistics.median(r["item_ms"])
        verdict = f"≤ {target} ms: **{'met' if median <= target else 'missed'}**" if target else "—"
        lines.append(f"| {r['posts']:,} | {r['first_build_s']:.1f} s | {median:.0f} [{max(r['item_ms']):.0f}] ms | "
                     f"{steps(r['item_steps'])} | {statistics.median(r['news_ms']):.0f} [{max(r['news_ms']):.0f}] ms | "
                     f"{steps(r['news_steps'])} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[0, 10000])
    parser.add_argument("--saves", type=int, default=15)
    parser.add_argument("--work", type=Path, default=HERE / ".work" / "workbench")
    args = parser.parse_args()
    results = [measure(n, args.saves, args.work) for n in args.posts]
    machine = f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, {platform.system()}"
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = (f"# Workbench: save → validated → preview rebuilt\n\nMeasured {when} on {machine}; {args.saves} saves of each "
            f"kind per corpus, after one uncounted save. Command: `python bench/workbench.py`.\n\n{table(results)}\n")
    print(text)
    if args.posts == [0, 10000]:
        (HERE / "workbench-results.md").write_text(text, encoding="utf-8")
        (HERE / "workbench-results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
