"""Notification templates through EngagementTemplatesApi: each change a new version (the previous kept,
listable; the newest live and what `render` uses), previews with sample or given data, a variable the
event does not have refused naming the field, and one tenant never sees another's templates."""

from __future__ import annotations

import json
from typing import Any

from infra import wiring
from infra.local.invoke import invoke
from infra.wiring import ROOT
from panacea.engagement.rendering import render
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from tests.integration.engagement.template_support import EMAIL, TEMPLATES, owner, published
from tests.support import call, onboard, staff

PREVIEW = f"{TEMPLATES}/preview"


def test_a_change_is_a_new_version_the_newest_live_and_rendered():
    # Given a tenant that publishes its own email of order.paid twice
    tenant = onboard()["id"]
    first = published(tenant)
    second = published(tenant, body={**EMAIL, "subject": "Thank you for order {order_id}"})

    # When its templates and the versions of that one are listed
    listed = call("GET", TEMPLATES, caller=owner(tenant))
    versions = call("GET", f"{TEMPLATES}/order.paid/email/en-GB/versions", caller=owner(tenant))

    # Then the template is live at version 2, both versions are kept, newest first, only it live
    assert (first["version"], second["version"]) == (1, 2)
    assert [(t["event_type"], t["channel"], t["locale"], t["version"]) for t in listed.body["items"]] == [
        ("order.paid", "email", "en-GB", 2)
    ]
    assert [(v["version"], v["live"]) for v in versions.body["items"]] == [(2, True), (1, False)]
    assert versions.body["items"][1]["content"]["subject"] == "Paid: {order_id}"
    # And render uses the live version, with the tenant's brand around it
    with acting_for(tenant):
        rendered = render(
            tenant,
            "order.paid",
            Channel.EMAIL,
            "en-GB",
            {"order_id": "O-1", "total": {"amount": 2999, "currency": "GBP"}},
        )
    assert rendered.subject == "Thank you for order O-1"
    assert rendered.text == "We have £29.99 for O-1."
    assert rendered.html is not None
    assert "<p>£29.99</p>" in rendered.html


def test_render_falls_back_from_the_language_asked_to_the_tenants_then_english():
    # Given a tenant with its own Urdu SMS of order.shipped only
    tenant = onboard()["id"]
    published(tenant, "order.shipped/sms/ur", {"text": "آرڈر {order_id} روانہ"})
    data = {"order_id": "O-2", "carrier": "DHL", "tracking_number": "T1"}

    with acting_for(tenant):
        urdu = render(tenant, "order.shipped", Channel.SMS, "ur-PK", data)
        french = render(tenant, "order.shipped", Channel.SMS, "fr-FR", data)
        hindi = render(tenant, "order.shipped", Channel.SMS, "hi", data)

    # Then Urdu is the tenant's own, a language nobody writes is the tenant's (en-GB), Hindi the platform's
    assert (urdu.locale, urdu.text) == ("ur", "آرڈر O-2 روانہ")
    assert french.locale == "en-GB"
    assert "DHL" in french.text
    assert hindi.locale == "hi"
    assert "DHL" in hindi.text


def test_an_unknown_variable_is_a_422_naming_the_field_and_nothing_is_written():
    tenant = onboard()["id"]

    # When a template uses a field order.paid does not have, or an attribute of one, or lacks its subject
    unknown = call("PUT", f"{TEMPLATES}/order.paid/email/en-GB", caller=owner(tenant),
                   body={**EMAIL, "text": "Hello {first_name}"})  # fmt: skip
    attribute = call("PUT", f"{TEMPLATES}/order.paid/sms/en-GB", caller=owner(tenant),
                     body={"text": "{total.__class__}"})  # fmt: skip
    no_subject = call("PUT", f"{TEMPLATES}/order.paid/email/hi", caller=owner(tenant), body={"text": "{order_id}"})
    no_event = call("PUT", f"{TEMPLATES}/order.placed/sms/en-GB", caller=owner(tenant), body={"text": "x"})
    no_locale = call("PUT", f"{TEMPLATES}/order.paid/sms/fr", caller=owner(tenant), body={"text": "x"})

    # Then each is refused naming the field, and the tenant has no template
    assert (unknown.status, unknown.body["type"]) == (422, "/errors/unknown-template-variable")
    assert [e["field"] for e in unknown.body["errors"]] == ["text"]
    assert "{first_name}" in unknown.body["detail"]
    assert (attribute.status, [e["field"] for e in attribute.body["errors"]]) == (422, ["text"])
    assert (no_subject.status, [e["field"] for e in no_subject.body["errors"]]) == (422, ["subject"])
    assert (no_event.status, no_event.body["errors"][0]["field"]) == (404, "path.event_type")
    assert (no_locale.status, no_locale.body["errors"][0]["field"]) == (422, "path.locale")
    assert call("GET", TEMPLATES, caller=owner(tenant)).body["items"] == []


