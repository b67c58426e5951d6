"""Summaries per unit and for the instansi: means, categories, participation and breakdowns."""

from __future__ import annotations

from typing import Protocol

import pandas as pd

from ipasn.clean.vocab import BACHELOR
from ipasn.ruleset import DIMENSIONS, INDICATORS, POSITION_TYPES, Ruleset
from ipasn.scoring.bands import categorize

MEAN_COLUMNS = ["ip_asn", *DIMENSIONS, *(f"kompetensi_{i}" for i in INDICATORS)]
GENDER = {"L": "Laki-laki", "P": "Perempuan"}
UNKNOWN = "Tidak diketahui"


class Scored(Protocol):
    """What a summary reads: a `ScoreResult`, or a report's `ReportData`, which carries the same three."""

    scores: pd.DataFrame  # one row per measured PNS
    pegawai: pd.DataFrame  # every listed employee, with `diukur`
    rules: Ruleset


def _category_names(result: Scored) -> list[str]:
    return [band.nama for band in result.rules.kategori]


def _aggregate(scores: pd.DataFrame, listed: pd.DataFrame, keys: list[str], result: Scored) -> pd.DataFrame:
    """Means over measured PNS; counts of listed, measured and not measured employees."""
    names = _category_names(result)
    if keys:
        # One grouping of the measured rows for the means and for the counts (complete data, each
        # category as a 0/1 column): a report asks for several breakdowns, and crosstab is slow.
        groups = {"sort": True, "dropna": False, "observed": True}
        flags = pd.DataFrame({name: (scores["kategori"] == name).to_numpy("int64") for name in names},
                             index=scores.index)
        grouped = pd.concat([scores[[*keys, *MEAN_COLUMNS, "data_lengkap"]], flags], axis=1).groupby(keys, **groups)
        means = grouped[MEAN_COLUMNS].mean()
        sums = grouped[["data_lengkap", *names]].sum()
        people = listed.groupby(keys, **groups)
        counts = pd.DataFrame({"terdaftar": people.size(), "diukur": people["diukur"].sum()})
    else:
        means = scores[MEAN_COLUMNS].mean().to_frame().T
        counts = pd.DataFrame({"terdaftar": [len(listed)], "diukur": [int(listed["diukur"].sum())]})
        sums = scores["kategori"].value_counts().reindex(names, fill_value=0).to_frame().T.reset_index(drop=True)
        sums.insert(0, "data_lengkap", int(scores["data_lengkap"].sum()))
    out = counts.join(means, how="left").join(sums, how="left")
    out = out.fillna({c: 0 for c in ["data_lengkap", *names]})
    out["tidak_diukur"] = out["terdaftar"] - out["diukur"]
    out["partisipasi"] = out["diukur"] / out["terdaftar"]
    out["kelengkapan"] = out["data_lengkap"] / out["diukur"].where(out["diukur"] > 0)
    out["kategori"] = categorize(out["ip_asn"], result.rules)
    int_columns = ["terdaftar", "diukur", "tidak_diukur", "data_lengkap", *names]
    out[int_columns] = out[int_columns].astype("int64")
    order = ["terdaftar", "diukur", "tidak_diukur", "partisipasi", "data_lengkap", "kelengkapan",
             *MEAN_COLUMNS, "kategori", *names]
    return out[order]


def summarise(result: Scored, by: str | list[str] | None = "unit_kerja",
              unit: str | None = None) -> pd.DataFrame:
    """Per-group summary (by=None: the whole instansi as one row); `unit` restricts to one unit."""
    scores, listed = result.scores, result.pegawai
    if unit is not None:
        scores = scores[scores["unit_kerja"] == unit]
        listed = listed[listed["unit_kerja"] == unit]
    keys = [by] if isinstance(by, str) else list(by or [])
    # Only the columns a summary reads are labelled (copied): the scores carry many more.
    scores = _labelled(scores[list(dict.fromkeys([*keys, *MEAN_COLUMNS, "data_lengkap", "kategori"]))], keys, result)
    listed = _labelled(listed[list(dict.fromkeys([*keys, "diukur"]))], keys, result)
    return _aggregate(scores, listed, keys, result)


def _labelled(frame: pd.DataFrame, keys: list[str], result: Scored) -> pd.DataFrame:
    """Readable values for the breakdown columns that are stored as codes."""
    frame = frame.copy()
    if "pendidikan" in keys:  # in the order of the levels (SD ... S-3), not alphabetical
        names = {c: lv.nama for c, lv in sorted(result.rules.kualifikasi.items())}
        frame["pendidikan"] = _ordered(frame["pendidikan"].map(names), list(dict.fromkeys(names.values())))
    if "jenis_kelamin" in keys:
        frame["jenis_kelamin"] = _ordered(frame["jenis_kelamin"].map(GENDER), list(GENDER.values()))
    if "jenis_jabatan" in keys:
        frame["jenis_jabatan"] = _ordered(frame["jenis_jabatan"], list(POSITION_TYPES))
    return frame


def _ordered(values: pd.Series, order: list[str]) -> pd.Series:
    """Labels as an ordered categorical (unknown last), so groupby lists them in a meaningful order."""
    categories = [*order, UNKNOWN]
    return pd.Series(pd.Categorical(values.fillna(UNKNOWN), categories=categories, ordered=True),
                     index=values.index)


def instansi(result: Scored) -> pd.Series:
    """The instansi's one-row summary: the mean over all its measured PNS (not of unit means)."""
    return summarise(result, by=None).iloc[0]


def not_measured_reasons(pegawai: pd.DataFrame) -> str:
    """Why the registered employees who are not measured are not: "CPNS 12, PPPK 3, CLTN 1" (in the
    order of `load.NOT_MEASURED`), or "-" when everyone is measured."""
    from ipasn.clean.pegawai import NOT_MEASURED

    if "keterangan_status" not in pegawai:
        return "-"
    counts = pegawai["keterangan_status"].dropna().value_counts()
    order = [r for r in NOT_MEASURED if r is not None and r in counts] + sorted(
        r for r in counts.index if r not in NOT_MEASURED)
    return ", ".join(f"{reason} {int(counts[reason]):,}".replace(",", ".") for reason in order) or "-"


def with_degree(scores: pd.DataFrame, rules: Ruleset) -> pd.Series:
    """Who holds at least S-1/D-IV: kualifikasi of at least the points the ruleset gives S-1."""
    return scores["kualifikasi"] >= rules.education_points[BACHELOR]
