"""Reads of the socialisation part: announcements, guides, the first-login tour and the pulse
survey results. Every read is scoped by the user (out of scope → Http404, in scope but not
allowed → PermissionDenied).

Pulse-survey results read only the per-OPD counters (`ResponDenyut`, `HitunganDenyut`) and the
comments; nothing here reads `PartisipasiDenyut` except "has this user answered?" for the user
themself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna
from kinerja.pengembangan.models import (
    HitunganDenyut,
    KategoriPanduan,
    KomentarDenyut,
    Panduan,
    PartisipasiDenyut,
    Pengumuman,
    PertanyaanDenyut,
    ResponDenyut,
    SurveiDenyut,
    TurSelesai,
)
from kinerja.pengembangan.pengaturan import pengaturan

# Roles an announcement may target ("pegawai" = every pegawai, "atasan" = holds a position with
# subordinates; the rest are organisasi.Peran values).
PERAN_TARGET: list[tuple[str, Any]] = [
    ("pegawai", _("Semua pegawai")),
    ("atasan", _("Atasan (punya bawahan)")),
    (Peran.PIMPINAN_OPD.value, Peran.PIMPINAN_OPD.label),
    (Peran.OPERATOR_OPD.value, Peran.OPERATOR_OPD.label),
    (Peran.ADMIN_BKPSDMD.value, Peran.ADMIN_BKPSDMD.label),
    (Peran.PIMPINAN_DAERAH.value, Peran.PIMPINAN_DAERAH.label),
    (Peran.INSPEKTORAT.value, Peran.INSPEKTORAT.label),
]
LABEL_PERAN_TARGET = dict(PERAN_TARGET)


def _akses(user: Pegawai | Any) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    return akses


def peran_target_pengguna(akses: AksesPengguna) -> set[str]:
    """The announcement roles of a user: always "pegawai", "atasan" when they lead someone, and
    their granted roles."""
    peran = {"pegawai", *akses.peran}
    if akses.atasan:
        peran.add("atasan")
    return peran


# --- announcements ------------------------------------------------------------------------------


def _pengumuman_untuk(akses: AksesPengguna) -> QuerySet[Pengumuman]:
    """Announcements whose OPD target includes one of the user's OPDs (or is empty); the role
    target is checked in Python (`target_peran` is a JSON list), see `_cocok_peran`."""
    return (
        Pengumuman.objects.filter(Q(target_opd__isnull=True) | Q(target_opd__in=akses.opd_ids))
        .distinct()
        .order_by("-penting", "-mulai", "-dibuat_pada", "-pk")
    )


def _cocok_peran(pengumuman: Pengumuman, peran: set[str]) -> bool:
    target = pengumuman.target_peran or []
    return not target or bool(peran & set(target))


def pengumuman_beranda(user: Pegawai, *, batas: int = 5) -> list[Pengumuman]:
    """Announcements shown now on this user's home page (1 query)."""
    akses = _akses(user)
    hari_ini = timezone.localdate()
    peran = peran_target_pengguna(akses)
    qs = _pengumuman_untuk(akses).filter(
        Q(selesai__isnull=True) | Q(selesai__gte=hari_ini), mulai__lte=hari_ini
    )
    return [p for p in qs if _cocok_peran(p, peran)][:batas]


def pengumuman_list_for_user(user: Pegawai) -> list[Pengumuman]:
    """Admin BKPSDMD: every announcement (with its OPD targets, 2 queries). Others: those
    targeted at them that have started (current and past)."""
    akses = _akses(user)
    if akses.admin:
        return list(
            Pengumuman.objects.prefetch_related("target_opd").order_by(
                "-mulai", "-dibuat_pada", "-pk"
            )
        )
    peran = peran_target_pengguna(akses)
    qs = _pengumuman_untuk(akses).filter(mulai__lte=timezone.localdate())
    return [p for p in qs if _cocok_peran(p, peran)]


def pengumuman_get_for_user(*, user: Pegawai, pk: int) -> Pengumuman:
    akses = _akses(user)
    if akses.admin:
        pengumuman = Pengumuman.objects.filter(pk=pk).first()
    else:
        pengumuman = _pengumuman_untuk(akses).filter(pk=pk, mulai__lte=timezone.localdate()).first()
        if pengumuman is not None and not _cocok_peran(pengumuman, peran_target_pengguna(akses)):
            pengumuman = None
    if pengumuman is None:
        raise Http404
    return pengumuman


