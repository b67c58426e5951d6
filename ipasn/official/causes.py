"""Why ipasn's count and BKN's differ for one employee and dimension, in plain Indonesian, with the
rows of the export that make the difference (the certificates to upload to SIASN).

The cause is derived from ipasn's own evidence for that employee: which competence indicators the
export earns, the education level, the SKP of the performance year, the heaviest punishment in the
window. BKN gives only the dimension's value, so for kompetensi the indicators that explain the
difference are found as the smallest set of indicators, earned on one side only, whose points add up
to it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from ipasn import fmt
from ipasn.clean.dataset import Dataset
from ipasn.clean.codes import position_type
from ipasn.official.points import STRUCTURAL_NAMES, TOLERANCE, education_names
from ipasn.ruleset import INDICATORS, Ruleset
from ipasn.scoring.period import Period
from ipasn.scoring.score import ScoreResult

WHAT = {
    "kepemimpinan": "diklat kepemimpinan yang sesuai jabatan",
    "fungsional": "diklat fungsional",
    "teknis": "diklat teknis",
    "seminar": "seminar/workshop/kursus",
}
UPLOAD = "unggah sertifikatnya ke SIASN"


@dataclass
class Cause:
    """A likely cause, the export rows behind it (text), and how many certificates they are (those
    BKN lacks and the analyst can upload)."""

    text: str
    evidence: str = ""
    certificates: int = 0


class History:
    """The history rows of the employees whose numbers differ, by NIP (looked up once per difference)."""

    def __init__(self, data: Dataset, nips: set[str]) -> None:
        self._groups = {}
        for name in ("diklat", "kinerja", "hukdis"):
            table = getattr(data, name)
            mine = table[table["nip"].isin(nips)]
            self._groups[name] = (table.iloc[:0], {nip: rows for nip, rows in mine.groupby("nip", sort=False)})

    def of(self, table: str, nip: str) -> pd.DataFrame:
        empty, groups = self._groups[table]
        return groups.get(nip, empty)


def _window(period: Period, rules: Ruleset, indicator: str) -> pd.Timestamp | None:
    years = {"teknis": rules.opsi.teknis_jendela_tahun, "seminar": rules.seminar_jendela_tahun}.get(indicator)
    return None if years is None else period.window_start(years)


def _training_rows(data: History, nip: str, indicator: str, period: Period, rules: Ruleset) -> pd.DataFrame:
    """The employee's trainings of this kind that count in the period (dated within its window)."""
    d = data.of("diklat", nip)
    rows = d[(d["jenis"] == indicator).to_numpy(bool)]
    rows = rows[rows["tanggal_selesai"] <= period.tanggal_acuan]
    start = _window(period, rules, indicator)
    return rows if start is None else rows[rows["tanggal_selesai"] > start]


def _training_text(rows: pd.DataFrame) -> str:
    parts = []
    for row in rows.itertuples(index=False):
        jp = "" if pd.isna(row.jp) else f", {fmt.points(row.jp)} JP"
        parts.append(f"{row.nama} ({row.tanggal_selesai.strftime('%d-%m-%Y')}{jp})")
    return "; ".join(parts)


def _explaining(weights: dict[str, float], earned: dict[str, bool], difference: float
                ) -> list[tuple[list[str], list[str]]]:
    """Every smallest set of indicators earned only in the export (+) or only at BKN (-) whose points
    add up to `difference` (ipasn minus BKN), as (ours only, BKN's only); several when points tie
    (a structural post's leadership and technical trainings are both worth 15)."""
    options = [i for i in INDICATORS if weights[i] > 0]
    for size in range(1, len(options) + 1):
        found = [([i for i in chosen if earned[i]], [i for i in chosen if not earned[i]])
                 for chosen in itertools.combinations(options, size)
                 if abs(sum(weights[i] if earned[i] else -weights[i] for i in chosen) - difference) <= TOLERANCE]
        if found:
            return found
    return []


