"""Send today's reminders and the e-mail digest now (cron), or schedule them in the worker."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Kirim pengingat harian (laporan kegiatan, review atasan) dan ringkasan e-mail harian. "
        "Dengan --jadwalkan: antrekan tugas harian di worker (setiap pagi, PENGINGAT_JAM WIB)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jadwalkan",
            action="store_true",
            help="Jangan kirim sekarang; antrekan tugas harian berikutnya di worker (db_worker).",
        )
        parser.add_argument(
            "--tanpa-ringkasan",
            action="store_true",
            help="Hanya pengingat, tanpa ringkasan e-mail.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from kinerja.notifikasi.email import kirim_ringkasan_harian
        from kinerja.notifikasi.pengingat import kirim_pengingat_harian
        from kinerja.notifikasi.tasks import jadwal_berikut, jadwalkan_tugas_harian

        if options["jadwalkan"]:
            if jadwalkan_tugas_harian():
                self.stdout.write(f"Tugas harian dijadwalkan: {jadwal_berikut():%Y-%m-%d %H:%M}.")
            else:
                self.stdout.write("Tugas harian sudah terjadwal (atau backend tidak mendukung).")
            return
        hasil = kirim_pengingat_harian()
        self.stdout.write(
            f"Pengingat laporan: {len(hasil.laporan)}; pengingat review: {len(hasil.review)}"
            + (f"; instansi libur hari ini: {len(hasil.dilewati)}" if hasil.dilewati else "")
        )
        if not options["tanpa_ringkasan"]:
            r = kirim_ringkasan_harian()
            self.stdout.write(
                f"Ringkasan e-mail: {r['pegawai']} pegawai, {r['terkirim']} notifikasi terkirim, "
                f"{r['gagal']} gagal."
            )
