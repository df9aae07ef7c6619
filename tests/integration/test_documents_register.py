"""The register of issued documents (issue 4 §3-§5): issuing each kind from the
stored state, reprints, corrections, immutability, permissions, preconditions,
the court key, and batches."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from document_fixtures import (
    CLERK,
    COUNTER,
    EACH_KIND,
    EXTRA,
    GRACE_UNTIL,
    ISSUED_ON,
    JUDGE,
    PRESIDENT,
    Court,
    build_court,
    case_doc,
    prepare_listing,
    store,
)
from pypdf import PdfReader
from sqlalchemy import select, text

from courtapp.core.context import AppContext
from courtapp.core.db.orm import IssuedDocumentImmutable, IssuedDocumentRow
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, canonical
from courtapp.core.domain.errors import PermissionDenied, ValidationError
from courtapp.core.domain.roles import Actor, Role
from courtapp.core.services import audit, keys
from courtapp.core.services import documents as ds
from courtapp.core.services.documents import rendering

AUDITOR = Actor("auditor", frozenset({Role.AUDITOR}))


@pytest.fixture
def court(db: AppContext) -> Court:
    return build_court(db)


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def issue(db: AppContext, court: Court, kind: DocKind, where: str = "case", respondent: int = 0,
          actor: Actor = CLERK, lang: str = "zh") -> ds.Issued:
    case_id = court.case_id if where == "case" else court.removed_case_id
    return ds.issue(db.uow(), actor, kind, case_id, respondent=respondent, lang=lang,
                    issued_on=ISSUED_ON, extra=EXTRA.get(kind))


def public_key(db: AppContext) -> signing.Ed25519PublicKey:
    key = ds.court_public_key(db.uow())
    assert key is not None
    return key


def count(db: AppContext, table: str) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text(f"select count(*) from {table}")).scalar_one())


# ------------------------------------------------------------------ issuing
@pytest.mark.parametrize(("kind", "where", "respondent"), EACH_KIND,
                         ids=[k.value for k, _, _ in EACH_KIND])
def test_each_kind_is_issued_registered_signed_and_verifies(
        db: AppContext, court: Court, kind: DocKind, where: str, respondent: int) -> None:
    actor = COUNTER if kind is DocKind.RECEIPT else CLERK
    issued = issue(db, court, kind, where, respondent, actor)
    d = issued.document
    case_number = court.case_number if where == "case" else court.removed_case_number
    assert d.number == ds.document_number(case_number, 1) and d.kind is kind
    assert d.number.startswith("（2026）京0105执") and d.number.endswith("号之一")
    assert d.issued_on == ISSUED_ON
    assert d.pdf_sha256 == hashlib.sha256(issued.pdf).hexdigest()
    assert d.issued_by == actor.username and not d.superseded
    verdict = signing.verify_pdf(issued.pdf, public_key(db))
    assert verdict.valid, verdict.reason_en
    assert verdict.fields["number"] == d.number and verdict.fields["kind"] == kind.value
    assert signing.verify_qr(d.qr_text, public_key(db)).valid
    content = ds.document_content(db.uow(), CLERK, d.number)
    assert canonical(content.fields()) == canonical(verdict.fields)
    reader = PdfReader(io.BytesIO(issued.pdf))
    assert len(reader.pages) >= 1
    words = pdf_text(issued.pdf).replace(" ", "").replace("\n", "")
    assert case_number[6:] in words and d.number in words
    if kind is not DocKind.RECEIPT:
        name = "某某科技有限公司" if respondent == 1 else "张三"
        assert name in words
    [entry] = [e for e in audit.entries(db.uow(), AUDITOR, entity_type="document")]
    assert (entry.action, entry.entity_id, entry.username) == ("document.issue", d.number,
                                                               actor.username)


def test_decisions_carry_the_presidents_signature(db: AppContext, court: Court) -> None:
    for kind, respondent in ((DocKind.LISTING_DECISION, 0), (DocKind.RESTRICTION_ORDER, 1)):
        d = issue(db, court, kind, respondent=respondent).document
        assert (d.signer, d.signer_title) == ("钱院长", "院长")
    assert issue(db, court, DocKind.EXECUTION_NOTICE).document.signer == "赵法官"


def test_documents_are_numbered_per_case(db: AppContext, court: Court) -> None:
    a = issue(db, court, DocKind.EXECUTION_NOTICE).document
    b = issue(db, court, DocKind.WARNING).document
    c = issue(db, court, DocKind.DELETION, "removed").document
    assert [a.number, b.number, c.number] == [
        "（2026）京0105执1234号之一", "（2026）京0105执1234号之二", "（2026）京0105执1235号之一"]


def test_an_english_version_is_issued_on_request(db: AppContext, court: Court) -> None:
    d = issue(db, court, DocKind.LISTING_DECISION, lang="en")
    assert d.document.lang == "en" and d.document.signer_title == "President"
    assert signing.verify_pdf(d.pdf, public_key(db)).valid


# ------------------------------------------------------- reprint / correct
def test_a_reprint_gives_identical_bytes(db: AppContext, court: Court) -> None:
    issued = issue(db, court, DocKind.WARNING)
    again = ds.reprint(db.uow(), CLERK, issued.document.number)
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(issued.pdf).hexdigest()
    assert ds.reprint(db.uow(), CLERK, issued.document.id) == issued.pdf
    actions = [e.action for e in audit.entries(db.uow(), AUDITOR, entity_type="document")]
    assert actions == ["document.reprint", "document.reprint", "document.issue"]


def test_a_correction_supersedes_and_both_stay_in_the_register(db: AppContext, court: Court) -> None:
    old = issue(db, court, DocKind.CORRECTION_DECISION).document
    new = ds.supersede(db.uow(), JUDGE, old.number, reason="审查结果有误", issued_on=ISSUED_ON,
                       extra={"outcome": "granted"})
    assert new.document.supersedes == old.number and new.document.number.endswith("之二")
    register = ds.list_documents(db.uow(), CLERK, case_id=court.case_id)
    assert [(d.number, d.superseded_by) for d in register] == [
        (old.number, new.document.number), (new.document.number, None)]
    assert [d.number for d in ds.list_documents(db.uow(), CLERK, case_id=court.case_id,
                                                current_only=True)] == [new.document.number]
    assert ds.document_content(db.uow(), CLERK, new.document.number).supersedes == old.number
    # The old document is unchanged and still verifies; the new one too.
    assert ds.reprint(db.uow(), CLERK, old.number) == ds.reprint(db.uow(), CLERK, old.id)
    assert signing.verify_pdf(ds.reprint(db.uow(), CLERK, old.number), public_key(db)).valid
    assert signing.verify_pdf(new.pdf, public_key(db)).valid
    with pytest.raises(ValidationError) as e:
        ds.supersede(db.uow(), JUDGE, old.number, reason="again")
    assert [x.rule for x in e.value.errors] == ["document.already_superseded"]
    actions = {e.action for e in audit.entries(db.uow(), AUDITOR, entity_type="document")}
    assert {"document.issue", "document.supersede"} <= actions


def test_a_correction_states_its_reason(db: AppContext, court: Court) -> None:
    old = issue(db, court, DocKind.EXECUTION_NOTICE).document
    with pytest.raises(ValidationError):
        ds.supersede(db.uow(), JUDGE, old.number, reason=" ")


def test_an_issued_document_cannot_be_edited_or_deleted(db: AppContext, court: Court) -> None:
    d = issue(db, court, DocKind.EXECUTION_NOTICE).document
    with pytest.raises(ValidationError) as e:
        ds.edit(db.uow(), JUDGE, d.number, signer="someone else")
    assert [x.rule for x in e.value.errors] == ["document.immutable"]
    uow = db.uow()
    with uow:
        row = uow.session.scalar(select(IssuedDocumentRow).where(IssuedDocumentRow.id == d.id))
        assert row is not None
        row.pdf = b"%PDF-forged"
        with pytest.raises(IssuedDocumentImmutable):
            uow.session.flush()
    with uow:
        row = uow.session.get(IssuedDocumentRow, d.id)
        uow.session.delete(row)
        with pytest.raises(IssuedDocumentImmutable):
            uow.session.flush()
    assert ds.reprint(db.uow(), CLERK, d.number) == issue_bytes(db, d.number)


def issue_bytes(db: AppContext, number: str) -> bytes:
    with db.engine.connect() as c:
        return bytes(c.execute(select(IssuedDocumentRow.pdf)
                               .where(IssuedDocumentRow.number == number)).scalar_one())


# -------------------------------------------------- permissions, preconditions
def test_a_clerk_issues_notices_but_not_a_listing_decision_from_an_unsigned_listing(
        db: AppContext) -> None:
    case_id = store(db, case_doc())
    notice = ds.issue(db.uow(), CLERK, DocKind.EXECUTION_NOTICE, case_id, issued_on=ISSUED_ON)
    assert notice.document.kind is DocKind.EXECUTION_NOTICE
    prepare_listing(db, case_id, sign=False)
    before = count(db, "issued_documents")
    with pytest.raises(ValidationError) as e:
        ds.issue(db.uow(), CLERK, DocKind.LISTING_DECISION, case_id, issued_on=ISSUED_ON)
    [err] = e.value.errors
    assert err.rule == "document.needs_signed_listing"
    assert "signed listing" in err.en and "president" in err.en and "院长签发" in err.zh
    assert count(db, "issued_documents") == before


def test_who_may_issue(db: AppContext, court: Court) -> None:
    with pytest.raises(PermissionDenied) as e:
        ds.issue(db.uow(), COUNTER, DocKind.EXECUTION_NOTICE, court.case_id)
    assert e.value.permission == "document.issue"
    with pytest.raises(PermissionDenied):  # the president signs decisions; clerks issue them
        ds.issue(db.uow(), PRESIDENT, DocKind.LISTING_DECISION, court.case_id)
    assert ds.issue(db.uow(), COUNTER, DocKind.RECEIPT, court.case_id, respondent=0,
                    extra=EXTRA[DocKind.RECEIPT]).document.kind is DocKind.RECEIPT
    with pytest.raises(PermissionDenied):
        ds.reprint(db.uow(), Actor("nobody", frozenset()), 1)


@pytest.mark.parametrize(("kind", "rule", "words"), [
    (DocKind.WARNING, "document.needs_grace_listing", "grace period"),
    (DocKind.LISTING_DECISION, "document.needs_signed_listing", "signed listing"),
    (DocKind.RESTRICTION_ORDER, "document.needs_signed_restriction", "signed restriction order"),
    (DocKind.RESTRICTION_LIFTING, "document.needs_lifted_item", "lifted"),
    (DocKind.DELETION, "document.needs_removed_listing", "removed"),
])
def test_a_missing_precondition_is_refused_with_what_is_missing(
        db: AppContext, kind: DocKind, rule: str, words: str) -> None:
    case_id = store(db, case_doc())
    with pytest.raises(ValidationError) as e:
        ds.issue(db.uow(), CLERK, kind, case_id, issued_on=ISSUED_ON)
    [err] = e.value.errors
    assert err.rule == rule and words in err.en and "张三" in err.en and "张三" in err.zh
    assert count(db, "issued_documents") == 0
    assert count(db, "audit_log") == 1 + count_key_registration(db)  # only the case's creation


def count_key_registration(db: AppContext) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text("select count(*) from audit_log where action = "
                                  "'signing_key.register'")).scalar_one())


def test_an_execution_notice_needs_the_cases_notice(db: AppContext) -> None:
    d = case_doc()
    del d["execution_notice"]
    for key in ("payments", "conduct", "findings"):
        d.pop(key, None)
    case_id = store(db, d)
    with pytest.raises(ValidationError) as e:
        ds.issue(db.uow(), CLERK, DocKind.EXECUTION_NOTICE, case_id)
    assert [x.rule for x in e.value.errors] == ["document.needs_notice"]


def test_kinds_taking_their_data_from_extra_say_what_is_missing(db: AppContext, court: Court) -> None:
    for kind in (DocKind.CORRECTION_DECISION, DocKind.PERMISSION, DocKind.RECEIPT):
        with pytest.raises(ValidationError) as e:
            ds.issue(db.uow(), CLERK, kind, court.case_id, issued_on=ISSUED_ON, extra={})
        [err] = e.value.errors
        assert err.rule == "document.missing_precondition" and err.en


def test_a_respondent_the_case_does_not_have_is_refused(db: AppContext, court: Court) -> None:
    with pytest.raises(ValidationError) as e:
        ds.issue(db.uow(), CLERK, DocKind.EXECUTION_NOTICE, court.case_id, respondent=5)
    assert [x.rule for x in e.value.errors] == ["document.no_such_respondent"]


# --------------------------------------------------------------------- key
def test_each_desk_registers_its_own_key_and_both_verify(
        db: AppContext, court: Court, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = issue(db, court, DocKind.EXECUTION_NOTICE)
    pub = public_key(db)
    assert signing.same_key(pub, signing.load_private_key(signing.key_path()))
    monkeypatch.setenv("COURTAPP_DATA_DIR", str(tmp_path / "other-desk"))
    monkeypatch.setenv("COURTAPP_DESK", "desk-2")
    second = issue(db, court, DocKind.WARNING)  # no shared private key: desk 2 makes its own
    registered = keys.registered_keys(db.uow())
    assert len(registered) == 2 and registered[1].desk == "desk-2"
    assert registered[1].username == CLERK.username
    assert not signing.verify_pdf(second.pdf, pub).valid
    assert keys.verify(registered, pdf=first.pdf).valid
    assert keys.verify(registered, pdf=second.pdf).valid
    assert [e.action for e in audit.entries(db.uow(), AUDITOR, entity_type="signing_key")
            ].count("signing_key.register") == 2


# -------------------------------------------------------------------- draft
def test_a_draft_is_neither_registered_nor_signed(db: AppContext) -> None:
    case_id = store(db, case_doc())
    prepare_listing(db, case_id, sign=False)
    data = ds.preview(db.uow(), JUDGE, DocKind.LISTING_DECISION, case_id, issued_on=ISSUED_ON)
    assert data.startswith(b"%PDF") and b"%COURTAPP-SIG" not in data
    assert "草稿" in pdf_text(data)
    assert count(db, "issued_documents") == 0
    assert not signing.verify_pdf(data, signing.load_or_create_private_key().public_key()).valid


# -------------------------------------------------------------------- batch
def test_a_batch_reports_a_bad_item_and_goes_on(db: AppContext, court: Court) -> None:
    reqs = [ds.IssueRequest(DocKind.EXECUTION_NOTICE, court.case_id, 0),
            ds.IssueRequest(DocKind.DELETION, court.case_id, 0, label="bad: nothing removed"),
            ds.IssueRequest(DocKind.WARNING, court.case_id, 0),
            ds.IssueRequest(DocKind.RESTRICTION_ORDER, court.case_id, 1)]
    steps = list(ds.issue_batch(db.uow(), CLERK, reqs, issued_on=ISSUED_ON, chunk=2))
    assert [s.done for s in steps] == [1, 2, 3, 4, 4]
    assert steps[1].error is not None and "removed" in steps[1].error.reason
    last = steps[-1]
    assert last.finished and [f.label for f in last.failures] == ["bad: nothing removed"]
    assert last.numbers == ("（2026）京0105执1234号之一", "（2026）京0105执1234号之二",
                            "（2026）京0105执1234号之三")
    assert last.pdf is not None
    pages = sum(len(PdfReader(io.BytesIO(ds.reprint(db.uow(), CLERK, n))).pages)
                for n in last.numbers)
    assert len(PdfReader(io.BytesIO(last.pdf)).pages) == pages
    for n in last.numbers:
        assert signing.verify_pdf(ds.reprint(db.uow(), CLERK, n), public_key(db)).valid


def test_stopping_a_batch_cancels_the_rest(db: AppContext, court: Court) -> None:
    reqs = [ds.IssueRequest(DocKind.EXECUTION_NOTICE, court.case_id, 0) for _ in range(5)]
    gen = ds.issue_batch(db.uow(), CLERK, reqs, issued_on=ISSUED_ON, chunk=1)
    first = next(gen)
    second = next(gen)
    gen.close()
    assert (first.done, second.done) == (1, 2)
    assert count(db, "issued_documents") == 2


def test_a_number_taken_by_another_desk_during_a_batch_is_numbered_again(
        db: AppContext, court: Court, monkeypatch: pytest.MonkeyPatch) -> None:
    real = rendering.render
    taken: list[str] = []

    def another_desk_meanwhile(doc: object, qr: str | None) -> bytes:
        if not taken:
            taken.append("busy")
            taken.append(issue(db, court, DocKind.WARNING).document.number)
        return real(doc, qr)  # type: ignore[arg-type]

    monkeypatch.setattr(rendering, "render", another_desk_meanwhile)
    reqs = [ds.IssueRequest(DocKind.EXECUTION_NOTICE, court.case_id) for _ in range(2)]
    last = ds.collect(ds.issue_batch(db.uow(), CLERK, reqs, issued_on=ISSUED_ON))
    assert taken[1] == "（2026）京0105执1234号之一"
    assert last.numbers == ("（2026）京0105执1234号之二", "（2026）京0105执1234号之三")
    assert not last.failures
    for n in last.numbers:
        assert signing.verify_pdf(ds.reprint(db.uow(), CLERK, n), public_key(db)).valid
        assert ds.document_content(db.uow(), CLERK, n).number == n


def test_a_batch_may_render_in_several_processes(db: AppContext, court: Court) -> None:
    reqs = [ds.IssueRequest(DocKind.EXECUTION_NOTICE, court.case_id, i % 2) for i in range(4)]
    last = ds.collect(ds.issue_batch(db.uow(), CLERK, reqs, issued_on=ISSUED_ON, workers=2))
    assert len(last.numbers) == 4 and not last.failures
    one = ds.reprint(db.uow(), CLERK, last.numbers[0])
    assert signing.verify_pdf(one, public_key(db)).valid


def test_every_warning_due_this_week_and_every_restriction_order_of_a_case(
        db: AppContext, court: Court) -> None:
    due = ds.warnings_due(db.uow(), CLERK, GRACE_UNTIL)
    assert [(r.kind, r.case_id, r.respondent, r.listing_id) for r in due] == [
        (DocKind.WARNING, court.case_id, 0, court.listing_id)]
    assert ds.warnings_due(db.uow(), CLERK, date(2026, 7, 20)) == []
    orders = ds.restriction_orders_of_case(db.uow(), CLERK, court.case_id)
    assert [(r.respondent, r.listing_id, r.order_id) for r in orders] == [
        (0, court.listing_id, None), (1, None, court.order_id)]
    last = ds.collect(ds.issue_batch(db.uow(), CLERK, due + orders, issued_on=ISSUED_ON))
    assert len(last.numbers) == 3 and not last.failures
    ids = ds.issued_ids(db.uow(), CLERK, case_id=court.case_id, kind=DocKind.RESTRICTION_ORDER)
    assert len(ids) == 2
    printed = ds.collect(ds.render_batch(db.uow(), CLERK, [*ids, 9999]))
    assert [f.label for f in printed.failures] == ["9999"]
    assert printed.pdf is not None and len(PdfReader(io.BytesIO(printed.pdf)).pages) >= 2


def _font_files(reader: PdfReader) -> tuple[set[int], int]:
    """The embedded font programs (object numbers) of a PDF, and the fonts without one."""
    files: set[int] = set()
    bare = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            for desc in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                fd = desc.get("/FontDescriptor")
                program = fd.get_object().raw_get("/FontFile2") if fd is not None and \
                    "/FontFile2" in fd.get_object() else None
                if program is None:
                    bare += 1
                else:
                    files.add(program.idnum)
    return files, bare


def test_fifty_issued_notices_print_as_one_light_file_with_shared_font_subsets(
        db: AppContext, court: Court) -> None:
    """Issue 11 / issue 12 §4: one print file, < 0.2 MB a page, every font embedded and
    shared between the documents (not one subset of each font per document)."""
    reqs = [ds.IssueRequest(DocKind.RECEIPT, court.case_id, 0, extra={
        **EXTRA[DocKind.RECEIPT], "petition_number": f"(2026)京0105执收{i + 1}号"})
        for i in range(50)]
    issued = ds.collect(ds.issue_batch(db.uow(), COUNTER, reqs, issued_on=ISSUED_ON,
                                       combine=False))
    assert len(issued.numbers) == 50 and not issued.failures
    separate = [ds.reprint(db.uow(), CLERK, n) for n in issued.numbers]
    pages = sum(len(PdfReader(io.BytesIO(p)).pages) for p in separate)

    printed = ds.collect(ds.render_batch(db.uow(), CLERK, list(issued.numbers)))
    assert printed.pdf is not None and printed.numbers == issued.numbers
    reader = PdfReader(io.BytesIO(printed.pdf))
    assert len(reader.pages) == pages >= 50
    assert len(printed.pdf) / pages < 0.2e6
    assert len(printed.pdf) < sum(map(len, separate)) / 5  # the subsets are not repeated
    files, bare = _font_files(reader)
    assert bare == 0  # every font is embedded
    assert 2 <= len(files) < 10  # both faces, shared by the 50 documents
    text = reader.pages[-1].extract_text()
    assert issued.numbers[-1].replace("（", "(").replace("）", ")")[-6:] in \
        text.replace("（", "(").replace("）", ")")
    # Each issued file alone embeds its own subsets: what the print file avoids.
    assert len(_font_files(PdfReader(io.BytesIO(separate[0])))[0]) >= 2
