"""National public holidays and cuti bersama 2025–2027 (data; admins edit them in Django admin).

2025 and 2026 follow the SKB 3 Menteri (libur nasional and cuti bersama; 18 August 2025 was added
in August 2025). 2027 has no SKB yet: the dates of the lunar/lunisolar holidays are estimates
marked "(perkiraan)" and there is no cuti bersama — an admin corrects them once the SKB is out.
"""

import datetime as dt

from django.db import migrations

LIBUR = [
    # 2025
    ("2025-01-01", "Tahun Baru 2025 Masehi"),
    ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
    ("2025-01-28", "Cuti bersama Tahun Baru Imlek"),
    ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
    ("2025-03-28", "Cuti bersama Hari Suci Nyepi"),
    ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947"),
    ("2025-03-31", "Hari Raya Idul Fitri 1446 H"),
    ("2025-04-01", "Hari Raya Idul Fitri 1446 H"),
    ("2025-04-02", "Cuti bersama Idul Fitri 1446 H"),
    ("2025-04-03", "Cuti bersama Idul Fitri 1446 H"),
    ("2025-04-04", "Cuti bersama Idul Fitri 1446 H"),
    ("2025-04-07", "Cuti bersama Idul Fitri 1446 H"),
    ("2025-04-18", "Wafat Yesus Kristus"),
    ("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2025-05-01", "Hari Buruh Internasional"),
    ("2025-05-12", "Hari Raya Waisak 2569 BE"),
    ("2025-05-13", "Cuti bersama Hari Raya Waisak"),
    ("2025-05-29", "Kenaikan Yesus Kristus"),
    ("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2025-06-01", "Hari Lahir Pancasila"),
    ("2025-06-06", "Hari Raya Idul Adha 1446 H"),
    ("2025-06-09", "Cuti bersama Idul Adha 1446 H"),
    ("2025-06-27", "Tahun Baru Islam 1447 H"),
    ("2025-08-17", "Hari Kemerdekaan Republik Indonesia"),
    ("2025-08-18", "Cuti bersama Hari Kemerdekaan Republik Indonesia"),
    ("2025-09-05", "Maulid Nabi Muhammad SAW"),
    ("2025-12-25", "Hari Raya Natal"),
    ("2025-12-26", "Cuti bersama Hari Raya Natal"),
    # 2026
    ("2026-01-01", "Tahun Baru 2026 Masehi"),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
    ("2026-03-20", "Cuti bersama Idul Fitri 1447 H"),
    ("2026-03-21", "Hari Raya Idul Fitri 1447 H"),
    ("2026-03-22", "Hari Raya Idul Fitri 1447 H"),
    ("2026-03-23", "Cuti bersama Idul Fitri 1447 H"),
    ("2026-03-24", "Cuti bersama Idul Fitri 1447 H"),
    ("2026-04-03", "Wafat Yesus Kristus"),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2026-05-01", "Hari Buruh Internasional"),
    ("2026-05-14", "Kenaikan Yesus Kristus"),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2026-05-27", "Hari Raya Idul Adha 1447 H"),
    ("2026-05-28", "Cuti bersama Idul Adha 1447 H"),
    ("2026-05-31", "Hari Raya Waisak 2570 BE"),
    ("2026-06-01", "Hari Lahir Pancasila"),
    ("2026-06-16", "Tahun Baru Islam 1448 H"),
    ("2026-08-17", "Hari Kemerdekaan Republik Indonesia"),
    ("2026-08-25", "Maulid Nabi Muhammad SAW"),
    ("2026-12-24", "Cuti bersama Hari Raya Natal"),
    ("2026-12-25", "Hari Raya Natal"),
    # 2027 (no SKB yet: lunar dates estimated, no cuti bersama)
    ("2027-01-01", "Tahun Baru 2027 Masehi"),
    ("2027-01-05", "Isra Mikraj Nabi Muhammad SAW (perkiraan)"),
    ("2027-02-06", "Tahun Baru Imlek 2578 Kongzili"),
    ("2027-03-08", "Hari Suci Nyepi Tahun Baru Saka 1949 (perkiraan)"),
    ("2027-03-10", "Hari Raya Idul Fitri 1448 H (perkiraan)"),
    ("2027-03-11", "Hari Raya Idul Fitri 1448 H (perkiraan)"),
    ("2027-03-26", "Wafat Yesus Kristus"),
    ("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2027-05-01", "Hari Buruh Internasional"),
    ("2027-05-06", "Kenaikan Yesus Kristus"),
    ("2027-05-17", "Hari Raya Idul Adha 1448 H (perkiraan)"),
    ("2027-05-20", "Hari Raya Waisak 2571 BE (perkiraan)"),
    ("2027-06-01", "Hari Lahir Pancasila"),
    ("2027-06-06", "Tahun Baru Islam 1449 H (perkiraan)"),
    ("2027-08-17", "Hari Kemerdekaan Republik Indonesia"),
    ("2027-08-15", "Maulid Nabi Muhammad SAW (perkiraan)"),
    ("2027-12-25", "Hari Raya Natal"),
]


def isi(apps, schema_editor):  # type: ignore[no-untyped-def]
    HariLibur = apps.get_model("notifikasi", "HariLibur")
    ada = set(
        HariLibur.objects.filter(instansi__isnull=True).values_list("tanggal", flat=True)
    )
    HariLibur.objects.bulk_create(
        HariLibur(instansi=None, tanggal=dt.date.fromisoformat(t), nama=nama)
        for t, nama in LIBUR
        if dt.date.fromisoformat(t) not in ada
    )


def hapus(apps, schema_editor):  # type: ignore[no-untyped-def]
    HariLibur = apps.get_model("notifikasi", "HariLibur")
    HariLibur.objects.filter(
        instansi__isnull=True, tanggal__in=[dt.date.fromisoformat(t) for t, _n in LIBUR]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("notifikasi", "0002_pengingat")]

    operations = [migrations.RunPython(isi, hapus)]
