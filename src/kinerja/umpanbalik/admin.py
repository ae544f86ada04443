"""Django admin: a read-only look at feedback and dialogs (written only through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import DialogKinerja, TindakLanjutDialog, UmpanBalik


class _HanyaBaca(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UmpanBalik)
class UmpanBalikAdmin(_HanyaBaca):
    list_display = ["dibuat_pada", "pegawai", "penulis", "sasaran", "permintaan", "induk"]
    list_filter = ["sasaran", "permintaan"]
    raw_id_fields = ["pegawai", "penulis", "pejabat", "skp", "induk", "laporan", "rhk"]
    search_fields = ["pegawai__nip", "pegawai__nama", "teks"]
    date_hierarchy = "dibuat_pada"


class TindakLanjutInline(admin.TabularInline):
    model = TindakLanjutDialog
    extra = 0
    raw_id_fields = ["pemilik"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DialogKinerja)
class DialogKinerjaAdmin(_HanyaBaca):
    list_display = [
        "tanggal",
        "pegawai",
        "atasan",
        "dikonfirmasi_pegawai_pada",
        "dikonfirmasi_atasan_pada",
    ]
    raw_id_fields = ["pegawai", "atasan", "dibuat_oleh", "skp"]
    search_fields = ["pegawai__nip", "pegawai__nama", "topik"]
    inlines = [TindakLanjutInline]
