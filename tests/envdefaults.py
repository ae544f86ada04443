"""Loaded as a pytest plugin before pytest-django configures Django: dev defaults for tests."""

import os

os.environ.setdefault("KINERJA_DEV", "1")
# Playwright's sync API runs an event loop in the test thread; the ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
