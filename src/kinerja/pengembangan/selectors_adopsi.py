"""Scoped reads of the adoption view (part "adopsi"): who may see which OPD.

- admin BKPSDMD / pimpinan daerah (city roles): every OPD of their instansi;
- pimpinan / operator OPD: the OPD(s) they manage (`AksesPengguna.opd_kelola_ids`);
- anyone else: the views refuse them with 403 (`@akses`); an OPD outside the viewer's scope, or a
  unit that is not an OPD, answers 404.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kinerja.organisasi.models import Peran, UnitKerja
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna

PERAN_KOTA = (Peran.ADMIN_BKPSDMD, Peran.PIMPINAN_DAERAH)
PERAN_OPD = (Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD)
PERAN_ADOPSI = (*PERAN_KOTA, *PERAN_OPD)


def profil(user: Any) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None or not akses.instansi_id:
        raise Http404
    return akses


def kota(akses: AksesPengguna) -> bool:
    return akses.punya(*PERAN_KOTA)


def opd_kelola(akses: AksesPengguna) -> list[int]:
    """The OPDs an OPD manager sees (sorted); empty for someone who manages none."""
    return sorted(akses.opd_kelola_ids) if akses.punya(*PERAN_OPD) else []


def opd_untuk(user: Any, pk: int) -> UnitKerja:
    """An OPD (a top unit of the instansi) the user may see; 404 otherwise (1 query)."""
    akses = profil(user)
    opd = UnitKerja.objects.filter(
        pk=pk, instansi_id=akses.instansi_id, parent__isnull=True
    ).first()
    if opd is None:
        raise Http404
    if not kota(akses) and opd.pk not in opd_kelola(akses):
        raise Http404
    return opd
