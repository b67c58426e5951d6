#!/usr/bin/env python
"""Batch benchmark: a province's unit reports with `ipasn run` against the papermill + nbconvert loop.

What it does, in one run (issue 5, "One machine"):

1. Builds a demo instansi with `ipasn.demo.contract.make_demo(units=--units, employees=--employees)` written as
   an .xlsx workbook under benchmarks/out/batch/ (cached), and prints the unit size distribution.
2. (a) Baseline, the loop an analyst would write: for each unit, the `papermill` CLI (a cold kernel)
   on notebooks/unit_report.ipynb with `-p data <workbook> -p tahun YEAR -p unit NAME`, then the
   `jupyter nbconvert --to html` CLI on the executed notebook, sequentially. The whole loop is slow,
   so it runs on --baseline-units units spread over the sizes (smallest to largest) and the time of
   all units is extrapolated with a least-squares line in unit size (said so in the output).
   --baseline-units 0 skips it; --baseline-units N (N = number of units) runs every unit.
3. (b) `ipasn run RUN.yaml --force` (cold: every document executed) with formats [html, pdf] for every
   unit plus the instansi report, output under benchmarks/out/batch/.../reports/.
4. (c) the same `ipasn run RUN.yaml` again with nothing changed (every document reused).
5. Memory: the peak RSS (VmHWM) of the `ipasn run` parent process for (b), the largest worker's peak,
   and the peak of the whole process tree's summed RSS (sampled every 0.2 s); then, for --units and
   for --big-units (200 by default, same mean unit size), the peak of the preparation step alone
   (load + score + every unit's data bundle, `ipasn.report.batch.plan.prepare`), each in a fresh process.
   --render-big also renders every document of the big instansi and reports the run's parent peak.
6. --profile (on by default): the phases of one unit's document (kernel execution via the warm
   zygote, HTML, PDF) timed in-process for the median and the largest unit, with cProfile tables of
   the notebook's own code (executed in-process, cell by cell) and of the PDF rendering.
7. Prints seconds per unit for (a) and (b), the ratio, the total for (c), and the targets: (b) at
   least 8x faster per unit than (a) while producing PDF too, (b) at most 1.0 s per unit, (c) at most
   3 s in total.

Each `ipasn run` and each preparation runs in its own child process (a wrapper that calls the same
click command the `ipasn` console script calls), so the figures are that process's own.

Examples:
    .venv/bin/python benchmarks/bench_batch.py                     # what `make bench` runs
    .venv/bin/python benchmarks/bench_batch.py --baseline-units 50 # time the baseline on every unit
    .venv/bin/python benchmarks/bench_batch.py --units 200 --employees 20000 --baseline-units 0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "batch"
BIN = Path(sys.executable).parent
CODE = ROOT  # where ipasn and notebooks/ come from: the checkout, or a --snapshot
CHILD_ENV: dict | None = None
YEAR = 2022
INSTANSI = "Pemerintah Provinsi Bench"
TARGET_SPEEDUP = 8.0
TARGET_PER_UNIT = 1.0
TARGET_REUSE = 3.0
GIB = 1024 ** 3
MIB = 1024 ** 2


# --- small helpers -----------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def status_kb(field: str, pid: str = "self") -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def peak_rss() -> int:
    """This process's own peak RSS (VmHWM; ru_maxrss would include the parent's pre-exec peak)."""
    hwm = status_kb("VmHWM")
    if hwm is not None:
        return hwm * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def load_note() -> str:
    """The 1-minute load average before a phase: others' work on a shared machine inflates wall times."""
    one = os.getloadavg()[0]
    return f"[load average before: {one:.1f}]"


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def mib(n: float) -> str:
    return f"{n / MIB:,.0f} MiB"


def verdict(ok: bool) -> str:
    return "MET" if ok else "MISSED"


