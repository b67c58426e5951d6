"""The `ipasn` command. Errors reach the user as one clear message; tracebacks only with --debug."""

from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import click

from ipasn import fmt
from ipasn.click_id import speak_indonesian
from ipasn.errors import InputError, IpasnError, StrictModeError, os_error_text

speak_indonesian()  # before any command is declared: click's own strings in Indonesian
OPTIONS = "[OPSI]"


class _Group(click.Group):
    """Turns every error into a message and an exit code, unless --debug asks for the traceback."""

    def invoke(self, ctx: click.Context):
        from ipasn.report.lifetime import exit_status, stop_on_signals

        try:
            with stop_on_signals():  # SIGTERM and SIGHUP stop as Ctrl-C does
                return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except IpasnError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Galat: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt as stop:
            signum = getattr(stop, "signum", None)
            with contextlib.suppress(OSError):  # e.g. the terminal that hung up
                click.echo(f"Dihentikan ({stop})." if signum not in (None, signal.SIGINT) else "Dihentikan.",
                           err=True)
            ctx.exit(exit_status(stop))
        except OSError as exc:  # the system's text is English (or the machine's locale): say it ourselves
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Galat: {os_error_text(exc)}", err=True)
            ctx.exit(2)
        except Exception:  # noqa: BLE001 - the last line of defence for the user
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo("Galat tak terduga di ipasn (bukan kesalahan data Anda). Jalankan ulang dengan "
                       "'ipasn --debug ...' untuk rincian teknis, dan sertakan rincian itu bila melaporkannya.",
                       err=True)
            ctx.exit(1)


@click.group(cls=_Group, options_metavar=OPTIONS, subcommand_metavar="PERINTAH [ARGUMEN]...")
@click.option("--debug", is_flag=True, help="Tampilkan traceback Python bila terjadi galat (untuk pengembang).")
@click.version_option(package_name="ipasn")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """ipasn: Indeks Profesionalitas ASN (PerBKN 8/2019), tepat dan dapat diulang.

    Bantuan tiap perintah: ipasn PERINTAH --help."""
    ctx.ensure_object(dict)["debug"] = debug


def print_accounting(dataset) -> None:
    """Every sheet and file read or not read, with its rows: read = used + with findings; then every
    history table that no input held."""
    accounting = dataset.accounting
    width = max([len(r) for r in accounting["peran"]] + [8])
    for row in accounting.itertuples(index=False):
        where = f"{row.berkas} › {row.lembar}" if row.lembar and row.lembar != row.berkas else row.berkas
        if row.peran and not row.berkas:
            continue  # a table no input holds: said below, loudly
        if row.peran:
            note = f" [{row.keterangan}]" if row.keterangan else ""
            click.echo(f"  {row.peran:<{width}} {where}: {fmt.integer(row.dibaca)} baris dibaca = "
                       f"{fmt.integer(row.dipakai)} dipakai + {fmt.integer(row.bermasalah)} dengan temuan "
                       f"({fmt.integer(row.ditolak)} ditolak){note}")
        else:
            click.echo(f"  {'-':<{width}} {where}: {row.keterangan}")
    ignored = dataset.column_use[dataset.column_use["dibaca_sebagai"] == ""] if len(dataset.column_use) else None
    if ignored is not None and len(ignored):
        click.echo(f"  {fmt.integer(len(ignored))} kolom tidak dipakai (alasannya di lembar 'rekap_kolom' keluaran .xlsx).")
    from ipasn.clean.dataset import ABSENT_MEANS

    for table, declared in dataset.absent.items():
        if declared:
            click.echo(f"  {table:<{width}} tidak ada (dinyatakan sengaja): {ABSENT_MEANS[table]}.")
        else:
            click.echo(f"PERINGATAN: data {table} tidak ditemukan di masukan: {ABSENT_MEANS[table]}, dan tidak "
                       f"ada skor yang dianggap lengkap. Bila memang tidak ada, nyatakan dengan --missing-sheet {table}.")


@main.command("score", options_metavar=OPTIONS)
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="DATA...")
@click.option("--year", "tahun", type=int, required=True, metavar="TAHUN",
              help="Tahun pengukuran N (tanggal acuan 31-12-N; kinerja dari penilaian tahun N-1).")
@click.option("--rules", default=None, metavar="ATURAN",
              help="Kode aturan atau berkas YAML aturan (bawaan: perbkn-8-2019).")
@click.option("--output", type=click.Path(path_type=Path), default=None, metavar="BERKAS",
              help="Berkas keluaran .xlsx, .csv atau .parquet (bawaan: skor-ipasn-TAHUN-data-pribadi.xlsx).")
