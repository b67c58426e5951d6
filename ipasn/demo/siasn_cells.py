"""The cells SIASN writes, built from the drawn histories, with the mess put in and recorded.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ipasn.demo.draws import add_months, choose, guid
from ipasn.demo.siasn_tables import (
    COLUMNS,
    ERROR_COLUMNS,
    ERROR_SHARE,
    ESELON_NAMA,
    HEADER_ROW,
    HUKUMAN,
    JA_SHARE,
    KURSUS_KINDS,
    LATIHAN_STRUKTURAL,
    LEVEL_NAMES,
    LONG_STATUS_SHARE,
    NA,
    PELAKSANA_NAME_SHARE,
    TEXT_DATE_SHARE,
    TYPE_ID,
    TYPE_NAME,
)


class CellWriter:
    """Builds the written cells from the drawn histories, recording the mess it puts in."""

    def __init__(self, rng: np.random.Generator, people: list[dict], tahun: int) -> None:
        self.rng, self.people, self.tahun = rng, people, tahun
        self.mess: list[tuple[str, int, str, str]] = []
        self.rows: dict[str, dict[int, int]] = {}  # table -> id(record) -> Excel row

    def _date(self, day: dt.date | None) -> object:
        """A date as a date cell or, at TEXT_DATE_SHARE, as dd-mm-yyyy text."""
        if day is None:
            return None
        return f"{day:%d-%m-%Y}" if self.rng.random() < TEXT_DATE_SHARE else day

    def _frame(self, key: str, records: list[dict]) -> pd.DataFrame:
        frame = pd.DataFrame(records, columns=list(COLUMNS[key]), dtype=object)
        return frame.astype(object).where(frame.notna(), None)

    def _row(self, index: int) -> int:
        return HEADER_ROW + 1 + index

    def utama(self, dirty: bool) -> pd.DataFrame:
        rng = self.rng
        records = []
        structural = [p for p in self.people if p["jenis_jabatan"] in ("Administrator", "Pengawas")]
        pelaksana = [p for p in self.people if p["jenis_jabatan"] == "Pelaksana"]
        ja = {id(p) for p in choose(rng, structural, JA_SHARE["structural"])}
        ja |= {id(p) for p in choose(rng, pelaksana, JA_SHARE["pelaksana"])}
        named = {id(p) for p in choose(rng, [p for p in pelaksana if id(p) not in ja], PELAKSANA_NAME_SHARE)}
        long_status = {id(p) for p in choose(rng, [p for p in self.people if p["status"] != "PPPK"],
                                               LONG_STATUS_SHARE)}
        pppk = [p for p in self.people if p["status"] == "PPPK"]
        pppk_named = {id(p) for p in pppk[1::2]}  # the first PPPK (planted) has an empty status
        unor_ids: dict[str, str] = {}
        for p in self.people:
            skpd = p["skpd"]
            induk = unor_ids.setdefault(skpd.name, guid(rng))
            unor = induk if p["sub_unit"] == skpd.name else unor_ids.setdefault(f"{skpd.name}/{p['sub_unit']}",
                                                                                guid(rng))
            type_id = TYPE_ID[p["jenis_jabatan"]]
            type_name = ("JA" if id(p) in ja else "Jabatan Pelaksana" if id(p) in named else TYPE_NAME[type_id])
            if p["status"] == "PNS":
                status = "PNS" if id(p) in long_status else "P"
            elif p["status"] == "CPNS":
                status = "CPNS" if id(p) in long_status else "C"
            else:
                status = "PPPK" if id(p) in pppk_named else None
            lokasi = skpd.lokasi if p["sub_unit"] != skpd.upt else "Kota Banjarmasin"
            records.append({
                "PNS ID": p["pns_id"], "NIP BARU": p["nip"], "NIP LAMA": p["nip_lama"], "NAMA": p["nama"],
                "GELAR DEPAN": p["gelar_depan"] or None, "GELAR BELAKANG": p["gelar_belakang"] or None,
                "TANGGAL LAHIR": self._date(p["born"]), "JENIS KELAMIN": "Wanita" if p["nip"][14] == "2" else "Pria",
                "STATUS CPNS PNS": status, "KEDUDUKAN HUKUM NAMA": p["kedudukan"], "GOL AKHIR NAMA": p["golongan"],
                "JENIS JABATAN ID": type_id, "JENIS JABATAN NAMA": type_name, "JABATAN NAMA": p["jabatan"],
                "ESELON ID": p["eselon_id"], "ESELON NAMA": ESELON_NAMA.get(p["eselon_id"]),
                "TINGKAT PENDIDIKAN ID": p["pendidikan"], "TINGKAT PENDIDIKAN NAMA": p["pendidikan_nama"],
                "PENDIDIKAN NAMA": p["pendidikan_jurusan"], "UNOR ID": unor, "UNOR NAMA": p["sub_unit"],
                "UNOR INDUK ID": induk, "UNOR INDUK NAMA": skpd.name, "INSTANSI INDUK NAMA": "Pemerintah Provinsi Demo",
                "LOKASI KERJA NAMA": lokasi,
            })
            p["nip_angka"] = False
        if dirty:
            candidates = [i for i, p in enumerate(self.people)
                          if p["status"] == "PNS" and not p["skenario"] and p["jenis_jabatan"] == "Pelaksana"]
            i = candidates[len(candidates) // 2] if candidates else len(self.people) - 1
            self.people[i]["nip_angka"] = True
            records[i]["NIP BARU"] = float(f"{int(self.people[i]['nip']):.15g}")  # what Excel keeps of it
            self.mess.append(("utama", self._row(i), "NIP BARU", "nip_angka"))
        for i, p in enumerate(self.people):
            p["baris"] = self._row(i)
        return self._frame("utama", records)

    def diklat(self, trainings: list[dict]) -> pd.DataFrame:
        records = []
        for row in (r for r in trainings if r["tabel"] == "diklat"):
            p, year = row["p"], row["selesai"].year
            ls = LATIHAN_STRUKTURAL.get(row["ls_id"])
            excel_row = self._row(len(records))
            row["baris"] = excel_row
            if row["hanya_tahun"]:
                mulai, selesai = None, year
                self.mess.append(("diklat", excel_row, "TANGGAL SELESAI", "tahun_saja"))
            else:
                mulai, selesai = self._date(row["mulai"]), self._date(row["selesai"])
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS DIKLAT ID": row["jenis_id"],
                "JENIS DIKLAT NAMA": row["jenis_nama"], "NAMA DIKLAT": row["nama"],
                "LATIHAN STRUKTURAL ID": row["ls_id"],
                "LATIHAN STRUKTURAL NAMA": ls[0] if ls else None, "INSTITUSI PENYELENGGARA": row["institusi"],
                "NOMOR SERTIFIKAT": row["sertifikat"], "TANGGAL MULAI": mulai, "TANGGAL SELESAI": selesai,
                "TAHUN": year, "JUMLAH JAM": row["jp"],
            })
        return self._frame("diklat", records)

    def kursus(self, trainings: list[dict]) -> pd.DataFrame:
        records = []
        for row in (r for r in trainings if r["tabel"] == "kursus"):
            p = row["p"]
            row["baris"] = self._row(len(records))
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS KURSUS NAMA": row["jenis_nama"],
                "NAMA KURSUS": row["nama"], "INSTITUSI PENYELENGGARA": row["institusi"],
                "TANGGAL KURSUS": self._date(row["mulai"]), "TANGGAL SELESAI KURSUS": self._date(row["selesai"]),
                "TAHUN KURSUS": row["selesai"].year, "JUMLAH JAM": row["jp"],
            })
        return self._frame("kursus", records)

    def skp(self, assessments: list[dict]) -> pd.DataFrame:
        records = []
        for row in assessments:
            p = row["p"]
            row["baris"] = self._row(len(records))
            records.append({"NIP BARU": p["nip"], "NAMA": p["nama"], "TAHUN": row["tahun"], "NILAI SKP": row["skp"],
                            "NILAI PERILAKU KERJA": row["perilaku"], "NILAI PRESTASI KERJA": row["nilai"],
                            "PREDIKAT KINERJA": row["predikat"]})
        return self._frame("skp", records)

    def hukdis(self, punishments: list[dict]) -> pd.DataFrame:
        records = []
        for row in punishments:
            p, hukuman = row["p"], row["hukuman"]
            excel_row = self._row(len(records))
            row["baris"] = excel_row
            if hukuman is None:
                records.append({"NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS HUKUMAN NAMA": "Tidak Ada",
                                "NOMOR SK": row["nomor"]})
                self.mess.append(("hukdis", excel_row, "JENIS HUKUMAN NAMA", "tidak_ada"))
                continue
            name, _, years, months, _ = hukuman
            if row["hanya_tahun"]:
                sk, tmt, akhir = None, row["tmt"].year, None
                self.mess.append(("hukdis", excel_row, "HUKUMAN TANGGAL", "tahun_saja"))
            else:
                sk, tmt = self._date(row["sk"]), self._date(row["tmt"])
                akhir = self._date(add_months(row["tmt"], 12 * years + months)) if years or months else None
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS HUKUMAN ID": f"{HUKUMAN.index(hukuman) + 1:02d}",
                "JENIS HUKUMAN NAMA": name, "JENIS TINGKAT HUKUMAN ID": row["level_shown"], "NOMOR SK": row["nomor"],
                "TANGGAL SK": sk, "HUKUMAN TANGGAL": tmt, "AKHIR HUKUMAN TANGGAL": akhir,
                "MASA TAHUN": years, "MASA BULAN": months,
            })
            if row["level_shown"] is None:
                self.mess.append(("hukdis", excel_row, "JENIS TINGKAT HUKUMAN ID", "tingkat_kosong"))
        return self._frame("hukdis", records)

    def errors(self, tables: dict[str, pd.DataFrame]) -> None:
        """#N/A in ERROR_SHARE of each table's rows, in columns that change no score."""
        for key, columns in ERROR_COLUMNS.items():
            frame = tables[key]
            rows = [i for i in range(len(frame))
                    if key != "kursus" or frame.at[i, "JENIS KURSUS NAMA"] in KURSUS_KINDS]
            for n, i in enumerate(choose(self.rng, rows, ERROR_SHARE)):
                column = columns[n % len(columns)]
                frame.at[i, column] = NA
                self.mess.append((key, self._row(i), column, "#N/A"))

    # --- truth frames ---

    def truth_pegawai(self) -> pd.DataFrame:
        level = {"JPT": 2, "Administrator": 3, "Pengawas": 4}
        return pd.DataFrame({
            "nip": [p["nip"] for p in self.people],
            "nama": [p["nama"] for p in self.people],
            "unit_kerja": [p["skpd"].name for p in self.people],
            "sub_unit": [p["sub_unit"] for p in self.people],
            "status": [p["status"] for p in self.people],
            "kedudukan": [p["kedudukan"] for p in self.people],
            "diukur": [p["status"] == "PNS" and p["kedudukan"] in ("Aktif", "Tugas Belajar", "PNS DPK")
                       for p in self.people],
            "jenis_jabatan": [p["jenis_jabatan"] for p in self.people],
            "eselon": pd.array([level.get(p["jenis_jabatan"]) for p in self.people], dtype="Int8"),
            "pendidikan": [p["pendidikan"] for p in self.people],
            "nip_angka": [p["nip_angka"] for p in self.people],
            "skenario": [p["skenario"] for p in self.people],
            "baris": [p["baris"] for p in self.people],
        })

    def truth_trainings(self, trainings: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in trainings],
            "tabel": [r["tabel"] for r in trainings],
            "baris": [r["baris"] for r in trainings],
            "kategori": [r["kategori"] for r in trainings],
            "tingkat": pd.array([r["tingkat"] for r in trainings], dtype="Int8"),
            "nama": [r["nama"] for r in trainings],
            "tanggal_selesai": [r["selesai"] for r in trainings],
            "hanya_tahun": [r["hanya_tahun"] for r in trainings],
            "jp": [np.nan if r["jp"] is None else float(r["jp"]) for r in trainings],
        })

    def truth_assessments(self, assessments: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in assessments],
            "tahun": [r["tahun"] for r in assessments],
            "nilai": [np.nan if r["nilai"] is None else r["nilai"] for r in assessments],
            "nilai_skp": [np.nan if r["skp"] is None else r["skp"] for r in assessments],
            "predikat": [r["predikat"] for r in assessments],
            "baris": [r["baris"] for r in assessments],
        })

    def truth_punishments(self, punishments: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in punishments],
            "tingkat": [LEVEL_NAMES[r["hukuman"][1]] if r["hukuman"] else None for r in punishments],
            "jenis_hukuman": [r["hukuman"][0] if r["hukuman"] else "Tidak Ada" for r in punishments],
            "tanggal": [r["tmt"] for r in punishments],
            "hanya_tahun": [r["hanya_tahun"] for r in punishments],
            "baris": [r["baris"] for r in punishments],
        })
