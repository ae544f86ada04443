"""Helpers for the feedback tests on the small known city (tests.factories.KotaKecil)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.kegiatan.models import LaporanKegiatan
from kinerja.organisasi.models import Pegawai
from kinerja.skp.models import PerilakuKerja, Rhk
from kinerja.umpanbalik import services
from kinerja.umpanbalik.models import DialogKinerja, Sasaran, UmpanBalik
from kinerja.umpanbalik.services import Subjek, TindakLanjutData
from tests.factories import KotaKecil


def laporan(pegawai: Pegawai, uraian: str = "Mencetak KTP-el", **extra: object) -> LaporanKegiatan:
    """A report row straight through the ORM (the kegiatan services are another helper's)."""
    data: dict[str, object] = {
        "pegawai": pegawai,
        "tanggal": timezone.localdate(),
        "durasi_menit": 60,
        "uraian": uraian,
    }
    data.update(extra)
    return LaporanKegiatan.objects.create(**data)


def perilaku() -> PerilakuKerja:
    found = PerilakuKerja.objects.filter(aktif=True).order_by("urutan").first()
    if found is not None:
        return found
    return PerilakuKerja.objects.create(
        kode="adaptif", nama="Adaptif", indikator="Cepat beradaptasi"
    )


def rhk_pegawai(kota: KotaKecil) -> Rhk:
    from tests.skp.util import isi_rhk, rantai

    data = rantai(kota)
    return isi_rhk(data["skp"], "Data penduduk terverifikasi", rhk_atasan=data["rhk_atasan"])  # type: ignore[arg-type]


def beri(kota: KotaKecil, teks: str = "Laporan rapi, pertahankan.", **subjek: object) -> UmpanBalik:
    lap = subjek.pop("laporan", None) or laporan(kota.pegawai)
    return services.umpan_balik_beri(
        oleh=kota.atasan,
        pegawai=kota.pegawai,
        subjek=Subjek(sasaran=Sasaran.LAPORAN, laporan=lap),  # type: ignore[arg-type]
        teks=teks,
    )


def dialog(kota: KotaKecil, *, oleh: Pegawai | None = None) -> DialogKinerja:
    oleh = oleh or kota.atasan
    hari_ini = timezone.localdate()
    return services.dialog_create(
        oleh=oleh,
        pegawai=kota.pegawai if oleh.pk == kota.atasan.pk else None,
        tanggal=hari_ini,
        topik="Capaian triwulan I",
        kesepakatan="Percepat verifikasi",
        tindak_lanjut=[
            TindakLanjutData(
                aksi="Ikut pelatihan", pemilik="pegawai", batas=hari_ini + dt.timedelta(days=14)
            ),
            TindakLanjutData(aksi="Sediakan printer", pemilik="atasan", batas=hari_ini),
        ],
    )
