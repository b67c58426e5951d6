"""What one report is made from: scored rows of its scope, findings, the rules and the period.

A batch run scores once and writes each unit's slice as a small bundle (parquet + JSON) that the
notebook reads in milliseconds; a notebook run on its own loads and scores the workbook itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from ipasn.clean.load import load
from ipasn.errors import ParamsError
from ipasn.official.shown import OfficialPart
from ipasn.ruleset import DEFAULT_RULESET, Ruleset, parse_ruleset, ruleset_text
from ipasn.scoring.period import Period
from ipasn.scoring.score import ScoreResult, score

HISTORY_FILE = "riwayat.parquet"
DEMO = "demo"  # as `data`: the demo instansi shipped with ipasn (run definitions say the same)
MOVEMENT_FILE = "perpindahan.parquet"


DEMO_YEARS = (2021, 2022, 2023)  # the demo instansi's snapshots shipped with the package
DEMO_ANCHOR = 2022  # demo.xlsx: the notebooks' default data


def demo_workbook(tahun: int | None = None) -> Path:
    """The demo instansi shipped with the package: its snapshot of `tahun` (2021-2023, made by
    `ipasn.demo.years`), else demo.xlsx (the 2022 snapshot, the notebooks' default data)."""
    folder = resources.files("ipasn") / "data"
    if tahun in DEMO_YEARS and tahun != DEMO_ANCHOR:
        return Path(str(folder / f"demo-{tahun}.xlsx"))
    return Path(str(folder / "demo.xlsx"))


def official_demo() -> Path:
    """BKN's official results for the demo instansi, shipped with the package (`ipasn demo-data --resmi`)."""
    return Path(str(resources.files("ipasn") / "data" / "demo-resmi.xlsx"))


@dataclass
class ReportData:
    """Everything a unit or instansi report shows. `unit` None means the whole instansi."""

    scores: pd.DataFrame
    pegawai: pd.DataFrame
    findings: pd.DataFrame
    accounting: pd.DataFrame
    rules: Ruleset
    rules_source: str  # a bundled ruleset id or a file name, as the run named it
    rules_yaml: str  # the ruleset's exact text, so a bundle needs nothing else to be read
    period: Period
    unit: str | None = None
    # Each year's summaries up to this one (trends.SUMMARY_COLUMNS; unit_kerja None = the instansi).
    history: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Documents from BKN's official results: ipasn's own count and the reconciliation (None: ipasn's numbers).
    official: OfficialPart | None = None
    # Employees between the previous year and this one (trends.MOVEMENT_COLUMNS): a unit's, or all.
    movement: pd.DataFrame = field(default_factory=pd.DataFrame)
    # About the years shown: tahun, data per year, satu_data (one snapshot for all), unit_kerja.
    trend: dict = field(default_factory=dict)

    @classmethod
    def from_result(cls, result: ScoreResult, rules_source: str, rules_yaml: str,
                    unit: str | None = None) -> ReportData:
        scores, pegawai, findings = result.scores, result.pegawai, result.findings
        accounting = result.dataset.accounting
        if unit is not None:
            scores = scores[scores["unit_kerja"] == unit]
            pegawai = pegawai[pegawai["unit_kerja"] == unit]
            findings = findings[findings["nip"].isin(pegawai["nip"])]
            # Whole-file counts are the instansi report's; a table missing altogether concerns every unit.
            accounting = accounting[accounting["berkas"] == ""]
        return cls(scores.reset_index(drop=True), pegawai.reset_index(drop=True),
                   findings.reset_index(drop=True), accounting, result.rules,
                   rules_source, rules_yaml, result.period, unit)

    def write(self, folder: str | Path) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for frame, name in ((self.scores, "skor"), (self.pegawai, "pegawai"), (self.findings, "temuan"),
                            (self.accounting, "rekap")):
            frame.to_parquet(folder / f"{name}.parquet", index=False)
        if len(self.history):
            self.history.to_parquet(folder / HISTORY_FILE, index=False)
        if self.official is not None:
            self.official.write(folder)
        if len(self.movement):
            self.movement.to_parquet(folder / MOVEMENT_FILE, index=False)
        context = {
            "unit": self.unit, "rules_source": self.rules_source, "rules_yaml": self.rules_yaml,
            "tahun": self.period.tahun, "tanggal_acuan": self.period.tanggal_acuan.strftime("%Y-%m-%d"),
            "tahun_kinerja": self.period.tahun_kinerja,
        }
        if self.trend:
            context["tren"] = self.trend
        (folder / "konteks.json").write_text(json.dumps(context, ensure_ascii=False, indent=1, sort_keys=True),
                                             encoding="utf-8")
        return folder

    @classmethod
    def read(cls, folder: str | Path) -> ReportData:
        folder = Path(folder)
        context = json.loads((folder / "konteks.json").read_text(encoding="utf-8"))
        rules = parse_ruleset(context["rules_yaml"], context["rules_source"])
        period = Period(int(context["tahun"]), pd.Timestamp(context["tanggal_acuan"]),
                        int(context["tahun_kinerja"]))
        def optional(name: str) -> pd.DataFrame:
            return pd.read_parquet(folder / name) if (folder / name).exists() else pd.DataFrame()

        return cls(
            pd.read_parquet(folder / "skor.parquet"), pd.read_parquet(folder / "pegawai.parquet"),
            pd.read_parquet(folder / "temuan.parquet"), pd.read_parquet(folder / "rekap.parquet"),
            rules, context["rules_source"], context["rules_yaml"], period, context["unit"],
            optional(HISTORY_FILE), OfficialPart.read(folder), optional(MOVEMENT_FILE), context.get("tren", {}),
        )


def preload_bundle() -> None:
    """Import the parquet reader a bundle is read with (pandas imports it on first use, which would be in
    every document's kernel); the kernel zygote calls this once, before forking. Imports only: reading
    would start Arrow's thread pool, and the zygote must have no threads when it forks."""
    import pyarrow.dataset  # noqa: F401
    import pyarrow.parquet  # noqa: F401
    from pandas.core.arrays.arrow import extension_types  # noqa: F401


def report_data(data: str | Path | None = None, tahun: int = 2022, unit: str | None = None,
                rules: str | None = None, scored: str | Path | None = None,
                tahun_sebelumnya: list[int] | tuple[int, ...] = (), resmi: str | Path | None = None) -> ReportData:
    """Load and score one year: the notebooks' one entry point.

    Args:
        data: a SIASN workbook, CSV file or folder (or a list of them); "demo" or None is the demo
            instansi shipped with ipasn.
        tahun: the measurement year.
        unit: one unit kerja for a unit report; None for the whole instansi.
        rules: a bundled ruleset id (e.g. "perbkn-8-2019") or a ruleset YAML file; None the default.
        scored: the bundle folder `ipasn run` prepared (then data and rules are not read again).
        tahun_sebelumnya: earlier years to compare with, scored from the same data.
        resmi: BKN's official results file ("demo": the demo's): show BKN's numbers, reconciled with `data`.

    The result's `scores`, `findings` (temuan) and `pegawai` are pandas DataFrames.

    Example::

        report = nb.report_data(data="demo", tahun=2022)
        report.scores[report.scores["unit_kerja"] == "Dinas Kesehatan"]
    """
    if scored:
        return ReportData.read(scored)
    label, text = ruleset_text(rules)
    ruleset = parse_ruleset(text, label)
    dataset = load(demo_workbook() if data in (None, "", DEMO) else data, ruleset)
    result = score(dataset, tahun, ruleset)
    rec = None
    if resmi:
        from ipasn.official.compare import reconcile
        from ipasn.official.read import read_official
        from ipasn.official.shown import official_result

        rec = reconcile(read_official(official_demo() if resmi == "demo" else resmi, ruleset, tahun), result)
        result = official_result(rec)
    if unit is not None and unit not in set(result.pegawai["unit_kerja"]):
        raise ParamsError(f"unit kerja '{unit}' tidak ada dalam data; yang ada: "
                          + ", ".join(sorted(set(result.pegawai["unit_kerja"]))))
    report = ReportData.from_result(result, rules or DEFAULT_RULESET, text, unit)
    if rec is not None:
        report.official = OfficialPart.of(rec, unit)
    years = sorted({*tahun_sebelumnya, tahun})
    if len(years) > 1:
        from ipasn.report.content.trends import year_summaries

        results = {t: result if t == tahun else score(dataset, t, ruleset, explanations=False) for t in years}
        report.history = year_summaries(results, {})
        report.trend = {"tahun": years, "satu_data": True, "data": {str(t): dataset.source for t in years}}
    return report