class TreeSampler(threading.Thread):
    """Peak of the summed RSS of this process and all its descendants, sampled every `interval` s.

    RSS counts pages shared between forked processes once per process, so the sum overstates the
    machine's memory use; it is an upper bound."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval, self.peak, self.processes = interval, 0, 0
        self._halt = threading.Event()

    def run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._halt.is_set():
            total, count = 0, 0
            try:
                for p in [me, *me.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                        count += 1
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            if total > self.peak:
                self.peak, self.processes = total, count
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=2)


# --- child modes (each in its own process) ------------------------------------------------------


def machine_cpu() -> float:
    """CPU seconds the whole machine has spent busy (/proc/stat: user, nice, system, irq, softirq; not
    idle, iowait or steal). On an otherwise idle machine, a run's difference is its own CPU time,
    kernels and browsers included: steadier than wall time when the host's speed varies."""
    with open("/proc/stat", encoding="ascii") as stat:
        user, nice, system, _idle, _iowait, irq, softirq = map(int, stat.readline().split()[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def child_run(args) -> dict:
    """`ipasn run` in this process (the console script's click command), with its memory."""
    import resource

    sampler = TreeSampler()
    sampler.start()
    from ipasn.cli import main as ipasn_main

    command = ["run", args.child_run, "--no-progress"] + (["--force"] if args.force else [])
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    started, busy = time.perf_counter(), machine_cpu()
    code = 0
    try:
        ipasn_main(command, prog_name="ipasn")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    seconds, cpu = time.perf_counter() - started, machine_cpu() - busy
    sampler.stop()
    return {"exit_code": code, "seconds_in_process": seconds, "machine_cpu": cpu, "parent_peak": peak_rss(),
            "largest_child_peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
            "tree_peak": sampler.peak, "tree_processes": sampler.processes}


def child_prepare(args) -> dict:
    """Only the preparation step of `ipasn run`: load, score, and write every document's data bundle."""
    from ipasn.report.batch.params import load_params
    from ipasn.report.batch.plan import prepare

    before = peak_rss()
    started = time.perf_counter()
    prepared = prepare(load_params(args.child_prepare))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak": peak_rss(), "peak_after_import": before, "jobs": len(prepared.jobs),
            "employees": len(prepared.dataset.pegawai)}


class Profile:
    """pyinstrument (sampling, little overhead) when importable, else cProfile; entered around calls."""

    def __init__(self) -> None:
        try:
            import pyinstrument

            self.kind, self._p = "pyinstrument", pyinstrument.Profiler(interval=0.001)
        except ImportError:
            import cProfile

            self.kind, self._p = "cProfile", cProfile.Profile()

    def __enter__(self):
        if self.kind == "pyinstrument":
            self._p.start()
        else:
            self._p.enable()
        return self

    def __exit__(self, *exc) -> None:
        if self.kind == "pyinstrument":
            self._p.stop()
        else:
            self._p.disable()

    def table(self, top: int, mode: str = "total") -> str:
        if self.kind == "pyinstrument":
            from pyinstrument.renderers import ConsoleRenderer

            text = self._p.output(ConsoleRenderer(flat=True, flat_time=mode, unicode=False, color=False))
            lines = [line for line in text.splitlines() if line.strip()[:1].isdigit()]
            what = "total (includes callees)" if mode == "total" else "own"
            return f"pyinstrument, {what} seconds per function:\n" + "\n".join(lines[:top])
        import io
        import pstats

        stats = pstats.Stats(self._p, stream=io.StringIO())
        rows = sorted(((ct if mode == "total" else tt, nc, f, ln, name)
                       for (f, ln, name), (cc, nc, tt, ct, _c) in stats.stats.items()), key=lambda r: -r[0])
        what = "cumulative" if mode == "total" else "own"
        out = [f"cProfile (inflates Python-heavy code), {what} seconds per function:"]
        for sec, nc, f, ln, name in rows[:top]:
            short = f.split("site-packages/")[-1].split("/main/")[-1]
            out.append(f"{sec:7.3f} {nc:>8}  {name} ({short}:{ln})")
        return "\n".join(out)


def _exec_cells(job, profile: Profile | None = None) -> list[tuple[int, str, float]]:
    """The notebook's code cells executed in this process (papermill's parameter injection first)."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    notebook = parameterize_notebook(load_notebook_node(str(job.template)), job.parameters)
    namespace: dict = {"__name__": "__main__"}
    timings = []
    cwd = os.getcwd()
    os.chdir(job.work_dir)
    try:
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            code = compile(cell.source, f"<cell {index}>", "exec")
            started = time.perf_counter()
            if profile is not None:
                with profile:
                    exec(code, namespace)  # noqa: S102 - our own report notebook
            else:
                exec(code, namespace)  # noqa: S102
            first = next((line for line in cell.source.splitlines() if line and not line.startswith("#")), "")
            timings.append((index, first[:70], time.perf_counter() - started))
    finally:
        os.chdir(cwd)
        import matplotlib.pyplot as plt

        plt.close("all")
    return timings


def child_profile(args) -> dict:
    """Phases of one unit's document, in this process: kernel execution, HTML, PDF; then profiles.

    The phase timings are taken without a profiler; the profiles come from separate, repeated calls."""
    from ipasn.report.batch.params import load_params
    from ipasn.report.batch.plan import prepare
    from ipasn.report.document.execute import execute
    from ipasn.report.document.render import html_to_pdf, notebook_html

    params = load_params(args.child_profile)
    units = json.loads(args.profile_units)
    report: dict = {"units": {}}
    started = time.perf_counter()
    prepared = prepare(params)
    report["prepare_seconds"] = time.perf_counter() - started
    jobs = {j.unit: j for j in prepared.jobs}
    scratch = Path(tempfile.mkdtemp(prefix="profile-", dir=OUT))

    # Warm-up, as a worker has it after its first document: the zygote and the PDF engine started.
    warm = jobs[units[0]]
    started = time.perf_counter()
    notebook, _ = execute(warm.template, warm.parameters, warm.work_dir, scratch / "warmup.ipynb")
    report["first_execute_seconds"] = time.perf_counter() - started  # includes starting the zygote
    started = time.perf_counter()
    html_to_pdf(notebook_html(notebook, warm.title, warm.footer))
    report["first_pdf_seconds"] = time.perf_counter() - started  # includes starting the PDF engine
    _exec_cells(warm)  # in-process warm-up: matplotlib fonts, first-use caches

    for unit in units:
        job = jobs[unit]
        entry: dict = {"employees": job.weight}
        started = time.perf_counter()
        notebook, error = execute(job.template, job.parameters, job.work_dir, scratch / f"{job.slug}.ipynb")
        entry["execute"] = time.perf_counter() - started
        entry["error"] = None if error is None else f"{error.name}: {error.message}"
        started = time.perf_counter()
        document = notebook_html(notebook, job.title, job.footer)
        entry["html"] = time.perf_counter() - started
        started = time.perf_counter()
        pdf = html_to_pdf(document)
        entry["pdf"] = time.perf_counter() - started
        entry["html_kib"], entry["pdf_kib"] = len(document.encode()) / 1024, len(pdf) / 1024
        entry["table_cells"] = document.count("<td")
        timings = _exec_cells(job)
        entry["cells"] = timings
        entry["cells_total"] = sum(t for _, _, t in timings)
        notebook_profile = Profile()
        _exec_cells(job, notebook_profile)
        pdf_profile = Profile()
        with pdf_profile:
            html_to_pdf(document)
        entry["profiler"] = pdf_profile.kind
        entry["notebook_profile"] = notebook_profile.table(args.profile_top)
        entry["pdf_profile"] = pdf_profile.table(args.profile_top)
        entry["pdf_profile_own"] = pdf_profile.table(args.profile_top, "self")
        report["units"][unit] = entry
    return report


def child_main(args) -> None:
    if args.child_run:
        result = child_run(args)
    elif args.child_prepare:
        result = child_prepare(args)
    else:
        result = child_profile(args)
    Path(args.result).write_text(json.dumps(result, default=str))


def in_child(extra: list[str], capture: bool = False) -> tuple[dict, float, str]:
    """Run this script in a child mode; (its JSON result, wall seconds seen from here, its output)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False, dir=OUT) as handle:
        result_path = Path(handle.name)
    try:
        command = [sys.executable, str(Path(__file__).resolve()), *extra, "--result", str(result_path)]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=capture, text=True, cwd=CODE, env=CHILD_ENV)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            if capture:
                sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"child {extra[:2]} failed with exit code {done.returncode}")
        return json.loads(result_path.read_text()), wall, (done.stdout or "") if capture else ""
    finally:
        result_path.unlink(missing_ok=True)


