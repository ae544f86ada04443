"""SKP planning: periods, Perjanjian Kinerja, SKP with RHK and indicators, BerAKHLAK, versions.

Fields and constraints only; the workflow lives in services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Instansi, Jabatan, Pegawai, UnitKerja


class Kadensi(models.TextChoices):
    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")
    SEMESTERAN = "semesteran", _("Semesteran")


class StatusPeriode(models.TextChoices):
    PERENCANAAN = "perencanaan", _("Perencanaan")
    BERJALAN = "berjalan", _("Berjalan")
    EVALUASI = "evaluasi", _("Evaluasi")
    DITUTUP = "ditutup", _("Ditutup")


class PeriodeKinerja(models.Model):
    """One performance year of an instansi, with its periodic-evaluation cadence and deadlines."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="periode_set")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    kadensi = models.CharField(
        _("kadensi penilaian periodik"),
        max_length=12,
        choices=Kadensi.choices,
        default=Kadensi.TRIWULANAN,
    )
    batas_penyusunan = models.DateField(_("batas penyusunan SKP"), null=True, blank=True)
    batas_persetujuan = models.DateField(_("batas persetujuan SKP"), null=True, blank=True)
    dikunci_sampai = models.DateField(
        _("laporan dikunci sampai"),
        null=True,
        blank=True,
        help_text=_(
            "Laporan kegiatan dan realisasi bertanggal sampai hari ini tidak dapat diubah."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusPeriode.choices, default=StatusPeriode.PERENCANAAN
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periode kinerja")
        verbose_name_plural = _("periode kinerja")
        ordering = ["-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun"], name="periode_unik_per_tahun"),
            models.CheckConstraint(
                condition=Q(selesai__gt=models.F("mulai")), name="periode_selesai_setelah_mulai"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tahun}"


class PerjanjianKinerja(models.Model):
    """The OPD's yearly performance agreement: the source of JPT RHK."""

    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="pk_set")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="perjanjian_set")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        constraints = [
            models.UniqueConstraint(fields=["periode", "unit"], name="pk_unik_per_opd_tahun"),
        ]

    def __str__(self) -> str:
        return f"PK {self.unit} {self.periode}"


