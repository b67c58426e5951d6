"""How a report kernel shows what an analyst adds: matplotlib figures and pandas tables.

In a Jupyter kernel (JupyterLab, papermill, `ipasn run`, nbval), `configure` makes

- matplotlib figures appear inline the usual ways (`plt.show()`, a figure as a cell's last value,
  `display(fig)`), once each, drawn as SVG with the report charts' style: text stays text in DejaVu Sans, fixed
  element ids (`svg.hashsalt`) and no date in the file, so a rerun gives the same bytes;
- every DataFrame or Series a cell displays render as the report's tables, with Indonesian numbers
  (frames.py); pandas' own HTML would show 1234.5 and its styling would be lost in the PDF.

It is IPython's own machinery, configured: `%matplotlib inline` and
`%config InlineBackend.figure_formats = {"svg"}` with `InlineBackend.print_figure_kwargs`, and a
`text/html` formatter for DataFrame. A notebook that chose another backend (`%matplotlib widget`)
before importing ipasn keeps it. Outside a kernel (a script, the batch's parent process) nothing
changes.
"""

from __future__ import annotations

INLINE = "module://matplotlib_inline.backend_inline"
FIGURE_OPTIONS = {"bbox_inches": "tight", "metadata": {"Date": None}}  # passed to savefig


def preload() -> None:
    """Import what `configure` needs (the kernel zygote calls this once, before forking kernels)."""
    import matplotlib.pyplot  # noqa: F401 - backend stays unresolved until a kernel chooses it
    import matplotlib_inline.backend_inline  # noqa: F401 - no shell yet: its import changes nothing
    from IPython.core import pylabtools  # noqa: F401


def _kernel_shell(shell=None):
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is a dependency
            return None
        shell = get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None


def configure(shell=None) -> bool:
    """Set up the running Jupyter kernel (or `shell`) for figures and tables; False outside a kernel.

    Called when `ipasn.report.notebook` is imported, and by the kernel zygote in every forked kernel.
    Safe to call again.
    """
    shell = _kernel_shell(shell)
    if shell is None:
        return False
    if not getattr(shell, "_ipasn_inline", False):
        _figures(shell)
        _tables(shell)
        shell._ipasn_inline = True
    return True


def _figures(shell) -> None:
    import matplotlib

    from ipasn.report.content.charts import STYLE

    chosen = matplotlib.get_backend(auto_select=False)  # None while unresolved (matplotlib >= 3.10)
    if chosen is not None and chosen.lower() not in (INLINE, "inline", "agg"):
        return  # the notebook asked for another backend itself
    shell.enable_matplotlib("inline")  # = %matplotlib inline: post-execute display of figures
    from matplotlib_inline.config import InlineBackend

    settings = InlineBackend.instance(parent=shell)
    settings.print_figure_kwargs = dict(FIGURE_OPTIONS)
    settings.figure_formats = {"svg"}
    matplotlib.rcParams.update(STYLE)
    _once(shell)


def _once(shell) -> None:
    """A pyplot figure shown by `display(fig)` or as a cell's value is closed once drawn.

    Otherwise the inline backend shows it a second time at the end of the cell (it shows every open
    figure then): twice in the report. The Figure object stays usable; `display(fig)` again works.
    """
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/svg+xml"]
    draw = formatter.lookup_by_type(Figure)

    def draw_once(figure):
        data = draw(figure)
        if figure.canvas.manager is not None:
            import matplotlib.pyplot as plt

            plt.close(figure)
        return data

    formatter.for_type(Figure, draw_once)


def _tables(shell) -> None:
    import pandas as pd

    from ipasn.report.content.frames import frame_html

    html = shell.display_formatter.formatters["text/html"]
    html.for_type(pd.DataFrame, frame_html)
    html.for_type(pd.Series, frame_html)