# --- the instansi --------------------------------------------------------------------------------


def build_instansi(units: int, employees: int, seed: int) -> tuple[Path, dict[str, int], dict[str, int]]:
    """The demo workbook (cached) and pegawai rows and PNS per unit."""
    from ipasn.demo.contract import make_demo, write_demo

    folder = OUT / f"u{units}-e{employees}-s{seed}"
    workbook = folder / "demo.xlsx"
    frames = make_demo(units=units, employees=employees, seed=seed, tahun=YEAR)
    if not workbook.is_file():
        write_demo(workbook, units=units, employees=employees, seed=seed, tahun=YEAR)
    pegawai = frames["pegawai"]
    sizes = pegawai.groupby("unit_kerja").size().to_dict()
    status = pegawai["status"].fillna("").str.strip().str.upper()
    pns = pegawai[status.isin(["", "PNS"])].groupby("unit_kerja").size().to_dict()
    return workbook, {k: int(v) for k, v in sizes.items()}, {k: int(pns.get(k, 0)) for k in sizes}


def write_params(folder: Path, workbook: Path, name: str = "run.yaml", output: str = "reports") -> Path:
    path = folder / name
    path.write_text(
        "# Written by benchmarks/bench_batch.py\n"
        f"instansi: {INSTANSI}\n"
        f"tahun: {YEAR}\n"
        f"data: {workbook.name}\n"
        "rules: perbkn-8-2019\n"
        "targets: {ip_asn: 71, kualifikasi: 15, kompetensi: 20, kinerja: 25, disiplin: 4.5}\n"
        "unit_kerja: all\n"
        "formats: [html, pdf]\n"
        f"output: {output}\n",
        encoding="utf-8")
    return path


