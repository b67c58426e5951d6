"""Run definitions (params/*.yaml): validated on load, paths resolved against the file's folder."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipasn.validation_id import validation_text, yaml_error_text

from ipasn.errors import ParamsError
from ipasn.report.content.data import DEMO, demo_workbook, official_demo
from ipasn.report.content.dokumen import Dokumen, Pembanding, Penandatangan, logo_data_uri
from ipasn.report.content.targets import Targets

Paths = str | list[str]  # a workbook, a file or a folder, or a list of them


class RunOptions(BaseModel):
    """The run definition's `options:` (not the ruleset's scoring options, `ruleset.Options`)."""

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
    # One snapshot for every year, or per year ({2021: a.xlsx, 2022: [b.xlsx, c.csv]}); None (only
    # with `resmi`): no export.
    data: Paths | dict[int, Paths] | None = DEMO
    # BKN's official results: documents show their numbers and reconcile them with `data`. One file
    # (one year), or one per year ({2022: hasil-bkn-2022.xlsx}); "demo" = the bundled demo's.
    resmi: str | dict[int, str] | None = None
    unit_alias: dict[str, str] = {}  # an old unit name -> its new name, so the years compare
    kolom_unit: str | None = None  # the pegawai column that names the unit (default: UNOR INDUK NAMA, ...)
    # History tables the data does not have on purpose (otherwise their absence is a finding).
    lembar_tidak_ada: list[Literal["diklat", "kinerja", "hukdis"]] = []
    rules: str | None = None
    tanggal_acuan: str | None = None  # only with a single year: overrides 31 December
    targets: Targets = Targets()
    unit_kerja: list[str] | Literal["all"] = "all"
    formats: list[Literal["html", "pdf", "pptx"]] = ["html", "pdf"]
    output: str = "reports"
    options: RunOptions = RunOptions()
    notebooks: Notebooks = Notebooks()
    # The front and back of the documents (all optional; without them the documents have no cover
    # extras, foreword or signature). Paths are relative to the run file.
    logo: str | None = None  # PNG or SVG on the cover
    kata_pengantar: str | None = None  # foreword: Markdown text, or a .md file
    penandatangan: Penandatangan | None = None
    pembanding: list[Pembanding] = []
    base_dir: Path = Path(".")  # the run file's folder; relative paths resolve against it

    @field_validator("tahun", mode="before")
    @classmethod
    def _years(cls, value):
        return sorted({int(v) for v in value}) if isinstance(value, (list, tuple)) else [value]

    @field_validator("resmi", mode="before")
    @classmethod
    def _resmi_shape(cls, value):
        """One file, or one file per year: an official results file is a whole year's numbers."""
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, dict) and all(str(k).strip().isdigit() and isinstance(v, str) for k, v in value.items()):
            return {int(k): v for k, v in value.items()}
        raise ValueError("beri satu berkas, atau satu berkas per tahun {2022: hasil-bkn-2022.xlsx}")

    @field_validator("data", mode="before")
    @classmethod
    def _data_shape(cls, value):
        """One path, a list of paths, or per year {2021: path or list}; said in the user's terms."""
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        if isinstance(value, dict):
            years = {}
            for key, given in value.items():
                if not str(key).strip().isdigit():
                    raise ValueError(f"'{key}' bukan tahun; tulis per tahun, mis. {{2021: a.xlsx, 2022: b.xlsx}}")
                if not (isinstance(given, str) or (isinstance(given, list) and all(isinstance(v, str) for v in given))):
                    raise ValueError(f"tahun {key}: beri satu path atau daftar path")
                years[int(key)] = given
            return years
        raise ValueError("beri satu path, daftar path, atau per tahun {2021: a.xlsx, 2022: [b.xlsx, c.csv]}")

    @field_validator("data")
    @classmethod
    def _data(cls, value):
        for given in (value.values() if isinstance(value, dict) else [value]):
            if isinstance(given, list) and not given:
                raise ValueError("beri sedikitnya satu berkas atau folder")
        return value

    @model_validator(mode="after")
    def _years_have_data(self):
        problem = per_year_mismatch(self.data, self.tahun)
        if problem:
            raise ValueError(f"data: {problem}")
        problem = per_year_mismatch(self.resmi, self.tahun, every_year=False)  # not every year has them
        if problem:
            raise ValueError(f"resmi: {problem}")
        if self.resmi is None and self.data is None:
            raise ValueError("data: beri ekspor data (atau 'resmi', hasil resmi BKN)")
        if isinstance(self.resmi, str) and len(self.tahun) > 1:
            raise ValueError("resmi: dengan beberapa tahun, beri satu berkas per tahun ({2022: berkas.xlsx})")
        chained = sorted(set(self.unit_alias) & set(self.unit_alias.values()))
        if chained:
            raise ValueError(f"unit_alias: nama lama sekaligus nama baru: {', '.join(chained)}; "
                             "tulis langsung nama lama -> nama terakhir")
        return self

    @model_validator(mode="before")
    @classmethod
    def _official_alone(cls, raw):
        """With `resmi` and no `data`, the run has no export (not the demo's)."""
        if isinstance(raw, dict) and raw.get("resmi") is not None and "data" not in raw:
            return {**raw, "data": None}
        return raw

    @field_validator("formats")
    @classmethod
    def _formats(cls, value):
        return sorted(set(value), key=["html", "pdf", "pptx"].index)

    def _resolve(self, given: Paths, tahun: int | None) -> list[Path]:
        """Paths against the run file's folder; `demo` is the bundled demo snapshot of `tahun`."""
        items = [given] if isinstance(given, str) else given
        return [demo_workbook(tahun) if item == DEMO else (self.base_dir / item).resolve() for item in items]

    def data_paths(self, tahun: int | None = None) -> list[Path]:
        """The data of year `tahun`; without a year, every path of the run (each once, by year)."""
        if self.data is None:
            return []
        if tahun is not None:
            return self._resolve(self.data[tahun] if isinstance(self.data, dict) else self.data, tahun)
        paths = [p for t in self.tahun for p in self.data_paths(t)]
        return list(dict.fromkeys(paths))

    @property
    def per_year(self) -> bool:
        """The years are computed from different data (given per year, or the demo's snapshots)."""
        return len({tuple(self.data_paths(t)) for t in self.tahun}) > 1

    @property
    def shared_snapshot(self) -> bool:
        """Several years computed from one snapshot: the reports say so."""
        return len(self.tahun) > 1 and not self.per_year

    def resmi_path(self, tahun: int) -> Path | None:
        """The official results file of a year, if the run names one."""
        given = self.resmi.get(tahun) if isinstance(self.resmi, dict) else self.resmi
        if given is None:
            return None
        return official_demo() if given == DEMO else (self.base_dir / given).resolve()

    def resmi_paths(self, tahun: int | None = None) -> list[Path]:
        """BKN's official results of `tahun` (none: []); without a year, every year's."""
        years = self.tahun if tahun is None else [tahun]
        return [p for p in (self.resmi_path(t) for t in years) if p is not None]

    def input_paths(self, tahun: int | None = None) -> list[Path]:
        """Every input whose content shapes the run (or year `tahun`): the export and the official results."""
        return [*self.data_paths(tahun), *self.resmi_paths(tahun)]

    def canonical_unit(self, unit: str) -> str:
        return self.unit_alias.get(unit, unit)

    @property
    def data_label(self) -> str:
        if not self.per_year:
            return ", ".join(p.name for p in self.data_paths() or self.resmi_paths())
        return "; ".join(f"{t}: {', '.join(p.name for p in self.data_paths(t))}" for t in self.tahun)

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

    def reading(self) -> dict:
        """How the data is read, beside the files themselves: a change here changes every score's
        unit or history, so it is part of the key that decides whether the scores workbook is rewritten."""
        return {"kolom_unit": self.kolom_unit, "lembar_tidak_ada": sorted(self.lembar_tidak_ada)}

    def front_files(self) -> dict[str, Path]:
        """The files the documents' front is read from (the logo; the foreword when it names a .md
        file): the manifest pins them, as it pins the data."""
        files = {}
        if self.logo:
            files["logo"] = (self.base_dir / self.logo).resolve()
        foreword = (self.kata_pengantar or "").strip()
        if foreword.lower().endswith(".md") and "\n" not in foreword:
            files["kata_pengantar"] = (self.base_dir / foreword).resolve()
        return files

    def dokumen(self) -> Dokumen:
        """The documents' front and back as the notebooks take them: the logo as a data URI (checked:
        a PNG or SVG file), the foreword as Markdown text (read from its file when it names a .md)."""
        files = self.front_files()
        logo = logo_data_uri(files["logo"]) if "logo" in files else None
        foreword = self.kata_pengantar
        if "kata_pengantar" in files:
            path = files["kata_pengantar"]
            if not path.is_file():
                raise ParamsError(f"kata_pengantar: berkas tidak ditemukan: {path}")
            try:
                foreword = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise ParamsError(f"kata_pengantar: {path} bukan teks UTF-8") from exc
        dokumen = Dokumen(logo=logo, kata_pengantar=foreword, penandatangan=self.penandatangan,
                          pembanding=self.pembanding)
        if "pptx" in self.formats:  # an SVG the deck cannot draw stops the run here, not in every worker
            try:
                dokumen.logo_png()
            except ParamsError as exc:
                raise ParamsError(f"{exc} ({files['logo']})") from exc
        return dokumen

    def output_dir(self) -> Path:
        return (self.base_dir / self.output).resolve()


