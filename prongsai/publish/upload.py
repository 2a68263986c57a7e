"""Carrying out a publish over a link that drops: the steps in order, retried with backoff, resumable.

Owns the run: read the host's manifest (or rebuild it safely when it is missing
or damaged), refuse an ITA item regression, make the plan (plan.py), upload
and delete in its order, and keep the manifest on the host truthful as it goes:
it is rewritten (temporary name, then renamed) every CHECKPOINT_BYTES uploaded
or CHECKPOINT_SECONDS, when it gives up, and at the end, listing only files
whose upload finished. A connection that drops is reopened after 2, 4, 8 … s;
when the attempts run out, `publish` run again starts from the last checkpoint
it could write, so files already in place are not sent again (if even the
last checkpoint could not be written, at most the work since the one before,
CHECKPOINT_BYTES or CHECKPOINT_SECONDS of it, is sent again).
"""

from __future__ import annotations

import posixpath
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .hosts import kind_of, open_host
from .plan import MANIFEST_NAME, Manifest, Plan, local_files, make_plan, regressions
from .progress import Progress
from .target import Target


@dataclass(frozen=True)
class Settings:
    #: tries of one step before giving up (the first and the retries)
    attempts: int = 6
    #: seconds before the first retry; doubled each time, at most MAX_WAIT
    backoff: float = 2.0
    max_wait: float = 60.0
    checkpoint_bytes: int = 2 << 20
    checkpoint_seconds: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    #: a callback given the Progress after every block (the terminal's bar, the workbench's page)
    on_progress: Callable[[Progress], None] | None = None


class Regressed(Exception):
    """Items ready on the published site that the new build would make not ready: ["O12 2568", …]."""

    def __init__(self, items: list) -> None:
        super().__init__(", ".join(items))
        self.items = items


class GaveUp(Exception):
    """A step failed after every attempt, or was refused: `error` is the last error, `path` the file (or None)."""

    def __init__(self, error: BaseException, path: str | None, transient: bool) -> None:
        super().__init__(str(error))
        self.error, self.path, self.transient = error, path, transient


@dataclass
class Outcome:
    plan: Plan
    uploaded: list = field(default_factory=list)
    deleted: list = field(default_factory=list)
    retries: int = 0
    seconds: float = 0.0
    #: what the clerk should know: a manifest rebuilt, a new SFTP host key remembered
    notices: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def uploaded_bytes(self) -> int:
        return sum(size for _, size in self.uploaded)


class Session:
    """One publish: the open connection, reopened when it drops, and the manifest as it stands on the host."""

    def __init__(self, target: Target, password: str, project: Path, settings: Settings, say: Callable[[str], None]):
        self.target, self.password, self.project = target, password, project
        self.settings, self.say = settings, say
        self.kind = kind_of(target)
        self.host = None
        self.retries = 0
        self.new_key: str | None = None

    def run(self, step: Callable, path: str | None = None, on_retry: Callable[[], None] = lambda: None,
            attempts: int | None = None):
        """step(host) with the connection open; a dropped connection is reopened and the step tried again."""
        attempts = attempts or self.settings.attempts
        for attempt in range(1, attempts + 1):
            try:
                if self.host is None:
                    self.host = open_host(self.target, self.password, self.project)
                    self.new_key = getattr(self.host, "new_key", None) or self.new_key
                return step(self.host)
            except Exception as error:
                transient = self.kind.transient(error)
                self.close()
                if not transient or attempt == attempts:
                    raise GaveUp(error, path, transient) from error
                wait = min(self.settings.backoff * 2 ** (attempt - 1), self.settings.max_wait)
                self.retries += 1
                on_retry()
                self.say(f"การเชื่อมต่อขัดข้อง ({_short(error)}) จะลองใหม่ใน {wait:.0f} วินาที (ครั้งที่ {attempt}/"
                         f"{self.settings.attempts - 1}) | connection trouble ({_short(error)}): trying again in "
                         f"{wait:.0f} s ({attempt}/{self.settings.attempts - 1})")
                self.settings.sleep(wait)

    def close(self) -> None:
        if self.host is not None:
            try:
                self.host.close()
            except Exception:
                pass
            self.host = None


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


def read_manifest(session: Session, local: dict) -> tuple[Manifest | None, dict, list]:
    """(the manifest or None, what the host is known to hold {path: (sha256, size)}, notices).

    Without a usable manifest nothing is deleted (the host's other files are not ours to judge), and a file counts
    as in place only where the protocol can hash it on the host (a folder); otherwise everything is uploaded once.
    """
    data = session.run(lambda host: host.read(MANIFEST_NAME), MANIFEST_NAME)
    if data is not None:
        try:
            manifest = Manifest.decode(data)
            return manifest, dict(manifest.files), []
        except ValueError:
            notices = [f"รายการไฟล์บนเครื่องปลายทาง ({MANIFEST_NAME}) เสียหาย จึงสร้างใหม่: ไม่ลบไฟล์ใดบนเครื่องปลายทางในครั้งนี้ | "
                       f"the list of published files on the host ({MANIFEST_NAME}) was damaged and is made anew: "
                       f"nothing on the host is deleted this time"]
    else:
        notices = []
    present = {}
    if session.target.scheme == "file":  # a folder's files can be hashed where they are
        for path, (digest, size) in local.items():
            if session.run(lambda host, path=path: host.digest(path), path) == digest:
                present[path] = (digest, size)
    return None, present, notices


