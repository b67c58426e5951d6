"""Layout of the printed documents: no word split inside a table, one footer per page, charts whose
labels are whole, inside the figure and apart.

The PDFs are made by a real `ipasn run` (papermill, nbconvert, headless Chromium) on SIASN demo
downloads saved under a long file name, and read back with poppler's `pdftotext`.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from ipasn.report.content import charts
from ipasn.report.content.data import report_data
from ipasn.report.document import chromium
from ipasn.report.document.render import html_to_pdf, notebook_html
from ipasn.demo.siasn import make_siasn

needs_pdf = pytest.mark.skipif(chromium.executable() is None or shutil.which("pdftotext") is None,
                               reason="needs chromium and poppler-utils (pdftotext)")
LONG_FILE = "siasn_sukamaju_kabupaten_2022.xlsx"
LONG_UNIT = "Dinas Pemberdayaan Masyarakat dan Desa, Kependudukan dan Pencatatan Sipil Provinsi"


ROOT = Path(__file__).resolve().parents[2]
# The documents' front and back, so that the checks below cover the cover, foreword and signature too.
FRONT = ("logo: logo.svg\nkata_pengantar: 'Laporan ini disusun sebagai bahan **evaluasi**.'\n"
         "penandatangan: {jabatan: Kepala Badan Kepegawaian Daerah, nama: Nama Contoh, nip: '197001012000031001', "
         "kota: Sukamaju, tanggal: 2024-01-03}\npembanding: [{nama: Nasional, tahun: 2022, ip_asn: 68.5}]\n")
WBR = "\0"


# Inline elements do not end a word: "<code>[2021]</code>)," prints as one word "[2021]),".
INLINE = {"a", "b", "code", "em", "i", "span", "strong", "sub", "sup"}


class _Text(HTMLParser):
    """The words a reader sees in an HTML document, chart (SVG image) text included; <wbr> kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.footer: list[str] = []
        self._skip = 0
        self._in_footer = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("style", "title", "script"):
            self._skip += 1
        src = attrs.get("src") or ""
        if tag == "img" and src.startswith("data:image/svg+xml;base64,"):
            chart = _Text()
            chart.feed(base64.b64decode(src.split(",", 1)[1]).decode("utf-8"))
            self.parts += [" ", *chart.parts]
        self._in_footer = self._in_footer or attrs.get("class") == "catatan-kaki"
        self.parts.append(WBR if tag == "wbr" else "" if tag in INLINE else " ")

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script"):
            self._skip -= 1
        if tag == "p":
            self._in_footer = False
        self.parts.append("" if tag in INLINE else " ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)
            if self._in_footer:
                self.footer.append(data)


def html_words(document: str) -> tuple[set[str], str]:
    """The document's words (and every run of a long word's pieces between its <wbr>), and the
    footer it prints on every page."""
    parser = _Text()
    parser.feed(document)
    words = set()
    for token in unicodedata.normalize("NFKC", "".join(parser.parts)).split():
        pieces = [p for p in token.split(WBR) if p]
        words |= {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)}
    return words, " ".join("".join(parser.footer).split())


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = unicodedata.normalize("NFKC", text)  # the font's "fi" ligature is two letters
    return text.split("\f")[:-1]


def split_words(document: str, pages: list[str]) -> set[str]:
    """Words of the PDF that are not words of the HTML: pieces of a word the browser broke."""
    words, footer = html_words(document)
    words |= set(f"Halaman {len(pages)} dari".split())
    printed = {w for page in pages for w in page.split()}
    return {w for w in printed if w not in words and not w.isdigit()}


