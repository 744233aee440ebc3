"""Records: gene reports (filed by staff or the lab, released to their member, searchable by their
text) and members' own checkup records.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events records announces. Orders follows `report.released` (its `order_id` and `line_id`) to end
the gene-test line's wait; records writes each read of a report to identity's audit trail through
identity's face (`identity.read_entry`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.records.models import CheckupRecordAdded, ReportFiled, ReportReleased

__all__ = ["CheckupRecordAdded", "ReportFiled", "ReportReleased"]
__getattr__ = face(__name__, dict.fromkeys(__all__, "panacea.records.models"))
