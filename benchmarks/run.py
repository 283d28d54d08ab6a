"""gxlint's speed and memory budgets, measured side by side on this machine.

    python benchmarks/run.py            # the full run (a few minutes); writes benchmarks/results.json
    python benchmarks/run.py --quick    # fewer repetitions, for a quick look while optimising

Run it with the Python of the environment gxlint is installed in.  Every budget is a ratio of two
things measured in the same run, alternating, so that a shared, noisy machine slows both sides:

1. cold start: ``gxlint examples/shili-county-2021.txt`` against ``python -c "import lark, pluggy,
   click"`` (the floor the design imposes), median of many alternating runs; ``python -X
   importtime`` of the same cold start is recorded in the results;
2. throughput over a generated corpus of 1,000 varied reports (benchmarks/generate.py) with
   ``--jobs 1`` and ``--jobs 2``, the median and the best of alternating runs;
3. scaling: a report 100 times the typical size against the typical one (in one process, parse +
   all rules), single 1 MB lines of adversarial text, and a file of many reports (the example
   concatenated 200 times against 100 times: many tables and many sentences repeating their numbers);
4. peak resident memory of ``gxlint --jobs 1`` over 1,000 files against 10 files.

Timed assertions live here only, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

EXAMPLE = ROOT / "examples" / "shili-county-2021.txt"
CORPUS = HERE / "corpus"
RESULTS = HERE / "results.json"
PY = sys.executable
FLOOR = [PY, "-c", "import lark, pluggy, click"]

BUDGETS = {
    "cold_start_ratio": ("≤", 1.5),
    "throughput_jobs1": ("≥", 200.0),
    "jobs2_speedup": ("≥", 1.7),
    "size_100x_time_ratio": ("≤", 120.0),
    "adversarial_worst_seconds": ("<", 1.0),
    "concat_doubling_ratio": ("≤", 2.6),
    "parse_seed_ms": ("≤", 10.0),
    "rss_1000_over_10": ("≤", 1.2),
}


# -- helpers ------------------------------------------------------------------------------------------


def gxlint_cmd() -> list[str]:
    script = Path(PY).parent / ("gxlint.exe" if os.name == "nt" else "gxlint")
    if script.exists():
        return [str(script)]
    found = shutil.which("gxlint")
    if found:
        return [found]
    return [PY, "-m", "gxlint.cli"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what an installed wheel does: bytecode cached
    e["NO_COLOR"] = "1"
    return e


def run(cmd: list[str], environ: dict[str, str] | None = None) -> float:
    return run_cpu(cmd, environ)[0]


def run_cpu(cmd: list[str], environ: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process (its own children included)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty child cannot block on it
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=environ or env(), cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        errors = err.read().decode("utf-8", "replace")
    if code not in (0, 1):  # 1: findings; anything else means the numbers would measure a failure
        raise RuntimeError(f"{' '.join(cmd)} exited with {code}:\n{errors[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


# A process's ru_maxrss includes the memory of whatever it was forked from until it exec'd (Linux
# keeps the high-water mark across exec), so a child of this big benchmark process would report
# this process's size.  A small launcher process runs the command and reports its peak instead.
_RSS_LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(os.wait4(p.pid, 0)[2].ru_maxrss)"
)


def peak_rss(cmd: list[str]) -> int:
    """Peak resident set size of one run of ``cmd``, in KiB (Linux ru_maxrss)."""
    out = subprocess.run([PY, "-c", _RSS_LAUNCHER, *cmd], capture_output=True, text=True, env=env(), cwd=ROOT)
    return int(out.stdout.strip())


def say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


# -- setup ---------------------------------------------------------------------------------------------


def precompile() -> list[str]:
    """Write bytecode for gxlint's packages, as installing a wheel does (the floor's packages have it)."""
    code = (
        "import importlib.util, json; print(json.dumps([str(__import__('pathlib').Path("
        "importlib.util.find_spec(n).origin).parent) for n in ('gxlint', 'gxlint_rules', 'gxlint.grammar')]))"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env(), check=True).stdout
    dirs = json.loads(out)
    subprocess.run([PY, "-m", "compileall", "-q", *dirs], env=env(), check=True, stdout=subprocess.DEVNULL)
    return dirs


def lark_cache_hit() -> dict:
    """Whether a fresh process loads the grammar from Lark's cache instead of rebuilding it."""
    code = (
        "import logging, io\nfrom lark import logger\nbuf = io.StringIO()\nh = logging.StreamHandler(buf)\n"
        "logger.addHandler(h); logger.setLevel(logging.DEBUG)\nfrom gxlint.read.outline import parser\nparser()\n"
        "print(buf.getvalue())"
    )
    run([PY, "-c", code])  # the first process may have to write the cache
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env(), cwd=ROOT).stdout
    hit = "Loading grammar from cache" in out
    return {"hit": hit, "temp_dir": tempfile.gettempdir(), "log": out.strip()[:500]}


