"""Small helpers shared by the apps' forms."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


def galat_ke_form(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the matching fields (unknown fields at the top)."""
    if hasattr(exc, "error_dict"):
        for nama, pesan in exc.message_dict.items():
            form.add_error(nama if nama in form.fields else None, pesan)
    else:
        form.add_error(None, exc.messages)
