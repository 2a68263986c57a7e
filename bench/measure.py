"""How bench/run.py takes a number: one timed process, and one watching server edited K times.

Owns the measuring only (no knowledge of Prongsai or Hugo beyond the commands and log patterns it is given):

  timed()          runs a command from start to exit: wall seconds, CPU seconds (user+sys of it and its
                   descendants, from os.wait4), ru_maxrss (largest single process) and the peak of the
                   summed RSS of the whole process tree, sampled from /proc every ~20 ms
  builds()         timed() several times after uncounted warm-ups, cold (outputs deleted first) or not
  edit_rebuilds()  starts a watching server, appends a line to one file K times and reads the server's own
                   log: the rebuild time it reports and the wall time from the write to that log line
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

SAMPLE_EVERY = 0.02  # seconds between RSS samples of the process tree
SERVER_ENV = {"PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "400"}


@dataclass
class Run:
    """One whole-process run."""

    wall: float
    cpu: float
    maxrss_mib: float  # ru_maxrss: the largest single process (children included), not a sum
    tree_mib: float  # peak over time of the RSS summed over the process and all its descendants (0 if not sampled)
    code: int
    #: peak over time of the PSS summed over the tree: a page shared by n processes (a forked worker's inherited
    #: memory) counts 1/n in each, so this is the memory the tree really holds (the RSS sum counts it n times)
    tree_pss_mib: float = 0.0


def _parents() -> dict[int, list[int]]:
    """pid -> its children, from every /proc/<pid>/stat (this kernel may lack /proc/<pid>/task/*/children)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # exited meanwhile
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])  # the name in (...) may hold spaces
        children.setdefault(ppid, []).append(int(name))
    return children


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0  # gone, or a zombie (no VmRSS line)


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(root: int) -> tuple[int, int]:
    """(RSS, PSS) of root and all its descendants, summed. The RSS sum counts a shared page once per process
    (an upper bound); the PSS sum splits it between them."""
    children, rss, pss, todo = _parents(), 0, 0, [root]
    while todo:
        pid = todo.pop()
        rss += _rss_kib(pid)
        pss += _pss_kib(pid)
        todo += children.get(pid, [])
    return rss, pss


def _watch(pid: int, stop: threading.Event, deadline: float, sample: bool, peak: list) -> None:
    """Sample the tree's RSS until stopped; kill the process (by its pid) if it outlives the deadline."""
    while not stop.wait(SAMPLE_EVERY):
        if sample:
            rss, pss = tree_rss_kib(pid)
            peak[0], peak[2] = max(peak[0], rss), max(peak[2], pss)
        if time.monotonic() > deadline:
            peak[1] = True
            os.kill(pid, signal.SIGKILL)
            return


def timed(cmd: list, cwd: Path, log: Path, timeout: float, sample: bool = True) -> Run:
    """Run cmd in cwd from start to exit, its output appended to log. A non-zero exit is returned, not raised."""
    with open(log, "ab") as out:
        out.write(f"\n$ (cd {cwd}; {' '.join(map(str, cmd))})\n".encode())
        out.flush()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        stop, peak = threading.Event(), [0, False, 0]
        watcher = threading.Thread(target=_watch, args=(proc.pid, stop, time.monotonic() + timeout, sample, peak),
                                   daemon=True)
        watcher.start()
        # os.wait4 rather than proc.wait(): it also gives the child's resource usage (CPU time, ru_maxrss).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        stop.set()
        watcher.join()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
    if peak[1]:
        raise TimeoutError(f"{cmd[0]} ran over {timeout:.0f} s and was stopped")
    maxrss = usage.ru_maxrss / 1024
    # A 20 ms sample can miss a short peak, and the tree's sum is never below its largest process's own peak.
    return Run(wall, usage.ru_utime + usage.ru_stime, maxrss, max(peak[0] / 1024, maxrss) if sample else 0.0, code,
               peak[2] / 1024 if sample else 0.0)


def clean(cwd: Path, outputs: tuple) -> None:
    for name in outputs:
        shutil.rmtree(cwd / name, ignore_errors=True)


def builds(cmd: list, cwd: Path, runs: int, warmup: int, log: Path, timeout: float, cold: tuple = ()) -> list[dict]:
    """runs builds after warmup uncounted ones; cold: the output folders deleted before each, and memory sampled."""
    counted = []
    for i in range(warmup + runs):
        clean(cwd, cold)
        run = timed(cmd, cwd, log, timeout, sample=bool(cold))  # memory is quoted for cold builds only
        if run.code:
            raise RuntimeError(f"{Path(str(cmd[0])).name} exited with {run.code}; see {log}")
        if i >= warmup:
            counted.append(asdict(run))
    return counted


def _seconds(match: re.Match) -> float:
    """A reported figure: group 1 the number, group 2 (if any) its unit, ms when absent."""
    unit = match.group(2) if (match.re.groups or 0) >= 2 else "ms"
    return float(match.group(1)) / (1000 if unit == "ms" else 1)


def _stop(proc: subprocess.Popen) -> None:
    """terminate, then kill, the server by its pid; then any helper it left in its own session."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the session this function created for the server (start_new_session)
    except ProcessLookupError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def edit_rebuilds(cmd: list, cwd: Path, ready: re.Pattern, rebuilt: re.Pattern, edit: Path, *, k: int,
                  pause: float, timeout: float, rebuild_timeout: float, log: Path) -> dict:
    """Start a watching server ("{port}" in cmd: a free port), wait up to timeout for it to be ready, edit one
    file k times waiting up to rebuild_timeout for each rebuild, and return what was seen ("error" if it failed)."""
    port = str(free_port())
    cmd = [str(part).replace("{port}", port) for part in cmd]
    original = edit.read_bytes()
    lines: queue.Queue = queue.Queue()
    last: deque = deque(maxlen=1)  # the server's last line, to name the cause if it dies
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace", bufsize=1, start_new_session=True,
                            env={**os.environ, **SERVER_ENV})

    def read() -> None:  # in a thread, so a silent server cannot block the measurement
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"\n$ (cd {cwd}; {' '.join(map(str, cmd))})\n")
            for line in proc.stdout:
                now = time.monotonic()
                out.write(f"{now - started:9.3f} {line}")
                out.flush()
                lines.put((now, line))
                if line.strip():
                    last.append(line.strip())
        lines.put((time.monotonic(), None))

    def wait_for(pattern: re.Pattern, timeout: float) -> tuple[float, re.Match]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                now, line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no line matching {pattern.pattern!r} within {timeout:.0f} s") from None
            if line is None:
                raise RuntimeError(f"the server exited (code {proc.wait()}: {''.join(last)}); see {log}")
            match = pattern.search(line)
            if match:
                return now, match

    threading.Thread(target=read, daemon=True).start()
    result: dict = {"reported_s": [], "wall_s": []}
    try:
        now, _ = wait_for(ready, timeout)
        result["ready_s"] = round(now - started, 3)
        for round_ in range(1, k + 1):
            time.sleep(pause)  # let the watcher settle, and keep edits apart as a person's saves would be
            while not lines.empty():
                lines.get_nowait()  # a late line from the previous round must not count for this one
            written = time.monotonic()
            with open(edit, "a", encoding="utf-8") as f:  # appended text, not a bare touch: Hugo ignores chmod events
                f.write(f"\n\nแก้ไขครั้งที่ {round_}\n")
            now, match = wait_for(rebuilt, rebuild_timeout)
            result["reported_s"].append(round(_seconds(match), 4))
            result["wall_s"].append(round(now - written, 4))
    except (TimeoutError, RuntimeError) as error:
        result["error"] = str(error)
    finally:
        edit.write_bytes(original)
        _stop(proc)
    return result
