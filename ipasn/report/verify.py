"""`ipasn verify`: are the inputs the recorded ones, and does re-execution give the same bytes?"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from ipasn.errors import IpasnError, VerifyError
from ipasn.export.scores import scores_workbook_name
from ipasn.files import sha256_bytes, sha256_file
from ipasn.report.audit import manifest as mf
from ipasn.report.audit.provenance import input_files
from ipasn.report.batch.finish import finish
from ipasn.report.batch.params import RunParams
from ipasn.report.batch.plan import prepare
from ipasn.report.batch.pool import default_jobs, execute_jobs, local_executor
from ipasn.report.batch.runlock import run_lock
from ipasn.ruleset import ruleset_text


def _locate(report_dir: Path, relative: str | None, absolute: str | None) -> Path | None:
    for candidate in ((report_dir / relative) if relative else None, Path(absolute) if absolute else None):
        if candidate is not None and candidate.exists():
            return candidate.resolve()
    return None


def check_inputs(report_dir: Path, manifest: dict, data: list[Path] | None) -> tuple[list[Path], list[str]]:
    """The data paths to use and the problems found (changed or missing files, changed rules)."""
    inputs = manifest["inputs"]
    recorded_paths = inputs["data_paths"]
    problems = []
    if data:
        if len(data) != len(recorded_paths):
            problems.append(f"--data: manifest mencatat {len(recorded_paths)} lokasi data, diberikan {len(data)}")
        data_paths = [p.resolve() for p in data]
    else:
        data_paths = [_locate(report_dir, r["path"], r["path_absolute"]) or Path(r["path_absolute"])
                      for r in recorded_paths]
    missing = [p for p in data_paths if not p.exists()]
    if missing:
        problems += [f"data tidak ditemukan: {p} (beri lokasinya dengan --data)" for p in missing]
        return data_paths, problems
    current = {p.name: p for p in input_files(data_paths)}
    for recorded in inputs["data"]:
        name = Path(recorded["path_absolute"]).name
        path = current.get(name)
        if path is None:
            problems.append(f"berkas data hilang: {name}")
            continue
        digest = sha256_file(path)
        if digest != recorded["sha256"]:
            problems.append(f"berkas data berubah: {path}\n    tercatat {recorded['sha256']}\n    sekarang {digest}")
    problems += _check_official(_official_path(report_dir, manifest), inputs.get("resmi"))
    problems += _check_front(report_dir, inputs.get("dokumen") or {})
    rules = inputs["rules"]
    rules_ref = (str(_locate(report_dir, rules["path"], rules["path_absolute"]) or rules["path_absolute"])
                 if rules.get("path_absolute") else rules["ref"])
    try:
        digest = sha256_bytes(ruleset_text(rules_ref)[1].encode("utf-8"))
    except IpasnError:
        problems.append(f"aturan tidak ditemukan: {rules_ref}")
    else:
        if digest != rules["sha256"]:
            problems.append(f"aturan berubah: {rules_ref}\n    tercatat {rules['sha256']}\n    sekarang {digest}")
    return data_paths, problems


def _check_front(report_dir: Path, recorded: dict) -> list[str]:
    """The logo and foreword file the documents were made with, unchanged (a rerun reads them again)."""
    problems = []
    for key, entry in recorded.items():
        path = _locate(report_dir, entry["path"], entry["path_absolute"])
        if path is None or sha256_file(path) != entry["sha256"]:
            problems.append(f"{key}: berkas hilang atau berubah: {entry['path_absolute']}")
    return problems


def _official_path(report_dir: Path, manifest: dict) -> Path | None:
    recorded = manifest["inputs"].get("resmi")
    return _locate(report_dir, recorded["path"], recorded["path_absolute"]) if recorded else None


def _check_official(path: Path | None, recorded: dict | None) -> list[str]:
    """BKN's official results file, where the run had one: still there, still the same bytes."""
    if not recorded:
        return []
    if path is None:
        return [f"hasil resmi BKN tidak ditemukan: {recorded['path_absolute']}"]
    digest = sha256_file(path)
    if digest != recorded["sha256"]:
        return [f"hasil resmi BKN berubah: {path}\n    tercatat {recorded['sha256']}\n    sekarang {digest}"]
    return []


def earlier_years(report_dir: Path, manifest: dict) -> tuple[dict[int, list[Path]], list[str]]:
    """The data of the earlier years this year's trends were made from (manifest `inputs.years`), and
    the problems found (missing or changed files)."""
    tahun = manifest["tahun"]
    found, problems = {}, []
    for year, entry in manifest["inputs"].get("years", {}).items():
        if int(year) >= tahun:
            continue
        paths = [_locate(report_dir, r["path"], r["path_absolute"]) or Path(r["path_absolute"]) for r in entry["paths"]]
        missing = [p for p in paths if not p.exists()]
        if missing:
            problems += [f"data tahun {year} tidak ditemukan: {p}" for p in missing]
            continue
        current = {f.name: f for f in input_files(paths)}
        for recorded in entry["files"]:
            path = current.get(Path(recorded["path_absolute"]).name)
            if path is None or sha256_file(path) != recorded["sha256"]:
                problems.append(f"berkas data tahun {year} hilang atau berubah: {recorded['path_absolute']}")
        found[int(year)] = paths
    return found, problems


