"""A run definition's official results (`resmi:`): read, and reconciled with the export when the run
has one, once per year before any document is made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipasn.errors import ParamsError
from ipasn.official.alone import official_only_result
from ipasn.official.compare import Reconciliation, reconcile
from ipasn.official.read import Official, read_official
from ipasn.official.shown import OfficialPart, official_result
from ipasn.ruleset import Ruleset
from ipasn.scoring.score import ScoreResult

if TYPE_CHECKING:
    from ipasn.report.batch.params import RunParams

OFFICIAL_SOURCE = "Sumber nilai: hasil resmi BKN"


@dataclass
class OfficialYear:
    """One year's official results: the numbers documents show, and the reconciliation (None: the run
    has no export)."""

    official: Official
    shown: ScoreResult
    rec: Reconciliation | None = None

    def part(self, unit: str | None) -> OfficialPart:
        if self.rec is None:
            return OfficialPart(", ".join(self.official.files))
        return OfficialPart.of(self.rec, unit)


def official_years(params: RunParams, rules: Ruleset, results: dict[int, ScoreResult]) -> dict[int, OfficialYear]:
    """Per year that names an official results file: BKN's numbers reconciled with ipasn's count."""
    out = {}
    for tahun, result in results.items():
        path = params.resmi_path(tahun)
        if path is not None:
            rec = reconcile(read_official(path, rules, tahun), result)
            out[tahun] = OfficialYear(rec.official, official_result(rec), rec)
    return out


def official_only_years(params: RunParams, rules: Ruleset) -> dict[int, OfficialYear]:
    """A run without an export: every year must name its official results, which carry the units."""
    out = {}
    for tahun in params.tahun:
        path = params.resmi_path(tahun)
        if path is None:
            raise ParamsError(f"tahun {tahun}: run tanpa 'data' memerlukan hasil resmi untuk setiap tahun")
        official = read_official(path, rules, tahun)
        out[tahun] = OfficialYear(official, official_only_result(official, rules, tahun))
    return out

