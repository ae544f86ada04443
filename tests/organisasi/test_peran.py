from __future__ import annotations

from kinerja.organisasi.models import PemberianPeran, Peran
from kinerja.organisasi.selectors import akses_pengguna
from tests.factories import KotaKecil


def test_admin_grants_an_operator_role_scoped_to_an_opd(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    response = admin.post(
        "/peran/", {"nip": kota.luar.nip, "peran": Peran.OPERATOR_OPD, "unit": kota.dinas.pk}
    )
    assert response.status_code == 302
    grant = PemberianPeran.objects.get(pegawai=kota.luar, peran=Peran.OPERATOR_OPD)
    assert grant.unit == kota.dinas and grant.diberikan_oleh == kota.admin
    kota.luar.refresh_from_db()
    profil = akses_pengguna(kota.luar)
    assert profil is not None and kota.dinas.pk in profil.opd_kelola_ids
    assert kota.luar.nama in admin.get("/peran/").content.decode()


def test_an_opd_role_without_a_unit_is_refused_next_to_the_field(
    kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    response = client_as("admin_bkpsdmd").post(
        "/peran/", {"nip": kota.luar.nip, "peran": Peran.OPERATOR_OPD}
    )
    assert response.status_code == 200
    assert "Peran ini harus dibatasi pada satu unit (OPD)." in response.content.decode()
    assert not PemberianPeran.objects.filter(pegawai=kota.luar).exists()


def test_an_unknown_nip_is_refused(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as("admin_bkpsdmd").post(
        "/peran/", {"nip": "123", "peran": Peran.INSPEKTORAT}
    )
    assert "Pegawai dengan NIP ini tidak ditemukan." in response.content.decode()


def test_revoking_the_admin_role_removes_django_admin_access(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    admin = client_as("admin_bkpsdmd")
    admin.post("/peran/", {"nip": kota.luar.nip, "peran": Peran.ADMIN_BKPSDMD})
    kota.luar.refresh_from_db()
    assert kota.luar.is_staff
    grant = PemberianPeran.objects.get(pegawai=kota.luar)
    assert admin.post(f"/peran/{grant.pk}/cabut/").status_code == 302
    kota.luar.refresh_from_db()
    assert not kota.luar.is_staff and not kota.luar.is_superuser
    assert Peran.ADMIN_BKPSDMD not in akses_pengguna(kota.luar).peran  # type: ignore[union-attr]
    assert kota.luar.nama not in admin.get("/peran/").content.decode()
