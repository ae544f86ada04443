from django.contrib import admin
from django.http import HttpRequest

from .models import TokenApi


@admin.register(TokenApi)
class TokenApiAdmin(admin.ModelAdmin):
    """Admins see and revoke tokens; the key itself is never stored, so never shown."""

    list_display = (
        "prefix",
        "nama",
        "pegawai",
        "dibuat_pada",
        "terakhir_dipakai",
        "kedaluwarsa_pada",
        "dicabut_pada",
    )
    list_filter = ("dicabut_pada",)
    search_fields = ("prefix", "nama", "pegawai__nip", "pegawai__nama")
    raw_id_fields = ("pegawai",)
    readonly_fields = ("prefix", "kunci_hash", "dibuat_pada", "terakhir_dipakai")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
