"""Access table of the kegiatan pages (merged into tests/test_akses.py's URL walk)."""

from __future__ import annotations

from tests.akses_aturan import FORBIDDEN, LOGIN_ONLY, NOT_FOUND, OK, REDIRECT, Aturan
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

# read by the owner, the chain above (atasan, pimpinan OPD) and admin BKPSDMD; other OPD 404
TERLIHAT = {
    "pegawai": OK,
    "atasan": OK,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
# the owner only: others in scope 403, others 404
MILIK = TERLIHAT | {"atasan": FORBIDDEN, "pimpinan_opd": FORBIDDEN, "admin_bkpsdmd": FORBIDDEN}
# the owner's own object behind an owner-only selector: everyone else 404
SENDIRI = dict.fromkeys(PERSONAS, NOT_FOUND) | {"pegawai": OK, "anonim": REDIRECT}
# pages for anyone with bawahan (atasan, pimpinan OPD)
ATASAN_SAJA = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "atasan": OK,
    "pimpinan_opd": OK,
    "anonim": REDIRECT,
}


def _laporan(k: KotaKecil) -> dict[str, object]:
    from tests.kegiatan.util import lapor, pdf, siapkan

    d = siapkan(k)
    return {"pk": lapor(k.pegawai, d["indikator"], berkas=[pdf()]).pk}


def _bukti(k: KotaKecil) -> dict[str, object]:
    from kinerja.kegiatan.models import BuktiDukung

    pk = _laporan(k)["pk"]
    return {"pk": BuktiDukung.objects.get(laporan_id=pk).pk}


def _template(k: KotaKecil) -> dict[str, object]:
    from kinerja.kegiatan import services

    t = services.template_laporan_create(oleh=k.pegawai, nama="Rutin", uraian="Verifikasi berkas")
    return {"pk": t.pk}


def _manual(k: KotaKecil) -> dict[str, object]:
    from kinerja.kegiatan import services
    from tests.kegiatan.util import hari, siapkan

    d = siapkan(k)
    row = services.realisasi_manual_create(
        oleh=k.pegawai, indikator=d["kualitas"], tanggal=hari(0), nilai=90, tautan="https://a.id"
    )
    return {"pk": row.pk}


# POST pages redirect (302) on success; a refused review is 403 (not the atasan) or 404
REVIEW = dict.fromkeys(PERSONAS, FORBIDDEN) | {
    "atasan": REDIRECT,
    "anonim": REDIRECT,
}

EXPECTED: dict[str, Aturan] = {
    "kegiatan_laporan_saya": ("get", lambda k: {}, LOGIN_ONLY),
    "kegiatan_laporan_detail": ("get", _laporan, TERLIHAT),
    "kegiatan_laporan_ubah": ("get", _laporan, MILIK),
    "kegiatan_laporan_hapus": ("post", _laporan, MILIK | {"pegawai": REDIRECT}),
    "kegiatan_bukti": ("get", _bukti, TERLIHAT),
    "kegiatan_bukti_hapus": ("post", _bukti, MILIK | {"pegawai": REDIRECT}),
    "kegiatan_template_list": ("get", lambda k: {}, LOGIN_ONLY),
    "kegiatan_template_ubah": ("get", _template, SENDIRI),
    "kegiatan_template_hapus": ("post", _template, SENDIRI | {"pegawai": REDIRECT}),
    "kegiatan_progres": ("get", lambda k: {}, LOGIN_ONLY),
    "kegiatan_progres_pegawai": ("get", lambda k: {"pk": k.pegawai.pk}, TERLIHAT),
    "kegiatan_realisasi_manual_hapus": ("post", _manual, MILIK | {"pegawai": REDIRECT}),
    "kegiatan_review": ("get", lambda k: {}, ATASAN_SAJA),
    "kegiatan_review_baru": ("get", lambda k: {}, ATASAN_SAJA),
    "kegiatan_review_massal": (
        "post",
        lambda k: {},
        ATASAN_SAJA | {"atasan": REDIRECT, "pimpinan_opd": REDIRECT},
    ),
    "kegiatan_review_setujui": ("post", _laporan, REVIEW | {"pimpinan_opd": FORBIDDEN}),
    "kegiatan_review_kembalikan": ("post", _laporan, REVIEW | {"atasan": REDIRECT}),
    "kegiatan_manual_setujui": ("post", _manual, REVIEW),
    "kegiatan_manual_kembalikan": ("post", _manual, REVIEW),
}
