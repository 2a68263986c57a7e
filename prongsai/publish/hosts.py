"""The places a site is uploaded to: a folder, an FTP or FTPS server (ftplib), an SFTP server (paramiko).

Owns the few operations a publish needs from each, with the same meaning on
all: read a file (None when there is none), put a file (under a temporary name,
mode 644, then renamed into place, so no reader ever sees half a file; its
folders made 755), delete a file, and whether an error is a dropped connection
worth retrying (transient) or a refusal that retrying cannot cure.
"""

from __future__ import annotations

import errno
import ftplib
import io
import os
import posixpath
import ssl
from pathlib import Path

from .target import KNOWN_HOSTS_FILE, Target

TIMEOUT = 30.0
BLOCK = 32 * 1024
#: errors of a network folder that come and go (a mount that dropped), worth trying again
_FOLDER_TRANSIENT = {errno.EIO, errno.ETIMEDOUT, errno.ESTALE, errno.EHOSTDOWN, errno.ENOTCONN, errno.ECONNRESET}
_REFUSALS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class LoginRefused(Exception):
    """The server refused the user name or the password; `host_key`: an SFTP server showed an unexpected key."""

    def __init__(self, detail: str, host_key: bool = False) -> None:
        super().__init__(detail)
        self.host_key = host_key


def _part_name(path: str) -> str:
    folder, name = posixpath.split(path)
    return posixpath.join(folder, f".{name}.prongsai-part")


class Host:
    """The base: paths are site paths ("ita/2568/o1.html"), joined to the target's folder by each kind."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.folders: set = set()
        self.root_made = False

    def close(self) -> None:
        pass

    def put(self, path: str, file: Path, on_bytes) -> None:
        """Upload `file` to `path`: temporary name, 644, renamed into place."""
        self.make_folders(posixpath.dirname(path))
        part = _part_name(path)
        with open(file, "rb") as source:
            self._send(source, part, on_bytes)
        self._chmod(part, 0o644)
        self._rename(part, path)

    def put_bytes(self, path: str, data: bytes) -> None:
        self.make_folders(posixpath.dirname(path))
        part = _part_name(path)
        self._send(io.BytesIO(data), part, lambda count: None)
        self._chmod(part, 0o644)
        self._rename(part, path)

    def make_folders(self, folder: str) -> None:
        """Make `folder` and its parents (755) where they are not known to exist (the target's own folder too: made
        at the first write, so a dry run makes nothing)."""
        if not self.root_made:
            self.make_root()
            self.root_made = True
        if not folder or folder in self.folders:
            return
        self.make_folders(posixpath.dirname(folder))
        if self._mkdir(folder):
            self._chmod(folder, 0o755)
        self.folders.add(folder)

    def make_root(self) -> None:
        """The target's folder and its parents, where missing (a new host's public_html)."""
        parts = [part for part in self.target.path.split("/") if part]
        for depth in range(1, len(parts) + 1):
            self._mkdir_at("/" + "/".join(parts[:depth]))

    def digest(self, path: str) -> str | None:
        """The file's sha256 where the protocol can give it without downloading it; else None."""
        return None

    def remove_empty_folder(self, folder: str) -> None:
        """Remove a folder a deletion left empty (quietly kept if it holds anything)."""


class FolderHost(Host):
    """A local or mounted folder (a network share, a USB disk)."""

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self.root = Path(target.path)

    def open(self) -> "FolderHost":
        return self

    def make_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def _at(self, path: str) -> Path:
        return self.root / path if path else self.root

    def read(self, path: str) -> bytes | None:
        try:
            return self._at(path).read_bytes()
        except FileNotFoundError:
            return None

    def _send(self, source, part: str, on_bytes) -> None:
        with open(self._at(part), "wb") as target:
            for block in iter(lambda: source.read(BLOCK), b""):
                target.write(block)
                on_bytes(len(block))

    def _chmod(self, path: str, mode: int) -> None:
        os.chmod(self._at(path), mode)

    def _rename(self, part: str, path: str) -> None:
        os.replace(self._at(part), self._at(path))

    def _mkdir(self, folder: str) -> bool:
        try:
            self._at(folder).mkdir()
            return True
        except FileExistsError:
            return False

    def delete(self, path: str) -> None:
        self._at(path).unlink(missing_ok=True)

    def remove_empty_folder(self, folder: str) -> None:
        try:
            self._at(folder).rmdir()
        except OSError:
            pass

    def digest(self, path: str) -> str | None:
        from .plan import file_digest

        file = self._at(path)
        return file_digest(file) if file.is_file() else None

    @staticmethod
    def transient(error: BaseException) -> bool:
        return isinstance(error, OSError) and error.errno in _FOLDER_TRANSIENT


