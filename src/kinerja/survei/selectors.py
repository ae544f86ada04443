"""Every read of survey data, scoped to the user; IKM aggregated in SQL (one GROUP BY)."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi.models import JenisPenugasan, Pegawai, Penugasan
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna

from . import ikm
from .models import (
    KOLOM_UNSUR,
    ImporSurvei,
    JenisKelamin,
    JenisLayanan,
    MutuSkm,
    Pekerjaan,
    Pendidikan,
    PengaturanSurvei,
    Respons,
    StatusRespons,
    SumberIkmIndikator,
    UnitLayanan,
    UnsurSkm,
    Usia,
)

AGREGAT: dict[str, Any] = {"n": Count("pk")}
for _i, _k in enumerate(KOLOM_UNSUR, start=1):
    AGREGAT[f"s{_i}"] = Sum(_k)
    AGREGAT[f"c{_i}"] = Count(_k)


def _akses(user: Pegawai | AnonymousUser) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None:
        raise Http404
    return profil


def boleh_kelola(user: Pegawai | AnonymousUser) -> bool:
    """Admin BKPSDMD manages every unit layanan; pimpinan/operator OPD those of their OPD."""
    profil = akses_pengguna(user)
    return profil is not None and (profil.admin or bool(profil.opd_kelola_ids))


def unit_layanan_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[UnitLayanan]:
    """Readable: the whole instansi for city roles, otherwise the units of one's own OPDs."""
    profil = _akses(user)
    qs = UnitLayanan.objects.filter(instansi_id=profil.instansi_id)
    if not profil.kota:
        qs = qs.filter(
            Q(unit_kerja__opd_id__in=profil.opd_ids) | Q(unit_kerja_id__in=profil.opd_ids)
        )
    return qs.select_related("unit_kerja")


def unit_layanan_kelola_for_user(user: Pegawai | AnonymousUser) -> QuerySet[UnitLayanan]:
    profil = _akses(user)
    qs = UnitLayanan.objects.filter(instansi_id=profil.instansi_id)
    if not profil.admin:
        kelola = profil.opd_kelola_ids
        qs = qs.filter(Q(unit_kerja__opd_id__in=kelola) | Q(unit_kerja_id__in=kelola))
    return qs.select_related("unit_kerja")


def unit_layanan_get_for_user(
    *, user: Pegawai | AnonymousUser, pk: int, kelola: bool = False
) -> UnitLayanan:
    qs = unit_layanan_kelola_for_user(user) if kelola else unit_layanan_list_for_user(user)
    unit = qs.filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def unit_layanan_publik(kode: str) -> UnitLayanan:
    unit = (
        UnitLayanan.objects.filter(kode=kode.lower(), aktif=True)
        .select_related("unit_kerja")
        .first()
    )
    if unit is None:
        raise Http404
    return unit


def jenis_layanan_aktif(unit: UnitLayanan) -> list[JenisLayanan]:
    return list(unit.jenis_set.filter(aktif=True).order_by("urutan", "nama"))


def petugas_unit(unit: UnitLayanan, tanggal: dt.date | None = None) -> QuerySet[Pegawai]:
    """The staff: pegawai actively assigned to the unit kerja or one of its sub-units."""
    tanggal = tanggal or timezone.localdate()
    path = unit.unit_kerja.path
    di_unit = Q(unit__path__startswith=path) if path else Q(unit_id=unit.unit_kerja_id)
    aktif = Penugasan.objects.aktif_pada(tanggal).filter(
        di_unit, jenis__in=[JenisPenugasan.DEFINITIF, JenisPenugasan.PLT]
    )
    return Pegawai.objects.filter(pk__in=aktif.values("pegawai_id"), is_active=True).order_by(
        "nama", "pk"
    )


_UNSUR: list[tuple[float, list[UnsurSkm]]] = []
UNSUR_DETIK = 30  # the public form reads the wording at most this stale


def unsur_list(*, segar: bool = True) -> list[UnsurSkm]:
    """The nine unsur; `segar=False` (the public form) reuses a per-process copy for 30 s."""
    if not segar and _UNSUR and _UNSUR[0][0] > time.monotonic():
        return _UNSUR[0][1]
    daftar = list(UnsurSkm.objects.order_by("nomor"))
    _UNSUR[:] = [(time.monotonic() + UNSUR_DETIK, daftar)]
    return daftar


def mutu_list() -> list[MutuSkm]:
    return list(MutuSkm.objects.order_by("-ikm_min"))


def min_responden_petugas(instansi_id: int) -> int:
    row = PengaturanSurvei.objects.filter(instansi_id=instansi_id).first()
    return row.min_responden_petugas if row else PengaturanSurvei().min_responden_petugas


def respons_sah(unit: UnitLayanan | int, mulai: dt.date, selesai: dt.date) -> QuerySet[Respons]:
    unit_id = unit if isinstance(unit, int) else unit.pk
    return Respons.objects.filter(
        unit_layanan_id=unit_id, status=StatusRespons.VALID, tanggal__range=(mulai, selesai)
    )