def prepare(session: Session, site: Path, ready_now: dict, allow_regress: bool) -> tuple[Plan, dict, Manifest | None, list]:
    """(the plan, the built site's files, the host's manifest, notices); Regressed when an item would be lost."""
    local = local_files(site)
    manifest, present, notices = read_manifest(session, local)
    if manifest is not None and not allow_regress:
        lost = regressions(manifest.ready, ready_now)
        if lost:
            raise Regressed(lost)
    return make_plan(local, present), local, manifest, notices


def carry_out(session: Session, site: Path, plan: Plan, local: dict, manifest: Manifest | None, ready_now: dict,
              progress: Progress) -> list:
    """Upload and delete in the plan's order, keeping the host's manifest truthful; returns [(path, size)] uploaded."""
    settings = session.settings
    state = dict(manifest.files) if manifest else {path: local[path] for path in plan.kept}
    ready_before = manifest.ready if manifest else {}
    uploaded, since_bytes, since_time = [], 0, time.monotonic()

    def checkpoint(ready: dict, attempts: int | None = None) -> None:
        data = Manifest(state, ready).encode()
        session.run(lambda host: host.put_bytes(MANIFEST_NAME, data), MANIFEST_NAME, attempts=attempts)

    try:
        for path, size in plan.uploads:
            progress.start(path, size)
            session.run(lambda host, path=path: host.put(path, site / path, progress.add), path, progress.restart)
            progress.finish()
            state[path] = local[path]
            uploaded.append((path, size))
            since_bytes += size
            if since_bytes >= settings.checkpoint_bytes or time.monotonic() - since_time >= settings.checkpoint_seconds:
                checkpoint(_ready_while_changing(ready_before, ready_now))
                since_bytes, since_time = 0, time.monotonic()
    except GaveUp as failure:
        if failure.transient and since_bytes:  # one last try to note what is done, so the rerun does not send it again
            try:
                checkpoint(_ready_while_changing(ready_before, ready_now), attempts=1)
            except GaveUp:
                pass  # the rerun starts from the last checkpoint instead
        raise
    for path in plan.deletions:
        session.run(lambda host, path=path: host.delete(path), path)
        state.pop(path, None)
    for folder in _emptied_folders(plan.deletions, state):
        session.run(lambda host, folder=folder: host.remove_empty_folder(folder), folder)
    if plan.uploads or plan.deletions or manifest is None or manifest.ready != ready_now:
        checkpoint(ready_now)
    return uploaded


def _ready_while_changing(before: dict, now: dict) -> dict:
    """Ready in both: while half the new site is up, the host can only promise what both sites have."""
    return {year: [code for code in codes if code in now.get(year, [])] for year, codes in before.items()}


def _emptied_folders(deleted: list, remaining: dict) -> list:
    """Folders of deleted files that no remaining file is in, deepest first."""
    used = {posixpath.dirname(path) for path in remaining}
    used |= {parent for folder in list(used) for parent in _parents(folder)}
    candidates = {folder for path in deleted for folder in _parents(posixpath.dirname(path))}
    return sorted((folder for folder in candidates if folder and folder not in used), key=lambda f: (-f.count("/"), f))


def _parents(folder: str) -> list:
    found = []
    while folder:
        found.append(folder)
        folder = posixpath.dirname(folder)
    return found


def publish(target: Target, password: str, project: Path, site: Path, ready_now: dict, *, dry_run: bool = False,
            allow_regress: bool = False, settings: Settings = Settings(), say: Callable[[str], None] = lambda text: None
            ) -> Outcome:
    """Publish the built site in `site` to the target; see the module's docstring."""
    started = time.monotonic()
    session = Session(target, password, project, settings, say)
    try:
        plan, local, manifest, notices = prepare(session, site, ready_now, allow_regress)
        outcome = Outcome(plan, notices=notices, dry_run=dry_run)
        if not dry_run:
            progress = Progress(len(plan.uploads), plan.upload_bytes, settings.on_progress)
            outcome.uploaded = carry_out(session, site, plan, local, manifest, ready_now, progress)
            outcome.deleted = list(plan.deletions)
    finally:
        session.close()
    if session.new_key:
        outcome.notices.append(f"เชื่อมต่อ {target.host} เป็นครั้งแรก จำกุญแจของเครื่องไว้แล้ว: {session.new_key} | first "
                               f"connection to {target.host}; its host key was remembered: {session.new_key}")
    outcome.retries, outcome.seconds = session.retries, time.monotonic() - started
    return outcome