@click.option("--reference-date", "tanggal_acuan", default=None, metavar="TANGGAL",
              help="Tanggal acuan lain (bawaan: 31-12-TAHUN), ditulis TTTT-BB-HH.")
@click.option("--unit-column", default=None, metavar="KOLOM",
              help="Judul kolom pegawai yang berisi unit kerja (bawaan: UNOR INDUK NAMA, bila tidak ada UNOR NAMA, ...).")
@click.option("--missing-sheet", "absent", multiple=True, type=click.Choice(["diklat", "kinerja", "hukdis"]),
              help="Tabel riwayat yang memang tidak ada di data (boleh diulang).")
@click.option("--strict", is_flag=True, help="Gagal (kode keluar 3) bila data memiliki temuan apa pun.")
def score_command(data: tuple[Path, ...], tahun: int, rules: str | None, output: Path | None,
                  tanggal_acuan: str | None, unit_column: str | None, absent: tuple[str, ...], strict: bool) -> None:
    """Hitung IP ASN setiap PNS di DATA: workbook (.xlsx, .xls, .ods), berkas CSV atau parquet, atau folder
    berisi berkas-berkas itu."""
    from ipasn.clean.load import load
    from ipasn.export.scores import check_output, scores_workbook_name, write_scores
    from ipasn.ruleset import load_ruleset
    from ipasn.scoring.period import Period, require_year
    from ipasn.scoring.score import score

    output = output or Path(scores_workbook_name(tahun))
    check_output(output)
    ruleset = load_ruleset(rules)
    try:
        dataset = load(list(data), ruleset, unit_column=unit_column, absent_ok=absent)
    except InputError as exc:
        from ipasn.official.command import with_official_hint

        raise with_official_hint(exc, list(data)) from exc
    require_year(dataset, Period.of(tahun, ruleset, tanggal_acuan))
    result = score(dataset, tahun, ruleset, tanggal_acuan)
    click.echo(f"Data: {dataset.source}")
    print_accounting(dataset)
    measured = len(result.scores)
    not_measured = int((~result.pegawai["diukur"]).sum())
    from ipasn.scoring.summary import not_measured_reasons

    click.echo(f"Diukur {fmt.integer(measured)} PNS; tidak diukur {fmt.integer(not_measured)} "
               f"({not_measured_reasons(result.pegawai)}); "
               f"{fmt.integer(len(dataset.findings))} temuan.")
    if strict and len(dataset.findings):
        raise StrictModeError(
            f"--strict: data memiliki {fmt.integer(len(dataset.findings))} temuan; tidak ada berkas ditulis")
    for written in write_scores(result, output):
        click.echo(f"Ditulis: {written}")


@main.command("run", options_metavar=OPTIONS)
@click.argument("params_file", type=click.Path(path_type=Path), metavar="DEFINISI_RUN")
@click.option("--jobs", type=int, default=None, metavar="N", help="Jumlah proses pekerja (bawaan: IPASN_JOBS bila diisi, selain itu jumlah inti CPU).")
@click.option("--only", "only", default=None, metavar="UNIT", help="Buat ulang satu unit saja (namanya persis).")
@click.option("--scheduler", default=None, metavar="ALAMAT",
              help="Alamat scheduler dask.distributed, mis. tcp://host:8786.")
@click.option("--force", is_flag=True, help="Jalankan setiap dokumen, juga yang dapat dipakai ulang.")
@click.option("--no-progress", is_flag=True, help="Tanpa bilah kemajuan.")
@click.option("--wait", is_flag=True,
              help="Bila run lain sedang menulis folder yang sama (atau verify sedang memeriksanya), tunggu sampai "
                   "selesai (bawaan: tolak, kode keluar 75).")
def run_command(params_file: Path, jobs: int | None, only: str | None, scheduler: str | None,
                force: bool, no_progress: bool, wait: bool) -> None:
    """Buat semua laporan yang diminta definisi run (params/*.yaml)."""
    from ipasn.report.batch.console import run_reports

    failed = run_reports(params_file, jobs=jobs, only=only, scheduler=scheduler, force=force,
                         progress=not no_progress, wait=wait)
    if failed:
        sys.exit(4)


@main.command("verify", options_metavar=OPTIONS)
@click.argument("report_dir", type=click.Path(path_type=Path), metavar="FOLDER_TAHUN")
@click.option("--unit", default=None, metavar="UNIT", help="Periksa dokumen satu unit saja.")
@click.option("--data", "data", type=click.Path(path_type=Path), multiple=True, metavar="JALUR",
              help="Letak data masukan sekarang, bila sudah dipindah sejak run (satu kali per jalur tercatat).")