class FtpHost(Host):
    """FTP, or FTPS with explicit TLS (AUTH TLS, then a protected data channel)."""

    def __init__(self, target: Target, password: str) -> None:
        super().__init__(target)
        self._password = password
        self.ftp: ftplib.FTP | None = None
        self.can_chmod = True

    def open(self) -> "FtpHost":
        if self.target.scheme == "ftps":
            context = ssl.create_default_context(cafile=self.target.cafile)
            ftp = ftplib.FTP_TLS(context=context, timeout=TIMEOUT, encoding="utf-8")
        else:
            ftp = ftplib.FTP(timeout=TIMEOUT, encoding="utf-8")
        self.ftp = ftp
        ftp.connect(self.target.host, self.target.port)
        try:
            ftp.login(self.target.user, self._password)
        except ftplib.error_perm as error:
            raise LoginRefused(str(error)) from None
        if isinstance(ftp, ftplib.FTP_TLS):
            ftp.prot_p()
        try:
            ftp.sendcmd("OPTS UTF8 ON")
        except ftplib.Error:
            pass  # servers that do not know the command take UTF-8 names anyway
        ftp.voidcmd("TYPE I")
        return self

    def close(self) -> None:
        if self.ftp is not None:
            try:
                self.ftp.close()
            except OSError:
                pass
            self.ftp = None

    def _at(self, path: str) -> str:
        return posixpath.join(self.target.path, path) if path else self.target.path

    def read(self, path: str) -> bytes | None:
        buffer = io.BytesIO()
        try:
            self.ftp.retrbinary(f"RETR {self._at(path)}", buffer.write)
        except ftplib.error_perm as error:
            if str(error).startswith("550"):
                return None
            raise
        return buffer.getvalue()

    def _send(self, source, part: str, on_bytes) -> None:
        self.ftp.storbinary(f"STOR {self._at(part)}", source, BLOCK, callback=lambda block: on_bytes(len(block)))

    def _chmod(self, path: str, mode: int) -> None:
        if not self.can_chmod:
            return
        try:
            self.ftp.sendcmd(f"SITE CHMOD {mode:o} {self._at(path)}")
        except ftplib.error_perm as error:
            if str(error)[:3] in ("500", "501", "502", "504"):  # the server has no SITE CHMOD: its defaults stand
                self.can_chmod = False
            else:
                raise

    def _rename(self, part: str, path: str) -> None:
        try:
            self.ftp.rename(self._at(part), self._at(path))
        except ftplib.error_perm:  # servers that will not rename onto an existing file
            self.ftp.delete(self._at(path))
            self.ftp.rename(self._at(part), self._at(path))

    def _mkdir(self, folder: str) -> bool:
        return self._mkdir_at(self._at(folder))

    def _mkdir_at(self, where: str) -> bool:
        try:
            self.ftp.mkd(where)
            return True
        except ftplib.error_perm:
            return False  # it exists (or cannot be made: the upload into it then says so)

    def delete(self, path: str) -> None:
        try:
            self.ftp.delete(self._at(path))
        except ftplib.error_perm:
            if self._exists(path):
                raise

    def _exists(self, path: str) -> bool:
        try:
            self.ftp.size(self._at(path))
            return True
        except ftplib.error_perm:
            return False

    def remove_empty_folder(self, folder: str) -> None:
        try:
            self.ftp.rmd(self._at(folder))
            self.folders.discard(folder)
        except ftplib.error_perm:
            pass

    @staticmethod
    def transient(error: BaseException) -> bool:
        if isinstance(error, (ftplib.error_perm, LoginRefused, ssl.SSLCertVerificationError)):
            return False
        if isinstance(error, OSError) and error.errno in _REFUSALS:
            return False
        return isinstance(error, (OSError, EOFError, ftplib.error_temp, ftplib.error_reply, ftplib.error_proto))


