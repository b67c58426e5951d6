"""index.html of one year's report folder (every unit with its IP ASN, category and documents), and
the instansi folder's index.html across years (each year with its IP ASN, linked both ways)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd

from ipasn import __version__, fmt
from ipasn.export.scores import scores_workbook_name
from ipasn.files import write_text
from ipasn.report.document.job import document_stem, job_key
from ipasn.report.batch.search import search_section
from ipasn.report.document.render import page_controls, stylesheet
from ipasn.scoring.summary import summarise

if TYPE_CHECKING:
    from pathlib import Path

    from ipasn.report.batch.plan import PreparedRun
    from ipasn.report.document.job import JobResult
    from ipasn.scoring.score import ScoreResult

STATUS = {"ok": "selesai", "failed": "GAGAL", "reused": "dipakai ulang", None: "belum dibuat"}


def _links(year_dir: Path, stem: str, formats: tuple[str, ...]) -> str:
    links = []
    for suffix in (*formats, "ipynb"):
        if (year_dir / f"{stem}.{suffix}").is_file():
            links.append(f'<a href="{quote(stem)}.{suffix}">{suffix.upper()}</a>')
    return " · ".join(links) or "–"


def index_data(prepared: PreparedRun, result: ScoreResult) -> dict:
    """What the index page shows besides the documents' statuses, as text (saved for unchanged reruns)."""
    summary = summarise(result, by="unit_kerja")
    whole = summarise(result, by=None).iloc[0]
    return {
        "tahun": result.period.tahun,
        "tahun_run": list(prepared.params.tahun),  # the neighbours this year's page links to
        "instansi": prepared.params.instansi,
        "masked": bool(prepared.params.options.mask_personal_data),
        "formats": list(prepared.params.formats),
        "ip_asn": fmt.number(whole["ip_asn"]), "kategori": str(whole["kategori"] or "–"),
        "ip_asn_nilai": None if pd.isna(whole["ip_asn"]) else float(whole["ip_asn"]),
        "diukur": fmt.integer(whole["diukur"]), "terdaftar": fmt.integer(whole["terdaftar"]),
        "rules_label": prepared.rules_label,
        "tanggal_acuan": f"{result.period.tanggal_acuan:%d-%m-%Y}",
        # Tables no input held, as the accounting says them (loud when not declared).
        "missing": [f"Data {row.peran}: {row.keterangan}." for row in result.dataset.accounting.itertuples()
                    if row.peran and not row.berkas],
        "units": [{"unit": unit, "slug": prepared.slugs[unit], "diukur": fmt.integer(row["diukur"]),
                   "ip_asn": fmt.number(row["ip_asn"]), "kategori": str(row["kategori"] or "–")}
                  for unit, row in summary.iterrows()],
    }


def write_index(data: dict, year_dir: Path, results: dict[str, JobResult]) -> Path:
    tahun = data["tahun"]
    esc = html.escape
    personal = "tidak (disamarkan)" if data["masked"] else "ya: NIP dan nama"
    formats = tuple(data["formats"])
    rows = []
    for row in data["units"]:
        slug = row["slug"]
        job = results.get(job_key(tahun, slug))
        rows.append(
            f"<tr><td>{esc(row['unit'])}</td><td class=\"angka\">{row['diukur']}</td>"
            f"<td class=\"angka\">{row['ip_asn']}</td><td>{esc(row['kategori'])}</td>"
            f"<td>{_links(year_dir, document_stem(slug), formats)}</td>"
            f"<td>{STATUS.get(job.status if job else None, job.status if job else '')}</td>"
            f"<td>{personal}</td></tr>")
    instansi_job = results.get(job_key(tahun, None))
    workbook = scores_workbook_name(tahun)
    page = f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>IP ASN {tahun} — {esc(data['instansi'])}</title>
