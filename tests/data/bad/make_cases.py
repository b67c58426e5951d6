"""Generate the broken-input corpus in this folder (tests/data/bad), deterministically.

    python tests/data/bad/make_cases.py          # rewrites every committed case, byte for byte

Every case starts from one small, clean instansi (`BASE`: five employees, their training, assessments
and one punishment) and breaks it in one way. What each case must give (the exact message, or the
findings and counts) is in `cases.yaml` beside this script; `tests/input/test_bad_corpus.py` runs each case
through the real command line.

Workbooks are written here directly as OOXML parts (no openpyxl) so that the corpus can hold what real
exports hold and openpyxl cannot write: cached formula values, error cells, inline strings, cells
without coordinates, a wrong <dimension>, hidden sheets. The zip entries carry a fixed timestamp, so
the same script gives the same bytes.

Three cases are too big to commit and are made at test time by the functions in `GENERATED`:
thousands of duplicated rows (twice) and a large workbook (`IPASN_BESAR_MB`, default 20 MB).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from ipasn.input.schema import CONTRACT_COLUMNS

HERE = Path(__file__).resolve().parent
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
EPOCH = dt.datetime(1899, 12, 30)

# --- the clean instansi --------------------------------------------------------------------------

# The clean contract's columns (ipasn.input.schema), in order; used when a sheet has no rows.
HEADERS = CONTRACT_COLUMNS
P1, P2, P3, P4, P5 = ("198501012010011001", "198602022011012002", "197003032000031003",
                      "199004042015032004", "199505052020121005")
D = dt.date
BASE = {
    "pegawai": [
        [P1, "Budi Santoso", "Dinas Pendidikan", "Pelaksana", None, "Pengadministrasi Umum", "S-1", "PNS"],
        [P2, "Maria Muñoz", "Dinas Pendidikan", "Fungsional Tertentu", None, "Guru Ahli Muda", "S-2", "PNS"],
        [P3, "João Ãvila", "Badan Keuangan Daerah", "Struktural", "III.a", "Kepala Bidang Anggaran", "S-1",
         "PNS"],
        [P4, "Dewi Lestari", "Badan Keuangan Daerah", "Pelaksana", None, "Bendahara", "D-III", "PNS"],
        [P5, "Rizky Pratama", "Dinas Pendidikan", "Pelaksana", None, "Staf", "SMA", "CPNS"],
    ],
    "diklat": [
        [P1, "teknis", "Bimtek Kearsipan", None, D(2022, 3, 15), 24],
        [P1, "seminar", "Seminar Nasional Pelayanan Publik", None, D(2021, 11, 10), None],
        [P2, "fungsional", "Diklat Fungsional Guru", None, D(2019, 8, 20), None],
        [P2, "teknis", "Pelatihan Kurikulum", None, D(2022, 5, 1), 12],
        [P3, "kepemimpinan", "Diklatpim III", "III", D(2016, 10, 1), None],
        [P3, "teknis", "Workshop Penganggaran", None, D(2021, 9, 9), 20],
        [P4, "teknis", "Bimtek Pengelolaan Keuangan", None, D(2022, 6, 1), 20],
    ],
    "kinerja": [
        [P1, 2021, 88, None],
        [P2, 2021, 92.5, None],
        [P3, 2021, None, "Baik"],
        [P4, 2021, 76, None],
        [P5, 2021, 80, None],
    ],
    "hukdis": [
        [P4, "ringan", D(2022, 2, 10)],
    ],
}


def base(sheet: str) -> list[list[object]]:
    """A fresh copy of one sheet's rows, header first."""
    return [list(HEADERS[sheet])] + [list(r) for r in BASE[sheet]]


def base_sheets(**changes: list[list[object]]) -> dict[str, list[list[object]]]:
    sheets = {name: base(name) for name in HEADERS}
    sheets.update(changes)
    return sheets


# --- a small OOXML writer --------------------------------------------------------------------------


@dataclass(frozen=True)
class Formula:
    """A formula cell; `cached` is the value Excel stored when it last calculated (None: never)."""

    text: str
    cached: object = None


@dataclass(frozen=True)
class ExcelError:
    """A cell holding an Excel error value such as #N/A (what a failed lookup leaves)."""

    code: str


@dataclass
class XSheet:
    name: str
    rows: Iterable[Sequence[object]]
    merges: Sequence[str] = ()
    state: str = "visible"  # visible, hidden, veryHidden
    dimension: str | None = None  # written as-is when given (exporters often write "A1")
    coordinates: bool = True  # False: cells without r="A1" attributes (allowed, and seen in the wild)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
DATE_STYLE = 1


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = [column_letter(i) for i in range(702)]  # A .. ZZ


