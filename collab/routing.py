"""WebSocket routes of the live editor."""

from django.urls import URLPattern, path

from collab.consumers import SectionConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/sections/<int:pk>/", SectionConsumer.as_asgi(), name="ws-section"),
]
