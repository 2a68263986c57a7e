"""The validate stage: check every loaded file against the content model and build the Site.

Owns the rules that span a whole file or several files: which kind an item's
file is checked against (from that year's framework), news slugs and dates,
and Markdown bodies (sanitised, with warnings). Field-level rules are in
fields.py. Every problem of every file is collected before the stage ends.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from . import markup
from .attachments import AttachmentCache
from .content import Inventory, load_body, load_news, load_yaml, shown
from .fields import Reader, check_record
from .filefields import ContentFiles
from .framework import agency_words, framework_file, load_framework, worded
from .bodies import Bodies
from .depend import digest
from .memo import NO_MEMO
from .validated import Body, ItemPage, NewsPost, Site, YearSite
from .problems import Problem
from .schema import Field, Model
from .textfile import read_text
from .yamlio import Doc

_SLUG = re.compile(r"^[\w-]+$")


def _reader(doc, file: Path, content: Path, attach: AttachmentCache, problems: list) -> Reader:
    """A field reader for one file; `attach` also carries the content files and the build date (AttachmentCache)."""
    return Reader(doc=doc, folder=file.parent, content_root=content, attach=attach, problems=problems,
                  build_date=attach.build_date, files=attach.files)


def _check_file(record: Field, file: Path, content: Path, project: Path, attach, problems: list,
                memo=NO_MEMO, empty_is_unwritten: bool = False) -> tuple[dict | None, Doc | None]:
    """Parse one YAML file and check it against a record field; (None, None) if it cannot be read.

    With empty_is_unwritten, a file of comments only (a stub from `new` or `init`) is an item not written
    yet: (None, doc), no problem.
    """
    doc, found = memo.get("yaml", file, lambda: load_yaml(file, project))
    problems.extend(found)
    if doc is None:
        return None, None
    if doc.data is None and empty_is_unwritten:
        return None, doc
    if doc.data is None:
        doc = Doc(doc.path, {}, doc.marks, doc.key_marks)
    return check_record(record, doc.data, (), _reader(doc, file, content, attach, problems)), doc


@dataclass
class _Checking:
    """What every check in this stage shares: the model, the folders, the attachment cache, the problems."""

    model: Model
    content: Path
    project: Path
    attach: AttachmentCache
    problems: list
    #: results kept between rebuilds (serve); a plain build recomputes
    memo: object = NO_MEMO
    #: news bodies: their checks now, their HTML when rendered (bodies.py)
    bodies: object = None
    #: news file -> its Markdown's local links, for the link check at the end of the stage
    news_links: dict = None
    #: the words for the agency's chief, council… in the framework's texts (data/agency-kinds.yaml)
    words: dict = None


def _rendered_body(file: Path, project: Path) -> tuple:
    loaded, found = load_body(file, project)
    return loaded, found, markup.render(loaded.body, loaded.body_path, loaded.body_line)


def _item_page(year: int, item, slot: dict, ctx: _Checking) -> ItemPage:
    """One item's page, checked; kept between rebuilds of `serve` like a news post (_news_post)."""
    files = tuple(slot[role] for role in ("yaml", "md") if role in slot)
    check = lambda: _check_item_page(year, item, slot, ctx)  # noqa: E731
    page, problems, named = ctx.memo.get_many(f"item-page {year} {item.code}", files, check)
    if not _still_valid(problems, named, ctx):
        page, problems, named = _check_item_page(year, item, slot, ctx)
    ctx.problems.extend(problems)
    return page


def _still_valid(problems: list, named: tuple, ctx: _Checking) -> bool:
    """Whether a kept check of a file holds. One with problems is checked again (a file it names may have been added
    since); the files it names are asked for again, so that their resized bytes are published, and one that changed
    means checking it again."""
    return not problems and not any(relative not in ctx.attach.files.assets or ctx.attach(relative) != attachment
                                    for relative, attachment in named)


