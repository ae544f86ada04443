from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from kinerja.organisasi import hierarki, services
from kinerja.organisasi.impor import (
    GalatBaris,
    ImporGagal,
    LaporanImpor,
    impor_baca,
    impor_periksa,
    impor_template_xlsx,
    impor_terapkan,
)
from kinerja.organisasi.models import (
    Instansi,
    Jabatan,
    JenisPenugasan,
    JenisUnit,
    Pegawai,
    Penugasan,
    UnitKerja,
)
from tests.factories import KotaKecil
from tests.organisasi.impor_berkas import (
    JABATAN,
    NI_CITRA,
    NIP_ANDI,
    NIP_BUDI,
    PEGAWAI,
    UNIT,
    berkas_baik,
    jabatan_rows,
    pegawai_rows,
    unit_rows,
    xlsx,
)


def periksa(kota: KotaKecil, konten: bytes, nama: str = "data.xlsx", **kw: Any) -> LaporanImpor:
    data = impor_baca(konten=konten, nama_file=nama, **kw)
    return impor_periksa(data=data, instansi=kota.instansi)


def terapkan(kota: KotaKecil, konten: bytes, nama: str = "data.xlsx", **kw: Any) -> LaporanImpor:
    data = impor_baca(konten=konten, nama_file=nama, **kw)
    return impor_terapkan(data=data, instansi=kota.instansi, oleh=kota.admin)


def hitung() -> dict[str, int]:
    return {
        "unit": UnitKerja.objects.count(),
        "jabatan": Jabatan.objects.count(),
        "pegawai": Pegawai.objects.count(),
        "penugasan": Penugasan.objects.count(),
        "riwayat_pegawai": Pegawai.history.count(),  # type: ignore[attr-defined]
        "riwayat_penugasan": Penugasan.history.count(),  # type: ignore[attr-defined]
    }


# --- a good file -----------------------------------------------------------------------------


def test_a_good_file_creates_units_jabatan_pegawai_and_penugasan(kota: KotaKecil) -> None:
    sebelum = hitung()
    laporan = terapkan(kota, berkas_baik())
    assert laporan.galat == [] and laporan.diterapkan
    assert {k: (r.baru, r.diubah, r.tetap) for k, r in laporan.ringkasan.items()} == {
        "unit": (3, 0, 0),
        "jabatan": (3, 0, 0),
        "pegawai": (3, 0, 0),
        "penugasan": (3, 0, 0),
    }
    sesudah = hitung()
    assert sesudah["unit"] - sebelum["unit"] == 3
    assert sesudah["jabatan"] - sebelum["jabatan"] == 3
    assert sesudah["pegawai"] - sebelum["pegawai"] == 3
    assert sesudah["penugasan"] - sebelum["penugasan"] == 3

    dinkes = UnitKerja.objects.get(instansi=kota.instansi, kode="DINKES")
    bidang = UnitKerja.objects.get(kode="DINKES.YANKES")
    assert dinkes.parent is None and dinkes.jenis == JenisUnit.OPD and dinkes.depth == 0
    assert bidang.parent == dinkes and bidang.opd == dinkes and bidang.jenis == "bidang"
    assert bidang.path == f"/{dinkes.pk}/{bidang.pk}/"

    dokter = Jabatan.objects.get(kode="J-DOKTER")
    assert dokter.jenis == "fungsional" and dokter.jenjang == "ahli_pertama"
    assert dokter.parent.kode == "J-KABID-YANKES" and dokter.unit.kode == "PKM.TAMANSARI"
    kadis = Jabatan.objects.get(kode="J-KADINKES")
    assert kadis.parent == kota.j_sekda and kadis.kepala and kadis.jenis == "jpt"

    budi = Pegawai.objects.get(nip=NIP_BUDI)
    assert budi.instansi == kota.instansi and budi.golongan == "III/d"
    assert budi.harus_ganti_password and not budi.has_usable_password()
    citra = Pegawai.objects.get(nip=NI_CITRA)
    assert citra.status_asn == "PPPK" and citra.golongan == "IX"
    penugasan = Penugasan.objects.get(pegawai=budi)
    assert penugasan.jenis == JenisPenugasan.DEFINITIF and penugasan.selesai is None
    assert penugasan.mulai == dt.date(2024, 1, 2) and penugasan.unit == bidang


