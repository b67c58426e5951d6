"""Run definitions (params/*.yaml): validated on load, paths resolved against the file's folder."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ipasn.errors import ParamsError
from ipasn.report.content.data import DEMO, demo_workbook
from ipasn.report.content.targets import Targets


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mask_personal_data: bool = False  # mask NIP and names in every document (UU 27/2022)


class Notebooks(BaseModel):
    """Report templates; None uses ipasn's own. Paths are relative to the run file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: str | None = None
    instansi: str | None = None


class RunParams(BaseModel):
    """One run: which instansi, years, data, rules, targets, units, formats and output folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instansi: str = Field(min_length=1)
    tahun: list[int] = Field(min_length=1)
    data: str | list[str] = DEMO  # a workbook, a file or a folder, or a list of them
    kolom_unit: str | None = None  # the pegawai column that names the unit (default: UNOR INDUK NAMA, ...)
    # History tables the data does not have on purpose (otherwise their absence is a finding).
    lembar_tidak_ada: list[Literal["diklat", "kinerja", "hukdis"]] = []
    rules: str | None = None
    tanggal_acuan: str | None = None  # only with a single year: overrides 31 December
    targets: Targets = Targets()
    unit_kerja: list[str] | Literal["all"] = "all"
    formats: list[Literal["html", "pdf"]] = ["html", "pdf"]
    output: str = "reports"
    options: Options = Options()
    notebooks: Notebooks = Notebooks()
    base_dir: Path = Path(".")  # the run file's folder; relative paths resolve against it

    @field_validator("tahun", mode="before")
    @classmethod
    def _years(cls, value):
        return sorted({int(v) for v in value}) if isinstance(value, (list, tuple)) else [value]

    @field_validator("data")
    @classmethod
    def _data(cls, value):
        if isinstance(value, list) and not value:
            raise ValueError("data: beri sedikitnya satu berkas atau folder")
        return value

    @field_validator("formats")
    @classmethod
    def _formats(cls, value):
        return sorted(set(value), key=["html", "pdf"].index)

    def data_paths(self) -> list[Path]:
        given = [self.data] if isinstance(self.data, str) else self.data
        return [demo_workbook() if item == DEMO else (self.base_dir / item).resolve() for item in given]

    @property
    def data_label(self) -> str:
        return ", ".join(p.name for p in self.data_paths())

    def rules_ref(self) -> str | None:
        if self.rules is None:
            return None
        candidate = self.base_dir / self.rules
        return str(candidate.resolve()) if candidate.suffix in (".yaml", ".yml") else self.rules

    def notebook(self, kind: Literal["unit", "instansi"]) -> Path | None:
        chosen = getattr(self.notebooks, kind)
        if chosen is None:
            return None
        path = (self.base_dir / chosen).resolve()
        if not path.is_file():
            raise ParamsError(f"notebooks.{kind}: berkas tidak ditemukan: {path}")
        return path

    def output_dir(self) -> Path:
        return (self.base_dir / self.output).resolve()


def parse_params(text: str, source: str, base_dir: Path) -> RunParams:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ParamsError(f"{source}: bukan YAML yang valid: {exc}") from exc
    if not isinstance(raw, dict):
        raise ParamsError(f"{source}: definisi run harus berupa pemetaan YAML (kunci: nilai)")
    if "base_dir" in raw:
        raise ParamsError(f"{source}: kunci tidak dikenal: base_dir")
    try:
        params = RunParams.model_validate({**raw, "base_dir": base_dir})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(atas)"
            message = "kunci tidak dikenal" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{where}: {message}")
        raise ParamsError(f"{source}: definisi run tidak valid: " + "; ".join(problems)) from exc
    if params.tanggal_acuan and len(params.tahun) > 1:
        raise ParamsError(f"{source}: tanggal_acuan hanya boleh dipakai dengan satu tahun")
    return params


def load_params(path: str | Path) -> RunParams:
    path = Path(path)
    if not path.is_file():
        raise ParamsError(f"definisi run tidak ditemukan: {path}")
    return parse_params(path.read_text(encoding="utf-8"), str(path), path.parent.resolve())
