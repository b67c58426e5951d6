"""One exception root. Each error's message is what the user reads, in full, without a traceback."""

from __future__ import annotations

import errno

# Operating-system errors in Indonesian: Python's own strerror is English.
OS_ERRORS = {
    errno.ENOENT: "tidak ditemukan", errno.EACCES: "tidak ada izin", errno.EPERM: "tidak diizinkan",
    errno.EISDIR: "adalah folder, bukan berkas", errno.ENOTDIR: "bukan folder",
    errno.ENOSPC: "ruang disk habis", errno.EROFS: "sistem berkas hanya-baca", errno.EEXIST: "sudah ada",
    errno.ENAMETOOLONG: "nama terlalu panjang", errno.EMFILE: "terlalu banyak berkas terbuka",
}


def os_error_reason(exc: OSError) -> str:
    """Why the operating system refused, in Indonesian ("tidak ada izin"), without the file's name."""
    return OS_ERRORS.get(exc.errno, f"galat sistem (errno {exc.errno})" if exc.errno else "galat sistem")


def os_error_text(exc: OSError) -> str:
    """An operating-system error in Indonesian, naming the file."""
    return f"{exc.filename}: {os_error_reason(exc)}" if exc.filename else os_error_reason(exc)


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


class VerifyError(IpasnError):
    """`ipasn verify` cannot start: no report folder there, or an option names nothing in it. Not 1,
    which says a document differs."""

    exit_code = 2


class StrictModeError(IpasnError):
    """`--strict` was given and the data has findings."""

    exit_code = 3


class YearError(IpasnError):
    """The measurement year asks for an assessment year that the data does not hold."""

    exit_code = 2


class ClusterError(IpasnError):
    """`ipasn run --scheduler`: the scheduler cannot be reached, or its workers cannot run ipasn's jobs."""

    exit_code = 2


class KernelError(IpasnError, RuntimeError):
    """A notebook kernel (or the zygote that forks them) did not start or answer. Also a RuntimeError:
    nbclient cleans up after a RuntimeError from `wait_for_ready`, as jupyter_client raises it."""


class ChromiumError(IpasnError, RuntimeError):
    """Chromium (the PDF engine) could not be started or did not answer."""
