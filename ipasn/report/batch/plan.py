"""Plan a run: score once per year, write each document's data bundle, and make one Job per document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ipasn import __version__
from ipasn.clean.dataset import Dataset
from ipasn.clean.load import load
from ipasn.errors import ParamsError, YearError
from ipasn.files import clean_temporaries, sha256_bytes
from ipasn.report.audit import manifest as mf
from ipasn.report.audit.provenance import dataset_key
from ipasn.report.batch.notebook_params import check_notebooks, front_parameter, job_parameters
from ipasn.report.batch.params import RunParams
from ipasn.report.batch.slugs import instansi_slug, unique_slugs
from ipasn.report.content import trends
from ipasn.report.content.data import ReportData
from ipasn.report.content.target_plan import goal_of
from ipasn.report.document.job import INSTANSI, TEMPLATES, Job, notebook_template
from ipasn.export.scores import PERSONAL_DATA_SUFFIX
from ipasn.ruleset import DEFAULT_RULESET, parse_ruleset, ruleset_text
from ipasn.report.batch.official import OFFICIAL_SOURCE, OfficialYear, official_only_years, official_years
from ipasn.scoring.period import require_year
from ipasn.scoring.score import ScoreResult, score


def reconciliation_workbook_name(tahun: int) -> str:
    """The reconciliation with BKN's official results (runs with `resmi:`); personal data too."""
    return f"selisih-ipasn-{tahun}-{PERSONAL_DATA_SUFFIX}.xlsx"


@dataclass
class PreparedRun:
    """Everything computed once in the parent process before any notebook runs."""

    params: RunParams
    datasets: dict[int, Dataset]  # per year; years given the same data share one Dataset
    results: dict[int, ScoreResult]
    rules_label: str
    rules_yaml: str
    slugs: dict[str, str]  # unit -> file stem (every year's units: a unit keeps its file name)
    instansi_dir: Path
    data_key: str  # hash of every input of the run, the rules and the code
    data_keys: dict[int, str] = field(default_factory=dict)  # the same, per year: that year's inputs
    dokumen: dict = field(default_factory=dict)  # the notebooks' `dokumen` parameter (front_parameter)
    jobs: list[Job] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # job key -> fingerprint
    # Years with BKN's official results: the numbers the documents show, and the reconciliation.
    official: dict[int, OfficialYear] = field(default_factory=dict)

    def shown(self, tahun: int) -> ScoreResult:
        """The numbers a year's documents show: BKN's official results where the run has them."""
        return self.official[tahun].shown if tahun in self.official else self.results[tahun]

    @property
    def dataset(self) -> Dataset:
        """The last year's data (a run with one snapshot: the only one)."""
        return self.datasets[max(self.datasets)]

    @property
    def rules_sha256(self) -> str:
        return sha256_bytes(self.rules_yaml.encode("utf-8"))

    def year_dir(self, tahun: int) -> Path:
        return self.instansi_dir / str(tahun)


def _check_against_data(params: RunParams, datasets: dict[int, Dataset], results: dict[int, ScoreResult],
                        official: dict[int, OfficialYear]) -> dict[int, list[str]]:
    """The units to report on, per year (the export's, and those only BKN's official results name); a
    named unit must exist in some year (a year without it simply has no document for it)."""
    per_year = {t: sorted(set(d.pegawai["unit_kerja"]).union(
        set(official[t].shown.pegawai["unit_kerja"]) if t in official else set())) for t, d in datasets.items()}
    every = sorted({u for units in per_year.values() for u in units})
    if params.unit_kerja != "all":
        unknown = [u for u in params.unit_kerja if u not in every]
        if unknown:
            raise ParamsError(f"unit kerja tidak ada dalam data: {', '.join(unknown)}; yang ada: {', '.join(every)}")
        per_year = {t: sorted(set(params.unit_kerja) & set(units)) for t, units in per_year.items()}
    for tahun, result in results.items():
        try:
            require_year(datasets[tahun], result.period)
        except YearError as exc:
            where = f" (data tahun {tahun}: {', '.join(p.name for p in params.data_paths(tahun))})" \
                if len(params.tahun) > 1 else ""
            raise ParamsError(f"{exc}{where}; periksa 'tahun' atau 'data' pada definisi run "
                              "(atau 'lembar_tidak_ada')") from exc
    return per_year


def instansi_dir(params: RunParams) -> Path:
    return params.output_dir() / instansi_slug(params.instansi)


def template(params: RunParams, kind: str) -> Path:
    """The run's own notebook of this kind ("unit" or "instansi"), else ipasn's."""
    return params.notebook(kind) or notebook_template(TEMPLATES[kind])


def template_paths(params: RunParams) -> dict[str, Path]:
    """The run's two notebooks by file name (what a run key hashes)."""
    return {path.name: path for path in (template(params, "unit"), template(params, "instansi"))}


