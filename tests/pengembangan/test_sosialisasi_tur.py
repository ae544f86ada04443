"""First-login tour: per role, dismissed per user+role (htmx and plain POST), shown again."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from kinerja.pengembangan.models import TurSelesai
from kinerja.pengembangan.selectors_sosialisasi import TUR
from tests.factories import KotaKecil

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_every_tour_step_links_to_a_real_page() -> None:
    for peran, (_label, langkah) in TUR.items():
        assert 4 <= len(langkah) <= 6, peran
        for s in langkah:
            try:
                reverse(s.url_name)
            except NoReverseMatch:  # pragma: no cover — the assertion message names it
                pytest.fail(f"{peran}: {s.url_name}")


def _tur(client) -> str:  # type: ignore[no-untyped-def]
    return client.get(reverse("beranda")).content.decode()


def test_the_atasan_sees_the_pegawai_tour_then_the_atasan_tour(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("atasan")
    html = _tur(client)
    assert 'id="kartu-tur"' in html and 'value="pegawai"' in html
    r = client.post(reverse("pengembangan:tur_selesai"), {"peran": "pegawai"}, **HTMX)
    assert r.status_code == 200 and r.content == b""  # htmx swaps the card out
    html = _tur(client)
    assert 'value="atasan"' in html and "Setujui SKP bawahan" in html
    r = client.post(reverse("pengembangan:tur_selesai"), {"peran": "atasan"})
    assert r.status_code == 302 and r["Location"] == reverse("beranda")  # without JS
    assert 'id="kartu-tur"' not in _tur(client)
    assert set(TurSelesai.objects.filter(pegawai=kota.atasan).values_list("peran", flat=True)) == {
        "pegawai",
        "atasan",
    }
    # remembered per user: the pegawai still has theirs
    assert 'id="kartu-tur"' in _tur(client_as("pegawai"))


@pytest.mark.parametrize(
    ("persona", "peran"),
    [
        ("pegawai", ["pegawai"]),
        ("pimpinan_opd", ["pegawai", "atasan", "pimpinan_opd"]),
        ("admin_bkpsdmd", ["pegawai", "admin_bkpsdmd"]),
    ],
)
def test_tours_per_role(kota: KotaKecil, client_as, persona: str, peran: list[str]) -> None:  # type: ignore[no-untyped-def]
    client = client_as(persona)
    for p in peran:
        assert f'name="peran" value="{p}"' in _tur(client)
        client.post(reverse("pengembangan:tur_selesai"), {"peran": p}, **HTMX)
    assert 'id="kartu-tur"' not in _tur(client)


def test_pimpinan_daerah_tour(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    from kinerja.organisasi import services
    from kinerja.organisasi.models import Peran

    services.peran_grant(pegawai=kota.sekda, peran=Peran.PIMPINAN_DAERAH)
    client.force_login(kota.sekda)
    for p in ["pegawai", "atasan", "pimpinan_opd"]:  # the sekda also leads an OPD
        client.post(reverse("pengembangan:tur_selesai"), {"peran": p})
    html = _tur(client)
    assert 'value="pimpinan_daerah"' in html and "Hasil survei denyut" in html


def test_show_the_tour_again(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    client.post(reverse("pengembangan:tur_selesai"), {"peran": "pegawai"})
    assert 'id="kartu-tur"' not in _tur(client)
    assert "Tampilkan tur lagi" in client.get(reverse("pengembangan:panduan")).content.decode()
    assert client.post(reverse("pengembangan:tur_ulang")).status_code == 302
    assert 'id="kartu-tur"' in _tur(client)


def test_unknown_role_and_double_dismiss(kota: KotaKecil, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("pegawai")
    assert client.post(reverse("pengembangan:tur_selesai"), {"peran": "raja"}).status_code == 422
    client.post(reverse("pengembangan:tur_selesai"), {"peran": "pegawai"})
    client.post(reverse("pengembangan:tur_selesai"), {"peran": "pegawai"})
    assert TurSelesai.objects.filter(pegawai=kota.pegawai).count() == 1
    assert client.get(reverse("pengembangan:tur_selesai")).status_code == 405


def test_the_dismiss_form_carries_a_working_csrf_token(kota: KotaKecil) -> None:
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(kota.pegawai)
    html = client.get(reverse("beranda")).content.decode()
    kartu = html[html.index('id="kartu-tur"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kartu)
    assert token is not None
    r = client.post(
        reverse("pengembangan:tur_selesai"),
        {"peran": "pegawai", "csrfmiddlewaretoken": token.group(1)},
        **HTMX,
    )
    assert r.status_code == 200
    assert TurSelesai.objects.filter(pegawai=kota.pegawai, peran="pegawai").exists()
