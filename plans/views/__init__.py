"""Pages of the plans app: browsing (lists and details), records (create, edit, delete, history), the plan editor,
and the plan's workflow, copy and "what changed" pages."""

from .browse import (
    ActivityDetailView,
    ActivityListView,
    DirectiveDetailView,
    DirectiveListView,
    PlanDetailView,
    PlanListView,
    ProgressUpdateDetailView,
    ProgressUpdateListView,
)
from .common import completion_by_task
from .editor import (
    ActivityCreateView,
    ActivityDeleteView,
    ActivityMoveView,
    ActivityReorderView,
    ActivityUpdateView,
    PlanEditorView,
    TaskCreateView,
    TaskDeleteView,
    TaskMoveView,
    TaskUpdateView,
)
from .records import (
    ActivityHistoryView,
    DirectiveCreateView,
    DirectiveDeleteView,
    DirectiveHistoryView,
    DirectiveUpdateView,
    PlanCreateView,
    PlanDeleteView,
    PlanHistoryView,
    PlanUpdateView,
    TaskHistoryView,
)
from .workflow import ActivityStatusView, PlanChangesView, PlanCopyView, PlanWorkflowView

__all__ = [
    "ActivityCreateView", "ActivityDeleteView", "ActivityDetailView", "ActivityHistoryView", "ActivityListView",
    "ActivityMoveView", "ActivityReorderView", "ActivityStatusView", "ActivityUpdateView", "DirectiveCreateView",
    "DirectiveDeleteView", "DirectiveDetailView", "DirectiveHistoryView", "DirectiveListView", "DirectiveUpdateView",
    "PlanChangesView", "PlanCopyView", "PlanCreateView", "PlanDeleteView", "PlanDetailView", "PlanEditorView",
    "PlanHistoryView", "PlanListView", "PlanUpdateView", "PlanWorkflowView", "ProgressUpdateDetailView",
    "ProgressUpdateListView", "TaskCreateView", "TaskDeleteView", "TaskHistoryView", "TaskMoveView",
    "TaskUpdateView", "completion_by_task",
]
