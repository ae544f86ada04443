"""Reads of notifications: always the signed-in pegawai's own (someone else's → 404)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from kinerja.organisasi.models import Pegawai

from .models import ModeEmail, Notifikasi, PreferensiNotifikasi


def jumlah_belum_dibaca(user: Pegawai) -> int:
    """The bell's number: one COUNT on the (penerima, dibaca_pada) index."""
    return Notifikasi.objects.filter(penerima_id=user.pk, dibaca_pada__isnull=True).count()


def notifikasi_list_for_user(user: Pegawai, *, belum_dibaca: bool = False) -> QuerySet[Notifikasi]:
    qs = Notifikasi.objects.filter(penerima_id=user.pk)
    if belum_dibaca:
        qs = qs.filter(dibaca_pada__isnull=True)
    return qs.order_by("-dibuat_pada", "-pk")


def notifikasi_get_for_user(user: Pegawai, pk: int) -> Notifikasi:
    try:
        return Notifikasi.objects.get(pk=pk, penerima_id=user.pk)
    except Notifikasi.DoesNotExist as exc:
        raise Http404 from exc


def preferensi_email(user: Pegawai) -> str:
    mode = (
        PreferensiNotifikasi.objects.filter(pegawai_id=user.pk)
        .values_list("email", flat=True)
        .first()
    )
    return mode or ModeEmail.SEGERA
