# ruff: noqa: E501 — guide texts are long lines of prose
"""Seed the guide & FAQ pages (editable afterwards by admin BKPSDMD; rules per
/work/shared/domain.md). Plain text: a blank line separates paragraphs, "- " starts a list item.
Existing pages with the same slug are left alone (an admin may have edited them)."""

from django.db import migrations

PANDUAN = [
    (
        "cara-menyusun-skp",
        "Cara menyusun SKP",
        "SKP disusun pegawai, disetujui atasan, satu kali setahun.",
        """SKP (Sasaran Kinerja Pegawai) adalah rencana kerja Anda selama satu tahun. Anda yang menyusun, atasan langsung yang menyetujui.

Langkahnya:
- Buka menu SKP saya, lalu buat SKP untuk periode tahun ini (boleh menyalin SKP tahun lalu).
- Tulis Rencana Hasil Kerja (RHK): hasil apa yang akan Anda capai. Setiap RHK dikaitkan dengan RHK atasan yang Anda dukung (RHK pimpinan yang diintervensi). Atasan perlu membagikan RHK-nya lebih dulu.
- Untuk setiap RHK, isi paling sedikit satu indikator: aspeknya (kuantitas, kualitas, waktu atau biaya), target angka dan satuannya, misalnya 12 laporan atau 100 persen.
- Periksa lagi, lalu klik Ajukan. SKP terkirim ke atasan langsung.

Atasan memeriksa SKP Anda lalu menyetujui atau mengembalikannya dengan catatan. Bila dikembalikan, perbaiki sesuai catatan lalu ajukan lagi.

SKP dapat direvisi di tengah tahun (misalnya karena mutasi atau perubahan organisasi). Setiap versi disimpan. Perilaku kerja BerAKHLAK sudah tercantum otomatis; atasan boleh menambahkan ekspektasi khusus.""",
    ),
    (
        "cara-melaporkan-kegiatan",
        "Cara melaporkan pekerjaan",
        "Laporan kegiatan harian dengan bukti dukung, diperiksa atasan.",
        """Catat pekerjaan Anda saat itu juga, jangan ditumpuk di akhir bulan.

Langkahnya:
- Buka menu Laporan kegiatan, lalu tambah laporan.
- Pilih RHK atau indikator yang didukung pekerjaan itu, tulis uraian singkat dan lamanya waktu kerja.
- Lampirkan bukti dukung: berkas PDF, JPG, PNG, DOCX atau XLSX (paling besar 10 MB; foto diperkecil otomatis) atau tautan.
- Simpan. Laporan masuk ke daftar periksa atasan.

Atasan memeriksa laporan: disetujui, atau dikembalikan dengan catatan untuk diperbaiki. Laporan yang disetujui menambah realisasi indikator Anda, dan realisasi itu dipakai saat penilaian.""",
    ),
    (
        "rating-dan-predikat",
        "Cara kerja rating dan predikat",
        "Rating Hasil Kerja × Rating Perilaku Kerja menentukan predikat.",
        """Pada setiap penilaian, atasan langsung (pejabat penilai) memberikan dua rating:
- Rating Hasil Kerja: dari capaian RHK dan indikator Anda.
- Rating Perilaku Kerja: dari tujuh nilai BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif).

Setiap rating bernilai Di Atas Ekspektasi, Sesuai Ekspektasi, atau Di Bawah Ekspektasi.

Predikat didapat dari gabungan keduanya:
- Hasil Di Atas dan Perilaku Di Atas: Sangat Baik.
- Hasil Di Atas atau Sesuai, dengan Perilaku Sesuai: Baik. Hasil Sesuai dengan Perilaku Di Atas juga Baik.
- Perilaku Di Bawah, dengan Hasil Di Atas atau Sesuai: Kurang/Misconduct.
- Hasil Di Bawah dengan Perilaku Sesuai atau Di Atas: Butuh Perbaikan.
- Hasil Di Bawah dan Perilaku Di Bawah: Sangat Kurang.

Kurva distribusi: unit kerja lebih dulu mendapat predikat kinerja organisasi (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang). Predikat organisasi itu menentukan sebaran predikat pegawai yang wajar di unit tersebut; misalnya pada organisasi Istimewa paling banyak 70 persen pegawai Sangat Baik. Aplikasi memberi peringatan bila sebaran tidak sesuai dan membantu kalibrasi, tetapi tidak pernah mengubah predikat siapa pun secara diam-diam.""",
    ),
    (
        "cara-mengajukan-keberatan",
        "Cara mengajukan keberatan",
        "Paling lambat 14 hari, kepada atasan pejabat penilai.",
        """Bila Anda tidak setuju dengan hasil penilaian, Anda boleh mengajukan keberatan.

- Keberatan diajukan paling lambat 14 hari sejak Anda menerima (membuka) hasil penilaian yang sudah final.
- Keberatan ditujukan kepada atasan pejabat penilai, yaitu atasan dari atasan langsung Anda.
- Tuliskan alasannya dengan jelas dan lampirkan bukti bila ada.

Atasan pejabat penilai mendengar kedua pihak (boleh meminta klarifikasi dari pejabat penilai), lalu memutuskan: hasil tetap atau diubah. Keputusan itu final.

Caranya: buka menu Hasil penilaian saya, pilih hasil yang dimaksud, lalu klik Ajukan keberatan.""",
    ),
    (
        "pelatihan-dan-20-jp",
        "Pelatihan dan hak 20 JP",
        "Setiap ASN berhak paling sedikit 20 JP pengembangan kompetensi per tahun.",
        """Setiap ASN berhak mengikuti pengembangan kompetensi paling sedikit 20 JP (jam pelajaran) setiap tahun. 1 JP sama dengan 45 menit, jadi 20 JP kira-kira 15 jam.

Yang dihitung bukan hanya pelatihan di kelas (klasikal), tetapi juga e-learning, coaching, mentoring, magang dan job rotation.

Caranya:
- Pilih pelatihan dari katalog lalu daftar; atasan langsung menyetujui. Atasan juga dapat mendaftarkan Anda.
- Setelah selesai, unggah sertifikat (PDF, JPG atau PNG). JP pelatihan itu langsung tercatat.
- Pelatihan di luar katalog dapat Anda catat sendiri dengan sertifikat; JP-nya dihitung setelah diverifikasi admin BKPSDMD.

Aplikasi juga menyarankan pelatihan bila hasil penilaian menunjukkan kebutuhan, misalnya perilaku Kompeten Di Bawah Ekspektasi, beserta alasannya.""",
    ),
]

