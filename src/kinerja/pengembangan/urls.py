"""URLs of the pengembangan app, one namespace; each part keeps its own patterns module."""

from kinerja.pengembangan import (
    urls_adopsi,
    urls_pelatihan,
    urls_rekap,
    urls_rencana,
    urls_sosialisasi,
)

app_name = "pengembangan"

urlpatterns = [
    *urls_pelatihan.urlpatterns,
    *urls_rekap.urlpatterns,
    *urls_rencana.urlpatterns,
    *urls_sosialisasi.urlpatterns,
    *urls_adopsi.urlpatterns,
]
