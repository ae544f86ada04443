from __future__ import annotations

import pytest
from django.http import Http404

from kinerja.organisasi import services as org_services
from kinerja.organisasi.models import Peran
from kinerja.skp import selectors, services
from kinerja.skp.models import Skp
from tests.factories import KotaKecil
from tests.skp.util import buat_periode, isi_rhk, rantai

pytestmark = pytest.mark.django_db


def _nama(qs) -> set[str]:  # type: ignore[no-untyped-def]
    return set(qs.values_list("pegawai_nama", flat=True))


def test_each_role_reads_the_skp_in_its_scope(kota: KotaKecil) -> None:
    rantai(kota)
    services.skp_create(pegawai=kota.luar, periode=buat_periode(kota))
    semua = {"Siti Aminah, S.H.", "Bambang Sutrisno", "Dewi Lestari, S.Kom.", "Agus Salim"}
    assert _nama(selectors.skp_list_for_user(kota.pegawai)) == {"Agus Salim"}
    assert _nama(selectors.skp_list_for_user(kota.atasan)) == {"Dewi Lestari, S.Kom.", "Agus Salim"}
    assert _nama(selectors.skp_list_for_user(kota.pimpinan)) == semua
    assert _nama(selectors.skp_list_for_user(kota.luar)) == {"Joko Susilo"}
    assert _nama(selectors.skp_list_for_user(kota.admin)) == semua | {"Joko Susilo"}


def test_inspektorat_and_operator_opd_read_their_scope(kota: KotaKecil) -> None:
    rantai(kota)
    org_services.peran_grant(pegawai=kota.luar, peran=Peran.INSPEKTORAT)
    kota.luar.refresh_from_db()
    assert selectors.skp_list_for_user(kota.luar).count() == 4
    org_services.peran_grant(pegawai=kota.kabid, peran=Peran.OPERATOR_OPD, unit=kota.dinas)
    kota.kabid.refresh_from_db()
    assert selectors.skp_list_for_user(kota.kabid).count() == 4


def test_outside_scope_is_404(kota: KotaKecil) -> None:
    skp = rantai(kota)["skp"]
    with pytest.raises(Http404):
        selectors.skp_get_for_user(user=kota.luar, pk=skp.pk)
    assert selectors.skp_get_for_user(user=kota.atasan, pk=skp.pk) == skp


def test_the_approval_queue_holds_only_submitted_skp_of_direct_bawahan(kota: KotaKecil) -> None:
    data = rantai(kota)
    assert selectors.antrian_persetujuan(kota.atasan).jumlah == 0
    isi_rhk(data["skp"], "Data", rhk_atasan=data["rhk_atasan"])
    services.skp_submit(skp=Skp.objects.get(pk=data["skp"].pk), oleh=kota.pegawai)
    antrian = selectors.antrian_persetujuan(kota.atasan)
    assert [s.pk for s in antrian.skp] == [data["skp"].pk] and antrian.tertua_hari == 0
    # the kabid's queue has the atasan's submitted SKP, not the pegawai's
    assert [s.pegawai_id for s in selectors.antrian_persetujuan(kota.kabid).skp] == [kota.atasan.pk]
    assert selectors.antrian_persetujuan(kota.pegawai).jumlah == 0


def test_link_choices_are_the_current_pejabat_penilais_rhk(kota: KotaKecil) -> None:
    data = rantai(kota)
    pilihan = selectors.rhk_pilihan_atasan(data["skp"])
    assert [r.teks for r in pilihan] == ["KTP-el tercetak tepat waktu"]
    assert [
        i.indikator for i in selectors.indikator_pk_pilihan(Skp.objects.get(pegawai=kota.pimpinan))
    ] == ["Cakupan kepemilikan KTP-el"]


def test_the_diff_lists_added_removed_and_changed_rows(kota: KotaKecil) -> None:
    data = rantai(kota)
    skp = data["skp"]
    isi_rhk(skp, "Tetap", rhk_atasan=data["rhk_atasan"])
    isi_rhk(skp, "Dihapus nanti", rhk_atasan=data["rhk_atasan"])
    services.skp_submit(skp=Skp.objects.get(pk=skp.pk), oleh=kota.pegawai)
    services.skp_approve(skp=Skp.objects.get(pk=skp.pk), oleh=kota.atasan)
    baru = services.skp_revise(skp=Skp.objects.get(pk=skp.pk), oleh=kota.pegawai)
    hapus = baru.rhk_set.get(teks="Dihapus nanti")
    services.rhk_delete(rhk=hapus, oleh=kota.pegawai, revisi=baru.revisi)
    baru.refresh_from_db()
    ind = baru.rhk_set.get(teks="Tetap").indikator_set.get()
    services.indikator_update(
        indikator=ind,
        oleh=kota.pegawai,
        revisi=baru.revisi,
        teks=ind.teks,
        aspek="kuantitas",
        target_angka=ind.target_angka * 2,
        target_satuan="dokumen",
        target_teks="",
    )
    isi_rhk(baru, "Ditambah", rhk_atasan=data["rhk_atasan"])
    rows = {(r["perubahan"], r["teks"]) for r in selectors.skp_diff(skp, baru)}
    assert ("ditambah", "Ditambah") in rows
    assert ("dihapus", "Dihapus nanti") in rows
    assert ("diubah", "Jumlah tetap") in rows
    assert not any(teks == "Tetap" for _p, teks in rows)


@pytest.mark.parametrize("model", ["perilakukerja", "periodekinerja", "skp", "skpversi"])
def test_admin_bkpsdmd_opens_the_skp_admin_lists(kota: KotaKecil, client, model: str) -> None:  # type: ignore[no-untyped-def]
    rantai(kota)
    kota.admin.is_staff = True
    kota.admin.save()
    client.force_login(kota.admin)
    assert client.get(f"/admin/skp/{model}/").status_code == 200
