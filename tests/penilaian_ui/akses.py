"""Access table of the penilaian pages (merged into tests/test_akses.py's URL walk).

Scope comes from G's selectors: an evaluation is read by the pegawai once locked, the pejabat
penilai, pimpinan/operator of its OPD and the city roles; a keberatan by the pegawai, the
pejabat penilai, the atasan pejabat penilai, pimpinan/operator of the OPD and the city roles;
only the atasan pejabat penilai (the kabid here, not a persona) acts on it.
"""

from __future__ import annotations

from kinerja.skp.models import PeriodeKinerja
from tests.akses_aturan import FORBIDDEN, LOGIN_ONLY, NOT_FOUND, OK, PUBLIC, REDIRECT, Aturan
from tests.conftest import PERSONAS
from tests.factories import KotaKecil

CONFLICT, UNPROCESSABLE = 409, 422
HANYA = dict.fromkeys(PERSONAS, FORBIDDEN) | {"anonim": REDIRECT}
KELOLA = HANYA | {"pimpinan_opd": OK, "admin_bkpsdmd": OK}
# a rated, not yet locked evaluation of the pegawai
BACA_DRAF = {
    "pegawai": NOT_FOUND,
    "atasan": OK,
    "pimpinan_opd": OK,
    "admin_bkpsdmd": OK,
    "luar_opd": NOT_FOUND,
    "anonim": REDIRECT,
}
# a locked evaluation
BACA_FINAL = BACA_DRAF | {"pegawai": OK}
# a keberatan
BACA_KEBERATAN = BACA_FINAL


