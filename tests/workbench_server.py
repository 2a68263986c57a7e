"""A workbench running on a thread for tests, and an HTTP client that submits its forms as a browser would."""

from __future__ import annotations

import asyncio
import http.client
import json
import shutil
import threading
import uuid
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from conftest import ROOT, TEMPLATES
from prongsai.pipeline import Paths
from prongsai.workbench.app import Bench, free_port, make_app
from prongsai.workbench.preview import LivePreview
from prongsai.workbench.security import COOKIE, Guard

#: Today in the brief: 2 December 2569 BE, fiscal year 2570.
TODAY = date(2026, 12, 2)


class Running:
    """One workbench on 127.0.0.1, stopped by close()."""

    def __init__(self, project: Path, today: date = TODAY, jobs: int = 1) -> None:
        self.project = project
        self.paths = Paths(project, project / "content", TEMPLATES, project / "site")
        self.port = free_port(0)
        self.bench = Bench(self.paths, Guard(self.port), LivePreview(self.paths, jobs=jobs), today=lambda: today)
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        self._ready.wait(10)
        self.bench.preview.start().result()

    def _serve(self) -> None:
        from tornado.httpserver import HTTPServer

        asyncio.set_event_loop(self.loop)
        self.server = HTTPServer(make_app(self.bench), max_body_size=40 * 1024 * 1024)
        self.server.listen(self.port, address="127.0.0.1")
        self._ready.set()
        self.loop.run_forever()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return self.bench.guard.token

    def client(self) -> "Client":
        return Client(self)

    def close(self) -> None:
        async def stop() -> None:
            self.server.stop()
            await self.server.close_all_connections()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
        self.bench.preview.close()


def sample_project(tmp_path: Path) -> Path:
    """A copy of the repository's sample content: tests never write into the checkout."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    return project


class Response:
    def __init__(self, status: int, headers: dict, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> dict:
        return json.loads(self.body)


class Client:
    """Requests with the session cookie and this server's Origin, unless told otherwise."""

    def __init__(self, running: Running) -> None:
        self.running = running

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                cookie: bool = True, origin: bool = True) -> Response:
        sent = {"Host": f"127.0.0.1:{self.running.port}"}
        if cookie:
            sent["Cookie"] = f"{COOKIE}={self.running.token}"
        if origin and method != "GET":
            sent["Origin"] = self.running.base
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.running.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            return Response(answer.status, dict(answer.getheaders()), answer.read())
        finally:
            connection.close()

    def get(self, path: str, **options) -> Response:
        return self.request("GET", path, **options)

    def post(self, path: str, fields, **options) -> Response:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **options.pop("headers", {})}
        return self.request("POST", path, urlencode(fields).encode("utf-8"), headers=headers, **options)

    def form(self, path: str, action: str | None = None) -> "Form":
        page = self.get(path)
        assert page.status == 200, page.text[:500]
        return Form.read(page.text, action or urlsplit(path).path)

    def submit(self, form: "Form", changes: dict | None = None, **options) -> Response:
        fields = [(name, value) for name, value in form.fields if name not in (changes or {})]
        fields += list((changes or {}).items())
        return self.post(form.action, fields, **options)

    def upload(self, target: str, slot: str, filename: str, data: bytes, replace: bool = False, csrf: str | None = None,
               **options) -> Response:
        boundary = uuid.uuid4().hex
        parts = [("target", target), ("slot", slot)] + ([("replace", "1")] if replace else [])
        body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
                        for name, value in parts)
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        token = csrf if csrf is not None else self.running.bench.guard.form_token("/upload")
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "X-CSRF-Token": token,
                   **options.pop("headers", {})}
        return self.request("POST", "/upload", body, headers=headers, **options)

    def multipart(self, path: str, fields: list, files: dict, **options) -> Response:
        boundary = uuid.uuid4().hex
        body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
                        for name, value in fields)
        for name, (filename, data) in files.items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
                            **options)


class Form(HTMLParser):
    """The fields a browser would submit from the page's form (not those inside <template>), in document order."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.fields: list = []
        self._in_form = False
        self._template = 0
        self._select: str | None = None
        self._select_value: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None
        self._text = ""

    @classmethod
    def read(cls, html: str, action: str) -> "Form":
        form = cls(action)
        form.feed(html)
        return form

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("action") == self.action and a.get("method") == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "template":
            self._template += 1
        if self._template:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit", "checkbox"):
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
            self.fields.append((a["name"], a.get("value", "on")))
        elif tag == "select":
            self._select, self._select_value, self._first_option = a.get("name"), None, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
            if "selected" in a:
                self._select_value = a.get("value", "")
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        if tag == "template" and self._template:
            self._template -= 1
        if self._template or not self._in_form:
            return
        if tag == "select" and self._select:
            self.fields.append((self._select, self._select_value if self._select_value is not None else self._first_option))
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self.fields.append((self._textarea, text))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text += data

    def value(self, name: str) -> str:
        return dict(self.fields)[name]
