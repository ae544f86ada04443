"""The admin shows feedback and dialogs read-only to admin BKPSDMD."""

from __future__ import annotations

from django.test import Client

from tests.factories import KotaKecil
from tests.umpanbalik.util import beri, dialog


def test_admin_bkpsdmd_reads_feedback_and_dialogs_but_cannot_change_them(kota: KotaKecil) -> None:
    akar = beri(kota)
    d = dialog(kota)
    kota.admin.is_staff = True
    kota.admin.is_superuser = True
    kota.admin.save()
    c = Client()
    c.force_login(kota.admin)
    assert c.get("/admin/umpanbalik/umpanbalik/").status_code == 200
    assert c.get(f"/admin/umpanbalik/dialogkinerja/{d.pk}/change/").status_code == 200
    r = c.post(f"/admin/umpanbalik/umpanbalik/{akar.pk}/change/", {"teks": "diubah"})
    assert r.status_code == 403
    akar.refresh_from_db()
    assert akar.teks != "diubah"
