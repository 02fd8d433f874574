from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontendConfig(AppConfig):
    """Server-rendered pages and the browser client's sources."""

    name = "frontend"
    verbose_name = _("Browser client")

    def ready(self) -> None:
        from frontend import language  # noqa: F401  (connects the sign-in receiver)
