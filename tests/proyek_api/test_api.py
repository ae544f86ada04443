"""The proyek API per persona: the same rules as the pages (out of scope 404, not allowed 403,
bad input 422 JSON, nothing stored on refusal); a PPTK of another OPD sees nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from kinerja.proyek import services
from kinerja.proyek.models import Kendala, ProgresProyek, Proyek
from tests.factories import KotaKecil
from tests.kegiatan.util import png
from tests.proyek_ekspor.util import PAGU, proyek_berkurva

pytestmark = pytest.mark.django_db
API = "/api/v1/proyek"


def _lain(k: KotaKecil) -> Proyek:
    """A project of the other dinas whose PPTK is the luar_opd pegawai."""

    return services.proyek_buat(
        oleh=k.admin, opd=k.dinas_lain, nama="Rambu lalu lintas", pptk=k.luar, pagu=Decimal(10**8)
    )


def test_list_is_scoped_per_persona(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    lain = _lain(kota)

    def ids(persona: str) -> set[int]:
        r = client_as(persona).get(f"{API}/")
        assert r.status_code == 200
        return {p["id"] for p in r.json()["items"]}

    assert ids("pegawai") == {proyek.pk}  # the PPTK
    assert ids("atasan") == set()  # same OPD, not in the team
    assert ids("pimpinan_opd") == {proyek.pk}
    assert ids("admin_bkpsdmd") == {proyek.pk, lain.pk}
    assert ids("luar_opd") == {lain.pk}  # a PPTK of another OPD sees only their own


def test_list_filters_and_paginates(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        proyek_berkurva(kota, nama=f"Kegiatan {i}", kode=f"K{i}", rencana=False)
    c = client_as("pimpinan_opd")
    r = c.get(f"{API}/?limit=2&offset=0").json()
    assert r["count"] == 3 and len(r["items"]) == 2
    assert [p["nama"] for p in c.get(f"{API}/?q=Kegiatan 1").json()["items"]] == ["Kegiatan 1"]
    assert c.get(f"{API}/?peringatan=merah").json()["count"] == 0
    assert c.get(f"{API}/?opd={kota.dinas_lain.pk}").json()["count"] == 0


def test_detail_and_s_curve(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    r = client_as("pegawai").get(f"{API}/{proyek.pk}")
    assert r.status_code == 200
    d = r.json()
    assert d["nama"] == proyek.nama and d["hak"]["lapor"] and d["hak"]["pptk"]
    assert [Decimal(str(x["fisik"])) for x in d["rencana"]][-1] == Decimal(100)
    assert d["anggota"][0]["pegawai_id"] == kota.pegawai.pk
    kurva = client_as("pimpinan_opd").get(f"{API}/{proyek.pk}/kurva-s").json()
    assert len(kurva["rencana"]) == 6 and kurva["aktual"] == []
    assert Decimal(str(kurva["rencana_hari_ini_fisik"])) > 0


@pytest.mark.parametrize("persona", ["atasan", "luar_opd"])
def test_out_of_scope_is_404_everywhere_and_nothing_is_stored(
    kota: KotaKecil,
    client_as,
    persona: str,  # type: ignore[no-untyped-def]
) -> None:
    proyek = proyek_berkurva(kota)
    kendala = services.kendala_ajukan(
        proyek=proyek, oleh=kota.pegawai, judul="Lahan", kategori="teknis", tingkat="tinggi"
    )
    c = client_as(persona)
    hari = timezone.localdate().isoformat()
    for method, url, data in [
        ("get", f"{API}/{proyek.pk}", None),
        ("get", f"{API}/{proyek.pk}/kurva-s", None),
        ("get", f"{API}/{proyek.pk}/progres", None),
        ("get", f"{API}/{proyek.pk}/kendala", None),
        ("get", f"{API}/kendala/{kendala.pk}", None),
        ("patch", f"{API}/{proyek.pk}", {"revisi": proyek.revisi, "nama": "x"}),
        (
            "post",
            f"{API}/{proyek.pk}/kendala",
            {"judul": "x", "kategori": "sdm", "tingkat": "rendah"},
        ),
        ("post", f"{API}/kendala/{kendala.pk}/komentar", {"isi": "halo"}),
        ("post", f"{API}/kendala/{kendala.pk}/tugaskan", {"penanggung_jawab": kota.pegawai.pk}),
        ("post", f"{API}/kendala/{kendala.pk}/eskalasi", {"ke": "opd"}),
        ("post", f"{API}/kendala/{kendala.pk}/selesai", {"resolusi": "beres"}),
    ]:
        if method == "get":
            r = c.get(url)
        else:
            r = getattr(c, method)(url, data, content_type="application/json")
        assert r.status_code == 404, (method, url)
        assert r["Content-Type"].startswith("application/json")
    r = c.post(f"{API}/{proyek.pk}/progres", {"tanggal": hari, "fisik": "5", "keuangan": "0"})
    assert r.status_code == 404
    assert ProgresProyek.objects.count() == 0
    assert Kendala.objects.count() == 1
    assert kendala.komentar_set.count() == 0
    proyek.refresh_from_db()
    assert proyek.nama != "x"


def test_pptk_reports_progress_with_a_photo(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    hari = timezone.localdate().isoformat()
    r = client_as("pegawai").post(
        f"{API}/{proyek.pk}/progres",
        {
            "tanggal": hari,
            "fisik": "30",
            "keuangan": "50000000",
            "narasi": "Atap",
            "berkas": [png()],
        },
    )
    assert r.status_code == 201, r.content
    d = r.json()
    assert Decimal(str(d["fisik"])) == 30 and d["bukti"][0]["jenis"] == "png"
    proyek.refresh_from_db()
    assert proyek.fisik_realisasi == 30 and proyek.keuangan_realisasi == 50000000
    riwayat = client_as("pimpinan_opd").get(f"{API}/{proyek.pk}/progres").json()
    assert [x["id"] for x in riwayat] == [d["id"]]


def test_progress_rules_answer_422_and_store_nothing(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    hari = timezone.localdate().isoformat()
    c = client_as("pegawai")
    r = c.post(f"{API}/{proyek.pk}/progres", {"tanggal": hari, "fisik": "120", "keuangan": "0"})
    assert r.status_code == 422 and "fisik" in r.json()["detail"]
    r = c.post(
        f"{API}/{proyek.pk}/progres", {"tanggal": hari, "fisik": "10", "keuangan": str(PAGU + 1)}
    )
    assert r.status_code == 422 and "keuangan" in r.json()["detail"]
    assert ProgresProyek.objects.count() == 0
    # the pimpinan OPD is not in the team: may not report progress
    r = client_as("pimpinan_opd").post(
        f"{API}/{proyek.pk}/progres", {"tanggal": hari, "fisik": "10", "keuangan": "0"}
    )
    assert r.status_code == 403
    assert ProgresProyek.objects.count() == 0


def test_create_and_update_with_the_same_rules(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    c = client_as("pimpinan_opd")
    data = {
        "opd": kota.dinas.pk,
        "nama": "Aplikasi antrean",
        "pptk": kota.pegawai.pk,
        "pagu": "5000000",
    }
    r = c.post(f"{API}/", data, content_type="application/json")
    assert r.status_code == 201, r.content
    d = r.json()
    assert d["opd_id"] == kota.dinas.pk and d["pptk_id"] == kota.pegawai.pk
    # a PPTK from another OPD: 422 next to the field; nothing stored
    r = c.post(f"{API}/", data | {"pptk": kota.luar.pk}, content_type="application/json")
    assert r.status_code == 422 and "pptk" in r.json()["detail"]
    # another OPD: 403 for the pimpinan; a pegawai cannot create
    r = c.post(f"{API}/", data | {"opd": kota.dinas_lain.pk}, content_type="application/json")
    assert r.status_code == 403
    r = client_as("pegawai").post(f"{API}/", data, content_type="application/json")
    assert r.status_code == 403
    assert Proyek.objects.count() == 1
    # update: PPTK may change the location, not the pagu; a stale revisi is 422
    url = f"{API}/{d['id']}"
    r = client_as("pegawai").patch(
        url, {"revisi": d["revisi"], "lokasi": "Gerunggang"}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["lokasi"] == "Gerunggang"
    r = client_as("pegawai").patch(
        url, {"revisi": d["revisi"] + 1, "pagu": "1"}, content_type="application/json"
    )
    assert r.status_code == 403
    r = c.patch(url, {"revisi": d["revisi"], "nama": "Baru"}, content_type="application/json")
    assert r.status_code == 422 and "revisi" in r.json()["detail"]


def test_s_curve_plan_is_validated(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota, rencana=False)
    c = client_as("pimpinan_opd")
    salah = [{"bulan": "2026-01-01", "fisik": "60"}, {"bulan": "2026-02-01", "fisik": "40"}]
    r = c.put(f"{API}/{proyek.pk}/rencana", salah, content_type="application/json")
    assert r.status_code == 422 and "rencana" in r.json()["detail"]
    benar = [{"bulan": "2026-01-01", "fisik": "40"}, {"bulan": "2026-02-01", "fisik": "100"}]
    r = c.put(f"{API}/{proyek.pk}/rencana", benar, content_type="application/json")
    assert r.status_code == 200 and len(r.json()["rencana"]) == 2


def test_kendala_flow_raise_assign_comment_escalate_resolve(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    services.anggota_tambah(proyek=proyek, oleh=kota.pimpinan, pegawai=kota.kabid)
    j = "application/json"
    r = client_as("pegawai").post(
        f"{API}/{proyek.pk}/kendala",
        {"judul": "Material terlambat", "kategori": "pengadaan", "tingkat": "tinggi"},
        content_type=j,
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    pimpinan = client_as("pimpinan_opd")
    r = pimpinan.post(
        f"{API}/kendala/{pk}/tugaskan", {"penanggung_jawab": kota.kabid.pk}, content_type=j
    )
    assert r.status_code == 200 and r.json()["penanggung_jawab_id"] == kota.kabid.pk
    # only team members can be assigned
    r = pimpinan.post(
        f"{API}/kendala/{pk}/tugaskan", {"penanggung_jawab": kota.atasan.pk}, content_type=j
    )
    assert r.status_code == 422 and "penanggung_jawab" in r.json()["detail"]
    r = pimpinan.post(
        f"{API}/kendala/{pk}/komentar", {"isi": "Segera hubungi penyedia"}, content_type=j
    )
    assert r.status_code == 201 and r.json()["komentar"][-1]["isi"] == "Segera hubungi penyedia"
    r = pimpinan.post(f"{API}/kendala/{pk}/eskalasi", {"ke": "kota"}, content_type=j)
    assert r.status_code == 200 and r.json()["eskalasi"] == "kota"
    r = pimpinan.post(f"{API}/kendala/{pk}/eskalasi", {"ke": "opd"}, content_type=j)
    assert r.status_code == 422  # never down
    r = pimpinan.post(f"{API}/kendala/{pk}/selesai", {"resolusi": ""}, content_type=j)
    assert r.status_code == 422 and "resolusi" in r.json()["detail"]
    r = client_as("pegawai").post(
        f"{API}/kendala/{pk}/selesai", {"resolusi": "Material datang"}, content_type=j
    )
    assert r.status_code == 200 and r.json()["status"] == "selesai"
    daftar = client_as("admin_bkpsdmd").get(f"{API}/{proyek.pk}/kendala").json()
    assert [k["status"] for k in daftar] == ["selesai"]


def test_a_team_member_cannot_escalate_to_the_city(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    proyek = proyek_berkurva(kota)
    k = services.kendala_ajukan(
        proyek=proyek, oleh=kota.pegawai, judul="Lahan", kategori="teknis", tingkat="sedang"
    )
    r = client_as("pegawai").post(
        f"{API}/kendala/{k.pk}/eskalasi", {"ke": "kota"}, content_type="application/json"
    )
    assert r.status_code == 403
    k.refresh_from_db()
    assert k.eskalasi == "tidak"


@pytest.mark.parametrize("n", [2, 6])
def test_list_queries_do_not_grow_with_rows(
    kota: KotaKecil,
    client_as,  # type: ignore[no-untyped-def]
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
    n: int,
) -> None:
    for i in range(n):
        proyek_berkurva(kota, nama=f"Kegiatan {i}", kode=f"K{i}", rencana=False)
    c = client_as("pimpinan_opd")
    c.get(f"{API}/")
    with django_assert_max_num_queries(10):
        r = c.get(f"{API}/?limit=50")
    assert r.json()["count"] == n