def test_the_atasan_line_is_derived_after_import(kota: KotaKecil) -> None:
    terapkan(kota, berkas_baik())
    andi, budi, citra = (Pegawai.objects.get(nip=n) for n in (NIP_ANDI, NIP_BUDI, NI_CITRA))
    hari = dt.date(2025, 6, 1)
    assert hierarki.atasan_langsung(citra, hari) == budi
    assert hierarki.atasan_langsung(budi, hari) == andi
    assert hierarki.atasan_langsung(andi, hari) == kota.sekda
    assert hierarki.atasan_pejabat_penilai(citra, hari) == andi


def test_the_dry_run_writes_nothing_and_predicts_the_counts(kota: KotaKecil) -> None:
    sebelum = hitung()
    laporan = periksa(kota, berkas_baik())
    assert laporan.ok and not laporan.diterapkan
    assert laporan.ringkasan["pegawai"].baru == 3
    assert hitung() == sebelum


def test_apply_reports_progress_up_to_the_total(kota: KotaKecil) -> None:
    calls: list[tuple[int, int]] = []
    data = impor_baca(konten=berkas_baik(), nama_file="data.xlsx")
    impor_terapkan(
        data=data, instansi=kota.instansi, oleh=None, progress=lambda *a: calls.append(a)
    )
    assert calls[0] == (0, 9) and calls[-1] == (9, 9)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_imported_pegawai_get_audit_history_with_the_importer_as_user(kota: KotaKecil) -> None:
    terapkan(kota, berkas_baik(), nama="organisasi.xlsx")
    andi = Pegawai.objects.get(nip=NIP_ANDI)
    records = list(andi.history.all())  # type: ignore[attr-defined]
    assert len(records) == 1 and records[0].history_type == "+"
    assert records[0].history_user == kota.admin
    assert "organisasi.xlsx" in records[0].history_change_reason
    assert Penugasan.history.filter(pegawai_id=andi.pk).count() == 1  # type: ignore[attr-defined]
    assert Jabatan.history.filter(kode="J-DOKTER").count() == 1  # type: ignore[attr-defined]
    assert UnitKerja.history.filter(kode="DINKES").count() == 1  # type: ignore[attr-defined]


# --- re-import ---------------------------------------------------------------------------------


def test_reimport_of_the_same_file_changes_nothing(kota: KotaKecil) -> None:
    terapkan(kota, berkas_baik())
    sebelum = hitung()
    laporan = terapkan(kota, berkas_baik())
    assert {k: (r.baru, r.diubah, r.tetap) for k, r in laporan.ringkasan.items()} == {
        "unit": (0, 0, 3),
        "jabatan": (0, 0, 3),
        "pegawai": (0, 0, 3),
        "penugasan": (0, 0, 3),
    }
    assert laporan.perubahan == [] and laporan.jumlah_perubahan == 0
    assert hitung() == sebelum  # not even history rows


