"""Every write to SKP data. Keyword-only, atomic, validated before save.

Edits of a draft carry `revisi`, the optimistic-lock counter the client loaded; a stale value
raises RevisiBasi (HTTP 409 in the API) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Instansi, Jabatan, JenisJabatan, Pegawai, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.survei import selectors as survei_selectors
from kinerja.survei import services as survei_services
from kinerja.survei.models import UnitLayanan

from .models import (
    AksiSkp,
    Aspek,
    EkspektasiPerilaku,
    IndikatorKinerja,
    IndikatorPK,
    JenisRhk,
    Kadensi,
    Pendekatan,
    PerilakuKerja,
    PeriodeKinerja,
    PerjanjianKinerja,
    Rhk,
    RiwayatSkp,
    SasaranPK,
    Skp,
    SkpVersi,
    StatusPeriode,
    StatusSkp,
    SumberRealisasi,
    TemplateSkp,
)

KODE_ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed by hand


class RevisiBasi(Exception):
    """The SKP changed since the client loaded it (another tab or device)."""

    def __init__(self, revisi_sekarang: int) -> None:
        self.pesan = _(
            "SKP ini sudah diubah di tab/perangkat lain sejak Anda membukanya. Muat ulang untuk "
            "melihat versi terbaru; isian Anda tidak disimpan di server tetapi tetap ada di "
            "formulir."
        )
        super().__init__(self.pesan)
        self.revisi_sekarang = revisi_sekarang


# --- helpers -------------------------------------------------------------------------------


def _hari_ini() -> dt.date:
    return timezone.localdate()


def _catat(skp: Skp, aksi: str, oleh: Pegawai | None, catatan: str = "") -> None:
    RiwayatSkp.objects.create(skp=skp, aksi=aksi, oleh=oleh, catatan=catatan)


def _wajib_admin(oleh: Pegawai) -> None:
    profil = akses_pengguna(oleh)
    if profil is None or not profil.admin:
        raise PermissionDenied(_("Hanya admin BKPSDMD yang dapat mengatur periode kinerja."))


def _wajib_kelola_opd(oleh: Pegawai, unit: UnitKerja) -> None:
    profil = akses_pengguna(oleh)
    opd_id = unit.opd_id or unit.pk
    if profil is None or profil.instansi_id != unit.instansi_id:
        raise PermissionDenied
    if not (profil.admin or opd_id in profil.opd_kelola_ids):
        raise PermissionDenied(_("Anda tidak mengelola OPD ini."))


def _kunci(skp: Skp, *, oleh: Pegawai, revisi: int) -> Skp:
    """Lock the SKP row, check owner, status and revisi, and bump revisi. Returns the fresh row."""
    current = Skp.objects.select_for_update().get(pk=skp.pk)
    if current.pegawai_id != oleh.pk:
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat mengubah drafnya."))
    if not current.bisa_diubah:
        raise ValidationError(
            _("SKP berstatus %(status)s tidak dapat diubah.")
            % {"status": current.get_status_display()}
        )
    if current.revisi != revisi:
        raise RevisiBasi(current.revisi)
    Skp.objects.filter(pk=current.pk).update(revisi=F("revisi") + 1, diubah_pada=timezone.now())
    current.revisi += 1
    return current


def penilai_sekarang(pegawai: Pegawai, tanggal: dt.date | None = None) -> Pegawai | None:
    """The current pejabat penilai (atasan langsung, Plt/Plh honoured)."""
    return hierarki.atasan_langsung(pegawai, tanggal)


def _wajib_penilai(skp: Skp, oleh: Pegawai) -> None:
    if oleh.pk == skp.pegawai_id:
        raise PermissionDenied(
            _("Anda tidak dapat menyetujui atau mengembalikan SKP Anda sendiri.")
        )
    penilai = penilai_sekarang(skp.pegawai)
    if penilai is None or penilai.pk != oleh.pk:
        raise PermissionDenied(_("Hanya pejabat penilai pegawai ini yang dapat memprosesnya."))


# --- periode -------------------------------------------------------------------------------


def _validasi_periode(periode: PeriodeKinerja) -> None:
    errors: dict[str, str] = {}
    if periode.selesai <= periode.mulai:
        errors["selesai"] = _("Tanggal selesai harus setelah tanggal mulai.")
    for name in ("batas_penyusunan", "batas_persetujuan"):
        value = getattr(periode, name)
        if value is not None and not periode.mulai <= value <= periode.selesai:
            errors[name] = _("Batas waktu harus di dalam periode.")
    if (
        periode.batas_penyusunan
        and periode.batas_persetujuan
        and periode.batas_persetujuan < periode.batas_penyusunan
    ):
        errors["batas_persetujuan"] = _("Batas persetujuan tidak boleh sebelum batas penyusunan.")
    if errors:
        raise ValidationError(errors)
    periode.full_clean(validate_unique=True)


@transaction.atomic
def periode_create(
    *,
    oleh: Pegawai,
    instansi: Instansi,
    tahun: int,
    mulai: dt.date,
    selesai: dt.date,
    kadensi: str = Kadensi.TRIWULANAN,
    batas_penyusunan: dt.date | None = None,
    batas_persetujuan: dt.date | None = None,
    status: str = StatusPeriode.PERENCANAAN,
) -> PeriodeKinerja:
    _wajib_admin(oleh)
    if PeriodeKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise ValidationError({"tahun": _("Periode tahun ini sudah ada.")})
    periode = PeriodeKinerja(
        instansi=instansi,
        tahun=tahun,
        mulai=mulai,
        selesai=selesai,
        kadensi=kadensi,
        batas_penyusunan=batas_penyusunan,
        batas_persetujuan=batas_persetujuan,
        status=status,
    )
    _validasi_periode(periode)
    periode.save()
    return periode


@transaction.atomic
def periode_update(
    *,
    oleh: Pegawai,
    periode: PeriodeKinerja,
    mulai: dt.date,
    selesai: dt.date,
    kadensi: str,
    batas_penyusunan: dt.date | None,
    batas_persetujuan: dt.date | None,
    status: str,
) -> PeriodeKinerja:
    _wajib_admin(oleh)
    periode.mulai, periode.selesai, periode.kadensi = mulai, selesai, kadensi
    periode.batas_penyusunan, periode.batas_persetujuan = batas_penyusunan, batas_persetujuan
    periode.status = status
    _validasi_periode(periode)
    periode.save()
    return periode


# --- Perjanjian Kinerja --------------------------------------------------------------------


@transaction.atomic
def perjanjian_create(
    *, oleh: Pegawai, periode: PeriodeKinerja, unit: UnitKerja
) -> PerjanjianKinerja:
    if unit.parent_id is not None:
        raise ValidationError({"unit": _("Perjanjian Kinerja dibuat untuk OPD (unit teratas).")})
    _wajib_kelola_opd(oleh, unit)
    if periode.instansi_id != unit.instansi_id:
        raise ValidationError({"periode": _("Periode dari instansi lain.")})
    if PerjanjianKinerja.objects.filter(periode=periode, unit=unit).exists():
        raise ValidationError({"unit": _("Perjanjian Kinerja OPD ini untuk tahun ini sudah ada.")})
    return PerjanjianKinerja.objects.create(periode=periode, unit=unit, dibuat_oleh=oleh)


def _teks_wajib(value: str, field_name: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field_name: _("%(label)s wajib diisi.") % {"label": label}})
    return value


@transaction.atomic
def sasaran_pk_add(*, oleh: Pegawai, perjanjian: PerjanjianKinerja, sasaran: str) -> SasaranPK:
    _wajib_kelola_opd(oleh, perjanjian.unit)
    teks = _teks_wajib(sasaran, "sasaran", _("Sasaran"))
    urutan = (perjanjian.sasaran_set.aggregate(m=Max("urutan"))["m"] or 0) + 1
    perjanjian.save(update_fields=["diubah_pada"])
    return SasaranPK.objects.create(perjanjian=perjanjian, sasaran=teks, urutan=urutan)


@transaction.atomic
def sasaran_pk_update(*, oleh: Pegawai, sasaran: SasaranPK, teks: str) -> SasaranPK:
    _wajib_kelola_opd(oleh, sasaran.perjanjian.unit)
    sasaran.sasaran = _teks_wajib(teks, "sasaran", _("Sasaran"))
    sasaran.save(update_fields=["sasaran"])
    return sasaran


@transaction.atomic
def sasaran_pk_delete(*, oleh: Pegawai, sasaran: SasaranPK) -> None:
    _wajib_kelola_opd(oleh, sasaran.perjanjian.unit)
    if Rhk.objects.filter(indikator_pk__sasaran=sasaran).exists():
        raise ValidationError(_("Sasaran ini sudah dipakai RHK pimpinan; tidak dapat dihapus."))
    sasaran.delete()


def _target(
    target_angka: Decimal | None, satuan: str, target_teks: str, *, satuan_field: str
) -> tuple[Decimal | None, str, str]:
    satuan, target_teks = (satuan or "").strip(), (target_teks or "").strip()
    if target_angka is None and not target_teks:
        raise ValidationError({"target_angka": _("Isi target angka atau target teks.")})
    if target_angka is not None:
        if not target_angka.is_finite() or abs(target_angka) >= Decimal("1e12"):
            raise ValidationError({"target_angka": _("Target harus angka yang wajar.")})
        target_angka = target_angka.quantize(Decimal("0.01"))
        if target_angka < 0:
            raise ValidationError({"target_angka": _("Target tidak boleh negatif.")})
        if not satuan:
            raise ValidationError({satuan_field: _("Satuan wajib diisi untuk target angka.")})
    return target_angka, satuan, target_teks


@transaction.atomic
def indikator_pk_add(
    *,
    oleh: Pegawai,
    sasaran: SasaranPK,
    indikator: str,
    target_angka: Decimal | None = None,
    satuan: str = "",
    target_teks: str = "",
) -> IndikatorPK:
    _wajib_kelola_opd(oleh, sasaran.perjanjian.unit)
    teks = _teks_wajib(indikator, "indikator", _("Indikator"))
    angka, satuan, target_teks = _target(target_angka, satuan, target_teks, satuan_field="satuan")
    urutan = (sasaran.indikator_set.aggregate(m=Max("urutan"))["m"] or 0) + 1
    return IndikatorPK.objects.create(
        sasaran=sasaran,
        indikator=teks,
        target_angka=angka,
        satuan=satuan,
        target_teks=target_teks,
        urutan=urutan,
    )


@transaction.atomic
def indikator_pk_update(
    *,
    oleh: Pegawai,
    indikator: IndikatorPK,
    teks: str,
    target_angka: Decimal | None,
    satuan: str,
    target_teks: str,
) -> IndikatorPK:
    _wajib_kelola_opd(oleh, indikator.sasaran.perjanjian.unit)
    indikator.indikator = _teks_wajib(teks, "indikator", _("Indikator"))
    indikator.target_angka, indikator.satuan, indikator.target_teks = _target(
        target_angka, satuan, target_teks, satuan_field="satuan"
    )
    indikator.save()
    return indikator


@transaction.atomic
def indikator_pk_delete(*, oleh: Pegawai, indikator: IndikatorPK) -> None:
    _wajib_kelola_opd(oleh, indikator.sasaran.perjanjian.unit)
    if indikator.rhk_set.exists():
        raise ValidationError(_("Indikator ini sudah dipakai RHK pimpinan; tidak dapat dihapus."))
    indikator.delete()


# --- SKP: creation and snapshot ------------------------------------------------------------


@dataclass
class Identitas:
    jabatan: Jabatan | None = None
    unit: UnitKerja | None = None
    penilai: Pegawai | None = None
    penilai_jabatan: Jabatan | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _identitas(pegawai: Pegawai, tanggal: dt.date) -> Identitas:
    penugasan = hierarki.penugasan_definitif(pegawai, tanggal)
    if penugasan is None:
        return Identitas()
    penilai, penilai_jabatan = hierarki.atasan_dari_jabatan(
        penugasan.jabatan, tanggal, kecuali=pegawai.pk
    )
    return Identitas(penugasan.jabatan, penugasan.unit, penilai, penilai_jabatan)


def _isi_penilai(skp: Skp, penilai: Pegawai | None, jabatan: Jabatan | None) -> None:
    skp.pejabat_penilai = penilai
    skp.penilai_nama = penilai.nama_lengkap if penilai else ""
    skp.penilai_nip = penilai.nip if penilai else ""
    skp.penilai_golongan = penilai.golongan if penilai else ""
    skp.penilai_jabatan_nama = jabatan.nama if jabatan else ""
    skp.penilai_unit_nama = jabatan.unit.nama if jabatan else ""


def _isi_identitas(skp: Skp, pegawai: Pegawai, tanggal: dt.date) -> None:
    ident = _identitas(pegawai, tanggal)
    skp.jabatan, skp.unit = ident.jabatan, ident.unit
    skp.pegawai_nama = pegawai.nama_lengkap
    skp.pegawai_golongan = pegawai.golongan
    skp.jabatan_nama = ident.jabatan.nama if ident.jabatan else ""
    skp.jabatan_jenis = ident.jabatan.jenis if ident.jabatan else ""
    skp.unit_nama = ident.unit.nama if ident.unit else ""
    _isi_penilai(skp, ident.penilai, ident.penilai_jabatan)


def _ekspektasi_awal(skp: Skp, salin_dari: Skp | None = None) -> None:
    lama = (
        dict(salin_dari.ekspektasi_set.values_list("perilaku_id", "ekspektasi"))
        if salin_dari
        else {}
    )
    EkspektasiPerilaku.objects.bulk_create(
        EkspektasiPerilaku(skp=skp, perilaku_id=pk, ekspektasi=lama.get(pk, ""))
        for pk in PerilakuKerja.objects.filter(aktif=True).values_list("pk", flat=True)
    )


@transaction.atomic
def skp_create(
    *,
    pegawai: Pegawai,
    periode: PeriodeKinerja,
    oleh: Pegawai | None = None,
    pendekatan: str = Pendekatan.KUANTITATIF,
    tanggal: dt.date | None = None,
) -> Skp:
    """A new draft, identity snapshotted now. Works before the atasan's SKP exists."""
    oleh = oleh or pegawai
    if oleh.pk != pegawai.pk and not _adalah_atasan(oleh, pegawai):
        raise PermissionDenied(_("Hanya pegawai sendiri atau atasannya yang dapat membuat SKP."))
    if periode.instansi_id != pegawai.instansi_id:
        raise ValidationError({"periode": _("Periode dari instansi lain.")})
    if periode.status == StatusPeriode.DITUTUP:
        raise ValidationError({"periode": _("Periode ini sudah ditutup.")})
    if Skp.objects.filter(pegawai=pegawai, periode=periode, aktif=True).exists():
        raise ValidationError(_("SKP untuk periode ini sudah ada."))
    if pendekatan not in Pendekatan.values:
        raise ValidationError({"pendekatan": _("Pendekatan tidak dikenal.")})
    skp = Skp(pegawai=pegawai, periode=periode, pendekatan=pendekatan)
    _isi_identitas(skp, pegawai, tanggal or _hari_ini())
    skp.save()
    _ekspektasi_awal(skp)
    _catat(skp, AksiSkp.DIBUAT, oleh)
    return skp


