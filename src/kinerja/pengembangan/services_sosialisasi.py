"""Writes of the socialisation part: announcements, guides, the tour, the anonymous pulse survey.

Pulse-survey answers (`denyut_jawab`) store NOTHING that links a score or a comment to a person:
- `PartisipasiDenyut(survei, pegawai)` only says "answered" (unique: no double answer);
- the scores are added to the OPD's counters. All 5 score rows of every question of the OPD are
  created together (so the creation order of counter rows says nothing about a score) and all
  of them are touched by ONE update that adds 1 only to the chosen scores (so every counter row
  of the OPD carries the same last-writer transaction, whatever was chosen);
- a comment is a row with a random UUID key, the survey and the OPD. To keep the physical order
  of comment rows (SQLite rowid, PostgreSQL heap order) from mirroring the answer order, the
  OPD's comments are rewritten in random-key order whenever a comment is added;
- no timestamps, no history, no notifications, no log lines.
See docs/pengembangan-sosialisasi.md for what this does not protect against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
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
from kinerja.pengembangan.selectors_sosialisasi import LABEL_PERAN_TARGET, TUR

KOMENTAR_MAKS = 1000
PERTANYAAN_MAKS = 5

# --- announcements ------------------------------------------------------------------------------


def _periksa_pengumuman(
    *, judul: str, isi: str, mulai: dt.date, selesai: dt.date | None, target_peran: Sequence[str]
) -> list[str]:
    galat: dict[str, str] = {}
    if not judul.strip():
        galat["judul"] = _("Judul wajib diisi.")
    if not isi.strip():
        galat["isi"] = _("Isi pengumuman wajib diisi.")
    if selesai is not None and selesai < mulai:
        galat["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    peran = [p for p in dict.fromkeys(target_peran) if p]
    salah = [p for p in peran if p not in LABEL_PERAN_TARGET]
    if salah:
        galat["target_peran"] = _("Peran tidak dikenal: %(peran)s.") % {"peran": ", ".join(salah)}
    if galat:
        raise ValidationError(galat)
    return peran


def _opd_saja(instansi_id: int | None, target_opd: Iterable[UnitKerja]) -> list[UnitKerja]:
    daftar = list(target_opd)
    if any(u.parent_id is not None or u.instansi_id != instansi_id for u in daftar):
        raise ValidationError({"target_opd": _("Pilih OPD (unit tingkat teratas) instansi ini.")})
    return daftar


@transaction.atomic
def pengumuman_simpan(
    *,
    oleh: Pegawai,
    judul: str,
    isi: str,
    mulai: dt.date,
    selesai: dt.date | None = None,
    penting: bool = False,
    target_opd: Iterable[UnitKerja] = (),
    target_peran: Sequence[str] = (),
    pengumuman: Pengumuman | None = None,
) -> Pengumuman:
    """Create (pengumuman=None) or update an announcement."""
    peran = _periksa_pengumuman(
        judul=judul, isi=isi, mulai=mulai, selesai=selesai, target_peran=target_peran
    )
    opd = _opd_saja(oleh.instansi_id, target_opd)
    if pengumuman is None:
        pengumuman = Pengumuman(dibuat_oleh=oleh)
    pengumuman.judul = judul.strip()
    pengumuman.isi = isi.strip()
    pengumuman.mulai = mulai
    pengumuman.selesai = selesai
    pengumuman.penting = penting
    pengumuman.target_peran = peran
    pengumuman.save()
    pengumuman.target_opd.set(opd)
    return pengumuman


@transaction.atomic
def pengumuman_hapus(*, pengumuman: Pengumuman, oleh: Pegawai) -> None:
    pengumuman.delete()


# --- guides -------------------------------------------------------------------------------------


@transaction.atomic
def panduan_simpan(
    *,
    oleh: Pegawai,
    slug: str,
    judul: str,
    kategori: str,
    isi: str,
    ringkasan: str = "",
    urutan: int = 0,
    aktif: bool = True,
    panduan: Panduan | None = None,
) -> Panduan:
    galat: dict[str, str] = {}
    slug = slug.strip().lower()
    if not slug:
        galat["slug"] = _("Alamat wajib diisi.")
    elif slug == "tambah":
        galat["slug"] = _("Alamat ini dicadangkan; pilih yang lain.")
    elif (
        Panduan.objects.filter(slug=slug)
        .exclude(pk=panduan.pk if panduan is not None else 0)
        .exists()
    ):
        galat["slug"] = _("Alamat ini sudah dipakai panduan lain.")
    if not judul.strip():
        galat["judul"] = _("Judul wajib diisi.")
    if not isi.strip():
        galat["isi"] = _("Isi wajib diisi.")
    if kategori not in KategoriPanduan.values:
        galat["kategori"] = _("Kategori tidak dikenal.")
    if galat:
        raise ValidationError(galat)
    if panduan is None:
        panduan = Panduan()
    panduan.slug = slug
    panduan.judul = judul.strip()
    panduan.kategori = kategori
    panduan.ringkasan = ringkasan.strip()
    panduan.isi = isi.strip()
    panduan.urutan = urutan
    panduan.aktif = aktif
    panduan.diubah_oleh = oleh
    panduan.diubah_pada = timezone.now()
    panduan.save()
    return panduan


# --- tour ---------------------------------------------------------------------------------------


@transaction.atomic
def tur_selesai(*, pegawai: Pegawai, peran: str) -> None:
    """Remember that this user finished / dismissed the tour of a role (idempotent)."""
    if peran not in TUR:
        raise ValidationError({"peran": _("Tur untuk peran ini tidak ada.")})
    TurSelesai.objects.get_or_create(pegawai=pegawai, peran=peran)


@transaction.atomic
def tur_ulang(*, pegawai: Pegawai) -> int:
    """Show every tour again; returns how many were reset."""
    jumlah, _detail = TurSelesai.objects.filter(pegawai=pegawai).delete()
    return jumlah


# --- pulse survey -------------------------------------------------------------------------------


def _periksa_pertanyaan(pertanyaan: Sequence[str]) -> list[str]:
    teks = [p.strip() for p in pertanyaan if p and p.strip()]
    if not teks:
        raise ValidationError({"pertanyaan": _("Isi paling sedikit satu pertanyaan.")})
    if len(teks) > PERTANYAAN_MAKS:
        raise ValidationError(
            {"pertanyaan": _("Paling banyak %(n)d pertanyaan.") % {"n": PERTANYAAN_MAKS}}
        )
    if any(len(t) > 300 for t in teks):
        raise ValidationError({"pertanyaan": _("Satu pertanyaan paling panjang 300 huruf.")})
    return teks


@transaction.atomic
def denyut_simpan(
    *,
    oleh: Pegawai,
    judul: str,
    mulai: dt.date,
    selesai: dt.date,
    pertanyaan: Sequence[str] | None,
    pengantar: str = "",
    aktif: bool = True,
    survei: SurveiDenyut | None = None,
) -> SurveiDenyut:
    """Create or update a pulse survey. The questions (1–5) may be changed only before the first
    answer; `pertanyaan=None` leaves them as they are."""
    galat: dict[str, str] = {}
    if not judul.strip():
        galat["judul"] = _("Judul wajib diisi.")
    if selesai < mulai:
        galat["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    teks: list[str] | None = None
    if pertanyaan is not None:
        try:
            teks = _periksa_pertanyaan(pertanyaan)
        except ValidationError as exc:
            galat.update({k: v[0] for k, v in exc.message_dict.items()})
    if galat:
        raise ValidationError(galat)
    if survei is not None:
        survei = SurveiDenyut.objects.select_for_update().get(pk=survei.pk)
    else:
        survei = SurveiDenyut(dibuat_oleh=oleh)
    survei.judul = judul.strip()
    survei.pengantar = pengantar.strip()
    survei.mulai = mulai
    survei.selesai = selesai
    survei.aktif = aktif
    survei.save()
    if teks is not None:
        lama = [p.teks for p in survei.pertanyaan_set.order_by("urutan", "pk")]
        if teks != lama:
            if ResponDenyut.objects.filter(survei=survei, jumlah__gt=0).exists():
                raise ValidationError(
                    {"pertanyaan": _("Pertanyaan tidak dapat diubah: survei sudah dijawab.")}
                )
            survei.pertanyaan_set.all().delete()
            PertanyaanDenyut.objects.bulk_create(
                PertanyaanDenyut(survei=survei, urutan=i, teks=t) for i, t in enumerate(teks, 1)
            )
    return survei


def _opd_sekarang(pegawai: Pegawai) -> int | None:
    """The pegawai's current OPD: of the definitive assignment, else of any active one."""
    akses = akses_pengguna(pegawai)
    if akses is None:
        return None
    if akses.opd_sendiri_id:
        return akses.opd_sendiri_id
    return min(akses.opd_ids) if akses.opd_ids else None