def per_year_mismatch(value, years: list[int], every_year: bool = True) -> str:
    """What is wrong with per-year data against the run's years ('' when nothing, or not per year)."""
    if not isinstance(value, dict):
        return ""
    missing = sorted(set(years) - set(value)) if every_year else []
    extra = sorted(set(value) - set(years))
    parts = []
    if missing:
        parts.append(f"tidak ada data untuk tahun {', '.join(map(str, missing))}")
    if extra:
        parts.append(f"ada data untuk tahun {', '.join(map(str, extra))} yang tidak ada di 'tahun'")
    if parts:
        parts.append(f"tahun run: {', '.join(map(str, years))}; data diberikan untuk tahun "
                     f"{', '.join(map(str, sorted(value))) or '(tidak ada)'}")
    return "; ".join(parts)


def parse_params(text: str, source: str, base_dir: Path) -> RunParams:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ParamsError(f"{source}: {yaml_error_text(exc)}") from exc
    if not isinstance(raw, dict):
        raise ParamsError(f"{source}: definisi run harus berupa pemetaan YAML (kunci: nilai)")
    if "base_dir" in raw:
        raise ParamsError(f"{source}: kunci tidak dikenal: base_dir")
    try:
        params = RunParams.model_validate({**raw, "base_dir": base_dir})
    except ValidationError as exc:
        raise ParamsError(f"{source}: definisi run tidak valid: {validation_text(exc.errors())}") from exc
    if params.tanggal_acuan and len(params.tahun) > 1:
        raise ParamsError(f"{source}: tanggal_acuan hanya boleh dipakai dengan satu tahun")
    return params


def load_params(path: str | Path) -> RunParams:
    path = Path(path)
    if not path.is_file():
        raise ParamsError(f"definisi run tidak ditemukan: {path}")
    return parse_params(path.read_text(encoding="utf-8"), str(path), path.parent.resolve())
