"""The process side of a build: site/ is whole at every moment, whatever happens to the build.

One table, PROCESS_CASES, one line per case (the "process" category of the hostile-input corpus): a build
killed with SIGKILL at many named points of a cold and of a warm build (prongsai/stops.py), stopped with
Ctrl+C, two builds at once, a read-only site/ or project folder, a full disk, a damaged cache, a non-UTF-8
locale. After each, site/ must be byte for byte one of two reference builds (the old site or the new one,
with the deploy files .git and CNAME still inside), and the next build must leave the new site and nothing
else beside it. Killed builds run in a forked process (a real process, killed for real, without paying for
Python's start-up each time); Ctrl+C, two builds, locales and full disks run the command line.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from conftest import (
    BUILD_DATE_EPOCH,
    MINIMAL_SITE_YAML,
    PROCUREMENT_YAML,
    ROOT,
    TEMPLATES,
    leftovers,
    pdf_bytes,
    png_bytes,
    write_files,
)

from prongsai import sitefolder
from prongsai.pipeline import Paths, build_site

AS_OF = date(2026, 12, 2)
MAIN = "import sys; from prongsai.cli import main; sys.exit(main())"
OLD = {
    "site.yaml": MINIMAL_SITE_YAML + "logo: images/logo.png\n",
    "images/logo.png": png_bytes(),
    "ita/2568/O1.yaml": "chart_document:\n  title: แผนผังโครงสร้าง\n  file: files/o1/chart.pdf\n",
    "ita/2568/files/o1/chart.pdf": pdf_bytes(2),
    "ita/2568/O2.yaml": "executives:\n  - name: นายทดสอบ ใจดี\n    position: นายก\n    role: chief\n",
    "ita/2568/O2.md": "# ประวัติ\n\nผู้บริหาร **ทดสอบ**\n",
    "ita/2568/O12.yaml": PROCUREMENT_YAML,
    **{f"news/2567-10-0{n}-post-{n}.md": f"---\ntitle: ข่าวที่ {n}\ndate: 2567-10-0{n}\n---\nเนื้อข่าวที่ {n}\n" for n in range(1, 5)},
}
#: The next version: one post edited, one gone, one new, an item's text changed, and 40 posts of November (so that a
#: warm build writes enough pages, and reuses enough, for every kill point below to be reached).
NEW = {
    **{name: body for name, body in OLD.items() if name != "news/2567-10-04-post-4.md"},
    **{f"news/2567-11-{n:02d}-november-{n}.md": f"---\ntitle: ข่าวเดือนพฤศจิกายน {n}\ndate: 2567-11-{n:02d}\n---\nเนื้อข่าว {n}\n"
       for n in range(1, 29)},
    **{f"news/2567-12-{n:02d}-december-{n}.md": f"---\ntitle: ข่าวเดือนธันวาคม {n}\ndate: 2567-12-{n:02d}\n---\nเนื้อข่าว {n}\n"
       for n in range(1, 13)},
    "news/2567-10-01-post-1.md": "---\ntitle: ข่าวที่ 1 (แก้ไข)\ndate: 2567-10-01\n---\nเนื้อข่าวใหม่\n",
    "news/2567-10-05-post-5.md": "---\ntitle: ข่าวที่ 5\ndate: 2567-10-05\n---\nข่าวใหม่\n",
    "ita/2568/O2.md": "# ประวัติ\n\nผู้บริหาร **ทดสอบ** ปรับปรุงแล้ว\n",
}
#: Deploy files every build keeps inside site/.
DEPLOY = {"CNAME": b"www.test.go.th\n", ".git/HEAD": b"ref: refs/heads/main\n"}


def tree(folder: Path) -> dict:
    """{path: bytes} of a site, without the deploy files."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    return {path: data for path, data in found.items() if path.split("/")[0] not in sitefolder.KEEP}


def project_with(root: Path, files: dict) -> Paths:
    shutil.rmtree(root / "content", ignore_errors=True)
    write_files(root / "content", files)
    return Paths(project=root, content=root / "content", templates=TEMPLATES, out=root / "site")


