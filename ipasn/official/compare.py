"""Reconcile BKN's official results with ipasn's own count, per NIP and dimension.

A dimension differs when the two values differ at all (RULES.md: both are exact point sums). Only
measured PNS can be missing from BKN's file: CPNS, PPPK and the export's other not-measured people are
never listed as "only in our data". The unit is the file's where it names one, else the export's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn.official.causes import History, explain
from ipasn.official.points import TOLERANCE
from ipasn.official.read import Official
from ipasn.ruleset import DIMENSIONS
from ipasn.scoring.score import ScoreResult

NOT_IN_EXPORT = "(tidak ada di ekspor)"
ALL_UNITS = "Seluruh instansi"
SELISIH_COLUMNS = ["nip", "nama", "unit_kerja", "dimensi", "nilai_hitung", "nilai_bkn", "selisih",
                   "keterangan_ipasn", "keterangan_bkn", "kemungkinan_penyebab", "bukti_di_ekspor",
                   "sertifikat_diunggah", "data_lengkap"]
ONLY_BKN_COLUMNS = ["nip", "nama", "unit_kerja", *DIMENSIONS, "ip_asn", "keterangan", "berkas", "lembar", "baris"]
ONLY_DATA_COLUMNS = ["nip", "nama", "unit_kerja", "jenis_jabatan", *DIMENSIONS, "ip_asn", "data_lengkap",
                     "keterangan"]
RINGKASAN_COLUMNS = ["unit_kerja", "dimensi", "pns_resmi", "pns_dibandingkan", "pns_berbeda", "lebih_tinggi_di_ekspor",
                     "lebih_rendah_di_ekspor", "rata_rata_selisih", "nilai_resmi", "nilai_dengan_data_ekspor",
                     "perubahan", "sertifikat_diunggah"]
MISSING_AT_BKN = ("PNS diukur menurut ekspor tetapi tidak ada di hasil resmi BKN: periksa apakah datanya sudah "
                  "ada dan dihitung di SIASN")

UNUSABLE_AT_BKN = "ada di hasil resmi BKN, tetapi barisnya tidak dapat dipakai (lihat lembar temuan)"


@dataclass
class Reconciliation:
    selisih: pd.DataFrame
    hanya_bkn: pd.DataFrame
    hanya_data: pd.DataFrame
    ringkasan: pd.DataFrame
    official: Official
    result: ScoreResult


def official_units(official: Official, pegawai: pd.DataFrame) -> pd.Series:
    """Each official row's unit: the file's, else the export's by NIP, else NOT_IN_EXPORT."""
    by_nip = pegawai.set_index("nip")["unit_kerja"]
    from_export = official.table["nip"].map(by_nip)
    own = official.table["unit_kerja"]
    return own.where(own != "", from_export.fillna(NOT_IN_EXPORT))


def _only_bkn(official: Official, units: pd.Series, result: ScoreResult) -> pd.DataFrame:
    measured = set(result.scores["nip"])
    listed = result.pegawai.set_index("nip")
    table = official.table.assign(unit_kerja=units)
    rows = table[~table["nip"].isin(measured)].copy()
    reason = rows["nip"].map(listed["keterangan_status"]) if "keterangan_status" in listed else None
    in_export = rows["nip"].isin(listed.index)
    rows["keterangan"] = np.where(
        in_export, "ada di ekspor tetapi tidak diukur ipasn (" + (reason.fillna("status") if reason is not None
                                                                   else "status") + ")",
        "tidak ada di ekspor: tambahkan pegawai ini ke ekspor, atau periksa unit/instansinya di SIASN")
    return rows[ONLY_BKN_COLUMNS].reset_index(drop=True)


def _only_data(official: Official, result: ScoreResult) -> pd.DataFrame:
    """Measured PNS that BKN's file does not give usably: absent, or on rows that could not be used."""
    scores = result.scores
    rows = scores[~scores["nip"].isin(official.table["nip"])].copy()
    rejected = official.findings.loc[official.findings["ditolak"], "nip"].dropna()
    rows["keterangan"] = np.where(rows["nip"].isin(rejected), UNUSABLE_AT_BKN, MISSING_AT_BKN)
    return rows[ONLY_DATA_COLUMNS].reset_index(drop=True)


def _pairs(official: Official, units: pd.Series, result: ScoreResult) -> pd.DataFrame:
    """One row per NIP on both sides: ipasn's scores row with BKN's values beside it (`<dim>_bkn`)."""
    names = {c: lv.nama for c, lv in result.rules.kualifikasi.items()}
    ours = result.scores.assign(pendidikan_nama=result.scores["pendidikan"].map(names)).drop(columns="unit_kerja")
    bkn = official.table.assign(unit_kerja=units)[
        ["nip", "unit_kerja", "jenis_jabatan", *DIMENSIONS, "ip_asn", *(f"keterangan_{d}" for d in DIMENSIONS)]]
    bkn = bkn.rename(columns={c: f"{c}_bkn" for c in bkn.columns if c not in ("nip", "unit_kerja")})
    return ours.merge(bkn, on="nip", how="inner", validate="one_to_one")


