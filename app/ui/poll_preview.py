"""The poll import's preview tables (participants, questions, conflicts, ballots, e-mail
domains) and the choices the moderator makes in their cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from app.services.poll_matching import ABSTAIN, Resolution, domain_site, email_domain
from app.services.poll_preview import ImportChoices, PollPreview
from app.services.poll_questions import QuestionMatchKind
from app.ui.i18n import current_language
from app.ui.widgets import put_cell_widget

Row = TypeVar("Row")

#: Rows a table of the preview shows (and problems the list below it): a report of many
#: thousand lines is summarised, the first rows shown and the rest counted.
SHOWN_ROWS = 200

#: The tab of the conflicts, whose title counts them.
CONFLICTS_TAB = 2


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PollPreviewTabs(QTabWidget):
    """Shows a :class:`PollPreview` in five tables and holds the choices made in their
    cells (site of a participant or domain, question of a poll question, confirmations,
    conflict resolutions); emits ``changed`` right after a choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participants: dict[str, int] = {}
        self.domains: dict[str, int] = {}
        self.chosen: dict[str, int | None] = {}
        self.confirmed: set[str] = set()
        self.resolutions: dict[tuple[int, int], Resolution] = {}
        self.hidden: list[str] = []  # what the tables leave out, said in the summary
        # A choice made in a table's cell widget rebuilds that table: not from inside the
        # widget's own signal, but right after it.
        self.later = QTimer(self)
        self.later.setSingleShot(True)
        self.later.setInterval(0)
        self.later.timeout.connect(self.changed)

        self.people = _table([self.tr("Participant"), self.tr("Rule"), self.tr("Site")])
        self.questions = _table(
            [self.tr("Poll question"), self.tr("Match"), self.tr("Question"), self.tr("Confirmed")]
        )
        self.domain_table = _table([self.tr("E-mail domain"), self.tr("Site")])
        self.conflicts = _table([self.tr("Site"), self.tr("Question"), self.tr("Resolution")])
        self.ballots = _table(
            [self.tr("Question"), self.tr("Site"), self.tr("Answer"), self.tr("Participants")]
        )
        header = self.questions.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        for table, name in (
            (self.people, self.tr("Participants")),
            (self.questions, self.tr("Questions")),
            (self.conflicts, self.tr("Conflicts")),
            (self.ballots, self.tr("Ballots to store")),
            (self.domain_table, self.tr("E-mail domains")),
        ):
            table.setAccessibleName(name)
            self.addTab(table, name)

    def choices(self, round: int, store_totals: bool) -> ImportChoices:
        """The choices made in the tables, for ``round``."""
        return ImportChoices(
            round=round,
            participants=dict(self.participants),
            domains=dict(self.domains),
            questions=dict(self.chosen),
            confirmed=frozenset(self.confirmed),
            resolutions=dict(self.resolutions),
            store_totals=store_totals,
        )

    def clear_tables(self) -> None:
        for table in (self.people, self.questions, self.conflicts, self.ballots, self.domain_table):
            table.setRowCount(0)

    def show_preview(self, preview: PollPreview) -> list[str]:
        """Fill the tables; returns what they leave out, one phrase for each table cut."""
        self.hidden = []
        self._show_people(preview)
        self._show_domains(preview)
        self._show_questions(preview)
        self._show_conflicts(preview)
        self._show_ballots(preview)
        conflicts = preview.plan.conflicts
        if conflicts:
            title = self.tr("Conflicts (%1)").replace("%1", str(len(conflicts)))
        else:
            title = self.tr("Conflicts")
        self.setTabText(CONFLICTS_TAB, title)
        return self.hidden

    # --- the tables ----------------------------------------------------------------------

    def _shown(self, rows: Sequence[Row], what: str) -> Sequence[Row]:
        """The first :data:`SHOWN_ROWS` of a table's rows; the summary says how many in all."""
        if len(rows) <= SHOWN_ROWS:
            return rows
        self.hidden.append(
            self.tr("the first %1 of %2 %3 are shown")
            .replace("%1", str(SHOWN_ROWS))
            .replace("%2", str(len(rows)))
            .replace("%3", what)
        )
        return rows[:SHOWN_ROWS]

    def _rule_text(self, rule: str, note: str) -> str:
        names = {
            "table": self.tr("table"),
            "domain": self.tr("e-mail domain"),
            "name": self.tr("name"),
            "none": self.tr("no site"),
        }
        text = names.get(rule, rule)
        if rule == "none" and note:
            text = self.tr("ambiguous: %1").replace("%1", note)
        elif note:
            text += f" ({note})"
        return text

    def _show_people(self, preview: PollPreview) -> None:
        people = self._shown(preview.plan.participants, self.tr("participants"))
        self.people.setRowCount(len(people))
        for index, person in enumerate(people):
            self.people.setItem(index, 0, _item(person.label))
            self.people.setItem(index, 1, _item(self._rule_text(person.rule.value, person.note)))
            combo = self._site_box(preview, person.site_id)
            combo.currentIndexChanged.connect(
                lambda _=0, key=person.key, box=combo: self.on_site_chosen(key, box.currentData())
            )
            put_cell_widget(self.people, index, 2, combo)

    def _site_box(self, preview: PollPreview, site_id: int | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for site in sorted(preview.sites.values(), key=lambda s: s.name.casefold()):
            combo.addItem(f"{site.name} ({site.code})", site.id)
        combo.setCurrentIndex(max(0, combo.findData(site_id)))
        return combo

    def _show_domains(self, preview: PollPreview) -> None:
        """Every e-mail domain of the report and the site it stands for (editable)."""
        every = sorted({email_domain(p.email) for p in preview.plan.participants} - {""})
        domains = self._shown(every, self.tr("e-mail domains"))
        self.domain_table.setRowCount(len(domains))
        for index, domain in enumerate(domains):
            self.domain_table.setItem(index, 0, _item(domain))
            combo = self._site_box(preview, domain_site(domain, preview.rules.domains))
            combo.currentIndexChanged.connect(
                lambda _=0, key=domain, box=combo: self.on_domain_chosen(key, box.currentData())
            )
            put_cell_widget(self.domain_table, index, 1, combo)

    def _show_questions(self, preview: PollPreview) -> None:
        matches = self._shown(preview.plan.questions, self.tr("poll questions"))
        self.questions.setRowCount(len(matches))
        hows = {
            QuestionMatchKind.EXACT: self.tr("same text"),
            QuestionMatchKind.CLOSE: self.tr("similar (%1 %) — please confirm"),
            QuestionMatchKind.CHOSEN: self.tr("chosen"),
            QuestionMatchKind.NONE: self.tr("not imported"),
        }
        for index, match in enumerate(matches):
            self.questions.setItem(index, 0, _item(match.poll_text))
            how = hows[match.how].replace("%1", str(round(match.score * 100)))
            self.questions.setItem(index, 1, _item(how))
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            combo.addItem(self.tr("— not imported —"), None)
            for question in preview.questions.values():
                combo.addItem(f"{question.number}  {question.text}", question.id)
            combo.setCurrentIndex(max(0, combo.findData(match.question_id)))
            combo.currentIndexChanged.connect(
                lambda _=0, text=match.poll_text, box=combo: self.on_question_chosen(
                    text, box.currentData()
                )
            )
            put_cell_widget(self.questions, index, 2, combo)
            check = QCheckBox()
            check.setChecked(not match.needs_confirmation and match.question_id is not None)
            check.setEnabled(match.needs_confirmation)
            check.toggled.connect(
                lambda on, text=match.poll_text: self.on_question_confirmed(text, on)
            )
            put_cell_widget(self.questions, index, 3, check)

    def _show_conflicts(self, preview: PollPreview) -> None:
        conflicts = self._shown(preview.plan.conflicts, self.tr("conflicts"))
        self.conflicts.setRowCount(len(conflicts))
        for index, conflict in enumerate(conflicts):
            self.conflicts.setItem(index, 0, _item(preview.site_label(conflict.site_id)))
            number = preview.questions[conflict.question_id].number
            self.conflicts.setItem(index, 1, _item(number))
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), None)
            for position, variant in enumerate(conflict.variants, start=1):
                answer = variant.vote.comment or preview.answer_text(
                    conflict.question_id, variant.vote.option_ids, variant.vote.abstain
                ).in_language(current_language())
                combo.addItem(f"{answer} — {', '.join(variant.participants)}", position)
            combo.addItem(self.tr("Count the site as abstaining"), ABSTAIN)
            combo.currentIndexChanged.connect(
                lambda _=0, key=(conflict.site_id, conflict.question_id), box=combo: (
                    self.on_conflict_resolved(key, box.currentData())
                )
            )
            put_cell_widget(self.conflicts, index, 2, combo)

    def _show_ballots(self, preview: PollPreview) -> None:
        ballots = preview.plan.ballots
        rows: list[tuple[str, str, str, str]] = [
            (
                preview.questions[b.question_id].number,
                preview.site_label(b.site_id),
                b.vote.comment
                or preview.answer_text(
                    b.question_id, b.vote.option_ids, b.vote.abstain
                ).in_language(current_language()),
                ", ".join(b.participants),
            )
            for b in ballots
        ]
        for total in preview.plan.totals:
            what = (
                self.tr("abstained")
                if total.abstain
                else self.tr("valid answers")
                if total.option_id is None
                else preview.answer_text(total.question_id, (total.option_id,), False).in_language(
                    current_language()
                )
            )
            rows.append(
                (
                    preview.questions[total.question_id].number,
                    self.tr("counted by the call"),
                    what,
                    str(total.count),
                )
            )
        shown = self._shown(rows, self.tr("ballots and totals"))
        self.ballots.setRowCount(len(shown))
        for index, cells in enumerate(shown):
            for column, text in enumerate(cells):
                self.ballots.setItem(index, column, _item(text))

    # --- the moderator's choices ---------------------------------------------------------

    def on_site_chosen(self, key: str, site_id: int | None) -> None:
        if site_id is None:
            self.participants.pop(key, None)
        else:
            self.participants[key] = site_id
        self.later.start()

    def on_domain_chosen(self, domain: str, site_id: int | None) -> None:
        if site_id is None:
            self.domains.pop(domain, None)
        else:
            self.domains[domain] = site_id
        self.later.start()

    def on_question_chosen(self, text: str, question_id: int | None) -> None:
        self.chosen[text] = question_id
        self.later.start()

    def on_question_confirmed(self, text: str, on: bool) -> None:
        if on:
            self.confirmed.add(text)
        else:
            self.confirmed.discard(text)
        self.later.start()

    def on_conflict_resolved(self, key: tuple[int, int], choice: Resolution | None) -> None:
        if choice is None:
            self.resolutions.pop(key, None)
        else:
            self.resolutions[key] = choice
        self.later.start()
