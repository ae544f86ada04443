"""Every write of the penilaian app: evaluations, ratings, calibration, predikat organisasi,
finalize-and-lock per unit, keberatan with clarifications and the final decision.

Rules (docs/penilaian.md):
- no rating before the window ends: from the day after `selesai`, `tenggang_hari` earlier;
- only the pejabat penilai rates: the pegawai's atasan langsung at the window's end (Plt/Plh-
  aware, organisasi.hierarki), fixed on the evaluation when it is opened; the SKP's snapshot
  `pejabat_penilai` only when the tree gives nobody;
- a final Rating Hasil Kerja that differs from the proposal (or with no proposal) needs a reason;
- the predikat comes from the matrix, never typed;
- the leader of a unit gets the Rating Hasil Kerja set by the unit's predikat organisasi;
- the distribution check only warns;
- finalize locks every evaluation of the unit (and its sub-units) for the window; after that
  only a keberatan decision changes a result;
- keberatan: the day the pegawai saw the result is day 0; day 14 accepted, day 15 refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.common.unggahan import SEMUA, periksa_berkas
from kinerja.notifikasi.services import notifikasi_kirim
from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, Pegawai, Peran, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.skp.models import (
    IndikatorKinerja,
    PerilakuKerja,
    PeriodeKinerja,
    Skp,
    StatusSkp,
    SumberRealisasi,
)

from . import aturan
from .models import (
    Evaluasi,
    EvaluasiIndikator,
    JenisEvaluasi,
    Keberatan,
    KeputusanKeberatan,
    LampiranKeberatan,
    PermintaanKlarifikasi,
    PerubahanEvaluasi,
    PihakKlarifikasi,
    PredikatOrg,
    PredikatOrganisasi,
    Rating,
    RatingPerilakuNilai,
    StatusEvaluasi,
    StatusKeberatan,
    SumberPerubahan,
)

MAKS_LAMPIRAN = 5


class RevisiBasi(Exception):
    """The evaluation changed since the client loaded it (another tab, or a calibration)."""

    def __init__(self, revisi_sekarang: int) -> None:
        self.pesan = _(
            "Evaluasi ini sudah diubah di tab/perangkat lain sejak Anda membukanya. Muat ulang "
            "untuk melihat versi terbaru; isian Anda tidak disimpan."
        )
        super().__init__(self.pesan)
        self.revisi_sekarang = revisi_sekarang


# --- helpers --------------------------------------------------------------------------------


def _hari_ini(hari_ini: dt.date | None) -> dt.date:
    return hari_ini or timezone.localdate()


def _url(nama: str, *args: Any) -> str:
    try:
        return reverse(nama, args=args)
    except NoReverseMatch:  # H's pages may not be there yet
        return ""


def _wajib_rating(nilai: str, field: str, *, boleh_kosong: bool = True) -> str:
    nilai = (nilai or "").strip()
    if not nilai and boleh_kosong:
        return ""
    if nilai not in Rating.values:
        raise ValidationError({field: _("Pilih Di Atas, Sesuai, atau Di Bawah Ekspektasi.")})
    return nilai


def skp_untuk_evaluasi(pegawai: Pegawai, periode: PeriodeKinerja) -> Skp | None:
    """The approved SKP version the evaluation is based on (the newest approved one)."""
    return (
        Skp.objects.filter(pegawai=pegawai, periode=periode, status=StatusSkp.DISETUJUI)
        .select_related("unit", "jabatan")
        .order_by("-versi")
        .first()
    )


def penilai_untuk(pegawai: Pegawai, skp: Skp, tanggal: dt.date) -> Pegawai | None:
    """The pejabat penilai for a window ending at `tanggal` (see module docstring)."""
    return hierarki.atasan_langsung(pegawai, tanggal) or skp.pejabat_penilai


def unit_dipimpin(pegawai: Pegawai, tanggal: dt.date) -> UnitKerja | None:
    """The unit whose kepala jabatan `pegawai` effectively holds at `tanggal` (Plt-aware);
    the highest one when several."""
    held = hierarki.jabatan_dipegang(pegawai, tanggal)
    if not held:
        return None
    jab = (
        Jabatan.objects.filter(pk__in=held, kepala=True)
        .select_related("unit")
        .order_by("unit__depth", "pk")
        .first()
    )
    return jab.unit if jab else None


def predikat_organisasi_untuk(
    unit_id: int, periode_id: int, jenis: str, urutan: int
) -> PredikatOrganisasi | None:
    return PredikatOrganisasi.objects.filter(
        unit_id=unit_id, periode_id=periode_id, jenis=jenis, urutan=urutan
    ).first()


# --- realisasi (A's selector; IKM from survei) ----------------------------------------------


def realisasi_untuk(
    indikator: Sequence[IndikatorKinerja], mulai: dt.date, selesai: dt.date
) -> dict[int, dict[str, Any]]:
    """Realisasi per indikator id for a window: {nilai, jumlah_laporan, menit}. Reports and
    manual entries from kegiatan.selectors.realisasi_indikator; IKM-sourced indikator take the
    unit's IKM for the window; project-sourced ones the project's progress at the window's end."""
    from kinerja.kegiatan.selectors import realisasi_indikator

    data = realisasi_indikator([i.pk for i in indikator], mulai, selesai)
    hasil = {
        pk: {"nilai": r.nilai, "jumlah_laporan": r.jumlah_laporan, "menit": r.menit}
        for pk, r in data.items()
    }
    ikm = [
        i
        for i in indikator
        if i.sumber_realisasi == SumberRealisasi.IKM and hasattr(i, "sumber_ikm")
    ]
    if ikm:
        from kinerja.survei.selectors import realisasi_ikm_indikator

        for pk, r in realisasi_ikm_indikator([i.sumber_ikm for i in ikm], mulai, selesai).items():
            nilai = getattr(r.get("hasil"), "ikm", None)
            hasil.setdefault(pk, {"nilai": Decimal(0), "jumlah_laporan": 0, "menit": 0})
            hasil[pk]["nilai"] = Decimal(str(nilai)) if nilai is not None else Decimal(0)
    proyek_ids = [i.pk for i in indikator if i.sumber_realisasi == SumberRealisasi.PROYEK]
    if proyek_ids:
        from kinerja.proyek.tautan_selectors import realisasi_proyek_indikator

        # a project's progress is cumulative: its value at the end of the window
        for pk, nilai in realisasi_proyek_indikator(proyek_ids, selesai).items():
            hasil.setdefault(pk, {"nilai": Decimal(0), "jumlah_laporan": 0, "menit": 0})
            hasil[pk]["nilai"] = nilai
    return hasil


