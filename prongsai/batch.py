"""`python build.py batch DIR…`: many agencies' sites built by one pool of processes.

Owns the batch verb: reading the folders (arguments and --list files), telling
projects from other folders, one build per agency in a worker process, the
one-line-per-agency output, the summary and the exit status. A worker never
raises: it returns an Outcome (content problems as their printed report, a
Prongsai bug as its traceback), so one agency's failure stops no other.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import traceback
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import sitefolder
from .content import shown
from .pipeline import Paths, build_site
from .problems import SiteError, format_report
from .sitefolder import OutputError

OK, FAILED, UNUSABLE, BUG, UNPUBLISHED, STOPPED = "ok", "failed", "unusable", "bug", "unpublished", "stopped"
#: exit status per outcome; the highest one met is the batch's
EXIT = {OK: 0, FAILED: 1, UNUSABLE: 2, BUG: 3, UNPUBLISHED: 4, STOPPED: 130}
NOT_A_PROJECT = 2
#: futures in flight per worker: enough to keep every worker busy, few enough for lists of thousands
WINDOW_PER_JOB = 4


@dataclass(frozen=True)
class Outcome:
    """What one agency's build came to: small and picklable, sent back from the worker."""

    folder: str
    status: str
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    warnings: int = 0
    #: the problems, the output-folder error or the traceback, as printed
    message: str = ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prongsai batch",
        description="สร้างเว็บไซต์ของหลายหน่วยงานพร้อมกัน: แต่ละโฟลเดอร์มี content/ (และ templates/ ถ้ามี) "
                    "ผลลัพธ์อยู่ที่ site/ ของโฟลเดอร์นั้น | "
                    "Build many agencies' sites at once: each folder holds content/ (and optionally templates/); "
                    "each site is written to that folder's site/",
    )
    parser.add_argument("folders", nargs="*", metavar="DIR", help="โฟลเดอร์ของหน่วยงาน | an agency's project folder")
    parser.add_argument("--list", action="append", default=[], type=Path, metavar="FILE",
                        help="ไฟล์รายชื่อโฟลเดอร์ บรรทัดละหนึ่งโฟลเดอร์ (UTF-8, บรรทัดที่ขึ้นต้นด้วย # เป็นหมายเหตุ) | "
                             "a file of folders, one a line (UTF-8, lines starting with # are comments)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="จำนวนหน่วยงานที่สร้างพร้อมกัน (ค่าเริ่มต้น: เท่าจำนวนแกนประมวลผล) | "
                             "how many agencies build at once (default: one per core)")
    parser.add_argument("--strict", action="store_true", help="คำเตือนถือเป็นข้อผิดพลาด | fail on warnings")
    parser.add_argument("--publish", action="store_true",
                        help="เผยแพร่แต่ละหน่วยงานที่สร้างสำเร็จไปยังที่หมายของตน (URL ต่อท้ายบรรทัดในไฟล์รายชื่อ หรือที่บันทึกไว้ด้วย "
                             "publish --save) | publish each agency built to its own target (the URL after its folder in "
                             "the list, or the one saved with publish --save)")
    return parser


def read_list(file: Path) -> list[str]:
    """The folders named in a list file: one a line, blank lines and '#' lines skipped, a Notepad BOM allowed."""
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def _unique(folders: list[str]) -> list[str]:
    """Each folder once, in first-seen order: two builds of one folder at once would race for its site/."""
    seen, kept = set(), []
    for folder in folders:
        key = os.path.normcase(os.path.abspath(folder))
        if key not in seen:
            seen.add(key)
            kept.append(folder)
    return kept


def project_paths(folder: Path, here: Path) -> Paths:
    """An agency's folders; problems are named relative to `here`, where the batch was started."""
    return Paths.of_project(folder, named_from=here)


def build_one(folder: str, strict: bool, here: Path, publish: bool = False, target: str | None = None) -> Outcome:
    """Build one agency (in a worker process), then publish it if asked: never raises."""
    outcome = _build_one(folder, strict, here)
    if not publish or outcome.status != OK:
        return outcome
    from .publish.many import publish_agency

    published, text = publish_agency(Path(folder), target)
    return replace(outcome, status=OK if published else UNPUBLISHED, message=text)


def _build_one(folder: str, strict: bool, here: Path) -> Outcome:
    started = time.perf_counter()
    paths = project_paths(Path(folder), here)
    try:
        result = build_site(paths, strict=strict, jobs=1)
    except SiteError as error:
        return Outcome(folder, FAILED, message=format_report(error.problems, shown(paths.out, here)))
    except OutputError as error:
        return Outcome(folder, UNUSABLE, message=f"ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n{error}")
    except OSError as error:
        return Outcome(folder, UNUSABLE, message=sitefolder.explain(error, paths.out))
    except Exception:  # noqa: BLE001 -- a bug in Prongsai, not the clerk's: keep the traceback for whoever fixes it
        return Outcome(folder, BUG, message="ข้อบกพร่องของโปรแกรมโปร่งใส ไม่ใช่ของเนื้อหา แจ้งผู้ดูแลพร้อมข้อความนี้ | "
                                            "a bug in Prongsai, not in the content: report it with this text\n"
                                            + traceback.format_exc().rstrip())
    return Outcome(folder, OK, result.pages, result.files, time.perf_counter() - started, len(result.warnings))


