from django.urls import path

from . import views, views_kelola

app_name = "penilaian"

urlpatterns = [
    path("", views.index, name="index"),
    path("bawahan/", views.bawahan, name="bawahan"),
    path("bawahan/<int:pegawai>/buka/", views.evaluasi_buka, name="evaluasi_buka"),
    path("e/<int:pk>/", views.evaluasi, name="evaluasi"),
    path("e/<int:pk>/nilai/", views.evaluasi_nilai, name="evaluasi_nilai"),
    path("e/<int:pk>/distribusi/", views.distribusi, name="distribusi"),
    path("e/<int:pk>/penjelasan/", views.penjelasan, name="penjelasan"),
    path("e/<int:pk>/keberatan/", views.keberatan_ajukan, name="keberatan_ajukan"),
    path("e/<int:pk>/pdf/", views_kelola.evaluasi_pdf, name="evaluasi_pdf"),
    path("keberatan/", views.keberatan_list, name="keberatan_list"),
    path("keberatan/<int:pk>/", views.keberatan, name="keberatan"),
    path("keberatan/<int:pk>/klarifikasi/", views.klarifikasi_minta, name="klarifikasi_minta"),
    path("keberatan/<int:pk>/putus/", views.keberatan_putus, name="keberatan_putus"),
    path("klarifikasi/<int:pk>/jawab/", views.klarifikasi_jawab, name="klarifikasi_jawab"),
    path("lampiran/<int:pk>/", views.lampiran, name="lampiran"),
    path("organisasi/", views_kelola.predikat_org, name="predikat_org"),
    path("kalibrasi/", views_kelola.kalibrasi_index, name="kalibrasi_index"),
    path("kalibrasi/<int:unit>/", views_kelola.kalibrasi, name="kalibrasi"),
    path("kalibrasi/e/<int:pk>/", views_kelola.kalibrasi_evaluasi, name="kalibrasi_evaluasi"),
    path("unit/<int:unit>/finalkan/", views_kelola.finalkan, name="finalkan"),
    path("dasbor/", views_kelola.dasbor, name="dasbor"),
    path("ekspor/rekap.xlsx", views_kelola.ekspor_rekap, name="ekspor_rekap"),
    path("ekspor/angka-kredit.xlsx", views_kelola.ekspor_angka_kredit, name="ekspor_angka_kredit"),
    path("ekspor/tpp/", views_kelola.ekspor_tpp, name="ekspor_tpp"),
    path("massal/", views_kelola.massal, name="massal"),
    path("massal/<str:job>/", views_kelola.massal_detail, name="massal_detail"),
    path("massal/<str:job>/unduh/", views_kelola.massal_unduh, name="massal_unduh"),
    path("v/<str:kode>/", views_kelola.verifikasi, name="verifikasi"),
]
