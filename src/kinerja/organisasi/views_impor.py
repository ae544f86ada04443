from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.common.akses import akses

from .models import Peran


@akses(Peran.ADMIN_BKPSDMD)
def impor_index(request: HttpRequest) -> HttpResponse:
    """Placeholder until the importer lands."""
    return render(request, "organisasi/impor_index.html", {})
