import io
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from consultation import uploads
from consultation.models import Submission
from consultation.reviewing import do_upload_submission
from reportdesk.abilities.consultation import visible_submissions
from reportdesk.errors import DomainError, NotAllowed
from tests.conftest import DATA

pytestmark = pytest.mark.django_db

PDF = DATA / "cerd_brazil" / "CERD_C_BRA_FCO_18-20_follow_up_report.pdf"


def word_submission() -> bytes:
    """A real Word file with real text: the Ombudsman's paragraph of the report."""
    document = docx.Document()
    document.add_heading("Comments of the Human Rights Ombudsman", level=1)
    document.add_paragraph(
        "In 2021, the Human Rights Ombudsman received “A” status accreditation "
        "according to the Paris Principles."
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(user, round, content, name):
    return do_upload_submission(
        user, round, upload=SimpleUploadedFile(name, content), title="Our comments"
    )


@pytest.mark.parametrize(
    ("name", "content", "file_type"),
    [
        ("comments.docx", word_submission(), "docx"),
        ("submission.pdf", PDF.read_bytes(), "pdf"),
    ],
)
def test_an_invited_organisation_uploads_word_or_pdf(
    personas, consultation_round, name, content, file_type
):
    submission = _upload(personas.nhri_reviewer, consultation_round, content, name)
    assert submission.file_type == file_type
    assert submission.entity == personas.nhri_reviewer.membership.entity
    assert submission.original_name == name
    stored = Path(submission.file.path)
    # Under MEDIA_ROOT, with a random name that owes nothing to the upload's.
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert name.split(".")[0] not in stored.name
    assert len(stored.stem) == 32 and stored.suffix == f".{file_type}"
    assert stored.read_bytes() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"Slovenia's preparations for the UPR 4th cycle", "neither"),
        ("old.doc", uploads.OLE_MAGIC + b"\x00" * 512, "old Word"),
        ("fake.docx", b"PK\x03\x04not really a zip", "neither"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_files_that_are_not_word_or_pdf_are_refused_by_their_bytes(
    personas, consultation_round, name, content, message
):
    with pytest.raises(DomainError, match=message):
        _upload(personas.cso_reviewer, consultation_round, content, name)
    assert not Submission.objects.exists()


def test_a_zip_that_is_not_a_word_document_is_refused(personas, consultation_round):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("report.txt", "Slovenia's preparations for the UPR 4th cycle")
    with pytest.raises(DomainError, match="neither"):
        _upload(personas.cso_reviewer, consultation_round, out.getvalue(), "a.docx")


def test_a_file_over_the_size_limit_is_refused(
    personas, consultation_round, monkeypatch
):
    monkeypatch.setattr(uploads, "MAX_SUBMISSION_BYTES", 1000)
    with pytest.raises(DomainError, match="larger than"):
        _upload(personas.cso_reviewer, consultation_round, PDF.read_bytes(), "big.pdf")


@pytest.mark.parametrize("persona", ["coordinator", "focal_point", "outsider"])
def test_only_invited_organisations_upload(personas, consultation_round, persona):
    with pytest.raises(NotAllowed):
        _upload(
            getattr(personas, persona), consultation_round, PDF.read_bytes(), "a.pdf"
        )


def test_nothing_is_uploaded_after_the_round_closed(
    personas, consultation_round, clock
):
    clock.advance(days=21)
    with pytest.raises(NotAllowed):
        _upload(personas.nhri_reviewer, consultation_round, PDF.read_bytes(), "a.pdf")


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("coordinator", True),
        ("drafter", True),
        ("focal_point", False),
        ("nhri_reviewer", False),
        ("cso_reviewer", False),
        ("outsider", False),
    ],
)
def test_submissions_are_served_to_the_secretariat_only(
    personas, consultation_round, persona, sees
):
    submission = _upload(
        personas.cso_reviewer, consultation_round, word_submission(), "ours.docx"
    )
    assert (submission in visible_submissions(getattr(personas, persona))) is sees


def test_a_refused_upload_leaves_no_file_behind(personas, consultation_round, clock):
    before = set(Path(settings.MEDIA_ROOT).rglob("*"))
    # Allowed when asked, closed by the time the row is written.
    consultation_round.closes_at = clock.now
    consultation_round.save()
    fresh = type(consultation_round).objects.get(pk=consultation_round.pk)
    fresh.closes_at = clock.now.replace(year=2030)
    with pytest.raises(DomainError, match="closed"):
        _upload(personas.nhri_reviewer, fresh, PDF.read_bytes(), "late.pdf")
    assert set(Path(settings.MEDIA_ROOT).rglob("*")) == before
