"""Indonesian tables and sentences about the scores, as escaped HTML (names in the data stay text):
the title, headline, analysis per dimension, competence, improvements and every PNS; for the
instansi, targets, unit ranking, categories and breakdowns.

Each public function returns an `IPython.display.HTML`; the notebooks only call and show them. What
the numbers were made from (files read, findings, rules in force) is inputs.py; the HTML parts are
markup.py.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.report.content import analysis as an
from ipasn.report.content.data import ReportData
from ipasn.report.content.markup import esc, show, table
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.content.privacy import mask_name, mask_nip
from ipasn.report.content.targets import Targets
from ipasn.official.shown import COMPUTED_NOTE, NO_EXPORT_DETAIL
from ipasn.ruleset import INDICATORS, POSITION_TYPES
from ipasn.scoring.bands import categorize
from ipasn.scoring.explain import unassessed
from ipasn.scoring.summary import not_measured_reasons, summarise, with_degree

INDICATOR_TITLES = {
    "kepemimpinan": "Diklat kepemimpinan", "fungsional": "Diklat fungsional", "teknis": "Diklat teknis",
    "seminar": "Seminar/workshop/kursus", "skp": "Data kinerja (SKP)", "pendidikan": "Data pendidikan",
    "hukdis": "Data hukuman disiplin",
}


def title(report: ReportData, instansi: str) -> HTML:
    """The report title: instansi, unit (if any) and year: ``nb.title(report, "Pemerintah Provinsi Demo")``."""
    period = report.period
    heading = "Laporan Indeks Profesionalitas ASN"
    scope = f"{esc(report.unit)} — {esc(instansi)}" if report.unit is not None else esc(instansi)
    return show(
        f"<h1>{heading} Tahun {period.tahun}</h1>",
        f'<p class="lingkup">{scope}</p>',
        f'<p class="keterangan">{esc(basis(report))}</p>',
        *(f'<p class="sumber-nilai">{esc(said)}</p>' for said in filter(None, [numbers_source(report)])),
    )


def basis(report: ReportData) -> str:
    """What the numbers rest on, as the title, the cover and the deck's cover say it."""
    period = report.period
    return (f"Tanggal acuan {fmt.date(period.tanggal_acuan.date())}; kinerja dari penilaian tahun "
            f"{period.tahun_kinerja}; aturan: {report.rules.nama}.")


def numbers_source(report: ReportData) -> str | None:
    """Where the numbers come from when they are BKN's official results (None: ipasn's own count)."""
    return f"Sumber nilai: hasil resmi BKN ({report.official.source})" if report.official is not None else None


def detail_scores(report: ReportData) -> tuple[pd.DataFrame | None, str]:
    """The scores with competence indicators, and what to say under them: in a document of BKN's
    official numbers, ipasn's own count of the export (None without one), since BKN gives none."""
    if report.official is None:
        return report.scores, ""
    computed = report.official.computed
    note = COMPUTED_NOTE if computed is not None else NO_EXPORT_DETAIL
    return computed, f'<p class="keterangan">{esc(note)}</p>'


def headline(report: ReportData, targets: Targets, dokumen: Dokumen | dict | None = None) -> HTML:
    """The summary box: mean IP ASN, category, PNS measured, and the comparison figures of the year
    (`dokumen`'s pembanding): ``nb.headline(report, nb.Targets.of(targets), dokumen)``."""
    whole = summarise(report, by=None).iloc[0]
    value = whole["ip_asn"]
    target = targets.ip_asn
    target_text = (f"target {fmt.number(target)} (capaian {fmt.percent(value / target)})"
                   if target else "target belum ditetapkan")
    return show(
        '<div class="ringkasan">',
        f'<p class="nilai-utama">IP ASN <strong>{fmt.number(value)}</strong> '
        f'<span class="kategori">{esc(whole["kategori"] or "–")}</span></p>',
        f"<p>{target_text}.</p>",
        f"<p>Partisipasi: {fmt.integer(whole['diukur'])} PNS diukur dari {fmt.integer(whole['terdaftar'])} "
        f"pegawai terdaftar ({fmt.percent(whole['partisipasi'])}); "
        f"{fmt.integer(whole['tidak_diukur'])} tidak diukur ({not_measured_reasons(report.pegawai)}). "
        f"Data lengkap: {fmt.integer(whole['data_lengkap'])} PNS ({fmt.percent(whole['kelengkapan'])}).</p>",
        _comparison_table(report, value, Dokumen.of(dokumen)),
        *_missing_tables(report),
        "</div>",
    )


