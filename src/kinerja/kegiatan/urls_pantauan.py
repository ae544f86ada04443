"""Leader overview of reporting (pimpinan OPD / city): who reported, pending reviews, signals."""

from django.urls import path

from . import views_pantauan

urlpatterns = [
    path("", views_pantauan.pantauan_index, name="kegiatan_pantauan"),
    path("opd/<int:pk>/", views_pantauan.pantauan_opd, name="kegiatan_pantauan_opd"),
]
