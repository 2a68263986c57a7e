"""The command line: `python build.py [build|check|itas|…|batch]` or `prongsai …` (build is the default verb).

Owns arguments, exit codes and what is printed. Content problems are printed
in full and give exit status 1 with no traceback; an output folder that cannot
be used, a full disk or a read-only folder exit 2 with what to do; Ctrl+C exits
130 saying what state site/ is in; a closed pipe (`prongsai check | head`) ends
quietly. Anything else is a bug in Prongsai and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from . import sitefolder, still_ready, thai
from .content import shown
from .pipeline import Interrupted, Paths, build_site, bundled_templates, load_site
from .problems import SiteError, format_report
from .readiness import check_year
from .report import check_text, write_itas_csv, write_staff_report
from .sitefolder import OutputError
from .scaffold import command_for

#: Exit statuses: content problems; the output folder, the disk or the lock; stopped with Ctrl+C; a closed pipe.
CONTENT, UNUSABLE, STOPPED, CLOSED_PIPE = 1, 2, 130, 141


def _be_date(text: str) -> date:
    try:
        return thai.parse_be_date(text)
    except thai.DateError:
        raise argparse.ArgumentTypeError(f"เขียนวันที่ พ.ศ. แบบ 2568-04-15 | write a Buddhist-era date like 2568-04-15: {text}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prongsai",
        description="สร้างเว็บไซต์เปิดเผยข้อมูล ITA จาก content/ | Build the ITA disclosure site from content/",
    )
    parser.add_argument("command", nargs="?", default="build",
                        choices=["build", "check", "itas", "serve", "edit", "new", "new-year", "init", "schema", "import",
                                 "batch", "publish"],
                        help="build (ค่าเริ่มต้น): สร้างเว็บไซต์ | check: ตรวจความพร้อม ITA | itas: ไฟล์ CSV สำหรับระบบ ITAS | "
                             "serve: ดูตัวอย่างสดขณะแก้ไข | edit: แก้ไขเว็บไซต์ในเบราว์เซอร์ | new O12: ไฟล์เริ่มต้นของข้อ | new-year 2569: เตรียมปีงบประมาณใหม่ | "
                             "init DIR: โครงการใหม่ของหน่วยงานอื่น | schema: ช่วยพิมพ์ใน VS Code | "
                             "import procurement FILE.xlsx: นำเข้าตาราง | "
                             "batch DIR… [--jobs N] [--list FILE]: สร้างหลายหน่วยงานพร้อมกัน (python build.py batch --help) | "
                             "publish --to URL: สร้างแล้วนำขึ้นเว็บโฮสติ้ง (python build.py publish --help)")
    parser.add_argument("target", nargs="?", help="new: รหัสข้อ เช่น O12 | new-year: ปี เช่น 2569 | init: โฟลเดอร์ | "
                                                   "import: procurement, complaints หรือ services")
    parser.add_argument("file", nargs="?", type=Path, help="import: ไฟล์ .xlsx หรือ .csv | the sheet to import")
    parser.add_argument("--content", type=Path, help="โฟลเดอร์เนื้อหา (content/) | the content folder")
    parser.add_argument("--templates", type=Path, help="โฟลเดอร์แม่แบบ (templates/) | the templates folder")
    parser.add_argument("--out", type=Path, help="โฟลเดอร์ผลลัพธ์ (site/) | the output folder")
    parser.add_argument("--no-cache", action="store_true",
                        help="build: ไม่ใช้และไม่เขียนแคช .prongsai-cache (ผลลัพธ์เหมือนกันทุกไบต์ แต่ช้ากว่า) | "
                             "build without reading or writing .prongsai-cache (same bytes, slower)")
    parser.add_argument("--keep", action="append", default=[], metavar="NAME",
                        help="build: ชื่อไฟล์หรือโฟลเดอร์บนสุดใน site/ ที่ต้องเก็บไว้ทุกครั้ง นอกจาก .git CNAME .well-known ฯลฯ | "
                             "a name at the top of site/ every build keeps, besides .git, CNAME, .well-known…")
    parser.add_argument("--swap", choices=[sitefolder.LINK, sitefolder.RENAME],
                        help="build: link (site เป็นลิงก์ที่สลับทีเดียว ค่าเริ่มต้น) หรือ rename (site เป็นโฟลเดอร์จริง "
                             "แบบ Windows) | link: site/ is a link switched atomically (default); rename: a real "
                             "folder, swapped by two renames (the Windows default)")
    parser.add_argument("--jobs", type=int, help="build: จำนวนโปรเซสที่สร้างหน้าพร้อมกัน (ค่าเริ่มต้น: เท่าจำนวนคอร์) | "
                                                   "processes rendering at once (default: one per core)")
    parser.add_argument("--strict", action="store_true",
                        help="build: คำเตือนถือเป็นข้อผิดพลาด | fail on warnings; check: ออกด้วยสถานะ 1 ถ้ามีข้อไม่ผ่าน | exit 1 if an item fails")
    parser.add_argument("--year", type=int, help="ปีงบประมาณที่ตรวจ เช่น 2568 (ค่าเริ่มต้น: ปีล่าสุด) | fiscal year")
    parser.add_argument("--as-of", type=_be_date, help="ตรวจเสมือนเป็นวันที่ (พ.ศ.) เช่น 2568-04-15 (ค่าเริ่มต้น: วันนี้) | check as of")
    parser.add_argument("--report", type=Path, help="check: ที่เก็บรายงานสำหรับเจ้าหน้าที่ | where the staff report goes")
    parser.add_argument("--csv", type=Path, help="itas: ที่เก็บไฟล์ CSV | where the ITAS CSV goes")
    parser.add_argument("--month", help="import: เดือน (พ.ศ.) ของแบบ สขร.1 เช่น 2567-10 | the month of a สขร.1 sheet")
    parser.add_argument("--sheet", help="import: ชื่อชีตในไฟล์ Excel (ค่าเริ่มต้น: ชีตที่เปิดอยู่) | the worksheet")
    parser.add_argument("--to", type=Path, help="import: ที่เก็บไฟล์ YAML ที่ได้ (ค่าเริ่มต้น: ข้างไฟล์ตาราง) | where the YAML goes")
    parser.add_argument("--into", type=Path, help="import: รวมเดือนที่นำเข้าเข้าไปในไฟล์ของข้อโดยตรง เช่น content/ita/2568/O12.yaml | "
                                                    "merge the imported months into the item's own file")
    parser.add_argument("--replace", action="store_true", help="import --into: แทนที่เดือนที่มีอยู่แล้ว | replace months the file has")
    parser.add_argument("--port", type=int, help="serve: พอร์ต (ค่าเริ่มต้น 8000) edit: (ค่าเริ่มต้น 8790) | port")
    parser.add_argument("--no-browser", action="store_true", help="edit: ไม่ต้องเปิดเบราว์เซอร์ | do not open the browser")
    parser.add_argument("--host", default="127.0.0.1",
                        help="serve: ค่าเริ่มต้น 127.0.0.1 (เฉพาะเครื่องนี้); 0.0.0.0 ให้เครื่องอื่นเห็นด้วย | "
                             "interface; 0.0.0.0 exposes the preview to the network")
    return parser


def _paths(args: argparse.Namespace, project: Path) -> Paths:
    return Paths.of_project(project, args.content, args.templates, args.out)


def _lock_wait() -> float:
    """PRONGSAI_LOCK_WAIT: seconds a build waits for another one writing the same site/ (hosts and CI; 0: refuse)."""
    text = os.environ.get("PRONGSAI_LOCK_WAIT", "").strip()
    try:
        return max(0.0, float(text)) if text else sitefolder.LOCK_WAIT
    except ValueError:
        return sitefolder.LOCK_WAIT


def command_here(project: Path) -> str:
    """The command that runs Prongsai in this folder: `python build.py` in a checkout, `prongsai` in a project made by
    `init` (which has no build.py)."""
    return "python build.py" if (project / "build.py").is_file() else "prongsai"


def _use_utf8_output() -> None:
    """Thai text must print on a Windows console whose code page is cp874 or cp437."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _readiness(site, model, paths: Paths, year: int | None, as_of: date | None):
    fiscal_year = year or (site.current_year.fiscal_year if site.current_year else None)
    if fiscal_year not in site.years:
        years = ", ".join(str(y) for y in site.years) or "-"
        print(f"ไม่มีข้อมูล ITA ปีงบประมาณ {fiscal_year} ใน {shown(paths.content, paths.project)}/ita/ (มี: {years}) | "
              f"no ITA content for fiscal year {fiscal_year} (there is: {years})", file=sys.stderr)
        return None
    return check_year(site.years[fiscal_year], site, model, as_of or date.today(), shown(paths.content, paths.project))


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def build(paths: Paths, strict: bool, use_cache: bool = True, jobs: int | None = None,
          output: sitefolder.Options = sitefolder.Options()) -> int:
    started = time.perf_counter()
    try:
        result = build_site(paths, strict=strict, jobs=jobs, use_cache=use_cache, output=output)
    except SiteError as error:
        print(format_report(error.problems, paths.out.name), file=sys.stderr)
        _no_longer_ready(error.problems)
        return CONTENT
    except OutputError as error:
        print(f"ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n{error}", file=sys.stderr)
        return UNUSABLE
    except OSError as error:
        print(sitefolder.explain(error, paths.out), file=sys.stderr)
        return UNUSABLE
    except Interrupted as stopped:
        print(_interrupted(stopped.published, paths.out.name), file=sys.stderr)
        return STOPPED
    for warning in result.warnings:
        print(warning.format(), file=sys.stderr)
    for notice in result.notices:
        print(notice, file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"สร้างเว็บไซต์สำเร็จ: {result.pages} หน้า ไฟล์แนบและไฟล์ประกอบ {result.files} ไฟล์ ใน {seconds:.1f} วินาที "
          f"(เขียนใหม่ {result.written} ไฟล์ ที่เหลือไม่เปลี่ยน)\n"
          f"Built {result.pages} pages and {result.files} files in {seconds:.1f} s ({result.written} written, the rest "
          f"unchanged) -> {paths.out}\n"
          f"เปิดดู | open: {paths.out / 'index.html'}")
    _no_longer_ready(result.warnings)
    report = _readiness(result.site, result.model, paths, None, None) if result.site.years else None
    if report:
        print(f"{report.summary_line()} (ดูรายละเอียด | details: {command_here(paths.project)} check)")
    return 0


