"""The pieces a slide is made of, all native and editable: titles, text, tables and charts.

Tables hold the reports' own text (decimal comma, Indonesian labels). Charts hold the numbers
themselves (editable in PowerPoint's data sheet) with the number format `NUMBER_FORMAT`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
TOP = Inches(1.3)  # below the title
BOTTOM = HEIGHT - Inches(0.45)  # above the footer
TITLE_ONLY = 5  # the default template's "Title Only" layout: titles show in PowerPoint's outline
BLANK = 6
# Excel's number code: PowerPoint shows it with the separators of the viewer's locale (on an
# Indonesian system 61,20); [$-421] marks the number as Indonesian, which LibreOffice honours.
NUMBER_FORMAT = "[$-421]#,##0.00"
INTEGER_FORMAT = "[$-421]#,##0"
INDONESIAN = MSO_LANGUAGE_ID.INDONESIAN  # the proofing language of every text an editor types into
BLUE = RGBColor(0x2B, 0x6C, 0xB0)
GREY = RGBColor(0x71, 0x80, 0x96)


class Box:
    """A rectangle on the slide (EMU)."""

    def __init__(self, left: int, top: int, width: int, height: int):
        self.left, self.top, self.width, self.height = int(left), int(top), int(width), int(height)

    @classmethod
    def body(cls) -> Box:
        """The slide below its title."""
        return cls(MARGIN, TOP, WIDTH - 2 * MARGIN, BOTTOM - TOP)

    def split(self, share: float, gap: int = Inches(0.3)) -> tuple[Box, Box]:
        """Left and right parts: the left takes `share` of the width."""
        left = int((self.width - gap) * share)
        return (Box(self.left, self.top, left, self.height),
                Box(self.left + left + gap, self.top, self.width - left - gap, self.height))

    def below(self, height: int, gap: int = Inches(0.15)) -> tuple[Box, Box]:
        """A band of `height` on top, and the rest."""
        return (Box(self.left, self.top, self.width, height),
                Box(self.left, self.top + height + gap, self.width, self.height - height - gap))

    @property
    def args(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.width, self.height


def titled_slide(prs, title: str):
    """A new slide with its title in the title placeholder, across the top."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.85)
    shape.text = title
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    paragraph.runs[0].font.size = Pt(28)
    paragraph.runs[0].font.bold = True
    paragraph.runs[0].font.language_id = INDONESIAN
    paragraph.runs[0].font.color.rgb = BLUE
    return slide


def blank_slide(prs):
    return prs.slides.add_slide(prs.slide_layouts[BLANK])


def text(slide, box: Box, lines: Sequence[str], size: int = 16, bold: Sequence[int] = (),
         align=PP_ALIGN.LEFT, color: RGBColor | None = None, space_after: int = 0):
    """A text box, one paragraph per line (`space_after` points between them); lines whose index is
    in `bold` in bold."""
    shape = slide.shapes.add_textbox(*box.args)
    frame = shape.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if space_after:
            paragraph.space_after = Pt(space_after)
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = i in bold
        run.font.language_id = INDONESIAN
        if color is not None:
            run.font.color.rgb = color
    return shape


def footer(slide, words: str) -> None:
    """Small provenance line at the bottom of a slide."""
    text(slide, Box(MARGIN, BOTTOM + Inches(0.05), WIDTH - 2 * MARGIN, Inches(0.35)), [words], size=9,
         color=GREY)


def table(slide, box: Box, frame: pd.DataFrame, numeric: Sequence[str] = (), size: int = 12,
          widths: Sequence[float] = ()):
    """The frame's text as a native table; `numeric` columns right-aligned; `widths` are shares of
    the box (else by the longest text of each column)."""
    rows, cols = len(frame) + 1, len(frame.columns)
    row_height = Emu(int(Pt(size) * 2.0))
    shape = slide.shapes.add_table(rows, cols, box.left, box.top, box.width, row_height * rows)
    grid = shape.table
    if not widths:
        # A header may wrap between its words, never inside one; a cell's text up to 60 characters.
        longest = [max([max(len(w) for w in str(c).split() or [""]) * 1.2,
                        *(min(len(str(v)), 60) for v in frame[c])]) + 2 for c in frame.columns]
        widths = [w / sum(longest) for w in longest]
    used = 0
    for i, share in enumerate(widths):
        width = box.width - used if i == cols - 1 else int(box.width * share / sum(widths))
        grid.columns[i].width = Emu(width)
        used += width
    for j, column in enumerate(frame.columns):
        _cell(grid.cell(0, j), str(column), size, column in numeric, bold=True)
        for i, value in enumerate(frame[column], start=1):
            _cell(grid.cell(i, j), str(value), size, column in numeric)
    return shape


def _cell(cell, value: str, size: int, right: bool, bold: bool = False) -> None:
    cell.text = value
    cell.margin_left = cell.margin_right = Inches(0.06)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    paragraph = cell.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.language_id = INDONESIAN


