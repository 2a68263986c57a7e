"""Real servers for the publish tests, started by the tests on loopback ports: FTP and FTPS (pyftpdlib, with a
certificate from a throwaway CA made by trustme), SFTP (asyncssh's server), and a proxy that cuts every connection
through it after a number of bytes, as a rural link does."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

USER, PASSWORD = "clerk", "s3cret-ดงเมือง-Pw"
#: FTPS and the proxy listen on 127.0.0.2 (Linux answers the whole of 127/8 on loopback), the servers on 127.0.0.1
PROXY_HOST = "127.0.0.2"


@dataclass
class Server:
    """A running server: the URL to publish to (no password), the folder on disk that its path maps to."""

    url: str
    root: Path
    cafile: str | None = None
    stop: object = None
    #: the ports a proxy must forward (control or SSH, and FTP's passive data ports)
    ports: tuple = ()
    scheme: str = ""
    path: str = "/public_html"

    def via(self, host: str, port: int | None = None) -> str:
        port = port or self.ports[0]
        return f"{self.scheme}://{USER}@{host}:{port}{self.path}"


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for each in sockets:
        each.bind(("127.0.0.1", 0))
    ports = [each.getsockname()[1] for each in sockets]
    for each in sockets:
        each.close()
    return ports


def ftp_server(home: Path, tls: Path | None = None, cafile: str | None = None, writable: bool = True,
               passive: list | None = None) -> Server:
    """pyftpdlib serving `home` to USER/PASSWORD; with `tls` (a key and certificate PEM), FTPS that requires TLS."""
    with warnings.catch_warnings():  # on Python < 3.12 pyftpdlib uses the standard library's asyncore and asynchat
        warnings.simplefilter("ignore", DeprecationWarning)
        from pyftpdlib.authorizers import DummyAuthorizer
        from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
        from pyftpdlib.ioloop import IOLoop
        from pyftpdlib.servers import FTPServer

    logging.getLogger("pyftpdlib").setLevel(logging.ERROR)
    authorizer = DummyAuthorizer()
    authorizer.add_user(USER, PASSWORD, str(home), perm="elradfmwMT" if writable else "elr")
    handler = type("Handler", (TLS_FTPHandler if tls else FTPHandler,), {})
    handler.authorizer = authorizer
    if tls:
        handler.certfile = str(tls)
        handler.tls_control_required = handler.tls_data_required = True
    if passive:
        handler.passive_ports = passive
    # its own loop (the shared one would serve two servers' threads at once); its own socket (its binding trips
    # warnings-as-errors)
    server = FTPServer(socket.create_server(("127.0.0.1", 0)), handler, ioloop=IOLoop())
    port = server.socket.getsockname()[1]
    running = threading.Event()
    running.set()

    def loop() -> None:
        while running.is_set():
            server.serve_forever(timeout=0.01, blocking=False, handle_exit=False)
        server.close_all()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()

    def stop() -> None:
        running.clear()
        thread.join(10)

    scheme = "ftps" if tls else "ftp"
    return Server(f"{scheme}://{USER}@127.0.0.1:{port}/public_html", home / "public_html", cafile, stop,
                  (port, *(passive or ())), scheme)


def certificate(folder: Path) -> tuple[Path, Path]:
    """(the server's key and certificate PEM, the CA certificate to trust) for 127.0.0.1, 127.0.0.2, localhost."""
    import trustme

    authority = trustme.CA()
    issued = authority.issue_cert("127.0.0.1", "127.0.0.2", "localhost")
    server, trusted = folder / "server.pem", folder / "ca.pem"
    issued.private_key_and_cert_chain_pem.write_to_path(str(server))
    authority.cert_pem.write_to_path(str(trusted))
    return server, trusted


def sftp_server(home: Path, writable: bool = True) -> Server:
    """asyncssh's SSH server with SFTP only, chrooted to `home`, password login for USER."""
    import asyncssh

    connections = []

    class Login(asyncssh.SSHServer):
        def connection_made(self, connection) -> None:
            connections.append(connection)

        def begin_auth(self, username: str) -> bool:
            return True

        def password_auth_supported(self) -> bool:
            return True

        def validate_password(self, username: str, password: str) -> bool:
            return username == USER and password == PASSWORD

    class ReadOnly(asyncssh.SFTPServer):
        def _refuse(self, *args, **kwargs):
            raise asyncssh.SFTPPermissionDenied("read-only account")

        mkdir = rmdir = remove = rename = posix_rename = setstat = _refuse

        def open(self, path, pflags, attrs):
            if pflags & (asyncssh.FXF_WRITE | asyncssh.FXF_CREAT):
                self._refuse()
            return super().open(path, pflags, attrs)

    kind = asyncssh.SFTPServer if writable else ReadOnly
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    key = asyncssh.generate_private_key("ssh-ed25519")

    async def start():
        return await asyncssh.listen("127.0.0.1", 0, server_factory=Login, server_host_keys=[key], allow_scp=False,
                                     sftp_factory=lambda chan: kind(chan, chroot=str(home).encode()))

    listening = asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    port = listening.get_port()

    async def close() -> None:
        listening.close()
        await listening.wait_closed()
        for connection in connections:
            connection.close()
            await connection.wait_closed()
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    def stop() -> None:
        asyncio.run_coroutine_threadsafe(close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()

    return Server(f"sftp://{USER}@127.0.0.1:{port}/public_html", home / "public_html", None, stop, (port,), "sftp")


class CutProxy:
    """Forwards PROXY_HOST:port to 127.0.0.1:port for each port; once `cut_after` bytes have gone up through it
    (all connections together), it closes every connection it carries, once. Later connections pass."""

    def __init__(self, ports: tuple, cut_after: int | None) -> None:
        self.cut_after, self.sent, self.cuts = cut_after, 0, 0
        self.lock = threading.Lock()
        self.open: list = []
        self.listeners, self.threads = [], []
        self.running = True
        for port in ports:
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((PROXY_HOST, port))
            listener.listen(16)
            listener.settimeout(0.2)
            self.listeners.append(listener)
            self.threads.append(threading.Thread(target=self._accept, args=(listener, port), daemon=True))
            self.threads[-1].start()

    def _accept(self, listener: socket.socket, port: int) -> None:
        while self.running:
            try:
                client, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            try:
                server = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                client.close()
                continue
            for each in (client, server):  # a proxy must not hold back small writes (FTP's commands)
                each.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.open += [client, server]
            for pump in (threading.Thread(target=self._pump, args=(client, server, True), daemon=True),
                         threading.Thread(target=self._pump, args=(server, client, False), daemon=True)):
                self.threads.append(pump)
                pump.start()

    def _pump(self, source: socket.socket, target: socket.socket, upward: bool) -> None:
        try:
            while True:
                data = source.recv(16384)
                if not data:
                    break
                target.sendall(data)
                if upward:
                    self._count(len(data))
        except OSError:
            pass
        for each in (source, target):
            try:
                each.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            each.close()

    def _count(self, count: int) -> None:
        with self.lock:
            self.sent += count
            if self.cut_after is None or self.sent < self.cut_after:
                return
            self.cut_after, self.cuts = None, self.cuts + 1
            connections, self.open = self.open, []
        for each in connections:
            try:
                each.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(5)
        for each in self.listeners + self.open:
            each.close()
