"""The monthly progress report of an OPD's projects (Laporan Perkembangan Pelaksanaan Kegiatan):
one data shape (`laporan_bulanan`) rendered as a page, a PDF (WeasyPrint) and an XLSX (openpyxl).

Every value is taken AS AT the end of the chosen month (today for the running month): the latest
progress update on or before that date, the planned S-curve at that date, the milestones not yet
done and the kendala open on that date, and the early warning recomputed for that date with the
same rules and thresholds as the dashboards (`peringatan.evaluasi`). A fixed number of queries,
whatever the number of projects.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kinerja.organisasi import hierarki
from kinerja.organisasi.models import Jabatan, JenisPenugasan, Pegawai, Penugasan, UnitKerja
from kinerja.organisasi.selectors import akses_pengguna

from . import peringatan
from .models import (
    Eskalasi,
    KategoriKendala,
    Kendala,
    Milestone,
    Peringatan,
    ProgresProyek,
    Proyek,
    RencanaBulanan,
    StatusProyek,
    TingkatKendala,
)

NOL = Decimal(0)
SERATUS = Decimal(100)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_RUPIAH = '"Rp" #,##0'
FORMAT_PERSEN = "0.00%"


def _dua(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rupiah(nilai: Decimal) -> str:
    return "Rp " + f"{nilai:,.0f}".replace(",", ".")


def persen(nilai: Decimal) -> str:
    teks = f"{_dua(nilai):f}".rstrip("0").rstrip(".")
    return teks.replace(".", ",") + "%"


# --- scope -------------------------------------------------------------------------------------


def opd_laporan_list(user: Pegawai | AnonymousUser) -> list[UnitKerja]:
    """OPDs whose report the user may take: city roles all, pimpinan/operator OPD their own."""
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    qs = UnitKerja.objects.filter(instansi_id=akses.instansi_id, parent__isnull=True)
    if not akses.kota:
        qs = qs.filter(pk__in=akses.opd_kelola_ids)
    return list(qs.order_by("nama"))


def opd_laporan_get(*, user: Pegawai | AnonymousUser, pk: int) -> UnitKerja:
    """One OPD in scope (another OPD: 404)."""
    akses = akses_pengguna(user)
    if akses is None:
        raise Http404
    qs = UnitKerja.objects.filter(instansi_id=akses.instansi_id, parent__isnull=True, pk=pk)
    if not akses.kota:
        qs = qs.filter(pk__in=akses.opd_kelola_ids)
    opd = qs.select_related("instansi").first()
    if opd is None:
        raise Http404
    return opd


# --- month -------------------------------------------------------------------------------------


def bulan_dari(teks: str | None, hari_ini: dt.date | None = None) -> dt.date:
    """'2026-11' → 1 Nov 2026; empty or malformed → the running month. Never after today."""
    hari_ini = hari_ini or timezone.localdate()
    kini = hari_ini.replace(day=1)
    try:
        tahun, bulan = (int(x) for x in str(teks or "").split("-"))
        hasil = dt.date(tahun, bulan, 1)
    except ValueError:
        return kini
    if not 2000 <= hasil.year <= 2100 or hasil > kini:
        return kini
    return hasil


def batas_bulan(bulan: dt.date, hari_ini: dt.date | None = None) -> dt.date:
    """The date the report looks at: the month's last day, or today in the running month."""
    hari_ini = hari_ini or timezone.localdate()
    akhir = bulan.replace(day=calendar.monthrange(bulan.year, bulan.month)[1])
    return min(akhir, hari_ini)


def pilihan_bulan(tahun: int, hari_ini: dt.date | None = None) -> list[tuple[str, str]]:
    """(value 'YYYY-MM', label 'November 2026') for the year's months up to today."""
    hari_ini = hari_ini or timezone.localdate()
    hasil = []
    for b in range(1, 13):
        d = dt.date(tahun, b, 1)
        if d > hari_ini:
            break
        hasil.append((f"{d:%Y-%m}", formats.date_format(d, "F Y")))
    return hasil


# --- data --------------------------------------------------------------------------------------


