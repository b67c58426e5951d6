"""What need not be made again: a document whose fingerprint and files still match the manifest,
and a whole year's folder when nothing at all changed since the last complete run (its run key)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ipasn import __version__
from ipasn.files import sha256_bytes, sha256_file
from ipasn.report.audit.provenance import environment, git_commit, template_sha256
from ipasn.report.document.job import Job, JobResult

if TYPE_CHECKING:
    from ipasn.report.batch.params import RunParams


def run_key(params: RunParams, run_file: Path | None, data_key: str, year_dir: Path,
            templates: dict[str, Path]) -> str:
    """Everything a whole year's folder (documents, workbook, index, manifest) is made from.

    Recorded in the manifest after a complete run without failures; the next run with the same key
    and intact files has nothing to do, and knows it before loading any data."""
    run_text = run_file.read_text(encoding="utf-8") if run_file and run_file.is_file() else None
    parts = {
        "canonical": params.model_dump(mode="json", exclude={"base_dir"}),
        "run_file": str(run_file.resolve()) if run_file else None, "run_text": run_text,
        "data": [str(p) for p in params.data_paths()], "rules_ref": params.rules_ref(), "data_key": data_key,
        "year_dir": str(year_dir.resolve()),
        "templates": {name: [str(path), template_sha256(path)] for name, path in sorted(templates.items())},
        "environment": environment(), "ipasn": __version__, "git": git_commit(),
    }
    return sha256_bytes(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


def intact(folder: Path, files: dict[str, str]) -> bool:
    """Every file is there with the recorded hash."""
    return all((folder / name).is_file() and sha256_file(folder / name) == digest for name, digest in files.items())


def reusable(job: Job, fingerprint: str, previous: dict | None) -> JobResult | None:
    """The previous result of this job if its fingerprint and every file still match, else None."""
    entry = (previous or {}).get("documents", {}).get(job.relative_stem)
    if not entry or entry.get("status") not in ("ok", "reused") or entry.get("fingerprint") != fingerprint:
        return None
    files = entry.get("files", {})
    if set(files) != {f"{job.relative_stem}.{suffix}" for suffix in ("ipynb", *job.formats)}:
        return None
    return JobResult(job.key, "reused", 0.0, dict(files)) if intact(job.year_dir, files) else None