def footer_problems(document: str, pages: list[str]) -> list[str]:
    _, footer = html_words(document)
    problems = []
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        if flat.count(footer) != 1 or flat.count(f"Halaman {number} dari {len(pages)}") != 1:
            problems.append(f"halaman {number}: kaki {flat.count(footer)} kali")
    return problems


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("layout")
    demo = make_siasn(units=4, employees=150, seed=2022)  # the fourth: Dinas Pekerjaan Umum dan Penataan Ruang
    (folder / LONG_FILE).write_bytes(demo.workbook())
    shutil.copy(ROOT / "params" / "logo-demo.svg", folder / "logo.svg")
    (folder / "run.yaml").write_text(
        f"instansi: Pemerintah Kabupaten Sukamaju\ntahun: 2022\ndata: {LONG_FILE}\n"
        "targets: {ip_asn: 71}\nformats: [html, pdf]\noutput: out\n" + FRONT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ipasn.cli", "run", str(folder / "run.yaml"),
                           "--no-progress"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    found = sorted((folder / "out").rglob("*.pdf"))
    assert len(found) == 5  # the instansi and its four units
    return found


@needs_pdf
def test_no_word_is_split_and_the_footer_is_printed_once_per_page(documents):
    for pdf in documents:
        document = pdf.with_suffix(".html").read_text(encoding="utf-8")
        pages = pdf_pages(pdf)
        assert split_words(document, pages) == set(), pdf.name
        assert footer_problems(document, pages) == [], pdf.name
    instansi = next(p for p in documents if p.name == "instansi.pdf")
    text = " ".join(" ".join(pdf_pages(instansi)).split())
    assert "Dinas Pendidikan dan Kebudayaan" in text  # the chart's label, whole on one line
    assert LONG_FILE in text.replace("_ ", "_").replace(" .xlsx", ".xlsx")  # broken only at "_" or "."


def name_lines(pdf: Path, name: str) -> list[int]:
    """For each place the name is printed (as consecutive words), on how many lines it stands."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    words = [(html.unescape(w), round(float(y))) for y, w in
             re.findall(r'<word xMin="[^"]+" yMin="([^"]+)"[^>]*>([^<]*)</word>', boxes)]
    wanted = name.split()
    return [len({y for _, y in words[i:i + len(wanted)]}) for i in range(len(words))
            if [w for w, _ in words[i:i + len(wanted)]] == wanted]


@needs_pdf
def test_a_long_unit_name_has_room_in_the_ranking_table(documents):
    instansi = next(p for p in documents if p.name == "instansi.pdf")
    lines = name_lines(instansi, "Dinas Pekerjaan Umum dan Penataan Ruang")
    # the narrative (the lowest unit), the ranking table (two lines at most), the chart (one) and the
    # plan's table per unit kerja
    assert len(lines) == 4 and max(lines) <= 2 and lines[2] == 1


@needs_pdf
def test_the_checks_find_a_split_word_and_a_second_footer(tmp_path):
    """A column too narrow for its header, and a footer repeated in the page: both are reported."""
    import nbformat

    table = ('<table class="tabel rinci"><colgroup><col style="width:3%"><col style="width:97%"></colgroup>'
             "<thead><tr><th>Administrator</th><th>Nama</th></tr></thead><tbody><tr><td>1</td><td>A</td>"
             "</tr></tbody></table><p>ipasn uji kaki</p>")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": table})])]
    document = notebook_html(notebook, "Uji", "ipasn uji kaki")
    pdf = tmp_path / "uji.pdf"
    pdf.write_bytes(html_to_pdf(document))
    pages = pdf_pages(pdf)
    assert split_words(document, pages)
    assert footer_problems(document, pages) == ["halaman 1: kaki 2 kali"]


COMPARED = {"pembanding": [{"nama": "Nasional", "tahun": 2022, "ip_asn": 68.5},
                           {"nama": "Nasional", "tahun": 2021, "ip_asn": 60},
                           {"nama": "Provinsi Demo", "tahun": 2022, "ip_asn": 55}]}


@pytest.fixture(scope="module")
def report():
    """The demo instansi with one unit renamed to a long real-world name."""
    data = report_data()
    for frame in (data.scores, data.pegawai):
        frame["unit_kerja"] = frame["unit_kerja"].replace("Inspektorat", LONG_UNIT)
    return data


@pytest.mark.parametrize("make", [
    lambda r: charts.unit_ranking_figure(r),
    lambda r: charts.breakdown_figure(r, "pendidikan", "IP ASN per jenjang pendidikan"),
    lambda r: charts.breakdown_figure(r, "jenis_jabatan", "IP ASN per jenis jabatan"),
    lambda r: charts.breakdown_figure(r, "jenis_kelamin", "IP ASN per jenis kelamin"),
    lambda r: charts.category_figure(r),
    lambda r: charts.dimensions_figure(r),
    lambda r: charts.unit_ranking_figure(r, dokumen=COMPARED),
], ids=["peringkat", "pendidikan", "jabatan", "kelamin", "kategori", "dimensi", "peringkat-pembanding"])
def test_chart_labels_are_inside_the_figure_and_apart(report, make):
    figure = make(report)
    assert charts.label_problems(figure) == []


def test_comparison_figures_are_labelled_lines_of_their_year_only(report):
    """The ranking chart draws the year's figures as labelled vertical lines; the trend chart a line
    per name through the years it shows; labels inside the figure, legend clear of the bars."""
    from ipasn.report.content.targets import Targets
    from ipasn.report.content.trend_report import trend_figure
    from ipasn.report.content.trends import scope_rows

    ranking = charts.unit_ranking_figure(report, dokumen=COMPARED)
    lines = {line.get_label(): line.get_xdata()[0] for line in ranking.axes[0].get_lines()}
    assert lines == {"Nasional 2022: 68,50": 68.5, "Provinsi Demo 2022: 55,00": 55.0}  # not 2021's
    assert [t.get_text() for t in ranking.legends[0].get_texts()] == list(lines)
    history = report_data(tahun_sebelumnya=[2021]).history
    rows = scope_rows(history, {"tahun": [2021, 2022]}, None)
    trend = trend_figure(rows, Targets.of({"ip_asn": 71}), COMPARED)
    drawn = {line.get_label(): list(zip(line.get_xdata(), line.get_ydata())) for line in trend.axes[0].get_lines()}
    assert drawn["Nasional"] == [(2021, 60.0), (2022, 68.5)]
    assert drawn["Provinsi Demo 2022: 55,00"] == [(2022, 55.0)]
    assert charts.label_problems(trend) == []


def test_unit_names_are_whole_in_the_ranking_chart(report):
    figure = charts.unit_ranking_figure(report)
    names = {" ".join(t.get_text().split()) for t in figure.axes[0].get_yticklabels()}
    assert LONG_UNIT in names and len(names) == report.scores["unit_kerja"].nunique()
    assert charts.to_svg(charts.unit_ranking_figure(report)).data == charts.to_svg(figure).data


def test_a_ranking_cut_to_its_best_units_says_so(report):
    figure = charts.unit_ranking_figure(report, limit=4)
    assert figure.axes[0].get_title() == "Peringkat unit kerja (4 teratas dari 10)"
    assert len(figure.axes[0].get_yticklabels()) == 4 and charts.label_problems(figure) == []


def test_label_problems_finds_overlapping_and_cut_labels():
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(2, 1.5))
    ax.bar([f"Jenjang pendidikan {i}" for i in range(8)], range(8))
    problems = charts.label_problems(figure)
    plt.close(figure)
    assert any(p.startswith("bertumpuk") for p in problems)
    assert any(p.startswith("terpotong") for p in problems)


def test_education_levels_lie_down_when_they_do_not_fit_side_by_side(report):
    figure = charts.breakdown_figure(report, "pendidikan", "IP ASN per jenjang pendidikan")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert "D-III/Sarjana Muda" in labels and re.fullmatch(r"SD", labels[-1])


@needs_pdf
def test_the_cover_and_the_foreword_stand_on_their_own_pages_and_the_signature_closes(documents):
    for pdf in documents:
        pages = [" ".join(page.split()) for page in pdf_pages(pdf)]
        assert pages[0].startswith("Laporan Indeks Profesionalitas ASN Tahun 2022") and "Ringkasan" not in pages[0]
        assert pages[1].startswith("Kata Pengantar Laporan ini disusun sebagai bahan evaluasi.")
        assert "Ringkasan" not in pages[1] and pages[2].startswith("Ringkasan")
        assert ("Sukamaju, 3 Januari 2024 Kepala Badan Kepegawaian Daerah Nama Contoh NIP 197001012000031001"
                in pages[-1])
        assert 'src="data:image/svg+xml;base64,' in pdf.with_suffix(".html").read_text(encoding="utf-8")


def test_the_narrative_of_the_run_states_the_numbers_of_its_scores_workbook(documents):
    """The instansi's narrative, read back from its HTML, against the scores workbook the run wrote."""
    from tests.report.test_narrative import NUMBER, close

    instansi = next(p for p in documents if p.name == "instansi.pdf")
    document = instansi.with_suffix(".html").read_text(encoding="utf-8")
    text = html.unescape(document.split('<p class="narasi">', 1)[1].split("</p>", 1)[0])
    scores = pd.read_excel(next(instansi.parent.glob("skor-*.xlsx")), sheet_name="skor", engine="openpyxl")
    units = scores.groupby("unit_kerja")["ip_asn"].mean()
    assert close(re.search(rf"sebesar ({NUMBER})", text).group(1), scores["ip_asn"].mean())
    assert close(re.search(rf"\(kurang ({NUMBER}) poin\)", text).group(1), 71 - round(scores["ip_asn"].mean(), 2))
    reached = int((units.round(2) >= 71).sum())
    said = re.search(r"Dari (\d+) unit kerja, (\d+) telah mencapai", text)
    assert (int(said.group(1)), int(said.group(2))) == (len(units), reached) if said else reached == 0
    gap = re.search(rf"({NUMBER}) poin (di atas|di bawah) IP ASN Nasional tahun 2022 \(68,50\)", text)
    assert gap and close(gap.group(1), abs(round(scores["ip_asn"].mean(), 2) - 68.5))
