from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollabConfig(AppConfig):
    """Real-time co-authoring of section text."""

    name = "collab"
    verbose_name = _("Co-authoring")
