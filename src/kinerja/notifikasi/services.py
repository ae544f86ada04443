"""Sending notifications: one call for every app (`notifikasi_kirim`).

The in-app row is written in the caller's transaction; e-mail goes through the background job
queue after commit, now or in the daily digest per the recipient's preference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Pegawai

from .models import ModeEmail, Notifikasi, PreferensiNotifikasi, StatusEmail


@dataclass(frozen=True)
class Pesan:
    """One notification for one recipient (texts may differ per recipient)."""

    penerima_id: int
    judul: str
    isi: str = ""
    url: str = ""


def _mode_email(pegawai_ids: list[int]) -> dict[int, str]:
    pref = dict(
        PreferensiNotifikasi.objects.filter(pegawai_id__in=pegawai_ids).values_list(
            "pegawai_id", "email"
        )
    )
    return {pid: pref.get(pid, ModeEmail.SEGERA) for pid in pegawai_ids}


_STATUS_AWAL = {ModeEmail.SEGERA: StatusEmail.ANTRE, ModeEmail.HARIAN: StatusEmail.RINGKASAN}


def notifikasi_kirim_banyak(
    *, pesan: Sequence[Pesan], jenis: str, email: bool = True
) -> list[Notifikasi]:
    """Create one notification per message in one INSERT (plus one preference read); queue e-mails.

    A recipient appearing twice gets only the first message.
    """
    unik: dict[int, Pesan] = {}
    for p in pesan:
        unik.setdefault(p.penerima_id, p)
    if not unik:
        return []
    mode = _mode_email(list(unik)) if email else {}
    rows = [
        Notifikasi(
            penerima_id=pid,
            jenis=jenis,
            judul=p.judul[:200],
            isi=p.isi,
            url=p.url[:300],
            email=_STATUS_AWAL.get(ModeEmail(mode[pid]), StatusEmail.TIDAK)
            if email
            else StatusEmail.TIDAK,
        )
        for pid, p in unik.items()
    ]
    dibuat = Notifikasi.objects.bulk_create(rows, batch_size=500)
    antre = [n.pk for n in dibuat if n.email == StatusEmail.ANTRE and n.pk is not None]
    if antre:
        from .tasks import kirim_email_notifikasi

        transaction.on_commit(lambda: kirim_email_notifikasi.enqueue(antre))
    return dibuat


def notifikasi_kirim(
    *,
    penerima: Iterable[Pegawai | int | None],
    jenis: str,
    judul: str,
    isi: str = "",
    url: str = "",
    email: bool = True,
) -> list[Notifikasi]:
    """Create one notification per recipient (duplicates and None dropped); queue the e-mails."""
    ids: list[int] = []
    for p in penerima:
        pid = p if isinstance(p, int) or p is None else p.pk
        if pid is not None and pid not in ids:
            ids.append(pid)
    return notifikasi_kirim_banyak(
        pesan=[Pesan(penerima_id=pid, judul=judul, isi=isi, url=url) for pid in ids],
        jenis=jenis,
        email=email,
    )


def notifikasi_tandai_dibaca(*, notifikasi: Notifikasi) -> Notifikasi:
    """Mark one notification read (idempotent: the first reading time is kept)."""
    if notifikasi.dibaca_pada is None:
        notifikasi.dibaca_pada = timezone.now()
        Notifikasi.objects.filter(pk=notifikasi.pk, dibaca_pada__isnull=True).update(
            dibaca_pada=notifikasi.dibaca_pada
        )
    return notifikasi


def notifikasi_tandai_semua_dibaca(*, pegawai: Pegawai) -> int:
    """Mark every unread notification of `pegawai` read; returns how many changed."""
    return Notifikasi.objects.filter(penerima=pegawai, dibaca_pada__isnull=True).update(
        dibaca_pada=timezone.now()
    )


@transaction.atomic
def preferensi_simpan(*, pegawai: Pegawai, email: str) -> PreferensiNotifikasi:
    if email not in ModeEmail.values:
        raise ValidationError({"email": _("Pilih salah satu cara pengiriman e-mail.")})
    pref, _dibuat = PreferensiNotifikasi.objects.update_or_create(
        pegawai=pegawai, defaults={"email": email}
    )
    # notifications already waiting follow the new choice
    menunggu = Notifikasi.objects.filter(
        penerima=pegawai, email__in=[StatusEmail.ANTRE, StatusEmail.RINGKASAN]
    )
    if email == ModeEmail.MATI:
        menunggu.update(email=StatusEmail.TIDAK)
    elif email == ModeEmail.SEGERA:
        ids = list(menunggu.filter(email=StatusEmail.RINGKASAN).values_list("pk", flat=True))
        if ids:
            Notifikasi.objects.filter(pk__in=ids).update(email=StatusEmail.ANTRE)
            from .tasks import kirim_email_notifikasi

            transaction.on_commit(lambda: kirim_email_notifikasi.enqueue(ids))
    else:
        menunggu.filter(email=StatusEmail.ANTRE).update(email=StatusEmail.RINGKASAN)
    return pref
