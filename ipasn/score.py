"""Vectorised IP ASN scoring over a whole Dataset (see reference.py for the plain per-employee form)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn import explain
from ipasn.bands import band_points, categorize
from ipasn.errors import YearError
from ipasn.load import Dataset
from ipasn.people import People
from ipasn.ruleset import INDICATORS, JP_UNITS, Ruleset, jp_units, load_ruleset
from ipasn.vocab import DISCIPLINE_SEVERITY

OUTPUT_COLUMNS = [
    "nip", "nama", "unit_kerja", "jenis_jabatan", "kualifikasi", "kompetensi_kepemimpinan",
    "kompetensi_fungsional", "kompetensi_teknis", "kompetensi_seminar", "kompetensi", "kinerja",
    "disiplin", "ip_asn", "kategori", "data_lengkap",
]
EXPLANATION_COLUMNS = [
    "keterangan_kualifikasi", "keterangan_kompetensi", "keterangan_kinerja", "keterangan_disiplin",
]
# Extra columns after the contract's: what the summaries and the "what to improve" section need.
DETAIL_COLUMNS = ["sub_unit", "eselon", "pendidikan", "jenis_kelamin", "jabatan"]
STRUCTURAL_LEVEL = {"Administrator": 3, "Pengawas": 4}


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


@dataclass
class ScoreResult:
    scores: pd.DataFrame  # one row per measured PNS: OUTPUT_COLUMNS, keterangan_*, details
    pegawai: pd.DataFrame  # every listed employee with `diukur`
    dataset: Dataset
    rules: Ruleset
    period: Period

    @property
    def findings(self) -> pd.DataFrame:
        return self.dataset.findings


def _objects(values: np.ndarray, index: pd.Index) -> pd.Series:
    """An object column as it is: pandas would otherwise infer `str` and copy millions of strings."""
    return pd.Series(values, index=index, dtype=object, copy=False)


def _spread(values: pd.Series, at: np.ndarray, size: int) -> pd.Series:
    """`values` placed at positions `at` of a column of `size`, missing elsewhere (categories kept)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = np.full(size, -1, dtype=values.cat.codes.dtype)
        codes[at] = values.cat.codes.to_numpy()
        return pd.Series(pd.Categorical.from_codes(codes, dtype=values.dtype))
    out = np.full(size, None, dtype=object)
    out[at] = values.to_numpy(object)
    return pd.Series(out, dtype=object, copy=False)


class _PerValue:
    """Numbers that depend on one column of few distinct values (a position type, an education
    level), looked up once per distinct value instead of once per employee."""

    def __init__(self, column: pd.Series) -> None:
        self.codes, self.values = pd.factorize(column, use_na_sentinel=True)

    def take(self, mapping: dict, default: float = np.nan) -> np.ndarray:
        table = [float(mapping.get(v, default)) for v in self.values] + [default]  # -1: missing
        return np.array(table, dtype="float64")[self.codes]

    def equals(self, name: str) -> np.ndarray:
        return self.take({name: 1.0}, 0.0) == 1.0


def _position_level(measured: pd.DataFrame, types: _PerValue, rules: Ruleset) -> pd.Series:
    """The eselon level a leadership training must match."""
    level = types.take(STRUCTURAL_LEVEL)
    jpt_level = measured["eselon"].to_numpy("float64", na_value=np.nan)
    jpt_level = np.where(np.isnan(jpt_level), float(rules.opsi.jpt_eselon_bawaan), jpt_level)
    level = np.where(types.equals("JPT"), jpt_level, level)
    return pd.Series(level, index=measured.index).astype("Float64")  # NaN: no level needed


def _training_evidence(data: Dataset, people: People, level: pd.Series, rules: Ruleset,
                       period: Period) -> pd.DataFrame:
    """Per measured employee: leadership match, functional, technical JP in window, seminars."""
    d = data.diklat
    position = people.position(d)
    date = d["tanggal_selesai"].to_numpy("datetime64[ns]")
    done = (position >= 0) & (date <= period.tanggal_acuan.to_datetime64())
    kind = d["jenis"]

    leadership = done & (kind == "kepemimpinan").to_numpy(bool)
    needed = np.full(len(d), np.nan)
    needed[done] = level.to_numpy("float64", na_value=np.nan)[position[done]]
    trained = d["tingkat"].to_numpy("float64", na_value=np.nan)
    matches = trained == needed
    if rules.opsi.kepemimpinan_lebih_tinggi_dihitung:
        matches |= trained < needed  # level 2 is higher than level 3

    def since(years: int) -> np.ndarray:
        return date > period.window_start(years).to_datetime64()

    technical = done & (kind == "teknis").to_numpy(bool) & since(rules.opsi.teknis_jendela_tahun)
    jp = np.rint(d["jp"].to_numpy("float64")[technical] * JP_UNITS)  # whole millionths: exact sums
    jp_total = np.bincount(position[technical], weights=jp, minlength=len(people))  # exact below 2**53
    jp_max = np.zeros(len(people))
    np.maximum.at(jp_max, position[technical], jp)
    counted = jp_total if rules.opsi.teknis_akumulasi_jp else jp_max
    seminars = done & (kind == "seminar").to_numpy(bool) & since(rules.seminar_jendela_tahun)

    return pd.DataFrame({
        "ada_kepemimpinan": people.having(position, leadership & matches),
        "ada_fungsional": people.having(position, done & (kind == "fungsional").to_numpy(bool)),
        "jp_teknis": jp_total / JP_UNITS,
        "teknis_cukup": counted >= jp_units(rules.teknis_min_jp),
        "jumlah_seminar": np.bincount(position[seminars], minlength=len(people)).astype("int64"),
    }, index=level.index)


