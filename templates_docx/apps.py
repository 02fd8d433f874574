from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemplatesDocxConfig(AppConfig):
    name = "templates_docx"
    verbose_name = _("Word templates")
