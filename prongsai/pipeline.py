"""The build, as five named stages: discover, load and validate, render, write.

Owns the order of the stages and what passes between them; each stage is a
function of the one before's result: discover and validate (content.py,
validate.py) give the Site; the page list and the generated files come from
it (pagelist.py, opendata.py, sheets.py); render and write (emit.py) reuse what
the build cache (cache.py) says is unchanged, into a new folder that the output
folder (sitefolder.py) swaps in whole. A stage that finds errors stops the
build with every problem found (SiteError) before site/ is touched.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path

from . import emit, offline, opendata, sitefolder, stops
from .bodies import Bodies, markup_version
from .cache import Cache, Kept, cache_folder
from .content import discover, shown
from .depend import Digests, code_version, entry_digest, shell_digest
from .memo import NO_MEMO
from .problems import Problem, SiteError, errors_in, raise_if_errors
from .pagelist import plan_pages
from .schema import MODEL_FILE, load_model
from .search import INDEX_FILE
from .still_ready import no_longer_ready, ready_items
from .templating import make_environment, real_template_file, static_files
from .validate import validate


def bundled_templates() -> Path:
    """The templates that ship with Prongsai: prongsai/templates/ in an installed wheel (pyproject.toml maps the
    repository's templates/ there), else the repository's own templates/ (an editable install or a checkout)."""
    packaged = resources.files("prongsai") / "templates"
    if packaged.is_dir() and isinstance(packaged, Path):
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Paths:
    """The folders of one agency's project."""

    project: Path
    content: Path
    templates: Path
    out: Path
    #: the build cache's folder (None: .prongsai-cache in the project folder)
    cache: Path | None = None

    @classmethod
    def of_project(cls, project: Path, content: Path | None = None, templates: Path | None = None,
                   out: Path | None = None, named_from: Path | None = None) -> "Paths":
        """A project's folders, each unless given: content/, templates/ (the bundled ones when the project has
        none: the one place this rule is written) and site/. `named_from`: where problems are named from
        (default: the project folder); the build cache stays in the project folder either way."""
        if templates is None:
            templates = project / "templates" if (project / "templates").is_dir() else bundled_templates()
        return cls(project=named_from or project, content=content or project / "content", templates=templates,
                   out=out or project / "site", cache=cache_folder(project) if named_from else None)


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    warnings: list
    #: the validated site, for the readiness summary printed after a build
    site: object = None
    model: object = None
    #: the site paths written by this build, sorted (the others were unchanged since the last build)
    changed: tuple = ()
    #: what the clerk should know that is not about the content (a damaged cache set aside, a folder not deleted)
    notices: tuple = ()

    @property
    def written(self) -> int:
        return len(self.changed)

    def with_notices(self, notices: list) -> "BuildResult":
        return replace(self, notices=tuple(notices))


@dataclass(frozen=True)
class CheckedContent:
    """The content, checked: what `check` and `itas` work from without writing a site."""

    site: object
    model: object
    warnings: list
    #: discover()'s result: the content files by role, and the problems of their names and places
    found: tuple = ()


def build_date_from_environment() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def files_to_copy(paths: Paths, assets: tuple, resized: dict | None = None) -> dict:
    """Files published as they are: the content's assets (but those the build resized) and templates/static/."""
    copies = {asset: paths.content / asset for asset in assets if asset not in (resized or {})}
    copies.update(static_files(paths.templates))
    return copies


def load_site(paths: Paths, build_date: date | None = None, strict: bool = False, memo=NO_MEMO, bodies=None,
              found: tuple | None = None) -> CheckedContent:
    """The discover and validate stages: the checked Site, or SiteError with every problem.

    `found` is discover()'s result when `serve` knows no file was added or removed since it was made.
    """
    model = memo.get("model", MODEL_FILE, load_model)
    inventory, discovered = found or discover(paths.content, paths.project)
    problems = list(discovered)
    site, found = validate(inventory, model, paths.content, paths.project, build_date or build_date_from_environment(), memo,
                           bodies)
    problems += found
    if strict and problems:
        raise SiteError(problems)
    raise_if_errors(problems)
    return CheckedContent(site, model, problems, (inventory, tuple(discovered)))


def generated_files(site, model, memo=NO_MEMO, datasets: list | None = None) -> dict:
    """Files the build makes from the content beside its pages: the procurement table as XLSX, CSV and monthly สขร.1,
    every table as CSV and JSON."""
    entries = tuple(entry for year in site.years.values() for entry in year.items.values())
    return memo.reuse("generated", (site.settings, *entries), lambda: _generated_files(site, model, memo, datasets))


def _generated_files(site, model, memo, datasets: list | None) -> dict:
    files = {}
    for year in site.years.values():
        for entry in year.items.values():
            if entry.values is None or entry.item.kind != "procurement":
                continue
            folder = posixpath.dirname(entry.path)
            make = lambda: _sheets(entry.values, site.settings, year.fiscal_year, entry.item.slug)  # noqa: E731
            made = memo.remember(("sheets", entry_digest(entry), site.settings, year.fiscal_year), make)
            files.update({f"{folder}/{name}": data for name, data in made.items()})
    for dataset in opendata.datasets(site, model) if datasets is None else datasets:
        # `serve` keeps each table's files while the table is equal: one item's edit writes its own tables again
        files.update(memo.reuse(f"dataset {dataset.page} {dataset.field.name}", (dataset,),
                                lambda dataset=dataset: opendata.dataset_files(dataset)))
    return files


def _sheets(values: dict, settings: dict, fiscal_year: int, slug: str) -> dict:
    from . import sheets  # openpyxl loads only when a table is not in the cache

    return sheets.output_files(values, settings, fiscal_year, slug)


class Interrupted(Exception):
    """The build was stopped with Ctrl+C; `published`: whether the new site was already in place."""

    def __init__(self, published: bool) -> None:
        super().__init__("interrupted")
        self.published = published


def build_site(paths: Paths, build_date: date | None = None, strict: bool = False, jobs: int | None = None,
               use_cache: bool = True, output: sitefolder.Options = sitefolder.Options(),
               as_of: date | None = None) -> BuildResult:
    """Build the site into paths.out; raise SiteError (and leave paths.out untouched) on errors.

    `jobs` is how many processes may render at once (None: one per core; 1: this process only, as `batch`
    asks). With `use_cache`, what the last build made is reused where its inputs are unchanged (cache.py):
    the output is byte for byte what a build without the cache makes. `output`: what to keep in the output
    folder, how to swap it, how long to wait for another build (sitefolder.py). `as_of`: the day readiness is
    judged on, to compare with the last build (default: today).
    """
    stop = stops.from_environment()
    with sitefolder.claim(paths.out, [paths.content, paths.templates], output, stop) as folder:
        store = Cache(paths.cache or cache_folder(paths.project) if use_cache else None)
        try:
            result = _build_with(store, paths, folder, build_date, strict, jobs or os.cpu_count() or 1, as_of or date.today())
        except KeyboardInterrupt:
            raise Interrupted(folder.published) from None
        finally:
            store.close()
        return result.with_notices(store.notices + folder.notices)


def _build_with(store: Cache, paths: Paths, folder: sitefolder.SiteFolder, build_date: date | None, strict: bool,
                jobs: int, as_of: date) -> BuildResult:
    """The stages in order; the build cache's bookkeeping stays in the helpers below."""
    code = code_version()
    bodies, memo = Bodies(store, markup_version()), Kept(store, code, NO_MEMO)
    checked = load_site(paths, build_date, strict, memo, bodies)  # discover, load, validate
    content = shown(paths.content, paths.project)
    ready = ready_items(checked.site, checked.model, as_of, content)
    problems = checked.warnings + no_longer_ready(folder.ready_before, ready, checked.site, content)
    _keep_converted(store, bodies)
    folder.stop("loaded")
    (planned, generated), copies = site_files(paths, checked.site, checked.model, memo), files_to_copy(
        paths, checked.site.assets, checked.site.resized)  # plan
    update = _render_and_write(store, paths, folder, checked.site, code, bodies, planned, generated, copies,
                               problems, strict, jobs)
    _remember_ready(folder, ready)
    found = problems + update.problems
    pages = sum(1 for path in update.outputs if path.endswith(".html"))
    return BuildResult(pages, len(update.outputs) - pages, [p for p in found if p not in errors_in(found)],
                       checked.site, checked.model, tuple(sorted(update.written)))


def _keep_converted(store: Cache, bodies: Bodies) -> None:
    """Markdown converted while validating goes into the cache now: render processes read it on their own
    connections."""
    store.keep(*bodies.take_made())
    store.commit()


def _render_and_write(store: Cache, paths: Paths, folder: sitefolder.SiteFolder, site, code: bytes, bodies,
                      planned: list, generated: dict, copies: dict, problems: list, strict: bool,
                      jobs: int) -> emit.Update:
    """Render every changed page into a scratch folder and swap it in whole; nothing changes on an error."""
    recorded = store.outputs(str(folder.out))
    scratch = folder.scratch()
    try:
        job = pipeline_job(paths, site, code, bodies, folder.out, planned, generated, copies, scratch=scratch,
                           stop=folder.stop)
        update = emit.build_update(job, folder.out, recorded, generated, copies,
                                   offline.folder_name(site.settings), jobs, store.keep)
        store.commit()  # what was converted stays useful even if this build fails
        found = problems + update.problems
        if errors_in(found) or (strict and found):
            raise SiteError(found)
        made = _put_in_place(folder, update, scratch)
    except BaseException:
        if not folder.published:
            shutil.rmtree(scratch, ignore_errors=True)
        raise
    if update.written or set(recorded) != set(update.outputs):
        store.record_outputs(str(folder.out), made)
    store.commit()
    return update


def _remember_ready(folder: sitefolder.SiteFolder, ready) -> None:
    """The items ready now, for the next build's comparison."""
    try:
        folder.record(ready)
    except OSError:  # the site is in place; only the next build's comparison is lost
        pass


def _put_in_place(folder: sitefolder.SiteFolder, update: emit.Update, scratch: Path) -> list:
    """Swap the new site in whole, unless it is file for file the current one; return what to record in the cache."""
    if not update.written and folder.unchanged(set(update.outputs)):
        shutil.rmtree(scratch, ignore_errors=True)
        return list(update.outputs.values())
    if folder.live is not None:
        update.link_reused(folder.live)
    made = update.made()
    folder.publish(scratch)
    return made


def site_files(paths: Paths, site, model, memo, preview: bool = False, kept: dict | None = None) -> tuple[list, dict]:
    """The page list, and every file the build makes that is not a page: tables, feeds, resized images, the
    service worker (the preview's keeps nothing, so an edit is never hidden by a cache)."""
    entries = tuple(entry for year in site.years.values() for entry in year.items.values())
    datasets = memo.reuse("datasets", entries, lambda: opendata.datasets(site, model))
    generated = generated_files(site, model, memo, datasets)
    planned = plan_pages(site, model, generated, datasets, kept)
    generated.update(opendata.feeds(site, [] if preview else planned))  # the preview's sitemap lists no page
    generated.update(site.resized)
    worker = real_template_file(paths.templates, offline.WORKER_PATH)
    if preview:
        generated[offline.WORKER_PATH] = b"/* preview: this service worker keeps nothing */\n"
    elif worker is not None:  # at the site root, so that it may keep every page of the site
        generated[offline.WORKER_PATH] = worker.read_bytes()
    return planned, generated


def pipeline_job(paths: Paths, site, code: bytes, bodies, out: Path, planned: list, generated: dict, copies: dict,
                 env=None, kept: dict | None = None, scratch: Path | None = None, stop=stops.never) -> emit.Job:
    """What the render stage needs; `kept` carries page digests from one rebuild of `serve` to the next.
    `scratch`: the folder the new files go to (default: a new one beside `out`, as the preview wants)."""
    known = {p.path for p in planned} | set(generated) | set(copies) | {INDEX_FILE}
    known |= offline.site_paths(site)
    if scratch is None:
        out.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    return emit.Job(site, planned, env or make_environment(paths.templates, site.digits),
                    shell_digest(code, paths.templates, site), known, scratch, paths.project, paths.templates,
                    Digests(site, planned, kept), bodies, stop)


__all__ = ["Paths", "BuildResult", "CheckedContent", "Interrupted", "build_site", "load_site", "bundled_templates", "SiteError",
           "Problem"]
