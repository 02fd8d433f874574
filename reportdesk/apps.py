from django.apps import AppConfig


class ReportdeskConfig(AppConfig):
    name = "reportdesk"

    def ready(self) -> None:
        from reportdesk import signals  # noqa: F401  (connects the receivers)
