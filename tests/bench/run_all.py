"""Run every ``tests/bench/bench_*.py`` and write ``results.json`` and ``results.md``.

Each module has ``run(options) -> list[dict]`` (see ``common.result``). Ratios are measured side
by side in the same run; absolute times are indications only on a shared machine.
Usage: ``python -m tests.bench.run_all --out build/bench [--objects 500000] [--only NAME]``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/bench"))
    parser.add_argument("--objects", type=int, default=500_000)
    parser.add_argument("--only", default="", help="run only benchmark modules containing this")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []
    failures = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if options.only and options.only not in path.stem:
            continue
        module = importlib.import_module(f"tests.bench.{path.stem}")
        print(f"== {path.stem}", flush=True)
        try:
            rows = module.run(options)
        except Exception:
            failures += 1
            traceback.print_exc()
            rows = [
                {
                    "name": path.stem,
                    "value": None,
                    "unit": "",
                    "goal": "",
                    "met": False,
                    "notes": "benchmark failed; see output",
                }
            ]
        for row in rows:
            print(
                f"   {row['name']}: {row['value']} {row['unit']} (goal {row['goal']}, "
                f"met={row['met']}) {row['notes']}",
                flush=True,
            )
        results += rows
    (options.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    lines = ["| name | value | unit | goal | met | notes |", "|---|---|---|---|---|---|"]
    lines += [
        f"| {r['name']} | {r['value']} | {r['unit']} | {r['goal']} | "
        f"{'yes' if r['met'] else 'no'} | {r['notes']} |"
        for r in results
    ]
    (options.out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"results in {options.out / 'results.json'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
