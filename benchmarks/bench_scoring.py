#!/usr/bin/env python
"""Scoring benchmark: load + score a national-scale HR export from parquet, against the plain reference.

What it does, in one run:

1. Generates (once; cached under benchmarks/out/, keyed by scale, seed and year) a synthetic
   national HR export as a folder of parquet files: pegawai.parquet, diklat.parquet, kinerja.parquet,
   hukdis.parquet, all values text as an HR system exports them (see benchmarks/national.py). Scale 1.0
   is 3.8 million PNS (plus 5% CPNS/PPPK) with about 20 million history rows.
2. In a fresh child process (so that its peak RSS is the scoring's own, not the generator's):
   `ipasn.load(folder)` then `ipasn.score(data, YEAR)`, timed separately; rows per second; peak
   memory as the child's peak resident set size (VmHWM in /proc/self/status, which is what
   resource.getrusage(RUSAGE_SELF).ru_maxrss reports minus the parent's pre-exec peak that Linux
   carries into ru_maxrss across exec), after loading and after scoring (the scoring phase's own
   peak is measured by resetting the high-water mark through /proc/self/clear_refs; if that is not
   permitted, only the overall peak is reported). tracemalloc is not used: it slows pandas down
   several times and does not see Arrow's memory.
3. In the same child: a sample of --sample PNS (a Dataset filtered by NIP from the loaded one),
   scored by `ipasn.score` and by the plain `ipasn.reference.score_reference`, both timed (best of
   --repeat), the two results compared column by column, and the speed ratio printed both on the
   same sample and per employee: the full-scale rate of `ipasn.score(..., explanations=False)` (the
   numbers, which is all the reference computes) over the reference's rate, and with explanations.
4. Prints the targets of issue 2 (full scale <= 60 s including loading from parquet, <= 8 GiB peak,
   >= 50x the reference) and whether this run met them. Below scale 1.0 the full-scale time is a
   linear projection and says so.

--profile additionally runs load + score under a profiler in another child and prints the functions
that take the time: pyinstrument (sampling, little overhead) when it is importable, else cProfile
(--profiler chooses). The session/.prof file is kept under benchmarks/out/.

Examples:
    .venv/bin/python benchmarks/bench_scoring.py --scale 0.05        # what `make bench` runs
    .venv/bin/python benchmarks/bench_scoring.py --scale 1.0 --profile
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

OUT = HERE / "out"
TARGET_SECONDS = 60.0
TARGET_PEAK_GIB = 8.0
TARGET_RATIO = 50.0
GIB = 1024 ** 3


# --- machine -----------------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 ** 2:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({cpu}), {mem} RAM, Python {platform.python_version()}, {platform.system()}"


def versions() -> str:
    import numpy
    import pandas
    import pyarrow

    return f"pandas {pandas.__version__}, numpy {numpy.__version__}, pyarrow {pyarrow.__version__}"


# --- memory ------------------------------------------------------------------------------------


def maxrss_bytes() -> int:
    """Peak resident memory of this process so far, in bytes.

    VmHWM from /proc/self/status: the kernel's high-water RSS of this process's own address space.
    resource.getrusage(RUSAGE_SELF).ru_maxrss reports the same number except that, on Linux, a
    process started by fork + exec also inherits the parent's peak from before the exec; VmHWM does
    not, so the figure is the measured code's own. ru_maxrss is the fallback where /proc is missing.
    """
    hwm = _status_kb("VmHWM")
    if hwm is not None:
        return hwm * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def ru_maxrss_bytes() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak() -> bool:
    """Reset the high-water RSS mark (Linux: write 5 to clear_refs); True if it took effect."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    hwm, rss = _status_kb("VmHWM"), _status_kb("VmRSS")
    return hwm is not None and rss is not None and hwm <= rss * 1.05 + 1024


# --- the measurement (child process) -----------------------------------------------------------


