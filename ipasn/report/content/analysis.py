"""What the reports say: the analysis table, the improvement list and the gains per indicator.

Pure functions over scored rows (`ScoreResult.scores` or a unit's slice of it) returning DataFrames
with numbers; `present.py` turns them into Indonesian tables and sentences.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from ipasn import fmt
from ipasn.clean.vocab import NUMERALS
from ipasn.report.content.targets import Targets
from ipasn.ruleset import DIMENSIONS, INDICATORS, Ruleset
from ipasn.scoring.explain import unassessed
from ipasn.scoring.score import STRUCTURAL_LEVEL

DIMENSION_LABELS = {"kualifikasi": "Kualifikasi", "kompetensi": "Kompetensi", "kinerja": "Kinerja",
                    "disiplin": "Disiplin", "ip_asn": "IP ASN"}
INDICATOR_LABELS = {
    "kepemimpinan": "diklat kepemimpinan",
    "fungsional": "diklat fungsional",
    "teknis": "diklat teknis",
    "seminar": "seminar/workshop/kursus",
}
LEADERSHIP_NAMES = {1: "PKN Tingkat I/Diklatpim I", 2: "PKN Tingkat II/Diklatpim II",
                    3: "PKA/Diklatpim III", 4: "PKP/Diklatpim IV"}
# 1 -> "I": the eselon levels a leadership training exists for.
ROMAN = {level: numeral for level, numeral in NUMERALS.items() if level in LEADERSHIP_NAMES}


# The columns improvement_items reads: what its results are remembered by.
ITEMS_READ = ("nip", "nama", "jenis_jabatan", "eselon", "ip_asn", "kualifikasi", "kinerja", "keterangan_kinerja",
              "disiplin", *(f"kompetensi_{i}" for i in INDICATORS))
_items_memo: dict[tuple, tuple[Ruleset, pd.DataFrame]] = {}


def improvement_items(scores: pd.DataFrame, rules: Ruleset) -> pd.DataFrame:
    """One row per missing item per employee, with the points closing it would add.

    Items: each competence indicator at 0 that the position can earn, a missing SKP (up to the
    dimension maximum), unknown education or discipline data. Sorted so the biggest gains come first.

    A document asks for the same scope's items three to five times (upaya, narrative, plan, analysis):
    they are remembered by the content of the columns read, not by the frame, so a frame changed in
    place is read again.
    """
    key = (id(rules), content_key(scores, ITEMS_READ))
    remembered = _items_memo.get(key)
    if remembered is None:
        if len(_items_memo) >= 4:
            _items_memo.clear()
        remembered = _items_memo[key] = (rules, _improvement_items(scores, rules))  # rules kept: its id stays its own
    return remembered[1].copy()


def content_key(frame: pd.DataFrame, columns: tuple[str, ...]) -> tuple:
    """A key for the values of `columns` in `frame`, row by row (index left out)."""
    present = [c for c in columns if c in frame.columns]
    rows = pd.util.hash_pandas_object(frame[present], index=False).to_numpy()
    return (tuple(present), tuple(str(frame[c].dtype) for c in present), len(frame),
            hashlib.blake2b(rows.tobytes(), digest_size=16).digest())


def _improvement_items(scores: pd.DataFrame, rules: Ruleset) -> pd.DataFrame:
    kind = scores["jenis_jabatan"]
    found = []  # (positions in scores, item, points it adds, sure)
    for indicator in INDICATORS:
        weight = kind.map({t: getattr(p, indicator) for t, p in rules.kompetensi.items()}).astype("float64")
        missing = ((weight > 0) & (scores[f"kompetensi_{indicator}"] == 0)).to_numpy(bool)
        found.append((np.flatnonzero(missing), indicator, weight.to_numpy()[missing], True))
    for missing, indicator, points in (
            (unassessed(scores), "skp", rules.dimensi_maks["kinerja"]),
            (scores["kualifikasi"] == 0, "pendidikan", max(rules.education_points.values())),
            (scores["disiplin"] == 0, "hukdis", rules.disiplin.poin["tidak_ada"])):
        at = np.flatnonzero(missing.to_numpy(bool))
        found.append((at, indicator, np.full(len(at), float(points)), False))
    at = np.concatenate([f[0] for f in found])
    people = scores.iloc[at].reset_index(drop=True)  # each item's employee, by position: no lookup by NIP
    out = pd.DataFrame({
        "nip": people["nip"], "indikator": np.repeat([f[1] for f in found], [len(f[0]) for f in found]),
        "tambahan": np.concatenate([f[2] for f in found]),
        "pasti": np.repeat([f[3] for f in found], [len(f[0]) for f in found]),
        "nama": people["nama"].astype("str"), "jenis_jabatan": people["jenis_jabatan"].astype("str"),
        "eselon": people["eselon"] if "eselon" in people else pd.NA, "ip_asn": people["ip_asn"],
    })
    # One text per kind of item; only the leadership training names each person's level.
    texts = out["indikator"].map({k: _action(k, rules) for k in out["indikator"].unique()
                                  if k != "kepemimpinan"}).to_numpy(object)
    lead = (out["indikator"] == "kepemimpinan").to_numpy()
    texts[lead] = [_leadership_action(r, rules) for r in out[lead].itertuples(index=False)]
    out["tindakan"] = pd.Series(texts, index=out.index, dtype="str")
    order = {k: i for i, k in enumerate([*INDICATORS, "skp", "pendidikan", "hukdis"])}
    out["_order"] = out["indikator"].map(order)
    out = out.sort_values(["tambahan", "_order", "nama", "nip"], ascending=[False, True, True, True],
                          kind="stable").drop(columns="_order")
    return out.reset_index(drop=True)[["nip", "nama", "jenis_jabatan", "indikator", "tindakan",
                                       "tambahan", "pasti", "ip_asn"]]


def _leadership_action(item, rules: Ruleset) -> str:
    level = item.eselon if pd.notna(item.eselon) else (
        rules.opsi.jpt_eselon_bawaan if item.jenis_jabatan == "JPT" else
        STRUCTURAL_LEVEL.get(item.jenis_jabatan))
    level = int(level) if level is not None and pd.notna(level) else None
    name = LEADERSHIP_NAMES.get(level, "sesuai eselon")
    return f"Ikuti/unggah sertifikat diklat kepemimpinan sesuai eselon {ROMAN.get(level, '')} ({name})"


def _action(indikator: str, rules: Ruleset) -> str:
    if indikator == "fungsional":
        return "Ikuti/unggah sertifikat diklat fungsional jabatannya"
    if indikator == "teknis":
        return (f"Ikuti/unggah diklat teknis hingga {fmt.points(rules.teknis_min_jp)} JP dalam "
                f"{rules.opsi.teknis_jendela_tahun} tahun terakhir")
    if indikator == "seminar":
        return (f"Ikuti/unggah sertifikat seminar/workshop/kursus/magang dalam "
                f"{rules.seminar_jendela_tahun} tahun terakhir")
    if indikator == "skp":
        return "Lengkapi data penilaian kinerja (SKP)"
    if indikator == "pendidikan":
        return "Perbaiki data pendidikan terakhir"
    return "Perbaiki data hukuman disiplin"


def potential(scores: pd.DataFrame, items: pd.DataFrame) -> pd.Series:
    """Each employee's IP ASN if every item were closed (items without a sure gain count in full)."""
    gain = items.groupby("nip")["tambahan"].sum()
    return (scores["ip_asn"] + scores["nip"].map(gain).fillna(0.0)).clip(upper=100.0)