def _serial(value: dt.date) -> float:
    moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
    delta = moment - EPOCH
    return delta.days + delta.seconds / 86400


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class _Strings:
    """The shared-string table, built while the sheets stream out."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
                f'count="{len(self.index)}" uniqueCount="{len(self.index)}">{items}</sst>')


def _cell(ref: str, value: object, strings: _Strings | None) -> str:
    where = f' r="{ref}"' if ref else ""
    if value is None:
        return ""
    if type(value) is str:  # the common case first (large workbooks)
        if strings is None:
            return f'<c{where} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
        return f'<c{where} t="s"><v>{strings(value)}</v></c>'
    if isinstance(value, Formula):
        cached = value.cached
        if cached is None:  # what openpyxl and scripts write: the formula, no value
            return f"<c{where}><f>{escape(value.text)}</f><v/></c>"
        if isinstance(cached, str):
            return f'<c{where} t="str"><f>{escape(value.text)}</f><v>{escape(cached)}</v></c>'
        return f"<c{where}><f>{escape(value.text)}</f><v>{_number(cached)}</v></c>"
    if isinstance(value, ExcelError):
        return f'<c{where} t="e"><v>{escape(value.code)}</v></c>'
    if isinstance(value, bool):
        return f'<c{where} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (dt.date, dt.datetime)):
        return f'<c{where} s="{DATE_STYLE}"><v>{_number(_serial(value))}</v></c>'
    if isinstance(value, (int, float)):
        return f"<c{where}><v>{_number(value)}</v></c>"
    text = str(value)
    if strings is None:
        return f'<c{where} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'
    return f'<c{where} t="s"><v>{strings(text)}</v></c>'


def _sheet_xml(sheet: XSheet, strings: _Strings | None) -> Iterable[str]:
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
    if sheet.dimension:
        yield f'<dimension ref="{sheet.dimension}"/>'
    yield "<sheetData>"
    for number, row in enumerate(sheet.rows, start=1):
        if sheet.coordinates:
            cells = "".join(_cell(f"{_LETTERS[i]}{number}", v, strings) for i, v in enumerate(row))
        else:  # position by order: an empty cell must still be written
            parts = [_cell("", v, strings) if v is not None else "<c/>" for v in row]
            while parts and parts[-1] == "<c/>":
                parts.pop()
            cells = "".join(parts)
        if cells:
            yield f'<row r="{number}">{cells}</row>'
    yield "</sheetData>"
    if sheet.merges:
        yield f'<mergeCells count="{len(sheet.merges)}">'
        yield "".join(f'<mergeCell ref="{m}"/>' for m in sheet.merges)
        yield "</mergeCells>"
    yield "</worksheet>"


def _write(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, text.encode("utf-8"))


def write_xlsx(path: Path, sheets: Sequence[XSheet], *, shared_strings: bool = True,
               level: int = 6) -> Path:
    """Write sheets as an .xlsx workbook; rows may be generators (streamed, for large workbooks)."""
    strings = _Strings() if shared_strings else None
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        _write(archive, "[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
            'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
            'PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            f"{overrides}</Types>"))
        _write(archive, "_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        active = next((i for i, s in enumerate(sheets) if s.state == "visible"), 0)
        entries = "".join(
            f'<sheet name="{escape(s.name)}" sheetId="{i}"'
            f'{"" if s.state == "visible" else f" state={chr(34)}{s.state}{chr(34)}"} r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1))
        _write(archive, "xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" '
            f'xmlns:r="{_REL}"><bookViews><workbookView activeTab="{active}"/></bookViews>'
            f"<sheets>{entries}</sheets></workbook>"))
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1))
        n = len(sheets)
        _write(archive, "xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
            f'{links}<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"))
        _write(archive, "xl/styles.xml", _STYLES)
        for i, sheet in enumerate(sheets, start=1):
            info = zipfile.ZipInfo(f"xl/worksheets/sheet{i}.xml", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as stream:
                buffer: list[str] = []
                size = 0
                for piece in _sheet_xml(sheet, strings):
                    buffer.append(piece)
                    size += len(piece)
                    if size > 1 << 20:
                        stream.write("".join(buffer).encode("utf-8"))
                        buffer, size = [], 0
                stream.write("".join(buffer).encode("utf-8"))
        _write(archive, "xl/sharedStrings.xml", (strings or _Strings()).xml())
    return path


def workbook(path: Path, sheets: dict[str, list[list[object]]], **options: object) -> Path:
    return write_xlsx(path, [XSheet(name, rows) for name, rows in sheets.items()], **options)


# --- CSV -----------------------------------------------------------------------------------------


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_text(rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")  # as Excel writes it
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue()


def csv_folder(folder: Path, sheets: dict[str, list[list[object]]], *, encoding: str = "utf-8",
               delimiter: str = ",") -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, rows in sheets.items():
        text = csv_text(rows, delimiter)
        # "utf-16" would write the machine's byte order; Windows (and so Excel) writes little-endian.
        data = b"\xff\xfe" + text.encode("utf-16-le") if encoding == "utf-16" else text.encode(encoding)
        (folder / f"{name}.csv").write_bytes(data)
    return folder


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\r\n")


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_bytes("\r\n".join(lines).encode("utf-8"))


# --- the cases -----------------------------------------------------------------------------------

CASES: dict[str, Callable[[Path], Path]] = {}


def case(function: Callable[[Path], Path]) -> Callable[[Path], Path]:
    CASES[function.__name__.replace("_", "-")] = function
    return function


def _xlsx(out: Path, name: str) -> Path:
    return out / f"{name}.xlsx"


@case
def dasar_xlsx(out: Path) -> Path:
    """The clean instansi: the baseline the other cases are compared with."""
    return workbook(_xlsx(out, "dasar-xlsx"), base_sheets())


@case
def dasar_csv(out: Path) -> Path:
    return csv_folder(out / "dasar-csv", base_sheets())


@case
def xlsx_terpotong(out: Path) -> Path:
    """A download that stopped half-way: the zip's central directory is missing."""
    whole = workbook(out / "tmp-utuh.xlsx", base_sheets()).read_bytes()
    (out / "tmp-utuh.xlsx").unlink()
    path = _xlsx(out, "xlsx-terpotong")
    path.write_bytes(whole[: len(whole) * 6 // 10])
    return path


@case
def xlsx_sandi(out: Path) -> Path:
    """Excel's "Encrypt with Password": an OLE compound file, not a zip."""
    path = _xlsx(out, "xlsx-sandi")
    filler = bytes((i * 37 + 11) % 256 for i in range(4096 - 8))
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + filler)
    return path


@case
def xlsx_isi_xls_lama(out: Path) -> Path:
    """An Excel 97-2003 workbook renamed .xlsx (an OLE file with a "Workbook" stream)."""
    path = _xlsx(out, "xlsx-isi-xls-lama")
    body = bytearray(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    body += "Root Entry".encode("utf-16-le") + bytes(44) + "Workbook".encode("utf-16-le") + bytes(1000)
    path.write_bytes(bytes(body))
    return path


@case
def xlsx_bukan_zip(out: Path) -> Path:
    path = _xlsx(out, "xlsx-bukan-zip")
    path.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(256)) * 4)
    return path


