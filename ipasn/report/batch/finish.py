"""Per year: the workbooks made from the scores (while the documents are made), then the index page and
the manifest (written last).

Also the shortcut when nothing changed since the last complete run: every document is marked
reused and the index and manifest are rewritten exactly as a full rerun would, without loading data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ipasn.errors import RulesetError
from ipasn.export.scores import scores_workbook, scores_workbook_name
from ipasn.files import clean_temporaries, sha256_bytes, write_bytes, write_text
from ipasn.report.audit import manifest as mf
from ipasn.report.audit import provenance as pv
from ipasn.report.audit.provenance import dataset_key
from ipasn.report.audit.reuse import intact, run_key
from ipasn.report.batch.index import index_data, write_index, write_years_index
from ipasn.report.batch.params import RunParams
from ipasn.official.workbook import reconciliation_workbook
from ipasn.report.content.plan_workbook import plan_workbook, plan_workbook_name
from ipasn.report.content.target_plan import goal_of
from ipasn.report.batch.plan import PreparedRun, instansi_dir, reconciliation_workbook_name, template_paths
from ipasn.report.batch.search import search_rows, unit_pages, write_search_data
from ipasn.report.document.job import JobError, JobResult
from ipasn.ruleset import ruleset_text

INDEX_DATA = "indeks.json"  # in <year>/_kerja/: the index page's figures, for unchanged reruns


@dataclass
class RunOutcome:
    prepared: PreparedRun | None  # None: nothing had changed, nothing was loaded
    results: dict[str, JobResult]
    indexes: list[Path]
    manifests: list[Path]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results.values() if r.status == status)


@dataclass(frozen=True)
class Workbooks:
    """One year's workbooks made from the scores, as the manifest records them: (path, key) each."""

    scores: tuple[Path, str]
    reconciliation: tuple[Path, str] | None
    plan: tuple[Path, str] | None


def write_workbooks(prepared: PreparedRun, previous: dict[int, dict | None],
                    force: bool = False) -> dict[int, Workbooks]:
    """Per year: the scores workbook, the reconciliation with BKN's official results and the plans,
    each written only when the last manifest's key or the file no longer match (`force`: always).
    They depend on the scores, not on the documents: `ipasn run` writes them while the documents
    are being made."""
    made = {}
    for tahun, result in prepared.results.items():
        year_dir = prepared.year_dir(tahun)
        year_dir.mkdir(parents=True, exist_ok=True)
        workbook = year_dir / scores_workbook_name(tahun)
        # What the workbooks made from the scores depend on: the year's inputs and how they are read,
        # the rules and code (data_keys), the period, and the packages that write their bytes.
        workbook_key = sha256_bytes(json.dumps([prepared.data_keys[tahun], str(result.period), pv.environment()],
                                               sort_keys=True, default=str).encode("utf-8"))
        recorded = {} if force else (previous.get(tahun) or {})  # --force makes every file again
        if not _still_valid(workbook, workbook_key, recorded.get("scores_workbook")):
            write_bytes(workbook, scores_workbook(result))
        reconciled = None
        rec = prepared.official[tahun].rec if tahun in prepared.official else None
        if rec is not None:  # ipasn's count beside BKN's, per NIP and dimension
            path = year_dir / reconciliation_workbook_name(tahun)
            key = sha256_bytes(f"{workbook_key}:rekonsiliasi".encode("utf-8"))  # resmi is among the inputs
            if not _still_valid(path, key, recorded.get("reconciliation_workbook")):
                write_bytes(path, reconciliation_workbook(rec))
            reconciled = (path, key)
        planned = _plan_workbook(prepared, tahun, workbook_key, recorded.get("plan_workbook"))
        made[tahun] = Workbooks((workbook, workbook_key), reconciled, planned)
    return made


