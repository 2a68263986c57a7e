"""The hostile-input corpus (tests/hostile/cases.py): every case built by the real command in a subprocess, with a
time limit and a memory cap, and its expectation checked. Also: the corpus's size and categories, and what Python
really does with file names under a C and a TIS-620 locale.

The selected cases run a few at a time (one per core) when the first of them is asked for; each test then reports
its own case. With HOSTILE_TIMINGS=FILE, each case's time and peak memory are written to FILE (tab-separated).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML
from hostile.cases import CASES, LOCALE
from hostile.harness import RUNNERS, environment, run_case
from hostile.model import Builds, Case

CATEGORIES = {"yaml", "values", "files", "markdown", "templates", "locale", "process"}
IDS = [f"{case.category}: {case.name}" for case in CASES]


@pytest.fixture(scope="session")
def baseline(tmp_path_factory) -> Path:
    """A small project built once: content/site.yaml and the site/ it makes (each case copies it)."""
    project = tmp_path_factory.mktemp("baseline") / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "site.yaml").write_text(MINIMAL_SITE_YAML, encoding="utf-8")
    empty = Case("-", "baseline", {}, Builds())
    ran = RUNNERS["build"](empty, project, environment(empty, None))
    assert ran.status == 0 and (project / "site" / "index.html").is_file(), ran.err
    return project


@pytest.fixture(scope="session")
def locales(tmp_path_factory) -> Path | None:
    """th_TH.TIS-620 compiled into a folder of its own (LOCPATH), as an old Linux box of a clerk has it; None when
    the machine has no locale sources to compile it from."""
    folder = tmp_path_factory.mktemp("locales")
    localedef = shutil.which("localedef")
    if localedef is None:
        return None
    subprocess.run([localedef, "-i", "th_TH", "-f", "TIS-620", str(folder / "th_TH.TIS-620")], capture_output=True)
    return folder if (folder / "th_TH.TIS-620" / "LC_CTYPE").is_file() else None


def _needs_locales(case: Case) -> bool:
    return any("{locales}" in value for _, value in case.env)


@pytest.fixture(scope="session")
def outcomes(request, baseline, locales, tmp_path_factory) -> dict:
    """Every selected case's outcome, by index in CASES, run one per core."""
    selected = [item.callspec.params["case"] for item in request.session.items
                if getattr(item, "originalname", "") == "test_hostile_case"]
    runnable = [case for case in selected if locales is not None or not _needs_locales(case)]
    folders = [tmp_path_factory.mktemp("case") for _ in runnable]
    with ThreadPoolExecutor(max(1, os.cpu_count() or 1)) as pool:
        done = list(pool.map(lambda case, folder: run_case(case, baseline, folder, locales), runnable, folders))
    timings = os.environ.get("HOSTILE_TIMINGS")
    if timings:
        with open(timings, "w", encoding="utf-8") as file:
            file.writelines(f"{case.category}\t{case.name}\t{outcome.ran.seconds:.2f}\t{outcome.ran.peak_mb:.0f}\n"
                            for case, outcome in zip(runnable, done))
    return {id(case): outcome for case, outcome in zip(runnable, done)}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_hostile_case(case: Case, outcomes: dict, locales: Path | None):
    if _needs_locales(case) and locales is None:
        pytest.skip("localedef cannot compile th_TH.TIS-620 here (Debian: apt-get install locales)")
    outcome = outcomes[id(case)]
    ran = outcome.ran
    assert not outcome.wrong, (
        "\n".join(outcome.wrong) + f"\n--- exit {ran.status}, {ran.seconds:.1f} s, {ran.peak_mb:.0f} MB; stderr:\n" + ran.err[-4000:])


def test_the_corpus_is_large_and_covers_every_category():
    counts = Counter(case.category for case in CASES)
    assert sum(counts.values()) >= 100
    assert set(counts) <= CATEGORIES
    assert all(counts[category] >= 15 for category in ("yaml", "values", "files", "markdown", "templates")), counts
    assert len(set(IDS)) == len(IDS), "two cases share a name"


def _file_system_encoding(env: dict) -> str:
    code = "import sys; print(sys.getfilesystemencoding(), sys.flags.utf8_mode)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, encoding="ascii", check=True).stdout.strip()


def _without_locale() -> dict:
    return {name: value for name, value in os.environ.items() if not name.startswith(("LC_", "LANG", "PYTHONUTF8"))}


def test_python_reads_file_names_as_utf8_under_lang_c():
    """PEP 538 and 540: under LANG=C Python switches to UTF-8 by itself; the C locale needs nothing from Prongsai."""
    assert _file_system_encoding({**_without_locale(), "LANG": "C", "LC_ALL": "C"}) == "utf-8 1"


def test_python_reads_file_names_as_tis620_under_a_tis620_locale(locales):
    """...but under th_TH.TIS-620 it reads them as TIS-620: the case in which Prongsai runs itself again in UTF-8
    mode (cli._restart_in_utf8_mode), which the corpus's locale cases build under."""
    if locales is None:
        pytest.skip("localedef cannot compile th_TH.TIS-620 here")
    env = {**_without_locale(), **{name: value.format(locales=locales) for name, value in LOCALE}}
    assert _file_system_encoding(env) == "tis-620 0"


def test_the_readme_states_every_limit_as_limits_py_has_it():
    from conftest import ROOT

    from prongsai import limits

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Hostile input and limits", 1)[1].split("\n## ", 1)[0]
    for name, limit in limits.ALL.items():
        row = next((line for line in section.split("\n") if line.startswith(f"| `{name}` |")), "")
        value = limits.size_text(limit.value) if "BYTES" in name else f"{limit.value:,}"
        assert f"| {value} " in row, f"README's row for {name} does not say {value}: {row!r}"
    assert f"holds {len(CASES)} hostile inputs" in section
