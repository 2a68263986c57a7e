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

from conftest import BUILD_DATE_EPOCH, MINIMAL_SITE_YAML, PROCUREMENT_YAML, ROOT, TEMPLATES, leftovers, pdf_bytes, png_bytes, \
    write_files
from prongsai import sitefolder
from prongsai.pipeline import Paths, build_site

AS_OF = date(2025, 11, 26)
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
#: The next version: one post edited, one gone, one new, an item's text changed.
NEW = {
    **{name: body for name, body in OLD.items() if name != "news/2567-10-04-post-4.md"},
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
