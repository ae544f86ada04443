"""Writes of the "pelatihan" part: the catalogue, enrolments, completions with a certificate,
external training and the JP ledger (`CapaianJp`).

Every function is keyword-only and atomic, validates first and raises ValidationError with
Indonesian messages per field (nothing stored on an error); a user acting outside their role gets
PermissionDenied. JP enters the ledger only here: on completion of an enrolment
(`pendaftaran_selesaikan`) and on verification of an external training (`eksternal_verifikasi`);
the admin's reversal (`pendaftaran_koreksi`) removes it again.

Quota: an item's places are taken by enrolments in a living status (diajukan, disetujui,
selesai). Enrolling locks the catalogue row (`select_for_update`) before counting, so two
requests for the last place cannot both succeed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.unggahan import JPG, PDF, PNG, BerkasDiperiksa, periksa_berkas
from kinerja.notifikasi.services import notifikasi_kirim
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.pengembangan.jp import menit_ke_jp
from kinerja.pengembangan.models import (
    STATUS_PENDAFTARAN_HIDUP,
    BentukPelatihan,
    BidangKompetensi,
    CapaianJp,
    Pelatihan,
    PelatihanEksternal,
    Pendaftaran,
    StatusPendaftaran,
    StatusVerifikasi,
    TopikKompetensi,
)
from kinerja.pengembangan.pengaturan import pengaturan

JENIS_SERTIFIKAT = (PDF, JPG, PNG)
JP_MAKS = Decimal("999.99")
ALL = "__all__"


# --- helpers -----------------------------------------------------------------------------------


def _hari_ini() -> dt.date:
    return timezone.localdate()


def _wajib_admin(admin: Pegawai) -> None:
    profil = akses_pengguna(admin)
    if profil is None or not profil.admin:
        raise PermissionDenied(_("Hanya admin BKPSDMD yang dapat melakukan ini."))


def terisi(pelatihan: Pelatihan) -> int:
    """Places taken (living enrolments) of a catalogue item: 1 query."""
    return Pendaftaran.objects.filter(
        pelatihan=pelatihan, status__in=STATUS_PENDAFTARAN_HIDUP
    ).count()


def _kunci_pelatihan(pelatihan: Pelatihan) -> Pelatihan:
    return Pelatihan.objects.select_for_update().get(pk=pelatihan.pk)


def _periksa_bisa_daftar(pelatihan: Pelatihan, pegawai: Pegawai) -> None:
    """The catalogue item (locked by the caller) takes this pegawai: active, not finished, a
    place left, not already enrolled."""
    if not pelatihan.aktif:
        raise ValidationError({"pelatihan": _("Pelatihan ini tidak aktif.")})
    if pelatihan.selesai is not None and pelatihan.selesai < _hari_ini():
        raise ValidationError({"pelatihan": _("Pelatihan ini sudah berakhir.")})
    hidup = Pendaftaran.objects.filter(pelatihan=pelatihan, status__in=STATUS_PENDAFTARAN_HIDUP)
    if hidup.filter(pegawai=pegawai).exists():
        raise ValidationError({"pelatihan": _("Pegawai ini sudah terdaftar pada pelatihan ini.")})
    if pelatihan.kuota is not None and hidup.count() >= pelatihan.kuota:
        raise ValidationError({"pelatihan": _("Kuota pelatihan ini sudah penuh.")})


def _sertifikat(sertifikat: UploadedFile | None) -> BerkasDiperiksa:
    if sertifikat is None:
        raise ValidationError({"sertifikat": _("Unggah sertifikat (PDF, JPG atau PNG).")})
    try:
        return periksa_berkas(sertifikat, diizinkan=JENIS_SERTIFIKAT)
    except ValidationError as exc:
        raise ValidationError({"sertifikat": exc.messages}) from exc


def _url(nama: str, *args: Any) -> str:
    return reverse(f"pengembangan:{nama}", args=args)


# --- catalogue ---------------------------------------------------------------------------------


@transaction.atomic
def pelatihan_simpan(
    *,
    oleh: Pegawai,
    pelatihan: Pelatihan | None = None,
    judul: str,
    bidang: str,
    bentuk: str,
    penyelenggara: str,
    jp: Decimal | None,
    deskripsi: str = "",
    topik: Iterable[TopikKompetensi] = (),
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    kuota: int | None = None,
    lokasi: str = "",
    aktif: bool = True,
) -> Pelatihan:
    """Create (pelatihan=None) or change a catalogue item; admin BKPSDMD only."""
    _wajib_admin(oleh)
    galat: dict[str, str] = {}
    judul = (judul or "").strip()
    penyelenggara = (penyelenggara or "").strip()
    if not judul:
        galat["judul"] = _("Judul wajib diisi.")
    if not penyelenggara:
        galat["penyelenggara"] = _("Penyelenggara wajib diisi.")
    if bidang not in BidangKompetensi.values:
        galat["bidang"] = _("Pilih bidang kompetensi.")
    if bentuk not in BentukPelatihan.values:
        galat["bentuk"] = _("Pilih bentuk pelatihan.")
    if jp is None or jp <= 0:
        galat["jp"] = _("JP harus lebih dari 0.")
    elif jp > JP_MAKS:
        galat["jp"] = _("JP terlalu besar.")
    if mulai and selesai and selesai < mulai:
        galat["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if kuota is not None and kuota < 0:
        galat["kuota"] = _("Kuota tidak boleh negatif.")
    if pelatihan is not None and kuota is not None and "kuota" not in galat:
        pelatihan = _kunci_pelatihan(pelatihan)
        sudah = terisi(pelatihan)
        if kuota < sudah:
            galat["kuota"] = _("Kuota tidak boleh kurang dari %(n)s tempat yang sudah terisi.") % {
                "n": sudah
            }
    if galat:
        raise ValidationError(galat)
    obj = pelatihan or Pelatihan(dibuat_oleh=oleh)
    obj.judul = judul[:200]
    obj.deskripsi = deskripsi or ""
    obj.bidang = bidang
    obj.bentuk = bentuk
    obj.penyelenggara = penyelenggara[:200]
    obj.jp = jp  # type: ignore[assignment]
    obj.mulai = mulai
    obj.selesai = selesai
    obj.kuota = kuota
    obj.lokasi = (lokasi or "")[:200]
    obj.aktif = aktif
    obj.save()
    obj.topik.set(list(topik))
    return obj


# --- enrolment ---------------------------------------------------------------------------------


@transaction.atomic
def pendaftaran_ajukan(*, pegawai: Pegawai, pelatihan: Pelatihan, alasan: str = "") -> Pendaftaran:
    """The pegawai asks to join a catalogue item; their current atasan langsung decides."""
    pelatihan = _kunci_pelatihan(pelatihan)
    _periksa_bisa_daftar(pelatihan, pegawai)
    atasan = hierarki.atasan_langsung(pegawai, _hari_ini())
    if atasan is None:
        raise ValidationError(
            {
                ALL: _(
                    "Atasan langsung Anda tidak ditemukan, sehingga permintaan tidak dapat "
                    "diajukan. Hubungi operator OPD untuk memperbaiki data jabatan."
                )
            }
        )
    daftar = Pendaftaran.objects.create(
        pelatihan=pelatihan,
        pegawai=pegawai,
        status=StatusPendaftaran.DIAJUKAN,
        diajukan_oleh=pegawai,
        alasan=(alasan or "").strip()[:2000],
        atasan=atasan,
    )
    notifikasi_kirim(
        penerima=[atasan],
        jenis="pelatihan_diajukan",
        judul=_("%(nama)s meminta persetujuan pelatihan") % {"nama": pegawai.nama_lengkap},
        isi=pelatihan.judul,
        url=_url("persetujuan"),
    )
    return daftar


@transaction.atomic
def pendaftaran_tugaskan(
    *, atasan: Pegawai, pegawai: Pegawai, pelatihan: Pelatihan, alasan: str
) -> Pendaftaran:
    """The atasan assigns one of their bawahan langsung: approved at once."""
    if pegawai.pk not in hierarki.bawahan_ids(atasan, _hari_ini()):
        raise PermissionDenied(_("Pegawai ini bukan bawahan langsung Anda."))
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan penugasan pelatihan ini.")})
    pelatihan = _kunci_pelatihan(pelatihan)
    _periksa_bisa_daftar(pelatihan, pegawai)
    sekarang = timezone.now()
    daftar = Pendaftaran.objects.create(
        pelatihan=pelatihan,
        pegawai=pegawai,
        status=StatusPendaftaran.DISETUJUI,
        diajukan_oleh=atasan,
        alasan=alasan[:2000],
        atasan=atasan,
        diputus_oleh=atasan,
        diputus_pada=sekarang,
    )
    notifikasi_kirim(
        penerima=[pegawai],
        jenis="pelatihan_ditugaskan",
        judul=_("Anda ditugaskan mengikuti pelatihan %(judul)s") % {"judul": pelatihan.judul},
        isi=alasan,
        url=_url("pendaftaran_detail", daftar.pk),
    )
    return daftar


def _kunci_pendaftaran(pendaftaran: Pendaftaran) -> Pendaftaran:
    return (
        Pendaftaran.objects.select_for_update()
        .select_related("pelatihan", "pegawai")
        .get(pk=pendaftaran.pk)
    )


@transaction.atomic
def pendaftaran_putus(
    *, oleh: Pegawai, pendaftaran: Pendaftaran, setuju: bool, catatan: str = ""
) -> Pendaftaran:
    """The pegawai's CURRENT atasan langsung (Plt-aware) approves or declines a request."""
    daftar = _kunci_pendaftaran(pendaftaran)
    atasan = hierarki.atasan_langsung(daftar.pegawai, _hari_ini())
    if atasan is None or atasan.pk != oleh.pk:
        raise PermissionDenied(
            _("Hanya atasan langsung pegawai saat ini yang dapat memutuskan permintaan ini.")
        )
    if daftar.status != StatusPendaftaran.DIAJUKAN:
        raise ValidationError({ALL: _("Permintaan ini sudah diputuskan atau dibatalkan.")})
    catatan = (catatan or "").strip()
    if not setuju and not catatan:
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})
    pelatihan = daftar.pelatihan
    if setuju and pelatihan.selesai is not None and pelatihan.selesai < _hari_ini():
        raise ValidationError(
            {ALL: _("Pelatihan ini sudah berakhir; permintaan hanya dapat ditolak.")}
        )
    daftar.status = StatusPendaftaran.DISETUJUI if setuju else StatusPendaftaran.DITOLAK
    daftar.atasan = oleh
    daftar.diputus_oleh = oleh
    daftar.diputus_pada = timezone.now()
    daftar.catatan_atasan = catatan[:2000]
    daftar.revisi += 1
    daftar.save()
    judul = (
        _("Permintaan pelatihan Anda disetujui: %(judul)s")
        if setuju
        else _("Permintaan pelatihan Anda ditolak: %(judul)s")
    ) % {"judul": pelatihan.judul}
    notifikasi_kirim(
        penerima=[daftar.pegawai],
        jenis="pelatihan_disetujui" if setuju else "pelatihan_ditolak",
        judul=judul,
        isi=catatan,
        url=_url("pendaftaran_detail", daftar.pk),
    )
    return daftar


