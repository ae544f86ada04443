"""E-mail delivery of notifications: one e-mail each (`segera`) or a daily digest (`harian`)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ModeEmail, Notifikasi, PreferensiNotifikasi, StatusEmail

log = logging.getLogger(__name__)
# a failed e-mail is retried by the next digest run for this long, then left as failed
ULANG_GAGAL = dt.timedelta(days=7)


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
                log.warning("notifikasi %s: e-mail gagal dikirim", n.pk, exc_info=True)
                n.email = StatusEmail.GAGAL
        n.save(update_fields=["email"])


def _badan_ringkasan(baris: list[dict[str, Any]]) -> str:
    bagian = [_("Notifikasi Anda di Kinerja ASN:"), ""]
    for b in baris:
        waktu = formats.date_format(timezone.localtime(b["dibuat_pada"]), "j F Y H:i")
        bagian.append(f"• {b['judul']} ({waktu})")
        if b["isi"]:
            bagian.append(f"  {b['isi']}")
        if b["url"]:
            bagian.append(f"  {_url_penuh(str(b['url']))}")
        bagian.append("")
    bagian.append(_("Ubah cara pengiriman e-mail di halaman Preferensi notifikasi."))
    return "\n".join(bagian)


def kirim_ringkasan_harian(*, sekarang: dt.datetime | None = None) -> dict[str, int]:
    """One e-mail per pegawai with their waiting digest notifications; mark them sent or failed.

    Also retries e-mails that failed in the last week (immediate or digest). Pegawai without an
    address, or who turned e-mail off since, have their rows marked `tidak`.
    """
    sekarang = sekarang or timezone.now()
    menunggu = Notifikasi.objects.filter(email=StatusEmail.RINGKASAN) | Notifikasi.objects.filter(
        email=StatusEmail.GAGAL, dibuat_pada__gte=sekarang - ULANG_GAGAL
    )
    rows = list(
        menunggu.order_by("penerima_id", "dibuat_pada", "pk").values(
            "pk", "penerima_id", "penerima__email", "judul", "isi", "url", "dibuat_pada"
        )
    )
    mati = set(
        PreferensiNotifikasi.objects.filter(
            email=ModeEmail.MATI, pegawai_id__in={r["penerima_id"] for r in rows}
        ).values_list("pegawai_id", flat=True)
    )
    per_pegawai: dict[int, list[dict[str, Any]]] = defaultdict(list)
    tidak: list[int] = []
    for r in rows:
        if not r["penerima__email"] or r["penerima_id"] in mati:
            tidak.append(r["pk"])
        else:
            per_pegawai[r["penerima_id"]].append(dict(r))
    terkirim: list[int] = []
    gagal: list[int] = []
    with translation.override(settings.LANGUAGE_CODE):
        tanggal = formats.date_format(timezone.localtime(sekarang).date(), "j F Y")
        koneksi = get_connection()
        try:
            koneksi.open()
        except OSError:
            log.warning("ringkasan harian: server e-mail tidak dapat dihubungi", exc_info=True)
            koneksi = None
        for baris in per_pegawai.values():
            ids = [int(b["pk"]) for b in baris]
            if koneksi is None:
                gagal += ids
                continue
            judul = ngettext(
                "[Kinerja] Ringkasan %(tanggal)s: %(n)d notifikasi",
                "[Kinerja] Ringkasan %(tanggal)s: %(n)d notifikasi",
                len(baris),
            ) % {"tanggal": tanggal, "n": len(baris)}
            pesan = EmailMessage(
                judul,
                _badan_ringkasan(baris),
                None,
                [str(baris[0]["penerima__email"])],
                connection=koneksi,
            )
            try:
                pesan.send()
                terkirim += ids
            except OSError:
                log.warning("ringkasan harian: e-mail gagal dikirim", exc_info=True)
                gagal += ids
        if koneksi is not None:
            koneksi.close()
    for status, ids in (
        (StatusEmail.TERKIRIM, terkirim),
        (StatusEmail.GAGAL, gagal),
        (StatusEmail.TIDAK, tidak),
    ):
        for i in range(0, len(ids), 500):
            Notifikasi.objects.filter(pk__in=ids[i : i + 500]).update(email=status)
    return {"pegawai": len(per_pegawai), "terkirim": len(terkirim), "gagal": len(gagal)}