def ensure_corpus(count: int, seed: int) -> Path:
    target = CORPUS / f"reports-{count}-{seed}"
    manifest = CORPUS / f"{target.name}.manifest.json"
    if not (manifest.exists() and len(list(target.glob("*.txt"))) == count):
        say(f"generating {count} reports (seed {seed}) in {target} ...")
        generate.write_corpus(target, count, seed)
    return target


def rule_count() -> int:
    out = subprocess.run(
        gxlint_cmd() + ["rules", "-f", "json"], capture_output=True, text=True, env=env(), cwd=ROOT
    )
    try:
        return len(json.loads(out.stdout))
    except ValueError:
        return -1


# -- 1. cold start -------------------------------------------------------------------------------------


def cold_start(runs: int) -> dict:
    cmd = gxlint_cmd() + [str(EXAMPLE.relative_to(ROOT))]
    for _ in range(3):
        run(FLOOR), run(cmd)
    floor, lint = [], []
    for _ in range(runs):
        floor.append(run(FLOOR))
        lint.append(run(cmd))
    f, g = statistics.median(floor), statistics.median(lint)
    # the very first run on a machine: no cached parser or patterns yet (an empty temp dir each time)
    first = []
    for _ in range(max(3, runs // 3)):
        with tempfile.TemporaryDirectory() as fresh:
            first.append(run(cmd, {**env(), "TMPDIR": fresh}))
    return {
        "floor_ms": f * 1000,
        "gxlint_ms": g * 1000,
        "ratio": g / f,
        "first_run_ms": statistics.median(first) * 1000,
        "first_run_ratio": statistics.median(first) / f,
        "runs": runs,
        "floor_min_ms": min(floor) * 1000,
        "gxlint_min_ms": min(lint) * 1000,
        "command": " ".join(cmd),
        "floor_command": " ".join(FLOOR),
    }


def cold_instructions() -> dict:
    """The cold start counted in machine instructions (valgrind's callgrind), floor and gxlint: a
    count that, unlike time, the machine's other load does not change, so that a change's effect
    on the cold start can be seen on a busy machine.  Hash randomisation is off so that two counts
    of the same code agree exactly.  Empty when valgrind is not installed."""
    if shutil.which("valgrind") is None:
        return {}
    script = gxlint_cmd()
    lint = ([PY] + script if script[0] != PY else script) + [str(EXAMPLE.relative_to(ROOT))]
    e = env()
    e["PYTHONHASHSEED"] = "0"
    base = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    procs = {
        name: subprocess.Popen(
            base + cmd, cwd=ROOT, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        for name, cmd in (("floor", FLOOR), ("gxlint", lint))
    }
    out = {}
    for name, proc in procs.items():
        _, err = proc.communicate()
        counts = [line.split()[-1] for line in err.splitlines() if "Collected :" in line]
        out[name] = int(counts[-1]) if counts else 0
    if not out.get("floor") or not out.get("gxlint"):
        return {}
    out["ratio"] = out["gxlint"] / out["floor"]
    return out


_LOADER = "from gxlint.plugins import discovery as d; "
_ENTRY_POINTS = {
    "importlib.metadata": _LOADER + "import importlib.metadata as m; list(m.entry_points(group='gxlint'))",
    "gxlint's scan": _LOADER + "d._scan_entry_points('gxlint')",
    "nothing (python -c pass)": _LOADER,
}


def entry_points(runs: int) -> dict:
    """What finding the plugins' entry points costs a cold process that has imported the plugin
    loader: the standard library's importlib.metadata against gxlint's own scan of the
    distributions' entry_points.txt files (docs/performance.md: why the scan is kept).  Median ms
    beyond the loader's import, of ``runs`` alternating processes."""
    times: dict[str, list[float]] = {name: [] for name in _ENTRY_POINTS}
    for _ in range(runs):
        for name, code in _ENTRY_POINTS.items():
            times[name].append(run([PY, "-c", code]))
    base = statistics.median(times["nothing (python -c pass)"])
    return {
        name: round((statistics.median(t) - base) * 1000, 1)
        for name, t in times.items()
        if name != "nothing (python -c pass)"
    }


def importtime() -> dict:
    """``python -X importtime`` of the cold start, and which imports gxlint adds to the floor."""
    script = gxlint_cmd()
    target = [script[0]] if script[0] != PY else ["-m", "gxlint.cli"]
    err = subprocess.run(
        [PY, "-X", "importtime", *target, str(EXAMPLE.relative_to(ROOT))],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
    ).stderr
    floor_err = subprocess.run(
        [PY, "-X", "importtime", "-c", "import lark, pluggy, click"],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
    ).stderr
    floor_modules = {row[2] for row in map(_parse, floor_err.splitlines()) if row}
    rows = [row for row in map(_parse, err.splitlines()) if row]
    extra = [row for row in rows if row[2] not in floor_modules]
    top = sorted(extra, key=lambda row: -row[0])[:15]
    return {
        "lines": [line for line in err.splitlines() if line.startswith("import time:")],
        "self_us_total": sum(row[0] for row in rows),
        "self_us_beyond_floor": sum(row[0] for row in extra),
        "modules_beyond_floor": len(extra),
        "top_self_beyond_floor": [{"module": row[2], "self_us": row[0]} for row in top],
    }


_STAGES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
import lark, pluggy, click
mark("the floor's imports (lark, pluggy, click)")
import gxlint.cli, gxlint.run.linter, gxlint.run.discover, gxlint.run.runner, gxlint.output.text
mark("importing gxlint (cli, engine, model, reader)")
from gxlint.plugins import discovery as plugins
found = plugins.cached()
mark("finding and loading plugins (rule modules)")
from gxlint.run.linter import Linter
linter = Linter(plugins=found)
mark("templates and label indices (Linter)")
from gxlint.read.outline import parser
parser()
mark("Lark parser from its cache")
path = sys.argv[1]
from gxlint.run.runner import lint_one
lint_one(linter, path)
mark("first file: read, parse, rules")
lint_one(linter, path)
mark("the same file again (warm)")
print(json.dumps([(name, (t - marks[i][1]) * 1000) for i, (name, t) in enumerate(marks[1:])]))
"""


def stages(runs: int) -> list[tuple[str, float]]:
    """Where a cold start's time goes beyond the floor, stage by stage (median of ``runs`` processes)."""
    samples: list[list[tuple[str, float]]] = []
    for _ in range(runs):
        out = subprocess.run(
            [PY, "-c", _STAGES, str(EXAMPLE)], capture_output=True, text=True, env=env(), cwd=ROOT
        )
        if out.returncode == 0:
            samples.append(json.loads(out.stdout))
    if not samples:
        return []
    return [(name, statistics.median(s[i][1] for s in samples)) for i, (name, _) in enumerate(samples[0])]


def _parse(line: str) -> tuple[int, int, str, int] | None:
    """(self us, cumulative us, module, nesting depth) of one ``-X importtime`` line."""
    if not line.startswith("import time:"):
        return None
    parts = line[len("import time:") :].split("|")
    try:
        self_us, cumulative = int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        return None  # the header line
    raw = parts[2]
    return self_us, cumulative, raw.strip(), (len(raw) - len(raw.lstrip()) - 1) // 2


# -- 2. throughput ---------------------------------------------------------------------------------------


def throughput(corpus: Path, count: int, repeats: int) -> dict:
    """``--jobs 1`` and ``--jobs 2`` over the corpus, alternating.  On a machine shared with others
    the same command on the same files can take nearly twice as long from one minute to the next
    (docs/performance.md): the median measures the neighbours as much as gxlint, so the best run is
    kept as well (what ``timeit`` reports, for the same reason: slower runs are other processes,
    not the code)."""
    base = gxlint_cmd() + ["--exit-zero", "--format", "concise"]
    run(base + ["--jobs", "1", str(corpus)])  # warm the page cache
    one, two, cpu, floor = [], [], [], []
    load = os.getloadavg()[0]
    for _ in range(repeats):
        # the floor beside each run: how fast the machine is in this minute (a throughput read
        # without it cannot be compared with one measured on another machine or in another hour)
        floor.extend(run(FLOOR) for _ in range(3))
        wall, used = run_cpu(base + ["--jobs", "1", str(corpus)])
        one.append(wall)
        cpu.append(used)
        two.append(run(base + ["--jobs", "2", str(corpus)]))
    t1, t2, c1 = statistics.median(one), statistics.median(two), statistics.median(cpu)
    return {
        "files": count,
        "jobs1_seconds": t1,
        "jobs2_seconds": t2,
        "jobs1_reports_per_s": count / t1,
        "jobs2_reports_per_s": count / t2,
        "jobs2_speedup": t1 / t2,
        "repeats": repeats,
        "jobs1_all_seconds": one,
        "jobs1_best_seconds": min(one),
        "jobs1_best_reports_per_s": count / min(one),
        "jobs2_all_seconds": two,
        "jobs2_best_speedup": min(one) / min(two),
        "jobs1_cpu_seconds": c1,
        "jobs1_reports_per_cpu_s": count / c1,
        "floor_ms": statistics.median(floor) * 1000,
        "floor_command": " ".join(FLOOR),
        "load_average_before": load,
        "load_average_after": os.getloadavg()[0],
        "cpu_count": os.cpu_count(),
    }


def findings_summary(corpus: Path) -> dict:
    """Findings per rule code over the corpus (a GX000 here is a rule crashing on realistic input)."""
    out = subprocess.run(
        gxlint_cmd() + ["--exit-zero", "--format", "json-lines", "--jobs", "2", str(corpus)],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
    ).stdout
    codes: dict[str, int] = {}
    files: set[str] = set()
    for line in out.splitlines():
        try:
            f = json.loads(line)
        except ValueError:
            continue
        codes[f["code"]] = codes.get(f["code"], 0) + 1
        files.add(f["path"])
    return {"by_code": dict(sorted(codes.items())), "files_with_findings": len(files)}


_RULE_COSTS = r"""
import glob, json, sys, time
from gxlint.plugins import discovery as plugins_mod
from gxlint.read.build import build_report
from gxlint.run.linter import Linter
from gxlint.read.source import read_path
files = sorted(glob.glob(sys.argv[1] + "/*.txt"))[: int(sys.argv[2])]
shared = plugins_mod.cached()
base = Linter(isolated=True, plugins=shared)
settings = base.settings(None)
start = time.process_time()
reports = [build_report(read_path(f), base.context) for f in files]
read_and_parse = (time.process_time() - start) / len(files)
costs = {}
for code in sorted(base.rules):
    linter = Linter(isolated=True, plugins=shared, overrides={"select": [code]})
    one = linter.settings(None)
    start = time.process_time()
    for report in reports:
        linter.lint_report(report, one)
    costs[code] = (time.process_time() - start) / len(reports)
print(json.dumps({"reports": len(reports), "read_and_parse_ms": read_and_parse * 1000,
                  "rules_ms": {c: v * 1000 for c, v in sorted(costs.items(), key=lambda kv: -kv[1])}}))
"""


def rule_costs(corpus: Path, count: int) -> dict:
    """CPU time per report of reading and parsing, and of each rule alone (to find a slow rule)."""
    out = subprocess.run(
        [PY, "-c", _RULE_COSTS, str(corpus), str(count)], capture_output=True, text=True, env=env(), cwd=ROOT
    )
    if out.returncode != 0:
        return {"error": out.stderr[-2000:]}
    return json.loads(out.stdout)


_PARSE_SEEDS = r"""
import json, statistics, sys, time
from gxlint import parse_bytes
out = {}
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    parse_bytes(data, path)  # the parser is built (or loaded from its cache) once per process
    times = []
    for _ in range(int(sys.argv[1])):
        start = time.perf_counter()
        parse_bytes(data, path)
        times.append(time.perf_counter() - start)
    out[path.rsplit("/", 1)[-1]] = statistics.median(times) * 1000
print(json.dumps(out))
"""


def parse_seeds(repeats: int) -> dict:
    """Milliseconds to parse each real seed report once the parser is built (issue: ≤ 10 ms);
    the bundled example stands in when ../shared is absent."""
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) or [
        ROOT / "examples" / "shili-county-2021.txt"
    ]
    out = subprocess.run(
        [PY, "-c", _PARSE_SEEDS, str(repeats), *map(str, seeds)],
        capture_output=True,
        text=True,
        env=env(),
        cwd=ROOT,
    )
    if out.returncode != 0:
        return {"error": out.stderr[-2000:]}
    per_file = json.loads(out.stdout)
    return {"ms": per_file, "worst_ms": max(per_file.values())}


# -- 3. scaling -------------------------------------------------------------------------------------------

_SCALING = r"""
import json, statistics, sys, time
from gxlint.run.linter import Linter
typical, big = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
repeats = int(sys.argv[3])
linter = Linter(isolated=True)
linter.lint_text(typical, "typical.txt")  # warm: parser, templates, rules loaded
def timed(text, n):
    out = []
    for _ in range(n):
        start = time.perf_counter()
        linter.lint_text(text, "x.txt")
        out.append(time.perf_counter() - start)
    return statistics.median(out)
result = {"typical_s": timed(typical, repeats * 10), "big_s": timed(big, repeats)}
adversarial = {}
for name, text in json.loads(open(sys.argv[4], encoding="utf-8").read()).items():
    start = time.perf_counter()
    linter.lint_text(text, name)
    adversarial[name] = time.perf_counter() - start
result["adversarial_s"] = adversarial
example = open(sys.argv[5], encoding="utf-8").read() + "\n"
result["concat_100_s"] = timed(example * 100, max(1, repeats // 2))
result["concat_200_s"] = timed(example * 200, max(1, repeats // 2))
print(json.dumps(result))
"""

MB = 1024 * 1024


def adversarial_lines() -> dict[str, str]:
    """Single 1 MB lines (UTF-8 bytes) built to trip backtracking or quadratic scans."""

    def fill(unit: str) -> str:
        return unit * (MB // len(unit.encode("utf-8")) + 1)

    return {
        "digits": fill("1234567890"),
        "fullwidth-paren": fill("（"),
        "year-char": fill("年"),
        "digits-and-year": fill("2021年"),
        "paren-numerals": fill("（一）"),
        "heading-numerals": fill("一、"),
        "date-like": fill("2021年1月1日至"),
        "article-caption": fill("第二十条第（一）项"),
        "digits-spaces": fill("1 "),
        "tabs-digits": fill("1\t"),
        "pipes": fill("| 1 "),
        "pipe-dashes": "|" + fill("-") + "x",
        "blanks-then-table-note": fill(" ") + "本列数据的勾稽关系",
        "ideographic-blanks-heading": fill("\u3000") + "一、总体情况",
        "brackets-in-table-text": "申请人情况自然人 " + fill("（") + "x",
    }


def scaling(quick: bool) -> dict:
    typical, big = generate.big_report()
    adversarial = adversarial_lines()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp, n) for n in ("typical.txt", "big.txt", "adversarial.json")]
        paths[0].write_text(typical, encoding="utf-8")
        paths[1].write_text(big, encoding="utf-8")
        paths[2].write_text(json.dumps(adversarial, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            [PY, "-c", _SCALING, *map(str, paths[:2]), "2" if quick else "5", str(paths[2]), str(EXAMPLE)],
            capture_output=True,
            text=True,
            env=env(),
            cwd=ROOT,
        )
    if out.returncode != 0:
        raise RuntimeError(f"scaling benchmark failed:\n{out.stderr}")
    data = json.loads(out.stdout)
    typical_bytes, big_bytes = len(typical.encode()), len(big.encode())
    worst = max(data["adversarial_s"].items(), key=lambda kv: kv[1])
    return {
        "typical_bytes": typical_bytes,
        "big_bytes": big_bytes,
        "size_ratio": big_bytes / typical_bytes,
        "typical_ms": data["typical_s"] * 1000,
        "big_ms": data["big_s"] * 1000,
        "time_ratio": data["big_s"] / data["typical_s"],
        "time_ratio_per_size": (data["big_s"] / data["typical_s"]) / (big_bytes / typical_bytes),
        "adversarial_seconds": data["adversarial_s"],
        "adversarial_worst": {"name": worst[0], "seconds": worst[1]},
        "concat_100_ms": data["concat_100_s"] * 1000,
        "concat_200_ms": data["concat_200_s"] * 1000,
        "concat_doubling_ratio": data["concat_200_s"] / data["concat_100_s"],
    }


# -- 4. memory ---------------------------------------------------------------------------------------------


def memory(corpus: Path, repeats: int) -> dict:
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    base = gxlint_cmd() + ["--exit-zero", "--jobs", "1", "--format", "concise"]
    ten, all_ = [], []
    for _ in range(repeats):
        ten.append(peak_rss(base + files[:10]))
        all_.append(peak_rss(base + [str(corpus)]))
    t, a = statistics.median(ten), statistics.median(all_)
    return {
        "rss_10_files_kib": t,
        "rss_all_files_kib": a,
        "files": len(files),
        "ratio": a / t,
        "rss_floor_kib": peak_rss(FLOOR),
        "rss_launcher_kib": peak_rss([PY, "-c", "pass"]),
    }


# -- report --------------------------------------------------------------------------------------------------


def verdict(key: str, value: float) -> str:
    op, target = BUDGETS[key]
    ok = value <= target if op == "≤" else value >= target if op == "≥" else value < target
    return "met" if ok else "MISSED"


def throughput_verdict(t: dict) -> str:
    """Met by the median run; else met by the best run (see :func:`throughput`); else met on CPU
    time when other load on the machine slowed the run."""
    if verdict("throughput_jobs1", t["jobs1_reports_per_s"]) == "met":
        return "met"
    if verdict("throughput_jobs1", t.get("jobs1_best_reports_per_s", 0.0)) == "met":
        return "met (best run)"
    return "met (CPU)" if verdict("throughput_jobs1", t["jobs1_reports_per_cpu_s"]) == "met" else "MISSED"


def speedup_verdict(t: dict) -> str:
    """Met by the medians; else met by the best runs of each (see :func:`throughput`)."""
    if verdict("jobs2_speedup", t["jobs2_speedup"]) == "met":
        return "met"
    if verdict("jobs2_speedup", t.get("jobs2_best_speedup", 0.0)) == "met":
        return "met (best runs)"
    return "MISSED"


def table(r: dict) -> str:
    c, t, s, m = r["cold_start"], r["throughput"], r["scaling"], r["memory"]
    worst = s["adversarial_worst"]
    rows = [
        (
            "cold start: gxlint / floor",
            f"{c['ratio']:.2f}× ({c['gxlint_ms']:.0f} / {c['floor_ms']:.0f} ms)",
            "≤ 1.5×",
            verdict("cold_start_ratio", c["ratio"]),
        ),
        (
            "throughput, --jobs 1",
            f"{t['jobs1_reports_per_s']:.0f} reports/s, median of {t['repeats']} "
            f"({t['files']} in {t['jobs1_seconds']:.1f} s); best run {t['jobs1_best_reports_per_s']:.0f}/s; "
            f"{t['jobs1_reports_per_cpu_s']:.0f} per CPU-second; the floor {t.get('floor_ms', 0):.0f} ms meanwhile",
            "≥ 200/s",
            throughput_verdict(t),
        ),
        (
            "--jobs 2 / --jobs 1",
            f"{t['jobs2_speedup']:.2f}× ({t['jobs2_reports_per_s']:.0f} reports/s); best runs "
            f"{t['jobs2_best_speedup']:.2f}×",
            "≥ 1.7×",
            speedup_verdict(t),
        ),
        (
            f"{s['size_ratio']:.0f}× size: time ratio",
            f"{s['time_ratio']:.0f}× ({s['big_ms']:.0f} / {s['typical_ms']:.1f} ms)",
            "≤ 120×",
            verdict("size_100x_time_ratio", s["time_ratio"]),
        ),
        (
            "1 MB adversarial line, worst",
            f"{worst['seconds']:.2f} s ({worst['name']})",
            "< 1 s",
            verdict("adversarial_worst_seconds", worst["seconds"]),
        ),
        (
            "example ×200 / ×100 concatenated",
            f"{s['concat_doubling_ratio']:.2f}× ({s['concat_200_ms']:.0f} / {s['concat_100_ms']:.0f} ms)",
            "≤ 2.6×",
            verdict("concat_doubling_ratio", s["concat_doubling_ratio"]),
        ),
        (
            "parse one seed, warm parser",
            f"{r['parse_seeds']['worst_ms']:.1f} ms (worst of {len(r['parse_seeds']['ms'])})",
            "≤ 10 ms",
            verdict("parse_seed_ms", r["parse_seeds"]["worst_ms"]),
        ),
        (
            "peak RSS: 1000 / 10 files",
            f"{m['ratio']:.2f}× ({m['rss_all_files_kib'] / 1024:.1f} / "
            f"{m['rss_10_files_kib'] / 1024:.1f} MiB)",
            "≤ 1.2×",
            verdict("rss_1000_over_10", m["ratio"]),
        ),
    ]
    widths = [
        max(len(str(row[i])) for row in rows + [("budget", "measured", "target", "status")]) for i in range(4)
    ]
    lines = [
        "| "
        + " | ".join(h.ljust(w) for h, w in zip(("budget", "measured", "target", "status"), widths))
        + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure gxlint's speed and memory budgets.")
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions (a rough look, not the record)"
    )
    parser.add_argument("--count", type=int, default=1000, help="reports in the generated corpus [1000]")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--runs", type=int, default=None, help="cold-start runs of each command [41; quick 15]"
    )
    parser.add_argument(
        "--only",
        choices=["cold", "throughput", "scaling", "memory"],
        action="append",
        help="run only these parts (repeatable); results.json is written only for a full run",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    parts = set(args.only or ["cold", "throughput", "scaling", "memory"])
    runs = args.runs or (15 if args.quick else 41)

    dirs = precompile()
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "executable": PY,
        },
        "gxlint": {"command": " ".join(gxlint_cmd()), "packages": dirs, "rules": rule_count()},
        "quick": args.quick,
    }
    results["lark_cache"] = lark_cache_hit()
    say(f"gxlint: {results['gxlint']['rules']} rules; Lark cache hit: {results['lark_cache']['hit']}")
    corpus = ensure_corpus(args.count, args.seed)
    manifest = json.loads((CORPUS / f"{corpus.name}.manifest.json").read_text(encoding="utf-8"))
    sizes = sorted(m["bytes"] for m in manifest)
    results["corpus"] = {
        "path": str(corpus.relative_to(ROOT)),
        "count": len(manifest),
        "seed": args.seed,
        "bytes_min": sizes[0],
        "bytes_median": sizes[len(sizes) // 2],
        "bytes_max": sizes[-1],
        "with_defects": sum(1 for m in manifest if m["defects"]),
        "layouts": _count(m["layout"] for m in manifest),
        "templates": _count(m["template"] for m in manifest),
    }
    if "cold" in parts:
        say(f"cold start: {runs} alternating runs ...")
        results["cold_start"] = cold_start(runs)
        results["importtime"] = importtime()
        results["entry_points_ms"] = entry_points(runs)
        results["cold_start_stages_ms"] = stages(5 if args.quick else 15)
        results["cold_start_instructions"] = cold_instructions()
    if "throughput" in parts:
        say("throughput: --jobs 1 and --jobs 2, alternating ...")
        results["throughput"] = throughput(corpus, len(manifest), 2 if args.quick else 5)
        results["findings"] = findings_summary(corpus)
        results["rule_costs"] = rule_costs(corpus, 100 if args.quick else 300)
        results["parse_seeds"] = parse_seeds(20 if args.quick else 100)
    if "scaling" in parts:
        say("scaling: typical vs 100× report, adversarial lines ...")
        results["scaling"] = scaling(args.quick)
    if "memory" in parts:
        say("memory: peak RSS for 10 and all files ...")
        results["memory"] = memory(corpus, 1 if args.quick else 3)

    _print(results, parts)
    if parts == {"cold", "throughput", "scaling", "memory"}:
        results["table"] = table(results)
        results["verdicts"] = _verdicts(results)
        args.output.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        say(f"\nwrote {args.output}")
    return 0


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def _verdicts(r: dict) -> dict[str, str]:
    return {
        "cold_start_ratio": verdict("cold_start_ratio", r["cold_start"]["ratio"]),
        "throughput_jobs1": throughput_verdict(r["throughput"]),
        "jobs2_speedup": speedup_verdict(r["throughput"]),
        "size_100x_time_ratio": verdict("size_100x_time_ratio", r["scaling"]["time_ratio"]),
        "adversarial_worst_seconds": verdict(
            "adversarial_worst_seconds", r["scaling"]["adversarial_worst"]["seconds"]
        ),
        "concat_doubling_ratio": verdict("concat_doubling_ratio", r["scaling"]["concat_doubling_ratio"]),
        "parse_seed_ms": verdict("parse_seed_ms", r["parse_seeds"]["worst_ms"]),
        "rss_1000_over_10": verdict("rss_1000_over_10", r["memory"]["ratio"]),
    }


def _print(r: dict, parts: set[str]) -> None:
    m = r["machine"]
    print(
        f"gxlint benchmarks — Python {m['python']}, {m['cpus']} CPUs, {r['gxlint']['rules']} rules, "
        f"Lark cache hit: {r['lark_cache']['hit']}" + (" (quick run)" if r["quick"] else "")
    )
    c = r["corpus"]
    print(
        f"corpus: {c['count']} reports, {c['bytes_min'] // 1024}-{c['bytes_max'] // 1024} KB "
        f"(median {c['bytes_median'] // 1024} KB), {c['with_defects']} with defects, layouts {c['layouts']}"
    )
    if parts == {"cold", "throughput", "scaling", "memory"}:
        print()
        print(table(r))
    if "cold" in parts:
        cs, it = r["cold_start"], r["importtime"]
        print(
            f"\ncold start: gxlint {cs['gxlint_ms']:.1f} ms, floor {cs['floor_ms']:.1f} ms, ratio {cs['ratio']:.3f} "
            f"(median of {cs['runs']}); the first run on a machine, before anything is cached: "
            f"{cs['first_run_ms']:.1f} ms, {cs['first_run_ratio']:.2f}×"
        )
        print(
            f"import time beyond the floor (python -X importtime, self time of the modules the floor does "
            f"not import): {it['self_us_beyond_floor'] / 1000:.1f} ms in {it['modules_beyond_floor']} modules; "
            f"the largest:"
        )
        for row in it["top_self_beyond_floor"][:12]:
            print(f"  {row['self_us'] / 1000:7.2f} ms  {row['module']}")
        ci = r.get("cold_start_instructions") or {}
        if ci:
            print(
                f"cold start in instructions (valgrind; the same on a busy machine): gxlint "
                f"{ci['gxlint'] / 1e6:.0f} M, floor {ci['floor'] / 1e6:.0f} M, ratio {ci['ratio']:.3f}"
            )
        print("cold start stage by stage, in one process (median):")
        for name, ms in r["cold_start_stages_ms"]:
            print(f"  {ms:7.1f} ms  {name}")
        print("finding the plugins' entry points in a new process (median, beyond importing the loader):")
        for name, ms in r["entry_points_ms"].items():
            print(f"  {ms:7.1f} ms  {name}")
    if "throughput" in parts:
        t = r["throughput"]
        print(
            f"\nthroughput: --jobs 1 {t['jobs1_reports_per_s']:.0f} reports/s, median of {t['repeats']} "
            f"(best run {t['jobs1_best_reports_per_s']:.0f}/s; runs "
            f"{', '.join(f'{s:.2f}' for s in t['jobs1_all_seconds'])} s; "
            f"{t['jobs1_reports_per_cpu_s']:.0f} per CPU-second), --jobs 2 "
            f"{t['jobs2_reports_per_s']:.0f} reports/s ({t['jobs2_speedup']:.2f}×; best runs "
            f"{t['jobs2_best_speedup']:.2f}×); load average "
            f"{t['load_average_before']:.1f} before, {t['load_average_after']:.1f} after, {t['cpu_count']} CPUs; "
            f"the floor ({t['floor_command']}) took {t['floor_ms']:.0f} ms meanwhile (median)"
        )
        print(f"findings over the corpus: {r['findings']['by_code']}")
        if r["findings"]["by_code"].get("GX000"):
            print("  WARNING: GX000 findings: a rule crashed on generated input")
        rc = r["rule_costs"]
        if "error" in rc:
            print(f"per-rule costs: failed: {rc['error'][-300:]}")
        else:
            rules = sum(rc["rules_ms"].values())
            top = ", ".join(f"{c} {v:.2f}" for c, v in list(rc["rules_ms"].items())[:8])
            print(
                f"CPU per report over {rc['reports']} reports: read+parse {rc['read_and_parse_ms']:.2f} ms, "
                f"all rules {rules:.2f} ms; slowest rules (ms): {top}"
            )
    if "scaling" in parts:
        s = r["scaling"]
        print(
            f"\nscaling: {s['typical_bytes'] // 1024} KB in {s['typical_ms']:.1f} ms; {s['big_bytes'] // 1024} KB "
            f"in {s['big_ms']:.0f} ms: {s['size_ratio']:.0f}× size, {s['time_ratio']:.0f}× time"
        )
        print(
            "adversarial 1 MB lines: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in s["adversarial_seconds"].items())
        )
        print(
            f"many reports in one file: the example ×100 in {s['concat_100_ms']:.0f} ms, ×200 in "
            f"{s['concat_200_ms']:.0f} ms ({s['concat_doubling_ratio']:.2f}×)"
        )
    if "memory" in parts:
        mm = r["memory"]
        print(
            f"\npeak RSS: 10 files {mm['rss_10_files_kib'] / 1024:.1f} MiB, {mm['files']} files "
            f"{mm['rss_all_files_kib'] / 1024:.1f} MiB ({mm['ratio']:.2f}×); the floor's import "
            f"{mm['rss_floor_kib'] / 1024:.1f} MiB, a bare python {mm['rss_launcher_kib'] / 1024:.1f} MiB"
        )


if __name__ == "__main__":
    sys.exit(main())
