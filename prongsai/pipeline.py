"""The build, as five named stages: discover, load and validate, render, write.

Owns the order of the stages and what passes between them; each stage is a
function of the one before's result. A stage that finds errors stops the build
with every problem found (SiteError) before anything is written.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from . import offline, opendata, sheets
from .content import discover
from .problems import Problem, SiteError, errors_in, raise_if_errors
from .render import broken_links, plan_pages, render_pages
from .memo import NO_MEMO
from .schema import MODEL_FILE, load_model
from .search import INDEX_FILE, index_script
from .validate import validate
from .write import check_output_folder, write_site


@dataclass(frozen=True)
class Paths:
    """The folders of one agency's project."""

    project: Path
    content: Path
    templates: Path
    out: Path


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    warnings: list
    #: the validated site, for the readiness summary printed after a build
    site: object = None
    model: object = None


@dataclass(frozen=True)
class Loaded:
    """The content, checked: what `check` and `itas` work from without writing a site."""

    site: object
    model: object
    warnings: list


def build_date_from_environment() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def files_to_copy(paths: Paths, assets: tuple, resized: dict | None = None) -> dict:
    """Files published as they are: the content's assets (but those the build resized) and templates/static/."""
    copies = {asset: paths.content / asset for asset in assets if asset not in (resized or {})}
    static = paths.templates / "static"
    if static.is_dir():
        for file in sorted(static.rglob("*")):
            if file.is_file():
                copies["static/" + file.relative_to(static).as_posix()] = file
    return copies


def load_site(paths: Paths, build_date: date | None = None, strict: bool = False, memo=NO_MEMO) -> Loaded:
    """The discover and validate stages: the checked Site, or SiteError with every problem."""
    model = memo.get("model", MODEL_FILE, load_model)
    inventory, problems = discover(paths.content, paths.project)
    site, found = validate(inventory, model, paths.content, paths.project, build_date or build_date_from_environment(), memo)
    problems += found
    if strict and problems:
        raise SiteError(problems)
    raise_if_errors(problems)
    return Loaded(site, model, problems)


def generated_files(site, model, memo=NO_MEMO) -> dict:
    """Files the build makes from the content beside its pages: the procurement table as XLSX, CSV and monthly สขร.1."""
    files = {}
    for year in site.years.values():
        for entry in year.items.values():
            if entry.values is None or entry.item.kind != "procurement":
                continue
            folder = posixpath.dirname(entry.path)
            made = memo.get("sheets", Path(entry.doc.path) if entry.doc else Path(entry.source),
                            lambda: sheets.output_files(entry.values, site.settings, year.fiscal_year, entry.item.slug))
            files.update({f"{folder}/{name}": data for name, data in made.items()})
    for dataset in opendata.datasets(site, model):
        files.update(opendata.dataset_files(dataset))
    return files


def zip_folder(site) -> str:
    """The folder name inside site.zip: the public host name (www.dongmueang.go.th), else "site"."""
    base = site.settings.get("base_url") or ""
    host = base.split("://", 1)[-1].split("/", 1)[0]
    return host if host and host.isascii() else "site"


def build_site(paths: Paths, build_date: date | None = None, strict: bool = False, jobs: int | None = None) -> BuildResult:
    """Build the site into paths.out; raise SiteError (and leave paths.out untouched) on errors.

    `jobs` is how many processes may render at once (None: one per core; 1: this process only, as `batch` asks).
    """
    check_output_folder(paths.out, [paths.content, paths.templates])
    loaded = load_site(paths, build_date, strict)
    site, model, problems = loaded.site, loaded.model, loaded.warnings
    generated = generated_files(site, model)
    planned = plan_pages(site, model, generated)
    generated.update(opendata.feeds(site, planned))
    rendered, template_problems = render_pages(site, model, paths.templates, paths.project, only=planned)
    raise_if_errors(problems + template_problems)
    generated[INDEX_FILE] = index_script(rendered, planned)
    copies = files_to_copy(paths, site.assets, site.resized)
    generated.update(site.resized)
    link_problems = broken_links(rendered, set(copies) | set(generated) | {offline.ZIP_PATH}, planned, paths.project,
                                 paths.templates)
    raise_if_errors(problems + link_problems)
    files = {**rendered, **generated}
    worker = paths.templates / offline.WORKER_PATH
    if worker.is_file():  # at the site root, so that it may keep every page of the site
        files[offline.WORKER_PATH] = worker.read_bytes()
    files[offline.ZIP_PATH] = offline.site_zip(files, copies, zip_folder(site))
    write_site(paths.out, files, copies)
    return BuildResult(len(rendered), len(copies), [p for p in problems if p not in errors_in(problems)], site, model)


__all__ = ["Paths", "BuildResult", "Loaded", "build_site", "load_site", "SiteError", "Problem"]