<style>{stylesheet()}</style></head>
<body>
{_year_navigation(tahun, data.get("tahun_run", [tahun]))}
<h1>Indeks Profesionalitas ASN Tahun {tahun}</h1>
<p class="lingkup">{esc(data['instansi'])}</p>
<p>IP ASN instansi <strong>{data['ip_asn']}</strong> ({esc(data['kategori'])}),
{data['diukur']} PNS diukur dari {data['terdaftar']} pegawai terdaftar.</p>
{"".join(f'<p class="peringatan">{esc(text)}</p>' for text in data.get("missing", []))}
{search_section(year_dir.parent, [] if data["masked"] else [tahun], [tahun] if data["masked"] else [], "..")}
<h2>Dokumen instansi</h2>
<table class="tabel"><thead><tr><th>Dokumen</th><th>Berkas</th><th>Status</th><th>Memuat data pribadi</th></tr></thead>
<tbody>
<tr><td>Laporan instansi</td><td>{_links(year_dir, document_stem(None), formats)}</td>
<td>{STATUS.get(instansi_job.status if instansi_job else None)}</td><td>tidak</td></tr>
<tr><td>Skor per pegawai dan temuan data</td><td><a href="{quote(workbook)}">XLSX</a></td><td>selesai</td>
<td>ya: NIP, nama dan seluruh skor</td></tr>
</tbody></table>
<h2>Laporan per unit kerja</h2>
<table class="tabel"><thead><tr><th>Unit kerja</th><th class="angka">PNS diukur</th><th class="angka">IP ASN</th>
<th>Kategori</th><th>Berkas</th><th>Status</th><th>Memuat data pribadi</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p class="catatan-kaki">Dibuat dengan ipasn {__version__} · aturan {esc(data['rules_label'])} ·
tanggal acuan {data['tanggal_acuan']}</p>
{page_controls()}</body></html>
"""
    target = year_dir / "index.html"
    write_text(target, page)
    return target


def _year_navigation(tahun: int, years: list[int]) -> str:
    """Links to the index of every year and to the neighbouring years."""
    earlier = [t for t in years if t < tahun]
    later = [t for t in years if t > tahun]
    parts = [f'<a href="../{earlier[-1]}/index.html">« {earlier[-1]}</a>'] if earlier else []
    parts.append('<a href="../index.html">Semua tahun</a>')
    if later:
        parts.append(f'<a href="../{later[0]}/index.html">{later[0]} »</a>')
    return f'<p class="navigasi">{" · ".join(parts)}</p>'


def write_years_index(folder: Path, shown: dict[int, dict]) -> Path:
    """reports/<instansi>/index.html: every year with its IP ASN, participation and documents.

    `shown`: each year's index figures (`index_data`), this run's and earlier runs' (`_kerja/indeks.json`)."""
    esc = html.escape
    years = sorted(shown)
    rows = []
    previous = None
    for tahun in years:
        data = shown[tahun]
        year_dir = folder / str(tahun)
        stem = document_stem(None)
        links = " · ".join(f'<a href="{tahun}/{quote(stem)}.{suffix}">{suffix.upper()}</a>'
                           for suffix in data["formats"] if (year_dir / f"{stem}.{suffix}").is_file()) or "–"
        value = data.get("ip_asn_nilai")
        change = "–"
        if previous is not None and value is not None:
            delta = value - previous
            change = ("+" if delta > 0 else "−" if delta < 0 else "") + fmt.number(abs(delta))
        previous = value
        rows.append(f'<tr><td><a href="{tahun}/index.html">{tahun}</a></td><td class="angka">{data["ip_asn"]}</td>'
                    f'<td class="angka">{change}</td><td>{esc(data["kategori"])}</td>'
                    f'<td class="angka">{data["diukur"]}</td><td class="angka">{data["terdaftar"]}</td>'
                    f"<td>{links}</td></tr>")
    instansi = shown[years[-1]]["instansi"] if years else ""
    page = f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>IP ASN — {esc(instansi)}</title>
<style>{stylesheet()}</style></head>
<body>
<h1>Indeks Profesionalitas ASN per Tahun</h1>
<p class="lingkup">{esc(instansi)}</p>
<table class="tabel"><thead><tr><th>Tahun</th><th class="angka">IP ASN</th><th class="angka">Perubahan</th>
<th>Kategori</th><th class="angka">PNS diukur</th><th class="angka">Pegawai terdaftar</th><th>Laporan instansi</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p class="keterangan">Tiap tahun: daftar unit kerja, laporan per unit dan skor per pegawai di halaman tahunnya.</p>
{search_section(folder, [t for t in years if not shown[t].get("masked")], [t for t in years if shown[t].get("masked")], ".")}
<p class="catatan-kaki">Dibuat dengan ipasn {__version__}</p>
{page_controls()}</body></html>
"""
    target = folder / "index.html"
    write_text(target, page)
    return target

