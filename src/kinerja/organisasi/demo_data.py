"""The shape of the demo city (Pemerintah Kota Pangkalpinang), as data read by `demo.py`.

Names follow the usual structure of a kota's perangkat daerah; they are illustrative, not the
current Perda. Kelurahan are the real 42 kelurahan of Pangkalpinang per kecamatan.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import JenisJabatan, JenisUnit


@dataclass(frozen=True)
class Profil:
    """A non-structural jabatan: who holds it (gelar options) and how many (bobot)."""

    nama: str
    jenjang: str = ""  # empty: pelaksana
    gelar: tuple[str, ...] = ("",)  # "depan|belakang" or just "belakang"
    bobot: float = 1.0  # relative share of the unit's staff
    pppk: float = 0.15  # relative chance that a holder is PPPK

    @property
    def jenis(self) -> str:
        return JenisJabatan.FUNGSIONAL if self.jenjang else JenisJabatan.PELAKSANA

    @property
    def nama_jabatan(self) -> str:
        if not self.jenjang:
            return self.nama
        return f"{self.nama} {self.jenjang.replace('_', ' ').title()}"


@dataclass(frozen=True)
class Bidang:
    nama: str
    anak: tuple[str, ...] = ()  # seksi / subbidang / subbagian
    jf: tuple[str, ...] = ()  # fungsional in every child (else the OPD's, sampled)
    jenis: str = JenisUnit.BIDANG
    kepala: str = ""  # jabatan name of the head; default "Kepala <nama>"


def bid(nama: str, *anak: str, jf: tuple[str, ...] = (), kepala: str = "") -> Bidang:
    return Bidang(nama, anak, jf, JenisUnit.BIDANG, kepala)


def bag(nama: str, *anak: str, jf: tuple[str, ...] = ()) -> Bidang:
    return Bidang(nama, anak, jf, JenisUnit.BAGIAN)


@dataclass(frozen=True)
class Opd:
    kode: str
    nama: str
    singkatan: str
    kepala: str
    bobot: float  # relative share of the city's staff
    bidang: tuple[Bidang, ...]
    jf: tuple[str, ...] = ()
    gelar: tuple[str, ...] = ()  # extra gelar options for its structural heads
    sekretariat: bool = True
    jenis: str = JenisUnit.OPD


PELAKSANA = (
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Operator Layanan Operasional",
    "Pengelola Layanan Operasional",
    "Pengelola Umum Operasional",
)
GELAR_PELAKSANA = (
    *[""] * 9,
    *["A.Md."] * 3,
    "A.Md.Ak.",
    "A.Md.Kom.",
    "S.E.",
    "S.E.",
    "S.Kom.",
    "S.Sos.",
    "S.Sos.",
    "S.H.",
    "S.AP.",
    "S.IP.",
    "S.Ak.",
)
GELAR_JPT = (
    "Drs.|M.Si.",
    "S.STP., M.Si.",
    "S.E., M.M.",
    "S.H., M.H.",
    "Ir.|M.T.",
    "S.Sos., M.Si.",
    "S.T., M.T.",
    "Dr.|S.E., M.Si.",
    "S.IP., M.AP.",
)
GELAR_ADMINISTRATOR = (
    "S.Sos., M.Si.",
    "S.E., M.M.",
    "S.H., M.H.",
    "S.STP., M.Si.",
    "S.Kom., M.Kom.",
    "S.T.",
    "S.E.",
    "S.H.",
    "S.IP., M.AP.",
    "Drs.|M.Si.",
    "S.Pd., M.Pd.",
)
GELAR_PENGAWAS = (
    "S.E.",
    "S.Sos.",
    "S.H.",
    "S.Kom.",
    "S.T.",
    "S.AP.",
    "S.IP.",
    "S.STP.",
    "S.E., M.M.",
    "S.Ak.",
    "S.Sos., M.Si.",
)


def _jf(nama: str, jenjang: str, *gelar: str, bobot: float = 1.0, pppk: float = 0.1) -> Profil:
    return Profil(nama, jenjang, gelar or ("",), bobot, pppk)


P1, MUDA, MADYA = "ahli_pertama", "ahli_muda", "ahli_madya"
TRAMPIL, MAHIR = "terampil", "mahir"

JF: dict[str, Profil] = {
    "guru_sd_1": _jf("Guru Kelas", P1, "S.Pd.", "S.Pd.", "S.Pd.SD", bobot=6, pppk=0.5),
    "guru_sd_2": _jf("Guru Kelas", MUDA, "S.Pd.", "S.Pd., M.Pd.", bobot=3, pppk=0.1),
    "guru_pai_1": _jf("Guru Pendidikan Agama Islam", P1, "S.Pd.I.", "S.Ag.", pppk=0.4),
    "guru_pjok_1": _jf("Guru Pendidikan Jasmani dan Kesehatan", P1, "S.Pd.", "S.Or.", pppk=0.4),
    "guru_mapel_1": _jf("Guru Mata Pelajaran", P1, "S.Pd.", "S.Pd.", "S.Si.", bobot=6, pppk=0.5),
    "guru_mapel_2": _jf("Guru Mata Pelajaran", MUDA, "S.Pd.", "S.Pd., M.Pd.", bobot=3, pppk=0.1),
    "guru_bk_1": _jf("Guru Bimbingan dan Konseling", P1, "S.Pd.", "S.Psi.", pppk=0.4),
    "dokter_1": _jf("Dokter", P1, "dr.|", pppk=0.2),
    "dokter_2": _jf("Dokter", MUDA, "dr.|", "dr.|M.Kes.", bobot=0.5, pppk=0.05),
    "dokter_sp": _jf(
        "Dokter Spesialis",
        MUDA,
        "dr.|Sp.PD",
        "dr.|Sp.A",
        "dr.|Sp.OG",
        "dr.|Sp.B",
        "dr.|Sp.An",
        "dr.|Sp.Rad",
        pppk=0.05,
    ),
    "dokter_gigi_1": _jf("Dokter Gigi", P1, "drg.|", bobot=0.5, pppk=0.2),
    "perawat_t": _jf("Perawat", TRAMPIL, "A.Md.Kep.", bobot=4, pppk=0.45),
    "perawat_1": _jf("Perawat", P1, "S.Kep., Ners", bobot=2, pppk=0.3),
    "bidan_t": _jf("Bidan", TRAMPIL, "A.Md.Keb.", bobot=3, pppk=0.45),
    "bidan_1": _jf("Bidan", P1, "S.Tr.Keb.", "S.Keb., Bd.", bobot=0.7, pppk=0.3),
    "apoteker_1": _jf("Apoteker", P1, "apt.|S.Farm.", bobot=0.5, pppk=0.2),
    "lab_t": _jf("Pranata Laboratorium Kesehatan", TRAMPIL, "A.Md.AK.", bobot=0.7, pppk=0.3),
    "gizi_t": _jf("Nutrisionis", TRAMPIL, "A.Md.Gz.", bobot=0.5, pppk=0.3),
    "sanitarian_t": _jf("Tenaga Sanitasi Lingkungan", TRAMPIL, "A.Md.KL.", bobot=0.5, pppk=0.3),
    "radiografer_t": _jf("Radiografer", TRAMPIL, "A.Md.Rad.", bobot=0.5, pppk=0.3),
    "rekam_medis_t": _jf("Perekam Medis", TRAMPIL, "A.Md.RMIK.", bobot=0.7, pppk=0.3),
    "penyuluh_kesmas_1": _jf("Penyuluh Kesehatan Masyarakat", P1, "S.KM.", bobot=0.5),
    "epidemiolog_1": _jf("Epidemiolog Kesehatan", P1, "S.KM.", bobot=0.5),
    "adm_kesehatan_1": _jf("Administrator Kesehatan", P1, "S.KM.", bobot=0.5),
    "analis_sdm_1": _jf("Analis SDM Aparatur", P1, "S.Psi.", "S.Sos.", "S.AP."),
    "analis_sdm_2": _jf("Analis SDM Aparatur", MUDA, "S.Psi.", "S.Sos., M.Si.", bobot=0.6),
    "pranata_sdm_t": _jf("Pranata SDM Aparatur", TRAMPIL, "A.Md.", bobot=0.8),
    "auditor_1": _jf("Auditor", P1, "S.E.", "S.Ak."),
    "auditor_2": _jf("Auditor", MUDA, "S.E., Ak.", "S.E., M.Ak.", bobot=0.8, pppk=0.0),
    "p2upd_1": _jf(
        "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", P1, "S.H.", "S.IP.", "S.STP."
    ),
    "perencana_1": _jf("Perencana", P1, "S.E.", "S.T.", "S.P.", "S.Si.", pppk=0.05),
    "perencana_2": _jf("Perencana", MUDA, "S.E., M.Si.", "S.T., M.T.", bobot=0.5, pppk=0.0),
    "analis_kebijakan_1": _jf("Analis Kebijakan", P1, "S.IP.", "S.Sos.", "S.H.", bobot=0.5),
    "analis_keuangan_1": _jf("Analis Keuangan Pusat dan Daerah", P1, "S.E.", "S.Ak."),
    "analis_hukum_1": _jf("Analis Hukum", P1, "S.H.", bobot=0.7),
    "perancang_1": _jf("Perancang Peraturan Perundang-undangan", P1, "S.H.", "S.H., M.H."),
    "humas_t": _jf("Pranata Hubungan Masyarakat", TRAMPIL, "A.Md.", "A.Md.Kom.", bobot=0.5),
    "komputer_1": _jf("Pranata Komputer", P1, "S.Kom.", "S.T.", pppk=0.15),
    "komputer_t": _jf("Pranata Komputer", TRAMPIL, "A.Md.Kom.", "A.Md.T.", pppk=0.2),
    "statistisi_1": _jf("Statistisi", P1, "S.Stat.", "S.Si.", bobot=0.5),
    "sandiman_t": _jf("Sandiman", TRAMPIL, "A.Md.", bobot=0.5),
    "arsiparis_t": _jf("Arsiparis", TRAMPIL, "A.Md.", "A.Md.Ars.", bobot=0.5),
    "pustakawan_1": _jf("Pustakawan", P1, "S.IP.", "S.Hum."),
    "pustakawan_t": _jf("Pustakawan", TRAMPIL, "A.Md.", pppk=0.2),
    "adminduk_1": _jf("Administrator Database Kependudukan", P1, "S.Kom.", "S.T."),
    "pol_pp_t": _jf("Polisi Pamong Praja", TRAMPIL, "", bobot=5, pppk=0.3),
    "pol_pp_m": _jf("Polisi Pamong Praja", MAHIR, "", "S.H.", bobot=2),
    "damkar_t": _jf("Pemadam Kebakaran", TRAMPIL, "", bobot=3, pppk=0.3),
    "penguji_kb_t": _jf("Penguji Kendaraan Bermotor", TRAMPIL, "", "A.Md.T."),
    "pekerja_sosial_1": _jf("Pekerja Sosial", P1, "S.Sos.", "S.Tr.Sos."),
    "penyuluh_sosial_1": _jf("Penyuluh Sosial", P1, "S.Sos.", bobot=0.5),
    "penyuluh_tani_1": _jf("Penyuluh Pertanian", P1, "S.P.", "S.Pt.", "S.Pi.", pppk=0.3),
    "penyuluh_tani_t": _jf("Penyuluh Pertanian", TRAMPIL, "A.Md.P.", pppk=0.4),
    "medik_vet_1": _jf("Medik Veteriner", P1, "drh.|", bobot=0.5),
    "paramedik_vet_t": _jf("Paramedik Veteriner", TRAMPIL, "A.Md.Pt.", bobot=0.5),
    "pengawas_koperasi_1": _jf("Pengawas Koperasi", P1, "S.E.", bobot=0.5),
    "penera_t": _jf("Penera", TRAMPIL, "A.Md.", bobot=0.5),
    "mediator_1": _jf("Mediator Hubungan Industrial", P1, "S.H.", bobot=0.5),
    "pengantar_kerja_1": _jf("Pengantar Kerja", P1, "S.Psi.", "S.Sos.", bobot=0.5),
    "dampak_lingkungan_1": _jf("Pengendali Dampak Lingkungan", P1, "S.T.", "S.Si.", bobot=0.7),
    "penata_ruang_1": _jf("Penata Ruang", P1, "S.T.", "S.PWK.", bobot=0.7),
    "teknik_jalan_1": _jf("Teknik Jalan dan Jembatan", P1, "S.T."),
    "teknik_air_1": _jf("Teknik Pengairan", P1, "S.T.", bobot=0.7),
    "teknik_bangunan_1": _jf("Teknik Tata Bangunan dan Perumahan", P1, "S.T.", bobot=0.7),
    "penata_bencana_1": _jf("Penata Penanggulangan Bencana", P1, "S.T.", "S.Si.", "S.Sos."),
    "pbj_1": _jf("Pengelola Pengadaan Barang/Jasa", P1, "S.E.", "S.T."),
    "pamong_budaya_1": _jf("Pamong Budaya", P1, "S.S.", "S.Hum.", bobot=0.5),
    "adyatama_1": _jf("Adyatama Kepariwisataan dan Ekonomi Kreatif", P1, "S.Par.", bobot=0.5),
    "ketahanan_pangan_1": _jf("Analis Ketahanan Pangan", P1, "S.P.", "S.TP.", bobot=0.5),
    "penggerak_swadaya_1": _jf("Penggerak Swadaya Masyarakat", P1, "S.Sos.", bobot=0.5),
}

SUBBAGIAN_SEKRETARIAT = (
    ("Subbagian Umum dan Kepegawaian", ("arsiparis_t", "pranata_sdm_t")),
    ("Subbagian Keuangan", ("analis_keuangan_1",)),
    ("Subbagian Perencanaan dan Pelaporan", ("perencana_1",)),
)

# Setda: three asisten (JPT II.b, no unit of their own) each over some bagian (by index).
ASISTEN_SETDA = (
    ("Asisten Pemerintahan dan Kesejahteraan Rakyat", (0, 1, 2)),
    ("Asisten Perekonomian dan Pembangunan", (3, 4, 5)),
    ("Asisten Administrasi Umum", (6, 7, 8)),
)

NAKES_PUSKESMAS = (
    "dokter_1",
    "dokter_gigi_1",
    "perawat_t",
    "perawat_1",
    "bidan_t",
    "bidan_1",
    "apoteker_1",
    "lab_t",
    "gizi_t",
    "sanitarian_t",
)
GURU_SD = ("guru_sd_1", "guru_sd_2", "guru_pai_1", "guru_pjok_1")
GURU_SMP = ("guru_mapel_1", "guru_mapel_2", "guru_bk_1", "guru_pjok_1")
GELAR_KEPALA_SEKOLAH = ("S.Pd.", "S.Pd., M.Pd.", "S.Pd.", "S.Pd.SD", "S.Si., M.Pd.")
GELAR_KEPALA_PUSKESMAS = ("dr.|", "dr.|M.Kes.", "S.KM., M.Kes.", "S.Kep., Ners", "drg.|")
GELAR_KESEHATAN = ("dr.|M.Kes.", "S.KM., M.Kes.", "S.Kep., Ners", "dr.|M.M.", "apt.|S.Farm.")

PUSKESMAS = (
    "Taman Bunga",
    "Gerunggang",
    "Kacang Pedang",
    "Melintang",
    "Pangkalbalam",
    "Selindung",
    "Girimaya",
    "Pasir Putih",
    "Air Itam",
)
SD_NEGERI = 43  # at the full size; fewer with fewer pegawai
SMP_NEGERI = 10

KECAMATAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Taman Sari", ("Batin Tikal", "Gedung Nasional", "Kejaksaan", "Opas Indah", "Rawa Bangun")),
    (
        "Rangkui",
        (
            "Asam",
            "Bintang",
            "Gajah Mada",
            "Keramat",
            "Masjid Jamik",
            "Melintang",
            "Parit Lalang",
            "Pintu Air",
        ),
    ),
    ("Pangkalbalam", ("Ampui", "Ketapang", "Lontong Pancur", "Pasir Garam", "Rejosari")),
    (
        "Gabek",
        (
            "Air Salemba",
            "Gabek Dua",
            "Gabek Satu",
            "Jerambah Gantung",
            "Selindung",
            "Selindung Baru",
        ),
    ),
    (
        "Bukit Intan",
        (
            "Air Itam",
            "Air Mawar",
            "Bacang",
            "Pasir Putih",
            "Semabung Lama",
            "Sinar Bulan",
            "Temberan",
        ),
    ),
    ("Girimaya", ("Batu Intan", "Bukit Besar", "Pasar Padi", "Semabung Baru", "Sriwijaya")),
    (
        "Gerunggang",
        (
            "Air Kepala Tujuh",
            "Bukit Merapin",
            "Bukit Sari",
            "Kacang Pedang",
            "Taman Bunga",
            "Tua Tunu Indah",
        ),
    ),
)
SEKSI_KECAMATAN = (
    "Seksi Tata Pemerintahan",
    "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Pemberdayaan Masyarakat dan Kelurahan",
    "Seksi Kesejahteraan Sosial",
)
BOBOT_KECAMATAN = 1.3

OPD: tuple[Opd, ...] = (
    Opd(
        "SETDA",
        "Sekretariat Daerah",
        "Setda",
        "Sekretaris Daerah",
        3.0,
        (
            bag(
                "Bagian Tata Pemerintahan",
                "Subbagian Pemerintahan Umum",
                "Subbagian Otonomi Daerah dan Kerja Sama",
            ),
            bag(
                "Bagian Hukum",
                "Subbagian Peraturan Perundang-undangan",
                "Subbagian Bantuan Hukum",
                "Subbagian Dokumentasi dan Informasi Hukum",
                jf=("analis_hukum_1", "perancang_1"),
            ),
            bag(
                "Bagian Kesejahteraan Rakyat",
                "Subbagian Bina Mental Spiritual",
                "Subbagian Kesejahteraan Masyarakat",
            ),
            bag(
                "Bagian Perekonomian dan Sumber Daya Alam",
                "Subbagian Perekonomian",
                "Subbagian Sumber Daya Alam",
            ),
            bag(
                "Bagian Administrasi Pembangunan",
                "Subbagian Program Pembangunan",
                "Subbagian Pengendalian Pembangunan",
            ),
            bag(
                "Bagian Pengadaan Barang dan Jasa",
                "Subbagian Pengelolaan Pengadaan",
                "Subbagian Layanan Pengadaan Secara Elektronik",
                jf=("pbj_1",),
            ),
            bag(
                "Bagian Organisasi",
                "Subbagian Kelembagaan dan Analisis Jabatan",
                "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
            ),
            bag(
                "Bagian Umum",
                "Subbagian Tata Usaha Pimpinan",
                "Subbagian Rumah Tangga",
                "Subbagian Keuangan",
            ),
            bag(
                "Bagian Protokol dan Komunikasi Pimpinan",
                "Subbagian Protokol",
                "Subbagian Komunikasi Pimpinan",
                jf=("humas_t",),
            ),
        ),
        jf=("analis_kebijakan_1", "arsiparis_t"),
        sekretariat=False,
    ),
    Opd(
        "SETWAN",
        "Sekretariat DPRD",
        "Setwan",
        "Sekretaris DPRD",
        1.2,
        (
            bag(
                "Bagian Umum dan Keuangan",
                "Subbagian Tata Usaha dan Kepegawaian",
                "Subbagian Keuangan",
            ),
            bag(
                "Bagian Persidangan dan Perundang-undangan",
                "Subbagian Persidangan dan Risalah",
                "Subbagian Perundang-undangan",
            ),
            bag(
                "Bagian Fasilitasi Penganggaran dan Pengawasan",
                "Subbagian Fasilitasi Penganggaran",
                "Subbagian Fasilitasi Pengawasan",
            ),
        ),
        jf=("analis_hukum_1", "humas_t", "arsiparis_t"),
        sekretariat=False,
    ),
    Opd(
        "INSPEKTORAT",
        "Inspektorat Daerah",
        "Inspektorat",
        "Inspektur",
        1.0,
        tuple(
            bid(
                f"Inspektorat Pembantu Wilayah {n}",
                jf=("auditor_1", "auditor_2", "p2upd_1"),
                kepala=f"Inspektur Pembantu Wilayah {n}",
            )
            for n in ("I", "II", "III", "IV")
        ),
        gelar=("S.E., Ak., M.Si.", "S.E., M.Ak."),
    ),
    Opd(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        "Kepala Badan Perencanaan Pembangunan Daerah",
        1.0,
        (
            bid(
                "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                "Subbidang Perencanaan dan Pendanaan",
                "Subbidang Pengendalian dan Evaluasi",
            ),
            bid(
                "Bidang Pemerintahan dan Pembangunan Manusia",
                "Subbidang Pemerintahan",
                "Subbidang Pembangunan Manusia",
            ),
            bid(
                "Bidang Perekonomian dan Sumber Daya Alam",
                "Subbidang Perekonomian",
                "Subbidang Sumber Daya Alam",
            ),
            bid(
                "Bidang Infrastruktur dan Kewilayahan",
                "Subbidang Infrastruktur",
                "Subbidang Kewilayahan",
            ),
        ),
        jf=("perencana_1", "perencana_2", "statistisi_1"),
    ),
    Opd(
        "BKPSDMD",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah",
        "BKPSDMD",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah",
        1.0,
        (
            bid(
                "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
                "Subbidang Pengadaan dan Pemberhentian",
                "Subbidang Data dan Informasi Kepegawaian",
            ),
            bid(
                "Bidang Mutasi dan Promosi",
                "Subbidang Mutasi",
                "Subbidang Promosi dan Kepangkatan",
            ),
            bid(
                "Bidang Pengembangan Kompetensi Aparatur",
                "Subbidang Pengembangan Kompetensi Teknis",
                "Subbidang Sertifikasi dan Kerja Sama",
            ),
            bid(
                "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
                "Subbidang Penilaian Kinerja",
                "Subbidang Disiplin dan Penghargaan",
            ),
        ),
        jf=("analis_sdm_1", "analis_sdm_2", "pranata_sdm_t"),
    ),
    Opd(
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
        1.4,
        (
            bid("Bidang Anggaran", "Subbidang Anggaran I", "Subbidang Anggaran II"),
            bid("Bidang Perbendaharaan", "Subbidang Belanja", "Subbidang Kas Daerah"),
            bid("Bidang Akuntansi", "Subbidang Akuntansi", "Subbidang Pelaporan Keuangan"),
            bid(
                "Bidang Aset",
                "Subbidang Penatausahaan Aset",
                "Subbidang Pemanfaatan dan Pengamanan Aset",
            ),
        ),
        jf=("analis_keuangan_1", "perencana_1"),
        gelar=("S.E., M.Ak.", "S.E., Ak."),
    ),
    Opd(
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "Bapenda",
        "Kepala Badan Pendapatan Daerah",
        1.4,
        (
            bid(
                "Bidang Pendaftaran dan Pendataan",
                "Subbidang Pendaftaran",
                "Subbidang Pendataan",
            ),
            bid(
                "Bidang Penetapan dan Keberatan",
                "Subbidang Penetapan",
                "Subbidang Keberatan dan Pengurangan",
            ),
            bid("Bidang Penagihan", "Subbidang Penagihan", "Subbidang Pembukuan dan Pelaporan"),
            bid(
                "Bidang Pajak Bumi dan Bangunan dan BPHTB",
                "Subbidang Pajak Bumi dan Bangunan",
                "Subbidang BPHTB",
            ),
        ),
        jf=("analis_keuangan_1", "komputer_t"),
    ),
    Opd(
        "DISDIK",
        "Dinas Pendidikan",
        "Disdik",
        "Kepala Dinas Pendidikan",
        32.0,
        (
            bid(
                "Bidang Pembinaan PAUD dan Pendidikan Nonformal",
                "Seksi Kurikulum PAUD",
                "Seksi Kelembagaan PAUD dan Pendidikan Nonformal",
            ),
            bid(
                "Bidang Pembinaan Sekolah Dasar",
                "Seksi Kurikulum dan Penilaian SD",
                "Seksi Peserta Didik dan Pembangunan Karakter SD",
                "Seksi Sarana dan Prasarana SD",
            ),
            bid(
                "Bidang Pembinaan Sekolah Menengah Pertama",
                "Seksi Kurikulum dan Penilaian SMP",
                "Seksi Peserta Didik dan Pembangunan Karakter SMP",
                "Seksi Sarana dan Prasarana SMP",
            ),
            bid(
                "Bidang Guru dan Tenaga Kependidikan",
                "Seksi Pendidik dan Tenaga Kependidikan PAUD dan SD",
                "Seksi Pendidik dan Tenaga Kependidikan SMP",
            ),
        ),
        jf=("perencana_1", "analis_sdm_1"),
        gelar=("S.Pd., M.Pd.", "Drs.|M.Pd."),
    ),
    Opd(
        "DINKES",
        "Dinas Kesehatan",
        "Dinkes",
        "Kepala Dinas Kesehatan",
        12.0,
        (
            bid(
                "Bidang Kesehatan Masyarakat",
                "Seksi Kesehatan Keluarga dan Gizi",
                "Seksi Promosi dan Pemberdayaan Masyarakat",
                "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga",
            ),
            bid(
                "Bidang Pencegahan dan Pengendalian Penyakit",
                "Seksi Surveilans dan Imunisasi",
                "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                "Seksi Penyakit Tidak Menular dan Kesehatan Jiwa",
            ),
            bid(
                "Bidang Pelayanan Kesehatan",
                "Seksi Pelayanan Kesehatan Primer",
                "Seksi Pelayanan Kesehatan Rujukan",
                "Seksi Pelayanan Kesehatan Tradisional",
            ),
            bid(
                "Bidang Sumber Daya Kesehatan",
                "Seksi Kefarmasian",
                "Seksi Alat Kesehatan dan PKRT",
                "Seksi Sumber Daya Manusia Kesehatan",
            ),
        ),
        jf=("epidemiolog_1", "penyuluh_kesmas_1", "adm_kesehatan_1", "sanitarian_t"),
        gelar=GELAR_KESEHATAN,
    ),
    Opd(
        "PUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dinas PUPR",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        2.0,
        (
            bid(
                "Bidang Bina Marga",
                "Seksi Pembangunan Jalan dan Jembatan",
                "Seksi Pemeliharaan Jalan dan Jembatan",
                jf=("teknik_jalan_1",),
            ),
            bid(
                "Bidang Sumber Daya Air",
                "Seksi Irigasi dan Rawa",
                "Seksi Drainase",
                jf=("teknik_air_1",),
            ),
            bid(
                "Bidang Cipta Karya",
                "Seksi Air Minum dan Sanitasi",
                "Seksi Bangunan Gedung",
                jf=("teknik_bangunan_1",),
            ),
            bid(
                "Bidang Penataan Ruang",
                "Seksi Perencanaan Tata Ruang",
                "Seksi Pemanfaatan dan Pengendalian Tata Ruang",
                jf=("penata_ruang_1",),
            ),
        ),
        gelar=("S.T., M.T.", "Ir.|M.T.", "S.T."),
    ),
    Opd(
        "PERKIM",
        "Dinas Perumahan Rakyat dan Kawasan Permukiman",
        "Disperkim",
        "Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman",
        1.6,
        (
            bid(
                "Bidang Perumahan",
                "Seksi Pendataan dan Perencanaan Perumahan",
                "Seksi Pembangunan Perumahan",
            ),
            bid(
                "Bidang Kawasan Permukiman",
                "Seksi Peningkatan Kualitas Permukiman",
                "Seksi Prasarana, Sarana dan Utilitas",
            ),
            bid("Bidang Pertanahan", "Seksi Pengadaan Tanah", "Seksi Penatagunaan Tanah"),
            bid("Bidang Pertamanan dan Pemakaman", "Seksi Pertamanan", "Seksi Pemakaman"),
        ),
        jf=("teknik_bangunan_1", "penata_ruang_1"),
        gelar=("S.T., M.T.", "S.T."),
    ),
    Opd(
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        1.2,
        (
            bid(
                "Bidang Pelayanan Pendaftaran Penduduk",
                "Seksi Identitas Penduduk",
                "Seksi Pindah Datang Penduduk",
                "Seksi Pendataan Penduduk",
            ),
            bid(
                "Bidang Pelayanan Pencatatan Sipil",
                "Seksi Kelahiran",
                "Seksi Perkawinan dan Perceraian",
                "Seksi Perubahan Status Anak, Pewarganegaraan dan Kematian",
            ),
            bid(
                "Bidang Pengelolaan Informasi Administrasi Kependudukan",
                "Seksi Sistem Informasi Administrasi Kependudukan",
                "Seksi Pengolahan dan Penyajian Data Kependudukan",
                "Seksi Tata Kelola dan SDM Teknologi Informasi",
            ),
            bid(
                "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                "Seksi Kerja Sama",
                "Seksi Pemanfaatan Data dan Dokumen Kependudukan",
                "Seksi Inovasi Pelayanan",
            ),
        ),
        jf=("adminduk_1", "komputer_t"),
    ),
    Opd(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        0.9,
        (
            bid(
                "Bidang Perencanaan dan Promosi Penanaman Modal",
                "Seksi Perencanaan Penanaman Modal",
                "Seksi Promosi Penanaman Modal",
            ),
            bid(
                "Bidang Pelayanan Perizinan dan Nonperizinan",
                "Seksi Perizinan Usaha",
                "Seksi Perizinan Bangunan dan Lingkungan",
                "Seksi Nonperizinan",
            ),
            bid(
                "Bidang Pengendalian dan Pengawasan Penanaman Modal",
                "Seksi Pengendalian Pelaksanaan Penanaman Modal",
                "Seksi Pengawasan Penanaman Modal",
            ),
            bid(
                "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan",
                "Seksi Pengaduan dan Informasi Layanan",
                "Seksi Kebijakan dan Pelaporan Layanan",
            ),
        ),
        jf=("analis_kebijakan_1", "komputer_t"),
    ),
    Opd(
        "DINSOS",
        "Dinas Sosial",
        "Dinsos",
        "Kepala Dinas Sosial",
        1.0,
        (
            bid(
                "Bidang Perlindungan dan Jaminan Sosial",
                "Seksi Perlindungan Sosial Korban Bencana",
                "Seksi Jaminan Sosial Keluarga",
            ),
            bid(
                "Bidang Rehabilitasi Sosial",
                "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia",
                "Seksi Rehabilitasi Sosial Penyandang Disabilitas",
            ),
            bid(
                "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
                "Seksi Pemberdayaan Sosial",
                "Seksi Penanganan Fakir Miskin",
            ),
        ),
        jf=("pekerja_sosial_1", "penyuluh_sosial_1"),
    ),
    Opd(
        "DISHUB",
        "Dinas Perhubungan",
        "Dishub",
        "Kepala Dinas Perhubungan",
        2.0,
        (
            bid(
                "Bidang Lalu Lintas",
                "Seksi Manajemen dan Rekayasa Lalu Lintas",
                "Seksi Pengendalian dan Ketertiban Lalu Lintas",
            ),
            bid("Bidang Angkutan", "Seksi Angkutan Orang", "Seksi Angkutan Barang"),
            bid(
                "Bidang Sarana dan Prasarana",
                "Seksi Prasarana Jalan dan Perparkiran",
                "Seksi Pengujian Sarana",
                jf=("penguji_kb_t",),
            ),
        ),
    ),
    Opd(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Diskominfo",
        "Kepala Dinas Komunikasi dan Informatika",
        1.0,
        (
            bid(
                "Bidang Informasi dan Komunikasi Publik",
                "Seksi Pengelolaan Informasi Publik",
                "Seksi Komunikasi Publik dan Media",
                jf=("humas_t",),
            ),
            bid(
                "Bidang Aplikasi Informatika",
                "Seksi Layanan Aplikasi",
                "Seksi Tata Kelola E-Government",
                jf=("komputer_1", "komputer_t"),
            ),
            bid(
                "Bidang Persandian dan Statistik",
                "Seksi Persandian dan Keamanan Informasi",
                "Seksi Statistik Sektoral",
                jf=("sandiman_t", "statistisi_1"),
            ),
            bid(
                "Bidang Infrastruktur Teknologi Informasi",
                "Seksi Jaringan dan Pusat Data",
                "Seksi Layanan Infrastruktur",
                jf=("komputer_1", "komputer_t"),
            ),
        ),
        gelar=("S.Kom., M.Kom.", "S.T., M.T."),
    ),
    Opd(
        "DLH",
        "Dinas Lingkungan Hidup",
        "DLH",
        "Kepala Dinas Lingkungan Hidup",
        3.0,
        (
            bid(
                "Bidang Tata Lingkungan",
                "Seksi Perencanaan dan Kajian Dampak Lingkungan",
                "Seksi Pemeliharaan Lingkungan Hidup",
            ),
            bid(
                "Bidang Pengelolaan Sampah dan Limbah B3",
                "Seksi Pengurangan Sampah",
                "Seksi Penanganan Sampah",
                "Seksi Limbah B3",
            ),
            bid(
                "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
                "Seksi Pemantauan Lingkungan",
                "Seksi Pencegahan Pencemaran",
            ),
        ),
        jf=("dampak_lingkungan_1",),
    ),
    Opd(
        "DISPAR",
        "Dinas Pariwisata",
        "Dispar",
        "Kepala Dinas Pariwisata",
        0.7,
        (
            bid(
                "Bidang Destinasi Pariwisata",
                "Seksi Pengembangan Destinasi",
                "Seksi Daya Tarik Wisata",
            ),
            bid("Bidang Pemasaran Pariwisata", "Seksi Promosi", "Seksi Kemitraan dan Event"),
            bid("Bidang Ekonomi Kreatif", "Seksi Pengembangan Ekonomi Kreatif", "Seksi Kebudayaan"),
        ),
        jf=("adyatama_1", "pamong_budaya_1"),
    ),
    Opd(
        "DISPORA",
        "Dinas Kepemudaan dan Olahraga",
        "Dispora",
        "Kepala Dinas Kepemudaan dan Olahraga",
        0.7,
        (
            bid(
                "Bidang Kepemudaan",
                "Seksi Pemberdayaan Pemuda",
                "Seksi Kepemimpinan dan Kepeloporan Pemuda",
            ),
            bid("Bidang Olahraga", "Seksi Olahraga Prestasi", "Seksi Olahraga Rekreasi"),
            bid(
                "Bidang Sarana dan Prasarana",
                "Seksi Pembangunan Sarana",
                "Seksi Pemeliharaan Prasarana",
            ),
        ),
    ),
    Opd(
        "DPK",
        "Dinas Perpustakaan dan Kearsipan",
        "DPK",
        "Kepala Dinas Perpustakaan dan Kearsipan",
        0.8,
        (
            bid(
                "Bidang Pengembangan Perpustakaan",
                "Seksi Pengembangan Koleksi",
                "Seksi Pengolahan Bahan Pustaka",
                jf=("pustakawan_1", "pustakawan_t"),
            ),
            bid(
                "Bidang Layanan Perpustakaan dan Pembudayaan Gemar Membaca",
                "Seksi Layanan Perpustakaan",
                "Seksi Pembudayaan Gemar Membaca",
                jf=("pustakawan_1", "pustakawan_t"),
            ),
            bid(
                "Bidang Kearsipan",
                "Seksi Pengelolaan Arsip",
                "Seksi Pembinaan Kearsipan",
                jf=("arsiparis_t",),
            ),
        ),
    ),
    Opd(
        "DISNAKER",
        "Dinas Tenaga Kerja",
        "Disnaker",
        "Kepala Dinas Tenaga Kerja",
        0.7,
        (
            bid(
                "Bidang Penempatan dan Perluasan Kesempatan Kerja",
                "Seksi Penempatan Tenaga Kerja",
                "Seksi Perluasan Kesempatan Kerja",
                jf=("pengantar_kerja_1",),
            ),
            bid(
                "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
                "Seksi Hubungan Industrial",
                "Seksi Jaminan Sosial Tenaga Kerja",
                jf=("mediator_1",),
            ),
            bid(
                "Bidang Pelatihan dan Produktivitas Tenaga Kerja",
                "Seksi Pelatihan Kerja",
                "Seksi Produktivitas Tenaga Kerja",
            ),
        ),
    ),
    Opd(
        "DISKOPUKMDAG",
        "Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan",
        "Diskopukmdag",
        "Kepala Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan",
        1.0,
        (
            bid(
                "Bidang Koperasi",
                "Seksi Kelembagaan Koperasi",
                "Seksi Pengawasan Koperasi",
                jf=("pengawas_koperasi_1",),
            ),
            bid(
                "Bidang Usaha Kecil dan Menengah",
                "Seksi Pemberdayaan Usaha Kecil",
                "Seksi Pengembangan Usaha Menengah",
            ),
            bid("Bidang Perdagangan", "Seksi Bina Usaha Perdagangan", "Seksi Pengelolaan Pasar"),
            bid(
                "Bidang Metrologi dan Perlindungan Konsumen",
                "Seksi Metrologi Legal",
                "Seksi Perlindungan Konsumen",
                jf=("penera_t",),
            ),
        ),
    ),
    Opd(
        "DPP",
        "Dinas Pangan dan Pertanian",
        "DPP",
        "Kepala Dinas Pangan dan Pertanian",
        1.4,
        (
            bid(
                "Bidang Ketahanan Pangan",
                "Seksi Ketersediaan dan Distribusi Pangan",
                "Seksi Konsumsi dan Keamanan Pangan",
                jf=("ketahanan_pangan_1",),
            ),
            bid(
                "Bidang Tanaman Pangan dan Hortikultura",
                "Seksi Produksi Tanaman Pangan",
                "Seksi Hortikultura",
                jf=("penyuluh_tani_1", "penyuluh_tani_t"),
            ),
            bid(
                "Bidang Peternakan dan Kesehatan Hewan",
                "Seksi Produksi Peternakan",
                "Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner",
                jf=("medik_vet_1", "paramedik_vet_t"),
            ),
            bid(
                "Bidang Perikanan",
                "Seksi Perikanan Budidaya",
                "Seksi Perikanan Tangkap",
                jf=("penyuluh_tani_1",),
            ),
        ),
        gelar=("S.P., M.Si.", "Ir.|M.P."),
    ),
    Opd(
        "DP3A",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "DP3A",
        "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        0.8,
        (
            bid(
                "Bidang Kualitas Hidup Perempuan dan Kualitas Keluarga",
                "Seksi Kualitas Hidup Perempuan",
                "Seksi Kualitas Keluarga",
            ),
            bid(
                "Bidang Perlindungan Perempuan dan Anak",
                "Seksi Perlindungan Hak Perempuan",
                "Seksi Perlindungan Khusus Anak",
            ),
            bid("Bidang Pemenuhan Hak Anak", "Seksi Pengasuhan Anak", "Seksi Partisipasi Anak"),
        ),
        jf=("analis_kebijakan_1", "penyuluh_sosial_1"),
    ),
    Opd(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        "Kepala Satuan Polisi Pamong Praja",
        3.0,
        (
            bid(
                "Bidang Penegakan Peraturan Daerah",
                "Seksi Pembinaan dan Penyuluhan",
                "Seksi Penyelidikan dan Penyidikan",
            ),
            bid(
                "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                "Seksi Operasi dan Pengendalian",
                "Seksi Kerja Sama",
            ),
            bid(
                "Bidang Pemadam Kebakaran dan Penyelamatan",
                "Seksi Pencegahan Kebakaran",
                "Seksi Pemadaman dan Penyelamatan",
                jf=("damkar_t",),
            ),
        ),
        jf=("pol_pp_t", "pol_pp_m"),
    ),
    Opd(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
        1.2,
        (
            bid(
                "Bidang Pencegahan dan Kesiapsiagaan",
                "Seksi Pencegahan",
                "Seksi Kesiapsiagaan",
            ),
            bid("Bidang Kedaruratan dan Logistik", "Seksi Kedaruratan", "Seksi Logistik"),
            bid(
                "Bidang Rehabilitasi dan Rekonstruksi",
                "Seksi Rehabilitasi",
                "Seksi Rekonstruksi",
            ),
        ),
        jf=("penata_bencana_1",),
    ),
    Opd(
        "KESBANGPOL",
        "Badan Kesatuan Bangsa dan Politik",
        "Kesbangpol",
        "Kepala Badan Kesatuan Bangsa dan Politik",
        0.6,
        (
            bid(
                "Bidang Ideologi dan Wawasan Kebangsaan",
                "Subbidang Ideologi dan Karakter Bangsa",
                "Subbidang Wawasan Kebangsaan",
            ),
            bid(
                "Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
                "Subbidang Politik Dalam Negeri",
                "Subbidang Organisasi Kemasyarakatan",
            ),
            bid(
                "Bidang Ketahanan Ekonomi, Sosial, Budaya dan Penanganan Konflik",
                "Subbidang Ketahanan Ekonomi, Sosial dan Budaya",
                "Subbidang Kewaspadaan dan Penanganan Konflik",
            ),
        ),
        jf=("analis_kebijakan_1",),
    ),
    Opd(
        "RSUD",
        "RSUD Depati Hamzah",
        "RSUD",
        "Direktur RSUD Depati Hamzah",
        10.0,
        (
            bag(
                "Bagian Tata Usaha",
                "Subbagian Umum dan Kepegawaian",
                "Subbagian Keuangan",
                "Subbagian Perencanaan dan Rekam Medis",
                jf=("rekam_medis_t", "perencana_1"),
            ),
            bid(
                "Bidang Pelayanan Medik",
                "Seksi Pelayanan Medik Rawat Jalan dan Gawat Darurat",
                "Seksi Pelayanan Medik Rawat Inap",
                jf=("dokter_1", "dokter_2", "dokter_sp", "apoteker_1", "perawat_t"),
            ),
            bid(
                "Bidang Keperawatan",
                "Seksi Asuhan Keperawatan",
                "Seksi Mutu dan Etika Keperawatan",
                jf=("perawat_t", "perawat_1", "bidan_t", "bidan_1"),
            ),
            bid(
                "Bidang Penunjang Medik dan Nonmedik",
                "Seksi Penunjang Medik",
                "Seksi Sarana, Prasarana dan Pemeliharaan",
                jf=("lab_t", "radiografer_t", "gizi_t", "apoteker_1"),
            ),
        ),
        gelar=GELAR_KESEHATAN,
        sekretariat=False,
        jenis=JenisUnit.RSUD,
    ),
)
