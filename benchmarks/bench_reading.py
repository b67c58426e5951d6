"""Reading speed: `ipasn.load` of the working tree against a baseline revision, in the same run.

Two inputs: the wide SIASN-like workbook of the broken-input corpus (tests/data/bad/make_cases.py,
`--mb` megabytes) and the synthetic national export as parquet (benchmarks/national.py, `--scale`).
Each load runs in a fresh child process, alternating baseline and current, `--repeat` times; the best
time of each is compared, and the ratio printed (current / baseline: below 1 is faster).

    .venv/bin/python benchmarks/bench_reading.py --baseline 6b60402 --mb 20 --scale 0.05
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests" / "data" / "bad"))

import national  # noqa: E402
import snapshot  # noqa: E402

CHILD = """
import json, resource, sys, time
started = time.perf_counter()
import ipasn
data = ipasn.load(sys.argv[1], **json.loads(sys.argv[2]))
seconds = time.perf_counter() - started
rows = {t: len(getattr(data, t)) for t in ("pegawai", "diklat", "kinerja", "hukdis")}
print(json.dumps({"seconds": seconds, "rows": rows, "findings": len(data.findings),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def load_once(code_root: Path | None, path: Path, options: dict) -> dict:
    env = snapshot.environment(code_root)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), json.dumps(options)], capture_output=True,
                          text=True, env=env, cwd=code_root or ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(name: str, path: Path, baseline: Path, repeat: int, current_options: dict) -> dict:
    runs: dict[str, list[dict]] = {"baseline": [], "current": []}
    for _ in range(repeat):  # alternate, so a busy moment of the machine hits both alike
        runs["baseline"].append(load_once(baseline, path, {}))
        runs["current"].append(load_once(None, path, current_options))
    best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
    ratio = best["current"]["seconds"] / best["baseline"]["seconds"]
    print(f"{name}: baseline {best['baseline']['seconds']:.2f} s ({best['baseline']['peak_mib']:.0f} MiB), "
          f"current {best['current']['seconds']:.2f} s ({best['current']['peak_mib']:.0f} MiB): "
          f"ratio {ratio:.2f}; rows {best['current']['rows']} (baseline {best['baseline']['rows']})")
    return {"input": name, "ratio": ratio, **{k: v for k, v in best.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="6b60402", help="revision to compare with (default: before the "
                        "real-exports reader)")
    parser.add_argument("--mb", type=float, default=20, help="size of the wide workbook in MB")
    parser.add_argument("--scale", type=float, default=0.05, help="national export scale (1 = 3.8 M PNS)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import make_cases

    args.out.mkdir(parents=True, exist_ok=True)
    baseline, commit = snapshot.extract(args.baseline, args.out)
    print(f"baseline: {snapshot.describe(baseline, commit)}\ncurrent: {snapshot.describe(None, None)}")
    started = time.perf_counter()
    workbook, _ = make_cases.big_workbook(args.out, args.mb)
    folder, _ = national.ensure(args.out, args.scale, 2022, 2022)
    print(f"inputs ready in {time.perf_counter() - started:.0f} s")
    # The wide workbook has no punishment sheet: said on purpose, as a user would.
    results = [compare(f"workbook {args.mb:g} MB", workbook, baseline, args.repeat, {"absent_ok": ["hukdis"]}),
               compare(f"parquet scale {args.scale:g}", folder, baseline, args.repeat, {})]
    (args.out / "bench_reading.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