@pytest.fixture(scope="module")
def references(tmp_path_factory) -> dict:
    """The old and the new site, each built once from scratch, without a cache."""
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
        for name, files in (("old", OLD), ("new", NEW)):
            paths = project_with(tmp_path_factory.mktemp(f"reference-{name}"), files)
            build_site(paths, jobs=1, use_cache=False, as_of=AS_OF)
            built[name] = tree(paths.out)
    assert built["old"] != built["new"] and len(built["new"]) > 25
    return built


def state(root: Path, references: dict) -> str:
    """Which site `root/site` holds: "old", "new", "none" (no site yet), or "torn" (anything else)."""
    out = root / "site"
    if not os.path.lexists(out):
        return "none"
    found = tree(out)
    return next((name for name, files in references.items() if files == found), "torn")


def deploy_files_intact(root: Path) -> bool:
    return all((root / "site" / name).read_bytes() == data for name, data in DEPLOY.items())


# ---------------------------------------------------------------------------------------------------------
# How each kind of case is run


def killed_in_fork(paths: Paths, stop_at: str, swap: str | None) -> int:
    """Build in a forked process that kills itself with SIGKILL at `stop_at`; its exit status (-9 when killed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() in a process with threads (none here)
        pid = os.fork()
    if pid == 0:  # the build, which never returns to pytest
        code = 3
        try:
            os.environ.update(PRONGSAI_STOP_AT=stop_at, PRONGSAI_STOP_SIGNAL="KILL", SOURCE_DATE_EPOCH=BUILD_DATE_EPOCH)
            build_site(paths, jobs=1, output=sitefolder.Options(swap=swap), as_of=AS_OF)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def command(root: Path, *args: str, env: dict | None = None, **options) -> subprocess.Popen:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONPATH": str(ROOT), **(env or {})}
    arguments = args or ("--templates", str(TEMPLATES), "--jobs", "1")
    return subprocess.Popen([sys.executable, "-c", MAIN, *arguments], cwd=root, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **options)


def finished(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def prepared(root: Path, warm: bool, swap: str | None = None) -> Paths:
    """A project holding the new content; with `warm`, its site/ is the old site with deploy files inside."""
    if warm:
        paths = project_with(root, OLD)
        build_site(paths, jobs=1, output=sitefolder.Options(swap=swap), as_of=AS_OF)
        write_files(root / "site", DEPLOY)
    return project_with(root, NEW)


@dataclass(frozen=True)
class Kill:
    """SIGKILL at a named point (stops.py) of a cold or warm build: site/ is whole, the next build finishes the job."""

    at: str
    warm: bool = True
    swap: str | None = None

    def run(self, root: Path, references: dict) -> None:
        paths = prepared(root, self.warm, self.swap)
        assert killed_in_fork(paths, self.at, self.swap) == -signal.SIGKILL, f"the build never reached {self.at}"
        now = state(root, references)
        if self.swap == sitefolder.RENAME and now == "none" and self.warm:
            # the one moment between the two renames: the old site waits beside, whole, for the next build
            olds = [p for p in root.iterdir() if p.name.startswith(".site-old-")]
            assert len(olds) == 1 and tree(olds[0]) == references["old"]
        else:
            assert now in (("old", "new") if self.warm else ("none", "new")), f"killed at {self.at}: site/ is {now}"
        if self.warm:  # not lost: in site/, or in the folder the next build takes them back from
            places = [root / "site", *[p for p in root.iterdir() if p.name.startswith(".site-") and p.is_dir()]]
            assert all(any((place / name).is_file() for place in places) for name in DEPLOY)
        build_site(paths, jobs=1, output=sitefolder.Options(swap=self.swap), as_of=AS_OF)
        assert state(root, references) == "new"
        assert leftovers(root) == []
        if self.warm:
            assert deploy_files_intact(root)


def unchanged_th(name: str = "site") -> str:
    return f"โฟลเดอร์ {name}/ ยังเป็นเหมือนเดิม"


@dataclass(frozen=True)
class CtrlC:
    """Ctrl+C (SIGINT) at a named point: exit 130, one line saying what state site/ is in, no traceback, nothing
    left beside site/ (no next build needed)."""

    at: str
    published: bool = False

    def run(self, root: Path, references: dict) -> None:
        prepared(root, warm=True)
        code, out, err = finished(command(root, env={"PRONGSAI_STOP_AT": self.at, "PRONGSAI_STOP_SIGNAL": "INT"}))
        said = ("หยุดแล้ว (Ctrl+C) หลังจากวางเว็บไซต์ใหม่ใน site/ ครบแล้ว | stopped (Ctrl+C) after the new site was complete in "
                "site/\n") if self.published else \
            "หยุดแล้ว (Ctrl+C): โฟลเดอร์ site/ ยังเป็นเหมือนเดิม ไม่ถูกเปลี่ยนแปลง | stopped (Ctrl+C): site/ was not changed\n"
        assert (code, out, err) == (130, "", said)
        assert state(root, references) == ("new" if self.published else "old")
        assert leftovers(root) == [] and deploy_files_intact(root)


@dataclass(frozen=True)
class CtrlCWhileRendering:
    """Ctrl+C from a terminal (SIGINT to the whole process group) while render processes are at work on the
    sample site: the same one line, and no traceback from any render process."""

    def run(self, root: Path, references: dict) -> None:
        shutil.copytree(ROOT / "content", root / "content")
        build = command(root, "--templates", str(TEMPLATES), "--jobs", "2", start_new_session=True)
        deadline = time.monotonic() + 60
        while not any(p.name.startswith(".site-new-") and sum(1 for _ in p.rglob("*.html")) > 20 for p in root.iterdir()):
            assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
            time.sleep(0.01)
        os.killpg(build.pid, signal.SIGINT)
        code, out, err = finished(build)
        assert (code, out) == (130, "")
        assert err == "หยุดแล้ว (Ctrl+C): โฟลเดอร์ site/ ยังเป็นเหมือนเดิม ไม่ถูกเปลี่ยนแปลง | stopped (Ctrl+C): site/ was not changed\n"
        assert not os.path.lexists(root / "site") and leftovers(root) == []


@dataclass(frozen=True)
class CtrlCBatch:
    """Ctrl+C from a terminal during `batch`: the agencies being built finish, those not yet handed to a process do not
    start; one line, exit 130, no traceback from any process; every agency's site/ is whole (built, or not there)."""

    def run(self, root: Path, references: dict) -> None:
        agencies = ["a", "b", "c", "d"]
        for name in agencies:
            write_files(root / name / "content", OLD)
        build = command(root, "batch", "--jobs", "1", *agencies, start_new_session=True)
        assert build.stdout.readline().decode("utf-8").startswith("ok  a  ")
        os.killpg(build.pid, signal.SIGINT)
        code, out, err = finished(build)
        done = 1 + out.count("\nok  ") + out.startswith("ok  ")
        assert code == 130 and "Traceback" not in err, err
        assert err.endswith(f"หยุดแล้ว (Ctrl+C) หลังจากสร้างเสร็จ {done} หน่วยงาน: site/ ของแต่ละหน่วยงานเป็นเว็บไซต์เดิมหรือเว็บไซต์ใหม่"
                            f"ที่ครบถ้วน | stopped (Ctrl+C) after {done} agencies: each agency's site/ is its complete old or "
                            f"new site\n")
        states = [state(root / name, references) for name in agencies]
        assert states[:done] == ["old"] * done and set(states) <= {"old", "none"}, states  # each whole, built or not
        assert all(leftovers(root / name) == [] for name in agencies)