def _indikator_skp(skp: Skp) -> list[IndikatorKinerja]:
    return list(
        IndikatorKinerja.objects.filter(rhk__skp=skp)
        .select_related("rhk", "sumber_ikm__unit_layanan")
        .order_by("-rhk__jenis", "rhk__urutan", "rhk_id", "urutan", "pk")
    )


def _segarkan_snapshot(ev: Evaluasi) -> aturan.Usulan:
    """Re-read target vs realisasi of every indikator and recompute the proposal."""
    indikator = _indikator_skp(ev.skp)
    realisasi = realisasi_untuk(indikator, ev.mulai, ev.selesai)
    rows = []
    for i, ind in enumerate(indikator):
        r = realisasi.get(ind.pk, {"nilai": Decimal(0), "jumlah_laporan": 0, "menit": 0})
        cap = aturan.capaian(ind.aspek, ind.target_angka, Decimal(r["nilai"]))
        rows.append(
            EvaluasiIndikator(
                evaluasi=ev,
                indikator=ind,
                urutan=i,
                rhk_teks=ind.rhk.teks,
                rhk_jenis=ind.rhk.jenis,
                teks=ind.teks,
                aspek=ind.aspek,
                target_angka=ind.target_angka,
                target_satuan=ind.target_satuan,
                target_teks=ind.target_teks,
                realisasi=aturan.bulat2(Decimal(r["nilai"])),
                jumlah_laporan=int(r["jumlah_laporan"]),
                menit=int(r["menit"]),
                capaian=cap,
            )
        )
    setelan = aturan.pengaturan()
    usulan = aturan.usulan_dari([r.capaian for r in rows], batas=setelan.batas_capaian_persen)
    for row in rows:
        if row.capaian is not None:
            row.capaian_dihitung = min(row.capaian, setelan.batas_capaian_persen)
    EvaluasiIndikator.objects.filter(evaluasi=ev).delete()
    EvaluasiIndikator.objects.bulk_create(rows)
    ev.usulan_hasil = usulan.rating
    ev.capaian_rata = usulan.rata
    ev.jumlah_indikator_dihitung = usulan.dihitung
    # leader of a unit: the unit's predikat organisasi sets the rating hasil
    unit = unit_dipimpin(ev.pegawai, ev.selesai)
    ev.pimpinan_unit = unit
    ev.predikat_organisasi = ""
    if unit is not None:
        po = predikat_organisasi_untuk(unit.pk, ev.periode_id, ev.jenis, ev.urutan)
        if po is not None:
            ev.predikat_organisasi = po.predikat
            ev.usulan_hasil = aturan.rating_pimpinan(po.predikat)
    return usulan


# --- evaluation -----------------------------------------------------------------------------


@transaction.atomic
def evaluasi_siapkan(
    *, pegawai: Pegawai, periode: PeriodeKinerja, jenis: str, urutan: int, oleh: Pegawai
) -> Evaluasi:
    """Open (or return) the evaluation of `pegawai` for a window; only their pejabat penilai.
    The indikator snapshot and the proposal are computed now and again at rating time."""
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    ada = Evaluasi.objects.filter(
        pegawai=pegawai, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
    ).first()
    if ada is not None:
        if oleh.pk not in {ada.pejabat_penilai_id, ada.pegawai_id}:
            raise PermissionDenied
        return ada
    skp = skp_untuk_evaluasi(pegawai, periode)
    if skp is None:
        raise ValidationError({"skp": _("Pegawai ini belum memiliki SKP yang disetujui.")})
    penilai = penilai_untuk(pegawai, skp, jendela.selesai)
    if penilai is None:
        raise ValidationError(
            {"pejabat_penilai": _("Pejabat penilai pegawai ini tidak ditemukan di struktur.")}
        )
    if penilai.pk != oleh.pk:
        raise PermissionDenied(_("Hanya pejabat penilai yang dapat menilai pegawai ini."))
    ev = Evaluasi(
        skp=skp,
        pegawai=pegawai,
        periode=periode,
        unit=skp.unit or _unit_pegawai(pegawai, jendela.selesai),
        pejabat_penilai=penilai,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
        mulai=jendela.mulai,
        selesai=jendela.selesai,
    )
    ev.save()
    _segarkan_snapshot(ev)
    ev.save()
    perilaku = PerilakuKerja.objects.filter(aktif=True).order_by("urutan")
    RatingPerilakuNilai.objects.bulk_create(
        RatingPerilakuNilai(evaluasi=ev, perilaku=p) for p in perilaku
    )
    return ev


