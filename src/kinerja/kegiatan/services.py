"""Every write of the kegiatan app: reports, evidence, review, realisasi, templates.

Keyword-only, one transaction per action, validated before anything is stored. Realisasi is
maintained incrementally: approving a report adds its (1 report, minutes, quantity) to the
indikator's month in RealisasiBulanan with F() deltas; un-approving subtracts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kinerja.common.unggahan import BerkasDiperiksa, periksa_berkas
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.skp.models import (
    Aspek,
    IndikatorKinerja,
    PeriodeKinerja,
    Skp,
    StatusSkp,
    SumberRealisasi,
)
from kinerja.skp.services import RevisiBasi

from . import mirip
from .models import (
    BuktiDukung,
    LaporanKegiatan,
    RealisasiBulanan,
    RealisasiManual,
    StatusLaporan,
    TemplateLaporan,
)

NOL = Decimal("0")


class LaporanBasi(RevisiBasi):
    """The report (or manual realisasi) changed since the client loaded it: HTTP 409."""

    def __init__(self, revisi_sekarang: int) -> None:
        super().__init__(revisi_sekarang)
        self.pesan = _(
            "Laporan ini sudah diubah di tab/perangkat lain sejak Anda membukanya. Muat ulang "
            "untuk melihat versi terbaru; isian Anda belum disimpan."
        )
        self.args = (self.pesan,)


def maks_bukti() -> int:
    return int(getattr(settings, "KEGIATAN_MAKS_BUKTI", 5))


# --- checks shared by reports and manual realisasi ---------------------------------------------


def _periode_untuk(pegawai: Pegawai, tanggal: dt.date, field: str = "tanggal") -> PeriodeKinerja:
    """The periode containing `tanggal`; the date must not be in the future nor locked."""
    if tanggal > timezone.localdate():
        raise ValidationError({field: _("Tanggal tidak boleh di masa depan.")})
    periode = PeriodeKinerja.objects.filter(
        instansi_id=pegawai.instansi_id or 0, mulai__lte=tanggal, selesai__gte=tanggal
    ).first()
    if periode is None:
        raise ValidationError({field: _("Tidak ada periode kinerja yang mencakup tanggal ini.")})
    _cek_kunci(periode, tanggal, field)
    return periode


def _cek_kunci(periode: PeriodeKinerja, tanggal: dt.date, field: str = "tanggal") -> None:
    if periode.dikunci_sampai is not None and tanggal <= periode.dikunci_sampai:
        raise ValidationError(
            {
                field: _(
                    "Periode sudah dikunci sampai %(tgl)s; laporan bertanggal itu tidak dapat "
                    "ditambah, diubah, atau dihapus."
                )
                % {"tgl": date_format(periode.dikunci_sampai, "j F Y")}
            }
        )


def _terkunci(pegawai_instansi_id: int | None, tanggal: dt.date) -> PeriodeKinerja | None:
    periode = PeriodeKinerja.objects.filter(
        instansi_id=pegawai_instansi_id or 0, mulai__lte=tanggal, selesai__gte=tanggal
    ).first()
    if periode is not None:
        _cek_kunci(periode, tanggal)
    return periode


def _skp_berlaku(pegawai: Pegawai, periode: PeriodeKinerja) -> Skp | None:
    return Skp.objects.filter(pegawai=pegawai, periode=periode, aktif=True).first()


def _cek_indikator(
    *, oleh: Pegawai, periode: PeriodeKinerja, indikator: IndikatorKinerja | int | None
) -> IndikatorKinerja | None:
    """The indikator must be on the pegawai's own SKP in force for the periode; required once
    that SKP is approved."""
    skp = _skp_berlaku(oleh, periode)
    if indikator is None:
        if skp is not None and skp.status == StatusSkp.DISETUJUI:
            raise ValidationError(
                {"indikator": _("SKP Anda sudah disetujui: pilih indikator yang didukung.")}
            )
        return None
    ind_id = indikator if isinstance(indikator, int) else indikator.pk
    ind = IndikatorKinerja.objects.select_related("rhk__skp").filter(pk=ind_id).first()
    if ind is None or skp is None or ind.rhk.skp_id != skp.pk:
        raise ValidationError(
            {"indikator": _("Indikator ini bukan bagian dari SKP Anda yang berlaku.")}
        )
    return ind


def _cek_tautan(tautan: str) -> str:
    tautan = (tautan or "").strip()
    if not tautan:
        return ""
    bagian = urlparse(tautan)
    if bagian.scheme not in {"http", "https"} or not bagian.netloc or len(tautan) > 500:
        raise ValidationError(
            {"tautan": _("Tautan harus alamat web lengkap (http:// atau https://).")}
        )
    return tautan


def _periksa_semua(berkas: Iterable[UploadedFile], sudah_ada: int = 0) -> list[BerkasDiperiksa]:
    daftar = list(berkas)
    if sudah_ada + len(daftar) > maks_bukti():
        raise ValidationError(
            {"berkas": _("Paling banyak %(n)s berkas bukti per laporan.") % {"n": maks_bukti()}}
        )
    hasil = []
    for f in daftar:
        try:
            hasil.append(periksa_berkas(f))
        except ValidationError as exc:
            raise ValidationError({"berkas": exc.messages}) from exc
    return hasil


def _simpan_bukti(
    diperiksa: Sequence[BerkasDiperiksa],
    *,
    oleh: Pegawai,
    laporan: LaporanKegiatan | None = None,
    realisasi_manual: RealisasiManual | None = None,
) -> None:
    for b in diperiksa:
        BuktiDukung.objects.create(
            laporan=laporan,
            realisasi_manual=realisasi_manual,
            berkas=b.berkas,
            nama_asli=b.nama_asli,
            jenis=b.jenis.kode,
            ukuran=b.ukuran,
            diunggah_oleh=oleh,
        )


def _durasi(
    durasi_menit: int | None, jam_mulai: dt.time | None, jam_selesai: dt.time | None
) -> int:
    if jam_mulai is not None and jam_selesai is not None:
        menit = (jam_selesai.hour * 60 + jam_selesai.minute) - (
            jam_mulai.hour * 60 + jam_mulai.minute
        )
        if menit <= 0:
            raise ValidationError({"jam_selesai": _("Jam selesai harus setelah jam mulai.")})
        return menit
    if jam_mulai is not None or jam_selesai is not None:
        raise ValidationError({"jam_selesai": _("Isi jam mulai dan jam selesai, atau durasi.")})
    if durasi_menit is None:
        raise ValidationError({"durasi_menit": _("Isi durasi atau jam mulai dan selesai.")})
    if not 0 < durasi_menit <= 24 * 60:
        raise ValidationError({"durasi_menit": _("Durasi antara 1 menit dan 24 jam.")})
    return int(durasi_menit)


def _cek_isi(uraian: str, kuantitas: Decimal | None) -> str:
    uraian = (uraian or "").strip()
    errors: dict[str, str] = {}
    if len(uraian) < 5:
        errors["uraian"] = _("Tuliskan apa yang dikerjakan (minimal 5 huruf).")
    elif len(uraian) > 4000:
        errors["uraian"] = _("Uraian terlalu panjang (maksimal 4000 huruf).")
    if kuantitas is not None and kuantitas < 0:
        errors["kuantitas"] = _("Jumlah output tidak boleh negatif.")
    if errors:
        raise ValidationError(errors)
    return uraian


def _opd_id(pegawai: Pegawai) -> int | None:
    profil = akses_pengguna(pegawai)
    return profil.opd_sendiri_id if profil else None


def _tandai_mirip(laporan: LaporanKegiatan) -> None:
    hasil = mirip.periksa_dan_indeks(laporan, opd_id=_opd_id(laporan.pegawai))
    laporan.mirip_dengan_id = hasil.laporan_id if hasil else None
    laporan.skor_mirip = hasil.skor if hasil else None
    laporan.mirip_sumber = hasil.sumber if hasil else ""
    LaporanKegiatan.objects.filter(pk=laporan.pk).update(
        mirip_dengan_id=laporan.mirip_dengan_id,
        skor_mirip=laporan.skor_mirip,
        mirip_sumber=laporan.mirip_sumber,
    )


# --- reports -----------------------------------------------------------------------------------


@transaction.atomic
def laporan_create(
    *,
    oleh: Pegawai,
    tanggal: dt.date,
    uraian: str,
    durasi_menit: int | None = None,
    jam_mulai: dt.time | None = None,
    jam_selesai: dt.time | None = None,
    indikator: IndikatorKinerja | int | None = None,
    kuantitas: Decimal | None = None,
    satuan: str = "",
    tautan: str = "",
    berkas: Iterable[UploadedFile] = (),
    proyek: Any = None,
) -> LaporanKegiatan:
    uraian = _cek_isi(uraian, kuantitas)
    menit = _durasi(durasi_menit, jam_mulai, jam_selesai)
    periode = _periode_untuk(oleh, tanggal)
    ind = _cek_indikator(oleh=oleh, periode=periode, indikator=indikator)
    tautan = _cek_tautan(tautan)
    diperiksa = _periksa_semua(berkas)
    laporan = LaporanKegiatan.objects.create(
        pegawai=oleh,
        skp_id=ind.rhk.skp_id if ind else None,
        rhk_id=ind.rhk_id if ind else None,
        indikator=ind,
        proyek=proyek,
        tanggal=tanggal,
        jam_mulai=jam_mulai,
        jam_selesai=jam_selesai,
        durasi_menit=menit,
        uraian=uraian,
        kuantitas=kuantitas,
        satuan=(satuan or (ind.target_satuan if ind and kuantitas is not None else ""))[:60],
        tautan=tautan,
    )
    _simpan_bukti(diperiksa, oleh=oleh, laporan=laporan)
    _tandai_mirip(laporan)
    return laporan


def _kunci_laporan(
    laporan: LaporanKegiatan, *, oleh: Pegawai, revisi: int | None
) -> LaporanKegiatan:
    current = LaporanKegiatan.objects.select_for_update().get(pk=laporan.pk)
    if current.pegawai_id != oleh.pk:
        raise PermissionDenied(_("Hanya pemilik laporan yang dapat mengubahnya."))
    if current.status == StatusLaporan.DISETUJUI:
        raise ValidationError({"status": _("Laporan yang sudah disetujui tidak dapat diubah.")})
    if revisi is not None and current.revisi != revisi:
        raise LaporanBasi(current.revisi)
    _terkunci(oleh.instansi_id, current.tanggal)
    return current


@transaction.atomic
def laporan_update(
    *,
    oleh: Pegawai,
    laporan: LaporanKegiatan,
    revisi: int,
    tanggal: dt.date,
    uraian: str,
    durasi_menit: int | None = None,
    jam_mulai: dt.time | None = None,
    jam_selesai: dt.time | None = None,
    indikator: IndikatorKinerja | int | None = None,
    kuantitas: Decimal | None = None,
    satuan: str = "",
    tautan: str = "",
    berkas: Iterable[UploadedFile] = (),
    hapus_bukti: Iterable[int] = (),
    proyek: Any = None,
) -> LaporanKegiatan:
    """Edit a report still waiting or returned (a returned one is resubmitted)."""
    current = _kunci_laporan(laporan, oleh=oleh, revisi=revisi)
    uraian = _cek_isi(uraian, kuantitas)
    menit = _durasi(durasi_menit, jam_mulai, jam_selesai)
    periode = _periode_untuk(oleh, tanggal)
    ind = _cek_indikator(oleh=oleh, periode=periode, indikator=indikator)
    tautan = _cek_tautan(tautan)
    hapus = {int(i) for i in hapus_bukti}
    ada = BuktiDukung.objects.filter(laporan=current)
    tersisa = ada.exclude(pk__in=hapus).count()
    diperiksa = _periksa_semua(berkas, sudah_ada=tersisa)
    teks_berubah = current.uraian != uraian or current.tanggal != tanggal
    current.tanggal, current.uraian, current.durasi_menit = tanggal, uraian, menit
    current.jam_mulai, current.jam_selesai = jam_mulai, jam_selesai
    current.indikator = ind
    current.skp_id = ind.rhk.skp_id if ind else None
    current.rhk_id = ind.rhk_id if ind else None
    current.kuantitas, current.satuan, current.tautan = kuantitas, satuan[:60], tautan
    current.proyek = proyek
    current.status = StatusLaporan.DIAJUKAN
    current.revisi += 1
    current.save()
    for b in ada.filter(pk__in=hapus):
        b.berkas.delete(save=False)
        b.delete()
    _simpan_bukti(diperiksa, oleh=oleh, laporan=current)
    if teks_berubah:
        _tandai_mirip(current)
    return current


@transaction.atomic
def laporan_delete(*, oleh: Pegawai, laporan: LaporanKegiatan) -> None:
    current = _kunci_laporan(laporan, oleh=oleh, revisi=None)
    for b in BuktiDukung.objects.filter(laporan=current):
        b.berkas.delete(save=False)
    current.delete()


def laporan_ulang(
    *, oleh: Pegawai, sumber: LaporanKegiatan, tanggal: dt.date | None = None
) -> dict[str, Any]:
    """Initial values of a new report repeating `sumber` (the form is shown, nothing stored).

    The indikator is kept only if it is still on the pegawai's SKP in force for `tanggal`."""
    if sumber.pegawai_id != oleh.pk:
        raise PermissionDenied
    tanggal = tanggal or timezone.localdate()
    awal: dict[str, Any] = {
        "tanggal": tanggal,
        "uraian": sumber.uraian,
        "durasi_menit": sumber.durasi_menit,
        "satuan": sumber.satuan,
        "indikator": None,
    }
    if sumber.indikator_id:
        periode = PeriodeKinerja.objects.filter(
            instansi_id=oleh.instansi_id or 0, mulai__lte=tanggal, selesai__gte=tanggal
        ).first()
        skp = _skp_berlaku(oleh, periode) if periode else None
        if skp and IndikatorKinerja.objects.filter(pk=sumber.indikator_id, rhk__skp=skp).exists():
            awal["indikator"] = sumber.indikator_id
    return awal