def _periode(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian.util import periode_lalu

    periode_lalu(k)
    return {}


def _ev(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian_ui.util import kasus

    return {"pk": kasus(k).ev.pk}


def _ev_final(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian_ui.util import kasus

    return {"pk": kasus(k, kunci=True).ev.pk}


def _kb(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian_ui.util import kasus

    kb = kasus(k, keberatan=True).keberatan
    assert kb is not None
    return {"pk": kb.pk}


def _klarifikasi(k: KotaKecil) -> dict[str, object]:
    from kinerja.penilaian import services
    from tests.penilaian_ui.util import kasus

    kb = kasus(k, keberatan=True).keberatan
    assert kb is not None
    q = services.klarifikasi_minta(
        keberatan=kb, oleh=k.kabid, pihak="pegawai", pertanyaan="Laporan mana yang hilang?"
    )
    return {"pk": q.pk}


def _lampiran(k: KotaKecil) -> dict[str, object]:
    from django.core.files.base import ContentFile

    from kinerja.penilaian.models import LampiranKeberatan
    from tests.penilaian_ui.util import kasus

    kb = kasus(k, keberatan=True).keberatan
    lamp = LampiranKeberatan(keberatan=kb, nama_asli="bukti.pdf", jenis="pdf", ukuran=9)
    lamp.berkas.save("bukti.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"pk": lamp.pk}


def _tugas(k: KotaKecil) -> dict[str, object]:
    """A finished bulk job of the pimpinan OPD (written directly: the job itself is tested in
    test_dokumen)."""
    import zipfile

    from kinerja.penilaian import dokumen_massal

    periode = _periode_obj(k)
    t = dokumen_massal.Tugas(
        id=dokumen_massal.secrets.token_hex(8),
        oleh=k.pimpinan.pk,
        unit=k.dinas.pk,
        unit_nama=k.dinas.nama,
        periode=periode.pk,
        tahun=periode.tahun,
        jenis="periodik",
        urutan=1,
        base_url="http://testserver/",
        status="selesai",
        total=0,
    )
    dokumen_massal._simpan(t)
    with zipfile.ZipFile(dokumen_massal.zip_path(t.id), "w"):
        pass
    return {"job": t.id}


def _periode_obj(k: KotaKecil) -> PeriodeKinerja:
    from tests.penilaian.util import periode_lalu

    return periode_lalu(k)


def _kode(k: KotaKecil) -> dict[str, object]:
    from kinerja.penilaian.dokumen import kode_verifikasi
    from tests.penilaian_ui.util import kasus

    return {"kode": kode_verifikasi(kasus(k, kunci=True).ev)}


def _unit(k: KotaKecil) -> dict[str, object]:
    _periode(k)
    return {"unit": k.dinas.pk}


def _seksi(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian_ui.util import kasus

    kasus(k)
    return {"unit": k.seksi.pk}


def _bawahan(k: KotaKecil) -> dict[str, object]:
    from tests.penilaian.util import siapkan

    siapkan(k)
    return {"pegawai": k.pegawai.pk}


EXPECTED: dict[str, Aturan] = {
    "penilaian:index": ("get", lambda k: {}, LOGIN_ONLY),
    "penilaian:bawahan": ("get", _periode, HANYA | {"atasan": OK, "pimpinan_opd": OK}),
    "penilaian:evaluasi_buka": (
        "post",
        _bawahan,
        HANYA | {"atasan": REDIRECT, "pimpinan_opd": NOT_FOUND},
    ),
    "penilaian:evaluasi": ("get", _ev, BACA_DRAF),
    # an empty post carries no revisi: the stale-revision answer (409), nothing stored
    "penilaian:evaluasi_nilai": ("post", _ev, HANYA | {"atasan": CONFLICT}),
    "penilaian:distribusi": ("get", _ev, BACA_DRAF),
    "penilaian:penjelasan": ("get", _ev_final, BACA_FINAL),
    "penilaian:keberatan_ajukan": (
        "post",
        _ev_final,
        BACA_FINAL
        | {
            "pegawai": UNPROCESSABLE,
            "atasan": FORBIDDEN,
            "pimpinan_opd": FORBIDDEN,
            "admin_bkpsdmd": FORBIDDEN,
        },
    ),
    "penilaian:evaluasi_pdf": ("get", _ev_final, BACA_FINAL),
    "penilaian:keberatan_list": ("get", lambda k: {}, LOGIN_ONLY),
    "penilaian:keberatan": ("get", _kb, BACA_KEBERATAN),
    "penilaian:klarifikasi_minta": (
        "post",
        _kb,
        BACA_KEBERATAN
        | {
            "pegawai": FORBIDDEN,
            "atasan": FORBIDDEN,
            "pimpinan_opd": FORBIDDEN,
            "admin_bkpsdmd": FORBIDDEN,
        },
    ),
    "penilaian:keberatan_putus": (
        "post",
        _kb,
        BACA_KEBERATAN
        | {
            "pegawai": FORBIDDEN,
            "atasan": FORBIDDEN,
            "pimpinan_opd": FORBIDDEN,
            "admin_bkpsdmd": FORBIDDEN,
        },
    ),
    "penilaian:klarifikasi_jawab": (
        "post",
        _klarifikasi,
        dict.fromkeys(PERSONAS, NOT_FOUND) | {"pegawai": UNPROCESSABLE, "anonim": REDIRECT},
    ),
    "penilaian:lampiran": ("get", _lampiran, BACA_KEBERATAN),
    "penilaian:predikat_org": ("get", _periode, KELOLA | {"atasan": FORBIDDEN}),
    "penilaian:kalibrasi_index": ("get", lambda k: {}, KELOLA | {"pimpinan_opd": REDIRECT}),
    "penilaian:kalibrasi": ("get", _unit, KELOLA),
    "penilaian:kalibrasi_evaluasi": ("get", _ev, KELOLA),
    # an empty post: the default window (the year) has nothing to lock — a message, no change
    "penilaian:finalkan": (
        "post",
        _seksi,
        HANYA | {"atasan": REDIRECT, "pimpinan_opd": REDIRECT, "admin_bkpsdmd": REDIRECT},
    ),
    "penilaian:dasbor": ("get", _periode, KELOLA),
    "penilaian:ekspor_rekap": ("get", _periode, KELOLA),
    "penilaian:ekspor_angka_kredit": ("get", _periode, KELOLA),
    "penilaian:ekspor_tpp": ("get", _periode, KELOLA),
    "penilaian:massal": ("get", _periode, KELOLA),
    "penilaian:massal_detail": ("get", _tugas, KELOLA | {"admin_bkpsdmd": NOT_FOUND}),
    "penilaian:massal_unduh": ("get", _tugas, KELOLA | {"admin_bkpsdmd": NOT_FOUND}),
    "penilaian:verifikasi": ("get", _kode, PUBLIC),
}
