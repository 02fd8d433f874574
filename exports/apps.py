from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Stored Word exports and redlines."""

    name = "exports"
    verbose_name = _("Exports")
