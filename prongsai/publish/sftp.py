"""SFTP (paramiko): the same operations as hosts.py's, over SSH's file transfer.

Owns the connection (password login, no agent or key files looked for), the
server's key (remembered at the first connection in .prongsai/known_hosts,
shown once as its SHA-256 fingerprint, and required to match at every later
one: a changed key is refused as LoginRefused(host_key=True)), and which
errors are refusals (permission denied, a failure status) rather than a
dropped connection.
"""

from __future__ import annotations

import errno
import posixpath
from pathlib import Path

from .hosts import BLOCK, REFUSALS, TIMEOUT, Host, LoginRefused
from .target import KNOWN_HOSTS_FILE, Target


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
        if isinstance(error, OSError) and (error.errno in REFUSALS or (error.errno is None and error.args
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