def _check_item_page(year: int, item, slot: dict, ctx: _Checking) -> tuple:
    """(page, its problems, the attachments it names)."""
    content, project, problems = ctx.content, ctx.project, []
    attach = _NamedAttachments(ctx.attach)
    kind = ctx.model.kinds[item.kind]
    values, doc, body_html, source, body_source = None, None, "", "", ""
    if "yaml" in slot:
        source = shown(slot["yaml"], project)
        values, doc = _check_file(kind.record, slot["yaml"], content, project, attach, problems, ctx.memo, True)
    if "md" in slot:
        loaded, found, (body_html, warnings) = ctx.memo.get("body", slot["md"], lambda: _rendered_body(slot["md"], project))
        problems.extend(found)
        problems.extend(warnings)
        body_source = loaded.body_path
    updated = values.get("updated") if values else None
    return ItemPage(item, year, values, body_html, source, body_source, updated, doc), problems, tuple(attach.names)


def _year_sites(inventory: Inventory, ctx: _Checking) -> dict:
    years = sorted({year for year, _ in inventory.items}, reverse=True)
    result = {}
    for year in years:
        framework = ctx.memo.get(f"framework {year}", framework_file(year, ctx.project),
                                 lambda: load_framework(year, ctx.project))
        framework = worded(framework, ctx.words)
        items = {
            code: _item_page(year, item, inventory.items.get((year, code), {}), ctx)
            for code, item in framework.items.items()
        }
        for (file_year, code), slot in sorted(inventory.items.items()):
            if file_year == year and code not in framework.items:
                ctx.problems.append(_unknown_item(code, framework, slot, ctx.project))
        result[year] = YearSite(year, framework, items)
    return result


def _unknown_item(code: str, framework, slot: dict, project: Path) -> Problem:
    file = slot.get("yaml") or slot.get("md")
    last = list(framework.items)[-1]
    return Problem(shown(file, project), 0, 0, f"เกณฑ์ ITA ปี {framework.year} ไม่มีข้อ {code}",
                   f"the ITA {framework.year} framework has no item {code}",
                   f"ข้อที่มี: O1 ถึง {last}", f"its items are O1 to {last}")


def _news_posts(files: list, ctx: _Checking) -> list[NewsPost]:
    """Every post, checked; each kept (memo and cache) while its file and the files it names are unchanged."""
    checked = ctx.memo.get_each("news-post", files, lambda file: _check_post(file, ctx))
    news = []
    for file, found in zip(files, checked):
        post, problems, links, named = found
        if problems or named:  # the few that need a second look
            post = _news_post(file, found, ctx)
        elif links:
            ctx.news_links[file] = links
        if post is not None:
            news.append(post)
    return news


def _news_post(file: Path, found: tuple, ctx: _Checking) -> NewsPost | None:
    post, problems, ctx.news_links[file], named = found
    if not _still_valid(problems, named, ctx):
        post, problems, ctx.news_links[file], named = _check_post(file, ctx)
    ctx.problems.extend(problems)
    return post


def _check_post(file: Path, ctx: _Checking) -> tuple:
    """(post or None, its problems, its body's local links, the attachments it names)."""
    project, problems = ctx.project, []
    loaded, found = load_news(file, project)
    problems.extend(found)
    if loaded.doc is None:
        return None, problems, [], ()
    slug = file.stem
    if not _SLUG.match(slug):
        problems.append(Problem(loaded.body_path, 0, 0, "ชื่อไฟล์ข่าวต้องไม่มีช่องว่างหรือเครื่องหมายพิเศษ",
                                "a news file's name may hold only letters, digits, - and _",
                                "ตั้งชื่อแบบ 2567-10-15-prachakhom.md", "name it like 2567-10-15-prachakhom.md"))
        return None, problems, [], ()
    named = _NamedAttachments(ctx.attach)
    values = check_record(ctx.model.news_post, loaded.doc.data or {}, (), _reader(loaded.doc, file, ctx.content, named, problems))
    warnings, links = ctx.bodies.check(loaded.body, loaded.body_path, loaded.body_line)
    problems.extend(warnings)
    if values is None or values["date"] is None or values["title"] is None:
        return None, problems, links, tuple(named.names)
    body = Body(str(file), loaded.body_line, digest(loaded.body))
    post = NewsPost(slug, values["title"], values["date"], values["summary"] or "", values["image"],
                    values["image_alt"] or "", values["documents"], body, loaded.body_path, loaded.doc.mark(("date",)))
    return post, problems, links, tuple(named.names)