def _interrupted(published: bool, name: str) -> str:
    if published:
        return (f"หยุดแล้ว (Ctrl+C) หลังจากวางเว็บไซต์ใหม่ใน {name}/ ครบแล้ว | stopped (Ctrl+C) after the new site was "
                f"complete in {name}/")
    return (f"หยุดแล้ว (Ctrl+C): โฟลเดอร์ {name}/ ยังเป็นเหมือนเดิม ไม่ถูกเปลี่ยนแปลง | stopped (Ctrl+C): {name}/ was not "
            f"changed")


def _no_longer_ready(problems: list) -> None:
    """The loud line: items that were ready at the last build and are not now (still_ready.py)."""
    lost = still_ready.named(problems)
    if lost:
        items = ", ".join(lost)
        print(f"!!! ข้อที่เคยพร้อมแต่ตอนนี้ไม่พร้อมแล้ว: {items} | no longer ready: {items} !!!", file=sys.stderr)


def _load_and_check(paths: Paths, args: argparse.Namespace):
    """(site, report) of the content as of --as-of, or (None, exit status) when it cannot be checked."""
    try:
        loaded = load_site(paths)
    except SiteError as error:
        print(format_report(error.problems, paths.out.name, built=False), file=sys.stderr)
        return None, 1
    report = _readiness(loaded.site, loaded.model, paths, args.year, args.as_of)
    return (loaded.site, report) if report else (None, 2)