def _unit_pegawai(pegawai: Pegawai, tanggal: dt.date) -> UnitKerja:
    pen = hierarki.penugasan_definitif(pegawai, tanggal)
    if pen is None:
        raise ValidationError({"unit": _("Unit kerja pegawai tidak ditemukan.")})
    return pen.unit


def _kunci(evaluasi: Evaluasi) -> Evaluasi:
    return (
        Evaluasi.objects.select_for_update()
        .select_related("pegawai", "skp", "pejabat_penilai", "unit")
        .get(pk=evaluasi.pk)
    )


def _tolak_bila_dikunci(ev: Evaluasi) -> None:
    if ev.status == StatusEvaluasi.DIKUNCI:
        raise ValidationError(
            {"status": _("Evaluasi sudah dikunci; perubahan hanya melalui keberatan.")}
        )


def _periksa_periode_selesai(ev: Evaluasi, hari_ini: dt.date) -> None:
    setelan = aturan.pengaturan()
    sejak = aturan.boleh_dinilai_sejak(ev.selesai, setelan.tenggang_hari)
    if hari_ini < sejak:
        raise ValidationError(
            {
                "rating_hasil": _(
                    "Penilaian belum dapat dilakukan: periode berakhir %(selesai)s; penilaian "
                    "dibuka mulai %(sejak)s."
                )
                % {"selesai": ev.selesai.isoformat(), "sejak": sejak.isoformat()}
            }
        )


def _rating_hasil_pimpinan(ev: Evaluasi, rating_hasil: str) -> str:
    """For a unit leader the rating hasil is fixed by the unit's predikat organisasi."""
    if ev.pimpinan_unit_id is None:
        return rating_hasil
    if not ev.predikat_organisasi:
        raise ValidationError(
            {
                "rating_hasil": _(
                    "Pegawai ini memimpin %(unit)s: tetapkan dulu predikat kinerja organisasi "
                    "unit tersebut untuk periode ini."
                )
                % {"unit": ev.pimpinan_unit.nama if ev.pimpinan_unit else ""}
            }
        )
    wajib = aturan.rating_pimpinan(ev.predikat_organisasi)
    if rating_hasil and rating_hasil != wajib:
        raise ValidationError(
            {
                "rating_hasil": _(
                    "Rating hasil kerja pimpinan unit mengikuti predikat kinerja organisasi "
                    "(%(org)s → %(rating)s)."
                )
                % {
                    "org": PredikatOrg(ev.predikat_organisasi).label,
                    "rating": Rating(wajib).label,
                }
            }
        )
    return wajib


def _set_hasil(
    ev: Evaluasi,
    *,
    oleh: Pegawai,
    sumber: str,
    rating_hasil: str,
    rating_perilaku: str,
    alasan: str,
    tabel: dict[tuple[str, str], str] | None = None,
) -> PerubahanEvaluasi | None:
    """Write the ratings and the computed predikat; log a change of a rated result."""
    lama = (ev.rating_hasil, ev.rating_perilaku, ev.predikat)
    ev.rating_hasil = rating_hasil
    ev.rating_perilaku = rating_perilaku
    ev.predikat = (
        aturan.predikat_dari(rating_hasil, rating_perilaku, tabel)
        if rating_hasil and rating_perilaku
        else ""
    )
    baru = (ev.rating_hasil, ev.rating_perilaku, ev.predikat)
    if lama == baru or (sumber == SumberPerubahan.PENILAIAN and not lama[2]):
        return None
    return PerubahanEvaluasi.objects.create(
        evaluasi=ev,
        sumber=sumber,
        oleh=oleh,
        hasil_lama=lama[0],
        perilaku_lama=lama[1],
        predikat_lama=lama[2],
        hasil_baru=baru[0],
        perilaku_baru=baru[1],
        predikat_baru=baru[2],
        alasan=alasan,
    )