def stopped(pid: int) -> bool:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] == "T"


@dataclass(frozen=True)
class TwoBuilds:
    """A second build while one is writing site/: it waits (saying so once), or gives up clearly after
    PRONGSAI_LOCK_WAIT seconds; both never write at once."""

    def run(self, root: Path, references: dict) -> None:
        if not Path("/proc/self/stat").is_file():
            pytest.skip("needs /proc to see that the first build is paused")
        prepared(root, warm=True)
        first = command(root, env={"PRONGSAI_STOP_AT": "locked", "PRONGSAI_STOP_SIGNAL": "STOP"})
        deadline = time.monotonic() + 60
        while not stopped(first.pid):
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        out = (root / "site").resolve().parent / "site"
        waiting = (f"มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน {out} อยู่ รอให้เสร็จก่อน (สูงสุด 1 วินาที กด Ctrl+C เพื่อหยุด) | "
                   f"another build is writing {out}: waiting for it (up to 1 s; Ctrl+C stops)\n")
        refused = (f"ใช้โฟลเดอร์ผลลัพธ์นี้ไม่ได้ | cannot use this output folder:\n"
                   f"มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน {out} อยู่นานเกิน 1 วินาที ลองใหม่เมื่องานนั้นเสร็จ | "
                   f"another build has been writing {out} for more than 1 s: try again when it has finished\n")
        assert finished(command(root, env={"PRONGSAI_LOCK_WAIT": "1"})) == (2, "", waiting + refused)
        assert state(root, references) == "old" and not any(p.name.startswith(".site-new-") for p in root.iterdir())
        second = command(root, env={"PRONGSAI_LOCK_WAIT": "120"})
        assert second.stderr.readline().decode("utf-8").startswith("มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียน")
        os.kill(first.pid, signal.SIGCONT)
        assert finished(first)[0] == 0
        code, said, err = finished(second)
        assert code == 0 and "(0 written, the rest unchanged)" in said and err == "", err
        assert state(root, references) == "new" and leftovers(root) == [] and deploy_files_intact(root)


