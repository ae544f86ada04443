"""`manage.py seed_demo`: the demo city (see kinerja.organisasi.demo)."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.kegiatan.demo import demo_seed_kegiatan
from kinerja.organisasi.demo import (
    DEFAULT_PEGAWAI,
    DEMO_PASSWORD,
    INSTANSI_KODE,
    MIN_PEGAWAI,
    demo_seed,
)
from kinerja.organisasi.models import Instansi, Pegawai
from kinerja.pengembangan.demo import demo_seed_pengembangan
from kinerja.penilaian.demo import demo_seed_penilaian
from kinerja.proyek.demo import demo_seed_proyek
from kinerja.skp.demo import demo_seed_skp
from kinerja.survei.demo import demo_seed_survei


class Command(BaseCommand):
    help = (
        "Isi basis data dengan Pemerintah Kota Pangkalpinang versi demo: OPD, kecamatan, "
        f"kelurahan, jabatan dan pegawai. Semua akun berkata sandi {DEMO_PASSWORD}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--pegawai",
            type=int,
            default=DEFAULT_PEGAWAI,
            help=f"jumlah pegawai (bawaan {DEFAULT_PEGAWAI}, minimal {MIN_PEGAWAI})",
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="angka acak tetap: hasil yang sama setiap kali"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="tidak melakukan apa pun bila sudah ada pegawai",
        )
        parser.add_argument(
            "--riwayat",
            choices=["kecil", "tahun"],
            default="kecil",
            help="riwayat laporan kegiatan: kecil (beberapa minggu, untuk make run) atau tahun "
            "(setahun penuh, untuk benchmark)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Pegawai.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Data pegawai sudah ada; seed_demo dilewati.")
                return
            raise CommandError(
                "Basis data sudah berisi pegawai. seed_demo hanya untuk basis data kosong."
            )
        if options["pegawai"] < MIN_PEGAWAI:
            raise CommandError(f"--pegawai minimal {MIN_PEGAWAI}.")
        seed = options["seed"]
        if seed is None:
            seed = secrets.randbelow(1_000_000)
        hasil = demo_seed(pegawai=options["pegawai"], seed=seed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Kota demo dibuat dalam {hasil.detik:.1f} detik (seed {seed}): "
                f"{hasil.unit} unit, {hasil.jabatan} jabatan, {hasil.pegawai} pegawai "
                f"({hasil.pppk} PPPK), {hasil.kosong} jabatan struktural kosong."
            )
        )
        self.stdout.write(
            demo_seed_skp(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=seed)
        )
        self.stdout.write(
            demo_seed_survei(instansi=Instansi.objects.get(kode=INSTANSI_KODE), seed=seed)
        )
        instansi = Instansi.objects.get(kode=INSTANSI_KODE)
        riwayat = options["riwayat"]
        for seeder in (
            demo_seed_kegiatan,
            demo_seed_proyek,
            demo_seed_penilaian,
            demo_seed_pengembangan,
        ):
            ringkasan = seeder(instansi=instansi, seed=seed, riwayat=riwayat)
            if ringkasan:
                self.stdout.write(ringkasan)
