"""Organisation: instansi, unit kerja tree, jabatan tree, pegawai (the user), assignments, roles."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Instansi(models.Model):
    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    kota = models.CharField(_("kota/tempat"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")

    def __str__(self) -> str:
        return self.nama


class JenisUnit(models.TextChoices):
    OPD = "opd", _("Perangkat daerah (OPD)")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    BIDANG = "bidang", _("Bidang")
    BAGIAN = "bagian", _("Bagian")
    SEKSI = "seksi", _("Seksi")
    SUBBAGIAN = "subbagian", _("Subbagian")
    UPT = "upt", _("UPT")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    SEKOLAH = "sekolah", _("Sekolah")
    RSUD = "rsud", _("RSUD")


class UnitKerja(models.Model):
    """A node of the unit tree. `path` (ids from the root) makes subtree reads one query."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="unit_set")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("unit induk"),
    )
    opd = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("OPD"),
        help_text=_("Unit teratas (perangkat daerah) dari unit ini."),
    )
    kode = models.CharField(_("kode unit"), max_length=40)
    nama = models.CharField(_("nama unit"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    jenis = models.CharField(_("jenis unit"), max_length=20, choices=JenisUnit.choices)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    ditutup_pada = models.DateField(_("ditutup pada"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "kode"], name="unit_kode_unik_per_instansi"
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def aktif(self) -> bool:
        return self.ditutup_pada is None or self.ditutup_pada > timezone.localdate()

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]


class JenisJabatan(models.TextChoices):
    JPT = "jpt", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    PELAKSANA = "pelaksana", _("Pelaksana")
    FUNGSIONAL = "fungsional", _("Fungsional")


class Jenjang(models.TextChoices):
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")


class Eselon(models.TextChoices):
    IIA = "II.a", "II.a"
    IIB = "II.b", "II.b"
    IIIA = "III.a", "III.a"
    IIIB = "III.b", "III.b"
    IVA = "IV.a", "IV.a"
    IVB = "IV.b", "IV.b"


class Jabatan(models.Model):
    """A position in a unit; `parent` is the position of the atasan (the reporting line)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="jabatan_set")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="jabatan_set")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("jabatan atasan"),
    )
    kode = models.CharField(_("kode jabatan"), max_length=40)
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    jenjang = models.CharField(_("jenjang"), max_length=20, choices=Jenjang.choices, blank=True)
    eselon = models.CharField(_("eselon"), max_length=6, choices=Eselon.choices, blank=True)
    kepala = models.BooleanField(_("kepala unit"), default=False)
    ditutup_pada = models.DateField(_("ditutup pada"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__path", "-kepala", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "kode"], name="jabatan_kode_unik_per_instansi"
            ),
            models.CheckConstraint(
                condition=~Q(jenis="fungsional") | ~Q(jenjang=""),
                name="jabatan_fungsional_punya_jenjang",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def aktif(self) -> bool:
        return self.ditutup_pada is None or self.ditutup_pada > timezone.localdate()


class StatusAsn(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


GOLONGAN_PNS = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PPPK = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]


class PegawaiManager(BaseUserManager["Pegawai"]):
    use_in_migrations = True

    def create_user(self, nip: str, password: str | None = None, **extra: object) -> Pegawai:
        user = self.model(nip=nip, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, nip: str, password: str | None = None, **extra: object) -> Pegawai:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(nip, password, **extra)


class Pegawai(AbstractBaseUser, PermissionsMixin):
    """Every ASN is a user; they log in with NIP (or NI PPPK) and password."""

    instansi = models.ForeignKey(
        Instansi, on_delete=models.PROTECT, null=True, blank=True, related_name="pegawai_set"
    )
    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    status_asn = models.CharField(
        _("status ASN"), max_length=4, choices=StatusAsn.choices, default=StatusAsn.PNS
    )
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    golongan = models.CharField(_("golongan/ruang"), max_length=6, blank=True)
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(_("akses admin Django"), default=False)
    harus_ganti_password = models.BooleanField(_("wajib ganti kata sandi"), default=False)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = PegawaiManager()

    USERNAME_FIELD = "nip"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["nama"]

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        indexes = [models.Index(fields=["nama"], name="pegawai_nama_idx")]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    @property
    def nama_lengkap(self) -> str:
        nama = f"{self.gelar_depan} {self.nama}".strip()
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    @property
    def pangkat(self) -> str:
        return GOLONGAN_PNS.get(self.golongan, "")

    def get_full_name(self) -> str:
        return self.nama_lengkap

    def get_short_name(self) -> str:
        return self.nama


class JenisPenugasan(models.TextChoices):
    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Pelaksana Tugas (Plt)")
    PLH = "plh", _("Pelaksana Harian (Plh)")


class PenugasanQuerySet(models.QuerySet["Penugasan"]):
    def aktif_pada(self, tanggal: dt.date) -> PenugasanQuerySet:
        return self.filter(mulai__lte=tanggal).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=tanggal)
        )


class Penugasan(models.Model):
    """Who holds which jabatan from when to when. Plt/Plh rows override the atasan line."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="penugasan_set")
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="penugasan_set")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="penugasan_set")
    jenis = models.CharField(
        _("jenis penugasan"),
        max_length=10,
        choices=JenisPenugasan.choices,
        default=JenisPenugasan.DEFINITIF,
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    history = HistoricalRecords()
    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("riwayat penugasan")
        ordering = ["-mulai"]
        indexes = [
            models.Index(fields=["jabatan", "mulai"], name="penugasan_jabatan_idx"),
            models.Index(fields=["pegawai", "mulai"], name="penugasan_pegawai_idx"),
            models.Index(fields=["unit", "selesai"], name="penugasan_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="penugasan_selesai_setelah_mulai",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} → {self.jabatan_id} ({self.jenis})"


class Peran(models.TextChoices):
    PIMPINAN_OPD = "pimpinan_opd", _("Pimpinan OPD")
    OPERATOR_OPD = "operator_opd", _("Operator OPD")
    ADMIN_BKPSDMD = "admin_bkpsdmd", _("Admin BKPSDMD")
    PIMPINAN_DAERAH = "pimpinan_daerah", _("Pimpinan Daerah")
    INSPEKTORAT = "inspektorat", _("Inspektorat")


PERAN_BERCAKUPAN_UNIT = {Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD}


class PemberianPeran(models.Model):
    """A role granted to a pegawai, scoped to a unit (OPD) where the role needs one."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="peran_set")
    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices)
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cakupan unit"),
    )
    mulai = models.DateField(_("mulai"), default=timezone.localdate)
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    diberikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pemberian peran")
        verbose_name_plural = _("pemberian peran")
        ordering = ["peran", "pegawai__nama"]

    def __str__(self) -> str:
        return f"{self.get_peran_display()} — {self.pegawai_id}"


class StatusImpor(models.TextChoices):
    DIPERIKSA_OK = "diperiksa_ok", _("Diperiksa, siap diterapkan")
    DIPERIKSA_GALAT = "diperiksa_galat", _("Diperiksa, ada galat")
    ANTRE = "antre", _("Dalam antrean")
    BERJALAN = "berjalan", _("Sedang diterapkan")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class ImporBatch(models.Model):
    """One uploaded import file: its bytes (so Apply re-reads the same file) and the report."""

    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    nama_file = models.CharField(_("nama berkas"), max_length=255)
    jenis = models.CharField(_("jenis data"), max_length=10, null=True, blank=True)
    konten = models.BinaryField(_("isi berkas"))
    status = models.CharField(_("status"), max_length=20, choices=StatusImpor.choices)
    laporan = models.JSONField(_("laporan"), default=dict, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    progress_selesai = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["instansi", "-dibuat_pada"], name="impor_instansi_idx")]

    def __str__(self) -> str:
        return f"{self.nama_file} ({self.get_status_display()})"

    @property
    def sedang_berjalan(self) -> bool:
        return self.status in {StatusImpor.ANTRE, StatusImpor.BERJALAN}
