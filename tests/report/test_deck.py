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
from pptx.util import Emu

from ipasn import fmt
from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.content import analysis as an
from ipasn.report.content.data import report_data
from ipasn.report.content.present import category_counts, competence_frame, ranked_units, target_frame
from ipasn.report.content.targets import Targets
from ipasn.report.deck import DeckSettings, Signatory, deck_bytes
from ipasn.report.deck.shapes import NUMBER_FORMAT
from ipasn.ruleset import DIMENSIONS

TARGETS = Targets.of({"ip_asn": 75, "kinerja": 25})
SIGNATORY = Signatory("Kepala Badan Kepegawaian Daerah", "Dra. Siti Aminah, M.Si.", "196801011990032001",
                      "Banjarmasin", dt.date(2024, 1, 3))


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
    settings = DeckSettings("Pemerintah Provinsi Uji", TARGETS, SIGNATORY, footer="ipasn uji · data sha256 abc")
    return deck_bytes(report, settings), settings


def _open(blob: bytes):
    return Presentation(io.BytesIO(blob))


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def _texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def _table(slide) -> list[list[str]]:
    table = next(s for s in slide.shapes if s.has_table).table
    return [[cell.text for cell in row.cells] for row in table.rows]


def _charts(slide) -> list:
    return [s.chart for s in slide.shapes if s.has_chart]


def test_slides_follow_the_provincial_deck(built):
    slides = list(_open(built[0]).slides)
    assert "Indeks Profesionalitas ASN" in _texts(slides[0]) and "Pemerintah Provinsi Uji" in _texts(slides[0])
    assert [_title(s) for s in slides[1:]] == [
        "Ringkasan", "Nilai dimensi terhadap bobot maksimal", "Analisis per dimensi", "Kompetensi per jenis jabatan",
        "Peringkat unit kerja",
        "Peringkat unit kerja (1–3 dari 3)", "Sebaran kategori", "Upaya yang harus dilakukan", "Penutup"]
    assert all("data sha256 abc" in _texts(s) for s in slides[1:])  # provenance on every slide but the cover


def test_tables_hold_the_reports_text_with_decimal_comma(built, report):
    summary = _open(built[0]).slides[1]
    cells = _table(summary)
    expected = target_frame(report, TARGETS)
    assert cells[0] == list(expected.columns)
    assert cells[1:] == expected.astype(str).values.tolist()
    competence, _ = competence_frame(report)
    assert _table(_open(built[0]).slides[4])[1:] == competence.astype(str).values.tolist()
    total = next(row for row in cells if row[0] == "IP ASN")
    assert total[1] == fmt.number(report.scores["ip_asn"].mean()) and "," in total[1]
    assert "IP ASN " + fmt.number(report.scores["ip_asn"].mean()) in _texts(summary)


def test_charts_hold_the_numbers_of_the_data(built, report):
    slides = _open(built[0]).slides
    (dims,) = _charts(slides[2])
    values = {s.name: list(s.values) for s in dims.plots[0].series}
    assert values["Nilai saat ini"] == pytest.approx([report.scores[d].mean() for d in DIMENSIONS], rel=1e-12)
    assert values["Bobot maksimal"] == [float(report.rules.dimensi_maks[d]) for d in DIMENSIONS]
    assert values["Target"][2] == 25.0 and values["Target"][0] is None  # no target: a gap, not 0
    assert dims.plots[0].data_labels.number_format == NUMBER_FORMAT
    (ranking,) = _charts(slides[5])
    ranked = ranked_units(report)
    assert list(ranking.plots[0].categories) == list(ranked["unit_kerja"])
    assert list(ranking.plots[0].series[0].values) == pytest.approx(list(ranked["ip_asn"]), rel=1e-12)
    (categories,) = _charts(slides[7])
    assert list(categories.plots[0].series[0].values) == list(category_counts(report).astype(float))
    (gains,) = _charts(slides[8])
    items = an.improvement_items(report.scores, report.rules)
    assert list(gains.plots[0].series[0].values) == pytest.approx(
        list(an.indicator_gains(report.scores, items)["kenaikan_rata_rata"]), rel=1e-12)


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
        assert b"<Application>ipasn</Application>" in app and b"<Slides>10</Slides>" in app
    core = _open(blob).core_properties
    assert core.created == core.modified == dt.datetime(2022, 12, 31) and core.author == "ipasn"


def test_unit_deck_and_the_logo(report, data, tmp_path):
    unit = report.scores["unit_kerja"].iloc[0]
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(logo)
    blob = deck_bytes(report_data(data=data, tahun=2022, unit=unit), DeckSettings("Instansi", logo=logo))
    slides = _open(blob).slides
    assert "Peringkat unit kerja" not in [_title(s) for s in slides]
    assert _title(slides[-1]) == "Penutup" and "Terima kasih." in _texts(slides[-1])
    pictures = [s for s in slides[0].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1 and pictures[0].height == Emu(1280160)
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    cover = _texts(_open(deck_bytes(report, DeckSettings("Instansi", logo=svg))).slides[0])
    assert "Logo logo.svg tidak dipasang" in cover


def test_a_scope_with_nobody_measured_still_gives_every_slide(report):
    empty = dataclasses.replace(report, scores=report.scores.iloc[0:0])
    slides = _open(deck_bytes(empty, DeckSettings("Instansi", TARGETS))).slides
    assert "Tidak ada PNS yang diukur." in _texts(slides[4])
    assert "Tidak ada unit kerja dengan PNS yang diukur." in _texts(slides[5])
    assert len(_table(slides[6])) == 1 + report.pegawai["unit_kerja"].nunique()  # every unit still listed
    assert "Tidak ada PNS yang diukur." in _texts(slides[8])
