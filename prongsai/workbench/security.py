"""The workbench's locks: who may ask, from where, and where anything may be written.

Owns the session token (in the first address printed, then in an HttpOnly
SameSite=Strict cookie), the Host check against DNS rebinding (only the
loopback names), the same-origin check and the per-form CSRF tokens that every
state-changing request needs, and `inside()`, the one function that turns a
path from a request into a path under content/ (or refuses it). Nothing here
knows about pages or YAML.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

COOKIE = "prongsai_workbench"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class Guard:
    """One session's secrets and the checks made with them."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    #: the key of the CSRF tokens (never sent to the browser)
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @property
    def origins(self) -> set[str]:
        return {f"http://{name}:{self.port}" for name in LOOPBACK_NAMES}

    def host_ok(self, host: str | None) -> bool:
        """The Host header names this server by a loopback name: a rebound DNS name is refused."""
        return host in {f"{name}:{self.port}" for name in LOOPBACK_NAMES}

    def token_ok(self, query_token: str | None, cookie: str | None) -> bool:
        return any(value and hmac.compare_digest(value.encode(), self.token.encode()) for value in (query_token, cookie))

    def same_origin(self, origin: str | None, referer: str | None, fetch_site: str | None) -> bool:
        """A state-changing request comes from a page of this server: its Origin (or, lacking one, its Referer)."""
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return False
        if origin:
            return origin in self.origins
        if referer:
            parts = urlsplit(referer)
            return f"{parts.scheme}://{parts.netloc}" in self.origins
        return False

    def form_token(self, action: str) -> str:
        """The CSRF token of one form, named by the path it posts to."""
        return hmac.new(self.key, action.encode(), hashlib.sha256).hexdigest()

    def form_token_ok(self, action: str, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(self.form_token(action), given)


class Outside(ValueError):
    """A path from a request that would lead outside content/ (or is not a plain relative path)."""


_DRIVE = re.compile(r"^[A-Za-z]:")


def inside(root: Path, relative: str) -> Path:
    """root/relative, refusing absolute paths, drive letters, '..', NUL and anything that resolves outside root."""
    text = (relative or "").replace("\\", "/")
    if not text or "\0" in text or text.startswith("/") or _DRIVE.match(text):
        raise Outside(relative)
    parts = PurePosixPath(text).parts
    if any(part in ("..", ".") or part.startswith("~") for part in parts):
        raise Outside(relative)
    base = root.resolve()
    target = (base / Path(*parts)).resolve()
    if target != base and base not in target.parents:
        raise Outside(relative)
    return target


_UNSAFE = re.compile(r"[^\w\u0E00-\u0E7F.-]+")


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name to keep: the last part of what the browser sent, Thai kept, spaces and unsafe characters as '-'."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("-", stem).strip("-._") or fallback
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())
    return (stem[:80] + (f".{ext}" if ext else "")).lstrip(".")
