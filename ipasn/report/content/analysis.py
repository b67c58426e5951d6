"""What the reports say: the analysis table, the improvement list and the gains per indicator.

Pure functions over scored rows (`ScoreResult.scores` or a unit's slice of it) returning DataFrames
with numbers; `present.py` turns them into Indonesian tables and sentences.
"""

from __future__ import annotations

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


def improvement_items(scores: pd.DataFrame, rules: Ruleset) -> pd.DataFrame:
    """One row per missing item per employee, with the points closing it would add.

    Items: each competence indicator at 0 that the position can earn, a missing SKP (up to the
    dimension maximum), unknown education or discipline data. Sorted so the biggest gains come first.
    """
    items = []
    kind = scores["jenis_jabatan"]
    for indicator in INDICATORS:
        weight = kind.map({t: getattr(p, indicator) for t, p in rules.kompetensi.items()}).astype("float64")
        missing = (weight > 0) & (scores[f"kompetensi_{indicator}"] == 0)
        items.append(pd.DataFrame({
            "nip": scores.loc[missing, "nip"], "indikator": indicator,
            "tambahan": weight[missing], "pasti": True,
        }))
    no_skp = unassessed(scores)
    items.append(pd.DataFrame({"nip": scores.loc[no_skp, "nip"], "indikator": "skp",
                               "tambahan": rules.dimensi_maks["kinerja"], "pasti": False}))
    no_education = scores["kualifikasi"] == 0
    items.append(pd.DataFrame({"nip": scores.loc[no_education, "nip"], "indikator": "pendidikan",
                               "tambahan": max(rules.education_points.values()), "pasti": False}))
    discipline_unknown = scores["disiplin"] == 0
    items.append(pd.DataFrame({"nip": scores.loc[discipline_unknown, "nip"], "indikator": "hukdis",
                               "tambahan": rules.disiplin.poin["tidak_ada"], "pasti": False}))
    out = pd.concat(items, ignore_index=True)
    people = scores.set_index("nip")
    out["nama"] = out["nip"].map(people["nama"])
    out["jenis_jabatan"] = out["nip"].map(people["jenis_jabatan"])
    out["eselon"] = out["nip"].map(people["eselon"]) if "eselon" in people else pd.NA
    out["ip_asn"] = out["nip"].map(people["ip_asn"])
    out["tindakan"] = [_action(r, rules) for r in out.itertuples(index=False)]
    order = {k: i for i, k in enumerate([*INDICATORS, "skp", "pendidikan", "hukdis"])}
    out["_order"] = out["indikator"].map(order)
    out = out.sort_values(["tambahan", "_order", "nama", "nip"], ascending=[False, True, True, True],
                          kind="stable").drop(columns="_order")
    return out.reset_index(drop=True)[["nip", "nama", "jenis_jabatan", "indikator", "tindakan",
                                       "tambahan", "pasti", "ip_asn"]]


def _action(item, rules: Ruleset) -> str:
    if item.indikator == "kepemimpinan":
        level = item.eselon if pd.notna(item.eselon) else (
            rules.opsi.jpt_eselon_bawaan if item.jenis_jabatan == "JPT" else
            STRUCTURAL_LEVEL.get(item.jenis_jabatan))
        level = int(level) if level is not None and pd.notna(level) else None
        name = LEADERSHIP_NAMES.get(level, "sesuai eselon")
        return f"Ikuti/unggah sertifikat diklat kepemimpinan sesuai eselon {ROMAN.get(level, '')} ({name})"
    if item.indikator == "fungsional":
        return "Ikuti/unggah sertifikat diklat fungsional jabatannya"
    if item.indikator == "teknis":
        return (f"Ikuti/unggah diklat teknis hingga {fmt.points(rules.teknis_min_jp)} JP dalam "
                f"{rules.opsi.teknis_jendela_tahun} tahun terakhir")
    if item.indikator == "seminar":
        return (f"Ikuti/unggah sertifikat seminar/workshop/kursus/magang dalam "
                f"{rules.seminar_jendela_tahun} tahun terakhir")
    if item.indikator == "skp":
        return "Lengkapi data penilaian kinerja (SKP)"
    if item.indikator == "pendidikan":
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
