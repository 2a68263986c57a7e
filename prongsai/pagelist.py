"""The page list and the checks of a rendered page (emit.py renders them).

Owns the page list (which URL comes from which template and content) and the
URL scheme, which assessors rely on and which must never change:
  index.html                 home
  ita/index.html             every fiscal year's ITA section
  ita/<fiscal year>/index.html     the ITA index assessors start from
  ita/<fiscal year>/o<N>.html      one page per item, e.g. ita/2568/o12.html
  posters/<fiscal year>/o<N>.html, posters/<fiscal year>/index.html   A4 notice-board posters (posters.py)
  news/index.html (the newest fiscal year's posts), news/<fiscal year>.html (each earlier year's),
  news/<file name>.html
  contact.html, 404.html
A template error names the template line and the content file being rendered.
A content file published at the path of a page or file the build makes, or at
one that differs from another only in case or Unicode form (one file on Windows
and macOS), is an error: nothing is silently replaced.
"""

from __future__ import annotations

import posixpath
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import jinja2

from . import opendata, thai
from .content import folded, shown
from .memo import per_object
from .offline import PAGE_PATH as OFFLINE_PAGE
from .offline import WORKER_PATH
from .offline import site_paths as offline_paths
from .posters import poster_path
from .problems import Problem, SiteError
from .schema import Model
from .search import INDEX_FILE
from .validated import Site

#: Files every build makes besides its pages and tables, and the templates' folder of style and script.
FIXED_FILES = ("feed.xml", "robots.txt", "sitemap.xml", WORKER_PATH, INDEX_FILE, OFFLINE_PAGE)
STATIC_FOLDER = "static/"


@dataclass(frozen=True)
class PageInfo:
    """What every template gets as `page`: where it is, and what it is made from."""

    path: str
    template: str
    title: str
    #: the content file it is made from ("" for pages made from templates only)
    source: str = ""
    #: the section of the navigation it belongs to
    section: str = ""
    extra: dict = field(default_factory=dict)


def _download_label(path: str, labels: dict) -> str:
    """What a generated file is, in Thai, for its link."""
    name = posixpath.basename(path)
    if path in labels:
        return labels[path]
    if "-sorkhor-" in name:
        month = thai.parse_be_month(name.rsplit("-sorkhor-", 1)[1].split(".")[0])
        return f"แบบ สขร.1 สรุปผลการจัดซื้อจัดจ้างเดือน{thai.format_month(month)} (Excel)"
    kind = "Excel" if name.endswith(".xlsx") else "CSV"
    return f"ตารางจัดซื้อจัดจ้างตามแบบของสำนักงาน ป.ป.ช. 16 คอลัมน์ ({kind})"


def _downloads(entry, generated: dict, labels: dict) -> list:
    """(site path, size, Thai label) of the files the build made for this item: its tables as XLSX, CSV, JSON."""
    prefix = f"{posixpath.dirname(entry.path)}/{entry.item.slug}-"
    return [(path, len(data), _download_label(path, labels)) for path, data in sorted(generated.items())
            if path.startswith(prefix)]


def _dataset_labels(site: Site, model: Model, found: list | None) -> tuple[list, dict]:
    found = opendata.datasets(site, model) if found is None else found
    labels = {f"{d.base}.{ext}": f"{d.field.label} ({ext.upper()})" for d in found for ext in ("csv", "json")}
    return found, labels


def plan_pages(site: Site, model: Model, generated: dict | None = None, datasets: list | None = None,
               kept: dict | None = None) -> list[PageInfo]:
    """Every page of the site, in a fixed order (`datasets`: opendata.datasets(), when already made; `kept`: what
    `serve` keeps from one rebuild to the next)."""
    generated = generated or {}
    datasets, labels = _dataset_labels(site, model, datasets)
    name = site.settings["name_th"]
    pages = [
        PageInfo("index.html", "home.html", name, section="home"),
        PageInfo("ita/index.html", "ita_years.html", "การประเมิน ITA", section="ita"),
        *_news_lists(site.news),
        PageInfo("contact.html", "contact.html", "ติดต่อเรา", section="contact"),
        PageInfo("search.html", "search.html", "ค้นหา", section="search"),
        PageInfo("404.html", "404.html", "ไม่พบหน้าที่ต้องการ", extra={"standalone": True}),
        PageInfo("data.html", "data.html", "ข้อมูลเปิด (Open Data)", section="ita",
                 extra={"datasets": [(d, len(generated.get(f"{d.base}.csv", b"")), len(generated.get(f"{d.base}.json", b"")))
                                     for d in datasets]}),
    ]
    for year in site.years.values():
        pages.append(PageInfo(year.path, "ita_index.html", f"ITA ปีงบประมาณ พ.ศ. {year.fiscal_year}",
                              section="ita", extra={"year": year}))
        for entry in year.items.values():
            pages.append(PageInfo(entry.path, "item.html", f"{entry.item.code} {entry.item.name_th}", entry.source,
                                  "ita", {"year": year, "entry": entry, "kind": model.kinds[entry.item.kind],
                                          "downloads": _downloads(entry, generated, labels)}))
        pages.append(PageInfo(poster_path(year.fiscal_year), "poster.html", f"โปสเตอร์ ITA ปีงบประมาณ พ.ศ. {year.fiscal_year}",
                              section="ita", extra={"year": year, "entry": None}))
        pages += [PageInfo(poster_path(year.fiscal_year, e.item.slug), "poster.html", f"โปสเตอร์ {e.item.code} {e.item.name_th}",
                           e.source, "ita", {"year": year, "entry": e}) for e in year.items.values()]
    pages += _news_pages(site.news, {} if kept is None else kept.setdefault("news pages", {}))
    collisions = colliding_paths(site, pages, generated)
    if collisions:
        raise SiteError(collisions)
    return pages


