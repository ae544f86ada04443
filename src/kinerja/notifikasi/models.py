"""In-app notifications (the bell), e-mail preference, and the working-day calendar."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Instansi, Pegawai


class StatusEmail(models.TextChoices):
    TIDAK = "tidak", _("Tanpa e-mail")
    ANTRE = "antre", _("Menunggu dikirim")
    RINGKASAN = "ringkasan", _("Menunggu ringkasan harian")
    TERKIRIM = "terkirim", _("Terkirim")
    GAGAL = "gagal", _("Gagal dikirim")


class Notifikasi(models.Model):
    penerima = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="notifikasi_set")
    jenis = models.CharField(max_length=40)  # e.g. laporan_dikembalikan, pengingat_laporan
    judul = models.CharField(_("judul"), max_length=200)
    isi = models.TextField(_("isi"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    dibaca_pada = models.DateTimeField(null=True, blank=True)
    email = models.CharField(max_length=10, choices=StatusEmail.choices, default=StatusEmail.TIDAK)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [
            models.Index(fields=["penerima", "dibaca_pada"], name="notif_penerima_dibaca"),
            models.Index(fields=["penerima", "-dibuat_pada"], name="notif_penerima_waktu"),
            models.Index(fields=["email", "dibuat_pada"], name="notif_email_waktu"),
        ]

    def __str__(self) -> str:
        return self.judul


class ModeEmail(models.TextChoices):
    SEGERA = "segera", _("Segera, satu e-mail per notifikasi")
    HARIAN = "harian", _("Ringkasan harian")
    MATI = "mati", _("Tidak usah e-mail")


class PreferensiNotifikasi(models.Model):
    pegawai = models.OneToOneField(
        Pegawai, on_delete=models.CASCADE, related_name="preferensi_notifikasi"
    )
    email = models.CharField(
        _("kirim e-mail"), max_length=10, choices=ModeEmail.choices, default=ModeEmail.SEGERA
    )

    class Meta:
        verbose_name = _("preferensi notifikasi")
        verbose_name_plural = _("preferensi notifikasi")

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.email}"


class HariLibur(models.Model):
    """A public holiday or cuti bersama (national when `instansi` is empty). Data, not code."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tanggal = models.DateField(_("tanggal"))
    nama = models.CharField(_("keterangan"), max_length=120)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tanggal"], name="hari_libur_unik"),
            # NULLs are distinct in a unique constraint: one more for the national days
            models.UniqueConstraint(
                fields=["tanggal"],
                condition=models.Q(instansi__isnull=True),
                name="hari_libur_nasional_unik",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.nama}"


class JenisPengingat(models.TextChoices):
    LAPORAN = "pengingat_laporan", _("Pengingat laporan kegiatan")
    REVIEW = "pengingat_review", _("Pengingat review laporan bawahan")


class Pengingat(models.Model):
    """A reminder sent to one pegawai on one day: a rerun the same day sends nothing twice."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="+")
    jenis = models.CharField(max_length=20, choices=JenisPengingat.choices)
    tanggal = models.DateField()
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [
            models.UniqueConstraint(
                fields=["tanggal", "jenis", "pegawai"], name="pengingat_sekali_sehari"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.jenis} {self.pegawai_id}"
