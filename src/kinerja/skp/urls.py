from django.urls import URLPattern

urlpatterns: list[URLPattern] = []

# SKP documents, matriks, monitoring (kinerja.skp.views_dokumen and friends)
from django.urls import path  # noqa: E402

from . import views_dokumen  # noqa: E402

urlpatterns += [
    path("<int:pk>/dokumen.pdf", views_dokumen.skp_pdf, name="skp_dokumen_pdf"),
    path("<int:pk>/dokumen.xlsx", views_dokumen.skp_xlsx, name="skp_dokumen_xlsx"),
]
