"""The Publish page: the same publish as `python build.py publish`, from a button.

Owns the page (the target, prefilled from the one saved with --save; the
password, kept in memory for that one run and never shown again; a dry-run
button and a publish button), the one publish job that may run at a time (in
a thread: build the real site/ (stopping on errors, as always), then
publish.upload.publish with the same messages as the command), and what the
page shows while it runs (the progress line, the page reloading itself every
second) and after (the dry-run list, the summary, or the failure in Thai and
English).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from ..pipeline import build_site
from ..problems import SiteError, format_report
from ..publish import messages, target as targets
from ..publish.progress import Progress
from ..publish.upload import GaveUp, Regressed, Settings, publish
from ..sitefolder import OutputError, live_folder, output_path, ready_recorded
from .app import BaseHandler


@dataclass
class Job:
    """The publish running now, or the last one: what the page shows."""

    dry_run: bool
    url: str
    running: bool = True
    stage: str = "build"
    line: str = ""
    #: the result: the dry-run list, the summary or the failure, as the command prints it
    text: str = ""
    ok: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def progress(self, progress: Progress) -> None:
        self.stage, self.line = "upload", progress.line()


def run_job(job: Job, paths, target: targets.Target, secret: str, allow_regress: bool, save: bool) -> None:
    """Build, then publish (or only compare); never raises: whatever happens ends up in job.text."""
    try:
        try:
            build_site(paths, jobs=1)
        except SiteError as error:
            job.text = (format_report(error.problems, paths.out.name)
                        + "\nไม่ได้เผยแพร่ เพราะสร้างเว็บไซต์ไม่สำเร็จ | not published: the build failed")
            return
        except (OutputError, OSError) as error:
            job.text = f"ไม่ได้เผยแพร่: ใช้โฟลเดอร์ผลลัพธ์ไม่ได้ | not published: cannot use the output folder: {error}"
            return
        job.stage = "compare"
        out = output_path(paths.out)
        try:
            outcome = publish(target, secret, paths.project, live_folder(out), ready_recorded(out), dry_run=job.dry_run,
                              allow_regress=allow_regress, settings=Settings(on_progress=job.progress))
        except Regressed as regressed:
            job.text = messages.regressed_text(regressed.items)
            return
        except GaveUp as failure:
            job.text = messages.failure_text(failure, target)
            return
        notes = "\n".join(outcome.notices)
        result = messages.dry_run_text(outcome.plan, target) if job.dry_run else messages.summary_text(outcome, target)
        job.text, job.ok = (notes + "\n" + result).strip(), True
        if save and not job.dry_run:
            targets.save(paths.project, target)
    except Exception as error:  # noqa: BLE001 -- a bug must not leave the page saying "running" for ever
        job.text = f"ข้อบกพร่องของโปรแกรม | a bug in Prongsai: {type(error).__name__}: {error}"
    finally:
        job.text = messages.masked(job.text, secret)
        job.running = False


class PublishPage(BaseHandler):
    """GET: the form, and the job's progress or result; POST: start a dry run or a publish."""

    def get(self) -> None:
        job = self.bench.publish_job
        saved = targets.saved(self.bench.paths.project)
        self.page("publish.html", job=job, url=job.url if job else (saved.url if saved else ""), error="",
                  has_env_password=targets.PASSWORD_VARIABLE in os.environ)

    def post(self) -> None:
        job = self.bench.publish_job
        if job is not None and job.running:
            return self.refuse("กำลังเผยแพร่อยู่ รอให้เสร็จก่อน", "a publish is already running: wait for it", 409)
        url = self.get_body_argument("to", "").strip()
        project = self.bench.paths.project
        try:
            target = targets.parse(url, project) if url else targets.saved(project)
            if target is None:
                raise targets.TargetError("ใส่ที่หมาย เช่น ftp://user@host/public_html | give a target, e.g. "
                                          "ftp://user@host/public_html")
            paths = self.bench.paths
            targets.check_outside(target, [paths.content, paths.templates, paths.out])
            typed = self.get_body_argument("password", "")
            secret = targets.password(target, ask=lambda: typed)
        except targets.TargetError as error:
            return self.page("publish.html", status=422, job=None, url=url, error=str(error),
                             has_env_password=targets.PASSWORD_VARIABLE in os.environ)
        job = Job(dry_run=self.get_body_argument("action", "") == "dry-run", url=target.url)
        self.bench.publish_job = job
        worker = threading.Thread(target=run_job, args=(job, self.bench.paths, target, secret,
                                                         bool(self.get_body_argument("allow_regress", "")),
                                                         bool(self.get_body_argument("save", ""))), daemon=True)
        worker.start()
        self.redirect("/publish")


ROUTES = [(r"/publish", PublishPage)]