@transaction.atomic
def evaluasi_nilai(
    *,
    evaluasi: Evaluasi,
    oleh: Pegawai,
    revisi: int,
    rating_hasil: str = "",
    alasan_hasil: str = "",
    rating_perilaku: str = "",
    catatan_perilaku: str = "",
    perilaku: dict[int, dict[str, str]] | None = None,
    hari_ini: dt.date | None = None,
) -> Evaluasi:
    """The pejabat penilai rates (or re-rates before the lock). Both ratings set → status
    "dinilai" (final) with the predikat from the matrix; otherwise a draf.

    `perilaku`: perilaku id → {"rating": ..., "catatan": ...} notes per BerAKHLAK value.
    """
    ev = _kunci(evaluasi)
    if oleh.pk != ev.pejabat_penilai_id:
        raise PermissionDenied(_("Hanya pejabat penilai yang dapat menilai pegawai ini."))
    _tolak_bila_dikunci(ev)
    if revisi != ev.revisi:
        raise RevisiBasi(ev.revisi)
    _periksa_periode_selesai(ev, _hari_ini(hari_ini))
    rating_hasil = _wajib_rating(rating_hasil, "rating_hasil")
    rating_perilaku = _wajib_rating(rating_perilaku, "rating_perilaku")
    catatan = {}
    for pid, isi in (perilaku or {}).items():
        catatan[int(pid)] = {
            "rating": _wajib_rating(isi.get("rating", ""), "perilaku"),
            "catatan": (isi.get("catatan") or "").strip()[:4000],
        }
    _segarkan_snapshot(ev)  # target vs realisasi at rating time
    rating_hasil = _rating_hasil_pimpinan(ev, rating_hasil) if rating_hasil else rating_hasil
    if ev.pimpinan_unit_id and ev.predikat_organisasi and not rating_hasil:
        rating_hasil = aturan.rating_pimpinan(ev.predikat_organisasi)
    alasan_hasil = (alasan_hasil or "").strip()
    if rating_hasil and rating_hasil != ev.usulan_hasil and not alasan_hasil:
        if ev.usulan_hasil:
            pesan = _(
                "Tuliskan alasan: rating hasil kerja berbeda dari usulan sistem (%(usulan)s)."
            ) % {"usulan": Rating(ev.usulan_hasil).label}
        else:
            pesan = _("Tuliskan alasan: tidak ada usulan sistem (indikator tanpa target angka).")
        raise ValidationError({"alasan_hasil": pesan})
    if catatan:
        rows = {r.perilaku_id: r for r in ev.perilaku_set.all()}
        for pid, isi in catatan.items():
            row = rows.get(pid)
            if row is None:
                raise ValidationError({"perilaku": _("Perilaku kerja tidak dikenal.")})
            row.rating, row.catatan = isi["rating"], isi["catatan"]
        RatingPerilakuNilai.objects.bulk_update(list(rows.values()), ["rating", "catatan"])
    _set_hasil(
        ev,
        oleh=oleh,
        sumber=SumberPerubahan.PENILAIAN,
        rating_hasil=rating_hasil,
        rating_perilaku=rating_perilaku,
        alasan=alasan_hasil,
    )
    ev.alasan_hasil = alasan_hasil
    ev.catatan_perilaku = (catatan_perilaku or "").strip()
    ev.status = StatusEvaluasi.FINAL if ev.predikat else StatusEvaluasi.DRAF
    ev.dinilai_oleh = oleh
    ev.dinilai_pada = timezone.now()
    ev.revisi += 1
    ev.save()
    return ev


@transaction.atomic
def evaluasi_kalibrasi(
    *,
    evaluasi: Evaluasi,
    oleh: Pegawai,
    revisi: int,
    rating_hasil: str,
    rating_perilaku: str,
    alasan: str,
) -> Evaluasi:
    """Calibration by the pimpinan OPD (or admin BKPSDMD) before the lock, with a reason."""
    ev = _kunci(evaluasi)
    akses = akses_pengguna(oleh)
    opd_id = ev.unit.opd_id or ev.unit_id
    boleh = akses is not None and (
        akses.admin or (akses.punya(Peran.PIMPINAN_OPD) and opd_id in akses.opd_kelola_ids)
    )
    if not boleh:
        raise PermissionDenied(_("Kalibrasi hanya oleh pimpinan OPD."))
    _tolak_bila_dikunci(ev)
    if revisi != ev.revisi:
        raise RevisiBasi(ev.revisi)
    if ev.status != StatusEvaluasi.FINAL:
        raise ValidationError({"status": _("Pegawai ini belum dinilai pejabat penilai.")})
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan kalibrasi.")})
    rating_hasil = _wajib_rating(rating_hasil, "rating_hasil", boleh_kosong=False)
    rating_perilaku = _wajib_rating(rating_perilaku, "rating_perilaku", boleh_kosong=False)
    rating_hasil = _rating_hasil_pimpinan(ev, rating_hasil)
    ubah = _set_hasil(
        ev,
        oleh=oleh,
        sumber=SumberPerubahan.KALIBRASI,
        rating_hasil=rating_hasil,
        rating_perilaku=rating_perilaku,
        alasan=alasan,
    )
    if ubah is not None:
        ev.dikalibrasi = True
        ev.revisi += 1
        ev.save()
        notifikasi_kirim(
            penerima=[ev.pejabat_penilai_id],
            jenis="penilaian_kalibrasi",
            judul=_("Hasil penilaian %(nama)s dikalibrasi") % {"nama": ev.pegawai.nama_lengkap},
            isi=alasan,
            url=_url("penilaian:evaluasi", ev.pk),
        )
    return ev


