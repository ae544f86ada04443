"""Project (kegiatan/proyek) monitoring for leaders. The proyek app owns this module.

A Proyek has a planned S-curve (`RencanaBulanan`: cumulative physical % and cumulative budget at
the END of each month), weighted milestones, progress updates (`ProgresProyek`, cumulative) with
evidence files, and obstacles (`Kendala`) with a discussion thread. The early-warning status
(hijau/kuning/merah) and its reasons are computed by services.hitung_peringatan against the
thresholds in `AmbangPeringatan` and stored on the project, together with the latest actual and
the plan at that date, so dashboards read one row per project. Fields and constraints only.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.skp.models import IndikatorPK, Rhk


def _tahun_ini() -> int:
    return timezone.localdate().year


class StatusProyek(models.TextChoices):
    PERENCANAAN = "perencanaan", _("Perencanaan")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


STATUS_AKTIF = (StatusProyek.PERENCANAAN, StatusProyek.BERJALAN)


class Peringatan(models.TextChoices):
    HIJAU = "hijau", _("Hijau")
    KUNING = "kuning", _("Kuning")
    MERAH = "merah", _("Merah")


class Proyek(models.Model):
    """A project/kegiatan of an OPD with its PPTK, team, pagu and the stored early warning."""

    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="proyek_set")
    kode = models.CharField(_("kode kegiatan"), max_length=40, blank=True)
    nama = models.CharField(_("nama proyek/kegiatan"), max_length=250)
    unit_pelaksana = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit pelaksana"),
    )
    tahun_anggaran = models.PositiveSmallIntegerField(_("tahun anggaran"), default=_tahun_ini)
    indikator_pk = models.ForeignKey(
        IndikatorPK,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proyek_set",
        verbose_name=_("indikator perjanjian kinerja"),
    )
    rhk = models.ForeignKey(
        Rhk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proyek_set",
        verbose_name=_("RHK"),
    )
    pptk = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proyek_pptk_set",
        verbose_name=_("PPTK (penanggung jawab)"),
    )
    lokasi = models.CharField(_("lokasi"), max_length=250, blank=True)
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    pagu = models.DecimalField(_("pagu (Rp)"), max_digits=16, decimal_places=2, default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusProyek.choices, default=StatusProyek.PERENCANAAN
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    # Latest reported actual (copied from the newest ProgresProyek by the services).
    fisik_realisasi = models.DecimalField(
        _("realisasi fisik (%)"), max_digits=5, decimal_places=2, default=0
    )
    keuangan_realisasi = models.DecimalField(
        _("realisasi keuangan (Rp)"), max_digits=16, decimal_places=2, default=0
    )
    progres_terakhir = models.DateField(_("progres terakhir"), null=True, blank=True)

    # Early warning, stored when computed (services.proyek_hitung_ulang).
    status_peringatan = models.CharField(
        _("status peringatan"), max_length=6, choices=Peringatan.choices, default=Peringatan.HIJAU
    )
    alasan_peringatan = models.JSONField(_("alasan peringatan"), default=list, blank=True)
    dihitung_pada = models.DateTimeField(_("dihitung pada"), null=True, blank=True)
    fisik_rencana = models.DecimalField(
        _("rencana fisik saat dihitung (%)"), max_digits=5, decimal_places=2, default=0
    )
    keuangan_rencana = models.DecimalField(
        _("rencana keuangan saat dihitung (Rp)"), max_digits=16, decimal_places=2, default=0
    )

    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)
    revisi = models.PositiveIntegerField(default=0, help_text="optimistic lock: +1 on every save")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proyek")
        verbose_name_plural = _("proyek")
        ordering = ["nama"]
        indexes = [
            models.Index(fields=["opd", "tahun_anggaran"], name="proyek_opd_tahun"),
            models.Index(fields=["opd", "status_peringatan"], name="proyek_opd_peringatan"),
            models.Index(fields=["pptk", "status"], name="proyek_pptk_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun_anggaran", "kode"],
                condition=~Q(kode=""),
                name="proyek_kode_unik_per_opd_tahun",
            ),
            models.CheckConstraint(
                condition=Q(fisik_realisasi__gte=0) & Q(fisik_realisasi__lte=100),
                name="proyek_fisik_0_100",
            ),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="proyek_pagu_nonneg"),
        ]

    def __str__(self) -> str:
        return self.nama


class PeranAnggota(models.TextChoices):
    PPTK = "pptk", _("PPTK")
    TEKNIS = "teknis", _("Tim teknis")
    KEUANGAN = "keuangan", _("Keuangan/bendahara")
    PENGAWAS = "pengawas", _("Pengawas lapangan")
    ANGGOTA = "anggota", _("Anggota")


class AnggotaProyek(models.Model):
    """A team member; the PPTK is always a member too (kept by the services)."""

    proyek = models.ForeignKey(Proyek, on_delete=models.CASCADE, related_name="anggota_set")
    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="anggota_proyek_set"
    )
    peran = models.CharField(
        _("peran"), max_length=10, choices=PeranAnggota.choices, default=PeranAnggota.ANGGOTA
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    ditambahkan_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("anggota tim proyek")
        verbose_name_plural = _("anggota tim proyek")
        ordering = ["peran", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proyek", "pegawai"], name="anggota_proyek_unik"),
        ]
        indexes = [models.Index(fields=["pegawai", "aktif"], name="anggota_pegawai_aktif")]

    def __str__(self) -> str:
        return f"{self.pegawai_id} @ {self.proyek_id}"


class RencanaBulanan(models.Model):
    """The planned S-curve: cumulative values at the END of `bulan` (stored as its first day)."""

    proyek = models.ForeignKey(Proyek, on_delete=models.CASCADE, related_name="rencana_set")
    bulan = models.DateField(_("bulan"))
    fisik = models.DecimalField(_("rencana fisik kumulatif (%)"), max_digits=5, decimal_places=2)
    keuangan = models.DecimalField(
        _("rencana keuangan kumulatif (Rp)"), max_digits=16, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("rencana bulanan")
        verbose_name_plural = _("rencana bulanan")
        ordering = ["bulan"]
        constraints = [
            models.UniqueConstraint(fields=["proyek", "bulan"], name="rencana_bulanan_unik"),
            models.CheckConstraint(
                condition=Q(fisik__gte=0) & Q(fisik__lte=100), name="rencana_fisik_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proyek_id} {self.bulan:%Y-%m} {self.fisik}%"


class Milestone(models.Model):
    proyek = models.ForeignKey(Proyek, on_delete=models.CASCADE, related_name="milestone_set")
    urutan = models.PositiveSmallIntegerField(default=0)
    nama = models.CharField(_("nama tahapan"), max_length=200)
    bobot = models.DecimalField(
        _("bobot (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    jatuh_tempo = models.DateField(_("jatuh tempo"))
    deliverable = models.TextField(_("keluaran (deliverable)"), blank=True)
    selesai_pada = models.DateField(_("selesai pada"), null=True, blank=True)
    bukti = models.FileField(_("bukti"), upload_to="proyek/%Y/%m/", max_length=300, blank=True)
    bukti_nama = models.CharField(_("nama berkas bukti"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tahapan (milestone)")
        verbose_name_plural = _("tahapan (milestone)")
        ordering = ["jatuh_tempo", "urutan", "pk"]

    def __str__(self) -> str:
        return self.nama


class ProgresProyek(models.Model):
    """A progress update: cumulative physical % and cumulative budget realised at `tanggal`."""

    proyek = models.ForeignKey(Proyek, on_delete=models.CASCADE, related_name="progres_set")
    tanggal = models.DateField(_("tanggal"))
    fisik = models.DecimalField(_("fisik kumulatif (%)"), max_digits=5, decimal_places=2)
    keuangan = models.DecimalField(
        _("realisasi keuangan kumulatif (Rp)"), max_digits=16, decimal_places=2, default=0
    )
    narasi = models.TextField(_("narasi"), blank=True)
    alasan_koreksi = models.TextField(_("alasan koreksi (jika turun)"), blank=True)
    dilaporkan_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progres proyek")
        verbose_name_plural = _("progres proyek")
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["proyek", "tanggal"], name="progres_proyek_tgl")]
        constraints = [
            models.CheckConstraint(
                condition=Q(fisik__gte=0) & Q(fisik__lte=100), name="progres_fisik_0_100"
            ),
            models.CheckConstraint(condition=Q(keuangan__gte=0), name="progres_keuangan_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.proyek_id} {self.tanggal} {self.fisik}%"


class BuktiProyek(models.Model):
    """An evidence file (photo/document) of a progress update, checked by common.unggahan."""

    progres = models.ForeignKey(ProgresProyek, on_delete=models.CASCADE, related_name="bukti_set")
    berkas = models.FileField(_("berkas"), upload_to="proyek/%Y/%m/", max_length=300)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=10)  # pdf | jpg | png | docx | xlsx
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bukti progres proyek")
        verbose_name_plural = _("bukti progres proyek")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nama_asli


class KategoriKendala(models.TextChoices):
    ANGGARAN = "anggaran", _("Anggaran")
    PENGADAAN = "pengadaan", _("Pengadaan")
    SDM = "sdm", _("SDM")
    TEKNIS = "teknis", _("Teknis/lahan")
    REGULASI = "regulasi", _("Regulasi")
    KOORDINASI = "koordinasi", _("Koordinasi")
    LAINNYA = "lainnya", _("Lainnya")


class TingkatKendala(models.TextChoices):
    RENDAH = "rendah", _("Rendah")
    SEDANG = "sedang", _("Sedang")
    TINGGI = "tinggi", _("Tinggi")
    KRITIS = "kritis", _("Kritis")


class StatusKendala(models.TextChoices):
    TERBUKA = "terbuka", _("Terbuka")
    DITANGANI = "ditangani", _("Ditangani")
    SELESAI = "selesai", _("Selesai")


STATUS_KENDALA_TERBUKA = (StatusKendala.TERBUKA, StatusKendala.DITANGANI)


class Eskalasi(models.TextChoices):
    TIDAK = "tidak", _("Tidak dieskalasi")
    OPD = "opd", _("Pimpinan OPD")
    KOTA = "kota", _("Pemerintah kota")


class Kendala(models.Model):
    proyek = models.ForeignKey(Proyek, on_delete=models.CASCADE, related_name="kendala_set")
    judul = models.CharField(_("judul"), max_length=200)
    kategori = models.CharField(_("kategori"), max_length=12, choices=KategoriKendala.choices)
    tingkat = models.CharField(_("tingkat"), max_length=8, choices=TingkatKendala.choices)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    dilaporkan_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    penanggung_jawab = models.ForeignKey(
        Pegawai,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kendala_ditugaskan_set",
        verbose_name=_("penanggung jawab"),
    )
    batas_waktu = models.DateField(_("batas waktu"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusKendala.choices, default=StatusKendala.TERBUKA
    )
    eskalasi = models.CharField(
        _("eskalasi"), max_length=5, choices=Eskalasi.choices, default=Eskalasi.TIDAK
    )
    dieskalasi_pada = models.DateTimeField(null=True, blank=True)
    diselesaikan_pada = models.DateTimeField(_("diselesaikan pada"), null=True, blank=True)
    diselesaikan_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolusi = models.TextField(_("resolusi"), blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kendala")
        verbose_name_plural = _("kendala")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [
            models.Index(fields=["proyek", "status"], name="kendala_proyek_status"),
            models.Index(fields=["eskalasi", "status"], name="kendala_eskalasi_status"),
            models.Index(fields=["penanggung_jawab", "status"], name="kendala_pj_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="selesai") | Q(diselesaikan_pada__isnull=False),
                name="kendala_selesai_bertanggal",
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class JenisKomentar(models.TextChoices):
    KOMENTAR = "komentar", _("Komentar")
    AKSI = "aksi", _("Tindakan")  # written by the services: assigned, escalated, deadline, resolved


class KomentarKendala(models.Model):
    kendala = models.ForeignKey(Kendala, on_delete=models.CASCADE, related_name="komentar_set")
    penulis = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(
        max_length=10, choices=JenisKomentar.choices, default=JenisKomentar.KOMENTAR
    )
    isi = models.TextField(_("komentar"))
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("komentar kendala")
        verbose_name_plural = _("komentar kendala")
        ordering = ["dibuat_pada", "pk"]

    def __str__(self) -> str:
        return self.isi[:60]


class AturanPeringatan(models.TextChoices):
    DEVIASI_FISIK = "deviasi_fisik", _("Fisik tertinggal dari rencana (poin persen)")
    MILESTONE_TERLAMBAT = "milestone_terlambat", _("Tahapan lewat jatuh tempo (hari)")
    SERAPAN_ANGGARAN = "serapan_anggaran", _("Serapan anggaran tertinggal (poin persen pagu)")
    KENDALA_TERBUKA = "kendala_terbuka", _("Kendala terbuka terlalu lama (hari)")
    KENDALA_KRITIS = "kendala_kritis", _("Jumlah kendala kritis yang terbuka")


class AmbangPeringatan(models.Model):
    """A threshold of one early-warning rule: the level is reached when the measure is
    STRICTLY GREATER than the value (empty = that level is not used by the rule)."""

    aturan = models.CharField(
        _("aturan"), max_length=20, choices=AturanPeringatan.choices, unique=True
    )
    kuning = models.DecimalField(
        _("kuning bila lebih dari"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    merah = models.DecimalField(
        _("merah bila lebih dari"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ambang peringatan")
        verbose_name_plural = _("ambang peringatan")
        ordering = ["aturan"]

    def __str__(self) -> str:
        return str(self.get_aturan_display())


from .tautan import SumberProyekIndikator  # noqa: E402,F401
