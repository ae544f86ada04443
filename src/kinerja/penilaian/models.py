"""Penilaian (evaluasi kinerja): the rule tables (data, editable in the admin) and the
evaluation records. Fields and constraints only; the rules live in rules.py / services.py.

Every table marked *unconfirmed* in shared/domain.md is a model here, seeded by a data
migration, so an administrator can correct it without a release.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Jenjang, Pegawai, UnitKerja
from kinerja.skp.models import Aspek, IndikatorKinerja, PerilakuKerja, PeriodeKinerja, Skp

# --- vocabularies ---------------------------------------------------------------------------


class Rating(models.TextChoices):
    """Rating Hasil Kerja and Rating Perilaku Kerja share the same three values."""

    DI_ATAS = "di_atas", _("Di Atas Ekspektasi")
    SESUAI = "sesuai", _("Sesuai Ekspektasi")
    DI_BAWAH = "di_bawah", _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    """Predikat kinerja pegawai."""

    SANGAT_BAIK = "sangat_baik", _("Sangat Baik")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang/Misconduct")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


class PredikatOrg(models.TextChoices):
    """Predikat kinerja organisasi (of a unit/OPD)."""

    ISTIMEWA = "istimewa", _("Istimewa")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


class JenisEvaluasi(models.TextChoices):
    PERIODIK = "periodik", _("Periodik")
    TAHUNAN = "tahunan", _("Tahunan")


# --- rule tables (data) ---------------------------------------------------------------------


class MatriksPredikat(models.Model):
    """One cell of the 3×3 matrix: rating hasil × rating perilaku → predikat pegawai."""

    rating_hasil = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices)
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"), max_length=10, choices=Rating.choices
    )
    predikat = models.CharField(_("predikat"), max_length=20, choices=Predikat.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("matriks predikat")
        verbose_name_plural = _("matriks predikat")
        ordering = ["rating_hasil", "rating_perilaku"]
        constraints = [
            models.UniqueConstraint(
                fields=["rating_hasil", "rating_perilaku"], name="matriks_sel_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_hasil_display()} × {self.get_rating_perilaku_display()}"


class JenisAturan(models.TextChoices):
    PALING_BANYAK = "paling_banyak", _("Paling banyak")
    PALING_SEDIKIT = "paling_sedikit", _("Paling sedikit")
    SISANYA = "sisanya", _("Sisanya hanya")


class AturanDistribusi(models.Model):
    """One rule of the allowed distribution (kurva) for a predikat organisasi.

    `paling_banyak` / `paling_sedikit`: the number of pegawai whose predikat is in
    `predikat_pegawai` compared with `persen` % of the unit (exact fraction) or with `jumlah`.
    `sisanya`: every pegawai whose predikat is not named by another rule of the same predikat
    organisasi must have a predikat in `predikat_pegawai` ("rest Sangat Baik or Sangat Kurang").
    """

    predikat_organisasi = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=PredikatOrg.choices
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    jenis = models.CharField(_("jenis aturan"), max_length=16, choices=JenisAturan.choices)
    predikat_pegawai = models.JSONField(
        _("predikat pegawai"),
        help_text=_('Daftar kode predikat, mis. ["butuh_perbaikan", "kurang"].'),
    )
    persen = models.DecimalField(_("persen"), max_digits=5, decimal_places=2, null=True, blank=True)
    jumlah = models.PositiveIntegerField(_("jumlah orang"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aturan distribusi predikat")
        verbose_name_plural = _("aturan distribusi predikat")
        ordering = ["predikat_organisasi", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis="sisanya", persen__isnull=True, jumlah__isnull=True)
                | (
                    ~Q(jenis="sisanya")
                    & (
                        Q(persen__isnull=False, jumlah__isnull=True)
                        | Q(persen__isnull=True, jumlah__isnull=False)
                    )
                ),
                name="aturan_distribusi_persen_atau_jumlah",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_predikat_organisasi_display()}: {self.keterangan or self.jenis}"


class AmbangUsulan(models.Model):
    """Threshold of the *proposed* Rating Hasil Kerja: average capaian ≥ `batas_bawah` % →
    `rating` (the highest matching row wins). Unconfirmed: data."""

    rating = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices)
    batas_bawah = models.DecimalField(
        _("capaian rata-rata minimal (%)"), max_digits=6, decimal_places=2
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ambang usulan rating hasil kerja")
        verbose_name_plural = _("ambang usulan rating hasil kerja")
        ordering = ["-batas_bawah"]
        constraints = [
            models.UniqueConstraint(fields=["rating"], name="ambang_usulan_rating_unik"),
        ]

    def __str__(self) -> str:
        return f"≥ {self.batas_bawah}% → {self.get_rating_display()}"


class KonversiPredikatOrganisasi(models.Model):
    """For the leader of a unit: the unit's predikat organisasi → their Rating Hasil Kerja.
    Unconfirmed: data."""

    predikat_organisasi = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=PredikatOrg.choices, unique=True
    )
    rating_hasil = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rating hasil pimpinan unit dari predikat organisasi")
        verbose_name_plural = _("rating hasil pimpinan unit dari predikat organisasi")
        ordering = ["predikat_organisasi"]

    def __str__(self) -> str:
        return f"{self.get_predikat_organisasi_display()} → {self.get_rating_hasil_display()}"


class KoefisienAngkaKredit(models.Model):
    """Annual angka kredit coefficient per jenjang fungsional (Ahli Pertama 12.5 confirmed)."""

    jenjang = models.CharField(_("jenjang"), max_length=20, choices=Jenjang.choices, unique=True)
    koefisien = models.DecimalField(_("koefisien tahunan"), max_digits=6, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koefisien angka kredit")
        verbose_name_plural = _("koefisien angka kredit")
        ordering = ["koefisien"]

    def __str__(self) -> str:
        return f"{self.get_jenjang_display()}: {self.koefisien}"


class PersentaseAngkaKredit(models.Model):
    """Angka kredit percentage per predikat (Sangat Baik 150 … Sangat Kurang 25)."""

    predikat = models.CharField(_("predikat"), max_length=20, choices=Predikat.choices, unique=True)
    persen = models.DecimalField(_("persen"), max_digits=6, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("persentase angka kredit")
        verbose_name_plural = _("persentase angka kredit")
        ordering = ["-persen"]

    def __str__(self) -> str:
        return f"{self.get_predikat_display()}: {self.persen}%"


class KonversiTpp(models.Model):
    """TPP percentage per predikat for the payroll export (Perwali; unconfirmed: data)."""

    predikat = models.CharField(_("predikat"), max_length=20, choices=Predikat.choices, unique=True)
    persen = models.DecimalField(_("persen TPP"), max_digits=6, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("konversi TPP")
        verbose_name_plural = _("konversi TPP")
        ordering = ["-persen", "predikat"]

    def __str__(self) -> str:
        return f"{self.get_predikat_display()}: {self.persen}%"


class PengaturanPenilaian(models.Model):
    """Settings of the evaluation (one row; the first row is used). Unconfirmed: data."""

    batas_keberatan_hari = models.PositiveSmallIntegerField(
        _("batas pengajuan keberatan (hari)"),
        default=14,
        help_text=_("Hari sejak pegawai melihat hasil (hari melihat = hari ke-0)."),
    )
    tenggang_hari = models.PositiveSmallIntegerField(
        _("tenggang sebelum akhir periode (hari)"),
        default=0,
        help_text=_("Penilaian boleh dimulai sekian hari sebelum periode berakhir."),
    )
    batas_capaian_persen = models.DecimalField(
        _("batas capaian untuk rata-rata (%)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("150"),
    )
    batas_keputusan_hari = models.PositiveSmallIntegerField(
        _("batas keputusan keberatan (hari)"),
        default=21,
        help_text=_("Sejak keberatan diajukan; tidak diatur peraturan (belum dikonfirmasi)."),
    )
    pengingat_keputusan_hari = models.PositiveSmallIntegerField(
        _("pengingat keputusan (hari sebelum batas)"), default=3
    )
    teks_aturan_usulan = models.TextField(
        _("teks aturan usulan"),
        blank=True,
        help_text=_("Penjelasan aturan usulan untuk pengguna; kosong = dibuat dari tabel ambang."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengaturan penilaian")
        verbose_name_plural = _("pengaturan penilaian")

    def __str__(self) -> str:
        return str(_("Pengaturan penilaian"))


# --- evaluation data ------------------------------------------------------------------------


class PredikatOrganisasi(models.Model):
    """The predikat kinerja organisasi of a unit for one evaluation window."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="predikat_org_set")
    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisEvaluasi.choices)
    urutan = models.PositiveSmallIntegerField(
        _("periode ke"), default=0, help_text=_("0 untuk tahunan.")
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    predikat = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=PredikatOrg.choices
    )
    ditetapkan_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alasan = models.TextField(_("alasan"), blank=True)
    ditetapkan_pada = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("predikat kinerja organisasi")
        verbose_name_plural = _("predikat kinerja organisasi")
        ordering = ["-mulai", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "periode", "jenis", "urutan"], name="predikat_org_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.jenis} {self.urutan}: {self.predikat}"


