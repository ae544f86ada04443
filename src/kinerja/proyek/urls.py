from django.urls import URLPattern, path

from . import views, views_tautan

urlpatterns: list[URLPattern] = [
    path("", views.proyek_portfolio, name="proyek_portfolio"),
    path("kota/", views.proyek_kota, name="proyek_kota"),
    path("saya/", views.proyek_saya, name="proyek_saya"),
    path(
        "indikator/<int:pk>/sumber/",
        views_tautan.proyek_sumber_indikator,
        name="proyek_sumber_indikator",
    ),
    path("tambah/", views.proyek_tambah, name="proyek_tambah"),
    path("<int:pk>/", views.proyek_detail, name="proyek_detail"),
    path("<int:pk>/ubah/", views.proyek_ubah, name="proyek_ubah"),
    path("<int:pk>/rencana/", views.proyek_rencana, name="proyek_rencana"),
    path("<int:pk>/tahapan/", views.proyek_tahapan, name="proyek_tahapan"),
    path("<int:pk>/progres/", views.proyek_progres, name="proyek_progres"),
    path("<int:pk>/kendala/", views.proyek_kendala_tambah, name="proyek_kendala_tambah"),
    path("<int:pk>/anggota/", views.proyek_anggota_tambah, name="proyek_anggota_tambah"),
    path(
        "anggota/<int:pk>/keluar/", views.proyek_anggota_keluarkan, name="proyek_anggota_keluarkan"
    ),
    path("tahapan/<int:pk>/selesai/", views.proyek_tahapan_selesai, name="proyek_tahapan_selesai"),
    path("tahapan/<int:pk>/bukti/", views.proyek_tahapan_bukti, name="proyek_tahapan_bukti"),
    path("bukti/<int:pk>/", views.proyek_bukti, name="proyek_bukti"),
    path("kendala/<int:pk>/", views.proyek_kendala_detail, name="proyek_kendala_detail"),
    path(
        "kendala/<int:pk>/tugaskan/", views.proyek_kendala_tugaskan, name="proyek_kendala_tugaskan"
    ),
    path("kendala/<int:pk>/batas/", views.proyek_kendala_batas, name="proyek_kendala_batas"),
    path(
        "kendala/<int:pk>/eskalasi/", views.proyek_kendala_eskalasi, name="proyek_kendala_eskalasi"
    ),
    path(
        "kendala/<int:pk>/komentar/", views.proyek_kendala_komentar, name="proyek_kendala_komentar"
    ),
    path("kendala/<int:pk>/selesai/", views.proyek_kendala_selesai, name="proyek_kendala_selesai"),
]
