"""Training-needs analysis (TNA) for budget planning: per competency area (bidang) and topic ×
unit (OPD view) or × OPD (city view).

Set-based: 7 queries whatever the number of pegawai (population, Di Bawah values, low Rating
Hasil Kerja, recorded needs, enrolments with their topics, topics, cheapest catalogue JP per
topic) plus one for the column names. Rules (docs/pengembangan-rencana.md):

- population: active pegawai with a definitive assignment today in the scope; column = the
  assignment's unit (OPD view) or its OPD (city view);
- a pegawai "has a gap" in a topic when a *locked* evaluation of the year rates a BerAKHLAK value
  tied to the topic Di Bawah Ekspektasi, or rates the Rating Hasil Kerja Di Bawah Ekspektasi
  (topics marked `untuk_hasil_rendah`), or an open need of the year records the topic;
- "sudah" = of those, the pegawai has a living enrolment (diajukan / disetujui / selesai) made
  in the year in a catalogue item with that topic;
- JP needed = (gap − sudah) × the JP of the cheapest active catalogue item with that topic; no
  such item → JP unknown (shown as "—", "belum ada di katalog").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from kinerja.organisasi.models import JenisPenugasan, Penugasan, UnitKerja
from kinerja.penilaian.models import Evaluasi, Rating, RatingPerilakuNilai, StatusEvaluasi

from .models import (
    STATUS_PENDAFTARAN_HIDUP,
    BidangKompetensi,
    KebutuhanPengembangan,
    Pelatihan,
    Pendaftaran,
    TopikKompetensi,
)


@dataclass
class BarisTna:
    bidang: str
    bidang_label: str
    topik_id: int
    topik: str
    kolom_id: int | None  # unit / OPD id; None = total of the topic
    kolom: str
    celah: int
    sudah: int
    jp_satuan: Decimal | None

    @property
    def sisa(self) -> int:
        return max(self.celah - self.sudah, 0)

    @property
    def jp_perlu(self) -> Decimal | None:
        return None if self.jp_satuan is None else self.jp_satuan * self.sisa


def rekap_tna(
    *,
    instansi_id: int,
    tahun: int,
    opd_ids: set[int] | None,
    per_unit: bool,
    hari_ini: dt.date | None = None,
) -> list[BarisTna]:
    """Rows per (bidang, topic, column) with a gap, each topic followed by its total row."""
    hari_ini = hari_ini or timezone.localdate()
    penugasan = (
        Penugasan.objects.aktif_pada(hari_ini)
        .filter(
            jenis=JenisPenugasan.DEFINITIF,
            pegawai__is_active=True,
            pegawai__instansi_id=instansi_id,
        )
        .annotate(opd_key=Coalesce("unit__opd_id", "unit_id"))
    )
    if opd_ids is not None:
        penugasan = penugasan.filter(Q(unit__opd_id__in=opd_ids) | Q(unit_id__in=opd_ids))
    kolom_dari: dict[int, int] = {}
    for pegawai_id, unit_id, opd_key in penugasan.order_by("-mulai").values_list(
        "pegawai_id", "unit_id", "opd_key"
    ):
        kolom_dari.setdefault(pegawai_id, unit_id if per_unit else opd_key)
    populasi = Subquery(penugasan.values("pegawai_id"))

    topik = {
        pk: (nama, bidang, perilaku_id, hasil_rendah)
        for pk, nama, bidang, perilaku_id, hasil_rendah in TopikKompetensi.objects.filter(
            aktif=True
        ).values_list("pk", "nama", "bidang", "perilaku_id", "untuk_hasil_rendah")
    }
    per_perilaku: dict[int, list[int]] = defaultdict(list)
    hasil_rendah: list[int] = []
    for pk, (_nama, _bidang, perilaku_id, rendah) in topik.items():
        if perilaku_id:
            per_perilaku[perilaku_id].append(pk)
        if rendah:
            hasil_rendah.append(pk)

    celah: dict[int, set[int]] = defaultdict(set)  # topik → pegawai
    terkunci = Q(evaluasi__status=StatusEvaluasi.DIKUNCI, evaluasi__periode__tahun=tahun)
    for pegawai_id, perilaku_id in (
        RatingPerilakuNilai.objects.filter(
            terkunci, evaluasi__pegawai_id__in=populasi, rating=Rating.DI_BAWAH
        )
        .values_list("evaluasi__pegawai_id", "perilaku_id")
        .distinct()
    ):
        for t in per_perilaku.get(perilaku_id, []):
            celah[t].add(pegawai_id)
    for pegawai_id in (
        Evaluasi.objects.filter(
            status=StatusEvaluasi.DIKUNCI,
            periode__tahun=tahun,
            pegawai_id__in=populasi,
            rating_hasil=Rating.DI_BAWAH,
        )
        .values_list("pegawai_id", flat=True)
        .distinct()
    ):
        for t in hasil_rendah:
            celah[t].add(pegawai_id)
    for pegawai_id, topik_id in KebutuhanPengembangan.objects.filter(
        tahun=tahun, terpenuhi_pada__isnull=True, pegawai_id__in=populasi
    ).values_list("pegawai_id", "topik_id"):
        if topik_id in topik:
            celah[topik_id].add(pegawai_id)

    sudah: dict[int, set[int]] = defaultdict(set)
    for pegawai_id, topik_id in (
        Pendaftaran.objects.filter(
            status__in=STATUS_PENDAFTARAN_HIDUP,
            dibuat_pada__year=tahun,
            pegawai_id__in=populasi,
            pelatihan__topik__isnull=False,
        )
        .values_list("pegawai_id", "pelatihan__topik")
        .distinct()
    ):
        sudah[topik_id].add(pegawai_id)

    jp_termurah: dict[int, Decimal] = dict(
        Pelatihan.objects.filter(aktif=True, topik__isnull=False)
        .order_by()
        .values("topik")
        .annotate(jp_min=Min("jp"))
        .values_list("topik", "jp_min")
    )

    kolom_ids = {kolom_dari[p] for ids in celah.values() for p in ids if p in kolom_dari}
    nama_kolom = dict(UnitKerja.objects.filter(pk__in=kolom_ids).values_list("pk", "nama"))
    bidang_label = dict(BidangKompetensi.choices)
    urut_bidang = list(bidang_label)

    baris: list[BarisTna] = []
    for topik_id in sorted(
        celah,
        key=lambda t: (
            urut_bidang.index(topik[t][1]) if topik[t][1] in urut_bidang else 9,
            topik[t][0],
        ),
    ):
        nama, bidang, _p, _r = topik[topik_id]
        per_kolom: dict[int, list[int]] = defaultdict(list)
        for pegawai_id in celah[topik_id]:
            if pegawai_id in kolom_dari:
                per_kolom[kolom_dari[pegawai_id]].append(pegawai_id)
        if not per_kolom:
            continue
        jp = jp_termurah.get(topik_id)
        total_celah = total_sudah = 0
        for kolom_id in sorted(per_kolom, key=lambda k: (nama_kolom.get(k, ""), k)):
            ids = per_kolom[kolom_id]
            n_sudah = sum(1 for p in ids if p in sudah[topik_id])
            total_celah += len(ids)
            total_sudah += n_sudah
            baris.append(
                BarisTna(
                    bidang,
                    str(bidang_label.get(bidang, bidang)),
                    topik_id,
                    nama,
                    kolom_id,
                    nama_kolom.get(kolom_id, "—"),
                    len(ids),
                    n_sudah,
                    jp,
                )
            )
        baris.append(
            BarisTna(
                bidang,
                str(bidang_label.get(bidang, bidang)),
                topik_id,
                nama,
                None,
                "",
                total_celah,
                total_sudah,
                jp,
            )
        )
    return baris


def tna_xlsx(baris: list[BarisTna], *, judul: str, kolom: str, info: list[list[str]]) -> bytes:
    import io

    from django.utils.translation import gettext as _
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Kebutuhan pelatihan")[:31]
    ws.append([judul])
    ws["A1"].font = Font(bold=True, size=13)
    for row in info:
        ws.append(row)
    ws.append([])
    ws.append(
        [
            _("Bidang kompetensi"),
            _("Topik"),
            kolom,
            _("Pegawai dengan kebutuhan"),
            _("Sudah terdaftar/selesai"),
            _("Belum"),
            _("JP per orang (pelatihan termurah)"),
            _("JP dibutuhkan"),
        ]
    )
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for b in baris:
        ws.append(
            [
                b.bidang_label,
                b.topik,
                b.kolom if b.kolom_id is not None else _("Jumlah"),
                b.celah,
                b.sudah,
                b.sisa,
                float(b.jp_satuan) if b.jp_satuan is not None else None,
                float(b.jp_perlu) if b.jp_perlu is not None else None,
            ]
        )
        if b.kolom_id is None:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    for i, lebar in enumerate([18, 36, 36, 14, 14, 10, 16, 14]):
        ws.column_dimensions[chr(ord("A") + i)].width = lebar
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
