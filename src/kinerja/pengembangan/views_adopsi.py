"""Adoption view pages (part "adopsi"): the city per OPD, one OPD per unit, and the XLSX export.
Every number comes from kinerja.pengembangan.adopsi (a fixed handful of queries per page)."""

from __future__ import annotations

import io
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kinerja.common.akses import akses
from kinerja.pengembangan import adopsi as ad
from kinerja.pengembangan import selectors_adopsi as sel

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kolom(request: HttpRequest, urut: str, j: ad.Jendela) -> list[dict[str, Any]]:
    """Sortable column headers: a click sorts by the column, a second click reverses it."""
    label = {
        "nama": _("Nama"),
        "pegawai": _("Pegawai"),
        "skp": _("SKP disetujui"),
        "lapor": _("Melapor tiap minggu"),
        "umpan": _("Atasan memberi umpan balik"),
        "review": _("Rata-rata lama review"),
        "menunggu": _("Menunggu > %(n)s hari") % {"n": ad.HARI_TUNGGU_LAMA},
    }
    hasil = []
    for kunci, teks in label.items():
        aktif = urut.lstrip("-") == kunci
        berikut = (("" if urut.startswith("-") else "-") + kunci) if aktif else kunci
        query: dict[str, str | int] = {"jendela": j.hari, "urut": berikut}
        hasil.append(
            {
                "kunci": kunci,
                "label": teks,
                "href": "?" + urlencode(query),
                "aktif": aktif,
                "turun": aktif and urut.startswith("-"),
            }
        )
    return hasil


def _pilihan_urut() -> list[tuple[str, str]]:
    """The sort choices of the form (the column headers are hidden on phones)."""
    return [
        ("nama", _("Nama")),
        ("skp", _("SKP disetujui, terendah dulu")),
        ("lapor", _("Melapor tiap minggu, terendah dulu")),
        ("umpan", _("Atasan memberi umpan balik, terendah dulu")),
        ("-review", _("Review paling lama dulu")),
        ("-menunggu", _("Laporan menunggu terbanyak dulu")),
        ("-pegawai", _("Pegawai terbanyak dulu")),
    ]


def _konteks(request: HttpRequest, data: ad.Adopsi, judul: str) -> dict[str, Any]:
    baris, urut = ad.urutkan(data.baris, request.GET.get("urut", "nama"))
    if data.opd is not None and urut == "nama":  # the head office first, then the units
        baris = sorted(baris, key=lambda b: not b.kantor)
    pilihan_urut = _pilihan_urut()
    if urut not in dict(pilihan_urut):  # sorted by a column header: keep it on "Tampilkan"
        pilihan_urut.append((urut, _("Menurut kolom yang dipilih")))
    return {
        "data": data,
        "baris": baris,
        "judul": judul,
        "urut": urut,
        "kolom": _kolom(request, urut, data.jendela),
        "pilihan_jendela": ad.JENDELA_PILIHAN,
        "pilihan_urut": pilihan_urut,
        "batas_merah": ad.BATAS_MERAH,
        "batas_kuning": ad.BATAS_KUNING,
        "jam_kuning": ad.JAM_REVIEW_KUNING,
        "jam_merah": ad.JAM_REVIEW_MERAH,
        "hari_tunggu": ad.HARI_TUNGGU_LAMA,
    }


@akses(*sel.PERAN_ADOPSI)
def adopsi(request: HttpRequest) -> HttpResponse:
    """City roles: every OPD of the city. An OPD manager: their OPD's page (redirect), or their
    OPDs side by side when they manage more than one."""
    profil = sel.profil(request.user)
    j = ad.jendela(request.GET.get("jendela"))
    if sel.kota(profil):
        data = ad.per_opd(instansi_id=profil.instansi_id, j=j)
        return render(
            request,
            "pengembangan/adopsi_index.html",
            _konteks(request, data, _("Seluruh perangkat daerah")) | {"kota": True},
        )
    opd_ids = sel.opd_kelola(profil)
    if not opd_ids:
        raise Http404
    if len(opd_ids) == 1:
        url = reverse("pengembangan:adopsi_opd", args=[opd_ids[0]])
        return redirect(f"{url}?{urlencode({'jendela': j.hari})}")
    data = ad.per_opd(instansi_id=profil.instansi_id, j=j, opd_ids=opd_ids)
    return render(
        request,
        "pengembangan/adopsi_index.html",
        _konteks(request, data, _("Perangkat daerah yang Anda kelola")) | {"kota": False},
    )