@transaction.atomic
def pendaftaran_batal(*, pegawai: Pegawai, pendaftaran: Pendaftaran) -> Pendaftaran:
    """The pegawai withdraws a waiting or approved enrolment (the place is freed)."""
    daftar = _kunci_pendaftaran(pendaftaran)
    if daftar.pegawai_id != pegawai.pk:
        raise PermissionDenied(_("Hanya pegawai yang bersangkutan yang dapat membatalkan."))
    if daftar.status not in (StatusPendaftaran.DIAJUKAN, StatusPendaftaran.DISETUJUI):
        raise ValidationError(
            {ALL: _("Hanya pendaftaran yang menunggu atau disetujui yang dapat dibatalkan.")}
        )
    daftar.status = StatusPendaftaran.DIBATALKAN
    daftar.revisi += 1
    daftar.save()
    return daftar


@transaction.atomic
def pendaftaran_selesaikan(
    *,
    oleh: Pegawai,
    pendaftaran: Pendaftaran,
    tanggal_selesai: dt.date | None,
    sertifikat: UploadedFile | None,
) -> Pendaftaran:
    """The pegawai reports completion of an approved enrolment with the certificate: the item's
    JP enters the ledger (once)."""
    daftar = _kunci_pendaftaran(pendaftaran)
    if daftar.pegawai_id != oleh.pk:
        raise PermissionDenied(_("Hanya pegawai yang bersangkutan yang dapat melaporkan selesai."))
    if daftar.status != StatusPendaftaran.DISETUJUI:
        raise ValidationError(
            {ALL: _("Hanya pendaftaran yang sudah disetujui atasan yang dapat diselesaikan.")}
        )
    pelatihan = daftar.pelatihan
    galat: dict[str, Any] = {}
    if tanggal_selesai is None:
        galat["tanggal_selesai"] = _("Isi tanggal selesai.")
    elif tanggal_selesai > _hari_ini():
        galat["tanggal_selesai"] = _("Tanggal selesai tidak boleh di masa depan.")
    elif pelatihan.mulai is not None and tanggal_selesai < pelatihan.mulai:
        galat["tanggal_selesai"] = _(
            "Tanggal selesai tidak boleh sebelum pelatihan dimulai (%(mulai)s)."
        ) % {"mulai": pelatihan.mulai.strftime("%d-%m-%Y")}
    berkas: BerkasDiperiksa | None = None
    try:
        berkas = _sertifikat(sertifikat)
    except ValidationError as exc:
        galat.update(exc.message_dict)
    if galat:
        raise ValidationError(galat)
    assert berkas is not None and tanggal_selesai is not None
    daftar.sertifikat.save(berkas.berkas.name or "sertifikat.pdf", berkas.berkas, save=False)
    daftar.sertifikat_nama = berkas.nama_asli
    daftar.status = StatusPendaftaran.SELESAI
    daftar.selesai_pada = tanggal_selesai
    daftar.jp = pelatihan.jp
    daftar.revisi += 1
    daftar.save()
    CapaianJp.objects.create(
        pegawai_id=daftar.pegawai_id,
        tahun=tanggal_selesai.year,
        tanggal=tanggal_selesai,
        jp=pelatihan.jp,
        bidang=pelatihan.bidang,
        pendaftaran=daftar,
    )
    notifikasi_kirim(
        penerima=[daftar.atasan_id],
        jenis="pelatihan_selesai",
        judul=_("%(nama)s menyelesaikan pelatihan %(judul)s")
        % {"nama": daftar.pegawai.nama_lengkap, "judul": pelatihan.judul},
        url=_url("pendaftaran_detail", daftar.pk),
    )
    return daftar


