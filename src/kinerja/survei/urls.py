from django.urls import path

from kinerja.survei import views

urlpatterns = [
    path("", views.survei_index, name="survei_index"),
    path("unit/tambah/", views.unit_layanan_tambah, name="unit_layanan_tambah"),
    path("unit/<int:pk>/", views.survei_ikm, name="survei_ikm"),
    path("unit/<int:pk>/ubah/", views.unit_layanan_ubah, name="unit_layanan_ubah"),
    path("unit/<int:pk>/laporan.pdf", views.survei_laporan_pdf, name="survei_laporan_pdf"),
    path("unit/<int:pk>/qr.png", views.survei_qr, name="survei_qr"),
    path("unit/<int:pk>/poster.pdf", views.survei_poster, name="survei_poster"),
    path("unit/<int:pk>/ekspor/", views.survei_ekspor, name="survei_ekspor"),
    path("impor/", views.survei_impor, name="survei_impor"),
    path("impor/<int:pk>/", views.survei_impor_detail, name="survei_impor_detail"),
    path("mencurigakan/", views.survei_mencurigakan, name="survei_mencurigakan"),
    path("petugas/saya/", views.survei_petugas_saya, name="survei_petugas_saya"),
    path("petugas/<int:pk>/", views.survei_petugas, name="survei_petugas"),
]