@akses(*sel.PERAN_ADOPSI)
def adopsi_opd(request: HttpRequest, pk: int) -> HttpResponse:
    """One OPD: its head office and each direct unit (with everything below it)."""
    opd = sel.opd_untuk(request.user, pk)
    profil = sel.profil(request.user)
    j = ad.jendela(request.GET.get("jendela"))
    data = ad.per_unit(instansi_id=profil.instansi_id, j=j, opd=opd)
    return render(
        request,
        "pengembangan/adopsi_opd.html",
        _konteks(request, data, opd.nama)
        | {"kota": sel.kota(profil), "banyak_opd": len(sel.opd_kelola(profil)) > 1},
    )


def _xlsx(judul: str, data: ad.Adopsi, per_unit: bool) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = judul[:31]
    j = data.jendela
    ws.append([judul])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(
        [
            _("Jendela: %(n)s hari (%(a)s s.d. %(b)s)")
            % {"n": j.hari, "a": j.mulai.isoformat(), "b": j.hari_ini.isoformat()}
        ]
    )
    ws.append(
        [
            _("Periode SKP: %(p)s") % {"p": data.periode}
            if data.periode
            else _("Belum ada periode SKP berjalan")
        ]
    )
    ws.append([])
    kepala = [
        _("Unit kerja") if per_unit else _("OPD"),
        _("Pegawai"),
        _("SKP disetujui"),
        _("SKP disetujui (%)"),
        _("Melapor tiap minggu"),
        _("Melapor tiap minggu (%)"),
        _("Rata-rata minggu melapor (dari %(n)s)") % {"n": j.minggu},
        _("Atasan"),
        _("Atasan memberi umpan balik"),
        _("Atasan memberi umpan balik (%)"),
        _("Laporan direview"),
        _("Rata-rata lama review (jam)"),
        _("Menunggu review > %(n)s hari") % {"n": ad.HARI_TUNGGU_LAMA},
    ]
    ws.append(kepala)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for b in [*data.baris, data.total]:
        nama = b.nama if b.pk else _("Total")
        if b.kantor:
            nama = _("%(opd)s (kantor: pimpinan dan staf langsung)") % {"opd": b.nama}
        ws.append(
            [
                nama,
                b.pegawai,
                b.skp,
                b.persen_skp,
                b.lapor_rutin,
                b.persen_lapor,
                b.rata_minggu,
                b.atasan,
                b.atasan_umpan,
                b.persen_umpan,
                b.review_n,
                b.rata_review_jam,
                b.menunggu_lama,
            ]
        )
    ws.column_dimensions["A"].width = 48
    for kolom in "BCDEFGHIJKLM":
        ws.column_dimensions[kolom].width = 14
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@akses(*sel.PERAN_ADOPSI)
def adopsi_ekspor(request: HttpRequest) -> HttpResponse:
    """The table being viewed as XLSX: `?opd=<pk>` for one OPD's units, else the OPDs in scope."""
    profil = sel.profil(request.user)
    j = ad.jendela(request.GET.get("jendela"))
    opd_param = request.GET.get("opd", "")
    if opd_param.isdigit():
        opd = sel.opd_untuk(request.user, int(opd_param))
        data = ad.per_unit(instansi_id=profil.instansi_id, j=j, opd=opd)
        judul, nama = opd.nama, f"adopsi-opd-{opd.pk}-{j.hari}hari"
    elif sel.kota(profil):
        data = ad.per_opd(instansi_id=profil.instansi_id, j=j)
        judul, nama = _("Adopsi sistem per OPD"), f"adopsi-kota-{j.hari}hari"
    else:
        opd_ids = sel.opd_kelola(profil)
        if not opd_ids:
            raise Http404
        data = ad.per_opd(instansi_id=profil.instansi_id, j=j, opd_ids=opd_ids)
        judul, nama = _("Adopsi sistem per OPD"), f"adopsi-opd-{j.hari}hari"
    data.baris, _urut = ad.urutkan(data.baris, request.GET.get("urut", "nama"))
    response = HttpResponse(_xlsx(judul, data, per_unit=data.opd is not None))
    response["Content-Type"] = XLSX_TYPE
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response
