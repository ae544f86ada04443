"""Seed the rule tables from shared/domain.md ("3. Penilaian", "4. Tindak lanjut").

All of them are data an administrator can edit in the Django admin; the unconfirmed ones are
marked in docs/penilaian.md.
"""

from decimal import Decimal

from django.db import migrations

# (rating hasil, rating perilaku) -> predikat — domain.md's table, cell by cell
MATRIKS = [
    ("di_atas", "di_bawah", "kurang"),
    ("di_atas", "sesuai", "baik"),
    ("di_atas", "di_atas", "sangat_baik"),
    ("sesuai", "di_bawah", "kurang"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "di_atas", "baik"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
    ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("di_bawah", "di_atas", "butuh_perbaikan"),
]

SEMUA = ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]

# predikat organisasi -> [(jenis, predikat pegawai, persen, jumlah, keterangan)]
DISTRIBUSI = {
    "istimewa": [
        ("paling_banyak", ["sangat_baik"], "70", None, "Paling banyak 70% Sangat Baik"),
        ("sisanya", SEMUA, None, None, "Sisanya predikat apa pun"),
    ],
    "baik": [
        ("paling_banyak", ["baik"], "70", None, "Paling banyak 70% Baik"),
        (
            "paling_sedikit",
            ["butuh_perbaikan", "kurang"],
            None,
            1,
            "Paling sedikit satu Butuh Perbaikan dan/atau Kurang",
        ),
        ("sisanya", ["sangat_baik", "sangat_kurang"], None, None, "Sisanya Sangat Baik atau Sangat Kurang"),
    ],
    "butuh_perbaikan": [
        ("paling_sedikit", ["butuh_perbaikan"], "60", None, "Paling sedikit 60% Butuh Perbaikan"),
        ("paling_banyak", ["sangat_baik"], "10", None, "Paling banyak 10% Sangat Baik"),
    ],
    "kurang": [
        ("paling_sedikit", ["kurang"], "60", None, "Paling sedikit 60% Kurang/Misconduct"),
        ("paling_sedikit", ["butuh_perbaikan"], "10", None, "Paling sedikit 10% Butuh Perbaikan"),
        ("paling_banyak", ["sangat_baik"], "10", None, "Paling banyak 10% Sangat Baik"),
    ],
    "sangat_kurang": [
        ("paling_sedikit", ["sangat_kurang"], "60", None, "Paling sedikit 60% Sangat Kurang"),
        (
            "paling_sedikit",
            ["kurang", "butuh_perbaikan"],
            "10",
            None,
            "Paling sedikit 10% Kurang dan/atau Butuh Perbaikan",
        ),
        ("paling_banyak", ["sangat_baik"], None, 0, "Tidak ada Sangat Baik"),
    ],
}

AMBANG = [("di_atas", "110"), ("sesuai", "80"), ("di_bawah", "0")]

PIMPINAN = [
    ("istimewa", "di_atas"),
    ("baik", "sesuai"),
    ("butuh_perbaikan", "di_bawah"),
    ("kurang", "di_bawah"),
    ("sangat_kurang", "di_bawah"),
]

KOEFISIEN = [
    ("ahli_pertama", "12.5"),
    ("ahli_muda", "25"),
    ("ahli_madya", "37.5"),
    ("ahli_utama", "50"),
    ("pemula", "3.75"),
    ("terampil", "5"),
    ("mahir", "12.5"),
    ("penyelia", "25"),
]

PERSEN_AK = [
    ("sangat_baik", "150"),
    ("baik", "100"),
    ("butuh_perbaikan", "75"),
    ("kurang", "50"),
    ("sangat_kurang", "25"),
]

TPP = [
    ("sangat_baik", "100"),
    ("baik", "100"),
    ("butuh_perbaikan", "75"),
    ("kurang", "50"),
    ("sangat_kurang", "25"),
]


def isi(apps, schema_editor):
    get = apps.get_model
    get("penilaian", "MatriksPredikat").objects.bulk_create(
        get("penilaian", "MatriksPredikat")(rating_hasil=h, rating_perilaku=p, predikat=k)
        for h, p, k in MATRIKS
    )
    Aturan = get("penilaian", "AturanDistribusi")
    for org, aturan in DISTRIBUSI.items():
        for i, (jenis, predikat, persen, jumlah, ket) in enumerate(aturan, start=1):
            Aturan.objects.create(
                predikat_organisasi=org,
                urutan=i,
                jenis=jenis,
                predikat_pegawai=predikat,
                persen=Decimal(persen) if persen is not None else None,
                jumlah=jumlah,
                keterangan=ket,
            )
    for rating, batas in AMBANG:
        get("penilaian", "AmbangUsulan").objects.create(rating=rating, batas_bawah=Decimal(batas))
    for org, rating in PIMPINAN:
        get("penilaian", "KonversiPredikatOrganisasi").objects.create(
            predikat_organisasi=org, rating_hasil=rating
        )
    for jenjang, koef in KOEFISIEN:
        get("penilaian", "KoefisienAngkaKredit").objects.create(
            jenjang=jenjang, koefisien=Decimal(koef)
        )
    for predikat, persen in PERSEN_AK:
        get("penilaian", "PersentaseAngkaKredit").objects.create(
            predikat=predikat, persen=Decimal(persen)
        )
    for predikat, persen in TPP:
        get("penilaian", "KonversiTpp").objects.create(predikat=predikat, persen=Decimal(persen))
    get("penilaian", "PengaturanPenilaian").objects.create()


def kosongkan(apps, schema_editor):
    for name in [
        "MatriksPredikat",
        "AturanDistribusi",
        "AmbangUsulan",
        "KonversiPredikatOrganisasi",
        "KoefisienAngkaKredit",
        "PersentaseAngkaKredit",
        "KonversiTpp",
        "PengaturanPenilaian",
    ]:
        apps.get_model("penilaian", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("penilaian", "0001_initial")]

    operations = [migrations.RunPython(isi, kosongkan)]
