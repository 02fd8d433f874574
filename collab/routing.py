"""WebSocket routes of the live editor."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
