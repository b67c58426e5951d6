"""`ipasn run`: score once, prepare each report's data, execute what changed, write index and manifest."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import multiprocessing.connection
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ipasn import __version__
from ipasn.errors import ParamsError, RulesetError
from ipasn.files import clean_temporaries, write_bytes, write_text
from ipasn.load import Dataset, load
from ipasn.output import scores_table
from ipasn.report import manifest as mf
from ipasn.report.batch import (INSTANSI_TEMPLATE, UNIT_TEMPLATE, Job, JobResult, notebook_template, run_job,
                                warm_up)
from ipasn.report.data import ReportData, year_history
from ipasn.report.index import index_data, write_index
from ipasn.report.lifetime import init_worker
from ipasn.report.params import RunParams
from ipasn.report.provenance import (code_sha256, environment, git_commit, input_files, sha256_bytes, sha256_file,
                                     template_sha256)
from ipasn.report.runlock import run_lock
from ipasn.report.slugs import unique_slugs
from ipasn.ruleset import DEFAULT_RULESET, parse_ruleset, ruleset_text
from ipasn.errors import YearError
from ipasn.score import ScoreResult, require_year, score
from ipasn.xlsx import workbook_bytes

PERSONAL_DATA_SUFFIX = "data-pribadi"
INDEX_DATA = "indeks.json"  # in <year>/_kerja/: the index page's figures, for unchanged reruns


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
    data_key: str  # hash of the inputs, rules and code the Dataset was loaded from
    jobs: list[Job] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # job key -> fingerprint

    @property
    def rules_sha256(self) -> str:
        return sha256_bytes(self.rules_yaml.encode("utf-8"))

    def year_dir(self, tahun: int) -> Path:
        return self.instansi_dir / str(tahun)


@dataclass
class RunOutcome:
    prepared: Prepared | None  # None: nothing had changed, nothing was loaded
    results: dict[str, JobResult]
    indexes: list[Path]
    manifests: list[Path]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results.values() if r.status == status)


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
    for result in results.values():
        try:
            require_year(dataset, result.period)
        except YearError as exc:
            raise ParamsError(f"{exc}; periksa 'tahun' pada definisi run (atau 'lembar_tidak_ada')") from exc
    return chosen


def _instansi_dir(params: RunParams) -> Path:
    from slugify import slugify

    return params.output_dir() / (slugify(params.instansi, max_length=80) or "instansi")


def _templates(params: RunParams) -> dict[str, Path]:
    return {path.name: path for path in (params.notebook("unit") or notebook_template(UNIT_TEMPLATE),
                                         params.notebook("instansi") or notebook_template(INSTANSI_TEMPLATE))}


def run_key(params: RunParams, run_file: Path | None, data_key: str, year_dir: Path) -> str:
    """Everything a whole year's folder (documents, workbook, index, manifest) is made from.

    Recorded in the manifest after a complete run without failures; the next run with the same key
    and intact files has nothing to do, and knows it before loading any data."""
    run_text = run_file.read_text(encoding="utf-8") if run_file and run_file.is_file() else None
    parts = {
        "canonical": params.model_dump(mode="json", exclude={"base_dir"}),
        "run_file": str(run_file.resolve()) if run_file else None, "run_text": run_text,
        "data": [str(p) for p in params.data_paths()], "rules_ref": params.rules_ref(), "data_key": data_key,
        "year_dir": str(year_dir.resolve()),
        "templates": {name: [str(path), template_sha256(path)] for name, path in sorted(_templates(params).items())},
        "environment": environment(), "ipasn": __version__, "git": git_commit(),
    }
    return sha256_bytes(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


def _intact(folder: Path, files: dict[str, str]) -> bool:
    return all((folder / name).is_file() and sha256_file(folder / name) == digest for name, digest in files.items())


def unchanged_run(params: RunParams, run_file: Path | None) -> RunOutcome | None:
    """Nothing changed since the last complete run: mark every document reused, rewrite the index
    and the manifest exactly as a full rerun would, without loading or scoring. None otherwise."""
    try:
        label, text = ruleset_text(params.rules_ref())
        data_key = dataset_key(params.data_paths(), sha256_bytes(text.encode("utf-8")))
    except (OSError, RulesetError):
        return None  # a missing input: the full run names it properly
    instansi_dir = _instansi_dir(params)
    years = []
    for tahun in params.tahun:
        year_dir = instansi_dir / str(tahun)
        previous = mf.read_manifest(year_dir)
        if previous is None:
            return None
        try:
            key = run_key(params, run_file, data_key, year_dir)
        except (OSError, ValueError):
            return None
        if previous.get("run_key") != key:
            return None
        try:
            shown = json.loads((year_dir / "_kerja" / INDEX_DATA).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        documents = previous.get("documents", {})
        workbook = previous.get("scores_workbook", {})
        if (shown.get("run_key") != key or not documents
                or any(e.get("status") not in ("ok", "reused") for e in documents.values())
                or not all(_intact(year_dir, e.get("files", {})) for e in documents.values())
                or not _intact(year_dir, {workbook.get("path", ""): workbook.get("sha256")})):
            return None
        years.append((tahun, year_dir, previous, shown["index"]))
    results: dict[str, JobResult] = {}
    indexes, manifests = [], []
    for tahun, year_dir, previous, shown in years:
        clean_temporaries(year_dir)
        year_results = {f"{tahun}/{stem}": JobResult(f"{tahun}/{stem}", "reused", 0.0, dict(e["files"]))
                        for stem, e in previous["documents"].items()}
        results.update(year_results)
        indexes.append(write_index(shown, year_dir, year_results))
        manifest = dict(previous)
        manifest["documents"] = {stem: {"unit": e.get("unit"), "fingerprint": e.get("fingerprint"), "status": "reused",
                                        "seconds": 0.0, "files": e["files"], "error": None}
                                 for stem, e in previous["documents"].items()}
        manifests.append(mf.write_manifest(year_dir, manifest))
    return RunOutcome(None, results, indexes, manifests)


def prepare(params: RunParams, only: str | None = None) -> Prepared:
    """Load and score once per year, write each report's bundle, and plan the jobs."""
    label, text = ruleset_text(params.rules_ref())
    rules = parse_ruleset(text, label)
    instansi_dir = _instansi_dir(params)
    dataset = load(params.data_paths(), rules, unit_column=params.kolom_unit, absent_ok=params.lembar_tidak_ada)
    data_key = dataset_key(params.data_paths(), sha256_bytes(text.encode("utf-8")))
    results = {t: score(dataset, t, rules, params.tanggal_acuan) for t in params.tahun}
    units = _check_against_data(params, dataset, results)
    if only is not None and only not in units:
        raise ParamsError(f"--only: unit kerja '{only}' tidak ada di antara unit run ini")
    prepared = Prepared(params, dataset, results, params.rules or DEFAULT_RULESET, text,
                        unique_slugs(sorted(set(dataset.pegawai["unit_kerja"]))), instansi_dir, data_key)
    for tahun, result in results.items():
        year_dir = prepared.year_dir(tahun)
        if year_dir.exists():
            clean_temporaries(year_dir)  # what an interrupted run left behind
        for unit in ([only] if only else [*units, None]):
            job = _job(prepared, result, year_dir, unit)
            prepared.jobs.append(job)
            prepared.fingerprints[job.key] = mf.job_fingerprint(job, prepared.rules_sha256)
    return prepared


