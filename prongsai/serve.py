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

import gc
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import emit
from .bodies import Bodies, markup_version
from .cache import Cache, Kept, cache_folder
from .depend import code_version
from .memo import Memo, stamp
from .pipeline import Paths, files_to_copy, load_site, pipeline_job, site_files
from .problems import SiteError, errors_in, format_report
from .templating import make_environment
from .watch import NoticeWatcher


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
    """The state kept between rebuilds: the memo, the cache, the Jinja environment, what is on disk."""

    paths: Paths
    #: the private folder that is served
    folder: Path
    memo: Memo = field(default_factory=Memo)
    env: object = None
    #: site path -> cache.Output of every file in the folder as last built; empty after an error page
    recorded: dict = field(default_factory=dict)
    last_snapshot: dict = field(default_factory=dict)
    failed: bool = False
    #: how many files the last rebuild wrote (the rest were unchanged)
    rendered: int = 0
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: discover()'s last result, reused while no file is added or removed
    found: tuple = ()
    #: page digests kept from one rebuild to the next (depend.Digests)
    kept: dict = field(default_factory=dict)
    #: the last rebuild's checked site and content model (None after an error), and its problems (the workbench
    #: shows readiness from them)
    site: object = None
    model: object = None
    problems: list = field(default_factory=list)

    def rebuild(self, changed: set | None = None) -> float | None:
        """Rebuild if anything changed since the last build; return the seconds it took, or None.

        `changed` is the set of files the watcher saw change; without it the folders are compared with the
        last snapshot (a second watch reporting the same burst is skipped).
        """
        if changed is None:
            current = snapshot([self.paths.content, self.paths.templates])
            if current == self.last_snapshot and self.recorded:
                return None
            self.last_snapshot = current
        self.memo.changed = changed
        started = time.perf_counter()
        store = Cache(self.paths.cache or cache_folder(self.paths.project))
        # Python's cycle collector would walk every kept post several times a rebuild; refcounting frees what a
        # rebuild drops, and the collector runs again when the clerk is typing.
        gc.disable()
        try:
            self._build(store, changed)
            self.failed = False
        except SiteError as error:
            self._show_errors(error.problems)
            self.failed, self.site, self.problems = True, None, error.problems
        finally:
            store.close()
            gc.enable()
        return time.perf_counter() - started

    def _same_files(self, changed: set | None) -> tuple | None:
        """The last discover() result, if the changed files are all files it knew and still there (none added or gone)."""
        if not changed or not self.found:
            return None
        inventory = self.found[0]
        known = self.memo.reuse("known files", (inventory,), lambda: _files_of(inventory, self.paths.content))
        templates = str(self.paths.templates)
        content_changes = [path for path in changed if not path.startswith(templates)]
        if all(path in known and Path(path).is_file() for path in content_changes):
            return self.found
        return None

    def _build(self, store: Cache, changed: set | None) -> None:
        code = self.memo.remember(("code",), code_version)  # the code does not change while it runs
        bodies, memo = Bodies(store, markup_version()), Kept(store, code, self.memo)
        loaded = load_site(self.paths, memo=memo, bodies=bodies, found=self._same_files(changed))
        self.found = loaded.found
        site, model = loaded.site, loaded.model
        self.site, self.model, self.problems = site, model, loaded.warnings
        self.env = self.env or make_environment(self.paths.templates, site.digits)
        planned, generated = site_files(self.paths, site, model, memo, preview=True, kept=self.kept)
        copies = files_to_copy(self.paths, site.assets, site.resized)
        job = pipeline_job(self.paths, site, code, bodies, self.folder, planned, generated, copies, self.env, self.kept)
        store.keep(*bodies.take_made())
        update = emit.build_update(job, self.folder, self.recorded, generated, copies, None, self.jobs, store.keep, preview=True)
        store.commit()
        if errors_in(update.problems):
            update.discard()
            raise SiteError(loaded.warnings + update.problems)
        self.rendered = len(update.written)
        self.recorded = {output.path: output for output in update.commit(self.recorded)}
        job.digests.remember_rebuild(job.shell, rendered_elsewhere=self.jobs > 1 and self.rendered >= emit.POOL_FROM)
        for warning in loaded.warnings:
            print(warning.format(), file=sys.stderr)

    def warm_up(self) -> None:
        """Compile the templates and load the Markdown converter now: the first build rendered in other processes
        or found every body in the cache, and the clerk's first save should not wait for either."""
        from . import markup

        markup.to_html("## warm-up\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [link](x.html)\n")
        if self.env is not None:
            for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html")):
                try:
                    self.env.get_template(name)
                except Exception:  # noqa: BLE001 - a broken template is reported when a page uses it
                    pass

    def _show_errors(self, problems: list) -> None:
        print(format_report(problems, "preview"), file=sys.stderr)
        css = (self.paths.templates / "static" / "style.css")
        page = error_page(problems, css.read_text(encoding="utf-8") if css.is_file() else "").encode("utf-8")
        pages = [p for p in self.folder.rglob("*.html")] or [self.folder / "index.html"]
        for target in pages:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page)
        self.recorded = {}  # every page must be rewritten once the content is fixed
        self.kept.pop("last", None)


def _files_of(inventory, content: Path) -> set:
    """Every content file discover() found, as the watcher names them."""
    known = {str(inventory.site_file)} | {str(f) for f in inventory.news}
    known |= {str(content / a) for a in inventory.assets}
    return known | {str(f) for slot in inventory.items.values() for f in slot.values()}


def _report(preview: Preview, changed: set | None = None) -> None:
    seconds = preview.rebuild(changed)
    if seconds is None:
        return
    state = "พบข้อผิดพลาด แสดงในเบราว์เซอร์ | errors shown in the browser" if preview.failed else "สำเร็จ | ok"
    print(f"สร้างใหม่ใน {seconds * 1000:.0f} มิลลิวินาที เขียน {preview.rendered} ไฟล์ ({state}) | "
          f"rebuilt in {seconds * 1000:.0f} ms, {preview.rendered} files written", flush=True)


def serve(paths: Paths, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve and watch until interrupted (Ctrl+C)."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    # livereload skips a reload that comes within 3 s of the last one, so a second save soon after the first
    # would leave the browser on the old page; one rebuild per burst of changes is pacing enough.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    folder = Path(tempfile.mkdtemp(prefix="prongsai-preview-"))
    preview = Preview(paths, folder)
    _report(preview)
    preview.warm_up()
    watcher = NoticeWatcher(lambda changed: _report(preview, changed))
    server = Server(watcher=watcher)
    server.watch(str(paths.content))
    server.watch(str(paths.templates))
    print(f"เปิดดูที่ | open: http://{host}:{port}/  (หยุดด้วย Ctrl+C | stop with Ctrl+C)", flush=True)
    try:
        server.serve(host=host, port=port, root=str(folder), open_url_delay=None, restart_delay=0)
    finally:
        watcher.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0
