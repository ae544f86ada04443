"""Django admin: a read-only look at reports and realisasi (writes go through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import LaporanKegiatan, RealisasiBulanan, RealisasiManual


class _HanyaBaca(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LaporanKegiatan)
class LaporanAdmin(_HanyaBaca):
    list_display = ["tanggal", "pegawai", "status", "durasi_menit", "skor_mirip"]
    list_filter = ["status", "mirip_sumber"]
    search_fields = ["uraian", "pegawai__nip", "pegawai__nama"]
    raw_id_fields = ["pegawai", "skp", "rhk", "indikator", "mirip_dengan", "direview_oleh"]
    date_hierarchy = "tanggal"


@admin.register(RealisasiManual)
class RealisasiManualAdmin(_HanyaBaca):
    list_display = ["tanggal", "pegawai", "indikator", "nilai", "status"]
    list_filter = ["status"]
    raw_id_fields = ["pegawai", "indikator", "direview_oleh"]


@admin.register(RealisasiBulanan)
class RealisasiBulananAdmin(admin.ModelAdmin):
    list_display = ["indikator", "tahun", "bulan", "jumlah_laporan", "menit", "kuantitas", "manual"]
    raw_id_fields = ["indikator"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