@case
def xlsx_isi_csv(out: Path) -> Path:
    """A CSV file renamed .xlsx."""
    path = _xlsx(out, "xlsx-isi-csv")
    path.write_text(csv_text(base("pegawai")), encoding="utf-8")
    return path


@case
def xlsx_kosong(out: Path) -> Path:
    path = _xlsx(out, "xlsx-kosong")
    path.write_bytes(b"")
    return path


@case
def xlsx_zip_bukan_workbook(out: Path) -> Path:
    path = _xlsx(out, "xlsx-zip-bukan-workbook")
    with zipfile.ZipFile(path, "w") as archive:
        _write(archive, "catatan.txt", "data pegawai ada di email")
    return path


@case
def xlsx_xml_rusak(out: Path) -> Path:
    """A valid zip whose pegawai sheet XML stops in the middle of a row."""
    good = workbook(out / "tmp-baik.xlsx", base_sheets())
    path = _xlsx(out, "xlsx-xml-rusak")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            _write(target, info.filename, content.decode("utf-8", "ignore"))
    good.unlink()
    return path


@case
def xls_lama(out: Path) -> Path:
    path = out / "xls-lama.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "Workbook".encode("utf-16-le")
                     + bytes(512))
    return path


@case
def xls_html(out: Path) -> Path:
    """What many web applications call "Export to Excel": an HTML table saved as .xls."""
    path = out / "xls-html.xls"
    cells = "".join(f"<tr>{''.join(f'<td>{escape(_csv_value(v))}</td>' for v in row)}</tr>" for row in base("pegawai"))
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><table>{cells}</table></body></html>",
                    encoding="utf-8")
    return path


