"""The command line: `python build.py` or `prongsai` (build is the default verb).

Owns arguments, exit codes and what is printed. Content problems are printed
in full and give exit status 1 with no traceback; anything else is a bug in
Prongsai and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .pipeline import Paths, build_site
from .problems import SiteError, format_report
from .write import OutputError

#: The templates shipped beside the package, used when the project has none of its own.
BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prongsai",
        description="สร้างเว็บไซต์เปิดเผยข้อมูล ITA จาก content/ | Build the ITA disclosure site from content/",
    )
    parser.add_argument("command", nargs="?", default="build", choices=["build"], help="build (ค่าเริ่มต้น / default)")
    parser.add_argument("--content", type=Path, help="โฟลเดอร์เนื้อหา (content/) | the content folder")
    parser.add_argument("--templates", type=Path, help="โฟลเดอร์แม่แบบ (templates/) | the templates folder")
    parser.add_argument("--out", type=Path, help="โฟลเดอร์ผลลัพธ์ (site/) | the output folder")
    parser.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด | fail on warnings too")
    return parser


def _paths(args: argparse.Namespace, project: Path) -> Paths:
    templates = args.templates or (project / "templates")
    if args.templates is None and not templates.is_dir():
        templates = BUNDLED_TEMPLATES
    return Paths(project=project, content=args.content or project / "content", templates=templates, out=args.out or project / "site")


def _use_utf8_output() -> None:
    """Thai text must print on a Windows console whose code page is cp874 or cp437."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def build(paths: Paths, strict: bool) -> int:
    started = time.perf_counter()
    try:
        result = build_site(paths, strict=strict)
    except SiteError as error:
        print(format_report(error.problems, paths.out.name), file=sys.stderr)
        return 1
    except OutputError as error:
        print(f"ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder: {error}", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(warning.format(), file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"สร้างเว็บไซต์สำเร็จ: {result.pages} หน้า ไฟล์แนบและไฟล์ประกอบ {result.files} ไฟล์ ใน {seconds:.1f} วินาที\n"
          f"Built {result.pages} pages and {result.files} files in {seconds:.1f} s -> {paths.out}\n"
          f"เปิดดู | open: {paths.out / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    _use_utf8_output()
    args = _parser().parse_args(argv)
    return build(_paths(args, Path.cwd()), args.strict)
