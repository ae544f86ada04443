"""The regulation's tables as seed data (PermenPANRB 14/2017): the 9 unsur with the wording of
their four answers, and the mutu ranges. Seeded by a data migration, then edited by admins."""

from decimal import Decimal

UNSUR = [
    (
        1,
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis"
        " pelayanannya?",
        "Tidak sesuai",
        "Kurang sesuai",
        "Sesuai",
        "Sangat sesuai",
    ),
    (
        2,
        "Sistem, mekanisme dan prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "Tidak mudah",
        "Kurang mudah",
        "Mudah",
        "Sangat mudah",
    ),
    (
        3,
        "Waktu penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "Tidak cepat",
        "Kurang cepat",
        "Cepat",
        "Sangat cepat",
    ),
    (
        4,
        "Biaya/tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "Sangat mahal",
        "Cukup mahal",
        "Murah",
        "Gratis",
    ),
    (
        5,
        "Produk spesifikasi jenis pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam"
        " standar pelayanan dengan hasil yang diberikan?",
        "Tidak sesuai",
        "Kurang sesuai",
        "Sesuai",
        "Sangat sesuai",
    ),
    (
        6,
        "Kompetensi pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "Tidak kompeten",
        "Kurang kompeten",
        "Kompeten",
        "Sangat kompeten",
    ),
    (
        7,
        "Perilaku pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan"
        " keramahan?",
        "Tidak sopan dan ramah",
        "Kurang sopan dan ramah",
        "Sopan dan ramah",
        "Sangat sopan dan ramah",
    ),
    (
        8,
        "Sarana dan prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "Buruk",
        "Cukup",
        "Baik",
        "Sangat baik",
    ),
    (
        9,
        "Penanganan pengaduan, saran dan masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ),
]

MUTU = [
    ("A", "Sangat Baik", "88.31", "100.00"),
    ("B", "Baik", "76.61", "88.30"),
    ("C", "Kurang Baik", "65.00", "76.60"),
    ("D", "Tidak Baik", "25.00", "64.99"),
]


def pastikan_aturan(unsur_model: type, mutu_model: type) -> None:
    """Create the rows that are missing (never overwrites an admin's edits)."""
    for nomor, nama, pertanyaan, l1, l2, l3, l4 in UNSUR:
        unsur_model.objects.get_or_create(  # type: ignore[attr-defined]
            nomor=nomor,
            defaults={
                "nama": nama,
                "pertanyaan": pertanyaan,
                "label_1": l1,
                "label_2": l2,
                "label_3": l3,
                "label_4": l4,
            },
        )
    for kode, label, lo, hi in MUTU:
        mutu_model.objects.get_or_create(  # type: ignore[attr-defined]
            kode=kode, defaults={"label": label, "ikm_min": Decimal(lo), "ikm_max": Decimal(hi)}
        )
