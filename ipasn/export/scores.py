"""Write scores and findings as .xlsx, .csv or .parquet: deterministic bytes, formula-safe text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ipasn.errors import OutputError
from ipasn.export.guide import GUIDE_SHEET, guide_table
from ipasn.export.xlsx import workbook_bytes
from ipasn.files import atomic_path, write_bytes
from ipasn.scoring.score import EXPLANATION_COLUMNS, OUTPUT_COLUMNS, ScoreResult

FORMATS = (".xlsx", ".csv", ".parquet")
PERSONAL_DATA_SUFFIX = "data-pribadi"
# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def scores_workbook_name(tahun: int) -> str:
    """The scores workbook's default name (`ipasn score`, and each year's report folder): it says that
    the file holds personal data."""
    return f"skor-ipasn-{tahun}-{PERSONAL_DATA_SUFFIX}.xlsx"


def scores_table(result: ScoreResult) -> pd.DataFrame:
    """The contract's columns first, then the explanations, then the sub-unit where the data has one."""
    columns = OUTPUT_COLUMNS + [c for c in EXPLANATION_COLUMNS if c in result.scores]
    if "sub_unit" in result.scores and (result.scores["sub_unit"].fillna("") != "").any():
        columns.append("sub_unit")
    return result.scores[columns]


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralise)
    return frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return _neutralised(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


def findings_path(output: Path) -> Path:
    return output.with_name(output.stem + ".temuan" + output.suffix)


def check_output(output: Path) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, an unknown format, a
    folder that does not exist."""
    if output.is_dir():
        raise OutputError(f"--output {output} adalah folder: beri nama berkas, misalnya "
                         f"{output / ('skor-ipasn-' + PERSONAL_DATA_SUFFIX + '.xlsx')} (.xlsx, .csv atau .parquet)")
    if output.suffix.lower() not in FORMATS:
        raise OutputError(f"format keluaran tidak dikenal: {output.name} (gunakan {', '.join(FORMATS)})")
    if not output.parent.resolve().is_dir():
        raise OutputError(f"folder keluaran tidak ada: {output.parent}")


def write_scores(result: ScoreResult, output: str | Path) -> list[Path]:
    """Write the scored rows and the findings; returns the files written."""
    output = Path(output)
    check_output(output)
    suffix = output.suffix.lower()
    table = scores_table(result)
    found = result.findings
    if suffix == ".xlsx":
        write_bytes(output, scores_workbook(result))
        return [output]
    second = findings_path(output)
    if suffix == ".csv":
        write_bytes(output, csv_bytes(table))
        write_bytes(second, csv_bytes(found))
    else:
        for frame, target in ((table, output), (found, second)):
            with atomic_path(target) as tmp:
                frame.to_parquet(tmp, index=False)
    return [output, second]


def scores_workbook(result: ScoreResult) -> bytes:
    """The scores workbook (`ipasn score --output x.xlsx` and every report run's): first a guide to
    its sheets and columns (`petunjuk`), then scores, findings, row and column accounting, and the
    rules in force; each sheet opens ready to read."""
    sheets = {
        "skor": scores_table(result), "temuan": result.findings, "rekap_baris": result.dataset.accounting,
        "rekap_kolom": result.dataset.column_use, "aturan": rules_table(result),
    }
    return workbook_bytes({GUIDE_SHEET: guide_table(sheets, result.rules), **sheets}, for_people=True,
                          wrapped=("keterangan",))


def rules_table(result: ScoreResult) -> pd.DataFrame:
    """Which ruleset, period and options were in force (reports state them)."""
    rules, period = result.rules, result.period
    rows = [("aturan", rules.id), ("nama_aturan", rules.nama), ("tahun", str(period.tahun)),
            ("tanggal_acuan", period.tanggal_acuan.date()),  # a date cell in the workbook
            ("tahun_kinerja", str(period.tahun_kinerja))]
    rows += [(f"opsi.{k}", str(v).lower() if isinstance(v, bool) else str(v))
             for k, v in rules.options_in_force().items()]
    return pd.DataFrame(rows, columns=["butir", "nilai"])
