"""Scoped reads of the "pelatihan" part.

- catalogue: every signed-in pegawai reads active items; admin BKPSDMD also
  inactive ones (404 otherwise);
- one enrolment (`pendaftaran_get_for_user`, also its certificate): the pegawai, their atasan
  chain, the atasan who decided it, the managers (pimpinan / operator) of the pegawai's OPD, the
  city roles (selectors_rekap.boleh_lihat_pegawai); 404 otherwise;
- the approval queue: waiting requests of the user's bawahan langsung today (Plt-aware), so a
  request follows the jabatan when the atasan changes;
- external training: the owner and the same readers; the verification queue for admin BKPSDMD.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.pengembangan.jp import kekurangan_jp, persen_jp
from kinerja.pengembangan.models import (
    STATUS_PENDAFTARAN_HIDUP,
    BentukPelatihan,
    BidangKompetensi,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
    TopikKompetensi,
)
from kinerja.pengembangan.pengaturan import pengaturan
from kinerja.pengembangan.rekap import jp_tahun
from kinerja.pengembangan.selectors_rekap import boleh_lihat_pegawai

STATUS_TERBUKA = (StatusPendaftaran.DIAJUKAN, StatusPendaftaran.DISETUJUI)


def _admin(user: Any) -> bool:
    profil = akses_pengguna(user)
    return profil is not None and profil.admin


def _dengan_terisi(qs: QuerySet[Pelatihan]) -> QuerySet[Pelatihan]:
    return qs.annotate(
        terisi=Count(
            "pendaftaran_set",
            filter=Q(pendaftaran_set__status__in=STATUS_PENDAFTARAN_HIDUP),
            distinct=True,
        )
    )


def sisa_tempat(p: Pelatihan) -> int | None:
    """Places left (None = unlimited); needs the `terisi` annotation."""
    if p.kuota is None:
        return None
    return max(0, p.kuota - getattr(p, "terisi", 0))


@dataclass
class SaringKatalog:
    q: str = ""
    bidang: str = ""
    bentuk: str = ""
    topik: int | None = None
    semua: bool = False  # also inactive / finished items (admin)

    @classmethod
    def dari(cls, data: Any) -> SaringKatalog:
        topik = str(data.get("topik") or "")
        bidang = data.get("bidang") or ""
        bentuk = data.get("bentuk") or ""
        return cls(
            q=(data.get("q") or "").strip()[:100],
            bidang=bidang if bidang in BidangKompetensi.values else "",
            bentuk=bentuk if bentuk in BentukPelatihan.values else "",
            topik=int(topik) if topik.isdigit() else None,
            semua=str(data.get("semua") or "") in ("1", "true", "True"),
        )


def katalog(user: Any, saring: SaringKatalog) -> QuerySet[Pelatihan]:
    """Catalogue items by the filters, soonest first, each with `terisi` (living enrolments).
    By default only active items not yet finished; `semua` (admin only) shows everything."""
    qs = Pelatihan.objects.all()
    if not (saring.semua and _admin(user)):
        hari_ini = timezone.localdate()
        qs = qs.filter(aktif=True).filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
    if saring.q:
        for kata in saring.q.split()[:5]:
            qs = qs.filter(
                Q(judul__icontains=kata)
                | Q(penyelenggara__icontains=kata)
                | Q(deskripsi__icontains=kata)
            )
    if saring.bidang:
        qs = qs.filter(bidang=saring.bidang)
    if saring.bentuk:
        qs = qs.filter(bentuk=saring.bentuk)
    if saring.topik:
        qs = qs.filter(topik__pk=saring.topik)
    return (
        _dengan_terisi(qs)
        .prefetch_related(Prefetch("topik", queryset=TopikKompetensi.objects.order_by("urutan")))
        .order_by(F("mulai").asc(nulls_last=True), "judul", "pk")
    )


def pilihan_topik() -> list[TopikKompetensi]:
    return list(TopikKompetensi.objects.filter(aktif=True).order_by("urutan", "nama"))


def pelatihan_get_for_user(*, user: Any, pk: int) -> Pelatihan:
    qs = _dengan_terisi(Pelatihan.objects.filter(pk=pk)).prefetch_related("topik")
    if not _admin(user):
        qs = qs.filter(aktif=True)
    p = qs.first()
    if p is None:
        raise Http404
    return p


def pendaftaran_saya_untuk(pegawai: Pegawai, pelatihan: Pelatihan) -> Pendaftaran | None:
    """The pegawai's latest enrolment in an item (any status)."""
    return (
        Pendaftaran.objects.filter(pegawai=pegawai, pelatihan=pelatihan)
        .order_by("-dibuat_pada", "-pk")
        .first()
    )


def _boleh_lihat(user: Pegawai, pemilik: Pegawai, atasan_id: int | None = None) -> bool:
    if user.pk in (pemilik.pk, atasan_id):
        return True
    return boleh_lihat_pegawai(user, pemilik)


def pendaftaran_get_for_user(*, user: Any, pk: int) -> Pendaftaran:
    daftar = (
        Pendaftaran.objects.filter(pk=pk)
        .select_related("pelatihan", "pegawai", "atasan", "diputus_oleh", "diajukan_oleh")
        .first()
    )
    if daftar is None or not _boleh_lihat(user, daftar.pegawai, daftar.atasan_id):
        raise Http404
    return daftar


