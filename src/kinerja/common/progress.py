"""Progress of a long background job, kept in a small file under var/.

A job that holds one write transaction (on SQLite the only writer) cannot commit progress to its
row meanwhile; the worker writes "done total" to a file that the page reads instead. Web and
worker must share var/; otherwise the bar jumps from 0 to done.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


class BerkasProgress:
    """Progress files of one kind of job, one file per job id, in var/<folder>/."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def path(self, job_id: int) -> Path:
        return Path(settings.VAR_DIR) / self.folder / f"{job_id}.progress"

    def tulis(self, job_id: int, selesai: int, total: int) -> None:
        path = self.path(job_id)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            sementara = path.with_suffix(".tmp")
            sementara.write_text(f"{selesai} {total}")
            os.replace(sementara, path)
        except OSError:
            logger.warning("Progress %s/%s tidak dapat ditulis", self.folder, job_id, exc_info=True)

    def hapus(self, job_id: int) -> None:
        self.path(job_id).unlink(missing_ok=True)

    def baca(self, job_id: int) -> tuple[int, int] | None:
        """(done, total) from the file, or None when there is no readable file."""
        try:
            selesai, total = self.path(job_id).read_text().split()
            return int(selesai), int(total)
        except (OSError, ValueError):
            return None
