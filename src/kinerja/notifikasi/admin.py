from django.contrib import admin

from .models import HariLibur, Notifikasi, Pengingat, PreferensiNotifikasi


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "nama", "instansi")
    list_filter = ("instansi",)
    date_hierarchy = "tanggal"
    search_fields = ("nama",)


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ("dibuat_pada", "penerima", "jenis", "judul", "dibaca_pada", "email")
    list_filter = ("jenis", "email")
    search_fields = ("judul", "penerima__nip", "penerima__nama")
    raw_id_fields = ("penerima",)
    date_hierarchy = "dibuat_pada"


@admin.register(PreferensiNotifikasi)
class PreferensiNotifikasiAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "email")
    list_filter = ("email",)
    raw_id_fields = ("pegawai",)


@admin.register(Pengingat)
class PengingatAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "jenis", "pegawai")
    list_filter = ("jenis",)
    raw_id_fields = ("pegawai",)
    date_hierarchy = "tanggal"
