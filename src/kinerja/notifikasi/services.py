"""Sending notifications: one call for every app (`notifikasi_kirim`).

The in-app row is written in the caller's transaction; e-mail goes through the background job
queue after commit, now or in the daily digest per the recipient's preference.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from kinerja.organisasi.models import Pegawai

from .models import ModeEmail, Notifikasi, PreferensiNotifikasi, StatusEmail


def _mode_email(pegawai_ids: list[int]) -> dict[int, str]:
    pref = dict(
        PreferensiNotifikasi.objects.filter(pegawai_id__in=pegawai_ids).values_list(
            "pegawai_id", "email"
        )
    )
    return {pid: pref.get(pid, ModeEmail.SEGERA) for pid in pegawai_ids}


def notifikasi_kirim(
    *,
    penerima: Iterable[Pegawai | int],
    jenis: str,
    judul: str,
    isi: str = "",
    url: str = "",
    email: bool = True,
) -> list[Notifikasi]:
    """Create one notification per recipient (duplicates and None dropped); queue the e-mails."""
    ids: list[int] = []
    for p in penerima:
        pid = p if isinstance(p, int) else p.pk
        if pid is not None and pid not in ids:
            ids.append(pid)
    if not ids:
        return []
    mode = _mode_email(ids) if email else {}
    rows = []
    for pid in ids:
        status = StatusEmail.TIDAK
        if email:
            status = {
                ModeEmail.SEGERA: StatusEmail.ANTRE,
                ModeEmail.HARIAN: StatusEmail.RINGKASAN,
            }.get(ModeEmail(mode[pid]), StatusEmail.TIDAK)
        rows.append(
            Notifikasi(
                penerima_id=pid, jenis=jenis, judul=judul[:200], isi=isi, url=url, email=status
            )
        )
    dibuat = Notifikasi.objects.bulk_create(rows)
    antre = [n.pk for n in dibuat if n.email == StatusEmail.ANTRE and n.pk is not None]
    if antre:
        from .tasks import kirim_email_notifikasi

        transaction.on_commit(lambda: kirim_email_notifikasi.enqueue(antre))
    return dibuat
