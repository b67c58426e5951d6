"""The reason for every point, in Indonesian, in the spirit of BKN's own `keterangan_*` fields.

Each text is written for one employee by a plain function below; `per_combination` calls it once for
each distinct combination of the values it reads (millions of employees share a few thousand), so a
national table costs milliseconds of Python per column, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ipasn import fmt
from ipasn.clean import rowkeys
from ipasn.clean.vocab import NUMERALS
from ipasn.missing import is_missing
from ipasn.ruleset import STRUCTURAL_TYPES
from ipasn.scoring.bands import band_points

if TYPE_CHECKING:
    from ipasn.ruleset import Ruleset
    from ipasn.scoring.period import Period

INCOMPLETE = " (data tidak lengkap)"
NO_ASSESSMENT = "Tidak ada penilaian kinerja tahun"  # how keterangan_kinerja starts without an assessment


def _pts(value: Any) -> str:
    return "0" if is_missing(value) else fmt.points(float(value))


def per_combination(columns: dict[str, Any], render: Callable[..., str]) -> np.ndarray:
    """`render(**row)` for every row of `columns`, called once per distinct combination of values."""
    frame = pd.DataFrame(columns)
    key, first = rowkeys.dense(rowkeys.combination_key(frame[name] for name in frame.columns))
    rows = {name: frame[name].iloc[first].to_numpy(object) for name in frame.columns}
    texts = np.empty(len(first), dtype=object)
    texts[:] = [render(**{name: values[i] for name, values in rows.items()}) for i in range(len(first))]
    return texts[key]


def qualification_text(nama_jenjang: Any, poin: float, masukan: Any, maks: str) -> str:
    if not is_missing(nama_jenjang):
        return f"{nama_jenjang}: {_pts(poin)} dari {maks}"
    if is_missing(masukan) or masukan == "":
        return "Pendidikan tidak diisi: 0" + INCOMPLETE
    return f"Pendidikan '{masukan}' tidak dikenali: 0" + INCOMPLETE


def technical_text(jp: Any, jp_terbesar: Any, cukup: bool, rules: Ruleset) -> str:
    """What the technical-training indicator looked at: the JP added up in the window, or (option
    teknis_akumulasi_jp false) the longest single training in it."""
    years, minimum = rules.opsi.teknis_jendela_tahun, fmt.points(rules.teknis_min_jp)
    short = "" if cukup else f", kurang dari {minimum} JP"
    if rules.opsi.teknis_akumulasi_jp:
        return f"diklat teknis {fmt.points(0 if is_missing(jp) else jp)} JP dalam {years} tahun terakhir{short}"
    longest = fmt.points(0 if is_missing(jp_terbesar) else jp_terbesar)
    return (f"diklat teknis terpanjang dalam {years} tahun terakhir {longest} JP (JP beberapa diklat tidak "
            f"dijumlahkan){short}")


def competence_text(jenis: Any, eselon: Any, kepemimpinan: bool, poin_kepemimpinan: float,
                    fungsional: bool, poin_fungsional: float, jp: float, jp_terbesar: float, teknis_cukup: bool,
                    poin_teknis: float, seminar: int, poin_seminar: float, rules: Ruleset) -> str:
    if is_missing(jenis):
        return "Jenis jabatan tidak dikenali: kompetensi tidak dapat dinilai (0)" + INCOMPLETE
    parts = []
    if jenis in STRUCTURAL_TYPES:
        level = "" if is_missing(eselon) else NUMERALS.get(int(eselon), "")
        parts.append(f"diklat kepemimpinan sesuai eselon {level}: {'ada' if kepemimpinan else 'belum'} "
                     f"({_pts(poin_kepemimpinan)})")
    elif jenis == "Fungsional":
        parts.append(f"diklat fungsional: {'ada' if fungsional else 'belum'} ({_pts(poin_fungsional)})")
    parts.append(f"{technical_text(jp, jp_terbesar, teknis_cukup, rules)} ({_pts(poin_teknis)})")
    times = f"{seminar} kali" if seminar else "tidak ada"
    parts.append(f"seminar/workshop/kursus dalam {rules.seminar_jendela_tahun} tahun terakhir: {times} "
                 f"({_pts(poin_seminar)})")
    return f"{jenis}: " + "; ".join(parts)


def performance_text(ada: bool, nilai: Any, predikat_nilai: str, predikat: Any, poin: float,
                     tahun_kinerja: int) -> str:
    if not ada:
        return f"{NO_ASSESSMENT} {tahun_kinerja}: 0" + INCOMPLETE
    if is_missing(nilai):
        source = "predikat " + ("" if is_missing(predikat) else str(predikat).title())
    else:
        source = f"nilai {fmt.points(float(nilai))} ({predikat_nilai})"
    return f"SKP {tahun_kinerja} {source}: {_pts(poin)}"


def unassessed(scores: pd.DataFrame) -> pd.Series:
    """Who has no assessment for the assessment year. Read back from `keterangan_kinerja`, the one
    column a report bundle carries for it (a further column would change every bundle's hash, which
    each document prints), by the words this module writes; scores without explanations fall back to
    a kinerja of 0."""
    if "keterangan_kinerja" not in scores:
        return scores["kinerja"] == 0
    return scores["keterangan_kinerja"].str.startswith(NO_ASSESSMENT)


def discipline_text(diketahui: bool, terberat: Any, poin: float, rules: Ruleset) -> str:
    years = rules.disiplin.jendela_tahun
    if not diketahui:
        return ("Ada hukuman disiplin yang tidak dapat dibaca, atau hanya bertahun sehingga tidak pasti "
                f"masuk {years} tahun terakhir: 0" + INCOMPLETE)
    if is_missing(terberat):
        return (f"Tidak ada hukuman disiplin dalam {years} tahun terakhir: "
                f"{fmt.points(rules.disiplin.poin['tidak_ada'])}")
    return f"Hukuman disiplin {terberat} dalam {years} tahun terakhir: {_pts(poin)}"


def explain(out: pd.DataFrame, measured: pd.DataFrame, evidence: pd.DataFrame, rules: Ruleset,
            period: Period) -> dict[str, pd.Series]:
    names = measured["pendidikan"].map({c: lv.nama for c, lv in rules.kualifikasi.items()})
    maks = fmt.points(rules.dimensi_maks["kualifikasi"])
    qualification = per_combination(
        {"nama_jenjang": names, "poin": out["kualifikasi"],
         # the raw text matters only where the level was not recognised
         "masukan": measured["pendidikan_input"].where(names.isna(), None)},
        partial(qualification_text, maks=maks))
    competence = per_combination(
        {"jenis": out["jenis_jabatan"], "eselon": evidence["eselon_jabatan"],
         "kepemimpinan": evidence["ada_kepemimpinan"], "poin_kepemimpinan": out["kompetensi_kepemimpinan"],
         "fungsional": evidence["ada_fungsional"], "poin_fungsional": out["kompetensi_fungsional"],
         # only the JP the text names (added up, or the longest training): no more combinations to render
         **({"jp": evidence["jp_teknis"]} if rules.opsi.teknis_akumulasi_jp
            else {"jp_terbesar": evidence["jp_teknis_terbesar"]}),
         "teknis_cukup": evidence["teknis_cukup"],
         "poin_teknis": out["kompetensi_teknis"], "seminar": evidence["jumlah_seminar"],
         "poin_seminar": out["kompetensi_seminar"]},
        partial(competence_text, rules=rules, **({"jp_terbesar": None} if rules.opsi.teknis_akumulasi_jp
                                                 else {"jp": None})))
    band = band_points(evidence["kinerja_nilai"], rules.kinerja.pita, "predikat")
    performance = per_combination(
        {"ada": evidence["kinerja_ada"], "nilai": evidence["kinerja_nilai"], "predikat_nilai": band,
         "predikat": evidence["kinerja_predikat"], "poin": out["kinerja"]},
        partial(performance_text, tahun_kinerja=period.tahun_kinerja))
    discipline = per_combination(
        {"diketahui": evidence["disiplin_diketahui"], "terberat": evidence["hukdis_terberat"],
         "poin": out["disiplin"]},
        partial(discipline_text, rules=rules))
    texts = {"keterangan_kualifikasi": qualification, "keterangan_kompetensi": competence,
             "keterangan_kinerja": performance, "keterangan_disiplin": discipline}
    return {name: pd.Series(values, index=out.index, dtype=object) for name, values in texts.items()}