def distribution(sizes: dict[str, int]) -> str:
    import numpy as np

    values = np.array(sorted(sizes.values()))
    q = np.percentile(values, [0, 10, 25, 50, 75, 90, 100])
    buckets = [(1, 9), (10, 49), (50, 99), (100, 249), (250, 499), (500, 999), (1000, 10 ** 9)]
    counts = ", ".join(f"{lo}-{hi if hi < 10 ** 9 else ''}: {int(((values >= lo) & (values <= hi)).sum())}"
                       for lo, hi in buckets)
    return (f"{len(values)} units, {values.sum():,} employees; per unit min {q[0]:.0f}, p10 {q[1]:.0f}, "
            f"p25 {q[2]:.0f}, median {q[3]:.0f}, p75 {q[4]:.0f}, p90 {q[5]:.0f}, max {q[6]:.0f}\n"
            f"  by size: {counts}\n  sorted: {' '.join(str(v) for v in values)}")


# --- (a) the baseline ---------------------------------------------------------------------------


def spread(sizes: dict[str, int], k: int) -> list[str]:
    import numpy as np

    ordered = sorted(sizes, key=lambda u: (sizes[u], u))
    if k >= len(ordered):
        return ordered
    picks = np.unique(np.round(np.linspace(0, len(ordered) - 1, k)).astype(int))
    return [ordered[i] for i in picks]


