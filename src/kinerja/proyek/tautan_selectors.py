"""Link to performance (reads and the one write): a project's progress as the realisasi of an
SKP indikator whose `sumber_realisasi` is PROYEK.

`realisasi_proyek_indikator(ids, tanggal)` gives, per linked indikator id, the project's value at
that date from the latest progress update on or before it: physical % (fisik), budget realised in
rupiah (keuangan) or as % of the pagu (serapan). Two queries whatever the number of indikator,
none when no indikator in `ids` takes its realisasi from a project.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Pegawai
from kinerja.organisasi.selectors import akses_pengguna
from kinerja.skp.models import IndikatorKinerja, SumberRealisasi

from . import selectors
from .models import ProgresProyek, Proyek
from .tautan import SumberProyekIndikator, UkuranProyek

NOL = Decimal(0)


def realisasi_proyek_indikator(
    indikator_ids: list[int] | set[int], tanggal: dt.date
) -> dict[int, Decimal]:
    """{indikator id: value at `tanggal`} for the indikator linked to a project (0 before any
    progress); indikator without a project link are left out."""
    if not indikator_ids:
        return {}
    tautan = list(
        SumberProyekIndikator.objects.filter(
            indikator_id__in=list(indikator_ids),
            indikator__sumber_realisasi=SumberRealisasi.PROYEK,
        ).values_list("indikator_id", "proyek_id", "ukuran", "proyek__pagu")
    )
    if not tautan:
        return {}
    terbaru: dict[int, tuple[Decimal, Decimal]] = {}
    for proyek_id, fisik, keuangan in (
        ProgresProyek.objects.filter(proyek_id__in={t[1] for t in tautan}, tanggal__lte=tanggal)
        .order_by("proyek_id", "-tanggal", "-pk")
        .values_list("proyek_id", "fisik", "keuangan")
    ):
        terbaru.setdefault(proyek_id, (fisik, keuangan))
    hasil: dict[int, Decimal] = {}
    for indikator_id, proyek_id, ukuran, pagu in tautan:
        fisik, keuangan = terbaru.get(proyek_id, (NOL, NOL))
        if ukuran == UkuranProyek.FISIK:
            hasil[indikator_id] = fisik
        elif ukuran == UkuranProyek.KEUANGAN:
            hasil[indikator_id] = keuangan
        else:
            serapan = keuangan * 100 / pagu if pagu else NOL
            hasil[indikator_id] = serapan.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return hasil


def proyek_untuk_indikator(user: Pegawai, indikator: IndikatorKinerja) -> list[Proyek]:
    """Projects an indikator may be linked to: seen by the user, of the SKP's OPD."""
    unit = indikator.rhk.skp.unit
    if unit is None:
        return []
    opd_id = unit.opd_id or unit.pk
    return list(selectors.proyek_list_for_user(user).filter(opd_id=opd_id).order_by("nama"))


@transaction.atomic
def sumber_proyek_tautkan(
    *, oleh: Pegawai, indikator: IndikatorKinerja, proyek: Proyek, ukuran: str
) -> SumberProyekIndikator:
    """Make `proyek` the realisasi source of `indikator` (its sumber becomes PROYEK).

    Allowed to the SKP's owner who is in the project's team or manages its OPD, and to the
    managers of the OPD; the project must be of the SKP's OPD."""
    akses = akses_pengguna(oleh)
    skp = indikator.rhk.skp
    if akses is None or skp.pegawai.instansi_id != akses.instansi_id:
        raise PermissionDenied
    if not selectors.proyek_list_for_user(oleh).filter(pk=proyek.pk).exists():
        raise PermissionDenied
    kelola = akses.admin or proyek.opd_id in akses.opd_kelola_ids
    if not (kelola or skp.pegawai_id == oleh.pk):
        raise PermissionDenied
    err: dict[str, str] = {}
    if ukuran not in UkuranProyek.values:
        err["ukuran"] = _("Pilih ukuran: fisik, keuangan atau serapan.")
    unit = skp.unit
    if unit is None or proyek.opd_id not in {unit.opd_id, unit.pk}:
        err["proyek"] = _("Proyek harus milik OPD tempat SKP ini berlaku.")
    if err:
        raise ValidationError(err)
    tautan, _dibuat = SumberProyekIndikator.objects.update_or_create(
        indikator=indikator, defaults={"proyek": proyek, "ukuran": ukuran}
    )
    IndikatorKinerja.objects.filter(pk=indikator.pk).update(sumber_realisasi=SumberRealisasi.PROYEK)
    indikator.sumber_realisasi = SumberRealisasi.PROYEK
    return tautan


@transaction.atomic
def sumber_proyek_lepas(*, oleh: Pegawai, indikator: IndikatorKinerja) -> None:
    """Back to reports as the source (sumber LAPORAN); same permission as linking."""
    tautan = SumberProyekIndikator.objects.filter(indikator=indikator).select_related("proyek")
    link = tautan.first()
    if link is None:
        return
    akses = akses_pengguna(oleh)
    skp = indikator.rhk.skp
    kelola = akses is not None and (akses.admin or link.proyek.opd_id in akses.opd_kelola_ids)
    if not (kelola or skp.pegawai_id == oleh.pk):
        raise PermissionDenied
    tautan.delete()
    IndikatorKinerja.objects.filter(
        Q(pk=indikator.pk) & Q(sumber_realisasi=SumberRealisasi.PROYEK)
    ).update(sumber_realisasi=SumberRealisasi.LAPORAN)
    indikator.sumber_realisasi = SumberRealisasi.LAPORAN
