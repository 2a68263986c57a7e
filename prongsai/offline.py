"""Reading with no network: the whole site as one ZIP file, and the service worker's place.

Owns `site.zip`: every page, generated file and attachment of the build under
one folder named after the agency, opened from disk by double-clicking
index.html. Byte-identical from one build to the next (sorted entries, fixed
times), so publishing it never shows a change that is not there.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

ZIP_PATH = "site.zip"
#: The service worker (templates/sw.js), written at the site root: revisits over http(s) work offline.
WORKER_PATH = "sw.js"
#: Zip entry times must be fixed for reproducible output; 1980-01-01 is the format's earliest.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
#: A page's link to site.zip (base.html's footer), which the ZIP cannot hold: in the copy it is a note, no dead link.
_ZIP_LINK = re.compile(rb'<a href="(?:\.\./)*site\.zip" data-zip>.*?</a>', re.DOTALL)
_IN_THE_COPY = "<span>สำเนาทั้งเว็บไซต์สำหรับเปิดแบบออฟไลน์ (ที่คุณกำลังเปิดอยู่)</span>".encode("utf-8")


def write_zip(target: Path, files: list, folder: str) -> None:
    """Write the ZIP of [(site path, file on disk)] to `target`, one file at a time (memory stays flat)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, file in sorted(files):
            if path == ZIP_PATH:
                continue
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if path.endswith(".html"):
                archive.writestr(info, _ZIP_LINK.sub(_IN_THE_COPY, Path(file).read_bytes()))
                continue
            with open(file, "rb") as source, archive.open(info, "w") as entry:
                shutil.copyfileobj(source, entry, 1 << 20)