def test_reimport_with_a_changed_name_and_jabatan_updates_by_nip(kota: KotaKecil) -> None:
    terapkan(kota, berkas_baik())
    budi = Pegawai.objects.get(nip=NIP_BUDI)
    lama = Penugasan.objects.get(pegawai=budi)
    rows = pegawai_rows()
    rows[2] = [NIP_BUDI, "Budi Santoso", "PNS", "III/d", "", "J-DOKTER", "2025-07-01"]
    jumlah_pegawai = Pegawai.objects.count()

    laporan = terapkan(kota, xlsx(pegawai=rows))

    assert Pegawai.objects.count() == jumlah_pegawai
    assert (laporan.ringkasan["pegawai"].diubah, laporan.ringkasan["pegawai"].tetap) == (1, 2)
    assert (laporan.ringkasan["penugasan"].baru, laporan.ringkasan["penugasan"].diubah) == (1, 1)
    berubah = {(p.jenis, p.kunci, p.kolom, p.lama, p.baru) for p in laporan.perubahan}
    assert berubah == {
        ("pegawai", NIP_BUDI, "nama", "Budi Hartono", "Budi Santoso"),
        ("pegawai", NIP_BUDI, "kode_jabatan", "J-KABID-YANKES", "J-DOKTER"),
    }
    budi.refresh_from_db()
    lama.refresh_from_db()
    assert budi.nama == "Budi Santoso"
    assert lama.selesai == dt.date(2025, 6, 30)
    baru = Penugasan.objects.get(pegawai=budi, selesai__isnull=True)
    assert baru.jabatan.kode == "J-DOKTER" and baru.mulai == dt.date(2025, 7, 1)
    assert baru.unit.kode == "PKM.TAMANSARI"
    assert budi.history.count() == 2  # type: ignore[attr-defined]
    andi = Pegawai.objects.get(nip=NIP_ANDI)
    assert hierarki.atasan_langsung(budi, dt.date(2025, 8, 1)) == andi  # the kabid is now vacant
    assert hierarki.atasan_langsung(budi, dt.date(2025, 6, 1)) == andi  # he was the kabid


def test_reimport_updates_existing_pegawai_made_elsewhere_and_closes_their_penugasan(
    kota: KotaKecil,
) -> None:
    lama = Penugasan.objects.get(pegawai=kota.pegawai, selesai__isnull=True)
    rows = [
        PEGAWAI,
        [kota.pegawai.nip, kota.pegawai.nama, "PNS", "II/c", "", "J-ANALIS", "2026-03-01"],
    ]
    laporan = terapkan(kota, xlsx(pegawai=rows))
    assert laporan.ringkasan["pegawai"].diubah == 1
    lama.refresh_from_db()
    assert lama.selesai == dt.date(2026, 2, 28)
    # the analis reports to the vacant kaban, so to the sekda; before the mutasi, to the kasi
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 4, 1)) == kota.sekda
    assert hierarki.atasan_langsung(kota.pegawai, dt.date(2026, 2, 1)) == kota.atasan


def test_empty_optional_cells_keep_the_current_values(kota: KotaKecil) -> None:
    email = kota.pegawai.email
    assert email
    rows = [PEGAWAI, [kota.pegawai.nip, kota.pegawai.nama, "PNS", "", "", "", ""]]
    laporan = terapkan(kota, xlsx(pegawai=rows))
    assert laporan.ringkasan["pegawai"].tetap == 1
    kota.pegawai.refresh_from_db()
    assert kota.pegawai.email == email


def test_a_jabatan_moved_to_another_unit_takes_its_open_penugasan_along(kota: KotaKecil) -> None:
    rows = [
        JABATAN,
        [
            "J-PELAKSANA",
            "Pengadministrasi Kependudukan",
            "pelaksana",
            "",
            "DUKCAPIL.PD",
            "J-KASI",
            "N",
        ],
    ]
    laporan = terapkan(kota, xlsx(jabatan=rows))
    assert ("jabatan", "J-PELAKSANA", "kode_unit", "DUKCAPIL.PD.1", "DUKCAPIL.PD") in {
        (p.jenis, p.kunci, p.kolom, p.lama, p.baru) for p in laporan.perubahan
    }
    penugasan = Penugasan.objects.get(pegawai=kota.pegawai, selesai__isnull=True)
    assert penugasan.unit == kota.bidang


# --- errors ------------------------------------------------------------------------------------


def _ganti(rows: list[list[Any]], baris: int, kolom: str, nilai: Any) -> list[list[Any]]:
    rows[baris - 1][rows[0].index(kolom)] = nilai
    return rows


def _pegawai(baris: int, kolom: str, nilai: Any) -> bytes:
    return xlsx(
        unit=unit_rows(),
        jabatan=jabatan_rows(),
        pegawai=_ganti(pegawai_rows(), baris, kolom, nilai),
    )


