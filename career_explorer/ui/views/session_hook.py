"""Records and edits one-on-one sessions from My plan, so plan_view.py needs only a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QDialog

from career_explorer.data.errors import DataError
from career_explorer.domain.user import SessionNote
from career_explorer.services.sessions import competency_name, done_dates
from career_explorer.ui import messages
from career_explorer.ui.dialogs.session_dialog import ActionChoice, SessionDialog

if TYPE_CHECKING:
    from career_explorer.ui.views.plan_view import PlanView


def attach_sessions(view: "PlanView") -> None:
    view.history.record_session.connect(lambda: record_session(view))
    view.history.open_session.connect(lambda session_id: record_session(view, session_id))


def _choices(view: "PlanView") -> list[ActionChoice]:
    """The person's development actions, in the plan's order when there is a plan, else by name."""
    store, repo, pid = view.store, view.repo, view.person.id
    actions = store.actions(pid)
    done = done_dates(store.sessions(pid))
    order = [i.competency for i in view.report.plan] if view.report else []
    ids = [c for c in order if c in actions]
    ids += sorted((c for c in actions if c not in ids), key=lambda c: competency_name(repo, c).casefold())
    return [ActionChoice(c, competency_name(repo, c), actions[c], done.get(c)) for c in ids]


def record_session(view: "PlanView", session_id: Optional[int] = None) -> Optional[SessionNote]:
    """Ask for a new session (or edit `session_id`), save it in one transaction and show it everywhere."""
    if view.person is None:
        return None
    old = view.store.session(session_id) if session_id is not None else None
    if old is None:
        note = SessionDialog.ask(view, view.person.name, _choices(view))
    else:
        dialog = SessionDialog(view.person.name, _choices(view), old, parent=view)
        answer = dialog.exec()
        if answer == SessionDialog.DELETE:
            _delete(view, old)
            return None
        note = dialog.note() if answer == QDialog.Accepted else None
    if note is None:
        return None
    try:
        saved = view.store.add_session(view.person.id, note) if old is None else \
            view.store.edit_session(old.id, note)
    except DataError as exc:
        messages.show_error(view, "Cannot save the session", str(exc))
        return None
    view.refresh(keep_editor=True)
    view.status_message.emit(f"Saved the session of {saved.held_on.isoformat()} with {view.person.name}")
    return saved


def _delete(view: "PlanView", session: SessionNote) -> None:
    """Delete a session after asking; the actions it ticked are no longer done unless another session ticked them."""
    if not messages.confirm(view, "Delete session", f"Delete the session of {session.held_on.isoformat()} with "
                            f"{view.person.name}? The actions it ticked done are no longer marked done by it."):
        return
    try:
        view.store.delete_session(session.id)
    except DataError as exc:
        messages.show_error(view, "Cannot delete the session", str(exc))
        return
    view.refresh(keep_editor=True)
