"""Reading with no network: the site as ZIP files, one per fiscal year and one for the rest, their download page,
and the service worker's place.

Owns the offline download. One ZIP of the whole site changed with every edit,
so a one-post change sent the whole site again (3-6 MB) over the agency's rural
link. The download is therefore split where the site changes: each fiscal
year's ITA section (ita/<year>/: its pages, attachments and tables, most of
the site's bytes, which stop changing once the year is assessed) is one ZIP,
and the rest (home page, news, contact, search, styles) is another. Every ZIP
holds its files under one folder named after the agency's host, so unzipping
any of them into the same place puts together the same site, opened by
double-clicking index.html. offline.html lists them with their sizes (it is
made after them, and is in none of them). Each ZIP is byte-identical from one
build to the next (sorted entries, fixed times), and is made again only when a
file in it changed.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

#: The download page, linked from every page's footer.
PAGE_PATH = "offline.html"
#: The folder the ZIPs are in.
FOLDER = "offline/"
#: The service worker (templates/sw.js), written at the site root: revisits over http(s) work offline.
WORKER_PATH = "sw.js"
#: Zip entry times must be fixed for reproducible output; 1980-01-01 is the format's earliest.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
#: A page's link to the download page (base.html's footer), which no ZIP holds: in the copy it is a note, no dead link.
_ZIP_LINK = re.compile(rb'<a href="(?:\.\./)*offline\.html">.*?</a>', re.DOTALL)
_IN_THE_COPY = "<span>สำเนาทั้งเว็บไซต์สำหรับเปิดแบบออฟไลน์ (ที่คุณกำลังเปิดอยู่)</span>".encode("utf-8")


def folder_name(settings: dict) -> str:
    """The folder inside every ZIP: the public host name (www.dongmueang.go.th), else "site"."""
    base = settings.get("base_url") or ""
    host = base.split("://", 1)[-1].split("/", 1)[0]
    return host if host and host.isascii() else "site"


def site_paths(site) -> set:
    """Every path of the offline download of this site (a content file there would be replaced: render.py)."""
    return known_paths(site.years, folder_name(site.settings))


def zip_name(folder: str, year: int | str | None = None) -> str:
    """offline/<host>.zip for the rest of the site, offline/<host>-ita-<year>.zip for a fiscal year."""
    return f"{FOLDER}{folder}.zip" if year is None else f"{FOLDER}{folder}-ita-{year}.zip"


def known_paths(years, folder: str) -> set:
    """Every path the offline download may have, for the link check of the pages that link to it."""
    return {PAGE_PATH, zip_name(folder), *(zip_name(folder, year) for year in years)}


def parts(paths, years, folder: str) -> list[tuple[str, str | None, list]]:
    """[(ZIP site path, fiscal year or None, [site paths inside])]: the rest first, then each year that has files."""
    by_year = {str(year): [] for year in years}
    rest = []
    for path in sorted(paths):
        if path == PAGE_PATH or path.startswith(FOLDER):
            continue
        pieces = path.split("/")
        if pieces[0] == "ita" and len(pieces) > 2 and pieces[1] in by_year:
            by_year[pieces[1]].append(path)
        else:
            rest.append(path)
    found = [(zip_name(folder), None, rest)]
    return found + [(zip_name(folder, year), year, inside) for year, inside in sorted(by_year.items()) if inside]


def write_zip(target: Path, files: list, folder: str) -> None:
    """Write the ZIP of [(site path, file on disk)] to `target`, one file at a time (memory stays flat)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, file in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if path.endswith(".html"):
                archive.writestr(info, _ZIP_LINK.sub(_IN_THE_COPY, Path(file).read_bytes()))
                continue
            with open(file, "rb") as source, archive.open(info, "w") as entry:
                shutil.copyfileobj(source, entry, 1 << 20)
