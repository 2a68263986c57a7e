"""The workbench's web application: routes, the checks every request passes, and starting it.

Owns the Bench (what every handler shares: the project's paths, the store,
the guard, the live preview, the content model and today's date), the base
handler that refuses a request before any work (wrong Host: 403; no session
token or cookie: 403; a state-changing request without same origin and its
form's CSRF token: 403), the pages' Jinja environment, the route table, and
`run()`, which binds 127.0.0.1 only, prints the address with its token and
opens the browser.
"""

from __future__ import annotations

import asyncio
import sys
import webbrowser
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

import jinja2
import tornado.web
from tornado.httpserver import HTTPServer

from .. import thai
from ..pipeline import Paths
from ..memo import Memo
from ..schema import Model, load_model
from .forms import MONTH_NAMES
from .preview import LivePreview
from .security import COOKIE, Guard
from .state import framework_for
from .store import Store

#: Largest request body (an upload): a scanned PDF of a few dozen pages fits; a video does not.
MAX_UPLOAD = 25 * 1024 * 1024
HERE = Path(str(resources.files(__package__)))
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Frame-Options": "SAMEORIGIN",
}


@dataclass
class Bench:
    """Everything the handlers share for one project."""

    paths: Paths
    guard: Guard
    preview: LivePreview
    model: Model = field(default_factory=load_model)
    #: today's date (a function, so tests can fix the day)
    today: Callable[[], date] = date.today
    store: Store = None
    env: jinja2.Environment = None
    #: the fiscal years' frameworks, kept while their data files are unchanged (state.framework_for)
    frameworks: Memo = field(default_factory=Memo)
    #: the Publish page's job running now, or the last one (publishpage.Job)
    publish_job: object = None

    def __post_init__(self) -> None:
        self.store = self.store or Store(self.paths.project, self.paths.content)
        self.env = self.env or _environment()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(MONTH_NAMES=MONTH_NAMES, format_date=thai.format_date, format_month=thai.format_month)
    return env


class BaseHandler(tornado.web.RequestHandler):
    """Every page and action: the Host, the token, and for changes the origin and the form's CSRF token."""

    def initialize(self, bench: Bench) -> None:
        self.bench = bench

    def framework(self, year: int):
        """The fiscal year's framework (FrameworkMissing for a year Prongsai cannot build)."""
        return framework_for(year, self.bench.paths.project, self.bench.frameworks)

    def set_default_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.set_header(name, value)

    def check_xsrf_cookie(self) -> None:  # replaced by the per-form tokens checked in prepare()
        return None

    def prepare(self):
        guard, request = self.bench.guard, self.request
        if not guard.host_ok(request.headers.get("Host")):
            return self.refuse("ที่อยู่เครื่อง (Host) ไม่ใช่เครื่องนี้", "the Host header is not this computer's loopback address")
        query_token = self.get_query_argument("token", None)
        if not guard.token_ok(query_token, self.get_cookie(COOKIE)):
            return self.refuse("ต้องเปิดจากที่อยู่ที่โปรแกรมพิมพ์ไว้ (มีรหัสลับต่อท้าย)",
                               "open the address the program printed (it carries the session token)")
        if query_token:
            self.set_cookie(COOKIE, guard.token, httponly=True, samesite="Strict", path="/")
        if request.method not in ("GET", "HEAD"):
            return self._check_change()
        if query_token and request.method == "GET":  # keep the token out of the address bar and the history
            rest = {k: v[-1].decode() for k, v in request.query_arguments.items() if k != "token"}
            return self.redirect(request.path + ("?" + urlencode(rest) if rest else ""))
        return None

    def _check_change(self):
        guard, headers = self.bench.guard, self.request.headers
        if not guard.same_origin(headers.get("Origin"), headers.get("Referer"), headers.get("Sec-Fetch-Site")):
            return self.refuse("คำขอนี้ไม่ได้มาจากหน้าของโปรแกรมนี้", "this request does not come from a page of the workbench")
        given = headers.get("X-CSRF-Token") or self.get_body_argument("_csrf", None)
        if not guard.form_token_ok(self.request.path, given):
            return self.refuse("แบบฟอร์มหมดอายุหรือไม่ถูกต้อง โปรดเปิดหน้านี้ใหม่",
                               "the form's security token is missing or wrong: open the page again")
        return None

    def refuse(self, th: str, en: str, status: int = 403) -> None:
        self.set_status(status)
        self.finish(self.bench.env.get_template("refused.html").render(th=th, en=en, status=status))

    def csrf(self, action: str) -> str:
        return self.bench.guard.form_token(action)

    def page(self, template: str, status: int = 200, **context) -> None:
        self.set_status(status)
        progress = self.bench.preview.progress
        self.finish(self.bench.env.get_template(template).render(
            csrf=self.csrf, progress=progress, today=self.bench.today(), request_path=self.request.path, status=status,
            **context))

    def write_error(self, status_code: int, **kwargs) -> None:
        th = {404: "ไม่พบหน้านี้", 413: "ไฟล์ใหญ่เกินไป", 400: "คำขอไม่ถูกต้อง"}.get(status_code, "เกิดข้อผิดพลาดในโปรแกรม")
        en = {404: "page not found", 413: "the file is too large", 400: "bad request"}.get(status_code, "an error in the program")
        self.finish(self.bench.env.get_template("refused.html").render(th=th, en=en, status=status_code))


