"""Read an uploaded XLSX or CSV into rows keyed by canonical column names."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .kolom import JENIS_DATA, KOLOM, PETA_LEMBAR, kunci, peta_header
from .laporan import GalatBaris

MAKS_BARIS = 50_000  # data rows per sheet
MAKS_BARIS_KOSONG_BERURUTAN = 1_000  # formatting tails of spreadsheets: stop reading there
RASIO_UNZIP = 20  # an XLSX may unpack to at most this many times the upload limit


@dataclass
class Baris:
    nomor: int  # the row number the user sees (header = 1)
    nilai: dict[str, Any]  # canonical column → raw cell value


@dataclass
class Lembar:
    jenis: str
    judul: str
    header: dict[str, str]  # canonical column → header as written in the file
    baris: list[Baris] = field(default_factory=list)

    def label(self, kolom: str) -> str:
        return self.header.get(kolom, kolom)


@dataclass
class DataImpor:
    nama_file: str
    format: str  # "xlsx" or "csv"
    lembar: dict[str, Lembar] = field(default_factory=dict)
    peringatan: list[GalatBaris] = field(default_factory=list)

    @property
    def jumlah_baris(self) -> int:
        return sum(len(lembar.baris) for lembar in self.lembar.values())


def impor_baca(*, konten: bytes, nama_file: str, jenis: str | None = None) -> DataImpor:
    """Parse the file; ValidationError (Bahasa Indonesia) when it cannot be read at all."""
    if jenis is not None and jenis not in JENIS_DATA:
        raise ValidationError(_("Jenis data harus unit, jabatan, atau pegawai."))
    if not konten:
        raise ValidationError(_("Berkas kosong."))
    batas = settings.IMPORT_MAX_BYTES
    if len(konten) > batas:
        raise ValidationError(
            _("Berkas terlalu besar (%(ukuran)s); batasnya %(batas)s.")
            % {"ukuran": filesizeformat(len(konten)), "batas": filesizeformat(batas)}
        )
    akhiran = nama_file.lower().rsplit(".", 1)[-1] if "." in nama_file else ""
    if akhiran == "xls":
        raise ValidationError(
            _("Format .xls (Excel lama) tidak didukung. Simpan ulang sebagai .xlsx atau .csv.")
        )
    if akhiran in {"xlsx", "xlsm"} or (akhiran not in {"csv", "txt"} and _zip(konten)):
        return _baca_xlsx(konten, nama_file, jenis)
    if akhiran in {"csv", "txt"}:
        return _baca_csv(konten, nama_file, jenis)
    raise ValidationError(_("Jenis berkas tidak didukung: gunakan .xlsx atau .csv."))


def _zip(konten: bytes) -> bool:
    return konten[:4] == b"PK\x03\x04"


def _baca_xlsx(konten: bytes, nama_file: str, jenis: str | None) -> DataImpor:
    from openpyxl import load_workbook

    tidak_sah = ValidationError(
        _(
            "Berkas “%(nama)s” bukan berkas XLSX yang sah (mungkin berkas lain yang diganti "
            "namanya). Buka di Excel/LibreOffice lalu simpan sebagai .xlsx, atau gunakan CSV."
        )
        % {"nama": nama_file}
    )
    if not _zip(konten):
        raise tidak_sah
    try:
        with zipfile.ZipFile(io.BytesIO(konten)) as arsip:
            isi = sum(info.file_size for info in arsip.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise tidak_sah from None
    if isi > RASIO_UNZIP * settings.IMPORT_MAX_BYTES:
        raise ValidationError(_("Isi berkas XLSX terlalu besar setelah dibuka."))
    try:
        workbook = load_workbook(io.BytesIO(konten), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for broken archives
        raise tidak_sah from None
    try:
        data = DataImpor(nama_file=nama_file, format="xlsx")
        for sheet, jenis_lembar in _pilih_lembar(workbook.worksheets, jenis):
            sheet.reset_dimensions()  # some exporters write a wrong dimension tag
            rows = sheet.iter_rows(min_row=1, values_only=True)
            _isi_lembar(data, jenis_lembar, sheet.title, rows)
    except ValidationError:
        raise
    except Exception:
        raise tidak_sah from None
    finally:
        workbook.close()
    return data


def _pilih_lembar(sheets: list[Any], jenis: str | None) -> list[tuple[Any, str | None]]:
    """Sheets named unit/jabatan/pegawai; else the first sheet (kind given or inferred)."""
    bernama: list[tuple[Any, str | None]] = [
        (s, PETA_LEMBAR[kunci(s.title)]) for s in sheets if kunci(s.title) in PETA_LEMBAR
    ]
    if jenis is not None:
        bernama = [(s, j) for s, j in bernama if j == jenis]
    if bernama:
        return bernama
    if not sheets:
        raise ValidationError(_("Berkas XLSX tidak berisi lembar kerja."))
    return [(sheets[0], jenis)]


def _isi_lembar(
    data: DataImpor, jenis: str | None, judul: str, rows: Iterable[tuple[Any, ...]]
) -> None:
    iterator = iter(rows)
    header_mentah = next(iterator, None)
    if header_mentah is None or not any(_ada(v) for v in header_mentah):
        if jenis is None:
            raise ValidationError(_("Baris pertama (judul kolom) kosong."))
        header_mentah = ()
    jenis = jenis or _tebak_jenis(header_mentah)
    if jenis in data.lembar:
        raise ValidationError(_("Lembar %(j)s muncul lebih dari sekali.") % {"j": jenis})
    lembar = Lembar(jenis=jenis, judul=judul, header={})
    indeks = _petakan_header(lembar, header_mentah, data.peringatan)
    for nomor, row in _baris_berisi(iterator):
        nilai = {kolom: _bersih(row[i]) for i, kolom in indeks if i < len(row)}
        if any(_ada(v) for v in nilai.values()):
            lembar.baris.append(Baris(nomor=nomor, nilai=nilai))
            if len(lembar.baris) > MAKS_BARIS:
                raise ValidationError(
                    _("Lembar %(j)s berisi lebih dari %(n)s baris data.")
                    % {"j": jenis, "n": f"{MAKS_BARIS:,}".replace(",", ".")}
                )
    data.lembar[jenis] = lembar


def _baris_berisi(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    kosong = 0
    for nomor, row in enumerate(rows, start=2):
        if any(_ada(v) for v in row):
            kosong = 0
            yield nomor, row
        else:
            kosong += 1
            if kosong >= MAKS_BARIS_KOSONG_BERURUTAN:
                return


def _petakan_header(
    lembar: Lembar, header: tuple[Any, ...], peringatan: list[GalatBaris]
) -> list[tuple[int, str]]:
    peta = peta_header(lembar.jenis)
    indeks: list[tuple[int, str]] = []
    for i, judul in enumerate(header):
        if not _ada(judul):
            continue
        tertulis = str(judul).strip()
        kolom = peta.get(kunci(tertulis))
        if kolom is None:
            peringatan.append(
                GalatBaris(lembar.jenis, 1, tertulis, _("Kolom tidak dikenal; diabaikan."))
            )
        elif kolom in lembar.header:
            peringatan.append(
                GalatBaris(
                    lembar.jenis,
                    1,
                    tertulis,
                    _("Kolom ini sama artinya dengan “%(k)s”; yang dipakai kolom pertama.")
                    % {"k": lembar.header[kolom]},
                )
            )
        else:
            lembar.header[kolom] = tertulis
            indeks.append((i, kolom))
    return indeks


def _tebak_jenis(header: tuple[Any, ...]) -> str:
    """The kind whose required columns all appear in the header (pegawai first)."""
    keys = {kunci(h) for h in header if _ada(h)}
    for jenis in ("pegawai", "jabatan", "unit"):
        peta = peta_header(jenis)
        found = {peta[k] for k in keys if k in peta}
        if all(k.nama in found for k in KOLOM[jenis] if k.wajib):
            return jenis
    raise ValidationError(
        _(
            "Jenis data tidak dapat ditentukan dari judul kolom. Pilih jenisnya (unit, jabatan, "
            "pegawai) atau beri nama lembar sesuai jenisnya."
        )
    )


def _ada(nilai: Any) -> bool:
    return nilai is not None and not (isinstance(nilai, str) and not nilai.strip())


def _bersih(nilai: Any) -> Any:
    if isinstance(nilai, str):
        nilai = nilai.strip()
        return nilai or None
    return nilai


def _baca_csv(konten: bytes, nama_file: str, jenis: str | None) -> DataImpor:
    if _zip(konten):
        raise ValidationError(
            _("Berkas “%(nama)s” berisi XLSX, bukan CSV. Unggah dengan akhiran .xlsx.")
            % {"nama": nama_file}
        )
    teks = _dekode(konten, nama_file)
    baris_pertama = next((line for line in teks.splitlines() if line.strip()), "")
    pemisah = max((";", ",", "\t"), key=baris_pertama.count)
    if not baris_pertama.count(pemisah):
        pemisah = ","
    data = DataImpor(nama_file=nama_file, format="csv")
    try:
        reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
        _isi_lembar(data, jenis, nama_file, (tuple(row) for row in reader))
    except csv.Error as exc:
        raise ValidationError(_("CSV tidak dapat dibaca: %(e)s") % {"e": exc}) from None
    return data


def _dekode(konten: bytes, nama_file: str) -> str:
    if konten[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return konten.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in konten[:8192]:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return konten.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise ValidationError(
        _(
            "Berkas “%(nama)s” bukan teks CSV yang dapat dibaca (harus UTF-8 atau Windows-1252). "
            "Simpan ulang sebagai “CSV UTF-8”."
        )
        % {"nama": nama_file}
    )
