"""Charts as deterministic SVG: no timestamps, fixed ids, the same bytes on every run."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # before pyplot: batch kernels have no display

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from IPython.display import SVG  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from ipasn import fmt  # noqa: E402
from ipasn.report.content.analysis import DIMENSION_LABELS  # noqa: E402
from ipasn.report.content.data import ReportData  # noqa: E402
from ipasn.ruleset import DIMENSIONS  # noqa: E402
from ipasn.scoring.summary import summarise  # noqa: E402

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
_DECIMAL = FuncFormatter(lambda v, _: fmt.number(v, 0) if float(v).is_integer() else fmt.number(v, 1))


def _label(text: object) -> str:
    """Data text shown literally: a "$" would otherwise start matplotlib's math mode."""
    text = str(text).replace("$", r"\$")
    return text if len(text) <= 45 else text[:44] + "…"


def to_svg(figure) -> SVG:
    """Render and close the figure; metadata without a date keeps the bytes stable."""
    buffer = io.StringIO()
    with plt.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return SVG(data=buffer.getvalue())


def _figure(width: float = 6.5, height: float = 2.8, left: float = 0.1):
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height))
        fig.subplots_adjust(left=left, right=0.97, top=1 - 0.32 / height, bottom=0.45 / height)
        return fig, ax


def _bar_labels(ax, bars, values) -> None:
    for bar, value in zip(bars, values):
        if pd.notna(value):
            ax.annotate(fmt.number(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")


def category_distribution(report: ReportData) -> SVG:
    names = [band.nama for band in report.rules.kategori][::-1]
    counts = report.scores["kategori"].value_counts().reindex(names, fill_value=0)
    with plt.rc_context(STYLE):
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
    labels = [DIMENSION_LABELS[d] for d in DIMENSIONS]
    maxima = [report.rules.dimensi_maks[d] for d in DIMENSIONS]
    values = [report.scores[d].mean() if len(report.scores) else float("nan") for d in DIMENSIONS]
    with plt.rc_context(STYLE):
        fig, ax = _figure(6.5, 2.6)
        ax.bar(labels, maxima, color=MAX, label="Bobot maksimal")
        bars = ax.bar(labels, values, color=BAR, width=0.5, label="Nilai saat ini")
        _bar_labels(ax, bars, values)
        ax.set_title("Nilai dimensi terhadap bobot maksimal")
        ax.legend(frameon=False, fontsize=8)
        ax.yaxis.set_major_formatter(_DECIMAL)
    return to_svg(fig)


def breakdown(report: ReportData, by: str, title: str) -> SVG:
    summary = summarise(report, by=by).reset_index()
    summary = summary[summary["diukur"] > 0]
    with plt.rc_context(STYLE):
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
    summary = summarise(report, by="unit_kerja").reset_index().dropna(subset=["ip_asn"])
    summary = summary.sort_values(["ip_asn", "unit_kerja"], ascending=[True, False]).tail(limit)
    height = max(2.0, 0.22 * len(summary) + 0.8)
    with plt.rc_context(STYLE):
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
    with plt.rc_context(STYLE):
        fig, ax = _figure(1, 1)
        ax.bar(["a"], [1])
        ax.set_title("Ringkasan")
    to_svg(fig)
