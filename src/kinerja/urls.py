from django.contrib import admin
from django.urls import include, path

from kinerja.api.main import api
from kinerja.common import views as common_views

admin.site.site_header = "Kinerja ASN — Admin BKPSDMD"
admin.site.site_title = "Kinerja ASN"

urlpatterns = [
    path("", common_views.beranda, name="beranda"),
    path("healthz", common_views.healthz, name="healthz"),
    path("", include("kinerja.organisasi.urls")),
    path("skp/", include("kinerja.skp.urls")),
    path("survei/", include("kinerja.survei.urls")),
    path("kegiatan/pantauan/", include("kinerja.kegiatan.urls_pantauan")),
    path("kegiatan/", include("kinerja.kegiatan.urls")),
    path("umpan-balik/", include("kinerja.umpanbalik.urls")),
    path("notifikasi/", include("kinerja.notifikasi.urls")),
    path("proyek/ekspor/", include("kinerja.proyek.urls_ekspor")),
    path("proyek/", include("kinerja.proyek.urls")),
    path("penilaian/", include("kinerja.penilaian.urls")),
    path("pengembangan/", include("kinerja.pengembangan.urls")),
    path("s/", include("kinerja.survei.urls_publik")),
    path("v/", include("kinerja.skp.dokumen_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