@transaction.atomic
def evaluasi_tandai_dilihat(
    *, evaluasi: Evaluasi, oleh: Pegawai, sekarang: dt.datetime | None = None
) -> Evaluasi:
    """The pegawai opened their locked result: the keberatan window starts (first time only)."""
    if oleh.pk != evaluasi.pegawai_id or evaluasi.status != StatusEvaluasi.DIKUNCI:
        return evaluasi
    if evaluasi.dilihat_pegawai_pada is None:
        Evaluasi.objects.filter(pk=evaluasi.pk, dilihat_pegawai_pada__isnull=True).update(
            dilihat_pegawai_pada=sekarang or timezone.now()
        )
        evaluasi.refresh_from_db()
    return evaluasi


# --- finalize and lock per unit -------------------------------------------------------------


def _unit_subtree_q(unit: UnitKerja) -> Q:
    return Q(unit__path__startswith=unit.path)


def boleh_kelola_unit(oleh: Pegawai, unit: UnitKerja, tanggal: dt.date | None = None) -> bool:
    """Admin BKPSDMD, pimpinan OPD of the unit's OPD, or the holder of a kepala jabatan of the
    unit or of a unit above it (Plt-aware)."""
    akses = akses_pengguna(oleh)
    if akses is None or akses.instansi_id != unit.instansi_id:
        return False
    if akses.admin:
        return True
    opd_id = unit.opd_id or unit.pk
    if akses.punya(Peran.PIMPINAN_OPD) and opd_id in akses.opd_kelola_ids:
        return True
    held = hierarki.jabatan_dipegang(oleh, _hari_ini(tanggal))
    leluhur = [*unit.ancestor_ids(), unit.pk]
    return Jabatan.objects.filter(pk__in=held, kepala=True, unit_id__in=leluhur).exists()


@dataclass
class HasilFinal:
    dikunci: int
    peringatan: list[aturan.Pelanggaran]


@transaction.atomic
def unit_finalkan(
    *, unit: UnitKerja, periode: PeriodeKinerja, jenis: str, urutan: int, oleh: Pegawai
) -> HasilFinal:
    """Lock every evaluation of the unit (and its sub-units) for the window and notify each
    pegawai. Refused while a pegawai with an approved SKP there is not yet rated."""
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    if not boleh_kelola_unit(oleh, unit):
        raise PermissionDenied(_("Anda tidak berwenang memfinalkan penilaian unit ini."))
    qs = Evaluasi.objects.select_for_update().filter(
        _unit_subtree_q(unit), periode=periode, jenis=jendela.jenis, urutan=jendela.urutan
    )
    evals = list(qs.select_related("pegawai"))
    if not evals:
        raise ValidationError({"unit": _("Belum ada evaluasi di unit ini untuk periode tersebut.")})
    belum = [e for e in evals if e.status == StatusEvaluasi.DRAF]
    dinilai = {e.pegawai_id for e in evals}
    tanpa = (
        Skp.objects.filter(
            periode=periode, status=StatusSkp.DISETUJUI, unit__path__startswith=unit.path
        )
        .exclude(pegawai_id__in=dinilai)
        .values("pegawai_id")
        .distinct()
        .count()
    )
    if belum or tanpa:
        raise ValidationError(
            {
                "unit": _("%(n)s pegawai belum selesai dinilai; finalisasi setelah semua dinilai.")
                % {"n": len(belum) + tanpa}
            }
        )
    akan = [e for e in evals if e.status == StatusEvaluasi.FINAL]
    sekarang = timezone.now()
    Evaluasi.objects.filter(pk__in=[e.pk for e in akan]).update(
        status=StatusEvaluasi.DIKUNCI,
        dikunci_pada=sekarang,
        dikunci_oleh=oleh,
        revisi=F("revisi") + 1,
    )
    for e in akan:
        notifikasi_kirim(
            penerima=[e.pegawai_id],
            jenis="penilaian_final",
            judul=_("Hasil evaluasi kinerja %(jendela)s sudah final") % {"jendela": jendela.label},
            isi=_(
                "Lihat hasil dan penjelasannya; keberatan dapat diajukan setelah Anda melihatnya."
            ),
            url=_url("penilaian:evaluasi", e.pk),
        )
    peringatan: list[aturan.Pelanggaran] = []
    po = predikat_organisasi_untuk(unit.pk, periode.pk, jendela.jenis, jendela.urutan)
    if po is not None:
        hitung: dict[str, int] = {}
        for e in evals:
            hitung[e.predikat] = hitung.get(e.predikat, 0) + 1
        peringatan = aturan.periksa_distribusi(po.predikat, hitung)
    return HasilFinal(len(akan), peringatan)


# --- predikat organisasi --------------------------------------------------------------------


