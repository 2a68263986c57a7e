"""The workbench's file store: every write to content/ goes through here.

Owns atomic writes (a temporary file beside the target, then os.replace), the
version a form was opened on (a hash of the file's bytes) and the conflict
when the file changed since, the history kept before every write (per file,
restorable), drafts (candidate text that did not pass, kept apart), and the
trash (deleted files and posts, restorable). History, drafts and trash live in
the project's `.prongsai/` folder: outside content/, git-ignored, never
published. A file's byte-order mark and CRLF line ends are kept as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .security import Outside, inside

#: The version of a file that does not exist.
ABSENT = "absent"
STATE_FOLDER = ".prongsai"
_BOM = "\ufeff"


@dataclass
class Conflict(Exception):
    """The file changed on disk since the form was opened: nothing was written."""

    relative: str
    current: str
    version: str


@dataclass(frozen=True)
class Snapshot:
    """One kept version of a file (history) or one deleted file (trash)."""

    id: str
    relative: str
    when: datetime
    size: int


def version_of(data: bytes | None) -> str:
    return ABSENT if data is None else hashlib.sha256(data).hexdigest()[:20]


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S-%f")


class Store:
    """Reads and writes under one project's content/ folder."""

    def __init__(self, project: Path, content: Path) -> None:
        self.content = content
        self.state = project / STATE_FOLDER

    # ---- reading ---------------------------------------------------------------------------------------

    def path(self, relative: str) -> Path:
        """The file under content/ a request names; Outside if it would lead anywhere else."""
        return inside(self.content, relative)

    def relative(self, file: Path) -> str:
        return file.resolve().relative_to(self.content.resolve()).as_posix()

    def read_bytes(self, relative: str) -> bytes | None:
        file = self.path(relative)
        return file.read_bytes() if file.is_file() else None

    def read(self, relative: str) -> tuple[str | None, str]:
        """(the text with LF line ends and no BOM, or None; its version)."""
        data = self.read_bytes(relative)
        if data is None:
            return None, ABSENT
        return data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n"), version_of(data)

    # ---- writing ---------------------------------------------------------------------------------------

    def write(self, relative: str, text: str, expected: str) -> str:
        """Write text if the file is still at version `expected`; keep the old one in the history. The new version."""
        old = self.read_bytes(relative)
        return self.write_bytes(relative, _encoded(text, old), expected)

    def write_bytes(self, relative: str, data: bytes, expected: str) -> str:
        target = self.path(relative)
        old = target.read_bytes() if target.is_file() else None
        if version_of(old) != expected:
            current = old.decode("utf-8-sig", errors="replace").replace("\r\n", "\n") if old is not None else ""
            raise Conflict(relative, current, version_of(old))
        if old is not None:
            self._keep(self.state / "history" / relative, old)
        _atomic_write(target, data)
        return version_of(data)

    def _keep(self, folder: Path, data: bytes) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _stamp(datetime.now())).write_bytes(data)

    # ---- history ---------------------------------------------------------------------------------------

    def history(self, relative: str) -> list[Snapshot]:
        """The kept versions of a file, newest first."""
        self.path(relative)
        folder = inside(self.state / "history", relative)
        if not folder.is_dir():
            return []
        return [Snapshot(entry.name, relative, datetime.strptime(entry.name, "%Y%m%d-%H%M%S-%f"), entry.stat().st_size)
                for entry in sorted(folder.iterdir(), reverse=True) if entry.is_file()]

    def kept(self, relative: str, snapshot: str) -> bytes:
        if snapshot not in {s.id for s in self.history(relative)}:
            raise Outside(snapshot)
        return (inside(self.state / "history", relative) / snapshot).read_bytes()

    def restore(self, relative: str, snapshot: str, expected: str) -> str:
        """Put a kept version back (the current one goes into the history first)."""
        return self.write_bytes(relative, self.kept(relative, snapshot), expected)

    # ---- drafts ----------------------------------------------------------------------------------------

    def save_draft(self, relative: str, text: str) -> None:
        self.path(relative)
        _atomic_write(inside(self.state / "drafts", relative), text.encode("utf-8"))

    def draft(self, relative: str) -> str | None:
        self.path(relative)
        file = inside(self.state / "drafts", relative)
        return file.read_text(encoding="utf-8") if file.is_file() else None

    def drop_draft(self, relative: str) -> None:
        self.path(relative)
        inside(self.state / "drafts", relative).unlink(missing_ok=True)

    # ---- trash -----------------------------------------------------------------------------------------

    def trash(self, relative: str, expected: str | None = None) -> Snapshot:
        """Move a file from content/ to the trash; it can be put back with untrash()."""
        source = self.path(relative)
        if not source.is_file():
            raise FileNotFoundError(relative)
        if expected is not None and version_of(source.read_bytes()) != expected:
            raise Conflict(relative, "", version_of(source.read_bytes()))
        now = datetime.now()
        target = self.state / "trash" / _stamp(now) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
        return Snapshot(_stamp(now), relative, now, target.stat().st_size)

    def trashed(self) -> list[Snapshot]:
        """Everything in the trash, newest first."""
        root = self.state / "trash"
        found = []
        for folder in sorted(root.iterdir(), reverse=True) if root.is_dir() else []:
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                when = datetime.strptime(folder.name, "%Y%m%d-%H%M%S-%f")
                found.append(Snapshot(folder.name, file.relative_to(folder).as_posix(), when, file.stat().st_size))
        return found

    def untrash(self, snapshot: str, relative: str) -> str:
        """Put a trashed file back where it was (refused if a file is there now). Its path under content/."""
        if (snapshot, relative) not in {(s.id, s.relative) for s in self.trashed()}:
            raise Outside(relative)
        source = inside(self.state / "trash" / snapshot, relative)
        target = self.path(relative)
        if target.exists():
            raise Conflict(relative, "", version_of(target.read_bytes()))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
        return relative


def _encoded(text: str, old: bytes | None) -> bytes:
    """The text as the old file was written: UTF-8, with its BOM and CRLF line ends if it had them."""
    if old is not None and old.startswith(_BOM.encode()):
        text = _BOM + text
    if old is not None and b"\r\n" in old:
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def _atomic_write(target: Path, data: bytes) -> None:
    """Write beside the target, flush to disk, then replace: a reader sees the old file or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