def _footer(prepared: Prepared, result: ScoreResult, data_sha256: str) -> str:
    """Provenance on every page: code, rules, the hash of the data this document was made from,
    and a date taken from the data (the reference date), never the clock."""
    return (f"ipasn {__version__} · aturan {prepared.rules_label} ({prepared.rules_sha256[:8]}) · "
            f"data sha256 {data_sha256[:12]} · tanggal acuan {result.period.tanggal_acuan:%d-%m-%Y}")


def _job(prepared: Prepared, result: ScoreResult, year_dir: Path, unit: str | None) -> Job:
    params = prepared.params
    tahun = result.period.tahun
    report = ReportData.from_result(result, prepared.rules_label, prepared.rules_yaml, unit)
    if unit is None:
        earlier = [t for t in params.tahun if t <= tahun]
        if len(earlier) > 1:
            report.history = year_history(prepared.dataset, result.rules, earlier)
    parameters = {"year": tahun, "instansi": params.instansi,
                  "targets": params.targets.model_dump(exclude_none=True), "scored": "bundle"}
    if unit is not None:
        parameters.update(unit=unit, mask_personal=params.options.mask_personal_data)
    scope = unit if unit is not None else params.instansi
    job = Job(
        tahun=tahun, unit=unit, slug=prepared.slugs[unit] if unit is not None else "instansi",
        template=(params.notebook("unit" if unit is not None else "instansi")
                  or notebook_template(UNIT_TEMPLATE if unit is not None else INSTANSI_TEMPLATE)),
        year_dir=year_dir, parameters=parameters, formats=tuple(params.formats),
        title=f"IP ASN {tahun} — {scope}", weight=len(report.pegawai),
    )
    # A document depends on its own slice of the data only: its footer names that slice's hash.
    bundle = report.write(job.work_dir / "bundle")
    return replace(job, footer=_footer(prepared, result, mf.bundle_sha256(bundle)))


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class WorkerPool(ProcessPoolExecutor):
    """The local process pool. Leaving its `with` block normally waits for the queued jobs; leaving
    it by an exception (Ctrl-C, SIGTERM: `lifetime.Stopped`) stops the workers at once instead."""

    STOP_GRACE = 5.0  # seconds for a worker to kill its browser and zygote before it is killed

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.shutdown(wait=True)
        else:
            self.stop()
        return False

    def stop(self) -> None:
        """Cancel what has not started; SIGTERM every worker (each kills what it started and exits,
        see lifetime.stop_worker), SIGKILL any still there after STOP_GRACE. The pool's own thread
        reaps them."""
        processes = list((self._processes or {}).values())  # private, but the only handle on the workers
        self.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError):
                process.terminate()
        if not _wait_ended(processes, self.STOP_GRACE):
            for process in processes:
                with contextlib.suppress(OSError, ValueError):
                    process.kill()
            _wait_ended(processes, self.STOP_GRACE)