def _rerun_params(manifest: dict, data_paths: list[Path], output: Path, unit: str | None,
                  earlier: dict[int, list[Path]] | None = None, official: Path | None = None) -> RunParams:
    canonical = dict(manifest["run"]["canonical"])
    run_file = manifest["run"].get("file_absolute")
    base_dir = Path(run_file).parent if run_file else data_paths[0].parent if data_paths else official.parent
    rules = manifest["inputs"]["rules"]
    tahun = manifest["tahun"]
    data: object = [str(p) for p in data_paths] or None
    if earlier:  # the trends need the earlier years too: each from its recorded data
        data = {**{t: [str(p) for p in paths] for t, paths in earlier.items()}, tahun: data}
    years = sorted({*(earlier or {}), tahun})
    # BKN's official results: this year's as found beside the report, earlier years' as the run named them.
    resmi = canonical.get("resmi")
    resmi = {int(t): v for t, v in resmi.items() if int(t) in years} if isinstance(resmi, dict) else {}
    resmi.pop(tahun, None)
    if official is not None:
        resmi[tahun] = str(official)
    canonical["resmi"] = resmi or None
    canonical.update(data=data, output=str(output), tahun=years,
                     rules=rules.get("path_absolute") or rules["ref"], formats=canonical["formats"])
    if unit is not None:
        canonical["unit_kerja"] = [unit]
    return RunParams.model_validate({**canonical, "base_dir": base_dir})


def _digest(path: Path) -> str | None:
    return sha256_file(path) if path.is_file() else None


def verify(report_dir: Path, unit: str | None = None, data: list[Path] | None = None,
           jobs: int | None = None, wait: bool = False, waiting: Callable[[str], None] = lambda who: None) -> int:
    """Check the year folder `report_dir`; 0 all the same, 1 a document differs, 2 an input changed
    (VerifyError, also 2: no report there, an unknown --unit). A run writing the folder meanwhile
    would make its documents differ from its manifest: verify holds the instansi folder's run lock,
    shared (RunBusyError while a run holds it, or with `wait`, waits)."""
    report_dir = Path(report_dir).resolve()
    if not (report_dir / mf.MANIFEST).is_file():  # before the lock: no lock file beside a wrong folder
        raise _not_a_report(report_dir)
    with run_lock(report_dir.parent, wait=wait, waiting=waiting, shared=True):
        return _verify(report_dir, unit, data, jobs)


def _not_a_report(report_dir: Path) -> VerifyError:
    return VerifyError(f"{report_dir}: tidak ada {mf.MANIFEST} yang dapat dibaca; ini bukan folder laporan ipasn "
                       "(folder tahun, mis. reports/<instansi>/2022)")


def _verify(report_dir: Path, unit: str | None, data: list[Path] | None, jobs: int | None) -> int:
    manifest = mf.read_manifest(report_dir)
    if manifest is None:
        raise _not_a_report(report_dir)
    expected = manifest["documents"]
    if unit is not None and not any(entry.get("unit") == unit for entry in expected.values()):
        raise VerifyError(f"--unit: '{unit}' tidak tercatat di manifest")
    data_paths, problems = check_inputs(report_dir, manifest, data)
    earlier, more = earlier_years(report_dir, manifest)
    problems += more
    if problems:
        click.echo("Masukan tidak sama dengan yang tercatat di manifest; verifikasi dihentikan:", err=True)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)
        return 2
    click.echo("Masukan sama dengan yang tercatat. Menjalankan ulang ...")
    with tempfile.TemporaryDirectory(prefix="ipasn-verify-") as scratch:
        params = _rerun_params(manifest, data_paths, Path(scratch), unit, earlier,
                               _official_path(report_dir, manifest))
        prepared = prepare(params, only=unit)
        workers = jobs or default_jobs()
        mine = [job for job in prepared.jobs if job.tahun == manifest["tahun"]]  # earlier years: trends only
        results = execute_jobs(mine, lambda: local_executor(workers))
        finish(prepared, results, {t: None for t in prepared.results})
        year_dir = prepared.year_dir(manifest["tahun"])
        rows = []
        recorded = [(name, digest) for entry in expected.values()
                    if unit is None or entry.get("unit") == unit for name, digest in entry["files"].items()]
        if unit is None:
            recorded.append((scores_workbook_name(manifest["tahun"]), manifest["scores_workbook"]["sha256"]))
            for key in ("reconciliation_workbook", "plan_workbook", "search_data"):
                if manifest.get(key):
                    recorded.append((manifest[key]["path"], manifest[key]["sha256"]))
        for name, digest in sorted(recorded):
            rows.append((name, digest, _digest(report_dir / name), _digest(year_dir / name)))
    width = max([len(r[0]) for r in rows] + [7])
    click.echo(f"{'dokumen':<{width}}  {'manifest':<12}  {'di folder':<12}  {'dijalankan':<12}  hasil")
    different = 0
    for name, want, on_disk, rerun in rows:
        same = want == on_disk == rerun
        different += not same
        click.echo(f"{name:<{width}}  {want[:12]:<12}  {(on_disk or 'tidak ada')[:12]:<12}  "
                   f"{(rerun or 'tidak ada')[:12]:<12}  {'sama' if same else 'BERBEDA'}")
    click.echo(f"{len(rows) - different} sama, {different} berbeda.")
    return 0 if different == 0 else 1
