"""Bulk evaluation PDFs of an OPD (or any unit with its sub-units), built in the background.

The SKP's pattern (skp/dokumen_massal.py) without a job table: the penilaian app's tables
belong to its core, so a job is a small JSON file next to its progress file under
VAR_DIR/penilaian-massal/ (id = random hex). The worker (django-tasks, `db_worker`) writes
"done total" through common.progress.BerkasProgress; the page polls it with htmx. The ZIP
stays in the same folder and is served only to the pegawai who asked for it.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from kinerja.common.progress import BerkasProgress
from kinerja.organisasi.models import Pegawai, UnitKerja
from kinerja.skp.models import PeriodeKinerja

from . import aturan, dokumen
from .models import Evaluasi, StatusEvaluasi

logger = logging.getLogger(__name__)
FOLDER = "penilaian-massal"
_PROGRESS = BerkasProgress(FOLDER)
ID_RE = re.compile(r"^[0-9a-f]{16}$")


@dataclass
class Tugas:
    id: str
    oleh: int
    unit: int
    unit_nama: str
    periode: int
    tahun: int
    jenis: str
    urutan: int
    base_url: str
    status: str = "antre"  # antre, berjalan, selesai, gagal
    total: int = 0
    selesai_n: int = 0
    pesan: str = ""
    dibuat: str = ""
    selesai_pada: str = ""

    @property
    def sedang_berjalan(self) -> bool:
        return self.status in {"antre", "berjalan"}

    @property
    def status_label(self) -> str:
        return {
            "antre": _("Antre"),
            "berjalan": _("Berjalan"),
            "selesai": _("Selesai"),
            "gagal": _("Gagal"),
        }[self.status]


def _folder() -> Path:
    path = Path(settings.VAR_DIR) / FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


def _meta_path(job_id: str) -> Path:
    return _folder() / f"{job_id}.json"


def zip_path(job_id: str) -> Path:
    return _folder() / f"{job_id}.zip"


def _simpan(t: Tugas) -> None:
    path = _meta_path(t.id)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(t)))
    tmp.replace(path)


def baca(job_id: str) -> Tugas | None:
    if not ID_RE.match(job_id or ""):
        return None
    try:
        return Tugas(**json.loads(_meta_path(job_id).read_text()))
    except (OSError, ValueError, TypeError):
        return None


def tugas_get_for_user(*, user: Any, job_id: str) -> Tugas:
    t = baca(job_id)
    if t is None or t.oleh != user.pk:
        raise Http404
    return t


def tugas_list_for_user(user: Any, limit: int = 10) -> list[Tugas]:
    hasil = []
    for path in sorted(_folder().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
        t = baca(path.stem)
        if t is not None and t.oleh == user.pk:
            hasil.append(t)
        if len(hasil) >= limit:
            break
    return hasil


def evaluasi_unit(unit: UnitKerja, periode: PeriodeKinerja, jendela: aturan.Jendela) -> Any:
    return (
        dokumen.evaluasi_dokumen_qs()
        .filter(
            unit__path__startswith=unit.path,
            periode=periode,
            jenis=jendela.jenis,
            urutan=jendela.urutan,
        )
        .exclude(predikat="")
        .order_by("unit__path", "pegawai__nama")
    )


def massal_buat(
    *,
    oleh: Pegawai,
    unit: UnitKerja,
    periode: PeriodeKinerja,
    jendela: aturan.Jendela,
    base_url: str,
) -> Tugas:
    """Queue the job (the caller has checked that `oleh` manages `unit`)."""
    total = evaluasi_unit(unit, periode, jendela).count()
    if total == 0:
        raise ValidationError({"unit": _("Belum ada evaluasi yang dinilai di unit ini.")})
    t = Tugas(
        id=secrets.token_hex(8),
        oleh=oleh.pk,
        unit=unit.pk,
        unit_nama=unit.nama,
        periode=periode.pk,
        tahun=periode.tahun,
        jenis=jendela.jenis,
        urutan=jendela.urutan,
        base_url=base_url[:200],
        total=total,
        dibuat=timezone.now().isoformat(),
    )
    _simpan(t)
    buat_dokumen_massal.enqueue(t.id)
    return t


def progress(t: Tugas) -> tuple[int, int]:
    if t.status == "berjalan":
        dari_berkas = _PROGRESS.baca(t.id)  # type: ignore[arg-type]
        if dari_berkas is not None:
            return dari_berkas
    return t.selesai_n, t.total


def _nama_folder(teks: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", teks).strip("-")[:60] or "unit"


def jalankan(job_id: str) -> None:
    t = baca(job_id)
    if t is None or t.status != "antre":
        return
    t.status = "berjalan"
    _simpan(t)
    try:
        t.selesai_n = _tulis_zip(t)
        t.total = t.selesai_n
        t.status = "selesai"
    except Exception as exc:
        logger.exception("PDF evaluasi massal %s gagal", job_id)
        t.status, t.pesan = "gagal", _("Gagal membuat dokumen: %(e)s") % {"e": exc}
    finally:
        _PROGRESS.hapus(job_id)  # type: ignore[arg-type]
    t.selesai_pada = timezone.now().isoformat()
    _simpan(t)


def _tulis_zip(t: Tugas) -> int:
    from weasyprint.text.fonts import FontConfiguration

    unit = UnitKerja.objects.get(pk=t.unit)
    periode = PeriodeKinerja.objects.get(pk=t.periode)
    jendela = aturan.jendela_dari(periode, t.jenis, t.urutan)
    evals: list[Evaluasi] = list(evaluasi_unit(unit, periode, jendela))
    total = len(evals)
    fonts = FontConfiguration()
    tabel = aturan.matriks()
    sementara = zip_path(t.id).with_suffix(".part")
    with zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for nomor, ev in enumerate(evals, start=1):
            url = ""
            if ev.status == StatusEvaluasi.DIKUNCI:
                url = t.base_url.rstrip("/") + reverse(
                    "penilaian:verifikasi", kwargs={"kode": dokumen.kode_verifikasi(ev)}
                )
            pdf = dokumen.evaluasi_pdf(ev, verifikasi_url=url, font_config=fonts, tabel=tabel)
            arsip.writestr(f"{_nama_folder(ev.unit.nama)}/{dokumen.nama_berkas(ev)}", pdf)
            _PROGRESS.tulis(t.id, nomor, total)  # type: ignore[arg-type]
    sementara.replace(zip_path(t.id))
    return total


@task()
def buat_dokumen_massal(job_id: str) -> None:
    """Render every rated evaluation PDF of a unit into one ZIP, writing progress as it goes."""
    jalankan(job_id)
