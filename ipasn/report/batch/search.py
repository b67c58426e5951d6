"""The data of the index pages' employee search: per year, every employee's NIP, name, unit, IP ASN,
category and unit document, in `cari-pegawai-<tahun>-data-pribadi.js` beside that year's index.

NIP and name are personal data (UU 27/2022), and the index pages are otherwise aggregate: so the
names live in their own file, named like the scores workbook (`-data-pribadi`), which the index pages
load as a local script (a file:// page may load a script beside it, not fetch JSON). A run with
`mask_personal_data` writes no such file and removes one an earlier run left: masked documents are
meant to circulate, and a search that finds people by NIP would undo the masking.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pandas as pd

from ipasn import fmt
from ipasn.files import write_text
from ipasn.export.scores import PERSONAL_DATA_SUFFIX
from ipasn.report.document.job import document_stem
from ipasn.missing import is_missing

if TYPE_CHECKING:
    from pathlib import Path

    from ipasn.scoring.score import ScoreResult


def search_data_name(tahun: int) -> str:
    return f"cari-pegawai-{tahun}-{PERSONAL_DATA_SUFFIX}.js"


def search_rows(result: ScoreResult, slugs: dict[str, str], documents: set[str]) -> list[list[str]]:
    """[nip, nama, unit, IP ASN, kategori, unit document or ""] for every employee listed in the data,
    measured or not (those not measured say why instead of a score), sorted by NIP then unit."""
    scored = result.scores[["nip", "unit_kerja", "ip_asn", "kategori"]].drop_duplicates(["nip", "unit_kerja"])
    people = result.pegawai[["nip", "nama", "unit_kerja", "diukur", "keterangan_status"]].merge(
        scored, on=["nip", "unit_kerja"], how="left")
    rows = []
    for person in people.itertuples(index=False):
        if person.diukur and not pd.isna(person.ip_asn):
            value, kategori = fmt.number(person.ip_asn), _text(person.kategori) or "–"
        else:
            value, kategori = "–", f"tidak diukur: {_text(person.keterangan_status) or 'tanpa skor'}"
        page = f"{document_stem(slugs[person.unit_kerja])}.html" if person.unit_kerja in slugs else ""
        rows.append([_text(person.nip), _text(person.nama), _text(person.unit_kerja), value, kategori,
                     page if page in documents else ""])
    return sorted(rows, key=lambda row: (row[0], row[2], row[1]))


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def write_search_data(year_dir: Path, tahun: int, rows: list[list[str]] | None) -> Path | None:
    """The year's search file; None (and no file) when personal data is masked (`rows` None)."""
    target = year_dir / search_data_name(tahun)
    if rows is None:
        target.unlink(missing_ok=True)
        return None
    # ASCII-only JSON: nothing in a name can end the script or break a line in it.
    payload = json.dumps({"tahun": tahun, "pegawai": rows}, ensure_ascii=True, separators=(",", ":"))
    write_text(target, "/* ipasn: pencarian pegawai di halaman indeks. DATA PRIBADI (NIP dan nama, UU 27/2022). */\n"
                       f"(window.ipasnPegawai = window.ipasnPegawai || []).push({payload});\n")
    return target


def unit_pages(year_dir: Path, slugs: dict[str, str]) -> set[str]:
    """The unit documents (HTML) the year folder holds: what a search result may link to."""
    pages = {f"{document_stem(slug)}.html" for slug in slugs.values()}
    return {page for page in pages if (year_dir / page).is_file()}


def search_section(folder: Path, years: list[int], masked: list[int], root: str) -> str:
    """The index page's search box (filled in by halaman.js) and the scripts with its data.

    `folder`: where the year folders are; `root`: the same, relative to the page ("." or "..")."""
    found = [t for t in sorted(years) if (folder / str(t) / search_data_name(t)).is_file()]
    notes = [f"Tahun {t} tidak dapat dicari: data pribadi disamarkan (mask_personal_data)." for t in sorted(masked)]
    if not found:
        return "".join(f'<p class="keterangan">{note}</p>\n' for note in notes)
    span = f"{found[0]}–{found[-1]}" if len(found) > 1 else str(found[0])
    scripts = "".join(f'<script src="{root}/{t}/{search_data_name(t)}"></script>\n' for t in found)
    return (f'<section id="cari-pegawai" data-akar="{root}">\n<h2>Cari pegawai</h2>\n'
            f'<p class="keterangan">Menurut NIP atau nama, di semua unit kerja, tahun {span}. Memuat data '
            f'pribadi: daftar pegawai ada di berkas {search_data_name(found[-1])} (dan tahun lain) di folder '
            f'tiap tahun.</p>\n'
            + "".join(f'<p class="keterangan">{note}</p>\n' for note in notes)
            + '<noscript><p class="keterangan">Pencarian memerlukan JavaScript di peramban.</p></noscript>\n'
            f"</section>\n{scripts}")
