"""The slides, in the order of a provincial deck (the Kalsel BKD's): each is one small function
taking the presentation and the already-computed `Facts`; a deck is a list of them.

To add a slide, write `def name(prs, f): ...` (what it shows computed in facts.py) and put it in
`INSTANSI` and `UNIT` where it belongs.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches

from ipasn import fmt
from ipasn.report.content.analysis import DIMENSION_LABELS
from ipasn.report.content.charts import BAR, COLORS, REFERENCE_COLORS
from ipasn.report.content.front import place_and_date
from ipasn.report.content.present import COMPARISON_NOTE, TARGET_NOTE, basis, numbers_source
from ipasn.report.content.present_plan import STEP_NUMBERS
from ipasn.report.deck import shapes as sh
from ipasn.report.deck.facts import Facts
from ipasn.ruleset import DIMENSIONS
from ipasn.scoring.bands import categorize
from ipasn.scoring.summary import not_measured_reasons

Slide = Callable[[object, Facts], None]
RANKING_ROWS = 14  # table rows per slide: readable at 11 pt
RANKING_BARS = 25  # units in the ranking chart (the table lists them all)
PLAN_LINE_CHARS = 120  # characters of a 14 pt line across the slide body


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#"))


def _category_color(name: object) -> RGBColor:
    return _rgb(COLORS.get(str(name), BAR))


def cover(prs, f: Facts) -> None:
    """Title, year, scope, reference date and rules; the logo (an SVG drawn as PNG) when given."""
    slide = sh.blank_slide(prs)
    period, report = f.report.period, f.report
    logo = f.settings.dokumen.logo_png()
    top = Inches(1.0)
    if logo is not None:
        height = Inches(1.4)
        picture = slide.shapes.add_picture(io.BytesIO(logo), 0, top, height=height)
        picture.left = int((sh.WIDTH - picture.width) / 2)
        top += height + Inches(0.2)
    lines = ["Indeks Profesionalitas ASN", f"Tahun {period.tahun}", f.scope]
    sh.text(slide, sh.Box(sh.MARGIN, top, sh.WIDTH - 2 * sh.MARGIN, Inches(2.6)), lines, size=34, bold=(0,),
            align=PP_ALIGN.CENTER, color=sh.BLUE)
    notes = [basis(report), *filter(None, [numbers_source(report)])]
    sh.text(slide, sh.Box(sh.MARGIN, top + Inches(2.8), sh.WIDTH - 2 * sh.MARGIN, Inches(1.2)), notes, size=14,
            align=PP_ALIGN.CENTER, color=sh.GREY)


def findings(prs, f: Facts) -> None:
    """Pokok hasil: the documents' narrative summary, one sentence a paragraph."""
    slide = sh.titled_slide(prs, "Pokok hasil")
    lines = f.narrative or ["Tidak ada PNS yang diukur."]
    size = 18 if len(lines) <= 4 else (16 if len(lines) <= 6 else 14)
    sh.text(slide, sh.Box.body(), lines, size=size, space_after=8)


def summary(prs, f: Facts) -> None:
    """The headline (IP ASN, category, target, participation) beside the target table (Bontang)."""
    slide = sh.titled_slide(prs, "Ringkasan")
    whole, target = f.whole, f.settings.targets.ip_asn
    value = whole["ip_asn"]
    left, right = sh.Box.body().split(0.4)
    lines = [f"IP ASN {fmt.number(value)}", f"Kategori {whole['kategori'] or fmt.EMPTY}",
             f"Target {fmt.number(target)} (capaian {fmt.percent(value / target)})" if target
             else "Target belum ditetapkan",
             f"{fmt.integer(whole['diukur'])} PNS diukur dari {fmt.integer(whole['terdaftar'])} pegawai terdaftar "
             f"({fmt.percent(whole['partisipasi'])}); tidak diukur: {not_measured_reasons(f.report.pegawai)}.",
             f"Data lengkap: {fmt.integer(whole['data_lengkap'])} PNS ({fmt.percent(whole['kelengkapan'])})."]
    value_box, rest = left.below(Inches(0.9))
    category_box, rest = rest.below(Inches(0.7))
    sh.text(slide, value_box, lines[:1], size=40, bold=(0,), color=sh.BLUE)
    sh.text(slide, category_box, lines[1:2], size=22, color=sh.BLUE)
    if f.comparison_text is not None:  # pembanding of the year, under the headline
        rest, compared = rest.below(Inches(2.2))
        grid, note = compared.below(Inches(0.35 * (len(f.comparison_text) + 1)))
        sh.table(slide, grid, f.comparison_text, ("IP ASN", "Selisih"), size=12)
        sh.text(slide, note, [COMPARISON_NOTE], size=10, color=sh.GREY)
    sh.text(slide, rest, lines[2:], size=16)
    numeric = ("Nilai", "Bobot maksimal", "Target", "Capaian target")
    grid, note = right.below(Inches(3.2))
    sh.table(slide, grid, f.target_text, numeric, size=13)
    sh.text(slide, note, [TARGET_NOTE], size=11, color=sh.GREY)


