"""Continuous feedback (umpan balik berkelanjutan) and dialog kinerja.

Fields and constraints only; the rules (who may write to whom) live in services.py.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import PerilakuKerja, Rhk, Skp


class Sasaran(models.TextChoices):
    LAPORAN = "laporan", _("Laporan kegiatan")
    RHK = "rhk", _("Realisasi RHK")
    PERILAKU = "perilaku", _("Perilaku kerja (BerAKHLAK)")
    UMUM = "umum", _("Umum")


class UmpanBalik(models.Model):
    """One message of a feedback thread about a pegawai's work (the root names the subject).

    The atasan starts a thread (feedback) or the pegawai does (`permintaan`: asking for
    feedback); replies point to the root with `induk`.
    """

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="umpan_balik_set"
    )  # whose performance the thread is about
    penulis = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    # Root only: the pejabat on the atasan side of the thread (the giver of a feedback, or the
    # atasan a request is addressed to); replies copy it so one index serves both sides.
    pejabat = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    skp = models.ForeignKey(
        Skp, on_delete=models.PROTECT, null=True, blank=True, related_name="umpan_balik_set"
    )
    induk = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="balasan_set"
    )
    sasaran = models.CharField(
        _("tentang"), max_length=10, choices=Sasaran.choices, default=Sasaran.UMUM
    )
    laporan = models.ForeignKey(
        LaporanKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="umpan_balik_set",
    )
    rhk = models.ForeignKey(
        Rhk, on_delete=models.PROTECT, null=True, blank=True, related_name="umpan_balik_set"
    )
    perilaku = models.ForeignKey(
        PerilakuKerja, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    periode_mulai = models.DateField(_("periode mulai"), null=True, blank=True)
    periode_selesai = models.DateField(_("periode selesai"), null=True, blank=True)
    permintaan = models.BooleanField(_("permintaan umpan balik"), default=False)
    teks = models.TextField(_("umpan balik"))
    lampiran = models.FileField(_("lampiran"), upload_to="umpanbalik/%Y/%m/", blank=True)
    lampiran_nama = models.CharField(max_length=200, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    dibaca_pada = models.DateTimeField(null=True, blank=True)  # read by the other side
    # Root only: last message time (list order) and when the pejabat side answered a request.
    aktivitas_pada = models.DateTimeField(default=timezone.now)
    dijawab_pada = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        ordering = ["dibuat_pada", "pk"]
        indexes = [
            models.Index(fields=["pegawai", "dibuat_pada"], name="umpanbalik_pegawai_waktu"),
            models.Index(fields=["penulis", "dibuat_pada"], name="umpanbalik_penulis_waktu"),
            models.Index(
                fields=["pejabat", "induk", "aktivitas_pada"], name="umpanbalik_pejabat_aktif"
            ),
            models.Index(
                fields=["pegawai", "induk", "aktivitas_pada"], name="umpanbalik_pegawai_aktif"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_selesai__isnull=True)
                | Q(periode_mulai__isnull=True)
                | Q(periode_selesai__gte=models.F("periode_mulai")),
                name="umpanbalik_periode_urut",
            ),
        ]

    def __str__(self) -> str:
        return self.teks[:80]


class DialogKinerja(models.Model):
    """A recorded coaching conversation between a pegawai and the atasan, confirmed by both."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="dialog_set")
    atasan = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(
        Skp, on_delete=models.PROTECT, null=True, blank=True, related_name="dialog_set"
    )
    tanggal = models.DateField(_("tanggal dialog"))
    topik = models.TextField(_("topik yang dibahas"))
    kesepakatan = models.TextField(_("kesepakatan"), blank=True)
    dibuat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    dikonfirmasi_pegawai_pada = models.DateTimeField(null=True, blank=True)
    dikonfirmasi_atasan_pada = models.DateTimeField(null=True, blank=True)
    revisi = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        ordering = ["-tanggal", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(pegawai=models.F("atasan")), name="dialog_dua_pihak"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.topik[:60]}"

    @property
    def dikonfirmasi(self) -> bool:
        return bool(self.dikonfirmasi_pegawai_pada and self.dikonfirmasi_atasan_pada)


class TindakLanjutDialog(models.Model):
    """A follow-up action agreed in a dialog: what, who, by when, and when it was done."""

    dialog = models.ForeignKey(
        DialogKinerja, on_delete=models.CASCADE, related_name="tindak_lanjut_set"
    )
    aksi = models.TextField(_("tindak lanjut"))
    pemilik = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    batas = models.DateField(_("batas waktu"))
    selesai_pada = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tindak lanjut dialog")
        verbose_name_plural = _("tindak lanjut dialog")
        ordering = ["batas", "pk"]
        indexes = [models.Index(fields=["pemilik", "selesai_pada", "batas"], name="tl_pemilik")]

    def __str__(self) -> str:
        return self.aksi[:80]
