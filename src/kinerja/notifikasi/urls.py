from django.urls import path

from . import views

urlpatterns = [
    path("", views.notifikasi_list, name="notifikasi_list"),
    path("lonceng/", views.notifikasi_lonceng, name="notifikasi_lonceng"),
    path("<int:pk>/buka/", views.notifikasi_buka, name="notifikasi_buka"),
    path("<int:pk>/dibaca/", views.notifikasi_tandai_dibaca, name="notifikasi_tandai_dibaca"),
    path("dibaca-semua/", views.notifikasi_tandai_semua, name="notifikasi_tandai_semua"),
    path("preferensi/", views.notifikasi_preferensi, name="notifikasi_preferensi"),
    path("token/", views.token_list, name="token_list"),
    path("token/<int:pk>/cabut/", views.token_cabut, name="token_cabut"),
]
