"""Where a site is published to: the target URL, the saved target, and the password.

Owns the URL forms (ftp://, ftps:// (explicit TLS), sftp://, file:/// and a plain
folder path), the target saved for next time in .prongsai/publish.json (beside
content/, git-ignored; never the password), and where the password comes from:
PRONGSAI_PUBLISH_PASSWORD, the system keyring, or a prompt. A password is never
read from a file under content/ or site/, never written to a file, never printed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

PASSWORD_VARIABLE = "PRONGSAI_PUBLISH_PASSWORD"
#: the project's own state folder (workbench/store.py keeps its files there too); git-ignored by init's .gitignore
SAVED_FILE = Path(".prongsai") / "publish.json"
KNOWN_HOSTS_FILE = Path(".prongsai") / "known_hosts"
KEYRING_SERVICE = "prongsai-publish"
DEFAULT_PORTS = {"ftp": 21, "ftps": 21, "sftp": 22}


class TargetError(Exception):
    """A target that cannot be used: the message says why in Thai and English."""


@dataclass(frozen=True)
class Target:
    """A place to publish to: scheme "ftp", "ftps", "sftp" or "file"."""

    scheme: str
    path: str
    user: str = ""
    host: str = ""
    port: int = 0
    #: a CA or self-signed certificate to trust for FTPS (shared hosts often have their own)
    cafile: str | None = None

    @property
    def url(self) -> str:
        """The target as the clerk writes it, without a password."""
        if self.scheme == "file":
            return self.path
        port = "" if self.port == DEFAULT_PORTS[self.scheme] else f":{self.port}"
        return f"{self.scheme}://{self.user}@{self.host}{port}{self.path}"

    @property
    def needs_password(self) -> bool:
        return self.scheme != "file"

    @property
    def account(self) -> str:
        """The keyring's name for this login."""
        return f"{self.scheme}://{self.user}@{self.host}:{self.port}"


def parse(text: str, project: Path, cafile: str | None = None) -> Target:
    """A target from --to: a URL, or a folder (relative to the project)."""
    text = text.strip()
    if "://" not in text:
        return Target("file", str((project / text).resolve()) if text else "", cafile=cafile)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return Target("file", unquote(parts.path), cafile=cafile)
    if scheme not in DEFAULT_PORTS:
        raise TargetError(f"ไม่รู้จักที่หมาย '{scheme}://' ใช้ ftp:// ftps:// sftp:// หรือโฟลเดอร์ | "
                          f"unknown target '{scheme}://': use ftp://, ftps://, sftp:// or a folder")
    if parts.password is not None:
        raise TargetError(f"อย่าใส่รหัสผ่านใน URL (จะค้างอยู่ในประวัติคำสั่ง): ตั้งตัวแปร {PASSWORD_VARIABLE} "
                          f"หรือพิมพ์เมื่อโปรแกรมถาม | do not put the password in the URL (it stays in the shell's "
                          f"history): set {PASSWORD_VARIABLE} or type it when asked")
    if not parts.username or not parts.hostname:
        raise TargetError(f"ต้องระบุชื่อผู้ใช้และเครื่อง เช่น {scheme}://user@host/public_html | "
                          f"name the user and the host, e.g. {scheme}://user@host/public_html")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise TargetError(f"หมายเลขพอร์ตไม่ถูกต้อง: {text} | not a valid port: {text}") from None
    path = unquote(parts.path) or "/"
    return Target(scheme, path.rstrip("/") or "/", unquote(parts.username), parts.hostname, port, cafile)


def check_outside(target: Target, forbidden: list[Path]) -> None:
    """A folder target must not be the content, the templates or the built site itself."""
    if target.scheme != "file":
        return
    if not target.path:
        raise TargetError("ต้องระบุโฟลเดอร์ที่หมาย | name the target folder")
    place = Path(target.path).resolve()
    for folder in forbidden:
        folder = folder.resolve()
        if place == folder or folder in place.parents or place in folder.parents:
            raise TargetError(f"ที่หมาย {place} ทับ {folder}: เลือกโฟลเดอร์อื่น | the target {place} overlaps {folder}: "
                              f"choose another folder")


def saved(project: Path) -> Target | None:
    """The target saved with --save, or None."""
    try:
        data = json.loads((project / SAVED_FILE).read_text(encoding="utf-8"))
        return parse(data["to"], project, data.get("cafile"))
    except (OSError, ValueError, KeyError, TypeError, TargetError):
        return None


def save(project: Path, target: Target) -> Path:
    """Remember the target (never its password) for the next `publish`."""
    file = project / SAVED_FILE
    file.parent.mkdir(parents=True, exist_ok=True)
    data = {"to": target.url, **({"cafile": target.cafile} if target.cafile else {})}
    file.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return file


def password(target: Target, ask=None) -> str:
    """The password: PRONGSAI_PUBLISH_PASSWORD, the keyring, else a prompt (`ask`, or getpass on a terminal)."""
    if not target.needs_password:
        return ""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    stored = _from_keyring(target)
    if stored:
        return stored
    if ask is None and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        ask = lambda: getpass.getpass(f"รหัสผ่านของ | password for {target.user}@{target.host}: ")  # noqa: E731
    if ask is not None:
        typed = ask()
        if typed:
            return typed
    raise TargetError(f"ไม่มีรหัสผ่านสำหรับ {target.user}@{target.host}: ตั้งตัวแปร {PASSWORD_VARIABLE} เก็บในที่เก็บรหัสผ่าน"
                      f"ของระบบ หรือสั่งจากหน้าต่างคำสั่งเพื่อพิมพ์ | no password for {target.user}@{target.host}: set "
                      f"{PASSWORD_VARIABLE}, keep it in the system keyring, or run from a terminal to type it")


def _from_keyring(target: Target) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, target.account)
    except Exception:  # no keyring on this machine (a server, a CI runner): not an error, just not there
        return None


def keep_in_keyring(target: Target, secret: str) -> bool:
    """Store the password in the system keyring; False where there is none."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, target.account, secret)
        return True
    except Exception:
        return False
