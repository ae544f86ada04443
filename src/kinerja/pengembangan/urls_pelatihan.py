"""URLs of the "pelatihan" part (namespace `pengembangan`)."""

from django.urls import URLPattern, path

from kinerja.pengembangan import views_pelatihan as v

urlpatterns: list[URLPattern] = [
    path("pelatihan/", v.katalog, name="katalog"),
    path("pelatihan/tambah/", v.pelatihan_tambah, name="pelatihan_tambah"),
    path("pelatihan/<int:pk>/", v.pelatihan_detail, name="pelatihan_detail"),
    path("pelatihan/<int:pk>/ubah/", v.pelatihan_ubah, name="pelatihan_ubah"),
    path("pelatihan/<int:pk>/daftar/", v.daftar, name="daftar"),
    path("pelatihan/saya/", v.saya, name="saya"),
    path("pelatihan/persetujuan/", v.persetujuan, name="persetujuan"),
    path("pelatihan/tugaskan/", v.tugaskan, name="tugaskan"),
    path("pelatihan/pendaftaran/<int:pk>/", v.pendaftaran_detail, name="pendaftaran_detail"),
    path("pelatihan/pendaftaran/<int:pk>/putus/", v.pendaftaran_putus, name="pendaftaran_putus"),
    path("pelatihan/pendaftaran/<int:pk>/batal/", v.pendaftaran_batal, name="pendaftaran_batal"),
    path(
        "pelatihan/pendaftaran/<int:pk>/selesai/",
        v.pendaftaran_selesai,
        name="pendaftaran_selesai",
    ),
    path("pelatihan/pendaftaran/<int:pk>/sertifikat/", v.sertifikat, name="sertifikat"),
    path(
        "pelatihan/pendaftaran/<int:pk>/koreksi/",
        v.pendaftaran_koreksi,
        name="pendaftaran_koreksi",
    ),
    path("pelatihan/eksternal/tambah/", v.eksternal_tambah, name="eksternal_tambah"),
    path(
        "pelatihan/eksternal/verifikasi/",
        v.eksternal_verifikasi_list,
        name="eksternal_verifikasi_list",
    ),
    path(
        "pelatihan/eksternal/<int:pk>/verifikasi/",
        v.eksternal_verifikasi,
        name="eksternal_verifikasi",
    ),
    path(
        "pelatihan/eksternal/<int:pk>/sertifikat/",
        v.eksternal_sertifikat,
        name="eksternal_sertifikat",
    ),
]
