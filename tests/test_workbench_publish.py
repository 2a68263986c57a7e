"""The workbench's Publish page: the same publish as the command, from a button: the dry-run list, the progress
while it runs, the result; the typed password used once and never shown again."""

from __future__ import annotations

import time

import pytest
from publish_servers import PASSWORD, ftp_server
from workbench_server import Running, sample_project

from prongsai.publish.plan import MANIFEST_NAME
from prongsai.publish.target import PASSWORD_VARIABLE


@pytest.fixture
def running(tmp_path, monkeypatch):
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    server = Running(sample_project(tmp_path))
    yield server
    server.close()


def tree(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST_NAME}


def finished(client) -> str:
    """The Publish page once the job is done (it reloads itself every second while it runs)."""
    for _ in range(600):
        page = client.get("/publish")
        assert page.status == 200
        if 'http-equiv="refresh"' not in page.text:
            return page.text
        assert 'role="status"' in page.text  # the progress: building, comparing or the upload's line
        time.sleep(0.2)
    raise AssertionError("the publish did not finish")


def test_dry_run_then_publish_to_a_folder_from_the_page(running, tmp_path):
    client, host = running.client(), tmp_path / "www"
    form = client.form("/publish")
    answer = client.submit(form, {"to": str(host), "action": "dry-run"})
    assert answer.status == 302 and answer.headers["Location"] == "/publish"
    page = finished(client)
    assert "ทดลองเท่านั้น ยังไม่ได้ส่งอะไร: จะอัปโหลด " in page and "  + index.html (" in page and not host.exists()
    answer = client.submit(client.form("/publish"), {"to": str(host), "action": "publish", "save": "1"})
    page = finished(client)
    assert "เผยแพร่สำเร็จ: อัปโหลด " in page and "Published: uploaded " in page
    assert tree(host) == tree((running.project / "site").resolve())
    assert f'value="{host}"' in client.get("/publish").text, "the saved target fills the form next time"


def test_a_typed_password_is_used_once_and_never_shown(running, tmp_path):
    home = tmp_path / "ftp"
    home.mkdir()
    server = ftp_server(home)
    try:
        client = running.client()
        client.submit(client.form("/publish"), {"to": server.url, "password": PASSWORD, "action": "publish"})
        page = finished(client)
    finally:
        server.stop()
    assert "เผยแพร่สำเร็จ: อัปโหลด " in page and PASSWORD not in page
    assert tree(server.root) == tree((running.project / "site").resolve())
    assert 'type="password"' in page and 'name="password" type="password" autocomplete="current-password"' in page


def test_no_password_and_no_target_are_said_on_the_page(running):
    client = running.client()
    answer = client.submit(client.form("/publish"), {"to": "ftp://clerk@127.0.0.1/x", "action": "publish"})
    assert answer.status == 422
    assert ("ไม่มีรหัสผ่านสำหรับ clerk@127.0.0.1: ตั้งตัวแปร PRONGSAI_PUBLISH_PASSWORD เก็บในที่เก็บรหัสผ่านของระบบ "
            "หรือสั่งจากหน้าต่างคำสั่งเพื่อพิมพ์") in answer.text
    answer = client.submit(client.form("/publish"), {"to": "", "action": "publish"})
    assert answer.status == 422 and "give a target, e.g. ftp://user@host/public_html" in answer.text
