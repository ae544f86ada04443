from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.pengembangan import models as m


@admin.register(m.PengaturanPengembangan)
class PengaturanPengembanganAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "target_jp_tahunan", "menit_per_jp", "min_jawaban_denyut"]


@admin.register(m.TopikKompetensi)
class TopikKompetensiAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "bidang", "perilaku", "untuk_hasil_rendah", "aktif"]
    list_filter = ["bidang", "aktif", "untuk_hasil_rendah"]
    search_fields = ["kode", "nama"]


@admin.register(m.Pelatihan)
class PelatihanAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "bidang", "bentuk", "jp", "mulai", "kuota", "aktif"]
    list_filter = ["bidang", "bentuk", "aktif"]
    search_fields = ["judul", "penyelenggara"]
    filter_horizontal = ["topik"]
    raw_id_fields = ["dibuat_oleh"]


@admin.register(m.Pendaftaran)
class PendaftaranAdmin(SimpleHistoryAdmin):
    list_display = ["pelatihan", "pegawai", "status", "jp", "selesai_pada"]
    list_filter = ["status"]
    raw_id_fields = ["pelatihan", "pegawai", "diajukan_oleh", "atasan", "diputus_oleh"]


@admin.register(m.PelatihanEksternal)
class PelatihanEksternalAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "pegawai", "jp", "selesai", "status"]
    list_filter = ["status", "bidang"]
    raw_id_fields = ["pegawai", "diverifikasi_oleh"]


@admin.register(m.CapaianJp)
class CapaianJpAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "tahun", "tanggal", "jp", "bidang"]
    list_filter = ["tahun", "bidang"]
    raw_id_fields = ["pegawai", "pendaftaran", "eksternal"]


@admin.register(m.KebutuhanPengembangan)
class KebutuhanPengembanganAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "tahun", "topik", "sumber"]
    list_filter = ["tahun", "sumber"]
    raw_id_fields = ["pegawai", "evaluasi", "umpan_balik", "dicatat_oleh"]


class AktivitasRencanaInline(admin.TabularInline):
    model = m.AktivitasRencana
    extra = 0
    raw_id_fields = ["pendaftaran", "dialog"]


@admin.register(m.RencanaPengembangan)
class RencanaPengembanganAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "tahun", "atasan", "status"]
    list_filter = ["tahun", "status"]
    raw_id_fields = ["pegawai", "atasan", "dibuat_oleh"]
    inlines = [AktivitasRencanaInline]


@admin.register(m.Pengumuman)
class PengumumanAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "mulai", "selesai", "penting"]
    filter_horizontal = ["target_opd"]
    raw_id_fields = ["dibuat_oleh"]


@admin.register(m.Panduan)
class PanduanAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "kategori", "urutan", "aktif"]
    list_filter = ["kategori", "aktif"]
    prepopulated_fields = {"slug": ["judul"]}
    raw_id_fields = ["diubah_oleh"]


class PertanyaanDenyutInline(admin.TabularInline):
    model = m.PertanyaanDenyut
    extra = 0


@admin.register(m.SurveiDenyut)
class SurveiDenyutAdmin(SimpleHistoryAdmin):
    # Answers are counters; they are not editable here (and no per-person view exists).
    list_display = ["judul", "mulai", "selesai", "aktif"]
    inlines = [PertanyaanDenyutInline]
    raw_id_fields = ["dibuat_oleh"]
