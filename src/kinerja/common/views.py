from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kinerja.organisasi import hierarki, selectors

from .akses import LOGIN, PUBLIK, akses


@require_GET
@never_cache
@akses(PUBLIK)
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the database answers and every migration is applied."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": str(exc.__class__.__name__)}, status=503
        )
    if pending:
        return JsonResponse({"status": "error", "migrations_pending": len(pending)}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


@akses(LOGIN)
def beranda(request: HttpRequest) -> HttpResponse:
    profil = selectors.akses_pengguna(request.user)
    assert profil is not None
    penugasan = hierarki.penugasan_definitif(request.user)  # type: ignore[arg-type]
    atasan = hierarki.atasan_langsung(request.user) if penugasan else None  # type: ignore[arg-type]
    bawahan = []
    if profil.atasan:
        ids = hierarki.bawahan_ids(request.user)  # type: ignore[arg-type]
        bawahan = list(selectors.pegawai_list_for_user(request.user).filter(pk__in=ids)[:100])
        jabatan = selectors.penugasan_aktif_map([p.pk for p in bawahan])
        for pegawai in bawahan:
            pegawai.penugasan_aktif = jabatan.get(pegawai.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "common/beranda.html",
        {
            "profil": profil,
            "penugasan": penugasan,
            "atasan": atasan,
            "bawahan": bawahan,
            "ringkasan": selectors.ringkasan_organisasi(request.user)
            if profil.kota or profil.opd_kelola_ids
            else None,
        },
    )
