"""The render and write stages, page by page: reuse what the last build made, render the rest, write as made.

Owns the update of an output folder. Every file of the new site is either
reused (the cache records the same inputs for it, depend.py, and the file on
disk is the one recorded: same size and modification time) or made again into
a scratch folder beside the output, one file at a time, so memory does not grow
with the number of pages. Pages are rendered on every core when there are many
(processes forked from this one, so they share the loaded site). Nothing in the
output folder changes until every page is made without an error: then a cold
build swaps the scratch folder in whole, and a warm one moves in only the files
that changed and deletes the ones that are gone.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import offline
from .cache import Output
from .depend import Digests, PostView, TrackedPages, TrackedSite, YearView, digest
from .render import broken_links, template_problem
from .search import INDEX_FILE, index_line, write_index_script


class OutputError(Exception):
    """The output folder cannot be used (it would overwrite the content, say)."""


def check_output_folder(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that is, or holds, the content or the templates."""
    out = out.resolve()
    for folder in protected:
        folder = folder.resolve()
        if out == folder or out in folder.parents or folder in out.parents:
            raise OutputError(f"the output folder {out} would overwrite {folder}")


#: Below this many pages to render, starting processes costs more than it saves.
POOL_FROM = 48


@dataclass
class Job:
    """What rendering a page needs; inherited by forked processes, never pickled."""

    site: object
    pages: list
    env: object
    shell: bytes
    #: every site path the build will have, for the link check
    known: set
    scratch: Path
    project: Path
    templates: Path
    digests: Digests
    #: the news bodies' HTML (bodies.Bodies): what a render process converted goes back to the cache
    bodies: object


@dataclass
class Made:
    """One rendered page, as handed back by a render process."""

    path: str
    output: Output | None
    problems: list
    bodies: tuple = ((), ())


def render_page(job: Job, index: int) -> Made:
    """Render one page, check its links, write it into the scratch folder."""
    page = job.pages[index]
    uses: set = set()
    try:
        template = job.env.get_template(page.template)
        extra = {name: PostView(value, job.bodies) if name == "post" else YearView(value, uses) if name == "year" else value
                 for name, value in page.extra.items()}
        html = template.render(site=TrackedSite(job.site, uses, job.bodies), page=page, pages=TrackedPages(job.pages, uses),
                               **extra)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as error:
        # Template expressions raise the others (adding text to a number, say): still a template problem.
        return Made(page.path, None, [template_problem(error, page, job.templates, job.project)])
    problems = broken_links({page.path: html}, job.known, [page], job.project, job.templates)
    data = html.encode("utf-8")
    target = job.scratch / page.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    names = tuple(sorted(uses))
    inputs = job.digests.inputs(job.shell, job.digests.own(page), names)
    return Made(page.path, Output(page.path, inputs, names, len(data), 0, index_line(page, html)), problems,
                job.bodies.take_made())


#: The job of a render process: set once, when the process starts (it is forked with the job in memory).
_PROCESS_JOB: list = []


def _adopt(job: Job) -> None:
    _PROCESS_JOB[:] = [job]


def _render_in_process(index: int) -> Made:
    return render_page(_PROCESS_JOB[0], index)