@case
def format_ods(out: Path) -> Path:
    path = out / "format-ods.ods"
    with zipfile.ZipFile(path, "w") as archive:
        _write(archive, "mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


@case
def csv_isi_xlsx(out: Path) -> Path:
    """A workbook renamed pegawai.csv inside a CSV folder."""
    folder = csv_folder(out / "csv-isi-xlsx", base_sheets())
    workbook(folder / "pegawai.csv", {"pegawai": base("pegawai")})
    return folder


@case
def csv_kosong(out: Path) -> Path:
    folder = csv_folder(out / "csv-kosong", base_sheets())
    (folder / "pegawai.csv").write_bytes(b"")
    return folder


@case
def csv_opsional_kosong(out: Path) -> Path:
    """An empty hukdis.csv: the sheet is treated as not given (no punishment known)."""
    folder = csv_folder(out / "csv-opsional-kosong", base_sheets())
    (folder / "hukdis.csv").write_bytes(b"")
    return folder


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    return folder


@case
def folder_berisi_workbook(out: Path) -> Path:
    """A folder holding the workbook and a note: the workbook is read, the note listed as not read."""
    folder = _fresh(out / "folder-berisi-workbook")
    (folder / "BACA.txt").write_text("Data dikirim lewat email.\n", encoding="utf-8")
    workbook(folder / "data ipasn 2022.xlsx", base_sheets())
    return folder


# SIASN's downloads: one file per table, each with its title rows and a sheet called "Sheet1".
DOWNLOAD_NAMES = {"pegawai": "Data Utama PNS", "diklat": "Riwayat Diklat", "kinerja": "Riwayat SKP",
                  "hukdis": "Riwayat Hukuman Disiplin"}


@case
def folder_unduhan_terpisah(out: Path) -> Path:
    """Four separate downloads in one folder, each a workbook whose only sheet is "Sheet1" under title
    rows: each file's role comes from its columns."""
    folder = _fresh(out / "folder-unduhan-terpisah")
    for name, rows in base_sheets().items():
        titles = [[DOWNLOAD_NAMES[name].upper()], ["PEMERINTAH PROVINSI DEMO"], []]
        workbook(folder / f"{DOWNLOAD_NAMES[name]}.xlsx", {"Sheet1": titles + rows})
    return folder


@case
def xls_asli(out: Path) -> Path:
    """A real Excel 97-2003 workbook (BIFF8, written by xlwt): read through python-calamine."""
    import xlwt

    book = xlwt.Workbook()
    dates = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for name, rows in base_sheets().items():
        sheet = book.add_sheet(name)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if isinstance(value, dt.date):
                    sheet.write(r, c, dt.datetime(value.year, value.month, value.day), dates)
                elif value is not None:
                    sheet.write(r, c, value)
    path = out / "xls-asli.xls"
    book.save(str(path))
    return path


@case
def ods_asli(out: Path) -> Path:
    """A real OpenDocument spreadsheet (LibreOffice's format, written by odfpy through pandas)."""
    import pandas as pd

    from ipasn.files import normalise_zip

    path = out / "ods-asli.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in base_sheets().items():
            pd.DataFrame(rows[1:], columns=rows[0]).to_excel(writer, sheet_name=name, index=False)
    path.write_bytes(normalise_zip(path.read_bytes()))
    return path


@case
def folder_berkas_tersembunyi(out: Path) -> Path:
    """A folder unzipped on a Mac and opened in LibreOffice: "._pegawai.csv" (resource fork, binary)
    and lock files stand beside the real CSV files and must be ignored."""
    folder = csv_folder(out / "folder-berkas-tersembunyi", base_sheets())
    (folder / "._pegawai.csv").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(64))
    (folder / ".~lock.diklat.csv#").write_text(",analis,komputer,01.02.2023 10:00,file:///home;\n")
    (folder / "~$kinerja.csv").write_bytes(b"\x06analis" + bytes(40))
    return folder


@case
def csv_cp1252(out: Path) -> Path:
    """What Excel's "CSV (Comma delimited)" writes on Windows: Windows-1252, not UTF-8."""
    return csv_folder(out / "csv-cp1252", base_sheets(), encoding="cp1252")


@case
def csv_utf8_bom(out: Path) -> Path:
    """Excel's "CSV UTF-8": a byte-order mark before the first header."""
    return csv_folder(out / "csv-utf8-bom", base_sheets(), encoding="utf-8-sig")


@case
def csv_utf16_tab(out: Path) -> Path:
    """Excel's "Unicode Text" renamed .csv: UTF-16 with BOM, tab-separated."""
    return csv_folder(out / "csv-utf16-tab", base_sheets(), encoding="utf-16", delimiter="\t")


@case
def csv_titik_koma(out: Path) -> Path:
    """Excel with Indonesian regional settings separates with ';' and writes decimals with ','."""
    sheets = base_sheets()
    sheets["kinerja"][2][2] = "92,5"
    return csv_folder(out / "csv-titik-koma", sheets, delimiter=";")


@case
def csv_judul_di_atas(out: Path) -> Path:
    """Title lines above the header (as BKN exports have); one bad date on Excel row 8 of diklat."""
    sheets = base_sheets()
    titles = [["DAFTAR RIWAYAT DIKLAT PNS"], ["Pemerintah Kabupaten Contoh", "", ""], []]
    sheets["diklat"][3][4] = "31-02-2022"  # P2's fungsional training: record 3 of the data, row 4+3+1
    sheets = {name: (titles + rows if name == "diklat" else rows) for name, rows in sheets.items()}
    return csv_folder(out / "csv-judul-di-atas", sheets)


@case
def csv_baris_kurang_kolom(out: Path) -> Path:
    """Rows cut short (trailing empty fields left out), the first data row among them."""
    folder = csv_folder(out / "csv-baris-kurang-kolom", base_sheets())
    lines = _lines(folder / "diklat.csv")
    lines[1] = lines[1].rstrip(",").rsplit(",", 1)[0]  # P1 teknis without its JP (and nothing after)
    lines[2] = lines[2].rstrip(",")  # P1 seminar: no empty JP field
    _write_lines(folder / "diklat.csv", lines)
    return folder


@case
def csv_kolom_kosong_berlebih(out: Path) -> Path:
    """Some rows end with extra empty fields (",,,"): harmless."""
    folder = csv_folder(out / "csv-kolom-kosong-berlebih", base_sheets())
    lines = _lines(folder / "pegawai.csv")
    lines[2] += ",,,"
    lines[4] += ", ,"
    _write_lines(folder / "pegawai.csv", lines)
    return folder


@case
def csv_baris_kelebihan_kolom(out: Path) -> Path:
    """A unit name with an unquoted comma: the row has one field too many and its values slid."""
    folder = csv_folder(out / "csv-baris-kelebihan-kolom", base_sheets())
    lines = _lines(folder / "pegawai.csv")
    lines[4] = lines[4].replace("Badan Keuangan Daerah", "Badan Keuangan, Aset Daerah")
    _write_lines(folder / "pegawai.csv", lines)
    return folder


