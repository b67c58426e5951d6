"""Charts as deterministic SVG: no timestamps, fixed ids, the same bytes on every run.

The charts are drawn on matplotlib `Figure` objects, never through pyplot: they choose no backend and
leave pyplot's figures alone, so an analyst's own `plt` charts in the same notebook behave as in any
notebook (see inline.py for how a report kernel shows those).
"""

from __future__ import annotations

import io
import textwrap

import pandas as pd
from IPython.display import SVG
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

from ipasn import fmt
from ipasn.report.content.analysis import DIMENSION_LABELS
from ipasn.report.content.data import ReportData
from ipasn.report.content.dokumen import Dokumen, Pembanding
from ipasn.report.content.widths import word_width_mm
from ipasn.ruleset import DIMENSIONS
from ipasn.scoring.summary import summarise

COLORS = {"Sangat Tinggi": "#1a7f37", "Tinggi": "#4caf50", "Sedang": "#f2b705", "Rendah": "#f57c00",
          "Sangat Rendah": "#c62828"}
BAR = "#2b6cb0"
MAX = "#cbd5e0"
STYLE = {
    "svg.hashsalt": "ipasn",  # fixed element ids
    "svg.fonttype": "none",  # text stays text: small SVG, fast to draw into the PDF
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# ipasn's charts give their title this height (the top of the axes): where matplotlib's automatic
# placement puts it anyway, as none has tick labels on top, but without measuring every tick label
# again (a fifth of a chart's drawing time). Not in STYLE: STYLE also applies to analysts' own charts
# (inline.py), which may have labels on top.
TITLE_Y = 1.0
LABEL_WIDTH = 40  # characters on one line of a category label
WIDTH, RIGHT = 6.5, 0.97  # inches; the axes end at this share of the width
SVG_METADATA = {"Date": None}  # no timestamp in the file
LEGEND_ROW = 0.25  # inches below a chart for the legend of its comparison figures
REFERENCE_COLORS = ("#6b46c1", "#00838f", "#5d4037", "#ad1457")  # comparison figures (pembanding), in turn
_AXIS = FuncFormatter(lambda v, _: fmt.number(v, 6, trim=True))
_DECIMAL = FuncFormatter(lambda v, _: fmt.number(v, 0) if float(v).is_integer() else fmt.number(v, 1))


def _label(text: object, width: int = LABEL_WIDTH) -> str:
    """Data text shown literally (a "$" would otherwise start matplotlib's math mode), whole: a long
    name wraps between words onto more lines rather than being cut."""
    text = str(text).replace("$", r"\$")
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def _text_inches(text: str, size_pt: float) -> float:
    """Width of the widest line of a label, from the font's advances (no drawing: cheap)."""
    return max(word_width_mm(line, size_pt) for line in text.split("\n")) / 25.4


def label_problems(fig) -> list[str]:
    """Tick labels, titles and annotations that stick out of the figure, and tick labels that overlap
    their neighbours: empty for a chart fit to print."""
    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)  # a bare Figure
    canvas.draw()
    renderer = canvas.get_renderer()
    bounds = fig.bbox.expanded(1.0, 1.0)
    problems = []
    for ax in fig.axes:
        ticks = [_shown_tick_labels(ax.xaxis, 0), _shown_tick_labels(ax.yaxis, 1)]
        for text in [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts, *ticks[0], *ticks[1]]:
            if text.get_visible() and text.get_text():
                box = text.get_window_extent(renderer)
                if box.x0 < bounds.x0 - 0.5 or box.y0 < bounds.y0 - 0.5 or box.x1 > bounds.x1 + 0.5 \
                        or box.y1 > bounds.y1 + 0.5:
                    problems.append(f"terpotong: {text.get_text()!r}")
        for labels in ticks:
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels if t.get_visible() and t.get_text()]
            problems += [f"bertumpuk: {a!r} dan {b!r}" for (a, box_a), (b, box_b) in zip(boxes, boxes[1:])
                         if box_a.overlaps(box_b)]
    return problems


def _shown_tick_labels(axis, coordinate: int) -> list:
    """The tick labels drawn: those whose tick lies within the axis' view (the locator may place
    more)."""
    low, high = sorted(axis.get_view_interval())
    return [t for t in axis.get_ticklabels() if low - 1e-9 <= t.get_position()[coordinate] <= high + 1e-9]


