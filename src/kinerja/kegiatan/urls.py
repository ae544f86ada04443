from django.urls import path

from . import views

urlpatterns = [
    path("", views.laporan_saya, name="kegiatan_laporan_saya"),
    path("laporan/<int:pk>/", views.laporan_detail, name="kegiatan_laporan_detail"),
    path("laporan/<int:pk>/ubah/", views.laporan_ubah, name="kegiatan_laporan_ubah"),
    path("laporan/<int:pk>/hapus/", views.laporan_hapus, name="kegiatan_laporan_hapus"),
    path("bukti/<int:pk>/", views.bukti_unduh, name="kegiatan_bukti"),
    path("bukti/<int:pk>/hapus/", views.bukti_hapus, name="kegiatan_bukti_hapus"),
    path("template/", views.template_list, name="kegiatan_template_list"),
    path("template/<int:pk>/", views.template_ubah, name="kegiatan_template_ubah"),
    path("template/<int:pk>/hapus/", views.template_hapus, name="kegiatan_template_hapus"),
    path("progres/", views.progres, name="kegiatan_progres"),
    path("progres/pegawai/<int:pk>/", views.progres_pegawai, name="kegiatan_progres_pegawai"),
    path(
        "realisasi/<int:pk>/hapus/",
        views.realisasi_manual_hapus,
        name="kegiatan_realisasi_manual_hapus",
    ),
    path("review/", views.review, name="kegiatan_review"),
    path("review/baru/", views.review_baru, name="kegiatan_review_baru"),
    path("review/massal/", views.review_massal, name="kegiatan_review_massal"),
    path("review/<int:pk>/setujui/", views.review_setujui, name="kegiatan_review_setujui"),
    path("review/<int:pk>/kembalikan/", views.review_kembalikan, name="kegiatan_review_kembalikan"),
    path("realisasi/<int:pk>/setujui/", views.manual_setujui, name="kegiatan_manual_setujui"),
    path(
        "realisasi/<int:pk>/kembalikan/",
        views.manual_kembalikan,
        name="kegiatan_manual_kembalikan",
    ),
]
