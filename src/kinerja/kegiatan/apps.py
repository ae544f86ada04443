from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KegiatanConfig(AppConfig):
    name = "kinerja.kegiatan"
    label = "kegiatan"
    verbose_name = _("Laporan kegiatan dan realisasi")