@transaction.atomic
def pendaftaran_koreksi(*, admin: Pegawai, pendaftaran: Pendaftaran, alasan: str) -> Pendaftaran:
    """Admin BKPSDMD reverses a completion (e.g. a wrong certificate): the ledger row goes, the
    enrolment becomes tidak_selesai; the reason is kept in the enrolment's history."""
    _wajib_admin(admin)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan koreksi.")})
    daftar = _kunci_pendaftaran(pendaftaran)
    if daftar.status != StatusPendaftaran.SELESAI:
        raise ValidationError({ALL: _("Hanya pelatihan yang sudah selesai yang dapat dikoreksi.")})
    CapaianJp.objects.filter(pendaftaran=daftar).delete()
    daftar.status = StatusPendaftaran.TIDAK_SELESAI
    daftar.jp = None
    daftar.revisi += 1
    daftar._change_reason = alasan[:100]  # type: ignore[attr-defined]
    daftar.save()
    notifikasi_kirim(
        penerima=[daftar.pegawai_id],
        jenis="pelatihan_dikoreksi",
        judul=_("Penyelesaian pelatihan %(judul)s dikoreksi BKPSDMD")
        % {"judul": daftar.pelatihan.judul},
        isi=alasan,
        url=_url("pendaftaran_detail", daftar.pk),
    )
    return daftar


