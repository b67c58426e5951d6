"""Reading a large workbook is the slowest step of an unchanged rerun: keep the loaded Dataset.

The cache key is the hash of every input file, the ruleset and ipasn's own code, so a cached Dataset
is only ever used for exactly the inputs and code that made it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import fields
from pathlib import Path

import pandas as pd

from ipasn.load import Dataset, load
from ipasn.report.provenance import code_sha256, input_files, sha256_bytes, sha256_file
from ipasn.ruleset import Ruleset

FRAMES = [f.name for f in fields(Dataset) if f.name not in ("source", "files")]


def dataset_key(data: Path, rules_sha256: str) -> str:
    parts = {"data": {p.name: sha256_file(p) for p in input_files(data)}, "rules": rules_sha256,
             "code": code_sha256()}
    return sha256_bytes(json.dumps(parts, sort_keys=True).encode("utf-8"))


def _read(folder: Path, source: str) -> Dataset:
    frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in FRAMES}
    files = json.loads((folder / "files.json").read_text(encoding="utf-8"))
    return Dataset(source=source, files=files, **frames)


def _write(dataset: Dataset, folder: Path) -> None:
    for name in FRAMES:
        getattr(dataset, name).to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "files.json").write_text(json.dumps(dataset.files, sort_keys=True), encoding="utf-8")


def cached_load(data: Path, rules: Ruleset, rules_sha256: str, cache_root: Path) -> tuple[Dataset, str]:
    """Load `data` (or reuse the Dataset loaded from these exact inputs); returns (dataset, key)."""
    key = dataset_key(data, rules_sha256)
    folder = cache_root / key[:32]
    if (folder / "files.json").is_file():
        try:
            return _read(folder, str(data)), key
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)  # damaged: load again
    dataset = load(data, rules)
    cache_root.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".ipasn-tmp-", dir=cache_root))
    try:
        _write(dataset, scratch)
        for old in cache_root.iterdir():  # one entry: the inputs of the latest run
            if old != scratch:
                shutil.rmtree(old, ignore_errors=True)
        scratch.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return dataset, key