@dataclass
class KendalaLaporan:
    judul: str
    kategori: str
    tingkat: str
    tingkat_kode: str
    status: str
    eskalasi: str
    penanggung_jawab: str
    batas_waktu: dt.date | None
    dibuka: dt.date


@dataclass
class BarisLaporan:
    no: int
    proyek: Proyek
    pptk: str
    pagu: Decimal
    keuangan: Decimal
    keuangan_persen: Decimal
    keuangan_rencana_persen: Decimal
    fisik_rencana: Decimal
    fisik: Decimal
    deviasi: Decimal  # fisik − rencana (negative = behind plan)
    peringatan: str
    peringatan_label: str
    alasan: list[str]
    kendala: list[KendalaLaporan]
    progres_tanggal: dt.date | None

    @property
    def pagu_teks(self) -> str:
        return rupiah(self.pagu)

    @property
    def keuangan_teks(self) -> str:
        return rupiah(self.keuangan)

    @property
    def deviasi_teks(self) -> str:
        return ("+" if self.deviasi > 0 else "") + persen(self.deviasi)

    @property
    def fisik_teks(self) -> str:
        return persen(self.fisik)

    @property
    def fisik_rencana_teks(self) -> str:
        return persen(self.fisik_rencana)

    @property
    def keuangan_persen_teks(self) -> str:
        return persen(self.keuangan_persen)


@dataclass
class Penandatangan:
    nama: str
    nip: str
    pangkat: str
    jabatan: str
    plt: str = ""  # "Plt." / "Plh." when acting


@dataclass
class LaporanBulanan:
    opd: UnitKerja
    bulan: dt.date
    batas: dt.date
    baris: list[BarisLaporan] = field(default_factory=list)
    kepala: Penandatangan | None = None
    dicetak_pada: dt.datetime = field(default_factory=timezone.now)

    @property
    def judul_bulan(self) -> str:
        return formats.date_format(self.bulan, "F")

    @property
    def tahun(self) -> int:
        return self.bulan.year

    @property
    def pagu(self) -> Decimal:
        return sum((b.pagu for b in self.baris), NOL)

    @property
    def keuangan(self) -> Decimal:
        return sum((b.keuangan for b in self.baris), NOL)

    @property
    def serapan(self) -> Decimal:
        return _dua(self.keuangan * SERATUS / self.pagu) if self.pagu else NOL

    @property
    def fisik_rata(self) -> Decimal:
        """Physical progress weighted by pagu (plain mean when no pagu)."""
        if self.pagu:
            return _dua(sum((b.fisik * b.pagu for b in self.baris), NOL) / self.pagu)
        return (
            _dua(sum((b.fisik for b in self.baris), NOL) / len(self.baris)) if self.baris else NOL
        )

    @property
    def fisik_rencana_rata(self) -> Decimal:
        if self.pagu:
            return _dua(sum((b.fisik_rencana * b.pagu for b in self.baris), NOL) / self.pagu)
        if not self.baris:
            return NOL
        return _dua(sum((b.fisik_rencana for b in self.baris), NOL) / len(self.baris))

    @property
    def jumlah(self) -> dict[str, int]:
        hasil = dict.fromkeys(Peringatan.values, 0)
        for b in self.baris:
            hasil[b.peringatan] += 1
        return hasil

    @property
    def kendala_terbuka(self) -> int:
        return sum(len(b.kendala) for b in self.baris)

    @property
    def pagu_teks(self) -> str:
        return rupiah(self.pagu)

    @property
    def keuangan_teks(self) -> str:
        return rupiah(self.keuangan)

    @property
    def serapan_teks(self) -> str:
        return persen(self.serapan)

    @property
    def fisik_rata_teks(self) -> str:
        return persen(self.fisik_rata)

    @property
    def fisik_rencana_rata_teks(self) -> str:
        return persen(self.fisik_rencana_rata)

    @property
    def tempat(self) -> str:
        return self.opd.instansi.kota if self.opd.instansi_id else ""


