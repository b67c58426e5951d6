"""Vectorised IP ASN scoring over a whole Dataset (see reference.py for the plain per-employee form)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean.dataset import Dataset
from ipasn.clean.vocab import DISCIPLINE_SEVERITY
from ipasn.ruleset import INDICATORS, JP_UNITS, Ruleset, jp_units, load_ruleset
from ipasn.scoring import explain
from ipasn.scoring.bands import band_points, categorize
from ipasn.scoring.join import MeasuredEmployees
from ipasn.scoring.period import Period

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
class ScoreResult:
    scores: pd.DataFrame  # one row per measured PNS: OUTPUT_COLUMNS, keterangan_*, details
    pegawai: pd.DataFrame  # every listed employee with `diukur`
    dataset: Dataset
    rules: Ruleset
    period: Period
    # The findings as written (findings.COLUMNS), `berdampak` decided for this period.
    period_findings: pd.DataFrame | None = None

    @property
    def findings(self) -> pd.DataFrame:
        if self.period_findings is not None:
            return self.period_findings
        return fnd.public(self.dataset.findings)


def is_measured(pegawai: pd.DataFrame) -> np.ndarray:
    """Who is measured: PNS with nothing that says otherwise (`keterangan_status` empty: not CPNS,
    PPPK, CLTN, pemberhentian sementara or an unknown status)."""
    out = (pegawai["status"] == "PNS").to_numpy(bool, copy=True)
    if "keterangan_status" in pegawai:
        out &= pegawai["keterangan_status"].isna().to_numpy(bool)
    return out


def _bounds(table: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """The earliest and latest date each row can have: the date itself, or for a bare year (the
    `hanya_tahun` rows, dated 31 December) 1 January to 31 December of it."""
    latest = table[column].to_numpy("datetime64[ns]")
    year_only = table["hanya_tahun"].to_numpy(bool) if "hanya_tahun" in table else None
    if year_only is None or not year_only.any():
        return latest, latest
    earliest = latest.copy()
    earliest[year_only] = latest[year_only].astype("datetime64[Y]").astype("datetime64[ns]")
    return earliest, latest


def _inside(earliest: np.ndarray, latest: np.ndarray, start: np.datetime64 | None,
            end: np.datetime64) -> np.ndarray:
    """Rows surely in the window (start, end] (start None: no lower edge)."""
    inside = latest <= end
    return inside if start is None else inside & (earliest > start)


def _overlapping(earliest: np.ndarray, latest: np.ndarray, start: np.datetime64 | None,
                 end: np.datetime64) -> np.ndarray:
    """Rows that may lie in the window (start, end]."""
    overlap = earliest <= end
    return overlap if start is None else overlap & (latest > start)


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


class _DistinctValueLookup:
    """Numbers that depend on one column of few distinct values (a position type, an education
    level), looked up once per distinct value instead of once per employee."""

    def __init__(self, column: pd.Series) -> None:
        self.codes, self.values = pd.factorize(column, use_na_sentinel=True)

    def take(self, mapping: dict, default: float = np.nan) -> np.ndarray:
        table = [float(mapping.get(v, default)) for v in self.values] + [default]  # -1: missing
        return np.array(table, dtype="float64")[self.codes]

    def equals(self, name: str) -> np.ndarray:
        return self.take({name: 1.0}, 0.0) == 1.0


def _position_level(measured: pd.DataFrame, types: _DistinctValueLookup, rules: Ruleset) -> pd.Series:
    """The eselon level a leadership training must match."""
    level = types.take(STRUCTURAL_LEVEL)
    jpt_level = measured["eselon"].to_numpy("float64", na_value=np.nan)
    jpt_level = np.where(np.isnan(jpt_level), float(rules.opsi.jpt_eselon_bawaan), jpt_level)
    level = np.where(types.equals("JPT"), jpt_level, level)
    return pd.Series(level, index=measured.index).astype("Float64")  # NaN: no level needed


def _training_evidence(data: Dataset, people: MeasuredEmployees, level: pd.Series, rules: Ruleset,
                       period: Period) -> pd.DataFrame:
    """Per measured employee: leadership match, functional, technical JP in window, seminars. A
    training dated by its year alone counts only where the whole year is on the counting side."""
    d = data.diklat
    position = people.measured_rows(d)
    earliest, latest = _bounds(d, "tanggal_selesai")
    end = period.tanggal_acuan.to_datetime64()
    done = (position >= 0) & _inside(earliest, latest, None, end)
    kind = d["jenis"]

    leadership = done & (kind == "kepemimpinan").to_numpy(bool)
    needed = np.full(len(d), np.nan)
    needed[done] = level.to_numpy("float64", na_value=np.nan)[position[done]]
    trained = d["tingkat"].to_numpy("float64", na_value=np.nan)
    matches = trained == needed
    if rules.opsi.kepemimpinan_lebih_tinggi_dihitung:
        matches |= trained < needed  # level 2 is higher than level 3

    def within(years: int) -> np.ndarray:  # done, and surely after the window's start
        return done & (earliest > period.window_start(years).to_datetime64())

    technical = within(rules.opsi.teknis_jendela_tahun) & (kind == "teknis").to_numpy(bool)
    jp = np.rint(d["jp"].to_numpy("float64")[technical] * JP_UNITS)  # whole millionths: exact sums
    jp_total = np.bincount(position[technical], weights=jp, minlength=len(people))  # exact below 2**53
    jp_max = np.zeros(len(people))
    np.maximum.at(jp_max, position[technical], jp)
    counted = jp_total if rules.opsi.teknis_akumulasi_jp else jp_max
    seminars = within(rules.seminar_jendela_tahun) & (kind == "seminar").to_numpy(bool)

    return pd.DataFrame({
        "ada_kepemimpinan": people.has_any_row(position, leadership & matches),
        "ada_fungsional": people.has_any_row(position, done & (kind == "fungsional").to_numpy(bool)),
        "jp_teknis": jp_total / JP_UNITS,
        "jp_teknis_terbesar": jp_max / JP_UNITS,
        "teknis_cukup": counted >= jp_units(rules.teknis_min_jp),
        "jumlah_seminar": np.bincount(position[seminars], minlength=len(people)).astype("int64"),
    }, index=level.index)


def _performance(data: Dataset, people: MeasuredEmployees, rules: Ruleset, period: Period,
                 index: pd.Index) -> pd.DataFrame:
    k = data.kinerja
    position = people.measured_rows(k)
    of_year = (position >= 0) & (k["tahun"] == period.tahun_kinerja).to_numpy(bool)
    at = position[of_year]  # one row per employee at most: load() rejected conflicting duplicates
    rows = k[of_year]
    value = np.full(len(people), np.nan)
    value[at] = rows["nilai"].to_numpy("float64", na_value=np.nan)
    predicate = _spread(rows["predikat"], at, len(people))
    by_predicate = np.full(len(people), np.nan)
    by_predicate[at] = _DistinctValueLookup(rows["predikat"]).take(rules.performance_predicates)
    found = people.has_any_row(at)
    points = np.where(np.isnan(value), by_predicate, band_points(value, rules.kinerja.pita, "poin"))
    points = np.where(found & ~np.isnan(points), points, 0.0)
    return pd.DataFrame({"kinerja": points, "kinerja_ada": found, "kinerja_nilai": value,
                         "kinerja_predikat": predicate.set_axis(index)}, index=index)


def _discipline(data: Dataset, people: MeasuredEmployees, rules: Ruleset, period: Period,
                index: pd.Index) -> pd.DataFrame:
    """The heaviest punishment surely in the window; unknown (0 points, incomplete) where an
    unreadable punishment may lie in it, or one dated by a year that straddles the window's edge."""
    start = period.window_start(rules.disiplin.jendela_tahun).to_datetime64()
    end = period.tanggal_acuan.to_datetime64()

    h = data.hukdis
    position = people.measured_rows(h)
    earliest, latest = _bounds(h, "tanggal")
    counted = (position >= 0) & _inside(earliest, latest, start, end)
    straddling = (position >= 0) & _overlapping(earliest, latest, start, end) & ~counted
    heaviest = np.zeros(len(people), dtype=np.intp)  # 0: no punishment in the window
    np.maximum.at(heaviest, position[counted], _DistinctValueLookup(h["tingkat"][counted]).take(DISCIPLINE_SEVERITY, 0)
                  .astype(np.intp))
    names = np.full(max(DISCIPLINE_SEVERITY.values()) + 1, None, dtype=object)
    points = np.full(len(names), float(rules.disiplin.poin["tidak_ada"]))
    for name, severity in DISCIPLINE_SEVERITY.items():
        names[severity], points[severity] = name, rules.disiplin.poin[name]
    level, points = names[heaviest], points[heaviest]
    u = data.hukdis_unreadable
    where = people.measured_rows(u)
    u_earliest, u_latest = _bounds(u, "tanggal")
    maybe = np.isnat(u_latest) | _overlapping(u_earliest, u_latest, start, end)
    unknown = people.has_any_row(where, (where >= 0) & maybe) | people.has_any_row(position, straddling)
    return pd.DataFrame({"disiplin": np.where(unknown, 0.0, points), "disiplin_diketahui": ~unknown,
                         "hukdis_terberat": _objects(level, index)}, index=index)


