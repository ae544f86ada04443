"""Django admin for admin BKPSDMD: the rule data (BerAKHLAK wording) and a read-only look at SKP.

SKP content is written only through the services (pages/API); here it is visible, not editable.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import PerilakuKerja, PeriodeKinerja, PerjanjianKinerja, Skp, SkpVersi, TemplateSkp


@admin.register(PerilakuKerja)
class PerilakuKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["urutan", "nama", "kode", "aktif"]
    list_editable = ["aktif"]
    ordering = ["urutan"]


@admin.register(PeriodeKinerja)
class PeriodeKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["tahun", "instansi", "mulai", "selesai", "kadensi", "status"]
    list_filter = ["status", "kadensi"]


class _HanyaBaca(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Skp)
class SkpAdmin(_HanyaBaca):
    list_display = ["pegawai_nama", "periode", "versi", "status", "aktif", "penilai_nama"]
    list_filter = ["status", "aktif", "periode"]
    search_fields = ["pegawai_nama", "pegawai__nip"]
    list_select_related = ["periode"]


@admin.register(SkpVersi)
class SkpVersiAdmin(admin.ModelAdmin):
    list_display = ["kode", "skp", "disetujui_oleh", "disetujui_pada"]
    search_fields = ["kode"]
    list_select_related = ["skp", "disetujui_oleh"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(_HanyaBaca):
    list_display = ["unit", "periode", "diubah_pada"]


@admin.register(TemplateSkp)
class TemplateSkpAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jabatan", "dibuat_oleh", "dibuat_pada"]
    raw_id_fields = ["jabatan", "dibuat_oleh"]
