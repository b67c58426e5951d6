"""Across years: each year's means per unit and for the instansi, and each employee's movement.

Pure functions over `ScoreResult`s (one per year, each from its own data or from one shared
snapshot). Units are matched by name after the run's `unit_alias` map (old name -> new name); a unit
found in one year only is kept, never dropped. Employees are matched by NIP.

A document of year Y is made from the years up to Y only, and aliases count only once their new
name has appeared by Y: adding a later year leaves the earlier years' documents unchanged (reuse).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ipasn.ruleset import DIMENSIONS
from ipasn.scoring.score import ScoreResult
from ipasn.scoring.summary import summarise

MEANS = ["ip_asn", *DIMENSIONS]
SUMMARY_COLUMNS = ["tahun", "unit_kerja", "nama_unit", "terdaftar", "diukur", "partisipasi", *MEANS, "kategori"]
SIDES = ("sebelum", "sesudah")
# Per employee and year: where they were, whether measured, their scores.
PERSON_COLUMNS = ["unit_kerja", "nama_unit", "diukur", *MEANS, "kategori"]
MOVEMENT_COLUMNS = ["nip", "nama", *(f"{c}_{side}" for side in SIDES for c in PERSON_COLUMNS)]


def scope_rows(history: pd.DataFrame, trend: Mapping, unit: str | None) -> pd.DataFrame:
    """A document's own scope per year, oldest first: a unit's rows (by its name after the aliases,
    `trend["unit_kerja"]`), or the instansi's (unit None)."""
    if len(history) == 0 or not trend:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    own = history["unit_kerja"] == trend.get("unit_kerja") if unit is not None else history["unit_kerja"].isna()
    return history[own].sort_values("tahun").reset_index(drop=True)


def aliases_as_of(alias: Mapping[str, str], names: set[str]) -> dict[str, str]:
    """The aliases whose new name is among `names` (the unit names of the years a document shows)."""
    return {old: new for old, new in alias.items() if new in names}


def unit_names(results: Mapping[int, ScoreResult]) -> set[str]:
    return {str(u) for r in results.values() for u in r.pegawai["unit_kerja"].dropna().unique()}


def year_summaries(results: Mapping[int, ScoreResult], alias: Mapping[str, str]) -> pd.DataFrame:
    """Per year: the instansi (unit_kerja None) and every unit (its name after `alias`; `nama_unit` the
    name it had that year): registered, measured, participation, means and category."""
    frames = []
    for tahun in sorted(results):
        result = results[tahun]
        whole = summarise(result, by=None).assign(unit_kerja=None, nama_unit=None)
        units = summarise(result, by="unit_kerja").reset_index()
        units["nama_unit"] = units["unit_kerja"]
        units["unit_kerja"] = units["unit_kerja"].map(lambda u: alias.get(u, u))
        frames.append(pd.concat([whole, units], ignore_index=True).assign(tahun=tahun))
    if not frames:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[SUMMARY_COLUMNS]
    out["unit_kerja"] = out["unit_kerja"].astype(object)
    out["nama_unit"] = out["nama_unit"].astype(object)
    return out


def _people(result: ScoreResult, alias: Mapping[str, str]) -> pd.DataFrame:
    listed = result.pegawai[["nip", "nama", "unit_kerja", "diukur"]].drop_duplicates("nip")
    scores = result.scores.drop_duplicates("nip").set_index("nip")[[*MEANS, "kategori"]]
    out = listed.join(scores, on="nip")
    out["nama_unit"] = out["unit_kerja"]
    out["unit_kerja"] = out["unit_kerja"].map(lambda u: alias.get(u, u))
    return out.set_index("nip")


def movement(before: ScoreResult, after: ScoreResult, alias: Mapping[str, str]) -> pd.DataFrame:
    """Every employee listed in either year: unit, measured or not, scores and category in each.

    An employee absent in one year has that year's columns empty (joined, or left the instansi)."""
    old, new = _people(before, alias), _people(after, alias)
    joined = old.drop(columns="nama").add_suffix("_sebelum").join(
        new.drop(columns="nama").add_suffix("_sesudah"), how="outer")
    names = new["nama"].combine_first(old["nama"])
    joined.insert(0, "nama", names.reindex(joined.index))
    joined = joined.reset_index().rename(columns={"index": "nip"})
    for side in SIDES:
        joined[f"diukur_{side}"] = joined[f"diukur_{side}"].astype("boolean").fillna(False).astype(bool)
    return joined[MOVEMENT_COLUMNS].sort_values("nip", kind="stable").reset_index(drop=True)


