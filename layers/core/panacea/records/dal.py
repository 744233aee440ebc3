"""Records' items in the single table, and every query that reads them (the only place their keys
are built).

ReportItem        PK T#<t>#REPORT#<report> · SK REPORT            a gene report: its state, metadata, findings and
                                                                  the key of its PDF in the uploads bucket
                  GSI1 T#<t>#REPORTS · <report>                   every report, newest first (staff)
                  GSI2 T#<t>#MEMBER#<member>#REPORTS#<state> · <report>   a member's reports in one state,
                                                                  newest first (members: released)
ReportWordItem    PK T#<t>#REPORT#<report> · SK WORD#<prefix>     one per distinct word prefix of a report's text
                                                                  (search.py), with the words that start with it
                  GSI1 T#<t>#REPORT_WORDS#<prefix> · <report>     the reports with a word starting so, newest first
CheckupItem       PK T#<t>#MEMBER#<member>#CHECKUPS · SK CHECKUP#<record>   a member's own checkup record
                                                                  (a member's records: Query PK, newest first)
                  GSI1 T#<t>#MEMBER#<member>#CHECKUPS#<category> · <record>   …in one category

A report's word items are written (BatchWriteItem, idempotent puts) before the report itself, so
a search never misses a filed report; a word item whose report was never written is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from pynamodb.attributes import ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from panacea.platform.keys import tenant_key
from panacea.platform.table import (
    DocumentAttribute,
    Page,
    TableItem,
    Uniqueness,
    decode_cursor,
    encode_cursor,
    page_of,
)
from panacea.records.models import (
    CheckupRecord,
    FindingView,
    RecordCategory,
    ReportState,
    ReportSummary,
    ReportView,
)

Key = tuple[str, str]
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # what an id in a path may be; anything else finds nothing


# --- reports ---------------------------------------------------------------------------------------


def _report_pk(tenant_id: str, report_id: str) -> str:
    return tenant_key(tenant_id, "REPORT", report_id)


def _member_reports(tenant_id: str, member_id: str, state: ReportState) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "REPORTS", state.value)


class ReportItem(TableItem, discriminator="gene_report"):
    report_id = UnicodeAttribute()
    state = UnicodeAttribute()
    member_id = UnicodeAttribute()
    order_id = UnicodeAttribute(null=True)
    line_id = UnicodeAttribute(null=True)
    test_name = UnicodeAttribute()
    markers_summary = UnicodeAttribute(null=True)
    findings = ListAttribute(of=DocumentAttribute, null=True)
    file_key = UnicodeAttribute()
    pages = NumberAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    created_by = UnicodeAttribute()
    released_at = UTCDateTimeAttribute(null=True)
    released_by = UnicodeAttribute(null=True)

    @classmethod
    def key(cls, tenant_id: str, report_id: str) -> Key:
        return _report_pk(tenant_id, report_id), "REPORT"

    @classmethod
    def new(cls, tenant_id: str, report_id: str, **fields: Any) -> ReportItem:
        item = cls(*cls.key(tenant_id, report_id), report_id=report_id, state=ReportState.DRAFT.value, **fields)
        item.gsi1pk, item.gsi1sk = tenant_key(tenant_id, "REPORTS"), report_id
        item.place(tenant_id)
        return item

    def place(self, tenant_id: str) -> None:
        """Put the report in its member's list of its state."""
        self.gsi2pk = _member_reports(tenant_id, self.member_id, ReportState(self.state))
        self.gsi2sk = self.report_id

    def view(self) -> ReportView:
        return ReportView(
            id=self.report_id,
            state=ReportState(self.state),
            member_id=self.member_id,
            order_id=self.order_id,
            line_id=self.line_id,
            test_name=self.test_name,
            markers_summary=self.markers_summary or "",
            findings=[FindingView.model_validate(f) for f in self.findings or []],
            pages=self.pages,
            created_at=self.created_at,
            created_by=self.created_by,
            released_at=self.released_at,
            released_by=self.released_by,
        )

    def summary(self) -> ReportSummary:
        return ReportSummary(
            id=self.report_id,
            state=ReportState(self.state),
            member_id=self.member_id,
            test_name=self.test_name,
            order_id=self.order_id,
            created_at=self.created_at,
            released_at=self.released_at,
        )


class ReportWordItem(TableItem, discriminator="gene_report_word"):
    report_id = UnicodeAttribute()
    words = ListAttribute(of=UnicodeAttribute)

    @classmethod
    def key(cls, tenant_id: str, report_id: str, prefix: str) -> Key:
        return _report_pk(tenant_id, report_id), f"WORD#{prefix}"

    @classmethod
    def new(cls, tenant_id: str, report_id: str, prefix: str, words: list[str]) -> ReportWordItem:
        return cls(
            *cls.key(tenant_id, report_id, prefix),
            gsi1pk=tenant_key(tenant_id, "REPORT_WORDS", prefix),
            gsi1sk=report_id,
            report_id=report_id,
            words=words,
        )

    def found(self) -> list[str]:
        """The words of the report that start with this item's prefix."""
        return [str(word) for word in self.words or []]


