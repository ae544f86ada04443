"""Every write of feedback threads and dialog kinerja.

The rule everywhere: only the two sides may write — the pegawai the thread/dialog is about, and
the pejabat chain above that pegawai at the date (selectors.rantai_atasan). Anyone else gets
PermissionDenied and nothing is stored. Each new message or dialog notifies the other side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.unggahan import periksa_berkas
from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.notifikasi.services import notifikasi_kirim
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import PerilakuKerja, Rhk, Skp

from . import selectors
from .models import DialogKinerja, Sasaran, TindakLanjutDialog, UmpanBalik

TEKS_MAKS = 5000


@dataclass(frozen=True)
class Subjek:
    """What a thread is about; exactly the fields its `sasaran` needs."""

    sasaran: str = Sasaran.UMUM
    laporan: LaporanKegiatan | None = None
    rhk: Rhk | None = None
    periode_mulai: dt.date | None = None
    periode_selesai: dt.date | None = None
    perilaku: PerilakuKerja | None = None


def _teks(teks: str, field: str = "teks") -> str:
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError({field: _("Isi tidak boleh kosong.")})
    if len(teks) > TEKS_MAKS:
        raise ValidationError({field: _("Paling banyak %(n)s karakter.") % {"n": TEKS_MAKS}})
    return teks


def _periksa_subjek(pegawai: Pegawai, subjek: Subjek) -> Subjek:
    """Validate the subject against the pegawai; returns it with the unused fields cleared."""
    s = subjek.sasaran
    if s not in Sasaran.values:
        raise ValidationError({"sasaran": _("Pilih tentang apa umpan balik ini.")})
    if s == Sasaran.LAPORAN:
        if subjek.laporan is None:
            raise ValidationError({"laporan": _("Pilih laporan kegiatan.")})
        if subjek.laporan.pegawai_id != pegawai.pk:
            raise ValidationError({"laporan": _("Laporan ini bukan milik pegawai tersebut.")})
        return Subjek(sasaran=s, laporan=subjek.laporan, rhk=subjek.laporan.rhk)
    if s == Sasaran.RHK:
        return _periksa_rhk(pegawai, subjek)
    if s == Sasaran.PERILAKU:
        if subjek.perilaku is None or not subjek.perilaku.aktif:
            raise ValidationError({"perilaku": _("Pilih nilai perilaku kerja (BerAKHLAK).")})
        return Subjek(sasaran=s, perilaku=subjek.perilaku)
    return Subjek()


def _periksa_rhk(pegawai: Pegawai, subjek: Subjek) -> Subjek:
    rhk, mulai, selesai = subjek.rhk, subjek.periode_mulai, subjek.periode_selesai
    if rhk is None:
        raise ValidationError({"rhk": _("Pilih RHK.")})
    skp = Skp.objects.filter(pk=rhk.skp_id).select_related("periode").first()
    if skp is None or skp.pegawai_id != pegawai.pk or not skp.aktif:
        raise ValidationError({"rhk": _("RHK ini tidak ada di SKP pegawai tersebut.")})
    if mulai is None or selesai is None:
        raise ValidationError({"periode_mulai": _("Isi periode realisasi (mulai dan selesai).")})
    if selesai < mulai:
        raise ValidationError({"periode_selesai": _("Tanggal selesai sebelum tanggal mulai.")})
    if mulai < skp.periode.mulai or selesai > skp.periode.selesai:
        raise ValidationError(
            {"periode_mulai": _("Periode harus di dalam tahun SKP %(t)s.") % {"t": skp.periode}}
        )
    return Subjek(sasaran=Sasaran.RHK, rhk=rhk, periode_mulai=mulai, periode_selesai=selesai)


def _skp_untuk(pegawai: Pegawai, subjek: Subjek, tanggal: dt.date) -> Skp | None:
    if subjek.rhk is not None:
        return Skp.objects.filter(pk=subjek.rhk.skp_id).first()
    return (
        Skp.objects.filter(
            pegawai=pegawai, aktif=True, periode__mulai__lte=tanggal, periode__selesai__gte=tanggal
        )
        .order_by("-versi")
        .first()
    )


def _lampiran(berkas: UploadedFile | None, pesan: UmpanBalik) -> None:
    if berkas is None:
        return
    try:
        diperiksa = periksa_berkas(berkas)
    except ValidationError as exc:
        raise ValidationError({"lampiran": exc.messages}) from exc
    pesan.lampiran.save(diperiksa.berkas.name or "lampiran", diperiksa.berkas, save=False)
    pesan.lampiran_nama = diperiksa.nama_asli


def url_utas(akar: UmpanBalik) -> str:
    return reverse("umpanbalik_thread", kwargs={"pk": akar.pk})


def _notifikasi_utas(akar: UmpanBalik, pesan: UmpanBalik, jenis: str, judul: str) -> None:
    """Tell the other side: the pegawai when the pejabat side writes, else the thread's pejabat."""
    if pesan.penulis_id == akar.pegawai_id:
        penerima = {akar.pejabat_id} if akar.pejabat_id else set()
        penerima |= set(
            akar.balasan_set.exclude(penulis_id=akar.pegawai_id).values_list(
                "penulis_id", flat=True
            )
        )
    else:
        penerima = {akar.pegawai_id}
        if akar.pejabat_id and akar.pejabat_id != pesan.penulis_id:
            penerima.add(akar.pejabat_id)
    penerima.discard(pesan.penulis_id)
    notifikasi_kirim(
        penerima=sorted(p for p in penerima if p),
        jenis=jenis,
        judul=judul,
        isi=pesan.teks[:300],
        url=url_utas(akar),
    )


