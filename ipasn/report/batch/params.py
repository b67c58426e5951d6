"""Run definitions (params/*.yaml): validated on load, paths resolved against the file's folder."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipasn.errors import ParamsError
from ipasn.report.content.data import DEMO, demo_workbook, official_demo
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
    # a workbook, a file or a folder, or a list of them; None (only with `resmi`): no export
    data: str | list[str] | None = DEMO
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
    # BKN's official results: documents show their numbers and reconcile them with `data`. One file
    # (one year), or one per year ({2022: hasil-bkn-2022.xlsx}); "demo" = the bundled demo's.
    resmi: str | dict[int, str] | None = None
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

    @model_validator(mode="before")
    @classmethod
    def _official_alone(cls, raw):
        """With `resmi` and no `data`, the run has no export (not the demo's)."""
        if isinstance(raw, dict) and raw.get("resmi") is not None and "data" not in raw:
            return {**raw, "data": None}
        return raw

    @model_validator(mode="after")
    def _official(self):
        if self.resmi is None:
            if self.data is None:
                raise ValueError("data: beri ekspor data (atau 'resmi', hasil resmi BKN)")
            return self
        if isinstance(self.resmi, str) and len(self.tahun) > 1:
            raise ValueError("resmi: dengan beberapa tahun, beri satu berkas per tahun ({2022: berkas.xlsx})")
        if isinstance(self.resmi, dict):
            other = sorted(set(self.resmi) - set(self.tahun))
            if other:
                raise ValueError(f"resmi: tahun {', '.join(map(str, other))} tidak ada di 'tahun'")
        return self

    def resmi_path(self, tahun: int) -> Path | None:
        """The official results file of a year, if the run names one."""
        given = self.resmi.get(tahun) if isinstance(self.resmi, dict) else self.resmi
        if given is None:
            return None
        return official_demo() if given == DEMO else (self.base_dir / given).resolve()

    def resmi_paths(self) -> list[Path]:
        return [p for p in (self.resmi_path(t) for t in self.tahun) if p is not None]

    def input_paths(self) -> list[Path]:
        """Every input whose content shapes the run: the export and the official results."""
        return [*self.data_paths(), *self.resmi_paths()]

    def data_paths(self) -> list[Path]:
        given = [self.data] if isinstance(self.data, str) else self.data or []
        return [demo_workbook() if item == DEMO else (self.base_dir / item).resolve() for item in given]

    @property
    def data_label(self) -> str:
        return ", ".join(p.name for p in self.data_paths() or self.resmi_paths())

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