def comparison_frame(report: ReportData, value: float, dokumen: Dokumen) -> pd.DataFrame | None:
    """This year's comparison figures beside the document's own IP, as shown (None without any)."""
    figures = dokumen.pembanding_of(report.period.tahun)
    if not figures or pd.isna(value):
        return None
    own = report.unit if report.unit is not None else "Instansi ini"
    return pd.DataFrame({
        "Pembanding": [own, *(p.nama for p in figures)],
        "Tahun": [str(report.period.tahun)] * (len(figures) + 1),
        "IP ASN": [fmt.number(value), *(fmt.number(p.ip_asn) for p in figures)],
        "Selisih": [fmt.EMPTY, *(fmt.signed(fmt.rounded(value) - fmt.rounded(p.ip_asn)) for p in figures)],
    })


COMPARISON_NOTE = "Selisih = IP ASN dokumen ini dikurangi IP ASN pembanding."


def _comparison_table(report: ReportData, value: float, dokumen: Dokumen) -> str:
    """The comparison figures as a small table ('' without any)."""
    frame = comparison_frame(report, value, dokumen)
    if frame is None:
        return ""
    return (table(frame, "tabel kecil pembanding", ("IP ASN", "Selisih")) +
            f'<p class="keterangan">{COMPARISON_NOTE}</p>')


def _missing_tables(report: ReportData) -> list[str]:
    """A history table that no input held changes every score: said where the numbers are."""
    acc = report.accounting
    missing = acc[(acc["berkas"] == "") & (acc["peran"] != "")] if len(acc) and "peran" in acc else acc.iloc[0:0]
    return [f'<p class="peringatan">Data {esc(row.peran)}: {esc(row.keterangan)}.</p>'
            for row in missing.itertuples(index=False)]


def _sentence(dimension: str, report: ReportData, gains: pd.DataFrame) -> str:
    scores, rules = report.scores, report.rules
    n = len(scores)
    if n == 0:
        return "Tidak ada PNS yang diukur."
    maximum = rules.dimensi_maks.get(dimension, 100)
    mean = scores[dimension].mean()
    if dimension == "kualifikasi":
        high = int(with_degree(scores, rules).sum())
        missing = int((scores["kualifikasi"] == 0).sum())
        # Non-breaking hyphens: a line never ends in "S-".
        text = (f"{fmt.integer(high)} dari {fmt.integer(n)} PNS ({fmt.percent(high / n)}) berpendidikan "
                "S\u20111/D\u2011IV ke atas.")
        if missing:
            text += f" {fmt.integer(missing)} PNS tanpa data pendidikan yang dikenali (nilai 0)."
        return text + " Kenaikan hanya melalui jenjang pendidikan formal atau perbaikan data."
    if dimension == "kompetensi":
        if gains is None:
            return "Rincian indikator tidak ada di hasil resmi BKN."
        rows = gains[gains.index.isin(INDICATORS) & (gains["kenaikan_rata_rata"] > 0)].head(2)
        if rows.empty:
            return "Seluruh indikator kompetensi telah terpenuhi."
        parts = [f"{an.INDICATOR_LABELS[k]} ({fmt.integer(r.pegawai)} PNS belum memenuhi, potensi "
                 f"+{fmt.number(r.kenaikan_rata_rata)} poin)" for k, r in rows.iterrows()]
        return f"Penahan terbesar: {' dan '.join(parts)}."
    if dimension == "kinerja":
        # BKN's keterangan are not ipasn's words: official numbers say it by a kinerja of 0
        missing = int((scores["kinerja"] == 0).sum() if report.official is not None else unassessed(scores).sum())
        good = next(band.poin for band in rules.kinerja.pita if band.predikat == "Baik")
        below = int(((scores["kinerja"] > 0) & (scores["kinerja"] < good)).sum())
        text = f"{fmt.integer(n - missing)} PNS memiliki penilaian kinerja {report.period.tahun_kinerja}"
        text += f"; {fmt.integer(missing)} belum ada (nilai 0)." if missing else "."
        if below:
            text += f" {fmt.integer(below)} PNS di bawah predikat Baik."
        return text
    punished = int(((scores["disiplin"] > 0) & (scores["disiplin"] < maximum)).sum())
    unknown = int((scores["disiplin"] == 0).sum())
    if mean >= maximum:
        return "Telah mencapai bobot maksimal."
    text = (f"{fmt.integer(punished)} PNS dijatuhi hukuman disiplin dalam "
            f"{rules.disiplin.jendela_tahun} tahun terakhir.")
    if unknown:
        text += f" {fmt.integer(unknown)} PNS dengan data hukuman yang tidak terbaca (nilai 0)."
    return text