def periksa_pejabat(oleh: Pegawai, pegawai: Pegawai) -> None:
    if oleh.pk == pegawai.pk or selectors.pihak(oleh, pegawai) != "pejabat":
        raise PermissionDenied(
            _(
                "Hanya atasan dan pejabat di atasnya yang dapat memberi umpan balik "
                "kepada pegawai ini."
            )
        )


@transaction.atomic
def umpan_balik_beri(
    *,
    oleh: Pegawai,
    pegawai: Pegawai,
    subjek: Subjek,
    teks: str,
    berkas: UploadedFile | None = None,
) -> UmpanBalik:
    """The atasan (or a pejabat above) starts a feedback thread about a pegawai's work."""
    periksa_pejabat(oleh, pegawai)
    subjek = _periksa_subjek(pegawai, subjek)
    teks = _teks(teks)
    sekarang = timezone.now()
    akar = UmpanBalik(
        pegawai=pegawai,
        penulis=oleh,
        pejabat=oleh,
        skp=_skp_untuk(pegawai, subjek, timezone.localdate()),
        teks=teks,
        dibuat_pada=sekarang,
        aktivitas_pada=sekarang,
        **_kolom_subjek(subjek),
    )
    _lampiran(berkas, akar)
    akar.save()
    _notifikasi_utas(
        akar,
        akar,
        "umpan_balik_baru",
        _("Umpan balik baru dari %(nama)s") % {"nama": oleh.nama_lengkap},
    )
    return akar


def _kolom_subjek(subjek: Subjek) -> dict[str, object]:
    return {
        "sasaran": subjek.sasaran,
        "laporan": subjek.laporan,
        "rhk": subjek.rhk,
        "periode_mulai": subjek.periode_mulai,
        "periode_selesai": subjek.periode_selesai,
        "perilaku": subjek.perilaku,
    }


