"""The dashboard, the news pages, the trash, starting a fiscal year, and the preview's progress.

Owns the pages that are not one file's form: the dashboard (every year's
items with their state, today's date, links to fix each problem), the list
of news posts (paged: a site may have thousands) with add, edit and delete
(to the trash), the trash with restore, and the new-fiscal-year page that
lists what carries over before anything is written.
"""

from __future__ import annotations

import asyncio
import re

import tornado.web

from .. import thai
from ..framework import FrameworkMissing, available_years
from ..scaffold import ScaffoldError, new_year, plan_new_year
from . import editing
from .app import BaseHandler
from .itempages import FormPage
from .security import Outside
from .state import can_build, is_provisional, year_rows
from .store import Conflict

PAGE_SIZE = 50
_SLUG = re.compile(r"^[\w-]+$", re.ASCII)


class Dashboard(BaseHandler):
    async def get(self) -> None:
        preview = self.bench.preview
        if preview.progress.ready and not preview.progress.building:
            await asyncio.wrap_future(preview.rebuild(None))  # a file changed on disk meanwhile (VS Code, git)
        today = self.bench.today()
        years = year_rows(preview.readiness(today), today)
        self.page("dashboard.html", years=years, build_problems=[p for p in preview.problems if p.severity == "error"],
                  next_year=_next_year(self.bench), fiscal_year=thai.fiscal_year_of(today),
                  saved=self.get_query_argument("saved", ""))


def _next_year(bench) -> int:
    folder = bench.paths.content / "ita"
    years = [int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit()] if folder.is_dir() else []
    return max(years) + 1 if years else thai.fiscal_year_of(bench.today())


class Status(BaseHandler):
    """The preview's progress as JSON, polled by the progress bar."""

    def get(self) -> None:
        progress = self.bench.preview.progress
        self.finish({"building": progress.building, "elapsed": round(progress.elapsed, 1), "ready": progress.ready,
                     "failed": progress.failed, "last_ms": round(progress.last_ms)})


