"""Every write of the proyek app: projects, S-curve plan, milestones, team, progress, kendala,
and the stored early warning (recomputed after each relevant write and by the daily command)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.unggahan import SEMUA, periksa_berkas
from kinerja.notifikasi.services import notifikasi_kirim
from kinerja.organisasi.models import Pegawai, PemberianPeran, Peran, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.skp.models import IndikatorPK, Rhk

from . import peringatan, selectors
from .models import (
    STATUS_KENDALA_TERBUKA,
    AnggotaProyek,
    BuktiProyek,
    Eskalasi,
    JenisKomentar,
    KategoriKendala,
    Kendala,
    KomentarKendala,
    Milestone,
    PeranAnggota,
    Peringatan,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusKendala,
    StatusProyek,
    TingkatKendala,
)

MAKS_BUKTI = 5
_BERAT = {Peringatan.HIJAU: 0, Peringatan.KUNING: 1, Peringatan.MERAH: 2}
FIELD_KELOLA = {
    "kode",
    "nama",
    "unit_pelaksana",
    "tahun_anggaran",
    "indikator_pk",
    "rhk",
    "pptk",
    "lokasi",
    "mulai",
    "selesai",
    "pagu",
    "status",
    "keterangan",
}
FIELD_PPTK = {"lokasi", "keterangan", "status", "mulai", "selesai"}


def _hak(oleh: Pegawai, proyek: Proyek) -> selectors.HakProyek:
    akses = akses_pengguna(oleh)
    if akses is None or proyek.opd.instansi_id != akses.instansi_id:
        raise PermissionDenied
    return selectors.hak_proyek(akses, proyek)


def _hari_ini() -> dt.date:
    return timezone.localdate()


# --- early warning -----------------------------------------------------------------------------


def _simpan_peringatan(
    proyek: Proyek, hasil: peringatan.HasilPeringatan, *, segar: bool = False
) -> bool:
    """Store the result; notify PPTK + pimpinan OPD when the status worsens. True if changed.

    The previous status is re-read under a row lock unless the caller's object is fresh (the
    daily job), so two concurrent writes cannot both notify the same transition.
    """
    lama = proyek.status_peringatan
    if not segar:
        lama = (
            Proyek.objects.select_for_update()
            .filter(pk=proyek.pk)
            .values_list("status_peringatan", flat=True)
            .first()
        ) or lama
    proyek.dihitung_pada = timezone.now()
    Proyek.objects.filter(pk=proyek.pk).update(
        status_peringatan=hasil.status,
        alasan_peringatan=hasil.alasan,
        dihitung_pada=proyek.dihitung_pada,
        fisik_rencana=hasil.fisik_rencana,
        keuangan_rencana=hasil.keuangan_rencana,
    )
    proyek.status_peringatan = hasil.status
    proyek.alasan_peringatan = hasil.alasan
    proyek.fisik_rencana = hasil.fisik_rencana
    proyek.keuangan_rencana = hasil.keuangan_rencana
    memburuk = _BERAT[Peringatan(hasil.status)] > _BERAT[Peringatan(lama)]
    if memburuk:
        _kabari_peringatan(proyek, hasil)
    return hasil.status != lama


def _kabari_peringatan(proyek: Proyek, hasil: peringatan.HasilPeringatan) -> None:
    label = Peringatan(hasil.status).label
    penerima = [proyek.pptk_id, *selectors.pimpinan_opd_ids(proyek.opd_id)]
    notifikasi_kirim(
        penerima=[p for p in penerima if p],
        jenis=f"proyek_{hasil.status}",
        judul=_("Proyek %(nama)s berstatus %(status)s") % {"nama": proyek.nama, "status": label},
        isi=" ".join(peringatan.uraikan(a) for a in hasil.alasan),
        url=reverse("proyek_detail", args=[proyek.pk]),
    )


@transaction.atomic
def proyek_hitung_ulang(*, proyek: Proyek, hari_ini: dt.date | None = None) -> str:
    """Recompute and store the project's early warning; returns the status."""
    hari_ini = hari_ini or _hari_ini()
    hasil = peringatan.evaluasi_proyek(
        proyek,
        hari_ini,
        rencana=proyek.rencana_set.all(),
        tahapan=proyek.milestone_set.filter(selesai_pada__isnull=True),
        kendala=proyek.kendala_set.filter(status__in=STATUS_KENDALA_TERBUKA),
        ambang=peringatan.ambang_aktif(),
    )
    _simpan_peringatan(proyek, hasil)
    return hasil.status