@transaction.atomic
def bukti_tambah(
    *, oleh: Pegawai, laporan: LaporanKegiatan, berkas: Iterable[UploadedFile]
) -> list[BuktiDukung]:
    current = _kunci_laporan(laporan, oleh=oleh, revisi=None)
    diperiksa = _periksa_semua(berkas, sudah_ada=current.bukti_set.count())
    sebelum = set(current.bukti_set.values_list("pk", flat=True))
    _simpan_bukti(diperiksa, oleh=oleh, laporan=current)
    LaporanKegiatan.objects.filter(pk=current.pk).update(revisi=F("revisi") + 1)
    return list(current.bukti_set.exclude(pk__in=sebelum))


@transaction.atomic
def bukti_hapus(*, oleh: Pegawai, bukti: BuktiDukung) -> None:
    if bukti.laporan_id is not None:
        _kunci_laporan(bukti.laporan, oleh=oleh, revisi=None)  # type: ignore[arg-type]
        LaporanKegiatan.objects.filter(pk=bukti.laporan_id).update(revisi=F("revisi") + 1)
    else:
        _kunci_manual(bukti.realisasi_manual, oleh=oleh, revisi=None)  # type: ignore[arg-type]
    bukti.berkas.delete(save=False)
    bukti.delete()


# --- review ------------------------------------------------------------------------------------