def pengumuman_sedang_tampil(pengumuman: Pengumuman, tanggal: dt.date | None = None) -> bool:
    tanggal = tanggal or timezone.localdate()
    return pengumuman.mulai <= tanggal and (
        pengumuman.selesai is None or pengumuman.selesai >= tanggal
    )


# --- guides -------------------------------------------------------------------------------------


def panduan_list(*, cari: str = "", admin: bool = False) -> dict[str, list[Panduan]]:
    """Guides and FAQ items (shown ones; admins also see hidden ones), optionally searched."""
    qs = Panduan.objects.all()
    if not admin:
        qs = qs.filter(aktif=True)
    cari = cari.strip()
    if cari:
        qs = qs.filter(
            Q(judul__icontains=cari) | Q(ringkasan__icontains=cari) | Q(isi__icontains=cari)
        )
    hasil: dict[str, list[Panduan]] = {KategoriPanduan.PANDUAN: [], KategoriPanduan.FAQ: []}
    for p in qs.order_by("kategori", "urutan", "judul"):
        hasil.setdefault(p.kategori, []).append(p)
    return hasil


def panduan_get(*, user: Pegawai, slug: str) -> Panduan:
    akses = _akses(user)
    qs = Panduan.objects.filter(slug=slug)
    if not akses.admin:
        qs = qs.filter(aktif=True)
    panduan = qs.first()
    if panduan is None:
        raise Http404
    return panduan


# --- first-login tour ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LangkahTur:
    judul: Any
    teks: Any
    url_name: str


TUR: dict[str, tuple[Any, list[LangkahTur]]] = {
    "pegawai": (
        _("Pegawai"),
        [
            LangkahTur(
                _("Susun SKP Anda"),
                _("Tulis Rencana Hasil Kerja yang mendukung RHK atasan, lalu ajukan."),
                "skp_saya",
            ),
            LangkahTur(
                _("Laporkan pekerjaan"),
                _("Catat kegiatan harian beserta bukti dukung; atasan memeriksanya."),
                "kegiatan_laporan_saya",
            ),
            LangkahTur(
                _("Baca umpan balik"),
                _("Umpan balik dan dialog kinerja dari atasan ada di sini."),
                "umpanbalik_index",
            ),
            LangkahTur(
                _("Lihat hasil penilaian"),
                _("Rating, predikat dan penjelasannya; keberatan diajukan dari sini."),
                "penilaian:index",
            ),
            LangkahTur(
                _("Panduan & tanya jawab"),
                _("Penjelasan singkat cara kerja aplikasi dan aturan penilaian."),
                "pengembangan:panduan",
            ),
        ],
    ),
    "atasan": (
        _("Atasan"),
        [
            LangkahTur(
                _("Setujui SKP bawahan"),
                _("Periksa SKP yang diajukan bawahan, setujui atau kembalikan."),
                "skp_persetujuan",
            ),
            LangkahTur(
                _("Periksa laporan kegiatan"),
                _("Laporan bawahan menunggu review Anda."),
                "kegiatan_review",
            ),
            LangkahTur(
                _("Beri umpan balik"),
                _("Umpan balik berkelanjutan dan dialog kinerja dengan bawahan."),
                "umpanbalik_index",
            ),
            LangkahTur(
                _("Nilai bawahan"),
                _("Tetapkan Rating Hasil Kerja dan Rating Perilaku tiap periode."),
                "penilaian:bawahan",
            ),
        ],
    ),
    Peran.PIMPINAN_OPD.value: (
        Peran.PIMPINAN_OPD.label,
        [
            LangkahTur(
                _("Pantau SKP di OPD"),
                _("Siapa yang sudah dan belum punya SKP disetujui."),
                "skp_monitoring_index",
            ),
            LangkahTur(
                _("Pantau laporan kegiatan"),
                _("Keaktifan melapor dan kecepatan review per unit."),
                "kegiatan_pantauan",
            ),
            LangkahTur(
                _("Predikat organisasi"),
                _("Predikat unit menentukan kurva distribusi predikat pegawai."),
                "penilaian:predikat_org",
            ),
            LangkahTur(
                _("Dasbor penilaian"),
                _("Sebaran predikat dan kalibrasi di OPD Anda."),
                "penilaian:dasbor",
            ),
            LangkahTur(
                _("Portofolio proyek"),
                _("Proyek OPD dengan peringatan dini."),
                "proyek_portfolio",
            ),
        ],
    ),
    Peran.ADMIN_BKPSDMD.value: (
        Peran.ADMIN_BKPSDMD.label,
        [
            LangkahTur(
                _("Impor data pegawai"),
                _("Perbarui data pegawai, jabatan dan unit dari berkas."),
                "impor_index",
            ),
            LangkahTur(
                _("Atur peran pengguna"),
                _("Beri atau cabut peran operator, pimpinan dan admin."),
                "peran_list",
            ),
            LangkahTur(
                _("Periode kinerja"),
                _("Buka dan kunci periode SKP dan penilaian."),
                "skp_periode_list",
            ),
            LangkahTur(
                _("Pengumuman"),
                _("Kirim pengumuman ke OPD atau peran tertentu."),
                "pengembangan:pengumuman_list",
            ),
            LangkahTur(
                _("Survei denyut"),
                _("Survei singkat tanpa nama tentang penilaian kinerja."),
                "pengembangan:denyut_list",
            ),
        ],
    ),
    Peran.PIMPINAN_DAERAH.value: (
        Peran.PIMPINAN_DAERAH.label,
        [
            LangkahTur(
                _("Dasbor penilaian kota"),
                _("Sebaran predikat seluruh OPD."),
                "penilaian:dasbor",
            ),
            LangkahTur(
                _("Pantauan laporan kegiatan"),
                _("Keaktifan melapor per OPD."),
                "kegiatan_pantauan",
            ),
            LangkahTur(
                _("Proyek kota"),
                _("Proyek prioritas dan peringatan dini."),
                "proyek_kota",
            ),
            LangkahTur(
                _("Hasil survei denyut"),
                _("Pendapat pegawai tentang penilaian kinerja, per OPD."),
                "pengembangan:denyut_list",
            ),
        ],
    ),
}
URUTAN_TUR = ["pegawai", "atasan", Peran.PIMPINAN_OPD, Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH]


