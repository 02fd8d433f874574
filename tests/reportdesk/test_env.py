from pathlib import Path

import pytest
from channels_redis.core import RedisChannelLayer
from django.core.exceptions import ImproperlyConfigured

from reportdesk.env import channel_layers, env_bool, env_int, parse_database_url

BASE = Path("/srv/reportdesk")


def test_postgres_url_becomes_django_settings():
    config = parse_database_url(
        "postgres://nmrf:s%40cret@db.internal:5433/reportdesk?sslmode=require",
        base_dir=BASE,
    ).as_django()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        "reportdesk",
        "nmrf",
        "s@cret",
    )
    assert (config["HOST"], config["PORT"]) == ("db.internal", "5433")
    assert config["OPTIONS"] == {"sslmode": "require"}


def test_sqlite_url_is_relative_to_the_project_unless_absolute():
    assert (
        parse_database_url("sqlite:///var/db.sqlite3", base_dir=BASE).name
        == "/srv/reportdesk/var/db.sqlite3"
    )
    assert (
        parse_database_url("sqlite:////data/db.sqlite3", base_dir=BASE).name
        == "/data/db.sqlite3"
    )


@pytest.mark.parametrize(
    "url", ["mysql://root@localhost/x", "postgres://localhost", "sqlite://", "nonsense"]
)
def test_it_refuses_database_urls_it_cannot_use(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        parse_database_url(url, base_dir=BASE)


def test_yes_no_values_are_strict(monkeypatch):
    monkeypatch.setenv("DEBUG", "yes")
    assert env_bool("DEBUG") is True
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe'"):
        env_bool("DEBUG")


def test_whole_numbers_are_checked(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_AGE", "8h")
    with pytest.raises(ImproperlyConfigured, match="SESSION_COOKIE_AGE"):
        env_int("SESSION_COOKIE_AGE", 1)


def test_channel_layer_is_in_memory_without_redis_and_redis_with_it():
    assert channel_layers(None)["default"]["BACKEND"].endswith("InMemoryChannelLayer")
    assert channel_layers("redis://127.0.0.1:6379/0")["default"]["BACKEND"].endswith(
        "RedisChannelLayer"
    )
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        channel_layers("127.0.0.1:6379")


def test_a_worker_may_hold_more_redis_connections_than_the_client_s_default():
    layer = channel_layers("redis://127.0.0.1:6379/0", max_connections=500)

    [host] = layer["default"]["CONFIG"]["hosts"]
    assert host["address"] == "redis://127.0.0.1:6379/0"
    assert host["max_connections"] == 500


def test_a_worker_s_sockets_may_have_more_messages_waiting_than_the_layer_s_default():
    layer = channel_layers("redis://127.0.0.1:6379/0")

    # One list holds the waiting messages of all the sockets of a worker.
    assert layer["default"]["CONFIG"]["capacity"] >= 50 * 50


def test_a_socket_may_wait_for_its_next_message_longer_than_the_client_s_read_limit():
    layer = channel_layers("redis://127.0.0.1:6379/0")

    [host] = layer["default"]["CONFIG"]["hosts"]
    # channels_redis blocks 5 s on a quiet channel; the read must outlast it.
    assert host["socket_timeout"] > RedisChannelLayer.brpop_timeout
