"""Leader overview of reporting (pimpinan OPD / city): who reported, pending reviews, signals."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
