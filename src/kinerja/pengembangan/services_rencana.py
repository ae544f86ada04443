"""Writes of the "rencana" part: recorded development needs and the development plan
(rencana pengembangan) agreed by the pegawai and the atasan.

Agreement: each side confirms (`rencana_setujui`); any change to the goal or the activities
clears both confirmations (the plan goes back to draf); both confirmed → disepakati; when every
activity of an agreed plan is done it becomes selesai. Marking an activity done is tracking, not
a change of the agreement, so it keeps the confirmations. Optimistic lock: every write carries
the plan's `revisi` as the client loaded it; a stale one raises `RevisiBasi` and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.notifikasi.services import notifikasi_kirim
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai

from .models import (
    AktivitasRencana,
    BentukPelatihan,
    KebutuhanPengembangan,
    Pendaftaran,
    RencanaPengembangan,
    StatusRencana,
    SumberKebutuhan,
    TopikKompetensi,
)

PIHAK_PEGAWAI = "pegawai"
PIHAK_ATASAN = "atasan"


class RevisiBasi(Exception):
    """The plan changed since the client loaded it (the other side, another tab)."""

    def __init__(self, revisi_sekarang: int) -> None:
        self.pesan = _(
            "Rencana ini sudah diubah oleh pihak lain atau di tab lain sejak Anda membukanya. "
            "Perubahan Anda tidak disimpan; yang tampil sekarang adalah versi terbaru."
        )
        super().__init__(self.pesan)
        self.revisi_sekarang = revisi_sekarang


# --- needs ----------------------------------------------------------------------------------


def boleh_catat_kebutuhan(*, oleh: Pegawai, pegawai: Pegawai) -> str | None:
    """The source a need recorded by `oleh` for `pegawai` gets, or None if not allowed: the
    pegawai themselves (usulan pegawai); the atasan chain, pimpinan OPD of the pegawai's OPD and
    city roles (masukan atasan)."""
    from .selectors_rencana import peran_terhadap

    peran = peran_terhadap(oleh, pegawai)
    if peran == "sendiri":
        return SumberKebutuhan.PEGAWAI
    if peran is None:
        return None
    return SumberKebutuhan.ATASAN


@transaction.atomic
def kebutuhan_tambah(
    *,
    pegawai: Pegawai,
    oleh: Pegawai,
    topik: TopikKompetensi | None,
    alasan: str,
    tahun: int | None = None,
) -> KebutuhanPengembangan:
    sumber = boleh_catat_kebutuhan(oleh=oleh, pegawai=pegawai)
    if sumber is None:
        raise PermissionDenied(_("Anda tidak dapat mencatat kebutuhan pegawai ini."))
    galat: dict[str, str] = {}
    if topik is None or not topik.aktif:
        galat["topik"] = _("Pilih topik kompetensi.")
    alasan = (alasan or "").strip()
    if len(alasan) < 5:
        galat["alasan"] = _("Tuliskan alasannya (minimal 5 huruf).")
    if galat:
        raise ValidationError(galat)
    assert topik is not None
    tahun = tahun or timezone.localdate().year
    if KebutuhanPengembangan.objects.filter(
        pegawai=pegawai, tahun=tahun, topik=topik, terpenuhi_pada__isnull=True
    ).exists():
        raise ValidationError({"topik": _("Kebutuhan dengan topik ini sudah tercatat tahun ini.")})
    k = KebutuhanPengembangan.objects.create(
        pegawai=pegawai, tahun=tahun, topik=topik, sumber=sumber, alasan=alasan, dicatat_oleh=oleh
    )
    if oleh.pk != pegawai.pk:
        notifikasi_kirim(
            penerima=[pegawai],
            jenis="pengembangan_kebutuhan",
            judul=_("Kebutuhan pengembangan baru: %(topik)s") % {"topik": topik.nama},
            isi=alasan,
            url=reverse("pengembangan:rekomendasi"),
        )
    return k


@transaction.atomic
def kebutuhan_hapus(*, kebutuhan: KebutuhanPengembangan, oleh: Pegawai) -> None:
    if kebutuhan.dicatat_oleh_id != oleh.pk:
        raise PermissionDenied(_("Hanya pencatat yang dapat menghapus kebutuhan ini."))
    kebutuhan.delete()


# --- plan -----------------------------------------------------------------------------------


def pihak_rencana(rencana: RencanaPengembangan, oleh: Pegawai) -> str | None:
    """'pegawai' or 'atasan' (the plan's atasan, or the current atasan langsung), else None."""
    if oleh.pk == rencana.pegawai_id:
        return PIHAK_PEGAWAI
    if oleh.pk == rencana.atasan_id:
        return PIHAK_ATASAN
    sekarang = hierarki.atasan_langsung(rencana.pegawai)
    if sekarang is not None and sekarang.pk == oleh.pk:
        return PIHAK_ATASAN
    return None


def _wajib_pihak(rencana: RencanaPengembangan, oleh: Pegawai) -> str:
    pihak = pihak_rencana(rencana, oleh)
    if pihak is None:
        raise PermissionDenied(_("Hanya pegawai dan atasannya yang dapat mengubah rencana ini."))
    return pihak


def _kunci(
    rencana: RencanaPengembangan, *, oleh: Pegawai, revisi: int | None
) -> tuple[RencanaPengembangan, str]:
    """Lock the row, check the side and the revisi. Returns the fresh row and the side."""
    current = (
        RencanaPengembangan.objects.select_for_update()
        .select_related("pegawai", "atasan")
        .get(pk=rencana.pk)
    )
    pihak = _wajib_pihak(current, oleh)
    if revisi is not None and current.revisi != revisi:
        raise RevisiBasi(current.revisi)
    if pihak == PIHAK_ATASAN and current.atasan_id != oleh.pk:
        current.atasan = oleh  # the atasan changed (Plt-aware): the current one takes over
    return current, pihak


def _pihak_lain(rencana: RencanaPengembangan, pihak: str) -> Pegawai:
    return rencana.atasan if pihak == PIHAK_PEGAWAI else rencana.pegawai


def _kabari(rencana: RencanaPengembangan, pihak: str, judul: str, isi: str = "") -> None:
    notifikasi_kirim(
        penerima=[_pihak_lain(rencana, pihak)],
        jenis="pengembangan_rencana",
        judul=judul,
        isi=isi,
        url=reverse("pengembangan:rencana_detail", args=[rencana.pk]),
    )


def _berubah(rencana: RencanaPengembangan, pihak: str, oleh: Pegawai, apa: str) -> None:
    """A change of the agreement: clear both confirmations, back to draf, bump revisi, notify."""
    rencana.disetujui_pegawai_pada = None
    rencana.disetujui_atasan_pada = None
    rencana.status = StatusRencana.DRAF
    rencana.revisi += 1
    rencana.save()
    _kabari(
        rencana,
        pihak,
        _("%(nama)s mengubah rencana pengembangan %(tahun)s")
        % {"nama": oleh.nama, "tahun": rencana.tahun},
        _("%(apa)s. Periksa dan setujui kembali.") % {"apa": apa},
    )


def _validasi_tujuan(tujuan: str) -> str:
    tujuan = (tujuan or "").strip()
    if len(tujuan) < 5:
        raise ValidationError({"tujuan": _("Tuliskan tujuan pengembangan (minimal 5 huruf).")})
    return tujuan


@transaction.atomic
def rencana_buat(
    *, pegawai: Pegawai, oleh: Pegawai, tujuan: str, tahun: int | None = None
) -> RencanaPengembangan:
    """By the pegawai, or by the atasan langsung (Plt-aware) for a bawahan."""
    tahun = tahun or timezone.localdate().year
    atasan = hierarki.atasan_langsung(pegawai)
    if oleh.pk != pegawai.pk and (atasan is None or atasan.pk != oleh.pk):
        raise PermissionDenied(_("Rencana dibuat oleh pegawai sendiri atau atasan langsungnya."))
    tujuan = _validasi_tujuan(tujuan)
    if atasan is None:
        raise ValidationError(
            {"tujuan": _("Atasan langsung belum tercatat; hubungi admin kepegawaian.")}
        )
    if RencanaPengembangan.objects.filter(pegawai=pegawai, tahun=tahun).exists():
        raise ValidationError(
            {"tujuan": _("Rencana pengembangan %(tahun)s sudah ada.") % {"tahun": tahun}}
        )
    rencana = RencanaPengembangan.objects.create(
        pegawai=pegawai, tahun=tahun, atasan=atasan, tujuan=tujuan, dibuat_oleh=oleh
    )
    pihak = PIHAK_PEGAWAI if oleh.pk == pegawai.pk else PIHAK_ATASAN
    _kabari(
        rencana,
        pihak,
        _("Rencana pengembangan %(tahun)s dibuat oleh %(nama)s")
        % {"tahun": tahun, "nama": oleh.nama},
        tujuan,
    )
    return rencana


@transaction.atomic
def rencana_ubah(
    *, rencana: RencanaPengembangan, oleh: Pegawai, revisi: int | None, tujuan: str
) -> RencanaPengembangan:
    rencana, pihak = _kunci(rencana, oleh=oleh, revisi=revisi)
    tujuan = _validasi_tujuan(tujuan)
    if tujuan == rencana.tujuan:
        return rencana
    rencana.tujuan = tujuan
    _berubah(rencana, pihak, oleh, _("Tujuan diubah"))
    return rencana


def _validasi_aktivitas(
    rencana: RencanaPengembangan,
    *,
    uraian: str,
    bentuk: str,
    batas: dt.date | None,
    pendaftaran: Pendaftaran | None,
    dialog: object | None,
    topik: TopikKompetensi | None,
) -> str:
    galat: dict[str, str] = {}
    uraian = (uraian or "").strip()
    if len(uraian) < 3:
        galat["uraian"] = _("Tuliskan aktivitasnya.")
    if bentuk not in BentukPelatihan.values:
        galat["bentuk"] = _("Pilih bentuk aktivitas.")
    if batas is None:
        galat["batas"] = _("Isi batas waktu.")
    elif batas.year != rencana.tahun:
        galat["batas"] = _("Batas waktu harus di tahun %(tahun)s.") % {"tahun": rencana.tahun}
    if pendaftaran is not None and pendaftaran.pegawai_id != rencana.pegawai_id:
        galat["pendaftaran"] = _("Pilih pendaftaran pelatihan milik pegawai ini.")
    if dialog is not None:
        pegawai_id = getattr(dialog, "pegawai_id", None)
        atasan_id = getattr(dialog, "atasan_id", None)
        if pegawai_id != rencana.pegawai_id or atasan_id != rencana.atasan_id:
            galat["dialog"] = _("Pilih dialog kinerja antara pegawai dan atasan ini.")
    if topik is not None and not topik.aktif:
        galat["topik"] = _("Topik ini tidak aktif.")
    if galat:
        raise ValidationError(galat)
    return uraian


@transaction.atomic
def aktivitas_tambah(
    *,
    rencana: RencanaPengembangan,
    oleh: Pegawai,
    revisi: int | None,
    uraian: str,
    bentuk: str,
    batas: dt.date | None,
    topik: TopikKompetensi | None = None,
    pendaftaran: Pendaftaran | None = None,
    dialog: object | None = None,
    catatan: str = "",
) -> AktivitasRencana:
    rencana, pihak = _kunci(rencana, oleh=oleh, revisi=revisi)
    uraian = _validasi_aktivitas(
        rencana,
        uraian=uraian,
        bentuk=bentuk,
        batas=batas,
        pendaftaran=pendaftaran,
        dialog=dialog,
        topik=topik,
    )
    assert batas is not None
    urutan = rencana.aktivitas_set.count()
    akt = AktivitasRencana.objects.create(
        rencana=rencana,
        uraian=uraian,
        bentuk=bentuk,
        topik=topik,
        batas=batas,
        pendaftaran=pendaftaran,
        dialog=dialog,  # type: ignore[misc]
        catatan=(catatan or "").strip(),
        urutan=urutan,
    )
    _berubah(rencana, pihak, oleh, _("Aktivitas ditambahkan: %(u)s") % {"u": uraian})
    return akt


@transaction.atomic
def aktivitas_ubah(
    *,
    aktivitas: AktivitasRencana,
    oleh: Pegawai,
    revisi: int | None,
    uraian: str,
    bentuk: str,
    batas: dt.date | None,
    topik: TopikKompetensi | None = None,
    pendaftaran: Pendaftaran | None = None,
    dialog: object | None = None,
    catatan: str = "",
) -> AktivitasRencana:
    rencana, pihak = _kunci(aktivitas.rencana, oleh=oleh, revisi=revisi)
    uraian = _validasi_aktivitas(
        rencana,
        uraian=uraian,
        bentuk=bentuk,
        batas=batas,
        pendaftaran=pendaftaran,
        dialog=dialog,
        topik=topik,
    )
    assert batas is not None
    aktivitas.uraian = uraian
    aktivitas.bentuk = bentuk
    aktivitas.batas = batas
    aktivitas.topik = topik
    aktivitas.pendaftaran = pendaftaran
    aktivitas.dialog = dialog  # type: ignore[assignment]
    aktivitas.catatan = (catatan or "").strip()
    aktivitas.save()
    _berubah(rencana, pihak, oleh, _("Aktivitas diubah: %(u)s") % {"u": uraian})
    return aktivitas


@transaction.atomic
def aktivitas_hapus(
    *, aktivitas: AktivitasRencana, oleh: Pegawai, revisi: int | None = None
) -> None:
    rencana, pihak = _kunci(aktivitas.rencana, oleh=oleh, revisi=revisi)
    uraian = aktivitas.uraian
    aktivitas.delete()
    _berubah(rencana, pihak, oleh, _("Aktivitas dihapus: %(u)s") % {"u": uraian})


@transaction.atomic
def aktivitas_selesai(
    *,
    aktivitas: AktivitasRencana,
    oleh: Pegawai,
    revisi: int | None = None,
    tanggal: dt.date | None = None,
) -> AktivitasRencana:
    """Mark done (tracking: keeps the agreement). The last activity done on an agreed plan
    closes it (selesai)."""
    rencana, pihak = _kunci(aktivitas.rencana, oleh=oleh, revisi=revisi)
    if aktivitas.selesai_pada is not None:
        raise ValidationError({"selesai_pada": _("Aktivitas ini sudah selesai.")})
    aktivitas.selesai_pada = tanggal or timezone.localdate()
    aktivitas.save(update_fields=["selesai_pada"])
    sisa = rencana.aktivitas_set.filter(selesai_pada__isnull=True).exists()
    if not sisa and rencana.status == StatusRencana.DISEPAKATI:
        rencana.status = StatusRencana.SELESAI
    rencana.revisi += 1
    rencana.save()
    _kabari(
        rencana,
        pihak,
        _("Aktivitas rencana pengembangan selesai: %(u)s") % {"u": aktivitas.uraian},
    )
    return aktivitas


@transaction.atomic
def rencana_setujui(
    *, rencana: RencanaPengembangan, oleh: Pegawai, revisi: int | None = None
) -> RencanaPengembangan:
    """One side confirms the current content; both confirmed → disepakati."""
    rencana, pihak = _kunci(rencana, oleh=oleh, revisi=revisi)
    if rencana.status == StatusRencana.SELESAI:
        raise ValidationError(_("Rencana ini sudah selesai."))
    if not rencana.aktivitas_set.exists():
        raise ValidationError(_("Tambahkan minimal satu aktivitas sebelum menyetujui."))
    sekarang = timezone.now()
    if pihak == PIHAK_PEGAWAI:
        if rencana.disetujui_pegawai_pada:
            raise ValidationError(_("Anda sudah menyetujui rencana ini."))
        rencana.disetujui_pegawai_pada = sekarang
    else:
        if rencana.disetujui_atasan_pada:
            raise ValidationError(_("Anda sudah menyetujui rencana ini."))
        rencana.disetujui_atasan_pada = sekarang
    if rencana.disetujui_pegawai_pada and rencana.disetujui_atasan_pada:
        rencana.status = StatusRencana.DISEPAKATI
    rencana.revisi += 1
    rencana.save()
    judul = (
        _("Rencana pengembangan %(tahun)s disepakati")
        if rencana.status == StatusRencana.DISEPAKATI
        else _("%(nama)s menyetujui rencana pengembangan %(tahun)s; menunggu persetujuan Anda")
    ) % {"tahun": rencana.tahun, "nama": oleh.nama}
    _kabari(rencana, pihak, judul)
    return rencana
