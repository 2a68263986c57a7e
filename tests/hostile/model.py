"""What a hostile-input case is: the files it writes into a small project, and what the build must do with them.

A case is one line of data in cases.py. Its files are written over a small project that has already been built
once (content/site.yaml, the bundled templates when a case writes templates/, and a built site/), then the real
command runs on it in a subprocess with a time limit and a memory cap (harness.py). The expectation is either
Fails (a clear error: the file and line:column, Thai and English, exit status 1, no traceback, site/ unchanged)
or Builds (exit status 0, and nothing dangerous published).

`run` names the harness's runner: "build" (python build.py with `args`). The process cases (kill -9 at many
points, read-only folders, a full disk, two builds at once, a damaged cache) add their runners under their own
names and write their cases in the same format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


# ---- what a case writes ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    """A symbolic link to `target`; "{outside}" is a folder beside the project (secret.txt, folder/, site.yaml)."""

    target: str


@dataclass(frozen=True)
class Fifo:
    """A named pipe: opening it to read would wait for ever."""


@dataclass(frozen=True)
class Sparse:
    """A file of `size` bytes that takes no disk space (the build must refuse it by its size, never read it)."""

    size: int
    head: bytes = b"%PDF-1.4\n"


@dataclass(frozen=True)
class Repeat:
    """`unit` repeated to `size` bytes after `head`: a large file made when the case is written, not imported."""

    unit: str
    size: int
    head: str = ""
    encoding: str = "utf-8"

    def data(self) -> bytes:
        unit = self.unit.encode(self.encoding)
        body = unit * (max(0, self.size - len(self.head.encode(self.encoding))) // len(unit) + 1)
        return self.head.encode(self.encoding) + body[: self.size]


@dataclass(frozen=True)
class Made:
    """Bytes made by a function of harness.MAKERS when the case is written (a PDF, a PNG bomb, ...)."""

    maker: str
    options: tuple = ()


# ---- what the build must do --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fails:
    """A clear error: `where` is the location printed (path, or path:line:column), `th` and `en` are parts of its
    Thai and English lines; the build exits with 1, prints no traceback and leaves site/ as it was. `no_file` is a
    file (relative to the project) that must not exist afterwards: what an attack would have created."""

    where: str
    th: str
    en: str
    no_file: str = ""


@dataclass(frozen=True)
class Builds:
    """A build that succeeds: exit status 0, no traceback. None of `absent` (bytes) may be in any published file,
    ZIP attachments and the spreadsheets' XML included (the offline download's ZIP, made in
    the reader's browser, holds only published files); every (site path, bytes) of `present` must be; `not_published`
    are site paths that must not exist; `warns` is (location, part of the Thai warning) when one is expected."""

    absent: tuple = ()
    present: tuple = ()
    not_published: tuple = ()
    warns: tuple = ()


@dataclass(frozen=True)
class Case:
    category: str
    name: str
    #: path relative to the project folder -> text (written as UTF-8), bytes, or one of the makers above
    files: dict
    expect: object
    run: str = "build"
    args: tuple = ()
    #: extra environment of the subprocess, as (name, value) pairs ("{locales}" is a folder of compiled locales)
    env: tuple = ()
    #: files of the project removed before the case is written (the baseline's site.yaml, say)
    remove: tuple = field(default=())
