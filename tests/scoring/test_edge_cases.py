"""Inputs found in review of the national-scale rewrite: each once behaved differently from the plain
per-value code (or crashed), and each is scored here through the real workbook path."""

from __future__ import annotations

import pandas as pd
import pytest
from tests.builders import assessment, employee, make_nip, punishment, row, run, training

import ipasn
from ipasn.errors import InputError

N1, N2, N3 = make_nip(1), make_nip(2), make_nip(3)


def test_an_unrecognised_leadership_level_leaves_other_training_names_alone(tmp_path):
    result = run(tmp_path, {
        "pegawai": [employee(N1), employee(N2, jenis_jabatan="Administrator", eselon="III.a")],
        "diklat": [training(N1, jp=10, nama="Diklat Excel"), training(N1, jp=10, nama="Diklat Word"),
                   training(N2, jenis="kepemimpinan", nama="Diklat Kepemimpinan Entah")],
        "kinerja": [assessment(N1, nilai=80), assessment(N2, nilai=80)],
    })
    assert result.dataset.diklat["nama"].tolist() == ["Diklat Excel", "Diklat Word"]
    assert row(result, N1)["kompetensi_teknis"] > 0  # two trainings of 10 JP, not one duplicate
    assert set(result.findings["kode"]) == {"TINGKAT_DIKLAT_TIDAK_DIKENALI"}


@pytest.mark.parametrize("jps", [pytest.param(["3,5", "12,2", "1,4", "2,9"], id="float-sum-below"),
                                 pytest.param(["0,2", "9,1", "10,7"], id="float-sum-above")])
def test_technical_jp_add_up_exactly(tmp_path, jps):
    result = run(tmp_path, {
        "pegawai": [employee(N1)],
        "diklat": [training(N1, jp=jp, nama=f"Diklat {i}") for i, jp in enumerate(jps)],
        "kinerja": [assessment(N1, nilai=80)],
    })
    scored = row(result, N1)
    assert scored["kompetensi_teknis"] == result.rules.kompetensi["Pelaksana"].teknis
    assert "diklat teknis 20 JP dalam" in scored["keterangan_kompetensi"]
    assert "kurang dari" not in scored["keterangan_kompetensi"]


def test_history_without_any_pns_scores_nobody(tmp_path):
    result = run(tmp_path, {
        "pegawai": [employee(N1, status="CPNS"), employee(N2, status="PPPK")],
        "diklat": [training(N1)], "kinerja": [assessment(N1, nilai=80)], "hukdis": [punishment(N2)],
    })
    assert result.scores.empty
    assert int((~result.pegawai["diukur"]).sum()) == 2


def test_nip_digits_of_other_widths_and_scripts(tmp_path):
    fullwidth = N1.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    superscript = N2[:-1] + "²"
    arabic = N3.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    result = run(tmp_path, {
        "pegawai": [employee(fullwidth), employee(superscript), employee(arabic)],
        "kinerja": [assessment(N1, nilai=80), assessment(N2, nilai=95)],
    })
    assert result.scores["nip"].tolist() == [N1, N2]  # compatibility digits become ASCII and join
    assert row(result, N1)["kinerja"] == 25 and row(result, N2)["kinerja"] == 30
    rejected = result.findings.query("lembar == 'pegawai' and kolom == 'nip'")
    assert rejected[["nilai", "kode"]].values.tolist() == [[arabic, "NIP_TIDAK_VALID"]]


def test_text_cells_that_hash_alike_stay_apart(tmp_path):
    data = ipasn.load(_workbook(tmp_path, [employee(N1, nama=1, unit_kerja=0), employee(N2, nama=True, unit_kerja=False),
                                           employee(N3, nama=1.5, unit_kerja="Dinas A")]))
    assert data.pegawai["nama"].tolist() == ["1", "True", "1.5"]
    assert data.pegawai["unit_kerja"].tolist() == ["0", "False", "Dinas A"]


def _workbook(tmp_path, pegawai):
    from tests.builders import write_workbook

    return write_workbook(tmp_path / "data.xlsx", {"pegawai": pegawai})


def test_a_parquet_column_named_twice_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {"nip": [N1], "nama": ["A"], "unit_kerja": ["Dinas A"], "jenis_jabatan": ["Pelaksana"],
               "pendidikan": ["S-1"]}
    table = pa.table(columns).append_column("nama", pa.array(["B"]))
    pq.write_table(table, tmp_path / "pegawai.parquet")
    with pytest.raises(InputError, match="judul kolom 'nama' muncul lebih dari sekali"):
        ipasn.load(tmp_path)


def test_rows_added_by_hand_after_loading_are_joined_by_their_nip(tmp_path):
    import dataclasses

    from tests.builders import write_workbook

    data = ipasn.load(write_workbook(tmp_path / "data.xlsx", {
        "pegawai": [employee(N1), employee(N2)], "kinerja": [assessment(N1, nilai=80)]}))
    added = pd.concat([data.kinerja, pd.DataFrame({"nip": [N2], "tahun": [2021], "nilai": [95.0]})],
                      ignore_index=True)  # no _nip or _pegawai: the column turns float with a gap
    scores = ipasn.score(dataclasses.replace(data, kinerja=added), 2022).scores.set_index("nip")
    assert scores["kinerja"].to_dict() == {N1: 25.0, N2: 30.0}
