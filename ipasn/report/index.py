"""index.html of one year's report folder: every unit with its IP ASN, category and documents."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import quote

from ipasn import __version__, fmt
from ipasn.files import write_text
from ipasn.report.render import stylesheet
from ipasn.summary import summarise

if TYPE_CHECKING:
    from pathlib import Path

    from ipasn.report.batch import JobResult
    from ipasn.report.run import Prepared
    from ipasn.score import ScoreResult

STATUS = {"ok": "selesai", "failed": "GAGAL", "reused": "dipakai ulang", None: "belum dibuat"}


def _links(year_dir: Path, stem: str, formats: tuple[str, ...]) -> str:
    links = []
    for suffix in (*formats, "ipynb"):
        if (year_dir / f"{stem}.{suffix}").is_file():
            links.append(f'<a href="{quote(stem)}.{suffix}">{suffix.upper()}</a>')
    return " · ".join(links) or "–"


def write_index(prepared: Prepared, result: ScoreResult, year_dir: Path,
                results: dict[str, JobResult]) -> Path:
    tahun = result.period.tahun
    esc = html.escape
    personal = "tidak (disamarkan)" if prepared.params.options.mask_personal_data else "ya: NIP dan nama"
    summary = summarise(result, by="unit_kerja")
    whole = summarise(result, by=None).iloc[0]
    formats = tuple(prepared.params.formats)
    rows = []
    for unit, row in summary.iterrows():
        slug = prepared.slugs[unit]
        job = results.get(f"{tahun}/units/{slug}")
        rows.append(
            f"<tr><td>{esc(unit)}</td><td class=\"angka\">{fmt.integer(row['diukur'])}</td>"
            f"<td class=\"angka\">{fmt.number(row['ip_asn'])}</td><td>{esc(row['kategori'] or '–')}</td>"
            f"<td>{_links(year_dir, 'units/' + slug, formats)}</td>"
            f"<td>{STATUS.get(job.status if job else None, job.status if job else '')}</td>"
            f"<td>{personal}</td></tr>")
    instansi_job = results.get(f"{tahun}/instansi")
    workbook = f"skor-ipasn-{tahun}-data-pribadi.xlsx"
    page = f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>IP ASN {tahun} — {esc(prepared.params.instansi)}</title>
<style>{stylesheet()}</style></head>
<body>
<h1>Indeks Profesionalitas ASN Tahun {tahun}</h1>
<p class="lingkup">{esc(prepared.params.instansi)}</p>
<p>IP ASN instansi <strong>{fmt.number(whole['ip_asn'])}</strong> ({esc(whole['kategori'] or '–')}),
{fmt.integer(whole['diukur'])} PNS diukur dari {fmt.integer(whole['terdaftar'])} pegawai terdaftar.</p>
<h2>Dokumen instansi</h2>
<table class="tabel"><thead><tr><th>Dokumen</th><th>Berkas</th><th>Status</th><th>Memuat data pribadi</th></tr></thead>
<tbody>
<tr><td>Laporan instansi</td><td>{_links(year_dir, 'instansi', formats)}</td>
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
<p class="catatan-kaki">Dibuat dengan ipasn {__version__} · aturan {esc(prepared.rules_label)} ·
tanggal acuan {result.period.tanggal_acuan:%d-%m-%Y}</p>
</body></html>
"""
    target = year_dir / "index.html"
    write_text(target, page)
    return target
