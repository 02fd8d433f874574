"""REST endpoints for consultation rounds. Each one finds the object through
the abilities (a round you may not see is a 404), calls one action and
shapes the answer."""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import limits
from audit import Verb
from consultation import actions, reviewing
from consultation.export import current_texts, record_csv, record_docx, record_xlsx
from consultation.methodology import (
    do_prefill_methodology,
    methodology_section,
    methodology_text,
)
from consultation.models import Comment, Invitation, Round, Submission
from consultation.queries import filter_comments
from consultation.reading import shared_sections
from consultation.serializers import (
    AcceptedSerializer,
    AcceptInvitationSerializer,
    AnonymousSerializer,
    CommentSerializer,
    DecisionSerializer,
    InvitationSerializer,
    MethodologySerializer,
    NewCommentSerializer,
    NewInvitationSerializer,
    NewRoundSerializer,
    NewSubmissionSerializer,
    PublicCommentSerializer,
    PublicRoundSerializer,
    RoundSerializer,
    RoundTextSerializer,
    RoundUpdateSerializer,
    SubmissionSerializer,
    ToldSerializer,
)
from consultation.trail import record_round_act
from consultation.uploads import CONTENT_TYPES
from contributions.models import Entity, Revision
from drafting.models import Report, Section
from reportdesk.abilities import visible_reports
from reportdesk.abilities.consultation import (
    CONSULTED_KINDS,
    can_run_consultations,
    comment_abilities,
    own_comments,
    round_abilities,
    visible_comments,
    visible_rounds,
    visible_submissions,
)
from reportdesk.errors import DomainError, NotAllowed