@case
def csv_baris_pertama_kelebihan_kolom(out: Path) -> Path:
    """The first data row carries a note in an unnamed 7th field (pandas alone would drop it silently,
    with a warning); later rows end in an empty 7th field, which is harmless."""
    folder = csv_folder(out / "csv-baris-pertama-kelebihan-kolom", base_sheets())
    lines = _lines(folder / "diklat.csv")
    lines[1] += ",sudah diverifikasi"
    lines[2] += ","
    _write_lines(folder / "diklat.csv", lines)
    return folder


@case
def judul_di_atas_header(out: Path) -> Path:
    """Three title rows (the first merged across the columns) above each header; one unknown
    education on pegawai's Excel row 6 and one negative JP on diklat's Excel row 9."""
    sheets = base_sheets()
    sheets["pegawai"][2][6] = "Kursus Menjahit"  # P2: data row 2 -> Excel row 3 titles + header + 2 = 6
    sheets["diklat"][6][5] = -4  # P3's workshop: data row 6 -> Excel row 10
    titles = [["DAFTAR NOMINATIF PEGAWAI NEGERI SIPIL"], ["Keadaan per 31 Desember 2022"], []]
    return write_xlsx(_xlsx(out, "judul-di-atas-header"), [
        XSheet(name, titles + rows, merges=("A1:H1", "A2:H2")) for name, rows in sheets.items()
    ])


@case
def sel_gabung_data(out: Path) -> Path:
    """Unit names merged down over the rows of each unit (sorted by unit), as printed lists have."""
    pegawai = base("pegawai")
    order = [pegawai[0], pegawai[1], pegawai[2], pegawai[5], pegawai[3], pegawai[4]]  # Dinas x3, Badan x2
    for row in order[2:4]:
        row[2] = None
    order[5][2] = None
    sheets = base_sheets(pegawai=order)
    return write_xlsx(_xlsx(out, "sel-gabung-data"), [
        XSheet(name, rows, merges=("C2:C4", "C5:C6") if name == "pegawai" else ())
        for name, rows in sheets.items()
    ])


@case
def lembar_wajib_hilang(out: Path) -> Path:
    sheets = base_sheets()
    sheets["Rekap"] = [["Jumlah PNS", 5]]
    del sheets["pegawai"]
    return workbook(_xlsx(out, "lembar-wajib-hilang"), sheets)


@case
def lembar_wajib_kosong(out: Path) -> Path:
    return workbook(_xlsx(out, "lembar-wajib-kosong"), base_sheets(pegawai=[]))


@case
def pegawai_hanya_judul(out: Path) -> Path:
    return workbook(_xlsx(out, "pegawai-hanya-judul"), base_sheets(pegawai=[list(HEADERS["pegawai"])]))


@case
def lembar_opsional_kosong(out: Path) -> Path:
    """An empty hukdis sheet (not even a header): the same as no hukdis sheet."""
    return workbook(_xlsx(out, "lembar-opsional-kosong"), base_sheets(hukdis=[]))


@case
def lembar_hanya_judul(out: Path) -> Path:
    """diklat and hukdis with a header and no rows: nobody has training or punishment."""
    return workbook(_xlsx(out, "lembar-hanya-judul"),
                    base_sheets(diklat=[list(HEADERS["diklat"])], hukdis=[list(HEADERS["hukdis"])]))


def _without(rows: list[list[object]], column: str, sheet: str) -> list[list[object]]:
    position = HEADERS[sheet].index(column)
    return [[v for i, v in enumerate(r) if i != position] for r in rows]


@case
def kolom_wajib_hilang(out: Path) -> Path:
    return workbook(_xlsx(out, "kolom-wajib-hilang"),
                    base_sheets(pegawai=_without(base("pegawai"), "pendidikan", "pegawai")))


@case
def kolom_wajib_hilang_riwayat(out: Path) -> Path:
    return workbook(_xlsx(out, "kolom-wajib-hilang-riwayat"),
                    base_sheets(diklat=_without(base("diklat"), "tanggal_selesai", "diklat")))


@case
def judul_kolom_tidak_ditemukan(out: Path) -> Path:
    """The pegawai sheet holds data with no header row at all."""
    return workbook(_xlsx(out, "judul-kolom-tidak-ditemukan"), base_sheets(pegawai=base("pegawai")[1:]))


@case
def rumus_tanpa_nilai(out: Path) -> Path:
    """JP as formulas that no spreadsheet ever calculated (what a script writing formulas leaves)."""
    diklat = base("diklat")
    for number, row in enumerate(diklat[1:], start=2):
        if row[5] is not None:
            row[5] = Formula(f"{row[5]}*1")
    diklat[1].append(Formula("A2&B2"))  # an unnamed column: not read, so not a problem
    return workbook(_xlsx(out, "rumus-tanpa-nilai"), base_sheets(diklat=diklat))