def analysis_table(report: ReportData, targets: Targets) -> HTML:
    """The Kalsel deck's ANALISIS table: weight, current value, capaian and a generated sentence."""
    frame, note = analysis_frame(report, targets)
    numeric = ("Bobot maksimal", "Nilai saat ini", "Capaian (% maks.)", "Target", "Capaian target")
    return show(table(frame, "tabel analisis", numeric), note)


def analysis_frame(report: ReportData, targets: Targets) -> tuple[pd.DataFrame, str]:
    """The ANALISIS table as text (the HTML report's and the deck's), and the note under it."""
    dims = an.dimension_table(report.scores, report.rules, targets)
    detail, note = detail_scores(report)
    gains = None if detail is None else an.indicator_gains(detail, an.improvement_items(detail, report.rules))
    has_target = dims["target"].notna().any()
    rows = []
    for r in dims.itertuples(index=False):
        row = {
            "Dimensi": an.DIMENSION_LABELS[r.dimensi],
            "Bobot maksimal": fmt.points(r.bobot_maksimal),
            "Nilai saat ini": fmt.number(r.nilai),
            "Capaian (% maks.)": fmt.percent(r.capaian_maksimal),
        }
        if has_target:
            row["Target"] = fmt.number(r.target) if pd.notna(r.target) else fmt.EMPTY
            row["Capaian target"] = fmt.percent(r.capaian_target)
        row["Analisis"] = (_sentence(r.dimensi, report, gains) if r.dimensi != "ip_asn"
                           else f"Kategori {categorize(pd.Series([r.nilai]), report.rules).iloc[0] or '–'}.")
        rows.append(row)
    return pd.DataFrame(rows), note


def competence_table(report: ReportData) -> HTML:
    """Kompetensi by position type: mean points per indicator (– where the type cannot earn it)."""
    frame, note = competence_frame(report)
    if frame is None:
        return show(note)
    if frame.empty:
        return show("<p>Tidak ada PNS yang diukur.</p>")
    return show(table(frame, "tabel", tuple(c for c in frame.columns if c != "Jenis jabatan")), note)


def competence_frame(report: ReportData) -> tuple[pd.DataFrame | None, str]:
    """The competence table as text (None without indicator detail) and the note under it."""
    scores, note = detail_scores(report)
    if scores is None:
        return None, note
    rows = []
    for kind in POSITION_TYPES:
        group = scores[scores["jenis_jabatan"] == kind]
        if group.empty:
            continue
        points = report.rules.kompetensi[kind]
        row = {"Jenis jabatan": kind, "PNS": fmt.integer(len(group))}
        for indicator in INDICATORS:
            maximum = getattr(points, indicator)
            row[INDICATOR_TITLES[indicator]] = (
                f"{fmt.number(group[f'kompetensi_{indicator}'].mean())} / {fmt.points(maximum)}"
                if maximum else fmt.EMPTY)
        row["Kompetensi"] = f"{fmt.number(group['kompetensi'].mean())} / {fmt.points(report.rules.dimensi_maks['kompetensi'])}"
        rows.append(row)
    return pd.DataFrame(rows), note


ABBREVIATIONS = ('<p class="keterangan">Kual. = kualifikasi, Komp. = kompetensi, Kin. = kinerja, '
                 "Disp. = disiplin.</p>")


def _mean_columns(summary: pd.DataFrame, short: bool = False) -> dict[str, pd.Series]:
    """IP ASN, the four dimension means (two decimals) and the category of a summary table; `short`
    headers (explained by ABBREVIATIONS) where a wide table needs the room."""
    names = ("Kual.", "Komp.", "Kin.", "Disp.") if short else ("Kualifikasi", "Kompetensi", "Kinerja", "Disiplin")
    columns = {name: summary[key].map(fmt.number) for key, name in
               (("ip_asn", "IP ASN"), *zip(("kualifikasi", "kompetensi", "kinerja", "disiplin"), names))}
    return {**columns, "Kategori": summary["kategori"].fillna(fmt.EMPTY)}


def breakdown_table(report: ReportData, by: str, label: str) -> HTML:
    """Mean scores per group of a column, e.g. ``nb.breakdown_table(report, "pendidikan", "Pendidikan")``."""
    summary = summarise(report, by=by).reset_index()
    summary = summary[summary["diukur"] > 0]
    frame = pd.DataFrame({
        label: summary[by].astype(str),
        "PNS diukur": summary["diukur"].map(fmt.integer),
        **_mean_columns(summary),
    })
    return show(table(frame, "tabel", tuple(frame.columns[1:-1])))


