"""Proposing, confirming and rejecting clusters of near-identical recommendations."""

import pytest
from django.urls import reverse

from recommendations.actions import (
    do_confirm_cluster,
    do_propose_clusters,
    do_reject_cluster,
)
from recommendations.actions.clusters import propose_groups
from recommendations.models import Cluster
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


def members(cluster) -> list[str]:
    return sorted(
        (m.number for m in cluster.members.all()), key=lambda n: int(n.split(".")[1])
    )


def cluster_with(clusters, number):
    return next(c for c in clusters if number in members(c))


def test_several_states_asking_the_same_ratification_are_proposed_together(
    slovenia_cycle, personas
):
    proposed = do_propose_clusters(personas.drafter, state="Slovenia")
    assert members(cluster_with(proposed, "140.7")) == [
        "140.7",
        "140.8",
        "140.9",
        "140.10",
    ]
    assert members(cluster_with(proposed, "140.1")) == [
        "140.1",
        "140.2",
        "140.3",
        "140.4",
        "140.5",
        "140.6",
    ]
    assert len(proposed) == 14
    assert {c.status for c in proposed} == {"proposed"}


def test_a_proposal_is_not_a_cluster_until_confirmed(slovenia_cycle, personas):
    proposed = do_propose_clusters(personas.drafter, state="Slovenia")
    assert not Cluster.objects.filter(status="confirmed").exists()
    chosen = cluster_with(proposed, "140.7")
    keep = [m.pk for m in chosen.members.all() if m.number != "140.10"]
    confirmed = do_confirm_cluster(
        personas.drafter, chosen, title="Optional Protocol to the ICESCR", members=keep
    )
    assert confirmed.status == "confirmed"
    assert confirmed.decided_by == personas.drafter
    assert members(confirmed) == ["140.7", "140.8", "140.9"]
    with pytest.raises(DomainError, match="already confirmed"):
        do_reject_cluster(personas.drafter, confirmed)


def test_proposing_again_skips_decided_sets_and_confirmed_members(
    slovenia_cycle, personas
):
    proposed = do_propose_clusters(personas.drafter, state="Slovenia")
    do_confirm_cluster(personas.drafter, cluster_with(proposed, "140.7"))
    do_reject_cluster(personas.drafter, cluster_with(proposed, "140.1"))
    again = do_propose_clusters(personas.drafter, state="Slovenia")
    assert again == []
    assert Cluster.objects.count() == 14


def test_a_cluster_of_one_is_refused(slovenia_cycle, personas):
    proposed = do_propose_clusters(personas.drafter, state="Slovenia")
    chosen = cluster_with(proposed, "140.7")
    with pytest.raises(DomainError, match="at least two"):
        do_confirm_cluster(
            personas.drafter, chosen, members=[chosen.members.first().pk]
        )


def test_recommendations_of_other_mechanisms_of_the_same_state_are_compared():
    groups = propose_groups(
        [
            "Consider ratifying the ILO Convention 169",
            "Ratify the Optional Protocol to ICESCR",
            "Consider ratifying the ILO Convention No. 169",
        ]
    )
    assert [indexes for indexes, _score in groups] == [[0, 2]]


@pytest.mark.parametrize("persona", ["focal_point", "nhri_reviewer", "outsider"])
def test_only_the_secretariat_manages_clusters(slovenia_cycle, personas, persona):
    with pytest.raises(NotAllowed):
        do_propose_clusters(getattr(personas, persona), state="Slovenia")
    assert not Cluster.objects.exists()


def test_the_api_proposes_lists_and_confirms(api_client, slovenia_cycle, personas):
    api_client.force_authenticate(personas.coordinator)
    created = api_client.post(
        reverse("api-recommendation-clusters-propose"),
        {"state": "Slovenia"},
        format="json",
    )
    assert created.status_code == 201
    first = created.json()[0]
    response = api_client.post(
        reverse("api-recommendation-cluster-confirm", args=[first["id"]]),
        {},
        format="json",
    )
    assert response.json()["status"] == "confirmed"
    listed = api_client.get(
        reverse("api-recommendation-clusters"), {"status": "confirmed"}
    )
    assert [c["id"] for c in listed.json()["results"]] == [first["id"]]
    api_client.force_authenticate(personas.focal_point)
    assert api_client.get(reverse("api-recommendation-clusters")).json()["count"] == 0
    reject = reverse("api-recommendation-cluster-reject", args=[first["id"]])
    assert api_client.post(reject).status_code == 404
