"""A socket with nothing to receive for a while stays open on the Redis layer.

The layer waits up to 5 s at a time for a socket's next message; the Redis
client once gave up on any read after 5 s, so a socket quiet for that long
had its wait fail, and the browser's connection was closed.
"""

from __future__ import annotations

import asyncio
import os

import pytest
from channels_redis.core import RedisChannelLayer

from reportdesk.env import channel_layers
from tests.collab.conftest import in_own_loop

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs REDIS_URL; .ci/run sets it"
)


@in_own_loop
async def test_a_quiet_socket_waits_past_the_layer_s_blocking_read():
    config = channel_layers(os.environ["REDIS_URL"])["default"]["CONFIG"]
    layer = RedisChannelLayer(**config)
    channel = await layer.new_channel()

    # Nothing is sent: the wait outlasts one blocking read and is then
    # given up by the test itself, not by the Redis client.
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(layer.receive(channel), layer.brpop_timeout + 1.5)
