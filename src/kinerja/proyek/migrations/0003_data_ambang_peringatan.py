"""Seed the early-warning thresholds (editable later in the admin)."""

from decimal import Decimal

from django.db import migrations

# aturan: (kuning bila lebih dari, merah bila lebih dari, keterangan)
AMBANG = {
    "deviasi_fisik": (
        Decimal("10"),
        Decimal("20"),
        "Poin persen realisasi fisik di bawah rencana pada tanggal itu.",
    ),
    "milestone_terlambat": (
        Decimal("0"),
        Decimal("14"),
        "Hari keterlambatan tahapan yang belum selesai (kuning mulai 1 hari, merah lebih dari 14).",
    ),
    "serapan_anggaran": (
        Decimal("15"),
        Decimal("30"),
        "Poin persen pagu: realisasi keuangan di bawah rencana keuangan pada tanggal itu.",
    ),
    "kendala_terbuka": (
        Decimal("14"),
        Decimal("30"),
        "Umur (hari) kendala tertua yang belum selesai.",
    ),
    "kendala_kritis": (
        None,
        Decimal("0"),
        "Jumlah kendala bertingkat kritis yang belum selesai (satu saja sudah merah).",
    ),
}


def seed(apps, schema_editor):
    Ambang = apps.get_model("proyek", "AmbangPeringatan")
    for aturan, (kuning, merah, ket) in AMBANG.items():
        Ambang.objects.get_or_create(
            aturan=aturan, defaults={"kuning": kuning, "merah": merah, "keterangan": ket}
        )


class Migration(migrations.Migration):
    dependencies = [("proyek", "0002_proyek_lengkap")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
