"""Short public links (/s/<kode>/): the survey form, the kiosk and the public results."""

from django.urls import path

from kinerja.survei import views_publik

urlpatterns = [
    path("<slug:kode>/", views_publik.survei_form, name="survei_form"),
    path("<slug:kode>/kiosk/", views_publik.survei_kiosk, name="survei_kiosk"),
    path("<slug:kode>/terima-kasih/", views_publik.survei_terima_kasih, name="survei_terima_kasih"),
    path("<slug:kode>/hasil/", views_publik.survei_hasil_publik, name="survei_hasil_publik"),
]
