"""API access tokens for mobile clients: only a hash of the key is stored, the key is shown once."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi.models import Pegawai


class TokenApi(models.Model):
    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="token_api_set")
    nama = models.CharField(_("nama perangkat"), max_length=100)
    prefix = models.CharField(_("awalan"), max_length=12)  # shown to tell tokens apart
    kunci_hash = models.CharField(max_length=64, unique=True)  # sha256 hex of the whole key
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    kedaluwarsa_pada = models.DateTimeField(_("berlaku sampai"), null=True, blank=True)
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["pegawai", "dicabut_pada"], name="token_pegawai_idx")]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.nama})"

    @property
    def aktif(self) -> bool:
        if self.dicabut_pada is not None:
            return False
        return self.kedaluwarsa_pada is None or self.kedaluwarsa_pada > timezone.now()