def _adalah_atasan(oleh: Pegawai, pegawai: Pegawai) -> bool:
    penilai = penilai_sekarang(pegawai)
    return penilai is not None and penilai.pk == oleh.pk


@transaction.atomic
def skp_update_draft(
    *,
    skp: Skp,
    oleh: Pegawai,
    revisi: int,
    pendekatan: str,
    dukungan_sumber_daya: str = "",
    skema_pertanggungjawaban: str = "",
    konsekuensi: str = "",
) -> Skp:
    if pendekatan not in Pendekatan.values:
        raise ValidationError({"pendekatan": _("Pendekatan tidak dikenal.")})
    current = _kunci(skp, oleh=oleh, revisi=revisi)
    current.pendekatan = pendekatan
    current.dukungan_sumber_daya = dukungan_sumber_daya.strip()
    current.skema_pertanggungjawaban = skema_pertanggungjawaban.strip()
    current.konsekuensi = konsekuensi.strip()
    current.save(
        update_fields=[
            "pendekatan",
            "dukungan_sumber_daya",
            "skema_pertanggungjawaban",
            "konsekuensi",
            "revisi",
            "diubah_pada",
        ]
    )
    return current


# --- RHK and indikator ---------------------------------------------------------------------


def _cek_rhk_atasan(skp: Skp, rhk_atasan: Rhk | None) -> None:
    """A linked RHK must belong to the current pejabat penilai's SKP of the same periode."""
    if rhk_atasan is None:
        return
    penilai = penilai_sekarang(skp.pegawai)
    atasan_skp = rhk_atasan.skp
    if (
        penilai is None
        or atasan_skp.pegawai_id != penilai.pk
        or atasan_skp.periode_id != skp.periode_id
        or not atasan_skp.aktif
    ):
        raise ValidationError(
            {"rhk_atasan": _("RHK yang dipilih bukan RHK pejabat penilai Anda pada periode ini.")}
        )