def sample_dataset(data, n: int, seed: int):
    """The Dataset restricted to n random PNS: pegawai picked, every other table filtered by NIP."""
    import dataclasses

    import numpy as np
    import pandas as pd

    pegawai = data.pegawai
    pns = np.flatnonzero((pegawai["status"] == "PNS").to_numpy(bool))
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(pns, size=min(n, len(pns)), replace=False))
    chosen = pegawai.iloc[pick].reset_index(drop=True)
    keep = pd.Index(chosen["nip"].unique())
    changes = {"pegawai": chosen, "source": f"{data.source} (sampel {len(chosen)} PNS)"}
    for f in dataclasses.fields(data):
        value = getattr(data, f.name)
        if f.name != "pegawai" and isinstance(value, pd.DataFrame) and "nip" in value.columns:
            changes[f.name] = value[value["nip"].isin(keep)].reset_index(drop=True)
    return dataclasses.replace(data, **changes)


def best_of(repeat: int, fn):
    times, result = [], None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), times, result


def compare(vectorised, reference) -> dict:
    """Column-by-column agreement of ipasn.score and score_reference on the same employees."""
    import numpy as np

    numeric = ["kualifikasi", "kompetensi_kepemimpinan", "kompetensi_fungsional", "kompetensi_teknis",
               "kompetensi_seminar", "kompetensi", "kinerja", "disiplin", "ip_asn"]
    got = vectorised.set_index("nip")
    want = reference.set_index("nip")
    same_rows = list(got.index) == list(want.index)
    common = got.index.intersection(want.index)
    got, want = got.loc[common], want.loc[common]
    mismatches = {}
    for column in numeric:
        a = got[column].to_numpy(float)
        b = want[column].to_numpy(float)
        bad = int((~((a == b) | (np.isnan(a) & np.isnan(b)))).sum())
        if bad:
            mismatches[column] = bad
    for column in ("kategori", "data_lengkap"):
        a = got[column].astype(object).tolist()
        b = want[column].astype(object).tolist()
        if column == "data_lengkap":
            a, b = [bool(x) for x in a], [bool(x) for x in b]
        bad = sum(x != y for x, y in zip(a, b))
        if bad:
            mismatches[column] = bad
    return {"rows_vectorised": len(vectorised), "rows_reference": len(reference), "same_rows_in_order": same_rows,
            "compared": len(common), "numeric_columns": numeric, "mismatches": mismatches,
            "agree": same_rows and not mismatches}


def measure(folder: Path, year: int, sample: int, repeat: int, seed: int) -> dict:
    import gc

    out: dict = {"rss_start": maxrss_bytes()}
    started = time.perf_counter()
    import ipasn
    from ipasn.scoring.reference import score_reference

    out["import_seconds"] = time.perf_counter() - started
    out["ipasn_file"] = ipasn.__file__
    out["rss_after_import"] = maxrss_bytes()

    out["loadavg_start"] = os.getloadavg()
    started, cpu = time.perf_counter(), time.process_time()
    data = ipasn.load(folder)
    out["load_seconds"] = time.perf_counter() - started
    out["load_cpu_seconds"] = time.process_time() - cpu
    out["peak_after_load"] = maxrss_bytes()
    out["peak_reset"] = reset_peak()

    started, cpu = time.perf_counter(), time.process_time()
    result = ipasn.score(data, year)
    out["score_seconds"] = time.perf_counter() - started
    out["score_cpu_seconds"] = time.process_time() - cpu
    out["loadavg_end"] = os.getloadavg()
    out["peak_score_phase"] = maxrss_bytes()
    out["peak"] = max(out["peak_after_load"], out["peak_score_phase"])
    out["ru_maxrss"] = ru_maxrss_bytes()  # includes the parent's pre-exec peak (see maxrss_bytes)
    out["rows_read"] = {str(r.lembar): int(r.dibaca) for r in data.accounting.itertuples()}
    out["employees"] = len(data.pegawai)
    out["scored"] = len(result.scores)
    out["findings"] = len(data.findings)
    del result
    gc.collect()
    # The reference computes the numbers only: time the same work at full scale, like for like.
    started = time.perf_counter()
    numbers = ipasn.score(data, year, explanations=False)
    out["score_numbers_seconds"] = time.perf_counter() - started
    del numbers
    gc.collect()

    if sample:
        small = sample_dataset(data, sample, seed)
        del data
        gc.collect()
        out["sample_employees"] = len(small.pegawai)
        out["sample_history_rows"] = len(small.diklat) + len(small.kinerja) + len(small.hukdis)
        best, times, vec = best_of(repeat, lambda: ipasn.score(small, year))
        out["sample_vectorised_seconds"], out["sample_vectorised_times"] = best, times
        best, _, _ = best_of(repeat, lambda: ipasn.score(small, year, explanations=False))
        out["sample_vectorised_noexpl_seconds"] = best
        best, times, ref = best_of(repeat, lambda: score_reference(small, year))
        out["sample_reference_seconds"], out["sample_reference_times"] = best, times
        out["sample_scored"] = len(vec.scores)
        out["agreement"] = compare(vec.scores, ref)
    return out


