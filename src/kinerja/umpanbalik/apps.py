from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmpanbalikConfig(AppConfig):
    name = "kinerja.umpanbalik"
    label = "umpanbalik"
    verbose_name = _("Umpan balik dan dialog kinerja")
