from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def jumlah_notifikasi(context: template.Context) -> int:
    """Unread notifications of the signed-in user: the bell's one COUNT query per page."""
    from kinerja.notifikasi.selectors import jumlah_belum_dibaca

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return jumlah_belum_dibaca(user)
