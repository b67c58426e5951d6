"""What the numbers were made from, as Indonesian tables: the files and sheets read (and not read),
the data problems found (temuan), and the rules and options in force.

Each public function returns an `IPython.display.HTML`; the notebooks only call and show them.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.report.content.data import ReportData
from ipasn.report.content.markup import show, table

OPTION_LABELS = {
    "kepemimpinan_lebih_tinggi_dihitung": "Diklat kepemimpinan tingkat lebih tinggi dihitung",
    "teknis_akumulasi_jp": "JP diklat teknis diakumulasikan",
    "teknis_jendela_tahun": "Jendela diklat teknis (tahun)",
    "tahun_kinerja_selisih": "Tahun kinerja = tahun pengukuran dikurangi",
    "jpt_eselon_bawaan": "Eselon bawaan JPT tanpa eselon",
}


def findings_summary(report: ReportData) -> HTML:
    """Findings counted by sheet and problem: the instansi report lists no individuals."""
    found = report.findings
    if found.empty:
        return show("<p>Tidak ada temuan data.</p>")
    # Separate downloads all call their sheet "Sheet1": the file tells them apart.
    counts = found.groupby(["berkas", "lembar", "masalah"], sort=True).agg(
        baris=("baris", "size"), ditolak=("ditolak", "sum")).reset_index()
    frame = pd.DataFrame({
        "Berkas": counts["berkas"], "Lembar": counts["lembar"], "Masalah": counts["masalah"],
        "Baris": counts["baris"].map(fmt.integer), "Tidak dipakai": counts["ditolak"].map(fmt.integer),
    })
    return show(table(frame, "tabel", ("Baris", "Tidak dipakai")))


def findings_table(report: ReportData, mask: bool = False) -> HTML:
    """Every data problem of the unit, row by row: ``nb.findings_table(report, mask=False)``."""
    found = report.findings
    if found.empty:
        return show("<p>Tidak ada temuan data.</p>")
    frame = pd.DataFrame({
        "Berkas": found["berkas"], "Lembar": found["lembar"], "Baris": found["baris"].map(str),
        "Kolom": found["kolom"],
        "Nilai": found["nilai"] if not mask else found.apply(
            lambda r: "***" if r["kolom"] in ("nip", "nama") else r["nilai"], axis=1),
        "Masalah": found["masalah"],
        "Status": found["ditolak"].map({True: "baris tidak dipakai", False: "dipakai sebagian"}),
    })
    return show(table(frame, "tabel rinci", ("Baris",), (11, 8, 6, 11, 16, 32, 16)))


def rules_in_force(report: ReportData) -> HTML:
    """The ruleset, reference date and options the scores were computed with: ``nb.rules_in_force(report)``."""
    rules, period = report.rules, report.period
    rows = [("Aturan", f"{rules.nama} ({rules.id})"),
            ("Tanggal acuan", fmt.date(period.tanggal_acuan.date())),
            ("Tahun penilaian kinerja", str(period.tahun_kinerja))]
    for key, value in rules.options_in_force().items():
        shown = {True: "ya", False: "tidak"}.get(value, str(value)) if isinstance(value, bool) else str(value)
        rows.append((OPTION_LABELS.get(key, key), shown))
    return show(table(pd.DataFrame(rows, columns=["Butir", "Nilai"]), "tabel kecil"))


def accounting_table(report: ReportData) -> HTML:
    """Every file and sheet read, not read or missing: what it was read as, and its rows."""
    acc = report.accounting
    frame = pd.DataFrame({
        "Data": acc["peran"].replace("", "–"), "Berkas": acc["berkas"], "Lembar": acc["lembar"],
        "Baris dibaca": acc["dibaca"].map(fmt.integer), "Dipakai": acc["dipakai"].map(fmt.integer),
        "Dengan temuan": acc["bermasalah"].map(fmt.integer), "Tidak dipakai": acc["ditolak"].map(fmt.integer),
        "Keterangan": acc["keterangan"],
    })
    return show(table(frame, "tabel kecil", tuple(frame.columns[3:7])))
