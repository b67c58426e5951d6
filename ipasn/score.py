"""Vectorised IP ASN scoring over a whole Dataset (see reference.py for the plain per-employee form)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn import explain
from ipasn.bands import band_points, categorize
from ipasn.load import Dataset
from ipasn.ruleset import INDICATORS, Ruleset, load_ruleset
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
DETAIL_COLUMNS = ["eselon", "pendidikan", "jenis_kelamin", "jabatan"]
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


def _position_level(measured: pd.DataFrame, rules: Ruleset) -> pd.Series:
    """The eselon level a leadership training must match."""
    level = measured["jenis_jabatan"].map(STRUCTURAL_LEVEL).astype("Float64")
    jpt = measured["jenis_jabatan"] == "JPT"
    jpt_level = measured["eselon"].astype("Float64").fillna(rules.opsi.jpt_eselon_bawaan)
    return level.mask(jpt, jpt_level)


def _training_evidence(data: Dataset, measured: pd.DataFrame, level: pd.Series, rules: Ruleset,
                       period: Period) -> pd.DataFrame:
    """Per measured employee: leadership match, functional, technical JP in window, seminars."""
    index = measured["nip"]
    d = data.diklat
    d = d[d["tanggal_selesai"] <= period.tanggal_acuan]
    d = d[d["nip"].isin(index)]
    nip_level = pd.Series(level.to_numpy(), index=index.to_numpy())

    leadership = d[d["jenis"] == "kepemimpinan"]
    needed = leadership["nip"].map(nip_level)
    trained = leadership["tingkat"].astype("Float64")
    matches = trained == needed
    if rules.opsi.kepemimpinan_lebih_tinggi_dihitung:
        matches |= trained < needed  # level 2 is higher than level 3
    has_leadership = index.isin(leadership.loc[matches.fillna(False).to_numpy(bool), "nip"])

    has_functional = index.isin(d.loc[d["jenis"] == "fungsional", "nip"])

    technical = d[(d["jenis"] == "teknis")
                  & (d["tanggal_selesai"] > period.window_start(rules.opsi.teknis_jendela_tahun))]
    per_person = technical.groupby("nip")["jp"]
    jp_total = index.map(per_person.sum()).astype("float64").fillna(0.0)
    jp_max = index.map(per_person.max()).astype("float64").fillna(0.0)
    counted = jp_total if rules.opsi.teknis_akumulasi_jp else jp_max

    seminars = d[(d["jenis"] == "seminar")
                 & (d["tanggal_selesai"] > period.window_start(rules.seminar_jendela_tahun))]
    n_seminar = index.map(seminars.groupby("nip").size()).astype("float64").fillna(0).astype("int64")

    return pd.DataFrame({
        "ada_kepemimpinan": np.asarray(has_leadership, bool),
        "ada_fungsional": np.asarray(has_functional, bool),
        "jp_teknis": jp_total.to_numpy(),
        "teknis_cukup": (counted >= rules.teknis_min_jp).to_numpy(),
        "jumlah_seminar": n_seminar.to_numpy(),
    }, index=measured.index)


def _performance(data: Dataset, measured: pd.DataFrame, rules: Ruleset, period: Period) -> pd.DataFrame:
    k = data.kinerja
    k = k[k["tahun"] == period.tahun_kinerja].set_index("nip")  # duplicates were rejected on load
    value = measured["nip"].map(k["nilai"]).astype("float64")
    predicate = measured["nip"].map(k["predikat"])
    found = measured["nip"].isin(k.index)
    by_value = pd.Series(band_points(value, rules.kinerja.pita, "poin"), index=measured.index)
    by_predicate = predicate.map(rules.performance_predicates).astype("float64")
    points = by_value.where(value.notna(), by_predicate).fillna(0.0)
    return pd.DataFrame({"kinerja": points.where(found, 0.0), "kinerja_ada": found.to_numpy(),
                         "kinerja_nilai": value, "kinerja_predikat": predicate}, index=measured.index)


def _discipline(data: Dataset, measured: pd.DataFrame, rules: Ruleset, period: Period) -> pd.DataFrame:
    start = period.window_start(rules.disiplin.jendela_tahun)
    h = data.hukdis
    h = h[(h["tanggal"] > start) & (h["tanggal"] <= period.tanggal_acuan)]
    severity = h["tingkat"].map(DISCIPLINE_SEVERITY)
    heaviest = measured["nip"].map(severity.groupby(h["nip"]).max()).astype("float64")
    names = {v: k for k, v in DISCIPLINE_SEVERITY.items()}
    level = heaviest.map(names)
    points = level.map(rules.disiplin.poin).astype("float64").fillna(rules.disiplin.poin["tidak_ada"])
    u = data.hukdis_unreadable
    maybe_in_window = u["tanggal"].isna() | ((u["tanggal"] > start) & (u["tanggal"] <= period.tanggal_acuan))
    unknown = measured["nip"].isin(u.loc[maybe_in_window, "nip"])
    return pd.DataFrame({"disiplin": points.where(~unknown, 0.0), "disiplin_diketahui": ~unknown,
                         "hukdis_terberat": level}, index=measured.index)


def score(data: Dataset, tahun: int, rules: Ruleset | None = None, tanggal_acuan: object = None,
          explanations: bool = True) -> ScoreResult:
    """Score every active PNS of `data` for measurement year `tahun`."""
    rules = rules or load_ruleset()
    period = Period.of(tahun, rules, tanggal_acuan)
    pegawai = data.pegawai.assign(diukur=data.pegawai["status"] == "PNS")
    measured = pegawai[pegawai["diukur"]].reset_index(drop=True)

    education = measured["pendidikan"].map(rules.education_points).astype("float64")
    level = _position_level(measured, rules)
    training = _training_evidence(data, measured, level, rules, period)
    performance = _performance(data, measured, rules, period)
    discipline = _discipline(data, measured, rules, period)

    out = measured[["nip", "nama", "unit_kerja", "jenis_jabatan"]].copy()
    out["kualifikasi"] = education.fillna(0.0)
    held = {"kepemimpinan": training["ada_kepemimpinan"], "fungsional": training["ada_fungsional"],
            "teknis": training["teknis_cukup"], "seminar": training["jumlah_seminar"] > 0}
    for indicator in INDICATORS:
        weight = measured["jenis_jabatan"].map(
            {t: getattr(p, indicator) for t, p in rules.kompetensi.items()}).astype("float64").fillna(0.0)
        out[f"kompetensi_{indicator}"] = weight.where(held[indicator], 0.0)
    out["kompetensi"] = out[[f"kompetensi_{i}" for i in INDICATORS]].sum(axis=1)
    out["kinerja"] = performance["kinerja"]
    out["disiplin"] = discipline["disiplin"]
    out["ip_asn"] = out[["kualifikasi", "kompetensi", "kinerja", "disiplin"]].sum(axis=1)
    out["kategori"] = categorize(out["ip_asn"], rules)

    f = data.findings
    flagged = set(f.loc[f["berdampak"] & f["nip"].notna(), "nip"])
    out["data_lengkap"] = (
        education.notna() & measured["jenis_jabatan"].notna() & performance["kinerja_ada"]
        & discipline["disiplin_diketahui"] & ~measured["nip"].isin(flagged)
    ).astype(bool)

    evidence = pd.concat([training, performance.drop(columns="kinerja"),
                          discipline.drop(columns="disiplin")], axis=1)
    evidence["eselon_jabatan"] = level
    if explanations:
        for column, texts in explain.explain(out, measured, evidence, rules, period).items():
            out[column] = texts
    for column in DETAIL_COLUMNS:
        out[column] = measured[column]
    return ScoreResult(out, pegawai, data, rules, period)