def to_svg(figure) -> SVG:
    """The figure as an SVG image; metadata without a date keeps the bytes stable.

    A pyplot figure is closed afterwards, so the inline backend does not show it a second time."""
    buffer = io.StringIO()
    with rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    if figure.canvas.manager is not None:  # made by pyplot: registered there
        import matplotlib.pyplot as plt

        plt.close(figure)
    return SVG(data=buffer.getvalue())


def decimal_comma(ax) -> None:
    """Write the numbers on both axes of a chart the Indonesian way (0,25; 1.250), as the report's
    charts do; matplotlib itself writes 0.25 and 1250.

    Example::

        fig, ax = plt.subplots()
        ax.bar(["A", "B"], [61.2, 58.75])
        nb.decimal_comma(ax)
        plt.show()
    """
    for axis in (ax.xaxis, ax.yaxis):
        if isinstance(axis.get_major_formatter(), ScalarFormatter):  # numbers; category labels stay
            axis.set_major_formatter(_AXIS)


def _figure(width: float = WIDTH, height: float = 2.8, left: float = 0.1, right: float = RIGHT):
    with rc_context(STYLE):
        fig = Figure(figsize=(width, height))
        ax = fig.subplots()
        fig.subplots_adjust(left=left, right=right, top=1 - 0.32 / height, bottom=0.45 / height)
        return fig, ax


