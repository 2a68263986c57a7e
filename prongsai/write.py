"""The write stage: put the rendered site on disk, all at once or not at all.

Owns the output folder. The new site is written to a temporary folder beside
it and swapped in only when complete, so a failed or interrupted build never
leaves a half-written site/; files are written as UTF-8 bytes in sorted order
so two builds of the same content are byte-identical.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be used (it would overwrite the content, say)."""


def check_output_folder(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that is, or holds, the content or the templates."""
    out = out.resolve()
    for folder in protected:
        folder = folder.resolve()
        if out == folder or out in folder.parents or folder in out.parents:
            raise OutputError(f"the output folder {out} would overwrite {folder}")


def _fill(folder: Path, pages: dict, copies: dict) -> None:
    for path in sorted(pages):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = pages[path]
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    for path in sorted(copies):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copies[path], target)


def write_site(out: Path, pages: dict, copies: dict) -> None:
    """Write {site path: html or bytes} and copy {site path: source file}, then swap the result into `out`."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        _fill(staging, pages, copies)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        out.rename(old / out.name)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
