"""Anonymous pulse survey: one answer per pegawai, per-OPD counters, results only at n ≥ the
minimum, who sees what — and anonymity: nothing stored, shown or served links a score or a
comment to a person."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from kinerja.notifikasi.models import Notifikasi
from kinerja.organisasi.models import Pegawai
from kinerja.pengembangan import selectors_sosialisasi as sel
from kinerja.pengembangan import services_sosialisasi as svc
from kinerja.pengembangan.models import (
    HitunganDenyut,
    KomentarDenyut,
    PartisipasiDenyut,
    ResponDenyut,
    SurveiDenyut,
)
from tests.factories import KotaKecil, buat_pegawai

TABEL_JAWABAN = [PartisipasiDenyut, ResponDenyut, HitunganDenyut, KomentarDenyut]


def _survei(k: KotaKecil, **kw: object) -> SurveiDenyut:
    hari_ini = timezone.localdate()
    data: dict[str, object] = {
        "judul": "Denyut penilaian kinerja",
        "mulai": hari_ini - dt.timedelta(days=1),
        "selesai": hari_ini + dt.timedelta(days=7),
        "pertanyaan": ["Apakah penilaian kinerja adil?", "Apakah penilaian kinerja bermanfaat?"],
    }
    data.update(kw)
    return svc.denyut_simpan(oleh=k.admin, **data)  # type: ignore[arg-type]


def _q(s: SurveiDenyut) -> list[int]:
    return list(s.pertanyaan_set.order_by("urutan").values_list("pk", flat=True))


def _staf(k: KotaKecil, n: int, *, lain: bool = False) -> list[Pegawai]:
    jabatan = k.j_staf_lain if lain else k.j_pelaksana
    awal = "Hub" if lain else "Dukcapil"
    return [buat_pegawai(k.instansi, f"{awal} Staf{i}", jabatan) for i in range(n)]


def _jawab(
    s: SurveiDenyut, orang: list[Pegawai], nilai: tuple[int, int], komentar: str = ""
) -> None:
    q1, q2 = _q(s)
    for p in orang:
        svc.denyut_jawab(survei=s, pegawai=p, nilai={q1: nilai[0], q2: nilai[1]}, komentar=komentar)


def test_answer_once_second_refused_counters_unchanged(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    q1, q2 = _q(s)
    client = client_as("pegawai")
    url = reverse("pengembangan:denyut_isi", args=[s.pk])
    r = client.post(url, {f"p{q1}": "4", f"p{q2}": "2", "komentar": "Cukup adil"})
    assert r.status_code == 302
    sebelum = list(HitunganDenyut.objects.values_list("pk", "jumlah").order_by("pk"))
    r = client.post(url, {f"p{q1}": "1", f"p{q2}": "1", "komentar": "lagi"})
    assert r.status_code == 409 and "Anda sudah mengisi survei ini" in r.content.decode()
    with pytest.raises(ValidationError):
        svc.denyut_jawab(survei=s, pegawai=kota.pegawai, nilai={q1: 1, q2: 1})
    assert list(HitunganDenyut.objects.values_list("pk", "jumlah").order_by("pk")) == sebelum
    assert ResponDenyut.objects.get().jumlah == 1
    assert list(KomentarDenyut.objects.values_list("teks", flat=True)) == ["Cukup adil"]


def test_counters_are_correct_per_opd_question_and_score(kota: KotaKecil) -> None:
    s = _survei(kota)
    q1, q2 = _q(s)
    _jawab(s, _staf(kota, 3), (5, 4))
    _jawab(s, [kota.pegawai], (2, 4))
    _jawab(s, [kota.luar], (1, 1))
    hitung = {(h.opd_id, h.pertanyaan_id, h.nilai): h.jumlah for h in HitunganDenyut.objects.all()}
    d, lain = kota.dinas.pk, kota.dinas_lain.pk
    assert hitung[(d, q1, 5)] == 3 and hitung[(d, q1, 2)] == 1 and hitung[(d, q2, 4)] == 4
    assert hitung[(lain, q1, 1)] == 1 and hitung[(lain, q2, 1)] == 1
    assert sum(v for (o, q, _n), v in hitung.items() if o == d and q == q1) == 4
    # every score row of an OPD exists once it has an answer: row creation says nothing of a score
    assert HitunganDenyut.objects.filter(opd_id=d).count() == 2 * 5
    assert {r.opd_id: r.jumlah for r in ResponDenyut.objects.all()} == {d: 4, lain: 1}


def test_invalid_answers_store_nothing(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    q1, _q2 = _q(s)
    r = client_as("pegawai").post(reverse("pengembangan:denyut_isi", args=[s.pk]), {f"p{q1}": "6"})
    assert r.status_code == 422
    assert not any(m.objects.exists() for m in TABEL_JAWABAN)


def test_a_closed_survey_cannot_be_answered(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    hari_ini = timezone.localdate()
    s = _survei(
        kota, mulai=hari_ini - dt.timedelta(days=9), selesai=hari_ini - dt.timedelta(days=1)
    )
    assert (
        client_as("pegawai").get(reverse("pengembangan:denyut_isi", args=[s.pk])).status_code == 404
    )
    with pytest.raises(ValidationError):
        _jawab(s, [kota.pegawai], (3, 3))


def test_results_hidden_at_9_and_shown_at_10(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    orang = _staf(kota, 9)
    _jawab(s, orang, (4, 5), komentar="Rahasia sembilan")
    admin = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:denyut_hasil", args=[s.pk])
    html = admin.get(url).content.decode()
    assert "Belum cukup jawaban (n &lt; 10)." in html
    assert "Rata-rata" not in html and "Rahasia sembilan" not in html and "9 responden" not in html
    data = sel.denyut_hasil_for_user(user=kota.admin, pk=s.pk)
    assert data["per_opd"][0].pertanyaan == [] and data["total"].pertanyaan == []
    _jawab(s, [kota.pegawai], (2, 5))
    html = admin.get(url).content.decode()
    assert "10 responden" in html and "Rahasia sembilan" in html
    data = sel.denyut_hasil_for_user(user=kota.admin, pk=s.pk)
    dukcapil = data["per_opd"][0]
    assert dukcapil.cukup and dukcapil.pertanyaan[0].sebaran == [0, 1, 0, 9, 0]
    assert str(dukcapil.pertanyaan[0].rata_rata) == "3.80"
    assert data["total"].cukup and data["total"].responden == 10


def test_the_minimum_is_data(kota: KotaKecil) -> None:
    from kinerja.pengembangan.models import PengaturanPengembangan

    PengaturanPengembangan.objects.update(min_jawaban_denyut=3)
    s = _survei(kota)
    _jawab(s, _staf(kota, 3), (3, 3))
    assert sel.denyut_hasil_for_user(user=kota.admin, pk=s.pk)["per_opd"][0].cukup


def test_pimpinan_opd_sees_only_their_own_opd_others_403(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    _jawab(s, _staf(kota, 10), (4, 4), komentar="Dari Dukcapil")
    _jawab(s, _staf(kota, 10, lain=True), (1, 1), komentar="Dari Dishub")
    url = reverse("pengembangan:denyut_hasil", args=[s.pk])
    html = client_as("pimpinan_opd").get(url).content.decode()
    assert kota.dinas.nama in html and "Dari Dukcapil" in html
    assert kota.dinas_lain.nama not in html and "Dari Dishub" not in html
    assert "Seluruh OPD" not in html
    admin = client_as("admin_bkpsdmd").get(url).content.decode()
    assert kota.dinas_lain.nama in admin and "Seluruh OPD" in admin and "20 responden" in admin
    for persona in ("pegawai", "atasan", "luar_opd"):
        assert client_as(persona).get(url).status_code == 403


def test_comments_are_shown_only_for_opds_at_the_minimum_in_random_order(kota: KotaKecil) -> None:
    s = _survei(kota)
    _jawab(s, _staf(kota, 10), (4, 4), komentar="Komentar Dukcapil")
    _jawab(s, _staf(kota, 2, lain=True), (1, 1), komentar="Komentar Dishub")
    data = sel.denyut_hasil_for_user(user=kota.admin, pk=s.pk)
    per = {h.nama: h for h in data["per_opd"]}
    assert per[kota.dinas.nama].komentar == ["Komentar Dukcapil"] * 10
    assert per[kota.dinas_lain.nama].komentar == []


def test_questions_are_frozen_after_the_first_answer(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    admin = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:denyut_ubah", args=[s.pk])
    data = {
        "judul": "Denyut",
        "mulai": s.mulai.isoformat(),
        "selesai": s.selesai.isoformat(),
        "aktif": "on",
        "pertanyaan_1": "Adil?",
    }
    assert admin.post(url, data).status_code == 302
    assert list(s.pertanyaan_set.values_list("teks", flat=True)) == ["Adil?"]
    q = _q(s)[0]
    svc.denyut_jawab(survei=s, pegawai=kota.pegawai, nilai={q: 3})
    html = admin.get(url).content.decode()
    assert "pertanyaan tidak dapat diubah lagi" in html
    assert admin.post(url, data | {"judul": "Baru", "pertanyaan_1": "Lain?"}).status_code == 302
    s.refresh_from_db()
    assert s.judul == "Baru" and list(s.pertanyaan_set.values_list("teks", flat=True)) == ["Adil?"]
    with pytest.raises(ValidationError):
        svc.denyut_simpan(
            oleh=kota.admin,
            judul="x",
            mulai=s.mulai,
            selesai=s.selesai,
            pertanyaan=["Lain?"],
            survei=s,
        )


def test_admin_creates_a_survey_with_up_to_five_questions(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    hari_ini = timezone.localdate()
    r = admin.post(
        reverse("pengembangan:denyut_tambah"),
        {
            "judul": "Denyut Desember",
            "mulai": hari_ini.isoformat(),
            "selesai": (hari_ini + dt.timedelta(days=14)).isoformat(),
            "aktif": "on",
            "pertanyaan_1": "Apakah penilaian kinerja adil?",
            "pertanyaan_3": "Apakah bermanfaat?",
        },
    )
    assert r.status_code == 302
    s = SurveiDenyut.objects.get()
    assert list(s.pertanyaan_set.values_list("teks", flat=True)) == [
        "Apakah penilaian kinerja adil?",
        "Apakah bermanfaat?",
    ]
    r = admin.post(
        reverse("pengembangan:denyut_tambah"),
        {"judul": "Kosong", "mulai": hari_ini.isoformat(), "selesai": hari_ini.isoformat()},
    )
    assert r.status_code == 422


def test_home_prompt_while_open_and_not_answered(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    client = client_as("pegawai")
    assert 'id="kartu-denyut"' in client.get(reverse("beranda")).content.decode()
    _jawab(s, [kota.pegawai], (3, 3))
    assert 'id="kartu-denyut"' not in client.get(reverse("beranda")).content.decode()
    assert 'id="kartu-denyut"' in client_as("atasan").get(reverse("beranda")).content.decode()
    SurveiDenyut.objects.update(aktif=False)
    assert 'id="kartu-denyut"' not in client_as("atasan").get(reverse("beranda")).content.decode()


# --- anonymity -------------------------------------------------------------------------------


def test_anonymity_no_field_links_an_answer_to_a_person(kota: KotaKecil) -> None:
    s = _survei(kota)
    _jawab(s, _staf(kota, 10), (4, 2), komentar="Jujur saja")
    for model in TABEL_JAWABAN:
        fields = [f for f in model._meta.get_fields() if getattr(f, "concrete", False)]
        # no time of any kind
        assert not [f for f in fields if isinstance(f, models.DateField | models.TimeField)], model
        ke_pegawai = [
            f
            for f in fields
            if f.is_relation
            and f.related_model is not None
            and issubclass(f.related_model, Pegawai)
        ]
        if model is PartisipasiDenyut:
            assert {f.name for f in fields} == {
                "id",
                "survei",
                "pegawai",
            }  # no score, comment, time
        else:
            assert ke_pegawai == [], model
    assert {f.name for f in HitunganDenyut._meta.concrete_fields} == {
        "id",
        "survei",
        "opd",
        "pertanyaan",
        "nilai",
        "jumlah",
    }
    assert {f.name for f in ResponDenyut._meta.concrete_fields} == {"id", "survei", "opd", "jumlah"}
    assert {f.name for f in KomentarDenyut._meta.concrete_fields} == {"id", "survei", "opd", "teks"}
    assert isinstance(KomentarDenyut._meta.pk, models.UUIDField)
    # every stored value, row by row: nothing that names or numbers a person
    nip = set(Pegawai.objects.values_list("nip", flat=True))
    ids_pegawai = set(Pegawai.objects.values_list("pk", flat=True))
    for model in (ResponDenyut, HitunganDenyut, KomentarDenyut):
        for row in model.objects.values():
            assert set(row) & {"pegawai_id", "dibuat_pada", "waktu"} == set()
            assert not any(str(v) in nip for v in row.values())
    assert set(PartisipasiDenyut.objects.values_list("pegawai_id", flat=True)) <= ids_pegawai


def test_anonymity_no_history_no_notification_no_admin(kota: KotaKecil) -> None:
    from django.contrib import admin

    before = Notifikasi.objects.count()
    s = _survei(kota)
    _jawab(s, _staf(kota, 3), (5, 5), komentar="x")
    assert Notifikasi.objects.count() == before
    nama_model = {m.__name__ for m in apps.get_models()}
    for model in TABEL_JAWABAN:
        assert f"Historical{model.__name__}" not in nama_model
        assert not hasattr(model, "history")
        assert model not in admin.site._registry


def test_anonymity_no_page_or_api_says_who_answered_what(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    orang = _staf(kota, 10)
    _jawab(s, orang, (4, 4), komentar="Komentar tanpa nama")
    for persona in ("admin_bkpsdmd", "pimpinan_opd"):
        client = client_as(persona)
        for url in (
            reverse("pengembangan:denyut_hasil", args=[s.pk]),
            reverse("pengembangan:denyut_list"),
            reverse("pengembangan:denyut_ubah", args=[s.pk]),
        ):
            html = client.get(url).content.decode()
            for p in orang:
                assert p.nip not in html and p.nama not in html, (persona, url)
    # the API has no pulse-survey operation at all
    from kinerja.api.main import api

    assert not [path for path in api.get_openapi_schema()["paths"] if "denyut" in path]


def test_hasil_query_count_does_not_grow_with_opds(
    kota: KotaKecil, client_as, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    s = _survei(kota)
    _jawab(s, _staf(kota, 10), (4, 4), komentar="a")
    _jawab(s, _staf(kota, 10, lain=True), (2, 2), komentar="b")
    client = client_as("admin_bkpsdmd")
    url = reverse("pengembangan:denyut_hasil", args=[s.pk])
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    for opd in (kota.setda, kota.bkpsdmd):
        ResponDenyut.objects.create(survei=s, opd=opd, jumlah=12)
        HitunganDenyut.objects.bulk_create(
            HitunganDenyut(survei=s, opd=opd, pertanyaan_id=q, nilai=n, jumlah=1)
            for q in _q(s)
            for n in range(1, 6)
        )
    with django_assert_max_num_queries(14):
        html = client.get(url).content.decode()
    assert kota.bkpsdmd.nama in html and "12 responden" in html