def finish(prepared: PreparedRun, results: dict[str, JobResult], previous: dict[int, dict | None],
           run_file: Path | None = None, complete: bool = False, force: bool = False,
           workbooks: dict[int, Workbooks] | None = None) -> tuple[list[Path], list[Path]]:
    """Per year: the workbooks (unless `workbooks` says they are written), the index page and the
    manifest (written last).

    `complete`: every document of the run was planned (no --only); if none failed either, the
    manifest records the run key that lets an unchanged rerun skip loading altogether. `force`:
    the workbooks are made again even when the last manifest says they are still valid."""
    params = prepared.params
    if workbooks is None:
        workbooks = write_workbooks(prepared, previous, force)
    run_text = run_file.read_text(encoding="utf-8") if run_file and run_file.is_file() else None
    canonical = params.model_dump(mode="json", exclude={"base_dir"})
    rules_ref = params.rules_ref()
    rules_file = Path(rules_ref) if rules_ref and Path(rules_ref).is_file() else None
    templates = {job.template.name: job.template for job in prepared.jobs}
    indexes, manifests = [], []
    shown_years = {}
    for tahun in prepared.results:
        year_dir = prepared.year_dir(tahun)
        made = workbooks[tahun]
        workbook, workbook_key = made.scores
        year_results = {k: r for k, r in results.items() if k.startswith(f"{tahun}/")}
        year_results = _with_previous(tahun, year_results, previous.get(tahun))
        shown = shown_years[tahun] = index_data(prepared, prepared.shown(tahun))
        search = write_search_data(year_dir, tahun, None if params.options.mask_personal_data else search_rows(
            prepared.shown(tahun), prepared.slugs, unit_pages(year_dir, prepared.slugs)))
        indexes.append(write_index(shown, year_dir, year_results))
        jobs = {job.key: (job, prepared.fingerprints[job.key]) for job in prepared.jobs if job.tahun == tahun}
        key = None
        if complete and all(results[k].status in ("ok", "reused") for k in jobs if k in results):
            key = run_key(params, run_file, prepared.data_key, year_dir, template_paths(params))
        # Always: the index across years lists this year from it; only a run key lets a rerun skip.
        write_text(year_dir / "_kerja" / INDEX_DATA,
                   json.dumps({"run_key": key, "index": shown}, ensure_ascii=False, indent=1, sort_keys=True))
        manifest = mf.build_manifest(
            year_dir=year_dir, tahun=tahun, run_file=run_file.resolve() if run_file else None,
            run_text=run_text, canonical=canonical, data=params.data_paths(tahun), rules_ref=rules_ref or
            prepared.rules_label, rules_file=rules_file, rules_sha256=prepared.rules_sha256,
            templates=templates, jobs=jobs, results=results, previous=previous.get(tahun), workbook=workbook,
            workbook_key=workbook_key, run_key=key, resmi=params.resmi_path(tahun), reconciliation=made.reconciliation,
            plan=made.plan, search_data=search,
            years_data={t: params.data_paths(t) for t in prepared.results if t <= tahun},
            front=params.front_files())
        manifests.append(mf.write_manifest(year_dir, manifest))
    indexes.append(write_years_index(prepared.instansi_dir, {**_other_years(prepared.instansi_dir), **shown_years}))
    return indexes, manifests


def _other_years(folder: Path) -> dict[int, dict]:
    """The index figures of years reported on by earlier runs into the same instansi folder."""
    found = {}
    for saved in sorted(folder.glob(f"*/_kerja/{INDEX_DATA}")):
        year = saved.parent.parent.name
        if year.isdigit():
            try:
                found[int(year)] = json.loads(saved.read_text(encoding="utf-8"))["index"]
            except (OSError, ValueError, KeyError):
                continue  # a damaged record: that year is not listed until its next run
    return found


def _plan_workbook(prepared: PreparedRun, tahun: int, workbook_key: str,
                   recorded: dict | None) -> tuple[Path, str] | None:
    """The plans to reach the target, from ipasn's own count (it has the indicators; BKN's official
    results do not): none without a target, or without an export to count. Made again only when
    the scores or the goal changed, or the file did."""
    goal = goal_of(prepared.params.targets, prepared.results[tahun].rules)
    path = prepared.year_dir(tahun) / plan_workbook_name(tahun)
    if goal is None or prepared.params.data is None:
        path.unlink(missing_ok=True)  # an earlier run's plan, for a target this run no longer has
        return None
    key = sha256_bytes(f"{workbook_key}:plan:{goal}".encode("utf-8"))
    if not _still_valid(path, key, recorded):
        write_bytes(path, plan_workbook(prepared.results[tahun], goal))
    return path, key


def _still_valid(path: Path, key: str, recorded: dict | None) -> bool:
    """A workbook made from the scores need not be made again: the last manifest recorded it for the
    same key, and the file still has the recorded hash."""
    recorded = recorded or {}
    return recorded.get("key") == key and intact(path.parent, {path.name: recorded.get("sha256")})


def _with_previous(tahun: int, results: dict[str, JobResult], previous: dict | None) -> dict[str, JobResult]:
    """For the index: documents not run this time (--only) keep their recorded status."""
    merged = dict(results)
    for stem, entry in (previous or {}).get("documents", {}).items():
        key = f"{tahun}/{stem}"
        if key not in merged:
            merged[key] = JobResult(key, entry.get("status", "ok"), 0.0, entry.get("files", {}),
                                    JobError.from_dict(entry.get("error")))
    return merged


def unchanged_run(params: RunParams, run_file: Path | None) -> RunOutcome | None:
    """Nothing changed since the last complete run: mark every document reused, rewrite the index
    and the manifest exactly as a full rerun would, without loading or scoring. None otherwise."""
    try:
        label, text = ruleset_text(params.rules_ref())
        data_key = dataset_key(params.input_paths(), sha256_bytes(text.encode("utf-8")), params.reading())
    except (OSError, RulesetError):
        return None  # a missing input: the full run names it properly
    folder = instansi_dir(params)
    years = []
    for tahun in params.tahun:
        year_dir = folder / str(tahun)
        previous = mf.read_manifest(year_dir)
        if previous is None:
            return None
        try:
            key = run_key(params, run_file, data_key, year_dir, template_paths(params))
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
                or not all(intact(year_dir, e.get("files", {})) for e in documents.values())
                or not intact(year_dir, {workbook.get("path", ""): workbook.get("sha256")})
                or not intact(year_dir, {r["path"]: r["sha256"]
                                         for key in ("reconciliation_workbook", "plan_workbook", "search_data")
                                         for r in [previous.get(key)] if r})):
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
    indexes.append(write_years_index(folder, {**_other_years(folder), **{t: s for t, _, _, s in years}}))
    return RunOutcome(None, results, indexes, manifests)