def report(tenant_id: str, report_id: str) -> ReportItem | None:
    if not _ID.match(report_id):
        return None
    return ReportItem.find(*ReportItem.key(tenant_id, report_id))


FILE_CLAIM = "report_file"  # Uniqueness kind: one report per uploaded PDF


def file_filed(tenant_id: str, file_id: str) -> bool:
    """Whether a report was already filed with this PDF (its claim exists; one GetItem)."""
    claim = Uniqueness.of(tenant_id, FILE_CLAIM, file_id, "")
    return Uniqueness.find(claim.pk, claim.sk) is not None


def index_report(tenant_id: str, report_id: str, prefixes: dict[str, list[str]]) -> None:
    """The report's word items (BatchWriteItem, 25 a request; puts, so a retry rewrites the same)."""
    with ReportWordItem.batch_write() as batch:
        for prefix, words in prefixes.items():
            batch.save(ReportWordItem.new(tenant_id, report_id, prefix, words))


def all_reports(tenant_id: str, *, cursor: str | None, limit: int) -> Page[ReportSummary]:
    partition = tenant_key(tenant_id, "REPORTS")
    results = ReportItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, ReportItem.summary)  # type: ignore[arg-type]


def member_reports(
    tenant_id: str, member_id: str, state: ReportState, *, cursor: str | None, limit: int
) -> Page[ReportSummary]:
    partition = _member_reports(tenant_id, member_id, state)
    results = ReportItem.by_gsi2.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI2PK", partition)),
    )
    return page_of(results, ReportItem.summary)  # type: ignore[arg-type]


def reports_with_word(
    tenant_id: str, prefix: str, *, cursor: str | None, limit: int, query: str
) -> tuple[list[ReportWordItem], str | None]:
    """A page of the index items of one prefix, newest report first, and the next page's cursor."""
    partition = tenant_key(tenant_id, "REPORT_WORDS", prefix)
    results = ReportWordItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition), query=query),
    )
    found = [item for item in results if isinstance(item, ReportWordItem)]
    return found, encode_cursor(results.last_evaluated_key, query=query)


def fetch(keys: Iterable[Key]) -> dict[Key, TableItem]:
    """The items that exist among `keys`, of whatever kind, in one BatchGetItem (per 100 keys)."""
    wanted = list(dict.fromkeys(keys))
    return {(item.pk, item.sk): item for item in TableItem.batch_get(wanted)} if wanted else {}


# --- members' checkup records ----------------------------------------------------------------------


def _checkups(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "CHECKUPS")


class CheckupItem(TableItem, discriminator="checkup_record"):
    record_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    category = UnicodeAttribute()
    title = UnicodeAttribute()
    taken_on = UnicodeAttribute(null=True)  # ISO date
    note = UnicodeAttribute(null=True)
    file_key = UnicodeAttribute()
    content_type = UnicodeAttribute()
    size = NumberAttribute()
    added_at = UTCDateTimeAttribute()

    @classmethod
    def key(cls, tenant_id: str, member_id: str, record_id: str) -> Key:
        return _checkups(tenant_id, member_id), f"CHECKUP#{record_id}"

    @classmethod
    def new(
        cls, tenant_id: str, member_id: str, record_id: str, *, category: RecordCategory, **fields: Any
    ) -> CheckupItem:
        taken_on: date | None = fields.pop("taken_on", None)
        return cls(
            *cls.key(tenant_id, member_id, record_id),
            gsi1pk=tenant_key(tenant_id, "MEMBER", member_id, "CHECKUPS", category.value),
            gsi1sk=record_id,
            record_id=record_id,
            member_id=member_id,
            category=category.value,
            taken_on=taken_on.isoformat() if taken_on else None,
            **fields,
        )

    def view(self) -> CheckupRecord:
        return CheckupRecord(
            id=self.record_id,
            category=RecordCategory(self.category),
            title=self.title,
            taken_on=date.fromisoformat(self.taken_on) if self.taken_on else None,
            note=self.note or "",
            content_type=self.content_type,
            size=int(self.size),
            added_at=self.added_at,
        )


def checkup(tenant_id: str, member_id: str, record_id: str) -> CheckupItem | None:
    if not _ID.match(record_id):
        return None
    return CheckupItem.find(*CheckupItem.key(tenant_id, member_id, record_id))


def checkups(
    tenant_id: str, member_id: str, category: RecordCategory | None, *, cursor: str | None, limit: int
) -> Page[CheckupRecord]:
    """A member's checkup records, newest first, all of them or one category's."""
    if category is None:
        partition = _checkups(tenant_id, member_id)
        results = CheckupItem.query(
            partition,
            CheckupItem.sk.startswith("CHECKUP#"),
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=("PK", partition)),
        )
        return page_of(results, CheckupItem.view)
    partition = tenant_key(tenant_id, "MEMBER", member_id, "CHECKUPS", category.value)
    indexed = CheckupItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(indexed, CheckupItem.view)  # type: ignore[arg-type]
