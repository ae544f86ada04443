"""Reads of import batches, scoped to the admin BKPSDMD of the same instansi."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from ..models import ImporBatch, Pegawai
from ..selectors import akses_pengguna


def impor_batch_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[ImporBatch]:
    akses = akses_pengguna(user)
    if akses is None or not akses.admin or akses.instansi_id is None:
        return ImporBatch.objects.none()
    return ImporBatch.objects.filter(instansi_id=akses.instansi_id)


def impor_batch_recent_for_user(user: Pegawai | AnonymousUser, n: int = 20) -> list[ImporBatch]:
    """The latest batches without their file and report blobs."""
    return list(
        impor_batch_list_for_user(user)
        .select_related("dibuat_oleh")
        .defer("konten", "laporan")
        .order_by("-dibuat_pada", "-pk")[:n]
    )


def impor_batch_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> ImporBatch:
    batch = impor_batch_list_for_user(user).select_related("dibuat_oleh").defer("konten")
    found = batch.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
