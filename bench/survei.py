"""Survey scenarios: IKM of a unit with 100,000 responses, and public submissions per second.

Targets from issue 6: IKM for one unit with 100,000 responses under 200 ms (aggregated in SQL);
survey submissions sustained at ≥ 100 per second with 0 errors against a live gunicorn
(2 workers) on 127.0.0.1, driven by the load generator below (GET the form for a token and
cookies, POST the answers). The server gets raised abuse limits (SURVEI_BATAS_* and
SURVEI_MIN_DETIK=0) for this run only: every request comes from 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from bench.core import Bench, median_ms
from kinerja.organisasi.models import Instansi, UnitKerja
from kinerja.survei import selectors, services
from kinerja.survei.models import KOLOM_UNSUR, Respons, Sumber, UnitLayanan

IKM_TARGET_MS = 200
SUBMIT_TARGET_PER_S = 100
DURASI_S = 10.0
MAKS_KIRIM = 5000  # the load is bounded in count as well as in time
THREADS = 12
ROOT = Path(__file__).resolve().parent.parent


def _unit(bench: Bench, kode: str) -> UnitLayanan:
    unit = UnitLayanan.objects.filter(kode=kode).first()
    if unit is not None:
        return unit
    instansi = bench.state.get("instansi") or Instansi.objects.order_by("pk").first()
    assert instansi is not None, "the organisasi scenarios seed the instansi first"
    unit_kerja = UnitKerja.objects.filter(instansi=instansi).order_by("depth", "pk").first()
    assert unit_kerja is not None
    return services.unit_layanan_create(
        instansi=instansi,
        unit_kerja=unit_kerja,
        kode=kode,
        nama=f"Bench {kode}",
        jenis=["Layanan A", "Layanan B"],
    )


def ikm_100k(bench: Bench) -> None:
    jumlah = 100_000 if bench.pegawai >= 500 else 3_000
    unit = _unit(bench, "bench-ikm")
    jenis = list(unit.jenis_set.all())
    rng = random.Random(6)
    awal = dt.date(2025, 1, 1)
    batch: list[Respons] = []
    for i in range(jumlah):
        skor = {k: rng.choices((1, 2, 3, 4), (1, 3, 10, 6))[0] for k in KOLOM_UNSUR}
        batch.append(
            Respons(
                unit_layanan=unit,
                jenis_layanan=jenis[i % 2],
                tanggal=awal + dt.timedelta(days=i % 365),
                sumber=Sumber.KERTAS,
                **skor,
            )
        )
        if len(batch) == 5000:
            Respons.objects.bulk_create(batch)
            batch = []
    Respons.objects.bulk_create(batch)
    selesai = dt.date(2025, 12, 31)
    hasil = selectors.ikm_unit(unit, awal, selesai)
    assert hasil.responden == jumlah
    ms = median_ms(lambda: selectors.ikm_unit(unit, awal, selesai), repeat=7)
    bench.note(f"survei.ikm_100k: {jumlah} responses, IKM {hasil.ikm}, one SQL query")
    bench.record("survei.ikm_100k", ms, "ms", IKM_TARGET_MS)


@dataclass
class Beban:
    """Counts of the load generator, shared by its threads."""

    berhasil: int = 0
    galat: int = 0
    contoh_galat: list[str] = field(default_factory=list)
    kunci: threading.Lock = field(default_factory=threading.Lock)

    def catat(self, ok: bool, pesan: str = "") -> None:
        with self.kunci:
            if ok:
                self.berhasil += 1
            else:
                self.galat += 1
                if len(self.contoh_galat) < 3:
                    self.contoh_galat.append(pesan)


_TOKEN = re.compile(rb'name="token" value="([^"]+)"')
_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
_JENIS = re.compile(rb'<option value="(\d+)"')


def _cookies(response: http.client.HTTPResponse) -> str:
    pasangan = []
    for header in response.headers.get_all("Set-Cookie") or []:
        pasangan.append(header.split(";", 1)[0])
    return "; ".join(pasangan)


def _satu_kiriman(port: int, kode: str, rng: random.Random) -> tuple[bool, str]:
    """One citizen: GET the form (token + cookies), POST the answers; True on the redirect."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", f"/s/{kode}/")
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            return False, f"GET {r.status}"
        cookie = _cookies(r)
        token, csrf, jenis = _TOKEN.search(body), _CSRF.search(body), _JENIS.search(body)
        if not (token and csrf and jenis):
            return False, "form without token/csrf/jenis"
        data = {k: str(rng.randint(2, 4)) for k in KOLOM_UNSUR}
        data |= {
            "token": token.group(1).decode(),
            "csrfmiddlewaretoken": csrf.group(1).decode(),
            "jenis_layanan": jenis.group(1).decode(),
            "saran": f"beban {rng.random()}",
        }
        conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request(
            "POST",
            f"/s/{kode}/",
            body=urllib.parse.urlencode(data),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Referer": f"http://127.0.0.1:{port}/s/{kode}/",
            },
        )
        r = conn.getresponse()
        r.read()
        return r.status == 302, f"POST {r.status}"
    except OSError as exc:
        return False, type(exc).__name__
    finally:
        conn.close()


