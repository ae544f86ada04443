"""Serve the app and the background-job worker together; Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ADDR = os.environ.get("KINERJA_ADDR", "127.0.0.1:8000")


def main() -> int:
    subprocess.run([PY, "manage.py", "demo_logins"], cwd=ROOT, check=False)
    # the worker sends reminders and the e-mail digest every morning (07:00 WIB)
    subprocess.run(
        [PY, "manage.py", "kirim_pengingat_harian", "--jadwalkan"], cwd=ROOT, check=False
    )
    print(f"\nKinerja ASN berjalan di http://{ADDR}/  (Ctrl-C untuk berhenti)\n", flush=True)
    procs = [
        subprocess.Popen([PY, "manage.py", "runserver", ADDR, "--noreload"], cwd=ROOT),
        subprocess.Popen([PY, "manage.py", "db_worker"], cwd=ROOT),
    ]
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    return max((p.returncode or 0) for p in procs)


if __name__ == "__main__":
    sys.exit(main())