def _bar_labels(ax, bars, values) -> None:
    for bar, value in zip(bars, values):
        if pd.notna(value):
            ax.annotate(fmt.number(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")


def category_distribution(report: ReportData) -> SVG:
    """Bar chart of PNS per category: ``nb.category_distribution(report)``."""
    return to_svg(category_figure(report))


def category_figure(report: ReportData):
    names = [band.nama for band in report.rules.kategori][::-1]
    counts = report.scores["kategori"].value_counts().reindex(names, fill_value=0)
    with rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        bars = ax.bar(names, counts.to_numpy(), color=[COLORS.get(n, BAR) for n in names])
        for bar, value in zip(bars, counts.to_numpy()):
            ax.annotate(fmt.integer(int(value)), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
        ax.set_ylabel("Jumlah PNS")
        ax.set_title("Sebaran kategori IP ASN", y=TITLE_Y)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.integer(int(v))))
    return fig


def dimensions_against_maximum(report: ReportData) -> SVG:
    """Each dimension's mean against its maximum weight: ``nb.dimensions_against_maximum(report)``."""
    return to_svg(dimensions_figure(report))


def dimensions_figure(report: ReportData):
    labels = [DIMENSION_LABELS[d] for d in DIMENSIONS]
    maxima = [report.rules.dimensi_maks[d] for d in DIMENSIONS]
    values = [report.scores[d].mean() if len(report.scores) else float("nan") for d in DIMENSIONS]
    with rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        ax.bar(labels, maxima, color=MAX, label="Bobot maksimal")
        bars = ax.bar(labels, values, color=BAR, width=0.5, label="Nilai saat ini")
        _bar_labels(ax, bars, values)
        ax.set_title("Nilai dimensi terhadap bobot maksimal", y=TITLE_Y)
        ax.legend(frameon=False, fontsize=8)
        ax.yaxis.set_major_formatter(_DECIMAL)
    return fig


def breakdown(report: ReportData, by: str, title: str) -> SVG:
    """Bar chart of mean IP ASN per group: ``nb.breakdown(report, "jenis_kelamin", "IP ASN per jenis kelamin")``."""
    return to_svg(breakdown_figure(report, by, title))


def breakdown_figure(report: ReportData, by: str, title: str):
    """Mean IP ASN per group: upright bars while the group names fit side by side, else lying bars."""
    summary = summarise(report, by=by).reset_index()
    summary = summary[summary["diukur"] > 0]
    labels, values = [_label(v, 18) for v in summary[by]], summary["ip_asn"].to_numpy()
    slot = WIDTH * (RIGHT - 0.1) / max(len(labels), 1)
    if any(_text_inches(label, 8) > slot - 0.06 for label in labels):
        return _lying_bars(labels[::-1], values[::-1], ["" for _ in labels], title, "Rata-rata IP ASN")
    with rc_context(STYLE):
        fig, ax = _figure(WIDTH, 2.6)
        bars = ax.bar(labels, values, color=BAR)
        _bar_labels(ax, bars, values)
        ax.set_ylim(0, 100)
        ax.set_ylabel("Rata-rata IP ASN")
        ax.set_title(title, y=TITLE_Y)
        ax.tick_params(axis="x", labelsize=8)
        ax.yaxis.set_major_formatter(_DECIMAL)
    return fig


def reference_label(figure: Pembanding) -> str:
    """How a comparison figure is named in a chart's legend: "Nasional 2022: 68,50"."""
    return _label(f"{figure.nama} {figure.tahun}: {fmt.number(figure.ip_asn)}", 60)


def _lying_bars(names: list[str], values, categories: list[str], title: str, xlabel: str,
                references: list[Pembanding] = ()):
    """Horizontal bars, one per name (last name on top), the value at the end of each bar."""
    lines = max((n.count("\n") + 1 for n in names), default=1)
    legend = LEGEND_ROW if references else 0.0  # below the axis label: never over a bar or its value
    height = max(2.0, (0.2 + 0.11 * (lines - 1)) * len(names) + 0.9) + legend
    # The left margin holds the widest name (and the tick); the right one a value written past 100.
    left = (max((_text_inches(n, 7) for n in names), default=0.0) + 0.15) / WIDTH
    with rc_context(STYLE):
        fig, ax = _figure(WIDTH, height, left=left, right=1 - 0.4 / WIDTH)
        fig.subplots_adjust(bottom=(0.45 + legend) / height)
        ax.barh(range(len(names)), values, color=[COLORS.get(c, BAR) for c in categories])
        ax.set_yticks(range(len(names)), names, fontsize=7)
        ax.set_ylim(-0.6, len(names) - 0.4)
        for i, value in enumerate(values):
            if pd.notna(value):
                ax.annotate(fmt.number(value), (value, i), xytext=(2, 0), textcoords="offset points",
                            va="center", fontsize=7)
        ax.set_xlim(0, 100)
        ax.set_xlabel(xlabel)
        ax.set_title(title, y=TITLE_Y)
        ax.xaxis.set_major_formatter(_DECIMAL)
        for figure, color in zip(references, REFERENCE_COLORS * len(references)):
            ax.axvline(figure.ip_asn, color=color, linestyle=":", linewidth=1.2, label=reference_label(figure))
        if references:
            fig.legend(frameon=False, fontsize=7, loc="lower center", ncols=min(len(references), 3))
    return fig


def unit_ranking(report: ReportData, limit: int = 60, dokumen: Dokumen | dict | None = None) -> SVG:
    """Units by mean IP ASN as horizontal bars, at most `limit` (the highest), with a labelled line
    for each comparison figure of the year (`dokumen`'s pembanding): ``nb.unit_ranking(report,
    dokumen=dokumen)``."""
    return to_svg(unit_ranking_figure(report, limit, dokumen))


def unit_ranking_figure(report: ReportData, limit: int = 60, dokumen: Dokumen | dict | None = None):
    """The `limit` best units, best on top, coloured by category; names whole (wrapped, never cut)."""
    summary = summarise(report, by="unit_kerja").reset_index().dropna(subset=["ip_asn"])
    title = "Peringkat unit kerja"
    if len(summary) > limit:  # said in the title: the table lists them all
        title += f" ({fmt.integer(limit)} teratas dari {fmt.integer(len(summary))})"
    summary = summary.sort_values(["ip_asn", "unit_kerja"], ascending=[True, False]).tail(limit)
    return _lying_bars([_label(n) for n in summary["unit_kerja"]], summary["ip_asn"].to_numpy(),
                       list(summary["kategori"]), title, "Rata-rata IP ASN",
                       Dokumen.of(dokumen).pembanding_of(report.period.tahun))


def warm_up() -> None:
    """Load fonts and renderers once (the kernel zygote calls this before forking)."""
    with rc_context(STYLE):
        fig, ax = _figure(1, 1)
        ax.bar(["a"], [1])
        ax.set_title("Ringkasan", y=TITLE_Y)
    to_svg(fig)
