"""Running one hostile-input case: a copy of a built project, the case's files over it, the real command in a
subprocess with a time limit and a memory cap, and the expectation checked on what it printed and published.

The subprocess is `python build.py --jobs 1` in the project folder (the repository's build.py: the same program as
`prongsai`), started by launch.py in a session of its own (killed whole at the time limit), with its address space
capped by RLIMIT_AS, so that a hang or a blow-up fails the case instead of the test run; launch.py reports its peak
memory from os.wait4's resource usage.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from hostile.model import Builds, Case, Fails, Fifo, Link, Made, Repeat, Sparse

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build.py"
LAUNCH = Path(__file__).resolve().parent / "launch.py"
BUNDLED_TEMPLATES = ROOT / "templates"
#: Wall-clock limit of one build: the slowest case takes under 3 s on a quiet machine; this leaves room for a
#: loaded CI machine, and a hang (the reported ones ran past two minutes) still fails within it.
TIME_LIMIT = 30.0
#: The address space a build may have (RLIMIT_AS): a normal build of the small project needs under 300 MB.
MEMORY_CAP = 1024 * 1024 * 1024
#: The resident memory no case may reach (issue 11: each bomb ends within seconds and under 500 MB).
PEAK_LIMIT_MB = 500
SECRET = b"PRONGSAI-SECRET-7f3a9c"
PASSWD = b"root:x:0:0"


@dataclass
class Ran:
    """What the subprocess did."""

    status: int
    out: str
    err: str
    seconds: float
    peak_mb: float
    timed_out: bool


# ---- the files a case writes ---------------------------------------------------------------------------------------

def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height pixels, with almost no pixel data: Pillow learns its size unread."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + \
        _png_chunk(b"IEND", b"")


def png_bomb(width: int, height: int) -> bytes:
    """A real, decodable one-bit PNG of width × height: a few kilobytes that decode to width × height bytes."""
    row = b"\0" + b"\0" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data) + _png_chunk(b"IEND", b"")


def gif_header(width: int, height: int) -> bytes:
    """A GIF whose logical screen is width × height, with one 1×1 frame."""
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + b"," + struct.pack("<HHHHB", 0, 0, 1, 1, 0)
            + b"\x02\x02\x44\x01\x00;")


def png(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 83, 45)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 83, 45)).save(buffer, "JPEG")
    return buffer.getvalue()


def pdf(pages: int = 1, user_password: str = "", owner_password: str = "") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(60, 80)
    if user_password or owner_password:
        writer.encrypt(user_password, owner_password or user_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def raw_pdf(pages_object: str) -> bytes:
    """A hand-written PDF whose page tree is `pages_object` (object 2), with a correct cross-reference table."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        pages_object,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj {body} endobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer << /Root 1 0 R /Size {len(objects) + 1} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


