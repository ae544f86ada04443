"""Access table of the proyek pages (merged into tests/test_akses.py's URL walk).

The project belongs to the Dukcapil dinas; its PPTK is the pegawai persona, the kabid is a
second team member. The atasan (same OPD, not in the team) and the pegawai of another OPD see
nothing of it (404).
"""

from __future__ import annotations

from tests.akses_aturan import FORBIDDEN, LOGIN_ONLY, NOT_FOUND, OK, REDIRECT, Aturan
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

# team (the pegawai is PPTK), pimpinan OPD and admin BKPSDMD see it; others 404
TERLIHAT = {
    "pegawai": OK,
    "atasan": NOT_FOUND,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
# POST actions: in scope → redirect back (an empty form says what is missing), out of scope 404
AKSI = TERLIHAT | {"pegawai": REDIRECT, "pimpinan_opd": REDIRECT, "admin_bkpsdmd": REDIRECT}
# only the team reports progress: managers who are not in the team 403
TIM = TERLIHAT | {"pimpinan_opd": FORBIDDEN, "admin_bkpsdmd": FORBIDDEN}
PEMANTAU = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "anonim": REDIRECT,
}
KOTA = dict.fromkeys(PERSONAS, FORBIDDEN) | {"admin_bkpsdmd": OK, "anonim": REDIRECT}


def _proyek_pk(k: KotaKecil) -> int:
    from tests.proyek.util import buat_proyek

    return buat_proyek(k, tim=(k.kabid,)).pk


def _proyek(k: KotaKecil) -> dict[str, object]:
    return {"pk": _proyek_pk(k)}


def _anggota(k: KotaKecil) -> dict[str, object]:
    from kinerja.proyek.models import AnggotaProyek

    pk = _proyek_pk(k)
    return {"pk": AnggotaProyek.objects.get(proyek_id=pk, pegawai=k.kabid).pk}


def _tahapan(k: KotaKecil, *, selesai: bool = False) -> dict[str, object]:
    from kinerja.proyek import services
    from kinerja.proyek.models import Proyek
    from tests.kegiatan.util import png
    from tests.proyek.util import hari

    proyek = Proyek.objects.get(pk=_proyek_pk(k))
    (m,) = services.milestone_simpan_semua(
        proyek=proyek,
        oleh=k.pegawai,
        baris=[services.BarisTahapan(nama="Sosialisasi", jatuh_tempo=hari(10))],
    )
    if selesai:
        services.milestone_selesai(milestone=m, oleh=k.pegawai, tanggal=hari(0), bukti=png())
    return {"pk": m.pk}


def _bukti(k: KotaKecil) -> dict[str, object]:
    from decimal import Decimal

    from kinerja.proyek import services
    from kinerja.proyek.models import Proyek
    from tests.kegiatan.util import png
    from tests.proyek.util import hari

    proyek = Proyek.objects.get(pk=_proyek_pk(k))
    progres = services.progres_lapor(
        proyek=proyek,
        oleh=k.pegawai,
        tanggal=hari(0),
        fisik=Decimal(10),
        keuangan=Decimal(1000000),
        berkas=[png()],
    )
    return {"pk": progres.bukti_set.get().pk}


def _kendala(k: KotaKecil) -> dict[str, object]:
    from kinerja.proyek import services
    from kinerja.proyek.models import Proyek

    proyek = Proyek.objects.get(pk=_proyek_pk(k))
    kendala = services.kendala_ajukan(
        proyek=proyek,
        oleh=k.pegawai,
        judul="Lahan belum bebas",
        kategori="teknis",
        tingkat="tinggi",
    )
    return {"pk": kendala.pk}


def _indikator(k: KotaKecil) -> dict[str, object]:
    from kinerja.skp import services as skp_services
    from tests.skp.util import buat_periode, isi_rhk

    skp = skp_services.skp_create(pegawai=k.pegawai, periode=buat_periode(k))
    return {"pk": isi_rhk(skp, "Gedung pelayanan").indikator_set.get().pk}


# the indikator's SKP scope: owner, atasan chain, OPD managers, city roles
SKP_TERLIHAT = dict.fromkeys(PERSONAS, OK) | {"luar_opd": NOT_FOUND, "anonim": REDIRECT}

EXPECTED: dict[str, Aturan] = {
    "proyek_sumber_indikator": ("get", _indikator, SKP_TERLIHAT),
    "proyek_portfolio": ("get", lambda k: {}, PEMANTAU),
    "proyek_kota": ("get", lambda k: {}, KOTA),
    "proyek_saya": ("get", lambda k: {}, LOGIN_ONLY),
    "proyek_tambah": ("get", lambda k: {}, PEMANTAU),
    "proyek_detail": ("get", _proyek, TERLIHAT),
    "proyek_ubah": ("get", _proyek, TERLIHAT),
    "proyek_rencana": ("get", _proyek, TERLIHAT),
    "proyek_tahapan": ("get", _proyek, TERLIHAT),
    "proyek_progres": ("get", _proyek, TIM),
    "proyek_kendala_tambah": ("get", _proyek, TERLIHAT),
    "proyek_anggota_tambah": ("post", _proyek, AKSI),
    "proyek_anggota_keluarkan": ("post", _anggota, AKSI),
    "proyek_tahapan_selesai": ("post", _tahapan, AKSI),
    "proyek_tahapan_bukti": ("get", lambda k: _tahapan(k, selesai=True), TERLIHAT),
    "proyek_bukti": ("get", _bukti, TERLIHAT),
    "proyek_kendala_detail": ("get", _kendala, TERLIHAT),
    "proyek_kendala_tugaskan": ("post", _kendala, AKSI),
    "proyek_kendala_batas": ("post", _kendala, AKSI),
    "proyek_kendala_eskalasi": ("post", _kendala, AKSI),
    "proyek_kendala_komentar": ("post", _kendala, AKSI),
    "proyek_kendala_selesai": ("post", _kendala, AKSI),
}
