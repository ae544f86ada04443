"""Near-duplicate reports (fairness signal): MinHash over word shingles, LSH bands in an index.

A report's text is normalised (lower case, letters and digits only, numbers folded to "0"),
cut into overlapping word pairs, and summarised by MIRIP_BAND x MIRIP_BARIS min-hashes. Each band
of MIRIP_BARIS values becomes one 63-bit key stored in `LaporanSidik`. Reports sharing a key are
candidates; their exact Jaccard similarity decides. Cost per submission: one indexed lookup of a
few keys, one read of at most MIRIP_MAKS_KANDIDAT texts, one insert — no scan, whatever the size.

Only the last MIRIP_JENDELA_HARI days are indexed (older keys pruned), so a copy of a report
older than that window is not flagged. Flags never block: they are shown to the atasan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from .models import LaporanKegiatan, LaporanSidik, SumberMirip

_PRIMA = (1 << 61) - 1
_MASK = (1 << 61) - 1
_KATA = re.compile(r"[^\W_]+", re.UNICODE)
_ANGKA = re.compile(r"\d+")


def _setting(nama: str, bawaan: float) -> float:
    return float(getattr(settings, nama, bawaan))


def ambang() -> float:
    return _setting("MIRIP_AMBANG", 0.8)


def jendela_hari() -> int:
    return int(_setting("MIRIP_JENDELA_HARI", 90))


def _band_baris() -> tuple[int, int]:
    return int(_setting("MIRIP_BAND", 6)), int(_setting("MIRIP_BARIS", 3))


def _min_kata() -> int:
    return int(_setting("MIRIP_MIN_KATA", 6))


def _maks_kandidat() -> int:
    return int(_setting("MIRIP_MAKS_KANDIDAT", 30))


def _koefisien(n: int) -> list[tuple[int, int]]:
    """Fixed (a, b) pairs of the universal hashes (deterministic across processes)."""
    hasil = []
    for i in range(n):
        d = hashlib.blake2b(f"kinerja-minhash-{i}".encode(), digest_size=16).digest()
        a, b = struct.unpack("<QQ", d)
        hasil.append(((a % (_PRIMA - 1)) + 1, b % _PRIMA))
    return hasil


_KOEF_CACHE: dict[int, list[tuple[int, int]]] = {}


def kata(teks: str) -> list[str]:
    """Normalised words: no accents, lower case, punctuation dropped, numbers folded."""
    teks = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return [_ANGKA.sub("0", w) for w in _KATA.findall(teks.lower())]


def shingle(teks: str) -> frozenset[str]:
    """Word pairs of the normalised text (empty when too short to judge)."""
    w = kata(teks)
    if len(w) < _min_kata():
        return frozenset()
    return frozenset(f"{a} {b}" for a, b in zip(w, w[1:], strict=False))


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")


def kunci_band(sh: frozenset[str]) -> list[int]:
    """The LSH keys (one per band, signed 63-bit) of a shingle set; [] when empty."""
    if not sh:
        return []
    band, baris = _band_baris()
    n = band * baris
    koef = _KOEF_CACHE.get(n) or _KOEF_CACHE.setdefault(n, _koefisien(n))
    hs = [_h64(s) & _MASK for s in sh]
    sig = [min((a * h + b) % _PRIMA for h in hs) for a, b in koef]
    kunci = []
    for i in range(band):
        potong = struct.pack(f"<H{baris}Q", i, *sig[i * baris : (i + 1) * baris])
        v = int.from_bytes(hashlib.blake2b(potong, digest_size=8).digest(), "little")
        kunci.append(v - (1 << 63) if v >= (1 << 63) else v)
    return kunci


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Mirip:
    laporan_id: int
    skor: float
    sumber: str


def _cocok_kandidat(
    *,
    pegawai_id: int,
    opd_id: int | None,
    tanggal: dt.date,
    lain_pegawai: int,
    lain_opd: int | None,
    lain_tgl: dt.date,
) -> bool:
    """Own reports on other days, or other people's reports in the same OPD."""
    if lain_pegawai == pegawai_id:
        return lain_tgl != tanggal
    return opd_id is not None and lain_opd == opd_id


