"""Seed the 9 unsur (PermenPANRB 14/2017 questionnaire wording) and the mutu A–D table."""

from django.db import migrations

from kinerja.survei.aturan import pastikan_aturan


def seed(apps, schema_editor):
    pastikan_aturan(apps.get_model("survei", "UnsurSkm"), apps.get_model("survei", "MutuSkm"))


class Migration(migrations.Migration):
    dependencies = [("survei", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