def _in_order(pool: ProcessPoolExecutor, folders: list[str], strict: bool, window: int, publish: bool = False,
              targets: dict | None = None):
    """Outcomes in input order, with at most `window` builds submitted and not yet reported."""
    pending, here = deque(), Path.cwd()
    for folder in folders:
        pending.append(pool.submit(build_one, folder, strict, here, publish, (targets or {}).get(folder)))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


def _report(outcome: Outcome) -> None:
    """One line for a built agency (thousands of them); the whole story for a failed one."""
    if outcome.status == OK:
        warned = f"  {outcome.warnings} คำเตือน/warnings" if outcome.warnings else ""
        published = f"  เผยแพร่/published {outcome.message}" if outcome.message else ""
        print(f"ok  {outcome.folder}  {outcome.pages} หน้า/pages  {outcome.seconds:.1f} s{warned}{published}", flush=True)
    elif outcome.status == UNPUBLISHED:
        print(f"UNPUBLISHED {outcome.folder} (สร้างแล้ว ยังไม่ได้เผยแพร่ | built, not published)\n{_indented(outcome.message)}",
              file=sys.stderr, flush=True)
    else:
        print(f"FAILED {outcome.folder}\n{_indented(outcome.message)}", file=sys.stderr, flush=True)


def _summary(outcomes: list[Outcome], skipped: int, seconds: float) -> str:
    built = [o for o in outcomes if o.status in (OK, UNPUBLISHED)]
    failed, pages = len(outcomes) - len(built), sum(o.pages for o in built)
    warnings = sum(o.warnings for o in built)
    rate = pages / seconds if seconds > 0 else 0.0
    th = (f"สร้างสำเร็จ {len(built)} หน่วยงาน ไม่สำเร็จ {failed} หน่วยงาน ข้าม {skipped} โฟลเดอร์ "
          f"รวม {pages} หน้า ใน {seconds:.1f} วินาที ({rate:.0f} หน้าต่อวินาที)")
    en = (f"Built {len(built)} agencies, {failed} failed, {skipped} skipped: "
          f"{pages} pages in {seconds:.1f} s ({rate:.0f} pages/s)")
    if warnings:
        th += f" มีคำเตือน {warnings} รายการ (ดูได้ด้วย cd โฟลเดอร์ && python build.py)"
        en += f"; {warnings} warnings (see them with cd DIR && python build.py)"
    return f"{th}\n{en}"


def _folders(args: argparse.Namespace, targets: dict | None = None) -> list[str] | None:
    """The folders from the arguments and the list files, or None (said why) when a list cannot be read; a list
    line's target URL after the folder (`DIR URL`) goes into `targets`."""
    from .publish.many import split_line

    folders = list(args.folders)
    for file in args.list:
        try:
            for line in read_list(file):
                folder, url = split_line(line)
                folders.append(folder)
                if url and targets is not None:
                    targets[folder] = url
        except (OSError, UnicodeDecodeError) as error:
            print(f"อ่านไฟล์รายชื่อโฟลเดอร์ไม่ได้ (ต้องเป็นไฟล์ข้อความ UTF-8) | cannot read the list of folders "
                  f"(it must be UTF-8 text): {file}: {error}", file=sys.stderr)
            return None
    return _unique(folders)


def _projects(folders: list[str]) -> list[str]:
    """The folders that hold content/; each other one is named and skipped."""
    projects = []
    for folder in folders:
        if (Path(folder) / "content").is_dir():
            projects.append(folder)
        elif not Path(folder).is_dir():
            print(f"ข้าม {folder}: ไม่มีโฟลเดอร์นี้ | skipped {folder}: no such folder", file=sys.stderr, flush=True)
        else:
            print(f"ข้าม {folder}: ไม่ใช่โฟลเดอร์ของหน่วยงาน (ไม่มีโฟลเดอร์ content/ ข้างใน) | "
                  f"skipped {folder}: not an agency's project folder (no content/ inside)", file=sys.stderr, flush=True)
    return projects


def main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs ต้องเป็นจำนวนเต็มบวก | --jobs must be a positive whole number")
    targets: dict = {}
    folders = _folders(args, targets)
    if folders is None:
        return NOT_A_PROJECT
    if not folders:
        parser.error("ต้องระบุโฟลเดอร์ของหน่วยงาน หรือ --list ไฟล์ | name at least one folder, or --list FILE")
    projects = _projects(folders)
    started, outcomes = time.perf_counter(), []
    jobs = min(args.jobs or os.cpu_count() or 1, max(len(projects), 1))
    # Ctrl+C is the batch's to handle: the agencies being built finish (each site whole), the others do not start.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
    try:
        for outcome in _in_order(pool, projects, args.strict, jobs * WINDOW_PER_JOB, args.publish, targets):
            outcomes.append(outcome)
            _report(outcome)
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        print(f"หยุดแล้ว (Ctrl+C) หลังจากสร้างเสร็จ {len(outcomes)} หน่วยงาน: site/ ของแต่ละหน่วยงานเป็นเว็บไซต์เดิมหรือเว็บไซต์ใหม่"
              f"ที่ครบถ้วน | stopped (Ctrl+C) after {len(outcomes)} agencies: each agency's site/ is its complete old or new "
              f"site", file=sys.stderr, flush=True)
        return EXIT[STOPPED]
    pool.shutdown()
    print(_summary(outcomes, len(folders) - len(projects), time.perf_counter() - started), flush=True)
    worst = max((EXIT[o.status] for o in outcomes), default=0)
    return max(worst, NOT_A_PROJECT if len(projects) < len(folders) else 0)