def improvement_summary(report: ReportData) -> HTML:
    """Which items raise IP ASN most if met, and the best reachable score: ``nb.improvement_summary(report)``."""
    scores, note = detail_scores(report)
    if scores is None:
        return show(note)
    if scores.empty:
        return show("<p>Tidak ada PNS yang diukur.</p>")
    items = an.improvement_items(scores, report.rules)
    gains = an.indicator_gains(scores, items)
    current = scores["ip_asn"].mean()
    best = an.potential(scores, items).mean()
    frame = gains_frame(gains)
    rules = report.rules
    return show(
        f"<p>Jika seluruh butir dipenuhi, IP ASN naik dari <strong>{fmt.number(current)}</strong> menjadi "
        f"paling tinggi <strong>{fmt.number(best)}</strong> "
        f"({esc(categorize(pd.Series([best]), rules).iloc[0])}). Butir data (SKP, pendidikan, hukuman "
        "disiplin) dihitung dengan nilai maksimalnya.</p>",
        table(frame, "tabel", ("PNS yang belum", "Kenaikan rata-rata IP")) if len(frame) else
        "<p>Tidak ada butir yang perlu dipenuhi.</p>", note,
    )


def gains_frame(gains: pd.DataFrame) -> pd.DataFrame:
    """`analysis.indicator_gains` as text: each item, the PNS who miss it and the mean rise of IP ASN."""
    return pd.DataFrame({
        "Butir": [INDICATOR_TITLES[k] for k in gains.index],
        "PNS yang belum": gains["pegawai"].map(fmt.integer).to_numpy(),
        "Kenaikan rata-rata IP": ["+" + fmt.number(v) for v in gains["kenaikan_rata_rata"]],
    })


def improvement_table(report: ReportData, mask: bool = False) -> HTML | None:
    """Upaya yang harus dilakukan: per employee the missing items and their points, biggest gain first."""
    scores, note = detail_scores(report)
    if scores is None:
        return None  # improvement_summary, just above, says why
    items = an.improvement_items(scores, report.rules)
    if items.empty:
        return show("<p>Tidak ada butir yang perlu dipenuhi.</p>", note)
    items = items.assign(butir=[
        f"{action} ({'+' if sure else 'hingga +'}{fmt.points(gain)})"
        for action, gain, sure in zip(items["tindakan"], items["tambahan"], items["pasti"])])
    people = items.groupby("nip", sort=False).agg(
        nama=("nama", "first"), jenis_jabatan=("jenis_jabatan", "first"), ip_asn=("ip_asn", "first"),
        tambahan=("tambahan", "sum"), butir=("butir", "; ".join))
    people["potensi"] = (people["ip_asn"] + people["tambahan"]).clip(upper=100.0)
    people = people.reset_index().sort_values(["tambahan", "nama", "nip"], ascending=[False, True, True],
                                              kind="stable")
    frame = pd.DataFrame({
        "NIP": people["nip"].map(lambda v: mask_nip(v) if mask else v),
        "Nama": people["nama"].map(lambda v: mask_name(v) if mask else v),
        "Jenis jabatan": people["jenis_jabatan"].fillna(fmt.EMPTY),
        "Yang perlu dipenuhi (tambahan poin)": people["butir"],
        "IP ASN": people["ip_asn"].map(fmt.points),
        "Potensi IP": people["potensi"].map(fmt.points),
    })
    return show(table(frame, "tabel rinci upaya", ("IP ASN", "Potensi IP"), (19, 17, 11, 39, 7, 7)), note)


def employee_table(report: ReportData, mask: bool = False) -> HTML:
    """Every PNS with points per dimension, highest IP ASN first: ``nb.employee_table(report)``."""
    scores = report.scores.sort_values(["ip_asn", "nama", "nip"], ascending=[False, True, True])
    if scores.empty:
        return show("<p>Tidak ada PNS yang diukur.</p>")
    frame = pd.DataFrame({
        "NIP": scores["nip"].map(lambda v: mask_nip(v) if mask else v),
        "Nama": scores["nama"].map(lambda v: mask_name(v) if mask else v),
        "Jenis jabatan": scores["jenis_jabatan"].fillna(fmt.EMPTY),
        "Kual.": scores["kualifikasi"].map(fmt.points),
        "Komp.": scores["kompetensi"].map(fmt.points),
        "Kin.": scores["kinerja"].map(fmt.points),
        "Disp.": scores["disiplin"].map(fmt.points),
        "IP ASN": scores["ip_asn"].map(fmt.points),
        "Kategori": scores["kategori"],
        "Data lengkap": scores["data_lengkap"].map({True: "ya", False: "tidak"}),
    })
    return show(table(frame, "tabel rinci", ("Kual.", "Komp.", "Kin.", "Disp.", "IP ASN"),
                       (19, 20, 12, 6, 6, 6, 6, 6, 11, 8)), ABBREVIATIONS)