def check(paths: Paths, args: argparse.Namespace) -> int:
    site, report = _load_and_check(paths, args)
    if site is None:
        return report
    print(check_text(report, site))
    target = args.report or paths.out.parent / f"{paths.out.name}-readiness-{report.year.fiscal_year}.html"
    write_staff_report(report, site, paths.templates, target, command_here(paths.project))
    print(f"รายงานสำหรับเจ้าหน้าที่ | staff report: {target}")
    return 1 if args.strict and report.failing else 0


def itas(paths: Paths, args: argparse.Namespace) -> int:
    site, report = _load_and_check(paths, args)
    if site is None:
        return report
    target = args.csv or paths.out.parent / f"itas-{report.year.fiscal_year}.csv"
    write_itas_csv(report, site, target)
    if not site.settings.get("base_url"):
        print("คำเตือน: site.yaml ไม่มี base_url จึงเขียน URL เป็นทางในเว็บไซต์ | warning: no base_url in site.yaml, "
              "so the URLs are site paths", file=sys.stderr)
    print(f"ไฟล์สำหรับระบบ ITAS ({len(report.items)} ข้อ) | ITAS sheet: {target}")
    return 0


def scaffold_command(paths: Paths, args: argparse.Namespace) -> int:
    from .framework import available_years
    from .scaffold import ScaffoldError, choose_year, init_project, new_item, new_year, next_steps, write_launchers
    from .schema import load_model

    if not args.target:
        print("ต้องระบุ: new O12 | new-year 2569 | init โฟลเดอร์ | missing the item, year or folder", file=sys.stderr)
        return 2
    model, years = load_model(), available_years()
    year = args.year or max(years)
    try:
        if args.command == "new":
            year, why_th, why_en = choose_year(paths.content, args.year, date.today())
            print(f"ปีงบประมาณ {year}: {why_th} | fiscal year {year}: {why_en}")
            written = [new_item(model, paths.content, args.target, year)]
        elif args.command == "new-year":
            written = new_year(model, paths.content, int(thai.to_arabic_digits(args.target)))
        else:
            written = init_project(model, Path(args.target), bundled_templates() if args.templates is None else paths.templates,
                                   year)
            from .editor_schema import write_editor_files

            written += write_editor_files(model, years, Path(args.target))
            written += write_launchers(Path(args.target))
    except (ScaffoldError, ValueError, FileNotFoundError) as error:
        print(f"ทำไม่ได้ | cannot: {error} (ปีที่มีเกณฑ์ | years with a framework: {years})", file=sys.stderr)
        return 1
    for file in written:
        print(f"เขียน | wrote: {file}")
    if args.command == "init":
        print(next_steps(Path(args.target)))
    return 0