def profile(folder: Path, year: int, prof_path: Path, top: int, which: str) -> str:
    """Profile load + score: pyinstrument (sampling, low overhead) when importable, else cProfile."""
    import ipasn

    if which in ("auto", "pyinstrument"):
        try:
            import pyinstrument
        except ImportError:
            if which == "pyinstrument":
                raise SystemExit("pyinstrument is not importable: pip install pyinstrument (or use --profiler cprofile)")
            which = "cprofile"
        else:
            which = "pyinstrument"
    if which == "pyinstrument":
        from pyinstrument.renderers import ConsoleRenderer

        profiler = pyinstrument.Profiler(interval=0.005)
        started = time.perf_counter()
        profiler.start()
        data = ipasn.load(folder)
        ipasn.score(data, year)
        session = profiler.stop()
        wall = time.perf_counter() - started
        session.save(str(prof_path.with_suffix(".pyisession")))

        def flat() -> tuple[str, str]:
            """Per function: total time (each call stack counted once) and own time, over the whole run."""
            total: dict[str, float] = {}
            own: dict[str, float] = {}

            def walk(frame, stack: frozenset) -> None:
                name = f"{frame.function}  {frame.file_path_short}:{frame.line_no}"
                if name not in stack:
                    total[name] = total.get(name, 0.0) + frame.time
                own[name] = own.get(name, 0.0) + frame.total_self_time
                for child in frame.children:
                    walk(child, stack | {name})

            root = session.root_frame()
            walk(root, frozenset())
            whole = root.time or 1e-9

            def table(values: dict[str, float]) -> str:
                rows = sorted(values.items(), key=lambda kv: -kv[1])[:top]
                return "\n".join(f"{sec:9.2f} {sec / whole:6.1%}  {name}" for name, sec in rows)

            return table(total), table(own)

        by_total, by_own = flat()
        tree = profiler.output(ConsoleRenderer(unicode=False, color=False, time="seconds",
                                               processor_options={"filter_threshold": 0.01}))
        return (f"pyinstrument (sampling every 5 ms): load + score took {wall:.1f} s wall under the profiler\n"
                f"\nfunctions by total time (includes what they call; seconds, share of the run), top {top}:\n"
                f"{by_total}\n"
                f"\nfunctions by own time, top {top}:\n{by_own}\n"
                f"\ncall tree (frames >= 1% of the time; library internals collapsed):\n{tree}")

    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    data = ipasn.load(folder)
    ipasn.score(data, year)
    profiler.disable()
    wall = time.perf_counter() - started
    profiler.dump_stats(prof_path)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = stats.total_tt
    stream.write(f"cProfile: load + score took {wall:.1f} s wall under the profiler "
                 f"(instrumentation inflates per-call Python work; shares are of {total:.1f} s profiled)\n")

    def table(title: str, key: str, only_ipasn: bool) -> None:
        stream.write(f"\n{title}\n{'seconds':>9} {'share':>6} {'calls':>10}  function\n")
        rows = []
        for (filename, line, name), (cc, nc, tt, ct, _callers) in stats.stats.items():
            if only_ipasn and "/ipasn/" not in filename:
                continue
            rows.append((tt if key == "tottime" else ct, nc, filename, line, name))
        rows.sort(key=lambda r: -r[0])
        for seconds, calls, filename, line, name in rows[:top]:
            short = filename.split("site-packages/")[-1].split("/main/")[-1]
            stream.write(f"{seconds:9.2f} {seconds / total:6.1%} {calls:>10}  {name} ({short}:{line})\n")

    table("ipasn functions by cumulative time (includes what they call)", "cumtime", True)
    table("all functions by own time (tottime)", "tottime", False)
    stream.write(f"\nprofile saved: {prof_path}\n")
    return stream.getvalue()


