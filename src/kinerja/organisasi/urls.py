from django.urls import path

from . import views

urlpatterns = [
    path("masuk/", views.masuk, name="masuk"),
    path("keluar/", views.keluar, name="keluar"),
    path("akun/kata-sandi/", views.ganti_password, name="ganti_password"),
    path("akun/lupa-kata-sandi/", views.reset_password, name="reset_password"),
    path(
        "akun/lupa-kata-sandi/terkirim/",
        views.reset_password_terkirim,
        name="reset_password_terkirim",
    ),
    path(
        "akun/atur-ulang/<uidb64>/<token>/",
        views.reset_password_konfirmasi,
        name="password_reset_confirm",
    ),
    path("akun/atur-ulang/selesai/", views.reset_password_selesai, name="reset_password_selesai"),
    path("profil/", views.profil, name="profil"),
    path("organisasi/", views.pohon_organisasi, name="pohon_organisasi"),
    path("organisasi/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("pegawai/", views.pegawai_cari, name="pegawai_cari"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path(
        "pegawai/<int:pk>/reset-kata-sandi/",
        views.pegawai_reset_password,
        name="pegawai_reset_password",
    ),
    path("audit/", views.audit, name="audit"),
    path("peran/", views.peran_list, name="peran_list"),
    path("peran/<int:pk>/cabut/", views.peran_cabut, name="peran_cabut"),
]

from . import views_impor  # noqa: E402

urlpatterns += [
    path("impor/", views_impor.impor_index, name="impor_index"),
    path("impor/template.xlsx", views_impor.impor_template, name="impor_template"),
    path("impor/<int:pk>/", views_impor.impor_detail, name="impor_detail"),
    path("impor/<int:pk>/terapkan/", views_impor.impor_terapkan, name="impor_terapkan"),
]