class StatusEvaluasi(models.TextChoices):
    DRAF = "draf", _("Draf")
    FINAL = "final", _("Dinilai")
    DIKUNCI = "dikunci", _("Dikunci")


class Evaluasi(models.Model):
    """The evaluation of one pegawai for one window (a periodic period or the year)."""

    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="evaluasi_set")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="evaluasi_set")
    periode = models.ForeignKey(PeriodeKinerja, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="evaluasi_set")
    pejabat_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="evaluasi_dinilai_set"
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisEvaluasi.choices)
    urutan = models.PositiveSmallIntegerField(
        _("periode ke"), default=0, help_text=_("0 untuk tahunan.")
    )
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    # proposal (computed from achievement) and the numbers behind it
    usulan_hasil = models.CharField(
        _("usulan rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True
    )
    capaian_rata = models.DecimalField(
        _("capaian rata-rata (%)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    jumlah_indikator_dihitung = models.PositiveSmallIntegerField(default=0)
    pimpinan_unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Diisi bila pegawai memimpin unit ini: rating hasil dari predikat unit."),
    )
    predikat_organisasi = models.CharField(max_length=20, choices=PredikatOrg.choices, blank=True)
    # final ratings
    rating_hasil = models.CharField(
        _("rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True
    )
    alasan_hasil = models.TextField(_("alasan rating hasil kerja"), blank=True)
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"), max_length=10, choices=Rating.choices, blank=True
    )
    catatan_perilaku = models.TextField(_("catatan perilaku kerja"), blank=True)
    predikat = models.CharField(
        _("predikat"), max_length=20, choices=Predikat.choices, blank=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusEvaluasi.choices, default=StatusEvaluasi.DRAF
    )
    revisi = models.PositiveIntegerField(default=0, help_text="optimistic lock: +1 on every save")
    dinilai_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dinilai_pada = models.DateTimeField(null=True, blank=True)
    dikalibrasi = models.BooleanField(default=False)
    dikunci_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dikunci_pada = models.DateTimeField(null=True, blank=True)
    dilihat_pegawai_pada = models.DateTimeField(
        _("dilihat pegawai pada"),
        null=True,
        blank=True,
        help_text=_("Awal jangka waktu keberatan."),
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)
    diubah_pada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluasi kinerja")
        verbose_name_plural = _("evaluasi kinerja")
        ordering = ["-mulai", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "periode", "jenis", "urutan"], name="evaluasi_unik_per_jendela"
            ),
        ]
        indexes = [
            models.Index(
                fields=["periode", "jenis", "urutan", "unit"], name="evaluasi_jendela_idx"
            ),
            models.Index(fields=["pejabat_penilai", "status"], name="evaluasi_penilai_idx"),
            models.Index(fields=["unit", "status"], name="evaluasi_unit_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Evaluasi {self.pegawai_id} {self.jenis} {self.mulai:%Y-%m-%d}"

    @property
    def dikunci(self) -> bool:
        return self.status == StatusEvaluasi.DIKUNCI


class EvaluasiIndikator(models.Model):
    """Target vs realisasi of one indikator, snapshotted when the evaluation is rated."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="indikator_set")
    indikator = models.ForeignKey(
        IndikatorKinerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    urutan = models.PositiveSmallIntegerField(default=0)
    rhk_teks = models.TextField(blank=True)
    rhk_jenis = models.CharField(max_length=10, blank=True)
    teks = models.TextField()
    aspek = models.CharField(max_length=10, choices=Aspek.choices)
    target_angka = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_satuan = models.CharField(max_length=60, blank=True)
    target_teks = models.CharField(max_length=200, blank=True)
    realisasi = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))
    jumlah_laporan = models.PositiveIntegerField(default=0)
    menit = models.PositiveIntegerField(default=0)
    capaian = models.DecimalField(
        _("capaian (%)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    capaian_dihitung = models.DecimalField(
        _("capaian dalam rata-rata (%)"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indikator yang dinilai")
        verbose_name_plural = _("indikator yang dinilai")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.teks[:80]


class RatingPerilakuNilai(models.Model):
    """The pejabat penilai's note (and optional rating) per BerAKHLAK value."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="perilaku_set")
    perilaku = models.ForeignKey(PerilakuKerja, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catatan perilaku kerja")
        verbose_name_plural = _("catatan perilaku kerja")
        ordering = ["perilaku__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "perilaku"], name="perilaku_unik_per_eval"),
        ]

    def __str__(self) -> str:
        return f"{self.evaluasi_id} {self.perilaku_id}"


class SumberPerubahan(models.TextChoices):
    PENILAIAN = "penilaian", _("Penilaian pejabat penilai")
    KALIBRASI = "kalibrasi", _("Kalibrasi pimpinan OPD")
    KEBERATAN = "keberatan", _("Keputusan keberatan")


class PerubahanEvaluasi(models.Model):
    """Every change of a rated result, with the old and new values and the reason."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="perubahan_set")
    sumber = models.CharField(max_length=10, choices=SumberPerubahan.choices)
    oleh = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now)
    hasil_lama = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    perilaku_lama = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat_lama = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    hasil_baru = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    perilaku_baru = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat_baru = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    alasan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("perubahan hasil evaluasi")
        verbose_name_plural = _("perubahan hasil evaluasi")
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.evaluasi_id} {self.sumber} {self.waktu:%Y-%m-%d}"


class StatusKeberatan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    KLARIFIKASI = "klarifikasi", _("Klarifikasi")
    DIPUTUS = "diputus", _("Diputus")


class KeputusanKeberatan(models.TextChoices):
    TETAP = "tetap", _("Hasil tetap")
    DIUBAH = "diubah", _("Hasil diubah")


class Keberatan(models.Model):
    """An objection of the pegawai to a locked evaluation (one per evaluation; final decision)."""

    evaluasi = models.OneToOneField(Evaluasi, on_delete=models.PROTECT, related_name="keberatan")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="keberatan_set")
    atasan_pejabat_penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="keberatan_diputus_set"
    )
    alasan = models.TextField(_("alasan keberatan"))
    diajukan_pada = models.DateTimeField(default=timezone.now)
    batas_keputusan = models.DateField(_("batas keputusan"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusKeberatan.choices,
        default=StatusKeberatan.DIAJUKAN,
    )
    keputusan = models.CharField(
        _("keputusan"), max_length=10, choices=KeputusanKeberatan.choices, blank=True
    )
    alasan_keputusan = models.TextField(_("alasan keputusan"), blank=True)
    diputus_oleh = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diputus_pada = models.DateTimeField(null=True, blank=True)
    hasil_lama = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    perilaku_lama = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat_lama = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    hasil_baru = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    perilaku_baru = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat_baru = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    pengingat_terkirim_pada = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada"]
        indexes = [
            models.Index(fields=["atasan_pejabat_penilai", "status"], name="keberatan_atasan_idx"),
        ]

    def __str__(self) -> str:
        return f"Keberatan {self.evaluasi_id}"


class LampiranKeberatan(models.Model):
    """An attachment of a keberatan (checked by common.unggahan)."""

    keberatan = models.ForeignKey(Keberatan, on_delete=models.CASCADE, related_name="lampiran_set")
    berkas = models.FileField(_("berkas"), upload_to="keberatan/%Y/%m/", max_length=300)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=10)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lampiran keberatan")
        verbose_name_plural = _("lampiran keberatan")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nama_asli


class PihakKlarifikasi(models.TextChoices):
    PEJABAT_PENILAI = "pejabat_penilai", _("Pejabat penilai")
    PEGAWAI = "pegawai", _("Pegawai")


class PermintaanKlarifikasi(models.Model):
    """A question of the atasan pejabat penilai to one side of the keberatan, and the answer."""

    keberatan = models.ForeignKey(
        Keberatan, on_delete=models.CASCADE, related_name="klarifikasi_set"
    )
    pihak = models.CharField(_("ditujukan ke"), max_length=16, choices=PihakKlarifikasi.choices)
    ditujukan_ke = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    pertanyaan = models.TextField(_("pertanyaan"))
    diminta_pada = models.DateTimeField(default=timezone.now)
    jawaban = models.TextField(_("jawaban"), blank=True)
    dijawab_pada = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("permintaan klarifikasi")
        verbose_name_plural = _("permintaan klarifikasi")
        ordering = ["diminta_pada", "pk"]

    def __str__(self) -> str:
        return f"Klarifikasi {self.keberatan_id} → {self.pihak}"
