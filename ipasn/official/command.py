"""`ipasn reconcile`: BKN's official results beside ipasn's own count of the same export and year.

Exit 0 when the comparison ran, whatever it found; exit 2 on a file-level problem (nothing written).
"""

from __future__ import annotations

from pathlib import Path

import click

from ipasn import fmt
from ipasn.errors import InputError, OutputError


def with_official_hint(exc: InputError, paths) -> InputError:
    """An export that turns out to be BKN's official results: say which command reads it."""
    from ipasn.input import read_tables
    from ipasn.official.schema import SPECS

    try:
        looks_official = bool(read_tables(paths, SPECS).sheets)
    except InputError:
        looks_official = False
    if not looks_official:
        return exc
    return InputError(f"{exc}. Berkas ini tampaknya hasil resmi IP ASN dari BKN (kolom NIP, kualifikasi, kompetensi, "
                      "kinerja, disiplin): bandingkan dengan ekspor lewat 'ipasn reconcile HASIL --data EKSPOR --year N', "
                      "atau terbitkan laporan darinya dengan 'resmi:' di definisi run")


def write_demo_official(out: Path, units: int | None, employees: int | None, seed: int, tahun: int,
                        other_options: bool) -> Path:
    """`ipasn demo-data OUT --resmi`: the official results for the demo instansi of the same options."""
    from ipasn.official.demo import write_official

    if other_options:
        raise click.UsageError("--resmi tidak dapat digabung dengan --siasn, --layout atau --dirty")
    check_workbook_output(out)
    return write_official(out, units=10 if units is None else units,
                          employees=2500 if employees is None else employees, seed=seed, tahun=tahun)


def check_workbook_output(output: Path) -> None:
    if output.is_dir():
        raise OutputError(f"--output {output} adalah folder: beri nama berkas, misalnya {output / 'selisih.xlsx'}")
    if output.suffix.lower() != ".xlsx":
        raise OutputError(f"keluaran rekonsiliasi harus workbook .xlsx: {output.name}")
    if not output.parent.resolve().is_dir():
        raise OutputError(f"folder keluaran tidak ada: {output.parent}")


def print_official(official) -> None:
    """Every sheet of the official file read or not read, with its rows: read = used + with findings."""
    for row in official.accounting.itertuples(index=False):
        where = f"{row.berkas} › {row.lembar}" if row.lembar and row.lembar != row.berkas else row.berkas
        if row.peran:
            click.echo(f"  {where}: {fmt.integer(row.dibaca)} baris dibaca = {fmt.integer(row.dipakai)} dipakai + "
                       f"{fmt.integer(row.bermasalah)} dengan temuan ({fmt.integer(row.ditolak)} ditolak)")
        else:
            click.echo(f"  {where}: {row.keterangan}")
    unused = official.column_use[official.column_use["dibaca_sebagai"] == ""]
    if len(unused):
        click.echo(f"  {fmt.integer(len(unused))} kolom tidak dipakai: "
                   + ", ".join(f"{c} ({why})" for c, why in zip(unused["kolom"], unused["keterangan"])))


def print_outcome(rec) -> None:
    from ipasn.official.compare import ALL_UNITS

    whole = rec.ringkasan[(rec.ringkasan["unit_kerja"] == ALL_UNITS) & (rec.ringkasan["dimensi"] == "ip_asn")].iloc[0]
    click.echo(f"Dibandingkan {fmt.integer(whole['pns_dibandingkan'])} PNS: {fmt.integer(whole['pns_berbeda'])} "
               f"berbeda ({fmt.integer(len(rec.selisih))} selisih dimensi); hanya di hasil BKN "
               f"{fmt.integer(len(rec.hanya_bkn))}; hanya di ekspor {fmt.integer(len(rec.hanya_data))}; "
               f"{fmt.integer(len(rec.official.findings))} temuan di hasil resmi.")
    sign = "+" if whole["perubahan"] >= 0 else ""
    click.echo(f"IP ASN instansi resmi {fmt.number(whole['nilai_resmi'])}; dengan data yang sudah ada di ekspor "
               f"{fmt.number(whole['nilai_dengan_data_ekspor'])} ({sign}{fmt.number(whole['perubahan'])}); "
               f"{fmt.integer(whole['sertifikat_diunggah'])} dokumen dapat diunggah ke SIASN.")