def _context(found: pd.DataFrame, name: str, default: object) -> pd.Series:
    """A context column of the findings (findings.CONTEXT); `default` where no finding has it."""
    return found[name] if name in found else pd.Series(default, index=found.index)


def _finding_matters(found: pd.DataFrame, people: MeasuredEmployees, types: _DistinctValueLookup,
                     earned: dict[str, np.ndarray], rules: Ruleset, period: Period) -> tuple[np.ndarray, np.ndarray]:
    """Per finding: could it change this period's score (RULES.md "Completeness")? And where the
    finding's employee stands among the measured (-1: not measured, or no NIP).

    A finding of a harmless kind never can. One on a pegawai row, or without its row's context,
    always can. Otherwise it can when its row may fall in a window it would count in: an assessment
    of `tahun_kinerja` (or of an unreadable year); a punishment that may lie in the disiplin window;
    a training of a kind that earns the employee's position points not yet earned (any kind, when
    the kind is unknown) and that may lie in that kind's window. A rejected row can count where it
    may overlap the window; a kept row dated by its year alone only where that year straddles the
    window's edge. A row whose date is unknown may lie anywhere."""
    matters = found["berdampak"].to_numpy(bool).copy()
    if not len(found):
        return matters, np.zeros(0, dtype=np.intp)
    lookup = pd.DataFrame({"nip": found["nip"].to_numpy(object)})
    if "_nip" in found and found["_nip"].dtype.kind in "iu":  # never through floats: 18 digits
        lookup["_nip"] = found["_nip"].fillna(-1).to_numpy("int64")
    where = people.measured_rows(lookup)
    if "_tabel" not in found:
        return matters, where
    table = found["_tabel"].to_numpy(object)
    end = period.tanggal_acuan.to_datetime64()
    earliest, latest = (pd.to_datetime(_context(found, name, pd.NaT)).to_numpy("datetime64[ns]")
                        for name in ("_dari", "_sampai"))
    undated = np.isnat(latest)
    rejected = found["ditolak"].to_numpy(bool)

    def may_count(start: np.datetime64 | None) -> np.ndarray:
        uncertain = rejected | ~_inside(earliest, latest, start, end)
        return undated | (_overlapping(earliest, latest, start, end) & uncertain)

    relevant = np.ones(len(found), dtype=bool)  # pegawai rows, and rows of unknown context
    kinerja = table == "kinerja"
    year = pd.to_numeric(_context(found, "_tahun", np.nan)).to_numpy("float64")
    relevant[kinerja] = (np.isnan(year) | (year == period.tahun_kinerja))[kinerja]
    hukdis = table == "hukdis"
    relevant[hukdis] = may_count(period.window_start(rules.disiplin.jendela_tahun).to_datetime64())[hukdis]
    diklat = table == "diklat"
    if diklat.any():
        kind = _context(found, "_jenis", None).to_numpy(object)
        unknown_kind = pd.isna(kind)
        measured_here = where >= 0
        windows = {"kepemimpinan": None, "fungsional": None,  # no window: done by the reference date
                   "teknis": period.window_start(rules.opsi.teknis_jendela_tahun).to_datetime64(),
                   "seminar": period.window_start(rules.seminar_jendela_tahun).to_datetime64()}
        could = np.zeros(len(found), dtype=bool)
        for indicator in INDICATORS:
            weight = types.take({t: getattr(p, indicator) for t, p in rules.kompetensi.items()}, 0.0)
            open_points = (weight > 0) & ~earned[indicator]  # per measured employee
            needs = np.ones(len(found), dtype=bool)  # someone not measured: nothing to decide
            needs[measured_here] = open_points[where[measured_here]]
            could |= ((kind == indicator) | unknown_kind) & needs & may_count(windows[indicator])
        relevant[diklat] = could[diklat]
    return matters & relevant, where