IMPORTERS = {"procurement": "import_procurement", "complaints": "import_complaints", "services": "import_service_statistics"}


def import_command(args: argparse.Namespace, paths: Paths) -> int:
    """A procurement, complaint or service-statistics sheet (xlsx or csv) to YAML rows, every bad cell named; with
    --into, merged by month into the item's own file."""
    from . import importing

    if args.target not in IMPORTERS or args.file is None:
        print("ใช้แบบนี้ | usage: python build.py import procurement|complaints|services FILE.xlsx", file=sys.stderr)
        return 2
    importer = getattr(importing, IMPORTERS[args.target])
    options = {"sheet": args.sheet, **({"month": args.month} if args.target == "procurement" else {})}
    text, problems = importer(args.file, **options)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if text is None:
        print("นำเข้าไม่สำเร็จ: แก้ช่องในตารางตามรายการข้างบนแล้วนำเข้าอีกครั้ง ยังไม่ได้เขียนไฟล์ใด | "
              "import failed: fix the cells listed above and import again; nothing was written", file=sys.stderr)
        return 1
    if args.into is not None:
        return _import_into(args, paths, text)
    target = args.to or args.file.with_suffix(".yaml")
    target.write_text(text, encoding="utf-8", newline="\n")
    item = _item_file_hint(args.target, text, paths)
    print(f"เขียน | wrote: {target}\nรวมเข้าไฟล์ของข้อโดยตรง | merge it into the item's file: "
          f"{command_for(paths.project)} import {args.target} {args.file} --into {item}")
    return 0


def _item_file_hint(importer: str, text: str, paths: Paths) -> str:
    """The item file a kind belongs in: the year of the imported months, numbered by that year's framework."""
    import re

    from .importmerge import KINDS, item_code_for
    from .scaffold import existing_years
    from .framework import load_framework

    months = [thai.parse_be_month(m) for m in re.findall(r"month: (\d{4}-\d{2})", text)]
    years = existing_years(paths.content)
    year = max((m.fiscal_year for m in months), default=None) or (years[-1] if years else thai.fiscal_year_of(date.today()))
    code = item_code_for(KINDS[importer], load_framework(year, paths.project)) or "O?"
    return f"{shown(paths.content, paths.project)}/ita/{year}/{code}.yaml"