class SasaranPK(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="sasaran_set"
    )
    urutan = models.PositiveSmallIntegerField(default=0)
    sasaran = models.TextField(_("sasaran strategis"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran perjanjian kinerja")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.sasaran[:80]


class IndikatorPK(models.Model):
    sasaran = models.ForeignKey(SasaranPK, on_delete=models.CASCADE, related_name="indikator_set")
    urutan = models.PositiveSmallIntegerField(default=0)
    indikator = models.TextField(_("indikator kinerja"))
    target_angka = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target_teks = models.CharField(_("target (teks)"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator perjanjian kinerja")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.indikator[:80]


class PerilakuKerja(models.Model):
    """The 7 BerAKHLAK core values with their guidance indicators (data, editable by admins)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=80)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    indikator = models.TextField(_("panduan perilaku"), help_text=_("Satu panduan per baris."))
    aktif = models.BooleanField(_("aktif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perilaku kerja (BerAKHLAK)")
        verbose_name_plural = _("perilaku kerja (BerAKHLAK)")
        ordering = ["urutan"]

    def __str__(self) -> str:
        return self.nama

    @property
    def panduan(self) -> list[str]:
        return [line.strip() for line in self.indikator.splitlines() if line.strip()]


class Pendekatan(models.TextChoices):
    KUANTITATIF = "kuantitatif", _("Kuantitatif")
    KUALITATIF = "kualitatif", _("Kualitatif")


class StatusSkp(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")


class Skp(models.Model):
    """One version of a pegawai's SKP for a period. A revision of an approved SKP is a new row
    (versi + 1); the previous row keeps `aktif=False` and stays viewable.

    Identity of the pegawai, jabatan, unit and pejabat penilai is snapshotted at creation, so a
    later mutasi does not rewrite a signed document. `revisi` is the optimistic-lock counter.
    """

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="skp_set")
    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="skp_set")
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    aktif = models.BooleanField(_("versi berlaku"), default=True)
    revisi_dari = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pendekatan = models.CharField(
        _("pendekatan"), max_length=12, choices=Pendekatan.choices, default=Pendekatan.KUANTITATIF
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusSkp.choices, default=StatusSkp.DRAFT
    )
    # snapshot at creation
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unit = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pegawai_nama = models.CharField(max_length=220, blank=True)
    pegawai_golongan = models.CharField(max_length=60, blank=True)
    jabatan_nama = models.CharField(max_length=200, blank=True)
    jabatan_jenis = models.CharField(max_length=20, blank=True)
    unit_nama = models.CharField(max_length=200, blank=True)
    pejabat_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="skp_dinilai_set"
    )
    penilai_nama = models.CharField(max_length=220, blank=True)
    penilai_nip = models.CharField(max_length=18, blank=True)
    penilai_golongan = models.CharField(max_length=60, blank=True)
    penilai_jabatan_nama = models.CharField(max_length=200, blank=True)
    penilai_unit_nama = models.CharField(max_length=200, blank=True)
    # lampiran (optional)
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)
    # workflow
    catatan_pengembalian = models.TextField(_("catatan pengembalian"), blank=True)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    disetujui_pada = models.DateTimeField(null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revisi = models.PositiveIntegerField(default=0, help_text="optimistic lock: +1 on every save")
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-periode__tahun", "pegawai__nama", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "periode", "versi"], name="skp_versi_unik"),
            models.UniqueConstraint(
                fields=["pegawai", "periode"],
                condition=Q(aktif=True),
                name="skp_satu_versi_berlaku",
            ),
        ]
        indexes = [
            models.Index(fields=["periode", "status"], name="skp_periode_status_idx"),
            models.Index(fields=["pejabat_penilai", "status"], name="skp_penilai_status_idx"),
            models.Index(fields=["unit", "periode"], name="skp_unit_periode_idx"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.pegawai_nama or self.pegawai_id} {self.periode_id} v{self.versi}"

    @property
    def bisa_diubah(self) -> bool:
        return self.status in {StatusSkp.DRAFT, StatusSkp.DIKEMBALIKAN}


class JenisRhk(models.TextChoices):
    UTAMA = "utama", _("Utama")
    TAMBAHAN = "tambahan", _("Tambahan")


class Rhk(models.Model):
    """Rencana Hasil Kerja. Non-JPT: names the atasan's RHK it intervenes (cascading);
    JPT: comes from an indicator of the OPD's Perjanjian Kinerja."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhk_set")
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisRhk.choices, default=JenisRhk.UTAMA
    )
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.TextField(_("rencana hasil kerja"))
    rhk_atasan = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervensi_set",
        verbose_name=_("RHK pimpinan yang diintervensi"),
    )
    indikator_pk = models.ForeignKey(
        IndikatorPK,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rhk_set",
        verbose_name=_("indikator perjanjian kinerja"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("RHK")
        verbose_name_plural = _("RHK")
        ordering = ["-jenis", "urutan", "pk"]  # utama before tambahan ("u" > "t")

    def __str__(self) -> str:
        return self.teks[:80]


class Aspek(models.TextChoices):
    KUANTITAS = "kuantitas", _("Kuantitas")
    KUALITAS = "kualitas", _("Kualitas")
    WAKTU = "waktu", _("Waktu")
    BIAYA = "biaya", _("Biaya")


class SumberRealisasi(models.TextChoices):
    MANUAL = "manual", _("Diisi manual (dengan bukti)")
    LAPORAN = "laporan", _("Dari laporan kegiatan")
    IKM = "ikm", _("Dari IKM unit layanan (survei kepuasan)")
    PROYEK = "proyek", _("Dari progres proyek")


class IndikatorKinerja(models.Model):
    """Indikator Kinerja Individu of an RHK: aspek, target (number + satuan, or text)."""

    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="indikator_set")
    urutan = models.PositiveSmallIntegerField(default=0)
    aspek = models.CharField(
        _("aspek"), max_length=10, choices=Aspek.choices, default=Aspek.KUANTITAS
    )
    teks = models.TextField(_("indikator kinerja individu"))
    target_angka = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target_teks = models.CharField(_("target (kualitatif)"), max_length=200, blank=True)
    sumber_realisasi = models.CharField(
        _("sumber realisasi"),
        max_length=20,
        choices=SumberRealisasi.choices,
        default=SumberRealisasi.LAPORAN,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator kinerja individu")
        verbose_name_plural = _("indikator kinerja individu")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.teks[:80]

    @property
    def target(self) -> str:
        if self.target_angka is not None:
            angka = f"{self.target_angka.normalize():f}"
            return f"{angka} {self.target_satuan}".strip()
        return self.target_teks


class EkspektasiPerilaku(models.Model):
    """The atasan's *ekspektasi khusus pimpinan* for one BerAKHLAK value of one SKP."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="ekspektasi_set")
    perilaku = models.ForeignKey(PerilakuKerja, on_delete=models.PROTECT, related_name="+")
    ekspektasi = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ekspektasi perilaku")
        constraints = [
            models.UniqueConstraint(fields=["skp", "perilaku"], name="ekspektasi_unik_per_skp"),
        ]

    def __str__(self) -> str:
        return f"{self.skp_id} {self.perilaku_id}"


class AksiSkp(models.TextChoices):
    DIBUAT = "dibuat", _("Dibuat")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")
    DIREVISI = "direvisi", _("Revisi dibuat")


class RiwayatSkp(models.Model):
    """The workflow log shown on the SKP page."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="riwayat_set")
    aksi = models.CharField(max_length=14, choices=AksiSkp.choices)
    oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    catatan = models.TextField(blank=True)
    waktu = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.skp_id} {self.aksi}"


class SkpVersi(models.Model):
    """An approved version, frozen: the snapshot behind the PDF and its public verification page
    (reached by QR code or the short `kode`)."""

    skp = models.OneToOneField(Skp, on_delete=models.PROTECT, related_name="versi_disetujui")
    kode = models.CharField(_("kode verifikasi"), max_length=12, unique=True)
    snapshot = models.JSONField(_("isi SKP saat disetujui"))
    disetujui_oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    disetujui_pada = models.DateTimeField()

    class Meta:
        verbose_name = _("versi SKP disetujui")
        verbose_name_plural = _("versi SKP disetujui")

    def __str__(self) -> str:
        return self.kode


class TemplateSkp(models.Model):
    """A reusable set of RHK with indicators for one jabatan, applied to new drafts."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="+")
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.CASCADE, related_name="template_skp_set", null=True, blank=True
    )
    nama = models.CharField(_("nama template"), max_length=200)
    isi = models.JSONField(_("RHK dan indikator"), default=list)
    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("template SKP")
        verbose_name_plural = _("template SKP")
        ordering = ["nama", "pk"]

    def __str__(self) -> str:
        return self.nama


class StatusTugas(models.TextChoices):
    ANTRE = "antre", _("Dalam antrean")
    BERJALAN = "berjalan", _("Sedang diproses")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class PengingatSkp(models.Model):
    """One "kirim pengingat" action: who was reminded (by email) to finish their SKP."""

    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="+")
    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=StatusTugas.choices, default=StatusTugas.ANTRE)
    penerima = models.JSONField(default=list, blank=True)  # [{nip, nama, email, status, terkirim}]
    jumlah_terkirim = models.PositiveIntegerField(default=0)
    jumlah_tanpa_email = models.PositiveIntegerField(default=0)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pengingat SKP")
        verbose_name_plural = _("pengingat SKP")
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"Pengingat {self.opd_id} {self.dibuat_pada:%Y-%m-%d}"


class DokumenMassal(models.Model):
    """A background job: every SKP PDF of a unit (with its sub-units) in one ZIP."""

    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    dibuat_oleh = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=StatusTugas.choices, default=StatusTugas.ANTRE)
    base_url = models.CharField(max_length=200, blank=True)  # for the QR links in the PDFs
    progress_selesai = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    berkas = models.FileField(upload_to="skp/massal/", blank=True)
    pesan = models.TextField(blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dokumen SKP massal")
        verbose_name_plural = _("dokumen SKP massal")
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"PDF massal {self.unit_id} {self.dibuat_pada:%Y-%m-%d}"

    @property
    def sedang_berjalan(self) -> bool:
        return self.status in {StatusTugas.ANTRE, StatusTugas.BERJALAN}