def _one_explanation(row: pd.Series, ours: list[str], theirs: list[str], data: History, rules: Ruleset,
                     period: Period) -> Cause:
    texts, evidence, certificates = [], [], 0
    for indicator in ours:
        rows = _training_rows(data, row["nip"], indicator, period, rules)
        certificates += len(rows)
        evidence.append(_training_text(rows))
        window = _window(period, rules, indicator)
        when = "" if window is None else f" dalam {period.tanggal_acuan.year - window.year} tahun terakhir"
        amount = f" {fmt.points(rows['jp'].sum())} JP" if indicator == "teknis" and len(rows) else ""
        texts.append(f"{WHAT[indicator]}{amount}{when}")
    said = []
    if texts:
        said.append(" dan ".join(texts) + " ada di ekspor tetapi tidak tercatat di BKN")
    if theirs:
        said.append("BKN mencatat " + " dan ".join(WHAT[i] for i in theirs) + " yang tidak ada di ekspor "
                    "(lengkapi riwayat di ekspor, atau periksa di SIASN)")
    return Cause("; ".join(said), " | ".join(e for e in evidence if e), certificates)


def _kind_group(text: object) -> str | None:
    """A position type as its indicator points go: structural posts share theirs (None: unknown)."""
    kind = position_type(text)[0] if text else None
    return "Struktural" if kind in STRUCTURAL_NAMES else kind


def competence(row: pd.Series, bkn: float, bkn_kind: str, data: History, rules: Ruleset,
               period: Period) -> Cause:
    kind = row["jenis_jabatan"]
    if kind not in rules.kompetensi:
        return Cause("jenis jabatan di ekspor tidak dikenali, sehingga ipasn tidak dapat menilai kompetensi")
    weights = {i: rules.indicator_points(kind, i) for i in INDICATORS}
    earned = {i: bool(row[f"kompetensi_{i}"] > 0) for i in INDICATORS}
    found = _explaining(weights, earned, float(row["kompetensi"]) - bkn)
    if not found:
        if _kind_group(bkn_kind) not in (None, _kind_group(kind)):
            return Cause(f"jenis jabatan berbeda (ekspor: {kind}; BKN: {bkn_kind}), sehingga poin indikatornya "
                         "berbeda; perbarui jabatan di SIASN bila ekspor yang benar")
        return Cause("kombinasi indikator kompetensi berbeda; bandingkan keterangan ipasn dan BKN")
    causes = [_one_explanation(row, ours, theirs, data, rules, period) for ours, theirs in found]
    action = f"; {UPLOAD}" if any(ours for ours, _ in found) else ""
    if len(causes) == 1:
        return Cause(causes[0].text + action, causes[0].evidence, causes[0].certificates)
    # Points tie: either could be what BKN lacks; the keterangan BKN may tell which.
    return Cause("salah satu (poinnya sama; lihat keterangan BKN): " + ", atau ".join(c.text for c in causes) + action,
                 " | atau: ".join(c.evidence for c in causes if c.evidence),
                 min(c.certificates for c in causes))


def qualification(row: pd.Series, bkn: float, rules: Ruleset) -> Cause:
    ours = float(row["kualifikasi"])
    shown = row.get("pendidikan_nama") or "tidak dikenali"
    if ours == 0:
        return Cause(f"pendidikan di ekspor kosong atau tidak dikenali ({row['keterangan_kualifikasi']}); "
                     f"BKN mencatat jenjang setara {education_names(rules, bkn)}")
    if bkn == 0:
        return Cause(f"BKN tidak memiliki data pendidikan; di ekspor {shown}: unggah ijazahnya ke SIASN",
                     shown, 1)
    higher = ours > bkn
    action = ("; perbarui riwayat pendidikan di SIASN (unggah ijazah)" if higher
              else "; periksa riwayat pendidikan di ekspor")
    return Cause(f"jenjang pendidikan berbeda: ekspor {shown} ({fmt.points(ours)}), BKN setara "
                 f"{education_names(rules, bkn)} ({fmt.points(bkn)}){action}", shown, int(higher))