def boleh_tetapkan_predikat_organisasi(oleh: Pegawai, unit: UnitKerja) -> bool:
    """The leader above the unit (a kepala jabatan above the unit's kepala jabatan, Plt-aware,
    e.g. the Sekda for an OPD, the kepala dinas for a bidang), the pimpinan OPD for a unit
    below the OPD, or admin BKPSDMD."""
    akses = akses_pengguna(oleh)
    if akses is None or akses.instansi_id != unit.instansi_id:
        return False
    if akses.admin:
        return True
    opd_id = unit.opd_id or unit.pk
    if (
        unit.parent_id is not None
        and akses.punya(Peran.PIMPINAN_OPD)
        and opd_id in akses.opd_kelola_ids
    ):
        return True
    held = set(hierarki.jabatan_dipegang(oleh, timezone.localdate()))
    kepala = Jabatan.objects.filter(unit=unit, kepala=True).values_list("parent_id", flat=True)
    seen: set[int] = set()
    frontier = [p for p in kepala if p]
    while frontier:
        if held & set(frontier):
            return True
        seen.update(frontier)
        frontier = [
            p
            for p in Jabatan.objects.filter(pk__in=frontier).values_list("parent_id", flat=True)
            if p and p not in seen
        ]
    return False


@transaction.atomic
def predikat_organisasi_tetapkan(
    *,
    unit: UnitKerja,
    periode: PeriodeKinerja,
    jenis: str,
    urutan: int,
    predikat: str,
    oleh: Pegawai,
    alasan: str = "",
) -> PredikatOrganisasi:
    """Set (or change, before the unit is locked) the predikat kinerja organisasi of a unit for
    a window. The unit leader's rated evaluation follows it (logged as a change)."""
    jendela = aturan.jendela_dari(periode, jenis, urutan)
    if predikat not in PredikatOrg.values:
        raise ValidationError({"predikat": _("Pilih predikat kinerja organisasi.")})
    if unit.instansi_id != periode.instansi_id:
        raise ValidationError({"unit": _("Unit bukan bagian dari instansi periode ini.")})
    if not boleh_tetapkan_predikat_organisasi(oleh, unit):
        raise PermissionDenied(_("Predikat organisasi ditetapkan oleh pimpinan di atas unit."))
    dikunci = Evaluasi.objects.filter(
        unit=unit,
        periode=periode,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
        status=StatusEvaluasi.DIKUNCI,
    ).exists()
    if dikunci:
        raise ValidationError({"predikat": _("Penilaian unit ini sudah dikunci.")})
    po, _baru = PredikatOrganisasi.objects.update_or_create(
        unit=unit,
        periode=periode,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
        defaults={
            "mulai": jendela.mulai,
            "selesai": jendela.selesai,
            "predikat": predikat,
            "ditetapkan_oleh": oleh,
            "ditetapkan_pada": timezone.now(),
            "alasan": (alasan or "").strip(),
        },
    )
    rating = aturan.rating_pimpinan(predikat)
    for ev in (
        Evaluasi.objects.select_for_update()
        .filter(pimpinan_unit=unit, periode=periode, jenis=jendela.jenis, urutan=jendela.urutan)
        .exclude(status=StatusEvaluasi.DIKUNCI)
    ):
        ev.predikat_organisasi = predikat
        ev.usulan_hasil = rating
        if ev.rating_hasil:
            _set_hasil(
                ev,
                oleh=oleh,
                sumber=SumberPerubahan.PENILAIAN,
                rating_hasil=rating,
                rating_perilaku=ev.rating_perilaku,
                alasan=_("Predikat kinerja organisasi unit ditetapkan: %(p)s")
                % {"p": PredikatOrg(predikat).label},
            )
        ev.revisi += 1
        ev.save()
    return po


# --- keberatan ------------------------------------------------------------------------------