MAKERS = {
    "png": png, "jpeg": jpeg, "pdf": pdf, "png_header": png_header, "png_bomb": png_bomb, "gif_header": gif_header,
    "pdf_declared_pages": lambda count: raw_pdf(f"<< /Type /Pages /Kids [3 0 R] /Count {count} >>"),
    "pdf_page_loop": lambda: raw_pdf("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
    "truncated": lambda maker: MAKERS[maker]()[:60],
    "eps": lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nnewpath 0 0 moveto 100 100 lineto stroke\n%%EOF\n",
}


def _write(project: Path, outside: Path, name, value) -> None:
    target = project / os.fsdecode(name) if isinstance(name, bytes) else project / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.is_file():
        target.unlink()
    if isinstance(value, Link):
        target.symlink_to(value.target.format(outside=outside, project=project))
    elif isinstance(value, Fifo):
        os.mkfifo(target)
    elif isinstance(value, Sparse):
        with open(target, "wb") as file:
            file.write(value.head)
            file.truncate(value.size)
    elif isinstance(value, Repeat):
        target.write_bytes(value.data())
    elif isinstance(value, Made):
        target.write_bytes(MAKERS[value.maker](*value.options))
    elif isinstance(value, bytes):
        target.write_bytes(value)
    else:
        target.write_text(value, encoding="utf-8", newline="")


def _outside(folder: Path) -> Path:
    """What links may point at: a secret file, a folder with a PDF, and a site.yaml, all outside the project."""
    (folder / "folder").mkdir(parents=True)
    (folder / "secret.txt").write_bytes(SECRET + b"\n")
    (folder / "folder" / "secret.pdf").write_bytes(pdf()[:-6] + SECRET + b"\n%%EOF\n")
    (folder / "site.yaml").write_bytes(b"name_th: " + SECRET + b"\n")
    return folder


def prepare(case: Case, baseline: Path, folder: Path) -> Path:
    """The case's project: a copy of the built baseline, with the case's files written over it."""
    project = folder / "project"
    shutil.copytree(baseline, project, symlinks=True)
    outside = _outside(folder / "outside")
    if any(str(name).startswith("templates/") for name in case.files):
        shutil.copytree(BUNDLED_TEMPLATES, project / "templates")
    for name in case.remove:
        (project / name).unlink()
    for name, value in case.files.items():
        _write(project, outside, name, value)
    return project


# ---- running it ------------------------------------------------------------------------------------------------------

def run_build(case: Case, project: Path, environment: dict) -> Ran:
    """python build.py --jobs 1 [args] in the project, under the time limit and the memory cap (launch.py)."""
    folder = project.parent
    out, err, result = folder / "stdout.txt", folder / "stderr.txt", folder / "result.json"
    command = [sys.executable, str(LAUNCH), str(TIME_LIMIT), str(MEMORY_CAP), str(result),
               sys.executable, str(BUILD), "--jobs", "1", *case.args]
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        subprocess.run(command, cwd=project, env=environment, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                       timeout=TIME_LIMIT + 60, check=True)
    measured = json.loads(result.read_text(encoding="utf-8"))
    return Ran(measured["status"], out.read_text(encoding="utf-8", errors="replace"),
               err.read_text(encoding="utf-8", errors="replace"), measured["seconds"], measured["peak_mb"],
               measured["timed_out"])


RUNNERS = {"build": run_build}


@dataclass
class Outcome:
    """A case's run and what it did wrong (nothing, when it holds)."""

    ran: Ran
    wrong: list


def run_case(case: Case, baseline: Path, folder: Path, locales: Path | None) -> Outcome:
    """Prepare, run and judge one case in `folder`, which is emptied afterwards (some cases write large files)."""
    try:
        project = prepare(case, baseline, folder)
        before = snapshot(project / "site")
        ran = RUNNERS[case.run](case, project, environment(case, locales))
        return Outcome(ran, failures(case, ran, project, before))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def environment(case: Case, locales: Path | None) -> dict:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("LC_", "PYTHONUTF8"))}
    env.update(SOURCE_DATE_EPOCH="1764115200", LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1")
    env.update({name: value.format(locales=locales) for name, value in case.env})
    return env


# ---- what was published ----------------------------------------------------------------------------------------------

def snapshot(site: Path) -> dict:
    """Every file under site/ (links not followed) and the hash of its bytes."""
    found = {}
    for folder, _, files in os.walk(site):
        for name in files:
            path = Path(folder) / name
            found[path.relative_to(site).as_posix()] = "link" if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def published_bytes(site: Path):
    """(name, bytes) of every published file, and of every entry of the ZIP files among them (XLSX, a ZIP attachment)."""
    for folder, _, files in os.walk(site):
        for name in files:
            path = Path(folder) / name
            data = path.read_bytes()
            yield path.relative_to(site).as_posix(), data
            if data.startswith(b"PK\x03\x04"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for entry in archive.namelist():
                        inner = archive.read(entry)
                        yield f"{path.relative_to(site).as_posix()}!{entry}", inner
                        if inner.startswith(b"PK\x03\x04"):  # an XLSX inside a ZIP attachment
                            with zipfile.ZipFile(io.BytesIO(inner)) as workbook:
                                for sheet in workbook.namelist():
                                    yield f"{entry}!{sheet}", workbook.read(sheet)


def failures(case: Case, ran: Ran, project: Path, before: dict) -> list[str]:
    """What the build did wrong, in words (empty when the case holds)."""
    found = []
    if ran.timed_out:
        return [f"still running after {TIME_LIMIT:.0f} s (killed)"]
    if "Traceback" in ran.err or "Traceback" in ran.out:
        found.append("printed a traceback")
    if ran.peak_mb > PEAK_LIMIT_MB:
        found.append(f"peak memory {ran.peak_mb:.0f} MB > {PEAK_LIMIT_MB} MB")
    expect = case.expect
    if isinstance(expect, Fails):
        found += _failed_as_expected(expect, ran, project, before)
    else:
        found += _built_as_expected(expect, ran, project)
    return found


def _located_lines(err: str, where: str, label: str) -> list[tuple[str, str]]:
    """(problem line, the English line after it) of each problem at `where` (a location ending in ':' matches any
    column or line after it)."""
    lines, found = err.split("\n"), []
    for i, line in enumerate(lines):
        location, separator, _ = line.partition(f": {label}: ")
        if separator and (location == where or where.endswith(":") and location.startswith(where)):
            found.append((line, lines[i + 1] if i + 1 < len(lines) else ""))
    return found


def _failed_as_expected(expect: Fails, ran: Ran, project: Path, before: dict) -> list[str]:
    found = []
    if ran.status != 1:
        found.append(f"exit status {ran.status}, not 1")
    matching = [(th, en) for th, en in _located_lines(ran.err, expect.where, "ข้อผิดพลาด") if expect.th in th and expect.en in en]
    if not matching:
        found.append(f"no error at {expect.where} with {expect.th!r} / {expect.en!r}")
    if "Build failed" not in ran.err or "was not changed" not in ran.err:
        found.append("no 'Build failed ... site/ was not changed' summary")
    if snapshot(project / "site") != before:
        found.append("site/ changed")
    if expect.no_file and (project / expect.no_file).exists():
        found.append(f"{expect.no_file} was created")
    return found


def _built_as_expected(expect: Builds, ran: Ran, project: Path) -> list[str]:
    if ran.status != 0:
        return [f"exit status {ran.status}, not 0"]
    site, found = project / "site", []
    published = dict(published_bytes(site))
    for needle in expect.absent:
        found += [f"{name} holds {needle!r}" for name, data in published.items() if needle in data]
    for path, needle in expect.present:
        if needle not in published.get(path, b""):
            found.append(f"{path} does not hold {needle!r}" if path in published else f"{path} is not published")
    found += [f"{path} is published" for path in expect.not_published if (site / path).exists() or (site / path).is_symlink()]
    if expect.warns:
        where, th = expect.warns
        if not any(th in line for line, _ in _located_lines(ran.err, where, "คำเตือน")):
            found.append(f"no warning at {where} with {th!r}")
    return found
