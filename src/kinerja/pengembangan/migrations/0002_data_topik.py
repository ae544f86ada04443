"""Seed the competency topics and the settings row (data an administrator can edit).

A topic tied to a BerAKHLAK value answers a Di Bawah Ekspektasi on that value; topics marked
`untuk_hasil_rendah` answer a Di Bawah Ekspektasi Rating Hasil Kerja (docs/pengembangan.md).
"""

from decimal import Decimal

from django.db import migrations

# (kode, nama, bidang, perilaku kode or None, untuk hasil rendah)
TOPIK = [
    ("manajemen-waktu", "Manajemen waktu", "manajerial", None, True),
    ("perencanaan-kerja", "Perencanaan dan pengendalian kerja", "manajerial", None, True),
    ("komunikasi-efektif", "Komunikasi efektif", "sosial_kultural", "harmonis", False),
    ("pelayanan-publik", "Pelayanan publik prima", "teknis", "berorientasi-pelayanan", False),
    ("integritas-antikorupsi", "Integritas dan antikorupsi", "sosial_kultural", "akuntabel", False),
    ("pengembangan-diri", "Pengembangan diri dan literasi belajar", "manajerial", "kompeten", False),
    ("literasi-digital", "Literasi digital", "teknis", "kompeten", True),
    ("wawasan-kebangsaan", "Wawasan kebangsaan dan bela negara", "sosial_kultural", "loyal", False),
    ("inovasi-perubahan", "Inovasi dan manajemen perubahan", "manajerial", "adaptif", False),
    ("kerja-sama-tim", "Kerja sama tim dan kolaborasi", "sosial_kultural", "kolaboratif", False),
    ("kepemimpinan", "Kepemimpinan", "manajerial", None, False),
    ("penyusunan-skp", "Penyusunan SKP dan manajemen kinerja", "teknis", None, True),
    ("pengelolaan-keuangan", "Pengelolaan keuangan daerah", "teknis", None, False),
    ("pengadaan-barang-jasa", "Pengadaan barang/jasa pemerintah", "teknis", None, False),
]


def isi(apps, schema_editor):
    Topik = apps.get_model("pengembangan", "TopikKompetensi")
    Perilaku = apps.get_model("skp", "PerilakuKerja")
    Pengaturan = apps.get_model("pengembangan", "PengaturanPengembangan")
    perilaku = {p.kode: p for p in Perilaku.objects.all()}
    for urutan, (kode, nama, bidang, perilaku_kode, hasil_rendah) in enumerate(TOPIK, start=1):
        Topik.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "bidang": bidang,
                "perilaku": perilaku.get(perilaku_kode) if perilaku_kode else None,
                "untuk_hasil_rendah": hasil_rendah,
                "urutan": urutan,
            },
        )
    if not Pengaturan.objects.exists():
        Pengaturan.objects.create(
            target_jp_tahunan=Decimal("20"), menit_per_jp=45, min_jawaban_denyut=10, min_peserta_efek=5
        )


def kosongkan(apps, schema_editor):
    apps.get_model("pengembangan", "TopikKompetensi").objects.filter(
        kode__in=[t[0] for t in TOPIK]
    ).delete()
    apps.get_model("pengembangan", "PengaturanPengembangan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pengembangan", "0001_initial"),
        ("skp", "0002_berakhlak"),
    ]

    operations = [migrations.RunPython(isi, kosongkan)]
