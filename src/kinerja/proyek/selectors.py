"""Reads of the proyek app, scoped by user.

Who sees a project: its team (active AnggotaProyek rows; the PPTK is one), the pimpinan/operator
of its OPD, admin BKPSDMD and the other city roles (whole instansi). Everyone else: 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import (
    Jabatan,
    Pegawai,
    PemberianPeran,
    Penugasan,
    Peran,
    UnitKerja,
)
from kinerja.organisasi.selectors import AksesPengguna, akses_pengguna

from .models import (
    STATUS_AKTIF,
    STATUS_KENDALA_TERBUKA,
    AnggotaProyek,
    Eskalasi,
    Kendala,
    KomentarKendala,
    Milestone,
    Peringatan,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusProyek,
    TingkatKendala,
)

UKURAN_HALAMAN = 100
URUTAN = {
    "peringatan": _("Peringatan terburuk dulu"),
    "deviasi": _("Deviasi fisik terbesar"),
    "serapan": _("Serapan anggaran terendah"),
    "nama": _("Nama"),
    "selesai": _("Tanggal selesai"),
    "pagu": _("Pagu terbesar"),
}


def proyek_untuk_laporan(pegawai: Pegawai) -> QuerySet[Proyek]:
    """Projects a pegawai may point an activity report to (active ones whose team they are in)."""
    return (
        Proyek.objects.filter(
            anggota_set__pegawai=pegawai, anggota_set__aktif=True, status__in=STATUS_AKTIF
        )
        .distinct()
        .order_by("nama")
    )


# --- scope ------------------------------------------------------------------------------------


def _akses(user: Pegawai | AnonymousUser) -> AksesPengguna:
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    return akses


def _tim_ids(pegawai_id: int) -> QuerySet[AnggotaProyek, Any]:
    return AnggotaProyek.objects.filter(pegawai_id=pegawai_id, aktif=True).values("proyek_id")


def proyek_list_for_user(user: Pegawai | AnonymousUser) -> QuerySet[Proyek]:
    akses = _akses(user)
    qs = Proyek.objects.filter(opd__instansi_id=akses.instansi_id)
    if akses.kota:
        return qs
    return qs.filter(Q(opd_id__in=akses.opd_kelola_ids) | Q(pk__in=_tim_ids(akses.pegawai_id)))


@dataclass
class HakProyek:
    """What the user may do with one project."""

    kelola: bool = False  # pimpinan/operator of the OPD, admin BKPSDMD: everything
    pptk: bool = False
    tim: bool = False
    kota: bool = False

    @property
    def ubah_rencana(self) -> bool:
        return self.kelola or self.pptk

    @property
    def lapor(self) -> bool:
        return self.tim

    @property
    def ajukan_kendala(self) -> bool:
        return self.tim or self.kelola

    @property
    def tindak_kendala(self) -> bool:
        """Assign, set a deadline, escalate to the pimpinan OPD."""
        return self.kelola or self.pptk

    @property
    def eskalasi_kota(self) -> bool:
        return self.kelola


def hak_proyek(akses: AksesPengguna, proyek: Proyek, *, tim: bool | None = None) -> HakProyek:
    if tim is None:
        tim = AnggotaProyek.objects.filter(
            proyek=proyek, pegawai_id=akses.pegawai_id, aktif=True
        ).exists()
    return HakProyek(
        kelola=akses.admin or proyek.opd_id in akses.opd_kelola_ids,
        pptk=proyek.pptk_id == akses.pegawai_id,
        tim=tim,
        kota=akses.kota,
    )


def proyek_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Proyek:
    """The project with `hak` (HakProyek) attached; 404 out of scope."""
    proyek = (
        proyek_list_for_user(user)
        .select_related("opd", "pptk", "unit_pelaksana", "indikator_pk", "rhk")
        .filter(pk=pk)
        .first()
    )
    if proyek is None:
        raise Http404
    proyek.hak = hak_proyek(_akses(user), proyek)  # type: ignore[attr-defined]
    return proyek


def kendala_get_for_user(*, user: Pegawai | AnonymousUser, pk: int) -> Kendala:
    kendala = (
        Kendala.objects.filter(proyek__in=proyek_list_for_user(user))
        .select_related("proyek", "proyek__opd", "penanggung_jawab", "dilaporkan_oleh")
        .filter(pk=pk)
        .first()
    )
    if kendala is None:
        raise Http404
    kendala.hak = hak_proyek(_akses(user), kendala.proyek)  # type: ignore[attr-defined]
    return kendala


def opd_kelola(user: Pegawai | AnonymousUser) -> QuerySet[UnitKerja]:
    """OPDs where the user may create projects."""
    akses = _akses(user)
    qs = UnitKerja.objects.filter(instansi_id=akses.instansi_id, parent__isnull=True)
    if not akses.admin:
        qs = qs.filter(pk__in=akses.opd_kelola_ids)
    return qs.order_by("nama")


def boleh_membuat(user: Pegawai | AnonymousUser) -> bool:
    akses = akses_pengguna(user)
    return akses is not None and (akses.admin or bool(akses.opd_kelola_ids))


# --- people of an OPD ---------------------------------------------------------------------------


def pegawai_opd(opd_id: int, tanggal: dt.date | None = None) -> QuerySet[Pegawai]:
    """Active pegawai holding a position in the OPD (PPTK and team choices)."""
    tanggal = tanggal or timezone.localdate()
    di_opd = Penugasan.objects.aktif_pada(tanggal).filter(
        Q(unit__opd_id=opd_id) | Q(unit_id=opd_id)
    )
    return Pegawai.objects.filter(is_active=True, pk__in=di_opd.values("pegawai_id")).order_by(
        "nama", "pk"
    )


def pimpinan_opd_ids(opd_id: int, tanggal: dt.date | None = None) -> list[int]:
    """The kepala of the OPD (Plt/Plh first) and pegawai granted pimpinan OPD for it."""
    tanggal = tanggal or timezone.localdate()
    kepala = Jabatan.objects.filter(unit_id=opd_id, kepala=True).values_list("pk", flat=True)
    ids = list(hierarki.pemegang_efektif(kepala, tanggal).values())
    ids += list(
        PemberianPeran.objects.filter(peran=Peran.PIMPINAN_OPD, unit_id=opd_id, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .values_list("pegawai_id", flat=True)
    )
    return list(dict.fromkeys(ids))


# --- detail -----------------------------------------------------------------------------------


def rencana_proyek(proyek: Proyek) -> list[RencanaBulanan]:
    return list(proyek.rencana_set.order_by("bulan"))


def milestone_proyek(proyek: Proyek) -> list[Milestone]:
    return list(proyek.milestone_set.all())


def progres_proyek(proyek: Proyek) -> list[ProgresProyek]:
    return list(proyek.progres_set.select_related("dilaporkan_oleh").prefetch_related("bukti_set"))


def kendala_proyek(proyek: Proyek) -> list[Kendala]:
    return list(
        proyek.kendala_set.select_related("penanggung_jawab", "dilaporkan_oleh").order_by(
            Case(
                When(status__in=STATUS_KENDALA_TERBUKA, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            _urut_tingkat(),
            "-dibuat_pada",
        )
    )


def anggota_proyek(proyek: Proyek) -> list[AnggotaProyek]:
    return list(proyek.anggota_set.filter(aktif=True).select_related("pegawai"))


def komentar_kendala(kendala: Kendala) -> list[KomentarKendala]:
    return list(kendala.komentar_set.select_related("penulis"))


def _urut_tingkat() -> Case:
    return Case(
        When(tingkat=TingkatKendala.KRITIS, then=Value(0)),
        When(tingkat=TingkatKendala.TINGGI, then=Value(1)),
        When(tingkat=TingkatKendala.SEDANG, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


# --- portfolio (kepala dinas / admin OPD; city roles across OPD) --------------------------------


@dataclass
class Saringan:
    opd: int | None = None
    status: str = ""
    tahun: int | None = None
    pptk: int | None = None
    peringatan: str = ""
    q: str = ""
    urut: str = "peringatan"

    @classmethod
    def dari(cls, data: Any) -> Saringan:
        def angka(nama: str) -> int | None:
            nilai = str(data.get(nama, "")).strip()
            return int(nilai) if nilai.isdigit() else None

        status = data.get("status", "")
        peringatan = data.get("peringatan", "")
        urut = data.get("urut", "peringatan")
        return cls(
            opd=angka("opd"),
            status=status if status in StatusProyek.values else "",
            tahun=angka("tahun"),
            pptk=angka("pptk"),
            peringatan=peringatan if peringatan in Peringatan.values else "",
            q=str(data.get("q", "")).strip()[:100],
            urut=urut if urut in URUTAN else "peringatan",
        )


@dataclass
class Portfolio:
    halaman: Page  # of Proyek rows, each with `kendala_terbuka` {tingkat: n} and `serapan` %
    jumlah: dict[str, int] = field(default_factory=dict)  # per peringatan + "total"
    pagu: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    kendala: dict[str, int] = field(default_factory=dict)  # open kendala per tingkat
    pptk_pilihan: list[tuple[int, str]] = field(default_factory=list)
    tahun_pilihan: list[int] = field(default_factory=list)
    opd_pilihan: list[tuple[int, str]] = field(default_factory=list)

    @property
    def serapan(self) -> Decimal:
        return (
            (self.realisasi * 100 / self.pagu).quantize(Decimal("0.1")) if self.pagu else Decimal(0)
        )


def _serapan_expr() -> Case:
    return Case(
        When(
            pagu__gt=0,
            then=ExpressionWrapper(
                F("keuangan_realisasi") * 100 / F("pagu"), output_field=DecimalField()
            ),
        ),
        default=Value(Decimal(0)),
        output_field=DecimalField(),
    )


def _urut_peringatan() -> Case:
    return Case(
        When(status_peringatan=Peringatan.MERAH, then=Value(0)),
        When(status_peringatan=Peringatan.KUNING, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def _terapkan(qs: QuerySet[Proyek], s: Saringan) -> QuerySet[Proyek]:
    if s.opd:
        qs = qs.filter(opd_id=s.opd)
    if s.status:
        qs = qs.filter(status=s.status)
    if s.tahun:
        qs = qs.filter(tahun_anggaran=s.tahun)
    if s.pptk:
        qs = qs.filter(pptk_id=s.pptk)
    if s.peringatan:
        qs = qs.filter(status_peringatan=s.peringatan)
    if s.q:
        qs = qs.filter(Q(nama__icontains=s.q) | Q(kode__icontains=s.q))
    return qs


def _urutkan(qs: QuerySet[Proyek], urut: str) -> QuerySet[Proyek]:
    qs = qs.annotate(
        serapan=_serapan_expr(),
        deviasi=ExpressionWrapper(
            F("fisik_rencana") - F("fisik_realisasi"), output_field=DecimalField()
        ),
    )
    pilihan: dict[str, list[Any]] = {
        "peringatan": [_urut_peringatan(), "-deviasi", "nama"],
        "deviasi": ["-deviasi", "nama"],
        "serapan": ["serapan", "nama"],
        "nama": ["nama", "pk"],
        "selesai": [F("selesai").asc(nulls_last=True), "nama"],
        "pagu": ["-pagu", "nama"],
    }
    return qs.order_by(*pilihan[urut], "pk")


def kendala_per_tingkat(proyek_qs: QuerySet[Proyek]) -> dict[str, int]:
    rows = (
        Kendala.objects.filter(proyek__in=proyek_qs, status__in=STATUS_KENDALA_TERBUKA)
        .values("tingkat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    hasil = dict.fromkeys(TingkatKendala.values, 0)
    hasil.update({r["tingkat"]: r["n"] for r in rows})
    return hasil


def portfolio(user: Pegawai | AnonymousUser, saringan: Saringan, nomor: Any = 1) -> Portfolio:
    """The portfolio in scope with filters, sorting and totals; a fixed number of queries."""
    akses = _akses(user)
    lingkup = Proyek.objects.filter(opd__instansi_id=akses.instansi_id)
    if not akses.kota:
        lingkup = lingkup.filter(opd_id__in=akses.opd_kelola_ids)
    qs = _terapkan(lingkup, saringan)
    total = qs.aggregate(
        total=Count("pk"),
        hijau=Count("pk", filter=Q(status_peringatan=Peringatan.HIJAU)),
        kuning=Count("pk", filter=Q(status_peringatan=Peringatan.KUNING)),
        merah=Count("pk", filter=Q(status_peringatan=Peringatan.MERAH)),
        pagu=Sum("pagu"),
        realisasi=Sum("keuangan_realisasi"),
    )
    halaman_qs = _urutkan(qs, saringan.urut).select_related("opd", "pptk")
    paginator = Paginator(halaman_qs, UKURAN_HALAMAN)
    paginator.count = total["total"]  # already counted above: no second COUNT query
    halaman = paginator.get_page(nomor)
    baris = list(halaman.object_list)
    _pasang_kendala(baris)
    halaman.object_list = baris
    hasil = Portfolio(
        halaman=halaman,
        jumlah={k: total[k] or 0 for k in ("total", "hijau", "kuning", "merah")},
        pagu=total["pagu"] or Decimal(0),
        realisasi=total["realisasi"] or Decimal(0),
        kendala=kendala_per_tingkat(qs),
    )
    pilihan = list(
        lingkup.order_by()
        .values_list("pptk_id", "pptk__nama", "tahun_anggaran", "opd_id", "opd__nama")
        .distinct()
    )
    hasil.pptk_pilihan = sorted({(p, n) for p, n, *_ in pilihan if p}, key=lambda x: x[1])
    hasil.tahun_pilihan = sorted({t for _p, _n, t, *_ in pilihan}, reverse=True)
    hasil.opd_pilihan = sorted({(o, n) for *_x, o, n in pilihan}, key=lambda x: x[1])
    return hasil


def _pasang_kendala(baris: list[Proyek]) -> None:
    """Attach `kendala_terbuka` ({tingkat: n}) to each row, in one query."""
    per: dict[int, dict[str, int]] = {p.pk: {} for p in baris}
    rows = (
        Kendala.objects.filter(proyek_id__in=list(per), status__in=STATUS_KENDALA_TERBUKA)
        .values("proyek_id", "tingkat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for r in rows:
        per[r["proyek_id"]][r["tingkat"]] = r["n"]
    label = [(t, str(nama)) for t, nama in TingkatKendala.choices[::-1]]
    for p in baris:
        p.kendala_terbuka = [  # type: ignore[attr-defined]
            (t, nama, per[p.pk][t]) for t, nama in label if per[p.pk].get(t)
        ]


# --- city view ---------------------------------------------------------------------------------


def ringkasan_kota(user: Pegawai | AnonymousUser, tahun: int | None = None) -> dict[str, Any]:
    """Per-OPD summary for city roles (3 queries) and the kendala escalated to the city."""
    akses = _akses(user)
    qs = Proyek.objects.filter(opd__instansi_id=akses.instansi_id)
    if tahun:
        qs = qs.filter(tahun_anggaran=tahun)
    rows = list(
        qs.values("opd_id", "opd__nama")
        .annotate(
            total=Count("pk"),
            hijau=Count("pk", filter=Q(status_peringatan=Peringatan.HIJAU)),
            kuning=Count("pk", filter=Q(status_peringatan=Peringatan.KUNING)),
            merah=Count("pk", filter=Q(status_peringatan=Peringatan.MERAH)),
            pagu=Sum("pagu"),
            realisasi=Sum("keuangan_realisasi"),
            fisik=Sum("fisik_realisasi"),
            rencana=Sum("fisik_rencana"),
        )
        .order_by("opd__nama")
    )
    kendala_rows = (
        Kendala.objects.filter(proyek__in=qs, status__in=STATUS_KENDALA_TERBUKA)
        .values("proyek__opd_id", "tingkat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    kendala: dict[int, dict[str, int]] = {}
    for r in kendala_rows:
        kendala.setdefault(r["proyek__opd_id"], {})[r["tingkat"]] = r["n"]
    for r in rows:
        n = r["total"] or 1
        r["fisik_rata"] = (r["fisik"] or 0) / n
        r["rencana_rata"] = (r["rencana"] or 0) / n
        r["serapan"] = (r["realisasi"] or 0) * 100 / r["pagu"] if r["pagu"] else 0
        r["kritis"] = kendala.get(r["opd_id"], {}).get(TingkatKendala.KRITIS, 0)
        r["tinggi"] = kendala.get(r["opd_id"], {}).get(TingkatKendala.TINGGI, 0)
        r["kendala"] = sum(kendala.get(r["opd_id"], {}).values())
    eskalasi = list(
        Kendala.objects.filter(
            proyek__in=qs, status__in=STATUS_KENDALA_TERBUKA, eskalasi=Eskalasi.KOTA
        )
        .select_related("proyek", "proyek__opd", "penanggung_jawab")
        .order_by(_urut_tingkat(), "dibuat_pada")[:50]
    )
    tahun_pilihan = sorted(
        set(
            Proyek.objects.filter(opd__instansi_id=akses.instansi_id)
            .order_by()
            .values_list("tahun_anggaran", flat=True)
            .distinct()
        ),
        reverse=True,
    )
    return {"baris": rows, "eskalasi": eskalasi, "tahun_pilihan": tahun_pilihan}


# --- my projects and the home card --------------------------------------------------------------


def proyek_saya(user: Pegawai | AnonymousUser) -> list[Proyek]:
    akses = _akses(user)
    return list(
        Proyek.objects.filter(pk__in=_tim_ids(akses.pegawai_id))
        .select_related("opd", "pptk")
        .order_by(_urut_peringatan(), "nama")
    )


def kendala_saya(user: Pegawai | AnonymousUser) -> list[Kendala]:
    """Open kendala assigned to the user in projects they still see."""
    akses = _akses(user)
    return list(
        Kendala.objects.filter(
            penanggung_jawab_id=akses.pegawai_id, status__in=STATUS_KENDALA_TERBUKA
        )
        .filter(proyek__in=proyek_list_for_user(user))
        .select_related("proyek")
        .order_by(_urut_tingkat(), "batas_waktu")[:20]
    )


def ringkasan_beranda(user: Pegawai) -> dict[str, Any]:
    akses = _akses(user)
    saya = list(
        Proyek.objects.filter(pk__in=_tim_ids(akses.pegawai_id), status__in=STATUS_AKTIF)
        .order_by(_urut_peringatan(), "nama")
        .values("pk", "nama", "status_peringatan", "fisik_realisasi", "fisik_rencana", "pptk_id")[
            :10
        ]
    )
    hasil: dict[str, Any] = {"saya": saya, "pimpinan": None}
    if akses.kota or akses.opd_kelola_ids:
        qs = Proyek.objects.filter(opd__instansi_id=akses.instansi_id, status__in=STATUS_AKTIF)
        if not akses.kota:
            qs = qs.filter(opd_id__in=akses.opd_kelola_ids)
        hasil["pimpinan"] = qs.aggregate(
            hijau=Count("pk", filter=Q(status_peringatan=Peringatan.HIJAU)),
            kuning=Count("pk", filter=Q(status_peringatan=Peringatan.KUNING)),
            merah=Count("pk", filter=Q(status_peringatan=Peringatan.MERAH)),
        )
    return hasil


def proyek_untuk_hitung(ids: list[int] | None = None) -> QuerySet[Proyek]:
    """Active projects with what the early warning needs, prefetched (daily job)."""
    qs = Proyek.objects.filter(status__in=STATUS_AKTIF)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.prefetch_related(
        "rencana_set",
        Prefetch("milestone_set", queryset=Milestone.objects.filter(selesai_pada__isnull=True)),
        Prefetch("kendala_set", queryset=Kendala.objects.filter(status__in=STATUS_KENDALA_TERBUKA)),
    )


# --- kendala actions ---------------------------------------------------------------------------


def tim_pilihan(proyek_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Active team members per project (assignee choices), in one query."""
    hasil: dict[int, list[tuple[int, str]]] = {pk: [] for pk in proyek_ids}
    rows = (
        AnggotaProyek.objects.filter(proyek_id__in=proyek_ids, aktif=True)
        .select_related("pegawai")
        .order_by("pegawai__nama", "pk")
    )
    for a in rows:
        hasil[a.proyek_id].append((a.pegawai_id, a.pegawai.nama_lengkap))
    return hasil


