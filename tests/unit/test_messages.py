"""The core's message catalogue: codes stored, texts made where they are shown,
one catalogue for the command line and (through Qt Linguist) the GUI."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from courtapp.core.domain.messages import CATALOGUE, Message, check_catalogue, render

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "courtapp_zh_CN.ts"


def test_every_chinese_template_has_the_fields_of_its_english_one() -> None:
    assert check_catalogue() == []


def test_a_message_reads_in_either_language_with_its_parameters() -> None:
    m = Message("history.listing_signed_grace", {"grace_until": "2026-09-30"})
    assert m.text("en") == "listing decision signed; grace until 2026-09-30"
    assert m.text("zh") == "纳入决定书已签发；宽限期至2026-09-30"


def test_a_parameter_that_is_a_code_is_shown_translated() -> None:
    m = Message("history.notice_served", {"method": "service_method.by_post"})
    assert m.text("en") == "execution notice served (service by post)"
    assert m.text("zh") == "执行通知书已送达（邮寄送达）"


def test_a_judges_words_are_shown_as_written_in_both_languages() -> None:
    m = Message("history.petition_granted", {"petition": "(2026)京0105执1号-申1", "reasons": "已全部履行"})
    assert m.text("en") == "petition (2026)京0105执1号-申1: 已全部履行"
    assert "已全部履行" in m.text("zh")


def test_an_unknown_code_shows_as_itself_never_as_an_error() -> None:
    assert render("history.from_a_later_version", {"x": 1}) == "history.from_a_later_version {'x': 1}"


def test_the_gui_translation_file_carries_the_catalogue_with_its_chinese() -> None:
    ctx = next(c for c in ET.parse(TS).getroot().iter("context") if c.findtext("name") == "Messages")
    in_ts = {m.findtext("source"): m.findtext("translation") for m in ctx.iter("message")}
    assert in_ts == {en: zh for en, zh in CATALOGUE.values()}
