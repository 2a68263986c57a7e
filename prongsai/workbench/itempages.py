"""The pages that edit one file: an item's form, the agency settings, a file as text, its history.

Owns the request side of a save: the version the form was opened on (a
conflict shows both versions and writes nothing), save or save-as-draft, the
form shown again with every problem beside its field (status 422), the
preview rebuilt for the files written, and restoring a version from the
history. What a save does to the text is editing.py's.
"""

from __future__ import annotations

import difflib
import time

import tornado.web

from .. import markup
from ..framework import FrameworkMissing, normalise_code, usable_years
from . import editing, forms
from .app import BaseHandler
from .checking import Checked
from .security import Outside
from .state import is_provisional
from .store import Conflict


class FormPage(BaseHandler):
    """Shared by the item, settings and news forms."""

    def target(self, *args) -> editing.Target:
        raise NotImplementedError

    def get(self, *args) -> None:
        target = self.target(*args)
        store = self.bench.store
        opened = editing.open_target(store, target)
        text = opened.text
        notice = ""
        if self.get_query_argument("draft", None) and store.draft(target.relative) is not None:
            text, notice = store.draft(target.relative), "draft"
        checked = editing.check_target(text, target, store, self.bench.paths.project, opened.line_offset)
        self.show(target, opened, checked, opened.body, notice=notice or self.get_query_argument("saved", ""))

    def show(self, target, opened, checked: Checked, body: str, status: int = 200, notice: str = "",
             conflict: dict | None = None) -> None:
        controls = forms.build(target.record, checked.data, checked.problems)
        result = None
        if target.item is not None:
            result = self.bench.preview.item_result(target.year, target.item.code, self.bench.today())
        from .filepages import item_files

        self.page("form.html", status, target=target, controls=controls, checked=checked, version=opened.version,
                  files=item_files(self.bench.paths.content, target),
                  body=body, result=result, notice=notice, conflict=conflict, entry_title=forms.entry_title,
                  has_draft=self.bench.store.draft(target.relative) is not None,
                  history=len(self.bench.store.history(target.relative)), new_id=forms.new_id,
                  provisional=bool(target.year) and is_provisional(target.year, self.bench.paths.project))

    async def post(self, *args) -> None:
        target = self.target(*args)
        store, project = self.bench.store, self.bench.paths.project
        opened = editing.open_target(store, target)
        action = self.get_body_argument("action", "save")
        if action == "discard-draft":
            store.drop_draft(target.relative)
            return self.redirect(target.action)
        started = time.perf_counter()
        cand = editing.candidate(target, opened, self.request.body_arguments, store, project)
        checked = time.perf_counter()
        version = self.get_body_argument("_version", "")
        if version != opened.version:
            return self._conflict(target, opened, cand, version)
        if action == "draft":
            store.save_draft(target.relative, editing.file_text(target, cand))
            return self.show(target, opened, cand.checked, cand.body, notice="draft-saved")
        if cand.checked.errors:
            return self.show(target, opened, cand.checked, cand.body, status=422, notice="errors")
        try:
            written = editing.write(store, target, cand, version)
        except Conflict as conflict:
            return self._conflict(target, editing.open_target(store, target), cand, version, conflict)
        stored = time.perf_counter()
        await self.rebuilt(written)
        # how long each step took, for the benchmark and the browser's developer tools
        self.set_header("Server-Timing", f"check;dur={(checked - started) * 1000:.1f}, "
                                         f"write;dur={(stored - checked) * 1000:.1f}, "
                                         f"preview;dur={(time.perf_counter() - stored) * 1000:.1f}")
        self.redirect(f"{target.action}?saved=1")

    async def rebuilt(self, written: list[str]) -> None:
        """Rebuild the preview for the files written, and wait for it: the next page shows the new state."""
        files = {str(self.bench.paths.content / relative) for relative in written}
        await _wrapped(self.bench.preview.rebuild(files))

    def _conflict(self, target, opened, cand, version, conflict: Conflict | None = None) -> None:
        """Both versions shown, nothing written: the file on disk, and what this form would have written."""
        mine = editing.file_text(target, cand)
        theirs = conflict.current if conflict else self.bench.store.read(target.relative)[0] or ""
        diff = "\n".join(difflib.unified_diff(theirs.splitlines(), mine.splitlines(), "บนดิสก์ | on disk",
                                              "ของคุณ | yours", lineterm=""))
        self.show(target, opened, cand.checked, cand.body, status=409, notice="conflict",
                  conflict={"theirs": theirs, "mine": mine, "diff": diff})


async def _wrapped(future) -> None:
    import asyncio

    await asyncio.wrap_future(future)


