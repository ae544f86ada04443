"""Every read of feedback threads and dialog kinerja, scoped to the two sides of each.

A thread is about one pegawai; its other side is the pejabat chain above that pegawai (the
atasan langsung at the date, Plt/Plh aware, then up to the pimpinan of the pegawai's OPD).
Anyone else — a peer, another OPD, an admin — does not see it (404).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, Count, F, IntegerField, Max, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai

from .models import DialogKinerja, Sasaran, TindakLanjutDialog, UmpanBalik

# --- who is on the atasan side --------------------------------------------------------------


def _opd_jabatan(jabatan: Jabatan) -> int:
    unit = jabatan.unit
    return unit.opd_id or unit.pk


def rantai_atasan(pegawai: Pegawai, tanggal: dt.date | None = None) -> list[Pegawai]:
    """The atasan langsung, then each pejabat above within the pegawai's OPD (Plt/Plh aware).

    The atasan langsung is always included, even in another OPD (a kepala dinas and the Sekda).
    """
    tanggal = tanggal or timezone.localdate()
    penugasan = hierarki.penugasan_definitif(pegawai, tanggal)
    if penugasan is None:
        return []
    opd = penugasan.unit.opd_id or penugasan.unit_id
    hasil: list[Pegawai] = []
    jabatan: Jabatan | None = penugasan.jabatan
    while jabatan is not None:
        atasan, jabatan_atasan = hierarki.atasan_dari_jabatan(jabatan, tanggal, kecuali=pegawai.pk)
        if atasan is None or jabatan_atasan is None or atasan in hasil:
            break
        if hasil and _opd_jabatan(jabatan_atasan) != opd:
            break
        hasil.append(atasan)
        if _opd_jabatan(jabatan_atasan) != opd:
            break
        jabatan = jabatan_atasan
    return hasil


def rantai_ids(pegawai: Pegawai, tanggal: dt.date | None = None) -> list[int]:
    """Ids of `rantai_atasan`, cached on the pegawai object for the request."""
    if tanggal is None:
        cached = getattr(pegawai, "_rantai_cache", None)
        if cached is not None:
            return list(cached)
    ids = [p.pk for p in rantai_atasan(pegawai, tanggal)]
    if tanggal is None:
        setattr(pegawai, "_rantai_cache", ids)  # noqa: B010 — per-request cache
    return ids


def atasan_langsung_id(pegawai: Pegawai) -> int | None:
    ids = rantai_ids(pegawai)
    return ids[0] if ids else None


def pihak(user: Pegawai | AnonymousUser, pegawai: Pegawai) -> str | None:
    """'pegawai' for the pegawai themselves, 'pejabat' for the chain above, else None."""
    if not user.is_authenticated:
        return None
    if user.pk == pegawai.pk:
        return "pegawai"
    if user.instansi_id != pegawai.instansi_id:
        return None
    return "pejabat" if user.pk in rantai_ids(pegawai) else None


def bawahan_langsung(user: Pegawai) -> list[Pegawai]:
    ids = hierarki.bawahan_ids(user)
    return list(Pegawai.objects.filter(pk__in=ids, is_active=True).order_by("nama", "pk"))


# --- threads --------------------------------------------------------------------------------

_AKAR_RELASI = ("pegawai", "penulis", "pejabat", "rhk", "perilaku", "laporan")


def _akar() -> QuerySet[UmpanBalik]:
    return UmpanBalik.objects.filter(induk__isnull=True).select_related(*_AKAR_RELASI)


def utas_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> UmpanBalik:
    """A thread root the user is a side of (pegawai, its pejabat, or the chain above): else 404."""
    if not user.is_authenticated:
        raise Http404
    akar = _akar().filter(pk=pk).first()
    if akar is None:
        raise Http404
    if user.pk in (akar.pegawai_id, akar.pejabat_id) and user.instansi_id == (
        akar.pegawai.instansi_id
    ):
        return akar
    if pihak(user, akar.pegawai) is None:
        raise Http404
    return akar


def pesan_utas(akar: UmpanBalik) -> list[UmpanBalik]:
    """Root then replies, oldest first, with authors: one query for the replies."""
    balasan = list(akar.balasan_set.select_related("penulis").order_by("dibuat_pada", "pk"))
    return [akar, *balasan]


def _pasang_belum_dibaca(roots: list[UmpanBalik], user: Pegawai) -> None:
    """`belum_dibaca` on each root: messages from the other side not yet read (one query)."""
    ids = [r.pk for r in roots]
    if not ids:
        return
    qs = UmpanBalik.objects.filter(Q(pk__in=ids) | Q(induk_id__in=ids), dibaca_pada__isnull=True)
    sisi_pegawai = Q(pegawai_id=user.pk) & ~Q(penulis_id=user.pk)
    sisi_pejabat = Q(pejabat_id=user.pk) & Q(penulis_id=F("pegawai_id"))
    counts = dict(
        qs.filter(sisi_pegawai | sisi_pejabat)
        .annotate(akar=Coalesce("induk_id", "pk"))
        .values("akar")
        .annotate(n=Count("pk"))
        .values_list("akar", "n")
    )
    for root in roots:
        root.belum_dibaca = counts.get(root.pk, 0)  # type: ignore[attr-defined]


def utas_list_saya(
    user: Pegawai, *, sasaran: str = "", pegawai_id: int | None = None, sebagai: str = "pegawai"
) -> QuerySet[UmpanBalik]:
    """Thread roots: about me (`sebagai='pegawai'`), or where I am the pejabat / they are my
    direct bawahan (`sebagai='atasan'`), open requests first."""
    qs = _akar()
    if sebagai == "atasan":
        ids = hierarki.bawahan_ids(user)
        qs = qs.filter(Q(pejabat_id=user.pk) | Q(pegawai_id__in=ids)).exclude(pegawai_id=user.pk)
        if pegawai_id:
            qs = qs.filter(pegawai_id=pegawai_id)
    else:
        qs = qs.filter(pegawai_id=user.pk)
    if sasaran in Sasaran.values:
        qs = qs.filter(sasaran=sasaran)
    terbuka = Case(
        When(permintaan=True, dijawab_pada__isnull=True, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return qs.annotate(terbuka=terbuka).order_by("terbuka", "-aktivitas_pada", "-pk")


def halaman_utas(user: Pegawai, roots: list[UmpanBalik]) -> list[UmpanBalik]:
    """Decorate one page of roots with unread counts and reply counts (two queries)."""
    _pasang_belum_dibaca(roots, user)
    ids = [r.pk for r in roots]
    jumlah = dict(
        UmpanBalik.objects.filter(induk_id__in=ids)
        .values("induk_id")
        .annotate(n=Count("pk"))
        .values_list("induk_id", "n")
    )
    for root in roots:
        root.jumlah_balasan = jumlah.get(root.pk, 0)  # type: ignore[attr-defined]
    return roots


@dataclass
class BarisBawahan:
    pegawai: Pegawai
    utas: int = 0
    permintaan_terbuka: int = 0
    terakhir: dt.datetime | None = None


def ringkasan_bawahan(user: Pegawai) -> list[BarisBawahan]:
    """Each direct bawahan with thread count, open requests and the last feedback (2 queries
    after the hierarchy walk), open requests first, then the longest without feedback."""
    orang = bawahan_langsung(user)
    rows = {p.pk: BarisBawahan(pegawai=p) for p in orang}
    agregat = (
        UmpanBalik.objects.filter(induk__isnull=True, pegawai_id__in=list(rows))
        .values("pegawai_id")
        .annotate(
            n=Count("pk"),
            buka=Count("pk", filter=Q(permintaan=True, dijawab_pada__isnull=True)),
            akhir=Max("aktivitas_pada"),
        )
    )
    for a in agregat:
        baris = rows[a["pegawai_id"]]
        baris.utas, baris.permintaan_terbuka, baris.terakhir = a["n"], a["buka"], a["akhir"]
    awal = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(rows.values(), key=lambda b: (-b.permintaan_terbuka, b.terakhir or awal))


def utas_untuk_laporan(laporan_id: int) -> list[UmpanBalik]:
    """Threads on one report with their replies (two queries)."""
    balasan = Prefetch(
        "balasan_set", queryset=UmpanBalik.objects.select_related("penulis").order_by("pk")
    )
    return list(
        _akar().filter(laporan_id=laporan_id).prefetch_related(balasan).order_by("dibuat_pada")
    )


# --- dialog kinerja -------------------------------------------------------------------------


def _dialog_qs() -> QuerySet[DialogKinerja]:
    return DialogKinerja.objects.select_related("pegawai", "atasan", "dibuat_oleh")


def dialog_list_for_user(user: Pegawai, *, pegawai_id: int | None = None) -> QuerySet[Any]:
    """Dialogs I am a side of, newest first, with follow-ups prefetched."""
    qs = _dialog_qs().filter(Q(pegawai_id=user.pk) | Q(atasan_id=user.pk))
    if pegawai_id:
        qs = qs.filter(pegawai_id=pegawai_id)
    return qs.prefetch_related(
        Prefetch("tindak_lanjut_set", queryset=TindakLanjutDialog.objects.select_related("pemilik"))
    ).order_by("-tanggal", "-pk")


def dialog_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> DialogKinerja:
    """A dialog of which the user is a side, or a pejabat above the pegawai: else 404."""
    if not user.is_authenticated:
        raise Http404
    dialog = _dialog_qs().filter(pk=pk).first()
    if dialog is None or dialog.pegawai.instansi_id != user.instansi_id:
        raise Http404
    if user.pk in (dialog.pegawai_id, dialog.atasan_id):
        return dialog
    if pihak(user, dialog.pegawai) is None:
        raise Http404
    return dialog


def tindak_lanjut_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> TindakLanjutDialog:
    tl = TindakLanjutDialog.objects.filter(pk=pk).only("pk", "dialog_id").first()
    if tl is None:
        raise Http404
    dialog = dialog_get_for_user(user=user, pk=tl.dialog_id)
    tl = TindakLanjutDialog.objects.select_related("pemilik").get(pk=pk)
    tl.dialog = dialog
    return tl


def tindak_lanjut_terbuka(user: Pegawai, *, hari: int = 7) -> list[TindakLanjutDialog]:
    """My unfinished follow-ups of confirmed dialogs due within `hari` days or overdue."""
    batas = timezone.localdate() + dt.timedelta(days=hari)
    return list(
        TindakLanjutDialog.objects.filter(
            pemilik_id=user.pk,
            selesai_pada__isnull=True,
            batas__lte=batas,
            dialog__dikonfirmasi_pegawai_pada__isnull=False,
            dialog__dikonfirmasi_atasan_pada__isnull=False,
        )
        .select_related("dialog", "dialog__pegawai")
        .order_by("batas", "pk")[:20]
    )


def dialog_menunggu_konfirmasi(user: Pegawai) -> QuerySet[DialogKinerja]:
    return _dialog_qs().filter(
        Q(pegawai_id=user.pk, dikonfirmasi_pegawai_pada__isnull=True)
        | Q(atasan_id=user.pk, dikonfirmasi_atasan_pada__isnull=True)
    )


# --- home card ------------------------------------------------------------------------------


def ringkasan_beranda(user: Pegawai) -> dict[str, Any]:
    """Counts for the home card: a fixed number of queries whatever the data."""
    belum_dibaca = (
        UmpanBalik.objects.filter(pegawai_id=user.pk, dibaca_pada__isnull=True)
        .exclude(penulis_id=user.pk)
        .count()
    )
    permintaan = UmpanBalik.objects.filter(
        induk__isnull=True, pejabat_id=user.pk, permintaan=True, dijawab_pada__isnull=True
    ).count()
    balasan_bawahan = UmpanBalik.objects.filter(
        pejabat_id=user.pk, penulis_id=F("pegawai_id"), dibaca_pada__isnull=True
    ).count()
    tindak_lanjut = tindak_lanjut_terbuka(user)
    hari_ini = timezone.localdate()
    return {
        "belum_dibaca": belum_dibaca,
        "permintaan": permintaan,
        "balasan_bawahan": balasan_bawahan,
        "menunggu_konfirmasi": dialog_menunggu_konfirmasi(user).count(),
        "tindak_lanjut": tindak_lanjut,
        "terlambat": sum(1 for t in tindak_lanjut if t.batas < hari_ini),
    }


# --- for the evaluation (penilaian) ---------------------------------------------------------


@dataclass
class Utas:
    """One feedback thread: the root (subject, author) and its replies, oldest first."""

    akar: UmpanBalik
    balasan: list[UmpanBalik] = field(default_factory=list)


@dataclass
class RiwayatUmpanBalik:
    """Feedback and dialogs of one pegawai in a date range, grouped by subject."""

    per_rhk: dict[int, list[Utas]] = field(default_factory=dict)
    per_perilaku: dict[int, list[Utas]] = field(default_factory=dict)
    laporan: list[Utas] = field(default_factory=list)
    umum: list[Utas] = field(default_factory=list)
    dialog: list[DialogKinerja] = field(default_factory=list)  # .tindak_lanjut_set prefetched

    @property
    def semua_utas(self) -> list[Utas]:
        rows = [u for group in self.per_rhk.values() for u in group]
        rows += [u for group in self.per_perilaku.values() for u in group]
        return sorted(rows + self.laporan + self.umum, key=lambda u: u.akar.dibuat_pada)

    @property
    def jumlah_utas(self) -> int:
        return len(self.semua_utas)


def _rentang_waktu(mulai: dt.date, selesai: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    awal = dt.datetime.combine(mulai, dt.time.min, tzinfo=tz)
    akhir = dt.datetime.combine(selesai + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return awal, akhir


def riwayat_untuk_penilaian(pegawai_id: int, mulai: dt.date, selesai: dt.date) -> RiwayatUmpanBalik:
    """Threads started in [mulai, selesai] (Asia/Jakarta dates) with all their replies, and the
    dialogs held in that range with their follow-ups: four queries whatever the volume.

    No access check: the caller (the evaluation) has already scoped `pegawai_id` to the user.
    """
    awal, akhir = _rentang_waktu(mulai, selesai)
    balasan = Prefetch(
        "balasan_set",
        queryset=UmpanBalik.objects.select_related("penulis").order_by("dibuat_pada", "pk"),
    )
    roots = (
        _akar()
        .filter(pegawai_id=pegawai_id, dibuat_pada__gte=awal, dibuat_pada__lt=akhir)
        .prefetch_related(balasan)
        .order_by("dibuat_pada", "pk")
    )
    hasil = RiwayatUmpanBalik()
    per_rhk: dict[int, list[Utas]] = defaultdict(list)
    per_perilaku: dict[int, list[Utas]] = defaultdict(list)
    for root in roots:
        utas = Utas(akar=root, balasan=list(root.balasan_set.all()))
        if root.sasaran == Sasaran.RHK and root.rhk_id:
            per_rhk[root.rhk_id].append(utas)
        elif root.sasaran == Sasaran.PERILAKU and root.perilaku_id:
            per_perilaku[root.perilaku_id].append(utas)
        elif root.sasaran == Sasaran.LAPORAN and root.laporan_id:
            hasil.laporan.append(utas)
        else:
            hasil.umum.append(utas)
    hasil.per_rhk, hasil.per_perilaku = dict(per_rhk), dict(per_perilaku)
    hasil.dialog = list(
        _dialog_qs()
        .filter(pegawai_id=pegawai_id, tanggal__gte=mulai, tanggal__lte=selesai)
        .prefetch_related(
            Prefetch(
                "tindak_lanjut_set",
                queryset=TindakLanjutDialog.objects.select_related("pemilik"),
            )
        )
        .order_by("tanggal", "pk")
    )
    return hasil