def _wait_ended(processes: list, timeout: float) -> bool:
    """Wait until every process has ended (its sentinel is ready; reaping is left to the pool)."""
    deadline = time.monotonic() + timeout
    sentinels = []
    for process in processes:
        with contextlib.suppress(ValueError):  # a closed process object: already reaped
            sentinels.append(process.sentinel)
    while sentinels:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready = multiprocessing.connection.wait(sentinels, timeout=remaining)
        sentinels = [s for s in sentinels if s not in ready]
    return True


def local_executor(workers: int) -> Executor:
    # Processes, never threads: papermill and matplotlib are not thread-safe. Spawn: no inherited state.
    return WorkerPool(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                      initializer=init_worker, initargs=(os.getpid(),))


def _crash(job: Job, exc: BaseException) -> JobResult:
    return JobResult(job.key, "failed", 0.0, {}, {
        "name": "WorkerCrash", "message": f"proses pekerja berhenti mendadak ({type(exc).__name__})",
        "cell": None})


def execute_jobs(jobs: list[Job], make_executor: Callable[[], Executor],
                 progress: Callable[[JobResult], None] = lambda r: None,
                 executor: Executor | None = None) -> dict[str, JobResult]:
    """Run every job (on `executor` if given, else on a new one). A crashed worker breaks its pool;
    the jobs it took down are retried once, each in its own worker, so only the culprit fails."""
    results: dict[str, JobResult] = {}
    if not jobs:
        return results
    crashed: list[Job] = []
    # Largest documents first, so no big unit is left running alone at the end.
    jobs = sorted(jobs, key=lambda j: (-j.weight, j.key))
    with contextlib.nullcontext(executor) if executor is not None else make_executor() as executor:
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


def run(params: RunParams, make_executor: Callable[[], Executor], *, only: str | None = None,
        force: bool = False, run_file: Path | None = None,
        progress: Callable[[JobResult], None] = lambda r: None,
        planned: Callable[[int], None] = lambda n: None,
        wait: bool = False, waiting: Callable[[str], None] = lambda who: None) -> RunOutcome:
    """Prepare, reuse what still matches the manifest, execute the rest, then index and manifest.

    One run at a time per instansi folder: another live run's lock refuses this one (RunBusyError),
    or with `wait` this one waits for it (`waiting(who)` first)."""
    with run_lock(_instansi_dir(params), wait=wait, waiting=waiting):
        return _run(params, make_executor, only=only, force=force, run_file=run_file, progress=progress,
                    planned=planned)


def _run(params: RunParams, make_executor: Callable[[], Executor], *, only: str | None, force: bool,
         run_file: Path | None, progress: Callable[[JobResult], None],
         planned: Callable[[int], None]) -> RunOutcome:
    if not force and only is None:
        outcome = unchanged_run(params, run_file)
        if outcome is not None:
            planned(0)
            return outcome
    with make_executor() as executor:
        # The workers start their kernel zygotes and PDF engines while this process loads and scores.
        workers = getattr(executor, "_max_workers", 0) if isinstance(executor, ProcessPoolExecutor) else 0
        for _ in range(workers):
            executor.submit(warm_up)
        prepared = prepare(params, only=only)
        previous = {t: mf.read_manifest(prepared.year_dir(t)) for t in prepared.results}
        results: dict[str, JobResult] = {}
        to_run = []
        for job in prepared.jobs:
            reused = None if force else mf.reusable(job, prepared.fingerprints[job.key], previous[job.tahun])
            if reused is not None:
                results[job.key] = reused
            else:
                to_run.append(job)
        planned(len(to_run))
        results.update(execute_jobs(to_run, make_executor, progress, executor=executor))
    indexes, manifests = finish(prepared, results, previous, run_file, complete=only is None)
    return RunOutcome(prepared, results, indexes, manifests)


