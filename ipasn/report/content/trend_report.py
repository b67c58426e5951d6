"""The trend sections of the reports, in Indonesian: per year, per unit, per employee.

Each public function is one notebook section (`nb.trends`, `nb.unit_changes`, `nb.movements`) and
returns escaped HTML; the line chart is deterministic SVG drawn like the other charts.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML
from matplotlib import rc_context
from matplotlib.figure import Figure

from ipasn import fmt
from ipasn.report.content import trends as tr
from ipasn.report.content.analysis import DIMENSION_LABELS
from ipasn.report.content.charts import _DECIMAL, REFERENCE_COLORS, STYLE, TITLE_Y, reference_label, to_svg
from ipasn.report.content.data import ReportData
from ipasn.report.content.markup import esc, show, table
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.content.privacy import mask_name, mask_nip
from ipasn.report.content.targets import Targets
from ipasn.ruleset import DIMENSIONS

SHORT = {"kualifikasi": "Kual.", "kompetensi": "Komp.", "kinerja": "Kin.", "disiplin": "Disp."}
LINE_COLORS = {"kualifikasi": "#2b6cb0", "kompetensi": "#d69e2e", "kinerja": "#2f855a", "disiplin": "#9b2c2c"}
ONE_YEAR = ("<p>Tidak ada tahun pengukuran sebelumnya dalam definisi run ini untuk dibandingkan. "
            "Perkembangan antartahun tampil bila run memuat beberapa tahun (mis. "
            "<code>tahun: [2021, 2022, 2023]</code>), pada dokumen tahun kedua dan seterusnya.</p>")


def _rows(report: ReportData) -> pd.DataFrame:
    """The document's own scope per year: the unit's rows in a unit report, the instansi's otherwise."""
    return tr.scope_rows(report.history, report.trend, report.unit)


def _source_note(report: ReportData) -> str:
    context = report.trend
    if context.get("satu_data"):
        only = next(iter(context.get("data", {}).values()), "")
        return ('<p class="peringatan">Semua tahun dihitung dari satu data yang sama '
                f"({esc(only)}): pegawai, pendidikan, jabatan dan unit kerja tahun terakhir dipakai untuk setiap "
                "tahun; perbedaan antartahun hanya berasal dari jendela waktu penilaian.</p>")
    listed = "; ".join(f"{esc(t)}: {esc(name)}" for t, name in context.get("data", {}).items())
    return f'<p class="keterangan">Setiap tahun dihitung dari datanya sendiri ({listed}).</p>'


def _unit_note(report: ReportData, rows: pd.DataFrame) -> str:
    if report.unit is None:
        return ""
    years = [int(t) for t in report.trend.get("tahun", [])]
    status = tr.unit_status(rows, years) if len(rows) else ""
    return f'<p class="peringatan">Unit ini {esc(status)}.</p>' if status else ""


def trends(report: ReportData, targets: Targets, dokumen: Dokumen | dict | None = None) -> HTML:
    """IP ASN and each dimension per year, the change against the previous year, participation, and
    the line chart (with the target line when one is set, and the comparison figures of the years
    shown: `dokumen`'s pembanding)."""
    if len(report.history) == 0 or not report.trend:
        return show(ONE_YEAR)
    rows = _rows(report)
    if rows.empty:
        return show(_source_note(report), "<p>Tidak ada data unit ini pada tahun-tahun tersebut.</p>")
    change = rows["ip_asn"].map(fmt.rounded).diff()  # of the values as shown: 56,21 − 53,05 = +3,16
    frame = pd.DataFrame({
        "Tahun": rows["tahun"].map(str),
        "Terdaftar": rows["terdaftar"].map(fmt.integer),
        "PNS diukur": rows["diukur"].map(fmt.integer),
        "Partisipasi": rows["partisipasi"].map(fmt.percent),
        "IP ASN": rows["ip_asn"].map(fmt.number),
        "Perubahan": change.map(fmt.signed),
        **{SHORT[d]: rows[d].map(fmt.number) for d in DIMENSIONS},
        "Kategori": rows["kategori"].fillna(fmt.EMPTY),
    })
    first, last = rows.iloc[0], rows.iloc[-1]
    moved = fmt.rounded(last["ip_asn"]) - fmt.rounded(first["ip_asn"])  # as shown: no "naik ... 0,00"
    verb = "naik" if moved > 0 else ("turun" if moved < 0 else "tetap")
    sentence = (f"<p>IP ASN {verb} dari <strong>{fmt.number(first['ip_asn'])}</strong> ({int(first['tahun'])}) "
                f"ke <strong>{fmt.number(last['ip_asn'])}</strong> ({int(last['tahun'])}), "
                f"{fmt.signed(moved)} poin.</p>") if len(rows) > 1 else ""
    return show(
        _source_note(report), _unit_note(report, rows), sentence,
        table(frame, "tabel", tuple(c for c in frame.columns if c not in ("Tahun", "Kategori"))),
        '<p class="keterangan">Perubahan = IP ASN dikurangi IP ASN tahun sebelumnya. Kual. = kualifikasi, '
        "Komp. = kompetensi, Kin. = kinerja, Disp. = disiplin.</p>",
        trend_chart(rows, targets, dokumen).data,
    )


