"""Propose clusters of near-identical recommendations; a person confirms them.

Several States often ask the same thing ("Ratify the Optional Protocol to
the ICESCR", "Consider acceding to the Optional Protocol …"), and a treaty
body may ask it again in another cycle. Texts are compared with rapidfuzz
within one State under review, across mechanisms and cycles.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process, utils

from audit import Verb, record
from recommendations.models import Cluster, Recommendation
from reportdesk.abilities.recommendations import can_manage_clusters
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

# token_set_ratio scores a text that repeats another with additions ("Ratify
# X, in order to …") as near-identical, which is what we want; the second,
# looser order-sensitive check keeps two short texts that share only their
# verbs apart. Both were tuned on Slovenia's 254 and UPR Info's Canada rows.
THRESHOLD = 88
GUARD = 60
# One State rarely has more; past this the comparison (quadratic) is refused.
MAX_RECOMMENDATIONS = 5000
TITLE_CHARS = 120


def propose_groups(
    texts: list[str], *, threshold: int = THRESHOLD
) -> list[tuple[list[int], int]]:
    """Indexes of near-identical texts, each group with its lowest score.

    Each group is seeded by the first text not yet grouped and holds the
    texts close to that seed, so similarity does not chain from one text to
    a different one through intermediaries.
    """
    processed = [utils.default_process(text) for text in texts]
    grouped: set[int] = set()
    groups: list[tuple[list[int], int]] = []
    for seed, text in enumerate(processed):
        if seed in grouped or not text:
            continue
        close = process.extract(
            text,
            processed,
            scorer=fuzz.token_set_ratio,
            score_cutoff=threshold,
            limit=None,
        )
        members = [
            (index, round(score))
            for _choice, score, index in close
            if index != seed
            and index not in grouped
            and fuzz.token_sort_ratio(text, processed[index]) >= GUARD
        ]
        if members:
            indexes = [seed, *sorted(index for index, _score in members)]
            grouped.update(indexes)
            groups.append((indexes, min(score for _index, score in members)))
    return groups


def do_propose_clusters(user: User, *, state: str) -> list[Cluster]:
    """Propose clusters among one State's recommendations.

    A set already proposed, confirmed or rejected is not proposed again, and
    recommendations already in a confirmed cluster are left out.
    """
    if not can_manage_clusters(user):
        raise NotAllowed(_("Only the secretariat manages clusters."))
    rows = list(
        Recommendation.objects.filter(state=state)
        .exclude(clusters__status=Cluster.Status.CONFIRMED)
        .order_by("mechanism", "symbol", "sort_key", "id")
    )
    if not rows:
        raise DomainError(
            _("There are no recommendations to %(state)s to compare.")
            % {"state": state}
        )
    if len(rows) > MAX_RECOMMENDATIONS:
        raise DomainError(
            _("%(count)s recommendations are too many to compare at once.")
            % {"count": len(rows)}
        )
    groups = propose_groups([comparable_text(row) for row in rows])
    known = set(Cluster.objects.filter(state=state).values_list("signature", flat=True))
    created: list[Cluster] = []
    with transaction.atomic():
        for indexes, score in groups:
            members = [rows[i] for i in indexes]
            signature = ",".join(str(pk) for pk in sorted(m.pk for m in members))
            if signature in known:
                continue
            cluster = Cluster.objects.create(
                title=_title(comparable_text(members[0])),
                state=state,
                score=score,
                signature=signature,
            )
            cluster.members.set(members)
            created.append(cluster)
        if created:
            record(
                user,
                Verb.CREATE,
                target=("recommendations.cluster", ""),
                details={"state": state, "proposed": [c.pk for c in created]},
            )
    logger.info("proposed %s clusters for %s", len(created), state)
    return created


def comparable_text(recommendation: Recommendation) -> str:
    """The text with its sub-items: a committee's paragraph often opens with
    "The Committee recommends that the State party:" and says the rest in
    (a), (b) …, so the opening alone would make unrelated paragraphs look alike."""
    items = [str(item.get("text", "")) for item in recommendation.subitems or []]
    return " ".join([recommendation.text, *items])


def _title(text: str) -> str:
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def do_confirm_cluster(
    user: User, cluster: Cluster, *, title: str = "", members: list[int] | None = None
) -> Cluster:
    """Confirm a proposed cluster, optionally renamed and with fewer members.

    Takes the cluster's row lock, so two people deciding at once cannot both
    succeed.
    """
    if not can_manage_clusters(user):
        raise NotAllowed(_("Only the secretariat manages clusters."))
    with transaction.atomic():
        locked = _lock_proposed(cluster)
        if members is not None:
            kept = list(locked.members.filter(pk__in=members))
            if len(kept) < 2:
                raise DomainError(_("A cluster needs at least two recommendations."))
            locked.members.set(kept)
        if title.strip():
            locked.title = title.strip()[:300]
        locked.status = Cluster.Status.CONFIRMED
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save()
        record(user, Verb.ACCEPT, target=locked)
    return locked


def _lock_proposed(cluster: Cluster) -> Cluster:
    """The cluster's row, locked; refused unless it still awaits a decision."""
    locked = Cluster.objects.select_for_update().get(pk=cluster.pk)
    if locked.status != Cluster.Status.PROPOSED:
        raise DomainError(
            _("This cluster was already %(status)s.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def do_reject_cluster(user: User, cluster: Cluster) -> Cluster:
    """Reject a proposal; it is kept so the same set is not proposed again.
    Takes the cluster's row lock."""
    if not can_manage_clusters(user):
        raise NotAllowed(_("Only the secretariat manages clusters."))
    with transaction.atomic():
        locked = _lock_proposed(cluster)
        locked.status = Cluster.Status.REJECTED
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.save()
        record(user, Verb.REJECT, target=locked)
    return locked
