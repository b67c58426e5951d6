"""The measurement period: the year, the reference date and the assessment year one score looks at.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ipasn.clean.dataset import Dataset
from ipasn.errors import YearError
from ipasn.ruleset import Ruleset


@dataclass
class Period:
    """The dates one measurement looks at (RULES.md, "Measurement period")."""

    tahun: int
    tanggal_acuan: pd.Timestamp
    tahun_kinerja: int

    @classmethod
    def of(cls, tahun: int, rules: Ruleset, tanggal_acuan: object = None) -> Period:
        reference = pd.Timestamp(tanggal_acuan) if tanggal_acuan is not None else pd.Timestamp(tahun, 12, 31)
        return cls(int(tahun), reference.normalize(), int(tahun) - rules.opsi.tahun_kinerja_selisih)

    def window_start(self, years: int) -> pd.Timestamp:
        """Windows are (start, tanggal_acuan]: start is the same calendar date `years` earlier."""
        return self.tanggal_acuan - pd.DateOffset(years=years)


def require_year(data: Dataset, period: Period) -> None:
    """Refuse a measurement year whose assessment year the data does not hold, naming the years it
    does: every PNS would otherwise get kinerja 0 for a typing error. A kinerja table declared absent
    on purpose is not checked."""
    if data.absent.get("kinerja"):
        return
    usable = set(data.kinerja["tahun"].astype(int)) if len(data.kinerja) else set()
    if period.tahun_kinerja in usable:
        return
    years = sorted(usable | set(data.kinerja_years))
    if period.tahun_kinerja in years:
        return  # the year is there but no row of it could be used: that is what the findings say
    held = (f"data memuat penilaian kinerja tahun {', '.join(map(str, years))}" if years
            else "data tidak memuat penilaian kinerja sama sekali")
    raise YearError(f"tahun {period.tahun}: IP ASN tahun {period.tahun} memakai penilaian kinerja tahun "
                    f"{period.tahun_kinerja}, tetapi {held}")
