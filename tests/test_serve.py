"""The live preview, as a clerk uses it: a real server, a real browser-side reload, a real file change."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import MINIMAL_SITE_YAML, TEMPLATES, write_files

EXECUTIVES = """\
executives:
  - name: นายหนึ่ง ใจดี
    position: นายก อบต.
    role: chief
    phone: "0 4300 0001"
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, wanted: str, seconds: float = 20) -> str:
    deadline, page = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if wanted in page or wanted in re.sub(r"<[^>]+>", "", page):  # a name is marked up word by word
                return page
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{wanted!r} never appeared at {url}; last page:\n{page[:500]}")


@pytest.fixture
def preview(tmp_path):
    write_files(tmp_path / "content", {"site.yaml": MINIMAL_SITE_YAML, "ita/2568/O2.yaml": EXECUTIVES})
    port = free_port()
    command = [sys.executable, "-c", "import sys; from prongsai.cli import main; sys.exit(main())",
               "serve", "--port", str(port), "--templates", str(TEMPLATES)]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8")
    try:
        wait_for(f"http://127.0.0.1:{port}/ita/2568/o2.html", "นายหนึ่ง ใจดี")
        yield tmp_path, port, process
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C, as a clerk stops it: the preview folder is deleted
        if not process.stdout.closed:
            process.communicate(timeout=10)


def test_serve_listens_on_127_0_0_1_only_and_injects_livereload(preview):
    _, port, _ = preview
    page = fetch(f"http://127.0.0.1:{port}/ita/2568/o2.html")
    assert "livereload.js" in page and "องค์การบริหารส่วนตำบลทดสอบ" in page
    with socket.socket() as sock:  # bound to 127.0.0.1, not to every address: 127.0.0.2 (also this machine) is refused
        sock.settimeout(2)
        assert sock.connect_ex(("127.0.0.2", port)) != 0


def test_a_mistake_shows_every_problem_in_the_browser_and_the_fix_brings_the_site_back(preview):
    root, port, process = preview
    url = f"http://127.0.0.1:{port}/ita/2568/o2.html"
    item = root / "content" / "ita" / "2568" / "O2.yaml"
    item.write_text(EXECUTIVES.replace("role: chief", "role: cheif") + "updated: 2024-10-01\n", encoding="utf-8")
    page = wait_for(url, "พบข้อผิดพลาดในเนื้อหา 2 รายการ")
    assert "content/ita/2568/O2.yaml:4:11" in page and "cheif" in page
    assert "content/ita/2568/O2.yaml:6:10" in page and "2567-10-01" in page
    item.write_text(EXECUTIVES.replace("นายหนึ่ง ใจดี", "นายสอง ใจดี"), encoding="utf-8")
    page = wait_for(url, "นายสอง ใจดี")
    assert "พบข้อผิดพลาด" not in page
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=10)[0]
    assert "content/ita/2568/O2.yaml:4:11" in output  # the terminal said it too
    assert "rebuilt in" in output


def test_a_change_sends_the_browser_a_reload(preview):
    from tornado.websocket import websocket_connect

    root, port, _ = preview

    async def listen() -> list:
        socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket_.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        messages = [json.loads(await socket_.read_message())]
        socket_.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/ita/2568/o2.html"}))
        await asyncio.sleep(1)  # the server registers the page before the change
        (root / "content" / "ita" / "2568" / "O2.yaml").write_text(EXECUTIVES + "updated: 2567-10-05\n", encoding="utf-8")
        while not any(m.get("command") == "reload" for m in messages):
            messages.append(json.loads(await asyncio.wait_for(socket_.read_message(), timeout=20)))
        socket_.close()
        await asyncio.sleep(0.1)
        return messages

    messages = asyncio.run(listen())
    assert messages[0]["command"] == "hello" and messages[-1]["command"] == "reload"
    wait_for(f"http://127.0.0.1:{port}/ita/2568/o2.html", "5 ตุลาคม 2567")