class _NamedAttachments:
    """The attachment reader, noting which files a post names."""

    def __init__(self, attach: AttachmentCache) -> None:
        self.attach, self.names = attach, []

    def __call__(self, relative: str):
        found = self.attach(relative)
        self.names.append((relative, found))
        return found

    def __getattr__(self, name: str):
        return getattr(self.attach, name)


def _site_paths(inventory: Inventory, years: dict, news: list) -> set:
    """Every file the built site will have, as paths inside it."""
    pages = {"index.html", "ita/index.html", "news/index.html", "contact.html", "404.html"}
    for year in years.values():
        pages.add(year.path)
        pages.update(entry.path for entry in year.items.values())
    pages.update(post.path for post in news)
    return pages | set(inventory.assets)


def _local_links(inventory: Inventory, news_links: dict, project: Path, memo):
    """(file, its Markdown's local links) of every body: items' read now (kept while the file is unchanged),
    news posts' found when checked."""
    for slot in inventory.items.values():
        if "md" in slot:
            yield slot["md"], memo.get("local links", slot["md"], lambda file=slot["md"]: _links_in(file, project))
    yield from news_links.items()


def _links_in(file: Path, project: Path) -> list:
    text, _ = read_text(file, shown(file, project))  # an unreadable file was reported when loaded
    return [] if text is None else markup.local_links(text)


def _broken_body_links(inventory: Inventory, years: dict, news: list, news_links: dict, content: Path,
                       project: Path, memo) -> list[Problem]:
    """A Markdown link to a file the site will not have is an error at its line."""
    known = None
    problems = []
    for file, links in _local_links(inventory, news_links, project, memo):
        if not links:
            continue
        folder = file.parent.relative_to(content).as_posix()
        known = known or _site_paths(inventory, years, news)
        for line, column, target in links:
            resolved = posixpath.normpath(posixpath.join(folder, unquote(target.split("#")[0])))
            if target.split("#")[0] and resolved not in known:
                problems.append(Problem(
                    shown(file, project), line, column, f"ลิงก์ '{target}' ชี้ไปยังไฟล์ที่ไม่มีในเว็บไซต์",
                    f"the link '{target}' leads to a file the site does not have",
                    "วางไฟล์ไว้ในโฟลเดอร์ content/ หรือแก้ลิงก์ (ลิงก์ไปยังหน้าข้อใช้ชื่อ เช่น o12.html)",
                    "put the file in content/ or correct the link (item pages are named like o12.html)",
                ))
    return problems


def validate(inventory: Inventory, model: Model, content: Path, project: Path, build_date: date,
             memo=NO_MEMO, bodies=None) -> tuple[Site | None, list[Problem]]:
    """Check every file; return the Site and every problem found (errors and warnings).

    `bodies` (bodies.Bodies) checks news bodies and later gives their HTML; None: one without a cache.
    """
    problems: list[Problem] = []
    files = ContentFiles.of(inventory.assets, inventory.refused)
    attach = AttachmentCache(content, lambda file: shown(file, project), memo, files, build_date)
    bodies = bodies or Bodies(None, b"")
    ctx = _Checking(model, content, project, attach, problems, memo, bodies, {})
    settings, settings_doc = None, None
    if inventory.site_file is not None:
        settings, settings_doc = _check_file(model.site, inventory.site_file, content, project, attach, problems, memo)
    kind = (settings or {}).get("agency_kind")
    ctx.words = agency_words(kind.key if kind else "other")
    years = _year_sites(inventory, ctx)
    news = _news_posts(inventory.news, ctx)
    news.sort(key=lambda post: (post.date, post.slug), reverse=True)
    for asset in inventory.assets:  # a drawing is published whether or not a field names it: each must be inert
        if asset.lower().endswith(".svg"):
            attach(asset)
    problems.extend(attach.problems)
    problems.extend(_broken_body_links(inventory, years, news, ctx.news_links, content, project, memo))
    if settings is None:
        return None, problems
    resized = {path: a.published for path, a in sorted(attach.found.items()) if a.published is not None}
    return Site(settings, years, tuple(news), tuple(inventory.assets), build_date, settings_doc, resized), problems
