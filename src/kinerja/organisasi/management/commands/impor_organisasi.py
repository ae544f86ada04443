"""manage.py impor_organisasi FILE [--jenis J] [--instansi KODE] [--terapkan]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisasi.impor import (
    JENIS_DATA,
    LaporanImpor,
    impor_baca,
    impor_periksa,
    impor_terapkan,
)
from kinerja.organisasi.models import Instansi


class Command(BaseCommand):
    help = (
        "Periksa (dan dengan --terapkan, simpan) unit, jabatan, dan pegawai dari XLSX/CSV. "
        "Keluar dengan kode bukan nol bila ada galat. Lihat docs/impor.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", help="berkas .xlsx atau .csv")
        parser.add_argument("--jenis", choices=JENIS_DATA, help="jenis data untuk CSV")
        parser.add_argument("--instansi", help="kode instansi (wajib bila lebih dari satu)")
        parser.add_argument("--terapkan", action="store_true", help="simpan bila tidak ada galat")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["berkas"])
        try:
            konten = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc}") from None
        instansi = self._instansi(options["instansi"])
        try:
            data = impor_baca(konten=konten, nama_file=path.name, jenis=options["jenis"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        laporan = impor_periksa(data=data, instansi=instansi)
        self._cetak(laporan)
        if laporan.galat:
            raise CommandError(f"{len(laporan.galat)} galat; tidak ada data yang diubah.")
        if not options["terapkan"]:
            self.stdout.write("Pemeriksaan bersih. Tambahkan --terapkan untuk menyimpan.")
            return
        laporan = impor_terapkan(data=data, instansi=instansi, oleh=None, progress=self._progress)
        self.stdout.write(self.style.SUCCESS(f"Diterapkan ke {instansi.nama}."))

    def _instansi(self, kode: str | None) -> Instansi:
        if kode:
            found = Instansi.objects.filter(kode=kode).first()
            if found is None:
                raise CommandError(f"Instansi dengan kode {kode} tidak ada.")
            return found
        semua = list(Instansi.objects.all()[:2])
        if len(semua) != 1:
            raise CommandError("Sebutkan --instansi KODE (ada nol atau lebih dari satu instansi).")
        return semua[0]

    def _progress(self, selesai: int, total: int) -> None:
        self.stderr.write(f"  {selesai}/{total} baris")

    def _cetak(self, laporan: LaporanImpor) -> None:
        for galat in laporan.galat:
            self.stdout.write(
                f"GALAT {galat.sheet} baris {galat.baris}, kolom {galat.kolom}: {galat.pesan}"
            )
        for peringatan in laporan.peringatan:
            self.stdout.write(
                f"peringatan {peringatan.sheet} baris {peringatan.baris}, "
                f"kolom {peringatan.kolom}: {peringatan.pesan}"
            )
        for jenis, r in laporan.ringkasan.items():
            if r.jumlah:
                label = "dibuka/ditutup/tetap" if jenis == "penugasan" else "baru/diubah/tetap"
                self.stdout.write(f"{jenis}: {r.baru}/{r.diubah}/{r.tetap} ({label})")
        for p in laporan.perubahan:
            self.stdout.write(f"  {p.jenis} {p.kunci} {p.kolom}: {p.lama} → {p.baru}")
        if laporan.jumlah_perubahan > len(laporan.perubahan):
            self.stdout.write(f"  … dan {laporan.jumlah_perubahan - len(laporan.perubahan)} lagi")