def _differences(pairs: pd.DataFrame, result: ScoreResult) -> pd.DataFrame:
    rows = []
    diff_mask = {d: (pairs[f"{d}_bkn"].notna() & ((pairs[d] - pairs[f"{d}_bkn"]).abs() > TOLERANCE)).to_numpy(bool)
                 for d in DIMENSIONS}
    differing = np.logical_or.reduce(list(diff_mask.values()))
    history = History(result.dataset, set(pairs.loc[differing, "nip"]))
    for index, row in pairs[differing].iterrows():  # the few that differ, one by one: causes are prose
        for dimension in DIMENSIONS:
            if not diff_mask[dimension][index]:
                continue
            bkn = float(row[f"{dimension}_bkn"])
            cause = explain(row, dimension, bkn, row["jenis_jabatan_bkn"], result, history)
            rows.append({"nip": row["nip"], "nama": row["nama"], "unit_kerja": row["unit_kerja"],
                         "dimensi": dimension, "nilai_hitung": float(row[dimension]), "nilai_bkn": bkn,
                         "selisih": float(row[dimension]) - bkn,
                         "keterangan_ipasn": row.get(f"keterangan_{dimension}", ""),
                         "keterangan_bkn": row[f"keterangan_{dimension}_bkn"],
                         "kemungkinan_penyebab": cause.text, "bukti_di_ekspor": cause.evidence,
                         "sertifikat_diunggah": cause.certificates, "data_lengkap": bool(row["data_lengkap"])})
    out = pd.DataFrame(rows, columns=SELISIH_COLUMNS)
    return out.astype({"nilai_hitung": "float64", "nilai_bkn": "float64", "selisih": "float64",
                       "sertifikat_diunggah": "int64", "data_lengkap": bool})


def _summary_rows(unit: str, official: pd.DataFrame, pairs: pd.DataFrame, diffs: pd.DataFrame) -> list[dict]:
    """One unit (or the instansi): per dimension and for the IP, what BKN says and what it would say
    with the export's values for the PNS on both sides."""
    rows = []
    for dimension in (*DIMENSIONS, "ip_asn"):
        known = official[dimension].notna()
        # the IP moves by the differences of the PNS whose official IP is known (all four dimensions)
        mine = (diffs[diffs["nip"].isin(official.loc[known, "nip"])] if dimension == "ip_asn"
                else diffs[diffs["dimensi"] == dimension])
        change = mine["selisih"].sum() / known.sum() if known.any() else np.nan
        per_nip = mine.groupby("nip")["selisih"].sum()
        rows.append({
            "unit_kerja": unit, "dimensi": dimension, "pns_resmi": int(len(official)),
            "pns_dibandingkan": int(len(pairs)), "pns_berbeda": int(mine["nip"].nunique()),
            "lebih_tinggi_di_ekspor": int((per_nip > TOLERANCE).sum()),
            "lebih_rendah_di_ekspor": int((per_nip < -TOLERANCE).sum()),
            "rata_rata_selisih": per_nip.mean() if len(per_nip) else np.nan,
            "nilai_resmi": official.loc[known, dimension].mean() if known.any() else np.nan,
            "nilai_dengan_data_ekspor": (official.loc[known, dimension].mean() + change) if known.any() else np.nan,
            "perubahan": change, "sertifikat_diunggah": int(mine["sertifikat_diunggah"].sum()),
        })
    return rows


def _summary(official: Official, units: pd.Series, pairs: pd.DataFrame, diffs: pd.DataFrame) -> pd.DataFrame:
    """Per unit and dimension. A difference counts only where BKN's value is known (it is compared),
    so `perubahan` is the sum of the differences over the unit's official PNS with a known value."""
    table = official.table.assign(unit_kerja=units)
    rows = []
    for unit in sorted(table["unit_kerja"].unique()):
        rows += _summary_rows(unit, table[table["unit_kerja"] == unit], pairs[pairs["unit_kerja"] == unit],
                              diffs[diffs["unit_kerja"] == unit])
    rows += _summary_rows(ALL_UNITS, table, pairs, diffs)
    return pd.DataFrame(rows, columns=RINGKASAN_COLUMNS)


def reconcile(official: Official, result: ScoreResult) -> Reconciliation:
    """Compare BKN's official results with ipasn's scores of the same year."""
    units = official_units(official, result.pegawai)
    pairs = _pairs(official, units, result)
    diffs = _differences(pairs, result)
    return Reconciliation(diffs, _only_bkn(official, units, result), _only_data(official, result),
                          _summary(official, units, pairs, diffs), official, result)