def indicator_gains(scores: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Per item kind: how many employees miss it and how much the mean would rise if all closed it."""
    n = len(scores)
    grouped = items.groupby("indikator").agg(pegawai=("nip", "nunique"), total=("tambahan", "sum"))
    grouped["kenaikan_rata_rata"] = grouped["total"] / n if n else np.nan
    order = [*INDICATORS, "skp", "pendidikan", "hukdis"]
    grouped = grouped.reindex([k for k in order if k in grouped.index])
    return grouped.sort_values("kenaikan_rata_rata", ascending=False, kind="stable").drop(columns="total")


def dimension_table(scores: pd.DataFrame, rules: Ruleset, targets: Targets) -> pd.DataFrame:
    """Per dimension and for the total: maximum, current mean, capaian of maximum and of target."""
    rows = []
    for key in [*DIMENSIONS, "ip_asn"]:
        maximum = 100.0 if key == "ip_asn" else float(rules.dimensi_maks[key])
        value = float(scores[key].mean()) if len(scores) else np.nan
        target = targets.get(key)
        rows.append({
            "dimensi": key, "bobot_maksimal": maximum, "nilai": value,
            "capaian_maksimal": value / maximum if maximum else np.nan,
            "target": target,
            "capaian_target": value / target if target else np.nan,
        })
    return pd.DataFrame(rows)
