"""`python build.py serve`: a live preview that survives mistakes.

Owns the preview loop: build into a private folder (never site/), serve it on
127.0.0.1 with livereload, and on every burst of changes in content/ or
templates/ rebuild once, keeping parsed files, attachment metadata and
compiled templates between rebuilds (memo.py) and writing only the pages whose
HTML changed. A content error replaces the pages with one page listing every
problem, in the browser and the terminal; fixing the file brings the site
back. livereload is used only here, so it can be swapped out.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import opendata
from .memo import Memo, stamp
from .offline import WORKER_PATH, ZIP_PATH
from .search import INDEX_FILE, index_script
from .pipeline import Paths, files_to_copy, generated_files, load_site
from .problems import SiteError, format_report
from .render import broken_links, plan_pages, render_pages
from .templating import attachments_in as _attachments
from .templating import make_environment


def snapshot(folders: list[Path]) -> dict:
    """The stamp of every file under the folders: equal snapshots mean nothing changed."""
    return {str(f): stamp(f) for folder in folders if folder.is_dir() for f in sorted(folder.rglob("*")) if f.is_file()}


def error_page(problems: list, stylesheet: str) -> str:
    """One page listing every problem: file, line, Thai message, English, what to write."""
    from html import escape

    items = "\n".join(
        f"<li><code>{escape(p.location)}</code><br><strong>{escape(p.th)}</strong><br>"
        f"<span lang=\"en\">{escape(p.en)}</span>"
        + (f"<br>วิธีแก้: {escape(p.hint_th)}" if p.hint_th else "")
        + (f"<br><span lang=\"en\">fix: {escape(p.hint_en)}</span>" if p.hint_en else "")
        + (f"<br><span class=\"small\">{escape(p.context)}</span>" if p.context else "")
        + "</li>"
        for p in problems
    )
    errors = sum(1 for p in problems if p.severity == "error")
    return (
        "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>พบข้อผิดพลาด {errors} รายการ</title><style>{stylesheet}</style></head><body><main>"
        f"<h1>พบข้อผิดพลาดในเนื้อหา {errors} รายการ</h1><p lang=\"en\">The content has {errors} errors.</p>"
        "<p>แก้ไขไฟล์ตามรายการด้านล่างแล้วบันทึก หน้านี้จะโหลดใหม่เองเมื่อแก้ครบ</p>"
        f"<ol class=\"problems\">{items}</ol></main></body></html>\n"
    )


@dataclass
class Preview:
    """The state kept between rebuilds: the memo, the Jinja environment, what is on disk."""

    paths: Paths
    #: the private folder that is served
    folder: Path
    memo: Memo = field(default_factory=Memo)
    env: object = None
    #: site path -> html or source file as last written; empty after an error page
    written: dict = field(default_factory=dict)
    #: site path -> (fingerprint of its inputs, html) of the last successful render
    rendered: dict = field(default_factory=dict)
    last_snapshot: dict = field(default_factory=dict)
    failed: bool = False

    def rebuild(self) -> float | None:
        """Rebuild if anything changed since the last build; return the seconds it took, or None."""
        current = snapshot([self.paths.content, self.paths.templates])
        if current == self.last_snapshot and self.written:
            return None  # a second watch reporting the same burst
        self.last_snapshot = current
        started = time.perf_counter()
        try:
            self._build()
            self.failed = False
        except SiteError as error:
            self._show_errors(error.problems)
            self.failed = True
        return time.perf_counter() - started

    def _build(self) -> None:
        loaded = load_site(self.paths, memo=self.memo)
        site, model = loaded.site, loaded.model
        self.env = self.env or make_environment(self.paths.templates, site.digits)
        generated = generated_files(site, model, self.memo)
        planned = plan_pages(site, model, generated)
        generated.update(opendata.feeds(site, planned))
        templates = str(self.paths.templates)
        keys = (hash(tuple((k, v) for k, v in self.last_snapshot.items() if k.startswith(templates))),
                hash(tuple(self.last_snapshot.items())), stamp(self.paths.content / "site.yaml"))
        prints = {page.path: self._fingerprint(page, keys) for page in planned}
        stale = [page for page in planned if self.rendered.get(page.path, (None,))[0] != prints[page.path]]
        fresh, problems = render_pages(site, model, self.paths.templates, self.paths.project, self.env, stale)
        pages = {page.path: fresh[page.path] if page.path in fresh else self.rendered.get(page.path, (None, ""))[1]
                 for page in planned}
        generated[INDEX_FILE] = index_script(pages, planned)
        # The pages register a service worker; the preview's keeps nothing, so an edit is never hidden by a cache.
        generated[WORKER_PATH] = b"/* preview: this service worker keeps nothing */\n"
        copies = files_to_copy(self.paths, site.assets, site.resized)
        generated.update(site.resized)
        known = set(copies) | set(generated) | {ZIP_PATH}  # the preview makes no ZIP; the footer links it anyway
        problems += broken_links(pages, known, planned, self.paths.project, self.paths.templates)
        if any(p.severity == "error" for p in problems):
            raise SiteError(problems)
        self._write_changes({**pages, **generated}, copies)
        self.rendered = {path: (prints[path], html) for path, html in pages.items()}
        for warning in loaded.warnings:
            print(warning.format(), file=sys.stderr)

    def _fingerprint(self, page, keys: tuple) -> tuple:
        """What a page is made from: its own files for item and news pages, else all content; and the templates."""
        templates, everything, settings = keys
        entry, post = page.extra.get("entry"), page.extra.get("post")
        if post is not None:
            files = [self.paths.project / post.source]
        elif entry is not None and entry.item.kind != "news":
            files = [self.paths.project / f for f in (entry.source, entry.body_source) if f]
            files += [self.paths.content / a.path for a in _attachments(entry.values)]
        else:
            return (templates, everything)
        return (templates, settings, tuple(stamp(f) for f in files))

    def _write_changes(self, pages: dict, copies: dict) -> None:
        wanted = {**{path: ("page", html) for path, html in pages.items()},
                  **{path: ("file", stamp(source), source) for path, source in copies.items()}}
        for path in sorted(set(self.written) - set(wanted)):
            (self.folder / path).unlink(missing_ok=True)
        for path, value in sorted(wanted.items()):
            if self.written.get(path) == value:
                continue
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if value[0] == "page":
                target.write_bytes(value[1] if isinstance(value[1], bytes) else value[1].encode("utf-8"))
            else:
                shutil.copyfile(value[2], target)
        self.written = wanted

    def _show_errors(self, problems: list) -> None:
        print(format_report(problems, "preview"), file=sys.stderr)
        css = (self.paths.templates / "static" / "style.css")
        page = error_page(problems, css.read_text(encoding="utf-8") if css.is_file() else "").encode("utf-8")
        pages = [p for p in self.folder.rglob("*.html")] or [self.folder / "index.html"]
        for target in pages:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page)
        self.written = {}  # every page must be rewritten once the content is fixed


def _report(preview: Preview) -> None:
    seconds = preview.rebuild()
    if seconds is None:
        return
    state = "พบข้อผิดพลาด แสดงในเบราว์เซอร์ | errors shown in the browser" if preview.failed else "สำเร็จ | ok"
    print(f"สร้างใหม่ใน {seconds * 1000:.0f} มิลลิวินาที ({state}) | rebuilt in {seconds * 1000:.0f} ms", flush=True)


def serve(paths: Paths, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve and watch until interrupted (Ctrl+C)."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    # livereload skips a reload that comes within 3 s of the last one, so a second save soon after the first
    # would leave the browser on the old page; it already polls only every 0.8 s, which is pacing enough.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    folder = Path(tempfile.mkdtemp(prefix="prongsai-preview-"))
    preview = Preview(paths, folder)
    _report(preview)
    server = Server()
    # One function for both folders; Preview.rebuild skips the second call of a burst.
    rebuild = lambda: _report(preview)  # noqa: E731
    server.watch(str(paths.content), rebuild)
    server.watch(str(paths.templates), rebuild)
    print(f"เปิดดูที่ | open: http://{host}:{port}/  (หยุดด้วย Ctrl+C | stop with Ctrl+C)", flush=True)
    try:
        server.serve(host=host, port=port, root=str(folder), open_url_delay=None, restart_delay=0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0