def prepare(params: RunParams, only: str | None = None) -> PreparedRun:
    """Load and score once per year, write each report's bundle, and plan the jobs."""
    check_notebooks(params)  # a custom notebook that cannot take the run's parameters
    dokumen = front_parameter(params)  # a missing or unreadable logo or foreword stops the run here
    label, text = ruleset_text(params.rules_ref())
    rules = parse_ruleset(text, label)
    beyond = params.targets.beyond(rules.dimensi_maks)
    if beyond:
        raise ParamsError(f"targets: {beyond}")
    goal_of(params.targets, rules)  # a kategori the ruleset does not have: said before any work
    rules_sha256 = sha256_bytes(text.encode("utf-8"))
    if params.data is not None:
        loaded: dict[tuple[Path, ...], Dataset] = {}
        datasets = {}
        for tahun in params.tahun:
            paths = tuple(params.data_paths(tahun))
            if paths not in loaded:  # years given the same data load it once
                loaded[paths] = load(list(paths), rules, unit_column=params.kolom_unit,
                                     absent_ok=params.lembar_tidak_ada)
            datasets[tahun] = loaded[paths]
        results = {t: score(datasets[t], t, rules, params.tanggal_acuan) for t in params.tahun}
        official = official_years(params, rules, results)
    else:  # BKN's official results alone: they are the numbers, the units and the scores workbook
        official = official_only_years(params, rules)
        results = {t: year.shown for t, year in official.items()}
        datasets = {t: result.dataset for t, result in results.items()}
    units = _check_against_data(params, datasets, results, official)
    if only is not None and not any(only in chosen for chosen in units.values()):
        raise ParamsError(f"--only: unit kerja '{only}' tidak ada di antara unit run ini")
    every_unit = sorted(set().union(*(set(d.pegawai["unit_kerja"]) for d in datasets.values()),
                                    *(set(y.shown.pegawai["unit_kerja"]) for y in official.values())))
    prepared = PreparedRun(params, datasets, results, params.rules or DEFAULT_RULESET, text,
                        unique_slugs(every_unit), instansi_dir(params),
                        dataset_key(params.input_paths(), rules_sha256, params.reading()),
                        {t: dataset_key(params.input_paths(t), rules_sha256, params.reading()) for t in params.tahun},
                        official=official, dokumen=dokumen)
    for tahun, result in results.items():
        year_dir = prepared.year_dir(tahun)
        if year_dir.exists():
            clean_temporaries(year_dir)  # what an interrupted run left behind
        # A year's documents show the years up to it, in the numbers they show (BKN's where given).
        shown = {t: prepared.shown(t) for t in results if t <= tahun}
        alias = trends.aliases_as_of(params.unit_alias, trends.unit_names(shown))
        history = trends.year_summaries(shown, alias) if len(shown) > 1 else pd.DataFrame()
        earlier = [t for t in shown if t < tahun]
        moves = trends.movement(shown[earlier[-1]], shown[tahun], alias) if earlier else pd.DataFrame()
        context = _trend_context(params, sorted(shown)) if len(shown) > 1 else {}
        wanted = ([only] if only in units[tahun] else []) if only else [*units[tahun], None]
        for unit in wanted:
            job = _job(prepared, result, year_dir, unit, _trend_slice(history, moves, context, unit, alias))
            prepared.jobs.append(job)
            prepared.fingerprints[job.key] = mf.job_fingerprint(job, prepared.rules_sha256)
    return prepared


def _trend_context(params: RunParams, years: list[int]) -> dict:
    """What the trend sections say about their data: the files of each year, or one snapshot for all."""
    data = {str(t): ", ".join(p.name for p in params.data_paths(t)) for t in years}
    return {"tahun": years, "data": data, "satu_data": len(set(data.values())) == 1}


def _trend_slice(history: pd.DataFrame, moves: pd.DataFrame, context: dict, unit: str | None,
                 alias: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """A document's share of the trends: the instansi's everything, a unit its own rows (by its name
    after the aliases) beside the instansi's."""
    if unit is None or not context:
        return history, moves, context
    key = alias.get(unit, unit)
    mine = history[history["unit_kerja"].isna() | (history["unit_kerja"] == key)].reset_index(drop=True)
    return mine, trends.touching(moves, key) if len(moves) else moves, {**context, "unit_kerja": key}


def _footer(prepared: PreparedRun, result: ScoreResult, data_sha256: str) -> str:
    """Provenance on every page: code, rules, the hash of the data this document was made from,
    and a date taken from the data (the reference date), never the clock; where the numbers are
    BKN's, that they are."""
    source = f"{OFFICIAL_SOURCE} · " if result.period.tahun in prepared.official else ""
    return (f"{source}ipasn {__version__} · aturan {prepared.rules_label} ({prepared.rules_sha256[:8]}) · "
            f"data sha256 {data_sha256[:12]} · tanggal acuan {result.period.tanggal_acuan:%d-%m-%Y}")


def _job(prepared: PreparedRun, result: ScoreResult, year_dir: Path, unit: str | None,
         trend: tuple[pd.DataFrame, pd.DataFrame, dict]) -> Job:
    params = prepared.params
    tahun = result.period.tahun
    report = ReportData.from_result(prepared.shown(tahun), prepared.rules_label, prepared.rules_yaml, unit)
    if tahun in prepared.official:
        report.official = prepared.official[tahun].part(unit)
    report.history, report.movement, report.trend = trend
    parameters = job_parameters(params, tahun, unit, prepared.dokumen)
    scope = unit if unit is not None else params.instansi
    job = Job(
        tahun=tahun, unit=unit, slug=prepared.slugs[unit] if unit is not None else INSTANSI,
        template=template(params, "unit" if unit is not None else "instansi"),
        year_dir=year_dir, parameters=parameters, formats=tuple(params.formats),
        title=f"IP ASN {tahun} — {scope}", weight=len(report.pegawai),
    )
    # A document depends on its own slice of the data only: its footer names that slice's hash.
    bundle = report.write(job.work_dir / "bundle")
    return replace(job, footer=_footer(prepared, result, mf.bundle_sha256(bundle)))
