"""Prongsai as users install it: the wheel, installed outside the checkout, makes and builds a new agency's site.

The wheel is built from the committed files (a copy of `git ls-files`, so nothing lying in the checkout can
help it) unless CI hands over the one it built (PRONGSAI_WHEEL); it is installed with --no-deps into its own
folder, put first on the path, and run from a folder outside the checkout: `init`, a build, `check`, and
`serve` answering over http. Every module Prongsai imports at run time must be a declared dependency.
"""

from __future__ import annotations

import ast
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    given = os.environ.get("PRONGSAI_WHEEL")
    if given:
        return Path(given)
    source, dist = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        target = source / os.fsdecode(name)
        if (ROOT / target.relative_to(source)).is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((ROOT / target.relative_to(source)).read_bytes())
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(source)],
                   check=True, capture_output=True, timeout=600)
    return next(dist.glob("prongsai-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> dict:
    """The environment that runs the wheel's `prongsai` and nothing from the checkout."""
    target = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SOURCE_DATE_EPOCH")}
    environment["PYTHONPATH"] = str(target)
    return {"target": target, "env": environment}


def prongsai(installed: dict, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import sys; from prongsai.cli import main; sys.exit(main())", *args],
                          cwd=cwd, env=installed["env"], capture_output=True, encoding="utf-8", timeout=300)


def test_the_wheel_carries_the_templates_once(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(n.removeprefix("prongsai/templates/") for n in names if n.startswith("prongsai/templates/"))
    in_repository = sorted(p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file())
    assert templates == in_repository
    assert "prongsai/data/kinds.yaml" in names
    assert not [n for n in names if n.endswith(".html") and not n.startswith(("prongsai/templates/", "prongsai/workbench/templates/"))]
    assert "prongsai/workbench/templates/form.html" in names and "prongsai/workbench/static/workbench.js" in names


def test_the_installed_wheel_makes_and_builds_a_new_agency(installed, tmp_path_factory):
    place = tmp_path_factory.mktemp("elsewhere")
    where = subprocess.run([sys.executable, "-c", "import prongsai, prongsai.pipeline as p; print(prongsai.__file__); "
                            "print(p.bundled_templates())"], cwd=place, env=installed["env"], capture_output=True,
                           encoding="utf-8", check=True).stdout.split("\n")
    assert where[0].startswith(str(installed["target"])) and where[1] == str(installed["target"] / "prongsai" / "templates")
    made = prongsai(installed, place, "init", "agency")
    assert made.returncode == 0, made.stderr
    agency = place / "agency"
    built = prongsai(installed, agency)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("สร้างเว็บไซต์สำเร็จ: ") and (agency / "site/ita/index.html").is_file()
    assert oct(os.stat(agency / "site").st_mode & 0o777) == "0o755"
    checked = prongsai(installed, agency, "check")
    assert checked.returncode == 0, checked.stderr
    assert re.search(r"^ITA 25\d\d: พร้อม 0/\d+ ข้อ \| 0/\d+ items ready$", checked.stdout, re.MULTILINE), checked.stdout
    (agency / "templates").rename(agency / "own-templates")  # then the bundled ones, from inside the wheel
    assert prongsai(installed, agency, "--out", "other").returncode == 0 and (agency / "other/index.html").is_file()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_installed_wheel_serves_a_preview(installed, tmp_path_factory):
    place = tmp_path_factory.mktemp("serve")
    assert prongsai(installed, place, "init", "agency").returncode == 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "import sys; from prongsai.cli import main; sys.exit(main())", "serve",
                               "--port", str(port)], cwd=place / "agency", env=installed["env"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        deadline, page = time.monotonic() + 60, ""
        while time.monotonic() < deadline and "<html" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, server.communicate()[1].decode("utf-8", "replace")
                time.sleep(0.2)
        assert "<html" in page
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, as a clerk stops it
        server.communicate(timeout=30)


def test_every_module_imported_at_run_time_is_a_declared_dependency():
    imported = set()
    for file in (ROOT / "prongsai").glob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "prongsai"}
    import importlib.metadata

    distributions = importlib.metadata.packages_distributions()
    needed = {distributions[name][0].lower() for name in third_party}
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0].lower() for line in project["dependencies"]}
    assert needed - declared == set()
    assert {"tornado", "filelock", "markupsafe"} <= declared