# --- external training -------------------------------------------------------------------------


def _desimal(nilai: Any) -> Decimal | None:
    if nilai is None or nilai == "":
        return None
    try:
        return Decimal(str(nilai))
    except (InvalidOperation, ValueError):
        return Decimal("-1")


@transaction.atomic
def eksternal_catat(
    *,
    pegawai: Pegawai,
    judul: str,
    penyelenggara: str,
    bidang: str,
    bentuk: str,
    mulai: dt.date | None,
    selesai: dt.date | None,
    jp: Decimal | None = None,
    menit: int | None = None,
    topik: Iterable[TopikKompetensi] = (),
    sertifikat: UploadedFile | None,
) -> PelatihanEksternal:
    """A training outside the catalogue, recorded by the pegawai; waits for admin BKPSDMD.
    JP is given directly or computed from minutes (exactly one of the two)."""
    galat: dict[str, Any] = {}
    judul = (judul or "").strip()
    penyelenggara = (penyelenggara or "").strip()
    if not judul:
        galat["judul"] = _("Judul wajib diisi.")
    if not penyelenggara:
        galat["penyelenggara"] = _("Penyelenggara wajib diisi.")
    if bidang not in BidangKompetensi.values:
        galat["bidang"] = _("Pilih bidang kompetensi.")
    if bentuk not in BentukPelatihan.values:
        galat["bentuk"] = _("Pilih bentuk pelatihan.")
    hari_ini = _hari_ini()
    if mulai is None:
        galat["mulai"] = _("Isi tanggal mulai.")
    if selesai is None:
        galat["selesai"] = _("Isi tanggal selesai.")
    elif selesai > hari_ini:
        galat["selesai"] = _("Tanggal selesai tidak boleh di masa depan.")
    elif mulai is not None and selesai < mulai:
        galat["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    nilai_jp = _desimal(jp)
    if (nilai_jp is None) == (menit is None):
        galat["jp"] = _("Isi JP atau durasi dalam menit (salah satu saja).")
    elif menit is not None:
        if menit <= 0:
            galat["menit"] = _("Durasi harus lebih dari 0 menit.")
        else:
            nilai_jp = menit_ke_jp(menit, menit_per_jp=pengaturan().menit_per_jp)
            if nilai_jp <= 0:
                galat["menit"] = _("Durasi terlalu singkat untuk dihitung sebagai JP.")
    if nilai_jp is not None and "jp" not in galat and "menit" not in galat:
        if nilai_jp <= 0:
            galat["jp"] = _("JP harus lebih dari 0.")
        elif nilai_jp > JP_MAKS:
            galat["jp" if menit is None else "menit"] = _("JP terlalu besar.")
        elif nilai_jp != nilai_jp.quantize(Decimal("0.01")):
            galat["jp"] = _("JP paling banyak dua angka desimal.")
    berkas: BerkasDiperiksa | None = None
    try:
        berkas = _sertifikat(sertifikat)
    except ValidationError as exc:
        galat.update(exc.message_dict)
    if galat:
        raise ValidationError(galat)
    assert berkas is not None and nilai_jp is not None
    assert mulai is not None and selesai is not None
    eks = PelatihanEksternal(
        pegawai=pegawai,
        judul=judul[:200],
        penyelenggara=penyelenggara[:200],
        bidang=bidang,
        bentuk=bentuk,
        mulai=mulai,
        selesai=selesai,
        menit=menit,
        jp=nilai_jp,
        sertifikat_nama=berkas.nama_asli,
        status=StatusVerifikasi.MENUNGGU,
    )
    eks.sertifikat.save(berkas.berkas.name or "sertifikat.pdf", berkas.berkas, save=False)
    eks.save()
    eks.topik.set(list(topik))
    return eks


@transaction.atomic
def eksternal_verifikasi(
    *, admin: Pegawai, eksternal: PelatihanEksternal, setuju: bool, catatan: str = ""
) -> PelatihanEksternal:
    """Admin BKPSDMD verifies (→ JP in the ledger) or refuses (catatan required)."""
    _wajib_admin(admin)
    eks = (
        PelatihanEksternal.objects.select_for_update()
        .select_related("pegawai")
        .get(pk=eksternal.pk)
    )
    if eks.status != StatusVerifikasi.MENUNGGU:
        raise ValidationError({ALL: _("Catatan pelatihan ini sudah diverifikasi atau ditolak.")})
    catatan = (catatan or "").strip()
    if not setuju and not catatan:
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})
    eks.status = StatusVerifikasi.DIVERIFIKASI if setuju else StatusVerifikasi.DITOLAK
    eks.diverifikasi_oleh = admin
    eks.diverifikasi_pada = timezone.now()
    eks.catatan_verifikasi = catatan[:2000]
    eks.save()
    if setuju:
        CapaianJp.objects.create(
            pegawai_id=eks.pegawai_id,
            tahun=eks.selesai.year,
            tanggal=eks.selesai,
            jp=eks.jp,
            bidang=eks.bidang,
            eksternal=eks,
        )
    notifikasi_kirim(
        penerima=[eks.pegawai_id],
        jenis="pelatihan_eksternal",
        judul=(
            _("Pelatihan eksternal Anda diverifikasi: %(judul)s")
            if setuju
            else _("Pelatihan eksternal Anda ditolak: %(judul)s")
        )
        % {"judul": eks.judul},
        isi=catatan,
        url=_url("saya"),
    )
    return eks