@transaction.atomic
def umpan_balik_minta(
    *,
    oleh: Pegawai,
    subjek: Subjek,
    teks: str,
    kepada: Pegawai | None = None,
    berkas: UploadedFile | None = None,
) -> UmpanBalik:
    """The pegawai asks for feedback ("minta umpan balik"), by default from the atasan langsung."""
    rantai = selectors.rantai_ids(oleh)
    if not rantai:
        raise ValidationError({"kepada": _("Atasan Anda belum tercatat; hubungi operator OPD.")})
    if kepada is None:
        kepada = Pegawai.objects.get(pk=rantai[0])
    elif kepada.pk not in rantai:
        raise ValidationError({"kepada": _("Pilih atasan Anda atau pejabat di atasnya.")})
    subjek = _periksa_subjek(oleh, subjek)
    if subjek.sasaran == Sasaran.UMUM:
        raise ValidationError(
            {
                "sasaran": _(
                    "Permintaan umpan balik harus tentang laporan, RHK, atau perilaku kerja."
                )
            }
        )
    sekarang = timezone.now()
    akar = UmpanBalik(
        pegawai=oleh,
        penulis=oleh,
        pejabat=kepada,
        permintaan=True,
        skp=_skp_untuk(oleh, subjek, timezone.localdate()),
        teks=_teks(teks),
        dibuat_pada=sekarang,
        aktivitas_pada=sekarang,
        **_kolom_subjek(subjek),
    )
    _lampiran(berkas, akar)
    akar.save()
    _notifikasi_utas(
        akar,
        akar,
        "umpan_balik_permintaan",
        _("%(nama)s meminta umpan balik") % {"nama": oleh.nama_lengkap},
    )
    return akar


@transaction.atomic
def umpan_balik_balas(
    *, oleh: Pegawai, induk: UmpanBalik, teks: str, berkas: UploadedFile | None = None
) -> UmpanBalik:
    """A reply in a thread, by the pegawai or by a pejabat of the chain above (now)."""
    akar = UmpanBalik.objects.select_for_update().select_related("pegawai").get(pk=induk.pk)
    if akar.induk_id is not None:
        raise ValidationError({"induk": _("Balas pada awal utas.")})
    sisi = selectors.pihak(oleh, akar.pegawai)
    if sisi is None:
        raise PermissionDenied(_("Anda bukan pihak dalam utas umpan balik ini."))
    sekarang = timezone.now()
    pesan = UmpanBalik(
        pegawai=akar.pegawai,
        penulis=oleh,
        pejabat=akar.pejabat,
        induk=akar,
        skp=akar.skp,
        sasaran=akar.sasaran,
        laporan=akar.laporan,
        rhk=akar.rhk,
        perilaku=akar.perilaku,
        periode_mulai=akar.periode_mulai,
        periode_selesai=akar.periode_selesai,
        teks=_teks(teks),
        dibuat_pada=sekarang,
        aktivitas_pada=sekarang,
    )
    _lampiran(berkas, pesan)
    pesan.save()
    akar.aktivitas_pada = sekarang
    kolom = ["aktivitas_pada"]
    if sisi == "pejabat" and akar.permintaan and akar.dijawab_pada is None:
        akar.dijawab_pada = sekarang
        kolom.append("dijawab_pada")
    akar.save(update_fields=kolom)
    _notifikasi_utas(
        akar,
        pesan,
        "umpan_balik_balasan",
        _("Balasan umpan balik dari %(nama)s") % {"nama": oleh.nama_lengkap},
    )
    return pesan


def umpan_balik_tandai_dibaca(*, oleh: Pegawai, akar: UmpanBalik) -> int:
    """Mark the other side's messages read: the pejabat's for the pegawai, the pegawai's for the
    thread's pejabat. Others opening the thread (a pejabat further up) mark nothing."""
    qs = UmpanBalik.objects.filter(
        pk__in=[akar.pk, *akar.balasan_set.values_list("pk", flat=True)],
        dibaca_pada__isnull=True,
    )
    if oleh.pk == akar.pegawai_id:
        qs = qs.exclude(penulis_id=oleh.pk)
    elif oleh.pk == akar.pejabat_id:
        qs = qs.filter(penulis_id=akar.pegawai_id)
    else:
        return 0
    return qs.update(dibaca_pada=timezone.now())


# --- dialog kinerja -------------------------------------------------------------------------


@dataclass(frozen=True)
class TindakLanjutData:
    aksi: str
    pemilik: str  # "pegawai" | "atasan"
    batas: dt.date | None


