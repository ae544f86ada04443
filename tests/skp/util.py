"""Helpers to build SKP data on the small known city (tests.factories.KotaKecil)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kinerja.organisasi.models import Pegawai
from kinerja.skp import services
from kinerja.skp.models import PeriodeKinerja, Rhk, Skp, StatusPeriode
from tests.factories import KotaKecil


def buat_periode(kota: KotaKecil, tahun: int | None = None) -> PeriodeKinerja:
    from django.utils import timezone

    tahun = tahun or timezone.localdate().year
    existing = PeriodeKinerja.objects.filter(instansi=kota.instansi, tahun=tahun).first()
    if existing:
        return existing
    return services.periode_create(
        oleh=kota.admin,
        instansi=kota.instansi,
        tahun=tahun,
        mulai=dt.date(tahun, 1, 1),
        selesai=dt.date(tahun, 12, 31),
        status=StatusPeriode.BERJALAN,
    )


def isi_rhk(
    skp: Skp, teks: str, *, rhk_atasan: Rhk | None = None, jenis: str = "utama", **pk: object
) -> Rhk:
    skp.refresh_from_db()
    rhk = services.rhk_add(
        skp=skp,
        oleh=skp.pegawai,
        revisi=skp.revisi,
        teks=teks,
        jenis=jenis,
        rhk_atasan=rhk_atasan,
        **pk,  # type: ignore[arg-type]
    )
    services.indikator_add(
        rhk=rhk,
        oleh=skp.pegawai,
        revisi=rhk.skp.revisi,
        teks=f"Jumlah {teks.lower()}",
        target_angka=Decimal("12"),
        target_satuan="dokumen",
    )
    skp.refresh_from_db()
    return rhk


def skp_diajukan(
    pegawai: Pegawai, periode: PeriodeKinerja, teks: str, rhk_atasan: Rhk | None
) -> Skp:
    """A submitted SKP with one RHK utama linked to `rhk_atasan` (a JPT gets no link check here)."""
    skp = services.skp_create(pegawai=pegawai, periode=periode)
    isi_rhk(skp, teks, rhk_atasan=rhk_atasan)
    skp.refresh_from_db()
    return services.skp_submit(skp=skp, oleh=pegawai, revisi=skp.revisi)


def rantai(kota: KotaKecil) -> dict[str, object]:
    """The cascade Kadis (JPT, from the PK) → Kabid → Kasi (atasan), each SKP submitted,
    and a fresh draft for the pegawai."""
    periode = buat_periode(kota)
    pk = services.perjanjian_create(oleh=kota.admin, periode=periode, unit=kota.dinas)
    sasaran = services.sasaran_pk_add(oleh=kota.admin, perjanjian=pk, sasaran="Tertib adminduk")
    ind_pk = services.indikator_pk_add(
        oleh=kota.admin,
        sasaran=sasaran,
        indikator="Cakupan kepemilikan KTP-el",
        target_angka=Decimal(98),
        satuan="%",
    )
    skp_kadis = services.skp_create(pegawai=kota.pimpinan, periode=periode)
    rhk_kadis = isi_rhk(skp_kadis, "Cakupan KTP-el meningkat", indikator_pk=ind_pk)
    services.skp_submit(skp=skp_kadis, oleh=kota.pimpinan, revisi=skp_kadis.revisi)
    skp_kabid = services.skp_create(pegawai=kota.kabid, periode=periode)
    rhk_kabid = isi_rhk(skp_kabid, "Layanan identitas penduduk tepat waktu", rhk_atasan=rhk_kadis)
    services.skp_submit(skp=skp_kabid, oleh=kota.kabid, revisi=skp_kabid.revisi)
    skp_atasan = services.skp_create(pegawai=kota.atasan, periode=periode)
    rhk_atasan = isi_rhk(skp_atasan, "KTP-el tercetak tepat waktu", rhk_atasan=rhk_kabid)
    services.skp_submit(skp=skp_atasan, oleh=kota.atasan, revisi=skp_atasan.revisi)
    skp = services.skp_create(pegawai=kota.pegawai, periode=periode)
    return {
        "periode": periode,
        "perjanjian": pk,
        "indikator_pk": ind_pk,
        "skp_atasan": Skp.objects.get(pk=skp_atasan.pk),
        "rhk_atasan": rhk_atasan,
        "rhk_kabid": rhk_kabid,
        "rhk_kadis": rhk_kadis,
        "skp": skp,
    }
