"""Django admin: the rule tables of the evaluation are data an admin BKPSDMD edits here
(matrix, distribution, proposal thresholds, leader mapping, angka kredit, TPP, settings).
Evaluations and keberatan are written only through the services; here they are read-only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AmbangUsulan,
    AturanDistribusi,
    Evaluasi,
    Keberatan,
    KoefisienAngkaKredit,
    KonversiPredikatOrganisasi,
    KonversiTpp,
    MatriksPredikat,
    PengaturanPenilaian,
    PersentaseAngkaKredit,
    PredikatOrganisasi,
)


@admin.register(MatriksPredikat)
class MatriksPredikatAdmin(SimpleHistoryAdmin):
    list_display = ["rating_hasil", "rating_perilaku", "predikat"]
    list_editable = ["predikat"]


@admin.register(AturanDistribusi)
class AturanDistribusiAdmin(SimpleHistoryAdmin):
    list_display = [
        "predikat_organisasi",
        "urutan",
        "jenis",
        "predikat_pegawai",
        "persen",
        "jumlah",
        "keterangan",
    ]
    list_filter = ["predikat_organisasi"]


@admin.register(AmbangUsulan)
class AmbangUsulanAdmin(SimpleHistoryAdmin):
    list_display = ["rating", "batas_bawah"]
    list_editable = ["batas_bawah"]


@admin.register(KonversiPredikatOrganisasi)
class KonversiPredikatOrganisasiAdmin(SimpleHistoryAdmin):
    list_display = ["predikat_organisasi", "rating_hasil"]
    list_editable = ["rating_hasil"]


@admin.register(KoefisienAngkaKredit)
class KoefisienAngkaKreditAdmin(SimpleHistoryAdmin):
    list_display = ["jenjang", "koefisien"]
    list_editable = ["koefisien"]


@admin.register(PersentaseAngkaKredit)
class PersentaseAngkaKreditAdmin(SimpleHistoryAdmin):
    list_display = ["predikat", "persen"]
    list_editable = ["persen"]


@admin.register(KonversiTpp)
class KonversiTppAdmin(SimpleHistoryAdmin):
    list_display = ["predikat", "persen"]
    list_editable = ["persen"]


@admin.register(PengaturanPenilaian)
class PengaturanPenilaianAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "batas_keberatan_hari",
        "tenggang_hari",
        "batas_capaian_persen",
        "batas_keputusan_hari",
        "pengingat_keputusan_hari",
    ]


class _HanyaBaca(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PredikatOrganisasi)
class PredikatOrganisasiAdmin(_HanyaBaca):
    list_display = ["unit", "jenis", "urutan", "mulai", "selesai", "predikat"]
    list_filter = ["jenis", "predikat"]


@admin.register(Evaluasi)
class EvaluasiAdmin(_HanyaBaca):
    list_display = ["pegawai", "jenis", "mulai", "selesai", "rating_hasil", "rating_perilaku"]
    list_filter = ["jenis", "status", "predikat"]
    raw_id_fields = ["pegawai", "pejabat_penilai", "skp"]


@admin.register(Keberatan)
class KeberatanAdmin(_HanyaBaca):
    list_display = ["evaluasi", "pegawai", "status", "keputusan", "diajukan_pada"]
    list_filter = ["status", "keputusan"]
