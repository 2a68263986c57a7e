"""The render and write stages, page by page: reuse what the last build made, render the rest, write as made.

Owns the update of an output folder. Every file of the new site is either
reused (the cache records the same inputs for it, depend.py, and the file on
disk is the one recorded: same size and modification time) or made again into
a scratch folder beside the output, one file at a time, so memory does not grow
with the number of pages. Pages are rendered on every core when there are many
(processes forked from this one, so they share the loaded site). Nothing in the
output folder changes until every page is made without an error: then a build
links the unchanged files into the scratch folder and sitefolder.py swaps it in
whole; the preview of `serve` moves in only the files that changed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import jinja2

from . import offline, prefetch
from .cache import Output
from .depend import Digests, PostView, TrackedPages, TrackedSite, YearView, digest
from .pagelist import PageInfo, broken_links, template_problem
from .search import INDEX_FILE, index_files, index_line
from .sitefolder import OutputError  # noqa: F401 - where callers have long found it
from .stops import never

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
    #: called after each file written (stops.py: a test may stop the build there)
    stop: Callable[[str], None] = never


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
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, LookupError, ArithmeticError, RecursionError) as error:
        # Template expressions raise the others (adding text to a number, say): still a template problem.
        return Made(page.path, None, [template_problem(error, page, job.templates, job.project)])
    problems = broken_links({page.path: html}, job.known, [page], job.project, job.templates)
    data = html.encode("utf-8")
    target = job.scratch / page.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    job.stop("write")
    names = tuple(sorted(uses))
    inputs = job.digests.inputs(job.shell, job.digests.own(page), names)
    return Made(page.path, Output(page.path, inputs, names, len(data), 0, index_line(page, html)), problems,
                job.bodies.take_made())


#: The job of a render process: set once, when the process starts (it is forked with the job in memory).
_PROCESS_JOB: list = []


def _adopt(job: Job) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the build's to handle, once, not every process's
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
    stop: Callable[[str], None] = never

    def discard(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)

    def link_reused(self, live: Path) -> None:
        """Complete the scratch folder with the files reused from the current site: hard links (the same file, so the
        cache's size and time still hold), or copies where the file system has no links (a FAT USB stick)."""
        for path in sorted(set(self.outputs) - self.written):
            target = self.scratch / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(live / path, target)
            except OSError:
                shutil.copy2(live / path, target)
                self.written.add(path)  # a new file: its time is recorded afresh
            self.stop("link")

    def file(self, path: str) -> Path:
        """Where a file of the new site is now: in the scratch folder if this build wrote it, else in the output."""
        return (self.scratch if path in self.written else self.out) / path

    def made(self) -> list[Output]:
        """What to record in the cache for a build swapped in whole: the written files as they are in the scratch folder."""
        return [self._stamped(self.scratch, path, output) for path, output in self.outputs.items()]

    def _stamped(self, folder: Path, path: str, output: Output) -> Output:
        if path not in self.written:  # as recorded
            return output
        size, mtime = file_stamp(folder / path) or (0, 0)
        return Output(path, output.inputs, output.uses, size, mtime, output.line)

    def commit(self, recorded: dict) -> list[Output]:
        """Move the new files into the preview's private folder (serve) and delete those that are gone; return what
        to record. `recorded`: the last rebuild's record. (A build is swapped in whole instead: sitefolder.py.)"""
        reused = set(self.outputs) - self.written
        if not reused or not self.out.exists():
            _swap_in(self.scratch, self.out)
        else:
            _move_in(self.scratch, self.out, self.written, set(recorded) - set(self.outputs))
        return [self._stamped(self.out, path, output) for path, output in self.outputs.items()]


def _swap_in(scratch: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        out.rename(old / out.name)
    scratch.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _move_in(scratch: Path, out: Path, written: set, gone: set) -> None:
    """Move the new files in and delete the ones that are gone."""
    for path in sorted(written):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch / path, target)
    shutil.rmtree(scratch, ignore_errors=True)
    for path in gone:
        (out / path).unlink(missing_ok=True)


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
    update.stop("write")


def _put_prefetch_list(update: Update, recorded: dict, site, there) -> None:
    """offline.json (prefetch.py): what a phone's service worker keeps, with the sizes of the files as written and a
    version made from their bytes (the same content gives the same file, wherever it is built)."""
    files = {}
    for path in prefetch.wanted(site):
        output = update.outputs.get(path)
        if output is not None:
            data = update.file(path).read_bytes()  # 300 KB at most are kept
            files[path] = (len(data), digest(data))
    data = prefetch.offline_list(site, files)
    _put_file(update, recorded, prefetch.PREFETCH_FILE, digest(data), lambda target: target.write_bytes(data), there)


def build_update(job: Job, out: Path, recorded: dict, generated: dict, copies: dict, offline_folder: str | None,
                 jobs: int, keep, preview: bool = False) -> Update:
    """Make the new site into job.scratch: the pages, the search index made from them, the generated files
    {site path: bytes}, the copies {site path: source file}, and (unless offline_folder is None) the offline
    download's lists and page.

    `keep(converted, checked)` is handed the bodies each page converted, for the cache, as soon as they are made.
    The preview's folder holds only what it wrote, so its record is trusted without looking at the files.
    """
    update = Update(out, job.scratch, {}, set(), [], stop=job.stop)
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
    lines = [line for page in job.pages if page.path in update.outputs for line in (update.outputs[page.path].line,)
             if line]
    entries = job.digests.entries_of(lines)
    hashes = job.digests.of_texts(entries)
    files = index_files(entries)
    # it lists the text files with their first pages' numbers
    titles = digest(job.digests.of_titles(entries), *[(path, start) for path, (start, _), _ in files])
    for path, (start, end), make in files:
        # the titles file is made again only when a title, a heading or a text file's first page changed, a text
        # file only when its pages did (it does not hold its first page's number: pages added before it move it)
        made_from = titles if path == INDEX_FILE else b"".join(hashes[start:end])
        _put_file(update, recorded, path, digest(path, made_from),
                  lambda target, make=make: target.write_bytes(make()), there)
    for path, data in sorted(generated.items()):
        _put_file(update, recorded, path, digest(data), lambda target, data=data: target.write_bytes(data), there)
    for path, source in sorted(copies.items()):
        _put_file(update, recorded, path, digest(str(source), file_stamp(source)),
                  lambda target, source=source: shutil.copyfile(source, target), there)
    _put_prefetch_list(update, recorded, job.site, there)
    if offline_folder is None:
        return update
    _put_offline(job, update, recorded, offline_folder, there)
    return update


def _put_offline(job: Job, update: Update, recorded: dict, folder: str, there) -> None:
    """The offline download (offline.py): each part's list of files, then the page that lists the parts with their
    file counts and sizes (the reader's browser makes the ZIPs)."""
    listed = []
    for name, year, inside in offline.parts(update.outputs, job.site.years, folder):
        data = offline.file_list(folder, year, inside)
        _put_file(update, recorded, name, digest(data), lambda target, data=data: target.write_bytes(data), there)
        size = sum((file_stamp(update.file(path)) or (0, 0))[0] for path in inside if path != offline.PAGE_PATH)
        listed.append((name, int(year) if year else None, len(inside), size))
    page = PageInfo(offline.PAGE_PATH, "offline.html", "ดาวน์โหลดเว็บไซต์ไว้อ่านแบบออฟไลน์",
                    extra={"folder": folder, "parts": tuple(listed)})
    record = recorded.get(page.path)
    if there(record) and job.digests.fresh(job.shell, page, record):
        update.outputs[page.path] = record
        return
    made = render_page(replace(job, pages=[*job.pages, page]), len(job.pages))
    update.problems += made.problems
    if made.output is not None:
        update.outputs[page.path] = made.output
        update.written.add(page.path)
