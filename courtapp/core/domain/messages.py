"""The one catalogue of texts the core stores as codes.

The core never stores a finished sentence for a history entry, an alert, a
reason it made up itself or an error it kept for later: it stores a **code**
and its **parameters** (``Message``).  The text is made where it is shown:

- the command line calls :meth:`Message.text` with ``"zh"`` or ``"en"``;
- the GUI translates the English template through Qt Linguist (context
  ``Messages``; ``tools/i18n.py`` writes every template into the ``.ts`` file
  with this catalogue's Chinese, and a test keeps the two the same), so a
  changed word can never leave a screen in the wrong language.

Templates use ``{name}`` placeholders.  A parameter that is itself a code of
this catalogue is written ``{name:msg}`` and shown translated; judges' own
words (reasons) are passed as parameters and shown as written.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

#: code -> (English template, Chinese template)
CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    # --------------------------------------------------- respondent history
    "history.notice_served": (
        "execution notice served ({method:msg})", "执行通知书已送达（{method:msg}）"),
    "history.listing_signed": ("listing decision signed", "纳入决定书已签发"),
    "history.listing_signed_grace": (
        "listing decision signed; grace until {grace_until}", "纳入决定书已签发；宽限期至{grace_until}"),
    "history.grace_performed": (
        "fully performed during the grace period", "宽限期内已全部履行"),
    "history.published_after_grace": (
        "grace period ended without performance", "宽限期届满仍未履行"),
    "history.published": ("signed and served", "已签发并送达"),
    "history.imported": (
        "imported from the court's previous system", "从原系统导入"),
    "history.term_ended": ("listing term ended on {end}", "纳入期限已于{end}届满"),
    "history.removed_by_judge": ("removed by the court: {reasons}", "依职权删除：{reasons}"),
    "history.petition_granted": ("petition {petition}: {reasons}", "申请{petition}：{reasons}"),
    "history.information_corrected": (
        "information corrected: {correction} (petition {petition}: {reasons})",
        "失信信息已更正：{correction}（申请{petition}：{reasons}）"),
    "history.reconsideration_granted": (
        "petition {petition}: reconsideration granted by the higher court on {on}",
        "申请{petition}：上一级人民法院于{on}决定复议成立"),
    "history.unknown": ("{text}", "{text}"),
    # ------------------------------------------------------------ counter
    "counter.document_not_issued": (
        "the document was not issued: {reason:msg} ({field}); issue it again once this is put right",
        "文书未能制作：{reason:msg}（{field}），排除后请重新制作"),
    # Why a document could not be issued: the rule of services.documents it broke.
    "document_rule.missing_precondition": (
        "the data the document needs are incomplete", "制作文书所需的信息不完整"),
    "document_rule.unsigned": ("the decision is not signed", "该决定尚未签发"),
    "document_rule.render": (
        "the text could not be set (a character the font lacks)", "文书无法排版（字体缺少所需字符）"),
    "document_rule.listing_not_found": ("the listing was not found", "未找到该失信记录"),
    "document_rule.order_not_found": ("the restriction order was not found", "未找到该限制消费令"),
    "document_rule.needs_signed_listing": (
        "the listing decision is not signed", "纳入失信名单决定尚未签发"),
    "document_rule.needs_signed_restriction": (
        "no signed restriction is in force", "没有已签发的限制消费措施"),
    "document_rule.needs_lifted_item": ("no item is lifted", "没有已解除的限制消费项目"),
    "document_rule.needs_removed_listing": ("the listing is not removed", "该失信记录尚未删除"),
    "document_rule.no_such_respondent": ("no such respondent", "没有该被执行人"),
    "document_rule.lang": ("the language is not available", "不支持该语言"),
    "document_rule.error": ("an unexpected error", "意外错误"),
    "document_rule.recorded_before": (
        "recorded by an earlier version: issuing the document again shows the cause",
        "由旧版本记录：重新制作文书即可看到具体原因"),
    # ------------------------------- conflicts and the database (issue 10 §2)
    "conflict.changed": (
        "{record} was changed by someone else since you opened it; nothing of yours was saved. "
        "Reload it and try again.",
        "{record}在您打开后已被他人修改，您的修改未保存。请重新载入后再试。"),
    "conflict.changed_by": (
        "{record} was changed by {user} at {at}; nothing of yours was saved. "
        "Reload it and try again.",
        "{record}已被{user}于{at}修改，您的修改未保存。请重新载入后再试。"),
    # The same, where the screen has already reloaded what changed (the worksheet,
    # the decisions): the person checks it and acts again.
    "conflict.changed_reloaded": (
        "{record} was changed by someone else since you opened it; nothing of yours was saved. "
        "It has been reloaded: check it and try again.",
        "{record}在您打开后已被他人修改，您的修改未保存。已重新载入，请核对后再试。"),
    "conflict.changed_by_reloaded": (
        "{record} was changed by {user} at {at}; nothing of yours was saved. "
        "It has been reloaded: check it and try again.",
        "{record}已被{user}于{at}修改，您的修改未保存。已重新载入，请核对后再试。"),
    "conflict.number_taken": (
        "another desk took the number {number} at the same moment; nothing was saved. Try again.",
        "其他工作站同时占用了编号{number}，未保存任何内容。请重试。"),
    "conflict.busy": (
        "the database is busy with other desks' changes; nothing was saved. Try again.",
        "数据库正忙于处理其他工作站的修改，未保存任何内容。请重试。"),
    "listing.duplicate": ("this respondent already has a current listing", "该被执行人已有有效的失信记录"),
    "restriction.duplicate": (
        "this person already has this restriction item in force", "该人员已有该项有效的限制消费措施"),
    "case_number.exists": ("this case number is already registered", "该案号已登记"),
    "database.unavailable": (
        "the database cannot be reached or stopped answering; nothing was changed. "
        "Check the connection and try again.",
        "无法连接数据库或数据库无响应，未作任何修改。请检查连接后重试。"),
    "database.error": (
        "the database refused the operation ({kind}); nothing was changed. "
        "The details are in the log file.",
        "数据库拒绝了该操作（{kind}），未作任何修改。详情见日志文件。"),
    # ------------------------------------------- methods of service (CPL)
    "service_method.direct": ("direct service", "直接送达"),
    "service_method.left_at_residence": ("left at the residence", "留置送达"),
    "service_method.electronic": ("electronic service", "电子送达"),
    "service_method.entrusted": ("entrusted service", "委托送达"),
    "service_method.by_post": ("service by post", "邮寄送达"),
    "service_method.public_announcement": ("service by public announcement", "公告送达"),
    "service_method.": ("method not recorded", "方式未记录"),
    # ------------------------------------------- not found, files (CLI and GUI)
    "error.no_case": ("no case {number}", "没有案件{number}"),
    "error.no_case_invalid": ("no case {number}: not a valid case number",
                              "没有案件{number}：案号格式不正确"),
    "error.no_such_file": ("{command}: no such file: {path}", "{command}：文件不存在：{path}"),
}


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@dataclass(frozen=True)
class Message:
    """A code of :data:`CATALOGUE` with its parameters."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


