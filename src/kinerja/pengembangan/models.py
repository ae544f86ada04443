"""Competency development and socialisation (issue #8). Fields and constraints only.

- Catalogue: `TopikKompetensi` (data: competency topics, optionally tied to a BerAKHLAK value or
  marked as a default topic for a low Rating Hasil Kerja) and `Pelatihan` (catalogue items).
- Enrolment: `Pendaftaran` (requested by the pegawai or assigned by the atasan, decided by the
  atasan, completed with a certificate) and `PelatihanEksternal` (training attended outside the
  catalogue, verified by admin BKPSDMD).
- JP ledger: `CapaianJp`, one row per credited training (completion of an enrolment, or a
  verified external training); yearly recaps are one aggregate over this table.
- Needs and plans: `KebutuhanPengembangan` (a recorded gap: from an evaluation, feedback, the
  atasan or the pegawai), `RencanaPengembangan` + `AktivitasRencana` (the agreed plan of a year).
- Socialisation: `Pengumuman` (targeted announcements), `Panduan` (guide and FAQ pages),
  `TurSelesai` (first-login tour dismissed per user and role), pulse survey (`SurveiDenyut`,
  `PertanyaanDenyut`, `PartisipasiDenyut`, `HitunganDenyut`, `ResponDenyut`, `KomentarDenyut`).

Pulse-survey anonymity: the participation row (who answered) and the answer are stored apart and
share nothing. Scores are never stored per respondent: they are added to per-OPD counters
(`HitunganDenyut`: survey × OPD × question × score → count, `ResponDenyut`: survey × OPD →
respondents), so there is no answer row that could be paired with a person. Free comments are
rows with a random UUID key, the OPD and the survey only — no time, no author, no sequence.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.skp.models import PerilakuKerja

# --- settings (data) ------------------------------------------------------------------------


class PengaturanPengembangan(models.Model):
    """Settings of competency development (one row; the first row is used)."""

    target_jp_tahunan = models.DecimalField(
        _("target JP per tahun"), max_digits=5, decimal_places=2, default=Decimal("20")
    )
    menit_per_jp = models.PositiveSmallIntegerField(_("menit per JP"), default=45)
    min_jawaban_denyut = models.PositiveSmallIntegerField(
        _("minimal jawaban survei denyut per OPD"),
        default=10,
        help_text=_("Hasil per OPD hanya ditampilkan bila jumlah jawaban mencapai angka ini."),
    )
    min_peserta_efek = models.PositiveSmallIntegerField(
        _("minimal peserta untuk efek pelatihan"),
        default=5,
        help_text=_("Di bawah angka ini efek pelatihan ditandai 'n terlalu kecil'."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengaturan pengembangan kompetensi")
        verbose_name_plural = _("pengaturan pengembangan kompetensi")

    def __str__(self) -> str:
        return str(_("Pengaturan pengembangan kompetensi"))


# --- catalogue ------------------------------------------------------------------------------


class BidangKompetensi(models.TextChoices):
    TEKNIS = "teknis", _("Teknis")
    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")


class BentukPelatihan(models.TextChoices):
    KLASIKAL = "klasikal", _("Klasikal")
    E_LEARNING = "e_learning", _("E-learning")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    MAGANG = "magang", _("Magang")
    JOB_ROTATION = "job_rotation", _("Job rotation")
    LAINNYA = "lainnya", _("Lainnya")


class TopikKompetensi(models.Model):
    """A competency topic (data). Recommendation rules read it: a topic tied to a BerAKHLAK value
    answers a low rating on that value; `untuk_hasil_rendah` topics answer a low Rating Hasil
    Kerja."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=120)
    bidang = models.CharField(_("bidang"), max_length=20, choices=BidangKompetensi.choices)
    perilaku = models.ForeignKey(
        PerilakuKerja,
        verbose_name=_("perilaku kerja (BerAKHLAK)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="topik_kompetensi_set",
    )
    untuk_hasil_rendah = models.BooleanField(
        _("untuk hasil kerja di bawah ekspektasi"), default=False
    )
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("topik kompetensi")
        verbose_name_plural = _("topik kompetensi")
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class Pelatihan(models.Model):
    """A catalogue item. `kuota` empty = unlimited; dates empty = any time (e.g. e-learning)."""

    judul = models.CharField(_("judul"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    bidang = models.CharField(_("bidang"), max_length=20, choices=BidangKompetensi.choices)
    topik = models.ManyToManyField(
        TopikKompetensi, verbose_name=_("topik"), related_name="pelatihan_set", blank=True
    )
    bentuk = models.CharField(_("bentuk"), max_length=20, choices=BentukPelatihan.choices)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200)
    jp = models.DecimalField(
        _("JP"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    kuota = models.PositiveIntegerField(_("kuota"), null=True, blank=True)
    lokasi = models.CharField(_("lokasi"), max_length=200, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pelatihan")
        verbose_name_plural = _("katalog pelatihan")
        ordering = ["-mulai", "judul"]
        indexes = [models.Index(fields=["aktif", "mulai"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True)
                | Q(mulai__isnull=True)
                | Q(selesai__gte=models.F("mulai")),
                name="pelatihan_selesai_setelah_mulai",
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class StatusPendaftaran(models.TextChoices):
    DIAJUKAN = "diajukan", _("Menunggu persetujuan atasan")
    DISETUJUI = "disetujui", _("Disetujui")
    DITOLAK = "ditolak", _("Ditolak")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")
    SELESAI = "selesai", _("Selesai")
    TIDAK_SELESAI = "tidak_selesai", _("Tidak selesai")


STATUS_PENDAFTARAN_HIDUP = (
    StatusPendaftaran.DIAJUKAN,
    StatusPendaftaran.DISETUJUI,
    StatusPendaftaran.SELESAI,
)


class Pendaftaran(models.Model):
    """A pegawai's enrolment in a catalogue item. Counts against the quota while
    diajukan/disetujui/selesai. `jp` is credited (copied from the item) at completion."""

    pelatihan = models.ForeignKey(
        Pelatihan, on_delete=models.PROTECT, related_name="pendaftaran_set"
    )
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="pendaftaran_set")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=StatusPendaftaran.choices,
        default=StatusPendaftaran.DIAJUKAN,
    )
    diajukan_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    alasan = models.TextField(_("alasan / kebutuhan"), blank=True)
    atasan = models.ForeignKey(
        Pegawai,
        verbose_name=_("atasan yang memutuskan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    diputus_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputus_pada = models.DateTimeField(null=True, blank=True)
    catatan_atasan = models.TextField(_("catatan atasan"), blank=True)
    selesai_pada = models.DateField(_("tanggal selesai"), null=True, blank=True)
    jp = models.DecimalField(_("JP diakui"), max_digits=5, decimal_places=2, null=True, blank=True)
    sertifikat = models.FileField(_("sertifikat"), upload_to="sertifikat/%Y/%m/", blank=True)
    sertifikat_nama = models.CharField(max_length=200, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    revisi = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pendaftaran pelatihan")
        verbose_name_plural = _("pendaftaran pelatihan")
        ordering = ["-dibuat_pada"]
        indexes = [
            models.Index(fields=["pegawai", "status"]),
            models.Index(fields=["atasan", "status"]),
            models.Index(fields=["pelatihan", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pelatihan", "pegawai"],
                condition=Q(status__in=["diajukan", "disetujui", "selesai"]),
                name="pendaftaran_sekali_per_pelatihan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} → {self.pelatihan_id} ({self.status})"


class StatusVerifikasi(models.TextChoices):
    MENUNGGU = "menunggu", _("Menunggu verifikasi")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITOLAK = "ditolak", _("Ditolak")


class PelatihanEksternal(models.Model):
    """Training attended outside the catalogue, recorded by the pegawai with a certificate and
    verified by admin BKPSDMD. JP may be entered directly or computed from minutes."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="pelatihan_eksternal_set"
    )
    judul = models.CharField(_("judul"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200)
    bidang = models.CharField(_("bidang"), max_length=20, choices=BidangKompetensi.choices)
    topik = models.ManyToManyField(
        TopikKompetensi, verbose_name=_("topik"), related_name="+", blank=True
    )
    bentuk = models.CharField(_("bentuk"), max_length=20, choices=BentukPelatihan.choices)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    menit = models.PositiveIntegerField(_("durasi (menit)"), null=True, blank=True)
    jp = models.DecimalField(
        _("JP"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    sertifikat = models.FileField(_("sertifikat"), upload_to="sertifikat/%Y/%m/")
    sertifikat_nama = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=StatusVerifikasi.choices,
        default=StatusVerifikasi.MENUNGGU,
    )
    diverifikasi_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    catatan_verifikasi = models.TextField(_("catatan verifikasi"), blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pelatihan eksternal")
        verbose_name_plural = _("pelatihan eksternal")
        ordering = ["-selesai"]
        indexes = [models.Index(fields=["status", "dibuat_pada"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")),
                name="pelatihan_eksternal_selesai_setelah_mulai",
            ),
        ]

    def __str__(self) -> str:
        return self.judul


class CapaianJp(models.Model):
    """JP credited to a pegawai in a year: exactly one source (an enrolment or an external
    training). Written by the services on completion / verification, removed on reversal."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="capaian_jp_set")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal = models.DateField(_("tanggal"))
    jp = models.DecimalField(_("JP"), max_digits=5, decimal_places=2)
    bidang = models.CharField(_("bidang"), max_length=20, choices=BidangKompetensi.choices)
    pendaftaran = models.OneToOneField(
        Pendaftaran, on_delete=models.CASCADE, null=True, blank=True, related_name="capaian_jp"
    )
    eksternal = models.OneToOneField(
        PelatihanEksternal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="capaian_jp",
    )

    class Meta:
        verbose_name = _("capaian JP")
        verbose_name_plural = _("capaian JP")
        indexes = [models.Index(fields=["tahun", "pegawai"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(pendaftaran__isnull=False) & Q(eksternal__isnull=True))
                | (Q(pendaftaran__isnull=True) & Q(eksternal__isnull=False)),
                name="capaian_jp_satu_sumber",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tahun}: {self.jp} JP"


# --- needs and development plans ------------------------------------------------------------


class SumberKebutuhan(models.TextChoices):
    PENILAIAN = "penilaian", _("Hasil penilaian kinerja")
    UMPAN_BALIK = "umpan_balik", _("Umpan balik")
    ATASAN = "atasan", _("Masukan atasan")
    PEGAWAI = "pegawai", _("Usulan pegawai")


class KebutuhanPengembangan(models.Model):
    """A recorded development need of a pegawai: a topic and why. Needs from evaluations are
    derived by the recommendation rules; this table holds the ones entered by the atasan (or the
    pegawai) and any derived need that was accepted into a plan."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="kebutuhan_pengembangan_set"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    topik = models.ForeignKey(
        TopikKompetensi, verbose_name=_("topik"), on_delete=models.PROTECT, related_name="+"
    )
    sumber = models.CharField(_("sumber"), max_length=16, choices=SumberKebutuhan.choices)
    alasan = models.TextField(_("alasan"))
    evaluasi = models.ForeignKey(
        "penilaian.Evaluasi", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    umpan_balik = models.ForeignKey(
        "umpanbalik.UmpanBalik", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dicatat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    terpenuhi_pada = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kebutuhan pengembangan")
        verbose_name_plural = _("kebutuhan pengembangan")
        ordering = ["-dibuat_pada"]
        indexes = [models.Index(fields=["tahun", "pegawai"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tahun}: {self.topik_id}"


class StatusRencana(models.TextChoices):
    DRAF = "draf", _("Draf")
    DISEPAKATI = "disepakati", _("Disepakati")
    SELESAI = "selesai", _("Selesai")


class RencanaPengembangan(models.Model):
    """The development plan of a pegawai for a year, agreed by the pegawai and the atasan
    (agreement = both confirmation times set; any change clears them)."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="rencana_pengembangan_set"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    atasan = models.ForeignKey(
        Pegawai, verbose_name=_("atasan"), on_delete=models.PROTECT, related_name="+"
    )
    tujuan = models.TextField(_("tujuan pengembangan"))
    status = models.CharField(
        _("status"), max_length=12, choices=StatusRencana.choices, default=StatusRencana.DRAF
    )
    disetujui_pegawai_pada = models.DateTimeField(null=True, blank=True)
    disetujui_atasan_pada = models.DateTimeField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    revisi = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana pengembangan")
        verbose_name_plural = _("rencana pengembangan")
        ordering = ["-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tahun"], name="rencana_sekali_setahun"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tahun}"


class AktivitasRencana(models.Model):
    """One activity of a plan: what, by when, optionally tied to a topic, an enrolment or a
    dialog kinerja (coaching / mentoring sessions)."""

    rencana = models.ForeignKey(
        RencanaPengembangan, on_delete=models.CASCADE, related_name="aktivitas_set"
    )
    uraian = models.CharField(_("aktivitas"), max_length=300)
    bentuk = models.CharField(_("bentuk"), max_length=20, choices=BentukPelatihan.choices)
    topik = models.ForeignKey(
        TopikKompetensi,
        verbose_name=_("topik"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    batas = models.DateField(_("batas waktu"))
    pendaftaran = models.ForeignKey(
        Pendaftaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dialog = models.ForeignKey(
        "umpanbalik.DialogKinerja",
        verbose_name=_("dialog kinerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    selesai_pada = models.DateField(_("selesai pada"), null=True, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aktivitas rencana pengembangan")
        verbose_name_plural = _("aktivitas rencana pengembangan")
        ordering = ["urutan", "batas", "pk"]

    def __str__(self) -> str:
        return self.uraian


# --- socialisation --------------------------------------------------------------------------


class Pengumuman(models.Model):
    """An announcement from BKPSDMD. `target_opd` empty = every OPD; `target_peran` empty = every
    role (values: "pegawai", "atasan", or organisasi.Peran values)."""

    judul = models.CharField(_("judul"), max_length=200)
    isi = models.TextField(_("isi"))
    penting = models.BooleanField(_("penting"), default=False)
    mulai = models.DateField(_("tampil mulai"), default=timezone.localdate)
    selesai = models.DateField(_("tampil sampai"), null=True, blank=True)
    target_opd = models.ManyToManyField(
        UnitKerja, verbose_name=_("OPD tujuan"), related_name="+", blank=True
    )
    target_peran = models.JSONField(_("peran tujuan"), default=list, blank=True)
    dibuat_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        ordering = ["-mulai", "-dibuat_pada"]

    def __str__(self) -> str:
        return self.judul


class KategoriPanduan(models.TextChoices):
    PANDUAN = "panduan", _("Panduan")
    FAQ = "faq", _("Tanya jawab (FAQ)")


class Panduan(models.Model):
    """A guide or FAQ page, editable by admins. `isi` is plain text: blank lines separate
    paragraphs, lines starting with "- " are list items."""

    slug = models.SlugField(_("alamat"), max_length=80, unique=True)
    judul = models.CharField(_("judul"), max_length=200)
    kategori = models.CharField(_("kategori"), max_length=10, choices=KategoriPanduan.choices)
    ringkasan = models.CharField(_("ringkasan"), max_length=300, blank=True)
    isi = models.TextField(_("isi"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("tampil"), default=True)
    diubah_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diubah_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("panduan / FAQ")
        verbose_name_plural = _("panduan / FAQ")
        ordering = ["kategori", "urutan", "judul"]

    def __str__(self) -> str:
        return self.judul


class TurSelesai(models.Model):
    """The first-login tour of a role was finished or dismissed by this user."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="+")
    peran = models.CharField(max_length=20)
    selesai_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tur pengenalan selesai")
        verbose_name_plural = _("tur pengenalan selesai")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "peran"], name="tur_sekali_per_peran"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.peran}"


class SurveiDenyut(models.Model):
    """A short anonymous pulse survey (e.g. "Apakah penilaian kinerja adil? bermanfaat?")."""

    judul = models.CharField(_("judul"), max_length=200)
    pengantar = models.TextField(_("pengantar"), blank=True)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    aktif = models.BooleanField(_("aktif"), default=True)
    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("survei denyut")
        verbose_name_plural = _("survei denyut")
        ordering = ["-mulai"]

    def __str__(self) -> str:
        return self.judul


class PertanyaanDenyut(models.Model):
    """A 1–5 question of a pulse survey."""

    survei = models.ForeignKey(
        SurveiDenyut, on_delete=models.CASCADE, related_name="pertanyaan_set"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    teks = models.CharField(_("pertanyaan"), max_length=300)

    class Meta:
        verbose_name = _("pertanyaan survei denyut")
        verbose_name_plural = _("pertanyaan survei denyut")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.teks


class PartisipasiDenyut(models.Model):
    """Who has answered a survey (to stop double answers). Holds nothing of the answer."""

    survei = models.ForeignKey(SurveiDenyut, on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("partisipasi survei denyut")
        verbose_name_plural = _("partisipasi survei denyut")
        constraints = [
            models.UniqueConstraint(fields=["survei", "pegawai"], name="denyut_sekali_per_pegawai"),
        ]

    def __str__(self) -> str:
        return f"{self.survei_id}: {self.pegawai_id}"


class ResponDenyut(models.Model):
    """Number of respondents of a survey in an OPD (the minimum-n check reads this)."""

    survei = models.ForeignKey(SurveiDenyut, on_delete=models.CASCADE, related_name="respon_set")
    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("jumlah responden survei denyut")
        verbose_name_plural = _("jumlah responden survei denyut")
        constraints = [
            models.UniqueConstraint(fields=["survei", "opd"], name="respon_denyut_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.survei_id} {self.opd_id}: {self.jumlah}"


class HitunganDenyut(models.Model):
    """How many respondents of an OPD gave a question a score (counter, never a single answer)."""

    survei = models.ForeignKey(SurveiDenyut, on_delete=models.CASCADE, related_name="hitungan_set")
    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    pertanyaan = models.ForeignKey(PertanyaanDenyut, on_delete=models.CASCADE, related_name="+")
    nilai = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hitungan survei denyut")
        verbose_name_plural = _("hitungan survei denyut")
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "opd", "pertanyaan", "nilai"], name="hitungan_denyut_unik"
            ),
            models.CheckConstraint(
                condition=Q(nilai__gte=1) & Q(nilai__lte=5), name="hitungan_denyut_nilai_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survei_id} {self.opd_id} {self.pertanyaan_id}={self.nilai}: {self.jumlah}"


class KomentarDenyut(models.Model):
    """A free comment of a pulse survey: random key, survey and OPD only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survei = models.ForeignKey(SurveiDenyut, on_delete=models.CASCADE, related_name="komentar_set")
    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    teks = models.TextField(_("komentar"))

    class Meta:
        verbose_name = _("komentar survei denyut")
        verbose_name_plural = _("komentar survei denyut")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.teks[:60]