class NewsList(BaseHandler):
    def get(self) -> None:
        folder = self.bench.paths.content / "news"
        files = sorted((p for p in folder.glob("*.md")), key=lambda p: p.name, reverse=True) if folder.is_dir() else []
        query = self.get_query_argument("q", "").strip()
        if query:
            files = [p for p in files if query.lower() in p.name.lower() or query in _title(p)]
        page = max(1, int(self.get_query_argument("page", "1") or 1) if self.get_query_argument("page", "1").isdigit() else 1)
        shown = files[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        posts = [(p.stem, _title(p)) for p in shown]
        self.page("news.html", posts=posts, page=page, pages=max(1, -(-len(files) // PAGE_SIZE)), total=len(files), query=query)


def _title(file) -> str:
    """A post's title from its front matter, read cheaply (the list shows 50 at a time)."""
    with file.open(encoding="utf-8-sig", errors="replace") as stream:
        for number, line in enumerate(stream):
            if line.startswith("title:"):
                return line[6:].strip().strip('"\'')
            if number > 20:
                break
    return file.stem


class NewsForm(FormPage):
    def target(self, slug: str) -> editing.Target:
        if not _SLUG.match(slug):
            raise tornado.web.HTTPError(404)
        return editing.news_target(self.bench.model, slug)

    def get(self, slug: str) -> None:
        if self.bench.store.read_bytes(f"news/{slug}.md") is None:
            raise tornado.web.HTTPError(404)
        super().get(slug)


class NewsNew(FormPage):
    """A new post: its file is named from its date (and a number), so no clerk has to invent an ASCII name."""

    def target(self) -> editing.Target:
        target = editing.news_target(self.bench.model, "new")
        return editing.Target("news/new.md", target.record, "ข่าวใหม่", "New post", front_matter=True, body_label="เนื้อข่าว",
                              post_to="/news/new")

    def get(self) -> None:
        target = self.target()
        opened = editing.Opened("", "", "absent", 1)
        checked = editing.check_target("", target, self.bench.store, self.bench.paths.project, 1)
        self.show(target, opened, checked, "")

    async def post(self) -> None:
        target = self.target()
        store = self.bench.store
        opened = editing.Opened("", "", "absent", 1)
        cand = editing.candidate(target, opened, self.request.body_arguments, store, self.bench.paths.project)
        date = cand.checked.values.get("date") if cand.checked.values else None
        if cand.checked.errors or date is None:
            return self.show(target, opened, cand.checked, cand.body, status=422, notice="errors")
        slug = _free_slug(store, f"{date.year + thai.BE_OFFSET}-{date.month:02d}-{date.day:02d}-khao")
        real = editing.news_target(self.bench.model, slug)
        # checked again where it will live: its image paths are relative to content/news/ either way
        cand = editing.candidate(real, opened, self.request.body_arguments, store, self.bench.paths.project)
        if cand.checked.errors:
            return self.show(target, opened, cand.checked, cand.body, status=422, notice="errors")
        written = editing.write(store, real, cand, "absent")
        await self.rebuilt(written)
        self.redirect(f"{real.action}?saved=1")


def _free_slug(store, base: str) -> str:
    number = 1
    while store.read_bytes(f"news/{base}-{number}.md") is not None:
        number += 1
    return f"{base}-{number}"


class NewsDelete(BaseHandler):
    async def post(self, slug: str) -> None:
        if not _SLUG.match(slug):
            raise tornado.web.HTTPError(404)
        relative = f"news/{slug}.md"
        try:
            self.bench.store.trash(relative)
        except FileNotFoundError:
            raise tornado.web.HTTPError(404) from None
        await asyncio.wrap_future(self.bench.preview.rebuild({str(self.bench.paths.content / relative)}))
        self.redirect("/news?deleted=" + slug)


class Trash(BaseHandler):
    def get(self) -> None:
        self.page("trash.html", items=self.bench.store.trashed(), restored=self.get_query_argument("restored", ""))

    async def post(self) -> None:
        snapshot, relative = self.get_body_argument("snapshot", ""), self.get_body_argument("file", "")
        try:
            self.bench.store.untrash(snapshot, relative)
        except Outside:
            raise tornado.web.HTTPError(404) from None
        except Conflict:
            return self.refuse(f"มีไฟล์ content/{relative} อยู่แล้ว จึงกู้คืนทับไม่ได้ ย้ายหรือเปลี่ยนชื่อไฟล์นั้นก่อน",
                               f"content/{relative} exists now, so it cannot be restored over: move or rename it first", 409)
        await asyncio.wrap_future(self.bench.preview.rebuild({str(self.bench.paths.content / relative)}))
        self.redirect("/trash?restored=" + relative)


class NewYear(BaseHandler):
    """Starting a fiscal year: the plan first (what carries over, what starts empty), then, on request, the files."""

    def _year(self) -> int:
        text = thai.to_arabic_digits(self.get_argument("year", "") or "").strip()
        if not text.isdigit() or not can_build(int(text), self.bench.paths.project):
            raise tornado.web.HTTPError(404)
        return int(text)

    def get(self) -> None:
        text = thai.to_arabic_digits(self.get_argument("year", "") or "").strip()
        if text.isdigit() and not can_build(int(text), self.bench.paths.project):  # two or more years ahead: say why
            known = available_years(self.bench.paths.project)
            return self.page("newyear.html", year=int(text), plan=[], provisional=False, buildable=False,
                             error=str(FrameworkMissing(int(text), known)))
        year = self._year()
        plan = plan_new_year(self.bench.model, self.bench.paths.content, year, self.framework(year))
        project = self.bench.paths.project
        self.page("newyear.html", year=year, plan=plan, provisional=is_provisional(year, project),
                  buildable=can_build(year, project), error="")

    async def post(self) -> None:
        year = self._year()
        framework = self.framework(year)
        if not can_build(year, self.bench.paths.project):
            raise tornado.web.HTTPError(404)
        try:
            written = new_year(self.bench.model, self.bench.paths.content, year, framework)
        except ScaffoldError as error:
            plan = plan_new_year(self.bench.model, self.bench.paths.content, year, framework)
            self.set_status(409)
            return self.page("newyear.html", year=year, plan=plan, provisional=is_provisional(year, self.bench.paths.project),
                             buildable=False, error=str(error))
        await asyncio.wrap_future(self.bench.preview.rebuild({str(p) for p in written}))
        self.redirect(f"/?saved=year-{year}")


ROUTES = [
    (r"/", Dashboard),
    (r"/status", Status),
    (r"/news", NewsList),
    (r"/news/new", NewsNew),
    (r"/news/edit/([^/]+)", NewsForm),
    (r"/news/delete/([^/]+)", NewsDelete),
    (r"/trash", Trash),
    (r"/year/new", NewYear),
]
