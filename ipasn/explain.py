"""The reason for every point, in Indonesian, in the spirit of BKN's own `keterangan_*` fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ipasn import fmt
from ipasn.bands import band_points

if TYPE_CHECKING:
    from ipasn.ruleset import Ruleset
    from ipasn.score import Period

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
INCOMPLETE = " (data tidak lengkap)"


def _text(values: pd.Series, to_text) -> pd.Series:
    """Format each distinct value once (millions of rows share a few hundred values)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    table = np.array([to_text(u) for u in uniques] + [to_text(None)], dtype=object)
    return pd.Series(table[codes], index=values.index, dtype=object)


def _pts(values: pd.Series) -> pd.Series:
    return _text(values.astype("float64"), lambda v: fmt.points(v) if v is not None else "0")


def _qualification(out: pd.DataFrame, measured: pd.DataFrame, rules: Ruleset) -> pd.Series:
    maks = fmt.points(rules.dimensi_maks["kualifikasi"])
    names = measured["pendidikan"].map({c: lv.nama for c, lv in rules.kualifikasi.items()})
    known = names.notna()
    text = names.fillna("") + ": " + _pts(out["kualifikasi"]) + " dari " + maks
    raw = measured["pendidikan_input"].fillna("")
    unknown = "Pendidikan '" + raw + "' tidak dikenali: 0" + INCOMPLETE
    empty = pd.Series("Pendidikan tidak diisi: 0" + INCOMPLETE, index=out.index)
    return text.where(known, unknown.where(raw != "", empty))


def _competence(out: pd.DataFrame, evidence: pd.DataFrame, rules: Ruleset, period: Period) -> pd.Series:
    kind = out["jenis_jabatan"]
    structural = kind.isin(["JPT", "Administrator", "Pengawas"])
    level = evidence["eselon_jabatan"].map(lambda v: ROMAN.get(int(v), "") if pd.notna(v) else "")
    lead = ("diklat kepemimpinan sesuai eselon " + level + ": "
            + np.where(evidence["ada_kepemimpinan"], "ada", "belum") + " ("
            + _pts(out["kompetensi_kepemimpinan"]) + ")")
    functional = ("diklat fungsional: " + pd.Series(np.where(evidence["ada_fungsional"], "ada", "belum"),
                                                    index=out.index)
                  + " (" + _pts(out["kompetensi_fungsional"]) + ")")
    years_t = rules.opsi.teknis_jendela_tahun
    technical = ("diklat teknis " + _text(evidence["jp_teknis"], lambda v: fmt.points(v or 0))
                 + f" JP dalam {years_t} tahun terakhir"
                 + pd.Series(np.where(evidence["teknis_cukup"], "",
                                      f", kurang dari {fmt.points(rules.teknis_min_jp)} JP"),
                             index=out.index)
                 + " (" + _pts(out["kompetensi_teknis"]) + ")")
    years_s = rules.seminar_jendela_tahun
    seminar = ("seminar/workshop/kursus dalam " + str(years_s) + " tahun terakhir: "
               + _text(evidence["jumlah_seminar"], lambda n: f"{n} kali" if n else "tidak ada")
               + " (" + _pts(out["kompetensi_seminar"]) + ")")
    first = pd.Series(np.where(structural, lead, np.where(kind == "Fungsional", functional, "")),
                      index=out.index)
    joined = kind.fillna("") + ": " + first.where(first == "", first + "; ") + technical + "; " + seminar
    unknown = pd.Series("Jenis jabatan tidak dikenali: kompetensi tidak dapat dinilai (0)" + INCOMPLETE,
                        index=out.index)
    return joined.where(kind.notna(), unknown)


def _performance(out: pd.DataFrame, evidence: pd.DataFrame, rules: Ruleset, period: Period) -> pd.Series:
    year = f"SKP {period.tahun_kinerja}"
    band = pd.Series(band_points(evidence["kinerja_nilai"], rules.kinerja.pita, "predikat"), index=out.index)
    value = ("nilai " + _text(evidence["kinerja_nilai"], lambda v: fmt.points(v) if v is not None else "")
             + " (" + band + ")")
    predicate = evidence["kinerja_predikat"].astype(object).fillna("").str.title()  # all-NaN is float64
    source = value.where(evidence["kinerja_nilai"].notna(), "predikat " + predicate)
    text = year + " " + source + ": " + _pts(out["kinerja"])
    missing = f"Tidak ada penilaian kinerja tahun {period.tahun_kinerja}: 0" + INCOMPLETE
    return text.where(evidence["kinerja_ada"], missing)


def _discipline(out: pd.DataFrame, evidence: pd.DataFrame, rules: Ruleset) -> pd.Series:
    years = rules.disiplin.jendela_tahun
    level = evidence["hukdis_terberat"]
    text = ("Hukuman disiplin " + level.fillna("") + f" dalam {years} tahun terakhir: "
            + _pts(out["disiplin"]))
    none = f"Tidak ada hukuman disiplin dalam {years} tahun terakhir: " + fmt.points(
        rules.disiplin.poin["tidak_ada"])
    text = text.where(level.notna(), none)
    unknown = "Ada hukuman disiplin yang tidak dapat dibaca: 0" + INCOMPLETE
    return text.where(evidence["disiplin_diketahui"], unknown)


def explain(out: pd.DataFrame, measured: pd.DataFrame, evidence: pd.DataFrame, rules: Ruleset,
            period: Period) -> dict[str, pd.Series]:
    if out.empty:  # no PNS measured (only CPNS/PPPK): string arithmetic on empty numeric columns fails
        names = ("keterangan_kualifikasi", "keterangan_kompetensi", "keterangan_kinerja", "keterangan_disiplin")
        return {name: pd.Series([], index=out.index, dtype=object) for name in names}
    return {
        "keterangan_kualifikasi": _qualification(out, measured, rules),
        "keterangan_kompetensi": _competence(out, evidence, rules, period),
        "keterangan_kinerja": _performance(out, evidence, rules, period),
        "keterangan_disiplin": _discipline(out, evidence, rules),
    }