def ikm_unit(unit: UnitLayanan | int, mulai: dt.date, selesai: dt.date) -> ikm.HasilIkm:
    """IKM of a unit layanan for a date range, one aggregate query; suspicious rows excluded."""
    return ikm.hasil_dari_baris(respons_sah(unit, mulai, selesai).aggregate(**AGREGAT))


def ikm_per_jenis(
    unit: UnitLayanan, mulai: dt.date, selesai: dt.date
) -> list[tuple[str, ikm.HasilIkm]]:
    rows = (
        respons_sah(unit, mulai, selesai)
        .values("jenis_layanan__nama")
        .annotate(**AGREGAT)
        .order_by("jenis_layanan__nama")
    )
    return [(r["jenis_layanan__nama"] or "—", ikm.hasil_dari_baris(r)) for r in rows]


def ikm_per_bulan(unit: UnitLayanan, tahun: int) -> dict[int, ikm.HasilIkm]:
    """Month → result for one year, one GROUP BY query (quarters add up from months)."""
    rows = (
        respons_sah(unit, dt.date(tahun, 1, 1), dt.date(tahun, 12, 31))
        .annotate(bulan=ExtractMonth("tanggal"))
        .values("bulan")
        .annotate(**AGREGAT)
        .order_by("bulan")
    )
    return {int(r["bulan"]): ikm.hasil_dari_baris(r) for r in rows}


PROFIL = ("usia", "jenis_kelamin", "pendidikan", "pekerjaan")
PILIHAN_PROFIL = {
    "usia": Usia.choices,
    "jenis_kelamin": JenisKelamin.choices,
    "pendidikan": Pendidikan.choices,
    "pekerjaan": Pekerjaan.choices,
}


def profil_responden(
    unit: UnitLayanan, mulai: dt.date, selesai: dt.date
) -> dict[str, list[tuple[str, int]]]:
    """Counts per answer of each profile question, in one query."""
    rows = respons_sah(unit, mulai, selesai).values(*PROFIL).annotate(n=Count("pk"))
    hitung: dict[str, Counter[str]] = {f: Counter() for f in PROFIL}
    for row in rows:
        for f in PROFIL:
            hitung[f][row[f] or ""] += row["n"]
    pilihan = {f: dict(PILIHAN_PROFIL[f]) for f in PROFIL}
    return {
        f: [
            (str(pilihan[f].get(k, "Tidak diisi")), n)
            for k, n in sorted(hitung[f].items(), key=lambda kv: (kv[0] == "", kv[0]))
        ]
        for f in PROFIL
    }


def saran_list(unit: UnitLayanan, mulai: dt.date, selesai: dt.date) -> QuerySet[Respons]:
    return (
        respons_sah(unit, mulai, selesai)
        .exclude(saran="")
        .select_related("jenis_layanan")
        .only("tanggal", "saran", "jenis_layanan__nama", "dibuat_pada")
        .order_by("-tanggal", "-pk")
    )


def respons_mencurigakan_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Respons]:
    units = unit_layanan_kelola_for_user(user)
    return (
        Respons.objects.filter(status=StatusRespons.MENCURIGAKAN, unit_layanan__in=units)
        .select_related("unit_layanan")
        .order_by("-dibuat_pada", "-pk")
    )


def respons_ekspor(unit: UnitLayanan, mulai: dt.date, selesai: dt.date) -> QuerySet[Respons]:
    return (
        Respons.objects.filter(unit_layanan=unit, tanggal__range=(mulai, selesai))
        .select_related("jenis_layanan", "petugas", "unit_layanan")
        .order_by("tanggal", "pk")
    )


def ringkasan_petugas(
    petugas: Pegawai, mulai: dt.date, selesai: dt.date
) -> tuple[ikm.HasilIkm, int]:
    """An officer's satisfaction result (all units) and the minimum count to show it."""
    baris = Respons.objects.filter(
        petugas=petugas, status=StatusRespons.VALID, tanggal__range=(mulai, selesai)
    ).aggregate(**AGREGAT)
    return ikm.hasil_dari_baris(baris), min_responden_petugas(petugas.instansi_id or 0)


def ikm_untuk_indikator(
    indikator: Any, periode_mulai: dt.date, periode_selesai: dt.date
) -> ikm.HasilIkm | None:
    """The realisasi of an indikator fed by a unit layanan's IKM (None when not linked)."""
    link = SumberIkmIndikator.objects.filter(indikator=indikator).first()
    if link is None:
        return None
    return ikm_unit(link.unit_layanan_id, periode_mulai, periode_selesai)


