"""Daily reminders: pegawai who have not reported, atasan with reviews waiting.

Set-based: a handful of queries per instansi whatever the number of pegawai (no per-pegawai
query loop); notifications are bulk-created. A `Pengingat` row per person, kind and day makes a
rerun the same day send nothing twice. Reminders go out on working days only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, Min, OuterRef, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.organisasi.models import Instansi, Jabatan, JenisPenugasan, Pegawai, Penugasan

from . import kalender
from .models import JenisPengingat, Pengingat
from .services import Pesan, notifikasi_kirim_banyak


@dataclass
class HasilPengingat:
    laporan: list[int] = field(default_factory=list)  # pegawai reminded to report
    review: list[int] = field(default_factory=list)  # atasan reminded to review
    dilewati: list[int] = field(default_factory=list)  # instansi ids: not a working day


def _url(nama: str, cadangan: str) -> str:
    try:
        return reverse(nama)
    except NoReverseMatch:
        return cadangan


def _tgl(tanggal: dt.date) -> str:
    return formats.date_format(tanggal, "j F Y")


def peta_atasan(pegawai_ids: Iterable[int], tanggal: dt.date) -> dict[int, int]:
    """pegawai id → atasan langsung id at `tanggal`, for many pegawai in three queries.

    Same rule as organisasi.hierarki.atasan_langsung (definitive jabatan, walk up to the first
    jabatan with an effective holder other than the pegawai; Plt/Plh before definitif).
    """
    ids = list(set(pegawai_ids))
    if not ids:
        return {}
    jabatan_pegawai: dict[int, tuple[dt.date, int]] = {}
    for pid, jid, mulai in (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai_id__in=ids, jenis=JenisPenugasan.DEFINITIF)
        .values_list("pegawai_id", "jabatan_id", "mulai")
    ):
        if pid not in jabatan_pegawai or mulai > jabatan_pegawai[pid][0]:
            jabatan_pegawai[pid] = (mulai, jid)
    induk = dict(Jabatan.objects.values_list("pk", "parent_id"))
    terbaik: dict[int, tuple[int, dt.date, int]] = {}
    for jid, pid, jenis, mulai in (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai__is_active=True)
        .values_list("jabatan_id", "pegawai_id", "jenis", "mulai")
    ):
        rank = 0 if jenis == JenisPenugasan.DEFINITIF else 1
        kini = terbaik.get(jid)
        if kini is None or (rank, mulai) > (kini[0], kini[1]):
            terbaik[jid] = (rank, mulai, pid)
    pemegang = {jid: v[2] for jid, v in terbaik.items()}
    hasil: dict[int, int] = {}
    for pid, (_mulai, jid) in jabatan_pegawai.items():
        kini_id = induk.get(jid)
        dilihat: set[int] = set()
        while kini_id is not None and kini_id not in dilihat:
            dilihat.add(kini_id)
            holder = pemegang.get(kini_id)
            if holder is not None and holder != pid:
                hasil[pid] = holder
                break
            kini_id = induk.get(kini_id)
    return hasil


def _belum_diingatkan(qs: QuerySet[Pegawai], jenis: str, hari_ini: dt.date) -> QuerySet[Pegawai]:
    return qs.exclude(
        Exists(Pengingat.objects.filter(pegawai=OuterRef("pk"), jenis=jenis, tanggal=hari_ini))
    )


def _pengingat_laporan(instansi_id: int, hari_ini: dt.date) -> list[int]:
    from kinerja.kegiatan.models import LaporanKegiatan

    n = settings.PENGINGAT_LAPORAN_HARI_KERJA
    jendela = kalender.hari_kerja_terakhir(instansi_id, n, hari_ini - dt.timedelta(days=1))
    if len(jendela) < n:
        return []
    sejak = jendela[0]
    qs = Pegawai.objects.filter(instansi_id=instansi_id, is_active=True).filter(
        # assigned today and already at the start of the window (a newcomer is not reminded)
        Exists(Penugasan.objects.aktif_pada(hari_ini).filter(pegawai=OuterRef("pk"))),
        Exists(Penugasan.objects.aktif_pada(sejak).filter(pegawai=OuterRef("pk"))),
    )
    qs = qs.exclude(
        Exists(LaporanKegiatan.objects.filter(pegawai=OuterRef("pk"), tanggal__gte=sejak))
    )
    ids = list(_belum_diingatkan(qs, JenisPengingat.LAPORAN, hari_ini).values_list("pk", flat=True))
    if not ids:
        return []
    judul = _("Anda belum melaporkan kegiatan sejak %(tanggal)s") % {"tanggal": _tgl(sejak)}
    isi = ngettext(
        "Tidak ada laporan kegiatan dalam %(n)d hari kerja terakhir. Laporkan pekerjaan Anda.",
        "Tidak ada laporan kegiatan dalam %(n)d hari kerja terakhir. Laporkan pekerjaan Anda.",
        n,
    ) % {"n": n}
    url = _url("kegiatan_laporan_saya", "/kegiatan/")
    Pengingat.objects.bulk_create(
        [Pengingat(pegawai_id=pid, jenis=JenisPengingat.LAPORAN, tanggal=hari_ini) for pid in ids],
        batch_size=500,
    )
    notifikasi_kirim_banyak(
        pesan=[Pesan(penerima_id=pid, judul=judul, isi=isi, url=url) for pid in ids],
        jenis=JenisPengingat.LAPORAN,
    )
    return ids


def _pengingat_review(instansi_id: int, hari_ini: dt.date) -> list[int]:
    from kinerja.kegiatan.models import LaporanKegiatan, StatusLaporan

    hari = settings.PENGINGAT_REVIEW_HARI
    awal_hari_ini = timezone.make_aware(dt.datetime.combine(hari_ini, dt.time.min))
    batas = awal_hari_ini - dt.timedelta(days=hari - 1)  # waiting more than `hari` days
    menunggu = (
        LaporanKegiatan.objects.filter(
            status=StatusLaporan.DIAJUKAN,
            dibuat_pada__lt=batas,
            pegawai__instansi_id=instansi_id,
            pegawai__is_active=True,
        )
        .values("pegawai_id")
        .annotate(jumlah=Count("pk"), tertua=Min("dibuat_pada"))
        .order_by()
    )
    per_bawahan = {r["pegawai_id"]: (r["jumlah"], r["tertua"]) for r in menunggu}
    if not per_bawahan:
        return []
    atasan_dari = peta_atasan(per_bawahan, hari_ini)
    per_atasan: dict[int, list[tuple[int, dt.datetime]]] = defaultdict(list)
    for pid, (jumlah, tertua) in per_bawahan.items():
        atasan_id = atasan_dari.get(pid)
        if atasan_id is not None:
            per_atasan[atasan_id].append((jumlah, tertua))
    sudah = set(
        Pengingat.objects.filter(
            jenis=JenisPengingat.REVIEW, tanggal=hari_ini, pegawai_id__in=list(per_atasan)
        ).values_list("pegawai_id", flat=True)
    )
    url = _url("kegiatan_review", "/kegiatan/")
    pesan = []
    for atasan_id, daftar in per_atasan.items():
        if atasan_id in sudah:
            continue
        jumlah = sum(j for j, _t in daftar)
        tertua = timezone.localtime(min(t for _j, t in daftar)).date()
        judul = ngettext(
            "%(n)d laporan menunggu review, terlama sejak %(tanggal)s",
            "%(n)d laporan menunggu review, terlama sejak %(tanggal)s",
            jumlah,
        ) % {"n": jumlah, "tanggal": _tgl(tertua)}
        isi = _("Laporan kegiatan bawahan Anda menunggu persetujuan lebih dari %(hari)d hari.") % {
            "hari": hari
        }
        pesan.append(Pesan(penerima_id=atasan_id, judul=judul, isi=isi, url=url))
    if not pesan:
        return []
    Pengingat.objects.bulk_create(
        [
            Pengingat(pegawai_id=p.penerima_id, jenis=JenisPengingat.REVIEW, tanggal=hari_ini)
            for p in pesan
        ],
        batch_size=500,
    )
    notifikasi_kirim_banyak(pesan=pesan, jenis=JenisPengingat.REVIEW)
    return [p.penerima_id for p in pesan]


def kirim_pengingat_harian(*, hari_ini: dt.date | None = None) -> HasilPengingat:
    """Send today's reminders for every instansi (one transaction per instansi)."""
    hari_ini = hari_ini or timezone.localdate()
    hasil = HasilPengingat()
    with translation.override(settings.LANGUAGE_CODE):
        for instansi_id in Instansi.objects.order_by("pk").values_list("pk", flat=True):
            if not kalender.adalah_hari_kerja(instansi_id, hari_ini):
                hasil.dilewati.append(instansi_id)
                continue
            with transaction.atomic():
                hasil.laporan += _pengingat_laporan(instansi_id, hari_ini)
                hasil.review += _pengingat_review(instansi_id, hari_ini)
    return hasil
