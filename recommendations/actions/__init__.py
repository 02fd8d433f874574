"""Operations on recommendations. Views, the API and commands call these.

One module per concern: importing, tracking (assignment, classification,
status, planned actions, links to sections), clusters, answering (the
mid-term report).
"""

from recommendations.actions.answering import do_create_midterm_report
from recommendations.actions.clusters import (
    do_confirm_cluster,
    do_propose_clusters,
    do_reject_cluster,
)
from recommendations.actions.importing import (
    decode_upload,
    do_import_recommendations,
)
from recommendations.actions.tracking import (
    do_add_planned_action,
    do_assign_entities,
    do_classify,
    do_delete_planned_action,
    do_link_sections,
    do_update_planned_action,
    do_update_tracking,
)

__all__ = [
    "decode_upload",
    "do_add_planned_action",
    "do_assign_entities",
    "do_classify",
    "do_confirm_cluster",
    "do_create_midterm_report",
    "do_delete_planned_action",
    "do_import_recommendations",
    "do_link_sections",
    "do_propose_clusters",
    "do_reject_cluster",
    "do_update_planned_action",
    "do_update_tracking",
]
