"""The documents' front and back: the cover (with a logo as a data URI), the foreword from Markdown,
the closing signature block with an Indonesian date, and how the run definition's keys reach the
notebooks (checked once, before any data is read; a custom notebook that cannot take them is refused)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from ipasn.errors import ParamsError
from ipasn.report.batch.notebook_params import check_notebooks, front_parameter, job_parameters
from ipasn.report.batch.params import RunParams, load_params, parse_params
from ipasn.report.content import front
from ipasn.report.content.dokumen import Dokumen, image_kind, logo_data_uri
from ipasn.report.content.data import ReportData
from ipasn.ruleset import parse_ruleset, ruleset_text
from ipasn.scoring.period import Period

ROOT = Path(__file__).resolve().parents[2]
DEMO_LOGO = ROOT / "params" / "logo-demo.svg"
SIGNER = {"jabatan": "Kepala BKD", "nama": "Nama Contoh", "nip": "197001012000031001", "kota": "Banjarbaru",
          "tanggal": "2024-01-03"}


@pytest.fixture(scope="module")
def report() -> ReportData:
    rules = parse_ruleset(ruleset_text(None)[1], "perbkn-8-2019")
    return ReportData(pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), rules, "perbkn-8-2019", "",
                      Period(2022, pd.Timestamp("2022-12-31"), 2021), "Dinas <Sosial>")


def png(path: Path) -> Path:
    Image.new("RGB", (4, 3), "navy").save(path, format="PNG")
    return path


def test_the_cover_names_the_year_unit_and_instansi_and_embeds_the_logo(report, tmp_path):
    plain = front.cover(report, "Pemerintah Provinsi Demo").data
    assert "<img" not in plain and "Tahun 2022" in plain and "Dinas &lt;Sosial&gt;" in plain
    assert plain.startswith('<section class="sampul">') and "Pemerintah Provinsi Demo" in plain
    given = front.cover(report, "Pemerintah Provinsi Demo", {"logo": str(png(tmp_path / "logo.png"))}).data
    uri = given.split('src="', 1)[1].split('"', 1)[0]
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == (tmp_path / "logo.png").read_bytes()


@pytest.mark.parametrize("content, problem", [
    pytest.param(b"GIF89a\x01\x00", "bukan gambar PNG atau SVG", id="gif"),
    pytest.param(b"<html><body>logo</body></html>", "bukan gambar PNG atau SVG", id="html"),
    pytest.param(None, "berkas tidak ditemukan", id="missing"),
])
def test_a_logo_that_is_not_png_or_svg_is_refused_naming_key_and_path(tmp_path, content, problem):
    path = tmp_path / "lambang.gif"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ParamsError, match=problem) as caught:
        logo_data_uri(path)
    assert str(caught.value).startswith("logo: ") and str(path) in str(caught.value)


def test_an_svg_the_deck_cannot_draw_is_refused_before_the_run_when_it_makes_decks(tmp_path):
    (tmp_path / "lambang.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/>",
                                          encoding="utf-8")
    given = {"instansi": "X", "tahun": 2022, "data": "demo", "logo": "lambang.svg", "base_dir": tmp_path}
    assert RunParams.model_validate(given).dokumen().logo.startswith("data:image/svg+xml")  # HTML only: fine
    with pytest.raises(ParamsError, match="tidak dapat digambar untuk deck PowerPoint") as caught:
        RunParams.model_validate({**given, "formats": ["html", "pptx"]}).dokumen()
    assert str(tmp_path / "lambang.svg") in str(caught.value) and "invalid" not in str(caught.value)


def test_svg_and_png_are_told_by_content(tmp_path):
    assert image_kind(DEMO_LOGO) == "svg"
    assert image_kind(png(tmp_path / "tanpa-akhiran")) == "png"


def test_the_foreword_renders_markdown_and_escapes_html():
    shown = front.foreword({"kata_pengantar": "Puji **syukur**.\n\n- satu\n- dua\n\n<script>x()</script>"}).data
    assert "<h2>Kata Pengantar</h2>" in shown and "<strong>syukur</strong>" in shown and "<li>dua</li>" in shown
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert front.foreword({}) is None and front.foreword({"kata_pengantar": "  \n"}) is None


@pytest.mark.parametrize("given, line", [
    pytest.param({}, "Banjarbaru, 3 Januari 2024", id="both"),
    pytest.param({"tanggal": None}, "Banjarbaru", id="no-date"),
    pytest.param({"kota": None}, "3 Januari 2024", id="no-place"),
    pytest.param({"kota": None, "tanggal": None}, None, id="neither"),
])
def test_the_signature_block_says_place_date_position_name_and_nip(given, line):
    shown = front.signature({"penandatangan": {**SIGNER, **given}}).data
    paragraphs = [p.split(">", 1)[1] for p in shown.split("</p>")[:-1]]
    lines = [p.rsplit(">", 1)[-1] for p in paragraphs]
    assert lines == [*([line] if line else []), "Kepala BKD", "Nama Contoh", "NIP 197001012000031001"]
    assert front.signature({}) is None


def run_file(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "run.yaml").write_text(f"instansi: Uji\ntahun: 2022\n{extra}", encoding="utf-8")
    return tmp_path / "run.yaml"


def test_the_run_keys_reach_the_notebooks_as_one_dokumen_parameter(tmp_path):
    png(tmp_path / "logo.png")
    (tmp_path / "pengantar.md").write_text("Dengan **hormat**.", encoding="utf-8")
    params = load_params(run_file(tmp_path, (
        "logo: logo.png\nkata_pengantar: pengantar.md\n"
        "penandatangan: {jabatan: Kepala BKD, nama: Nama Contoh, tanggal: 2024-01-03}\n"
        "pembanding: [{nama: Nasional, tahun: 2022, ip_asn: 68.5}]\n")))
    dokumen = front_parameter(params)
    assert dokumen["logo"] == logo_data_uri(tmp_path / "logo.png")
    assert dokumen["kata_pengantar"] == "Dengan **hormat**."
    assert dokumen["penandatangan"] == {"jabatan": "Kepala BKD", "nama": "Nama Contoh", "tanggal": "2024-01-03"}
    assert json.loads(json.dumps(dokumen)) == dokumen  # what papermill writes into the notebook
    assert Dokumen.of(dokumen).pembanding_of(2022)[0].ip_asn == 68.5
    assert job_parameters(params, 2022, None, dokumen)["dokumen"] == dokumen
    bare = load_params(run_file(tmp_path, ""))
    assert front_parameter(bare) == {} and "dokumen" not in job_parameters(bare, 2022, None, front_parameter(bare))


def test_a_foreword_file_that_is_missing_is_refused(tmp_path):
    params = parse_params("instansi: Uji\ntahun: 2022\nkata_pengantar: pengantar.md\n", "run.yaml", tmp_path)
    with pytest.raises(ParamsError, match="kata_pengantar: berkas tidak ditemukan"):
        front_parameter(params)
    text = parse_params("instansi: Uji\ntahun: 2022\nkata_pengantar: 'Teks *langsung*.'\n", "run.yaml", tmp_path)
    assert front_parameter(text)["kata_pengantar"] == "Teks *langsung*."


def test_a_custom_notebook_without_dokumen_is_refused_only_when_the_run_gives_the_keys(tmp_path):
    notebook = json.loads((ROOT / "notebooks" / "unit_report.ipynb").read_text(encoding="utf-8"))
    cell = notebook["cells"][0]
    cell["source"] = [line for line in cell["source"] if not line.startswith("dokumen:")]
    (tmp_path / "unit.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    check_notebooks(parse_params("instansi: Uji\ntahun: 2022\nnotebooks: {unit: unit.ipynb}\n", "run.yaml", tmp_path))
    with_keys = parse_params("instansi: Uji\ntahun: 2022\nnotebooks: {unit: unit.ipynb}\n"
                             "penandatangan: {jabatan: Kepala, nama: Nama}\n", "run.yaml", tmp_path)
    with pytest.raises(ParamsError, match="tidak mendefinisikan dokumen"):
        check_notebooks(with_keys)


def test_the_summary_box_lists_the_years_comparison_figures():
    from ipasn.report.content.present import headline
    from ipasn.report.content.targets import Targets
    from tests.report.test_narrative import make_report

    report = make_report()
    figures = [{"nama": "Nasional", "tahun": 2022, "ip_asn": 70.125}, {"nama": "Lama", "tahun": 2021, "ip_asn": 1}]
    box = headline(report, Targets(), {"pembanding": figures}).data
    table = box.split('<table class="tabel kecil pembanding">', 1)[1].split("</table>", 1)[0]
    rows = [[cell.split(">", 1)[1] for cell in row.split("</td>")[:-1]] for row in table.split("<tr>")[2:]]
    mean = report.scores["ip_asn"].mean()  # 68.5
    assert rows == [["Instansi ini", "2022", "68,50", "–"], ["Nasional", "2022", "70,13", "−1,63"]]
    assert round(mean, 2) == 68.5 and "Lama" not in box
    assert "pembanding" not in headline(report, Targets()).data


def test_the_manifest_pins_the_logo_and_foreword_files_and_verify_sees_a_change(tmp_path):
    from ipasn.files import sha256_file
    from ipasn.report.verify import _check_front

    png(tmp_path / "logo.png")
    (tmp_path / "pengantar.md").write_text("Teks.", encoding="utf-8")
    params = load_params(run_file(tmp_path, "logo: logo.png\nkata_pengantar: pengantar.md\n"))
    files = params.front_files()
    assert files == {"logo": tmp_path / "logo.png", "kata_pengantar": tmp_path / "pengantar.md"}
    recorded = {key: {"path": path.name, "path_absolute": str(path), "sha256": sha256_file(path)}
                for key, path in files.items()}
    assert _check_front(tmp_path, recorded) == []
    (tmp_path / "pengantar.md").write_text("Teks lain.", encoding="utf-8")
    assert _check_front(tmp_path, recorded) == [f"kata_pengantar: berkas hilang atau berubah: {files['kata_pengantar']}"]
