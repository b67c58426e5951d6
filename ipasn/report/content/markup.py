"""The HTML the report notebooks show: escaped text, report tables, and parts joined into one output.

Names in the data stay text (escaped, never markup); long tables get measured column widths and
break points in long words (widths.py).
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from ipasn.report.content.widths import fitted_widths, font_pt, with_break_points


def esc(value: object) -> str:
    return html.escape(esc_text(value), quote=True)


def esc_text(value: object) -> str:
    return "" if value is None else str(value)


def table(frame: pd.DataFrame, css: str = "tabel", numeric: tuple[str, ...] = (),
          widths: tuple[int, ...] = ()) -> str:
    """A plain, escaped HTML table of already-formatted text; `numeric` columns align right.

    `widths` (percent per column) are for long tables laid out with `table-layout: fixed`: widened
    where a word would not fit (`fitted_widths`). Long file names may wrap after "_" (`<wbr>`).
    """
    if widths:
        widths = fitted_widths(frame, widths, font_pt(css))
    cols = "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths) + "</colgroup>" if widths else ""
    head = "".join(f'<th class="{"angka" if c in numeric else ""}">{esc(c)}</th>' for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False, name=None):
        cells = "".join(f'<td class="{"angka" if c in numeric else ""}">{with_break_points(esc_text(v))}</td>'
                        for c, v in zip(frame.columns, row))
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="{css}">{cols}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def show(*parts: str) -> HTML:
    """One output of the parts given, in order; an empty part (a note with nothing to say) is left out."""
    return HTML("\n".join(p for p in parts if p))