def _cek_indikator_pk(skp: Skp, indikator_pk: IndikatorPK | None) -> None:
    if indikator_pk is None:
        return
    perjanjian = indikator_pk.sasaran.perjanjian
    opd_id = (skp.unit.opd_id or skp.unit_id) if skp.unit else None
    if perjanjian.periode_id != skp.periode_id or perjanjian.unit_id != opd_id:
        raise ValidationError(
            {"indikator_pk": _("Indikator bukan dari Perjanjian Kinerja OPD Anda tahun ini.")}
        )


def _cek_jenis(jenis: str, teks: str) -> str:
    if jenis not in JenisRhk.values:
        raise ValidationError({"jenis": _("Jenis RHK tidak dikenal.")})
    return _teks_wajib(teks, "teks", _("Rencana hasil kerja"))


@transaction.atomic
def rhk_add(
    *,
    skp: Skp,
    oleh: Pegawai,
    revisi: int,
    teks: str,
    jenis: str = JenisRhk.UTAMA,
    rhk_atasan: Rhk | None = None,
    indikator_pk: IndikatorPK | None = None,
) -> Rhk:
    teks = _cek_jenis(jenis, teks)
    _cek_rhk_atasan(skp, rhk_atasan)
    _cek_indikator_pk(skp, indikator_pk)
    current = _kunci(skp, oleh=oleh, revisi=revisi)
    urutan = (current.rhk_set.filter(jenis=jenis).aggregate(m=Max("urutan"))["m"] or 0) + 1
    return Rhk.objects.create(
        skp=current,
        jenis=jenis,
        teks=teks,
        urutan=urutan,
        rhk_atasan=rhk_atasan,
        indikator_pk=indikator_pk,
    )


