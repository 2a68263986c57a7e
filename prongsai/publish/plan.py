"""What a publish must do: the built site's files, the host's manifest, and the ordered list of changes.

Owns the manifest Prongsai keeps on the host (MANIFEST_NAME at the target's
root: every file it published, path -> sha256 and size, and the ITA items that
were ready), the comparison of the new build with it, and the order of the
changes: attachments and other files first, then the pages that link to them,
then the index pages, feeds and search index, the home page last, deletions at
the very end. So at every moment every link on the host leads to a file that
exists. Only what the manifest lists is ever deleted: another program's files
on the same host are left alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = ".prongsai-publish.json.gz"
#: Names at the top of site/ that are the deploy tooling's, not the site's (sitefolder.KEEP holds others that are)
NOT_PUBLISHED = {".git", ".gitignore", ".gitattributes"}
#: Files that list or link many pages: uploaded after the pages they link to, just before the home page
LISTINGS = {"search-index.js", "feed.xml", "sitemap.xml", "data.html", "search.html", "sw.js", "offline.json", "404.html"}


@dataclass(frozen=True)
class Manifest:
    """What is on the host as Prongsai put it: {path: (sha256 hex, size)} and {fiscal year: [ready codes]}."""

    files: dict
    ready: dict

    def encode(self) -> bytes:
        data = {"written_by": "Prongsai", "version": 1, "ready": self.ready,
                "files": {path: list(entry) for path, entry in sorted(self.files.items())}}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return gzip.compress(text.encode("utf-8"), mtime=0)

    @classmethod
    def decode(cls, data: bytes) -> "Manifest":
        """The manifest, or ValueError when it is not one (damaged, cut short, another program's file)."""
        try:
            parsed = json.loads(gzip.decompress(data).decode("utf-8"))
            files = {str(path): (str(entry[0]), int(entry[1])) for path, entry in parsed["files"].items()}
            ready = {str(year): [str(code) for code in codes] for year, codes in parsed.get("ready", {}).items()}
        except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            raise ValueError(f"not a Prongsai manifest: {error}") from None
        if parsed.get("written_by") != "Prongsai":
            raise ValueError("not a Prongsai manifest")
        return cls(files, ready)


def file_digest(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def local_files(root: Path) -> dict:
    """{site path: (sha256, size)} of every file of the built site (following its link)."""
    files = {}
    for folder, subfolders, names in os.walk(root):
        inside = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        if not prefix:
            subfolders[:] = sorted(name for name in subfolders if name not in NOT_PUBLISHED)
            names = [name for name in names if name not in NOT_PUBLISHED and name != MANIFEST_NAME]
        for name in names:
            file = Path(folder) / name
            files[prefix + name] = (file_digest(file), file.stat().st_size)
    return files


def tier(path: str) -> int:
    """When a file goes up: 0 attachments, assets, tables; 1 pages; 2 indexes and listings (the offline download's
    lists of files too); 3 the offline download's page (it names those lists); 4 the home page."""
    if path == "index.html":
        return 4
    if path == "offline.html":
        return 3
    if path in LISTINGS or posixpath.basename(path) == "index.html" or path.startswith("offline/"):
        return 2
    return 1 if path.endswith(".html") else 0


@dataclass
class Plan:
    """The changes, in the order they are made."""

    #: [(path, size)] to upload, new and changed, in upload order
    uploads: list
    #: paths the manifest lists that the new build does not have, deleted last
    deletions: list
    #: paths already on the host with the same content
    kept: list
    #: paths that are new on the host (the rest of uploads replace a file)
    new: set = field(default_factory=set)

    @property
    def upload_bytes(self) -> int:
        return sum(size for _, size in self.uploads)

    @property
    def empty(self) -> bool:
        return not self.uploads and not self.deletions


def make_plan(local: dict, published: dict) -> Plan:
    """What turns the host's `published` files into the `local` ones (both {path: (sha256, size)})."""
    changed = [path for path, entry in local.items() if tuple(published.get(path, ())) != tuple(entry)]
    uploads = [(path, local[path][1]) for path in sorted(changed, key=lambda path: (tier(path), path))]
    deletions = sorted((path for path in published if path not in local), key=lambda path: (-path.count("/"), path))
    kept = sorted(path for path in local if path not in changed)
    return Plan(uploads, deletions, kept, {path for path in changed if path not in published})


def regressions(ready_on_host: dict, ready_now: dict) -> list[str]:
    """Items ready on the published site that the new build would make not ready, as "O12 2568"."""
    lost = []
    for year, codes in sorted(ready_on_host.items()):
        now = set(ready_now.get(year, []))
        lost += [f"{code} {year}" for code in codes if code not in now]
    return lost
