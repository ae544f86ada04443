"""Pengembangan API (`/api/v1/pengembangan`): catalogue, enrolment, JP (pengembangan_pelatihan)
and development plans (pengembangan_rencana), each part in its own module."""

from ninja import Router

from kinerja.api import pengembangan_pelatihan, pengembangan_rencana

router = Router(tags=["pengembangan"])
router.add_router("", pengembangan_pelatihan.router)
router.add_router("/rencana", pengembangan_rencana.router)
