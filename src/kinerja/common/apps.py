from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "kinerja.common"
    label = "common"
    verbose_name = "Umum"
