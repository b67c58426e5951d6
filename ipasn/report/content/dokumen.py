"""The run definition's front and back of the documents as one type: `logo`, `kata_pengantar`,
`penandatangan` and `pembanding`, and the notebooks' `dokumen` parameter (as `Targets` is for
`targets`). `ipasn run` passes the logo as a data URI and the foreword as text, so a notebook reads no
file of the run and the HTML stays one file.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ipasn.errors import ParamsError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
DATA_URI = "data:"
LOGO_PIXELS = 600  # a deck's cover logo is 1,4 inch high: sharp when projected


class Penandatangan(BaseModel):
    """The signature block closing the documents; `tanggal` is written in Indonesian (3 Januari 2024)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jabatan: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    nip: str | None = None
    kota: str | None = None
    tanggal: date | None = None  # None: no date line (a run-day default would break byte-identical reruns)


class Pembanding(BaseModel):
    """A comparison figure, e.g. the national IP ASN of a year, shown beside the instansi's own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nama: str = Field(min_length=1)  # "Nasional", "Provinsi Kalimantan Selatan"
    tahun: int
    ip_asn: float = Field(ge=0, le=100)


class Dokumen(BaseModel):
    """The notebooks' `dokumen` parameter; empty (the default) adds nothing to the documents."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    logo: str | None = None  # a data URI (from `ipasn run`), or a PNG/SVG file path
    kata_pengantar: str | None = None  # Markdown text
    penandatangan: Penandatangan | None = None
    pembanding: list[Pembanding] = []

    @classmethod
    def of(cls, mapping: Mapping | Dokumen | None) -> Dokumen:
        return mapping if isinstance(mapping, Dokumen) else cls.model_validate(dict(mapping or {}))

    def pembanding_of(self, tahun: int) -> list[Pembanding]:
        """The comparison figures of one year, in the order the run gives them."""
        return [p for p in self.pembanding if p.tahun == tahun]

    def logo_png(self) -> bytes | None:
        """The logo as PNG bytes, for a deck (PowerPoint takes no SVG): an SVG is drawn by resvg, the
        same pixels on every run. None without a logo."""
        if not self.logo:
            return None
        if self.logo.startswith(DATA_URI):
            header, _, payload = self.logo.partition(",")
            content, svg = base64.b64decode(payload), "svg" in header
        else:
            path = Path(self.logo)
            svg = image_kind(path) == "svg"
            content = path.read_bytes()
        return svg_png(content) if svg else content


def image_kind(path: Path, key: str = "logo") -> str:
    """"png" or "svg" by the file's content; ParamsError (key and path named) for anything else."""
    if not path.is_file():
        raise ParamsError(f"{key}: berkas tidak ditemukan: {path}")
    content = path.read_bytes()
    if content.startswith(PNG_MAGIC):
        return "png"
    try:
        root = ET.fromstring(content)
    except ET.ParseError:
        root = None
    if root is not None and root.tag.rsplit("}", 1)[-1] == "svg":
        return "svg"
    raise ParamsError(f"{key}: {path} bukan gambar PNG atau SVG; beri berkas .png atau .svg")


def svg_png(content: bytes, width: int = LOGO_PIXELS) -> bytes:
    """An SVG drawn as a PNG `width` pixels wide (resvg: no browser, no system library)."""
    import resvg_py  # only a deck with an SVG logo needs it

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=content.decode("utf-8"), width=width))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParamsError("logo: SVG ini tidak dapat digambar untuk deck PowerPoint (ukurannya tidak sah atau "
                          "isinya tidak terbaca); beri logo PNG") from exc


def logo_data_uri(path: Path, key: str = "logo") -> str:
    """The image as a data URI: the HTML carries it, so the document stays one file."""
    kind = image_kind(path, key)
    mime = "image/png" if kind == "png" else "image/svg+xml"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