@transaction.atomic
def rhk_update(
    *,
    rhk: Rhk,
    oleh: Pegawai,
    revisi: int,
    teks: str,
    jenis: str,
    rhk_atasan: Rhk | None,
    indikator_pk: IndikatorPK | None = None,
) -> Rhk:
    teks = _cek_jenis(jenis, teks)
    _cek_rhk_atasan(rhk.skp, rhk_atasan)
    _cek_indikator_pk(rhk.skp, indikator_pk)
    rhk.skp = _kunci(rhk.skp, oleh=oleh, revisi=revisi)
    rhk.teks, rhk.jenis, rhk.rhk_atasan, rhk.indikator_pk = teks, jenis, rhk_atasan, indikator_pk
    rhk.save()
    return rhk


@transaction.atomic
def rhk_delete(*, rhk: Rhk, oleh: Pegawai, revisi: int) -> Skp:
    skp = _kunci(rhk.skp, oleh=oleh, revisi=revisi)
    rhk.delete()
    return skp


def _cek_indikator(
    aspek: str,
    teks: str,
    target_angka: Decimal | None,
    target_satuan: str,
    target_teks: str,
    sumber_realisasi: str,
) -> dict[str, Any]:
    if aspek not in Aspek.values:
        raise ValidationError({"aspek": _("Aspek tidak dikenal.")})
    if sumber_realisasi not in SumberRealisasi.values:
        raise ValidationError({"sumber_realisasi": _("Sumber realisasi tidak dikenal.")})
    if sumber_realisasi == SumberRealisasi.IKM and aspek != Aspek.KUALITAS:
        raise ValidationError(
            {"aspek": _("Realisasi dari IKM hanya untuk indikator beraspek kualitas.")}
        )
    angka, satuan, teks_target = _target(
        target_angka, target_satuan, target_teks, satuan_field="target_satuan"
    )
    return {
        "aspek": aspek,
        "teks": _teks_wajib(teks, "teks", _("Indikator")),
        "target_angka": angka,
        "target_satuan": satuan,
        "target_teks": teks_target,
        "sumber_realisasi": sumber_realisasi,
    }


