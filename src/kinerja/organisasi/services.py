"""Every write to organisation data. Keyword-only, atomic, validated before save."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    Instansi,
    Jabatan,
    JenisPenugasan,
    Pegawai,
    PemberianPeran,
    Penugasan,
    Peran,
    StatusAsn,
    UnitKerja,
)
from .nip import validate_nomor_induk


def unit_path(unit: UnitKerja, parent: UnitKerja | None) -> tuple[str, int, int | None]:
    """(path, depth, opd_id) for a unit whose pk is known."""
    if parent is None:
        return f"/{unit.pk}/", 0, unit.pk
    return f"{parent.path}{unit.pk}/", parent.depth + 1, parent.opd_id or parent.pk


@transaction.atomic
def unit_create(
    *,
    instansi: Instansi,
    kode: str,
    nama: str,
    jenis: str,
    parent: UnitKerja | None = None,
    singkatan: str = "",
    urutan: int = 0,
) -> UnitKerja:
    if parent is not None and parent.instansi_id != instansi.pk:
        raise ValidationError({"parent": _("Unit induk harus dari instansi yang sama.")})
    unit = UnitKerja(
        instansi=instansi,
        kode=kode.strip(),
        nama=nama.strip(),
        jenis=jenis,
        parent=parent,
        singkatan=singkatan,
        urutan=urutan,
    )
    unit.full_clean(exclude=["path", "opd"])
    unit.save()
    unit.path, unit.depth, opd_id = unit_path(unit, parent)
    unit.opd_id = opd_id
    unit.save(update_fields=["path", "depth", "opd"])
    return unit


@transaction.atomic
def unit_close(*, unit: UnitKerja, tanggal: dt.date) -> UnitKerja:
    """Close a unit (reorganisation); its history, jabatan and assignments stay."""
    unit.ditutup_pada = tanggal
    unit.save(update_fields=["ditutup_pada"])
    return unit


def units_rebuild_paths(*, instansi: Instansi) -> int:
    """Recompute path/depth/opd for every unit of an instansi (after bulk changes)."""
    units = list(
        UnitKerja.objects.filter(instansi=instansi).only(
            "pk", "parent_id", "path", "depth", "opd_id"
        )
    )
    by_id = {u.pk: u for u in units}
    children: dict[int | None, list[UnitKerja]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    stack: list[tuple[UnitKerja, UnitKerja | None]] = [(u, None) for u in children.get(None, [])]
    while stack:
        unit, parent = stack.pop()
        unit.path, unit.depth, unit.opd_id = unit_path(unit, parent)
        stack.extend((child, unit) for child in children.get(unit.pk, []))
    UnitKerja.objects.bulk_update(list(by_id.values()), ["path", "depth", "opd"], batch_size=500)
    return len(units)


@transaction.atomic
def jabatan_create(
    *,
    unit: UnitKerja,
    kode: str,
    nama: str,
    jenis: str,
    parent: Jabatan | None = None,
    jenjang: str = "",
    eselon: str = "",
    kepala: bool = False,
) -> Jabatan:
    jabatan = Jabatan(
        instansi_id=unit.instansi_id,
        unit=unit,
        kode=kode.strip(),
        nama=nama.strip(),
        jenis=jenis,
        parent=parent,
        jenjang=jenjang,
        eselon=eselon,
        kepala=kepala,
    )
    jabatan.full_clean()
    jabatan.save()
    return jabatan


@transaction.atomic
def jabatan_close(*, jabatan: Jabatan, tanggal: dt.date) -> Jabatan:
    jabatan.ditutup_pada = tanggal
    jabatan.save(update_fields=["ditutup_pada"])
    return jabatan


def golongan_validate(*, golongan: str, status_asn: str) -> None:
    if not golongan:
        return
    allowed = GOLONGAN_PPPK if status_asn == StatusAsn.PPPK else list(GOLONGAN_PNS)
    if golongan not in allowed:
        raise ValidationError(
            {
                "golongan": _("Golongan %(g)s tidak dikenal untuk %(s)s.")
                % {"g": golongan, "s": status_asn}
            }
        )


@transaction.atomic
def pegawai_create(
    *,
    instansi: Instansi | None,
    nip: str,
    nama: str,
    status_asn: str = StatusAsn.PNS,
    password: str | None = None,
    gelar_depan: str = "",
    gelar_belakang: str = "",
    golongan: str = "",
    email: str = "",
    telepon: str = "",
    harus_ganti_password: bool = True,
) -> Pegawai:
    try:
        validate_nomor_induk(nip, status_asn=status_asn)
    except ValidationError as exc:
        raise ValidationError({"nip": exc.messages}) from None
    golongan_validate(golongan=golongan, status_asn=status_asn)
    pegawai = Pegawai(
        instansi=instansi,
        nip=nip.strip(),
        nama=nama.strip(),
        status_asn=status_asn,
        gelar_depan=gelar_depan,
        gelar_belakang=gelar_belakang,
        golongan=golongan,
        email=email,
        telepon=telepon,
        harus_ganti_password=harus_ganti_password,
    )
    if password:
        pegawai.set_password(password)
    else:
        pegawai.set_unusable_password()
    pegawai.full_clean(exclude=["password"])
    pegawai.save()
    return pegawai


@transaction.atomic
def penugasan_mutasi(
    *, pegawai: Pegawai, jabatan: Jabatan, mulai: dt.date, keterangan: str = ""
) -> Penugasan:
    """Move a pegawai to a new definitive jabatan: closes the open one the day before."""
    if jabatan.ditutup_pada and jabatan.ditutup_pada <= mulai:
        raise ValidationError({"jabatan": _("Jabatan ini sudah ditutup.")})
    open_rows = Penugasan.objects.select_for_update().filter(
        pegawai=pegawai, jenis=JenisPenugasan.DEFINITIF, selesai__isnull=True
    )
    for row in open_rows:
        if row.mulai >= mulai:
            raise ValidationError(
                {"mulai": _("Tanggal mulai harus sesudah penugasan sebelumnya dimulai.")}
            )
        row.selesai = mulai - dt.timedelta(days=1)
        row.save(update_fields=["selesai"])
    penugasan = Penugasan(
        pegawai=pegawai,
        jabatan=jabatan,
        unit_id=jabatan.unit_id,
        jenis=JenisPenugasan.DEFINITIF,
        mulai=mulai,
        keterangan=keterangan,
    )
    penugasan.full_clean()
    penugasan.save()
    return penugasan


@transaction.atomic
def penugasan_plt(
    *,
    pegawai: Pegawai,
    jabatan: Jabatan,
    mulai: dt.date,
    selesai: dt.date | None,
    jenis: str = JenisPenugasan.PLT,
    keterangan: str = "",
) -> Penugasan:
    """Appoint a Plt/Plh: for the date range they act as the holder of `jabatan`."""
    if jenis not in {JenisPenugasan.PLT, JenisPenugasan.PLH}:
        raise ValidationError({"jenis": _("Jenis harus Plt atau Plh.")})
    penugasan = Penugasan(
        pegawai=pegawai,
        jabatan=jabatan,
        unit_id=jabatan.unit_id,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        keterangan=keterangan,
    )
    penugasan.full_clean()
    penugasan.save()
    return penugasan


@transaction.atomic
def peran_grant(
    *,
    pegawai: Pegawai,
    peran: str,
    unit: UnitKerja | None = None,
    oleh: Pegawai | None = None,
    mulai: dt.date | None = None,
    selesai: dt.date | None = None,
) -> PemberianPeran:
    if peran in {Peran.PIMPINAN_OPD, Peran.OPERATOR_OPD} and unit is None:
        raise ValidationError({"unit": _("Peran ini harus dibatasi pada satu unit (OPD).")})
    grant = PemberianPeran(
        pegawai=pegawai,
        peran=peran,
        unit=unit,
        diberikan_oleh=oleh,
        mulai=mulai or timezone.localdate(),
        selesai=selesai,
    )
    grant.full_clean()
    grant.save()
    if peran == Peran.ADMIN_BKPSDMD and not pegawai.is_staff:
        pegawai.is_staff = True
        pegawai.is_superuser = True
        pegawai.save(update_fields=["is_staff", "is_superuser"])
    return grant


@transaction.atomic
def peran_revoke(*, grant: PemberianPeran, tanggal: dt.date | None = None) -> PemberianPeran:
    """End a grant (kept for the audit); Django admin access ends with the last admin grant."""
    grant.selesai = tanggal or timezone.localdate() - dt.timedelta(days=1)
    grant.save(update_fields=["selesai"])
    pegawai = grant.pegawai
    if grant.peran == Peran.ADMIN_BKPSDMD and pegawai.is_staff:
        still_admin = (
            PemberianPeran.objects.filter(pegawai=pegawai, peran=Peran.ADMIN_BKPSDMD)
            .exclude(selesai__lt=timezone.localdate())
            .exists()
        )
        if not still_admin:
            pegawai.is_staff = False
            pegawai.is_superuser = False
            pegawai.save(update_fields=["is_staff", "is_superuser"])
    return grant


@transaction.atomic
def pegawai_reset_password(*, pegawai: Pegawai, oleh: Pegawai) -> str:
    """Admin BKPSDMD resets a password: returns a one-time temporary password."""
    temporary = "-".join(secrets.token_hex(2) for _ in range(3))
    pegawai.set_password(temporary)
    pegawai.harus_ganti_password = True
    pegawai._change_reason = f"reset kata sandi oleh {oleh.nip}"  # type: ignore[attr-defined]
    pegawai.save(update_fields=["password", "harus_ganti_password"])
    return temporary


@transaction.atomic
def pegawai_password_changed(*, pegawai: Pegawai) -> None:
    if pegawai.harus_ganti_password:
        pegawai.harus_ganti_password = False
        pegawai.save(update_fields=["harus_ganti_password"])