def colliding_paths(site: Site, pages: list[PageInfo], generated: dict) -> list[Problem]:
    """A problem for each content file or page that another output would replace, exactly or on Windows and macOS."""
    content = posixpath.dirname(site.settings_doc.path) if site.settings_doc else "content"
    made = {page.path: page.source for page in pages}
    made.update((path, "") for path in [*generated, *FIXED_FILES, *sorted(offline_paths(site))]
                if path not in made and path not in site.resized)
    problems = [_replaces(f"{content}/{asset}", asset) for asset in site.assets
                if asset in made or folded(asset).startswith(STATIC_FOLDER)]
    seen: dict = {}
    for page in pages:
        if page.path in seen and page.source:
            problems.append(_replaces(page.source, page.path))
        seen.setdefault(page.path, page.source)
    by_fold: dict = {}
    for path in sorted({*made, *site.assets}):
        by_fold.setdefault(folded(path), []).append(path)
    for paths in by_fold.values():
        for path in paths[1:]:
            source = f"{content}/{path}" if path in site.assets and path not in made else made.get(path) or paths[0]
            problems.append(_same_name(source, paths[0], path))
    return problems


def _replaces(source: str, path: str) -> Problem:
    return Problem(source, 0, 0, f"ไฟล์นี้จะไปแทนที่ '{path}' ซึ่งโปรแกรมสร้างเองในเว็บไซต์",
                   f"this file would replace '{path}', which the build makes itself",
                   "เปลี่ยนชื่อไฟล์หรือย้ายไปไว้ในโฟลเดอร์ย่อย เช่น files/", "rename it, or move it into a folder such as files/")


def _same_name(source: str, first: str, second: str) -> Problem:
    return Problem(source, 0, 0, f"'{first}' และ '{second}' ต่างกันเพียงตัวพิมพ์เล็กใหญ่หรือรหัสอักขระ "
                                 "บน Windows และ Mac จะกลายเป็นไฟล์เดียวกัน",
                   f"'{first}' and '{second}' differ only in upper and lower case or in Unicode form: on Windows and "
                   "macOS they are one file", "เปลี่ยนชื่อไฟล์หนึ่งให้ต่างกันชัดเจน", "rename one of them")


def news_year_path(fiscal_year: int) -> str:
    """The page of one fiscal year's news: news/2568.html."""
    return f"news/{fiscal_year}.html"


def _news_lists(news: tuple) -> list[PageInfo]:
    """news/index.html with the newest fiscal year's posts, and a page for each earlier year: a list of every post
    would grow without end (some 700 bytes a post), and be sent again to the host with every post."""
    years = sorted({post.fiscal_year for post in news}, reverse=True)
    listed = tuple((year, "news/index.html" if number == 0 else news_year_path(year)) for number, year in enumerate(years))
    pages = [PageInfo("news/index.html", "news_index.html", "ข่าวประชาสัมพันธ์", section="news",
                      extra={"fiscal_year": years[0] if years else None, "years": listed})]
    return pages + [PageInfo(news_year_path(year), "news_index.html", f"ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. {year}",
                             section="news", extra={"fiscal_year": year, "years": listed}) for year in years[1:]]


def _news_pages(news: tuple, kept: dict) -> list[PageInfo]:
    """A page per post; in `serve`, the same PageInfo while the post is the same object (thousands of posts)."""
    return per_object(kept, news, lambda post: PageInfo(post.path, "news.html", post.title, post.source, "news",
                                                        {"post": post}))


def template_problem(error: Exception, page: PageInfo, templates: Path, project: Path) -> Problem:
    """Where in which template the error is, and which content was being rendered."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        template, line = error.filename, error.lineno
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".html", ".xml", ".txt"))]
        template, line = (frames[-1].filename, frames[-1].lineno) if frames else (str(templates / page.template), 0)
    source = page.source or "-"
    return Problem(
        shown(Path(template), project), line or 0, 1 if line else 0,
        f"แม่แบบหน้าเว็บผิดพลาด: {error}", f"template error: {type(error).__name__}: {error}",
        context=f"ขณะสร้างหน้า {page.path} จาก {source} (while rendering {source} -> {page.path})",
    )


_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def broken_links(rendered: dict, files: set, pages: list[PageInfo], project: Path, templates: Path) -> list[Problem]:
    """Links in the rendered pages that lead to no file of the site (a template bug)."""
    known = set(rendered) | files
    problems = []
    for page in pages:
        html = rendered.get(page.path, "")
        for target in sorted(set(_LINK.findall(html))):
            if _EXTERNAL.match(target) or target.startswith("#") or not target:
                continue
            path = target.split("#")[0]
            resolved = _resolve(page.path, path)
            if resolved not in known:
                problems.append(Problem(
                    shown(templates / page.template, project), 0, 0,
                    f"หน้า {page.path} มีลิงก์ไปยัง '{target}' ซึ่งไม่มีอยู่", f"{page.path} links to '{target}', which does not exist",
                    context=f"ขณะสร้างหน้า {page.path} จาก {page.source or '-'} (while rendering {page.source or '-'})",
                ))
    return problems


def _resolve(from_page: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), unquote(link)))