@case
def rumus_dengan_nilai(out: Path) -> Path:
    """Formulas as Excel saves them: each with its calculated value, which is what is read."""
    diklat = base("diklat")
    for row in diklat[1:]:
        if row[5] is not None:
            row[5] = Formula(f"{row[5] // 4}*4", cached=row[5])
    pegawai = base("pegawai")
    for number, row in enumerate(pegawai[1:], start=2):
        row[1] = Formula(f'PROPER(Z{number})', cached=row[1])
    pegawai[5][4] = Formula('IF(D6="Struktural","II.a","")', cached="")  # a formula giving ""
    return workbook(_xlsx(out, "rumus-dengan-nilai"), base_sheets(pegawai=pegawai, diklat=diklat))


def _respell_nips(rows: list[list[object]], spellings: dict[str, str]) -> list[list[object]]:
    return [[spellings.get(v, v) if i == 0 else v for i, v in enumerate(r)] for r in rows]


@case
def nip_spasi_titik(out: Path) -> Path:
    """NIPs typed with spaces, dots, dashes, a leading apostrophe and non-breaking spaces."""
    spell = {P1: "19850101 201001 1 001", P2: "19860202.201101.2.002", P3: "19700303-200003-1-003",
             P4: "'199004042015032004", P5: "\u00a0199505052020121005\u00a0"}
    history = {P1: "198501012010011001 ", P2: "19860202 201101 2 002", P3: "19700303.200003.1.003",
               P4: "19900404\u00a0201503\u00a02\u00a0004"}
    sheets = {name: _respell_nips(rows, spell if name == "pegawai" else history)
              for name, rows in base_sheets().items()}
    return workbook(_xlsx(out, "nip-spasi-titik"), sheets)


@case
def nip_angka(out: Path) -> Path:
    """P4's NIP typed into a General cell: Excel keeps 15 digits (199004042015032000)."""
    pegawai = base("pegawai")
    pegawai[4][0] = float(P4)
    return workbook(_xlsx(out, "nip-angka"), base_sheets(pegawai=pegawai))


@case
def semua_nip_angka(out: Path) -> Path:
    """The whole NIP column stored as numbers: no row can be used, which is a file-level problem."""
    pegawai = base("pegawai")
    for row in pegawai[1:]:
        row[0] = float(row[0])
    return workbook(_xlsx(out, "semua-nip-angka"), base_sheets(pegawai=pegawai))


@case
def status_semua_tidak_dikenali(out: Path) -> Path:
    """Every employee with a status ipasn does not know ("Honorer"): all rows become findings, the run
    completes with nobody measured, and their history rows are findings too (nothing silently lost)."""
    pegawai = base("pegawai")
    for row in pegawai[1:]:
        row[7] = "Honorer"
    return workbook(_xlsx(out, "status-semua-tidak-dikenali"), base_sheets(pegawai=pegawai))


@case
def nip_ganda_pegawai(out: Path) -> Path:
    """The same employee twice, once with spaces in the NIP (equal once normalised)."""
    pegawai = base("pegawai")
    pegawai.append(["19850101 201001 1 001", "Budi Santoso, S.E.", "Dinas Pendidikan", "Pelaksana", None,
                    "Staf", "S-1", "PNS"])
    return workbook(_xlsx(out, "nip-ganda-pegawai"), base_sheets(pegawai=pegawai))


@case
def tanggal_aneka_format(out: Path) -> Path:
    """The base dates written every way exports write them: text in several formats, Excel serial
    numbers (as numbers and as text), date cells with a time."""
    diklat = base("diklat")
    spellings = ["15-03-2022", "10/11/2021", "2019-08-20", "1 Mei 2022", int(_serial(D(2016, 10, 1))),
                 str(int(_serial(D(2021, 9, 9)))), dt.datetime(2022, 6, 1, 8, 30)]
    for row, spelled in zip(diklat[1:], spellings):
        row[4] = spelled
    hukdis = base("hukdis")
    hukdis[1][2] = "10-Feb-22"
    return workbook(_xlsx(out, "tanggal-aneka-format"), base_sheets(diklat=diklat, hukdis=hukdis))


@case
def tanggal_masa_depan(out: Path) -> Path:
    """Dates after the reference date are read but fall outside every window (no finding); a year
    typed wrong (3022, 0202) is TANGGAL_TIDAK_VALID."""
    diklat = base("diklat")
    diklat.append([P1, "teknis", "Bimtek Terjadwal", None, D(2099, 1, 31), 40])
    diklat.append([P2, "teknis", "Bimtek Salah Ketik", None, "01-06-3022", 20])
    diklat.append([P3, "seminar", "Seminar Salah Ketik", None, "12-12-0202", None])
    hukdis = base("hukdis")
    hukdis.append([P1, "berat", D(2030, 1, 1)])
    return workbook(_xlsx(out, "tanggal-masa-depan"), base_sheets(diklat=diklat, hukdis=hukdis))


@case
def kolom_dan_lembar_tambahan(out: Path) -> Path:
    """Columns and sheets ipasn does not use (a SIASN export has dozens): ignored."""
    sheets = base_sheets()
    extra = ["NIP Lama", "Tempat Lahir", "Keterangan"]
    sheets["pegawai"] = [r[:1] + ([*extra] if i == 0 else [f"0{i}", "Bandung", None]) + r[1:]
                         for i, r in enumerate(sheets["pegawai"])]
    sheets["kinerja"] = [r + (["Catatan"] if i == 0 else ["ok"]) for i, r in enumerate(sheets["kinerja"])]
    return write_xlsx(_xlsx(out, "kolom-dan-lembar-tambahan"), [
        XSheet("Petunjuk", [["Isi data mulai baris 2"]]),
        *[XSheet(name, rows) for name, rows in sheets.items()],
        XSheet("Sheet1", []),
        XSheet("Rekap Unit", [["Unit", "Jumlah"], ["Dinas Pendidikan", 3]]),
    ])


