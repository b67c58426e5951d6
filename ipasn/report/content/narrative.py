"""The narrative summary of a report, in Indonesian, written from its numbers.

`sentences(report, targets, dokumen)` returns plain-text sentences; each is written only when the
numbers it states are there (no target: no sentence about the target; one year: no change), so no
blank is ever left in a document. `narrative` shows them. Every number is formatted as the report's
tables show it (decimal comma), and comparisons are made on the numbers as shown, so a sentence never
says "di bawah target 71,00" of a value shown as 71,00.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.official.compare import ALL_UNITS
from ipasn.report.content import analysis as an
from ipasn.report.content.data import ReportData
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.content.markup import esc
from ipasn.report.content.present import detail_scores, ranked_units
from ipasn.report.content.targets import Targets
from ipasn.report.content.trends import scope_rows
from ipasn.ruleset import DIMENSIONS
from ipasn.scoring.summary import summarise

ACTION_LABELS = {**an.INDICATOR_LABELS, "skp": "data kinerja (SKP)", "pendidikan": "data pendidikan",
                 "hukdis": "data hukuman disiplin"}
COUNT_WORDS = {1: "Satu", 2: "Dua", 3: "Tiga"}
NAMED_UNITS = 5  # units named in a sentence; the others counted


shown = fmt.rounded  # comparisons are made on the numbers as the sentence shows them


def _points(value: float) -> str:
    return fmt.number(abs(value))


def _names(units: pd.DataFrame) -> str:
    """"A, B dan C"; past NAMED_UNITS names, "A, B, C, D, E dan 7 unit lainnya"."""
    names = list(units["unit_kerja"].astype(str))
    if len(names) > NAMED_UNITS:
        names = [*names[:NAMED_UNITS], f"{fmt.integer(len(names) - NAMED_UNITS)} unit lainnya"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def _scope(report: ReportData) -> str:
    return report.unit if report.unit is not None else "instansi"


def ip_sentence(report: ReportData, targets: Targets) -> list[str]:
    """The IP, its category and where it stands against the target."""
    whole = summarise(report, by=None).iloc[0]
    if whole["diukur"] == 0 or pd.isna(whole["ip_asn"]):
        return [f"Tidak ada PNS yang diukur pada tahun {report.period.tahun}."]
    value = whole["ip_asn"]
    text = f"IP ASN {_scope(report)} tahun {report.period.tahun} sebesar {fmt.number(value)}"
    text += f", kategori {whole['kategori']}" if isinstance(whole["kategori"], str) and whole["kategori"] else ""
    target = targets.ip_asn
    if not target:
        return [text + "."]
    gap = shown(target) - shown(value)
    reached = f"telah mencapai target {fmt.number(target)}" if gap <= 0 else \
        f"di bawah target {fmt.number(target)} (kurang {fmt.number(gap)} poin)"
    return [f"{text}; {reached}, capaian {fmt.percent(value / target)}."]


def dimension_sentence(report: ReportData, targets: Targets) -> list[str]:
    """The strongest and the weakest dimension by capaian: against the targets when every dimension
    has one, else against the dimension's maximum weight."""
    if report.scores.empty:
        return []
    dims = an.dimension_table(report.scores, report.rules, targets)
    dims = dims[dims["dimensi"].isin(DIMENSIONS)].reset_index(drop=True)
    by_target = dims["target"].notna().all()
    column, reference, basis = (("capaian_target", "target", "target") if by_target else
                                ("capaian_maksimal", "bobot_maksimal", "bobot maksimal"))
    best, worst = dims.loc[dims[column].idxmax()], dims.loc[dims[column].idxmin()]

    def said(row: pd.Series) -> str:
        return (f"{an.DIMENSION_LABELS[row['dimensi']]} ({fmt.number(row['nilai'])} dari {basis} "
                f"{fmt.points(row[reference])}; capaian {fmt.percent(row[column])})")

    return [f"Dimensi terkuat adalah {said(best)} dan yang terlemah {said(worst)}."]


def unit_sentence(report: ReportData, targets: Targets) -> list[str]:
    """Instansi: the units that reach the target and those that do not (without a target: the
    highest and the lowest unit)."""
    if report.unit is not None:
        return []
    units = ranked_units(report).dropna(subset=["ip_asn"])
    if len(units) < 2:
        return []
    first, last = units.iloc[0], units.iloc[-1]
    lowest = f"terendah {last['unit_kerja']} ({fmt.number(last['ip_asn'])})"
    target = targets.ip_asn
    if not target:
        return [f"Dari {fmt.integer(len(units))} unit kerja, IP ASN tertinggi {first['unit_kerja']} "
                f"({fmt.number(first['ip_asn'])}) dan {lowest}."]
    above = units[units["ip_asn"].map(shown) >= shown(target)]
    below = len(units) - len(above)
    if len(above) == 0:
        return [f"Belum ada dari {fmt.integer(len(units))} unit kerja yang mencapai target IP ASN "
                f"{fmt.number(target)}; tertinggi {first['unit_kerja']} ({fmt.number(first['ip_asn'])}), {lowest}."]
    if below == 0:
        return [f"Seluruh {fmt.integer(len(units))} unit kerja telah mencapai target IP ASN {fmt.number(target)}."]
    return [f"Dari {fmt.integer(len(units))} unit kerja, {fmt.integer(len(above))} telah mencapai target IP ASN "
            f"{fmt.number(target)} ({_names(above)}) dan {fmt.integer(below)} belum; {lowest}."]