def _assessment(data: History, nip: str, period: Period) -> str:
    k = data.of("kinerja", nip)
    rows = k[k["tahun"] == period.tahun_kinerja]
    parts = [f"SKP {period.tahun_kinerja} " + (f"nilai {fmt.points(r.nilai)}" if not pd.isna(r.nilai)
                                              else f"predikat {r.predikat}") for r in rows.itertuples(index=False)]
    return "; ".join(parts)


def performance(row: pd.Series, bkn: float, data: History, period: Period) -> Cause:
    ours = float(row["kinerja"])
    year = period.tahun_kinerja
    evidence = _assessment(data, row["nip"], period)
    if ours > 0 and bkn == 0:
        return Cause(f"SKP {year} ada di ekspor tetapi tidak ada di BKN; unggah SKP {year} ke SIASN", evidence, 1)
    if ours == 0:
        return Cause(f"BKN memiliki SKP {year} yang tidak ada di ekspor (lengkapi riwayat SKP di ekspor)")
    return Cause(f"nilai atau predikat SKP {year} berbeda (ekspor: {evidence}); periksa SKP {year} di SIASN",
                 evidence)


def _level(rules: Ruleset, points: float) -> str:
    names = [n for n, p in rules.disiplin.poin.items() if abs(p - points) <= TOLERANCE and n != "tidak_ada"]
    return "/".join(names) or "tidak diketahui"


def _punishments(data: History, nip: str, period: Period, rules: Ruleset) -> str:
    h = data.of("hukdis", nip)
    start = period.window_start(rules.disiplin.jendela_tahun)
    rows = h[(h["tanggal"] > start) & (h["tanggal"] <= period.tanggal_acuan)]
    return "; ".join(f"hukuman {r.tingkat} ({r.tanggal.strftime('%d-%m-%Y')})" for r in rows.itertuples(index=False))


def discipline(row: pd.Series, bkn: float, data: History, rules: Ruleset, period: Period) -> Cause:
    ours = float(row["disiplin"])
    none = float(rules.disiplin.poin["tidak_ada"])
    years = rules.disiplin.jendela_tahun
    evidence = _punishments(data, row["nip"], period, rules)
    if ours == 0:
        return Cause("hukuman disiplin di ekspor tidak dapat dibaca atau tanggalnya tidak pasti (lihat temuan)")
    if abs(ours - none) <= TOLERANCE:
        return Cause(f"BKN mencatat hukuman disiplin tingkat {_level(rules, bkn)} dalam {years} tahun terakhir "
                     "yang tidak ada di ekspor (lengkapi riwayat hukuman di ekspor, atau periksa di SIASN)")
    if abs(bkn - none) <= TOLERANCE:
        return Cause(f"hukuman disiplin di ekspor ({evidence}) tidak tercatat di BKN dalam {years} tahun terakhir; "
                     "periksa riwayat hukuman di SIASN", evidence)
    return Cause(f"tingkat hukuman berbeda: ekspor {_level(rules, ours)}, BKN {_level(rules, bkn)}", evidence)


def explain(row: pd.Series, dimension: str, bkn: float, bkn_kind: str, result: ScoreResult,
            data: History) -> Cause:
    """The likely cause of one difference; `row` is ipasn's scores row of the employee."""
    rules, period = result.rules, result.period
    if dimension == "kualifikasi":
        cause = qualification(row, bkn, rules)
    elif dimension == "kompetensi":
        cause = competence(row, bkn, bkn_kind, data, rules, period)
    elif dimension == "kinerja":
        cause = performance(row, bkn, data, period)
    else:
        cause = discipline(row, bkn, data, rules, period)
    if not bool(row["data_lengkap"]):
        cause.text += " (data ekspor pegawai ini tidak lengkap: lihat lembar temuan)"
    return cause

