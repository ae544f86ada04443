"""JP tracking pages (part "rekap"): team, recaps with drill down, exports, a pegawai's ledger."""

from django.urls import URLPattern, path

from kinerja.pengembangan import views_rekap

urlpatterns: list[URLPattern] = [
    path("jp/tim/", views_rekap.tim, name="tim"),
    path("jp/rekap/", views_rekap.rekap_index, name="rekap"),
    path("jp/rekap/unit/<int:pk>/", views_rekap.rekap_unit, name="rekap_unit"),
    path("jp/rekap/ekspor/", views_rekap.rekap_ekspor, name="rekap_ekspor"),
    path("jp/pegawai/<int:pk>/", views_rekap.jp_pegawai, name="jp_pegawai"),
]
