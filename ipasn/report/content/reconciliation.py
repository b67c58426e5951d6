"""The reconciliation section of unit and instansi reports: what BKN's official IP would be with the
data already in the export, and per employee what to upload to SIASN.

Each function returns an `IPython.display.HTML`, or None (the cell shows nothing) when the document is
not made from official results, so the notebooks call them unconditionally.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.official.compare import ALL_UNITS
from ipasn.report.content.analysis import DIMENSION_LABELS
from ipasn.report.content.data import ReportData
from ipasn.report.content.markup import esc, table
from ipasn.report.content.privacy import mask_name, mask_nip

HEADING = "<h2>Rekonsiliasi dengan hasil resmi BKN</h2>"
NO_EXPORT = ("Run ini tidak memuat ekspor data kepegawaian, sehingga hasil resmi BKN tidak dibandingkan dengan "
             "perhitungan ipasn; beri 'data' pada definisi run untuk rekonsiliasi.")


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "") + fmt.number(value)


def _scope_rows(report: ReportData) -> pd.DataFrame:
    summary = report.official.ringkasan
    scope = report.unit if report.unit is not None else ALL_UNITS
    return summary[summary["unit_kerja"] == scope].set_index("dimensi")


def _headline(report: ReportData) -> str:
    part = report.official
    rows = _scope_rows(report)
    if "ip_asn" not in rows.index:
        return "<p>Tidak ada PNS unit ini di hasil resmi BKN.</p>"
    whole = rows.loc["ip_asn"]
    who = "unit ini" if report.unit is not None else "instansi"
    if whole["pns_berbeda"] == 0:
        text = (f"IP ASN resmi {who} <strong>{fmt.number(whole['nilai_resmi'])}</strong> sama dengan perhitungan "
                f"ipasn dari ekspor untuk seluruh {fmt.integer(whole['pns_dibandingkan'])} PNS yang ada di keduanya.")
    else:
        upload = int(whole["sertifikat_diunggah"])
        action = (f" — unggah {fmt.integer(upload)} dokumen (sertifikat, SKP, ijazah) yang sudah ada di ekspor ke "
                  "SIASN" if upload else "")
        text = (f"IP ASN resmi {who} <strong>{fmt.number(whole['nilai_resmi'])}</strong>; dengan data yang sudah ada "
                f"di ekspor menjadi <strong>{fmt.number(whole['nilai_dengan_data_ekspor'])}</strong> "
                f"({_signed(whole['perubahan'])}){action}. {fmt.integer(whole['pns_berbeda'])} dari "
                f"{fmt.integer(whole['pns_dibandingkan'])} PNS memiliki nilai berbeda.")
    sides = (f"Hanya di hasil resmi BKN: {fmt.integer(len(part.hanya_bkn))} PNS; diukur menurut ekspor tetapi tidak "
             f"ada di hasil resmi: {fmt.integer(len(part.hanya_data))} PNS.")
    return f"<p>{text}</p><p>{sides} Sumber: {esc(part.source)}.</p>"


def _dimension_table(report: ReportData) -> str:
    rows = _scope_rows(report)
    frame = pd.DataFrame({
        "Dimensi": [DIMENSION_LABELS[d] for d in rows.index],
        "Nilai resmi": rows["nilai_resmi"].map(fmt.number).to_numpy(),
        "Dengan data ekspor": rows["nilai_dengan_data_ekspor"].map(fmt.number).to_numpy(),
        "Perubahan": rows["perubahan"].map(_signed).to_numpy(),
        "PNS berbeda": rows["pns_berbeda"].map(fmt.integer).to_numpy(),
        "Rata-rata selisih per PNS": rows["rata_rata_selisih"].map(
            lambda v: fmt.EMPTY if pd.isna(v) else _signed(v)).to_numpy(),
    })
    return table(frame, "tabel", tuple(frame.columns[1:]))


def _unit_table(report: ReportData) -> str:
    summary = report.official.ringkasan
    units = summary[(summary["dimensi"] == "ip_asn") & (summary["unit_kerja"] != ALL_UNITS)]
    units = units.sort_values(["perubahan", "unit_kerja"], ascending=[False, True], kind="stable")
    frame = pd.DataFrame({
        "Unit kerja": units["unit_kerja"].to_numpy(),
        "IP resmi": units["nilai_resmi"].map(fmt.number).to_numpy(),
        "Dengan data ekspor": units["nilai_dengan_data_ekspor"].map(fmt.number).to_numpy(),
        "Perubahan": units["perubahan"].map(_signed).to_numpy(),
        "PNS berbeda": units["pns_berbeda"].map(fmt.integer).to_numpy(),
        "Dokumen diunggah": units["sertifikat_diunggah"].map(fmt.integer).to_numpy(),
    })
    return table(frame, "tabel", tuple(frame.columns[1:]))


def reconciliation(report: ReportData) -> HTML | None:
    """The section's summary: official IP, the IP with the export's data, per dimension (a unit) or per
    unit (the instansi). No individuals: those are in `reconciliation_list`."""
    if report.official is None:
        return None
    if report.official.computed is None:
        return HTML(HEADING + f"<p>{NO_EXPORT}</p>")
    details = _dimension_table(report) if report.unit is not None else (_dimension_table(report) + _unit_table(report))
    return HTML("\n".join([HEADING, _headline(report), details,
                           '<p class="keterangan">"Dengan data ekspor": nilai resmi bila BKN memakai nilai yang '
                           "dihitung ipasn dari ekspor untuk PNS yang ada di keduanya.</p>"]))


def reconciliation_list(report: ReportData, mask: bool = False) -> HTML | None:
    """Per employee: each dimension that differs, the likely cause and the export's documents to upload."""
    if report.official is None or report.official.computed is None:
        return None
    found = report.official.selisih
    if found.empty:
        return HTML("<h3>Selisih per pegawai</h3><p>Tidak ada selisih antara hasil resmi BKN dan ekspor.</p>")
    found = found.sort_values(["selisih", "nama", "nip", "dimensi"], ascending=[False, True, True, True],
                              kind="stable")
    frame = pd.DataFrame({
        "NIP": found["nip"].map(lambda v: mask_nip(v) if mask else v),
        "Nama": found["nama"].map(lambda v: mask_name(v) if mask else v),
        "Dimensi": found["dimensi"].map(DIMENSION_LABELS),
        "BKN": found["nilai_bkn"].map(fmt.points), "Ekspor": found["nilai_hitung"].map(fmt.points),
        "Kemungkinan penyebab": found["kemungkinan_penyebab"],
        "Dokumen di ekspor": found["bukti_di_ekspor"].fillna("").replace("", fmt.EMPTY),
    })
    return HTML("\n".join(["<h3>Selisih per pegawai</h3>",
                           table(frame, "tabel rinci", ("BKN", "Ekspor"), (15, 14, 9, 5, 5, 30, 22))]))