def dimensions(prs, f: Facts) -> None:
    """Each dimension's value against its maximum weight (and target, where set)."""
    slide = sh.titled_slide(prs, "Nilai dimensi terhadap bobot maksimal")
    dims = f.dims[f.dims["dimensi"].isin(DIMENSIONS)]
    series = {"Bobot maksimal": dims["bobot_maksimal"], "Nilai saat ini": dims["nilai"]}
    colors = [_rgb("#cbd5e0"), _rgb(BAR)]
    if dims["target"].notna().any():
        series["Target"] = dims["target"]
        colors.append(_rgb(COLORS["Sedang"]))
    sh.bar_chart(slide, sh.Box.body(), [DIMENSION_LABELS[d] for d in dims["dimensi"]], series,
                 "Nilai dimensi terhadap bobot maksimal", colors=colors)


def analysis(prs, f: Facts) -> None:
    """The Kalsel deck's ANALISIS: weight, current value, capaian and the generated sentence."""
    slide = sh.titled_slide(prs, "Analisis per dimensi")
    frame = f.analysis_text
    numeric = [c for c in frame.columns if c not in ("Dimensi", "Analisis")]
    widths = [0.11, *(0.08 for _ in numeric), 1 - 0.11 - 0.08 * len(numeric)]
    grid, note = sh.Box.body().below(Inches(5.0))
    sh.table(slide, grid, frame, numeric, size=11, widths=widths)
    if f.detail_note:
        sh.text(slide, note, [f.detail_note], size=11, color=sh.GREY)


def competence(prs, f: Facts) -> None:
    """Kompetensi by position type: each indicator's mean points against what the type can earn."""
    slide = sh.titled_slide(prs, "Kompetensi per jenis jabatan")
    frame = f.competence_text
    if frame is None or frame.empty:
        sh.text(slide, sh.Box.body(), [f.detail_note or "Tidak ada PNS yang diukur."], size=16)
        return
    grid, note = sh.Box.body().below(Inches(4.6))
    sh.table(slide, grid, frame, tuple(c for c in frame.columns if c != "Jenis jabatan"), size=12)
    lines = ["Nilai rata-rata / nilai maksimal jenis jabatan itu; – : indikator tidak berlaku bagi jenis jabatan itu."]
    sh.text(slide, note, [*lines, *([f.detail_note] if f.detail_note else [])], size=11, color=sh.GREY)


def ranking(prs, f: Facts) -> None:
    """Units by IP ASN: a chart of the best, then the whole table over as many slides as it takes."""
    ranked = f.ranking.dropna(subset=["ip_asn"])
    shown = ranked.head(RANKING_BARS)
    title = "Peringkat unit kerja"
    if len(ranked) > len(shown):
        title += f" ({fmt.integer(len(shown))} teratas dari {fmt.integer(len(ranked))})"
    slide = sh.titled_slide(prs, title)
    if shown.empty:  # no chart without a bar: the table below still lists every unit
        sh.text(slide, sh.Box.body(), ["Tidak ada unit kerja dengan PNS yang diukur."], size=16)
    elif f.references:  # the documents' comparison figures, as lines (charts.unit_ranking)
        sh.reference_lines(slide, sh.Box.body(), list(shown["unit_kerja"]), shown["ip_asn"],
                           [_category_color(c) for c in shown["kategori"]], "Rata-rata IP ASN per unit kerja",
                           [(f"{r.nama} {r.tahun}: {fmt.number(r.ip_asn)}", r.ip_asn, _rgb(color))  # plain text
                            for r, color in zip(f.references, REFERENCE_COLORS * len(f.references))], maximum=100)
    else:
        chart = sh.bar_chart(slide, sh.Box.body(), list(shown["unit_kerja"]), {"IP ASN": shown["ip_asn"]},
                             "Rata-rata IP ASN per unit kerja", lying=True, maximum=100)
        sh.point_colors(chart, [_category_color(c) for c in shown["kategori"]])
    frame = f.ranking_text
    numeric = tuple(frame.columns[2:-1])
    widths = (4, 30, 8, 7, 9, 6, 6, 6, 6, 6, 12)
    total = len(frame)
    for start in range(0, total, RANKING_ROWS):
        part = frame.iloc[start:start + RANKING_ROWS]
        slide = sh.titled_slide(prs, f"Peringkat unit kerja ({start + 1}–{start + len(part)} dari {total})")
        grid, note = sh.Box.body().below(Inches(5.1))
        sh.table(slide, grid, part, numeric, size=11, widths=widths)
        sh.text(slide, note, ["Kual. = kualifikasi, Komp. = kompetensi, Kin. = kinerja, Disp. = disiplin."],
                size=10, color=sh.GREY)


