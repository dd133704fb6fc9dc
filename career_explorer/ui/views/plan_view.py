"""My plan: people, self-assessment, the gap and plan, history, and the PDF, all kept on this computer."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.errors import DataError
from career_explorer.data.user_store import UserStore, now
from career_explorer.domain.base import slugify
from career_explorer.domain.plan import GapReport
from career_explorer.domain.route import Route
from career_explorer.domain.user import Person, SavedRoute, Target
from career_explorer.services.gap_plan import gap_report, role_status
from career_explorer.services.person_transfer import apply_import, export_person, preview_import, read_export
from career_explorer.ui import messages, workers
from career_explorer.ui.dialogs import plan_dialogs
from career_explorer.ui.panels.assessment_editor import AssessmentEditor
from career_explorer.ui.panels.gap_panel import GapPanel
from career_explorer.ui.panels.history_panel import HistoryPanel
from career_explorer.ui.panels.people_panel import PeoplePanel
from career_explorer.ui.views.base_view import BaseView
from career_explorer.ui.views.cohort_hook import attach_cohort, show_cohort_tab
from career_explorer.ui.views.session_hook import attach_sessions
from career_explorer.ui.widgets.role_picker import RolePicker


class PlanView(BaseView):
    pdf_exported = Signal(object)  # Path
    pdf_failed = Signal(str)

    def __init__(self, repo: CatalogueRepository, window: Optional[QWidget] = None,
                 store: Optional[UserStore] = None) -> None:
        super().__init__(repo, window)
        self.path_route: Optional[Route] = None  # the Path view's route, as its route_shown last said
        problem = None
        told = False
        if store is None:
            try:
                store = UserStore.open()
            except DataError as exc:  # newer, locked, a folder, unreadable...: keep the app usable
                problem = f"{exc}. Nothing you do in My plan this session will be saved."
                told = getattr(window, "told_store_problem", None) == str(exc)
                store = UserStore.open(Path(":memory:"))
        self.store = store
        self.person: Optional[Person] = None
        self.report: Optional[GapReport] = None
        self.worker: Optional[workers.TaskProgress] = None
        self._stale = True

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: palette(highlight); color: palette(highlighted-text); padding: 6px;")
        self.banner.hide()
        self.coach_mode = QCheckBox("Coach mode: keep many people", self)
        self.person_label = QLabel(self)
        self.add_person_button = QPushButton("&Add person…", self)
        self.add_person_button.setToolTip("Keep a plan for someone else too; the list of people then shows")
        self.export_pdf_button = QPushButton("Export PDF…", self)
        self.export_person_button = QPushButton("Export person…", self)
        self.import_person_button = QPushButton("Import person…", self)
        top = QHBoxLayout()
        top.addWidget(self.coach_mode)
        top.addWidget(self.person_label, 1)
        for b in (self.add_person_button, self.export_pdf_button, self.export_person_button,
                  self.import_person_button):
            top.addWidget(b)

        self.current_picker = RolePicker(self)
        self.target_picker = RolePicker(self)
        self.current_picker.setAccessibleName("Current role")
        self.target_picker.setAccessibleName("Target role")
        for picker in (self.current_picker, self.target_picker):
            picker.set_choices(repo)
        self.show_path_button = QPushButton("Show in Path", self)
        self.show_path_button.setToolTip("See the routes from the current role to the target in the Path view")
        self.use_route_button = QPushButton("Use route from Path", self)
        self.use_route_button.setToolTip("Aim for the route shown in the Path view, step by step")
        self.roles_note = QLabel(self)
        roles = QHBoxLayout()
        roles.addWidget(QLabel("Current role", self))
        roles.addWidget(self.current_picker, 1)
        roles.addWidget(QLabel("Target role", self))
        roles.addWidget(self.target_picker, 1)
        roles.addWidget(self.show_path_button)
        roles.addWidget(self.use_route_button)

        self.people = PeoplePanel(self.store, self)
        self.editor = AssessmentEditor(repo, self.store, self)
        self.gap_panel = GapPanel(self)
        self.history = HistoryPanel(repo, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, "Assessment")
        self.tabs.addTab(self.gap_panel, "Gap and plan")
        self.tabs.addTab(self.history, "History")
        self.cohort = attach_cohort(self)
        attach_sessions(self)
        main = QWidget(self)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addLayout(roles)
        main_layout.addWidget(self.roles_note)
        main_layout.addWidget(self.tabs, 1)
        split = QSplitter(self)
        split.addWidget(self.people)
        split.addWidget(main)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.coach_mode.setChecked(self.store.mode() == "coach")
        self.coach_mode.toggled.connect(self.set_coach_mode)
        self.people.person_selected.connect(self.select_person)
        self.people.deleted.connect(self._deleted)
        self.current_picker.role_changed.connect(self._current_changed)
        self.target_picker.role_changed.connect(self._target_changed)
        self.use_route_button.clicked.connect(lambda: self.use_path_route())
        self.show_path_button.clicked.connect(self.show_in_path)
        self.editor.saved.connect(lambda _s: self.refresh(keep_editor=True))
        self.gap_panel.action_changed.connect(self._action_changed)
        self.add_person_button.clicked.connect(self.add_person)
        self.export_pdf_button.clicked.connect(lambda: self.export_pdf())
        self.export_person_button.clicked.connect(lambda: self.export_person())
        self.import_person_button.clicked.connect(lambda: self.import_person())
        if self.store.notice or problem:
            self.banner.setText(escape(self.store.notice or problem))
            self.banner.show()
            if not told:  # the start-up dialog said it already
                plan_dialogs.inform(self, "Your saved plans", self.store.notice or problem)
        self._apply_mode()

    # -- people and mode --------------------------------------------------------------------

    def set_coach_mode(self, on: bool) -> None:
        self.store.set_mode("coach" if on else "individual")
        self._apply_mode()

    def _apply_mode(self) -> None:
        # No mode is needed to plan for two people: the list shows as soon as there is more than one.
        many = self.store.mode() == "coach" or len(self.store.people(include_archived=False)) > 1
        self.people.setVisible(many)
        show_cohort_tab(self, many)
        if many:
            self.people.reload(self.person.id if self.person else None)
        else:
            self.select_person(self.store.ensure_me().id)

    def add_person(self) -> None:
        """Add someone from the top bar, in any mode; the list of people shows and selects them."""
        self.store.ensure_me()
        self.people.add()
        self._apply_mode()

    def select_person(self, person_id: Optional[int]) -> None:
        self.person = self.store.person(person_id) if person_id is not None else None
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # filled in when the view is first shown, keeping start-up quick

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _deleted(self, name: str, export: Path) -> None:
        self.banner.setText(f"Deleted {escape(name)}. Their data was exported first to {escape(str(export))}.")
        self.banner.show()

    # -- roles and target -------------------------------------------------------------------

    def _current_changed(self, role_id: Optional[str]) -> None:
        if self.person is not None and role_id and role_id != self.person.role_id:
            self.person = self.store.set_role(self.person.id, role_id)
            self.refresh()

    def _target_changed(self, role_id: Optional[str]) -> None:
        if self.person is None or not role_id:
            return
        target = self.store.target(self.person.id)
        if target is None or target.role_id != role_id:
            self.store.set_target(self.person.id, Target(role_id=role_id, set_at=now()))
            self.refresh()

    def set_roles(self, current_id: Optional[str] = None, target_id: Optional[str] = None) -> None:
        """Set the person's current and target roles, as picking them does."""
        if current_id:
            self.current_picker.set_role_id(current_id)
            self._current_changed(current_id)
        if target_id:
            self.target_picker.set_role_id(target_id)
            self._target_changed(target_id)

    def set_repository(self, repo: CatalogueRepository) -> bool:
        """Switch catalogues in place: user data stays; roles the new catalogue lacks are marked."""
        self.repo = self.editor.repo = self.history.repo = repo
        self.cohort.set_repository(repo)
        for picker in (self.current_picker, self.target_picker):
            picker.set_choices(repo)
        self.refresh()
        return True

    def path_route_changed(self, route: Optional[Route]) -> None:
        self.path_route = route

    def show_in_path(self) -> None:
        target = self.store.target(self.person.id) if self.person else None
        self.path_requested.emit(self.person.role_id if self.person else None, target.role_id if target else None)

    def use_path_route(self, route: Optional[Route] = None) -> bool:
        """Aim for the Path view's route: the target becomes its last role, the route is saved."""
        route = route or self.path_route
        if self.person is None or route is None:
            messages.show_error(self, "No route", "Open the Path view and pick a route first.")
            return False
        ids = tuple(route.role_ids)
        if self.person.role_id and self.person.role_id != ids[0]:
            messages.show_error(self, "The route starts elsewhere",
                                f"The route starts at {route.roles[0].title}, but {self.person.name}'s current role "
                                "is another. Set the current role or pick another route.")
            return False
        if not self.person.role_id:
            self.person = self.store.set_role(self.person.id, ids[0])
        if len(ids) > 2 or not route.is_direct:
            name = " → ".join(r.title for r in route.roles)
            self.store.save_route(self.person.id, SavedRoute(name=name[:120], role_ids=ids, saved_at=now()))
        self.store.set_target(self.person.id, Target(role_id=ids[-1], route=ids, set_at=now()))
        self.refresh()
        self.tabs.setCurrentWidget(self.gap_panel)
        return True

    # -- refresh ----------------------------------------------------------------------------

    def refresh(self, keep_editor: bool = False) -> None:
        """Reload the person's roles, assessment, gap and history from the store."""
        self._stale = False
        person = self.person
        for b in (self.export_person_button, self.current_picker, self.target_picker, self.use_route_button,
                  self.show_path_button):
            b.setEnabled(person is not None)
        if person is not None:
            self.person = person = self.store.person(person.id)
        target = self.store.target(person.id) if person else None
        for picker, rid in ((self.current_picker, person.role_id if person else None),
                            (self.target_picker, target.role_id if target else None)):
            picker.blockSignals(True)
            picker.set_role_id(rid)
            picker.blockSignals(False)
        self.person_label.setText("" if person is None else
                                  f"<b>{escape(person.name)}</b>" + (" (archived)" if person.archived else ""))
        missing = [f"{label}: {role_status(self.repo, rid).label}" for label, rid in
                   (("Current role", person.role_id if person else None),
                    ("Target role", target.role_id if target else None)) if rid and self.repo.role(rid) is None]
        self.roles_note.setText("; ".join(missing))
        self.roles_note.setVisible(bool(missing))
        if not keep_editor or person is None:
            self.editor.load(person, target.role_id if target else None)
        snapshots = self.store.assessments(person.id) if person else []
        sessions = self.store.sessions(person.id) if person else []
        self.history.load(snapshots, sessions)
        if person is None or target is None:
            self.report = None
            self.gap_panel.show_report(None, "Add a person first." if person is None else
                                       "Pick a target role above to see the gap and the plan.")
        else:
            self.report = gap_report(self.repo, person, snapshots[-1] if snapshots else None, target.role_id,
                                     target.route, self.store.actions(person.id), sessions=sessions)
            self.gap_panel.show_report(self.report)
        self.export_pdf_button.setEnabled(self.report is not None)

    def _action_changed(self, competency: str, text: str) -> None:
        if self.person is not None:
            try:
                self.store.set_action(self.person.id, competency, text)
            except DataError as exc:  # over the length limit, or the store cannot save
                messages.show_error(self, "Cannot save the action", str(exc))
                return
            self.report = gap_report(self.repo, self.person, self.store.latest_assessment(self.person.id),
                                     self.report.target.id, self.store.target(self.person.id).route,
                                     self.store.actions(self.person.id),
                                     sessions=self.store.sessions(self.person.id)) if self.report else None

    # -- files ------------------------------------------------------------------------------

    def export_pdf(self, path: Optional[Path] = None) -> bool:
        """Write the plan as a PDF on a worker thread, with a busy cursor and progress."""
        if self.report is None or self.worker is not None:
            return False
        path = path or plan_dialogs.ask_save_path(self, "Export the plan as PDF",
                                                  Path.home() / f"plan-{slugify(self.report.person)}.pdf",
                                                  plan_dialogs.PDF_FILTER)
        if path is None:
            return False
        from career_explorer.services.plan_report import write_report

        report = self.report
        self.worker = workers.TaskProgress(
            self, "Export PDF", lambda progress, cancelled: write_report(report, path, progress, cancelled),
            label="Writing the PDF…", delay_ms=400)
        self.worker.finished.connect(self._pdf_done)
        self.worker.failed.connect(self._pdf_failed)
        self.worker.cancelled.connect(lambda: self._pdf_failed(None))
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        self.export_pdf_button.setEnabled(False)
        return True

    def _cancel_pdf(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _finish_pdf(self) -> None:
        self.worker = None
        QGuiApplication.restoreOverrideCursor()
        self.export_pdf_button.setEnabled(self.report is not None)

    def _pdf_done(self, path: Path) -> None:
        self._finish_pdf()
        self._status(f"Wrote {path}")
        self.pdf_exported.emit(Path(path))

    def _pdf_failed(self, error: Optional[BaseException]) -> None:
        self._finish_pdf()
        message = "" if error is None else (str(error).splitlines()[0] if str(error) else type(error).__name__)
        if message:
            messages.show_error(self, "Cannot write the PDF", message)
        self.pdf_failed.emit(message)

    def _status(self, text: str) -> None:
        self.status_message.emit(text)

    def export_person(self) -> Optional[Path]:
        if self.person is None:
            return None
        path = plan_dialogs.ask_save_path(self, "Export person", Path.home() /
                                          f"{slugify(self.person.name)}.json", plan_dialogs.JSON_FILTER)
        if path is None:
            return None
        try:
            export_person(self.store, self.person.id, path)
        except DataError as exc:
            messages.show_error(self, "Cannot export the person", str(exc))
            return None
        self._status(f"Exported {self.person.name} to {path}")
        return path

    def import_person(self) -> Optional[Person]:
        """Read an export, show what it adds, and write it only when the user agrees."""
        path = plan_dialogs.ask_open_path(self, "Import person", plan_dialogs.JSON_FILTER)
        if path is None:
            return None
        try:
            preview = preview_import(self.store, read_export(path), self.repo)
        except DataError as exc:
            messages.show_error(self, "Cannot import", str(exc))
            return None
        if not plan_dialogs.confirm_import(self, preview):
            return None
        try:
            person = apply_import(self.store, preview)
        except DataError as exc:
            messages.show_error(self, "Cannot import", str(exc))
            return None
        if self.store.mode() != "coach" and person.name != "me":
            self.coach_mode.setChecked(True)
        self.person = person
        if self.store.mode() == "coach":
            self.people.select(person.id)
        else:
            self.refresh()
        self._status(f"Imported {person.name}")
        return person
