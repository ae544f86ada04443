"""Bulk SKP PDFs of a unit: a background job with progress, delivered as a scoped ZIP."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import Peran
from kinerja.skp import dokumen_massal
from kinerja.skp.models import DokumenMassal, StatusTugas
from tests.factories import KotaKecil, buat_pegawai
from tests.skp.bahan_dokumen import Cascade, buat_cascade, setujui


@pytest.fixture
def cascade(kota: KotaKecil, settings, tmp_path) -> Cascade:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path
    c = buat_cascade(kota)
    setujui(c.skp_pegawai, kota.atasan, "MASSAL23")
    return c


def _buat(client, kota: KotaKecil, cascade: Cascade, capture) -> DokumenMassal:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        response = client.post(
            reverse("skp_massal_index"), {"unit": kota.dinas.pk, "periode": cascade.periode.pk}
        )
    assert response.status_code == 302
    return DokumenMassal.objects.get()


def test_a_pimpinan_gets_every_skp_of_the_opd_as_pdfs_in_one_zip(
    cascade: Cascade, kota: KotaKecil, client_as, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pimpinan_opd")
    job = _buat(client, kota, cascade, django_capture_on_commit_callbacks)
    assert job.status == StatusTugas.SELESAI
    assert (job.progress_selesai, job.progress_total) == (4, 4)
    assert job.berkas.name.startswith("skp/massal/")
    response = client.get(reverse("skp_massal_unduh", kwargs={"pk": job.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    arsip = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(arsip.namelist())
    assert len(names) == 4 and all(n.endswith(".pdf") for n in names)
    berkas_pegawai = next(n for n in names if kota.pegawai.nip in n)
    teks = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(arsip.read(berkas_pegawai))).pages
    )
    assert "MASSAL23" in teks and "Terverifikasinya berkas permohonan KTP-el" in " ".join(
        teks.split()
    )
    assert "http://testserver/v/MASSAL23/" in teks.replace(" ", "").replace("\n", "")


def test_the_worker_writes_progress_as_it_goes(
    cascade: Cascade, kota: KotaKecil, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    asli = dokumen_massal.progress_tulis

    def catat(job_id: int, selesai: int, total: int) -> None:
        asli(job_id, selesai, total)
        job = DokumenMassal.objects.get(pk=job_id)
        seen.append(dokumen_massal.progress_baca(job))  # what the page shows meanwhile

    monkeypatch.setattr(dokumen_massal, "progress_tulis", catat)
    job = DokumenMassal.objects.create(
        periode=cascade.periode, unit=kota.dinas, base_url="http://x/", progress_total=4
    )
    dokumen_massal.massal_jalankan(job_id=job.pk)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert not dokumen_massal._progress_path(job.pk).exists()  # cleaned up


def test_the_status_fragment_polls_while_running_and_offers_the_zip_when_done(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    job = DokumenMassal.objects.create(
        periode=cascade.periode, unit=kota.dinas, status=StatusTugas.BERJALAN, progress_total=4
    )
    dokumen_massal.progress_tulis(job.pk, 3, 4)
    client = client_as("pimpinan_opd")
    url = reverse("skp_massal_detail", kwargs={"pk": job.pk})
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="3"' in html
    assert "<html" not in html
    dokumen_massal.massal_jalankan(job_id=job.pk)  # not queued: nothing happens
    assert DokumenMassal.objects.get(pk=job.pk).status == StatusTugas.BERJALAN


def test_a_unit_without_skp_is_refused_with_a_message(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    response = client_as("admin_bkpsdmd").post(
        reverse("skp_massal_index"), {"unit": kota.bkpsdmd.pk, "periode": cascade.periode.pk}
    )
    assert response.status_code == 422
    assert "Belum ada SKP di unit ini" in response.content.decode()
    assert not DokumenMassal.objects.exists()


def test_a_pimpinan_cannot_ask_for_or_see_another_opd(
    cascade: Cascade, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pimpinan_opd")
    response = client.post(
        reverse("skp_massal_index"), {"unit": kota.dinas_lain.pk, "periode": cascade.periode.pk}
    )
    assert response.status_code == 422
    lain = DokumenMassal.objects.create(periode=cascade.periode, unit=kota.dinas_lain)
    for name in ("skp_massal_detail", "skp_massal_unduh"):
        assert client.get(reverse(name, kwargs={"pk": lain.pk})).status_code == 404
    assert (
        client_as("admin_bkpsdmd")
        .get(reverse("skp_massal_detail", kwargs={"pk": lain.pk}))
        .status_code
        == 200
    )


def test_an_operator_opd_may_use_it_for_their_opd(
    cascade: Cascade, kota: KotaKecil, client, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    operator = buat_pegawai(kota.instansi, "Nur Operator", kota.j_pelaksana)
    org_services.peran_grant(pegawai=operator, peran=Peran.OPERATOR_OPD, unit=kota.dinas)
    client.force_login(operator)
    assert _buat(client, kota, cascade, django_capture_on_commit_callbacks).status == "selesai"


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("pegawai", 403),
        ("atasan", 403),
        ("pimpinan_opd", 200),
        ("admin_bkpsdmd", 200),
        ("luar_opd", 403),
        ("anonim", 302),
    ],
)
def test_only_pimpinan_operator_and_admin_reach_bulk_pdfs(
    cascade: Cascade, client_as, persona: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    assert client_as(persona).get(reverse("skp_massal_index")).status_code == status


def test_the_list_page_uses_a_fixed_number_of_queries(
    cascade: Cascade, kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for _ in range(15):
        DokumenMassal.objects.create(periode=cascade.periode, unit=kota.dinas)
    client = client_as("pimpinan_opd")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("skp_massal_index")).status_code == 200
