from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProyekConfig(AppConfig):
    name = "kinerja.proyek"
    label = "proyek"
    verbose_name = _("Pemantauan proyek")