def muat_beban(port: int, kode: str, *, durasi: float, maks: int, threads: int) -> Beban:
    """Threads send submissions until `durasi` seconds or `maks` submissions, only to 127.0.0.1."""
    beban = Beban()
    batas_waktu = time.monotonic() + durasi
    sisa = iter(range(maks))
    kunci = threading.Lock()

    def kerja(seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < batas_waktu:
            with kunci:
                if next(sisa, None) is None:
                    return
            ok, pesan = _satu_kiriman(port, kode, rng)
            beban.catat(ok, pesan)

    pekerja = [threading.Thread(target=kerja, args=(i,)) for i in range(threads)]
    for t in pekerja:
        t.start()
    for t in pekerja:
        t.join(durasi + 30)
    return beban


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server(port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "KINERJA_DEV": "1",
        "SURVEI_BATAS_IP_PER_MENIT": "1000000",
        "SURVEI_BATAS_IP_PER_JAM": "1000000",
        "SURVEI_BATAS_PERANGKAT_PER_MENIT": "1000000",
        "SURVEI_BATAS_PERANGKAT_PER_JAM": "1000000",
        "SURVEI_MIN_DETIK": "0",
        "LOG_LEVEL": "ERROR",
    }
    perintah = [sys.executable, "-m", "gunicorn", "kinerja.wsgi", "--workers", "2"]
    perintah += ["--worker-class", "sync"]
    perintah += ["--bind", f"127.0.0.1:{port}", "--log-level", "error"]
    return subprocess.Popen(perintah, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def _tunggu_siap(port: int, proses: subprocess.Popen[bytes], batas: float = 30) -> bool:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir and proses.poll() is None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return True
        except OSError:
            time.sleep(0.2)
    return False


def submit_rate(bench: Bench) -> None:
    if connection.in_atomic_block or "memory" in str(connection.settings_dict["NAME"]):
        bench.skip(
            "survei.submit_rate",
            "per_s",
            SUBMIT_TARGET_PER_S,
            "needs a database a separate server can read (not a test transaction)",
            better="higher",
        )
        return
    unit = _unit(bench, "bench-kirim")
    sebelum = Respons.objects.filter(unit_layanan=unit).count()
    port = _port_bebas()
    proses = _server(port)
    try:
        if not _tunggu_siap(port, proses):
            bench.error("survei.submit_rate", "gunicorn did not start")
            return
        _satu_kiriman(port, unit.kode, random.Random(0))  # warm both workers' imports
        _satu_kiriman(port, unit.kode, random.Random(1))
        mulai = time.monotonic()
        beban = muat_beban(port, unit.kode, durasi=DURASI_S, maks=MAKS_KIRIM, threads=THREADS)
        lama = time.monotonic() - mulai
    finally:
        proses.terminate()
        proses.wait(20)
    tersimpan = Respons.objects.filter(unit_layanan=unit).count() - sebelum - 2
    bench.record(
        "survei.submit_rate", beban.berhasil / lama, "per_s", SUBMIT_TARGET_PER_S, "higher"
    )
    bench.record("survei.submit_errors", beban.galat, "count", 0)
    bench.note(
        f"survei.submit_rate: {beban.berhasil} submissions in {lama:.1f} s, {beban.galat} errors"
        f" {beban.contoh_galat}, {tersimpan} rows stored; gunicorn 2 sync workers,"
        " abuse limits raised for this run only"
    )


SCENARIOS = [ikm_100k, submit_rate]
