"""The editable deck: slides in the provincial deck's order, native tables holding the reports' own
text (decimal comma), native charts holding the very numbers, and the same bytes on every build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from ipasn import fmt
from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.content import analysis as an
from ipasn.report.content.data import report_data
from ipasn.report.content.dokumen import Dokumen, Pembanding, Penandatangan, logo_data_uri
from ipasn.report.content.narrative import sentences
from ipasn.report.content.present import (category_counts, comparison_frame, competence_frame, ranked_units,
                                          target_frame)
from ipasn.report.content.present_plan import plan_sentence, steps_frame
from ipasn.report.content.target_plan import goal_of, plan_to_target
from ipasn.report.content.targets import Targets
from ipasn.report.deck import DeckSettings, deck_bytes
from ipasn.report.deck.shapes import NUMBER_FORMAT
from ipasn.ruleset import DIMENSIONS

TARGETS = Targets.of({"ip_asn": 75, "kinerja": 25})
SIGNATORY = Penandatangan(jabatan="Kepala Badan Kepegawaian Daerah", nama="Dra. Siti Aminah, M.Si.",
                          nip="196801011990032001", kota="Banjarmasin", tanggal=dt.date(2024, 1, 3))
DOKUMEN = Dokumen(penandatangan=SIGNATORY, pembanding=[Pembanding(nama="Nasional", tahun=2022, ip_asn=68.5),
                                                       Pembanding(nama="Nasional", tahun=2021, ip_asn=66.0)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "data.xlsx"
    path.write_bytes(workbook_bytes(make_demo(units=3, employees=30, seed=5)))
    return path


@pytest.fixture(scope="module")
def report(data):
    return report_data(data=data, tahun=2022)


@pytest.fixture(scope="module")
def built(report):
    settings = DeckSettings("Pemerintah Provinsi Uji", TARGETS, DOKUMEN, footer="ipasn uji · data sha256 abc")
    return deck_bytes(report, settings), settings


def _open(blob: bytes):
    return Presentation(io.BytesIO(blob))


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def _shapes(slide) -> list:
    """Every shape of the slide, those in groups too (a chart with its reference lines is one)."""
    found, todo = [], list(slide.shapes)
    while todo:
        shape = todo.pop(0)
        found.append(shape)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            todo[:0] = list(shape.shapes)
    return found


def _texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in _shapes(slide) if s.has_text_frame)


def _tables(slide) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in shape.table.rows] for shape in slide.shapes if shape.has_table]


def _table(slide) -> list[list[str]]:
    return _tables(slide)[0]


def _titled(blob: bytes, title: str):
    return next(s for s in _open(blob).slides if _title(s) == title)


def _rows(frame) -> list[list[str]]:
    return [list(frame.columns), *frame.astype(str).values.tolist()]


def _charts(slide) -> list:
    return [s.chart for s in _shapes(slide) if getattr(s, "has_chart", False)]


def test_slides_follow_the_provincial_deck(built):
    slides = list(_open(built[0]).slides)
    assert "Indeks Profesionalitas ASN" in _texts(slides[0]) and "Pemerintah Provinsi Uji" in _texts(slides[0])
    assert [_title(s) for s in slides[1:]] == [
        "Pokok hasil", "Ringkasan", "Nilai dimensi terhadap bobot maksimal", "Analisis per dimensi",
        "Kompetensi per jenis jabatan", "Peringkat unit kerja",
        "Peringkat unit kerja (1–3 dari 3)", "Sebaran kategori", "Upaya yang harus dilakukan",
        "Rencana mencapai target", "Penutup"]
    assert all("data sha256 abc" in _texts(s) for s in slides[1:])  # provenance on every slide but the cover


def test_tables_hold_the_reports_text_with_decimal_comma(built, report):
    summary = _titled(built[0], "Ringkasan")
    comparison, cells = _tables(summary)
    assert cells == _rows(target_frame(report, TARGETS))
    value = report.scores["ip_asn"].mean()
    assert comparison == _rows(comparison_frame(report, value, DOKUMEN))  # this year's pembanding only
    assert comparison[2][:3] == ["Nasional", "2022", "68,50"] and len(comparison) == 3
    competence, _ = competence_frame(report)
    assert _table(_titled(built[0], "Kompetensi per jenis jabatan"))[1:] == competence.astype(str).values.tolist()
    total = next(row for row in cells if row[0] == "IP ASN")
    assert total[1] == fmt.number(report.scores["ip_asn"].mean()) and "," in total[1]
    assert "IP ASN " + fmt.number(report.scores["ip_asn"].mean()) in _texts(summary)


def test_charts_hold_the_numbers_of_the_data(built, report):
    slides = _open(built[0]).slides
    (dims,) = _charts(slides[3])
    values = {s.name: list(s.values) for s in dims.plots[0].series}
    assert values["Nilai saat ini"] == pytest.approx([report.scores[d].mean() for d in DIMENSIONS], rel=1e-12)
    assert values["Bobot maksimal"] == [float(report.rules.dimensi_maks[d]) for d in DIMENSIONS]
    assert values["Target"][2] == 25.0 and values["Target"][0] is None  # no target: a gap, not 0
    assert dims.plots[0].data_labels.number_format == NUMBER_FORMAT
    (ranking,) = _charts(slides[6])
    ranked = ranked_units(report)
    assert list(ranking.plots[0].categories) == list(ranked["unit_kerja"])
    assert list(ranking.plots[0].series[0].values) == pytest.approx(list(ranked["ip_asn"]), rel=1e-12)
    (categories,) = _charts(slides[8])
    assert list(categories.plots[0].series[0].values) == list(category_counts(report).astype(float))
    (gains,) = _charts(slides[9])
    items = an.improvement_items(report.scores, report.rules)
    assert list(gains.plots[0].series[0].values) == pytest.approx(
        list(an.indicator_gains(report.scores, items)["kenaikan_rata_rata"]), rel=1e-12)


def test_ranking_chart_has_a_dashed_line_at_the_years_comparison_figure(built):
    """As the documents' ranking chart: a line per pembanding of the year (68,50 for 2022; 2021's is
    not drawn), named below the chart, grouped with it so that they move together."""
    slide = _open(built[0]).slides[6]
    (group,) = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    (frame,) = [s for s in group.shapes if s.has_chart]
    (line,) = [s for s in group.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    manual = frame.chart._chartSpace.chart.plotArea.find(qn("c:layout")).find(qn("c:manualLayout"))
    layout = {child.tag.split("}")[1]: child.get("val") for child in manual}
    assert layout["layoutTarget"] == "inner" and layout["xMode"] == layout["yMode"] == "edge"
    assert frame.chart.value_axis.minimum_scale == 0 and frame.chart.value_axis.maximum_scale == 100
    x, w = float(layout["x"]), float(layout["w"])
    assert line.begin_x == line.end_x
    assert line.begin_x == pytest.approx(frame.left + frame.width * (x + w * 68.5 / 100), abs=1)
    top, bottom = sorted((line.begin_y, line.end_y))
    y, h = float(layout["y"]), float(layout["h"])
    assert (top, bottom) == (pytest.approx(frame.top + frame.height * y, abs=1),
                             pytest.approx(frame.top + frame.height * (y + h), abs=1))
    texts = _texts(slide)
    assert "Nasional 2022: 68,50" in texts and "2021" not in texts


def test_closing_slide_is_the_signature_block(built):
    closing = _texts(_open(built[0]).slides[-1])
    for line in ("Banjarmasin, 3 Januari 2024", "Kepala Badan Kepegawaian Daerah", "Dra. Siti Aminah, M.Si.",
                 "NIP 196801011990032001"):
        assert line in closing


def test_a_rebuild_gives_the_same_bytes_dated_by_the_data(built, report):
    blob, settings = built
    assert deck_bytes(report, settings) == blob
    with zipfile.ZipFile(io.BytesIO(blob)) as deck:
        names = deck.namelist()
        assert names == sorted(names) and names[0] == "[Content_Types].xml"
        assert {info.date_time for info in deck.infolist()} == {(2022, 12, 31, 0, 0, 0)}
        embedded = [n for n in names if n.startswith("ppt/embeddings/")]
        assert embedded  # each chart's data sheet, editable in PowerPoint
        with zipfile.ZipFile(io.BytesIO(deck.read(embedded[0]))) as sheet:
            assert {info.date_time for info in sheet.infolist()} == {(2022, 12, 31, 0, 0, 0)}
            assert b"2022-12-31T00:00:00Z" in sheet.read("docProps/core.xml")
        app = deck.read("docProps/app.xml")
        assert b"<Application>ipasn</Application>" in app and b"<Slides>12</Slides>" in app
    core = _open(blob).core_properties
    assert core.created == core.modified == dt.datetime(2022, 12, 31) and core.author == "ipasn"


def test_narrative_and_plan_slides_say_what_the_documents_say(built, report):
    blob = built[0]
    said = sentences(report, TARGETS, DOKUMEN)
    assert len(said) >= 5 and "\n".join(said) in _texts(_titled(blob, "Pokok hasil"))
    plan = plan_to_target(report.scores, report.rules, goal_of(TARGETS, report.rules))
    slide = _titled(blob, "Rencana mencapai target")
    assert plan.steps and plan_sentence(plan, report.rules) in _texts(slide)
    assert _table(slide) == _rows(steps_frame(plan, report.rules))


def test_unit_deck_and_the_logo(report, data, tmp_path):
    unit = report.scores["unit_kerja"].iloc[0]
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(logo)
    blob = deck_bytes(report_data(data=data, tahun=2022, unit=unit), DeckSettings("Instansi", dokumen=Dokumen(
        logo=logo_data_uri(logo))))
    slides = _open(blob).slides
    assert "Peringkat unit kerja" not in [_title(s) for s in slides]
    assert _title(slides[-1]) == "Penutup" and "Terima kasih." in _texts(slides[-1])
    pictures = [s for s in slides[0].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1 and pictures[0].height == Emu(1280160)
    assert pictures[0].image.blob == logo.read_bytes()


def test_an_svg_logo_is_drawn_for_the_deck(report, tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'>"
                   "<rect width='20' height='10' fill='#c00'/></svg>", encoding="utf-8")
    blobs = [deck_bytes(report, DeckSettings("Instansi", dokumen=Dokumen(logo=logo))) for logo in
             (logo_data_uri(svg), str(svg))]
    assert blobs[0] == blobs[1]  # a data URI (ipasn run) or a path (a notebook) give the same deck
    (picture,) = [s for s in _open(blobs[0]).slides[0].shapes if s.shape_type == 13]
    image = Image.open(io.BytesIO(picture.image.blob))
    assert picture.image.content_type == "image/png" and image.size == (600, 300)
    assert image.convert("RGB").getpixel((300, 150)) == (204, 0, 0)  # the SVG's own red, drawn


def test_a_scope_with_nobody_measured_still_gives_every_slide(report):
    empty = dataclasses.replace(report, scores=report.scores.iloc[0:0])
    slides = _open(deck_bytes(empty, DeckSettings("Instansi", TARGETS))).slides
    assert "Tidak ada PNS yang diukur." in _texts(slides[5])
    assert "Tidak ada unit kerja dengan PNS yang diukur." in _texts(slides[6])
    assert len(_table(slides[7])) == 1 + report.pegawai["unit_kerja"].nunique()  # every unit still listed
    assert "Tidak ada PNS yang diukur." in _texts(slides[9])
    assert _title(slides[10]) == "Rencana mencapai target" and "Tidak ada PNS yang diukur." in _texts(slides[10])
