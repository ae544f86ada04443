from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengembanganConfig(AppConfig):
    name = "kinerja.pengembangan"
    label = "pengembangan"
    verbose_name = _("Pengembangan kompetensi dan sosialisasi")
