"""WebSocket routes. The live section editor (issue #5) adds its consumer here."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