def baseline(workbook: Path, sizes: dict[str, int], k: int, folder: Path) -> dict:
    from slugify import slugify

    out = folder / "baseline"
    out.mkdir(parents=True, exist_ok=True)
    notebook = CODE / "notebooks" / "unit_report.ipynb"
    papermill = BIN / "papermill"
    jupyter = BIN / "jupyter"
    rows = []
    for unit in spread(sizes, k):
        executed = out / f"{slugify(unit)}.ipynb"
        started = time.perf_counter()
        pm = subprocess.run([str(papermill), str(notebook), str(executed), "-p", "data", str(workbook),
                             "-p", "tahun", str(YEAR), "-p", "unit", unit], capture_output=True, text=True, cwd=out,
                            env=CHILD_ENV)
        t_pm = time.perf_counter() - started
        started = time.perf_counter()
        nc = subprocess.run([str(jupyter), "nbconvert", "--to", "html", str(executed)], capture_output=True,
                            text=True, cwd=out, env=CHILD_ENV)
        t_nc = time.perf_counter() - started
        ok = pm.returncode == 0 and nc.returncode == 0 and executed.with_suffix(".html").is_file()
        if not ok:
            sys.stderr.write(pm.stderr[-2000:] + nc.stderr[-2000:])
        rows.append({"unit": unit, "size": sizes[unit], "papermill": t_pm, "nbconvert": t_nc, "ok": ok})
        print(f"  {unit[:48]:<48} {sizes[unit]:>6} pegawai  papermill {t_pm:6.2f} s + nbconvert {t_nc:5.2f} s"
              f" = {t_pm + t_nc:6.2f} s{'' if ok else '  FAILED'}", flush=True)
    return {"rows": rows}


def extrapolate(rows: list[dict], sizes: dict[str, int]) -> tuple[float, str]:
    """Seconds for every unit: a least-squares line in unit size through the timed units."""
    import numpy as np

    x = np.array([r["size"] for r in rows], float)
    y = np.array([r["papermill"] + r["nbconvert"] for r in rows])
    every = np.array(list(sizes.values()), float)
    if len(rows) == len(sizes):
        return float(y.sum()), "measured on every unit"
    if len(rows) >= 3 and np.ptp(x) > 0:
        slope, intercept = np.polyfit(x, y, 1)
        total = float(np.sum(intercept + slope * every))
        return total, (f"extrapolated from {len(rows)} timed units with a least-squares line "
                       f"{intercept:.2f} s + {slope * 1000:.2f} ms per employee of the unit")
    return float(y.mean() * len(every)), f"extrapolated from the mean of {len(rows)} timed units"


# --- main --------------------------------------------------------------------------------------


def count_documents(year_dir: Path) -> dict[str, int]:
    return {suffix: len(list(year_dir.glob(f"units/*.{suffix}"))) + int((year_dir / f"instansi.{suffix}").is_file())
            for suffix in ("ipynb", "html", "pdf")}


