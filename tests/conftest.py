from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import KotaKecil, buat_kota_kecil

PERSONAS = ["pegawai", "atasan", "pimpinan_opd", "admin_bkpsdmd", "luar_opd", "anonim"]


@pytest.fixture(autouse=True)
def _fast_settings(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.AXES_ENABLED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _bahasa_bawaan():  # type: ignore[no-untyped-def]
    """Every test starts in the default language: a request in English (a language test) leaves
    the thread's active language behind, which would leak into code run outside a request."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def kota(db) -> KotaKecil:  # type: ignore[no-untyped-def]
    return buat_kota_kecil()


@pytest.fixture
def client_as(kota: KotaKecil):  # type: ignore[no-untyped-def]
    """client_as("atasan") → a Django test client signed in as that persona (anonim: none)."""

    def make(persona: str) -> Client:
        client = Client()
        user = kota.personas()[persona]
        if user is not None:
            client.force_login(user)
        return client

    return make
