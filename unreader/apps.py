from django.apps import AppConfig


class UnreaderConfig(AppConfig):
    name = "unreader"