def _import_into(args: argparse.Namespace, paths: Paths, imported: str) -> int:
    from . import yamledit
    from .importmerge import changes_text, merge_text, read_item
    from .workbench.checking import check_text
    from .schema import load_model
    from .importmerge import KINDS

    item = args.into
    try:
        merged, changes = merge_text(read_item(item), imported, args.replace)
    except yamledit.EditError as error:
        print(f"อ่านไฟล์ {item} ไม่ได้ แก้ให้เป็น YAML ที่ถูกต้องก่อน | cannot read {item} as YAML: {error}", file=sys.stderr)
        return 1
    record = load_model().kinds[KINDS[args.target]].record
    checked = check_text(merged, record, item.resolve(), paths.content.resolve(), paths.project.resolve())
    if checked.errors:
        print(format_report(checked.errors, built=False), file=sys.stderr)
        print(f"ยังไม่ได้เขียน {item} | {item} was not changed", file=sys.stderr)
        return 1
    old = read_item(item)
    if merged != old:
        from .workbench.store import Store, version_of

        content = paths.content.resolve()
        relative = item.resolve().relative_to(content).as_posix() if content in item.resolve().parents else None
        if relative is not None:
            Store(paths.project, content).write(relative, merged, version_of(item.read_bytes()) if item.is_file() else "absent")
        else:
            item.write_text(merged, encoding="utf-8", newline="\n")
    print(f"รวมเข้า | merged into: {item}\n{changes_text(changes)}")
    return 0


def schema_command(project: Path) -> int:
    """JSON Schemas for VS Code's YAML extension: autocompletion, Thai descriptions, red underlines."""
    from .editor_schema import SettingsError, write_editor_files
    from .framework import available_years
    from .schema import load_model

    try:
        written = write_editor_files(load_model(), available_years(), project)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"เขียน {len(written)} ไฟล์สำหรับ VS Code (ต้องติดตั้งส่วนขยาย YAML ของ Red Hat) | wrote {len(written)} editor files: "
          f"{written[-1]}")
    return 0


def _restart_in_utf8_mode() -> None:
    """Under a POSIX locale that is not UTF-8 (LANG=C, th_TH.TIS-620) Python names files in that encoding, and a
    Thai file name written in a YAML file is never found: run the same command again in Python's UTF-8 mode."""
    if os.name != "posix" or sys.flags.utf8_mode or sys.getfilesystemencoding().lower().replace("-", "") == "utf8":
        return
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])


def main(argv: list[str] | None = None) -> int:
    """The command; a closed pipe (`prongsai check | head`) and Ctrl+C end it quietly."""
    if argv is None:
        _restart_in_utf8_mode()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("หยุดแล้ว (Ctrl+C) | stopped (Ctrl+C)", file=sys.stderr)
        return STOPPED
    except BrokenPipeError:
        # Whoever read our output has gone: say nothing more, and let Python's last flush write nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return CLOSED_PIPE


def _main(argv: list[str] | None) -> int:
    _use_utf8_output()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["batch"]:  # its own options and many folders: see prongsai/batch.py
        from .batch import main as batch_main

        return batch_main(argv[1:])
    if argv[:1] == ["publish"]:  # its own options: see prongsai/publish/command.py
        from .publish.command import main as publish_main

        return publish_main(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "batch":
        parser.error("batch ต้องเป็นคำแรก | batch must come first: python build.py batch DIR…")
    if args.command == "publish":
        parser.error("publish ต้องเป็นคำแรก | publish must come first: python build.py publish --to URL")
    paths = _paths(args, Path.cwd())
    if args.command == "check":
        return check(paths, args)
    if args.command == "itas":
        return itas(paths, args)
    if args.command in ("new", "new-year", "init"):
        return scaffold_command(paths, args)
    if args.command == "schema":
        return schema_command(paths.project)
    if args.command == "import":
        return import_command(args, paths)
    if args.command == "serve":
        from .serve import serve  # livereload and tornado load only for the preview

        return serve(paths, args.host, args.port or 8000)
    if args.command == "edit":
        from .workbench import run  # tornado loads only for the workbench

        return run(paths, args.port or 8790, open_browser=not args.no_browser)
    output = sitefolder.Options(keep=sitefolder.KEEP + tuple(args.keep), swap=args.swap, wait=_lock_wait(), on_wait=_say)
    return build(paths, args.strict, not args.no_cache, args.jobs, output)
