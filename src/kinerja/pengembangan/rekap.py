"""JP recaps (reads of the CapaianJp ledger): one pegawai, a team, a unit/OPD, the city."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from kinerja.pengembangan.models import CapaianJp


def jp_tahun(pegawai_id: int, tahun: int) -> Decimal:
    """JP credited to one pegawai in a year (1 query)."""
    total = CapaianJp.objects.filter(pegawai_id=pegawai_id, tahun=tahun).aggregate(s=Sum("jp"))["s"]
    return total or Decimal("0")
