from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.organisasi.demo import MIN_PEGAWAI, demo_seed
from kinerja.organisasi.models import Instansi
from kinerja.survei import ikm, selectors
from kinerja.survei.demo import demo_seed_survei
from kinerja.survei.models import Respons, StatusRespons, UnitLayanan


def test_the_demo_city_gets_service_units_with_a_year_of_answers_mostly_b(db: None) -> None:
    demo_seed(pegawai=MIN_PEGAWAI, seed=3)
    ringkas = demo_seed_survei(instansi=Instansi.objects.get(), seed=3)
    assert "unit layanan" in ringkas
    units = list(UnitLayanan.objects.all())
    assert len(units) >= 15
    assert Respons.objects.filter(status=StatusRespons.MENCURIGAKAN).exists()
    akhir = timezone.localdate()
    mutu = selectors.mutu_list()
    kode = []
    for unit in units:
        hasil = selectors.ikm_unit(unit, akhir - dt.timedelta(days=366), akhir)
        assert hasil.ikm is not None
        found = ikm.mutu_untuk(hasil.ikm, mutu)
        assert found is not None
        kode.append(found.kode)
    assert kode.count("A") >= 1 and kode.count("C") >= 1
    assert kode.count("B") > len(kode) / 2