@click.command("reconcile", options_metavar="[OPSI]")
@click.argument("resmi", type=click.Path(path_type=Path), metavar="RESMI")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(path_type=Path), metavar="JALUR",
              help="Ekspor data pegawai (workbook, berkas CSV/parquet atau folder; boleh diulang).")
@click.option("--year", "tahun", type=int, required=True, metavar="TAHUN",
              help="Tahun pengukuran N hasil resmi.")
@click.option("--output", type=click.Path(path_type=Path), default=None, metavar="BERKAS",
              help="Berkas keluaran .xlsx (bawaan: selisih-ipasn-TAHUN-data-pribadi.xlsx).")
@click.option("--rules", default=None, metavar="ATURAN",
              help="Kode aturan atau berkas YAML aturan (bawaan: perbkn-8-2019).")
@click.option("--reference-date", "tanggal_acuan", default=None, metavar="TANGGAL",
              help="Tanggal acuan lain, ditulis TTTT-BB-HH.")
@click.option("--unit-column", default=None, metavar="KOLOM", help="Judul kolom pegawai yang berisi unit kerja.")
@click.option("--missing-sheet", "absent", multiple=True, type=click.Choice(["diklat", "kinerja", "hukdis"]),
              help="Tabel riwayat yang memang tidak ada di ekspor (boleh diulang).")
def reconcile_command(resmi: Path, data: tuple[Path, ...], tahun: int, output: Path | None, rules: str | None,
                      tanggal_acuan: str | None, unit_column: str | None, absent: tuple[str, ...]) -> None:
    """Bandingkan hasil resmi BKN (RESMI) dengan hitungan ipasn dari ekspor, per NIP dan dimensi."""
    from ipasn.files import write_bytes
    from ipasn.clean.dataset import ABSENT_MEANS
    from ipasn.clean.load import load
    from ipasn.official.compare import reconcile
    from ipasn.official.read import read_official
    from ipasn.official.workbook import reconciliation_workbook
    from ipasn.ruleset import load_ruleset
    from ipasn.scoring.period import Period, require_year
    from ipasn.scoring.score import score
    from ipasn.scoring.summary import not_measured_reasons

    output = output or Path(f"selisih-ipasn-{tahun}-data-pribadi.xlsx")
    check_workbook_output(output)
    ruleset = load_ruleset(rules)
    official = read_official(resmi, ruleset, tahun)
    dataset = load(list(data), ruleset, unit_column=unit_column, absent_ok=absent)
    require_year(dataset, Period.of(tahun, ruleset, tanggal_acuan))
    result = score(dataset, tahun, ruleset, tanggal_acuan)
    click.echo(f"Hasil resmi BKN: {official.source}")
    print_official(official)
    click.echo(f"Ekspor: {dataset.source}: diukur {fmt.integer(len(result.scores))} PNS; tidak diukur "
               f"{fmt.integer(int((~result.pegawai['diukur']).sum()))} ({not_measured_reasons(result.pegawai)}); "
               f"{fmt.integer(len(dataset.findings))} temuan.")
    for table, declared in dataset.absent.items():
        if not declared:
            click.echo(f"PERINGATAN: data {table} tidak ditemukan di ekspor: {ABSENT_MEANS[table]}; selisih "
                       "dimensi itu bisa berasal dari data yang hilang ini.")
    rec = reconcile(official, result)
    print_outcome(rec)
    write_bytes(output, reconciliation_workbook(rec))
    click.echo(f"Ditulis: {output}")