class SftpHost(Host):
    """SFTP (paramiko). The server's key is remembered at the first connection (.prongsai/known_hosts) and must
    match at every later one."""

    def __init__(self, target: Target, password: str, project: Path) -> None:
        super().__init__(target)
        self._password = password
        self.known_hosts = project / KNOWN_HOSTS_FILE
        self.client = self.sftp = None
        #: the fingerprint of a key seen for the first time, for the clerk to compare
        self.new_key: str | None = None

    def open(self) -> "SftpHost":
        import paramiko
        import paramiko.hostkeys

        client = paramiko.SSHClient()
        known = client.get_host_keys()
        if self.known_hosts.is_file():  # read here: paramiko's own reading and writing name no encoding
            for line in self.known_hosts.read_text(encoding="utf-8").splitlines():
                entry = paramiko.hostkeys.HostKeyEntry.from_line(line)
                if entry is not None:
                    for name in entry.hostnames:
                        known.add(name, entry.key.get_name(), entry.key)
        client.set_missing_host_key_policy(_Remember(self))
        self.client = client
        try:
            client.connect(self.target.host, self.target.port, self.target.user, self._password, timeout=TIMEOUT,
                           banner_timeout=TIMEOUT, auth_timeout=TIMEOUT, look_for_keys=False, allow_agent=False)
        except paramiko.BadHostKeyException as error:
            raise LoginRefused(str(error), host_key=True) from None
        except paramiko.AuthenticationException as error:
            raise LoginRefused(str(error)) from None
        self.sftp = client.open_sftp()
        return self

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = self.sftp = None

    def _at(self, path: str) -> str:
        return posixpath.join(self.target.path, path) if path else self.target.path

    def read(self, path: str) -> bytes | None:
        try:
            with self.sftp.open(self._at(path), "rb") as source:
                return source.read()
        except FileNotFoundError:
            return None

    def _send(self, source, part: str, on_bytes) -> None:
        with self.sftp.open(self._at(part), "wb") as target:
            target.set_pipelined(True)
            for block in iter(lambda: source.read(BLOCK), b""):
                target.write(block)
                on_bytes(len(block))

    def _chmod(self, path: str, mode: int) -> None:
        self.sftp.chmod(self._at(path), mode)

    def _rename(self, part: str, path: str) -> None:
        try:
            self.sftp.posix_rename(self._at(part), self._at(path))
        except OSError:  # a server without the posix-rename extension
            try:
                self.sftp.remove(self._at(path))
            except FileNotFoundError:
                pass
            self.sftp.rename(self._at(part), self._at(path))

    def _mkdir(self, folder: str) -> bool:
        return self._mkdir_at(self._at(folder))

    def _mkdir_at(self, where: str) -> bool:
        try:
            self.sftp.stat(where)
            return False
        except FileNotFoundError:
            pass
        try:
            self.sftp.mkdir(where, 0o755)
        except OSError as error:
            raise PermissionError(errno.EACCES, f"cannot make folder ({error})", where) from None
        return True

    def delete(self, path: str) -> None:
        try:
            self.sftp.remove(self._at(path))
        except FileNotFoundError:
            pass

    def remove_empty_folder(self, folder: str) -> None:
        try:
            self.sftp.rmdir(self._at(folder))
            self.folders.discard(folder)
        except OSError:
            pass

    @staticmethod
    def transient(error: BaseException) -> bool:
        if isinstance(error, (LoginRefused, PermissionError, FileNotFoundError)):
            return False
        if isinstance(error, OSError) and (error.errno in _REFUSALS or (error.errno is None and error.args
                                                                        and "Failure" in str(error))):
            return False
        return isinstance(error, (OSError, EOFError)) or type(error).__module__.startswith("paramiko")


class _Remember:
    """paramiko's policy for a host not yet known: remember its key (trust on first use) and say so."""

    def __init__(self, host: SftpHost) -> None:
        self.host = host

    def missing_host_key(self, client, hostname, key) -> None:
        import base64
        import hashlib

        client.get_host_keys().add(hostname, key.get_name(), key)
        self.host.known_hosts.parent.mkdir(parents=True, exist_ok=True)
        with open(self.host.known_hosts, "a", encoding="utf-8") as known:
            known.write(f"{hostname} {key.get_name()} {key.get_base64()}\n")
        fingerprint = base64.b64encode(hashlib.sha256(key.asbytes()).digest()).decode("ascii").rstrip("=")
        self.host.new_key = f"{key.get_name()} SHA256:{fingerprint}"


def open_host(target: Target, password: str, project: Path) -> Host:
    """A connected host for the target (FolderHost needs no connection); nothing left open when it fails."""
    if target.scheme == "file":
        return FolderHost(target).open()
    host = FtpHost(target, password) if target.scheme in ("ftp", "ftps") else SftpHost(target, password, project)
    try:
        return host.open()
    except BaseException:
        host.close()
        raise


def kind_of(target: Target) -> type:
    return {"file": FolderHost, "ftp": FtpHost, "ftps": FtpHost, "sftp": SftpHost}[target.scheme]


__all__ = ["Host", "FolderHost", "FtpHost", "SftpHost", "LoginRefused", "open_host", "kind_of"]
