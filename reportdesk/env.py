"""Typed readers for settings that come from the environment.

Each helper fails loudly, naming the variable and what it expected, so a
mistyped deployment never starts with a silently wrong value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value; use one of 1, 0, true, false."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as err:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from err


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


@dataclass(frozen=True)
class DatabaseURL:
    engine: str
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""
    options: dict[str, str | int] | None = None

    def as_django(self) -> dict[str, object]:
        config: dict[str, object] = {
            "ENGINE": self.engine,
            "NAME": self.name,
            "USER": self.user,
            "PASSWORD": self.password,
            "HOST": self.host,
            "PORT": self.port,
            "OPTIONS": self.options or {},
        }
        if self.engine.endswith("postgresql"):
            config["CONN_MAX_AGE"] = 60
            config["CONN_HEALTH_CHECKS"] = True
        return config


def parse_database_url(url: str, *, base_dir: Path) -> DatabaseURL:
    """Read ``postgres://user:pass@host:port/name`` or ``sqlite:///path``."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured(
                f"DATABASE_URL {url!r} names no database; add /NAME after the host."
            )
        options: dict[str, str | int] = {
            key: values[-1] for key, values in parse_qs(parts.query).items()
        }
        return DatabaseURL(
            engine="django.db.backends.postgresql",
            name=name,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            host=parts.hostname or "",
            port=str(parts.port or ""),
            options=options,
        )
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path in {"", "/"}:
            raise ImproperlyConfigured(
                f"DATABASE_URL {url!r} names no file; use sqlite:///path/to/db.sqlite3."
            )
        # sqlite:///var/db.sqlite3 is relative to the project; with four
        # slashes, sqlite:////srv/db.sqlite3, the path is absolute.
        resolved = Path(path[1:])
        if not resolved.is_absolute():
            resolved = base_dir / resolved
        # IMMEDIATE transactions take SQLite's write lock when they begin, so
        # a writer waits for another instead of failing with "database is
        # locked" half-way through (select_for_update does nothing here).
        return DatabaseURL(
            engine="django.db.backends.sqlite3",
            name=str(resolved),
            options={"transaction_mode": "IMMEDIATE", "timeout": 20},
        )
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported; "
        "use postgres://… or sqlite:///…."
    )


WAITING_MESSAGES_PER_WORKER = 5000
# The layer waits up to 5 s for a socket's next message (a blocking read),
# and the Redis client gives up on any read after 5 s by default: a quiet
# socket's wait ran into that limit, raised, and closed the browser's
# connection. Reads may take longer than the layer's wait.
REDIS_READ_TIMEOUT = 30


def channel_layers(
    redis_url: str | None, *, max_connections: int = 1000
) -> dict[str, dict[str, object]]:
    """The channel layer: in memory for one process, Redis for several.

    ``max_connections`` bounds each worker's pool of Redis connections. The
    Redis client's own default (100) is reached when a hundred browsers of one
    worker connect at once, and each one past it fails.

    ``capacity`` bounds the messages waiting for a worker's sockets. The
    Redis layer keeps them in one list per worker process, not per socket,
    so its default of 100 was full when fifty people in a section each
    introduced themselves to a newcomer, and further messages were refused.
    """
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL {redis_url!r} must start with redis://, rediss:// or unix://."
        )
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": redis_url,
                        "max_connections": max_connections,
                        "socket_timeout": REDIS_READ_TIMEOUT,
                    }
                ],
                "capacity": WAITING_MESSAGES_PER_WORKER,
            },
        }
    }