@click.option("--jobs", type=int, default=None, metavar="N", help="Jumlah proses pekerja (bawaan: IPASN_JOBS bila diisi, selain itu jumlah inti CPU).")
@click.option("--wait", is_flag=True,
              help="Bila run sedang menulis folder instansi itu, tunggu sampai selesai (bawaan: tolak, kode keluar 75).")
def verify_command(report_dir: Path, unit: str | None, data: tuple[Path, ...], jobs: int | None, wait: bool) -> None:
    """Periksa folder laporan satu tahun: masukan tidak berubah, dan menjalankan ulang menghasilkan byte yang sama."""
    from ipasn.report.batch.console import waiting_message
    from ipasn.report.verify import verify

    sys.exit(verify(report_dir, unit=unit, data=list(data) or None, jobs=jobs, wait=wait, waiting=waiting_message))


@main.command("demo-data", options_metavar=OPTIONS)
@click.argument("out", type=click.Path(path_type=Path), metavar="KELUARAN")
@click.option("--units", type=int, default=None, metavar="N", help="Jumlah unit (SKPD).  [bawaan: 10; 3 dengan --siasn]")
@click.option("--employees", type=int, default=None, metavar="N",
              help="Jumlah pegawai.  [bawaan: 2500; 150 dengan --siasn]")
@click.option("--seed", default=2022, show_default=True, metavar="N", help="Benih bilangan acak.")
@click.option("--year", "tahun", default=2022, show_default=True, metavar="TAHUN", help="Tahun pengukuran data.")
@click.option("--siasn", is_flag=True,
              help="Tulis instansi sebagai unduhan SIASN (Data Utama PNS, Riwayat Diklat, ...).")
@click.option("--layout", type=click.Choice(["folder", "workbook"]), default=None,
              help="Dengan --siasn: folder berisi unduhan .xlsx, atau satu workbook dengan satu lembar per tabel "
                   "(bawaan: workbook bila KELUARAN berakhiran .xlsx).")
@click.option("--dirty", is_flag=True, help="Dengan --siasn: simpan satu NIP di Data Utama PNS sebagai angka.")
@click.option("--resmi", is_flag=True,
              help="Tulis hasil resmi BKN (.xlsx) untuk instansi demo, dengan selisih yang ditanam.")
@click.option("--years", default=None, metavar="AWAL-AKHIR",
              help="Beberapa tahun berturut-turut dengan mutasi pegawai (mis. 2021-2023), satu workbook per tahun "
                   "di folder KELUARAN; --year adalah tahun yang sama dengan demo satu tahun.")
def demo_data_command(out: Path, units: int | None, employees: int | None, seed: int, tahun: int,
                      siasn: bool, layout: str | None, dirty: bool, resmi: bool, years: str | None) -> None:
    """Tulis instansi sintetis ke KELUARAN (.xlsx, atau folder berisi berkas CSV; dengan --siasn, unduhan SIASN;
    dengan --resmi, hasil resmi BKN untuk instansi yang sama; dengan --years, satu workbook per tahun)."""
    if years is not None:
        if siasn or layout or dirty or resmi:
            raise click.UsageError("--years tidak dapat digabung dengan --siasn, --layout, --dirty atau --resmi")
        first, _, last = years.partition("-")
        if not (first.isdigit() and last.isdigit() and int(first) <= int(last)):
            raise click.UsageError(f"--years: tulis tahun pertama-terakhir, mis. 2021-2023 (diberikan: {years})")
        from ipasn.demo.years import write_demo_years

        for written in write_demo_years(out, units=10 if units is None else units,
                                        employees=2500 if employees is None else employees, seed=seed,
                                        first=int(first), last=int(last),
                                        anchor=min(max(tahun, int(first)), int(last))):
            click.echo(f"Ditulis: {written}")
        return
    if resmi:
        from ipasn.official.command import write_demo_official

        written = write_demo_official(out, units, employees, seed, tahun, siasn or layout or dirty)
    elif not siasn:
        if layout or dirty:
            raise click.UsageError("--layout dan --dirty hanya berlaku bersama --siasn")
        from ipasn.demo.contract import write_demo

        written = write_demo(out, units=10 if units is None else units,
                             employees=2500 if employees is None else employees, seed=seed, tahun=tahun)
    else:
        from ipasn.demo.siasn import write_siasn

        written = write_siasn(out, layout, units=3 if units is None else units,
                              employees=150 if employees is None else employees, seed=seed, tahun=tahun,
                              dirty=dirty)
    click.echo(f"Ditulis: {written}")


from ipasn.official.command import reconcile_command  # noqa: E402 - registered after the group exists

main.add_command(reconcile_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
