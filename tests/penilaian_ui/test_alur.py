"""The whole flow through the pages (Django test client): rate, warning, finalize, explanation,
keberatan, clarification, decision, PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.penilaian.models import Evaluasi, StatusEvaluasi
from tests.penilaian.util import buka, siapkan

pytestmark = pytest.mark.django_db


def test_alur_lengkap(kota, client_as):
    from kinerja.penilaian import services

    d = siapkan(kota)
    services.predikat_organisasi_tetapkan(
        unit=kota.seksi,
        periode=d.periode,
        jenis="periodik",
        urutan=1,
        predikat="baik",
        oleh=kota.kabid,
    )
    atasan = client_as("atasan")
    q = f"?periode={d.periode.pk}&jendela=p1"
    r = atasan.get(reverse("penilaian:bawahan") + q)
    assert r.status_code == 200
    assert kota.pegawai.nama in r.content.decode()
    r = atasan.post(
        reverse("penilaian:evaluasi_buka", args=[kota.pegawai.pk]),
        {"periode": d.periode.pk, "jendela": "p1"},
    )
    assert r.status_code == 302
    ev = Evaluasi.objects.get(pegawai=kota.pegawai)
    r = atasan.get(reverse("penilaian:evaluasi", args=[ev.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Usulan" in html and "alasan_hasil" in html
    # differs from the proposal without a reason: the error sits next to the field
    r = atasan.post(
        reverse("penilaian:evaluasi_nilai", args=[ev.pk]),
        {"revisi": ev.revisi, "rating_hasil": "sesuai", "rating_perilaku": "sesuai"},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200
    assert 'id="galat-alasan"' in r.content.decode()
    ev.refresh_from_db()
    assert ev.predikat == ""
    r = atasan.post(
        reverse("penilaian:evaluasi_nilai", args=[ev.pk]),
        {
            "revisi": ev.revisi,
            "rating_hasil": "sesuai",
            "alasan_hasil": "Dokumen selesai di luar sistem",
            "rating_perilaku": "sesuai",
        },
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200, r.content.decode()[:2000]
    assert r["HX-Trigger"] == "distribusi-berubah"
    ev.refresh_from_db()
    assert ev.predikat == "baik"
    r = atasan.get(reverse("penilaian:distribusi", args=[ev.pk]))
    assert "Peringatan kurva" in r.content.decode()
    # the kepala seksi's own evaluation, by the kabid, then finalize
    ev2 = buka(kota, d, kota.atasan)
    ev2.refresh_from_db()
    services.evaluasi_nilai(
        evaluasi=ev2,
        oleh=kota.kabid,
        revisi=ev2.revisi,
        rating_hasil="sesuai",
        rating_perilaku="sesuai",
    )
    r = atasan.post(
        reverse("penilaian:finalkan", args=[kota.seksi.pk]),
        {"periode": d.periode.pk, "jendela": "p1", "kembali": reverse("penilaian:bawahan")},
    )
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DIKUNCI
    pegawai = client_as("pegawai")
    r = pegawai.get(reverse("penilaian:penjelasan", args=[ev.pk]))
    assert r.status_code == 200
    assert "Ajukan keberatan" in r.content.decode()
    r = pegawai.post(
        reverse("penilaian:keberatan_ajukan", args=[ev.pk]), {"alasan": "Laporan Maret hilang"}
    )
    assert r.status_code == 302
    kb = ev.keberatan
    kabid = client_as("atasan")
    kabid.force_login(kota.kabid)
    r = kabid.get(reverse("penilaian:keberatan", args=[kb.pk]))
    assert r.status_code == 200 and "Putuskan" in r.content.decode()
    r = kabid.post(
        reverse("penilaian:klarifikasi_minta", args=[kb.pk]),
        {"pihak": "pejabat_penilai", "pertanyaan": "Mengapa Sesuai?"},
    )
    assert r.status_code == 302
    k = kb.klarifikasi_set.get()
    r = atasan.post(reverse("penilaian:klarifikasi_jawab", args=[k.pk]), {"jawaban": "Karena"})
    assert r.status_code == 302
    r = kabid.post(
        reverse("penilaian:keberatan_putus", args=[kb.pk]),
        {
            "keputusan": "diubah",
            "alasan": "Bukti Maret sah",
            "rating_hasil": "di_atas",
            "rating_perilaku": "di_atas",
        },
    )
    assert r.status_code == 302
    ev.refresh_from_db()
    assert ev.predikat == "sangat_baik"
    r = pegawai.get(reverse("penilaian:penjelasan", args=[ev.pk]))
    assert "Sangat Baik" in r.content.decode()
    r = pegawai.get(reverse("penilaian:evaluasi_pdf", args=[ev.pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
