"""Link to performance: a project's progress as the realisasi source of an SKP indikator.

`SumberProyekIndikator` ties one IndikatorKinerja (whose `sumber_realisasi` is PROYEK) to one
Proyek and says which measure counts: the cumulative physical progress (%) or the cumulative
budget realised (Rp). Imported at the end of proyek/models.py so Django registers it in the
proyek app. Reads: kinerja.proyek.tautan_selectors.realisasi_proyek_indikator.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.skp.models import IndikatorKinerja


class UkuranProyek(models.TextChoices):
    FISIK = "fisik", _("Progres fisik (%)")
    KEUANGAN = "keuangan", _("Realisasi keuangan (Rp)")
    SERAPAN = "serapan", _("Serapan anggaran (% pagu)")


class SumberProyekIndikator(models.Model):
    indikator = models.OneToOneField(
        IndikatorKinerja,
        on_delete=models.CASCADE,
        related_name="sumber_proyek",
        verbose_name=_("indikator"),
    )
    proyek = models.ForeignKey(
        "proyek.Proyek",
        on_delete=models.CASCADE,
        related_name="indikator_tautan_set",
        verbose_name=_("proyek"),
    )
    ukuran = models.CharField(
        _("ukuran"), max_length=10, choices=UkuranProyek.choices, default=UkuranProyek.FISIK
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "proyek"
        verbose_name = _("sumber realisasi dari proyek")
        verbose_name_plural = _("sumber realisasi dari proyek")

    def __str__(self) -> str:
        return f"{self.indikator_id} ← {self.proyek_id} ({self.ukuran})"