def trend_chart(rows: pd.DataFrame, targets: Targets, dokumen: Dokumen | dict | None = None):
    """The trend figure as SVG (`trend_figure`)."""
    return to_svg(trend_figure(rows, targets, dokumen))


def trend_figure(rows: pd.DataFrame, targets: Targets, dokumen: Dokumen | dict | None = None):
    """Two panels: IP ASN per year with the target line and the comparison figures (each a dotted
    line through its values of the years shown); each dimension per year."""
    years = [int(t) for t in rows["tahun"]]
    with rc_context(STYLE):
        fig = Figure(figsize=(6.5, 2.8))  # not pyplot: an analyst's own plt figures stay theirs
        left, right = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.08, right=0.98, top=0.86, bottom=0.2, wspace=0.28)
        left.plot(years, rows["ip_asn"], marker="o", color="#2b6cb0", label="IP ASN")
        for x, y in zip(years, rows["ip_asn"]):
            left.annotate(fmt.number(y), (x, y), xytext=(0, 5), textcoords="offset points", ha="center", fontsize=7)
        if targets.ip_asn:
            left.axhline(targets.ip_asn, color="#c62828", linestyle="--", linewidth=1,
                         label=f"Target {fmt.number(targets.ip_asn)}")
        _reference_lines(left, years, Dokumen.of(dokumen))
        left.set_ylim(0, 100)
        left.set_title("IP ASN per tahun", y=TITLE_Y)
        _left_legend(fig, left)
        for dimension in DIMENSIONS:
            right.plot(years, rows[dimension], marker="o", color=LINE_COLORS[dimension],
                       label=DIMENSION_LABELS[dimension])
        right.set_title("Nilai dimensi per tahun", y=TITLE_Y)
        right.legend(frameon=False, fontsize=7, ncols=2, loc="upper left")
        right.set_ylim(0, 45)
        for ax in (left, right):
            ax.set_xticks(years, [str(t) for t in years])
            ax.set_xlim(years[0] - 0.35, years[-1] + 0.35)  # room for the first and last value labels
            ax.yaxis.set_major_formatter(_DECIMAL)
    return fig