class ItemPage(FormPage):
    def target(self, year: str, code: str) -> editing.Target:
        try:
            framework = self.framework(int(year))
        except FrameworkMissing:
            raise tornado.web.HTTPError(404) from None
        item = framework.item_for(normalise_code(code))
        if item is None:
            raise tornado.web.HTTPError(404)
        return editing.item_target(self.bench.paths.content, self.bench.model, int(year), item)


class SettingsPage(FormPage):
    def target(self) -> editing.Target:
        return editing.settings_target(self.bench.model)


class MarkdownPreview(BaseHandler):
    """The Markdown body as the site will show it (sanitised), for the form's preview button."""

    def post(self) -> None:
        text = self.get_body_argument("body", "")
        html, warnings = markup.render(text.replace("\r\n", "\n"), "body")
        notes = "".join(f"<p class=\"warning\">{_escape(w.th)} <span lang=\"en\">{_escape(w.en)}</span></p>" for w in warnings)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(notes + html)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class HistoryPage(BaseHandler):
    """A file's kept versions, each with what it changed against the file now; restore any of them."""

    def get(self) -> None:
        relative = self.get_query_argument("file", "")
        store = self.bench.store
        try:
            snapshots = store.history(relative)
        except Outside:
            raise tornado.web.HTTPError(404) from None
        current, version = store.read(relative)
        shown = []
        for snapshot in snapshots[:30]:
            old = store.kept(relative, snapshot.id).decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
            diff = list(difflib.unified_diff(old.splitlines(), (current or "").splitlines(), "ฉบับนี้ | this version",
                                             "ปัจจุบัน | now", lineterm="", n=1))
            shown.append((snapshot, "\n".join(diff[2:])))
        self.page("history.html", relative=relative, snapshots=shown, version=version, back=self.get_query_argument("back", "/"))

    async def post(self) -> None:
        relative = self.get_body_argument("file", "")
        store = self.bench.store
        try:
            store.restore(relative, self.get_body_argument("snapshot", ""), self.get_body_argument("_version", ""))
        except Outside:
            raise tornado.web.HTTPError(404) from None
        except Conflict:
            return self.refuse("ไฟล์ถูกแก้ไขหลังจากเปิดหน้านี้ ยังไม่ได้กู้คืน โปรดเปิดหน้านี้ใหม่",
                               "the file changed after this page was opened; nothing was restored: open the page again",
                               409)
        await _wrapped(self.bench.preview.rebuild({str(store.path(relative))}))
        self.redirect(self.get_body_argument("back", "/") + "?saved=restored")


class RawPage(BaseHandler):
    """A YAML file as text, for what the form cannot show (a syntax error, a field the model does not know)."""

    def _target(self, relative: str) -> editing.Target:
        parts = relative.split("/")
        if relative == "site.yaml":
            return editing.settings_target(self.bench.model)
        if len(parts) == 3 and parts[0] == "ita" and parts[1].isdigit():
            code = normalise_code(parts[2].split(".")[0].split("-")[0])
            if int(parts[1]) not in usable_years(self.bench.paths.project):
                raise tornado.web.HTTPError(404)
            item = self.framework(int(parts[1])).item_for(code)
            if item is not None:
                target = editing.item_target(self.bench.paths.content, self.bench.model, int(parts[1]), item)
                if target.relative == relative:
                    return target
        raise tornado.web.HTTPError(404)

    def get(self) -> None:
        target = self._target(self.get_query_argument("file", ""))
        text, version = self.bench.store.read(target.relative)
        checked = editing.check_target(text or "", target, self.bench.store, self.bench.paths.project)
        self.page("raw.html", target=target, text=text or "", version=version, checked=checked, conflict="")

    async def post(self) -> None:
        target = self._target(self.get_body_argument("file", ""))
        store = self.bench.store
        text = self.get_body_argument("text", "").replace("\r\n", "\n")
        checked = editing.check_target(text, target, store, self.bench.paths.project)
        version = self.get_body_argument("_version", "")
        if checked.errors:
            return self.page("raw.html", 422, target=target, text=text, version=version, checked=checked, conflict="")
        try:
            store.write(target.relative, text, version)
        except Conflict as conflict:
            return self.page("raw.html", 409, target=target, text=text, version=version, checked=checked,
                             conflict=conflict.current)
        await _wrapped(self.bench.preview.rebuild({str(store.path(target.relative))}))
        self.redirect(target.action + "?saved=1")


ROUTES = [
    (r"/item/(\d{4})/([Oo]\d{1,2})", ItemPage),
    (r"/settings", SettingsPage),
    (r"/markdown", MarkdownPreview),
    (r"/history", HistoryPage),
    (r"/history/restore", HistoryPage),
    (r"/raw", RawPage),
]
