"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import gc
import os
import sys

from django.core.asgi import get_asgi_application

# The event loop keeps the interpreter busy under load, and a database thread
# waiting for its query's answer gets the interpreter back only when the
# loop is made to yield it: every 5 ms by default, so a transaction of eight
# queries took over 100 ms while many people typed. Yielding every 0.5 ms
# lets the database threads through at a small cost to the loop
# (bench/editors_load.py measures both).
sys.setswitchinterval(0.0005)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reportdesk.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from reportdesk.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)

# Django, Channels and the whole project are loaded by now and live as long as
# the process. Python's full garbage collection walked all of them, about
# 60 ms each time while people typed, during which every socket of the
# worker waited. Frozen, they are never walked; what the service makes from
# here on still is.
gc.freeze()
