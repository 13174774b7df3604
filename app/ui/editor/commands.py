"""Undo commands: each edit is one short write transaction, undone by another."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from app.db import Database
from app.services import agenda, conferences
from app.services.errors import VotumError
from app.services.package_schema import PackageCase, PackageQuestion
from app.ui.messages import error_text

Write = Callable[[Session], None]


class IdMap:
    """Ids of cases and questions re-created by undo: old id → new id."""

    def __init__(self) -> None:
        self._map: dict[int, int] = {}

    def resolve(self, item_id: int) -> int:
        while item_id in self._map:
            item_id = self._map[item_id]
        return item_id

    def alias(self, old: int, new: int) -> None:
        if old != new:
            self._map[old] = new


class EditContext:
    """What every command needs: the database, the id map, a reload callback and an
    error sink (undo or redo can be refused by the services, e.g. once ballots exist)."""

    def __init__(
        self,
        db: Database,
        conference_id: int,
        reload: Callable[[], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.db = db
        self.conference_id = conference_id
        self.ids = IdMap()
        self.reload = reload
        self.on_error = on_error

    def run(self, write: Write) -> bool:
        try:
            with self.db.write() as session:
                write(session)
        except VotumError as exc:
            self.on_error(error_text(exc))
            return False
        return True


class WriteCommand(QUndoCommand):
    """An edit already written once (the editor writes first, then pushes this command);
    undo and redo run the given writes in their own transactions."""

    def __init__(self, ctx: EditContext, text: str, do: Write, undo: Write) -> None:
        super().__init__(text)
        self._ctx, self._do, self._undo = ctx, do, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if self._ctx.run(self._do):
            self._ctx.reload()
        else:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._ctx.run(self._undo):
            self._ctx.reload()
        else:
            self.setObsolete(True)


def push_write(
    stack_push: Callable[[QUndoCommand], None], ctx: EditContext, text: str, do: Write, undo: Write
) -> bool:
    """Write now; on success remember the edit on the undo stack."""
    if not ctx.run(do):
        return False
    stack_push(WriteCommand(ctx, text, do, undo))
    return True


# --- the concrete edits --------------------------------------------------------------


def update_case(
    ctx: EditContext, case_id: int, before: PackageCase, after: PackageCase
) -> tuple[Write, Write]:
    def do(s: Session) -> None:
        agenda.update_case(s, ctx.ids.resolve(case_id), after)

    def undo(s: Session) -> None:
        agenda.update_case(s, ctx.ids.resolve(case_id), before)

    return do, undo


def update_question(
    ctx: EditContext, question_id: int, before: PackageQuestion, after: PackageQuestion
) -> tuple[Write, Write]:
    def do(s: Session) -> None:
        agenda.update_question(s, ctx.ids.resolve(question_id), after)

    def undo(s: Session) -> None:
        agenda.update_question(s, ctx.ids.resolve(question_id), before)

    return do, undo


def _case_index(s: Session, conference_id: int, case_id: int) -> int:
    return [c.id for c in agenda.agenda(s, conference_id)].index(case_id)


def add_case(ctx: EditContext, data: PackageCase, holder: list[int]) -> tuple[Write, Write]:
    """``holder`` receives the id of the created case (first entry: the original id)."""
    index: list[int] = []

    def do(s: Session) -> None:
        new = agenda.add_case(s, ctx.conference_id, data)
        if holder:
            ctx.ids.alias(holder[0], new)
            if index:
                agenda.move_case(s, new, index[0])
        else:
            holder.append(new)

    def undo(s: Session) -> None:
        case_id = ctx.ids.resolve(holder[0])
        index[:] = [_case_index(s, ctx.conference_id, case_id)]
        agenda.delete_case(s, case_id)

    return do, undo


def delete_case(
    ctx: EditContext, case_id: int, data: PackageCase, index: int
) -> tuple[Write, Write]:
    def undo(s: Session) -> None:
        new = agenda.add_case(s, ctx.conference_id, data)
        ctx.ids.alias(case_id, new)
        agenda.move_case(s, new, index)

    def do(s: Session) -> None:
        agenda.delete_case(s, ctx.ids.resolve(case_id))

    return do, undo


def _question_index(s: Session, question_id: int) -> tuple[int, int]:
    question = agenda.get_question(s, question_id)
    case = agenda.get_case(s, question.case_id)
    top = [q.id for q in case.questions if q.parent_id is None]
    return case.id, top.index(question_id)


def add_question(
    ctx: EditContext, case_id: int, data: PackageQuestion, holder: list[int]
) -> tuple[Write, Write]:
    place: list[int] = []

    def do(s: Session) -> None:
        new = agenda.add_question(s, ctx.ids.resolve(case_id), data)
        if holder:
            ctx.ids.alias(holder[0], new)
            if place:
                agenda.move_question(s, new, place[0])
        else:
            holder.append(new)

    def undo(s: Session) -> None:
        question_id = ctx.ids.resolve(holder[0])
        place[:] = [_question_index(s, question_id)[1]]
        agenda.delete_question(s, question_id)

    return do, undo


def delete_question(
    ctx: EditContext, question_id: int, case_id: int, data: PackageQuestion, index: int
) -> tuple[Write, Write]:
    def do(s: Session) -> None:
        agenda.delete_question(s, ctx.ids.resolve(question_id))

    def undo(s: Session) -> None:
        new = agenda.add_question(s, ctx.ids.resolve(case_id), data)
        ctx.ids.alias(question_id, new)
        agenda.move_question(s, new, index)

    return do, undo


def move_case(ctx: EditContext, case_id: int, old: int, new: int) -> tuple[Write, Write]:
    def do(s: Session) -> None:
        agenda.move_case(s, ctx.ids.resolve(case_id), new)

    def undo(s: Session) -> None:
        agenda.move_case(s, ctx.ids.resolve(case_id), old)

    return do, undo


def move_question(ctx: EditContext, question_id: int, old: int, new: int) -> tuple[Write, Write]:
    def do(s: Session) -> None:
        agenda.move_question(s, ctx.ids.resolve(question_id), new)

    def undo(s: Session) -> None:
        agenda.move_question(s, ctx.ids.resolve(question_id), old)

    return do, undo


def update_conference(
    ctx: EditContext, before: dict[str, object], after: dict[str, object]
) -> tuple[Write, Write]:
    def apply(values: dict[str, object]) -> Write:
        def write(s: Session) -> None:
            fields = dict(values)
            fellows = fields.pop("fellows", None)
            has_points = "cme_points" in fields
            points = fields.pop("cme_points", None)
            # the form's own field names and values; update_conference checks each
            conferences.update_conference(s, ctx.conference_id, **fields)  # type: ignore[arg-type]
            if has_points:  # None clears them, which update_conference cannot
                conferences.set_cme_points(s, ctx.conference_id, points)  # type: ignore[arg-type]  # as above
            if fellows is not None:
                conferences.set_fellows(s, ctx.conference_id, fellows)  # type: ignore[arg-type]  # as above

        return write

    return apply(after), apply(before)
