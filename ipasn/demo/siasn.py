"""A synthetic instansi shaped like the tables a BKD downloads from SIASN, for tests and demos.

``make_siasn()`` builds five tables the way SIASN writes them, one download each:

========================  ============================  ===========================================
file (or sheet)           rows                          notes
========================  ============================  ===========================================
Data Utama PNS            one per employee              PNS ID, NIP BARU (text), split titles, ids
                                                        beside names, UNOR (sub-unit) and UNOR
                                                        INDUK (SKPD)
Riwayat Diklat            leadership (LATIHAN           LAN's current names since 2019, Diklatpim
                          STRUKTURAL ID 1-5),           before; Latsar/Prajabatan rows
                          functional, technical
Riwayat Kursus            Bimtek, Seminar, Workshop,
                          Kursus, Webinar, Sosialisasi
Riwayat SKP               several years                 NILAI PRESTASI KERJA is the one IP ASN
                                                        uses; from 2022 a predicate only
Riwayat Hukuman Disiplin  PP 53/2010 and PP 94/2021     level R/S/B beside the punishment's name
                          names
========================  ============================  ===========================================

Each table starts with four title rows (title, instansi, "Diunduh dari SIASN dd-mm-yyyy", an empty
row); the header is on row ``HEADER_ROW`` (5), uppercase with spaces, and every riwayat table names
the employee (NIP BARU and NAMA). Written either as a folder of .xlsx downloads (``FILE_NAMES``, one
sheet "Sheet1" each, as SIASN's downloads have) or as one workbook with one sheet per table, named like
the files. The same arguments give the same bytes.

The mess of real downloads is injected at small, known shares (exact counts, at least one each):

- date cells: 75% real Excel date cells (format dd-mm-yyyy), 25% "dd-mm-yyyy" text;
- a bare year (2020 as a number) as the only date: 5% of Riwayat Diklat rows (TANGGAL SELESAI and
  TAHUN, no TANGGAL MULAI) and 15% of Riwayat Hukuman Disiplin rows (HUKUMAN TANGGAL, no TANGGAL SK);
- ``#N/A`` error cells (real ``t="e"`` cells) in 2% of the rows of every table, in columns that do not
  change a score when read as empty: TINGKAT PENDIDIKAN NAMA (TINGKAT PENDIDIKAN ID beside it says the
  level), GOL AKHIR NAMA, LOKASI KERJA NAMA, PENDIDIKAN NAMA, NOMOR SERTIFIKAT, INSTITUSI PENYELENGGARA,
  JUMLAH JAM of a seminar-like kursus, NILAI PERILAKU KERJA, NOMOR SK;
- STATUS CPNS PNS written "PNS"/"CPNS" instead of "P"/"C" for 15% of the rows; PPPK rows have an empty
  status (half) or "PPPK", and KEDUDUKAN HUKUM NAMA "PPPK Aktif";
- JENIS JABATAN NAMA "JA" (15% of the administrators and supervisors, 10% of the pelaksana) or "Jabatan
  Pelaksana" (20% of the pelaksana) beside the SIASN id;
- LATIHAN STRUKTURAL ID/NAMA empty on 15% of the leadership rows (the training's name must say it);
- JENIS TINGKAT HUKUMAN ID empty on 10% of the punishments (the name must say it); two "Tidak Ada"
  rows (no punishment, as operators type them in: SIASN's own reference has no such entry);
- with ``dirty=True`` only: one NIP BARU in Data Utama PNS stored as a number (15 significant digits,
  as Excel keeps it).

Traps that are not errors: UNOR NAMA repeats across SKPD ("Sekretariat", "Sub Bagian Keuangan"), so the
SKPD is UNOR INDUK NAMA; LATIHAN STRUKTURAL ID is not the level (2 is PIM IV); NILAI SKP stands before
NILAI PRESTASI KERJA and sometimes falls in another band; Latsar CPNS / Diklat Prajabatan rows carry JENIS
DIKLAT ID 1 "Diklat Struktural" without a LATIHAN STRUKTURAL (they never count); a PPPK's NIP has "21"
where a PNS's has the month of appointment; 30% of the names are in capitals; a few trainings and
punishments lie outside every window, one leadership training ends after the reference date.

Nothing else is wrong: every NIP of a riwayat row is an employee's, every date is a real day.

The truth is kept in plain frames (``SiasnDemo.pegawai``, ``.pelatihan``, ``.kinerja``, ``.hukdis``):
canonical values per employee and every training, assessment and punishment with its real date, so
that tests can say what a correct reader must find. A few employees are planted (column ``skenario``)
for spot checks. Everything is drawn from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.demo.draws import check_size
from ipasn.demo.siasn_cells import CellWriter
from ipasn.demo.siasn_history import draw_assessments, draw_punishments, draw_trainings
from ipasn.demo.siasn_people import draw_people, plant_scenarios
from ipasn.demo.siasn_tables import (
    COLUMNS,
    DATE_FORMAT,
    FILE_NAMES,
    FOLDER_SHEET,
    HEADER_ROW,
    LAYOUTS,
    TITLES,
    ExcelError,
)
from ipasn.files import normalise_zip
from ipasn.missing import is_missing

__all__ = ["COLUMNS", "FILE_NAMES", "HEADER_ROW", "LAYOUTS", "ExcelError", "SiasnDemo", "make_siasn",
           "write_siasn"]

# --- the result -----------------------------------------------------------------------------------


@dataclass
class SiasnDemo:
    """The tables as they are written, and the truth behind them.

    `tables` holds, per table key (`FILE_NAMES`), the cells below the header exactly as written: text,
    numbers, `datetime.date` (a date cell), `ExcelError` or None; row i is Excel row HEADER_ROW + 1 + i.

    The truth frames (canonical values, real dates):
    - `pegawai`: nip, nama, unit_kerja (the SKPD), sub_unit, status (PNS/CPNS/PPPK), kedudukan, diukur,
      jenis_jabatan (JPT/Administrator/Pengawas/Fungsional/Pelaksana), eselon (level 2-4 or <NA>),
      pendidikan (SIASN tingkat pendidikan id), nip_angka (stored as a number), skenario, baris;
    - `pelatihan`: nip, tabel (diklat/kursus), baris, kategori (kepemimpinan/fungsional/teknis/seminar/
      latsar), tingkat (leadership level 1-5 or <NA>), nama, tanggal_selesai, hanya_tahun, jp;
    - `kinerja`: nip, tahun, nilai (NILAI PRESTASI KERJA or NaN), nilai_skp, predikat, baris;
    - `hukdis`: nip, tingkat (ringan/sedang/berat, None for "Tidak Ada"), jenis_hukuman, tanggal (the TMT,
      HUKUMAN TANGGAL), hanya_tahun, baris;
    - `mess`: every injected error cell, bare year and numeric NIP: tabel, baris, kolom, jenis.
    """

    instansi: str
    tahun: int
    downloaded: dt.date
    tables: dict[str, pd.DataFrame]
    pegawai: pd.DataFrame
    pelatihan: pd.DataFrame
    kinerja: pd.DataFrame
    hukdis: pd.DataFrame
    mess: pd.DataFrame

    def planted(self, skenario: str) -> pd.Series:
        """The truth row of the employee planted for a scenario."""
        rows = self.pegawai[self.pegawai["skenario"] == skenario]
        if len(rows) != 1:
            raise KeyError(f"no planted employee for {skenario!r}")
        return rows.iloc[0]

    def files(self) -> dict[str, bytes]:
        """The folder layout: file name -> bytes of that download (one sheet, "Sheet1")."""
        return {f"{FILE_NAMES[key]}.xlsx": _workbook_bytes(self, {FOLDER_SHEET: key}) for key in FILE_NAMES}

    def workbook(self) -> bytes:
        """The one-workbook layout: one sheet per table, named like the files."""
        return _workbook_bytes(self, {FILE_NAMES[key]: key for key in FILE_NAMES})

    def write(self, path: str | Path, layout: str | None = None) -> Path:
        """Write to `path`: a folder of downloads, or one workbook (default: by the path's suffix)."""
        path = Path(path)
        layout = layout or ("workbook" if path.suffix.lower() == ".xlsx" else "folder")
        if layout not in LAYOUTS:
            raise ValueError(f"layout harus salah satu dari {', '.join(LAYOUTS)}")
        if layout == "workbook":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.workbook())
            return path
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.files().items():
            (path / name).write_bytes(data)
        return path


