"""The live-editing socket: transport only.

It authenticates, checks each frame (``protocol``), runs the synchronisation
(``sync``) and calls the actions; everything else is elsewhere. One consumer
handles its frames one at a time, so its peer state needs no lock.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _

from accounts.sessions import person_group
from audit import record_denied
from reportdesk.errors import DomainError, NotAllowed

from . import actions
from .hub import HUBS
from .merge import Differ
from .mirror import MIRRORS, Mirror
from .protocol import (
    CheckpointFrame,
    PresenceFrame,
    ProtocolError,
    ResyncFrame,
    SyncFrame,
    read_frame,
)
from .sync import Resync, ServerPeer
from .writer import WRITERS

logger = logging.getLogger(__name__)
security_log = logging.getLogger("security")

# How long others' cursor moves are gathered before they are sent.
PRESENCE_GATHER = 0.05

CLOSE_NOT_SIGNED_IN = 4401
CLOSE_NOT_ALLOWED = 4403


def _resume_key(query: bytes) -> uuid.UUID | None:
    values = parse_qs(query.decode("latin-1")).get("resume", [])
    try:
        return uuid.UUID(values[0]) if values else None
    except ValueError:
        return None


class SectionConsumer(AsyncJsonWebsocketConsumer):
    """One browser editing (or following) one section."""

    section_id: int
    peer: ServerPeer | None = None
    session: uuid.UUID
    can_write = False
    edited = False
    pause_task: asyncio.Task[None] | None = None
    # While a frame from the browser is being handled, a change of the
    # section is not pushed (the peer is mid-step); it is pushed right after.
    busy = False
    push_due = False
    # Others' cursor moves not yet sent, by person, and the sending to come.
    moves: dict[str, dict[str, Any]]
    sending_moves: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self.section_id = int(self.scope["url_route"]["kwargs"]["pk"])
        self.moves = {}
        self.user = self.scope.get("user")
        self.differ = Differ()
        # Accept first, so a refusal can say why in an error frame.
        await self.accept()
        if self.user is None or not self.user.is_authenticated:
            await self._refuse(
                "not_signed_in",
                _("Your sign-in has expired. Sign in again to edit this section."),
                CLOSE_NOT_SIGNED_IN,
            )
            return
        # Deactivating the person closes this socket (accounts.sessions).
        await self.channel_layer.group_add(
            person_group(self.user.pk), self.channel_name
        )
        resume = _resume_key(self.scope.get("query_string", b""))
        try:
            opening = await database_sync_to_async(actions.open_live_section)(
                self.user, self.section_id, resume=resume
            )
        except NotAllowed as err:
            security_log.warning(
                "denied live section %s for user %s", self.section_id, self.user.pk
            )
            await database_sync_to_async(record_denied)(
                self.user,
                target=("drafting.section", self.section_id),
                via="socket",
                address=(self.scope.get("client") or [None])[0],
            )
            await self._refuse("not_allowed", str(err.message), CLOSE_NOT_ALLOWED)
            return
        self.can_write = opening.abilities["write"]
        self.context = opening.context
        self.presence_id = uuid.uuid4().hex[:12]
        MIRRORS.attach(self.section_id, opening.text, opening.version)
        self.busy = True
        await HUBS.join(self.section_id, self)
        mirror = MIRRORS.get(self.section_id)
        assert mirror is not None  # noqa: S101 - attached just above
        await self._welcome(mirror, resumed=resume, applied=opening.applied)
        await self._settle()
        await self._group({"type": "presence.joined", "reply_to": self.channel_name})

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections before every message, in
        # a hop to the shared database thread: one per keystroke and one per
        # peer for every broadcast. Every query here already runs through
        # database_sync_to_async, which closes them itself before and after.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"no handler for message type {message['type']!r}")
        await handler(message)

    async def disconnect(self, code: int) -> None:
        user = getattr(self, "user", None)
        if user is not None and user.is_authenticated:
            await self.channel_layer.group_discard(
                person_group(user.pk), self.channel_name
            )
        if self.peer is None:
            return
        self.peer = None
        if self.pause_task is not None:
            self.pause_task.cancel()
        if self.sending_moves is not None:
            self.sending_moves.cancel()
        await self._group({"type": "presence.left"})
        await HUBS.leave(self.section_id, self)
        MIRRORS.detach(self.section_id)
        if self.edited:
            await database_sync_to_async(actions.do_gather_revision)(
                self.section_id, reason=actions.Reason.LEAVE, user=self.user
            )

    async def receive(
        self,
        text_data: str | None = None,
        bytes_data: bytes | None = None,
        **kwargs: Any,
    ) -> None:
        if self.peer is None:
            return
        self.busy = True
        try:
            frame = read_frame(text_data, bytes_data)
            if isinstance(frame, SyncFrame):
                await self._take_sync(frame)
            elif isinstance(frame, PresenceFrame):
                await self._presence(frame)
            elif isinstance(frame, CheckpointFrame):
                await self._checkpoint(frame)
            elif isinstance(frame, ResyncFrame):
                await self._restart(self._mirror_or_none())
        except ProtocolError as err:
            await self.send_json(err.as_frame())
        except DomainError as err:
            await self.send_json(
                ProtocolError(err.code, str(err.message), resync=True).as_frame()
            )
        except Exception:
            # A bug must cost one frame, never the socket or the text.
            logger.exception("live section %s: frame failed", self.section_id)
            await self.send_json(
                ProtocolError(
                    "server_error",
                    _(
                        "The server could not take your last change; it will be sent again."
                    ),
                    resync=True,
                ).as_frame()
            )
        finally:
            await self._settle()

    async def _settle(self) -> None:
        """The frame is handled: push what changed meanwhile."""
        self.busy = False
        if self.push_due and self.peer is not None:
            self.push_due = False
            await self._push()

    # Frames from the browser

    async def _take_sync(self, frame: SyncFrame) -> None:
        assert self.peer is not None  # noqa: S101 - receive() checks it
        if frame.session is not None and frame.session != str(self.session):
            # Sent before the browser took our last welcome. Its numbers
            # count in the old session, and could pass for the new one's:
            # the browser merges these edits onto the welcome's text and
            # sends them again.
            logger.info("live section %s: frame of an earlier session", self.section_id)
            return
        if frame.edits and not self.can_write:
            security_log.warning(
                "refused live edit of section %s by reader %s",
                self.section_id,
                self.user.pk,
            )
            raise ProtocolError(
                "not_allowed",
                _("You may read this section but not edit it."),
                resync=True,
            )
        try:
            step = self.peer.receive(frame.ack, frame.edits)
        except Resync as err:
            logger.info("live section %s: resync (%s)", self.section_id, err)
            await self._restart(await self._current())
            return
        if step.changes:
            applied = await WRITERS.write(
                self.section_id,
                actions.EditsToWrite(
                    self.user,
                    self.session,
                    step.changes,
                    applied=step.remote_seq,
                    base_version=step.base_version,
                ),
            )
            MIRRORS.offer(self.section_id, applied.text, applied.version)
            truth, version, hunks = applied.text, applied.version, applied.tail
            if applied.changed:
                self.edited = True
                self._schedule_pause()
        else:
            mirror = await self._current()
            truth, version = mirror.text, mirror.version
            hunks = MIRRORS.between(self.section_id, step.base_version, version)
        self.peer.accept(step)
        reply = self.peer.reply(truth, version, hunks)
        await self.send_json(
            {"type": "sync", "session": str(self.session), "version": version, **reply}
        )

    async def _presence(self, frame: PresenceFrame) -> None:
        self.cursor = {
            "anchor": frame.anchor,
            "head": frame.head,
            "before": frame.before,
            "after": frame.after,
        }
        await self._group({"type": "presence.moved", "cursor": self.cursor})

    async def _checkpoint(self, frame: CheckpointFrame) -> None:
        revision = await database_sync_to_async(actions.do_gather_revision)(
            self.section_id,
            reason=actions.Reason.CHECKPOINT,
            user=self.user,
            label=frame.label,
        )
        await self.send_json(
            {
                "type": "checkpoint",
                "number": revision.number if revision else None,
            }
        )

    # Events from the section's group

    async def section_event(self, event: dict[str, Any]) -> None:
        """An event of the section, handed over by this process's hub."""
        kind = event["type"]
        if kind == "section.changed":
            if self.peer is None:
                return  # not welcomed yet: the welcome has the latest text
            if self.busy:
                self.push_due = True
            else:
                await self._push()
        elif kind == "revision.created":
            await self.revision_created(event)
        elif kind == "presence.joined":
            await self.presence_joined(event)
        elif kind == "presence.moved":
            await self.presence_moved(event)
        elif kind == "presence.left":
            await self.presence_left(event)

    async def _push(self) -> None:
        """Send the browser the section's latest change, unasked."""
        assert self.peer is not None  # noqa: S101 - the caller checks it
        mirror = MIRRORS.get(self.section_id)
        if mirror is None:
            return
        hunks = MIRRORS.between(
            self.section_id, self.peer.shadow_version, mirror.version
        )
        pushed = self.peer.push(mirror.text, mirror.version, hunks)
        if pushed is not None:
            await self.send_json(
                {
                    "type": "sync",
                    "session": str(self.session),
                    "version": mirror.version,
                    **pushed,
                }
            )

    async def account_closed(self, event: dict[str, Any]) -> None:
        await self._refuse(
            "not_signed_in",
            _("Your account has been deactivated."),
            CLOSE_NOT_SIGNED_IN,
        )

    async def revision_created(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {"type": "revision", "number": event["number"], "reason": event["reason"]}
        )

    async def presence_joined(self, event: dict[str, Any]) -> None:
        if event["from"] == self.presence_id:
            return
        await self.send_json({"type": "presence", **event["who"], "cursor": None})
        # Introduce ourselves to the newcomer only.
        await self.channel_layer.send(
            event["reply_to"],
            {
                "type": "presence.moved",
                "from": self.presence_id,
                "who": self._who(),
                "cursor": getattr(self, "cursor", None),
            },
        )

    async def presence_moved(self, event: dict[str, Any]) -> None:
        """Someone's cursor moved: gathered, and sent with the others' soon."""
        if event["from"] == self.presence_id:
            return
        self.moves[event["from"]] = {
            "type": "presence",
            **event["who"],
            "cursor": event["cursor"],
        }
        if self.sending_moves is None:
            self.sending_moves = asyncio.create_task(self._send_moves())

    async def _send_moves(self) -> None:
        # With many people in a section, a frame per cursor move to each of
        # them was most of the server's work; one frame per gathering, with
        # each person's latest cursor, tells the same.
        await asyncio.sleep(PRESENCE_GATHER)
        self.sending_moves = None
        people, self.moves = list(self.moves.values()), {}
        if people and self.peer is not None:
            try:
                await self.send_json({"type": "people", "people": people})
            except OSError:
                logger.debug("live section %s: socket closed", self.section_id)

    async def presence_left(self, event: dict[str, Any]) -> None:
        if event["from"] != self.presence_id:
            self.moves.pop(event["from"], None)
            await self.send_json({"type": "left", "id": event["from"]})

    # Helpers

    def _who(self) -> dict[str, Any]:
        return {
            "id": self.presence_id,
            "name": self.user.get_full_name() or self.user.get_username(),
            "can_edit": self.can_write,
        }

    async def _group(self, event: dict[str, Any]) -> None:
        event = {**event, "from": self.presence_id, "who": self._who()}
        await HUBS.publish(self.section_id, event)

    async def _refuse(self, code: str, message: str, close_code: int) -> None:
        await self.send_json(ProtocolError(code, message).as_frame())
        await self.close(code=close_code)

    def _mirror_or_none(self) -> Mirror | None:
        return MIRRORS.get(self.section_id)

    async def _current(self) -> Mirror:
        mirror = MIRRORS.get(self.section_id)
        if mirror is None or mirror.stale:
            mirror = await self._reload()
        return mirror

    async def _reload(self, *, announce: bool = True) -> Mirror:
        text, version = await database_sync_to_async(actions.current_text)(
            self.section_id
        )
        mirror = MIRRORS.get(self.section_id)
        known = mirror.version if mirror else 0
        mirror = MIRRORS.offer(self.section_id, text, version)
        if announce and known and version > known:
            # A write that came from elsewhere: tell every socket on the section.
            await HUBS.publish(
                self.section_id,
                {
                    "type": "section.changed",
                    "from_version": -1,
                    "version": version,
                    "delta": None,
                },
            )
        return mirror

    async def _restart(self, mirror: Mirror | None) -> None:
        """A new session from the server's text; the browser rebases onto it."""
        if mirror is None:
            mirror = await self._reload()
        old = self.session
        applied = self.peer.remote_seq if self.peer else 0
        await self._welcome(mirror, resumed=old, applied=applied)

    async def _welcome(
        self, mirror: Mirror, *, resumed: uuid.UUID | None, applied: int
    ) -> None:
        self.session = uuid.uuid4()
        self.peer = ServerPeer(mirror.text, self.differ, mirror.version)
        await self.send_json(
            {
                "type": "welcome",
                "session": str(self.session),
                "resumed": str(resumed) if resumed else None,
                "applied": applied,
                "text": mirror.text,
                "version": mirror.version,
                "can_edit": self.can_write,
                "you": self._who(),
                "context": self.context.as_json(),
            }
        )

    def _schedule_pause(self) -> None:
        if self.pause_task is not None:
            self.pause_task.cancel()
        self.pause_task = asyncio.ensure_future(self._after_pause())

    async def _after_pause(self) -> None:
        await asyncio.sleep(actions.PAUSE.total_seconds())
        await database_sync_to_async(actions.do_gather_revision)(
            self.section_id, reason=actions.Reason.PAUSE
        )