RECORD_TYPES = {
    "docx": (
        record_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "csv": (record_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        record_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def site_of(request: Any) -> str:
    """The scheme and host links in e-mails start with."""
    return str(request.build_absolute_uri("/")).rstrip("/")


def client_address(request: Any) -> str:
    # TODO(#6): behind a reverse proxy every client shares the proxy's
    # address; read the forwarded address once the deployment names a
    # trusted proxy, and not before (the header is anyone's to forge).
    return str(request.META.get("REMOTE_ADDR", ""))


def _report(request: Request, slug: str) -> Report:
    return get_object_or_404(visible_reports(request.user), slug=slug)


def _round(request: Request, pk: int) -> Round:
    return get_object_or_404(
        visible_rounds(request.user).select_related("report", "version"), pk=pk
    )


def _round_to(request: Request, pk: int, ability: str, refusal: Any) -> Round:
    """The round, if the person may see it (else 404) and do ``ability``
    with it (else 403 with ``refusal``): asked before the body is read, so
    nobody learns what a form wants before learning they may not send it."""
    round = _round(request, pk)
    if not round_abilities(request.user, round)[ability]:
        raise NotAllowed(refusal)
    return round


def _public_round(token: str) -> Round:
    round = get_object_or_404(
        Round.objects.select_related("report", "version").exclude(public_token=""),
        public_token=token,
    )
    if not round.has_opened():
        raise NotAllowed(_("This consultation has not opened yet."))
    return round


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    return {"request": request, **extra}


def _text_payload(round: Round) -> dict[str, Any]:
    return {
        "round": round.pk,
        "version": round.version.number,
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "depth": s.depth,
                "text": s.text,
                "html": s.html,
            }
            for s in shared_sections(round)
        ],
    }


def _user(request: Request) -> Any:
    return request.user


class ReportRounds(APIView):
    @extend_schema(responses=RoundSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        report = _report(request, slug)
        rounds = visible_rounds(request.user).filter(report=report)
        return Response(
            RoundSerializer(rounds, many=True, context=_context(request)).data
        )

    @extend_schema(request=NewRoundSerializer, responses={201: RoundSerializer})
    def post(self, request: Request, slug: str) -> Response:
        report = _report(request, slug)
        if not can_run_consultations(request.user, report):
            raise NotAllowed(_("Only the secretariat runs consultation rounds."))
        payload = NewRoundSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        version = None
        if "version" in data:
            version = get_object_or_404(report.versions, number=data["version"])
        organisations = list(Entity.objects.filter(pk__in=data["organisations"]))
        if len(organisations) != len(set(data["organisations"])):
            raise DomainError(_("One of the organisations does not exist."))
        round = actions.do_open_round(
            _user(request),
            report,
            title=data["title"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            sections=data["sections"],
            organisations=organisations,
            public_link=data["public_link"],
            reviewers_see_each_other=data["reviewers_see_each_other"],
            version=version,
        )
        return Response(
            RoundSerializer(round, context=_context(request)).data, status=201
        )


class RoundList(APIView):
    @extend_schema(responses=RoundSerializer(many=True))
    def get(self, request: Request) -> Response:
        rounds = visible_rounds(request.user).select_related("report", "version")
        return Response(
            RoundSerializer(rounds, many=True, context=_context(request)).data
        )


class RoundDetail(APIView):
    @extend_schema(responses=RoundSerializer)
    def get(self, request: Request, pk: int) -> Response:
        round = _round(request, pk)
        record_round_act(request.user, Verb.VIEW, round, request=request)
        return Response(RoundSerializer(round, context=_context(request)).data)

    @extend_schema(request=RoundUpdateSerializer, responses=RoundSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        round = _round(request, pk)
        payload = RoundUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        round = actions.do_update_round(_user(request), round, **payload.validated_data)
        return Response(RoundSerializer(round, context=_context(request)).data)


class RoundClose(APIView):
    @extend_schema(request=None, responses=RoundSerializer)
    def post(self, request: Request, pk: int) -> Response:
        round = actions.do_close_round(_user(request), _round(request, pk))
        return Response(RoundSerializer(round, context=_context(request)).data)


class RoundText(APIView):
    @extend_schema(responses=RoundTextSerializer)
    def get(self, request: Request, pk: int) -> Response:
        round = _round(request, pk)
        record_round_act(request.user, Verb.VIEW, round, request=request, text=True)
        return Response(_text_payload(round))


def _comment_list(request: Request, round: Round, **context: Any) -> list[Any]:
    secretariat = round_abilities(request.user, round)["see_all_comments"]
    comments = filter_comments(
        visible_comments(request.user, round, **context).select_related(
            "entity", "round__report"
        ),
        request.query_params,
        reveal=secretariat,
    )
    extra: dict[str, Any] = {}
    if secretariat:
        extra["current_texts"] = current_texts(round.report)
    return list(
        CommentSerializer(comments, many=True, context=_context(request, **extra)).data
    )


COMMENT_FILTERS = [
    OpenApiParameter("section", int, description="a section id of the version"),
    OpenApiParameter(
        "organisation", str, description="an entity id, or 'public' for the link"
    ),
    OpenApiParameter(
        "decision",
        str,
        description="accepted, partly_accepted, not_accepted, noted or undecided",
    ),
]


class RoundComments(APIView):
    @extend_schema(parameters=COMMENT_FILTERS, responses=CommentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        return Response(_comment_list(request, _round(request, pk)))

    @extend_schema(request=NewCommentSerializer, responses={201: CommentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        round = _round_to(
            request,
            pk,
            "comment",
            _("Only invited organisations can comment, while the round is open."),
        )
        payload = NewCommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        comment = reviewing.do_comment(
            _user(request),
            round,
            section_id=data["section"],
            quote=data["quote"],
            body=data["body"],
            proposed_wording=data["proposed_wording"],
        )
        return Response(
            CommentSerializer(comment, context=_context(request)).data, status=201
        )


class CommentDecision(APIView):
    @extend_schema(request=DecisionSerializer, responses=CommentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        comment = get_object_or_404(
            Comment.objects.select_related("round__report"),
            pk=pk,
            round__in=visible_rounds(request.user),
        )
        if not comment_abilities(request.user, comment)["decide"]:
            raise NotAllowed(_("Only the secretariat decides on comments."))
        payload = DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        report = comment.round.report
        section = None
        if data.get("carried_in_section"):
            section = get_object_or_404(
                Section, pk=data["carried_in_section"], report=report
            )
        revision = None
        if data.get("carried_in_revision"):
            revision = get_object_or_404(
                Revision.objects.select_related("contribution__section"),
                pk=data["carried_in_revision"],
                contribution__section__report=report,
            )
        comment = reviewing.do_decide(
            _user(request),
            comment,
            decision=data["decision"],
            reason=data["reason"],
            carried_in_section=section,
            carried_in_version=data.get("carried_in_version"),
            carried_in_revision=revision,
        )
        context = _context(request, current_texts=current_texts(report))
        return Response(CommentSerializer(comment, context=context).data)


class RoundInvitations(APIView):
    @extend_schema(responses=InvitationSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        round = _round(request, pk)
        if not round_abilities(request.user, round)["manage"]:
            raise NotAllowed(_("Only the secretariat sees the invitations."))
        invitations = (
            Invitation.objects.filter(participant__round=round)
            .select_related("participant__entity")
            .order_by("created_at", "id")
        )
        return Response(InvitationSerializer(invitations, many=True).data)

    @extend_schema(
        request=NewInvitationSerializer, responses={201: InvitationSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        round = _round_to(
            request, pk, "manage", _("Only the secretariat runs consultation rounds.")
        )
        payload = NewInvitationSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        entity = None
        if data.get("entity"):
            entity = get_object_or_404(
                Entity, pk=data["entity"], kind__in=CONSULTED_KINDS
            )
        invitation, _token = actions.do_invite(
            _user(request),
            round,
            email=data["email"],
            site=site_of(request),
            entity=entity,
            organisation_name=data.get("organisation_name", ""),
            kind=data["kind"],
        )
        return Response(InvitationSerializer(invitation).data, status=201)


class InvitationAccept(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        request=AcceptInvitationSerializer, responses={201: AcceptedSerializer}
    )
    def post(self, request: Request) -> Response:
        limits.check(limits.INVITATION, request)
        payload = AcceptInvitationSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        person = actions.do_accept_invitation(
            data["token"],
            user=request.user,
            username=data["username"],
            password=data["password"],
            full_name=data["full_name"],
        )
        body = {
            "username": person.username,
            "organisation": person.membership.entity.name,
        }
        return Response(body, status=201)


class RoundAnonymous(APIView):
    @extend_schema(request=AnonymousSerializer, responses=AnonymousSerializer)
    def post(self, request: Request, pk: int) -> Response:
        round = _round_to(
            request,
            pk,
            "set_anonymous",
            _("Only an invited organisation can ask this, while the round is open."),
        )
        payload = AnonymousSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        participant = actions.do_set_anonymous(
            _user(request), round, anonymous=payload.validated_data["anonymous"]
        )
        return Response({"anonymous": participant.anonymous})


class RoundSubmissions(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(responses=SubmissionSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        round = _round(request, pk)
        if not round_abilities(request.user, round)["download_submissions"]:
            raise NotAllowed(_("Only the secretariat sees the written submissions."))
        submissions = (
            visible_submissions(request.user)
            .filter(round=round)
            .select_related("entity")
        )
        return Response(SubmissionSerializer(submissions, many=True).data)

    @extend_schema(
        request={"multipart/form-data": NewSubmissionSerializer},
        responses={201: SubmissionSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        round = _round_to(
            request,
            pk,
            "upload",
            _("Only invited organisations can upload, while the round is open."),
        )
        payload = NewSubmissionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        submission = reviewing.do_upload_submission(
            _user(request),
            round,
            upload=payload.validated_data["file"],
            title=payload.validated_data.get("title", ""),
        )
        return Response(SubmissionSerializer(submission).data, status=201)


def submission_response(user: Any, submission: Submission) -> FileResponse:
    """The stored file, always as a download with our own name and type.
    The download is recorded."""
    record_round_act(
        user,
        Verb.DOWNLOAD,
        submission.round,
        target=submission,
        sha256=submission.sha256,
    )
    response = FileResponse(
        submission.file.open("rb"),
        as_attachment=True,
        filename=f"submission-{submission.pk}.{submission.file_type}",
        content_type=CONTENT_TYPES[submission.file_type],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


class SubmissionFile(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> FileResponse:
        submission = get_object_or_404(
            visible_submissions(request.user).select_related("round__report"), pk=pk
        )
        return submission_response(request.user, submission)


def record_response(user: Any, round: Round, kind: str) -> HttpResponse:
    """The consultation record as a file; the export is recorded."""
    if kind not in RECORD_TYPES:
        raise DomainError(_("Ask for the record as docx, csv or xlsx."))
    build, content_type = RECORD_TYPES[kind]
    content = build(round)
    record_round_act(
        user,
        Verb.EXPORT,
        round,
        record=kind,
        sha256=hashlib.sha256(content).hexdigest(),
    )
    response = HttpResponse(content, content_type=content_type)
    filename = f"{round.report.slug}-consultation-{round.pk}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class RoundRecord(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int, kind: str) -> HttpResponse:
        round = _round(request, pk)
        if not round_abilities(request.user, round)["export"]:
            raise NotAllowed(_("Only the secretariat exports the consultation record."))
        return record_response(request.user, round, kind)


class RoundTellAuthors(APIView):
    @extend_schema(request=None, responses=ToldSerializer)
    def post(self, request: Request, pk: int) -> Response:
        sent = reviewing.do_tell_authors(
            _user(request), _round(request, pk), site=site_of(request)
        )
        return Response({"emails": sent})


class MyComments(APIView):
    @extend_schema(responses=CommentSerializer(many=True))
    def get(self, request: Request) -> Response:
        comments = own_comments(request.user).select_related("entity", "round__report")
        return Response(
            CommentSerializer(comments, many=True, context=_context(request)).data
        )


class ReportMethodology(APIView):
    @extend_schema(responses=MethodologySerializer)
    def get(self, request: Request, slug: str) -> Response:
        """The consultation facts as section text, for the methodology section."""
        report = _report(request, slug)
        if not can_run_consultations(request.user, report):
            raise NotAllowed(_("Only the secretariat writes the consultation facts."))
        section = methodology_section(report)
        return Response({"section": section.pk, "text": methodology_text(report)})

    @extend_schema(request=None, responses=MethodologySerializer)
    def post(self, request: Request, slug: str) -> Response:
        """Put the consultation facts at the end of the methodology section."""
        report = _report(request, slug)
        section = do_prefill_methodology(_user(request), report)
        return Response(
            {"section": section.pk, "text": section.text, "version": section.version}
        )


class PublicRound(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=PublicRoundSerializer)
    def get(self, request: Request, token: str) -> Response:
        limits.check(limits.PUBLIC_LINK, request)
        round = _public_round(token)
        record_round_act(request.user, Verb.VIEW, round, public=True)
        context = _context(request, public_token=token)
        comments = visible_comments(request.user, round, public_token=token)
        return Response(
            {
                "round": RoundSerializer(round, context=context).data,
                "text": _text_payload(round),
                "comments": CommentSerializer(
                    comments.select_related("entity", "round__report"),
                    many=True,
                    context=context,
                ).data,
            }
        )


class PublicComments(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(request=PublicCommentSerializer, responses={201: CommentSerializer})
    def post(self, request: Request, token: str) -> Response:
        limits.check(limits.PUBLIC_LINK, request)
        round = _public_round(token)
        payload = PublicCommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        comment = reviewing.do_public_comment(
            round,
            token,
            address=client_address(request),
            section_id=data["section"],
            name=data["name"],
            organisation=data["organisation"],
            quote=data["quote"],
            body=data["body"],
            proposed_wording=data["proposed_wording"],
            anonymous=data["anonymous"],
            user=request.user,
        )
        context = _context(request, public_token=token)
        return Response(CommentSerializer(comment, context=context).data, status=201)
