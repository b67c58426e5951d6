"""Plan a run: score once per year, write each document's data bundle, and make one Job per document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ipasn import __version__
from ipasn.clean.dataset import Dataset
from ipasn.clean.load import load
from ipasn.errors import ParamsError, YearError
from ipasn.files import clean_temporaries, sha256_bytes
from ipasn.report.audit import manifest as mf
from ipasn.report.audit.provenance import dataset_key
from ipasn.report.batch.notebook_params import check_notebooks, job_parameters
from ipasn.report.batch.params import RunParams
from ipasn.report.batch.slugs import instansi_slug, unique_slugs
from ipasn.report.content.data import ReportData, year_history
from ipasn.report.document.job import INSTANSI, TEMPLATES, Job, notebook_template
from ipasn.export.scores import PERSONAL_DATA_SUFFIX
from ipasn.ruleset import DEFAULT_RULESET, parse_ruleset, ruleset_text
from ipasn.report.batch.official import OFFICIAL_SOURCE, OfficialYear, official_only_years, official_years, shown_history
from ipasn.scoring.period import require_year
from ipasn.scoring.score import ScoreResult, score


def reconciliation_workbook_name(tahun: int) -> str:
    """The reconciliation with BKN's official results (runs with `resmi:`); personal data too."""
    return f"selisih-ipasn-{tahun}-{PERSONAL_DATA_SUFFIX}.xlsx"


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
    # Years with BKN's official results: the numbers the documents show, and the reconciliation.
    official: dict[int, OfficialYear] = field(default_factory=dict)

    def shown(self, tahun: int) -> ScoreResult:
        """The numbers a year's documents show: BKN's official results where the run has them."""
        return self.official[tahun].shown if tahun in self.official else self.results[tahun]

    @property
    def rules_sha256(self) -> str:
        return sha256_bytes(self.rules_yaml.encode("utf-8"))

    def year_dir(self, tahun: int) -> Path:
        return self.instansi_dir / str(tahun)


def _check_against_data(params: RunParams, dataset: Dataset, results: dict[int, ScoreResult],
                        units: list[str]) -> list[str]:
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


def instansi_dir(params: RunParams) -> Path:
    return params.output_dir() / instansi_slug(params.instansi)


def template(params: RunParams, kind: str) -> Path:
    """The run's own notebook of this kind ("unit" or "instansi"), else ipasn's."""
    return params.notebook(kind) or notebook_template(TEMPLATES[kind])


def template_paths(params: RunParams) -> dict[str, Path]:
    """The run's two notebooks by file name (what a run key hashes)."""
    return {path.name: path for path in (template(params, "unit"), template(params, "instansi"))}


def prepare(params: RunParams, only: str | None = None) -> Prepared:
    """Load and score once per year, write each report's bundle, and plan the jobs."""
    check_notebooks(params)  # a custom notebook that cannot take the run's parameters
    label, text = ruleset_text(params.rules_ref())
    rules = parse_ruleset(text, label)
    beyond = params.targets.beyond(rules.dimensi_maks)
    if beyond:
        raise ParamsError(f"targets: {beyond}")
    data_key = dataset_key(params.input_paths(), sha256_bytes(text.encode("utf-8")))
    if params.data_paths():
        dataset = load(params.data_paths(), rules, unit_column=params.kolom_unit,
                       absent_ok=params.lembar_tidak_ada)
        results = {t: score(dataset, t, rules, params.tanggal_acuan) for t in params.tahun}
        official = official_years(params, rules, results)
    else:  # BKN's official results alone: they are the numbers, the units and the scores workbook
        official = official_only_years(params, rules)
        results = {t: year.shown for t, year in official.items()}
        dataset = results[max(results)].dataset
    all_units = sorted(set(dataset.pegawai["unit_kerja"]).union(
        *(set(year.shown.pegawai["unit_kerja"]) for year in official.values())))
    units = _check_against_data(params, dataset, results, all_units)
    if only is not None and only not in units:
        raise ParamsError(f"--only: unit kerja '{only}' tidak ada di antara unit run ini")
    prepared = Prepared(params, dataset, results, params.rules or DEFAULT_RULESET, text,
                        unique_slugs(all_units), instansi_dir(params), data_key, official=official)
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
    and a date taken from the data (the reference date), never the clock; where the numbers are
    BKN's, that they are."""
    source = f"{OFFICIAL_SOURCE} · " if result.period.tahun in prepared.official else ""
    return (f"{source}ipasn {__version__} · aturan {prepared.rules_label} ({prepared.rules_sha256[:8]}) · "
            f"data sha256 {data_sha256[:12]} · tanggal acuan {result.period.tanggal_acuan:%d-%m-%Y}")


def _job(prepared: Prepared, result: ScoreResult, year_dir: Path, unit: str | None) -> Job:
    params = prepared.params
    tahun = result.period.tahun
    report = ReportData.from_result(prepared.shown(tahun), prepared.rules_label, prepared.rules_yaml, unit)
    if tahun in prepared.official:
        report.official = prepared.official[tahun].part(unit)
    if unit is None:
        earlier = [t for t in params.tahun if t <= tahun]
        if len(earlier) > 1:
            report.history = (shown_history(prepared.shown, earlier) if prepared.official
                              else year_history(prepared.dataset, result.rules, earlier))
    parameters = job_parameters(params, tahun, unit)
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
