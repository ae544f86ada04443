"""SKP monitoring: status per OPD and per unit (aggregated in SQL), who is behind, reminders.

Every pegawai holding a definitive jabatan today counts once, under the status of their SKP
version in force for the periode, or "belum dibuat" when there is none.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F, FilteredRelation, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.organisasi.models import JenisPenugasan, Pegawai, Penugasan, Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna

from .models import PengingatSkp, PeriodeKinerja, StatusSkp, StatusTugas

logger = logging.getLogger(__name__)
BELUM = "belum"
STATUS_URUT = [
    BELUM,
    StatusSkp.DRAFT,
    StatusSkp.DIAJUKAN,
    StatusSkp.DIKEMBALIKAN,
    StatusSkp.DISETUJUI,
]
STATUS_LABEL = {
    BELUM: gettext_lazy("Belum dibuat"),
    StatusSkp.DRAFT: gettext_lazy("Draf"),
    StatusSkp.DIAJUKAN: gettext_lazy("Diajukan"),
    StatusSkp.DIKEMBALIKAN: gettext_lazy("Dikembalikan"),
    StatusSkp.DISETUJUI: gettext_lazy("Disetujui"),
}
TERTINGGAL = [BELUM, StatusSkp.DRAFT, StatusSkp.DIKEMBALIKAN]  # the pegawai has to act
PERAN_PANTAU = (
    Peran.PIMPINAN_OPD,
    Peran.OPERATOR_OPD,
    Peran.ADMIN_BKPSDMD,
    Peran.PIMPINAN_DAERAH,
    Peran.INSPEKTORAT,
)


@dataclass
class BarisRekap:
    pk: int
    nama: str
    jumlah: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUS_URUT, 0))

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())

    @property
    def sel(self) -> list[int]:
        return [self.jumlah[s] for s in STATUS_URUT]

    @property
    def persen_disetujui(self) -> int:
        return round(100 * self.jumlah[StatusSkp.DISETUJUI] / self.total) if self.total else 0


def _penugasan(instansi_id: int, periode: PeriodeKinerja) -> QuerySet[Penugasan]:
    """Today's definitive assignments of active pegawai, with their SKP in force (or none)."""
    return (
        Penugasan.objects.aktif_pada(timezone.localdate())
        .filter(
            jenis=JenisPenugasan.DEFINITIF,
            pegawai__is_active=True,
            pegawai__instansi_id=instansi_id,
        )
        .annotate(
            skp_berlaku=FilteredRelation(
                "pegawai__skp_set",
                condition=Q(pegawai__skp_set__periode=periode, pegawai__skp_set__aktif=True),
            ),
            opd_key=Coalesce("unit__opd_id", "unit_id"),
        )
    )


def rekap_status(
    *, instansi_id: int, periode: PeriodeKinerja, opd_ids: set[int] | None, per_unit: bool = False
) -> list[BarisRekap]:
    """Counts per OPD (or per unit inside `opd_ids`) and status: one GROUP BY, one name query."""
    qs = _penugasan(instansi_id, periode)
    if opd_ids is not None:
        qs = qs.filter(Q(unit__opd_id__in=opd_ids) | Q(unit_id__in=opd_ids))
    key = "unit_id" if per_unit else "opd_key"
    rows = (
        qs.values(key, status=F("skp_berlaku__status"))
        .annotate(n=Count("pegawai_id", distinct=True))
        .order_by()
    )
    baris: dict[int, BarisRekap] = {}
    for row in rows:
        b = baris.setdefault(row[key], BarisRekap(row[key], ""))
        b.jumlah[row["status"] or BELUM] += row["n"]
    names = UnitKerja.objects.filter(pk__in=list(baris)).values_list("pk", "nama", "path")
    urut = {}
    for pk, nama, path in names:
        baris[pk].nama = nama
        urut[pk] = path
    return sorted(
        baris.values(), key=lambda b: (urut.get(b.pk, ""), b.nama) if per_unit else b.nama
    )


def total_rekap(baris: list[BarisRekap]) -> BarisRekap:
    total = BarisRekap(0, _("Jumlah"))
    for b in baris:
        for status, n in b.jumlah.items():
            total.jumlah[status] += n
    return total


def pegawai_per_status(
    *, instansi_id: int, periode: PeriodeKinerja, opd_id: int, status: list[str]
) -> QuerySet[Any]:
    """Rows (pegawai, unit, status) of one OPD with one of the given statuses, by unit and name."""
    cond = Q()
    if BELUM in status:
        cond |= Q(skp_berlaku__isnull=True)
    lain = [s for s in status if s != BELUM]
    if lain:
        cond |= Q(skp_berlaku__status__in=lain)
    return (
        _penugasan(instansi_id, periode)
        .filter(Q(unit__opd_id=opd_id) | Q(unit_id=opd_id))
        .filter(cond)
        .values(
            "pegawai_id",
            "pegawai__nama",
            "pegawai__nip",
            "pegawai__email",
            "unit__nama",
            "jabatan__nama",
            status=F("skp_berlaku__status"),
            skp_id=F("skp_berlaku__id"),
        )
        .order_by("unit__path", "pegawai__nama", "pegawai_id")
    )