def _unit_ikm(skp: Skp, sumber_realisasi: str, unit_layanan_id: int | None) -> UnitLayanan | None:
    """The unit layanan whose IKM feeds the indikator: required for sumber IKM, and it must be
    a unit layanan of the SKP's OPD (see survei.selectors.unit_layanan_untuk_skp)."""
    if sumber_realisasi != SumberRealisasi.IKM:
        return None
    if unit_layanan_id is None:
        raise ValidationError(
            {"unit_layanan_id": _("Pilih unit layanan yang IKM-nya menjadi realisasi.")}
        )
    unit = survei_selectors.unit_layanan_untuk_skp(skp).filter(pk=unit_layanan_id)
    hasil = unit.first()
    if hasil is None:
        raise ValidationError({"unit_layanan_id": _("Unit layanan tidak ditemukan di OPD Anda.")})
    return hasil


@transaction.atomic
def indikator_add(
    *,
    rhk: Rhk,
    oleh: Pegawai,
    revisi: int,
    teks: str,
    aspek: str = Aspek.KUANTITAS,
    target_angka: Decimal | None = None,
    target_satuan: str = "",
    target_teks: str = "",
    sumber_realisasi: str = SumberRealisasi.LAPORAN,
    unit_layanan_id: int | None = None,
) -> IndikatorKinerja:
    data = _cek_indikator(aspek, teks, target_angka, target_satuan, target_teks, sumber_realisasi)
    unit = _unit_ikm(rhk.skp, sumber_realisasi, unit_layanan_id)
    rhk.skp = _kunci(rhk.skp, oleh=oleh, revisi=revisi)
    urutan = (rhk.indikator_set.aggregate(m=Max("urutan"))["m"] or 0) + 1
    indikator = IndikatorKinerja.objects.create(rhk=rhk, urutan=urutan, **data)
    if unit is not None:
        survei_services.sumber_ikm_set(indikator=indikator, unit_layanan=unit)
    return indikator


@transaction.atomic
def indikator_update(
    *,
    indikator: IndikatorKinerja,
    oleh: Pegawai,
    revisi: int,
    teks: str,
    aspek: str,
    target_angka: Decimal | None,
    target_satuan: str,
    target_teks: str,
    sumber_realisasi: str = SumberRealisasi.LAPORAN,
    unit_layanan_id: int | None = None,
) -> IndikatorKinerja:
    data = _cek_indikator(aspek, teks, target_angka, target_satuan, target_teks, sumber_realisasi)
    unit = _unit_ikm(indikator.rhk.skp, sumber_realisasi, unit_layanan_id)
    indikator.rhk.skp = _kunci(indikator.rhk.skp, oleh=oleh, revisi=revisi)
    for name, value in data.items():
        setattr(indikator, name, value)
    indikator.save()
    survei_services.sumber_ikm_set(indikator=indikator, unit_layanan=unit)
    return indikator


@transaction.atomic
def indikator_delete(*, indikator: IndikatorKinerja, oleh: Pegawai, revisi: int) -> Skp:
    skp = _kunci(indikator.rhk.skp, oleh=oleh, revisi=revisi)
    indikator.delete()
    return skp


# --- workflow ------------------------------------------------------------------------------


def skp_masalah_pengajuan(skp: Skp) -> list[str]:
    """What blocks submission, as messages for the pegawai (empty when the SKP may be submitted)."""
    masalah: list[str] = []
    rhk_list = list(
        skp.rhk_set.select_related("rhk_atasan__skp", "indikator_pk__sasaran__perjanjian")
        .prefetch_related("indikator_set")
        .order_by("-jenis", "urutan", "pk")
    )
    if not any(r.jenis == JenisRhk.UTAMA and r.indikator_set.all() for r in rhk_list):
        masalah.append(_("Isi minimal satu RHK utama dengan minimal satu indikator."))
    jpt = skp.jabatan_jenis == JenisJabatan.JPT
    penilai = None if jpt else penilai_sekarang(skp.pegawai)
    if not jpt and penilai is None:
        masalah.append(_("Pejabat penilai Anda belum tercatat; hubungi operator OPD."))
    opd_id = (skp.unit.opd_id or skp.unit_id) if skp.unit else None
    for nomor, rhk in enumerate(rhk_list, start=1):
        label = _("RHK %(nomor)s (%(teks)s)") % {"nomor": nomor, "teks": rhk.teks[:60]}
        if not rhk.indikator_set.all():
            masalah.append(_("%(rhk)s: belum ada indikator.") % {"rhk": label})
        if jpt:
            pk = rhk.indikator_pk
            if pk is None or (
                pk.sasaran.perjanjian.periode_id != skp.periode_id
                or pk.sasaran.perjanjian.unit_id != opd_id
            ):
                masalah.append(
                    _("%(rhk)s: pilih indikator Perjanjian Kinerja OPD yang didukung.")
                    % {"rhk": label}
                )
            continue
        atasan = rhk.rhk_atasan
        if atasan is None:
            masalah.append(_("%(rhk)s: pilih RHK pimpinan yang diintervensi.") % {"rhk": label})
        elif penilai is not None and (
            atasan.skp.pegawai_id != penilai.pk
            or atasan.skp.periode_id != skp.periode_id
            or not atasan.skp.aktif
            or atasan.skp.status not in {StatusSkp.DIAJUKAN, StatusSkp.DISETUJUI}
        ):
            masalah.append(
                _(
                    "%(rhk)s: RHK pimpinan yang dipilih bukan dari SKP pejabat penilai Anda "
                    "yang sudah diajukan atau disetujui."
                )
                % {"rhk": label}
            )
    return masalah


