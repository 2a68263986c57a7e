"""Run one command under a time limit and a memory cap; write its exit status, seconds and peak memory as JSON.

    python launch.py SECONDS CAP_BYTES RESULT_FILE COMMAND...

A small process of its own between the test run and the command: Linux counts, in a process's peak memory
(ru_maxrss), the pages of whatever process it was started from, so a build started straight from pytest would be
charged with pytest's memory. The command gets its own session (killed whole at the time limit) and
RLIMIT_AS = CAP_BYTES, so a blow-up ends in MemoryError instead of taking the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time


def main() -> None:
    seconds, cap, result, command = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.execv(command[0], command)
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if not timed_out and time.monotonic() - started > seconds:
            timed_out = True
            os.killpg(pid, signal.SIGKILL)
        time.sleep(0.01)
    with open(result, "w", encoding="utf-8") as file:
        json.dump({"status": os.waitstatus_to_exitcode(status), "seconds": time.monotonic() - started,
                   "peak_mb": usage.ru_maxrss / 1024, "timed_out": timed_out}, file)


if __name__ == "__main__":
    main()
