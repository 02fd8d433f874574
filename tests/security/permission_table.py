"""What every persona should get from every route: the table the permission
matrix (test_permission_matrix.py) checks. A new route needs a line here.

Each row gives the answer of, in this order:

    coordinator drafter focal_point validator nhri cso outsider anonymous

(the focal point and the validator are the Ministry of Justice's; the NHRI
and CSO reviewers are invited to the demo consultation round; the outsider
has an account but no role). An answer is one of

    ok     let through (2xx, or a redirect elsewhere than the sign-in page)
    400    let through, then refused for what was sent (400, 409, 415)
    403    refused
    404    not shown: the object is not theirs, or does not exist
    405    the method is not offered
    login  asked to sign in (401, or a redirect to the sign-in page)

Requests carry empty bodies, so "ok" and "400" both mean "got past the
door". Pages answer a refused form with a redirect and a message, so for a
page "ok" says only that the person may see the object; what the form then
does is each action's own test. A method a route does not list is expected
to answer 405 to whoever is signed in (see matrix.default_row).

Who may act is asked before what was sent is read: someone who may not do
something is told so (403, or 404 for an object they may not know of), not
which fields their request lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class R:
    subject: str
    rows: dict[str, str] = field(default_factory=dict)

    def __init__(self, subject: str, **rows: str) -> None:
        object.__setattr__(self, "subject", subject)
        object.__setattr__(self, "rows", rows)


# fmt: off
EXPECTED: dict[str, R] = {
    "api-schema": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-skeletons": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-reports": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="400 403 403 403 403 403 403 login",
    ),
    "api-report-plan": R("none", POST="400 400 400 400 403 403 403 login"),
    "api-read-document": R("none", POST="400 400 400 400 403 403 403 login"),
    "api-calendar": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-report": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        PATCH="400 400 400 400 404 404 404 login",
    ),
    "api-report-sections": R("report", GET="ok ok ok ok 404 404 404 login"),
    "api-report-export": R("report", GET="ok ok ok ok 404 404 404 login"),
    "api-report-section-add": R("report", POST="400 400 400 400 404 404 404 login"),
    "api-section": R(
        "section",
        GET="ok ok ok ok 404 404 404 login",
        PATCH="400 400 400 400 404 404 404 login",
    ),
    "api-section-structure": R(
        "section",
        PATCH="400 400 400 400 404 404 404 login",
        DELETE="400 403 403 403 404 404 404 login",
    ),
    "api-section-split": R("section", POST="400 400 400 400 404 404 404 login"),
    # Only a focal point contributes; the others are refused before the body
    # is read.
    "api-contributions": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="403 403 400 403 403 403 403 login",
    ),
    "api-contribution": R("contribution", GET="ok ok ok ok 404 404 404 login"),
    "api-contribution-submit": R(
        "contribution",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-revisions": R(
        "contribution",
        GET="ok ok ok ok 404 404 404 login",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-revision-accept": R("revision", POST="400 400 400 400 404 404 404 login"),
    "api-input-requests": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="400 400 403 403 403 403 403 login",
    ),
    "api-input-request": R(
        "input_request",
        GET="ok ok ok ok 404 404 404 login",
        PATCH="400 400 400 400 404 404 404 login",
    ),
    "api-contribution-upload": R("none", POST="403 403 400 403 403 403 403 login"),
    "api-contribution-validate": R(
        "contribution",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-contribution-send-back": R(
        "contribution",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-contribution-return": R(
        "contribution",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-contribution-changes": R("contribution", GET="ok ok ok ok 404 404 404 login"),
    "api-contribution-review": R(
        "contribution",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-contribution-compare": R("contribution", GET="ok ok ok ok 404 404 404 login"),
    "api-contribution-notes": R("contribution", GET="ok ok ok ok 404 404 404 login"),
    "api-revision-upload": R("contribution", POST="400 400 400 400 404 404 404 login"),
    "api-recommendations": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-recommendations-import": R("none", POST="400 400 403 403 403 403 403 login"),
    "api-recommendations-groups": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-recommendations-progress": R("none", GET="ok ok 403 403 403 403 403 login"),
    "api-recommendations-plan": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-recommendation": R(
        "recommendation",
        GET="ok ok ok ok 404 404 404 login",
        PATCH="400 400 400 400 404 404 404 login",
    ),
    "api-recommendation-assignment": R(
        "recommendation",
        PUT="400 400 400 400 404 404 404 login",
    ),
    "api-recommendation-classification": R(
        "recommendation",
        PUT="400 400 400 400 404 404 404 login",
    ),
    "api-recommendation-sections": R(
        "recommendation",
        PUT="400 400 400 400 404 404 404 login",
    ),
    "api-planned-actions": R(
        "recommendation",
        GET="ok ok ok ok 404 404 404 login",
        POST="400 400 400 400 404 404 404 login",
    ),
    "api-planned-action": R(
        "planned_action",
        PATCH="ok ok ok 403 404 404 404 login",
        DELETE="ok ok ok 403 404 404 404 login",
    ),
    "api-recommendation-clusters": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-recommendation-clusters-propose": R(
        "none",
        POST="400 400 403 403 403 403 403 login",
    ),
    "api-recommendation-cluster-confirm": R("cluster", POST="ok ok 404 404 404 404 404 login"),
    "api-recommendation-cluster-reject": R("cluster", POST="ok ok 404 404 404 404 404 login"),
    "api-report-recommendations": R("report", GET="ok ok ok ok 404 404 404 login"),
    "api-midterm-reports": R("none", POST="400 403 403 403 403 403 403 login"),
    "api-report-exports": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "api-report-redlines": R("report", POST="400 400 400 400 404 404 404 login"),
    "api-report-versions": R("report", GET="ok ok ok ok 404 404 404 login"),
    "api-export-download": R("export", GET="ok ok ok ok 403 403 403 login"),
    "api-report-consultation-rounds": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="400 400 403 403 404 404 404 login",
    ),
    "api-report-consultation-methodology": R(
        "report",
        GET="ok ok 403 403 404 404 404 login",
        POST="ok ok 403 403 404 404 404 login",
    ),
    "api-consultation-rounds": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-consultation-round": R(
        "round",
        GET="ok ok 404 404 ok ok 404 login",
        PATCH="ok ok 404 404 403 403 404 login",
    ),
    "api-consultation-round-close": R("round", POST="ok ok 404 404 403 403 404 login"),
    "api-consultation-round-text": R("round", GET="ok ok 404 404 ok ok 404 login"),
    "api-consultation-round-comments": R(
        "round",
        GET="ok ok 404 404 ok ok 404 login",
        POST="403 403 404 404 400 400 404 login",
    ),
    "api-consultation-round-invitations": R(
        "round",
        GET="ok ok 404 404 403 403 404 login",
        POST="400 400 404 404 403 403 404 login",
    ),
    "api-consultation-round-anonymous": R(
        "round",
        POST="403 403 404 404 400 400 404 login",
    ),
    "api-consultation-round-submissions": R(
        "round",
        GET="ok ok 404 404 403 403 404 login",
        POST="403 403 404 404 400 400 404 login",
    ),
    "api-consultation-round-tell-authors": R(
        "round",
        POST="ok ok 404 404 403 403 404 login",
    ),
    "api-consultation-round-record": R(
        "round_record",
        GET="ok ok 404 404 403 403 404 login",
    ),
    "api-consultation-comment-decision": R(
        "comment",
        POST="400 400 404 404 403 403 404 login",
    ),
    "api-consultation-submission-file": R(
        "submission",
        GET="404 404 404 404 404 404 404 login",
    ),
    "api-consultation-invitation-accept": R(
        "none",
        GET="405 405 405 405 405 405 405 405",
        POST="400 400 400 400 400 400 400 400",
        PUT="405 405 405 405 405 405 405 405",
        PATCH="405 405 405 405 405 405 405 405",
        DELETE="405 405 405 405 405 405 405 405",
    ),
    "api-my-consultation-comments": R("none", GET="ok ok ok ok ok ok ok login"),
    "api-public-consultation": R(
        "public_link",
        GET="ok ok ok ok ok ok ok ok",
        POST="405 405 405 405 405 405 405 405",
        PUT="405 405 405 405 405 405 405 405",
        PATCH="405 405 405 405 405 405 405 405",
        DELETE="405 405 405 405 405 405 405 405",
    ),
    "api-public-consultation-comments": R(
        "public_link",
        GET="405 405 405 405 405 405 405 405",
        POST="400 400 400 400 400 400 400 400",
        PUT="405 405 405 405 405 405 405 405",
        PATCH="405 405 405 405 405 405 405 405",
        DELETE="405 405 405 405 405 405 405 405",
    ),
    "api-audit-events": R("none", GET="ok ok 403 403 403 403 403 login"),
    "api/(?P<path>.*)": R(
        "anything",
        GET="404 404 404 404 404 404 404 404",
        POST="404 404 404 404 404 404 404 404",
        PUT="404 404 404 404 404 404 404 404",
        PATCH="404 404 404 404 404 404 404 404",
        DELETE="404 404 404 404 404 404 404 404",
    ),
    "admin:index": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:login": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "admin:logout": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "admin:password_change": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:password_change_done": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:autocomplete": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:jsi18n": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:view_on_site": R(
        "admin_shortcut",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_group_changelist": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_group_add": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_group_history": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_group_delete": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_group_change": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin/auth/group/<path:object_id>/": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_password_change": R(
        "admin_user",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_changelist": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_add": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_history": R(
        "admin_user",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_delete": R(
        "admin_user",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:auth_user_change": R(
        "admin_user",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin/auth/user/<path:object_id>/": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:authtoken_tokenproxy_changelist": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:authtoken_tokenproxy_add": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:authtoken_tokenproxy_history": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:authtoken_tokenproxy_delete": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:authtoken_tokenproxy_change": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin/authtoken/tokenproxy/<path:object_id>/": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:audit_auditevent_changelist": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:audit_auditevent_add": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:audit_auditevent_history": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:audit_auditevent_delete": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:audit_auditevent_change": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin/audit/auditevent/<path:object_id>/": R(
        "admin_object",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin:app_list": R(
        "admin_app",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "admin/(?P<url>.*)": R(
        "anything",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "set_language": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "recommendation-list": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "recommendation-import": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "recommendation-groups": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "recommendation-progress": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "recommendation-plan": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "recommendation-clusters": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "recommendation-clusters-propose": R("none", POST="ok ok 403 403 403 403 403 login"),
    "recommendation-cluster-decide": R("cluster", POST="ok ok 404 404 404 404 404 login"),
    "recommendation-midterm": R(
        "none",
        GET="ok 403 403 403 403 403 403 login",
        POST="ok 403 403 403 403 403 403 login",
    ),
    "recommendation-detail": R(
        "recommendation",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "recommendation-tracking": R(
        "recommendation",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "recommendation-assignment": R(
        "recommendation",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "recommendation-classification": R(
        "recommendation",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "recommendation-sections": R(
        "recommendation",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "recommendation-action-add": R(
        "recommendation",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "planned-action-update": R("planned_action", POST="ok ok ok ok 404 404 404 login"),
    "report-coverage": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "section-edit": R(
        "section",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "section-history": R(
        "section",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "section-revision-restore": R(
        "section_revision",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "report-exports": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "report-export-create": R("report", POST="ok ok ok ok 404 404 404 login"),
    "report-redline-create": R("report", POST="ok ok ok ok 404 404 404 login"),
    "export-download": R(
        "export",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "consultation-report": R(
        "report",
        GET="ok ok 404 404 404 404 404 login",
        POST="ok ok 404 404 404 404 404 login",
    ),
    "consultation-methodology": R("report", POST="ok ok 404 404 404 404 404 login"),
    "consultation-home": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "consultation-my-comments": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "consultation-round": R(
        "round",
        GET="ok ok 404 404 ok ok 404 login",
        POST="ok ok 404 404 ok ok 404 login",
    ),
    "consultation-comment": R("round", POST="ok ok 404 404 ok ok 404 login"),
    "consultation-upload": R("round", POST="ok ok 404 404 ok ok 404 login"),
    "consultation-anonymous": R("round", POST="ok ok 404 404 ok ok 404 login"),
    "consultation-manage": R(
        "round",
        GET="ok ok 404 404 404 404 404 login",
        POST="ok ok 404 404 404 404 404 login",
    ),
    "consultation-manage-action": R("round", POST="ok ok 404 404 404 404 404 login"),
    "consultation-decisions": R(
        "round",
        GET="ok ok 404 404 404 404 404 login",
        POST="ok ok 404 404 404 404 404 login",
    ),
    "consultation-record": R(
        "round_record",
        GET="ok ok 404 404 404 404 404 login",
        POST="ok ok 404 404 404 404 404 login",
    ),
    "consultation-decide": R("comment", POST="ok ok 404 404 404 404 404 login"),
    "consultation-submission": R(
        "submission",
        GET="404 404 404 404 404 404 404 login",
        POST="404 404 404 404 404 404 404 login",
    ),
    "consultation-invitation": R(
        "consultation_invitation",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "consultation-public": R(
        "public_link",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "inputs": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "input-request-update": R("input_request", POST="ok ok ok ok 404 404 404 login"),
    "section-ask": R("section", POST="ok ok ok ok 404 404 404 login"),
    "section-propose": R("section", POST="ok ok ok ok 404 404 404 login"),
    "section-upload": R("section", POST="ok ok ok ok 404 404 404 login"),
    "contribution-detail": R(
        "contribution",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "contribution-validate": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "contribution-send-back": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "contribution-return": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "contribution-review": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "contribution-upload": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "audit-trail": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "audit-trail-csv": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "login": R("none", GET="ok ok ok ok ok ok ok ok", POST="ok ok ok ok ok ok ok ok"),
    "sign-in-code": R(
        "none",
        GET="login login login login login login login login",
        POST="login login login login login login login login",
    ),
    "second-factor": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "password-reset": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "password-reset-done": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="405 405 405 405 405 405 405 405",
    ),
    "password-reset-confirm": R(
        "password_reset",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "password-reset-complete": R(
        "none",
        GET="ok ok ok ok ok ok ok ok",
        POST="405 405 405 405 405 405 405 405",
    ),
    "account-invitation": R(
        "account_invitation",
        GET="ok ok ok ok ok ok ok ok",
        POST="ok ok ok ok ok ok ok ok",
    ),
    "people": R(
        "none",
        GET="ok ok 403 403 403 403 403 login",
        POST="ok ok 403 403 403 403 403 login",
    ),
    "people-invite": R("none", POST="ok 403 403 403 403 403 403 login"),
    "people-deactivate": R("person", POST="ok 403 403 403 403 403 403 login"),
    "people-sign-in-rules": R("none", POST="ok 403 403 403 403 403 403 login"),
    "logout": R(
        "none",
        GET="405 405 405 405 405 405 405 405",
        POST="login login login login login login login login",
    ),
    "report-list": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "report-new": R(
        "none",
        GET="ok 403 403 403 403 403 403 login",
        POST="ok 403 403 403 403 403 403 login",
    ),
    "calendar": R(
        "none",
        GET="ok ok ok ok ok ok ok login",
        POST="ok ok ok ok ok ok ok login",
    ),
    "report-section-add": R("report", POST="ok ok ok ok 404 404 404 login"),
    "section-structure": R("section", POST="ok ok ok ok 404 404 404 login"),
    "report-detail": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "report-export": R(
        "report",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "section-detail": R(
        "section",
        GET="ok ok ok ok 404 404 404 login",
        POST="ok ok ok ok 404 404 404 login",
    ),
    "section-contribute": R("section", POST="ok ok ok ok 404 404 404 login"),
    "section-text": R("section", POST="ok ok ok ok 404 404 404 login"),
    "section-status": R("section", POST="ok ok ok ok 404 404 404 login"),
    "contribution-submit": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "contribution-revise": R("contribution", POST="ok ok ok ok 404 404 404 login"),
    "revision-accept": R("revision", POST="ok ok ok ok 404 404 404 login"),
}
# fmt: on