def _tanggal_lokal(waktu: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(waktu).date() if waktu is not None else None


def kepala_opd(opd: UnitKerja, tanggal: dt.date) -> Penandatangan | None:
    """The kepala of the OPD at `tanggal` (Plt/Plh when acting), for the signature block."""
    jabatan = Jabatan.objects.filter(unit_id=opd.pk, kepala=True).order_by("pk").first()
    if jabatan is None:
        return None
    pemegang = hierarki.pemegang_efektif([jabatan.pk], tanggal).get(jabatan.pk)
    if pemegang is None:
        return None
    penugasan = (
        Penugasan.objects.aktif_pada(tanggal)
        .filter(jabatan=jabatan, pegawai_id=pemegang)
        .select_related("pegawai")
        .order_by("jenis")
        .first()
    )
    if penugasan is None:
        return None
    p = penugasan.pegawai
    plt = {JenisPenugasan.PLT: "Plt.", JenisPenugasan.PLH: "Plh."}.get(
        JenisPenugasan(penugasan.jenis), ""
    )
    from kinerja.skp.dokumen import pangkat_golongan

    return Penandatangan(
        nama=p.nama_lengkap,
        nip=p.nip,
        pangkat=pangkat_golongan(p.golongan),
        jabatan=jabatan.nama,
        plt=plt,
    )


def laporan_bulanan(
    opd: UnitKerja, bulan: dt.date, *, hari_ini: dt.date | None = None
) -> LaporanBulanan:
    """The report of `opd` for `bulan` (first day of a month): projects of that budget year."""
    batas = batas_bulan(bulan, hari_ini)
    laporan = LaporanBulanan(opd=opd, bulan=bulan, batas=batas)
    proyek = list(
        Proyek.objects.filter(opd=opd, tahun_anggaran=bulan.year)
        .exclude(status=StatusProyek.DIBATALKAN)
        .select_related("pptk")
        .order_by("kode", "nama", "pk")
    )
    ids = [p.pk for p in proyek]
    progres: dict[int, ProgresProyek] = {}
    for terbaru in ProgresProyek.objects.filter(proyek_id__in=ids, tanggal__lte=batas).order_by(
        "proyek_id", "-tanggal", "-pk"
    ):
        progres.setdefault(terbaru.proyek_id, terbaru)
    rencana: dict[int, list[peringatan.TitikRencana]] = {pk: [] for pk in ids}
    for r in RencanaBulanan.objects.filter(proyek_id__in=ids).order_by("bulan"):
        rencana[r.proyek_id].append(peringatan.TitikRencana(r.bulan, r.fisik, r.keuangan))
    tahapan: dict[int, list[peringatan.DataTahapan]] = {pk: [] for pk in ids}
    for m in Milestone.objects.filter(proyek_id__in=ids).filter(
        Q(selesai_pada__isnull=True) | Q(selesai_pada__gt=batas)
    ):
        tahapan[m.proyek_id].append(peringatan.DataTahapan(m.nama, m.jatuh_tempo, None))
    akhir_hari = timezone.make_aware(dt.datetime.combine(batas + dt.timedelta(days=1), dt.time()))
    kendala: dict[int, list[Kendala]] = {pk: [] for pk in ids}
    for k in (
        Kendala.objects.filter(proyek_id__in=ids, dibuat_pada__lt=akhir_hari)
        .filter(Q(diselesaikan_pada__isnull=True) | Q(diselesaikan_pada__gte=akhir_hari))
        .select_related("penanggung_jawab")
        .order_by("dibuat_pada", "pk")
    ):
        kendala[k.proyek_id].append(k)
    ambang = peringatan.ambang_aktif()
    urut_tingkat = {t: i for i, t in enumerate(reversed(TingkatKendala.values))}
    for no, p in enumerate(proyek, start=1):
        pr = progres.get(p.pk)
        fisik = pr.fisik if pr else NOL
        keuangan = pr.keuangan if pr else NOL
        hasil = peringatan.evaluasi(
            status_proyek=p.status,
            pagu=p.pagu,
            fisik=fisik,
            keuangan=keuangan,
            rencana=rencana[p.pk],
            tahapan=tahapan[p.pk],
            kendala=[
                peringatan.DataKendala(k.judul, k.tingkat, _tanggal_lokal(k.dibuat_pada), True)  # type: ignore[arg-type]
                for k in kendala[p.pk]
            ],
            ambang=ambang,
            hari_ini=batas,
        )
        daftar = sorted(kendala[p.pk], key=lambda k: urut_tingkat.get(k.tingkat, 9))
        laporan.baris.append(
            BarisLaporan(
                no=no,
                proyek=p,
                pptk=p.pptk.nama_lengkap if p.pptk else "",
                pagu=p.pagu,
                keuangan=keuangan,
                keuangan_persen=_dua(keuangan * SERATUS / p.pagu) if p.pagu else NOL,
                keuangan_rencana_persen=(
                    _dua(hasil.keuangan_rencana * SERATUS / p.pagu) if p.pagu else NOL
                ),
                fisik_rencana=hasil.fisik_rencana,
                fisik=fisik,
                deviasi=_dua(fisik - hasil.fisik_rencana),
                peringatan=hasil.status,
                peringatan_label=str(Peringatan(hasil.status).label),
                alasan=[peringatan.uraikan(a) for a in hasil.alasan],
                kendala=[
                    KendalaLaporan(
                        judul=k.judul,
                        kategori=str(KategoriKendala(k.kategori).label),
                        tingkat=str(TingkatKendala(k.tingkat).label),
                        tingkat_kode=k.tingkat,
                        status=k.get_status_display(),
                        eskalasi=str(Eskalasi(k.eskalasi).label),
                        penanggung_jawab=(
                            k.penanggung_jawab.nama_lengkap if k.penanggung_jawab else ""
                        ),
                        batas_waktu=k.batas_waktu,
                        dibuka=_tanggal_lokal(k.dibuat_pada),  # type: ignore[arg-type]
                    )
                    for k in daftar
                ],
                progres_tanggal=pr.tanggal if pr else None,
            )
        )
    laporan.kepala = kepala_opd(opd, batas)
    return laporan


# --- files -------------------------------------------------------------------------------------


def nama_berkas(laporan: LaporanBulanan, ext: str) -> str:
    kode = laporan.opd.kode or str(laporan.opd.pk)
    return f"Laporan-Proyek-{kode}-{laporan.bulan:%Y-%m}.{ext}"


def konteks(laporan: LaporanBulanan) -> dict[str, Any]:
    return {"l": laporan, "peringatan": Peringatan}


def laporan_pdf(laporan: LaporanBulanan) -> bytes:
    from kinerja.laporan.pdf import render_pdf

    return render_pdf("proyek/laporan_bulanan_pdf.html", konteks(laporan))


def laporan_xlsx(laporan: LaporanBulanan) -> bytes:
    """The same data as a workbook: numeric cells typed (Rp and % formats), kendala on sheet 2."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Laporan")
    tebal = Font(bold=True)
    instansi = laporan.opd.instansi.nama if laporan.opd.instansi_id else ""
    ws.append([instansi.upper()])
    ws.append([laporan.opd.nama.upper()])
    ws.append(
        [
            _("Laporan Perkembangan Pelaksanaan Kegiatan Bulan %(b)s Tahun %(t)s")
            % {"b": laporan.judul_bulan, "t": laporan.tahun}
        ]
    )
    ws.append([_("Keadaan sampai dengan"), laporan.batas])
    ws.cell(row=4, column=2).number_format = "DD/MM/YYYY"
    for r in (1, 2, 3):
        ws.cell(row=r, column=1).font = Font(bold=True, size=12 if r < 3 else 13)
    ws.append([])
    kolom = [
        _("No."),
        _("Kode"),
        _("Nama kegiatan"),
        _("Lokasi"),
        _("PPTK"),
        _("Pagu (Rp)"),
        _("Realisasi keuangan (Rp)"),
        _("Realisasi keuangan (%)"),
        _("Rencana keuangan (%)"),
        _("Fisik rencana (%)"),
        _("Fisik realisasi (%)"),
        _("Deviasi fisik (%)"),
        _("Status peringatan"),
        _("Alasan"),
        _("Kendala terbuka"),
    ]
    ws.append(kolom)
    header = ws.max_row
    isi = PatternFill("solid", fgColor="E8E8E8")
    for c in range(1, len(kolom) + 1):
        sel = ws.cell(row=header, column=c)
        sel.font = tebal
        sel.fill = isi
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for b in laporan.baris:
        ws.append(
            [
                b.no,
                b.proyek.kode,
                b.proyek.nama,
                b.proyek.lokasi,
                b.pptk,
                b.pagu,
                b.keuangan,
                b.keuangan_persen / SERATUS,
                b.keuangan_rencana_persen / SERATUS,
                b.fisik_rencana / SERATUS,
                b.fisik / SERATUS,
                b.deviasi / SERATUS,
                b.peringatan_label,
                "\n".join(b.alasan),
                len(b.kendala),
            ]
        )
        nomor = ws.max_row
        for c in (6, 7):
            ws.cell(row=nomor, column=c).number_format = FORMAT_RUPIAH
        for c in (8, 9, 10, 11, 12):
            ws.cell(row=nomor, column=c).number_format = FORMAT_PERSEN
        ws.cell(row=nomor, column=14).alignment = Alignment(wrap_text=True, vertical="top")
    ws.append(
        [
            None,
            None,
            _("Jumlah"),
            None,
            None,
            laporan.pagu,
            laporan.keuangan,
            laporan.serapan / SERATUS,
            None,
            laporan.fisik_rencana_rata / SERATUS,
            laporan.fisik_rata / SERATUS,
            (laporan.fisik_rata - laporan.fisik_rencana_rata) / SERATUS,
            None,
            None,
            laporan.kendala_terbuka,
        ]
    )
    total = ws.max_row
    for c in range(1, len(kolom) + 1):
        ws.cell(row=total, column=c).font = tebal
    for c in (6, 7):
        ws.cell(row=total, column=c).number_format = FORMAT_RUPIAH
    for c in (8, 10, 11, 12):
        ws.cell(row=total, column=c).number_format = FORMAT_PERSEN
    lebar = [5, 14, 44, 22, 26, 18, 18, 12, 12, 12, 12, 12, 12, 50, 10]
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"D{header + 1}"
    kepala = laporan.kepala
    if kepala is not None:
        ws.append([])
        ws.append([None, None, None, None, None, None, None, None, None, None, None, None,
                   f"{laporan.tempat}, {formats.date_format(laporan.batas, 'j F Y')}"])  # fmt: skip
        ws.append([None] * 12 + [f"{kepala.plt} {kepala.jabatan}".strip()])
        ws.append([None] * 12 + [kepala.nama])
        ws.append([None] * 12 + [kepala.pangkat])
        ws.append([None] * 12 + [f"NIP {kepala.nip}"])

    wk = wb.create_sheet(_("Kendala"))
    kolom_k = [
        _("No. kegiatan"),
        _("Nama kegiatan"),
        _("Kendala"),
        _("Kategori"),
        _("Tingkat"),
        _("Status"),
        _("Eskalasi"),
        _("Penanggung jawab"),
        _("Dibuka"),
        _("Batas waktu"),
    ]
    wk.append(kolom_k)
    for c in range(1, len(kolom_k) + 1):
        wk.cell(row=1, column=c).font = tebal
        wk.cell(row=1, column=c).fill = isi
    for b in laporan.baris:
        for k in b.kendala:
            wk.append(
                [
                    b.no,
                    b.proyek.nama,
                    k.judul,
                    k.kategori,
                    k.tingkat,
                    k.status,
                    k.eskalasi,
                    k.penanggung_jawab,
                    k.dibuka,
                    k.batas_waktu,
                ]
            )
            for c in (9, 10):
                wk.cell(row=wk.max_row, column=c).number_format = "DD/MM/YYYY"
    for i, w in enumerate([10, 40, 40, 14, 10, 12, 18, 26, 12, 12], start=1):
        wk.column_dimensions[get_column_letter(i)].width = w
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
