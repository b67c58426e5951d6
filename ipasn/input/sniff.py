"""What a file really is, from its first bytes rather than its name.

An empty file, a password-protected workbook (an OLE container, not a zip), an old .xls, an
OpenDocument spreadsheet, an HTML page saved as .xls, a CSV renamed .xlsx or a truncated download each
get their own message, or the reader that can read them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from ipasn.errors import InputError, os_error_reason

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
SAVE_AS_XLSX = "buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TABLE_SUFFIXES = (".csv", ".parquet")


def head(path: Path, size: int = 4096) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(f"tidak dapat dibaca ({os_error_reason(exc)})", file=path.name) from exc


def kind(first: bytes) -> str:
    """kosong, cfb, zip, html, xml, teks or biner, from the first bytes of a file."""
    if not first:
        return "kosong"
    if first.startswith(CFB_SIGNATURE):
        return "cfb"
    if first.startswith(ZIP_SIGNATURES):
        return "zip"
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text (Excel's "Unicode Text")
        return "teks"
    start = first.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in start[:2048]:
        return "html"
    if start.startswith(b"<?xml"):
        return "xml"
    controls = sum(1 for b in first if b < 32 and b not in (9, 10, 13))
    return "teks" if controls == 0 else "biner"


def _contains_utf16(path: Path, words: Iterable[str]) -> bool:
    """Whether an OLE container names one of these streams (names are stored as UTF-16LE)."""
    needles = [w.encode("utf-16-le") for w in words]
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            block = tail + chunk
            if any(n in block for n in needles):
                return True
            tail = block[-64:]
    return False


def workbook_format(path: Path, label: str) -> str:
    """"xlsx" (read by ipasn's own OOXML reader) or "calamine" (.xls, .xlsb, .ods); otherwise stop
    with a message that says what the file is."""
    what = kind(head(path))
    suffix = path.suffix.lower() or "(tanpa ekstensi)"
    if what == "kosong":
        raise InputError("berkas kosong (0 byte): tidak berisi data; salin atau unduh ulang berkasnya",
                         file=label)
    if what == "cfb":
        if _contains_utf16(path, ("EncryptedPackage", "EncryptionInfo")) or not _contains_utf16(
                path, ("Workbook", "Book")):
            raise InputError(
                "workbook dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca: buka di Excel, "
                "hapus kata sandinya (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi), "
                "simpan, lalu coba lagi", file=label,
            )
        return "calamine"  # an Excel 97-2003 workbook, whatever its name says
    if what in ("html", "xml"):
        shown = "halaman HTML (ekspor web)" if what == "html" else "berkas XML (misalnya XML Spreadsheet 2003)"
        raise InputError(f"berkas ini {shown} yang diberi ekstensi {suffix}, bukan workbook Excel: "
                         f"{SAVE_AS_XLSX}", file=label)
    if what == "teks":
        raise InputError("bukan workbook Excel: isinya teks biasa (mungkin CSV); simpan ulang sebagai "
                         ".xlsx, atau ubah ekstensinya menjadi .csv", file=label)
    if what == "biner":
        raise InputError(f"bukan workbook Excel (.xlsx): isinya tidak dikenali; {SAVE_AS_XLSX}", file=label)
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as exc:
        raise InputError("workbook Excel (.xlsx) terpotong atau rusak: arsipnya tidak lengkap; salin atau "
                         "unduh ulang berkasnya", file=label) from exc
    if mimetype.strip() == ODS_MIMETYPE:
        return "calamine"
    if any(name.endswith("workbook.bin") for name in names):
        return "calamine"  # .xlsb
    if not any(name.endswith("workbook.xml") for name in names):
        raise InputError("arsip zip tetapi bukan workbook Excel (tidak ada bagian workbook.xml); "
                         f"{SAVE_AS_XLSX}", file=label)
    return "xlsx"


def refuse_unknown(path: Path) -> InputError:
    """The message for a file given by name whose format ipasn does not read."""
    suffix = path.suffix.lower()
    hint = "; isinya tampak workbook Excel: beri ekstensi .xlsx" if kind(head(path)) == "zip" else ""
    return InputError(
        f"format {suffix or '(tanpa ekstensi)'} tidak dikenal: gunakan workbook (.xlsx, .xls, .ods), berkas .csv "
        f"atau .parquet, atau folder berisi berkas-berkas itu{hint}", file=path.name,
    )
