"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): service points, unsur, mutu, responses."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Instansi, UnitKerja

JUMLAH_UNSUR = 9
KOLOM_UNSUR = [f"u{i}" for i in range(1, JUMLAH_UNSUR + 1)]

kode_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{1,38}$",
    _("Kode hanya huruf kecil, angka dan tanda hubung (2–39 karakter)."),
)


class UnitLayanan(models.Model):
    """A public-service point (counter, puskesmas, kelurahan office) of an organisation unit.

    Its staff are derived from the active penugasan in `unit_kerja` and its sub-units: no second
    list to keep in step with mutations.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    unit_kerja = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        related_name="unit_layanan_set",
        verbose_name=_("unit kerja"),
    )
    kode = models.CharField(
        _("kode tautan"),
        max_length=40,
        unique=True,
        validators=[kode_validator],
        help_text=_("Dipakai di tautan pendek /s/<kode>/, mis. dukcapil-ktp."),
    )
    nama = models.CharField(_("nama unit layanan"), max_length=200)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    aktif = models.BooleanField(_("aktif menerima survei"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit layanan")
        verbose_name_plural = _("unit layanan")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class JenisLayanan(models.Model):
    unit_layanan = models.ForeignKey(
        UnitLayanan, on_delete=models.CASCADE, related_name="jenis_set"
    )
    nama = models.CharField(_("jenis layanan"), max_length=200)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")
        ordering = ["urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_layanan", "nama"], name="jenis_layanan_unik_per_unit"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class UnsurSkm(models.Model):
    """One of the 9 unsur with the wording of its four answers (data, editable by admin)."""

    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    nama = models.CharField(_("unsur"), max_length=120)
    pertanyaan = models.CharField(_("pertanyaan"), max_length=255)
    label_1 = models.CharField(_("jawaban nilai 1"), max_length=60)
    label_2 = models.CharField(_("jawaban nilai 2"), max_length=60)
    label_3 = models.CharField(_("jawaban nilai 3"), max_length=60)
    label_4 = models.CharField(_("jawaban nilai 4"), max_length=60)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unsur SKM")
        verbose_name_plural = _("unsur SKM")
        ordering = ["nomor"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nomor__gte=1) & Q(nomor__lte=JUMLAH_UNSUR), name="unsur_nomor_1_9"
            )
        ]

    def __str__(self) -> str:
        return f"U{self.nomor} {self.nama}"

    @property
    def pilihan(self) -> list[tuple[int, str]]:
        return [(1, self.label_1), (2, self.label_2), (3, self.label_3), (4, self.label_4)]


class MutuSkm(models.Model):
    """Mutu pelayanan by IKM range (A–D), data seeded from PermenPANRB 14/2017."""

    kode = models.CharField(_("mutu"), max_length=1, unique=True)
    label = models.CharField(_("kinerja unit pelayanan"), max_length=40)
    ikm_min = models.DecimalField(_("IKM minimum"), max_digits=5, decimal_places=2)
    ikm_max = models.DecimalField(_("IKM maksimum"), max_digits=5, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mutu pelayanan")
        verbose_name_plural = _("mutu pelayanan")
        ordering = ["-ikm_min"]

    def __str__(self) -> str:
        return f"{self.kode} ({self.label})"


class PengaturanSurvei(models.Model):
    """Settings as data (one row per instansi)."""

    instansi = models.OneToOneField(Instansi, on_delete=models.CASCADE, related_name="+")
    min_responden_petugas = models.PositiveIntegerField(
        _("minimum responden untuk ringkasan petugas"), default=30
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengaturan survei")
        verbose_name_plural = _("pengaturan survei")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class Usia(models.TextChoices):
    U_17 = "<20", _("di bawah 20 tahun")
    U_20 = "20-29", _("20–29 tahun")
    U_30 = "30-39", _("30–39 tahun")
    U_40 = "40-49", _("40–49 tahun")
    U_50 = "50-59", _("50–59 tahun")
    U_60 = "60+", _("60 tahun ke atas")


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class Pendidikan(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    D = "diploma", _("Diploma (D1–D3)")
    S1 = "s1", _("S1/D4")
    S2 = "s2", _("S2/S3")


class Pekerjaan(models.TextChoices):
    PNS = "asn", _("PNS/PPPK/TNI/Polri")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRA = "wirausaha", _("Wirausaha")
    PELAJAR = "pelajar", _("Pelajar/Mahasiswa")
    IRT = "irt", _("Mengurus rumah tangga")
    LAIN = "lainnya", _("Lainnya")


class Sumber(models.TextChoices):
    ONLINE = "online", _("Daring (tautan/QR)")
    KIOSK = "kiosk", _("Kios di loket")
    KERTAS = "kertas", _("Kertas (impor)")
    API = "api", _("API")


class StatusRespons(models.TextChoices):
    VALID = "valid", _("Sah")
    MENCURIGAKAN = "mencurigakan", _("Mencurigakan")


def _skor(nomor: int) -> models.SmallIntegerField:
    return models.SmallIntegerField(f"U{nomor}", null=True, blank=True)


class Respons(models.Model):
    """One respondent's answers. u1..u9 as columns: IKM is one SUM/COUNT query."""

    unit_layanan = models.ForeignKey(
        UnitLayanan, on_delete=models.PROTECT, related_name="respons_set"
    )
    jenis_layanan = models.ForeignKey(
        JenisLayanan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tanggal = models.DateField(_("tanggal layanan"))
    u1 = _skor(1)
    u2 = _skor(2)
    u3 = _skor(3)
    u4 = _skor(4)
    u5 = _skor(5)
    u6 = _skor(6)
    u7 = _skor(7)
    u8 = _skor(8)
    u9 = _skor(9)
    usia = models.CharField(_("usia"), max_length=6, choices=Usia.choices, blank=True)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=JenisKelamin.choices, blank=True
    )
    pendidikan = models.CharField(
        _("pendidikan"), max_length=10, choices=Pendidikan.choices, blank=True
    )
    pekerjaan = models.CharField(
        _("pekerjaan"), max_length=10, choices=Pekerjaan.choices, blank=True
    )
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("petugas yang melayani"),
    )
    saran = models.TextField(_("saran dan pengaduan"), blank=True, max_length=2000)
    sumber = models.CharField(_("sumber"), max_length=10, choices=Sumber.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusRespons.choices, default=StatusRespons.VALID
    )
    alasan = models.JSONField(_("alasan dicurigai"), default=list, blank=True)
    sidik = models.CharField(max_length=64, blank=True, editable=False)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    perangkat = models.CharField(max_length=64, blank=True, editable=False)
    dibuat_pada = models.DateTimeField(_("dikirim pada"), default=timezone.now)

    class Meta:
        verbose_name = _("respons survei")
        verbose_name_plural = _("respons survei")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [
            models.Index(fields=["unit_layanan", "status", "tanggal"], name="respons_unit_idx"),
            models.Index(fields=["ip_hash", "dibuat_pada"], name="respons_ip_idx"),
            models.Index(fields=["perangkat", "dibuat_pada"], name="respons_perangkat_idx"),
            models.Index(fields=["sidik"], name="respons_sidik_idx"),
            models.Index(fields=["petugas", "tanggal"], name="respons_petugas_idx"),
            models.Index(fields=["status", "dibuat_pada"], name="respons_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{k}__isnull": True}) | Q(**{f"{k}__gte": 1, f"{k}__lte": 4}),
                name=f"respons_{k}_1_4",
            )
            for k in KOLOM_UNSUR
        ]

    def __str__(self) -> str:
        return f"{self.unit_layanan_id} {self.tanggal}"

    @property
    def skor(self) -> list[int | None]:
        return [getattr(self, k) for k in KOLOM_UNSUR]


class TokenTerpakai(models.Model):
    """A consumed one-time form token (its nonce). The unique key refuses a second use."""

    nonce = models.CharField(max_length=32, unique=True)
    dipakai_pada = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.nonce


class ImporSurvei(models.Model):
    """An uploaded paper-survey file kept between the dry run and the apply."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nama_file = models.CharField(_("nama berkas"), max_length=255)
    konten = models.BinaryField()
    jumlah_baris = models.PositiveIntegerField(default=0)
    galat = models.JSONField(default=list, blank=True)
    diterapkan_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return self.nama_file


class SumberIkmIndikator(models.Model):
    """An Indikator Kinerja Individu whose realisasi is the IKM of a unit layanan."""

    indikator = models.OneToOneField(
        "skp.IndikatorKinerja", on_delete=models.CASCADE, related_name="sumber_ikm"
    )
    unit_layanan = models.ForeignKey(
        UnitLayanan, on_delete=models.PROTECT, related_name="indikator_set"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sumber IKM indikator")
        verbose_name_plural = _("sumber IKM indikator")

    def __str__(self) -> str:
        return f"{self.indikator_id} ← {self.unit_layanan_id}"
