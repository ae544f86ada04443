from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveiConfig(AppConfig):
    name = "kinerja.survei"
    label = "survei"
    verbose_name = _("Survei Kepuasan Masyarakat")