def main() -> None:
    global OUT, CODE, CHILD_ENV
    parser = argparse.ArgumentParser(
        description="Time a province's reports: the papermill + nbconvert CLI loop against `ipasn run` "
                    "(cold and reused), with memory for --units and --big-units (see the module docstring).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--units", type=int, default=50, help="units (SKPD) in the demo instansi")
    parser.add_argument("--employees", type=int, default=5000,
                        help="employees in the demo instansi (make_demo splits them very unequally over units)")
    parser.add_argument("--seed", type=int, default=2022, help="demo data seed")
    parser.add_argument("--baseline-units", type=int, default=6,
                        help="units the papermill + nbconvert baseline is timed on, spread over sizes; the rest "
                             "is extrapolated (0: skip the baseline)")
    parser.add_argument("--jobs", type=int, default=None, help="`ipasn run --jobs` (default: ipasn's, the cores)")
    parser.add_argument("--big-units", type=int, default=200,
                        help="second instansi for the memory comparison (0: skip)")
    parser.add_argument("--big-employees", type=int, default=None,
                        help="employees of the big instansi (default: same mean unit size as --units)")
    parser.add_argument("--render-big", action="store_true",
                        help="also render every document of the big instansi (cold `ipasn run --force`)")
    parser.add_argument("--no-profile", dest="profile", action="store_false",
                        help="skip the per-document phase timings and profiles")
    parser.add_argument("--profile-top", type=int, default=12, help="rows per profile table")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures to this JSON file")
    parser.add_argument("--snapshot", metavar="REV", default=None,
                        help="measure the code of git revision REV (extracted with `git archive` under --out) "
                             "instead of the live working tree, so that edits during the run change nothing; "
                             "see benchmarks/snapshot.py")
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    parser.add_argument("--child-prepare", help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", help=argparse.SUPPRESS)
    parser.add_argument("--profile-units", help=argparse.SUPPRESS)
    parser.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run or args.child_prepare or args.child_profile:
        child_main(args)
        return

    OUT = args.out
    OUT.mkdir(parents=True, exist_ok=True)
    figures: dict = {"units": args.units, "employees": args.employees, "seed": args.seed}
    print(f"bench_batch  {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine: {machine()}")
    sys.path.insert(0, str(HERE))
    import snapshot

    code_root = commit = None
    if args.snapshot:
        code_root, commit = snapshot.extract(args.snapshot, OUT)
        CODE, CHILD_ENV = code_root, snapshot.environment(code_root)
        figures["code"] = commit
    print(f"code: {snapshot.describe(code_root, commit)}")
    print()

    workbook, sizes, pns = build_instansi(args.units, args.employees, args.seed)
    folder = workbook.parent
    params = write_params(folder, workbook)
    print(f"instansi: make_demo(units={args.units}, employees={args.employees}, seed={args.seed}) -> {workbook}")
    print(f"unit sizes (pegawai rows): {distribution(sizes)}")
    print(f"PNS scored per unit: median {sorted(pns.values())[len(pns) // 2]}, total {sum(pns.values()):,}")
    print()

    # (a) baseline
    per_unit_a = None
    if args.baseline_units:
        k = min(args.baseline_units, len(sizes))
        print(f"(a) baseline: papermill CLI (cold kernel) then `jupyter nbconvert --to html` CLI, per unit, "
              f"sequentially, on {k} of {len(sizes)} units spread over sizes {load_note()}:", flush=True)
        a = baseline(workbook, sizes, k, folder)
        total_a, how = extrapolate(a["rows"], sizes)
        timed = a["rows"]
        mean_timed = sum(r["papermill"] + r["nbconvert"] for r in timed) / len(timed)
        per_unit_a = total_a / len(sizes)
        print(f"  timed units: mean {mean_timed:.2f} s per unit (papermill "
              f"{sum(r['papermill'] for r in timed) / len(timed):.2f} s + nbconvert "
              f"{sum(r['nbconvert'] for r in timed) / len(timed):.2f} s), HTML only")
        print(f"  all {len(sizes)} units: {total_a:.0f} s = {per_unit_a:.2f} s per unit ({how})")
        figures["baseline"] = {**a, "total_all_units": total_a, "per_unit": per_unit_a, "method": how}
        print()

    # (b) cold ipasn run
    print(f"(b) ipasn run {shown(params)} --force  (HTML + PDF for {len(sizes)} units + the instansi "
          "report; cold: every document executed) " + load_note(), flush=True)
    b, wall_b, text_b = in_child(["--child-run", str(params), "--force"] + (["--jobs", str(args.jobs)] if args.jobs else []),
                                 capture=True)
    year_dir = folder / "reports" / "pemerintah-provinsi-bench" / str(YEAR)
    docs = count_documents(year_dir)
    manifest = json.loads((year_dir / "manifest.json").read_text()) if (year_dir / "manifest.json").is_file() else {}
    seconds = {k: v.get("seconds", 0.0) for k, v in manifest.get("documents", {}).items()}
    per_unit_b = wall_b / len(sizes)
    for line in text_b.strip().splitlines():
        print(f"  | {line}")
    print(f"  wall {wall_b:.1f} s (process start to exit; {b['seconds_in_process']:.1f} s inside the command) -> "
          f"{per_unit_b:.2f} s per unit ({wall_b / (len(sizes) + 1):.2f} s per document incl. the instansi report); "
          f"exit code {b['exit_code']}")
    print(f"  machine CPU during the command: {b['machine_cpu']:.1f} s ({b['machine_cpu'] / (len(sizes) + 1):.2f} s per "
          f"document; every process: parent, workers, kernels, browsers)")
    print(f"  documents written: {docs['html']} HTML, {docs['pdf']} PDF, {docs['ipynb']} executed notebooks")
    if seconds:
        units_only = {k: v for k, v in seconds.items() if k.startswith("units/")}
        biggest = sorted(units_only.items(), key=lambda kv: -kv[1])[:3]
        print(f"  worker seconds per document (manifest): sum {sum(seconds.values()):.1f} s, unit median "
              f"{sorted(units_only.values())[len(units_only) // 2]:.2f} s, instansi {seconds.get('instansi', 0):.2f} s; "
              f"slowest: {', '.join(f'{k[6:]} {v:.1f} s' for k, v in biggest)}")
    print(f"  memory: `ipasn run` parent process peak {mib(b['parent_peak'])}; largest worker/child "
          f"{mib(b['largest_child_peak'])}; whole process tree (summed RSS, sampled) {mib(b['tree_peak'])} "
          f"over {b['tree_processes']} processes")
    figures["cold"] = {**b, "wall": wall_b, "per_unit": per_unit_b, "documents": docs, "document_seconds": seconds}
    print()

    # (c) unchanged rerun
    def statuses() -> dict[str, int]:
        path = year_dir / "manifest.json"
        documents = json.loads(path.read_text()).get("documents", {}) if path.is_file() else {}
        counts: dict[str, int] = {}
        for entry in documents.values():
            counts[entry.get("status", "?")] = counts.get(entry.get("status", "?"), 0) + 1
        return counts

    def rerun(label: str) -> tuple[dict, float, dict[str, int]]:
        print(f"{label} ipasn run {shown(params)}  (nothing changed: every document should be reused) {load_note()}",
              flush=True)
        result, wall, text = in_child(["--child-run", str(params)], capture=True)
        for line in text.strip().splitlines():
            print(f"  | {line}")
        counts = statuses()
        print(f"  wall {wall:.2f} s total (process start to exit; {result['seconds_in_process']:.2f} s inside the "
              f"command); parent peak {mib(result['parent_peak'])}; manifest: {counts}")
        return result, wall, counts

    c, wall_c, counts_c = rerun("(c)")
    figures["reuse"] = {**c, "wall": wall_c, "statuses": counts_c}
    executed_again = sum(v for k, v in counts_c.items() if k != "reused")
    if executed_again:
        print(f"  NOTE: the unchanged rerun executed {executed_again} documents again instead of reusing them; "
              "running once more to show the steady state")
        c2, wall_c2, counts_c2 = rerun("(c, once more)")
        figures["reuse_again"] = {**c2, "wall": wall_c2, "statuses": counts_c2}
    print()

    # memory for --units and --big-units
    print("memory of the preparation step (load + score + every document's data bundle), each in a fresh process "
          "and a fresh output folder (no dataset cache):")

    def prepare_params(book: Path) -> Path:
        import shutil

        shutil.rmtree(book.parent / "prepare-reports", ignore_errors=True)
        return write_params(book.parent, book, name="prepare.yaml", output="prepare-reports")

    prep, _, _ = in_child(["--child-prepare", str(prepare_params(workbook))])
    print(f"  {len(sizes):>4} units, {args.employees:>7,} employees: peak {mib(prep['peak'])} "
          f"(imports {mib(prep['peak_after_import'])}), {prep['seconds']:.1f} s, {prep['jobs']} documents planned")
    figures["prepare"] = {str(len(sizes)): prep}
    if args.big_units:
        big_employees = args.big_employees or round(args.employees * args.big_units / args.units)
        big_book, big_sizes, _ = build_instansi(args.big_units, big_employees, args.seed)
        big_params = write_params(big_book.parent, big_book)
        big, _, _ = in_child(["--child-prepare", str(prepare_params(big_book))])
        print(f"  {len(big_sizes):>4} units, {big_employees:>7,} employees: peak {mib(big['peak'])} "
              f"(imports {mib(big['peak_after_import'])}), {big['seconds']:.1f} s, {big['jobs']} documents planned")
        figures["prepare"][str(len(big_sizes))] = big
        if args.render_big:
            print(f"  rendering all {len(big_sizes)} units of the big instansi (ipasn run --force) ...", flush=True)
            rb, wall_rb, _ = in_child(["--child-run", str(big_params), "--force"] +
                                      (["--jobs", str(args.jobs)] if args.jobs else []), capture=True)
            print(f"  {len(big_sizes):>4} units rendered: wall {wall_rb:.0f} s ({wall_rb / len(big_sizes):.2f} s per unit); "
                  f"parent peak {mib(rb['parent_peak'])}, largest worker {mib(rb['largest_child_peak'])}, "
                  f"tree {mib(rb['tree_peak'])}")
            figures["render_big"] = {**rb, "wall": wall_rb}
    print(f"  full run, {len(sizes)} units: `ipasn run` parent peak {mib(b['parent_peak'])} (from (b))")
    print()

    # targets
    print("targets (issue 5, this machine):")
    if per_unit_a is not None:
        speedup = per_unit_a / per_unit_b
        print(f"  (b) >= {TARGET_SPEEDUP:.0f}x faster per unit than (a), with PDF too: (a) {per_unit_a:.2f} s / (b) "
              f"{per_unit_b:.2f} s = {speedup:.1f}x  {verdict(speedup >= TARGET_SPEEDUP and docs['pdf'] > 0)}")
        figures["speedup"] = speedup
    print(f"  (b) <= {TARGET_PER_UNIT:.1f} s per unit: {per_unit_b:.2f} s  {verdict(per_unit_b <= TARGET_PER_UNIT)}")
    print(f"  (c) <= {TARGET_REUSE:.0f} s in total: {wall_c:.2f} s  {verdict(wall_c <= TARGET_REUSE)}"
          + (f"  (the rerun executed {executed_again} documents again; once more: "
             f"{figures['reuse_again']['wall']:.2f} s, {verdict(figures['reuse_again']['wall'] <= TARGET_REUSE)})"
             if executed_again else ""))
    print()

    # one document, phase by phase
    if args.profile:
        ordered = sorted(sizes, key=lambda u: (sizes[u], u))
        chosen = [ordered[len(ordered) // 2], ordered[-1]]
        profile_params = write_params(folder, workbook, name="profile.yaml", output="profile-reports")
        print(f"one document, phase by phase (in one process, zygote warm): {chosen[0]} (median size) and "
              f"{chosen[1]} (largest)", flush=True)
        p, _, _ = in_child(["--child-profile", str(profile_params), "--profile-units", json.dumps(chosen),
                            "--profile-top", str(args.profile_top)])
        print(f"  first document of a worker: execute {p['first_execute_seconds']:.2f} s (starts the zygote), "
              f"first PDF {p['first_pdf_seconds']:.2f} s (starts the PDF engine)")
        for unit, e in p["units"].items():
            total = e["execute"] + e["html"] + e["pdf"]
            print(f"  {unit} ({e['employees']} employees, {e['table_cells']:,} table cells, HTML "
                  f"{e['html_kib']:.0f} KiB, PDF {e['pdf_kib']:.0f} KiB): execute {e['execute']:.2f} s "
                  f"(of which the notebook's own code in-process {e['cells_total']:.2f} s), HTML {e['html']:.2f} s, "
                  f"PDF {e['pdf']:.2f} s; total {total:.2f} s"
                  + (f"  ERROR {e['error']}" if e["error"] else ""))
            cells = sorted(e["cells"], key=lambda t: -t[2])[:6]
            print("    slowest cells (in-process): " + "; ".join(f"{src} {s:.3f} s" for _, src, s in cells))
        def block(title: str, text: str) -> None:
            print(f"\n  {title}")
            print("\n".join("    " + line for line in text.splitlines()))

        names = list(p["units"])
        median, largest = p["units"][names[0]], p["units"][names[-1]]
        block(f"notebook code of the largest unit ({names[-1]}), in-process:", largest["notebook_profile"])
        block(f"PDF rendering of the largest unit ({names[-1]}):", largest["pdf_profile"])
        block(f"PDF rendering of the largest unit ({names[-1]}), own time:", largest["pdf_profile_own"])
        block(f"notebook code of the median unit ({names[0]}), in-process:", median["notebook_profile"])
        block(f"PDF rendering of the median unit ({names[0]}):", median["pdf_profile"])
        figures["profile"] = p
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str))


if __name__ == "__main__":
    main()
