"""Writing files so that a reader never sees half of one, and the same content gives the same bytes."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_PREFIX = ".ipasn-tmp-"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one rename."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; documents are for sharing
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def clean_temporaries(folder: str | Path) -> int:
    """Remove what an interrupted run left behind; returns how many files were removed."""
    removed = 0
    for leftover in Path(folder).rglob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def normalise_zip(data: bytes, *, date_time: tuple[int, ...] = FIXED_ZIP_TIME, sort: bool = False,
                  transform: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite a zip (xlsx, pptx) with fixed timestamps and attributes so equal content gives equal
    bytes; `sort` orders the entries by name, `transform(name, content)` rewrites an entry's content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        names = [info.filename for info in source.infolist()]
        for name in sorted(names) if sort else names:
            content = source.read(name)
            fixed = zipfile.ZipInfo(name, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, transform(name, content) if transform else content)
    return out.getvalue()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
