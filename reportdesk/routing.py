"""WebSocket routes, gathered from the apps that have sockets."""

from django.urls import URLPattern

from collab.routing import websocket_urlpatterns as collab_sockets

websocket_urlpatterns: list[URLPattern] = [*collab_sockets]