def _wajib_atasan(
    pegawai: Pegawai, tanggal: dt.date, oleh: Pegawai, cache: dict[Any, Any] | None = None
) -> None:
    if oleh.pk == pegawai.pk:
        raise PermissionDenied(_("Anda tidak dapat mereview laporan Anda sendiri."))
    kunci = (pegawai.pk, tanggal)
    if cache is not None and kunci in cache:
        atasan_id = cache[kunci]
    else:
        atasan = hierarki.atasan_langsung(pegawai, tanggal)
        atasan_id = atasan.pk if atasan else None
        if cache is not None:
            cache[kunci] = atasan_id
    if atasan_id != oleh.pk:
        raise PermissionDenied(_("Hanya atasan langsung pegawai ini yang dapat mereview."))


def _belum_direview(status: str) -> None:
    if status != StatusLaporan.DIAJUKAN:
        raise ValidationError({"status": _("Laporan ini sudah direview.")})


def _kuantitas_dihitung(ind: IndikatorKinerja | None) -> bool:
    return ind is not None and ind.sumber_realisasi == SumberRealisasi.LAPORAN


def _realisasi_delta(
    indikator_id: int,
    tanggal: dt.date,
    *,
    jumlah: int = 0,
    menit: int = 0,
    kuantitas: Decimal = NOL,
    manual: Decimal = NOL,
) -> None:
    row, _dibuat = RealisasiBulanan.objects.get_or_create(
        indikator_id=indikator_id, tahun=tanggal.year, bulan=tanggal.month
    )
    RealisasiBulanan.objects.filter(pk=row.pk).update(
        jumlah_laporan=F("jumlah_laporan") + jumlah,
        menit=F("menit") + menit,
        kuantitas=F("kuantitas") + kuantitas,
        manual=F("manual") + manual,
    )