def _pasangan_dialog(oleh: Pegawai, pegawai: Pegawai | None) -> tuple[Pegawai, Pegawai]:
    """(pegawai, atasan) of a new dialog recorded by `oleh`."""
    if pegawai is None or pegawai.pk == oleh.pk:
        rantai = selectors.rantai_ids(oleh)
        if not rantai:
            raise ValidationError(
                {"pegawai": _("Atasan Anda belum tercatat; hubungi operator OPD.")}
            )
        return oleh, Pegawai.objects.get(pk=rantai[0])
    if selectors.pihak(oleh, pegawai) != "pejabat":
        raise PermissionDenied(_("Dialog kinerja hanya antara pegawai dan atasannya."))
    return pegawai, oleh


def _isi_dialog(tanggal: dt.date | None, topik: str, tindak_lanjut: list[TindakLanjutData]) -> None:
    if tanggal is None:
        raise ValidationError({"tanggal": _("Isi tanggal dialog.")})
    if tanggal > timezone.localdate():
        raise ValidationError({"tanggal": _("Dialog kinerja dicatat setelah berlangsung.")})
    _teks(topik, "topik")
    for i, tl in enumerate(tindak_lanjut, start=1):
        if not tl.aksi.strip():
            raise ValidationError({"tindak_lanjut": _("Tindak lanjut %(i)s kosong.") % {"i": i}})
        if tl.pemilik not in ("pegawai", "atasan"):
            raise ValidationError(
                {
                    "tindak_lanjut": _("Pemilik tindak lanjut %(i)s harus salah satu pihak.")
                    % {"i": i}
                }
            )
        if tl.batas is None or tl.batas < tanggal:
            raise ValidationError(
                {
                    "tindak_lanjut": _("Batas waktu tindak lanjut %(i)s sebelum tanggal dialog.")
                    % {"i": i}
                }
            )


def _simpan_tindak_lanjut(dialog: DialogKinerja, rows: list[TindakLanjutData]) -> None:
    dialog.tindak_lanjut_set.all().delete()
    TindakLanjutDialog.objects.bulk_create(
        [
            TindakLanjutDialog(
                dialog=dialog,
                aksi=tl.aksi.strip()[:TEKS_MAKS],
                pemilik_id=dialog.pegawai_id if tl.pemilik == "pegawai" else dialog.atasan_id,
                batas=tl.batas or dialog.tanggal,  # validated before: never None here
            )
            for tl in rows
        ]
    )


def url_dialog(dialog: DialogKinerja) -> str:
    return reverse("dialog_detail", kwargs={"pk": dialog.pk})


def _pihak_lain(dialog: DialogKinerja, oleh: Pegawai) -> int:
    return dialog.atasan_id if oleh.pk == dialog.pegawai_id else dialog.pegawai_id


@transaction.atomic
def dialog_create(
    *,
    oleh: Pegawai,
    tanggal: dt.date | None,
    topik: str,
    kesepakatan: str = "",
    tindak_lanjut: list[TindakLanjutData] | None = None,
    pegawai: Pegawai | None = None,
) -> DialogKinerja:
    """Record a dialog; the recorder's confirmation is the act of recording, the other side is
    asked to confirm."""
    pegawai, atasan = _pasangan_dialog(oleh, pegawai)
    rows = tindak_lanjut or []
    _isi_dialog(tanggal, topik, rows)
    assert tanggal is not None
    sekarang = timezone.now()
    dialog = DialogKinerja.objects.create(
        pegawai=pegawai,
        atasan=atasan,
        skp=_skp_untuk(pegawai, Subjek(), tanggal),
        tanggal=tanggal,
        topik=topik.strip(),
        kesepakatan=(kesepakatan or "").strip(),
        dibuat_oleh=oleh,
        dibuat_pada=sekarang,
        dikonfirmasi_pegawai_pada=sekarang if oleh.pk == pegawai.pk else None,
        dikonfirmasi_atasan_pada=sekarang if oleh.pk == atasan.pk else None,
    )
    _simpan_tindak_lanjut(dialog, rows)
    notifikasi_kirim(
        penerima=[_pihak_lain(dialog, oleh)],
        jenis="dialog_konfirmasi",
        judul=_("%(nama)s mencatat dialog kinerja; mohon konfirmasi") % {"nama": oleh.nama_lengkap},
        isi=dialog.topik[:300],
        url=url_dialog(dialog),
    )
    return dialog