@case
def lembar_tersembunyi(out: Path) -> Path:
    """diklat hidden, kinerja very hidden, plus a hidden lookup sheet: hidden sheets are still read."""
    sheets = base_sheets()
    state = {"diklat": "hidden", "kinerja": "veryHidden"}
    return write_xlsx(_xlsx(out, "lembar-tersembunyi"), [
        *[XSheet(name, rows, state=state.get(name, "visible")) for name, rows in sheets.items()],
        XSheet("Referensi", [["kode", "jenjang"], ["40", "S-1"]], state="hidden"),
    ])


@case
def alias_nama_lembar(out: Path) -> Path:
    """Sheet and column names as SIASN and ministry exports spell them."""
    names = {"pegawai": "Data Pegawai", "diklat": "Riwayat Diklat", "kinerja": "Riwayat SKP",
             "hukdis": "Hukuman Disiplin "}
    headers = {
        "pegawai": ["NIP Baru", "Nama Lengkap", "Unor Nama", "Jenis Jabatan Nama", "Eselon Nama",
                    "Jabatan Nama", "Tingkat Pendidikan Nama", "Status CPNS PNS"],
        "diklat": ["NIP Baru", "Jenis Diklat", "Nama Diklat", "Tingkat Diklat", "Tgl Selesai", "Jumlah Jam"],
        "kinerja": ["NIP Baru", "Tahun Penilaian", "Nilai SKP", "Predikat Kinerja"],
        "hukdis": ["NIP Baru", "Tingkat Hukuman Disiplin", "Tanggal SK"],
    }
    sheets = base_sheets()
    return workbook(_xlsx(out, "alias-nama-lembar"),
                    {names[n]: [headers[n]] + rows[1:] for n, rows in sheets.items()})


@case
def lembar_ganda_alias(out: Path) -> Path:
    sheets = base_sheets()
    sheets["Data Pegawai"] = base("pegawai")
    return workbook(_xlsx(out, "lembar-ganda-alias"), sheets)


@case
def spasi_dan_nbsp(out: Path) -> Path:
    """Leading and trailing spaces, non-breaking spaces and zero-width spaces in headers and values."""
    def pad(value: object, i: int) -> object:
        if not isinstance(value, str):
            return value
        return [f" {value} ", f"\u00a0{value}", f"{value}\u00a0 ", f"\u200b{value}"][i % 4]

    sheets = {name: [[pad(v, i + j) for j, v in enumerate(row)] for i, row in enumerate(rows)]
              for name, rows in base_sheets().items()}
    sheets["diklat"][1][5] = " 24 "
    sheets["kinerja"][2][2] = "\u00a092,5"
    return workbook(_xlsx(out, "spasi-dan-nbsp"), sheets)


@case
def sel_galat_excel(out: Path) -> Path:
    """Cached error values (a lookup that failed): each becomes a finding quoting it."""
    diklat = base("diklat")
    diklat[4][5] = ExcelError("#N/A")  # P2 teknis JP
    kinerja = base("kinerja")
    kinerja[4][2] = ExcelError("#VALUE!")  # P4 nilai
    pegawai = base("pegawai")
    pegawai[1][6] = ExcelError("#REF!")  # P1 pendidikan
    return workbook(_xlsx(out, "sel-galat-excel"), base_sheets(pegawai=pegawai, diklat=diklat, kinerja=kinerja))


@case
def dimensi_salah_inline(out: Path) -> Path:
    """An exporter's shortcuts: <dimension ref="A1"/>, inline strings, cells without coordinates."""
    return write_xlsx(_xlsx(out, "dimensi-salah-inline"), [
        XSheet(name, rows, dimension="A1", coordinates=name != "kinerja")
        for name, rows in base_sheets().items()
    ], shared_strings=False)


@case
def baris_kosong_di_tengah(out: Path) -> Path:
    """Blank rows inside and below the table (and a row of spaces): not input rows; the finding
    still names the Excel row (kinerja row 7: a value of 130)."""
    kinerja = base("kinerja")
    kinerja.insert(2, [None, None, None, None])
    kinerja.insert(4, ["  ", None, " ", None])
    kinerja[6][2] = 130  # P4 (Excel row 7)
    kinerja += [[None] * 4] * 5
    return workbook(_xlsx(out, "baris-kosong-di-tengah"), base_sheets(kinerja=kinerja))


# --- generated at test time (too big to commit) --------------------------------------------------


def duplikat_ribuan_diklat(out: Path, copies: int = 3000) -> Path:
    """P1's Bimtek exported `copies` times over (a join gone wrong): one row counts, the rest are
    DUPLIKAT_PERSIS findings."""
    diklat = base("diklat") + [list(BASE["diklat"][0]) for _ in range(copies)]
    return workbook(_xlsx(out, "duplikat-ribuan-diklat"), base_sheets(diklat=diklat))