def _laporan_ke_realisasi(laporan: LaporanKegiatan, tanda: int) -> None:
    if laporan.indikator_id is None:
        return
    k = laporan.kuantitas or NOL
    if not _kuantitas_dihitung(laporan.indikator):
        k = NOL
    _realisasi_delta(
        laporan.indikator_id,
        laporan.tanggal,
        jumlah=tanda,
        menit=tanda * laporan.durasi_menit,
        kuantitas=k * tanda,
    )


def _setujui(laporan: LaporanKegiatan, oleh: Pegawai) -> None:
    laporan.status = StatusLaporan.DISETUJUI
    laporan.direview_oleh = oleh
    laporan.direview_pada = timezone.now()
    laporan.catatan_review = ""
    laporan.revisi += 1
    laporan.save(
        update_fields=[
            "status",
            "direview_oleh",
            "direview_pada",
            "catatan_review",
            "revisi",
            "diubah_pada",
        ]
    )
    _laporan_ke_realisasi(laporan, +1)


def _laporan_review(pk: int) -> LaporanKegiatan:
    return (
        LaporanKegiatan.objects.select_for_update(of=("self",))
        .select_related("pegawai", "indikator")
        .get(pk=pk)
    )


@transaction.atomic
def laporan_setujui(*, oleh: Pegawai, laporan: LaporanKegiatan) -> LaporanKegiatan:
    current = _laporan_review(laporan.pk)
    _wajib_atasan(current.pegawai, current.tanggal, oleh)
    _belum_direview(current.status)
    _setujui(current, oleh)
    return current


