"""Charts as deterministic SVG: no timestamps, fixed ids, the same bytes on every run.

The charts are drawn on matplotlib `Figure` objects, never through pyplot: they choose no backend and
leave pyplot's figures alone, so an analyst's own `plt` charts in the same notebook behave as in any
notebook (see inline.py for how a report kernel shows those).
"""

from __future__ import annotations

import io

import pandas as pd
from IPython.display import SVG
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

from ipasn import fmt
from ipasn.report.content.analysis import DIMENSION_LABELS
from ipasn.report.content.data import ReportData
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
SVG_METADATA = {"Date": None}  # no timestamp in the file
_AXIS = FuncFormatter(lambda v, _: fmt.number(v, 6, trim=True))
_DECIMAL = FuncFormatter(lambda v, _: fmt.number(v, 0) if float(v).is_integer() else fmt.number(v, 1))


def _label(text: object) -> str:
    """Data text shown literally: a "$" would otherwise start matplotlib's math mode."""
    text = str(text).replace("$", r"\$")
    return text if len(text) <= 45 else text[:44] + "…"


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


def _figure(width: float = 6.5, height: float = 2.8, left: float = 0.1):
    with rc_context(STYLE):
        fig = Figure(figsize=(width, height))
        ax = fig.subplots()
        fig.subplots_adjust(left=left, right=0.97, top=1 - 0.32 / height, bottom=0.45 / height)
        return fig, ax


def _bar_labels(ax, bars, values) -> None:
    for bar, value in zip(bars, values):
        if pd.notna(value):
            ax.annotate(fmt.number(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")


def category_distribution(report: ReportData) -> SVG:
    """Bar chart of PNS per category: ``nb.category_distribution(report)``."""
    names = [band.nama for band in report.rules.kategori][::-1]
    counts = report.scores["kategori"].value_counts().reindex(names, fill_value=0)
    with rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        bars = ax.bar(names, counts.to_numpy(), color=[COLORS.get(n, BAR) for n in names])
        for bar, value in zip(bars, counts.to_numpy()):
            ax.annotate(fmt.integer(int(value)), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
        ax.set_ylabel("Jumlah PNS")
        ax.set_title("Sebaran kategori IP ASN")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.integer(int(v))))
    return to_svg(fig)


def dimensions_against_maximum(report: ReportData) -> SVG:
    """Each dimension's mean against its maximum weight: ``nb.dimensions_against_maximum(report)``."""
    labels = [DIMENSION_LABELS[d] for d in DIMENSIONS]
    maxima = [report.rules.dimensi_maks[d] for d in DIMENSIONS]
    values = [report.scores[d].mean() if len(report.scores) else float("nan") for d in DIMENSIONS]
    with rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        ax.bar(labels, maxima, color=MAX, label="Bobot maksimal")
        bars = ax.bar(labels, values, color=BAR, width=0.5, label="Nilai saat ini")
        _bar_labels(ax, bars, values)
        ax.set_title("Nilai dimensi terhadap bobot maksimal")
        ax.legend(frameon=False, fontsize=8)
        ax.yaxis.set_major_formatter(_DECIMAL)
    return to_svg(fig)


def breakdown(report: ReportData, by: str, title: str) -> SVG:
    """Bar chart of mean IP ASN per group: ``nb.breakdown(report, "jenis_kelamin", "IP ASN per jenis kelamin")``."""
    summary = summarise(report, by=by).reset_index()
    summary = summary[summary["diukur"] > 0]
    with rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        bars = ax.bar([_label(v) for v in summary[by]], summary["ip_asn"], color=BAR)
        _bar_labels(ax, bars, summary["ip_asn"].to_numpy())
        ax.set_ylim(0, 100)
        ax.set_ylabel("Rata-rata IP ASN")
        ax.set_title(title)
        ax.tick_params(axis="x", labelsize=8)
        ax.yaxis.set_major_formatter(_DECIMAL)
    return to_svg(fig)


def unit_ranking(report: ReportData, limit: int = 60) -> SVG:
    """Units by mean IP ASN as horizontal bars, at most `limit` (the highest): ``nb.unit_ranking(report)``."""
    summary = summarise(report, by="unit_kerja").reset_index().dropna(subset=["ip_asn"])
    summary = summary.sort_values(["ip_asn", "unit_kerja"], ascending=[True, False]).tail(limit)
    height = max(2.0, 0.22 * len(summary) + 0.8)
    with rc_context(STYLE):
        fig, ax = _figure(6.5, height, left=0.42)
        names = [_label(n) for n in summary["unit_kerja"]]
        colors = [COLORS.get(c, BAR) for c in summary["kategori"]]
        ax.barh(range(len(names)), summary["ip_asn"], color=colors)
        ax.set_yticks(range(len(names)), names, fontsize=7)
        for i, value in enumerate(summary["ip_asn"]):
            ax.annotate(fmt.number(value), (value, i), xytext=(2, 0), textcoords="offset points",
                        va="center", fontsize=7)
        ax.set_xlim(0, 100)
        ax.set_xlabel("Rata-rata IP ASN")
        ax.set_title("Peringkat unit kerja")
        ax.xaxis.set_major_formatter(_DECIMAL)
    return to_svg(fig)


def warm_up() -> None:
    """Load fonts and renderers once (the kernel zygote calls this before forking)."""
    with rc_context(STYLE):
        fig, ax = _figure(1, 1)
        ax.bar(["a"], [1])
        ax.set_title("Ringkasan")
    to_svg(fig)