def finish(prepared: Prepared, results: dict[str, JobResult], previous: dict[int, dict | None],
           run_file: Path | None = None, complete: bool = False) -> tuple[list[Path], list[Path]]:
    """Per year: the scores workbook, the index page and the manifest (written last).

    `complete`: every document of the run was planned (no --only); if none failed either, the
    manifest records the run key that lets an unchanged rerun skip loading altogether."""
    params = prepared.params
    run_text = run_file.read_text(encoding="utf-8") if run_file and run_file.is_file() else None
    canonical = params.model_dump(mode="json", exclude={"base_dir"})
    rules_ref = params.rules_ref()
    rules_file = Path(rules_ref) if rules_ref and Path(rules_ref).is_file() else None
    templates = {job.template.name: job.template for job in prepared.jobs}
    indexes, manifests = [], []
    for tahun, result in prepared.results.items():
        year_dir = prepared.year_dir(tahun)
        year_dir.mkdir(parents=True, exist_ok=True)
        workbook = year_dir / scores_workbook_name(tahun)
        workbook_key = sha256_bytes(f"{prepared.data_key}:{result.period}".encode("utf-8"))
        if not _still_valid(workbook, workbook_key, previous.get(tahun)):
            write_bytes(workbook, workbook_bytes({
                "skor": scores_table(result), "temuan": result.findings,
                "rekap_baris": result.dataset.accounting,
            }))
        year_results = {k: r for k, r in results.items() if k.startswith(f"{tahun}/")}
        year_results = _with_previous(prepared, tahun, year_results, previous.get(tahun))
        shown = index_data(prepared, result)
        indexes.append(write_index(shown, year_dir, year_results))
        jobs = {job.key: (job, prepared.fingerprints[job.key]) for job in prepared.jobs if job.tahun == tahun}
        key = None
        if complete and all(results[k].status in ("ok", "reused") for k in jobs if k in results):
            key = run_key(params, run_file, prepared.data_key, year_dir)
            write_text(year_dir / "_kerja" / INDEX_DATA,
                       json.dumps({"run_key": key, "index": shown}, ensure_ascii=False, indent=1, sort_keys=True))
        manifest = mf.build_manifest(
            year_dir=year_dir, tahun=tahun, run_file=run_file.resolve() if run_file else None,
            run_text=run_text, canonical=canonical, data=params.data_paths(), rules_ref=rules_ref or
            prepared.rules_label, rules_file=rules_file, rules_sha256=prepared.rules_sha256,
            templates=templates, jobs=jobs, results=results, previous=previous.get(tahun), workbook=workbook,
            workbook_key=workbook_key, run_key=key)
        manifests.append(mf.write_manifest(year_dir, manifest))
    return indexes, manifests


def dataset_key(data: list[Path], rules_sha256: str) -> str:
    """Hash of every input file, the ruleset and ipasn's code: what the scores workbook depends on."""
    parts = {"data": [[p.name, sha256_file(p)] for p in input_files(data)], "rules": rules_sha256,
             "code": code_sha256()}
    return sha256_bytes(json.dumps(parts, sort_keys=True).encode("utf-8"))


def _still_valid(workbook: Path, key: str, previous: dict | None) -> bool:
    """The scores workbook need not be rewritten: same inputs, rules, code and period, file intact."""
    recorded = (previous or {}).get("scores_workbook", {})
    return (recorded.get("key") == key and workbook.is_file()
            and recorded.get("sha256") == sha256_file(workbook))


def _with_previous(prepared: Prepared, tahun: int, results: dict[str, JobResult],
                   previous: dict | None) -> dict[str, JobResult]:
    """For the index: documents not run this time (--only) keep their recorded status."""
    merged = dict(results)
    for stem, entry in (previous or {}).get("documents", {}).items():
        key = f"{tahun}/{stem}"
        if key not in merged:
            merged[key] = JobResult(key, entry.get("status", "ok"), 0.0, entry.get("files", {}), entry.get("error"))
    return merged