def immutable(entry: Path, on: bool) -> None:
    """Make a folder read-only even for root (chattr), or as a clerk would (chmod) when not root."""
    if os.geteuid() != 0:
        for place in [entry, *entry.rglob("*")] if on else [entry]:
            place.chmod(0o555 if on else 0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("no chattr to make a folder read-only for root")
    result = subprocess.run(["chattr", "+i" if on else "-i", str(entry)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"this file system has no immutable folders: {result.stderr!r}")


@dataclass(frozen=True)
class ReadOnly:
    """A read-only site/ (or the folder holding it): a clear message naming the folder, exit 2, site/ as it was."""

    what: str  # "site" or "project"

    def run(self, root: Path, references: dict) -> None:
        prepared(root, warm=True)
        locked = (root / "site").resolve() if self.what == "site" else root
        immutable(locked, True)
        try:
            code, out, err = finished(command(root))
        finally:
            immutable(locked, False)
        where = locked / ".git" if self.what == "site" else root
        assert (code, out) == (2, ""), err
        assert err == (f"เขียนหรือลบ {where} ไม่ได้ (ไม่มีสิทธิ์ เป็นแบบอ่านอย่างเดียว หรือเปิดอยู่ในโปรแกรมอื่น): "
                       f"ปิดโปรแกรมที่เปิดโฟลเดอร์นี้อยู่ หรือเลือกโฟลเดอร์อื่นด้วย --out {unchanged_th()}\n"
                       f"Cannot write or delete {where} (no permission, read-only, or open in another program): close "
                       f"what has it open, or choose another folder with --out. site/ was not changed.\n")
        assert state(root, references) == "old" and leftovers(root) == [] and deploy_files_intact(root)
        assert finished(command(root))[0] == 0 and state(root, references) == "new"


@dataclass(frozen=True)
class FullDisk:
    """The disk fills up while the new site is written (a real, small tmpfs: root only): the disk-full message,
    exit 2, the old site and its deploy files as they were, no scratch folder left."""

    spare_kb: int

    def run(self, root: Path, references: dict) -> None:
        disk = root / "disk"
        disk.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here (root only): {mounted.stderr!r}")
        try:
            prepared(disk, warm=True)
            usage = os.statvfs(disk)
            used_kb = (usage.f_blocks - usage.f_bfree) * usage.f_frsize // 1024
            subprocess.run(["mount", "-o", f"remount,size={used_kb + self.spare_kb}k", str(disk)], check=True)
            code, out, err = finished(command(disk))
            assert (code, out) == (2, ""), err
            th, en = err.splitlines()
            assert th.startswith(f"พื้นที่ดิสก์เต็มขณะเขียน {disk}") and th.endswith(
                f": ลบไฟล์ที่ไม่ใช้แล้วหรือเลือกดิสก์อื่นด้วย --out แล้วสั่งอีกครั้ง {unchanged_th()}"), th
            assert en.startswith(f"The disk is full (writing {disk}") and en.endswith(
                "): free some space, or build onto another disk with --out, and build again. site/ was not changed."), en
            assert state(disk, references) == "old" and leftovers(disk) == [] and deploy_files_intact(disk)
        finally:
            subprocess.run(["umount", str(disk)], check=True)


@dataclass(frozen=True)
class FullDiskInProcess:
    """The same, anywhere: the n-th file written fails with ENOSPC (no root needed)."""

    nth: int

    def run(self, root: Path, references: dict) -> None:
        import errno

        paths = prepared(root, warm=True)
        calls = {"count": 0}
        real = Path.write_bytes

        def write_bytes(self, data):
            calls["count"] += 1
            if calls["count"] == self_nth:
                raise OSError(errno.ENOSPC, "No space left on device", str(self))
            return real(self, data)

        self_nth = self.nth
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Path, "write_bytes", write_bytes)
            with pytest.raises(OSError) as raised:
                build_site(paths, jobs=1, as_of=AS_OF)
        assert raised.value.errno == errno.ENOSPC
        assert sitefolder.explain(raised.value, paths.out).startswith("พื้นที่ดิสก์เต็มขณะเขียน ")
        assert state(root, references) == "old" and leftovers(root) == [] and deploy_files_intact(root)


@dataclass(frozen=True)
class DamagedCache:
    """A garbled cache (garbage, or a valid file with its pages overwritten): set aside, said once, rebuilt; the
    site is the same; the build after it is warm again."""

    how: str  # "garbage" or "pages"

    def run(self, root: Path, references: dict) -> None:
        prepared(root, warm=True)
        cache = root / ".prongsai-cache" / "cache.sqlite3"
        if self.how == "garbage":
            cache.write_bytes(b"not a database, half copied from a USB stick " * 200)
        else:
            data = bytearray(cache.read_bytes())
            data[4096 * 2:] = b"\xaa" * (len(data) - 4096 * 2)
            cache.write_bytes(bytes(data))
        code, out, err = finished(command(root))
        assert code == 0 and out.startswith("สร้างเว็บไซต์สำเร็จ"), err
        assert err == (f"แคชของการสร้างเว็บไซต์เสียหาย จึงย้ายไปไว้ที่ {cache}.damaged และสร้างใหม่ (ครั้งนี้ช้ากว่าปกติ ผลลัพธ์เหมือนเดิม) | "
                       f"the build cache was damaged: it was set aside as {cache}.damaged and is made anew (this build is "
                       f"slower; the output is the same)\n")
        assert state(root, references) == "new" and cache.with_name("cache.sqlite3.damaged").is_file()
        code, out, err = finished(command(root))
        assert (code, err) == (0, "") and "(0 written, the rest unchanged)" in out


@dataclass(frozen=True)
class GarbledManifest:
    """A garbled record of the last build beside site/: nothing to compare with, the build goes on quietly."""

    def run(self, root: Path, references: dict) -> None:
        prepared(root, warm=True)
        (root / ".site-manifest.json").write_bytes(b'{"ready": {"2568": [1, \xff')
        code, out, err = finished(command(root))
        assert (code, err) == (0, "") and state(root, references) == "new"


@dataclass(frozen=True)
class Locale:
    """A locale that is not UTF-8 (LANG=C): Thai file names are still found, a Thai output folder still made."""

    def run(self, root: Path, references: dict) -> None:
        files = {**NEW, "ita/2568/O1.yaml": "chart_document:\n  title: แผนผังโครงสร้าง\n  file: files/o1/แผนผัง.pdf\n",
                 "ita/2568/files/o1/แผนผัง.pdf": pdf_bytes(2)}
        write_files(root / "content", {k: v for k, v in files.items() if k != "ita/2568/files/o1/chart.pdf"})
        environment = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
        code, out, err = finished(command(root, "--templates", str(TEMPLATES), "--out", "เว็บไซต์", env=environment))
        assert (code, err) == (0, "")
        published = root / "เว็บไซต์/ita/2568/files/o1/แผนผัง.pdf"
        assert published.read_bytes() == (root / "content/ita/2568/files/o1/แผนผัง.pdf").read_bytes()
        assert 'href="files/o1/แผนผัง.pdf"' in (root / "เว็บไซต์/ita/2568/o1.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------
# The table

WRITES = (1, 2, 3, 5, 8, 13, 21, 30, 40)
LINKS = (1, 4, 16)
POINTS_COLD = ("locked", "cleaned", "loaded", *[f"write:{n}" for n in WRITES], "renamed", "swapped", "removed-old")
POINTS_WARM = (*POINTS_COLD, *[f"link:{n}" for n in LINKS], "keep:1", "keep:2", "recorded")

PROCESS_CASES = [
    *[pytest.param(Kill(at, warm=False), id=f"kill-9-cold-{at}") for at in POINTS_COLD],
    *[pytest.param(Kill(at), id=f"kill-9-warm-{at}") for at in POINTS_WARM],
    *[pytest.param(Kill(at, swap=sitefolder.RENAME), id=f"kill-9-warm-rename-{at}")
      for at in ("write:5", "link:4", "keep:1", "moved-aside", "swapped", "removed-old")],
    pytest.param(Kill("swapped", warm=False, swap=sitefolder.RENAME), id="kill-9-cold-rename-swapped"),
    pytest.param(CtrlC("loaded"), id="ctrl-c-after-loading"),
    pytest.param(CtrlC("write:5"), id="ctrl-c-while-writing"),
    pytest.param(CtrlC("keep:1"), id="ctrl-c-moving-deploy-files"),
    pytest.param(CtrlC("swapped", published=True), id="ctrl-c-just-after-the-switch"),
    pytest.param(CtrlCWhileRendering(), id="ctrl-c-from-a-terminal-while-rendering-in-parallel"),
    pytest.param(CtrlCBatch(), id="ctrl-c-during-a-batch"),
    pytest.param(TwoBuilds(), id="two-builds-at-once"),
    pytest.param(ReadOnly("site"), id="read-only-site"),
    pytest.param(ReadOnly("project"), id="read-only-project-folder"),
    pytest.param(FullDisk(spare_kb=0), id="full-disk-tmpfs-already-full"),
    pytest.param(FullDisk(spare_kb=96), id="full-disk-tmpfs-fills-while-writing"),
    pytest.param(FullDiskInProcess(3), id="full-disk-at-the-3rd-write"),
    pytest.param(FullDiskInProcess(25), id="full-disk-at-the-25th-write"),
    pytest.param(DamagedCache("garbage"), id="damaged-cache-garbage"),
    pytest.param(DamagedCache("pages"), id="damaged-cache-pages"),
    pytest.param(GarbledManifest(), id="garbled-manifest"),
    pytest.param(Locale(), id="non-utf8-locale-thai-file-and-folder-names"),
]


@pytest.mark.parametrize("case", PROCESS_CASES)
def test_process_case(case, tmp_path, references, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    case.run(tmp_path, references)


def test_every_write_point_is_reached(tmp_path, references, monkeypatch):
    """The kill points above lie inside the build: the last write point is passed, the one after it never is."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
    paths = prepared(tmp_path, warm=False)
    assert killed_in_fork(paths, f"write:{max(WRITES)}", None) == -signal.SIGKILL
    assert killed_in_fork(paths, "write:100000", None) == 0
