"""Uploads, the content's files seen in the browser, spreadsheet imports, and months with no procurement.

Owns the upload endpoint (the body streamed and capped before it is read
whole: a request too large gets 413 and nothing is written), replacing a file
only when the clerk confirmed it (the old one goes to the trash), the import
page (a sheet uploaded, every bad cell listed, or a preview of the months it
adds or replaces, then merged by month into the item's file: importmerge.py),
and the one-click month with no procurement.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import tempfile
from pathlib import Path

import tornado.web
from tornado.httputil import parse_body_arguments

from .. import importing, thai, yamlio
from ..importmerge import Change, merge_text
from . import editing
from .app import MAX_UPLOAD, BaseHandler, StaticHandler
from .itempages import ItemPage
from .security import Outside, inside
from .store import Conflict, version_of
from .uploads import Refused, accept, field_at, folder_for

IMPORTERS = {"procurement": importing.import_procurement, "complaint_statistics": importing.import_complaints,
             "service_statistics": importing.import_service_statistics}


@tornado.web.stream_request_body
class Upload(BaseHandler):
    """POST a file for a field: JSON {written, relative} or {th, en} with 4xx; 409 {exists} asks before replacing."""

    def prepare(self):
        self._chunks, self._size = [], 0
        length = int(self.request.headers.get("Content-Length") or 0)
        self.request.connection.set_max_body_size(MAX_UPLOAD + 1024 * 1024)
        if length > MAX_UPLOAD:
            self.set_status(413)
            return self.finish({"th": "ไฟล์ใหญ่เกินไป", "en": "the file is too large"})
        return super().prepare()

    def _check_change(self):
        guard, headers = self.bench.guard, self.request.headers
        if not guard.same_origin(headers.get("Origin"), headers.get("Referer"), headers.get("Sec-Fetch-Site")):
            return self.refuse("คำขอนี้ไม่ได้มาจากหน้าของโปรแกรมนี้", "this request does not come from a page of the workbench")
        if not guard.form_token_ok(self.request.path, headers.get("X-CSRF-Token")):
            return self.refuse("แบบฟอร์มหมดอายุ โปรดเปิดหน้านี้ใหม่", "the form's security token is missing or wrong")
        return None

    def data_received(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size <= MAX_UPLOAD:
            self._chunks.append(chunk)

    async def post(self) -> None:
        if self._size > MAX_UPLOAD:
            return self._json(413, th="ไฟล์ใหญ่เกินไป", en="the file is too large")
        arguments, files = {}, {}
        parse_body_arguments(self.request.headers.get("Content-Type", ""), b"".join(self._chunks), arguments, files)
        text = {name: values[-1].decode("utf-8", errors="replace") for name, values in arguments.items()}
        upload = (files.get("file") or [None])[0]
        target = self._target(text.get("target", ""))
        field = field_at(target.record, text.get("slot", "")) if target else None
        if target is None or field is None or upload is None:
            return self._json(400, th="ไม่รู้ว่าไฟล์นี้เป็นของช่องใด", en="which field this file is for is not known")
        try:
            name, data = accept(field, upload["filename"], upload["body"])
        except Refused as refused:
            return self._json(refused.status, th=refused.th, en=refused.en)
        folder = folder_for(target.relative, target.item.slug if target.item else None, field.type == "image")
        relative = f"{folder}/{name}"
        try:
            destination = self.bench.store.path(relative)
        except Outside:
            return self._json(400, th="ชื่อไฟล์ใช้ไม่ได้", en="the file name cannot be used")
        store = self.bench.store
        if destination.exists():
            if text.get("replace") != "1":
                return self._json(409, exists=True, th=f"มีไฟล์ชื่อ {name} อยู่แล้ว จะแทนที่ไฟล์เดิมไหม (ไฟล์เดิมจะไปอยู่ในถังขยะ)",
                                  en=f"{name} exists: replace it? (the old file goes to the trash)")
            if destination.read_bytes() != data:
                store.trash(relative)
        if not destination.exists():
            store.write_bytes(relative, data, version_of(None))
        # the preview learns of the new file now: a save that names it next rebuilds only what changed
        await asyncio.wrap_future(self.bench.preview.rebuild({str(destination)}))
        written = Path(relative).relative_to(Path(target.relative).parent).as_posix()
        self._json(200, written=written, relative=relative, url=f"/content/{relative}")

    def _target(self, relative: str) -> editing.Target | None:
        parts = relative.split("/")
        if relative == "site.yaml":
            return editing.settings_target(self.bench.model)
        if len(parts) == 2 and parts[0] == "news" and relative.endswith(".md"):
            return editing.news_target(self.bench.model, Path(parts[1]).stem)
        if len(parts) == 3 and parts[0] == "ita" and parts[1].isdigit():
            from ..framework import usable_years

            if int(parts[1]) not in usable_years(self.bench.paths.project):
                return None
            item = self.framework(int(parts[1])).item_for(parts[2].split(".")[0].split("-")[0])
            return editing.item_target(self.bench.paths.content, self.bench.model, int(parts[1]), item) if item else None
        return None

    def _json(self, status: int, **body) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(body, ensure_ascii=False))


class ContentFile(StaticHandler):
    """A file under content/, to see what a field points at (thumbnails, the PDF itself)."""

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        try:
            inside(Path(root), Path(absolute_path).relative_to(Path(root).resolve()).as_posix()
                   if Path(absolute_path).is_absolute() else absolute_path)
        except (Outside, ValueError):
            raise tornado.web.HTTPError(404) from None
        return super().validate_absolute_path(root, absolute_path)


class Import(ItemPage):
    """A sheet into an item: upload, see every bad cell or the months it brings, then merge by month."""

    def _importer(self, target):
        importer = IMPORTERS.get(target.item.kind if target.item else "")
        if importer is None:
            raise tornado.web.HTTPError(404)
        return importer

    def get(self, year: str, code: str) -> None:
        target = self.target(year, code)
        self._importer(target)
        self.page("import.html", target=target, problems=[], preview=None, token="", changes=[], error="")

    async def post(self, year: str, code: str) -> None:
        target = self.target(year, code)
        importer = self._importer(target)
        state = self.bench.store.state / "imports"
        if self.get_body_argument("action", "") == "apply":
            return await self._apply(target, state)
        upload = (self.request.files.get("sheet") or [None])[0]
        if upload is None:
            return self.page("import.html", 400, target=target, problems=[], preview=None, token="", changes=[],
                             error="เลือกไฟล์ตารางก่อน | choose a sheet first")
        from .security import safe_name

        with tempfile.TemporaryDirectory() as folder:
            sheet = Path(folder) / safe_name(upload["filename"], "sheet.xlsx")
            sheet.write_bytes(upload["body"])
            month = self.get_body_argument("month", "").strip() or None
            options = {"month": month} if target.item.kind == "procurement" else {}
            text, problems = await asyncio.get_running_loop().run_in_executor(None, lambda: importer(sheet, **options))
        if text is None:
            return self.page("import.html", 422, target=target, problems=problems, preview=None, token="", changes=[], error="")
        token = secrets.token_hex(8)
        state.mkdir(parents=True, exist_ok=True)
        (state / f"{token}.yaml").write_text(text, encoding="utf-8")
        current, _ = self.bench.store.read(target.relative)
        _, changes = merge_text(current or "", text, replace=True)
        imported = yamlio.parse(text, "imported")[0].data
        self.page("import.html", target=target, problems=problems, preview=imported, token=token, changes=changes, error="",
                  columns=_row_fields(target))

    async def _apply(self, target, state: Path) -> None:
        token = self.get_body_argument("token", "")
        file = state / f"{token}.yaml"
        if not token.isalnum() or not file.is_file():
            raise tornado.web.HTTPError(404)
        store = self.bench.store
        current, version = store.read(target.relative)
        merged, changes = merge_text(current or "", file.read_text(encoding="utf-8"),
                                     replace=self.get_body_argument("replace", "") == "1")
        checked = editing.check_target(merged, target, store, self.bench.paths.project)
        if checked.errors:
            return self.page("import.html", 422, target=target, problems=checked.errors, preview=None, token="",
                             changes=[], error="")
        if merged != (current or ""):
            store.write(target.relative, merged, version)
            await self.rebuilt([target.relative])
        file.unlink()
        self.redirect(f"{target.action}?saved=1")


def _row_fields(target) -> dict:
    """{field name: Field} of a month's rows (procurement), for the preview's Thai column heads and choice labels."""
    months = target.record.sub("months")
    rows = months.item.sub("rows") if months is not None and months.item.type == "record" else None
    return {field.name: field for field in rows.item.fields} if rows is not None else {}


class Months(ItemPage):
    """The fiscal year's months so far that the procurement item does not have, each one click from "no procurement"."""

    def _missing(self, target) -> list:
        text, _ = self.bench.store.read(target.relative)
        doc = yamlio.parse(text or "", target.relative)[0] if text else None
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        have = {str(m.get("month")) for m in data.get("months") or [] if isinstance(m, dict)}
        today = self.bench.today()
        months = [m for m in thai.fiscal_months(target.year) if (m.year, m.month) <= (today.year, today.month)]
        return [m for m in months if m.iso not in have]

    def get(self, year: str, code: str) -> None:
        target = self.target(year, code)
        if target.item.kind != "procurement":
            raise tornado.web.HTTPError(404)
        self.page("months.html", target=target, missing=self._missing(target), done=self.get_query_argument("done", ""))

    async def post(self, year: str, code: str) -> None:
        target = self.target(year, code)
        month = self.get_body_argument("month", "")
        if target.item.kind != "procurement" or month not in {m.iso for m in self._missing(target)}:
            raise tornado.web.HTTPError(404)
        store = self.bench.store
        current, version = store.read(target.relative)
        nil = f"months:\n  - month: {month}\n    no_procurement: true\n"
        merged, _ = merge_text(current or "", nil)
        checked = editing.check_target(merged, target, store, self.bench.paths.project)
        if checked.errors:
            return self.page("import.html", 422, target=target, problems=checked.errors, preview=None, token="",
                             changes=[], error="")
        try:
            store.write(target.relative, merged, version)
        except Conflict:
            return self.refuse("ไฟล์เพิ่งถูกแก้ไข ลองอีกครั้ง", "the file just changed: try again", 409)
        await self.rebuilt([target.relative])
        self.redirect(f"{target.action}/months?done={month}")