def _sumber(pegawai_id: int, lain_pegawai: int) -> str:
    return SumberMirip.SENDIRI if lain_pegawai == pegawai_id else SumberMirip.ORANG_LAIN


def _terbaik(sh: frozenset[str], calon: Iterable[tuple[int, frozenset[str], str]]) -> Mirip | None:
    best: Mirip | None = None
    batas = ambang()
    for lid, sh_lain, sumber in calon:
        skor = jaccard(sh, sh_lain)
        if skor >= batas and (best is None or skor > best.skor):
            best = Mirip(laporan_id=lid, skor=round(skor, 3), sumber=sumber)
    return best


def periksa_dan_indeks(laporan: LaporanKegiatan, *, opd_id: int | None) -> Mirip | None:
    """Find the closest earlier near-duplicate of `laporan`, then (re)index it. 4 queries:
    drop old keys, candidates grouped in SQL (scope: own other days, or same OPD), their
    texts, insert the keys."""
    LaporanSidik.objects.filter(laporan_id=laporan.pk).delete()
    sh = shingle(laporan.uraian)
    kunci = kunci_band(sh)
    if not kunci:
        return None
    batas_tgl = laporan.tanggal - dt.timedelta(days=jendela_hari())
    sendiri = Q(pegawai_ref=laporan.pegawai_id) & ~Q(tanggal=laporan.tanggal)
    lingkup = (
        sendiri | (Q(opd_id=opd_id) & ~Q(pegawai_ref=laporan.pegawai_id)) if opd_id else sendiri
    )
    calon = list(
        LaporanSidik.objects.filter(lingkup, kunci__in=kunci, tanggal__gte=batas_tgl)
        .exclude(laporan_id=laporan.pk)
        .values("laporan_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "-laporan_id")[: _maks_kandidat()]
    )
    hasil = None
    if calon:
        teks = LaporanKegiatan.objects.filter(pk__in=[c["laporan_id"] for c in calon]).values_list(
            "pk", "pegawai_id", "uraian"
        )
        hasil = _terbaik(
            sh, ((lid, shingle(u), _sumber(laporan.pegawai_id, pid)) for lid, pid, u in teks)
        )
    if laporan.tanggal >= timezone.localdate() - dt.timedelta(days=jendela_hari()):
        LaporanSidik.objects.bulk_create(
            LaporanSidik(
                laporan_id=laporan.pk,
                kunci=k,
                pegawai_ref=laporan.pegawai_id,
                opd_id=opd_id,
                tanggal=laporan.tanggal,
            )
            for k in kunci
        )
    return hasil


def indeks_laporan_massal(
    laporan_list: Sequence[LaporanKegiatan], *, opd_map: dict[int, int | None] | None = None
) -> int:
    """Index many reports at once (demo, repair) and set their near-duplicate flags.

    Reports are compared, in (tanggal, pk) order, with the earlier ones of the batch and with
    the index already stored. Idempotent: the batch's own keys are replaced. `opd_map` maps a
    pegawai id to their OPD id (looked up when not given). Returns the number flagged.
    """
    if not laporan_list:
        return 0
    urut = sorted(laporan_list, key=lambda x: (x.tanggal, x.pk))
    ids = [x.pk for x in urut]
    if opd_map is None:
        opd_map = opd_pegawai({x.pegawai_id for x in urut})
    for i in range(0, len(ids), 5000):
        LaporanSidik.objects.filter(laporan_id__in=ids[i : i + 5000]).delete()
    data = [(x, shingle(x.uraian)) for x in urut]
    kunci_per = {x.pk: kunci_band(sh) for x, sh in data}
    lama = _indeks_tersimpan({k for ks in kunci_per.values() for k in ks})
    teks_lama = _teks({lid for rows in lama.values() for lid, *_r in rows})
    shingle_map: dict[int, frozenset[str]] = {lid: shingle(t) for lid, t in teks_lama.items()}
    indeks: dict[int, list[tuple[int, int, int | None, dt.date]]] = defaultdict(list)
    for k, rows in lama.items():
        indeks[k].extend(rows)
    jendela = timezone.localdate() - dt.timedelta(days=jendela_hari())
    baru: list[LaporanSidik] = []
    ditandai: list[LaporanKegiatan] = []
    for x, sh in data:
        opd_id = opd_map.get(x.pegawai_id)
        hit: Counter[int] = Counter()
        pemilik: dict[int, int] = {}
        batas_tgl = x.tanggal - dt.timedelta(days=jendela_hari())
        for k in kunci_per[x.pk]:
            for lid, pid, oid, tgl in indeks.get(k, ()):
                if tgl >= batas_tgl and _cocok_kandidat(
                    pegawai_id=x.pegawai_id,
                    opd_id=opd_id,
                    tanggal=x.tanggal,
                    lain_pegawai=pid,
                    lain_opd=oid,
                    lain_tgl=tgl,
                ):
                    hit[lid] += 1
                    pemilik[lid] = pid
        calon = [
            (lid, shingle_map[lid], _sumber(x.pegawai_id, pemilik[lid]))
            for lid, _n in hit.most_common(_maks_kandidat())
            if lid in shingle_map
        ]
        m = _terbaik(sh, calon)
        x.mirip_dengan_id = m.laporan_id if m else None
        x.skor_mirip = m.skor if m else None
        x.mirip_sumber = m.sumber if m else ""
        if m:
            ditandai.append(x)
        shingle_map[x.pk] = sh
        for k in kunci_per[x.pk]:
            indeks[k].append((x.pk, x.pegawai_id, opd_id, x.tanggal))
            if x.tanggal >= jendela:
                baru.append(
                    LaporanSidik(
                        laporan_id=x.pk,
                        kunci=k,
                        pegawai_ref=x.pegawai_id,
                        opd_id=opd_id,
                        tanggal=x.tanggal,
                    )
                )
    LaporanSidik.objects.bulk_create(baru, batch_size=2000)
    LaporanKegiatan.objects.filter(pk__in=ids).exclude(pk__in=[x.pk for x in ditandai]).update(
        mirip_dengan=None, skor_mirip=None, mirip_sumber=""
    )
    LaporanKegiatan.objects.bulk_update(
        ditandai, ["mirip_dengan", "skor_mirip", "mirip_sumber"], batch_size=2000
    )
    return len(ditandai)


def _indeks_tersimpan(kunci: set[int]) -> dict[int, list[tuple[int, int, int | None, dt.date]]]:
    hasil: dict[int, list[tuple[int, int, int | None, dt.date]]] = defaultdict(list)
    semua = list(kunci)
    for i in range(0, len(semua), 500):
        for k, lid, pid, oid, tgl in LaporanSidik.objects.filter(
            kunci__in=semua[i : i + 500]
        ).values_list("kunci", "laporan_id", "pegawai_ref", "opd_id", "tanggal"):
            hasil[k].append((lid, pid, oid, tgl))
    return hasil


def _teks(ids: set[int]) -> dict[int, str]:
    semua = list(ids)
    hasil: dict[int, str] = {}
    for i in range(0, len(semua), 500):
        hasil.update(
            LaporanKegiatan.objects.filter(pk__in=semua[i : i + 500]).values_list("pk", "uraian")
        )
    return hasil


def opd_pegawai(
    pegawai_ids: Iterable[int], tanggal: dt.date | None = None
) -> dict[int, int | None]:
    """OPD id of each pegawai's definitive assignment at `tanggal` (one query)."""
    from kinerja.organisasi.models import JenisPenugasan, Penugasan

    tanggal = tanggal or timezone.localdate()
    hasil: dict[int, int | None] = {}
    rows = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(pegawai_id__in=list(pegawai_ids), jenis=JenisPenugasan.DEFINITIF)
        .values_list("pegawai_id", "unit_id", "unit__opd_id")
    )
    for pid, unit_id, opd_id in rows:
        hasil.setdefault(pid, opd_id or unit_id)
    return hasil


def pangkas(hari_ini: dt.date | None = None) -> int:
    """Delete index keys older than the window; returns the number deleted."""
    batas = (hari_ini or timezone.localdate()) - dt.timedelta(days=jendela_hari())
    n, _detail = LaporanSidik.objects.filter(tanggal__lt=batas).delete()
    return n
