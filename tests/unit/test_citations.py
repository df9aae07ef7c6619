"""R-N2: each document cites the Civil Procedure Law article in force on its date,
from one table (courtapp/core/domain/citations.py), never from template strings."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from documents_fixtures import build_example
from pypdf import PdfReader

from courtapp.core.documents.builders import MissingPrecondition
from courtapp.core.documents.model import DocKind
from courtapp.core.documents.render import render
from courtapp.core.documents.templates import template_dirs
from courtapp.core.domain.citations import (
    CPL_ARTICLES,
    CPL_VERSIONS,
    NoCitation,
    article_text,
    cpl_article,
    cpl_citations,
    cpl_reference,
    cpl_version,
)
from courtapp.core.domain.numerals import chinese_numeral

IN_FORCE_2021 = date(2022, 1, 1)
IN_FORCE_2023 = date(2024, 1, 1)


@pytest.mark.parametrize(("on", "restriction", "sanctions", "notice", "interest", "objection"), [
    (date(2013, 1, 1), 255, 111, 240, 253, 225),
    (date(2017, 5, 1), 255, 111, 240, 253, 225),
    (IN_FORCE_2021 - timedelta(days=1), 255, 111, 240, 253, 225),
    (IN_FORCE_2021, 262, 114, 247, 260, 232),
    (IN_FORCE_2023 - timedelta(days=1), 262, 114, 247, 260, 232),
    (IN_FORCE_2023, 266, 114, 251, 264, 236),
    (date(2026, 6, 30), 266, 114, 251, 264, 236),
])
def test_R_N2_the_article_in_force_on_a_date(on: date, restriction: int, sanctions: int, notice: int,
                                             interest: int, objection: int) -> None:
    assert cpl_article("restriction_measures", on) == restriction
    assert cpl_article("sanctions", on) == sanctions
    assert cpl_article("execution_notice", on) == notice
    assert cpl_article("delay_interest", on) == interest
    assert cpl_article("execution_objection", on) == objection


def test_R_N2_the_versions_and_their_dates() -> None:
    assert [(v.name, v.in_force) for v in CPL_VERSIONS] == [
        ("2012/2017", date(2013, 1, 1)), ("2021", IN_FORCE_2021), ("2023", IN_FORCE_2023)]
    assert cpl_version(date(2023, 12, 31)).name == "2021"
    assert cpl_reference("restriction_measures", date(2026, 1, 5)) == "CPL 2023 Art. 266"
    assert all(len(numbers) == len(CPL_VERSIONS) for numbers in CPL_ARTICLES.values())


def test_R_N2_no_citation_before_the_table_or_for_an_unknown_key() -> None:
    with pytest.raises(NoCitation, match="2012-12-31"):
        cpl_article("sanctions", date(2012, 12, 31))
    with pytest.raises(NoCitation, match="enforcement_magic"):
        cpl_article("enforcement_magic", date(2026, 1, 1))
    with pytest.raises(MissingPrecondition, match="no CPL numbering"):
        build_example(DocKind.EXECUTION_NOTICE, issued_on=date(2012, 6, 1))


def test_R_N2_article_text_in_both_languages() -> None:
    assert article_text(266, "zh") == "第二百六十六条" and article_text(114, "zh") == "第一百一十四条"
    assert article_text(240, "zh") == "第二百四十条" and article_text(205, "zh") == "第二百零五条"
    assert article_text(266, "en") == "Article 266"
    assert [chinese_numeral(n) for n in (1, 10, 13, 20, 99, 100, 110, 111, 1005)] == [
        "一", "十", "十三", "二十", "九十九", "一百", "一百一十", "一百一十一", "一千零五"]
    assert cpl_citations(date(2021, 6, 1), "zh")["cpl_restriction_measures"] == "第二百五十五条"


def _pdf_text(kind: DocKind, on: date, lang: str = "zh", **kw: object) -> str:
    doc = build_example(kind, lang, issued_on=on, **kw)  # type: ignore[arg-type]
    reader = PdfReader(io.BytesIO(render(doc)))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize(("on", "restriction", "sanctions", "objection"), [
    (date(2021, 12, 31), "第二百五十五条", "第一百一十一条", "第二百二十五条"),
    (date(2022, 1, 1), "第二百六十二条", "第一百一十四条", "第二百三十二条"),
    (date(2024, 1, 1), "第二百六十六条", "第一百一十四条", "第二百三十六条"),
])
def test_R_N2_a_restriction_order_cites_the_numbers_of_its_date(
        on: date, restriction: str, sanctions: str, objection: str) -> None:
    text = _pdf_text(DocKind.RESTRICTION_ORDER, on)
    assert f"《中华人民共和国民事诉讼法》{restriction}，" in text
    assert f"依照《中华人民共和国民事诉讼法》{sanctions}的规定予以罚款、拘留" in text
    assert f"《中华人民共和国民事诉讼法》{objection}的规定向本院提出书面异议" in text
    others = {"第二百五十五条", "第二百六十二条", "第二百六十六条"} - {restriction}
    assert not any(o in text for o in others)


@pytest.mark.parametrize(("on", "notice", "interest"), [
    (date(2021, 3, 3), ("第二百四十条", "Article 240"), ("第二百五十三条", "Article 253")),
    (date(2023, 3, 3), ("第二百四十七条", "Article 247"), ("第二百六十条", "Article 260")),
    (date(2026, 3, 3), ("第二百五十一条", "Article 251"), ("第二百六十四条", "Article 264")),
])
def test_R_N2_an_execution_notice_cites_the_numbers_of_its_date(
        on: date, notice: tuple[str, str], interest: tuple[str, str]) -> None:
    zh = _pdf_text(DocKind.EXECUTION_NOTICE, on)
    assert f"依照《中华人民共和国民事诉讼法》{notice[0]}的规定，责令你" in zh and interest[0] in zh
    en = _pdf_text(DocKind.EXECUTION_NOTICE, on, "en")
    assert re.sub(r"\s", "", f"Under {notice[1]} of the Civil Procedure Law") in en
    assert re.sub(r"\s", "", interest[1]) in en


def test_R_N2_the_listing_decision_and_the_permission_follow_the_table() -> None:
    assert "第二百六十二条" in _pdf_text(DocKind.LISTING_DECISION, date(2023, 6, 1))
    assert "Article262" in _pdf_text(DocKind.LISTING_DECISION, date(2023, 6, 1), "en")
    assert "第一百一十一条" in _pdf_text(DocKind.PERMISSION, date(2021, 5, 8))


def _cpl_mentions(text: str) -> list[str]:
    zh = re.findall(r"民事诉讼法》?第[零一二三四五六七八九十百千]+条", text)
    en = re.findall(r"Civil Procedure Law(?: of the People's Republic of China)?, Articles? \d+"
                    r"|Articles? \d+ of the Civil Procedure Law", text)
    return zh + en


def test_R_N2_no_template_writes_a_cpl_article_number() -> None:
    bundled = template_dirs()[-1]
    files = sorted(bundled.glob("*/*.json"))
    assert len(files) >= 20
    for path in files:
        text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        assert _cpl_mentions(text) == [], path.name
    # the check itself finds a hard-coded article
    assert _cpl_mentions("依照《中华人民共和国民事诉讼法》第二百六十六条")
    assert _cpl_mentions("under Article 266 of the Civil Procedure Law")
    assert _cpl_mentions("Civil Procedure Law of the People's Republic of China, Articles 251 and 264;")


def test_R_N2_every_cpl_placeholder_in_a_template_is_a_key_of_the_table() -> None:
    keys = {f"cpl_{k}" for k in CPL_ARTICLES}
    used: set[str] = set()
    for path in Path(template_dirs()[-1]).glob("*/*.json"):
        used |= set(re.findall(r"\{(cpl_\w+)\}", path.read_text(encoding="utf-8")))
    assert used and used <= keys
    assert {"cpl_restriction_measures", "cpl_sanctions", "cpl_execution_notice",
            "cpl_delay_interest", "cpl_execution_objection"} <= used
