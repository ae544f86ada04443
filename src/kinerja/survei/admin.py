"""Django admin for the survey's rules as data (unsur wording, mutu table, settings)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import JenisLayanan, MutuSkm, PengaturanSurvei, UnitLayanan, UnsurSkm


@admin.register(UnsurSkm)
class UnsurSkmAdmin(SimpleHistoryAdmin):
    list_display = ["nomor", "nama", "label_1", "label_2", "label_3", "label_4"]


@admin.register(MutuSkm)
class MutuSkmAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "label", "ikm_min", "ikm_max"]


@admin.register(PengaturanSurvei)
class PengaturanSurveiAdmin(SimpleHistoryAdmin):
    list_display = ["instansi", "min_responden_petugas"]


class JenisLayananInline(admin.TabularInline):
    model = JenisLayanan
    extra = 0


@admin.register(UnitLayanan)
class UnitLayananAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "unit_kerja", "aktif"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["unit_kerja"]
    inlines = [JenisLayananInline]
