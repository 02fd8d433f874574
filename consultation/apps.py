from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    """Consultation rounds with the NHRI and civil society."""

    name = "consultation"
    verbose_name = _("Consultation")