def _render_all(job: Job, stale: list[int], jobs: int):
    """Render the stale pages, yielding each as it is done: in this process, or on `jobs` forked processes
    when there are many. Only on Linux: Windows cannot fork, and on macOS forking is unsafe with system libraries."""
    if jobs <= 1 or len(stale) < POOL_FROM or not sys.platform.startswith("linux"):
        yield from (render_page(job, index) for index in stale)
        return
    # Hash the shared parts here once, not in every process; and keep the cycle collector of the forked processes
    # off the inherited objects, whose pages would otherwise be copied into each of them (memory).
    job.digests.prepare()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_adopt, initargs=(job,)) as pool:
            yield from pool.map(_render_in_process, stale, chunksize=max(1, min(32, len(stale) // (jobs * 8))))
    finally:
        gc.unfreeze()


def file_stamp(file: Path) -> tuple | None:
    try:
        status = file.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _still_there(out: Path, record: Output | None) -> bool:
    return record is not None and file_stamp(out / record.path) == (record.size, record.mtime)


@dataclass
class Update:
    """A build made into the scratch folder, not yet in the output folder."""

    out: Path
    scratch: Path
    #: site path -> Output of every file of the new site (mtime filled in when committed)
    outputs: dict
    #: site paths written into the scratch folder
    written: set
    problems: list
    #: whether to delete every file of the output folder that is not in the new site (a build), or only the files
    #: the last build made (the preview, whose folder holds nothing else)
    sweep: bool = True

    def discard(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)

    def commit(self, recorded: dict) -> list[Output]:
        """Put the new site in place; return what to record in the cache. `recorded`: the last build's record."""
        reused = set(self.outputs) - self.written
        if not reused or not self.out.exists():
            _swap_in(self.scratch, self.out)
        else:
            gone = None if self.sweep else set(recorded) - set(self.outputs)
            _move_in(self.scratch, self.out, self.written, set(self.outputs), gone)
        made = []
        for path, output in self.outputs.items():
            if path in self.written:  # the others are as recorded
                size, mtime = file_stamp(self.out / path) or (0, 0)
                output = Output(path, output.inputs, output.uses, size, mtime, output.line)
            made.append(output)
        return made


def _swap_in(scratch: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        out.rename(old / out.name)
    scratch.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _move_in(scratch: Path, out: Path, written: set, wanted: set, gone: set | None) -> None:
    """Move the new files in and delete the old ones: `gone`, or (None) every file not wanted."""
    for path in sorted(written):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch / path, target)
    shutil.rmtree(scratch, ignore_errors=True)
    if gone is not None:
        for path in gone:
            (out / path).unlink(missing_ok=True)
        return
    for folder, subfolders, files in os.walk(out, topdown=False):  # files before their folders
        inside = os.path.relpath(folder, out).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        for name in files:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
        if prefix and not os.listdir(folder):
            os.rmdir(folder)


def _put_file(update: Update, recorded: dict, path: str, inputs: bytes, write, there) -> None:
    """Reuse a non-page file whose inputs are unchanged (and that is `there`); else make it with write(target)."""
    record = recorded.get(path)
    if record is not None and record.inputs == inputs and there(record):
        update.outputs[path] = record
        return
    update.outputs[path] = Output(path, inputs, (), 0, 0, "")
    target = update.scratch / path
    target.parent.mkdir(parents=True, exist_ok=True)
    write(target)
    update.written.add(path)


def build_update(job: Job, out: Path, recorded: dict, generated: dict, copies: dict, zip_folder: str | None, jobs: int,
                 keep, preview: bool = False) -> Update:
    """Make the new site into job.scratch: the pages, the search index made from them, the generated files
    {site path: bytes}, the copies {site path: source file}, and (unless zip_folder is None) the ZIP of everything.

    `keep(converted, checked)` is handed the bodies each page converted, for the cache, as soon as they are made.
    The preview's folder holds only what it wrote, so its record is trusted without looking at the files.
    """
    update = Update(out, job.scratch, {}, set(), [], sweep=not preview)
    there = (lambda record: record is not None) if preview else (lambda record: _still_there(out, record))
    stale = []
    for index, page in enumerate(job.pages):
        record = recorded.get(page.path)
        if there(record) and job.digests.fresh(job.shell, page, record):
            update.outputs[page.path] = record
        else:
            stale.append(index)
    for made in _render_all(job, stale, jobs):
        update.problems += made.problems
        keep(*made.bodies)
        if made.output is not None:
            update.outputs[made.path] = made.output
            update.written.add(made.path)
    if any(p.severity == "error" for p in update.problems):
        return update
    lines = [update.outputs[page.path].line for page in job.pages if page.path in update.outputs]
    _put_file(update, recorded, INDEX_FILE, job.digests.of_lines(lines),
              lambda target: write_index_script(target, lines), there)
    for path, data in sorted(generated.items()):
        _put_file(update, recorded, path, digest(data), lambda target, data=data: target.write_bytes(data), there)
    for path, source in sorted(copies.items()):
        _put_file(update, recorded, path, digest(str(source), file_stamp(source)),
                  lambda target, source=source: shutil.copyfile(source, target), there)
    if zip_folder is None:
        return update
    contents = digest(*sorted((path, o.inputs) for path, o in update.outputs.items()))
    in_place = [(path, (update.scratch if path in update.written else out) / path) for path in update.outputs]
    _put_file(update, recorded, offline.ZIP_PATH, contents, lambda target: offline.write_zip(target, in_place, zip_folder), there)
    return update