@transaction.atomic
def denyut_jawab(
    *, survei: SurveiDenyut, pegawai: Pegawai, nilai: dict[int, int], komentar: str = ""
) -> None:
    """Answer a pulse survey once, anonymously (see the module docstring). `nilai` maps every
    question id of the survey to a score 1–5."""
    hari_ini = timezone.localdate()
    if not (survei.aktif and survei.mulai <= hari_ini <= survei.selesai):
        raise ValidationError({"__all__": _("Survei ini sedang tidak dibuka.")})
    pertanyaan_ids = list(survei.pertanyaan_set.values_list("pk", flat=True))
    if not pertanyaan_ids:
        raise ValidationError({"__all__": _("Survei ini belum punya pertanyaan.")})
    galat: dict[str, str] = {}
    for pk in pertanyaan_ids:
        v = nilai.get(pk)
        if v is None or not 1 <= int(v) <= 5:
            galat[f"p{pk}"] = _("Pilih nilai 1 sampai 5.")
    if set(nilai) - set(pertanyaan_ids):
        galat["__all__"] = _("Jawaban untuk pertanyaan yang tidak ada.")
    komentar = komentar.strip()
    if len(komentar) > KOMENTAR_MAKS:
        galat["komentar"] = _("Komentar paling panjang %(n)d huruf.") % {"n": KOMENTAR_MAKS}
    if galat:
        raise ValidationError(galat)
    opd_id = _opd_sekarang(pegawai)
    if opd_id is None:
        raise ValidationError(
            {"__all__": _("Anda belum tercatat di OPD mana pun; survei tidak dapat diisi.")}
        )
    try:
        with transaction.atomic():
            PartisipasiDenyut.objects.create(survei=survei, pegawai=pegawai)
    except IntegrityError:
        raise ValidationError({"__all__": _("Anda sudah mengisi survei ini.")}) from None
    ResponDenyut.objects.bulk_create(
        [ResponDenyut(survei=survei, opd_id=opd_id, jumlah=0)], ignore_conflicts=True
    )
    # this update row-locks the OPD's respondents counter until commit: concurrent answers of
    # one OPD are serialized from here on (the comment rewrite below relies on it)
    ResponDenyut.objects.filter(survei=survei, opd_id=opd_id).update(jumlah=F("jumlah") + 1)
    # every counter row of the OPD exists (created together) and is touched by one update
    HitunganDenyut.objects.bulk_create(
        [
            HitunganDenyut(survei=survei, opd_id=opd_id, pertanyaan_id=pk, nilai=v, jumlah=0)
            for pk in pertanyaan_ids
            for v in range(1, 6)
        ],
        ignore_conflicts=True,
    )
    dipilih = Q()
    for pk in pertanyaan_ids:
        dipilih |= Q(pertanyaan_id=pk, nilai=int(nilai[pk]))
    HitunganDenyut.objects.filter(survei=survei, opd_id=opd_id).update(
        jumlah=F("jumlah")
        + Case(When(dipilih, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
    if komentar:
        # rewrite the OPD's comments in random-key order: row order must not mirror answer order
        semua = [
            KomentarDenyut(survei=survei, opd_id=opd_id, teks=t)
            for t in KomentarDenyut.objects.filter(survei=survei, opd_id=opd_id).values_list(
                "teks", flat=True
            )
        ]
        semua.append(KomentarDenyut(survei=survei, opd_id=opd_id, teks=komentar))
        KomentarDenyut.objects.filter(survei=survei, opd_id=opd_id).delete()
        semua.sort(key=lambda k: k.pk)
        KomentarDenyut.objects.bulk_create(semua)
