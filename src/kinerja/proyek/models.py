"""Project (kegiatan/proyek) monitoring for leaders. The proyek app owns this module."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import UnitKerja


class Proyek(models.Model):
    """A project/kegiatan of an OPD (the rest of its fields come with the proyek issue)."""

    opd = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="proyek_set")
    nama = models.CharField(_("nama proyek/kegiatan"), max_length=250)
    dibuat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("proyek")
        verbose_name_plural = _("proyek")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama
