from django.urls import URLPattern, path

from kinerja.pengembangan import views_sosialisasi as v

urlpatterns: list[URLPattern] = [
    path("pengumuman/", v.pengumuman_list, name="pengumuman_list"),
    path("pengumuman/tambah/", v.pengumuman_tambah, name="pengumuman_tambah"),
    path("pengumuman/<int:pk>/", v.pengumuman_detail, name="pengumuman_detail"),
    path("pengumuman/<int:pk>/ubah/", v.pengumuman_ubah, name="pengumuman_ubah"),
    path("pengumuman/<int:pk>/hapus/", v.pengumuman_hapus, name="pengumuman_hapus"),
    path("panduan/", v.panduan, name="panduan"),
    path("panduan/tambah/", v.panduan_tambah, name="panduan_tambah"),
    path("panduan/<slug:slug>/", v.panduan_detail, name="panduan_detail"),
    path("panduan/<slug:slug>/ubah/", v.panduan_ubah, name="panduan_ubah"),
    path("tur/selesai/", v.tur_selesai, name="tur_selesai"),
    path("tur/ulang/", v.tur_ulang, name="tur_ulang"),
    path("denyut/", v.denyut_list, name="denyut_list"),
    path("denyut/tambah/", v.denyut_tambah, name="denyut_tambah"),
    path("denyut/<int:pk>/ubah/", v.denyut_ubah, name="denyut_ubah"),
    path("denyut/<int:pk>/isi/", v.denyut_isi, name="denyut_isi"),
    path("denyut/<int:pk>/hasil/", v.denyut_hasil, name="denyut_hasil"),
]