@transaction.atomic
def skp_submit(*, skp: Skp, oleh: Pegawai, revisi: int | None = None) -> Skp:
    current = _kunci(skp, oleh=oleh, revisi=skp.revisi if revisi is None else revisi)
    masalah = skp_masalah_pengajuan(current)
    if masalah:
        raise ValidationError(masalah)
    ident = _identitas(current.pegawai, _hari_ini())
    if ident.penilai is not None and ident.penilai.pk != current.pejabat_penilai_id:
        # not signed yet: the snapshot follows the atasan who will approve it
        _isi_penilai(current, ident.penilai, ident.penilai_jabatan)
    current.status = StatusSkp.DIAJUKAN
    current.diajukan_pada = timezone.now()
    current.save()
    _catat(current, AksiSkp.DIAJUKAN, oleh)
    return current


def _kunci_diajukan(skp: Skp, oleh: Pegawai) -> Skp:
    current = Skp.objects.select_for_update().select_related("pegawai").get(pk=skp.pk)
    _wajib_penilai(current, oleh)
    if current.status != StatusSkp.DIAJUKAN:
        raise ValidationError(_("Hanya SKP yang sedang diajukan yang dapat diproses."))
    return current


@transaction.atomic
def skp_return(*, skp: Skp, oleh: Pegawai, catatan: str) -> Skp:
    current = _kunci_diajukan(skp, oleh)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Tulis catatan: apa yang perlu diperbaiki.")})
    current.status = StatusSkp.DIKEMBALIKAN
    current.catatan_pengembalian = catatan
    current.revisi += 1
    current.save()
    _catat(current, AksiSkp.DIKEMBALIKAN, oleh, catatan)
    return current


def _kode_baru() -> str:
    while True:
        kode = "".join(secrets.choice(KODE_ALFABET) for _i in range(8))
        if not SkpVersi.objects.filter(kode=kode).exists():
            return kode


def skp_snapshot(skp: Skp) -> dict[str, Any]:
    """The frozen content of an approved version: what the PDF and verification page show."""
    rhk_rows = []
    for rhk in (
        skp.rhk_set.select_related("rhk_atasan", "indikator_pk")
        .prefetch_related("indikator_set")
        .order_by("-jenis", "urutan", "pk")
    ):
        rhk_rows.append(
            {
                "id": rhk.pk,
                "jenis": rhk.jenis,
                "teks": rhk.teks,
                "rhk_atasan": rhk.rhk_atasan.teks if rhk.rhk_atasan else "",
                "indikator_pk": rhk.indikator_pk.indikator if rhk.indikator_pk else "",
                "indikator": [
                    {
                        "aspek": ind.aspek,
                        "aspek_label": str(Aspek(ind.aspek).label),
                        "teks": ind.teks,
                        "target": ind.target,
                        "target_angka": str(ind.target_angka)
                        if ind.target_angka is not None
                        else None,
                        "target_satuan": ind.target_satuan,
                        "target_teks": ind.target_teks,
                        "sumber_realisasi": ind.sumber_realisasi,
                    }
                    for ind in rhk.indikator_set.all()
                ],
            }
        )
    perilaku = [
        {
            "kode": e.perilaku.kode,
            "nama": e.perilaku.nama,
            "panduan": e.perilaku.panduan,
            "ekspektasi": e.ekspektasi,
        }
        for e in skp.ekspektasi_set.select_related("perilaku").order_by("perilaku__urutan")
    ]
    return {
        "versi": skp.versi,
        "periode": {
            "tahun": skp.periode.tahun,
            "mulai": skp.periode.mulai.isoformat(),
            "selesai": skp.periode.selesai.isoformat(),
        },
        "pendekatan": skp.pendekatan,
        "pegawai": {
            "nama": skp.pegawai_nama,
            "nip": skp.pegawai.nip,
            "golongan": skp.pegawai_golongan,
            "jabatan": skp.jabatan_nama,
            "unit": skp.unit_nama,
        },
        "penilai": {
            "nama": skp.penilai_nama,
            "nip": skp.penilai_nip,
            "golongan": skp.penilai_golongan,
            "jabatan": skp.penilai_jabatan_nama,
            "unit": skp.penilai_unit_nama,
        },
        "rhk": rhk_rows,
        "perilaku": perilaku,
        "lampiran": {
            "dukungan_sumber_daya": skp.dukungan_sumber_daya,
            "skema_pertanggungjawaban": skp.skema_pertanggungjawaban,
            "konsekuensi": skp.konsekuensi,
        },
    }


