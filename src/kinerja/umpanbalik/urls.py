from django.urls import path

from . import views

urlpatterns = [
    path("", views.umpanbalik_index, name="umpanbalik_index"),
    path("beri/", views.umpanbalik_beri, name="umpanbalik_beri"),
    path("minta/", views.umpanbalik_minta, name="umpanbalik_minta"),
    path("<int:pk>/", views.umpanbalik_thread, name="umpanbalik_thread"),
    path("lampiran/<int:pk>/", views.umpanbalik_lampiran, name="umpanbalik_lampiran"),
    path("dialog/", views.dialog_index, name="dialog_index"),
    path("dialog/baru/", views.dialog_baru, name="dialog_baru"),
    path("dialog/<int:pk>/", views.dialog_detail, name="dialog_detail"),
    path("dialog/<int:pk>/ubah/", views.dialog_ubah, name="dialog_ubah"),
    path("dialog/<int:pk>/konfirmasi/", views.dialog_konfirmasi, name="dialog_konfirmasi"),
    path(
        "dialog/tindak-lanjut/<int:pk>/selesai/",
        views.tindak_lanjut_selesai,
        name="dialog_tindak_lanjut_selesai",
    ),
]