@transaction.atomic
def laporan_kembalikan(*, oleh: Pegawai, laporan: LaporanKegiatan, catatan: str) -> LaporanKegiatan:
    current = _laporan_review(laporan.pk)
    _wajib_atasan(current.pegawai, current.tanggal, oleh)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Tuliskan alasan pengembalian.")})
    _belum_direview(current.status)
    current.status = StatusLaporan.DIKEMBALIKAN
    current.direview_oleh = oleh
    current.direview_pada = timezone.now()
    current.catatan_review = catatan[:2000]
    current.revisi += 1
    current.save()
    from kinerja.notifikasi.services import notifikasi_kirim

    notifikasi_kirim(
        penerima=[current.pegawai],
        jenis="laporan_dikembalikan",
        judul=_("Laporan %(tgl)s dikembalikan oleh atasan")
        % {"tgl": date_format(current.tanggal, "j F Y")},
        isi=catatan,
        url=reverse("kegiatan_laporan_detail", args=[current.pk]),
    )
    return current


@transaction.atomic
def laporan_batal_setujui(*, oleh: Pegawai, laporan: LaporanKegiatan) -> LaporanKegiatan:
    """The atasan reopens an approved report (mistake): back to waiting, realisasi subtracted."""
    current = _laporan_review(laporan.pk)
    _wajib_atasan(current.pegawai, current.tanggal, oleh)
    if current.status != StatusLaporan.DISETUJUI:
        raise ValidationError({"status": _("Laporan ini belum disetujui.")})
    _terkunci(current.pegawai.instansi_id, current.tanggal)
    current.status = StatusLaporan.DIAJUKAN
    current.direview_oleh = None
    current.direview_pada = None
    current.revisi += 1
    current.save()
    _laporan_ke_realisasi(current, -1)
    return current