@transaction.atomic
def keberatan_ajukan(
    *,
    evaluasi: Evaluasi,
    oleh: Pegawai,
    alasan: str,
    lampiran: Sequence[UploadedFile] = (),
    sekarang: dt.datetime | None = None,
) -> Keberatan:
    """The pegawai objects to their locked result, within the window (day 0 = the day they
    saw it; day `batas_keberatan_hari` accepted, the day after refused)."""
    ev = _kunci(evaluasi)
    if oleh.pk != ev.pegawai_id:
        raise PermissionDenied(_("Keberatan hanya dapat diajukan oleh pegawai yang dinilai."))
    if ev.status != StatusEvaluasi.DIKUNCI:
        raise ValidationError({"evaluasi": _("Hasil evaluasi belum final.")})
    if Keberatan.objects.filter(evaluasi=ev).exists():
        raise ValidationError({"evaluasi": _("Keberatan atas hasil ini sudah diajukan.")})
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan keberatan.")})
    if len(lampiran) > MAKS_LAMPIRAN:
        raise ValidationError(
            {"lampiran": _("Paling banyak %(n)s lampiran.") % {"n": MAKS_LAMPIRAN}}
        )
    sekarang = sekarang or timezone.now()
    if ev.dilihat_pegawai_pada is None:
        ev.dilihat_pegawai_pada = sekarang
        ev.save(update_fields=["dilihat_pegawai_pada"])
    setelan = aturan.pengaturan()
    dilihat = timezone.localtime(ev.dilihat_pegawai_pada).date()
    hari = timezone.localtime(sekarang).date()
    if not aturan.keberatan_masih_boleh(dilihat, hari, setelan.batas_keberatan_hari):
        raise ValidationError(
            {
                "alasan": _(
                    "Batas pengajuan keberatan sudah lewat: %(n)s hari sejak hasil dilihat "
                    "(%(dilihat)s), paling lambat %(batas)s."
                )
                % {
                    "n": setelan.batas_keberatan_hari,
                    "dilihat": dilihat.isoformat(),
                    "batas": aturan.batas_keberatan(
                        dilihat, setelan.batas_keberatan_hari
                    ).isoformat(),
                }
            }
        )
    atasan = hierarki.atasan_langsung(ev.pejabat_penilai, hari) or hierarki.atasan_pejabat_penilai(
        ev.pegawai, hari
    )
    if atasan is None or atasan.pk in {ev.pegawai_id, ev.pejabat_penilai_id}:
        raise ValidationError(
            {"evaluasi": _("Atasan pejabat penilai tidak ditemukan di struktur; hubungi admin.")}
        )
    diperiksa = [periksa_berkas(f, diizinkan=SEMUA, perkecil=True) for f in lampiran]
    kb = Keberatan.objects.create(
        evaluasi=ev,
        pegawai=ev.pegawai,
        atasan_pejabat_penilai=atasan,
        alasan=alasan,
        diajukan_pada=sekarang,
        batas_keputusan=hari + dt.timedelta(days=setelan.batas_keputusan_hari),
        hasil_lama=ev.rating_hasil,
        perilaku_lama=ev.rating_perilaku,
        predikat_lama=ev.predikat,
    )
    for b in diperiksa:
        LampiranKeberatan.objects.create(
            keberatan=kb,
            berkas=b.berkas,
            nama_asli=b.nama_asli,
            jenis=b.jenis.kode,
            ukuran=b.ukuran,
        )
    notifikasi_kirim(
        penerima=[atasan, ev.pejabat_penilai_id],
        jenis="keberatan_diajukan",
        judul=_("Keberatan atas hasil evaluasi %(nama)s") % {"nama": ev.pegawai.nama_lengkap},
        isi=alasan[:300],
        url=_url("penilaian:keberatan", kb.pk),
    )
    return kb


def _kunci_keberatan(keberatan: Keberatan) -> Keberatan:
    return (
        Keberatan.objects.select_for_update()
        .select_related("evaluasi", "pegawai", "atasan_pejabat_penilai")
        .get(pk=keberatan.pk)
    )


def _wajib_pemutus(kb: Keberatan, oleh: Pegawai) -> None:
    if oleh.pk != kb.atasan_pejabat_penilai_id:
        raise PermissionDenied(_("Hanya atasan pejabat penilai yang menangani keberatan ini."))
    if kb.status == StatusKeberatan.DIPUTUS:
        raise ValidationError({"status": _("Keberatan ini sudah diputus; keputusan final.")})


@transaction.atomic
def klarifikasi_minta(
    *, keberatan: Keberatan, oleh: Pegawai, pihak: str, pertanyaan: str
) -> PermintaanKlarifikasi:
    """The atasan pejabat penilai asks the pejabat penilai or the pegawai for an explanation."""
    kb = _kunci_keberatan(keberatan)
    _wajib_pemutus(kb, oleh)
    if pihak not in PihakKlarifikasi.values:
        raise ValidationError({"pihak": _("Pilih pejabat penilai atau pegawai.")})
    pertanyaan = (pertanyaan or "").strip()
    if not pertanyaan:
        raise ValidationError({"pertanyaan": _("Tuliskan pertanyaan.")})
    tujuan = (
        kb.evaluasi.pejabat_penilai_id
        if pihak == PihakKlarifikasi.PEJABAT_PENILAI
        else kb.pegawai_id
    )
    k = PermintaanKlarifikasi.objects.create(
        keberatan=kb, pihak=pihak, ditujukan_ke_id=tujuan, pertanyaan=pertanyaan
    )
    kb.status = StatusKeberatan.KLARIFIKASI
    kb.save(update_fields=["status"])
    notifikasi_kirim(
        penerima=[tujuan],
        jenis="keberatan_klarifikasi",
        judul=_("Permintaan klarifikasi keberatan"),
        isi=pertanyaan[:300],
        url=_url("penilaian:keberatan", kb.pk),
    )
    return k


@transaction.atomic
def klarifikasi_jawab(
    *, klarifikasi: PermintaanKlarifikasi, oleh: Pegawai, jawaban: str
) -> PermintaanKlarifikasi:
    k = (
        PermintaanKlarifikasi.objects.select_for_update()
        .select_related("keberatan")
        .get(pk=klarifikasi.pk)
    )
    if oleh.pk != k.ditujukan_ke_id:
        raise PermissionDenied(_("Permintaan klarifikasi ini bukan untuk Anda."))
    if k.keberatan.status == StatusKeberatan.DIPUTUS:
        raise ValidationError({"jawaban": _("Keberatan ini sudah diputus.")})
    if k.dijawab_pada is not None:
        raise ValidationError({"jawaban": _("Klarifikasi ini sudah dijawab.")})
    jawaban = (jawaban or "").strip()
    if not jawaban:
        raise ValidationError({"jawaban": _("Tuliskan jawaban.")})
    k.jawaban = jawaban
    k.dijawab_pada = timezone.now()
    k.save(update_fields=["jawaban", "dijawab_pada"])
    notifikasi_kirim(
        penerima=[k.keberatan.atasan_pejabat_penilai_id],
        jenis="keberatan_klarifikasi_dijawab",
        judul=_("Klarifikasi keberatan dijawab"),
        isi=jawaban[:300],
        url=_url("penilaian:keberatan", k.keberatan_id),
    )
    return k