class FileDelete(BaseHandler):
    """An attachment moved to the trash (never a content file: items, settings and posts have their own forms)."""

    async def post(self) -> None:
        relative = self.get_body_argument("file", "")
        back = self.get_body_argument("back", "/")
        try:
            self.bench.store.path(relative)
        except Outside:
            raise tornado.web.HTTPError(404) from None
        if relative.endswith((".yaml", ".yml", ".md")) or "/files/" not in f"/{relative}" and not relative.startswith(
                ("images/", "news/images/", "news/files/")):
            raise tornado.web.HTTPError(404)
        try:
            self.bench.store.trash(relative)
        except FileNotFoundError:
            raise tornado.web.HTTPError(404) from None
        await asyncio.wrap_future(self.bench.preview.rebuild({str(self.bench.paths.content / relative)}))
        self.redirect((back if back.startswith("/") and not back.startswith("//") else "/") + "?saved=deleted")


def item_files(content: Path, target) -> list[tuple[str, str, int]]:
    """(path under content/, path as the YAML writes it, size) of every file in the item's own files/ folder."""
    if target.item is None:
        return []
    folder = content / "ita" / str(target.year) / "files" / target.item.slug
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    return [(p.relative_to(content).as_posix(), p.relative_to(folder.parent.parent).as_posix(), p.stat().st_size) for p in files]


ROUTES = [
    (r"/files/delete", FileDelete),
    (r"/upload", Upload),
    (r"/item/(\d{4})/([Oo]\d{1,2})/import", Import),
    (r"/item/(\d{4})/([Oo]\d{1,2})/months", Months),
]


def content_route(bench) -> tuple:
    return (r"/content/(.*)", ContentFile, {"path": str(bench.paths.content), "bench": bench})


__all__ = ["ROUTES", "content_route", "Change"]
