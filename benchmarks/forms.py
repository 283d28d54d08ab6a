"""What reading costs in each input form: the same two reports as text, Word, web page and PDF.

    python benchmarks/forms.py [--repeats N]

For every form folder of ``../shared/forms`` (two fictional reports written out as plain text,
.docx, .html, .pdf, ``pdftotext -layout`` text, bare-pipe and one-cell-per-line crawls) it
measures, in one warm process, the CPU time of ``gxlint.run.api.parse_bytes`` (sniff, read, render,
grammar, tables: everything before the rules) per report, and the ratio to the plain-text form.
Budgets (docs/performance.md): .docx and .html within 2x of the text path; .pdf at least 5 pages
per second per core.  Timed assertions live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT.parent / "shared" / "forms"
BUDGETS = {"docx": ("ratio", 2.0), "html": ("ratio", 2.0), "pdf": ("pages_per_s", 5.0)}


def cpu_per_call(fn, repeats: int) -> float:
    fn()  # warm: imports, parser, templates
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    if not FORMS.is_dir():
        print(f"no {FORMS}: the shared forms are needed for this benchmark")
        return 2
    sys.path.insert(0, str(ROOT))
    from gxlint.run import api

    rows: dict[str, dict] = {}
    for folder in sorted(p for p in FORMS.iterdir() if p.is_dir()):
        files = sorted(p for p in folder.iterdir() if p.suffix != ".json")
        seconds = 0.0
        for path in files:
            data = path.read_bytes()
            seconds += cpu_per_call(lambda: api.parse_bytes(data, str(path)), args.repeats)
        rows[folder.name] = {
            "ms_per_report": 1000 * seconds / len(files),
            "files": len(files),
            "seconds": seconds,
        }
        if folder.name == "pdf":
            import pypdfium2  # only to count pages

            pages = sum(len(pypdfium2.PdfDocument(str(p))) for p in files)
            rows["pdf"]["pages_per_s"] = pages / seconds
    base = rows.get("txt", {}).get("ms_per_report")
    print(f"{'form':<8} {'ms/report':>10} {'× txt':>7}  budget")
    for form, row in rows.items():
        ratio = row["ms_per_report"] / base if base else float("nan")
        row["ratio"] = ratio
        budget = ""
        if form in BUDGETS:
            key, limit = BUDGETS[form]
            value = row[key]
            ok = value <= limit if key == "ratio" else value >= limit
            budget = (
                f"{'≤' if key == 'ratio' else '≥'} {limit:g}"
                f"{'×' if key == 'ratio' else ' pages/s'}: {value:.2f} {'met' if ok else 'MISSED'}"
            )
        print(f"{form:<8} {row['ms_per_report']:>10.2f} {ratio:>7.2f}  {budget}")
    (Path(__file__).parent / "forms-results.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
