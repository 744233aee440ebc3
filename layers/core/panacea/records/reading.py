"""Reading gene reports: members list their released reports, read one and download its PDF by a
short-lived presigned GET; staff list every report, search them by their words, read and download
any. Every read of a report (its findings or its PDF, by anyone) writes an entry of identity's audit
trail (`record.read`: who, which report, how, when) in its own transaction, before the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from panacea import identity
from panacea.platform import clock, storage
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Unprocessable
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.records import dal, search
from panacea.records.access import Action
from panacea.records.filing import NoSuchReport
from panacea.records.models import Download, ReportState, ReportSummary, ReportView

DOWNLOAD_SECONDS = 5 * 60  # how long a report's download link works
KIND = "gene_report"


@dataclass(frozen=True)
class Reader:
    """Where a read came from, for the audit trail."""

    source_ip: str | None = None
    user_agent: str | None = None


def _audited(actor: Actor, item: dal.ReportItem, how: str, reader: Reader) -> None:
    read = identity.RecordRead(
        actor_id=actor.user_id,
        subject_id=item.member_id,
        record_kind=KIND,
        record_id=item.report_id,
        how=how,
        source_ip=reader.source_ip,
        user_agent=reader.user_agent,
    )
    with unit_of_work(actor.tenant) as uow:
        uow.add(identity.read_entry(actor.tenant, read))


def _download(item: dal.ReportItem) -> Download:
    url = storage.download_url(item.file_key, expires_s=DOWNLOAD_SECONDS)
    return Download(url=url, expires_at=clock.now() + timedelta(seconds=DOWNLOAD_SECONDS))


# --- members ---------------------------------------------------------------------------------------


def _mine(actor: Actor, report_id: str) -> dal.ReportItem:
    """The member's own released report (another's, or a draft, is not found)."""
    authorize(actor, Action.KEEP_RECORDS)
    item = dal.report(actor.tenant, report_id)
    if item is None or item.member_id != actor.user_id or item.state != ReportState.RELEASED:
        raise NoSuchReport(f"you have no report {report_id}", field="report_id")
    return item


def my_reports(actor: Actor, *, cursor: str | None, limit: int) -> Page[ReportSummary]:
    authorize(actor, Action.KEEP_RECORDS)
    return dal.member_reports(actor.tenant, actor.user_id, ReportState.RELEASED, cursor=cursor, limit=limit)


def my_report(actor: Actor, report_id: str, reader: Reader) -> ReportView:
    item = _mine(actor, report_id)
    _audited(actor, item, "view", reader)
    return item.view()


def my_download(actor: Actor, report_id: str, reader: Reader) -> Download:
    item = _mine(actor, report_id)
    _audited(actor, item, "download", reader)
    return _download(item)


# --- staff -----------------------------------------------------------------------------------------


def _any(actor: Actor, report_id: str) -> dal.ReportItem:
    authorize(actor, Action.READ_REPORTS)
    item = dal.report(actor.tenant, report_id)
    if item is None:
        raise NoSuchReport(f"no report {report_id}", field="report_id")
    return item


def report(actor: Actor, report_id: str, reader: Reader) -> ReportView:
    item = _any(actor, report_id)
    _audited(actor, item, "view", reader)
    return item.view()


def download(actor: Actor, report_id: str, reader: Reader) -> Download:
    item = _any(actor, report_id)
    _audited(actor, item, "download", reader)
    return _download(item)


def reports(actor: Actor, *, q: str | None, cursor: str | None, limit: int) -> Page[ReportSummary]:
    """Every report, newest first, or those whose words start with every word of `q`."""
    authorize(actor, Action.READ_REPORTS)
    if not q:
        return dal.all_reports(actor.tenant, cursor=cursor, limit=limit)
    return _search(actor.tenant, q, cursor=cursor, limit=limit)


def _search(tenant_id: str, q: str, *, cursor: str | None, limit: int) -> Page[ReportSummary]:
    """One Query of the longest word's prefix, then one BatchGet of the page's reports and of their
    index items of the query's other words. A page may hold fewer than `limit` reports."""
    try:
        terms = search.query_terms(q)
    except ValueError as empty:
        raise Unprocessable.on_field("q", "no_words", str(empty)) from empty
    first, others = terms[0], terms[1:]
    hits, next_cursor = dal.reports_with_word(tenant_id, search.key_of(first), cursor=cursor, limit=limit, query=q)
    hits = [h for h in hits if search.matches(first, h.found())]
    wanted = [dal.ReportItem.key(tenant_id, h.report_id) for h in hits]
    wanted += [dal.ReportWordItem.key(tenant_id, h.report_id, search.key_of(t)) for h in hits for t in others]
    found = dal.fetch(wanted)
    items: list[ReportSummary] = []
    for hit in hits:
        item = found.get(dal.ReportItem.key(tenant_id, hit.report_id))
        if not isinstance(item, dal.ReportItem):
            continue  # indexed, but its filing did not commit
        if all(_has(found.get(dal.ReportWordItem.key(tenant_id, hit.report_id, search.key_of(t))), t) for t in others):
            items.append(item.summary())
    return Page[ReportSummary](items=items, next_cursor=next_cursor)


def _has(item: object, term: str) -> bool:
    return isinstance(item, dal.ReportWordItem) and search.matches(term, item.found())
