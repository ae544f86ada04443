from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse

from kinerja.organisasi import hierarki, selectors
from kinerja.organisasi.demo import DEMO_LOGINS, DEMO_NIP, DEMO_PASSWORD
from kinerja.organisasi.models import (
    JenisPenugasan,
    JenisUnit,
    Pegawai,
    Penugasan,
    Peran,
    StatusAsn,
    UnitKerja,
)
from kinerja.organisasi.nip import validate_nomor_induk
from tests.factories import KotaKecil

UKURAN = 300


def _seed(pegawai: int = UKURAN, seed: int = 1) -> None:
    call_command("seed_demo", pegawai=pegawai, seed=seed, stdout=StringIO())


def _seed_lalu_batalkan(pegawai: int, seed: int) -> list[tuple[str, str, str]]:
    with transaction.atomic():
        _seed(pegawai, seed)
        orang = list(Pegawai.objects.order_by("nip").values_list("nip", "nama", "golongan"))
        transaction.set_rollback(True)
    return orang


@pytest.fixture
def seeded(db: None) -> None:
    _seed()


def test_the_same_seed_gives_the_same_city(db: None) -> None:
    pertama = _seed_lalu_batalkan(UKURAN, 1)
    kedua = _seed_lalu_batalkan(UKURAN, 1)
    assert len(pertama) == UKURAN
    assert pertama == kedua
    assert pertama != _seed_lalu_batalkan(UKURAN, 2)


def test_the_persona_nips_are_the_same_at_every_size_and_seed(db: None) -> None:
    nip_kecil = {nip for nip, _, _ in _seed_lalu_batalkan(120, 7)}
    nip_besar = {nip for nip, _, _ in _seed_lalu_batalkan(UKURAN, 1)}
    persona = {login.nip for login in DEMO_LOGINS}
    assert persona <= nip_kecil
    assert persona <= nip_besar
    assert set(DEMO_NIP.values()) == persona


def test_every_nip_is_valid(seeded: None) -> None:
    rows = list(Pegawai.objects.values_list("nip", "status_asn"))
    assert len(rows) == UKURAN
    for nip, status in rows:
        validate_nomor_induk(nip, status_asn=status)


def test_about_a_fifth_are_pppk(seeded: None) -> None:
    pppk = Pegawai.objects.filter(status_asn=StatusAsn.PPPK).count()
    assert 0.15 * UKURAN <= pppk <= 0.25 * UKURAN


def test_every_pegawai_has_exactly_one_open_definitive_penugasan(seeded: None) -> None:
    terbuka = Q(penugasan_set__jenis=JenisPenugasan.DEFINITIF, penugasan_set__selesai__isnull=True)
    jumlah = Pegawai.objects.annotate(n=Count("penugasan_set", filter=terbuka))
    assert set(jumlah.values_list("n", flat=True)) == {1}


def test_it_builds_the_seven_kecamatan_and_42_kelurahan(seeded: None) -> None:
    kecamatan = UnitKerja.objects.filter(jenis=JenisUnit.KECAMATAN)
    assert set(kecamatan.values_list("nama", flat=True)) == {
        f"Kecamatan {nama}"
        for nama in (
            "Taman Sari",
            "Rangkui",
            "Pangkalbalam",
            "Gabek",
            "Bukit Intan",
            "Girimaya",
            "Gerunggang",
        )
    }
    kelurahan = UnitKerja.objects.filter(jenis=JenisUnit.KELURAHAN)
    assert kelurahan.count() == 42
    assert set(kelurahan.values_list("parent__jenis", flat=True)) == {JenisUnit.KECAMATAN}


def test_it_appoints_one_plt_in_a_vacant_kepala_bidang(seeded: None) -> None:
    plt = Penugasan.objects.get(jenis=JenisPenugasan.PLT)
    assert plt.jabatan.kepala and plt.unit.jenis == JenisUnit.BIDANG
    assert not plt.jabatan.penugasan_set.filter(jenis=JenisPenugasan.DEFINITIF).exists()


PERAN_PERSONA = {
    "pimpinan_opd": Peran.PIMPINAN_OPD,
    "operator_opd": Peran.OPERATOR_OPD,
    "admin_bkpsdmd": Peran.ADMIN_BKPSDMD,
    "pimpinan_daerah": Peran.PIMPINAN_DAERAH,
    "inspektorat": Peran.INSPEKTORAT,
}


def test_each_demo_persona_logs_in_and_has_its_role(seeded: None) -> None:
    for kunci, nip in DEMO_NIP.items():
        client = Client()
        assert client.login(username=nip, password=DEMO_PASSWORD), kunci
        assert client.get(reverse("beranda")).status_code == 200, kunci
        akses = selectors.akses_pengguna(Pegawai.objects.get(nip=nip))
        assert akses is not None
        if kunci in PERAN_PERSONA:
            assert PERAN_PERSONA[kunci] in akses.peran, kunci
        else:
            assert akses.peran == set(), kunci


def test_the_personas_sit_where_the_table_says(seeded: None) -> None:
    def akses(kunci: str) -> selectors.AksesPengguna:
        profil = selectors.akses_pengguna(Pegawai.objects.get(nip=DEMO_NIP[kunci]))
        assert profil is not None
        return profil

    dukcapil = UnitKerja.objects.get(kode="DISDUKCAPIL").pk
    assert akses("pegawai").opd_sendiri_id == dukcapil
    assert akses("atasan").atasan
    assert akses("pimpinan_opd").opd_kelola_ids == {dukcapil}
    assert akses("operator_opd").opd_kelola_ids == {dukcapil}
    assert akses("luar_opd").opd_sendiri_id == UnitKerja.objects.get(kode="DISHUB").pk
    assert Pegawai.objects.get(nip=DEMO_NIP["admin_bkpsdmd"]).is_staff


def test_the_demo_atasan_is_the_atasan_langsung_of_the_demo_pegawai(seeded: None) -> None:
    pegawai = Pegawai.objects.get(nip=DEMO_NIP["pegawai"])
    atasan = hierarki.atasan_langsung(pegawai)
    assert atasan is not None and atasan.nip == DEMO_NIP["atasan"]
    pimpinan = Pegawai.objects.get(nip=DEMO_NIP["pimpinan_opd"])
    assert hierarki.atasan_langsung(pimpinan) == Pegawai.objects.get(
        nip=DEMO_NIP["pimpinan_daerah"]
    )


def test_if_empty_does_nothing_when_pegawai_exist(kota: KotaKecil) -> None:
    sebelum = Pegawai.objects.count()
    out = StringIO()
    call_command("seed_demo", "--if-empty", "--pegawai", "100", stdout=out)
    assert Pegawai.objects.count() == sebelum
    assert "dilewati" in out.getvalue()


def test_it_refuses_a_database_that_already_has_pegawai(kota: KotaKecil) -> None:
    with pytest.raises(CommandError):
        call_command("seed_demo", "--pegawai", "100", stdout=StringIO())


def test_demo_logins_prints_every_persona_and_the_password(seeded: None) -> None:
    out = StringIO()
    call_command("demo_logins", stdout=out)
    teks = out.getvalue()
    assert DEMO_PASSWORD in teks
    for login in DEMO_LOGINS:
        assert login.nip in teks and login.peran in teks
    assert "(belum ada)" not in teks