@transaction.atomic
def skp_approve(*, skp: Skp, oleh: Pegawai) -> SkpVersi:
    current = _kunci_diajukan(skp, oleh)
    now = timezone.now()
    current.status = StatusSkp.DISETUJUI
    current.disetujui_pada = now
    current.disetujui_oleh = oleh
    current.catatan_pengembalian = ""
    current.revisi += 1
    current.save()
    snapshot = skp_snapshot(current)
    snapshot["disetujui_oleh"] = {"nama": oleh.nama_lengkap, "nip": oleh.nip}
    snapshot["disetujui_pada"] = now.isoformat()
    versi = SkpVersi.objects.create(
        skp=current, kode=_kode_baru(), snapshot=snapshot, disetujui_oleh=oleh, disetujui_pada=now
    )
    _catat(current, AksiSkp.DISETUJUI, oleh)
    return versi


@transaction.atomic
def skp_set_ekspektasi(*, skp: Skp, oleh: Pegawai, ekspektasi: dict[int, str]) -> Skp:
    """The atasan's ekspektasi khusus per BerAKHLAK value (perilaku id → text)."""
    current = Skp.objects.select_for_update().select_related("pegawai").get(pk=skp.pk)
    _wajib_penilai(current, oleh)
    if current.status == StatusSkp.DISETUJUI:
        raise ValidationError(_("SKP yang sudah disetujui tidak dapat diubah."))
    rows = {e.perilaku_id: e for e in current.ekspektasi_set.all()}
    for perilaku_id, teks in ekspektasi.items():
        if perilaku_id not in rows:
            raise ValidationError(_("Perilaku kerja tidak dikenal."))
        rows[perilaku_id].ekspektasi = (teks or "").strip()[:2000]
    EkspektasiPerilaku.objects.bulk_update(list(rows.values()), ["ekspektasi"])
    return current


def _salin_rhk(dari: Skp, ke: Skp, *, dengan_tautan: bool) -> None:
    for rhk in dari.rhk_set.prefetch_related("indikator_set").order_by("-jenis", "urutan", "pk"):
        baru = Rhk.objects.create(
            skp=ke,
            jenis=rhk.jenis,
            urutan=rhk.urutan,
            teks=rhk.teks,
            rhk_atasan_id=rhk.rhk_atasan_id if dengan_tautan else None,
            indikator_pk_id=rhk.indikator_pk_id if dengan_tautan else None,
        )
        IndikatorKinerja.objects.bulk_create(
            IndikatorKinerja(
                rhk=baru,
                urutan=ind.urutan,
                aspek=ind.aspek,
                teks=ind.teks,
                target_angka=ind.target_angka,
                target_satuan=ind.target_satuan,
                target_teks=ind.target_teks,
                sumber_realisasi=ind.sumber_realisasi,
            )
            for ind in rhk.indikator_set.all()
        )


@transaction.atomic
def skp_revise(*, skp: Skp, oleh: Pegawai, alasan: str = "") -> Skp:
    """Approved SKP → a new draft version (identity re-snapshotted); the old one stays read-only."""
    lama = Skp.objects.select_for_update().get(pk=skp.pk)
    if lama.pegawai_id != oleh.pk:
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat membuat revisi."))
    if lama.status != StatusSkp.DISETUJUI or not lama.aktif:
        raise ValidationError(_("Revisi dibuat dari versi berlaku yang sudah disetujui."))
    Skp.objects.filter(pk=lama.pk).update(aktif=False)
    baru = Skp(
        pegawai=lama.pegawai,
        periode=lama.periode,
        versi=lama.versi + 1,
        revisi_dari=lama,
        pendekatan=lama.pendekatan,
        dukungan_sumber_daya=lama.dukungan_sumber_daya,
        skema_pertanggungjawaban=lama.skema_pertanggungjawaban,
        konsekuensi=lama.konsekuensi,
    )
    _isi_identitas(baru, lama.pegawai, _hari_ini())
    baru.save()
    _salin_rhk(lama, baru, dengan_tautan=True)
    _ekspektasi_awal(baru, salin_dari=lama)
    _catat(baru, AksiSkp.DIREVISI, oleh, (alasan or "").strip())
    return baru


@transaction.atomic
def skp_copy_from_last_year(*, pegawai: Pegawai, periode: PeriodeKinerja, oleh: Pegawai) -> Skp:
    """A new draft for `periode` with last year's RHK and indikator (links to be chosen again)."""
    lalu = (
        Skp.objects.filter(
            pegawai=pegawai,
            periode__instansi_id=periode.instansi_id,
            periode__tahun=periode.tahun - 1,
            aktif=True,
        )
        .order_by("-versi")
        .first()
    )
    if lalu is None:
        raise ValidationError(_("Tidak ada SKP tahun lalu untuk disalin."))
    skp = skp_create(pegawai=pegawai, periode=periode, oleh=oleh, pendekatan=lalu.pendekatan)
    _salin_rhk(lalu, skp, dengan_tautan=False)
    return skp


