"""URLs of the "rencana" part: recommendations, needs, development plans, TNA, effect."""

from django.urls import URLPattern, path

from . import views_rencana as v

urlpatterns: list[URLPattern] = [
    path("rekomendasi/", v.rekomendasi, name="rekomendasi"),
    path("rekomendasi/pegawai/<int:pk>/", v.rekomendasi_pegawai, name="rekomendasi_pegawai"),
    path("rekomendasi/pegawai/<int:pk>/kebutuhan/", v.kebutuhan_tambah, name="kebutuhan_tambah"),
    path("kebutuhan/<int:pk>/hapus/", v.kebutuhan_hapus, name="kebutuhan_hapus"),
    path("rencana/", v.rencana, name="rencana"),
    path("rencana/buat/", v.rencana_buat, name="rencana_buat"),
    path("rencana/tim/", v.rencana_tim, name="rencana_tim"),
    path("rencana/<int:pk>/", v.rencana_detail, name="rencana_detail"),
    path("rencana/<int:pk>/ubah/", v.rencana_ubah, name="rencana_ubah"),
    path("rencana/<int:pk>/setujui/", v.rencana_setujui, name="rencana_setujui"),
    path("rencana/<int:pk>/aktivitas/", v.aktivitas_tambah, name="aktivitas_tambah"),
    path("rencana/aktivitas/<int:pk>/ubah/", v.aktivitas_ubah, name="aktivitas_ubah"),
    path("rencana/aktivitas/<int:pk>/hapus/", v.aktivitas_hapus, name="aktivitas_hapus"),
    path("rencana/aktivitas/<int:pk>/selesai/", v.aktivitas_selesai, name="aktivitas_selesai"),
    path("kebutuhan/", v.kebutuhan_rekap, name="kebutuhan_rekap"),
    path("kebutuhan/ekspor/", v.kebutuhan_ekspor, name="kebutuhan_ekspor"),
    path("efek/", v.efek, name="efek"),
    path("efek/<int:pk>/", v.efek_detail, name="efek_detail"),
]
