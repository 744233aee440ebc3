"""Templates and rules without the platform: the platform's defaults cover every rule, channel and
language with the event's own variables; filling is safe; email is laid out for the reader's
language (Urdu right to left); the language falls back as it should."""

from __future__ import annotations

import pytest

from panacea.engagement.rendering import Brand, candidates, chosen, filled, supported
from panacea.engagement.rules import default_rules
from panacea.engagement.template_models import Locale, TemplateContent
from panacea.engagement.template_variables import (
    MalformedTemplate,
    UnknownVariable,
    allowed,
    check,
    event_model,
    variables_in,
)
from panacea.engagement.templates_platform import default_template
from panacea.platform.providers.channels import Channel

ORDER = {"order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD", "total": {"amount": 2999, "currency": "GBP"}}


def test_every_rule_has_a_default_in_every_language_for_every_channel_of_its_chain():
    missing = [
        (event, channel.value, locale.value)
        for event, rule in default_rules().items()
        for channel in rule.channels
        for locale in Locale
        if default_template(event, channel, locale) is None
    ]
    assert missing == []


def test_every_defaults_variables_are_fields_of_its_event():
    for event, rule in default_rules().items():
        for locale in Locale:
            for channel in Channel:
                content = default_template(event, channel, locale)
                assert content is not None
                check(rule, content.texts())  # raises UnknownVariable naming the text at fault


def test_the_rules_name_a_field_of_their_events_and_critical_ones_are_the_issues():
    for event, rule in default_rules().items():
        model = event_model(event)
        fields = list(model.model_fields) if model is not None else list(rule.variables)
        assert rule.recipient_field in fields, event
    critical = {e for e, r in default_rules().items() if r.critical}
    assert critical == {"sample.failed", "gene_test.failed", "sample.error", "report.released", "measurement.abnormal"}
    assert {e for e, r in default_rules().items() if r.marketing} == {"news.published"}
    # events still to come are declared with their variables
    assert event_model("measurement.abnormal") is None
    assert "value" in allowed(default_rules()["measurement.abnormal"])


@pytest.mark.parametrize(
    "text", ["{order.__class__}", "{lines[0]}", "{0}", "{}", "{total!r}", "{total:>99999}", "unclosed {order_id"]
)
def test_anything_but_a_plain_variable_is_refused_naming_the_field(text: str):
    # When a template holds an attribute, an index, a position, a conversion, a format spec or a stray brace
    with pytest.raises(MalformedTemplate) as refused:
        variables_in(text, field="text")
    # Then it is refused, naming the field
    assert [e.field for e in refused.value.errors] == ["text"]


def test_an_unknown_variable_is_refused_naming_each_field():
    # Given order.paid's rule, and a template using a variable the event does not have
    rule = default_rules()["order.paid"]
    content = TemplateContent(subject="Paid {order_id}", text="Hello {first_name}", html="<p>{shoe_size}</p>")

    # When it is checked
    with pytest.raises(UnknownVariable) as refused:
        check(rule, content.texts())

    # Then each field at fault is named, with the variable
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("text", "unknown_variable"),
        ("html", "unknown_variable"),
    ]
    assert "{first_name}" in refused.value.detail


def test_urdu_email_is_right_to_left_and_values_are_escaped_and_money_localised():
    # Given the platform's Urdu email of order.paid, and a brand whose name needs escaping
    content = default_template("order.paid", Channel.EMAIL, Locale.UR)
    assert content is not None
    brand = Brand(name="Harbour <Gene>", primary_colour="#1D3557")

    # When it is filled
    rendered = filled(content, Locale.UR, Channel.EMAIL, {**ORDER, "order_id": "<b>1</b>"}, brand)

    # Then the page is Urdu, right to left, in the brand's colour, every value escaped
    assert rendered.html is not None
    assert '<html lang="ur" dir="rtl">' in rendered.html
    assert "#1D3557" in rendered.html
    assert "Harbour &lt;Gene&gt;" in rendered.html
    assert "<b>1</b>" not in rendered.html
    assert "£29.99" in rendered.text
    assert rendered.subject == "آرڈر <b>1</b> کی ادائیگی موصول"
    english_email = default_template("order.paid", Channel.EMAIL, Locale.EN_GB)
    assert english_email is not None
    english = filled(english_email, Locale.EN_GB, Channel.EMAIL, ORDER, brand)
    assert english.html is not None
    assert '<html lang="en-GB" dir="ltr">' in english.html


def test_whatsapp_and_wechat_get_their_templates_filled_in_order():
    brand = Brand(name="Harbour Gene", senders={"whatsapp": "Harbour"})
    whatsapp = default_template("order.paid", Channel.WHATSAPP, Locale.HI)
    wechat = default_template("order.paid", Channel.WECHAT, Locale.ZH_CN)
    assert whatsapp is not None
    assert wechat is not None

    sent = filled(whatsapp, Locale.HI, Channel.WHATSAPP, ORDER, brand)
    chat = filled(wechat, Locale.ZH_CN, Channel.WECHAT, ORDER, brand)

    assert sent.template is not None
    assert (sent.template.name, sent.template.language) == ("panacea_order_paid", "hi")
    assert sent.template.params == ["01JD7Q2ZQ8C1V3B5N7M9K2H4FD", "£29.99"]  # the text's variables, in order
    assert sent.sender_name == "Harbour"
    assert chat.template is not None
    assert chat.template.fields["keyword1"] == "01JD7Q2ZQ8C1V3B5N7M9K2H4FD"
    assert chat.template.fields["first"] == "订单01JD7Q2ZQ8C1V3B5N7M9K2H4FD已付款"
    assert chat.sender_name == "Harbour Gene"


def test_times_are_written_in_the_tenants_zone_for_the_reader():
    content = TemplateContent(text="At {starts_at}")
    shanghai = Brand(time_zone="Asia/Shanghai")
    rendered = filled(content, Locale.EN_GB, Channel.SMS, {"starts_at": "2026-12-07T01:00:00Z"}, shanghai)
    assert rendered.text == "At 7 Dec 2026 09:00"


def test_the_language_asked_for_else_the_tenants_else_english():
    assert supported("ur-PK") == Locale.UR
    assert supported("zh") == Locale.ZH_CN
    assert supported("fr-FR") is None
    assert candidates("ur-PK", "zh-CN") == [Locale.UR, Locale.ZH_CN, Locale.EN_GB]
    assert candidates("fr", "hi-IN") == [Locale.HI, Locale.EN_GB]
    assert candidates("fr", "de") == [Locale.EN_GB]


def test_the_tenants_own_template_comes_before_the_platforms_in_the_same_language():
    own = {"hi": TemplateContent(text="Own Hindi {order_id}")}
    # The tenant's own Hindi, asked in Hindi
    assert chosen("order.paid", Channel.SMS, [Locale.HI, Locale.EN_GB], own)[1].text == "Own Hindi {order_id}"  # type: ignore[index]
    # The platform's Urdu before the tenant's own Hindi, asked in Urdu
    locale, content = chosen("order.paid", Channel.SMS, [Locale.UR, Locale.HI], own)  # type: ignore[misc]
    assert locale == Locale.UR
    assert "آرڈر" in content.text
    # An event no template knows: nothing
    assert chosen("no.such_event", Channel.SMS, [Locale.EN_GB], {}) is None
