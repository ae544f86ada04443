"""Django admin: the early-warning thresholds (rules as data) and read access to projects."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AmbangPeringatan, AnggotaProyek, Kendala, Milestone, Proyek, RencanaBulanan


@admin.register(AmbangPeringatan)
class AmbangPeringatanAdmin(SimpleHistoryAdmin):
    list_display = ["aturan", "kuning", "merah", "aktif"]
    list_editable = ["kuning", "merah", "aktif"]


class AnggotaInline(admin.TabularInline):
    model = AnggotaProyek
    extra = 0
    raw_id_fields = ["pegawai"]


class RencanaInline(admin.TabularInline):
    model = RencanaBulanan
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Proyek)
class ProyekAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "opd", "tahun_anggaran", "status", "status_peringatan"]
    list_filter = ["status", "status_peringatan", "tahun_anggaran"]
    search_fields = ["nama", "kode"]
    raw_id_fields = ["opd", "unit_pelaksana", "pptk", "indikator_pk", "rhk", "dibuat_oleh"]
    readonly_fields = ["status_peringatan", "alasan_peringatan", "dihitung_pada"]
    inlines = [AnggotaInline, RencanaInline, MilestoneInline]


@admin.register(Kendala)
class KendalaAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "proyek", "tingkat", "status", "eskalasi"]
    list_filter = ["tingkat", "status", "eskalasi", "kategori"]
    raw_id_fields = ["proyek", "dilaporkan_oleh", "penanggung_jawab", "diselesaikan_oleh"]
