"""`python build.py publish [--to URL]`: build, then put the site on the agency's host.

Owns the command's options, where the target comes from (--to, else the one
saved with --save), the order build -> compare -> upload, what is printed (the
progress line on stderr, redrawn in place on a terminal and every few seconds
in a log; the dry-run list or the summary on stdout) and the exit status: 0
published (or nothing to do), the build's own status when it fails, 1 an ITA
item would be lost, 2 a target or password that cannot be used, 3 the host
refused or the link kept failing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import sitefolder
from . import messages, target as targets
from .progress import Progress
from .upload import GaveUp, Regressed, Settings, publish

REGRESSED, UNUSABLE, HOST_FAILED = 1, 2, 3


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prongsai publish",
        description="สร้างเว็บไซต์แล้วนำขึ้นเครื่องปลายทาง ส่งเฉพาะไฟล์ที่เปลี่ยน | build the site, then upload what changed to the host")
    parser.add_argument("--to", metavar="URL",
                        help="ftp://user@host/public_html, ftps://…, sftp://user@host/path หรือโฟลเดอร์ | or a folder "
                             "(ค่าเริ่มต้น: ที่บันทึกไว้ด้วย --save | default: the one saved with --save)")
    parser.add_argument("--save", action="store_true",
                        help="จำที่หมายไว้ใช้ครั้งหน้า (ไม่จำรหัสผ่านในไฟล์) | remember the target for next time (never the password)")
    parser.add_argument("--dry-run", action="store_true", help="แสดงว่าจะส่งอะไร ไม่ส่งจริง | list what would change, send nothing")
    parser.add_argument("--allow-regress", action="store_true",
                        help="เผยแพร่แม้ข้อที่พร้อมอยู่จะกลายเป็นไม่พร้อม | publish even if a ready item would become not ready")
    parser.add_argument("--cafile", metavar="FILE.pem", help="ftps: ใบรับรองของเครื่องปลายทางที่เชื่อถือ | a certificate to trust")
    parser.add_argument("--retries", type=int, default=5, metavar="N",
                        help="จำนวนครั้งที่ลองต่อใหม่เมื่อสัญญาณขาด (ค่าเริ่มต้น 5) | reconnections per file (default 5)")
    parser.add_argument("--content", type=Path, help="โฟลเดอร์เนื้อหา | the content folder")
    parser.add_argument("--templates", type=Path, help="โฟลเดอร์แม่แบบ | the templates folder")
    parser.add_argument("--out", type=Path, help="โฟลเดอร์ผลลัพธ์ (site/) | the output folder")
    parser.add_argument("--strict", action="store_true", help="คำเตือนถือเป็นข้อผิดพลาด | fail on warnings")
    return parser


class Terminal:
    """The progress line: redrawn in place on a terminal, one line every LOG_EVERY seconds in a log."""

    LOG_EVERY = 10.0

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = 0.0
        self.width = 0

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.live else self.LOG_EVERY):
            return
        self.last = now
        line = progress.line()
        if self.live:
            self.stream.write("\r" + line.ljust(self.width))
            self.width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def choose_target(args: argparse.Namespace, project: Path) -> targets.Target:
    if args.to:
        return targets.parse(args.to, project, args.cafile)
    found = targets.saved(project)
    if found is None:
        raise targets.TargetError("ยังไม่ได้บอกว่าจะนำขึ้นที่ใด: ใส่ --to เช่น --to ftp://user@host/public_html (ใส่ --save เพื่อจำไว้) | "
                                  "no target: pass --to, e.g. --to ftp://user@host/public_html (add --save to remember it)")
    return found if not args.cafile else targets.Target(**{**found.__dict__, "cafile": args.cafile})


def main(argv: list[str], project: Path | None = None) -> int:
    from ..cli import _paths, build

    args = parser().parse_args(argv)
    project = project or Path.cwd()
    paths = _paths(argparse.Namespace(content=args.content, templates=args.templates, out=args.out), project)
    try:
        target = choose_target(args, project)
        targets.check_outside(target, [paths.content, paths.templates, paths.out])
    except targets.TargetError as error:
        print(error, file=sys.stderr)
        return UNUSABLE
    status = build(paths, args.strict)
    if status:
        print("ไม่ได้เผยแพร่ เพราะสร้างเว็บไซต์ไม่สำเร็จ | not published: the build failed", file=sys.stderr)
        return status
    try:
        secret = targets.password(target)
    except targets.TargetError as error:
        print(error, file=sys.stderr)
        return UNUSABLE
    return publish_built(args, paths, target, secret, project)


def publish_built(args: argparse.Namespace, paths, target: targets.Target, secret: str, project: Path) -> int:
    """Upload the site just built; print the result; save the target when asked."""
    out = sitefolder.output_path(paths.out)
    site, ready = sitefolder.live_folder(out), sitefolder.ready_recorded(out)
    terminal = Terminal()

    def say(text: str) -> None:
        terminal.done()
        print(messages.masked(text, secret), file=sys.stderr, flush=True)

    settings = Settings(attempts=max(1, args.retries + 1), on_progress=terminal)
    print(f"เทียบกับ {target.url} … | comparing with {target.url} …", file=sys.stderr, flush=True)
    try:
        outcome = publish(target, secret, project, site, ready, dry_run=args.dry_run, allow_regress=args.allow_regress,
                          settings=settings, say=say)
    except Regressed as regressed:
        say(messages.regressed_text(regressed.items))
        return REGRESSED
    except GaveUp as failure:
        say(messages.failure_text(failure, target))
        return HOST_FAILED
    terminal.done()
    for notice in outcome.notices:
        say(notice)
    text = messages.dry_run_text(outcome.plan, target) if args.dry_run else messages.summary_text(outcome, target)
    print(messages.masked(text, secret), flush=True)
    if args.save and not args.dry_run:
        saved = targets.save(project, target)
        print(f"จำที่หมายไว้ที่ {saved} (ไม่มีรหัสผ่าน) ครั้งหน้าสั่งแค่ publish | saved the target in {saved} (no "
              f"password): next time just run publish")
    return 0
