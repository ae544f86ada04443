from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("", views.skp_saya, name="skp_saya"),
    path("buat/", views.skp_buat, name="skp_buat"),
    path("<int:pk>/", views.skp_detail, name="skp_detail"),
    path("<int:pk>/ubah/", views.skp_ubah, name="skp_ubah"),
    path("<int:pk>/simpan/", views.skp_simpan, name="skp_simpan"),
    path("<int:pk>/rhk/", views.rhk_tambah, name="skp_rhk_tambah"),
    path("<int:pk>/template/", views.skp_template, name="skp_template"),
    path("<int:pk>/ajukan/", views.skp_ajukan, name="skp_ajukan"),
    path("<int:pk>/revisi/", views.skp_revisi, name="skp_revisi"),
    path("<int:pk>/setujui/", views.skp_setujui, name="skp_setujui"),
    path("<int:pk>/kembalikan/", views.skp_kembalikan, name="skp_kembalikan"),
    path("<int:pk>/ekspektasi/", views.skp_ekspektasi, name="skp_ekspektasi"),
    path("rhk/<int:pk>/", views.rhk_simpan, name="skp_rhk_simpan"),
    path("rhk/<int:pk>/hapus/", views.rhk_hapus, name="skp_rhk_hapus"),
    path("rhk/<int:pk>/indikator/", views.indikator_tambah, name="skp_indikator_tambah"),
    path("indikator/<int:pk>/", views.indikator_simpan, name="skp_indikator_simpan"),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="skp_indikator_hapus"),
    path("persetujuan/", views.persetujuan, name="skp_persetujuan"),
    path("bagikan/", views.rhk_bagikan, name="skp_rhk_bagikan"),
    path("periode/", views.periode_list, name="skp_periode_list"),
    path("periode/<int:pk>/", views.periode_ubah, name="skp_periode_ubah"),
    path("perjanjian/", views.perjanjian_list, name="skp_perjanjian_list"),
    path("perjanjian/<int:pk>/", views.perjanjian_detail, name="skp_perjanjian_detail"),
]

# SKP documents, matriks, monitoring (kinerja.skp.views_dokumen and friends)
from django.urls import path  # noqa: E402

from . import views_dokumen, views_matriks, views_monitoring  # noqa: E402

urlpatterns += [
    path("<int:pk>/dokumen.pdf", views_dokumen.skp_pdf, name="skp_dokumen_pdf"),
    path("<int:pk>/dokumen.xlsx", views_dokumen.skp_xlsx, name="skp_dokumen_xlsx"),
    path("matriks/", views_matriks.matriks_index, name="skp_matriks_index"),
    path("matriks/unit/<int:pk>/", views_matriks.matriks_unit, name="skp_matriks_unit"),
    path("pemantauan/", views_monitoring.monitoring_index, name="skp_monitoring_index"),
    path("pemantauan/opd/<int:pk>/", views_monitoring.monitoring_opd, name="skp_monitoring_opd"),
    path(
        "pemantauan/opd/<int:pk>/pengingat/",
        views_monitoring.monitoring_pengingat,
        name="skp_monitoring_pengingat",
    ),
    path("pdf-massal/", views_dokumen.massal_index, name="skp_massal_index"),
    path("pdf-massal/<int:pk>/", views_dokumen.massal_detail, name="skp_massal_detail"),
    path("pdf-massal/<int:pk>/unduh/", views_dokumen.massal_unduh, name="skp_massal_unduh"),
]
