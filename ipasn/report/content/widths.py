"""Column widths for fixed-layout tables that never split a word inside a header or a cell.

A fixed layout (fast to print, see report.css) takes the widths it is given; a column narrower than
its widest word makes the browser break that word ("Poten si IP"). The widths asked for are raised so
that every column holds its widest word, measured with the report's font (DejaVu Sans, the copy
matplotlib ships), and the columns with room to spare give it up. Long file and column names may
break after "_" or before their extension (`break_points`), never elsewhere.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

TEXT_WIDTH_MM = 180.0  # A4 (210 mm) less the 13 mm margins, less a little for rounding
CELL_EXTRA_MM = 3.4  # 2 x 1.5 mm padding and the borders
MAX_SHARE = 0.45  # no single word takes more than this share of the table: it breaks instead
PT_MM = 25.4 / 72
TABLE_FONT_PT = 8.5
SMALL_FONT_PT = {"rinci": 7.5, "peringkat": 7.5}  # report.css: table.rinci, table.peringkat
LONG_WORD = 16  # characters: shorter words are never given break points
WIDEST_GLYPH_EM = 1.5  # wider than any letter, digit or sign of DejaVu Sans (Bold): at most 1.1 em
_BREAK = re.compile(r"(?<=_)(?=.)|(?<=[^.\s])(?=\.[A-Za-z0-9]+$)")


def break_points(word: str) -> list[str]:
    """The pieces a long word may wrap between: after "_" and before a file extension."""
    return _BREAK.split(word) if len(word) >= LONG_WORD else [word]


_LONG_WORD = re.compile(r"\S{%d,}" % LONG_WORD)


def with_break_points(text: str) -> str:
    """Escaped HTML of the text, with <wbr> at the break points of its long words."""
    escaped = html.escape(text, quote=True)  # adds no "_" or ".": the break points stay put
    if len(escaped) < LONG_WORD:
        return escaped
    return _LONG_WORD.sub(lambda m: "<wbr>".join(break_points(m.group(0))), escaped)


def font_pt(css: str) -> float:
    """The font size report.css gives a table of these classes."""
    return min([SMALL_FONT_PT[c] for c in css.split() if c in SMALL_FONT_PT], default=TABLE_FONT_PT)


@lru_cache(maxsize=2)
def _font(bold: bool):
    from matplotlib import font_manager, ft2font

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans",
                                                             weight="bold" if bold else "normal"),
                                 fallback_to_default=False)
    font = ft2font.FT2Font(path)
    font.set_size(64, 72)  # advances in 1/64 of a 64 pt em
    return font, {}


def word_width_mm(word: str, size_pt: float, bold: bool = False) -> float:
    """Advance width of the word (sum of glyph advances, no kerning: never less than the browser's)."""
    from matplotlib import ft2font

    font, cache = _font(bold)
    total = 0.0
    for char in word:
        if char not in cache:
            cache[char] = font.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING).horiAdvance / 4096
        total += cache[char]
    return total * size_pt * PT_MM


def widest_piece_mm(values: Iterable[str], size_pt: float, bold: bool = False) -> float:
    """The widest unbreakable piece of the values' words. Measured longest first, and only while a
    piece that long could still be wider than the widest so far (a long column costs milliseconds)."""
    words = {w for value in values for w in str(value).split()}
    pieces = sorted({p for w in words for p in break_points(w)}, key=len, reverse=True)
    widest = 0.0
    for piece in pieces:
        if len(piece) * WIDEST_GLYPH_EM * size_pt * PT_MM <= widest:
            break
        widest = max(widest, word_width_mm(piece, size_pt, bold))
    return widest


def fitted_widths(frame: pd.DataFrame, wanted: tuple[float, ...], size_pt: float) -> tuple[float, ...]:
    """Percent widths near `wanted` in which every header (bold) and cell word fits its column."""
    need = []
    for column in frame.columns:
        widest = max(widest_piece_mm([column], size_pt, bold=True),
                     widest_piece_mm(frame[column].astype(str).unique(), size_pt))
        need.append(min((widest + CELL_EXTRA_MM) / TEXT_WIDTH_MM * 100, MAX_SHARE * 100))
    total = sum(wanted)
    wanted = [w * 100 / total for w in wanted]
    short = sum(max(n - w, 0.0) for w, n in zip(wanted, need))
    spare = sum(max(w - n, 0.0) for w, n in zip(wanted, need))
    if short == 0 or spare < short:  # (the latter: no room anywhere; the widest words will break)
        widths = [max(w, n) for w, n in zip(wanted, need)]
        return tuple(round(w * 100 / sum(widths), 1) for w in widths)
    give = short / spare  # each column gives the same share of its room to spare
    return tuple(round(n if n >= w else w - (w - n) * give, 1) for w, n in zip(wanted, need))