def child_main(args) -> None:
    folder = Path(args.child)
    if args.child_profile:
        text = profile(folder, args.year, Path(args.child_profile), args.profile_top, args.profiler)
        Path(args.result).write_text(json.dumps({"profile": text}))
        return
    result = measure(folder, args.year, args.sample, args.repeat, args.seed)
    Path(args.result).write_text(json.dumps(result, default=str))


CHILD_ENV: dict | None = None  # set by --snapshot: the snapshot first on PYTHONPATH
CHILD_CWD: Path | None = None


def run_child(extra: list[str], timeout: float | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False, dir=OUT) as handle:
        result_path = Path(handle.name)
    try:
        command = [sys.executable, str(Path(__file__).resolve()), *extra, "--result", str(result_path)]
        started = time.perf_counter()
        done = subprocess.run(command, timeout=timeout, env=CHILD_ENV, cwd=CHILD_CWD)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"benchmark child failed with exit code {done.returncode}")
        result = json.loads(result_path.read_text())
        result["child_wall_seconds"] = wall
        return result
    finally:
        result_path.unlink(missing_ok=True)


# --- report ------------------------------------------------------------------------------------


def gib(n: float) -> str:
    return f"{n / GIB:.2f} GiB"


def verdict(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def main() -> None:
    global OUT, CHILD_ENV, CHILD_CWD
    parser = argparse.ArgumentParser(
        description="Time ipasn.load + ipasn.score on a national-scale parquet export and compare with the "
                    "plain reference implementation (see the module docstring).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.05,
                        help="fraction of the national dataset (1.0 = 3.8 million PNS, ~20 million history rows)")
    parser.add_argument("--seed", type=int, default=2022, help="generator seed (part of the cache key)")
    parser.add_argument("--year", type=int, default=2022, help="measurement year (data is generated for it)")
    parser.add_argument("--sample", type=int, default=2000,
                        help="PNS in the sample scored by both the vectorised scorer and the reference (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="timing repeats on the sample (best is reported)")
    parser.add_argument("--out", type=Path, default=OUT, help="cache and output folder")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the dataset even if cached")
    parser.add_argument("--profile", action="store_true",
                        help="also profile load + score in a separate child process (see --profiler)")
    parser.add_argument("--profile-top", type=int, default=25, help="rows per profile table")
    parser.add_argument("--profiler", choices=("auto", "pyinstrument", "cprofile"), default="auto",
                        help="auto: pyinstrument (sampling, little overhead) if importable, else cProfile")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures to this JSON file")
    parser.add_argument("--snapshot", metavar="REV", default=None,
                        help="measure the code of git revision REV (extracted with `git archive` under --out) "
                             "instead of the live working tree; see benchmarks/snapshot.py")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args)
        return

    import national

    OUT = args.out
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"bench_scoring  {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine: {machine()}")
    print(f"versions: {versions()}")
    import snapshot

    code_root = commit = None
    if args.snapshot:
        code_root, commit = snapshot.extract(args.snapshot, OUT)
        CHILD_ENV, CHILD_CWD = snapshot.environment(code_root), code_root
    print(f"code: {snapshot.describe(code_root, commit)}")
    print()

    started = time.perf_counter()
    folder, meta = national.ensure(OUT, args.scale, args.seed, args.year, regenerate=args.regenerate)
    history = sum(v for k, v in meta["rows"].items() if k != "pegawai")
    size = sum(meta["bytes"].values())
    how = "cached" if meta.get("cached") else f"generated in {time.perf_counter() - started:.1f} s"
    print(f"dataset (scale {args.scale:g}, seed {args.seed}): {folder} [{how}]")
    print(f"  pegawai {meta['rows']['pegawai']:,} rows ({meta['pns']:,} PNS) in {meta['units']:,} units; "
          f"history {history:,} rows (diklat {meta['rows']['diklat']:,}, kinerja {meta['rows']['kinerja']:,}, "
          f"hukdis {meta['rows']['hukdis']:,}); {size / 1024 ** 2:.0f} MiB of parquet")
    print()

    print("measuring in a child process: ipasn.load(folder); ipasn.score(data, %d) ..." % args.year, flush=True)
    r = run_child(["--child", str(folder), "--year", str(args.year), "--sample", str(args.sample),
                   "--repeat", str(args.repeat), "--seed", str(args.seed)])
    rows = sum(r["rows_read"].values())
    total = r["load_seconds"] + r["score_seconds"]
    print(f"  (ipasn imported from {r['ipasn_file']})")
    print(f"  load   {r['load_seconds']:8.2f} s   ({rows / r['load_seconds']:,.0f} input rows/s)   "
          f"CPU {r['load_cpu_seconds']:.2f} s")
    print(f"  score  {r['score_seconds']:8.2f} s   ({r['scored'] / r['score_seconds']:,.0f} PNS/s)   "
          f"CPU {r['score_cpu_seconds']:.2f} s")
    print(f"  total  {total:8.2f} s   {rows:,} input rows ({rows / total:,.0f} rows/s), {r['scored']:,} PNS scored "
          f"({r['scored'] / total:,.0f} PNS/s), {r['findings']:,} findings")
    print(f"  peak memory (VmHWM = peak RSS of the child process): {gib(r['peak'])} overall; after loading {gib(r['peak_after_load'])}"
          + (f"; scoring phase alone {gib(r['peak_score_phase'])} (high-water mark reset after loading)"
             if r["peak_reset"] else " (could not reset the high-water mark: no separate scoring-phase peak)")
          + f"; interpreter + imports {gib(r['rss_after_import'])}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    waited = max(r["load_seconds"] / max(r["load_cpu_seconds"], 1e-9), r["score_seconds"] / max(r["score_cpu_seconds"], 1e-9))
    print(f"  machine load average (1 min) at start/end: {r['loadavg_start'][0]:.1f} / {r['loadavg_end'][0]:.1f} on "
          f"{cores} cores (this benchmark counts 1)" + (
              f"; wall exceeded CPU time by up to {waited - 1:.0%}: other work on the machine (or paging) slowed "
              "this run, CPU seconds are the better guide" if waited > 1.15 else ""))
    print()

    ratio_sample = ratio_full = ratio_explained = None
    if args.sample:
        n = r["sample_scored"]
        vec_rate = n / r["sample_vectorised_seconds"]
        ref_rate = n / r["sample_reference_seconds"]
        full_rate = r["scored"] / r["score_seconds"]
        numbers_rate = r["scored"] / r["score_numbers_seconds"]
        ratio_sample = vec_rate / ref_rate
        ratio_full = numbers_rate / ref_rate
        ratio_explained = full_rate / ref_rate
        a = r["agreement"]
        print(f"reference comparison on a sample of {r['sample_employees']:,} PNS "
              f"({r['sample_history_rows']:,} history rows), best of {args.repeat}:")
        print(f"  ipasn.score (vectorised)        {r['sample_vectorised_seconds']:8.3f} s  {vec_rate:12,.0f} PNS/s"
              f"   (without explanations {r['sample_vectorised_noexpl_seconds']:.3f} s)")
        print(f"  reference.score_reference       {r['sample_reference_seconds']:8.3f} s  {ref_rate:12,.0f} PNS/s")
        print(f"  ratio on the same sample        {ratio_sample:8.1f}x")
        print(f"  full-scale ipasn.score, numbers only (explanations=False): {r['score_numbers_seconds']:.2f} s, "
              f"{numbers_rate:,.0f} PNS/s")
        print(f"  ratio per employee at this scale {ratio_full:7.1f}x  (full-scale numbers {numbers_rate:,.0f} PNS/s "
              f"over the reference's {ref_rate:,.0f} PNS/s: the same work, as the reference writes no "
              "explanations; loading excluded on both sides)")
        print(f"  with the Indonesian explanations too {ratio_explained:5.1f}x  (full-scale {full_rate:,.0f} PNS/s)")
        if a["agree"]:
            print(f"  agreement: all {a['compared']:,} rows equal in {', '.join(a['numeric_columns'])}, "
                  "kategori, data_lengkap (same rows, same order)")
        else:
            print(f"  agreement: DIFFERENT: {a}")
        print()

    projected = total / args.scale if args.scale < 1 else total
    # Memory above the interpreter + imports grows with the data; the imports do not.
    base = r["rss_after_import"]
    peak_projected = base + (r["peak"] - base) / args.scale if args.scale < 1 else r["peak"]
    print("targets (issue 2, full national scale, this machine):")
    if args.scale >= 1:
        print(f"  load + score <= {TARGET_SECONDS:.0f} s:        {total:8.1f} s     {verdict(total <= TARGET_SECONDS)}")
        print(f"  peak memory  <= {TARGET_PEAK_GIB:.0f} GiB:      {gib(r['peak']):>10}   "
              f"{verdict(r['peak'] <= TARGET_PEAK_GIB * GIB)}")
    else:
        print(f"  load + score <= {TARGET_SECONDS:.0f} s:        {total:8.1f} s at scale {args.scale:g}; linear projection to "
              f"1.0: {projected:.0f} s  ({'on track' if projected <= TARGET_SECONDS else 'would MISS'}; run --scale 1.0)")
        print(f"  peak memory  <= {TARGET_PEAK_GIB:.0f} GiB:      {gib(r['peak'])} at scale {args.scale:g}; linear projection "
              f"to 1.0: {gib(peak_projected)}  ({'on track' if peak_projected <= TARGET_PEAK_GIB * GIB else 'would MISS'})")
    if ratio_full is not None:
        print(f"  >= {TARGET_RATIO:.0f}x the reference: per employee {ratio_full:.1f}x {verdict(ratio_full >= TARGET_RATIO)} "
              f"(with explanations {ratio_explained:.1f}x); same {r['sample_scored']:,}-PNS sample "
              f"{ratio_sample:.1f}x (a 2,000-row call is pandas' fixed cost per call, not throughput)")
    print()

    if args.profile:
        prof_path = OUT / f"scoring-scale{args.scale:g}.prof"
        print(f"profiling load + score ({args.profiler}) in another child process ...", flush=True)
        p = run_child(["--child", str(folder), "--child-profile", str(prof_path), "--year", str(args.year),
                       "--profile-top", str(args.profile_top), "--profiler", args.profiler])
        print(p["profile"])

    if args.json:
        args.json.write_text(json.dumps({"scale": args.scale, "seed": args.seed, "code": commit, "meta": meta, "measure": r,
                                         "ratio_sample": ratio_sample, "ratio_per_employee": ratio_full,
                                         "ratio_per_employee_with_explanations": ratio_explained},
                                        indent=1, default=str))


if __name__ == "__main__":
    main()