def action_sentence(report: ReportData) -> list[str]:
    """The (at most) three actions that raise the mean IP most, each with its people and its gain."""
    detail, _ = detail_scores(report)
    if detail is None or detail.empty:
        return []
    items = an.improvement_items(detail, report.rules)
    gains = an.indicator_gains(detail, items)
    gains = gains[gains["kenaikan_rata_rata"] > 0].head(3)
    if gains.empty:
        return ["Seluruh butir kompetensi dan data telah terpenuhi."]
    sure = items.groupby("indikator")["pasti"].all()
    parts = [f"{ACTION_LABELS[kind]} bagi {fmt.integer(row['pegawai'])} PNS "
             f"({'' if sure[kind] else 'hingga '}+{fmt.number(row['kenaikan_rata_rata'])})"
             for kind, row in gains.iterrows()]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    source = " (dihitung ipasn dari ekspor data)" if report.official is not None else ""
    return [f"{COUNT_WORDS[len(parts)]} upaya dengan kenaikan IP ASN terbesar{source}: {listed}."]


def change_sentence(report: ReportData) -> list[str]:
    """The change against the previous year the document shows (runs of several years)."""
    rows = scope_rows(report.history, report.trend, report.unit)
    rows = rows[rows["tahun"] <= report.period.tahun].dropna(subset=["ip_asn"])
    if len(rows) < 2 or int(rows.iloc[-1]["tahun"]) != report.period.tahun:
        return []
    before, now = rows.iloc[-2], rows.iloc[-1]
    change = shown(now["ip_asn"]) - shown(before["ip_asn"])
    if change == 0:
        return [f"IP ASN sama dengan tahun {int(before['tahun'])} ({fmt.number(before['ip_asn'])})."]
    verb = "naik" if change > 0 else "turun"
    return [f"Dibanding tahun {int(before['tahun'])} ({fmt.number(before['ip_asn'])}), IP ASN {verb} "
            f"{_points(change)} poin."]


def reconciliation_sentence(report: ReportData) -> list[str]:
    """Documents of BKN's official numbers with an export: how far ipasn's count of the export is."""
    part = report.official
    if part is None or part.computed is None or part.ringkasan.empty:
        return []
    scope = report.unit if report.unit is not None else ALL_UNITS
    rows = part.ringkasan[(part.ringkasan["unit_kerja"] == scope) & (part.ringkasan["dimensi"] == "ip_asn")]
    if rows.empty:
        return []
    row = rows.iloc[0]
    if row["pns_berbeda"] == 0:
        return [f"Hasil resmi BKN ({fmt.number(row['nilai_resmi'])}) sama dengan perhitungan ipasn dari ekspor."]
    gap = row["perubahan"]  # as the reconciliation section states it
    return [f"Menurut hasil resmi BKN IP ASN {fmt.number(row['nilai_resmi'])}; dengan data yang sudah ada di "
            f"ekspor menjadi {fmt.number(row['nilai_dengan_data_ekspor'])} ({'−' if shown(gap) < 0 else '+'}"
            f"{_points(gap)} poin; {fmt.integer(row['pns_berbeda'])} PNS dengan nilai berbeda)."]


def comparison_sentence(report: ReportData, dokumen: Dokumen) -> list[str]:
    """The IP against each comparison figure (pembanding) of the same year."""
    if report.scores.empty:
        return []
    value = shown(report.scores["ip_asn"].mean())
    out = []
    for other in dokumen.pembanding_of(report.period.tahun):
        gap = value - shown(other.ip_asn)
        where = "sama dengan" if gap == 0 else (f"{_points(gap)} poin di atas" if gap > 0 else
                                                 f"{_points(gap)} poin di bawah")
        out.append(f"IP ASN {_scope(report)} {where} IP ASN {other.nama} tahun {other.tahun} "
                   f"({fmt.number(other.ip_asn)}).")
    return out


def sentences(report: ReportData, targets: Targets | Mapping | None = None,
              dokumen: Dokumen | Mapping | None = None) -> list[str]:
    """The summary, sentence by sentence, in the order a reader asks: where we stand, why, where
    next; then the change, the comparison and the reconciliation."""
    targets = targets if isinstance(targets, Targets) else Targets.of(targets)
    dokumen = Dokumen.of(dokumen)
    first = ip_sentence(report, targets)
    if report.scores.empty:
        return first
    return [*first, *change_sentence(report), *comparison_sentence(report, dokumen),
            *dimension_sentence(report, targets), *unit_sentence(report, targets), *action_sentence(report),
            *reconciliation_sentence(report)]


def narrative(report: ReportData, targets: Targets | Mapping | None = None,
              dokumen: Dokumen | Mapping | None = None) -> HTML:
    """The narrative summary as one paragraph: ``nb.narrative(report, goal, dokumen)``."""
    return HTML(f'<p class="narasi">{" ".join(esc(s) for s in sentences(report, targets, dokumen))}</p>')
