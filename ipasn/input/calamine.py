"""Excel 97-2003 (.xls), binary (.xlsb) and OpenDocument (.ods) workbooks, through python-calamine
(pandas' own fast engine). Same row interface as `xlsx.XlsxSheet`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ipasn.errors import InputError


def _corrupt_errors() -> tuple[type[BaseException], ...]:
    import python_calamine

    return (python_calamine.CalamineError, ValueError, OSError)


class CalamineWorkbook:
    def __init__(self, path: Path, label: str) -> None:
        from python_calamine import CalamineWorkbook as Workbook

        self.label = label
        self._handle = open(path, "rb")  # noqa: SIM115 - closed in __exit__
        try:
            # From the bytes, not the name: an .xls renamed .xlsx is read as what it is.
            self._book = Workbook.from_filelike(self._handle)
        except (*_corrupt_errors(), TypeError) as exc:
            self._handle.close()
            raise InputError(
                "workbook rusak atau terpotong sehingga tidak dapat dibaca; buka di Excel atau LibreOffice lalu "
                "simpan sebagai Buku Kerja Excel (.xlsx), atau salin atau unduh ulang berkasnya", file=label,
            ) from exc

    def __enter__(self) -> CalamineWorkbook:
        return self

    def __exit__(self, *_: object) -> None:
        close = getattr(self._book, "close", None)
        if close:
            close()
        self._handle.close()

    @property
    def titles(self) -> list[str]:
        return list(self._book.sheet_names)

    def sheet(self, index: int) -> CalamineSheet:
        return CalamineSheet(self._book, index)


class CalamineSheet:
    corrupt = _corrupt_errors()

    def __init__(self, book, index: int) -> None:
        self._book, self._index = book, index
        self.merges: list[tuple[int, int, int, int]] = []
        self.uncached: list[tuple[int, int, str]] = []  # calamine cannot tell: a never-calculated formula is empty

    def keep_columns(self, positions: Iterable[int]) -> None:
        pass  # calamine reads the whole sheet at once

    def rows(self) -> Iterator[tuple[int, dict[int, object]]]:
        sheet = self._book.get_sheet_by_index(self._index)
        for (first_row, first_col), (last_row, last_col) in getattr(sheet, "merged_cell_ranges", None) or ():
            self.merges.append((first_col, first_row + 1, last_col, last_row + 1))
        # skip_empty_area=False starts at A1, so row i is Excel's row i + 1
        for number, values in enumerate(sheet.to_python(skip_empty_area=False), start=1):
            cells = {i: v for i, v in enumerate(values) if v is not None and v != ""}
            if cells:
                yield number, cells
