from django.urls import URLPattern, path

from . import views_ekspor as v

urlpatterns: list[URLPattern] = [
    path("", v.proyek_ekspor, name="proyek_ekspor"),
    path("<int:opd>/", v.proyek_laporan_bulanan, name="proyek_laporan_bulanan"),
    path("<int:opd>/pdf/", v.proyek_laporan_pdf, name="proyek_laporan_pdf"),
    path("<int:opd>/xlsx/", v.proyek_laporan_xlsx, name="proyek_laporan_xlsx"),
]