def add_up(out):
    """Kompetensi from its indicators and IP ASN from the dimensions, in place: the one arithmetic
    that scoring and anything re-scoring changed points (a plan) share. `out`: a DataFrame, or a
    dict of numpy columns (the same float operations, without pandas' overhead per call)."""
    out["kompetensi"] = sum(out[f"kompetensi_{i}"] for i in INDICATORS)  # left to right, as the reference
    out["ip_asn"] = out["kualifikasi"] + out["kompetensi"] + out["kinerja"] + out["disiplin"]
    return out


def score(data: Dataset, tahun: int, rules: Ruleset | None = None, tanggal_acuan: object = None,
          explanations: bool = True) -> ScoreResult:
    """Score every active PNS of `data` for measurement year `tahun`."""
    rules = rules or load_ruleset()
    period = Period.of(tahun, rules, tanggal_acuan)
    diukur = is_measured(data.pegawai)
    measured = data.pegawai[diukur].reset_index(drop=True)
    people = MeasuredEmployees(data.pegawai, diukur)
    pegawai = data.pegawai.drop(columns="_nip", errors="ignore").assign(diukur=diukur)  # _nip: a join key

    education = pd.Series(_DistinctValueLookup(measured["pendidikan"]).take(rules.education_points),
                          index=measured.index)
    types = _DistinctValueLookup(measured["jenis_jabatan"])
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
    out["kinerja"] = performance["kinerja"]
    out["disiplin"] = discipline["disiplin"]
    out = add_up(out).assign(kategori=lambda frame: categorize(frame["ip_asn"], rules))
    out = out[OUTPUT_COLUMNS[:-1]]  # the contract's order (data_lengkap follows)
    earned = {i: (out[f"kompetensi_{i}"] > 0).to_numpy(bool) for i in INDICATORS}
    matters, where = _finding_matters(data.findings, people, types, earned, rules, period)
    affected = people.has_any_row(where, matters & (where >= 0))
    out["data_lengkap"] = (
        education.notna() & measured["jenis_jabatan"].notna() & performance["kinerja_ada"]
        & discipline["disiplin_diketahui"] & ~affected
        & (not data.undeclared_absent)  # a history table missing by mistake leaves every score unsure
    ).astype(bool)
    found = fnd.public(data.findings).assign(berdampak=matters)

    evidence = pd.concat([training, performance.drop(columns="kinerja"),
                          discipline.drop(columns="disiplin")], axis=1)
    evidence["eselon_jabatan"] = level
    if explanations:
        for column, texts in explain.explain(out, measured, evidence, rules, period).items():
            out[column] = texts
    for column in DETAIL_COLUMNS:
        out[column] = measured[column] if column in measured else None
    return ScoreResult(out, pegawai, data, rules, period, found)