def _values(values) -> list[float | None]:
    """Numbers for the chart sheet; a missing value is an empty cell (a gap), never NaN."""
    return [None if pd.isna(v) else float(v) for v in values]


def bar_chart(slide, box: Box, categories: Sequence[str], series: dict[str, Sequence[float]],
              title: str, *, lying: bool = False, number_format: str = NUMBER_FORMAT,
              colors: Sequence[RGBColor] = (), maximum: float | None = None, into=None):
    """A native clustered bar chart (columns, or lying bars) with its data sheet, value labels in
    `number_format`, a legend when it has more than one series. `into`: the shapes of a group
    (default: the slide's)."""
    data = CategoryChartData(number_format=number_format)
    data.categories = list(categories)
    for name, values in series.items():
        data.add_series(name, _values(values), number_format)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if lying else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart = (into if into is not None else slide.shapes).add_chart(kind, *box.args, data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = title
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(10)
    axis = chart.value_axis
    axis.tick_labels.number_format = number_format.replace("#,##0.00", "#,##0")
    axis.tick_labels.number_format_is_linked = False
    axis.tick_labels.font.size = Pt(10)  # the template's 18 pt dwarfs the bars' own labels
    axis.has_major_gridlines = False
    axis.minimum_scale = 0
    if maximum is not None:
        axis.maximum_scale = maximum
    chart.category_axis.tick_labels.font.size = Pt(10)
    if lying:
        chart.category_axis.reverse_order = True  # the first category on top, as in the table
    for i, color in enumerate(colors[:len(series)]):
        fill = plot.series[i].format.fill
        fill.solid()
        fill.fore_color.rgb = color
    return chart


def point_colors(chart, colors: Sequence[RGBColor]) -> None:
    """One colour per bar of the first series (e.g. by category)."""
    for i, color in enumerate(colors):
        fill = chart.plots[0].series[0].points[i].format.fill
        fill.solid()
        fill.fore_color.rgb = color


# Where the plot (the rectangle inside the axes) lies in a chart with reference lines, as shares of
# the chart's width and height: fixed, so a line can be placed at a value. The left part holds the
# category names, the top the title and the value axis (which lying bars in reverse order put on top).
PLOT_AREA = (0.30, 0.17, 0.66, 0.79)


def reference_lines(slide, box: Box, categories: Sequence[str], values: Sequence[float], colors: Sequence[RGBColor],
                    title: str, references: Sequence[tuple[str, float, RGBColor]], maximum: float) -> object:
    """Lying bars (as `bar_chart`, values 0 to `maximum`) with a dashed vertical line at each reference
    value and a legend below, all in one group: moved or resized together in PowerPoint. The plot
    area is laid out by hand (`PLOT_AREA`), so the lines stand at their values."""
    group = slide.shapes.add_group_shape()
    legend_height = Inches(0.3) * ((len(references) + 2) // 3)
    chart_box = Box(box.left, box.top, box.width, box.height - legend_height)
    chart = bar_chart(slide, chart_box, categories, {"IP ASN": values}, title, lying=True, maximum=maximum,
                      into=group.shapes)
    graphic = group.shapes[-1]._element  # python-pptx marks a chart "not to be grouped"; this one is
    for locks in graphic.iter(qn("a:graphicFrameLocks")):
        locks.attrib.pop("noGrp", None)
    point_colors(chart, colors)
    _plot_area_at(chart, PLOT_AREA)
    x, y, w, h = PLOT_AREA
    top, bottom = chart_box.top + int(chart_box.height * y), chart_box.top + int(chart_box.height * (y + h))
    for _, value, color in references:
        at = chart_box.left + int(chart_box.width * (x + w * min(max(value, 0.0), maximum) / maximum))
        line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, at, top, at, bottom)
        line._element.remove(line._element.find(qn("p:style")))  # the theme's shadow: only what is set below
        line.line.color.rgb = color
        line.line.width = Pt(1.5)
        line.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    legend = group.shapes.add_textbox(box.left, box.top + box.height - legend_height, box.width, legend_height)
    frame = legend.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    for i, (label, _, color) in enumerate(references):
        if i and i % 3 == 0:
            paragraph = frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = ("    " if i % 3 else "") + "- - -  " + label
        run.font.size, run.font.color.rgb = Pt(11), color
        run.font.language_id = INDONESIAN
    return chart


def _plot_area_at(chart, share: tuple[float, float, float, float]) -> None:
    """Fix the inner plot area (inside the axes) at `share` = (x, y, w, h) of the chart."""
    plot_area = chart._chartSpace.chart.plotArea  # python-pptx has no API for the manual layout
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = plot_area.makeelement(qn("c:layout"), {})
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = layout.makeelement(qn("c:manualLayout"), {})
    layout.append(manual)
    for tag, value in (("layoutTarget", "inner"), ("xMode", "edge"), ("yMode", "edge"),
                       *zip(("x", "y", "w", "h"), (repr(v) for v in share))):
        manual.append(manual.makeelement(qn(f"c:{tag}"), {"val": value}))