def unit_layanan_untuk_skp(skp: Any) -> QuerySet[UnitLayanan]:
    """Unit layanan an SKP indikator may take its realisasi from: those of the SKP's OPD
    (the pegawai's own OPD when the SKP was drafted), in the pegawai's instansi. One query."""
    unit = skp.unit
    if unit is None:
        return UnitLayanan.objects.none()
    opd_id = unit.opd_id or unit.pk
    return (
        UnitLayanan.objects.filter(instansi_id=skp.pegawai.instansi_id)
        .filter(Q(unit_kerja__opd_id=opd_id) | Q(unit_kerja_id=opd_id))
        .order_by("nama")
    )


def realisasi_ikm_indikator(
    links: list[SumberIkmIndikator], mulai: dt.date, selesai: dt.date
) -> dict[int, dict[str, Any]]:
    """For each link (with its unit_layanan loaded): the unit, IKM result and mutu for the
    period, by indikator id. One query for the mutu table, one aggregate per link."""
    if not links:
        return {}
    mutu = mutu_list()
    hasil: dict[int, dict[str, Any]] = {}
    for link in links:
        h = ikm_unit(link.unit_layanan_id, mulai, selesai)
        hasil[link.indikator_id] = {
            "unit": link.unit_layanan,
            "hasil": h,
            "mutu": ikm.mutu_untuk(h.ikm, mutu) if h.ikm is not None else None,
        }
    return hasil


def ikm_ringkas(hasil: ikm.HasilIkm, unsur: list[UnsurSkm], mutu: list[MutuSkm]) -> dict[str, Any]:
    """What a page or a report shows for one result: NRR per unsur, both IKM, both mutu."""
    return {
        "hasil": hasil,
        "baris": list(zip(unsur, hasil.nrr, strict=False)),
        "mutu": ikm.mutu_untuk(hasil.ikm, mutu) if hasil.ikm is not None else None,
        "mutu_bulat": (
            ikm.mutu_untuk(hasil.ikm_bobot_bulat, mutu)
            if hasil.ikm_bobot_bulat is not None
            else None
        ),
    }


def laporan_ikm(unit: UnitLayanan, mulai: dt.date, selesai: dt.date) -> dict[str, Any]:
    """Everything the IKM page and the PDF report show; a fixed number of queries."""
    from . import grafik
    from .periode import BULAN

    unsur, mutu = unsur_list(), mutu_list()
    hasil = ikm_unit(unit, mulai, selesai)
    data = ikm_ringkas(hasil, unsur, mutu)
    data["per_jenis"] = [
        (nama, h, ikm.mutu_untuk(h.ikm, mutu) if h.ikm is not None else None)
        for nama, h in ikm_per_jenis(unit, mulai, selesai)
    ]
    data["profil"] = profil_responden(unit, mulai, selesai)
    bulanan = ikm_per_bulan(unit, mulai.year)
    tren = [(BULAN[m - 1][:3], bulanan[m].ikm if m in bulanan else None) for m in range(1, 13)]
    triwulan = [
        (f"TW{t}", ikm.gabung(bulanan[m] for m in range(3 * t - 2, 3 * t + 1) if m in bulanan))
        for t in range(1, 5)
    ]
    data["tren"] = tren
    data["triwulan"] = [(label, h.ikm, h.responden) for label, h in triwulan]
    data["grafik_nrr"] = grafik.batang_nrr(hasil.nrr, judul="NRR per unsur")
    data["grafik_tren"] = grafik.garis_tren(tren, judul=f"IKM per bulan {mulai.year}")
    return data


def ikm_unit_list(
    units: list[UnitLayanan], mulai: dt.date, selesai: dt.date
) -> dict[int, ikm.HasilIkm]:
    """IKM of many units in one GROUP BY query (for the list page)."""
    rows = (
        Respons.objects.filter(
            unit_layanan_id__in=[u.pk for u in units],
            status=StatusRespons.VALID,
            tanggal__range=(mulai, selesai),
        )
        .values("unit_layanan_id")
        .annotate(**AGREGAT)
        .order_by("unit_layanan_id")
    )
    return {r["unit_layanan_id"]: ikm.hasil_dari_baris(r) for r in rows}


def petugas_boleh_dilihat(*, user: Pegawai | AnonymousUser, pk: int) -> Pegawai:
    """An officer's own summary: the officer, their atasan (up the line) or a city role."""
    from kinerja.organisasi import hierarki
    from kinerja.organisasi.selectors import pegawai_get_for_user

    profil = _akses(user)
    petugas = pegawai_get_for_user(user=user, pk=pk)
    if petugas.pk == profil.pegawai_id or profil.kota:
        return petugas
    assert isinstance(user, Pegawai)
    if petugas.pk in hierarki.bawahan_ids(user):
        return petugas
    raise Http404


def impor_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> ImporSurvei:
    """An import file: its uploader, or any admin BKPSDMD of the same instansi."""
    profil = _akses(user)
    qs = ImporSurvei.objects.filter(instansi_id=profil.instansi_id)
    if not profil.admin:
        qs = qs.filter(dibuat_oleh_id=profil.pegawai_id)
    batch = qs.filter(pk=pk).first()
    if batch is None:
        raise Http404
    return batch
