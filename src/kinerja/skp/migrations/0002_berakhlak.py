"""Seed the 7 BerAKHLAK core values with guidance indicators (SE MenPANRB 20/2021, as data)."""

from django.db import migrations

BERAKHLAK = [
    ("berorientasi-pelayanan", "Berorientasi Pelayanan", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("akuntabel", "Akuntabel", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("kompeten", "Kompeten", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("harmonis", "Harmonis", [
        "Menghargai setiap orang apa pun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("loyal", "Loyal", [
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("adaptif", "Adaptif", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("kolaboratif", "Kolaboratif", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ]),
]


def seed(apps, schema_editor):
    PerilakuKerja = apps.get_model("skp", "PerilakuKerja")
    for urutan, (kode, nama, panduan) in enumerate(BERAKHLAK, start=1):
        PerilakuKerja.objects.update_or_create(
            kode=kode, defaults={"nama": nama, "urutan": urutan, "indikator": "\n".join(panduan)}
        )


def unseed(apps, schema_editor):
    apps.get_model("skp", "PerilakuKerja").objects.filter(kode__in=[b[0] for b in BERAKHLAK]).delete()


class Migration(migrations.Migration):
    dependencies = [("skp", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
