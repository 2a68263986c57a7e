"""What a phone keeps for reading offline: offline.json at the site root, read by the service worker (templates/sw.js).

Owns the choice. Android's browser does not open an unpacked ZIP's pages as a site, so on a phone the service
worker is the offline path: after a first visit over http(s) it fetches in the background, in this order, the
files every page needs, the home page, contact, the citizens' service items (the newest published pages of the
complaint channels, E-Service and service manual kinds) and the current fiscal year's ITA index and item pages,
while the total stays within BUDGET bytes (a page that would pass it is left out, a smaller one after it may still
fit). The worker skips this on a link the browser marks as metered (Save-Data) or slow (2G), and fetches again
only when `version` changes: a new build's pages replace the old ones on the next visit.
"""

from __future__ import annotations

import hashlib
import json

PREFETCH_FILE = "offline.json"
#: At most this many bytes are fetched in the background (issue 14: 300 KB).
BUDGET = 300 * 1024
#: The citizens' service items, by kind (their numbers change between frameworks).
CITIZEN_KINDS = ("complaint_channels", "e_services", "service_manuals")
#: What every page loads.
ASSETS = ("static/style.css", "static/search.js", "static/favicon.svg")


def newest_of_kind(site, kind: str):
    """The newest fiscal year's published page of an item kind, or None."""
    for year in site.years.values():  # newest first
        for entry in year.items.values():
            if entry.item.kind == kind and entry.values is not None:
                return entry
    return None


def wanted(site) -> list[str]:
    """The site paths to keep, most needed first, each once."""
    logo = site.settings.get("logo")
    paths = [*ASSETS, *([logo.path] if logo is not None and hasattr(logo, "path") else []), "index.html", "contact.html"]
    paths += [entry.path for entry in map(lambda kind: newest_of_kind(site, kind), CITIZEN_KINDS) if entry is not None]
    year = site.current_year
    if year is not None:
        paths += [year.path, *(entry.path for entry in year.items.values())]
    return list(dict.fromkeys(paths))


def offline_list(site, files: dict) -> bytes:
    """offline.json from {site path: (size, digest of its bytes)} of the new build's files."""
    chosen, total = [], 0
    for path in wanted(site):
        if path not in files or total + files[path][0] > BUDGET:
            continue
        chosen.append([path, files[path][0]])
        total += files[path][0]
    version = hashlib.blake2b(digest_size=8)
    for path, _ in chosen:
        version.update(path.encode("utf-8") + b"\0" + (files[path][1] or b""))
    return json.dumps({"version": version.hexdigest(), "bytes": total, "files": chosen},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


__all__ = ["ASSETS", "BUDGET", "CITIZEN_KINDS", "PREFETCH_FILE", "newest_of_kind", "offline_list", "wanted"]