# --- templates and bulk assignment ---------------------------------------------------------


@transaction.atomic
def template_create_from_skp(*, skp: Skp, oleh: Pegawai, nama: str) -> TemplateSkp:
    """Save an SKP's RHK and indikator as a template for its jabatan."""
    if oleh.pk != skp.pegawai_id and not _adalah_atasan(oleh, skp.pegawai):
        raise PermissionDenied(_("Hanya pemilik SKP atau atasannya yang dapat membuat template."))
    isi = [
        {k: v for k, v in row.items() if k in {"jenis", "teks", "indikator"}}
        for row in skp_snapshot(skp)["rhk"]
    ]
    return TemplateSkp.objects.create(
        instansi_id=skp.periode.instansi_id,
        jabatan=skp.jabatan,
        nama=_teks_wajib(nama, "nama", _("Nama template"))[:200],
        isi=isi,
        dibuat_oleh=oleh,
    )


@transaction.atomic
def skp_apply_template(*, skp: Skp, oleh: Pegawai, revisi: int, template: TemplateSkp) -> Skp:
    """Append the template's RHK and indikator to a draft."""
    if template.instansi_id != skp.periode.instansi_id:
        raise ValidationError(_("Template dari instansi lain."))
    current = _kunci(skp, oleh=oleh, revisi=revisi)
    _tambah_rhk_data(current, template.isi)
    return current


def _tambah_rhk_data(skp: Skp, rows: list[dict[str, Any]], rhk_atasan: Rhk | None = None) -> int:
    start = skp.rhk_set.aggregate(m=Max("urutan"))["m"] or 0
    for offset, row in enumerate(rows, start=1):
        rhk = Rhk.objects.create(
            skp=skp,
            jenis=row.get("jenis", JenisRhk.UTAMA),
            teks=row["teks"],
            urutan=start + offset,
            rhk_atasan=rhk_atasan,
        )
        IndikatorKinerja.objects.bulk_create(
            IndikatorKinerja(
                rhk=rhk,
                urutan=n,
                **_cek_indikator(
                    ind.get("aspek", Aspek.KUANTITAS),
                    ind.get("teks", ""),
                    Decimal(ind["target_angka"]) if ind.get("target_angka") else None,
                    ind.get("target_satuan", ""),
                    ind.get("target_teks", ""),
                    ind.get("sumber_realisasi", SumberRealisasi.LAPORAN),
                ),
            )
            for n, ind in enumerate(row.get("indikator", []), start=1)
        )
    return len(rows)


@dataclass
class HasilPenugasan:
    ditambahkan: list[int] = field(default_factory=list)  # pegawai ids
    draf_baru: list[int] = field(default_factory=list)
    dilewati: list[int] = field(default_factory=list)  # SKP submitted or approved


@transaction.atomic
def rhk_assign_bulk(
    *,
    oleh: Pegawai,
    rhk_atasan: Rhk,
    bawahan: list[Pegawai],
    teks: str,
    indikator: list[dict[str, Any]],
    jenis: str = JenisRhk.UTAMA,
) -> HasilPenugasan:
    """The atasan gives one RHK (linked to their own RHK) with indicators to many bawahan."""
    if rhk_atasan.skp.pegawai_id != oleh.pk or not rhk_atasan.skp.aktif:
        raise ValidationError({"rhk_atasan": _("Pilih RHK dari SKP Anda yang berlaku.")})
    teks = _cek_jenis(jenis, teks)
    if not indikator:
        raise ValidationError({"indikator": _("Isi minimal satu indikator.")})
    for ind in indikator:  # validate all before writing anything
        _cek_indikator(
            ind.get("aspek", Aspek.KUANTITAS),
            ind.get("teks", ""),
            Decimal(ind["target_angka"]) if ind.get("target_angka") else None,
            ind.get("target_satuan", ""),
            ind.get("target_teks", ""),
            ind.get("sumber_realisasi", SumberRealisasi.LAPORAN),
        )
    boleh = set(hierarki.bawahan_ids(oleh))
    if not bawahan or any(p.pk not in boleh for p in bawahan):
        raise PermissionDenied(_("Hanya bawahan langsung Anda yang dapat diberi RHK."))
    periode = rhk_atasan.skp.periode
    hasil = HasilPenugasan()
    ada = {
        s.pegawai_id: s
        for s in Skp.objects.filter(periode=periode, aktif=True, pegawai__in=bawahan)
    }
    for pegawai in bawahan:
        skp = ada.get(pegawai.pk)
        if skp is None:
            skp = skp_create(pegawai=pegawai, periode=periode, oleh=oleh)
            hasil.draf_baru.append(pegawai.pk)
        elif not skp.bisa_diubah:
            hasil.dilewati.append(pegawai.pk)
            continue
        _tambah_rhk_data(skp, [{"jenis": jenis, "teks": teks, "indikator": indikator}], rhk_atasan)
        Skp.objects.filter(pk=skp.pk).update(revisi=F("revisi") + 1)  # open editors see a change
        hasil.ditambahkan.append(pegawai.pk)
    return hasil