def peran_tur(akses: AksesPengguna) -> list[str]:
    """The tour roles of a user, in the order they are shown."""
    punya = peran_target_pengguna(akses)
    return [str(p) for p in URUTAN_TUR if p in punya]


def tur_beranda(user: Pegawai) -> dict[str, Any] | None:
    """The tour to show on the home page: the first role whose tour is not finished (1 query)."""
    akses = _akses(user)
    selesai = set(TurSelesai.objects.filter(pegawai=user).values_list("peran", flat=True))
    for peran in peran_tur(akses):
        if peran not in selesai:
            label, langkah = TUR[peran]
            return {
                "peran": peran,
                "label": label,
                "langkah": [
                    {"judul": s.judul, "teks": s.teks, "url": reverse(s.url_name)} for s in langkah
                ],
            }
    return None


# --- pulse survey -------------------------------------------------------------------------------


def denyut_terbuka(tanggal: dt.date | None = None) -> QuerySet[SurveiDenyut]:
    tanggal = tanggal or timezone.localdate()
    return SurveiDenyut.objects.filter(aktif=True, mulai__lte=tanggal, selesai__gte=tanggal)


def denyut_beranda(user: Pegawai) -> SurveiDenyut | None:
    """An open survey this user has not answered yet (1 query)."""
    return (
        denyut_terbuka()
        .exclude(Exists(PartisipasiDenyut.objects.filter(survei=OuterRef("pk"), pegawai=user)))
        .order_by("selesai", "pk")
        .first()
    )


def denyut_list() -> QuerySet[SurveiDenyut]:
    return SurveiDenyut.objects.order_by("-mulai", "-pk")


def denyut_get(pk: int) -> SurveiDenyut:
    survei = SurveiDenyut.objects.filter(pk=pk).first()
    if survei is None:
        raise Http404
    return survei


def denyut_untuk_diisi(*, user: Pegawai, pk: int) -> tuple[SurveiDenyut, bool]:
    """An open survey and whether this user already answered it (closed/unknown → 404)."""
    survei = denyut_terbuka().filter(pk=pk).first()
    if survei is None:
        raise Http404
    sudah = PartisipasiDenyut.objects.filter(survei=survei, pegawai=user).exists()
    return survei, sudah


def denyut_sudah_dijawab(survei: SurveiDenyut) -> bool:
    """Whether any answer exists (questions are then frozen). Reads the counters only."""
    return ResponDenyut.objects.filter(survei=survei, jumlah__gt=0).exists()


@dataclass
class HasilPertanyaan:
    pertanyaan: PertanyaanDenyut
    sebaran: list[int]  # count per score 1..5
    rata_rata: Decimal | None

    @property
    def persen(self) -> list[tuple[int, int, int]]:
        """(score, count, percentage of respondents) for bar charts."""
        total = sum(self.sebaran)
        return [
            (i + 1, n, round(100 * n / total) if total else 0) for i, n in enumerate(self.sebaran)
        ]