def _dialog_terkunci(dialog_id: int) -> DialogKinerja:
    return DialogKinerja.objects.select_for_update().get(pk=dialog_id)


@transaction.atomic
def dialog_update(
    *,
    oleh: Pegawai,
    dialog: DialogKinerja,
    revisi: int,
    tanggal: dt.date | None,
    topik: str,
    kesepakatan: str = "",
    tindak_lanjut: list[TindakLanjutData] | None = None,
) -> DialogKinerja:
    """The recorder corrects a dialog the other side has not confirmed yet."""
    dialog = _dialog_terkunci(dialog.pk)
    if oleh.pk != dialog.dibuat_oleh_id:
        raise PermissionDenied(_("Hanya pencatat yang dapat mengubah dialog ini."))
    if dialog.dikonfirmasi:
        raise ValidationError(
            {"__all__": _("Dialog sudah dikonfirmasi kedua pihak; catat dialog baru.")}
        )
    if revisi != dialog.revisi:
        raise ValidationError(
            {"__all__": _("Dialog ini baru saja diubah di tempat lain; muat ulang halaman.")},
            code="konflik",
        )
    rows = tindak_lanjut or []
    _isi_dialog(tanggal, topik, rows)
    assert tanggal is not None
    dialog.tanggal, dialog.topik = tanggal, topik.strip()
    dialog.kesepakatan = (kesepakatan or "").strip()
    dialog.revisi += 1
    dialog.save()
    _simpan_tindak_lanjut(dialog, rows)
    return dialog


@transaction.atomic
def dialog_konfirmasi(*, oleh: Pegawai, dialog: DialogKinerja) -> DialogKinerja:
    """The other side confirms; both confirmation times stay recorded."""
    dialog = _dialog_terkunci(dialog.pk)
    sekarang = timezone.now()
    if oleh.pk == dialog.pegawai_id:
        kolom = "dikonfirmasi_pegawai_pada"
    elif oleh.pk == dialog.atasan_id:
        kolom = "dikonfirmasi_atasan_pada"
    else:
        raise PermissionDenied(_("Hanya kedua pihak dialog yang dapat mengonfirmasi."))
    if getattr(dialog, kolom) is not None:
        raise ValidationError({"__all__": _("Anda sudah mengonfirmasi dialog ini.")})
    setattr(dialog, kolom, sekarang)
    dialog.save(update_fields=[kolom])
    notifikasi_kirim(
        penerima=[_pihak_lain(dialog, oleh)],
        jenis="dialog_dikonfirmasi",
        judul=_("%(nama)s mengonfirmasi dialog kinerja") % {"nama": oleh.nama_lengkap},
        url=url_dialog(dialog),
    )
    return dialog


@transaction.atomic
def tindak_lanjut_selesai(
    *, oleh: Pegawai, tindak_lanjut: TindakLanjutDialog
) -> TindakLanjutDialog:
    """The owner marks a follow-up of a confirmed dialog done."""
    tl = (
        TindakLanjutDialog.objects.select_for_update()
        .select_related("dialog")
        .get(pk=tindak_lanjut.pk)
    )
    if oleh.pk != tl.pemilik_id:
        raise PermissionDenied(_("Hanya pemilik tindak lanjut yang dapat menandainya selesai."))
    if not tl.dialog.dikonfirmasi:
        raise ValidationError({"__all__": _("Dialog belum dikonfirmasi kedua pihak.")})
    if tl.selesai_pada is not None:
        raise ValidationError({"__all__": _("Tindak lanjut ini sudah selesai.")})
    tl.selesai_pada = timezone.now()
    tl.save(update_fields=["selesai_pada"])
    return tl