# --- scope ------------------------------------------------------------------------------------


def profil_pantau(user: Any) -> AksesPengguna:
    profil = akses_pengguna(user)
    if profil is None:
        raise Http404
    return profil


def opd_pantau_ids(profil: AksesPengguna) -> set[int] | None:
    """OPDs the user monitors: None = every OPD (city roles)."""
    return None if profil.kota else set(profil.opd_kelola_ids)


def opd_get_for_user(*, user: Any, pk: int) -> UnitKerja:
    profil = profil_pantau(user)
    scope = opd_pantau_ids(profil)
    opd = UnitKerja.objects.filter(
        pk=pk, instansi_id=profil.instansi_id, parent__isnull=True
    ).first()
    if opd is None or (scope is not None and opd.pk not in scope):
        raise Http404
    return opd


def boleh_mengingatkan(profil: AksesPengguna) -> bool:
    return profil.punya(Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD, Peran.ADMIN_BKPSDMD)


# --- reminders --------------------------------------------------------------------------------


@transaction.atomic
def pengingat_create(*, oleh: Pegawai, opd: UnitKerja, periode: PeriodeKinerja) -> PengingatSkp:
    """Record who is behind in the OPD now, and queue the emails (sent by a background task)."""
    from django.core.exceptions import ValidationError

    rows = list(
        pegawai_per_status(
            instansi_id=opd.instansi_id, periode=periode, opd_id=opd.pk, status=TERTINGGAL
        )
    )
    if not rows:
        raise ValidationError(_("Tidak ada pegawai yang tertinggal; tidak ada pengingat dikirim."))
    penerima = [
        {
            "pegawai_id": r["pegawai_id"],
            "nip": r["pegawai__nip"],
            "nama": r["pegawai__nama"],
            "email": r["pegawai__email"],
            "status": r["status"] or BELUM,
            "terkirim": False,
        }
        for r in rows
    ]
    pengingat = PengingatSkp.objects.create(
        periode=periode, opd=opd, dibuat_oleh=oleh, penerima=penerima
    )
    from .tasks import kirim_pengingat

    transaction.on_commit(lambda: kirim_pengingat.enqueue(pengingat.pk))
    return pengingat


def _isi_email(nama: str, status: str, periode: PeriodeKinerja) -> tuple[str, str]:
    subjek = _("Pengingat: lengkapi SKP tahun %(tahun)s") % {"tahun": periode.tahun}
    keadaan = {
        BELUM: _("Anda belum membuat SKP."),
        StatusSkp.DRAFT: _("SKP Anda masih berupa draf dan belum diajukan."),
        StatusSkp.DIKEMBALIKAN: _("SKP Anda dikembalikan oleh atasan dan perlu diperbaiki."),
    }.get(status, "")
    batas = periode.batas_penyusunan
    isi = "\n\n".join(
        filter(
            None,
            [
                _("Yth. %(nama)s,") % {"nama": nama},
                keadaan,
                _("Batas penyusunan SKP: %(tgl)s.") % {"tgl": batas.strftime("%d-%m-%Y")}
                if batas
                else "",
                _("Silakan masuk ke aplikasi Kinerja ASN untuk melengkapinya."),
                _("Pesan ini dikirim otomatis; jangan dibalas."),
            ],
        )
    )
    return subjek, isi


def pengingat_kirim(*, pengingat_id: int) -> None:
    """The background part: one email per recipient with an address; the outcome is recorded."""
    if not PengingatSkp.objects.filter(pk=pengingat_id, status=StatusTugas.ANTRE).update(
        status=StatusTugas.BERJALAN
    ):
        return
    pengingat = PengingatSkp.objects.select_related("periode").get(pk=pengingat_id)
    terkirim = tanpa_email = 0
    for p in pengingat.penerima:
        if not p.get("email"):
            tanpa_email += 1
            continue
        subjek, isi = _isi_email(p["nama"], p["status"], pengingat.periode)
        try:
            send_mail(subjek, isi, None, [p["email"]])
        except Exception:  # one bad address must not stop the others
            logger.warning("Pengingat SKP ke %s gagal", p["nip"], exc_info=True)
            continue
        p["terkirim"] = True
        terkirim += 1
    pengingat.jumlah_terkirim = terkirim
    pengingat.jumlah_tanpa_email = tanpa_email
    pengingat.status = StatusTugas.SELESAI
    pengingat.selesai_pada = timezone.now()
    pengingat.save()
