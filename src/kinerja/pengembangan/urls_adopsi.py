"""Adoption view (part "adopsi"): the city per OPD, one OPD per unit, the XLSX export."""

from django.urls import URLPattern, path

from kinerja.pengembangan import views_adopsi

urlpatterns: list[URLPattern] = [
    path("adopsi/", views_adopsi.adopsi, name="adopsi"),
    path("adopsi/opd/<int:pk>/", views_adopsi.adopsi_opd, name="adopsi_opd"),
    path("adopsi/ekspor/", views_adopsi.adopsi_ekspor, name="adopsi_ekspor"),
]