@transaction.atomic
def keberatan_putus(
    *,
    keberatan: Keberatan,
    oleh: Pegawai,
    keputusan: str,
    alasan: str,
    rating_hasil: str = "",
    rating_perilaku: str = "",
) -> Keberatan:
    """The atasan pejabat penilai decides — final. A changed result keeps its history: the old
    values stay on the keberatan, in the change log and in the evaluation's history."""
    kb = _kunci_keberatan(keberatan)
    _wajib_pemutus(kb, oleh)
    if keputusan not in KeputusanKeberatan.values:
        raise ValidationError({"keputusan": _("Pilih hasil tetap atau diubah.")})
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan keputusan.")})
    ev = _kunci(kb.evaluasi)
    if keputusan == KeputusanKeberatan.DIUBAH:
        rating_hasil = _wajib_rating(rating_hasil, "rating_hasil", boleh_kosong=False)
        rating_perilaku = _wajib_rating(rating_perilaku, "rating_perilaku", boleh_kosong=False)
        if (rating_hasil, rating_perilaku) == (ev.rating_hasil, ev.rating_perilaku):
            raise ValidationError(
                {"rating_hasil": _("Hasil diubah: pilih rating yang berbeda dari hasil semula.")}
            )
        _set_hasil(
            ev,
            oleh=oleh,
            sumber=SumberPerubahan.KEBERATAN,
            rating_hasil=rating_hasil,
            rating_perilaku=rating_perilaku,
            alasan=alasan,
        )
        ev.revisi += 1
        ev.save()
    kb.keputusan = keputusan
    kb.alasan_keputusan = alasan
    kb.status = StatusKeberatan.DIPUTUS
    kb.diputus_oleh = oleh
    kb.diputus_pada = timezone.now()
    kb.hasil_baru, kb.perilaku_baru, kb.predikat_baru = (
        ev.rating_hasil,
        ev.rating_perilaku,
        ev.predikat,
    )
    kb.save()
    notifikasi_kirim(
        penerima=[kb.pegawai_id, ev.pejabat_penilai_id],
        jenis="keberatan_diputus",
        judul=_("Keberatan diputus: %(k)s") % {"k": KeputusanKeberatan(keputusan).label},
        isi=alasan[:300],
        url=_url("penilaian:keberatan", kb.pk),
    )
    return kb


def keberatan_kirim_pengingat(*, hari_ini: dt.date | None = None) -> int:
    """Remind the atasan pejabat penilai of each open keberatan whose decision deadline is at
    most `pengingat_keputusan_hari` days away (or past); once per day. Returns the count."""
    hari_ini = _hari_ini(hari_ini)
    setelan = aturan.pengaturan()
    sampai = hari_ini + dt.timedelta(days=setelan.pengingat_keputusan_hari)
    terbuka = (
        Keberatan.objects.exclude(status=StatusKeberatan.DIPUTUS)
        .filter(batas_keputusan__isnull=False, batas_keputusan__lte=sampai)
        .filter(Q(pengingat_terkirim_pada__isnull=True) | Q(pengingat_terkirim_pada__lt=hari_ini))
        .select_related("pegawai")
    )
    n = 0
    for kb in terbuka:
        with transaction.atomic():
            diambil = (
                Keberatan.objects.filter(pk=kb.pk)
                .filter(
                    Q(pengingat_terkirim_pada__isnull=True)
                    | Q(pengingat_terkirim_pada__lt=hari_ini)
                )
                .update(pengingat_terkirim_pada=hari_ini)
            )
            if not diambil:
                continue
            notifikasi_kirim(
                penerima=[kb.atasan_pejabat_penilai_id],
                jenis="keberatan_pengingat",
                judul=_("Keberatan %(nama)s menunggu keputusan (batas %(batas)s)")
                % {
                    "nama": kb.pegawai.nama_lengkap,
                    "batas": kb.batas_keputusan.isoformat() if kb.batas_keputusan else "",
                },
                url=_url("penilaian:keberatan", kb.pk),
            )
            n += 1
    return n


def jendela_evaluasi(ev: Evaluasi) -> aturan.Jendela:
    return aturan.Jendela(ev.jenis, ev.urutan, ev.mulai, ev.selesai)


__all__ = [
    "JenisEvaluasi",
    "RevisiBasi",
    "evaluasi_kalibrasi",
    "evaluasi_nilai",
    "evaluasi_siapkan",
    "evaluasi_tandai_dilihat",
    "keberatan_ajukan",
    "keberatan_kirim_pengingat",
    "keberatan_putus",
    "klarifikasi_jawab",
    "klarifikasi_minta",
    "predikat_organisasi_tetapkan",
    "unit_finalkan",
]