def tim_pegawai(proyek_id: int) -> QuerySet[Pegawai]:
    return Pegawai.objects.filter(
        anggota_proyek_set__proyek_id=proyek_id, anggota_proyek_set__aktif=True
    ).order_by("nama", "pk")


def siapkan_kendala(
    daftar: list[Kendala], akses: AksesPengguna, *, tim_ids: set[int] | None = None
) -> list[Kendala]:
    """Attach what the action panel needs: hak, tim (choices), eskalasi_berikut, boleh_*."""
    tim = tim_pilihan(list({k.proyek_id for k in daftar}))
    for k in daftar:
        anggota = {pid for pid, _n in tim[k.proyek_id]}
        hak = hak_proyek(akses, k.proyek, tim=akses.pegawai_id in anggota)
        terbuka = k.status in STATUS_KENDALA_TERBUKA
        k.hak = hak  # type: ignore[attr-defined]
        k.tim = tim[k.proyek_id]  # type: ignore[attr-defined]
        k.boleh_tindak = terbuka and hak.tindak_kendala  # type: ignore[attr-defined]
        k.boleh_selesaikan = terbuka and (  # type: ignore[attr-defined]
            hak.tindak_kendala or k.penanggung_jawab_id == akses.pegawai_id
        )
        berikut = None
        if terbuka and k.eskalasi == Eskalasi.TIDAK and hak.tindak_kendala:
            berikut = Eskalasi.OPD
        elif terbuka and k.eskalasi != Eskalasi.KOTA and hak.eskalasi_kota:
            berikut = Eskalasi.KOTA
        k.eskalasi_berikut = berikut  # type: ignore[attr-defined]
        k.eskalasi_berikut_label = Eskalasi(berikut).label if berikut else ""  # type: ignore[attr-defined]
    return daftar


def kendala_siap(*, user: Pegawai | AnonymousUser, pk: int) -> Kendala:
    kendala = kendala_get_for_user(user=user, pk=pk)
    return siapkan_kendala([kendala], _akses(user))[0]


def kendala_tindakan(
    user: Pegawai | AnonymousUser, *, opd: int | None = None, batas: int = 15
) -> list[Kendala]:
    """Open kendala of the portfolio in scope, most severe and oldest first, ready for actions."""
    akses = _akses(user)
    qs = Kendala.objects.filter(
        proyek__opd__instansi_id=akses.instansi_id, status__in=STATUS_KENDALA_TERBUKA
    )
    if not akses.kota:
        qs = qs.filter(proyek__opd_id__in=akses.opd_kelola_ids)
    if opd:
        qs = qs.filter(proyek__opd_id=opd)
    daftar = list(
        qs.select_related("proyek", "penanggung_jawab").order_by(_urut_tingkat(), "dibuat_pada")[
            :batas
        ]
    )
    return siapkan_kendala(daftar, akses)