def _performance(data: Dataset, people: People, rules: Ruleset, period: Period,
                 index: pd.Index) -> pd.DataFrame:
    k = data.kinerja
    position = people.position(k)
    of_year = (position >= 0) & (k["tahun"] == period.tahun_kinerja).to_numpy(bool)
    at = position[of_year]  # one row per employee at most: load() rejected conflicting duplicates
    rows = k[of_year]
    value = np.full(len(people), np.nan)
    value[at] = rows["nilai"].to_numpy("float64", na_value=np.nan)
    predicate = _spread(rows["predikat"], at, len(people))
    by_predicate = np.full(len(people), np.nan)
    by_predicate[at] = _PerValue(rows["predikat"]).take(rules.performance_predicates)
    found = people.having(at)
    points = np.where(np.isnan(value), by_predicate, band_points(value, rules.kinerja.pita, "poin"))
    points = np.where(found & ~np.isnan(points), points, 0.0)
    return pd.DataFrame({"kinerja": points, "kinerja_ada": found, "kinerja_nilai": value,
                         "kinerja_predikat": predicate.set_axis(index)}, index=index)


def _discipline(data: Dataset, people: People, rules: Ruleset, period: Period,
                index: pd.Index) -> pd.DataFrame:
    start = period.window_start(rules.disiplin.jendela_tahun).to_datetime64()
    end = period.tanggal_acuan.to_datetime64()

    def in_window(dates: pd.Series) -> np.ndarray:
        d = dates.to_numpy("datetime64[ns]")
        return (d > start) & (d <= end)

    h = data.hukdis
    position = people.position(h)
    counted = (position >= 0) & in_window(h["tanggal"])
    heaviest = np.zeros(len(people), dtype=np.intp)  # 0: no punishment in the window
    np.maximum.at(heaviest, position[counted], _PerValue(h["tingkat"][counted]).take(DISCIPLINE_SEVERITY, 0)
                  .astype(np.intp))
    names = np.full(max(DISCIPLINE_SEVERITY.values()) + 1, None, dtype=object)
    points = np.full(len(names), float(rules.disiplin.poin["tidak_ada"]))
    for name, severity in DISCIPLINE_SEVERITY.items():
        names[severity], points[severity] = name, rules.disiplin.poin[name]
    level, points = names[heaviest], points[heaviest]
    u = data.hukdis_unreadable
    where = people.position(u)
    unknown = people.having(where, (where >= 0) & (u["tanggal"].isna().to_numpy(bool) | in_window(u["tanggal"])))
    return pd.DataFrame({"disiplin": np.where(unknown, 0.0, points), "disiplin_diketahui": ~unknown,
                         "hukdis_terberat": _objects(level, index)}, index=index)


def _affected(findings: pd.DataFrame, people: People) -> np.ndarray:
    """Measured employees with a finding that may change their score."""
    f = findings.loc[findings["berdampak"] & findings["nip"].notna(), ["nip"]]
    return people.among(f)


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


def score(data: Dataset, tahun: int, rules: Ruleset | None = None, tanggal_acuan: object = None,
          explanations: bool = True) -> ScoreResult:
    """Score every active PNS of `data` for measurement year `tahun`."""
    rules = rules or load_ruleset()
    period = Period.of(tahun, rules, tanggal_acuan)
    diukur = (data.pegawai["status"] == "PNS").to_numpy(bool)
    measured = data.pegawai[diukur].reset_index(drop=True)
    people = People(data.pegawai, diukur)
    pegawai = data.pegawai.drop(columns="_nip", errors="ignore").assign(diukur=diukur)  # _nip: a join key

    education = pd.Series(_PerValue(measured["pendidikan"]).take(rules.education_points), index=measured.index)
    types = _PerValue(measured["jenis_jabatan"])
    level = _position_level(measured, types, rules)
    training = _training_evidence(data, people, level, rules, period)
    performance = _performance(data, people, rules, period, measured.index)
    discipline = _discipline(data, people, rules, period, measured.index)

    out = measured[["nip", "nama", "unit_kerja", "jenis_jabatan"]].copy()
    out["kualifikasi"] = education.fillna(0.0)
    held = {"kepemimpinan": training["ada_kepemimpinan"], "fungsional": training["ada_fungsional"],
            "teknis": training["teknis_cukup"], "seminar": training["jumlah_seminar"] > 0}
    for indicator in INDICATORS:
        weight = types.take({t: getattr(p, indicator) for t, p in rules.kompetensi.items()}, 0.0)
        out[f"kompetensi_{indicator}"] = np.where(held[indicator], weight, 0.0)
    out["kompetensi"] = sum(out[f"kompetensi_{i}"] for i in INDICATORS)  # left to right, as the reference
    out["kinerja"] = performance["kinerja"]
    out["disiplin"] = discipline["disiplin"]
    out["ip_asn"] = out["kualifikasi"] + out["kompetensi"] + out["kinerja"] + out["disiplin"]
    out["kategori"] = categorize(out["ip_asn"], rules)
    out["data_lengkap"] = (
        education.notna() & measured["jenis_jabatan"].notna() & performance["kinerja_ada"]
        & discipline["disiplin_diketahui"] & ~_affected(data.findings, people)
        & (not data.undeclared_absent)  # a history table missing by mistake leaves every score unsure
    ).astype(bool)

    evidence = pd.concat([training, performance.drop(columns="kinerja"),
                          discipline.drop(columns="disiplin")], axis=1)
    evidence["eselon_jabatan"] = level
    if explanations:
        for column, texts in explain.explain(out, measured, evidence, rules, period).items():
            out[column] = texts
    for column in DETAIL_COLUMNS:
        out[column] = measured[column] if column in measured else None
    return ScoreResult(out, pegawai, data, rules, period)
