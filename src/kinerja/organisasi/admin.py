from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Instansi, Jabatan, Pegawai, PemberianPeran, Penugasan, UnitKerja


@admin.register(Instansi)
class InstansiAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "kota"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "jenis", "parent", "ditutup_pada"]
    list_filter = ["jenis", "instansi"]
    search_fields = ["nama", "kode"]
    raw_id_fields = ["parent", "opd"]
    readonly_fields = ["path", "depth"]


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "jenis", "jenjang", "eselon", "unit", "kepala", "ditutup_pada"]
    list_filter = ["jenis", "kepala"]
    search_fields = ["nama", "kode"]
    raw_id_fields = ["unit", "parent"]


class PenugasanInline(admin.TabularInline):
    model = Penugasan
    extra = 0
    raw_id_fields = ["jabatan", "unit"]


@admin.register(Pegawai)
class PegawaiAdmin(UserAdmin, SimpleHistoryAdmin):
    ordering = ["nama"]
    list_display = ["nip", "nama", "status_asn", "golongan", "is_active"]
    list_filter = ["status_asn", "is_active", "is_staff"]
    search_fields = ["nip", "nama"]
    inlines = [PenugasanInline]
    fieldsets = (
        (None, {"fields": ("nip", "password")}),
        (
            _("Identitas"),
            {
                "fields": (
                    "nama",
                    "gelar_depan",
                    "gelar_belakang",
                    "status_asn",
                    "golongan",
                    "email",
                    "telepon",
                    "instansi",
                )
            },
        ),
        (_("Akses"), {"fields": ("is_active", "is_staff", "is_superuser", "harus_ganti_password")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("nip", "nama", "password1", "password2")}),
    )
    filter_horizontal = ()


@admin.register(PemberianPeran)
class PemberianPeranAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "peran", "unit", "mulai", "selesai"]
    list_filter = ["peran"]
    raw_id_fields = ["pegawai", "unit", "diberikan_oleh"]