@dataclass
class HasilHarian:
    dihitung: int = 0
    berubah: int = 0


def peringatan_harian(*, hari_ini: dt.date | None = None, ukuran: int = 500) -> HasilHarian:
    """Recompute every active project (the daily command): catches overdue-by-time cases."""
    hari_ini = hari_ini or _hari_ini()
    ambang = peringatan.ambang_aktif()
    hasil = HasilHarian()
    ids = list(selectors.proyek_untuk_hitung().values_list("pk", flat=True).order_by("pk"))
    for awal in range(0, len(ids), ukuran):
        with transaction.atomic():
            for proyek in selectors.proyek_untuk_hitung(ids[awal : awal + ukuran]).select_related(
                "opd"
            ):
                h = peringatan.evaluasi_proyek(
                    proyek,
                    hari_ini,
                    rencana=proyek.rencana_set.all(),
                    tahapan=proyek.milestone_set.all(),
                    kendala=proyek.kendala_set.all(),
                    ambang=ambang,
                )
                hasil.dihitung += 1
                if _simpan_peringatan(proyek, h, segar=True):
                    hasil.berubah += 1
    return hasil


# --- project -----------------------------------------------------------------------------------


def _validasi_proyek(opd: UnitKerja, nilai: dict[str, Any], proyek: Proyek | None) -> None:
    err: dict[str, str] = {}
    if not str(nilai.get("nama") or "").strip():
        err["nama"] = _("Nama proyek wajib diisi.")
    pptk = nilai.get("pptk")
    if pptk is None:
        err["pptk"] = _("PPTK wajib dipilih.")
    elif not selectors.pegawai_opd(opd.pk).filter(pk=pptk.pk).exists():
        err["pptk"] = _("PPTK harus pegawai aktif di %(opd)s.") % {"opd": opd.nama}
    unit = nilai.get("unit_pelaksana")
    if unit is not None and unit.pk != opd.pk and unit.opd_id != opd.pk:
        err["unit_pelaksana"] = _("Unit pelaksana harus unit di dalam OPD ini.")
    ind = nilai.get("indikator_pk")
    if (
        ind is not None
        and not IndikatorPK.objects.filter(pk=ind.pk, sasaran__perjanjian__unit_id=opd.pk).exists()
    ):
        err["indikator_pk"] = _("Indikator harus dari Perjanjian Kinerja OPD ini.")
    rhk = nilai.get("rhk")
    di_opd = Q(skp__unit__opd_id=opd.pk) | Q(skp__unit_id=opd.pk)
    if rhk is not None and not Rhk.objects.filter(di_opd, pk=rhk.pk).exists():
        err["rhk"] = _("RHK harus dari SKP pegawai OPD ini.")
    mulai, selesai = nilai.get("mulai"), nilai.get("selesai")
    if mulai and selesai and selesai < mulai:
        err["selesai"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    pagu = nilai.get("pagu")
    if pagu is not None and Decimal(pagu) < 0:
        err["pagu"] = _("Pagu tidak boleh negatif.")
    tahun = nilai.get("tahun_anggaran")
    if tahun is not None and not 2000 <= int(tahun) <= 2100:
        err["tahun_anggaran"] = _("Tahun anggaran tidak wajar.")
    if pagu is not None and proyek is not None and Decimal(pagu) < proyek.keuangan_realisasi:
        err["pagu"] = _(
            "Pagu tidak boleh lebih kecil dari realisasi keuangan yang sudah dilaporkan."
        )
    kode = str(nilai.get("kode") or "").strip()
    if kode and tahun is not None:
        sama = Proyek.objects.filter(opd=opd, tahun_anggaran=int(tahun), kode=kode)
        if proyek is not None:
            sama = sama.exclude(pk=proyek.pk)
        if sama.exists():
            err["kode"] = _("Kode kegiatan sudah dipakai proyek lain di tahun anggaran ini.")
    if nilai.get("status") and nilai["status"] not in StatusProyek.values:
        err["status"] = _("Status tidak dikenal.")
    if err:
        raise ValidationError(err)


def _pastikan_pptk_di_tim(proyek: Proyek) -> None:
    if proyek.pptk_id is None:
        return
    AnggotaProyek.objects.filter(proyek=proyek, peran=PeranAnggota.PPTK).exclude(
        pegawai_id=proyek.pptk_id
    ).update(peran=PeranAnggota.ANGGOTA)
    AnggotaProyek.objects.update_or_create(
        proyek=proyek,
        pegawai_id=proyek.pptk_id,
        defaults={"peran": PeranAnggota.PPTK, "aktif": True},
    )


@transaction.atomic
def proyek_buat(
    *,
    oleh: Pegawai,
    opd: UnitKerja,
    nama: str,
    pptk: Pegawai,
    kode: str = "",
    unit_pelaksana: UnitKerja | None = None,
    tahun_anggaran: int | None = None,
    indikator_pk: IndikatorPK | None = None,
    rhk: Rhk | None = None,
    lokasi: str = "",
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
    pagu: Decimal = Decimal(0),
    status: str = StatusProyek.PERENCANAAN,
    keterangan: str = "",
) -> Proyek:
    if not selectors.opd_kelola(oleh).filter(pk=opd.pk).exists():
        raise PermissionDenied
    nilai: dict[str, Any] = {
        "kode": kode.strip(),
        "nama": nama.strip(),
        "pptk": pptk,
        "unit_pelaksana": unit_pelaksana,
        "tahun_anggaran": tahun_anggaran or (mulai.year if mulai else _hari_ini().year),
        "indikator_pk": indikator_pk,
        "rhk": rhk,
        "lokasi": lokasi.strip(),
        "mulai": mulai,
        "selesai": selesai,
        "pagu": Decimal(pagu),
        "status": status,
        "keterangan": keterangan,
    }
    _validasi_proyek(opd, nilai, None)
    proyek = Proyek.objects.create(opd=opd, dibuat_oleh=oleh, **nilai)
    _pastikan_pptk_di_tim(proyek)
    proyek_hitung_ulang(proyek=proyek)
    return proyek


@transaction.atomic
def proyek_ubah(*, proyek: Proyek, oleh: Pegawai, revisi: int, **perubahan: Any) -> Proyek:
    """Change fields: managers all of FIELD_KELOLA, the PPTK only FIELD_PPTK."""
    hak = _hak(oleh, proyek)
    boleh = FIELD_KELOLA if hak.kelola else FIELD_PPTK if hak.pptk else set()
    if not boleh:
        raise PermissionDenied
    asing = set(perubahan) - FIELD_KELOLA
    if asing:
        raise ValueError(f"unknown fields: {sorted(asing)}")
    terlarang = set(perubahan) - boleh
    if terlarang:
        raise PermissionDenied
    if not hak.kelola and perubahan.get("status") == StatusProyek.DIBATALKAN:
        raise ValidationError(
            {"status": _("Hanya pimpinan atau operator OPD yang dapat membatalkan proyek.")}
        )
    kini = Proyek.objects.select_for_update().get(pk=proyek.pk)
    if kini.revisi != revisi:
        raise ValidationError(
            {"revisi": _("Proyek ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi.")}
        )
    nilai = {f: getattr(kini, f) for f in FIELD_KELOLA} | perubahan
    _validasi_proyek(kini.opd, nilai, kini)
    for nama, isi in perubahan.items():
        setattr(kini, nama, isi)
    kini.revisi += 1
    kini.save()
    _pastikan_pptk_di_tim(kini)
    proyek_hitung_ulang(proyek=kini)
    return kini


# --- S-curve plan and milestones -----------------------------------------------------------------


@dataclass(frozen=True)
class BarisRencana:
    bulan: dt.date
    fisik: Decimal
    keuangan: Decimal


@transaction.atomic
def rencana_simpan(*, proyek: Proyek, oleh: Pegawai, baris: Sequence[BarisRencana]) -> None:
    """Replace the monthly S-curve: cumulative, non-decreasing, 0–100, last fisik = 100."""
    if not _hak(oleh, proyek).ubah_rencana:
        raise PermissionDenied
    err: dict[str, str] = {}
    urut = sorted(baris, key=lambda b: b.bulan)
    bulan = [b.bulan.replace(day=1) for b in urut]
    if len(set(bulan)) != len(bulan):
        err["rencana"] = _("Setiap bulan hanya boleh muncul sekali.")
    fisik_lalu, keu_lalu = Decimal(0), Decimal(0)
    for b in urut:
        label = b.bulan.strftime("%m/%Y")
        if not Decimal(0) <= b.fisik <= Decimal(100):
            err["rencana"] = _("Rencana fisik %(b)s harus 0–100%%.") % {"b": label}
        elif b.fisik < fisik_lalu:
            err["rencana"] = _("Rencana fisik kumulatif %(b)s tidak boleh turun.") % {"b": label}
        if b.keuangan < 0 or b.keuangan > proyek.pagu:
            err["rencana_keuangan"] = _("Rencana keuangan %(b)s harus antara 0 dan pagu.") % {
                "b": label
            }
        elif b.keuangan < keu_lalu:
            err["rencana_keuangan"] = _("Rencana keuangan kumulatif %(b)s tidak boleh turun.") % {
                "b": label
            }
        fisik_lalu, keu_lalu = max(fisik_lalu, b.fisik), max(keu_lalu, b.keuangan)
    if urut and urut[-1].fisik != Decimal(100) and "rencana" not in err:
        err["rencana"] = _("Rencana fisik bulan terakhir harus 100%.")
    if err:
        raise ValidationError(err)
    proyek.rencana_set.all().delete()
    RencanaBulanan.objects.bulk_create(
        RencanaBulanan(
            proyek=proyek, bulan=b.bulan.replace(day=1), fisik=b.fisik, keuangan=b.keuangan
        )
        for b in urut
    )
    proyek_hitung_ulang(proyek=proyek)


@dataclass(frozen=True)
class BarisTahapan:
    nama: str
    jatuh_tempo: dt.date
    bobot: Decimal | None = None
    deliverable: str = ""
    pk: int | None = None  # an existing milestone keeps its completion and evidence


@transaction.atomic
def milestone_simpan_semua(
    *, proyek: Proyek, oleh: Pegawai, baris: Sequence[BarisTahapan]
) -> list[Milestone]:
    """Replace the milestone list; weights, when used, must sum to 100."""
    if not _hak(oleh, proyek).ubah_rencana:
        raise PermissionDenied
    err: dict[str, str] = {}
    for b in baris:
        if not b.nama.strip():
            err["tahapan"] = _("Setiap tahapan perlu nama.")
        if b.bobot is not None and not Decimal(0) < b.bobot <= Decimal(100):
            err["bobot"] = _("Bobot tahapan harus lebih dari 0 dan paling banyak 100.")
    if any(b.bobot is not None for b in baris) and "bobot" not in err:
        jumlah = sum((b.bobot or Decimal(0) for b in baris), Decimal(0))
        if jumlah != Decimal(100):
            err["bobot"] = _("Jumlah bobot tahapan harus 100%% (sekarang %(n)s%%).") % {
                "n": f"{jumlah.normalize():f}"
            }
    if err:
        raise ValidationError(err)
    lama = {m.pk: m for m in proyek.milestone_set.all()}
    simpan: list[Milestone] = []
    for urutan, b in enumerate(baris):
        m = lama.pop(b.pk, None) if b.pk else None
        m = m or Milestone(proyek=proyek)
        m.urutan, m.nama, m.bobot = urutan, b.nama.strip(), b.bobot
        m.jatuh_tempo, m.deliverable = b.jatuh_tempo, b.deliverable
        m.save()
        simpan.append(m)
    Milestone.objects.filter(pk__in=list(lama)).delete()
    proyek_hitung_ulang(proyek=proyek)
    return simpan


@transaction.atomic
def milestone_selesai(
    *,
    milestone: Milestone,
    oleh: Pegawai,
    tanggal: dt.date,
    bukti: UploadedFile | None = None,
) -> Milestone:
    proyek = milestone.proyek
    hak = _hak(oleh, proyek)
    if not (hak.tim or hak.kelola):
        raise PermissionDenied
    if tanggal > _hari_ini():
        raise ValidationError({"tanggal": _("Tanggal selesai tidak boleh di masa depan.")})
    if bukti is not None:
        try:
            berkas = periksa_berkas(bukti, diizinkan=SEMUA)
        except ValidationError as exc:
            raise ValidationError({"bukti": exc.messages}) from exc
        milestone.bukti.save(berkas.berkas.name or "bukti", berkas.berkas, save=False)
        milestone.bukti_nama = berkas.nama_asli
    milestone.selesai_pada = tanggal
    milestone.save()
    proyek_hitung_ulang(proyek=proyek)
    return milestone


# --- team --------------------------------------------------------------------------------------


@transaction.atomic
def anggota_tambah(
    *, proyek: Proyek, oleh: Pegawai, pegawai: Pegawai, peran: str = PeranAnggota.ANGGOTA
) -> AnggotaProyek:
    if not _hak(oleh, proyek).ubah_rencana:
        raise PermissionDenied
    if peran not in PeranAnggota.values or peran == PeranAnggota.PPTK:
        raise ValidationError({"peran": _("Pilih peran anggota (PPTK diatur di data proyek).")})
    if not selectors.pegawai_opd(proyek.opd_id).filter(pk=pegawai.pk).exists():
        raise ValidationError({"pegawai": _("Anggota tim harus pegawai aktif di OPD ini.")})
    anggota, _dibuat = AnggotaProyek.objects.update_or_create(
        proyek=proyek, pegawai=pegawai, defaults={"peran": peran, "aktif": True}
    )
    return anggota


@transaction.atomic
def anggota_keluarkan(*, anggota: AnggotaProyek, oleh: Pegawai) -> None:
    if not _hak(oleh, anggota.proyek).ubah_rencana:
        raise PermissionDenied
    if anggota.pegawai_id == anggota.proyek.pptk_id:
        raise ValidationError({"pegawai": _("PPTK tidak dapat dikeluarkan; ganti PPTK dahulu.")})
    anggota.aktif = False
    anggota.save(update_fields=["aktif"])


# --- progress ----------------------------------------------------------------------------------


@transaction.atomic
def progres_lapor(
    *,
    proyek: Proyek,
    oleh: Pegawai,
    tanggal: dt.date,
    fisik: Decimal,
    keuangan: Decimal,
    narasi: str = "",
    alasan_koreksi: str = "",
    berkas: Sequence[UploadedFile] = (),
) -> ProgresProyek:
    """A team member reports cumulative physical % and budget realised, with evidence."""
    if not _hak(oleh, proyek).tim:
        raise PermissionDenied
    kini = Proyek.objects.select_for_update().get(pk=proyek.pk)
    err: dict[str, Any] = {}
    if tanggal > _hari_ini():
        err["tanggal"] = _("Tanggal progres tidak boleh di masa depan.")
    elif kini.progres_terakhir and tanggal < kini.progres_terakhir:
        err["tanggal"] = _(
            "Sudah ada progres bertanggal %(t)s; tanggal tidak boleh lebih awal."
        ) % {"t": kini.progres_terakhir.strftime("%d/%m/%Y")}
    if not Decimal(0) <= fisik <= Decimal(100):
        err["fisik"] = _("Progres fisik harus 0–100%.")
    if keuangan < 0:
        err["keuangan"] = _("Realisasi keuangan tidak boleh negatif.")
    elif keuangan > kini.pagu:
        err["keuangan"] = _("Realisasi keuangan melebihi pagu (Rp %(p)s).") % {
            "p": f"{kini.pagu:,.0f}".replace(",", ".")
        }
    turun = fisik < kini.fisik_realisasi or keuangan < kini.keuangan_realisasi
    if turun and not alasan_koreksi.strip() and not err:
        err["alasan_koreksi"] = _(
            "Nilai kumulatif lebih kecil dari laporan sebelumnya; tuliskan alasan koreksinya."
        )
    if len(berkas) > MAKS_BUKTI:
        err["berkas"] = _("Paling banyak %(n)s berkas per laporan.") % {"n": MAKS_BUKTI}
    diperiksa = []
    for f in berkas if "berkas" not in err else ():
        try:
            diperiksa.append(periksa_berkas(f, diizinkan=SEMUA))
        except ValidationError as exc:
            err.setdefault("berkas", []).extend(exc.messages)
    if err:
        raise ValidationError(err)
    progres = ProgresProyek.objects.create(
        proyek=kini,
        tanggal=tanggal,
        fisik=fisik,
        keuangan=keuangan,
        narasi=narasi.strip(),
        alasan_koreksi=alasan_koreksi.strip() if turun else "",
        dilaporkan_oleh=oleh,
    )
    for b in diperiksa:
        bukti = BuktiProyek(
            progres=progres,
            nama_asli=b.nama_asli,
            jenis=b.jenis.kode,
            ukuran=b.ukuran,
            diunggah_oleh=oleh,
        )
        bukti.berkas.save(b.berkas.name or "bukti", b.berkas, save=False)
        bukti.save()
    kini.fisik_realisasi, kini.keuangan_realisasi, kini.progres_terakhir = fisik, keuangan, tanggal
    if kini.status == StatusProyek.PERENCANAAN and fisik > 0:
        kini.status = StatusProyek.BERJALAN
    kini.revisi += 1
    kini.save()
    proyek_hitung_ulang(proyek=kini)
    proyek.__dict__.update(
        {k: getattr(kini, k) for k in ("fisik_realisasi", "keuangan_realisasi", "status", "revisi")}
    )
    return progres


# --- kendala -----------------------------------------------------------------------------------


def _aksi(kendala: Kendala, oleh: Pegawai, isi: str) -> None:
    KomentarKendala.objects.create(kendala=kendala, penulis=oleh, jenis=JenisKomentar.AKSI, isi=isi)


def _url_kendala(kendala: Kendala) -> str:
    return reverse("proyek_kendala_detail", args=[kendala.pk])


def _pimpinan_daerah_ids(instansi_id: int) -> list[int]:
    hari = _hari_ini()
    return list(
        PemberianPeran.objects.filter(
            peran=Peran.PIMPINAN_DAERAH, pegawai__instansi_id=instansi_id, mulai__lte=hari
        )
        .exclude(selesai__lt=hari)
        .values_list("pegawai_id", flat=True)
    )


def _validasi_pj(proyek: Proyek, pj: Pegawai | None) -> None:
    if (
        pj is not None
        and not AnggotaProyek.objects.filter(proyek=proyek, pegawai=pj, aktif=True).exists()
    ):
        raise ValidationError({"penanggung_jawab": _("Penanggung jawab harus anggota tim proyek.")})


@transaction.atomic
def kendala_ajukan(
    *,
    proyek: Proyek,
    oleh: Pegawai,
    judul: str,
    kategori: str,
    tingkat: str,
    deskripsi: str = "",
    penanggung_jawab: Pegawai | None = None,
    batas_waktu: dt.date | None = None,
) -> Kendala:
    """Any team member (or a manager) raises an obstacle; a critical one goes to the city view."""
    hak = _hak(oleh, proyek)
    if not hak.ajukan_kendala:
        raise PermissionDenied
    err: dict[str, str] = {}
    if not judul.strip():
        err["judul"] = _("Judul kendala wajib diisi.")
    if kategori not in KategoriKendala.values:
        err["kategori"] = _("Pilih kategori kendala.")
    if tingkat not in TingkatKendala.values:
        err["tingkat"] = _("Pilih tingkat kendala.")
    if penanggung_jawab is not None and not hak.tindak_kendala:
        err["penanggung_jawab"] = _("Hanya PPTK atau pimpinan OPD yang menunjuk penanggung jawab.")
    if err:
        raise ValidationError(err)
    _validasi_pj(proyek, penanggung_jawab)
    kritis = tingkat == TingkatKendala.KRITIS
    kendala = Kendala.objects.create(
        proyek=proyek,
        judul=judul.strip(),
        kategori=kategori,
        tingkat=tingkat,
        deskripsi=deskripsi.strip(),
        dilaporkan_oleh=oleh,
        penanggung_jawab=penanggung_jawab,
        batas_waktu=batas_waktu,
        status=StatusKendala.DITANGANI if penanggung_jawab else StatusKendala.TERBUKA,
        eskalasi=Eskalasi.KOTA if kritis else Eskalasi.TIDAK,
        dieskalasi_pada=timezone.now() if kritis else None,
    )
    penerima = [proyek.pptk_id]
    if tingkat in (TingkatKendala.TINGGI, TingkatKendala.KRITIS):
        penerima += selectors.pimpinan_opd_ids(proyek.opd_id)
    notifikasi_kirim(
        penerima=[p for p in penerima if p and p != oleh.pk],
        jenis="proyek_kendala",
        judul=_("Kendala baru (%(t)s) di %(p)s")
        % {
            "t": TingkatKendala(tingkat).label,
            "p": proyek.nama,
        },
        isi=kendala.judul,
        url=_url_kendala(kendala),
    )
    proyek_hitung_ulang(proyek=proyek)
    return kendala


def _wajib_tindak(kendala: Kendala, oleh: Pegawai) -> selectors.HakProyek:
    hak = _hak(oleh, kendala.proyek)
    if not hak.tindak_kendala:
        raise PermissionDenied
    if kendala.status == StatusKendala.SELESAI:
        raise ValidationError({"status": _("Kendala ini sudah selesai.")})
    return hak


@transaction.atomic
def kendala_tugaskan(
    *,
    kendala: Kendala,
    oleh: Pegawai,
    penanggung_jawab: Pegawai,
    batas_waktu: dt.date | None = None,
) -> Kendala:
    _wajib_tindak(kendala, oleh)
    _validasi_pj(kendala.proyek, penanggung_jawab)
    if batas_waktu is not None and batas_waktu < _hari_ini():
        raise ValidationError({"batas_waktu": _("Batas waktu tidak boleh di masa lalu.")})
    kendala.penanggung_jawab = penanggung_jawab
    if batas_waktu is not None:
        kendala.batas_waktu = batas_waktu
    kendala.status = StatusKendala.DITANGANI
    kendala.save()
    _aksi(kendala, oleh, _("Ditugaskan kepada %(n)s.") % {"n": penanggung_jawab.nama_lengkap})
    if penanggung_jawab.pk != oleh.pk:
        notifikasi_kirim(
            penerima=[penanggung_jawab],
            jenis="proyek_kendala_tugas",
            judul=_("Anda ditugaskan menangani kendala: %(j)s") % {"j": kendala.judul},
            isi=kendala.proyek.nama,
            url=_url_kendala(kendala),
        )
    return kendala


@transaction.atomic
def kendala_batas_waktu(*, kendala: Kendala, oleh: Pegawai, batas_waktu: dt.date) -> Kendala:
    _wajib_tindak(kendala, oleh)
    if batas_waktu < _hari_ini():
        raise ValidationError({"batas_waktu": _("Batas waktu tidak boleh di masa lalu.")})
    kendala.batas_waktu = batas_waktu
    kendala.save()
    _aksi(
        kendala, oleh, _("Batas waktu ditetapkan %(t)s.") % {"t": batas_waktu.strftime("%d/%m/%Y")}
    )
    return kendala


@transaction.atomic
def kendala_eskalasi(*, kendala: Kendala, oleh: Pegawai, ke: str) -> Kendala:
    """Escalate one step up (to the pimpinan OPD, or to the city); never down."""
    hak = _wajib_tindak(kendala, oleh)
    urutan = [Eskalasi.TIDAK, Eskalasi.OPD, Eskalasi.KOTA]
    if ke not in (Eskalasi.OPD, Eskalasi.KOTA) or urutan.index(Eskalasi(ke)) <= urutan.index(
        Eskalasi(kendala.eskalasi)
    ):
        raise ValidationError({"eskalasi": _("Kendala ini sudah dieskalasi ke tingkat itu.")})
    if ke == Eskalasi.KOTA and not hak.eskalasi_kota:
        raise PermissionDenied
    kendala.eskalasi = ke
    kendala.dieskalasi_pada = timezone.now()
    kendala.save()
    _aksi(kendala, oleh, _("Dieskalasi ke %(k)s.") % {"k": Eskalasi(ke).label})
    penerima = (
        selectors.pimpinan_opd_ids(kendala.proyek.opd_id)
        if ke == Eskalasi.OPD
        else _pimpinan_daerah_ids(kendala.proyek.opd.instansi_id)
    )
    notifikasi_kirim(
        penerima=[p for p in penerima if p != oleh.pk],
        jenis="proyek_kendala_eskalasi",
        judul=_("Eskalasi kendala: %(j)s") % {"j": kendala.judul},
        isi=kendala.proyek.nama,
        url=_url_kendala(kendala),
    )
    return kendala


@transaction.atomic
def kendala_komentar(*, kendala: Kendala, oleh: Pegawai, isi: str) -> KomentarKendala:
    # anyone who sees the project may take part in the thread
    if not selectors.proyek_list_for_user(oleh).filter(pk=kendala.proyek_id).exists():
        raise PermissionDenied
    if not isi.strip():
        raise ValidationError({"isi": _("Komentar tidak boleh kosong.")})
    komentar = KomentarKendala.objects.create(kendala=kendala, penulis=oleh, isi=isi.strip())
    penerima = {kendala.dilaporkan_oleh_id, kendala.penanggung_jawab_id} - {oleh.pk, None}
    notifikasi_kirim(
        penerima=[p for p in penerima if p],
        jenis="proyek_kendala_komentar",
        judul=_("Komentar baru pada kendala: %(j)s") % {"j": kendala.judul},
        isi=isi.strip()[:300],
        url=_url_kendala(kendala),
        email=False,
    )
    return komentar


@transaction.atomic
def kendala_selesaikan(*, kendala: Kendala, oleh: Pegawai, resolusi: str) -> Kendala:
    """The assignee, the PPTK or a manager records how it was resolved."""
    hak = _hak(oleh, kendala.proyek)
    if not (hak.tindak_kendala or kendala.penanggung_jawab_id == oleh.pk):
        raise PermissionDenied
    if kendala.status == StatusKendala.SELESAI:
        raise ValidationError({"status": _("Kendala ini sudah selesai.")})
    if not resolusi.strip():
        raise ValidationError({"resolusi": _("Tuliskan bagaimana kendala diselesaikan.")})
    kendala.status = StatusKendala.SELESAI
    kendala.resolusi = resolusi.strip()
    kendala.diselesaikan_pada = timezone.now()
    kendala.diselesaikan_oleh = oleh
    kendala.save()
    _aksi(kendala, oleh, _("Diselesaikan: %(r)s") % {"r": kendala.resolusi})
    proyek_hitung_ulang(proyek=kendala.proyek)
    return kendala