def render(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """The text of ``code`` in ``lang`` (``zh…`` or anything else for English).

    An unknown code (a row written by a later version) shows as the code itself
    with its parameters, never as an error."""
    pair = CATALOGUE.get(code)
    if pair is None:
        return code + (f" {dict(params)}" if params else "")
    template = pair[1] if lang.startswith("zh") else pair[0]
    return fill(template, params, lang)


def fill(template: str, params: Mapping[str, object], lang: str = "en") -> str:
    """``template`` with its ``{name}`` fields filled; ``{name:msg}`` fields are codes."""
    out: list[str] = []
    for literal, name, spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = params.get(name, "")
        if spec == "msg" and isinstance(value, str):
            out.append(render(value, {}, lang))
        else:
            out.append("" if value is None else str(value))
    return "".join(out)


def check_catalogue() -> list[str]:
    """Problems in the catalogue: a Chinese template whose fields differ from the English."""
    return [code for code, (en, zh) in CATALOGUE.items() if _fields(en) != _fields(zh)]


#: Refusals of hostile or absurd input (issue 10 §6): rule code -> (English,
#: Chinese).  Field errors, not stored texts: the command line prints them
#: after the path of the field (``cases[0].obligations[1].amount: ...``) and
#: the GUI shows them beside the field.  Bounds come from
#: :mod:`courtapp.core.domain.limits`.
REFUSALS: Final[dict[str, tuple[str, str]]] = {
    "file.encoding": (
        "the file is not valid UTF-8 (byte {offset}); save it as UTF-8",
        "文件不是有效的UTF-8编码（第{offset}字节），请另存为UTF-8"),
    "file.too_large": (
        "the file is {size} bytes; an import file holds at most {limit} bytes: split it",
        "文件大小为{size}字节，导入文件最多{limit}字节，请拆分"),
    "json.depth": (
        "the JSON is nested too deeply (an interchange file has at most 5 levels)",
        "JSON嵌套层数过多（交换文件最多5层）"),
    "json.number": (
        "a number that JSON does not allow (NaN, Infinity) or that is too long",
        "JSON不允许的数值（NaN、Infinity）或数值位数过多"),
    "json.duplicate_key": (
        "the key {key!r} appears twice in this object", "该对象中键{key!r}出现两次"),
    "number.range": (
        "the number is out of range ({min} to {max})", "数值超出范围（{min}至{max}）"),
    "list.too_long": (
        "the list has {size} items; at most {limit} are allowed", "列表有{size}项，最多允许{limit}项"),
    "text.too_long": (
        "the text is {size} characters long; at most {limit} are allowed",
        "文字长度为{size}个字符，最多允许{limit}个字符"),
    "text.control": (
        "the text contains a control character (such as NUL)", "文字含有控制字符（如NUL）"),
    "text.encoding": (
        "the text contains an unpaired surrogate, which is not a character",
        "文字含有不成对的代理码位，不是有效字符"),
    "date.range": (
        "the date must lie between {min} and {max}", "日期应在{min}至{max}之间"),
    "date.format": (
        "a date in ISO 8601 form (YYYY-MM-DD) is expected", "日期应为ISO 8601格式（YYYY-MM-DD）"),
    "evidence.too_large": (
        "the file is {size} bytes; an evidence file holds at most {limit} bytes",
        "文件大小为{size}字节，证据文件最多{limit}字节"),
    "evidence.too_many": (
        "{size} files; at most {limit} evidence files per petition",
        "共{size}个文件，每件申请最多{limit}个证据文件"),
}


def refusal(rule: str, **params: object) -> tuple[str, str]:
    """The English and Chinese text of a refusal, its ``{fields}`` filled."""
    en, zh = REFUSALS[rule]
    return en.format(**params), zh.format(**params)
