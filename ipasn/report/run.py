"""`ipasn run`: score once, prepare each report's data, execute every notebook, write the index."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ipasn import __version__
from ipasn.errors import ParamsError
from ipasn.files import clean_temporaries, write_bytes
from ipasn.load import Dataset, load
from ipasn.output import scores_table
from ipasn.xlsx import workbook_bytes
from ipasn.report.batch import INSTANSI_TEMPLATE, UNIT_TEMPLATE, Job, JobResult, notebook_template, run_job
from ipasn.report.data import ReportData, year_history
from ipasn.report.index import write_index
from ipasn.report.params import RunParams
from ipasn.report.slugs import unique_slugs
from ipasn.ruleset import parse_ruleset, ruleset_text
from ipasn.score import ScoreResult, score

PERSONAL_DATA_SUFFIX = "data-pribadi"


@dataclass
class Prepared:
    """Everything computed once in the parent process before any notebook runs."""

    params: RunParams
    dataset: Dataset
    results: dict[int, ScoreResult]
    rules_label: str
    rules_yaml: str
    slugs: dict[str, str]  # unit -> file stem
    instansi_dir: Path
    jobs: list[Job] = field(default_factory=list)


def scores_workbook_name(tahun: int) -> str:
    return f"skor-ipasn-{tahun}-{PERSONAL_DATA_SUFFIX}.xlsx"


def _check_against_data(params: RunParams, dataset: Dataset, results: dict[int, ScoreResult]) -> list[str]:
    units = sorted(set(dataset.pegawai["unit_kerja"]))
    if params.unit_kerja == "all":
        chosen = units
    else:
        unknown = [u for u in params.unit_kerja if u not in units]
        if unknown:
            raise ParamsError(f"unit kerja tidak ada dalam data: {', '.join(unknown)}; yang ada: {', '.join(units)}")
        chosen = sorted(set(params.unit_kerja))
    for tahun, result in results.items():
        if not len(dataset.kinerja) or not (dataset.kinerja["tahun"] == result.period.tahun_kinerja).any():
            raise ParamsError(f"tahun {tahun}: data tidak memuat penilaian kinerja tahun "
                              f"{result.period.tahun_kinerja}; periksa 'tahun' pada definisi run")
    return chosen


def prepare(params: RunParams, only: str | None = None) -> Prepared:
    """Load and score once per year, write each report's bundle, and plan the jobs."""
    from slugify import slugify

    label, text = ruleset_text(params.rules_ref())
    rules = parse_ruleset(text, label)
    dataset = load(params.data_path(), rules)
    results = {t: score(dataset, t, rules, params.tanggal_acuan) for t in params.tahun}
    units = _check_against_data(params, dataset, results)
    if only is not None and only not in units:
        raise ParamsError(f"--only: unit kerja '{only}' tidak ada di antara unit run ini")
    instansi_dir = params.output_dir() / (slugify(params.instansi, max_length=80) or "instansi")
    prepared = Prepared(params, dataset, results, params.rules or label, text,
                        unique_slugs(sorted(set(dataset.pegawai["unit_kerja"]))), instansi_dir)
    for tahun, result in results.items():
        year_dir = instansi_dir / str(tahun)
        if year_dir.exists():
            clean_temporaries(year_dir)  # what an interrupted run left behind
        for unit in ([only] if only else [*units, None]):
            prepared.jobs.append(_job(prepared, result, year_dir, unit))
    return prepared


def _footer(prepared: Prepared, result: ScoreResult) -> str:
    return (f"Dibuat dengan ipasn {__version__} · aturan {prepared.rules_label} · "
            f"tanggal acuan {result.period.tanggal_acuan:%d-%m-%Y}")


def _job(prepared: Prepared, result: ScoreResult, year_dir: Path, unit: str | None) -> Job:
    params = prepared.params
    tahun = result.period.tahun
    report = ReportData.from_result(result, prepared.rules_label, prepared.rules_yaml, unit)
    if unit is None:
        earlier = [t for t in params.tahun if t <= tahun]
        if len(earlier) > 1:
            report.history = year_history(prepared.dataset, result.rules, earlier)
    slug = prepared.slugs[unit] if unit is not None else "instansi"
    scope = unit if unit is not None else params.instansi
    job = Job(
        tahun=tahun, unit=unit, slug=slug,
        template=(params.notebook("unit" if unit is not None else "instansi")
                  or notebook_template(UNIT_TEMPLATE if unit is not None else INSTANSI_TEMPLATE)),
        year_dir=year_dir, parameters={}, formats=tuple(params.formats),
        title=f"IP ASN {tahun} — {scope}", footer=_footer(prepared, result),
    )
    report.write(job.work_dir / "bundle")
    parameters = {"year": tahun, "instansi": params.instansi, "targets": params.targets.model_dump(exclude_none=True),
                  "scored": "bundle"}
    if unit is not None:
        parameters.update(unit=unit, mask_personal=params.options.mask_personal_data)
    object.__setattr__(job, "parameters", parameters)
    return job


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def quiet_worker() -> None:
    """Kernels inherit the worker's stderr; their start-up chatter is not for the user's terminal.
    Errors are not lost: each job returns its notebook's error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def local_executor(workers: int) -> Executor:
    # Processes, never threads: papermill and matplotlib are not thread-safe. Spawn: no inherited state.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=quiet_worker)


def _crash(job: Job, exc: BaseException) -> JobResult:
    return JobResult(job.key, "failed", 0.0, {}, {
        "name": "WorkerCrash", "message": f"proses pekerja berhenti mendadak ({type(exc).__name__})",
        "cell": None})


def execute_jobs(jobs: list[Job], make_executor: Callable[[], Executor],
                 progress: Callable[[JobResult], None] = lambda r: None) -> dict[str, JobResult]:
    """Run every job. A crashed worker breaks its pool; the jobs it took down are retried once,
    each in its own worker, so only the culprit fails."""
    results: dict[str, JobResult] = {}
    crashed: list[Job] = []
    with make_executor() as executor:
        futures = {executor.submit(run_job, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                crashed.append(job)
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a lost dask worker: that job fails
                result = JobResult(job.key, "failed", 0.0, {}, {"name": type(exc).__name__,
                                                                 "message": str(exc), "cell": None})
            results[job.key] = result
            progress(result)
    for job in sorted(crashed, key=lambda j: j.key):
        with make_executor() as executor:
            try:
                result = executor.submit(run_job, job).result()
            except Exception as exc:  # noqa: BLE001
                result = _crash(job, exc)
        results[job.key] = result
        progress(result)
    return results


def finish(prepared: Prepared, results: dict[str, JobResult]) -> list[Path]:
    """Scores workbook and index per year. Returns the index pages."""
    indexes = []
    for tahun, result in prepared.results.items():
        year_dir = prepared.instansi_dir / str(tahun)
        year_dir.mkdir(parents=True, exist_ok=True)
        write_bytes(year_dir / scores_workbook_name(tahun), workbook_bytes({
            "skor": scores_table(result), "temuan": result.findings,
            "rekap_baris": result.dataset.accounting,
        }))
        indexes.append(write_index(prepared, result, year_dir, results))
    return indexes
