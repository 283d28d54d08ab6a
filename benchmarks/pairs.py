"""Pairing reports of consecutive years at corpus scale: a folder of 1,000 reports in which 200
agencies report for five years each (2019-2023), every report but the first of each agency paired
with the one before it, and some made from last year's by changing the numbers (GX503).

    python benchmarks/pairs.py                 # 1,000 reports; writes benchmarks/corpus/pairs-results.json
    python benchmarks/pairs.py --count 200     # a quick look

It measures, on this machine, side by side (alternating, so a busy machine slows both sides):

1. ``gxlint --jobs 1`` and ``--jobs 2`` over the folder with the cross-year rules (pairing on)
   against the same with ``--ignore GX5`` (no pairing): the cost of pairing, which reads each
   paired report a second time for the cross-year rules;
2. the peak resident memory of ``--jobs 1`` with and without pairing (the models are not kept:
   memory must not grow with the folder);
3. :func:`gxlint.run.pairs.pair` alone on 10x and 100x the cards, in seconds, with the garbage
   collector paused (linear: indexed by name and year; the test suite counts its steps instead).

The reports come from benchmarks/generate.py (fictional agencies: 示例县…, 样例市…).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import ROOT, gxlint_cmd, peak_rss, run_cpu, say  # noqa: E402

YEARS = (2019, 2020, 2021, 2022, 2023)
RESULTS = HERE / "corpus" / "pairs-results.json"  # git-ignored, with the generated reports


def paired_specs(count: int, seed: int, copied: float = 0.1) -> list[generate.Spec]:
    """``count`` reports: ``count // len(YEARS)`` agencies, five consecutive years each."""
    rng = random.Random(seed)
    agencies = [(p, d) for p in generate.PLACES for d in generate.DEPARTMENTS]
    rng.shuffle(agencies)
    wanted = max(1, count // len(YEARS))
    while len(agencies) < wanted:  # more agencies than places x departments: number them
        agencies += [(f"{p}第{len(agencies)}", d) for p, d in agencies[: wanted - len(agencies)]]
    out: list[generate.Spec] = []
    for place, department in agencies[:wanted]:
        layout = rng.choices(generate.LAYOUTS, generate.LAYOUT_WEIGHTS)[0]
        size = int(1024 * 5 * 6 ** rng.random())
        last_seed = None
        for year in YEARS:
            template = "2019" if year <= 2020 else "2021"
            # a copied report: last year's text (same seed), its years changed by the generator
            same = last_seed is not None and rng.random() < copied
            spec_seed = last_seed if same else rng.randrange(2**32)
            out.append(
                generate.Spec(len(out), template, year, place, department, layout, size, (), seed=spec_seed)
            )
            last_seed = spec_seed
    return out


def write_folder(target: Path, count: int, seed: int) -> Path:
    if target.exists() and len(list(target.glob("*.txt"))) == count:
        return target
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for spec in paired_specs(count, seed):
        (target / f"p{spec.index:04d}_{spec.year}.txt").write_text(generate.render(spec), encoding="utf-8")
    return target


def pairs_made(folder: Path) -> int:
    import subprocess

    out = subprocess.run(
        gxlint_cmd()
        + [
            "--isolated",
            "--lang",
            "en",
            "--select",
            "GX5",
            "-v",
            "--exit-zero",
            "-f",
            "json",
            "-j",
            "2",
            str(folder),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    findings = json.loads(out.stdout)
    by_code: dict[str, int] = {}
    for f in findings:
        by_code[f["code"]] = by_code.get(f["code"], 0) + 1
    return {"pairs": out.stderr.count("gxlint: paired: "), "findings": by_code}


def pairing_alone(n: int) -> float:
    from gxlint.run.pairs import Card, pair

    import gc

    cards = [Card(f"r{i}", f"示例县第{i // 5}局", 2019 + i % 5, i) for i in range(n)]
    gc.collect()
    gc.disable()  # the collector's passes over the many new objects are not pairing's work
    try:
        start = time.perf_counter()
        result = pair(cards)
        result.groups()
        return time.perf_counter() - start
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    folder = write_folder(HERE / "corpus" / f"paired-{args.count}-{args.seed}", args.count, args.seed)
    say(f"folder: {folder} ({args.count} reports)")
    made = pairs_made(folder)
    say(f"pairs made: {made['pairs']}; cross-year findings: {made['findings']}")
    base = gxlint_cmd() + ["--isolated", "--exit-zero", "-f", "json"]
    runs: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        for jobs in ("1", "2"):
            for label, extra in (("paired", []), ("unpaired", ["--ignore", "GX5"])):
                wall, _cpu = run_cpu(base + ["-j", jobs, *extra, str(folder)])
                runs.setdefault(f"{label}_jobs{jobs}", []).append(wall)
                say(f"  {label} --jobs {jobs}: {wall:.2f}s")
    median = {k: statistics.median(v) for k, v in runs.items()}
    rss = {
        label: peak_rss(base + ["-j", "1", *extra, str(folder)])
        for label, extra in (("paired", []), ("unpaired", ["--ignore", "GX5"]))
    }
    alone = {str(n): pairing_alone(n) for n in (args.count * 10, args.count * 100)}
    results = {
        "reports": args.count,
        **made,
        "seconds": median,
        "reports_per_second": {k: args.count / v for k, v in median.items()},
        "pairing_cost_jobs1": median["paired_jobs1"] / median["unpaired_jobs1"],
        "pairing_cost_jobs2": median["paired_jobs2"] / median["unpaired_jobs2"],
        "jobs2_speedup_paired": median["paired_jobs1"] / median["paired_jobs2"],
        "peak_rss_kib": rss,
        "rss_paired_over_unpaired": rss["paired"] / rss["unpaired"],
        "pair_function_seconds": alone,
        "pair_function_linearity": alone[str(args.count * 100)] / max(alone[str(args.count * 10)], 1e-9),
    }
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    say(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
