"""Publishing the sample over FTP to a local server: bytes on the wire and seconds, for a first publish, a one-post
change, an unchanged site, and an unchanged site built the next day (nothing may print the build date).

    python bench/publish.py [--work DIR] [--runs R]

Copies content/ into the work folder (default bench/.work/publish/, git-ignored), starts pyftpdlib on a loopback
port (pip install -e ".[test]" brings it), and behind it a counting proxy (tests/publish_servers.py), so the bytes
are every byte the client sent: FTP commands, file data and the manifest. Each step is `python build.py publish`
run in-process, timed whole (build + compare + upload) and split (the upload step alone). Prints a Markdown table
and writes bench/publish-results.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from publish_servers import PASSWORD, PROXY_HOST, CutProxy, free_ports, ftp_server  # noqa: E402

from prongsai import cli  # noqa: E402
from prongsai.publish import command  # noqa: E402

DAY = "1796169600"  # the sample's today (2 December 2569): the same bytes on every run
POST = ("---\ntitle: ประชุมประชาคมหมู่บ้าน หมู่ที่ 5\ndate: 2569-12-01\nsummary: ประชุมประชาคมเพื่อจัดทำแผนพัฒนาหมู่บ้าน\n---\n"
        "วันที่ 1 ธันวาคม 2569 อบต.ดงเมือง จัดประชุมประชาคมหมู่บ้าน หมู่ที่ 5 ณ ศาลาประชาคม มีผู้เข้าร่วม 86 คน\n")


def step(proxy: CutProxy, project: Path, url: str, timings: list) -> dict:
    """One `publish`: wall seconds, the upload step's seconds, bytes sent, files uploaded."""
    sent_before = proxy.sent
    original = command.publish  # the command's own name for it

    def timed(*args, **kwargs):
        started = time.perf_counter()
        outcome = original(*args, **kwargs)
        timings.append((time.perf_counter() - started, outcome))
        return outcome

    command.publish = timed
    try:
        started = time.perf_counter()
        os.chdir(project)
        status = cli.main(["publish", "--to", url])
        wall = time.perf_counter() - started
    finally:
        command.publish = original
    assert status == 0, f"publish exit status {status}"
    seconds, outcome = timings[-1]
    return {"wall": wall, "upload": seconds, "bytes": proxy.sent - sent_before, "files": len(outcome.uploaded),
            "file_bytes": outcome.uploaded_bytes}


def one_run(work: Path) -> dict:
    if work.exists():
        shutil.rmtree(work)
    project = work / "agency"
    shutil.copytree(ROOT / "content", project / "content")
    (work / "host").mkdir(parents=True)
    server = ftp_server(work / "host", passive=free_ports(4))
    proxy = CutProxy(server.ports, cut_after=None)
    try:
        url, timings = server.via(PROXY_HOST), []
        first = step(proxy, project, url, timings)
        (project / "content/news/2569-12-01-prachakhom-mu5.md").write_text(POST, encoding="utf-8")
        post = step(proxy, project, url, timings)
        same = step(proxy, project, url, timings)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(DAY) + 86400)  # the same content, built the next day
        next_day = step(proxy, project, url, timings)
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = DAY
        proxy.close()
        server.stop()
    return {"first": first, "one post": post, "unchanged": same, "unchanged, next day": next_day}


def table(runs: list) -> str:
    lines = ["| publish (FTP, loopback) | bytes sent | files | `publish` wall s (build + upload) | upload step s |",
             "|---|---:|---:|---:|---:|"]
    for name in ("first", "one post", "unchanged", "unchanged, next day"):
        got = [run[name] for run in runs]
        lines.append(f"| {name} | {statistics.median(g['bytes'] for g in got):,.0f} | {got[0]['files']} | "
                     f"{statistics.median(g['wall'] for g in got):.2f} | {statistics.median(g['upload'] for g in got):.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work" / "publish")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = DAY
    os.environ["PRONGSAI_PUBLISH_PASSWORD"] = PASSWORD
    here = Path.cwd()
    try:
        runs = [one_run(args.work) for _ in range(args.runs)]
    finally:
        os.chdir(here)
    text = table(runs)
    print(text)
    (ROOT / "bench" / "publish-results.md").write_text(
        f"# Publishing the sample over FTP (python bench/publish.py, median of {args.runs})\n\n{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
