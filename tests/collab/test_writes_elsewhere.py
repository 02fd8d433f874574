"""A section saved outside the live editor (the section page, the API) reaches
the people editing it live at once, not only when their copy is next checked."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from drafting.actions import do_update_section_text
from tests.collab.conftest import in_own_loop, open_browser, real_paragraphs

pytestmark = [pytest.mark.django_db(transaction=True)]

# Far below the ten seconds after which a socket checks its copy by itself.
PROMPTLY = 1.0


@in_own_loop
async def test_an_editor_gets_a_text_saved_on_the_section_page_promptly(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    # The paragraph after the section's own, from the same real report.
    added = real_paragraphs(7).split("\n\n")[-1]
    new_text = f"{section.text}\n\n{added}"

    saved = await sync_to_async(do_update_section_text)(
        personas.coordinator, section, text=new_text, base_version=section.version
    )

    push = await browser.receive_type("sync", timeout=PROMPTLY)
    browser.peer.incoming(push)

    assert push["push"] is True and push["version"] == saved.version
    assert browser.peer.text == new_text
    await browser.close()


@in_own_loop
async def test_an_editor_gets_an_accepted_contribution_promptly(personas, section):
    from contributions.actions import do_review_contribution, review_plan
    from contributions.actions.review import Decision
    from tests.contributions.conftest import propose, send

    proposed = section.text.replace("Slovenia", "The Republic of Slovenia", 1)
    proposal = await sync_to_async(propose)(personas.focal_point, section, proposed)
    await sync_to_async(send)(personas, proposal)
    browser = await open_browser(personas.drafter, section.pk)

    plan = await sync_to_async(review_plan)(proposal, section)
    await sync_to_async(do_review_contribution)(
        personas.coordinator,
        proposal,
        base_version=plan.section_version,
        base_number=1,
        decisions={p.change.number: Decision("accept") for p in plan.placements},
    )

    push = await browser.receive_type("sync", timeout=PROMPTLY)
    browser.peer.incoming(push)
    assert push["push"] is True
    assert browser.peer.text == proposed
    await browser.close()