# --- instansi ----------------------------------------------------------------------------------


def target_table(report: ReportData, targets: Targets) -> HTML:
    """The Bontang release's table: each dimension's value, target and capaian, then the total."""
    return show(table(target_frame(report, targets), "tabel analisis",
                      ("Nilai", "Bobot maksimal", "Target", "Capaian target")), f'<p class="keterangan">{TARGET_NOTE}</p>')


TARGET_NOTE = ("Capaian = nilai ÷ target × 100%. Kategori dimensi dihitung dari nilai yang dinormalkan ke "
               "skala 100.")


def target_frame(report: ReportData, targets: Targets) -> pd.DataFrame:
    """The target table as text (the HTML report's and the deck's)."""
    dims = an.dimension_table(report.scores, report.rules, targets)
    return pd.DataFrame({
        "Dimensi": dims["dimensi"].map(an.DIMENSION_LABELS),
        "Nilai": dims["nilai"].map(fmt.number),
        "Bobot maksimal": dims["bobot_maksimal"].map(fmt.points),
        "Target": dims["target"].map(lambda v: fmt.number(v) if pd.notna(v) else fmt.EMPTY),
        "Capaian target": dims["capaian_target"].map(fmt.percent),
        "Kategori": categorize(dims["nilai"] / dims["bobot_maksimal"] * 100, report.rules).fillna(fmt.EMPTY),
    })


def unit_ranking_table(report: ReportData) -> HTML:
    """Units ranked by mean IP ASN, with their categories: ``nb.unit_ranking_table(report)``."""
    frame = unit_ranking_frame(report)
    return show(table(frame, "tabel peringkat", tuple(frame.columns[2:-1]),
                      (4, 30, 8, 7, 9, 6, 6, 6, 6, 6, 12)), ABBREVIATIONS)


def ranked_units(report: ReportData) -> pd.DataFrame:
    """`summarise` per unit, best IP ASN first (units without measured PNS last)."""
    summary = summarise(report, by="unit_kerja").reset_index()
    return summary.sort_values(["ip_asn", "unit_kerja"], ascending=[False, True], na_position="last")


def unit_ranking_frame(report: ReportData) -> pd.DataFrame:
    """The unit ranking as text (the HTML report's and the deck's)."""
    summary = ranked_units(report)
    return pd.DataFrame({
        "No.": [str(i) for i in range(1, len(summary) + 1)],
        "Unit kerja": summary["unit_kerja"],
        "Terdaftar": summary["terdaftar"].map(fmt.integer),
        "PNS diukur": summary["diukur"].map(fmt.integer),
        "Partisipasi": summary["partisipasi"].map(fmt.percent),
        **_mean_columns(summary, short=True),
    })


def category_table(report: ReportData) -> HTML:
    """How many PNS fall in each category (Sangat Tinggi ... Sangat Rendah): ``nb.category_table(report)``."""
    return show(table(category_frame(report), "tabel kecil", ("PNS", "Persentase")))


def category_counts(report: ReportData) -> pd.Series:
    """PNS per category, every category of the ruleset in its order (Sangat Tinggi first), 0 where none."""
    names = [band.nama for band in report.rules.kategori]
    return report.scores["kategori"].value_counts().reindex(names, fill_value=0)


def category_frame(report: ReportData) -> pd.DataFrame:
    """The category table as text (the HTML report's and the deck's)."""
    counts = category_counts(report)
    names = list(counts.index)
    n = max(int(counts.sum()), 1)
    return pd.DataFrame({"Kategori": names, "PNS": counts.map(fmt.integer).to_numpy(),
                         "Persentase": [fmt.percent(c / n) for c in counts]})


def sub_unit_table(report: ReportData) -> HTML:
    """The unit broken down by sub-unit (SIASN's UNOR below UNOR INDUK), when the data has them."""
    if "sub_unit" not in report.scores or not (report.scores["sub_unit"].fillna("") != "").any():
        return show("<p>Data tidak memuat sub-unit (mis. kolom UNOR NAMA di samping UNOR INDUK NAMA).</p>")
    return breakdown_table(report, "sub_unit", "Sub-unit")
