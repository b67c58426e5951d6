"""Users read Indonesian: every `--help`, click's own words ("Usage:", "Options", its errors) and the
messages about a wrong run definition. Through click's test runner, in-process."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from click.testing import CliRunner

from ipasn.cli import main
from ipasn.errors import InputError, ParamsError, os_error_text
from ipasn.report.batch.params import parse_params

# Common English words; none is an Indonesian word. Removed first: command and option names, choices, and
# the dotted keys of a run definition (`options.mask_personal_data`), which are names, not prose.
ENGLISH = {"the", "and", "or", "of", "to", "for", "with", "when", "is", "are", "an", "by", "from", "on",
           "not", "default", "usage", "options", "commands", "show", "this", "message", "exit", "version",
           "file", "files", "output", "year", "number", "write", "every", "each", "one", "rerun", "if",
           "only", "required", "integer", "text", "path", "error", "try", "help", "missing", "invalid",
           "value", "no", "such", "did", "you", "mean", "got", "unexpected", "argument", "choose", "format",
           "employee", "employees", "units", "results", "official", "workers", "worker", "score"}
COMMANDS = sorted(main.commands)
NAMES = re.compile(r"--[a-z-]+|\b[a-z_]+(?:\.[a-z_0-9]+)+|\b(?:ipasn|" + "|".join(re.escape(c) for c in COMMANDS) + r")\b|\[[a-z|]+\]")


def _english(text: str) -> set[str]:
    return {word for word in re.findall(r"[A-Za-z]+", NAMES.sub(" ", text)) if word.lower() in ENGLISH}


@pytest.mark.parametrize("args", [pytest.param([], id="ipasn")] + [pytest.param([c], id=c) for c in COMMANDS])
def test_every_help_is_indonesian(args):
    shown = CliRunner().invoke(main, [*args, "--help"], prog_name="ipasn")
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith("Penggunaan: ipasn") and "Opsi:" in shown.output
    assert "Tampilkan bantuan ini lalu keluar." in shown.output
    assert _english(shown.output) == set(), shown.output


@pytest.mark.parametrize("args, said", [
    pytest.param(["score"], "Galat: Argumen belum diberikan 'DATA...'.", id="missing-argument"),
    pytest.param(["score", "x.xlsx", "--yaer", "2022"], "Galat: Tidak ada opsi '--yaer'. Maksud Anda '--year'?",
                 id="no-such-option"),
    pytest.param(["score", "x.xlsx", "--year", "dua"], "Galat: Nilai tidak sah untuk '--year': 'dua' bukan "
                 "bilangan yang sah.", id="not-a-number"),
    pytest.param(["demo-data", "x", "--layout", "kotak"], "'kotak' bukan salah satu dari 'folder', 'workbook'.",
                 id="not-a-choice"),
    pytest.param(["skor"], "Galat: Tidak ada perintah 'skor'. Maksud Anda 'score'?", id="no-such-command"),
    pytest.param(["--version"], "ipasn, versi ", id="version"),
])
def test_click_speaks_indonesian_about_a_wrong_command_line(args, said):
    shown = CliRunner().invoke(main, args, prog_name="ipasn")
    assert said in shown.output
    assert _english(shown.output) == set(), shown.output


def test_every_translated_click_string_is_still_one_of_clicks():
    """A click upgrade that rewords a message would silently bring the English back."""
    source = Path(click.__file__).parent
    clicks = {msg if isinstance(msg, str) else msg[0]
              for path in sorted(source.glob("*.py"))
              for _, msg, _, _ in extract_from_file("python", str(path), keywords={"_": None, "ngettext": (1, 2)})}
    po = resources.files("ipasn").joinpath("locale", "id", "LC_MESSAGES", "click.po").read_text(encoding="utf-8")
    ours = {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(po.splitlines())
            if message.id}
    assert ours - clicks == set()
    for heading in ("Usage:", "Options", "Commands", "Show this message and exit.", "Error: {message}"):
        assert heading in ours


@pytest.mark.parametrize("text, said", [
    pytest.param("instansi: X\ntahun: dua\ndata: demo\n", "tahun.0: harus bilangan bulat", id="int"),
    pytest.param("tahun: 2022\ndata: demo\n", "instansi: wajib diisi", id="missing"),
    pytest.param("instansi: X\ntahun: 2022\ndata: demo\nformats: [doc]\n",
                 "formats.0: harus salah satu dari: 'html', 'pdf' atau 'pptx'", id="choice"),
    pytest.param("instansi: X\ntahun: 2022\ndata: demo\noptions: {mask_personal_data: 5}\n",
                 "options.mask_personal_data: harus true atau false", id="bool"),
    pytest.param("instansi: [X\n", "bukan YAML yang valid (baris 2, kolom 1)", id="yaml"),
])
def test_a_wrong_run_definition_is_said_in_indonesian(text, said):
    with pytest.raises(ParamsError) as caught:
        parse_params(text, "run.yaml", Path("."))
    assert said in str(caught.value)
    assert _english(str(caught.value)) == set(), str(caught.value)


@pytest.mark.parametrize("error, said", [
    pytest.param(PermissionError(13, "Permission denied", "/data/x.xlsx"), "/data/x.xlsx: tidak ada izin", id="EACCES"),
    pytest.param(OSError(28, "No space left on device"), "ruang disk habis", id="ENOSPC"),
    pytest.param(OSError(5, "Input/output error", "/mnt/a"), "/mnt/a: galat sistem (errno 5)", id="other"),
])
def test_an_operating_system_error_is_said_without_its_english_text(error, said):
    assert os_error_text(error) == said


def test_an_unexpected_error_shows_no_python_text(monkeypatch):
    import ipasn.report.batch.console as console

    def broken(*args, **kwargs):
        raise KeyError("kolom_rahasia")

    monkeypatch.setattr(console, "run_reports", broken)
    shown = CliRunner().invoke(main, ["run", "x.yaml"], prog_name="ipasn")
    assert shown.exit_code == 1 and "KeyError" not in shown.output and "kolom_rahasia" not in shown.output
    assert "ipasn --debug" in shown.output


def test_an_input_that_cannot_be_read_is_said_in_indonesian(tmp_path):
    """The readers name the file and say why in Indonesian, not with Python's English strerror: a
    folder given where a workbook is expected (root reads every file, so a permission cannot fail
    here), and a CSV that is a folder inside the data folder."""
    from ipasn.input.collect import read_csv
    from ipasn.input.schema import SHEETS
    from ipasn.input.sniff import head

    (tmp_path / "data.xlsx").mkdir()
    with pytest.raises(InputError) as caught:
        head(tmp_path / "data.xlsx")
    assert str(caught.value) == "berkas data.xlsx: tidak dapat dibaca (adalah folder, bukan berkas)"
    (tmp_path / "pegawai.csv").mkdir()
    with pytest.raises(InputError) as caught:
        read_csv(tmp_path / "pegawai.csv", SHEETS)
    assert str(caught.value) == "berkas pegawai.csv: tidak dapat dibaca (adalah folder, bukan berkas)"
