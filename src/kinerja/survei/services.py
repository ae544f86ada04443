"""Every write of survey data: unit layanan, responses (with abuse checks), paper import."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.organisasi.models import Instansi, Pegawai, UnitKerja

from .models import (
    KOLOM_UNSUR,
    ImporSurvei,
    JenisKelamin,
    JenisLayanan,
    Pekerjaan,
    Pendidikan,
    Respons,
    StatusRespons,
    Sumber,
    SumberIkmIndikator,
    TokenTerpakai,
    UnitLayanan,
    Usia,
)

_SALT = "kinerja.survei.token"
TOKEN_MAKS_DETIK = 6 * 60 * 60
JENDELA_DUPLIKAT_KIOSK = dt.timedelta(minutes=2)


class TokenDitolak(Exception):
    """The one-time token is missing, forged, expired or already used."""


class BatasTerlampaui(Exception):
    """Too many submissions from this IP or device: answered with HTTP 429."""


# --- unit layanan --------------------------------------------------------------------------


def _jenis_bersih(jenis: list[str]) -> list[str]:
    hasil: list[str] = []
    for nama in jenis:
        nama = nama.strip()[:200]
        if nama and nama.lower() not in {h.lower() for h in hasil}:
            hasil.append(nama)
    return hasil


@transaction.atomic
def unit_layanan_create(
    *,
    instansi: Instansi,
    unit_kerja: UnitKerja,
    kode: str,
    nama: str,
    alamat: str = "",
    jenis: list[str] | None = None,
) -> UnitLayanan:
    if unit_kerja.instansi_id != instansi.pk:
        raise ValidationError({"unit_kerja": _("Unit kerja bukan milik instansi ini.")})
    unit = UnitLayanan(
        instansi=instansi,
        unit_kerja=unit_kerja,
        kode=kode.strip().lower(),
        nama=nama.strip(),
        alamat=alamat.strip(),
    )
    unit.full_clean()
    unit.save()
    jenis_layanan_set(unit_layanan=unit, jenis=jenis or [])
    return unit


@transaction.atomic
def unit_layanan_update(
    *,
    unit_layanan: UnitLayanan,
    nama: str,
    alamat: str = "",
    aktif: bool = True,
    unit_kerja: UnitKerja | None = None,
    jenis: list[str] | None = None,
) -> UnitLayanan:
    unit_layanan.nama = nama.strip()
    unit_layanan.alamat = alamat.strip()
    unit_layanan.aktif = aktif
    if unit_kerja is not None:
        if unit_kerja.instansi_id != unit_layanan.instansi_id:
            raise ValidationError({"unit_kerja": _("Unit kerja bukan milik instansi ini.")})
        unit_layanan.unit_kerja = unit_kerja
    unit_layanan.full_clean()
    unit_layanan.save()
    if jenis is not None:
        jenis_layanan_set(unit_layanan=unit_layanan, jenis=jenis)
    return unit_layanan


@transaction.atomic
def jenis_layanan_set(*, unit_layanan: UnitLayanan, jenis: list[str]) -> list[JenisLayanan]:
    """Make the active list equal `jenis`; removed ones are deactivated (old answers keep them)."""
    nama = _jenis_bersih(jenis)
    ada = {j.nama.lower(): j for j in unit_layanan.jenis_set.all()}
    hasil = []
    for urutan, n in enumerate(nama):
        j = ada.pop(n.lower(), None)
        if j is None:
            j = JenisLayanan.objects.create(unit_layanan=unit_layanan, nama=n, urutan=urutan)
        elif not j.aktif or j.urutan != urutan:
            j.aktif, j.urutan = True, urutan
            j.save(update_fields=["aktif", "urutan"])
        hasil.append(j)
    for j in ada.values():
        if j.aktif:
            j.aktif = False
            j.save(update_fields=["aktif"])
    return hasil


# --- one-time tokens, fingerprints, limits -------------------------------------------------


def token_buat(unit: UnitLayanan) -> str:
    """A signed one-time token for one form load: unit, random nonce and issue time."""
    return signing.dumps(
        {"u": unit.pk, "n": secrets.token_hex(16), "t": int(time.time())}, salt=_SALT
    )


def _token_baca(token: str, unit: UnitLayanan) -> tuple[str, int]:
    try:
        isi = signing.loads(token or "", salt=_SALT, max_age=TOKEN_MAKS_DETIK)
    except signing.BadSignature as exc:
        raise TokenDitolak(
            _("Formulir tidak sah atau kedaluwarsa. Muat ulang halaman untuk mengisi lagi.")
        ) from exc
    if not isinstance(isi, dict) or isi.get("u") != unit.pk:
        raise TokenDitolak(_("Formulir ini bukan untuk unit layanan ini. Muat ulang halaman."))
    return str(isi["n"]), int(isi["t"])


def _token_pakai(nonce: str) -> None:
    """The first write of the submit: on a reused nonce the whole transaction rolls back, so no
    savepoint is needed (two fewer round trips per submission)."""
    try:
        with transaction.atomic(savepoint=False):
            TokenTerpakai.objects.create(nonce=nonce)
    except IntegrityError as exc:
        raise TokenDitolak(
            _("Formulir ini sudah dikirim. Muat ulang halaman untuk mengisi lagi.")
        ) from exc


def hash_ip(ip: str) -> str:
    """The IP is never stored: only a keyed hash, enough to count and to compare."""
    return hmac.new(settings.SECRET_KEY.encode(), f"ip:{ip}".encode(), hashlib.sha256).hexdigest()


def _sidik(ip_hash: str, perangkat: str, data: dict[str, Any], hari: dt.date) -> str:
    bagian = [ip_hash, perangkat, str(hari)]
    bagian += [str(data.get(k)) for k in KOLOM_UNSUR]
    bagian += [str(data.get("jenis_layanan_id")), str(data.get("saran", "")).strip().lower()]
    return hashlib.sha256("|".join(bagian).encode()).hexdigest()


def _hitung(kondisi: Q, jam: dt.datetime, menit: dt.datetime) -> tuple[int, int]:
    """Rows in the last minute and hour for one key; one range scan of its index."""
    baris = Respons.objects.filter(kondisi, dibuat_pada__gte=jam).aggregate(
        jam=Count("pk"), menit=Count("pk", filter=Q(dibuat_pada__gte=menit))
    )
    return baris["menit"], baris["jam"]


def _periksa_batas(ip_hash: str, perangkat: str) -> None:
    """Limits counted on the stored rows: right across gunicorn workers and machines."""
    now = timezone.now()
    menit, jam = now - dt.timedelta(minutes=1), now - dt.timedelta(hours=1)
    ip_m, ip_j = _hitung(Q(ip_hash=ip_hash), jam, menit)
    over = ip_m >= settings.SURVEI_BATAS_IP_PER_MENIT or ip_j >= settings.SURVEI_BATAS_IP_PER_JAM
    if perangkat and not over:
        pr_m, pr_j = _hitung(Q(perangkat=perangkat), jam, menit)
        over = (
            pr_m >= settings.SURVEI_BATAS_PERANGKAT_PER_MENIT
            or pr_j >= settings.SURVEI_BATAS_PERANGKAT_PER_JAM
        )
    if over:
        raise BatasTerlampaui(
            _(
                "Terlalu banyak survei dikirim dari jaringan atau perangkat ini. "
                "Silakan coba lagi beberapa menit lagi."
            )
        )


# --- validation shared by the form, the API and the import ---------------------------------

PILIHAN_PROFIL = {
    "usia": set(Usia.values),
    "jenis_kelamin": set(JenisKelamin.values),
    "pendidikan": set(Pendidikan.values),
    "pekerjaan": set(Pekerjaan.values),
}


def validasi_jawaban(data: dict[str, Any]) -> dict[str, str]:
    """Per-field errors of the nine scores and the profile (all scores are required)."""
    galat: dict[str, str] = {}
    for i, k in enumerate(KOLOM_UNSUR, start=1):
        nilai = data.get(k)
        if nilai in (None, ""):
            galat[k] = _("Unsur %(n)s belum dijawab.") % {"n": i}
            continue
        try:
            angka = int(str(nilai))
        except ValueError:
            angka = 0
        if str(nilai).strip() not in {"1", "2", "3", "4"} or not 1 <= angka <= 4:
            galat[k] = _("Nilai unsur %(n)s harus 1, 2, 3 atau 4 (tertulis: %(v)s).") % {
                "n": i,
                "v": nilai,
            }
    for f, boleh in PILIHAN_PROFIL.items():
        if data.get(f) and data[f] not in boleh:
            galat[f] = _("Pilihan tidak dikenal.")
    if len(str(data.get("saran") or "")) > 2000:
        galat["saran"] = _("Saran/pengaduan paling banyak 2.000 karakter.")
    return galat


@dataclass
class Kiriman:
    """What one respondent submitted, already parsed."""

    jawaban: dict[str, Any]
    jenis_layanan: JenisLayanan | None = None
    petugas: Pegawai | None = None
    honeypot: str = ""
    alasan: list[str] = field(default_factory=list)


def _respons_baru(unit: UnitLayanan, kiriman: Kiriman, *, sumber: str, tanggal: dt.date) -> Respons:
    data = kiriman.jawaban
    return Respons(
        unit_layanan=unit,
        jenis_layanan=kiriman.jenis_layanan,
        tanggal=tanggal,
        petugas=kiriman.petugas,
        sumber=sumber,
        saran=str(data.get("saran") or "").strip(),
        **{k: int(data[k]) for k in KOLOM_UNSUR},
        **{f: data.get(f) or "" for f in PILIHAN_PROFIL},
    )


def respons_kirim(
    *,
    unit: UnitLayanan,
    kiriman: Kiriman,
    token: str,
    ip: str,
    perangkat: str = "",
    sumber: str = Sumber.ONLINE,
) -> Respons:
    """Store a public response: checks the token, the limits, then flags what looks wrong.

    Refused (nothing stored): a bad or reused token, over the rate limits, invalid answers.
    Stored but excluded from IKM (status mencurigakan, with reasons): honeypot filled, sent too
    fast after the form loaded, or the same answers from the same IP and device in the window.
    The checks read first; the one transaction holds just the two inserts, so the write lock
    (SQLite: the whole database) is held for as short a time as possible.
    """
    galat = validasi_jawaban(kiriman.jawaban)
    if galat:
        raise ValidationError(galat)
    if kiriman.jenis_layanan and kiriman.jenis_layanan.unit_layanan_id != unit.pk:
        raise ValidationError({"jenis_layanan": _("Jenis layanan bukan milik unit ini.")})
    nonce, diterbitkan = _token_baca(token, unit)
    ip_h = hash_ip(ip)
    _periksa_batas(ip_h, perangkat)
    now = timezone.now()
    hari = timezone.localdate(now)
    respons = _respons_baru(unit, kiriman, sumber=sumber, tanggal=hari)
    respons.ip_hash, respons.perangkat, respons.dibuat_pada = ip_h, perangkat, now
    respons.sidik = _sidik(
        ip_h,
        perangkat,
        {
            **kiriman.jawaban,
            "jenis_layanan_id": (kiriman.jenis_layanan.pk if kiriman.jenis_layanan else None),
        },
        hari,
    )
    alasan = list(kiriman.alasan)
    if kiriman.honeypot.strip():
        alasan.append(_("Kolom jebakan (honeypot) terisi: kemungkinan bot."))
    if time.time() - diterbitkan < settings.SURVEI_MIN_DETIK:
        alasan.append(_("Dikirim terlalu cepat setelah formulir dibuka."))
    duplikat = Respons.objects.filter(sidik=respons.sidik)
    if sumber == Sumber.KIOSK:
        duplikat = duplikat.filter(dibuat_pada__gte=now - JENDELA_DUPLIKAT_KIOSK)
    if duplikat.exists():
        alasan.append(_("Jawaban sama dari jaringan dan perangkat yang sama pada hari ini."))
    if alasan:
        respons.status, respons.alasan = StatusRespons.MENCURIGAKAN, alasan
    with transaction.atomic():
        _token_pakai(nonce)
        respons.save()
    return respons


# --- paper-survey import -------------------------------------------------------------------


@transaction.atomic
def impor_survei_periksa(
    *, instansi: Instansi, oleh: Pegawai, nama_file: str, konten: bytes, units: list[UnitLayanan]
) -> ImporSurvei:
    """Dry run: read and check every row; the file is kept so the apply reads the same bytes."""
    from . import impor

    baris = impor.baca_baris(konten, nama_file)
    hasil = impor.periksa(baris, {u.kode: u for u in units})
    return ImporSurvei.objects.create(
        instansi=instansi,
        dibuat_oleh=oleh,
        nama_file=nama_file[:255],
        konten=konten,
        jumlah_baris=len(baris),
        galat=hasil.galat,
    )


@transaction.atomic
def impor_survei_terapkan(*, batch: ImporSurvei, units: list[UnitLayanan]) -> int:
    """Insert every row or none; refused when a row has an error or it was applied already."""
    from . import impor

    batch = ImporSurvei.objects.select_for_update().get(pk=batch.pk)
    if batch.diterapkan_pada is not None:
        raise ValidationError(_("Berkas ini sudah diterapkan."))
    hasil = impor.periksa(
        impor.baca_baris(bytes(batch.konten), batch.nama_file), {u.kode: u for u in units}
    )
    if hasil.galat:
        raise ValidationError(
            _("Masih ada %(n)s galat; tidak ada yang disimpan.") % {"n": len(hasil.galat)}
        )
    Respons.objects.bulk_create(hasil.respons, batch_size=2000)
    batch.diterapkan_pada = timezone.now()
    batch.save(update_fields=["diterapkan_pada"])
    return len(hasil.respons)


# --- link to performance (SKP indikator) ---------------------------------------------------


@transaction.atomic
def sumber_ikm_set(
    *, indikator: Any, unit_layanan: UnitLayanan | None
) -> SumberIkmIndikator | None:
    """Make an Indikator Kinerja Individu take its realisasi from a unit layanan's IKM.

    `unit_layanan=None` removes the link. The unit must be of the pegawai's instansi.
    """
    SumberIkmIndikator.objects.filter(indikator=indikator).exclude(
        unit_layanan=unit_layanan
    ).delete()
    if unit_layanan is None:
        return None
    instansi_id = indikator.rhk.skp.pegawai.instansi_id
    if unit_layanan.instansi_id != instansi_id:
        raise ValidationError({"unit_layanan": _("Unit layanan bukan milik instansi pegawai ini.")})
    link, _dibuat = SumberIkmIndikator.objects.get_or_create(
        indikator=indikator, defaults={"unit_layanan": unit_layanan}
    )
    return link
