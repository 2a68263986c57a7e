"""Reading with no network: the site as ZIP files made in the reader's browser, their download page, and the
service worker's place.

Owns the offline download. A ZIP made by the build holds a copy of every page
in it, so any ZIP with the home page, the news or O4 in it changed with every
post: one post sent 1.3 MB of ZIPs again over the agency's rural link, where
the post's own files are some 250 KB. The site therefore publishes no ZIP. It
publishes, for each part of the download, the list of the files in it
(offline/<host>.json for the main part: home, news, contact, search, posters,
styles, and this page; offline/<host>-ita-<year>.json for each fiscal year's ITA
section: its pages, attachments and tables), and offline.html, which lists the
parts with their sizes. Pressing a part's button there fetches its files and
puts them into a ZIP in the reader's browser (templates/static/offline.js, with
the fflate library: templates/static/fflate.js), which it saves as
<host>.zip or <host>-ita-<year>.zip. Every ZIP holds its files under one folder
named after the agency's host, so unzipping any of them into the same place
puts together the same site, opened by double-clicking index.html. One post
changes only the main part's list (a few KB); a closed year's list never
changes. Opened from the unzipped copy, offline.html says that this is the copy.
"""

from __future__ import annotations

import json

#: The download page, linked from every page's footer.
PAGE_PATH = "offline.html"
#: The folder the parts' file lists are in.
FOLDER = "offline/"
#: The service worker (templates/sw.js), written at the site root: revisits over http(s) work offline.
WORKER_PATH = "sw.js"


def folder_name(settings: dict) -> str:
    """The folder inside every ZIP: the public host name (www.dongmueang.go.th), else "site"."""
    base = settings.get("base_url") or ""
    host = base.split("://", 1)[-1].split("/", 1)[0]
    return host if host and host.isascii() else "site"


def site_paths(site) -> set:
    """Every path of the offline download of this site (a content file there would be replaced: pagelist.py)."""
    return known_paths(site.years, folder_name(site.settings))


def zip_name(folder: str, year: int | str | None = None) -> str:
    """The name the reader's browser saves a part as: <host>.zip, or <host>-ita-<year>.zip for a fiscal year."""
    return f"{folder}.zip" if year is None else f"{folder}-ita-{year}.zip"


def list_path(folder: str, year: int | str | None = None) -> str:
    """Where a part's list of files is: offline/<host>.json, offline/<host>-ita-<year>.json."""
    return FOLDER + zip_name(folder, year)[:-len(".zip")] + ".json"


def known_paths(years, folder: str) -> set:
    """Every path the offline download may have, for the link check of the pages that link to it."""
    return {PAGE_PATH, list_path(folder), *(list_path(folder, year) for year in years)}


def parts(paths, years, folder: str) -> list[tuple[str, str | None, list]]:
    """[(list's site path, fiscal year or None, [site paths inside])]: the main part first (with this page, so that
    the copy's footer link leads somewhere), then each year that has files. The lists themselves are in none."""
    by_year = {str(year): [] for year in years}
    rest = [PAGE_PATH]
    for path in sorted(paths):
        if path == PAGE_PATH or path.startswith(FOLDER):
            continue
        pieces = path.split("/")
        if pieces[0] == "ita" and len(pieces) > 2 and pieces[1] in by_year:
            by_year[pieces[1]].append(path)
        else:
            rest.append(path)
    found = [(list_path(folder), None, sorted(rest))]
    return found + [(list_path(folder, year), year, inside) for year, inside in sorted(by_year.items()) if inside]


def file_list(folder: str, year: int | str | None, inside: list) -> bytes:
    """A part's list, read by offline.js: the ZIP's name, the folder inside it, and the files' site paths."""
    data = {"zip": zip_name(folder, year), "folder": folder, "files": inside}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), indent=0).encode("utf-8")