@transaction.atomic
def laporan_setujui_massal(*, oleh: Pegawai, laporan_ids: Iterable[int]) -> int:
    """Approve many at once; all or nothing (a report out of scope refuses the whole batch)."""
    ids = sorted({int(i) for i in laporan_ids})
    rows = list(
        LaporanKegiatan.objects.select_for_update(of=("self",))
        .select_related("pegawai", "indikator")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    if len(rows) != len(ids):
        raise PermissionDenied(_("Ada laporan yang tidak dapat Anda review."))
    cache: dict[Any, Any] = {}
    for row in rows:
        _wajib_atasan(row.pegawai, row.tanggal, oleh, cache)
    menunggu = [row for row in rows if row.status == StatusLaporan.DIAJUKAN]
    for row in menunggu:
        _setujui(row, oleh)
    return len(menunggu)


# --- templates ---------------------------------------------------------------------------------


def _cek_template(
    oleh: Pegawai, nama: str, uraian: str, indikator: IndikatorKinerja | int | None
) -> IndikatorKinerja | None:
    errors = {}
    if not (nama or "").strip():
        errors["nama"] = _("Beri nama template.")
    if len((uraian or "").strip()) < 5:
        errors["uraian"] = _("Tuliskan uraian kegiatan (minimal 5 huruf).")
    if errors:
        raise ValidationError(errors)
    if indikator is None:
        return None
    ind_id = indikator if isinstance(indikator, int) else indikator.pk
    ind = IndikatorKinerja.objects.filter(pk=ind_id, rhk__skp__pegawai=oleh).first()
    if ind is None:
        raise ValidationError({"indikator": _("Indikator ini bukan bagian dari SKP Anda.")})
    return ind


@transaction.atomic
def template_laporan_create(
    *,
    oleh: Pegawai,
    nama: str,
    uraian: str,
    durasi_menit: int | None = None,
    indikator: IndikatorKinerja | int | None = None,
    satuan: str = "",
) -> TemplateLaporan:
    ind = _cek_template(oleh, nama, uraian, indikator)
    return TemplateLaporan.objects.create(
        pegawai=oleh,
        nama=nama.strip()[:120],
        uraian=uraian.strip(),
        durasi_menit=durasi_menit,
        indikator=ind,
        satuan=satuan[:60],
    )


@transaction.atomic
def template_laporan_update(
    *,
    oleh: Pegawai,
    template: TemplateLaporan,
    nama: str,
    uraian: str,
    durasi_menit: int | None = None,
    indikator: IndikatorKinerja | int | None = None,
    satuan: str = "",
) -> TemplateLaporan:
    if template.pegawai_id != oleh.pk:
        raise PermissionDenied
    template.indikator = _cek_template(oleh, nama, uraian, indikator)
    template.nama, template.uraian = nama.strip()[:120], uraian.strip()
    template.durasi_menit, template.satuan = durasi_menit, satuan[:60]
    template.save()
    return template


@transaction.atomic
def template_laporan_delete(*, oleh: Pegawai, template: TemplateLaporan) -> None:
    if template.pegawai_id != oleh.pk:
        raise PermissionDenied
    template.delete()


# --- manual realisasi --------------------------------------------------------------------------


def indikator_manual(ind: IndikatorKinerja) -> bool:
    """Reports do not count this indikator: its realisasi is entered by hand."""
    return ind.sumber_realisasi == SumberRealisasi.MANUAL or (
        ind.aspek != Aspek.KUANTITAS and ind.sumber_realisasi == SumberRealisasi.LAPORAN
    )


def _cek_manual(
    oleh: Pegawai, tanggal: dt.date, indikator: IndikatorKinerja | int, nilai: Decimal | None
) -> IndikatorKinerja:
    periode = _periode_untuk(oleh, tanggal)
    ind = _cek_indikator(oleh=oleh, periode=periode, indikator=indikator)
    if ind is None or not indikator_manual(ind):
        raise ValidationError(
            {"indikator": _("Realisasi indikator ini dihitung dari laporan, bukan diisi manual.")}
        )
    if nilai is None or nilai < 0:
        raise ValidationError({"nilai": _("Isi nilai realisasi (tidak negatif).")})
    return ind


@transaction.atomic
def realisasi_manual_create(
    *,
    oleh: Pegawai,
    indikator: IndikatorKinerja | int,
    tanggal: dt.date,
    nilai: Decimal,
    keterangan: str = "",
    tautan: str = "",
    berkas: Iterable[UploadedFile] = (),
) -> RealisasiManual:
    ind = _cek_manual(oleh, tanggal, indikator, nilai)
    tautan = _cek_tautan(tautan)
    diperiksa = _periksa_semua(berkas)
    if not diperiksa and not tautan:
        raise ValidationError({"berkas": _("Lampirkan bukti dukung: berkas atau tautan.")})
    row = RealisasiManual.objects.create(
        indikator=ind,
        pegawai=oleh,
        tanggal=tanggal,
        nilai=nilai,
        keterangan=(keterangan or "").strip(),
        tautan=tautan,
    )
    _simpan_bukti(diperiksa, oleh=oleh, realisasi_manual=row)
    return row


def _kunci_manual(row: RealisasiManual, *, oleh: Pegawai, revisi: int | None) -> RealisasiManual:
    current = RealisasiManual.objects.select_for_update().get(pk=row.pk)
    if current.pegawai_id != oleh.pk:
        raise PermissionDenied(_("Hanya pemilik realisasi yang dapat mengubahnya."))
    if current.status == StatusLaporan.DISETUJUI:
        raise ValidationError({"status": _("Realisasi yang sudah disetujui tidak dapat diubah.")})
    if revisi is not None and current.revisi != revisi:
        raise LaporanBasi(current.revisi)
    _terkunci(oleh.instansi_id, current.tanggal)
    return current


@transaction.atomic
def realisasi_manual_update(
    *,
    oleh: Pegawai,
    realisasi: RealisasiManual,
    revisi: int,
    tanggal: dt.date,
    nilai: Decimal,
    keterangan: str = "",
    tautan: str = "",
    berkas: Iterable[UploadedFile] = (),
) -> RealisasiManual:
    current = _kunci_manual(realisasi, oleh=oleh, revisi=revisi)
    _cek_manual(oleh, tanggal, current.indikator_id, nilai)
    tautan = _cek_tautan(tautan)
    diperiksa = _periksa_semua(berkas, sudah_ada=current.bukti_set.count())
    current.tanggal, current.nilai, current.tautan = tanggal, nilai, tautan
    current.keterangan = (keterangan or "").strip()
    current.status = StatusLaporan.DIAJUKAN
    current.revisi += 1
    current.save()
    _simpan_bukti(diperiksa, oleh=oleh, realisasi_manual=current)
    return current


@transaction.atomic
def realisasi_manual_delete(*, oleh: Pegawai, realisasi: RealisasiManual) -> None:
    current = _kunci_manual(realisasi, oleh=oleh, revisi=None)
    for b in current.bukti_set.all():
        b.berkas.delete(save=False)
    current.delete()


def _manual_bulan(indikator: IndikatorKinerja, tanggal: dt.date) -> None:
    """Recompute the month's `manual` of one indikator (sum for kuantitas, else the latest)."""
    qs = RealisasiManual.objects.filter(
        indikator=indikator,
        status=StatusLaporan.DISETUJUI,
        tanggal__year=tanggal.year,
        tanggal__month=tanggal.month,
    )
    if indikator.aspek == Aspek.KUANTITAS:
        nilai = qs.aggregate(s=Sum("nilai"))["s"] or NOL
    else:
        terbaru = qs.order_by("-tanggal", "-pk").values_list("nilai", flat=True).first()
        nilai = terbaru if terbaru is not None else NOL
    row, _dibuat = RealisasiBulanan.objects.get_or_create(
        indikator=indikator, tahun=tanggal.year, bulan=tanggal.month
    )
    RealisasiBulanan.objects.filter(pk=row.pk).update(manual=nilai)


def _manual_review(pk: int) -> RealisasiManual:
    return (
        RealisasiManual.objects.select_for_update(of=("self",))
        .select_related("pegawai", "indikator")
        .get(pk=pk)
    )


@transaction.atomic
def realisasi_manual_setujui(*, oleh: Pegawai, realisasi: RealisasiManual) -> RealisasiManual:
    current = _manual_review(realisasi.pk)
    _wajib_atasan(current.pegawai, current.tanggal, oleh)
    _belum_direview(current.status)
    current.status = StatusLaporan.DISETUJUI
    current.direview_oleh, current.direview_pada = oleh, timezone.now()
    current.revisi += 1
    current.save()
    if current.indikator.aspek == Aspek.KUANTITAS:
        _realisasi_delta(current.indikator_id, current.tanggal, manual=current.nilai)
    else:
        _manual_bulan(current.indikator, current.tanggal)
    return current


@transaction.atomic
def realisasi_manual_kembalikan(
    *, oleh: Pegawai, realisasi: RealisasiManual, catatan: str
) -> RealisasiManual:
    current = _manual_review(realisasi.pk)
    _wajib_atasan(current.pegawai, current.tanggal, oleh)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Tuliskan alasan pengembalian.")})
    _belum_direview(current.status)
    current.status = StatusLaporan.DIKEMBALIKAN
    current.direview_oleh, current.direview_pada = oleh, timezone.now()
    current.catatan_review = catatan[:2000]
    current.revisi += 1
    current.save()
    from kinerja.notifikasi.services import notifikasi_kirim

    notifikasi_kirim(
        penerima=[current.pegawai],
        jenis="realisasi_dikembalikan",
        judul=_("Realisasi manual %(tgl)s dikembalikan oleh atasan")
        % {"tgl": date_format(current.tanggal, "j F Y")},
        isi=catatan,
        url=reverse("kegiatan_progres"),
    )
    return current


# --- repair ------------------------------------------------------------------------------------


@transaction.atomic
def realisasi_hitung_ulang(*, tahun: int | None = None) -> int:
    """Recompute RealisasiBulanan from approved reports and manual entries (repair, demo).

    Gives exactly what the incremental updates give. Returns the number of rows written."""
    from collections import defaultdict

    lap = LaporanKegiatan.objects.filter(status=StatusLaporan.DISETUJUI, indikator__isnull=False)
    man = RealisasiManual.objects.filter(status=StatusLaporan.DISETUJUI)
    lama = RealisasiBulanan.objects.all()
    if tahun is not None:
        lap, man, lama = (
            lap.filter(tanggal__year=tahun),
            man.filter(tanggal__year=tahun),
            lama.filter(tahun=tahun),
        )
    acc: dict[tuple[int, int, int], list[Any]] = defaultdict(lambda: [0, 0, NOL, NOL])
    for ind_id, tgl, menit, k, sumber in lap.values_list(
        "indikator_id", "tanggal", "durasi_menit", "kuantitas", "indikator__sumber_realisasi"
    ).iterator(chunk_size=5000):
        row = acc[(ind_id, tgl.year, tgl.month)]
        row[0] += 1
        row[1] += menit
        if sumber == SumberRealisasi.LAPORAN and k is not None:
            row[2] += k
    terbaru: dict[tuple[int, int, int], tuple[dt.date, int]] = {}
    for pk, ind_id, tgl, nilai, aspek in man.values_list(
        "pk", "indikator_id", "tanggal", "nilai", "indikator__aspek"
    ).iterator(chunk_size=5000):
        key = (ind_id, tgl.year, tgl.month)
        if aspek == Aspek.KUANTITAS:
            acc[key][3] += nilai
        elif key not in terbaru or (tgl, pk) > terbaru[key]:
            terbaru[key] = (tgl, pk)
            acc[key][3] = nilai
    lama.delete()
    RealisasiBulanan.objects.bulk_create(
        [
            RealisasiBulanan(
                indikator_id=k[0],
                tahun=k[1],
                bulan=k[2],
                jumlah_laporan=v[0],
                menit=v[1],
                kuantitas=v[2],
                manual=v[3],
            )
            for k, v in acc.items()
        ],
        batch_size=2000,
    )
    return len(acc)
