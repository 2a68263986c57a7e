"""Scaffolding: stubs that build, a new fiscal year, a new agency's project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT, TEMPLATES

from prongsai import Paths, build_site, yamlio
from prongsai.framework import available_years, load_framework
from prongsai.pipeline import load_site
from prongsai.readiness import check_year
from prongsai.scaffold import ScaffoldError, item_stub, new_item, new_year
from prongsai.schema import load_model

MODEL = load_model()


def run(cwd, *args):
    command = [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c",
               "import sys; from prongsai.cli import main; sys.exit(main())", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.mark.parametrize("code", list(load_framework(2568).items))
def test_every_stub_names_what_the_assessor_checks_and_uncomments_to_valid_yaml(code):
    item = load_framework(2568).items[code]
    stub = item_stub(item, MODEL.kinds[item.kind], 2568)
    assert stub.startswith(f"# {code} {item.name_th} ปีงบประมาณ พ.ศ. 2568\n")
    assert all(f"#   - {element.th} [{element.confidence}]" in stub for element in item.elements)
    doc, problems = yamlio.parse(stub, "stub.yaml")
    assert problems == [] and doc.data is None  # comments only: an item not written yet
    body = stub.split("\n\n", 1)[1]
    uncommented = "\n".join(line[2:] if line.startswith("# ") else line for line in body.split("\n"))
    doc, problems = yamlio.parse(uncommented, "stub.yaml")
    assert problems == [] and set(doc.data) == {f.name for f in MODEL.kinds[item.kind].record.fields}


def test_new_writes_a_stub_that_builds_and_never_overwrites(scratch):
    paths = scratch({})
    written = new_item(MODEL, paths.content, "o12", 2568)
    assert written == paths.content / "ita" / "2568" / "O12.yaml"
    build_site(paths)
    assert "ยังไม่ได้เผยแพร่ข้อมูลข้อ O12" in (paths.out / "ita/2568/o12.html").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="ไม่เขียนทับ"):
        new_item(MODEL, paths.content, "O12", 2568)
    with pytest.raises(ScaffoldError, match="ไม่มีข้อ O99"):
        new_item(MODEL, paths.content, "O99", 2568)


def test_init_makes_a_project_that_builds_and_whose_check_lists_every_item(tmp_path):
    project = tmp_path / "อบต ใหม่"  # Thai and a space in the path, as on a clerk's PC
    result = run(tmp_path, "init", str(project), "--year", "2568")
    assert result.returncode == 0, result.stderr
    assert (project / "templates" / "base.html").is_file() and (project / "content" / "site.yaml").is_file()
    built = run(project)
    assert built.returncode == 0, built.stderr
    assert "ITA 2568: พร้อม 0/28 ข้อ" in built.stdout
    checked = run(project, "check", "--as-of", "2568-04-15")
    assert checked.returncode == 0 and checked.stdout.count("ไม่ผ่าน [FAIL]") == 28
    assert "content/ita/2568/O12.yaml" in checked.stdout
    assert run(tmp_path, "init", str(project)).returncode == 1  # never into a folder with files


@pytest.mark.skipif(2569 not in available_years(), reason="needs the ITA 2569 framework data")
def test_new_year_carries_current_items_by_kind_and_stubs_the_rest(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for later in (content / "ita").iterdir():  # the sample's own later years: start 2569 again from 2568
        if int(later.name) > 2568:
            shutil.rmtree(later)
    written = new_year(MODEL, content, 2569)
    framework = load_framework(2569)
    assert [p.name for p in written] == [f"{code}.yaml" for code in framework.items]
    carried = {i.code for i in framework.items.values() if i.period == "current"}
    paths = Paths(project=tmp_path, content=content, templates=TEMPLATES, out=tmp_path / "site")
    loaded = load_site(paths)
    year = loaded.site.years[2569]
    for code, entry in year.items.items():
        assert (entry.values is not None) == (code in carried), code
    report = check_year(year, loaded.site, loaded.model, date(2026, 4, 15))
    assert report.ready < len(report.items)
    build_site(paths)
    with pytest.raises(ScaffoldError):
        new_year(MODEL, content, 2569)
