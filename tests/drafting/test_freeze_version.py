import pytest

from drafting.actions import do_freeze_version
from reportdesk.errors import NotAllowed

pytestmark = pytest.mark.django_db


def test_a_frozen_version_keeps_the_text_as_it_was(personas, report):
    first = do_freeze_version(personas.drafter, report, label="Shown to civil society")
    intro = report.sections.get(key="upr.A")
    intro.text = "Changed afterwards."
    intro.save()
    second = do_freeze_version(personas.drafter, report)
    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    texts = {s["key"]: s["text"] for s in first.snapshot["sections"]}
    assert texts["upr.A"].startswith("Slovenia’s preparations")
    assert [s["depth"] for s in first.snapshot["sections"]][:2] == [1, 1]


@pytest.mark.parametrize("persona", ["focal_point", "cso_reviewer", "outsider"])
def test_only_the_secretariat_freezes_versions(personas, report, persona):
    with pytest.raises(NotAllowed):
        do_freeze_version(getattr(personas, persona), report)
    assert not report.versions.exists()
