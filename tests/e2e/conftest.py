"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Every test runs twice, at a phone viewport ("hp", 360 px) and at a desktop one. Without
/usr/bin/chromium every test here is SKIPPED and the terminal summary says so loudly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import Browser, Page, expect, sync_playwright

from kinerja.organisasi.models import Pegawai
from tests.e2e.helpers import isi_form_masuk
from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
SKIP_REASON = (
    "Chromium tidak ada di /usr/bin/chromium — jalankan `make test` sebagai root "
    "atau apt-get install chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS: dict[str, dict[str, Any]] = {
    "hp": {
        "viewport": {"width": 360, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
E2E_DIR = Path(__file__).parent
VAR_DIR = Path(django_settings.VAR_DIR)
FAILURE_DIR = VAR_DIR / "e2e-failures"
SCREENSHOT_DIR = VAR_DIR / "screenshots"


def _chromium_available() -> bool:
    return CHROMIUM.is_file()


@pytest.hookimpl(tryfirst=True)  # before `-m e2e` / `-m 'not e2e'` deselects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if E2E_DIR not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if not _chromium_available():
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if _chromium_available():
        return
    skipped = [
        r for r in terminalreporter.stats.get("skipped", []) if E2E_DIR.name in str(r.nodeid)
    ]
    if not skipped:
        return
    bar = "#" * 78
    terminalreporter.write_line("")
    for line in (
        bar,
        f"#  PERINGATAN: {len(skipped)} tes browser (tests/e2e) DILEWATI — tidak diuji!",
        f"#  {SKIP_REASON}",
        bar,
    ):
        terminalreporter.write_line(line, red=True, bold=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the item so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not _chromium_available():
        pytest.skip(SKIP_REASON)
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    """The viewport name of this run: "hp" (360×740, touch) or "desktop" (1280×900)."""
    return request.param


def _safe_name(nodeid_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid_name).strip("_")


@pytest.fixture
def page(
    browser: Browser, live_server: Any, viewport: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A fresh browser context per test (no shared cookies); full-page screenshot on failure."""
    expect.set_options(timeout=5_000)
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        FAILURE_DIR.mkdir(parents=True, exist_ok=True)
        path = FAILURE_DIR / f"{_safe_name(request.node.name)}.png"
        try:
            page.screenshot(path=str(path), full_page=True)
        except Exception as exc:  # the page may be gone; the test failure matters more
            print(f"tangkapan layar gagal: {exc}")
        else:
            print(f"tangkapan layar kegagalan: {path}")
    context.close()


@pytest.fixture(scope="session")
def layar() -> Callable[[Page, str, str], None]:
    """layar(page, viewport, "beranda") saves a 360 px full-page screenshot for human review."""

    def simpan(page: Page, viewport: str, nama: str) -> None:
        if viewport != "hp":
            return
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / f"{nama}.png"), full_page=True)

    return simpan


@pytest.fixture
def masuk(page: Page) -> Callable[..., None]:
    """masuk(pegawai) signs in through the login form and waits for the beranda."""

    def do(pegawai: Pegawai, password: str = PASSWORD) -> None:
        isi_form_masuk(page, pegawai.nip, password)
        expect(page.get_by_role("heading", level=1)).to_contain_text(pegawai.nama_lengkap)

    return do