def test_preview_renders_given_or_stored_templates_with_sample_or_given_data():
    # Given a tenant with its own Urdu email of order.paid
    tenant = onboard()["id"]
    published(tenant, "order.paid/email/ur", {"subject": "ادائیگی {order_id}", "text": "{total} موصول"})

    # When staff preview it with the order's data, preview a template they have not saved with sample
    # data, and preview the platform's WhatsApp of a failed sample
    stored = call("POST", f"{TEMPLATES}/preview", caller=owner(tenant), body={
        "event_type": "order.paid", "channel": "email", "locale": "ur",
        "data": {"order_id": "O-9", "total": {"amount": 1000, "currency": "GBP"}}})  # fmt: skip
    given = call("POST", PREVIEW, caller=owner(tenant), body={
        "event_type": "report.released", "channel": "sms", "locale": "en-GB",
        "template": {"text": "{test_name} is out"}})  # fmt: skip
    platform = call("POST", PREVIEW, caller=owner(tenant), body={
        "event_type": "sample.failed", "channel": "whatsapp", "locale": "zh-CN"})  # fmt: skip
    bad = call("POST", PREVIEW, caller=owner(tenant), body={
        "event_type": "report.released", "channel": "sms", "template": {"text": "{nope}"}})  # fmt: skip

    # Then each answers its subject, text and HTML (Urdu right to left), and a bad template is a 422
    assert stored.status == 200, stored.body
    assert (stored.body["subject"], stored.body["text"]) == ("ادائیگی O-9", "£10.00 موصول")
    assert '<html lang="ur" dir="rtl">' in stored.body["html"]
    assert given.status == 200, given.body
    assert given.body["text"].endswith(" is out")
    assert given.body["data"]["test_name"]
    assert platform.status == 200, platform.body
    assert platform.body["template"]["name"] == "panacea_sample_failed"
    assert platform.body["locale"] == "zh-CN"
    assert (bad.status, [e["field"] for e in bad.body["errors"]]) == (422, ["template.text"])


def test_one_tenant_never_sees_anothers_templates():
    # Given tenant A's own template, in two versions
    a, b = onboard()["id"], onboard()["id"]
    published(a, body={**EMAIL, "subject": "A's secret {order_id}"})
    published(a, body={**EMAIL, "subject": "A's second {order_id}"})

    # When B lists its templates and the versions of the same event, channel and language, and renders it
    listed = call("GET", TEMPLATES, caller=owner(b))
    versions = call("GET", f"{TEMPLATES}/order.paid/email/en-GB/versions", caller=owner(b))
    with acting_for(b):
        rendered = render(b, "order.paid", Channel.EMAIL, "en-GB", {"order_id": "O-3"})

    # Then B sees none of A's, and its messages are the platform's words
    assert listed.body["items"] == []
    assert versions.body["items"] == []
    assert rendered.subject == "Payment received for order O-3"
    # And a member of A may not touch A's templates
    member = staff(a, "member", user_id="m-1")
    assert call("GET", TEMPLATES, caller=member).status == 403
    assert call("PUT", f"{TEMPLATES}/order.paid/sms/en-GB", caller=member, body={"text": "x"}).status == 403


def test_the_functions_sample_events_are_answered():
    # Given the samples of events/EngagementTemplatesApi (an owner of a tenant onboarding never reached)
    rules, preview = _run("list-notification-rules.json"), _run("preview-template.json")
    # Then the platform's rules are listed, and the Urdu preview is laid out right to left
    assert rules["statusCode"] == 200, rules["body"]
    assert any(r["event_type"] == "order.paid" for r in json.loads(rules["body"]))
    assert preview["statusCode"] == 200, preview["body"]
    assert 'dir="rtl"' in json.loads(preview["body"])["html"]


def _run(sample: str) -> dict[str, Any]:
    fn = wiring.function("EngagementTemplatesApi")
    event = json.loads((ROOT / "events" / fn.name / sample).read_text())
    answer: dict[str, Any] = invoke(fn.handler, event, function_name=fn.name)
    return answer