def categories(prs, f: Facts) -> None:
    """PNS per category: the table and a chart coloured by category."""
    slide = sh.titled_slide(prs, "Sebaran kategori")
    left, right = sh.Box.body().split(0.38)
    grid, _ = left.below(Inches(2.8))
    sh.table(slide, grid, f.category_text, ("PNS", "Persentase"), size=14)
    counts = f.categories
    chart = sh.bar_chart(slide, right, list(counts.index), {"Jumlah PNS": counts.to_numpy()},
                         "Sebaran kategori IP ASN", number_format=sh.INTEGER_FORMAT)
    sh.point_colors(chart, [_category_color(c) for c in counts.index])


def upaya(prs, f: Facts) -> None:
    """UPAYA HARUS DILAKUKAN: which items raise IP ASN most if met, and the best reachable score."""
    slide = sh.titled_slide(prs, "Upaya yang harus dilakukan")
    body = sh.Box.body()
    gains = f.gains
    if gains is None:
        sh.text(slide, body, [f.detail_note or "Tidak ada PNS yang diukur."], size=16)
        return
    best = categorize(pd.Series([gains.best]), f.report.rules).iloc[0]
    head, rest = body.below(Inches(0.9))
    sh.text(slide, head, [f"Jika seluruh butir dipenuhi, IP ASN naik dari {fmt.number(gains.current)} menjadi "
                          f"paling tinggi {fmt.number(gains.best)} ({best}). Butir data (SKP, pendidikan, hukuman "
                          "disiplin) dihitung dengan nilai maksimalnya."], size=15)
    if gains.text.empty:
        sh.text(slide, rest, ["Tidak ada butir yang perlu dipenuhi."], size=16)
        return
    left, right = rest.split(0.45)
    grid, note = left.below(Inches(4.2))
    sh.table(slide, grid, gains.text, ("PNS yang belum", "Kenaikan rata-rata IP"), size=12)
    if f.detail_note:
        sh.text(slide, note, [f.detail_note], size=10, color=sh.GREY)
    sh.bar_chart(slide, right, list(gains.text["Butir"]),
                 {"Kenaikan rata-rata IP": gains.table["kenaikan_rata_rata"].to_numpy()},
                 "Kenaikan rata-rata IP ASN bila butir dipenuhi", lying=True)


def plan(prs, f: Facts) -> None:
    """Rencana mencapai target: the plan's sentence and its steps, each IP re-scored."""
    slide = sh.titled_slide(prs, "Rencana mencapai target")
    body = sh.Box.body()
    if f.plan is None:
        sh.text(slide, body, [f.detail_note or "Tidak ada PNS yang diukur."], size=16)
        return
    lines = -(-len(f.plan.sentence) // PLAN_LINE_CHARS)  # a long plan is a long sentence: room for all of it
    head, rest = body.below(Inches(0.3 * lines + 0.1))
    sh.text(slide, head, [f.plan.sentence], size=14)
    if not f.plan.steps.empty:
        grid, note = rest.below(Inches(0.45 * (len(f.plan.steps) + 1)))
        sh.table(slide, grid, f.plan.steps, STEP_NUMBERS, size=12,
                 widths=(0.08, 0.24, 0.16, 0.09, 0.1, 0.1, 0.11, 0.12))
        sh.text(slide, note, ["IP ASN sesudah setiap langkah dihitung ulang dari nilai per pegawai. Daftar pegawai "
                              "per langkah ada di laporan unit dan di buku kerja rencana (data pribadi)."],
                size=10, color=sh.GREY)


def closing(prs, f: Facts) -> None:
    """The signature block of `penandatangan` (place and date in Indonesian), else a plain close."""
    signatory = f.settings.dokumen.penandatangan
    slide = sh.titled_slide(prs, "Penutup")
    body = sh.Box.body()
    if signatory is None:
        sh.text(slide, body, ["Terima kasih."], size=28, align=PP_ALIGN.CENTER)
        return
    lines = [*([place_and_date(signatory)] if signatory.kota or signatory.tanggal else []), signatory.jabatan, "",
             "", signatory.nama, *([f"NIP {signatory.nip}"] if signatory.nip else [])]
    _, block = body.split(0.55)
    sh.text(slide, block, lines, size=18, bold=(len(lines) - (2 if signatory.nip else 1),), align=PP_ALIGN.CENTER)


INSTANSI: tuple[Slide, ...] = (cover, findings, summary, dimensions, analysis, competence, ranking, categories, upaya,
                               plan, closing)
UNIT: tuple[Slide, ...] = (cover, findings, summary, dimensions, analysis, competence, categories, upaya, plan, closing)
