"""One exception root. Each error's message is what the user reads, in full, without a traceback."""

from __future__ import annotations


class IpasnError(Exception):
    """Base of every error ipasn raises on purpose. `exit_code` is what the CLI returns."""

    exit_code = 1


class InputError(IpasnError):
    """A file-level problem with the input data: nothing is written. `row` is the Excel row number
    (the CSV record number) when one row is to blame."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, sheet: str | None = None,
                 column: str | None = None, row: int | None = None) -> None:
        where = ", ".join(
            part for part in (
                f"berkas {file}" if file else None,
                f"lembar {sheet}" if sheet else None,
                f"baris {row}" if row is not None else None,
                f"kolom {column}" if column else None,
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.file, self.sheet, self.column, self.row = file, sheet, column, row


class RulesetError(IpasnError):
    """The ruleset file is missing or violates its schema."""

    exit_code = 2


class ParamsError(IpasnError):
    """A run definition (params/*.yaml) is invalid or refers to something not in the data."""

    exit_code = 2


class OutputError(IpasnError):
    """The output cannot be written where it was asked for (a folder, an unknown format)."""

    exit_code = 2


class StrictModeError(IpasnError):
    """`--strict` was given and the data has findings."""

    exit_code = 3


class YearError(IpasnError):
    """The measurement year asks for an assessment year that the data does not hold."""

    exit_code = 2