FAQ = [
    (
        "faq-lupa-password",
        "Saya lupa kata sandi. Bagaimana?",
        """Klik "Lupa kata sandi" di halaman masuk dan ikuti tautan yang dikirim ke e-mail Anda. Bila e-mail Anda belum tercatat, minta admin BKPSDMD mengatur ulang kata sandi.""",
    ),
    (
        "faq-atasan-salah",
        "Atasan saya di aplikasi keliru.",
        """Atasan ditentukan dari jabatan Anda di struktur organisasi. Hubungi operator OPD atau admin BKPSDMD agar data jabatan diperbaiki. Bila atasan sedang kosong, pelaksana tugas (Plt) yang tercatat menjadi atasan Anda.""",
    ),
    (
        "faq-rhk-atasan-belum-ada",
        "RHK atasan belum muncul saat saya menyusun SKP.",
        """Atasan perlu menyusun SKP-nya dan membagikan RHK-nya lebih dulu. Ingatkan atasan Anda; setelah itu RHK atasan dapat dipilih.""",
    ),
    (
        "faq-laporan-dikembalikan",
        "Laporan kegiatan saya dikembalikan. Apa yang harus saya lakukan?",
        """Baca catatan atasan pada laporan itu, perbaiki uraian atau bukti dukungnya, lalu simpan lagi. Laporan kembali ke daftar periksa atasan.""",
    ),
    (
        "faq-berapa-lama-jp",
        "Berapa lama 20 JP itu?",
        """1 JP = 45 menit. 20 JP = 900 menit, kira-kira 15 jam dalam setahun.""",
    ),
    (
        "faq-batas-keberatan",
        "Sampai kapan saya boleh mengajukan keberatan?",
        """Paling lambat 14 hari sejak Anda menerima hasil penilaian yang sudah final. Keberatan diputus oleh atasan pejabat penilai dan keputusannya final.""",
    ),
    (
        "faq-predikat-kurva",
        "Mengapa predikat di unit saya dibatasi kurva?",
        """Sebaran predikat pegawai mengikuti predikat kinerja organisasi unit Anda. Misalnya, bila unit berpredikat Baik, paling banyak 70 persen pegawainya Baik. Aplikasi hanya memberi peringatan kepada penilai; predikat Anda tidak diubah tanpa keputusan penilai.""",
    ),
    (
        "faq-survei-tanpa-nama",
        "Apakah survei denyut benar-benar tanpa nama?",
        """Yang dicatat atas nama Anda hanya bahwa Anda sudah mengisi, agar tidak terisi dua kali. Nilai Anda hanya ditambahkan ke hitungan OPD Anda dan komentar disimpan tanpa nama dan waktu. Hasil satu OPD baru ditampilkan bila paling sedikit 10 orang menjawab. Jangan menulis nama atau hal yang dapat mengenali Anda di komentar.""",
    ),
]


def isi(apps, schema_editor):
    Panduan = apps.get_model("pengembangan", "Panduan")
    ada = set(Panduan.objects.values_list("slug", flat=True))
    baru = []
    for urutan, (slug, judul, ringkasan, teks) in enumerate(PANDUAN, start=1):
        if slug not in ada:
            baru.append(
                Panduan(
                    slug=slug,
                    judul=judul,
                    kategori="panduan",
                    ringkasan=ringkasan,
                    isi=teks,
                    urutan=urutan,
                )
            )
    for urutan, (slug, judul, teks) in enumerate(FAQ, start=1):
        if slug not in ada:
            baru.append(Panduan(slug=slug, judul=judul, kategori="faq", isi=teks, urutan=urutan))
    Panduan.objects.bulk_create(baru)


def kosongkan(apps, schema_editor):
    apps.get_model("pengembangan", "Panduan").objects.filter(
        slug__in=[p[0] for p in PANDUAN] + [f[0] for f in FAQ]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("pengembangan", "0002_data_topik")]

    operations = [migrations.RunPython(isi, kosongkan)]