@dataclass
class HasilKelompok:
    nama: str
    opd_id: int | None
    responden: int
    cukup: bool
    pertanyaan: list[HasilPertanyaan] = field(default_factory=list)
    komentar: list[str] = field(default_factory=list)


def _hasil(
    nama: str,
    opd_id: int | None,
    responden: int,
    minimum: int,
    daftar_pertanyaan: list[PertanyaanDenyut],
    hitungan: dict[tuple[int, int], int],
) -> HasilKelompok:
    cukup = responden >= minimum
    hasil = HasilKelompok(nama=nama, opd_id=opd_id, responden=responden, cukup=cukup)
    if not cukup:
        return hasil  # below the minimum: no numbers at all
    for p in daftar_pertanyaan:
        sebaran = [hitungan.get((p.pk, nilai), 0) for nilai in range(1, 6)]
        total = sum(sebaran)
        rata = (
            (Decimal(sum((i + 1) * n for i, n in enumerate(sebaran))) / total).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            if total
            else None
        )
        hasil.pertanyaan.append(HasilPertanyaan(pertanyaan=p, sebaran=sebaran, rata_rata=rata))
    return hasil


def denyut_hasil_for_user(*, user: Pegawai, pk: int) -> dict[str, Any]:
    """Results per OPD (and city-wide for city roles), only where respondents ≥ the minimum.

    Admin BKPSDMD / pimpinan daerah: every OPD and the city total. Pimpinan OPD: their own OPDs
    only. Others: PermissionDenied. Constant number of queries (5).
    """
    akses = _akses(user)
    kota = akses.admin or Peran.PIMPINAN_DAERAH in akses.peran
    if not kota and Peran.PIMPINAN_OPD not in akses.peran:
        raise PermissionDenied
    survei = denyut_get(pk)
    minimum = pengaturan().min_jawaban_denyut
    opd_filter: dict[str, Any] = {} if kota else {"opd_id__in": akses.opd_kelola_ids}
    daftar_pertanyaan = list(survei.pertanyaan_set.order_by("urutan", "pk"))
    respon = list(
        ResponDenyut.objects.filter(survei=survei, **opd_filter)
        .select_related("opd")
        .order_by("opd__nama", "opd_id")
    )
    if not kota:
        # a pimpinan OPD sees their OPD listed even before anyone answered
        ada = {r.opd_id for r in respon}
        for opd in UnitKerja.objects.filter(pk__in=akses.opd_kelola_ids - ada).order_by("nama"):
            respon.append(ResponDenyut(survei=survei, opd=opd, jumlah=0))
    hitungan: dict[int, dict[tuple[int, int], int]] = {}
    for opd_id, pertanyaan_id, nilai, jumlah in HitunganDenyut.objects.filter(
        survei=survei, **opd_filter
    ).values_list("opd_id", "pertanyaan_id", "nilai", "jumlah"):
        hitungan.setdefault(opd_id, {})[(pertanyaan_id, nilai)] = jumlah
    opd_cukup = [r.opd_id for r in respon if r.jumlah >= minimum]
    komentar: dict[int, list[str]] = {}
    for opd_id, teks in (
        KomentarDenyut.objects.filter(survei=survei, opd_id__in=opd_cukup)
        .order_by("id")
        .values_list("opd_id", "teks")
    ):
        komentar.setdefault(opd_id, []).append(teks)
    per_opd = []
    for r in respon:
        hasil = _hasil(
            r.opd.nama, r.opd_id, r.jumlah, minimum, daftar_pertanyaan, hitungan.get(r.opd_id, {})
        )
        if hasil.cukup:
            hasil.komentar = komentar.get(r.opd_id, [])
        per_opd.append(hasil)
    total = None
    if kota:
        gabungan: dict[tuple[int, int], int] = {}
        for per in hitungan.values():
            for kunci, n in per.items():
                gabungan[kunci] = gabungan.get(kunci, 0) + n
        total = _hasil(
            str(_("Seluruh OPD")),
            None,
            sum(r.jumlah for r in respon),
            minimum,
            daftar_pertanyaan,
            gabungan,
        )
    return {
        "survei": survei,
        "minimum": minimum,
        "kota": kota,
        "total": total,
        "per_opd": per_opd,
        "pertanyaan": daftar_pertanyaan,
    }
