"""E-mail delivery of notifications (the notifikasi helper extends this with the daily digest)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from .models import Notifikasi, StatusEmail


def _url_penuh(url: str) -> str:
    dasar = getattr(settings, "KINERJA_BASE_URL", "").rstrip("/")
    return f"{dasar}{url}" if url.startswith("/") and dasar else url


def kirim_email(notifikasi_ids: list[int]) -> None:
    antre = Notifikasi.objects.filter(
        pk__in=notifikasi_ids, email=StatusEmail.ANTRE
    ).select_related("penerima")
    for n in antre:
        alamat = n.penerima.email
        if not alamat:
            n.email = StatusEmail.TIDAK
        else:
            badan = n.isi
            if n.url:
                badan = f"{badan}\n\n{_('Buka')}: {_url_penuh(n.url)}".strip()
            try:
                send_mail(f"[Kinerja] {n.judul}", badan, None, [alamat])
                n.email = StatusEmail.TERKIRIM
            except OSError:
                n.email = StatusEmail.GAGAL
        n.save(update_fields=["email"])
