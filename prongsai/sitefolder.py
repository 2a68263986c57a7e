"""The output folder (site/): only Prongsai's, one build at a time, and always a whole site.

Owns what sits at --out and beside it:

  site                     a link to the folder holding the current site (on Windows: that folder itself)
  .site-live-XXXXXXXX      the current site, complete
  .site-new-XXXXXXXX       a build in progress (deleted by the next build if this one was killed)
  .site-lock               held while a build writes: a second build waits for it
  .site-manifest.json      written by the last successful build: which items were ready

A build never changes the current site: it makes the next one whole in a new
folder beside it (unchanged files are hard links, so this costs little), moves
the deploy files (.git, CNAME, .well-known, ...) across, and then switches the
link with one rename, which POSIX makes atomic: at every moment `site` is the
complete old site or the complete new one. Where links cannot be made (Windows
without developer mode, a FAT USB stick), the switch is two renames
(site -> .site-old-X, .site-new-X -> site); a build killed between them leaves
no `site` for a moment, and the next build first puts .site-old-X back.
Whatever a killed build left beside the output is cleaned up by the next one.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .stops import never

#: Files and folders a deploy keeps at the top of the output; every build carries them over untouched.
KEEP = (".git", ".gitignore", ".gitattributes", "CNAME", ".nojekyll", ".well-known", ".htaccess", "_headers", "_redirects")
#: How a build's first line in search-index.js begins: the sign of a site/ written by an earlier Prongsai.
INDEX_MARK = b"window.PRONGSAI_INDEX="
INDEX_FILE = "search-index.js"
#: How long a build waits for another one writing the same output folder, in seconds.
LOCK_WAIT = 600.0
LINK, RENAME = "link", "rename"


@dataclass(frozen=True)
class Options:
    """How a build treats its output folder."""

    #: names at the top of the output that every build carries over (deploy files)
    keep: tuple = KEEP
    #: LINK (a link switched atomically), RENAME (two renames, as on Windows), or None: LINK except on Windows
    swap: str | None = None
    #: seconds to wait for another build writing the same folder
    wait: float = LOCK_WAIT
    #: told once when the build starts to wait
    on_wait: Callable[[str], None] | None = None


class OutputError(Exception):
    """The output folder cannot be used: the message says why in Thai and English, and what to do."""


@dataclass
class SiteFolder:
    """An output folder claimed by one build (see claim())."""

    #: the output as the clerk names it (its parent resolved, itself not: it may be a link)
    out: Path
    swap: str
    keep: tuple
    #: which items were ready at the last successful build: {fiscal year: [codes]}
    ready_before: dict
    stop: Callable[[str], None] = never
    #: what the clerk should know that is not a content problem: recovered, cleaned, could not remove
    notices: list = field(default_factory=list)
    #: whether this build has put its site in place
    published: bool = False

    @property
    def live(self) -> Path | None:
        """The folder that holds the current site, or None before the first build."""
        return live_folder(self.out)

    def _sibling(self, kind: str, suffix: str) -> Path:
        return self.out.parent / f".{self.out.name}-{kind}-{suffix}"

    def scratch(self) -> Path:
        """A new, empty folder beside the output for the next site, with the permissions the clerk's umask gives."""
        try:
            folder = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-new-", dir=self.out.parent))
        except OSError as error:  # name the folder the clerk knows, not the scratch folder's random name
            raise OSError(error.errno, error.strerror, str(self.out.parent)) from None
        os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes 700: a web server could not read the site
        return folder

    def unchanged(self, paths: set) -> bool:
        """Whether the current site holds exactly these files (and kept ones): then there is nothing to swap."""
        live = self.live
        if live is None:
            return False
        found = set()
        for folder, subfolders, files in os.walk(live):
            inside = os.path.relpath(folder, live).replace(os.sep, "/")
            prefix = "" if inside == "." else inside + "/"
            if not prefix:
                subfolders[:] = [name for name in subfolders if name not in self.keep]
                files = [name for name in files if name not in self.keep]
            found.update(prefix + name for name in files)
        return found == paths

    def publish(self, scratch: Path) -> None:
        """Put the complete site in `scratch` in place of the current one (see the module's docstring)."""
        live, moved = self.live, []
        suffix = scratch.name.rsplit("-", 1)[-1]
        try:
            for name in self.keep if live is not None else ():
                if os.path.lexists(live / name) and not os.path.lexists(scratch / name):
                    os.rename(live / name, scratch / name)
                    moved.append(name)
                    self.stop("keep")
            if self.swap == LINK and _make_link(self._sibling("link", suffix), self._sibling("live", suffix).name):
                self._switch_link(scratch, suffix)
            else:
                self._switch_by_renames(scratch, suffix)
        except BaseException:
            if not self.published:
                self._undo(scratch, suffix, live, moved)
            raise
        finally:
            if self.published:  # even when Ctrl+C came just after the switch
                self._remove_old()

    def _undo(self, scratch: Path, suffix: str, live: Path | None, moved: list) -> None:
        """A swap that failed half way (a full disk, a folder in use): the current site as it was, with its deploy files."""
        old = self._sibling("old", suffix)
        if not os.path.lexists(self.out) and os.path.lexists(old):
            os.rename(old, self.out)
        for place in (scratch, self._sibling("live", suffix)):
            for name in moved:
                if live is not None and os.path.lexists(place / name):
                    os.rename(place / name, live / name)
            _remove(place)
        _remove(self._sibling("link", suffix))

    def _switch_link(self, scratch: Path, suffix: str) -> None:
        final, link = self._sibling("live", suffix), self._sibling("link", suffix)
        os.rename(scratch, final)
        self.stop("renamed")
        if self.out.is_dir() and not self.out.is_symlink():  # a site/ written before links, or as on Windows
            os.rename(self.out, self._sibling("old", suffix))
            self.stop("moved-aside")
        os.replace(link, self.out)  # atomic: the one moment the site changes
        self.published = True
        self.stop("swapped")

    def _switch_by_renames(self, scratch: Path, suffix: str) -> None:
        if os.path.lexists(self.out):
            os.rename(self.out, self._sibling("old", suffix))
            self.stop("moved-aside")
        os.rename(scratch, self.out)
        self.published = True
        self.stop("swapped")

    def _remove_old(self) -> None:
        """Delete the previous site and anything a killed build left; what cannot be deleted now goes next time."""
        live = self.live
        for entry in _leftovers(self.out):
            if entry != live and not _remove(entry):
                self.notices.append(_cannot_remove(entry))
        self.stop("removed-old")

    def record(self, ready: dict) -> None:
        """Note what this build found ready (the next build compares), beside the output: never published."""
        manifest = _manifest_file(self.out)
        temporary = manifest.with_name(manifest.name + ".new")
        temporary.write_text(json.dumps({"written_by": "Prongsai", "ready": ready}, ensure_ascii=False, sort_keys=True),
                             encoding="utf-8")
        os.replace(temporary, manifest)
        self.stop("recorded")