def touching(moves: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The movement rows of one unit (by its name after the aliases): in it before, after, or both."""
    return moves[(moves["unit_kerja_sebelum"] == unit) | (moves["unit_kerja_sesudah"] == unit)].reset_index(drop=True)


def category_rank(names: pd.Series, order: list[str]) -> pd.Series:
    """Category as a number, higher is better (the ruleset lists them best first)."""
    rank = {name: len(order) - i for i, name in enumerate(order)}
    return names.map(rank).astype("float64")


def category_shifts(moves: pd.DataFrame, order: list[str]) -> dict[str, int]:
    """Among PNS measured in both years: how many moved up, stayed, moved down a category; and how
    many started or stopped being measured."""
    both = moves[moves["diukur_sebelum"] & moves["diukur_sesudah"]]
    change = category_rank(both["kategori_sesudah"], order) - category_rank(both["kategori_sebelum"], order)
    return {
        "naik": int((change > 0).sum()), "tetap": int((change == 0).sum()), "turun": int((change < 0).sum()),
        "mulai_diukur": int((~moves["diukur_sebelum"] & moves["diukur_sesudah"]).sum()),
        "tidak_diukur_lagi": int((moves["diukur_sebelum"] & ~moves["diukur_sesudah"]).sum()),
    }


def category_matrix(moves: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """PNS measured in both years: category before (rows) by category after (columns)."""
    both = moves[moves["diukur_sebelum"] & moves["diukur_sesudah"]]
    return pd.crosstab(pd.Categorical(both["kategori_sebelum"], categories=order),
                       pd.Categorical(both["kategori_sesudah"], categories=order), dropna=False
                       ).reindex(index=order, columns=order, fill_value=0)


def unit_changes(history: pd.DataFrame) -> pd.DataFrame:
    """Per unit: IP ASN in the previous year and the last year of `history`, the change, and what
    happened to the unit (renamed, new, gone), ranked by change (largest rise first; no change last)."""
    units = history[history["unit_kerja"].notna()]
    years = sorted(history["tahun"].unique())
    if len(years) < 2:
        return pd.DataFrame(columns=["unit_kerja", "sebelum", "sesudah", "perubahan", "keterangan"])
    previous, last = years[-2], years[-1]
    rows = []
    for unit, group in units.groupby("unit_kerja", sort=True):
        by_year = group.set_index("tahun")
        before = by_year["ip_asn"].get(previous, np.nan)
        after = by_year["ip_asn"].get(last, np.nan)
        rows.append({"unit_kerja": unit, "sebelum": before, "sesudah": after, "perubahan": after - before,
                     "keterangan": unit_status(group, years)})
    out = pd.DataFrame(rows)
    out["_missing"] = out["perubahan"].isna()
    out = out.sort_values(["_missing", "perubahan", "unit_kerja"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_missing").reset_index(drop=True)


def unit_status(group: pd.DataFrame, years: list[int]) -> str:
    """What a unit's rows say about it across `years`: renamed, only in some years, or nothing."""
    present = sorted(group["tahun"].unique())
    notes = []
    for tahun, name in group.sort_values("tahun")[["tahun", "nama_unit"]].itertuples(index=False):
        if name != group["unit_kerja"].iloc[0]:
            notes.append((tahun, name))
    parts = []
    if notes:
        older = {}
        for tahun, name in notes:
            older.setdefault(name, []).append(tahun)
        parts += [f"bernama {name} pada tahun {_years(ts)}" for name, ts in older.items()]
    if present != years:
        absent = [t for t in years if t not in present]
        parts.append(f"hanya ada pada tahun {_years(present)}; tidak ada pada tahun {_years(absent)}")
    return "; ".join(parts)


def _years(years: list[int]) -> str:
    years = sorted(int(t) for t in years)
    return ", ".join(map(str, years))