def eksternal_get_for_user(*, user: Any, pk: int) -> PelatihanEksternal:
    eks = (
        PelatihanEksternal.objects.filter(pk=pk)
        .select_related("pegawai", "diverifikasi_oleh")
        .first()
    )
    if eks is None or not _boleh_lihat(user, eks.pegawai):
        raise Http404
    return eks


def alasan_koreksi(daftar: Pendaftaran) -> str:
    """The admin's reason of the last reversal (kept in the history), if any: 1 query."""
    if daftar.status != StatusPendaftaran.TIDAK_SELESAI:
        return ""
    rec = (
        daftar.history.filter(status=StatusPendaftaran.TIDAK_SELESAI)
        .exclude(history_change_reason__isnull=True)
        .order_by("-history_date")
        .values_list("history_change_reason", flat=True)
        .first()
    )
    return rec or ""


# --- my training ---------------------------------------------------------------------------------


@dataclass
class PelatihanSaya:
    tahun: int
    jp: Decimal
    target: Decimal
    persen: int
    kurang: Decimal
    pendaftaran: list[Pendaftaran]
    eksternal: list[PelatihanEksternal]


def pendaftaran_tahun(pegawai_id: int, tahun: int) -> QuerySet[Pendaftaran]:
    """A pegawai's enrolments of a year: completed in it, or created in it when not completed;
    open ones (waiting / approved) always belong to the current year."""
    kondisi = Q(selesai_pada__year=tahun) | Q(selesai_pada__isnull=True, dibuat_pada__year=tahun)
    if tahun == timezone.localdate().year:
        kondisi |= Q(status__in=STATUS_TERBUKA)
    return (
        Pendaftaran.objects.filter(pegawai_id=pegawai_id)
        .filter(kondisi)
        .select_related("pelatihan", "atasan")
        .order_by("-dibuat_pada", "-pk")
    )


def eksternal_tahun(pegawai_id: int, tahun: int) -> QuerySet[PelatihanEksternal]:
    kondisi = Q(selesai__year=tahun)
    if tahun == timezone.localdate().year:
        kondisi |= Q(status=StatusVerifikasi.MENUNGGU)
    return (
        PelatihanEksternal.objects.filter(pegawai_id=pegawai_id)
        .filter(kondisi)
        .order_by("-selesai", "-pk")
    )


def pelatihan_saya(pegawai: Pegawai, tahun: int) -> PelatihanSaya:
    """JP of the year against the target, enrolments and external records: 4 queries."""
    target = pengaturan().target_jp_tahunan
    jp = jp_tahun(pegawai.pk, tahun)
    return PelatihanSaya(
        tahun=tahun,
        jp=jp,
        target=target,
        persen=persen_jp(jp, target=target),
        kurang=kekurangan_jp(jp, target=target),
        pendaftaran=list(pendaftaran_tahun(pegawai.pk, tahun)),
        eksternal=list(eksternal_tahun(pegawai.pk, tahun)),
    )


# --- the atasan's queue ----------------------------------------------------------------------


def antrean_persetujuan(atasan: Pegawai) -> QuerySet[Pendaftaran]:
    """Waiting requests of the atasan's bawahan langsung today (Plt-aware)."""
    ids = hierarki.bawahan_ids(atasan, timezone.localdate())
    return (
        Pendaftaran.objects.filter(status=StatusPendaftaran.DIAJUKAN, pegawai_id__in=ids)
        .select_related("pelatihan", "pegawai")
        .order_by("dibuat_pada", "pk")
    )


def jumlah_menunggu(bawahan: list[int]) -> int:
    """Waiting requests for the home card (1 query), from bawahan ids the caller already has."""
    if not bawahan:
        return 0
    return Pendaftaran.objects.filter(
        status=StatusPendaftaran.DIAJUKAN, pegawai_id__in=bawahan
    ).count()


def bawahan_pilihan(atasan: Pegawai) -> list[Pegawai]:
    ids = hierarki.bawahan_ids(atasan, timezone.localdate())
    return list(Pegawai.objects.filter(pk__in=ids).order_by("nama", "pk"))


def pelatihan_pilihan() -> QuerySet[Pelatihan]:
    """Items an atasan can assign: active and not finished."""
    hari_ini = timezone.localdate()
    return (
        Pelatihan.objects.filter(aktif=True)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=hari_ini))
        .order_by(F("mulai").asc(nulls_last=True), "judul")
    )


# --- verification queue ----------------------------------------------------------------------


def antrean_verifikasi(
    user: Any, status: str = StatusVerifikasi.MENUNGGU
) -> QuerySet[PelatihanEksternal]:
    """External records of the admin's instansi (default: waiting ones), oldest first."""
    profil = akses_pengguna(user)
    instansi_id = profil.instansi_id if profil is not None else 0
    qs = PelatihanEksternal.objects.filter(pegawai__instansi_id=instansi_id).select_related(
        "pegawai", "diverifikasi_oleh"
    )
    if status in StatusVerifikasi.values:
        qs = qs.filter(status=status)
    return qs.order_by("dibuat_pada", "pk")
