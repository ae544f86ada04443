"""Walk every URL pattern: each must declare an access rule, and each persona gets what it should.

Adding a URL without adding it to EXPECTED below makes this test fail on purpose.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.akses_aturan import (
    ADMIN_ONLY,
    FORBIDDEN,
    LOGIN_ONLY,
    NONE,
    NOT_ALLOWED,
    OK,
    OWN_OPD,
    PUBLIC,
    REDIRECT,
    Aturan,
)
from tests.conftest import PERSONAS
from tests.factories import KotaKecil
from tests.organisasi.impor_berkas import buat_batch

# Patterns guarded by other means, each tested on its own below.
EXEMPT_NAMESPACES = {"admin", "api"}
EXEMPT_NAMES = {
    "set_language"
}  # Django's language switch: public by design, changes nothing but a cookie


EXPECTED: dict[str, Aturan] = {
    "beranda": ("get", NONE, LOGIN_ONLY),
    "healthz": ("get", NONE, PUBLIC),
    "masuk": ("get", NONE, dict.fromkeys(PERSONAS, REDIRECT) | {"anonim": OK}),
    "keluar": ("post", NONE, dict.fromkeys(PERSONAS, REDIRECT)),
    "ganti_password": ("get", NONE, LOGIN_ONLY),
    "reset_password": ("get", NONE, PUBLIC),
    "reset_password_terkirim": ("get", NONE, PUBLIC),
    "password_reset_confirm": ("get", lambda k: {"uidb64": "MQ", "token": "salah-token"}, PUBLIC),
    "reset_password_selesai": ("get", NONE, PUBLIC),
    "profil": ("get", NONE, LOGIN_ONLY),
    "pohon_organisasi": ("get", NONE, LOGIN_ONLY),
    "unit_detail": ("get", lambda k: {"pk": k.seksi.pk}, OWN_OPD),
    "pegawai_cari": ("get", NONE, LOGIN_ONLY),
    "pegawai_detail": ("get", lambda k: {"pk": k.pegawai.pk}, OWN_OPD),
    "pegawai_reset_password": (
        "post",
        lambda k: {"pk": k.pegawai.pk},
        ADMIN_ONLY | {"admin_bkpsdmd": REDIRECT},
    ),
    "audit": ("get", NONE, ADMIN_ONLY),
    "impor_index": ("get", NONE, ADMIN_ONLY),
    "impor_template": ("get", NONE, ADMIN_ONLY),
    "impor_detail": ("get", lambda k: {"pk": buat_batch(k).pk}, ADMIN_ONLY),
    "impor_terapkan": (
        "post",
        lambda k: {"pk": buat_batch(k).pk},
        ADMIN_ONLY | {"admin_bkpsdmd": REDIRECT},
    ),
    "peran_list": ("get", NONE, ADMIN_ONLY),
    "peran_cabut": (
        "post",
        lambda k: {"pk": k.admin.peran_set.get().pk},
        ADMIN_ONLY | {"admin_bkpsdmd": REDIRECT},
    ),
}
# Each app keeps its own table in tests/<app>/akses.py (a dict named EXPECTED), merged here.
for _module_info in pkgutil.iter_modules([str(Path(__file__).parent)]):
    if _module_info.ispkg:
        try:
            _table = importlib.import_module(f"tests.{_module_info.name}.akses").EXPECTED
        except ModuleNotFoundError:
            continue
        assert not set(_table) & set(EXPECTED), (
            f"URL names declared twice: {set(_table) & set(EXPECTED)}"
        )
        EXPECTED.update(_table)


def walk(
    patterns: list, prefix: str = "", namespace: str | None = None
) -> Iterator[tuple[str, str, object]]:  # type: ignore[type-arg]
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            yield prefix + str(entry.pattern), name, entry.callback


def app_patterns() -> list[tuple[str, str, object]]:
    return [
        (route, name, callback)
        for route, name, callback in walk(get_resolver().url_patterns)
        if name.split(":")[0] not in EXEMPT_NAMESPACES and name not in EXEMPT_NAMES
    ]


def test_every_url_declares_an_access_rule() -> None:
    missing = [route for route, _name, callback in app_patterns() if not hasattr(callback, "akses")]
    assert missing == [], f"URL tanpa aturan akses (@akses): {missing}"


def test_every_url_has_an_expected_answer_per_persona() -> None:
    names = {name for _route, name, _cb in app_patterns()}
    unnamed = [route for route, name, _cb in app_patterns() if not name]
    assert unnamed == []
    assert names - set(EXPECTED) == set(), "tambahkan URL baru ke EXPECTED di tests/test_akses.py"
    assert set(EXPECTED) - names == set()


# the schema, its docs page and the bare root (404): no data behind them
API_PUBLIC = {"api:openapi-json", "api:openapi-view", "api:api-root"}
API_PUBLIC |= {"api:survei_formulir_publik", "api:survei_kirim_publik"}  # tested in tests/survei


def api_patterns() -> list[tuple[str, str]]:
    return [
        ("/" + route, name)
        for route, name, _cb in walk(get_resolver().url_patterns)
        if name.startswith("api:") and name not in API_PUBLIC
    ]


def test_the_api_has_operations_to_check() -> None:
    assert len(api_patterns()) >= 5


@pytest.mark.django_db
def test_every_api_operation_refuses_anonymous_with_json(client) -> None:  # type: ignore[no-untyped-def]
    import re

    for route, name in api_patterns():
        url = re.sub(r"<(?:\w+:)?\w+>", "1", route)
        for method in ("get", "post", "put", "patch", "delete"):
            response = getattr(client, method)(url)
            if response.status_code == NOT_ALLOWED:
                continue
            assert response.status_code == 401, f"{method.upper()} {url} ({name})"
            assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_persona_gets_what_it_should(
    name: str, persona: str, kota: KotaKecil, client_as
) -> None:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    method, kwargs, expected = EXPECTED[name]
    client = client_as(persona)
    url = reverse(name, kwargs=kwargs(kota))
    response = getattr(client, method)(url)
    assert response.status_code == expected[persona], f"{persona} {method.upper()} {url}"
    if persona == "anonim" and expected[persona] == REDIRECT and name != "keluar":
        assert response["Location"].startswith("/masuk/")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_admin_bkpsdmd_reaches_django_admin(persona: str, client_as) -> None:  # type: ignore[no-untyped-def]
    response = client_as(persona).get("/admin/organisasi/pegawai/")
    assert response.status_code == (OK if persona == "admin_bkpsdmd" else REDIRECT)


def test_inspektorat_reads_the_audit_trail_but_not_the_import(kota: KotaKecil, client) -> None:  # type: ignore[no-untyped-def]
    from kinerja.organisasi import services
    from kinerja.organisasi.models import Peran

    services.peran_grant(pegawai=kota.luar, peran=Peran.INSPEKTORAT)
    client.force_login(kota.luar)
    assert client.get("/audit/").status_code == OK
    assert client.get("/impor/").status_code == FORBIDDEN
    assert client.get(f"/organisasi/unit/{kota.seksi.pk}/").status_code == OK  # city-wide read