def nip_ganda_ribuan(out: Path, copies: int = 2000) -> Path:
    pegawai = base("pegawai") + [list(BASE["pegawai"][1]) for _ in range(copies)]
    return workbook(_xlsx(out, "nip-ganda-ribuan"), base_sheets(pegawai=pegawai))


BYTES_PER_EMPLOYEE = 225  # measured: 20 MB is about 89,000 employees, 4 million cells
BIG_EXTRA = ["NIP Lama", "Gelar Depan", "Gelar Belakang", "Tempat Lahir", "Tanggal Lahir", "Agama",
             "Alamat", "Nomor HP", "Email", "Golongan", "TMT Golongan", "Masa Kerja"]


def big_workbook(out: Path, megabytes: float = 20.0, seed: int = 2022) -> tuple[Path, dict[str, int]]:
    """A wide SIASN-like export of about `megabytes` MB: -> (path, rows per sheet).

    Streamed out sheet by sheet; an employee is about 225 bytes of workbook (a pegawai row with twelve
    unused columns, four training rows and two assessments: 46 cells)."""
    employees = max(10, int(megabytes * 1e6 / BYTES_PER_EMPLOYEE))
    rng = random.Random(seed)
    units = [f"UPT Puskesmas Kecamatan {i:03d}" for i in range(400)]
    positions = [("Pelaksana", None, "S-1"), ("Fungsional Tertentu", None, "S-2"), ("Pelaksana", None, "SMA"),
                 ("Struktural", "IV.a", "S-1"), ("Struktural", "III.b", "S-2"), ("Fungsional Tertentu", None, "D-III")]
    # Unique NIPs: the employee number picks the birth date (per thousand) and the sequence number.
    nips = [f"{1960 + i // 1000 % 40}{i // 40000 % 12 + 1:02d}{i // 480000 % 28 + 1:02d}"
            f"{1990 + i % 30}{i % 12 + 1:02d}{i % 2 + 1}{i % 1000:03d}" for i in range(employees)]
    counts = {"pegawai": employees, "diklat": 0, "kinerja": 0}

    def pegawai():
        yield ["NIP Baru", "Nama", *BIG_EXTRA, "Unor Nama", "Jenis Jabatan Nama", "Eselon Nama", "Jabatan Nama",
               "Tingkat Pendidikan Nama", "Status CPNS PNS"]
        for i, nip in enumerate(nips):
            kind, eselon, education = positions[i % len(positions)]
            yield [nip, f"Pegawai {i:07d}", f"19{i % 100:02d}{i:07d}", "Dr." if i % 50 == 0 else None, "S.Kom",
                   "Kota Contoh", D(1960 + i % 40, i % 12 + 1, i % 28 + 1), "Islam", f"Jl. Contoh No. {i}",
                   f"08{rng.randrange(10**9, 10**10)}", f"pegawai{i}@contoh.go.id", "III/a", D(2015, 4, 1),
                   f"{i % 30} tahun", units[i % len(units)], kind, eselon, "Staf", education,
                   "CPNS" if i % 40 == 0 else "PNS"]

    def diklat():
        yield ["NIP Baru", "Jenis Diklat", "Nama Diklat", "Tingkat Diklat", "Tanggal Selesai", "Jumlah Jam"]
        for nip in nips:
            for k in range(4):
                counts["diklat"] += 1
                yield [nip, ("teknis", "seminar", "fungsional", "teknis")[k], f"Pelatihan {rng.randrange(900)}",
                       None, D(2018 + rng.randrange(5), rng.randrange(12) + 1, rng.randrange(28) + 1),
                       rng.choice((8, 12, 20, 24, 32)) if k in (0, 3) else None]

    def kinerja():
        yield ["NIP Baru", "Tahun Penilaian", "Nilai SKP", "Predikat Kinerja"]
        for nip in nips:
            for year in (2020, 2021):
                counts["kinerja"] += 1
                yield [nip, year, round(rng.uniform(60, 98), 2), None]

    # With its <dimension>, as Excel writes it (without one, openpyxl reads each sheet twice).
    path = write_xlsx(out / "workbook-besar.xlsx", [
        XSheet("pegawai", pegawai(), dimension=f"A1:{column_letter(len(BIG_EXTRA) + 7)}{employees + 1}"),
        XSheet("diklat", diklat(), dimension=f"A1:F{4 * employees + 1}"),
        XSheet("kinerja", kinerja(), dimension=f"A1:D{2 * employees + 1}"),
    ])
    return path, counts


GENERATED: dict[str, Callable[[Path], Path]] = {
    "duplikat-ribuan-diklat": duplikat_ribuan_diklat,
    "nip-ganda-ribuan": nip_ganda_ribuan,
}


def main(out: Path = HERE) -> None:
    for name, build in CASES.items():
        for stale in (out / name, *out.glob(f"{name}.*")):
            if stale.is_dir():
                shutil.rmtree(stale)
            elif stale.exists():
                stale.unlink()
        build(out)
    print(f"{len(CASES)} kasus ditulis ke {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
