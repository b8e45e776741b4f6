"""Part of the store: who works in the shop."""

from __future__ import annotations

from kbm_tui.core import validate, vocab
from kbm_tui.core.errors import InputError, NotFound
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Staff
from kbm_tui.db.base import Part


class StaffPart(Part):
    def staff(self, include_inactive: bool = False) -> list[Staff]:
        where = "" if include_inactive else "WHERE active=1"
        rows = self.conn.execute(f"SELECT * FROM staff {where} ORDER BY role!='owner', name")
        return [Staff.from_row(r) for r in rows]

    def owner(self) -> Staff:
        row = self._one("SELECT * FROM staff WHERE role='owner' ORDER BY id LIMIT 1")
        if row is None:
            row = self._one("SELECT * FROM staff ORDER BY id LIMIT 1")
        if row is None:
            raise NotFound(_("The database has no staff at all. Add someone with: "
                             "kbm staff add NAME"))
        return Staff.from_row(row)

    def find_staff(self, typed: str) -> Staff:
        """The staff member whose name is or starts with what was typed."""
        key = vocab.fold(typed)
        everyone = self.staff()
        exact = [s for s in everyone if vocab.fold(s.name) == key]
        found = exact or [s for s in everyone if vocab.fold(s.name).startswith(key)]
        names = ", ".join(s.name for s in everyone)
        if not found:
            raise InputError(
                _('Nobody on the staff is called "{typed}". Staff: {names}. '
                  'Add someone with: kbm staff add NAME').format(typed=typed, names=names),
                field="staff")
        if len(found) > 1:
            raise InputError(
                _('"{typed}" could be {names}. Type more of the name.').format(
                    typed=typed, names=", ".join(s.name for s in found)), field="staff")
        return found[0]

    def add_staff(self, name: str) -> Staff:
        cleaned = validate.text(name, "staff", required=True, label="staff name")
        if any(vocab.fold(s.name) == vocab.fold(cleaned)
               for s in self.staff(include_inactive=True)):
            raise InputError(_('There is already a staff member called "{name}".').format(
                name=cleaned), field="staff")
        with self.transaction():
            new_id = self._insert("staff", dict(name=cleaned, role="staff", active=1,
                                                created_at=self._now()))
        return self.get_staff(new_id)

    def rename_staff(self, staff_id: int, name: str) -> Staff:
        cleaned = validate.text(name, "staff", required=True, label="staff name")
        with self.transaction():
            self.conn.execute("UPDATE staff SET name=? WHERE id=?", (cleaned, staff_id))
        return self.get_staff(staff_id)

    def get_staff(self, staff_id: int) -> Staff:
        return self._get(Staff, "SELECT * FROM staff WHERE id=?", staff_id,
                         _("There is no staff member #{id}.").format(id=staff_id))
