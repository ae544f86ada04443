"""Daily activity reports (laporan kegiatan), bukti dukung, and realisasi per indikator.

Realisasi is kept as running monthly totals per indikator (`RealisasiBulanan`), changed by a
delta when a report is approved, un-approved or edited — never recomputed from all reports. Any
cadence (monthly, quarterly, semester, year) is a sum over months. Fields and constraints only;
the workflow lives in services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import IndikatorKinerja, Rhk, Skp


class StatusLaporan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Menunggu review")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")


class SumberMirip(models.TextChoices):
    SENDIRI = "sendiri", _("Mirip laporan sendiri di hari lain")
    ORANG_LAIN = "orang_lain", _("Mirip laporan pegawai lain")


class LaporanKegiatan(models.Model):
    """One piece of work done on one day, linked to the RHK/indikator it serves."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="laporan_set")
    skp = models.ForeignKey(
        Skp, on_delete=models.PROTECT, null=True, blank=True, related_name="laporan_set"
    )
    rhk = models.ForeignKey(
        Rhk, on_delete=models.PROTECT, null=True, blank=True, related_name="laporan_set"
    )
    indikator = models.ForeignKey(
        IndikatorKinerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="laporan_set",
    )
    proyek = models.ForeignKey(
        "proyek.Proyek",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="laporan_set",
        verbose_name=_("proyek/kegiatan"),
    )
    tanggal = models.DateField(_("tanggal"))
    jam_mulai = models.TimeField(_("jam mulai"), null=True, blank=True)
    jam_selesai = models.TimeField(_("jam selesai"), null=True, blank=True)
    durasi_menit = models.PositiveIntegerField(_("durasi (menit)"))
    uraian = models.TextField(_("uraian kegiatan"))
    kuantitas = models.DecimalField(
        _("jumlah output"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan output"), max_length=60, blank=True)
    tautan = models.URLField(_("tautan bukti"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusLaporan.choices, default=StatusLaporan.DIAJUKAN
    )
    direview_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    direview_pada = models.DateTimeField(null=True, blank=True)
    catatan_review = models.TextField(_("catatan atasan"), blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)
    revisi = models.PositiveIntegerField(default=0, help_text="optimistic lock: +1 on every save")
    # Fairness signal: the closest earlier report, when near-duplicate (flag, never a block).
    mirip_dengan = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    skor_mirip = models.FloatField(null=True, blank=True)
    mirip_sumber = models.CharField(max_length=12, choices=SumberMirip.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("laporan kegiatan")
        verbose_name_plural = _("laporan kegiatan")
        ordering = ["-tanggal", "-pk"]
        indexes = [
            models.Index(fields=["pegawai", "tanggal"], name="laporan_pegawai_tgl"),
            models.Index(fields=["pegawai", "status", "tanggal"], name="laporan_pegawai_status"),
            models.Index(fields=["indikator", "status"], name="laporan_indikator_status"),
            models.Index(fields=["tanggal", "status"], name="laporan_tgl_status"),
            # waiting reviews by age (review reminders, the adoption view's backlog) and reviews
            # in a window (the adoption view's average review delay)
            models.Index(fields=["status", "dibuat_pada"], name="laporan_status_dibuat"),
            models.Index(fields=["direview_pada"], name="laporan_direview"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(durasi_menit__gt=0) & Q(durasi_menit__lte=24 * 60),
                name="laporan_durasi_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.uraian[:60]}"


class RealisasiManual(models.Model):
    """A realisasi entered by hand (with evidence) for an indikator that reports do not count."""

    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.PROTECT, related_name="realisasi_manual_set"
    )
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField(_("tanggal"))
    nilai = models.DecimalField(_("nilai realisasi"), max_digits=14, decimal_places=2)
    keterangan = models.TextField(_("keterangan"), blank=True)
    tautan = models.URLField(_("tautan bukti"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusLaporan.choices, default=StatusLaporan.DIAJUKAN
    )
    direview_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    direview_pada = models.DateTimeField(null=True, blank=True)
    catatan_review = models.TextField(_("catatan atasan"), blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)
    revisi = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi manual")
        verbose_name_plural = _("realisasi manual")
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["indikator", "tanggal"], name="realman_ind_tgl")]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.nilai}"


class BuktiDukung(models.Model):
    """An evidence file of a report or a manual realisasi (checked by common.unggahan)."""

    laporan = models.ForeignKey(
        LaporanKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="bukti_set"
    )
    realisasi_manual = models.ForeignKey(
        RealisasiManual, on_delete=models.CASCADE, null=True, blank=True, related_name="bukti_set"
    )
    berkas = models.FileField(_("berkas"), upload_to="bukti/%Y/%m/", max_length=300)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=10)  # pdf | jpg | png | docx | xlsx
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(laporan__isnull=False) | Q(realisasi_manual__isnull=False),
                name="bukti_punya_induk",
            ),
        ]

    def __str__(self) -> str:
        return self.nama_asli


class RealisasiBulanan(models.Model):
    """Running totals of one indikator in one month (approved reports + approved manual entries).

    Maintained incrementally by the services (F() deltas), read by progress pages and the
    evaluation; a full recompute exists only as a repair command.
    """

    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.CASCADE, related_name="realisasi_bulanan_set"
    )
    tahun = models.PositiveSmallIntegerField()
    bulan = models.PositiveSmallIntegerField()  # 1..12
    jumlah_laporan = models.PositiveIntegerField(default=0)
    menit = models.PositiveIntegerField(default=0)
    kuantitas = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    manual = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("realisasi bulanan")
        verbose_name_plural = _("realisasi bulanan")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "bulan"], name="realisasi_bulanan_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator_id} {self.tahun}-{self.bulan:02d}"


class TemplateLaporan(models.Model):
    """A pegawai's personal quick-entry template."""

    pegawai = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="template_laporan_set"
    )
    nama = models.CharField(_("nama template"), max_length=120)
    uraian = models.TextField(_("uraian kegiatan"))
    durasi_menit = models.PositiveIntegerField(_("durasi (menit)"), null=True, blank=True)
    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    satuan = models.CharField(_("satuan output"), max_length=60, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("template laporan")
        verbose_name_plural = _("template laporan")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class LaporanSidik(models.Model):
    """One LSH band key of a report's MinHash signature: the near-duplicate index.

    Candidates are reports sharing a `kunci` (band number mixed into the hash, so one index
    serves all bands). Only reports of the last MIRIP_JENDELA_HARI days are kept; older rows are
    pruned (`manage.py mirip_pangkas`). pegawai/opd/tanggal are copied to avoid joins.
    """

    laporan = models.ForeignKey(LaporanKegiatan, on_delete=models.CASCADE, related_name="+")
    kunci = models.BigIntegerField()
    pegawai_ref = models.PositiveIntegerField()
    opd_id = models.PositiveIntegerField(null=True, blank=True)
    tanggal = models.DateField()

    class Meta:
        verbose_name = _("sidik laporan")
        verbose_name_plural = _("sidik laporan")
        indexes = [
            models.Index(fields=["kunci"], name="sidik_kunci"),
            models.Index(fields=["tanggal"], name="sidik_tanggal"),
        ]

    def __str__(self) -> str:
        return f"{self.laporan_id}:{self.kunci}"