def live_folder(out: Path) -> Path | None:
    """The folder that holds the site at `out`: the link's target, or `out` itself; None when there is none."""
    if out.is_symlink():
        return out.parent / os.readlink(out)
    return out if out.is_dir() else None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _make_link(link: Path, target: str) -> bool:
    """A relative link named `link`; False where the file system or the system refuses links."""
    _remove(link)
    try:
        os.symlink(target, link, target_is_directory=True)
    except (OSError, NotImplementedError):
        return False
    return True


def _remove(entry: Path) -> bool:
    """Delete a file, a link or a folder; False when it could not be (read-only, open in another program)."""
    try:
        if entry.is_symlink() or entry.is_file():
            entry.unlink()
        elif entry.is_dir():
            shutil.rmtree(entry)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _leftovers(out: Path) -> list[Path]:
    """Every folder and link beside the output that a build made: new, live, old and link."""
    pattern = re.compile(rf"\.{re.escape(out.name)}-(new|live|old|link)-[a-z0-9_]{{8}}")
    try:
        names = sorted(os.listdir(out.parent))
    except OSError:
        return []
    return [out.parent / name for name in names if pattern.fullmatch(name)]


def _manifest_file(out: Path) -> Path:
    return out.parent / f".{out.name}-manifest.json"


def _ready_before(out: Path) -> dict:
    """What the last successful build found ready; {} when it is not known (first build, a garbled file)."""
    try:
        data = json.loads(_manifest_file(out).read_text(encoding="utf-8"))
        ready = data["ready"]
        return {str(year): [str(code) for code in codes] for year, codes in ready.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def ready_recorded(out: Path) -> dict:
    """What the last successful build into `out` found ready (`publish` compares it with the published site's)."""
    return _ready_before(output_path(out))


def _cannot_remove(entry: Path) -> str:
    return (f"ลบ {entry} ไม่ได้ (อาจเปิดอยู่ในโปรแกรมอื่นหรือเป็นแบบอ่านอย่างเดียว) จะลองลบอีกครั้งเมื่อสร้างเว็บไซต์ครั้งถัดไป | "
            f"could not delete {entry} (open in another program, or read-only); the next build tries again")


def output_path(out: Path) -> Path:
    """The output folder as builds name it: its parent resolved, itself not (it is a link between builds)."""
    out = Path(os.path.abspath(out))
    if out.name in ("", ".", ".."):
        raise OutputError(f"ต้องระบุชื่อโฟลเดอร์ผลลัพธ์ เช่น --out site | name the output folder, e.g. --out site: {out}")
    return out.parent.resolve() / out.name


def check_protected(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that is, or holds, or is inside the content or the templates."""
    resolved = out.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or resolved in folder.parents or folder in resolved.parents:
            raise OutputError(f"โฟลเดอร์ผลลัพธ์ {out} จะเขียนทับ {folder} เลือกโฟลเดอร์อื่นด้วย --out | "
                              f"the output folder {out} would overwrite {folder}: choose another with --out")


def _recover(out: Path, keep: tuple, notices: list) -> None:
    """Undo what a killed build left half done: a site moved aside and not replaced, deploy files not yet in place."""
    leftovers = _leftovers(out)
    if not os.path.lexists(out):
        olds = [entry for entry in leftovers if "-old-" in entry.name]
        if olds:
            newest = max(olds, key=lambda entry: entry.lstat().st_mtime_ns)
            os.rename(newest, out)
            notices.append(f"การสร้างครั้งก่อนถูกขัดจังหวะ จึงนำเว็บไซต์เดิมกลับมาที่ {out} | "
                           f"the last build was interrupted: the previous site was put back at {out}")
    live = live_folder(out)
    if live is None:
        return
    for entry in _leftovers(out):
        if entry == live or not entry.is_dir() or entry.is_symlink():
            continue
        for name in keep:
            if os.path.lexists(entry / name) and not os.path.lexists(live / name):
                os.rename(entry / name, live / name)


def _is_ours(out: Path, keep: tuple) -> bool:
    """Whether an existing output was written by Prongsai (or holds nothing but deploy files)."""
    if out.is_symlink():
        return re.fullmatch(rf"\.{re.escape(out.name)}-live-[a-z0-9_]{{8}}", os.readlink(out)) is not None
    if not out.is_dir():
        return False
    if _manifest_file(out).is_file() or all(name in keep for name in os.listdir(out)):
        return True
    try:
        with open(out / INDEX_FILE, "rb") as index:
            return index.read(len(INDEX_MARK)) == INDEX_MARK
    except OSError:
        return False


def _not_ours(out: Path) -> OutputError:
    what = "ลิงก์ที่โปร่งใสไม่ได้สร้าง" if out.is_symlink() else ("ไฟล์" if not out.is_dir() else "โฟลเดอร์ที่มีไฟล์อื่นอยู่แล้ว")
    what_en = "a link Prongsai did not make" if out.is_symlink() else ("a file" if not out.is_dir() else
                                                                       "a folder that already holds other files")
    return OutputError(
        f"{out} เป็น{what} โปร่งใสจะไม่เขียนทับ: เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่างด้วย --out หรือย้ายไฟล์ในนั้นไปไว้ที่อื่นก่อน "
        f"(ไฟล์สำหรับนำขึ้นเว็บ เช่น .git, CNAME, .well-known เก็บไว้ในโฟลเดอร์ผลลัพธ์ได้) | "
        f"{out} is {what_en}, which Prongsai will not overwrite: choose a new or empty folder with --out, or move its "
        f"files elsewhere first (deploy files such as .git, CNAME and .well-known may stay in it)")


def _lock(out: Path, options: Options):
    """The output folder's lock, held; another build holding it is waited for (said once) up to options.wait s."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(out.parent / f".{out.name}-lock"))
    try:
        lock.acquire(timeout=0)
        return lock
    except Timeout:
        pass
    except OSError as error:  # a read-only folder: name it, not the lock file
        raise OSError(error.errno, error.strerror, str(out.parent)) from None
    wait = options.wait
    if options.on_wait is not None:
        options.on_wait(f"มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน {out} อยู่ รอให้เสร็จก่อน (สูงสุด {wait:.0f} วินาที กด Ctrl+C เพื่อหยุด) | "
                        f"another build is writing {out}: waiting for it (up to {wait:.0f} s; Ctrl+C stops)")
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise OutputError(f"มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน {out} อยู่นานเกิน {wait:.0f} วินาที ลองใหม่เมื่องานนั้นเสร็จ | "
                          f"another build has been writing {out} for more than {wait:.0f} s: try again when it "
                          f"has finished") from None
    return lock


@contextmanager
def claim(out: Path, protected: list[Path], options: Options = Options(),
          stop: Callable[[str], None] = never) -> Iterator[SiteFolder]:
    """The output folder for one build: locked, recovered from a killed build, checked to be Prongsai's."""
    out = output_path(out)
    check_protected(out, protected)
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = _lock(out, options)
    try:
        stop("locked")
        swap = options.swap or (RENAME if os.name == "nt" else LINK)
        folder = SiteFolder(out, swap, tuple(options.keep), _ready_before(out), stop)
        _recover(out, folder.keep, folder.notices)
        if os.path.lexists(out) and not _is_ours(out, folder.keep):
            raise _not_ours(out)
        live = folder.live
        for entry in _leftovers(out):
            if entry != live and not _remove(entry):
                folder.notices.append(_cannot_remove(entry))
        stop("cleaned")
        yield folder
    finally:
        lock.release()


def explain(error: OSError, out: Path) -> str:
    """A file-system failure (full disk, read-only folder, a file in use) for a clerk, in Thai and English."""
    where = error.filename or out
    unchanged_th, unchanged_en = f"โฟลเดอร์ {out.name}/ ยังเป็นเหมือนเดิม", f"{out.name}/ was not changed"
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (f"พื้นที่ดิสก์เต็มขณะเขียน {where}: ลบไฟล์ที่ไม่ใช้แล้วหรือเลือกดิสก์อื่นด้วย --out แล้วสั่งอีกครั้ง {unchanged_th}\n"
                f"The disk is full (writing {where}): free some space, or build onto another disk with --out, and build "
                f"again. {unchanged_en}.")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.EBUSY):
        return (f"เขียนหรือลบ {where} ไม่ได้ (ไม่มีสิทธิ์ เป็นแบบอ่านอย่างเดียว หรือเปิดอยู่ในโปรแกรมอื่น): "
                f"ปิดโปรแกรมที่เปิดโฟลเดอร์นี้อยู่ หรือเลือกโฟลเดอร์อื่นด้วย --out {unchanged_th}\n"
                f"Cannot write or delete {where} (no permission, read-only, or open in another program): close what has "
                f"it open, or choose another folder with --out. {unchanged_en}.")
    return (f"อ่านหรือเขียน {where} ไม่ได้: {error.strerror} {unchanged_th}\n"
            f"Cannot read or write {where}: {error.strerror}. {unchanged_en}.")
