"""Public verification of approved SKP (reached from the QR code): mounted at /v/."""

from django.urls import path

from . import views_dokumen

urlpatterns = [
    path("", views_dokumen.verifikasi_cari, name="skp_verifikasi_cari"),
    path("<str:kode>/", views_dokumen.verifikasi, name="skp_verifikasi"),
]
