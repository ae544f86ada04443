from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    name = "kinerja.laporan"
    label = "laporan"
    verbose_name = _("Dokumen dan ekspor")