def _jabatan(baris: int, kolom: str, nilai: Any) -> bytes:
    return xlsx(unit=unit_rows(), jabatan=_ganti(jabatan_rows(), baris, kolom, nilai))


def _unit(baris: int, kolom: str, nilai: Any) -> bytes:
    return xlsx(unit=_ganti(unit_rows(), baris, kolom, nilai))


CASES: dict[str, tuple[Callable[[], bytes], tuple[str, int, str, str]]] = {
    "bad birth date in NIP": (
        lambda: _pegawai(3, "nip", "198513992010012002"),
        ("pegawai", 3, "nip", "Tanggal lahir pada NIP tidak valid (digit 1–8: 19851399)"),
    ),
    "NIP too short": (
        lambda: _pegawai(2, "nip", "19800101200501"),
        ("pegawai", 2, "nip", "NIP harus 18 digit (sekarang 14 digit)"),
    ),
    "NIP with letters": (
        lambda: _pegawai(2, "nip", "19800101200501100X"),
        ("pegawai", 2, "nip", "hanya boleh berisi angka"),
    ),
    "NIP typed as an Excel number": (
        lambda: _pegawai(2, "nip", 1.98001012005011e17),
        ("pegawai", 2, "nip", "tersimpan sebagai angka"),
    ),
    "NI PPPK too long": (
        lambda: _pegawai(4, "nip", NI_CITRA + "9"),
        ("pegawai", 4, "nip", "NI PPPK harus 18 digit"),
    ),
    "duplicate NIP in the file": (
        lambda: _pegawai(4, "nip", NIP_ANDI),
        ("pegawai", 4, "nip", "muncul lebih dari sekali di berkas (pertama di baris 2)"),
    ),
    "missing nama": (
        lambda: _pegawai(3, "nama", "  "),
        ("pegawai", 3, "nama", "Kolom nama wajib diisi"),
    ),
    "unknown status": (
        lambda: _pegawai(3, "status_asn", "honorer"),
        ("pegawai", 3, "status_asn", "Nilai “honorer” tidak dikenal"),
    ),
    "golongan unknown for PNS": (
        lambda: _pegawai(2, "golongan", "V/a"),
        ("pegawai", 2, "golongan", "Golongan “V/a” tidak dikenal untuk PNS"),
    ),
    "PNS golongan given to PPPK": (
        lambda: _pegawai(4, "golongan", "III/a"),
        ("pegawai", 4, "golongan", "Golongan “III/a” tidak dikenal untuk PPPK"),
    ),
    "invalid email": (
        lambda: _pegawai(2, "email", "andi@"),
        ("pegawai", 2, "email", "Alamat email “andi@” tidak valid"),
    ),
    "bad date": (
        lambda: _pegawai(2, "tmt_jabatan", "31-02-2024"),
        ("pegawai", 2, "tmt_jabatan", "Tanggal “31-02-2024” tidak dikenali"),
    ),
    "unknown jabatan": (
        lambda: _pegawai(3, "kode_jabatan", "J-TIDAK-ADA"),
        ("pegawai", 3, "kode_jabatan", "Jabatan dengan kode “J-TIDAK-ADA” tidak ada"),
    ),
    "unknown unit of a jabatan": (
        lambda: _jabatan(2, "kode_unit", "TIDAK-ADA"),
        ("jabatan", 2, "kode_unit", "Unit dengan kode “TIDAK-ADA” tidak ada di berkas"),
    ),
    "unknown jabatan atasan": (
        lambda: _jabatan(3, "kode_jabatan_atasan", "J-ENTAH"),
        ("jabatan", 3, "kode_jabatan_atasan", "Jabatan dengan kode “J-ENTAH” tidak ada"),
    ),
    "cycle in the atasan line": (
        lambda: _jabatan(2, "kode_jabatan_atasan", "J-DOKTER"),
        ("jabatan", 2, "kode_jabatan_atasan", "Garis atasan membentuk siklus"),
    ),
    "fungsional without jenjang": (
        lambda: _jabatan(4, "jenjang", ""),
        ("jabatan", 4, "jenjang", "Jabatan fungsional wajib punya jenjang"),
    ),
    "unknown jenis jabatan": (
        lambda: _jabatan(3, "jenis_jabatan", "kepala"),
        ("jabatan", 3, "jenis_jabatan", "Nilai “kepala” tidak dikenal"),
    ),
    "duplicate kode jabatan": (
        lambda: _jabatan(4, "kode_jabatan", "J-KADINKES"),
        ("jabatan", 4, "kode_jabatan", "muncul lebih dari sekali di berkas (pertama di baris 2)"),
    ),
    "unknown unit induk": (
        lambda: _unit(3, "kode_unit_induk", "ENTAH"),
        ("unit", 3, "kode_unit_induk", "Unit dengan kode “ENTAH” tidak ada"),
    ),
    "unknown jenis unit": (
        lambda: _unit(2, "jenis_unit", "kantor"),
        ("unit", 2, "jenis_unit", "Nilai “kantor” tidak dikenal"),
    ),
    "duplicate kode unit": (
        lambda: _unit(4, "kode_unit", "DINKES"),
        ("unit", 4, "kode_unit", "muncul lebih dari sekali"),
    ),
    "cycle in the unit tree": (
        lambda: _unit(2, "kode_unit_induk", "DINKES.YANKES"),
        ("unit", 2, "kode_unit_induk", "Unit induk membentuk siklus"),
    ),
    "bad closing date": (
        lambda: xlsx(unit=[UNIT + ["ditutup_pada"], ["X", "X", "opd", "", "kemarin"]]),
        ("unit", 2, "ditutup_pada", "Tanggal “kemarin” tidak dikenali"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_names_sheet_row_column_and_problem(case: str, kota: KotaKecil) -> None:
    make, (sheet, baris, kolom, pesan) = CASES[case]
    laporan = periksa(kota, make())
    cocok = [
        g
        for g in laporan.galat
        if (g.sheet, g.baris, g.kolom) == (sheet, baris, kolom) and pesan in g.pesan
    ]
    assert cocok, f"{case}: {laporan.galat}"
    assert not laporan.ok


def test_a_cycle_is_reported_at_every_row_in_it(kota: KotaKecil) -> None:
    laporan = periksa(kota, _jabatan(2, "kode_jabatan_atasan", "J-DOKTER"))
    siklus = [g for g in laporan.galat if "siklus" in g.pesan]
    assert [g.baris for g in siklus] == [2, 3, 4]
    assert "J-KADINKES → J-DOKTER → J-KABID-YANKES → J-KADINKES" in siklus[0].pesan


def test_a_cycle_through_existing_units_is_caught(kota: KotaKecil) -> None:
    rows = [UNIT, ["DUKCAPIL", kota.dinas.nama, "opd", "DUKCAPIL.PD.1"]]
    laporan = periksa(kota, xlsx(unit=rows))
    assert [(g.baris, g.kolom) for g in laporan.galat] == [(2, "kode_unit_induk")]
    assert "DUKCAPIL → DUKCAPIL.PD.1 → DUKCAPIL.PD → DUKCAPIL" in laporan.galat[0].pesan


def test_a_missing_required_column_is_reported_on_the_header_row(kota: KotaKecil) -> None:
    rows = [["nip", "nama"], [NIP_ANDI, "Andi"]]
    laporan = periksa(kota, xlsx(pegawai=rows))
    assert (
        GalatBaris("pegawai", 1, "status_asn", "Kolom wajib “status_asn” tidak ada di baris judul.")
        in laporan.galat
    )


def test_a_nip_of_another_instansi_is_refused(kota: KotaKecil) -> None:
    lain = Instansi.objects.create(kode="BBL", nama="Pemerintah Kabupaten Bangka Barat")
    services.pegawai_create(instansi=lain, nip=NIP_ANDI, nama="Andi Lain")
    laporan = periksa(kota, berkas_baik())
    assert [(g.sheet, g.baris, g.kolom) for g in laporan.galat] == [("pegawai", 2, "nip")]
    assert "sudah terdaftar di instansi lain" in laporan.galat[0].pesan


def test_a_mutasi_must_start_after_the_current_jabatan(kota: KotaKecil) -> None:
    rows = [PEGAWAI, [kota.pegawai.nip, kota.pegawai.nama, "PNS", "", "", "J-ANALIS", "2019-05-01"]]
    laporan = periksa(kota, xlsx(pegawai=rows))
    assert [(g.baris, g.kolom) for g in laporan.galat] == [(2, "tmt_jabatan")]
    assert "harus sesudah mulai jabatan sekarang (2020-01-01)" in laporan.galat[0].pesan


def test_a_closed_jabatan_cannot_receive_pegawai(kota: KotaKecil) -> None:
    services.jabatan_close(jabatan=kota.j_staf_lain, tanggal=dt.date(2024, 1, 1))
    rows = [PEGAWAI, [NIP_ANDI, "Andi", "PNS", "", "", "J-STAFHUB", "2024-06-01"]]
    laporan = periksa(kota, xlsx(pegawai=rows))
    assert [(g.baris, g.kolom) for g in laporan.galat] == [(2, "kode_jabatan")]


def test_nothing_is_written_when_any_row_is_bad(kota: KotaKecil) -> None:
    rows = pegawai_rows()
    rows[3][0] = "123"  # the last row only
    sebelum = hitung()
    data = impor_baca(
        konten=xlsx(unit=unit_rows(), jabatan=jabatan_rows(), pegawai=rows),
        nama_file="data.xlsx",
    )
    with pytest.raises(ImporGagal) as info:
        impor_terapkan(data=data, instansi=kota.instansi, oleh=kota.admin)
    assert [(g.sheet, g.baris) for g in info.value.laporan.galat] == [("pegawai", 4)]
    assert hitung() == sebelum


def test_a_database_error_midway_rolls_everything_back(
    kota: KotaKecil, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja.organisasi.impor import terapkan as modul

    def meledak(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(modul._Penerap, "_pegawai", meledak)
    sebelum = hitung()
    with pytest.raises(RuntimeError):
        terapkan(kota, berkas_baik())
    assert hitung() == sebelum


# --- reading -----------------------------------------------------------------------------------


def test_siasn_like_aliases_and_labels_are_accepted(kota: KotaKecil) -> None:
    rows = [
        [
            "NIP BARU",
            "Nama",
            "Status Pegawai",
            "GOL_AKHIR_NAMA",
            "Nomor HP",
            "JABATAN_ID",
            "TMT_JAB",
        ],
        [
            NIP_ANDI,
            "Andi",
            "Pegawai Negeri Sipil",
            "Penata Muda (III/a)",
            81234567,
            "J-PELAKSANA",
            None,
        ],
    ]
    laporan = terapkan(kota, xlsx(Pegawai=rows))
    assert laporan.galat == []
    andi = Pegawai.objects.get(nip=NIP_ANDI)
    assert andi.golongan == "III/a" and andi.status_asn == "PNS" and andi.telepon == "081234567"
    penugasan = Penugasan.objects.get(pegawai=andi)
    assert penugasan.jabatan == kota.j_pelaksana
    assert penugasan.mulai == dt.date.today()


def test_a_file_without_data_rows_is_an_error(kota: KotaKecil) -> None:
    laporan = periksa(kota, xlsx(pegawai=[PEGAWAI]))
    assert [(g.sheet, g.pesan) for g in laporan.galat] == [
        ("pegawai", "Berkas tidak berisi baris data.")
    ]


def test_unknown_columns_are_warnings_not_errors(kota: KotaKecil) -> None:
    rows = [["nip", "nama", "status_asn", "tempat_lahir"], [NIP_ANDI, "Andi", "PNS", "Mentok"]]
    laporan = periksa(kota, xlsx(pegawai=rows))
    assert laporan.ok
    assert [(p.baris, p.kolom) for p in laporan.peringatan] == [(1, "tempat_lahir")]


def test_xlsx_date_cells_and_blank_rows_keep_row_numbers(kota: KotaKecil) -> None:
    rows = pegawai_rows()
    rows[1][-1] = dt.datetime(2024, 1, 2)
    rows.insert(2, [None] * len(PEGAWAI))  # a blank row 3: Budi is now on row 4
    rows[3][0] = "123"
    laporan = periksa(kota, xlsx(unit=unit_rows(), jabatan=jabatan_rows(), pegawai=rows))
    assert [(g.baris, g.kolom) for g in laporan.galat] == [(4, "nip")]


def test_csv_with_semicolons_and_a_bom_works(kota: KotaKecil) -> None:
    teks = "\ufeffNIP;Nama;Status_ASN;Kode_Jabatan;TMT_Jabatan\n"
    teks += f"{NIP_ANDI};Andi Pratama;PNS;J-PELAKSANA;15/03/2024\n"
    data = impor_baca(konten=teks.encode("utf-8"), nama_file="pegawai.csv")
    assert list(data.lembar) == ["pegawai"]  # inferred from the header
    laporan = impor_terapkan(data=data, instansi=kota.instansi, oleh=None)
    assert laporan.ringkasan["pegawai"].baru == 1
    andi = Pegawai.objects.get(nip=NIP_ANDI)
    assert andi.nama == "Andi Pratama"
    assert Penugasan.objects.get(pegawai=andi).mulai == dt.date(2024, 3, 15)


def test_csv_in_windows_1252_is_decoded(kota: KotaKecil) -> None:
    teks = f"nip,nama,status_asn\n{NIP_ANDI},André Siregar,PNS\n"
    data = impor_baca(konten=teks.encode("cp1252"), nama_file="pegawai.csv", jenis="pegawai")
    assert data.lembar["pegawai"].baris[0].nilai["nama"] == "André Siregar"


def test_a_csv_of_units_is_read_with_the_chosen_kind(kota: KotaKecil) -> None:
    teks = "kode_unit,nama_unit,jenis_unit,kode_unit_induk\nKEC.GABEK,Kecamatan Gabek,Kecamatan,\n"
    laporan = periksa(kota, teks.encode(), nama="unit.csv", jenis="unit")
    assert laporan.ok and laporan.ringkasan["unit"].baru == 1


@pytest.mark.parametrize(
    ("konten", "nama", "pesan"),
    [
        (b"ini bukan excel", "data.xlsx", "bukan berkas XLSX yang sah"),
        (b"", "data.xlsx", "Berkas kosong"),
        (b"\xd0\xcf\x11\xe0 old excel", "data.xls", "Format .xls"),
        (b"%PDF-1.4", "data.pdf", "Jenis berkas tidak didukung"),
        (b"\x00\x01\x02\x03binary", "data.csv", "bukan teks CSV"),
        (b"kolom_aneh,lain\n1,2\n", "data.csv", "Jenis data tidak dapat ditentukan"),
    ],
)
def test_unreadable_files_get_a_clear_error(konten: bytes, nama: str, pesan: str) -> None:
    with pytest.raises(ValidationError) as info:
        impor_baca(konten=konten, nama_file=nama)
    assert pesan in " ".join(info.value.messages)


def test_a_zip_that_is_not_a_workbook_is_rejected() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as arsip:
        arsip.writestr("catatan.txt", "halo")
    with pytest.raises(ValidationError) as info:
        impor_baca(konten=buffer.getvalue(), nama_file="data.xlsx")
    assert "bukan berkas XLSX yang sah" in info.value.messages[0]


def test_an_oversized_file_is_rejected(settings) -> None:  # type: ignore[no-untyped-def]
    settings.IMPORT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as info:
        impor_baca(konten=berkas_baik(), nama_file="data.xlsx")
    assert "Berkas terlalu besar" in info.value.messages[0]


def test_the_template_is_a_real_xlsx_that_reads_back_without_errors(kota: KotaKecil) -> None:
    konten = impor_template_xlsx()
    workbook = load_workbook(io.BytesIO(konten))
    assert workbook.sheetnames == ["unit", "jabatan", "pegawai", "petunjuk"]
    petunjuk = " ".join(
        str(c) for row in workbook["petunjuk"].iter_rows(values_only=True) for c in row if c
    )
    for kolom in PEGAWAI + JABATAN + UNIT:
        assert kolom in petunjuk
    data = impor_baca(konten=konten, nama_file="template-impor-organisasi.xlsx")
    assert {j: len(lembar.baris) for j, lembar in data.lembar.items()} == {
        "unit": 1,
        "jabatan": 1,
        "pegawai": 1,
    }
    laporan = impor_periksa(data=data, instansi=kota.instansi)
    assert laporan.galat == [] and laporan.peringatan == []
    assert laporan.ringkasan["pegawai"].baru == 1


# --- scale -------------------------------------------------------------------------------------


def _banyak_pegawai(kota: KotaKecil, n: int) -> bytes:
    rows: list[list[Any]] = [PEGAWAI]
    rows.append([kota.pegawai.nip, kota.pegawai.nama, "PNS", "", "", "J-PELAKSANA", ""])
    for i in range(n - 1):
        nip = f"19{70 + i % 25:02d}0{1 + i % 9}{10 + i % 18:02d}200501{i % 2 + 1}{i % 999 + 1:03d}"
        rows.append([nip, f"Pegawai {i}", "PNS", "II/a", "", "J-PELAKSANA", "2024-01-02"])
    return xlsx(pegawai=rows)


def test_the_dry_run_query_count_does_not_grow_with_rows(
    kota: KotaKecil, django_assert_max_num_queries: Any
) -> None:
    kecil = impor_baca(konten=_banyak_pegawai(kota, 50), nama_file="a.xlsx")
    besar = impor_baca(konten=_banyak_pegawai(kota, 500), nama_file="b.xlsx")
    with django_assert_max_num_queries(4):
        assert impor_periksa(data=kecil, instansi=kota.instansi).ok
    with django_assert_max_num_queries(4):
        laporan = impor_periksa(data=besar, instansi=kota.instansi)
    assert laporan.ok, laporan.galat[:3]
    assert laporan.ringkasan["pegawai"].baru + laporan.ringkasan["pegawai"].tetap == 500


# --- management command ------------------------------------------------------------------------


def test_the_command_prints_errors_and_exits_non_zero(kota: KotaKecil, tmp_path: Any) -> None:
    path = tmp_path / "salah.xlsx"
    path.write_bytes(_pegawai(3, "nip", "123"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("impor_organisasi", str(path), stdout=out)
    assert "GALAT pegawai baris 3, kolom nip: NIP harus 18 digit" in out.getvalue()
    assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()


def test_the_command_applies_with_terapkan(kota: KotaKecil, tmp_path: Any) -> None:
    path = tmp_path / "baik.xlsx"
    path.write_bytes(berkas_baik())
    out = io.StringIO()
    call_command(
        "impor_organisasi", str(path), "--instansi", "PKP", stdout=out, stderr=io.StringIO()
    )
    assert "Tambahkan --terapkan" in out.getvalue()
    assert not Pegawai.objects.filter(nip=NIP_ANDI).exists()
    call_command("impor_organisasi", str(path), "--terapkan", stdout=out, stderr=io.StringIO())
    assert Pegawai.objects.filter(nip=NIP_ANDI, instansi=kota.instansi).exists()
    assert "pegawai: 3/0/0" in out.getvalue()


def test_docs_list_every_column_and_alias() -> None:
    from pathlib import Path

    from kinerja.organisasi.impor import KOLOM

    docs = (Path(__file__).resolve().parents[2] / "docs" / "impor.md").read_text()
    for jenis, kolom_list in KOLOM.items():
        bagian = docs.split(f"### Lembar `{jenis}`")[1].split("###")[0]
        for kolom in kolom_list:
            baris = next(
                line for line in bagian.splitlines() if line.startswith(f"| `{kolom.nama}`")
            )
            for alias in kolom.alias:
                assert f"`{alias}`" in baris, f"{jenis}.{kolom.nama}: {alias}"