def write_siasn(path: str | Path, layout: str | None = None, **kwargs) -> Path:
    """`make_siasn(**kwargs).write(path, layout)`."""
    return make_siasn(**kwargs).write(path, layout)


# --- writing --------------------------------------------------------------------------------------


def _workbook_bytes(demo: SiasnDemo, sheets: dict[str, str]) -> bytes:
    """One workbook (sheet title -> table key), deterministic: fixed properties, normalised zip."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    book.remove(book.active)
    stamp = dt.datetime.combine(demo.downloaded, dt.time(8, 0))
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "ipasn.siasn_demo"
    book.properties.title = "Data SIASN sintetis"
    bold = Font(bold=True)
    titles = (None, demo.instansi.upper(), f"Diunduh dari SIASN {demo.downloaded:%d-%m-%Y}")
    for title, key in sheets.items():
        sheet = book.create_sheet(title)
        frame = demo.tables[key]
        sheet.cell(1, 1, TITLES[key]).font = bold
        for row, text in enumerate(titles[1:], start=2):
            sheet.cell(row, 1, text)
        for position, column in enumerate(frame.columns, start=1):
            cell = sheet.cell(HEADER_ROW, position, column)
            cell.font = bold
            sheet.column_dimensions[get_column_letter(position)].width = max(12, min(40, len(column) + 4))
        for offset, values in enumerate(frame.itertuples(index=False, name=None)):
            excel_row = HEADER_ROW + 1 + offset
            for position, (column, value) in enumerate(zip(frame.columns, values), start=1):
                if is_missing(value):
                    continue
                cell = sheet.cell(excel_row, position)
                if isinstance(value, ExcelError):
                    cell.value, cell.data_type = str(value), "e"
                elif isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                    cell.data_type = "s"  # after: openpyxl would take "=..." for a formula
                    if column in ("NIP BARU", "NIP LAMA"):
                        cell.number_format = "@"
                elif isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = DATE_FORMAT
                else:
                    cell.value = value.item() if isinstance(value, np.generic) else value
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not save_workbook(): that stamps `modified` with the clock
    return normalise_zip(buffer.getvalue())


# --- the generator --------------------------------------------------------------------------------


def make_siasn(units: int = 3, employees: int = 150, seed: int = 2022, tahun: int = 2022,
               dirty: bool = False) -> SiasnDemo:
    """A synthetic instansi as five SIASN downloads, with the truth behind them.

    `units` SKPD (each with its sub-units: sekretariat, bidang, seksi, an UPT), `employees` split over
    them by weight; histories reach back from `tahun`, the measurement year (SKP up to `tahun`, the
    download dated 5 January of `tahun` + 1). `dirty` adds one NIP stored as a number.
    """
    units, employees, tahun = int(units), int(employees), int(tahun)
    check_size(units, employees)
    rng = np.random.default_rng(seed)
    people = draw_people(rng, units, employees, tahun)
    plants = plant_scenarios(rng, people, tahun)
    trainings = draw_trainings(rng, people, plants, tahun)
    assessments = draw_assessments(rng, people, plants, tahun)
    punishments = draw_punishments(rng, people, plants, tahun)
    builder = CellWriter(rng, people, tahun)
    tables = {
        "utama": builder.utama(dirty),
        "diklat": builder.diklat(trainings),
        "kursus": builder.kursus(trainings),
        "skp": builder.skp(assessments),
        "hukdis": builder.hukdis(punishments),
    }
    builder.errors(tables)
    return SiasnDemo(
        instansi="Pemerintah Provinsi Demo", tahun=tahun, downloaded=dt.date(tahun + 1, 1, 5), tables=tables,
        pegawai=builder.truth_pegawai(), pelatihan=builder.truth_trainings(trainings),
        kinerja=builder.truth_assessments(assessments), hukdis=builder.truth_punishments(punishments),
        mess=pd.DataFrame(builder.mess, columns=["tabel", "baris", "kolom", "jenis"]),
    )