def _left_legend(fig, ax) -> None:
    """IP ASN and the target fit in the panel's empty lower right; with comparison figures the legend
    goes below both panels (the figure grows), so it never covers a line or a value."""
    labels = ax.get_legend_handles_labels()[1]
    if len(labels) <= 2:
        ax.legend(frameon=False, fontsize=7, loc="lower right")
        return
    rows = -(-len(labels) // 4)
    width, height = fig.get_size_inches()
    grown = height + 0.2 * rows
    fig.set_size_inches(width, grown)
    fig.subplots_adjust(top=1 - (1 - 0.86) * height / grown, bottom=(0.2 * height + 0.2 * rows) / grown)
    fig.legend(*ax.get_legend_handles_labels(), frameon=False, fontsize=7, loc="lower center", ncols=4)


def _reference_lines(ax, years: list[int], dokumen: Dokumen) -> None:
    """One dotted line per comparison figure name through its values of the years shown; the legend
    names it (a single year's figure with its value, which no line shows)."""
    names = list(dict.fromkeys(p.nama for p in dokumen.pembanding if p.tahun in years))
    for name, color in zip(names, REFERENCE_COLORS * len(names)):
        figures = sorted((p for p in dokumen.pembanding if p.nama == name and p.tahun in years),
                         key=lambda p: p.tahun)
        ax.plot([p.tahun for p in figures], [p.ip_asn for p in figures], linestyle=":", marker="x",
                color=color, linewidth=1.2, label=reference_label(figures[0]) if len(figures) == 1 else name)


def unit_changes(report: ReportData) -> HTML:
    """Instansi: units ranked by their change since the previous year (renamed, new and gone units
    said so), and how many PNS moved up or down a category."""
    if len(report.history) == 0 or not report.trend:
        return show(ONE_YEAR)
    changes = tr.unit_changes(report.history)
    years = sorted(int(t) for t in report.history["tahun"].unique())
    previous, last = years[-2], years[-1]
    frame = pd.DataFrame({
        "No.": [str(i) for i in range(1, len(changes) + 1)],
        "Unit kerja": changes["unit_kerja"],
        f"IP ASN {previous}": changes["sebelum"].map(fmt.number),
        f"IP ASN {last}": changes["sesudah"].map(fmt.number),
        "Perubahan": (changes["sesudah"].map(fmt.rounded) - changes["sebelum"].map(fmt.rounded)).map(fmt.signed),
        "Keterangan": changes["keterangan"].replace("", fmt.EMPTY),
    })
    return show(f"<h3>Unit kerja menurut perubahan IP ASN {previous}–{last}</h3>",
                 table(frame, "tabel", (f"IP ASN {previous}", f"IP ASN {last}", "Perubahan")),
                 _shift_section(report, previous, last))


def _shift_section(report: ReportData, previous: int, last: int) -> str:
    moves = report.movement
    if len(moves) == 0:
        return ""
    order = [band.nama for band in report.rules.kategori]
    shifts = tr.category_shifts(moves, order)
    both = shifts["naik"] + shifts["tetap"] + shifts["turun"]
    counts = pd.DataFrame({
        "Pergeseran": ["Naik kategori", "Tetap", "Turun kategori", f"Mulai diukur pada {last}",
                       f"Diukur pada {previous}, tidak pada {last}"],
        "PNS": [fmt.integer(shifts[k]) for k in ("naik", "tetap", "turun", "mulai_diukur", "tidak_diukur_lagi")],
    })
    matrix = tr.category_matrix(moves, order)
    grid = pd.DataFrame({f"{previous} \\ {last}": order,
                         **{name: matrix[name].map(fmt.integer).to_numpy() for name in order}})
    return "\n".join([
        f"<h3>Pergeseran kategori PNS {previous}–{last}</h3>",
        f"<p>Dari {fmt.integer(both)} PNS yang diukur pada kedua tahun, {fmt.integer(shifts['naik'])} naik "
        f"kategori dan {fmt.integer(shifts['turun'])} turun.</p>",
        table(counts, "tabel kecil", ("PNS",)),
        table(grid, "tabel kecil", tuple(order)),
        '<p class="keterangan">Baris: kategori tahun sebelumnya; kolom: kategori tahun ini (PNS yang diukur '
        "pada kedua tahun, dicocokkan menurut NIP).</p>",
    ])


def movements(report: ReportData, mask: bool = False) -> HTML:
    """Unit: each employee's category before and after and points gained or lost per dimension; who
    joined and who left the unit since the previous year. Personal data: masked on request."""
    moves = report.movement
    if len(report.history) == 0 or not report.trend or len(moves) == 0:
        return show(ONE_YEAR)
    unit = report.trend.get("unit_kerja")
    years = sorted(int(t) for t in report.trend["tahun"])
    previous, last = years[-2], years[-1]
    nip = (lambda v: mask_nip(v)) if mask else str
    name = (lambda v: mask_name(v)) if mask else str
    stayed = moves[(moves["unit_kerja_sebelum"] == unit) & (moves["unit_kerja_sesudah"] == unit)
                   & moves["diukur_sebelum"] & moves["diukur_sesudah"]].copy()
    stayed["_delta"] = stayed["ip_asn_sesudah"] - stayed["ip_asn_sebelum"]
    stayed = stayed.sort_values(["_delta", "nama", "nip"], ascending=[False, True, True], kind="stable")
    frame = pd.DataFrame({
        "NIP": stayed["nip"].map(nip), "Nama": stayed["nama"].map(name),
        f"Kategori {previous}": stayed["kategori_sebelum"].fillna(fmt.EMPTY),
        f"Kategori {last}": stayed["kategori_sesudah"].fillna(fmt.EMPTY),
        **{SHORT[d]: (stayed[f"{d}_sesudah"] - stayed[f"{d}_sebelum"]).map(lambda v: fmt.signed(v, 1)) for d in DIMENSIONS},
        "IP ASN": stayed["_delta"].map(lambda v: fmt.signed(v, 1)),
    })
    numeric = (*SHORT.values(), "IP ASN")
    parts = [f"<h3>PNS yang diukur pada {previous} dan {last} di unit ini</h3>",
             table(frame, "tabel rinci", numeric, (19, 20, 11, 11, 6, 6, 6, 6, 8)) if len(frame)
             else "<p>Tidak ada.</p>",
             '<p class="keterangan">Kolom dimensi dan IP ASN: poin yang bertambah (+) atau berkurang (−) '
             f"dari {previous} ke {last}.</p>"]
    parts += _joined_left(moves, unit, previous, last, nip, name)
    return show(*parts)


def _where(unit_name: object, listed_text: str) -> str:
    return str(unit_name) if isinstance(unit_name, str) and unit_name else listed_text


def _joined_left(moves: pd.DataFrame, unit: str, previous: int, last: int, nip, name) -> list[str]:
    joined = moves[(moves["unit_kerja_sesudah"] == unit) & (moves["unit_kerja_sebelum"] != unit)]
    left = moves[(moves["unit_kerja_sebelum"] == unit) & (moves["unit_kerja_sesudah"] != unit)]
    started = moves[(moves["unit_kerja_sebelum"] == unit) & (moves["unit_kerja_sesudah"] == unit)
                    & (moves["diukur_sebelum"] != moves["diukur_sesudah"])]
    out = []
    for title, rows, column, absent in (
            (f"Masuk ke unit ini ({previous}→{last})", joined, "nama_unit_sebelum",
             f"pegawai baru (tidak terdaftar pada {previous})"),
            (f"Keluar dari unit ini ({previous}→{last})", left, "nama_unit_sesudah",
             f"tidak terdaftar lagi pada {last} (pensiun, berhenti atau pindah instansi)")):
        rows = rows.sort_values(["nama", "nip"], kind="stable")
        frame = pd.DataFrame({"NIP": rows["nip"].map(nip), "Nama": rows["nama"].map(name),
                              "Dari / ke": [_where(u, absent) for u in rows[column]],
                              "Diukur": [_measured(a, b) for a, b in zip(rows["diukur_sebelum"], rows["diukur_sesudah"])]})
        out += [f"<h3>{title}: {fmt.integer(len(rows))} pegawai</h3>",
                table(frame, "tabel rinci", (), (20, 22, 40, 18)) if len(frame) else "<p>Tidak ada.</p>"]
    if len(started):
        frame = pd.DataFrame({"NIP": started["nip"].map(nip), "Nama": started["nama"].map(name),
                              "Diukur": [_measured(a, b) for a, b in
                                         zip(started["diukur_sebelum"], started["diukur_sesudah"])]})
        out += ["<h3>Tetap di unit ini, status pengukuran berubah</h3>", table(frame, "tabel rinci")]
    return out


def _measured(before: bool, after: bool) -> str:
    return {(True, True): "ya, kedua tahun", (False, True): "mulai diukur", (True, False): "tidak diukur lagi",
            (False, False): "tidak diukur"}[(bool(before), bool(after))]
