from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.kegiatan.models import BuktiDukung, LaporanKegiatan, RealisasiBulanan, StatusLaporan
from kinerja.notifikasi.models import Notifikasi
from kinerja.skp.models import PeriodeKinerja
from tests.factories import buat_pegawai
from tests.kegiatan.util import besar, exe_pdf, hari, lapor, pdf, png, siapkan

pytestmark = pytest.mark.django_db


def _isian(d, **extra):  # type: ignore[no-untyped-def]
    data = {
        "tanggal": hari(0).isoformat(),
        "uraian": "Memverifikasi berkas KTP-el warga Kelurahan Bukit Intan",
        "durasi_menit": "60",
        "indikator": str(d["indikator"].pk),
        "kuantitas": "2",
        "satuan": "berkas",
    }
    data.update(extra)
    return data


def _jumlah() -> tuple[int, int, int]:
    return (
        LaporanKegiatan.objects.count(),
        BuktiDukung.objects.count(),
        RealisasiBulanan.objects.count(),
    )


def test_quick_add_with_a_photo_review_return_edit_approve(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    peg, ats = client_as("pegawai"), client_as("atasan")
    page = peg.get(reverse("kegiatan_laporan_saya"))
    html = page.content.decode()
    assert 'capture="environment"' in html and 'accept="image/jpeg' in html
    assert f'value="{hari(0).isoformat()}"' in html  # date defaults to today
    r = peg.post(reverse("kegiatan_laporan_saya"), _isian(d) | {"berkas": [png()]})
    assert r.status_code == 302
    lap = LaporanKegiatan.objects.get()
    # the live fragment brings the new row to the atasan's open queue
    frag = ats.get(reverse("kegiatan_review_baru"), {"sejak": lap.pk - 1}).content.decode()
    assert f'id="lap-{lap.pk}"' in frag and 'hx-trigger="every 5s"' in frag
    assert (
        f'id="lap-{lap.pk}"'
        not in ats.get(reverse("kegiatan_review_baru"), {"sejak": lap.pk}).content.decode()
    )
    r = ats.post(
        reverse("kegiatan_review_kembalikan", args=[lap.pk]),
        {"catatan": "Foto kurang jelas"},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200 and "Dikembalikan" in r.content.decode()
    assert Notifikasi.objects.filter(penerima=kota.pegawai, jenis="laporan_dikembalikan").exists()
    lap.refresh_from_db()
    r = peg.post(
        reverse("kegiatan_laporan_ubah", args=[lap.pk]),
        _isian(d, durasi_menit="90", revisi=str(lap.revisi)) | {"berkas": [pdf()]},
    )
    assert r.status_code == 302
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIAJUKAN and lap.bukti_set.count() == 2
    r = ats.post(reverse("kegiatan_review_setujui", args=[lap.pk]), HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    progres = peg.get(reverse("kegiatan_progres"), {"rentang": "tahun"}).content.decode()
    assert re.search(r'<span style="width: (\d+)%"', progres)
    assert RealisasiBulanan.objects.get(indikator=d["indikator"]).kuantitas == Decimal(2)


@pytest.mark.parametrize(
    "extra, pesan",
    [
        ({"berkas": [besar()]}, "batasnya 10 MB"),
        ({"berkas": [exe_pdf()]}, "bukan"),
        ({"tanggal": hari(-3).isoformat()}, "masa depan"),
    ],
)
def test_bad_input_on_the_page_shows_a_message_and_stores_nothing(
    kota, client_as, extra, pesan
) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    sebelum = _jumlah()
    r = client_as("pegawai").post(reverse("kegiatan_laporan_saya"), _isian(d, **extra))
    assert r.status_code == 422
    assert pesan in r.content.decode()
    assert _jumlah() == sebelum


def test_locked_period_and_someone_elses_rhk_on_the_page(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    ind_atasan = d["rhk_atasan"].indikator_set.first()
    c = client_as("pegawai")
    r = c.post(reverse("kegiatan_laporan_saya"), _isian(d, indikator=str(ind_atasan.pk)))
    assert r.status_code == 422  # not among the choices: refused by the form
    PeriodeKinerja.objects.filter(pk=d["periode"].pk).update(dikunci_sampai=hari(0))
    r = c.post(reverse("kegiatan_laporan_saya"), _isian(d))
    assert r.status_code == 422 and "dikunci" in r.content.decode()
    assert LaporanKegiatan.objects.count() == 0


@pytest.mark.parametrize(
    "persona, status",
    [("pimpinan_opd", 403), ("pegawai", 403), ("luar_opd", 403), ("admin_bkpsdmd", 403)],
)
def test_review_on_the_page_by_someone_not_the_atasan(kota, client_as, persona, status) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    c = client_as(persona)
    assert c.post(reverse("kegiatan_review_setujui", args=[lap.pk])).status_code == status
    assert c.post(reverse("kegiatan_review_massal"), {"laporan": [lap.pk]}).status_code == status
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DIAJUKAN and RealisasiBulanan.objects.count() == 0


def test_bulk_approve_on_the_page(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    ids = [
        lapor(kota.pegawai, d["indikator"], uraian=f"Kegiatan verifikasi nomor {i} hari ini").pk
        for i in range(3)
    ]
    r = client_as("atasan").post(reverse("kegiatan_review_massal"), {"laporan": ids})
    assert r.status_code == 302
    assert LaporanKegiatan.objects.filter(status=StatusLaporan.DISETUJUI).count() == 3


def test_evidence_download_keeps_the_original_name(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"], berkas=[pdf("Surat Tugas 12.pdf")])
    b = lap.bukti_set.get()
    r = client_as("atasan").get(reverse("kegiatan_bukti", args=[b.pk]), {"unduh": 1})
    assert r.status_code == 200
    assert (
        "Surat Tugas 12.pdf" in r["Content-Disposition"]
        and "attachment" in r["Content-Disposition"]
    )
    assert b"".join(r.streaming_content).startswith(b"%PDF")


def test_repeat_and_template_prefill_the_form(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(
        kota.pegawai, d["indikator"], tanggal=hari(1), uraian="Rapat koordinasi pelayanan adminduk"
    )
    html = (
        client_as("pegawai")
        .get(reverse("kegiatan_laporan_saya"), {"ulang": lap.pk})
        .content.decode()
    )
    assert "Rapat koordinasi pelayanan adminduk</textarea>" in html
    assert f'value="{hari(0).isoformat()}"' in html
    assert (
        client_as("atasan").get(reverse("kegiatan_laporan_saya"), {"ulang": lap.pk}).status_code
        == 404
    )
    r = client_as("pegawai").post(
        reverse("kegiatan_template_list"), {"nama": "Piket", "uraian": "Piket loket pelayanan"}
    )
    assert r.status_code == 302
    from kinerja.kegiatan.models import TemplateLaporan

    t = TemplateLaporan.objects.get()
    html = (
        client_as("pegawai")
        .get(reverse("kegiatan_laporan_saya"), {"template": t.pk})
        .content.decode()
    )
    assert "Piket loket pelayanan</textarea>" in html


def test_near_duplicate_flag_shows_in_the_queue(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    teks = (
        "Memverifikasi dua belas berkas permohonan KTP-el warga Kelurahan Bukit Intan "
        "sebelum dicetak"
    )
    lapor(kota.pegawai, d["indikator"], tanggal=hari(1), uraian=teks)
    lapor(kota.pegawai, d["indikator"], uraian=teks + ".")
    html = client_as("atasan").get(reverse("kegiatan_review")).content.decode()
    assert "mirip laporannya sendiri tanggal" in html
    assert "skor 1,00" in html


def test_manual_realisasi_on_the_progress_page(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    c = client_as("pegawai")
    html = c.get(reverse("kegiatan_progres")).content.decode()
    assert "Isi realisasi manual" in html
    r = c.post(
        reverse("kegiatan_progres"),
        {
            "indikator": d["kualitas"].pk,
            "tanggal": hari(0).isoformat(),
            "nilai": "93",
            "berkas": [pdf()],
        },
    )
    assert r.status_code == 302
    r = c.post(
        reverse("kegiatan_progres"),
        {"indikator": d["kualitas"].pk, "tanggal": hari(0).isoformat(), "nilai": "93"},
    )
    assert r.status_code == 422 and "bukti" in r.content.decode().lower()


# --- pinned query counts -------------------------------------------------------------------


def _bawahan(kota, n: int) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [buat_pegawai(kota.instansi, f"Staf {i} Seksi", kota.j_pelaksana) for i in range(n)]


def _isi_laporan(pegawai_list, per_orang: int, d) -> None:  # type: ignore[no-untyped-def]
    rows = [
        LaporanKegiatan(
            pegawai=p,
            tanggal=hari(j % 5),
            durasi_menit=30,
            uraian=f"Kegiatan {j} dari {p.nama}",
            indikator=d["indikator"] if p.pk == d["skp"].pegawai_id else None,
        )
        for p in pegawai_list
        for j in range(per_orang)
    ]
    LaporanKegiatan.objects.bulk_create(rows)
    for lap in LaporanKegiatan.objects.all()[:40]:
        BuktiDukung.objects.create(
            laporan=lap,
            berkas="bukti/x.pdf",
            nama_asli="x.pdf",
            jenis="pdf",
            ukuran=10,
            diunggah_oleh=lap.pegawai,
        )


@pytest.mark.parametrize("per_orang", [1, 3])
def test_review_queue_with_30_bawahan_has_a_fixed_query_count(
    kota, client_as, django_assert_max_num_queries, per_orang
) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    staf = _bawahan(kota, 30)
    _isi_laporan([*staf, kota.pegawai], per_orang, d)
    c = client_as("atasan")
    with django_assert_max_num_queries(24):
        r = c.get(reverse("kegiatan_review"))
    assert r.content.decode().count('class="review-item"') == 31 * per_orang
    with django_assert_max_num_queries(12):
        c.get(reverse("kegiatan_review_baru"), {"sejak": 0})


@pytest.mark.parametrize("per_orang", [5, 15])
def test_my_reports_and_progress_pages_have_a_fixed_query_count(
    kota, client_as, django_assert_max_num_queries, per_orang
) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    _isi_laporan([kota.pegawai], per_orang, d)
    c = client_as("pegawai")
    with django_assert_max_num_queries(22):
        c.get(reverse("kegiatan_laporan_saya"))
    with django_assert_max_num_queries(22):
        c.get(reverse("kegiatan_progres"))


def test_duration_reads_as_hours_and_minutes() -> None:
    from kinerja.kegiatan.templatetags.kegiatan import durasi

    assert (durasi(90), durasi(45), durasi(120), durasi(0)) == (
        "1 jam 30 menit",
        "45 menit",
        "2 jam",
        "0 menit",
    )


def test_editing_a_stale_copy_on_the_page_is_a_conflict(kota, client_as) -> None:  # type: ignore[no-untyped-def]
    d = siapkan(kota)
    lap = lapor(kota.pegawai, d["indikator"])
    c = client_as("pegawai")
    url = reverse("kegiatan_laporan_ubah", args=[lap.pk])
    assert c.post(url, _isian(d, revisi=str(lap.revisi))).status_code == 302
    r = c.post(url, _isian(d, revisi=str(lap.revisi), uraian="Versi tab lama yang basi"))
    assert r.status_code == 409 and "tab/perangkat lain" in r.content.decode()
    assert LaporanKegiatan.objects.get(pk=lap.pk).uraian != "Versi tab lama yang basi"