def make_app(bench: Bench) -> tornado.web.Application:
    from . import filepages, itempages, otherpages, publishpage

    args = {"bench": bench}
    routes = [(pattern, handler, args) for pattern, handler in
              otherpages.ROUTES + itempages.ROUTES + filepages.ROUTES + publishpage.ROUTES]
    routes.append(filepages.content_route(bench))
    routes.append((r"/static/(.*)", StaticHandler, {"path": str(HERE / "static"), "bench": bench}))
    routes.append((r"/preview/(.*)", PreviewHandler, {"path": str(bench.preview.folder), "bench": bench,
                                                      "default_filename": "index.html"}))
    return tornado.web.Application(routes, default_handler_class=NotFound, default_handler_args=args,
                                   compress_response=False)


class StaticHandler(tornado.web.StaticFileHandler):
    """The workbench's own CSS and JavaScript, behind the same checks."""

    def initialize(self, path: str, bench: Bench, default_filename: str | None = None) -> None:
        super().initialize(path, default_filename)
        self.bench = bench

    prepare = BaseHandler.prepare
    refuse = BaseHandler.refuse
    _check_change = BaseHandler._check_change

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-store")

    def write_error(self, status_code: int, **kwargs) -> None:
        BaseHandler.write_error(self, status_code, **kwargs)


    def set_extra_headers(self, path: str) -> None:
        if not path.lower().endswith((".html", ".css", ".js", ".pdf")):
            # an SVG or any other file from content/ runs no script in the workbench's origin
            self.set_header("Content-Security-Policy",
                            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")


class PreviewHandler(StaticHandler):
    """The built preview site, as a citizen will see it (never cached: it changes after every save)."""

    def should_return_304(self) -> bool:
        return False


class NotFound(BaseHandler):
    def prepare(self):
        refused = super().prepare()
        if not self._finished:
            raise tornado.web.HTTPError(404)
        return refused


def address(guard: Guard) -> str:
    return f"http://127.0.0.1:{guard.port}/?token={guard.token}"


async def _serve(bench: Bench, open_browser: bool, ready: Callable[[HTTPServer], None] | None) -> None:
    server = HTTPServer(make_app(bench), max_body_size=MAX_UPLOAD + 1024 * 1024)
    server.listen(bench.guard.port, address="127.0.0.1")
    bench.preview.start()
    url = address(bench.guard)
    print(f"เปิดโปรแกรมแก้ไขเว็บไซต์ในเบราว์เซอร์ที่ | the workbench is at:\n{url}\n"
          "(หยุดด้วย Ctrl+C หรือปิดหน้าต่างนี้ | stop with Ctrl+C or close this window)", flush=True)
    if open_browser:
        webbrowser.open(url)
    if ready is not None:
        ready(server)
    await asyncio.Event().wait()


def free_port(preferred: int) -> int:
    """The preferred port if it is free on 127.0.0.1, else one the system gives."""
    import socket

    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise OSError("no free port")


def run(paths: Paths, port: int = 8790, open_browser: bool = True) -> int:
    """Start the workbench for one project and serve until interrupted."""
    port = free_port(port)
    preview = LivePreview(paths)
    bench = Bench(paths, Guard(port), preview)
    try:
        asyncio.run(_serve(bench, open_browser, None))
    except KeyboardInterrupt:
        print("หยุดแล้ว | stopped", file=sys.stderr)
    finally:
        preview.close()
    return 0
