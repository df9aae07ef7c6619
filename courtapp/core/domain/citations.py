"""R-N2: the Civil Procedure Law article a document cites, by the version in force on its date.

The CPL was renumbered twice since the list rules were made (RULES.md §1.0,
§2.9, §4).  A document cites the article of the version in force on the day
it is issued; a document issued before a renumbering keeps the old number
(issued documents are immutable).  This table is the only place the numbers
live: templates say ``{cpl_restriction_measures}``, never "第二百六十六条".

| key                    | subject                                           | 2012/2017 | 2021 | 2023 |
|------------------------|---------------------------------------------------|-----------|------|------|
| execution_notice       | 执行通知 (the notice and its deadline)            | 240       | 247  | 251  |
| asset_report           | 报告财产 (the asset report)                        | 241       | 248  | 252  |
| delay_interest         | 加倍支付迟延履行期间的债务利息 / 迟延履行金        | 253       | 260  | 264  |
| restriction_measures   | 限制出境、征信记录、媒体公布 (the list's basis)    | 255       | 262  | 266  |
| sanctions              | 罚款、拘留 for 拒不履行 (item (6))                  | 111       | 114  | 114  |
| execution_objection    | 执行行为异议 (15-day review, 10-day reconsideration) | 225     | 232  | 236  |

Versions and the day each took effect: the 2012 amendment on 2013-01-01 (the
2017 amendment, in force 2017-07-01, renumbered nothing here), the 2021
amendment on 2022-01-01, the 2023 amendment on 2024-01-01.  Sources: the 2021
and 2023 texts (LawRefBook/Laws, RULES.md [S41]); 2017 numbers from RULES.md
§1.0 and §2.9 and from documents citing them (Art. 240 in (2021)湘0181执2137号
[S32], Art. 253 and Art. 225 in judgments and rulings of 2017-2021).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from courtapp.core.domain.numerals import chinese_numeral


@dataclass(frozen=True)
class CplVersion:
    name: str  # "2012/2017", "2021", "2023"
    in_force: date


#: The CPL versions whose numbering a document may cite, oldest first.
CPL_VERSIONS: tuple[CplVersion, ...] = (
    CplVersion("2012/2017", date(2013, 1, 1)),
    CplVersion("2021", date(2022, 1, 1)),
    CplVersion("2023", date(2024, 1, 1)),
)

#: Article numbers per key, one per version of :data:`CPL_VERSIONS` (same order).
CPL_ARTICLES: dict[str, tuple[int, int, int]] = {
    "execution_notice": (240, 247, 251),
    "asset_report": (241, 248, 252),
    "delay_interest": (253, 260, 264),
    "restriction_measures": (255, 262, 266),
    "sanctions": (111, 114, 114),
    "execution_objection": (225, 232, 236),
}


class NoCitation(ValueError):
    """No CPL numbering in the table covers the date, or the key is unknown."""


def cpl_version(on: date) -> CplVersion:
    """The version in force on ``on``."""
    found = [v for v in CPL_VERSIONS if v.in_force <= on]
    if not found:
        raise NoCitation(f"no CPL numbering in the citation table for {on.isoformat()} "
                         f"(the table starts on {CPL_VERSIONS[0].in_force.isoformat()})")
    return found[-1]


def cpl_article(key: str, on: date) -> int:
    """The number of the article ``key`` in the CPL in force on ``on``."""
    try:
        numbers = CPL_ARTICLES[key]
    except KeyError:
        raise NoCitation(f"no CPL article {key!r} in the citation table") from None
    return numbers[CPL_VERSIONS.index(cpl_version(on))]


def article_text(number: int, lang: str) -> str:
    """``第二百六十六条`` / ``Article 266``."""
    return f"第{chinese_numeral(number)}条" if lang == "zh" else f"Article {number}"


def cpl_citations(on: date, lang: str) -> dict[str, str]:
    """Every key as a template value: ``{"cpl_restriction_measures": "第二百六十六条", …}``."""
    return {f"cpl_{key}": article_text(cpl_article(key, on), lang) for key in CPL_ARTICLES}


def cpl_reference(key: str, on: date) -> str:
    """For records (audit, dispatch): ``CPL 2023 Art. 266``."""
    return f"CPL {cpl_version(on).name} Art. {cpl_article(key, on)}"
