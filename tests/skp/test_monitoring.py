"""SKP monitoring: status recap per OPD and unit (SQL GROUP BY), who is behind, reminders."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from kinerja.organisasi.models import Pegawai
from kinerja.skp import monitoring
from kinerja.skp.models import PengingatSkp, Skp, StatusSkp, StatusTugas
from tests.factories import KotaKecil, buat_pegawai
from tests.skp.bahan_dokumen import Cascade, buat_cascade, buat_skp


@pytest.fixture
def cascade(kota: KotaKecil) -> Cascade:
    c = buat_cascade(kota)
    for skp, status in (
        (c.skp_kabid, StatusSkp.DIAJUKAN),
        (c.skp_atasan, StatusSkp.DISETUJUI),
        (c.skp_pegawai, StatusSkp.DIKEMBALIKAN),
    ):
        Skp.objects.filter(pk=skp.pk).update(status=status)
    return c


def _jumlah(baris: list[monitoring.BarisRekap]) -> dict[str, list[int]]:
    return {b.nama: b.sel for b in baris}


def test_the_city_recap_counts_every_pegawai_once_under_their_skp_status(
    cascade: Cascade, kota: KotaKecil
) -> None:
    baris = monitoring.rekap_status(
        instansi_id=kota.instansi.pk, periode=cascade.periode, opd_ids=None
    )
    # columns: belum dibuat, draf, diajukan, dikembalikan, disetujui
    assert _jumlah(baris) == {
        "BKPSDMD": [1, 0, 0, 0, 0],
        "Dinas Kependudukan dan Pencatatan Sipil": [0, 1, 1, 1, 1],
        "Dinas Perhubungan": [1, 0, 0, 0, 0],
        "Sekretariat Daerah": [1, 0, 0, 0, 0],
    }
    assert monitoring.total_rekap(baris).total == 7


def test_an_old_version_does_not_count_only_the_version_in_force(
    cascade: Cascade, kota: KotaKecil
) -> None:
    Skp.objects.filter(pk=cascade.skp_pegawai.pk).update(aktif=False, status="disetujui")
    buat_skp(cascade.periode, kota.pegawai, kota.atasan, jabatan="x", unit="y", versi=2)
    baris = monitoring.rekap_status(
        instansi_id=kota.instansi.pk,
        periode=cascade.periode,
        opd_ids={kota.dinas.pk},
        per_unit=True,
    )
    assert _jumlah(baris) == {
        "Dinas Kependudukan dan Pencatatan Sipil": [0, 1, 0, 0, 0],
        "Bidang Pelayanan Pendaftaran Penduduk": [0, 0, 1, 0, 0],
        "Seksi Identitas Penduduk": [0, 1, 0, 0, 1],  # the pegawai's v2 is a draft
    }


def test_it_lists_the_pegawai_who_are_behind(cascade: Cascade, kota: KotaKecil) -> None:
    rows = monitoring.pegawai_per_status(
        instansi_id=kota.instansi.pk,
        periode=cascade.periode,
        opd_id=kota.dinas.pk,
        status=monitoring.TERTINGGAL,
    )
    assert {(r["pegawai_id"], r["status"]) for r in rows} == {
        (kota.pimpinan.pk, "draft"),
        (kota.pegawai.pk, "dikembalikan"),
    }


def _ramai(kota: KotaKecil, cascade: Cascade, n: int) -> None:
    for i in range(n):
        p = buat_pegawai(kota.instansi, f"Staf {i} Ramai", kota.j_pelaksana)
        if i % 3:  # a third without SKP, a third draft, a third approved
            status = StatusSkp.DRAFT if i % 3 == 1 else StatusSkp.DISETUJUI
            buat_skp(cascade.periode, p, kota.atasan, jabatan="Staf", unit="Seksi", status=status)


def test_the_city_recap_page_uses_a_fixed_number_of_queries(
    cascade: Cascade, kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    _ramai(kota, cascade, 30)
    client = client_as("admin_bkpsdmd")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("skp_monitoring_index"))
    assert response.status_code == 200
    assert "Dinas Kependudukan dan Pencatatan Sipil" in response.content.decode()


def test_the_opd_page_uses_a_fixed_number_of_queries(
    cascade: Cascade, kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    _ramai(kota, cascade, 30)
    client = client_as("pimpinan_opd")
    with django_assert_max_num_queries(16):
        response = client.get(reverse("skp_monitoring_opd", kwargs={"pk": kota.dinas.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Ramai</a>") == 20  # 10 without an SKP and 10 drafts are behind
    assert "Kirim pengingat" in html


def test_a_pimpinan_opd_goes_straight_to_their_opd_and_cannot_open_another(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pimpinan_opd")
    response = client.get(reverse("skp_monitoring_index"))
    assert response["Location"] == reverse("skp_monitoring_opd", kwargs={"pk": kota.dinas.pk})
    other = reverse("skp_monitoring_opd", kwargs={"pk": kota.dinas_lain.pk})
    assert client.get(other).status_code == 404


def test_a_reminder_emails_those_behind_and_records_it(
    cascade: Cascade, kota: KotaKecil, client_as, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    Pegawai.objects.filter(pk=kota.pimpinan.pk).update(email="")
    url = reverse("skp_monitoring_pengingat", kwargs={"pk": kota.dinas.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("pimpinan_opd").post(url)
    assert response.status_code == 302
    pengingat = PengingatSkp.objects.get()
    assert pengingat.status == StatusTugas.SELESAI
    assert {p["nip"] for p in pengingat.penerima} == {kota.pimpinan.nip, kota.pegawai.nip}
    assert (pengingat.jumlah_terkirim, pengingat.jumlah_tanpa_email) == (1, 1)
    assert [m.to for m in mail.outbox] == [[kota.pegawai.email]]
    assert "dikembalikan" in mail.outbox[0].body
    assert "2026" in mail.outbox[0].subject


def test_no_reminder_is_recorded_when_nobody_is_behind(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    Skp.objects.update(status=StatusSkp.DISETUJUI)
    url = reverse("skp_monitoring_pengingat", kwargs={"pk": kota.dinas.pk})
    response = client_as("admin_bkpsdmd").post(url, follow=True)
    assert "Tidak ada pegawai yang tertinggal" in response.content.decode()
    assert not PengingatSkp.objects.exists()


@pytest.mark.parametrize(
    ("persona", "index", "opd", "pengingat"),
    [
        ("pegawai", 403, 403, 403),
        ("atasan", 403, 403, 403),
        ("pimpinan_opd", 302, 200, 302),
        ("admin_bkpsdmd", 200, 200, 302),
        ("luar_opd", 403, 403, 403),
        ("anonim", 302, 302, 302),
    ],
)
def test_each_persona_reaches_only_the_monitoring_they_should(
    cascade: Cascade, kota: KotaKecil, client_as, persona: str, index: int, opd: int, pengingat: int
) -> None:  # type: ignore[no-untyped-def]
    client = client_as(persona)
    kw = {"pk": kota.dinas.pk}
    assert client.get(reverse("skp_monitoring_index")).status_code == index
    assert client.get(reverse("skp_monitoring_opd", kwargs=kw)).status_code == opd
    assert client.post(reverse("skp_monitoring_pengingat", kwargs=kw)).status_code == pengingat
