"""``courtapp notice``, ``courtapp verify`` and ``courtapp key`` (issue 4 §4, §7), in-process."""

from __future__ import annotations

import io
import re
import subprocess
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from document_fixtures import EACH_KIND, EXTRA, Court, build_court, case_doc, prepare_listing, store
from pypdf import PdfReader
from tooling import requires_tools

from courtapp.cli import main
from courtapp.core.context import AppContext
from courtapp.core.documents import signing
from courtapp.core.documents.model import DocKind, document_from_fields
from courtapp.core.services.documents import rendering


@pytest.fixture
def court(db: AppContext) -> Court:
    return build_court(db)


def run(db: AppContext, *argv: str) -> int:
    return main(["--database", db.url, *argv])


def notice(db: AppContext, tmp_path: Path, kind: DocKind, case: str = "(2026)京0105执1234号",
           respondent: int = 0, *more: str) -> tuple[int, Path]:
    out = tmp_path / f"{kind.value}-{respondent}.pdf"
    extra = EXTRA.get(kind)
    args = ["notice", kind.value, case, "--respondent", str(respondent), "--issued-on",
            "2026-05-11", "-o", str(out), *more]
    if extra:
        import json

        args += ["--extra", json.dumps(extra, ensure_ascii=False)]
    return run(db, *args), out


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb) for every font ``pdffonts`` lists."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    fonts = []
    for line in rows:
        cols = line.split()
        # name type [encoding…] emb sub uni object ID: emb is the 5th column from the end.
        fonts.append((cols[0], cols[-5]))
    return fonts


def tamper_content_stream(data: bytes) -> bytes:
    """One byte changed inside the first page content stream (kept decompressible)."""
    m = re.search(rb"stream\r?\n", data)
    assert m is not None
    bad = bytearray(data)
    bad[m.end() + 20] ^= 0x01
    return bytes(bad)


# ------------------------------------------------------------------- help
def test_notice_help_lists_every_kind_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["notice", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for kind in DocKind:
        assert re.search(rf"^  {kind.value}\s+\S", out, re.MULTILINE), kind
    for command in ("verify", "key", "documents"):
        with pytest.raises(SystemExit) as e:
            main([command, "--help"])
        assert e.value.code == 0


# ------------------------------------------------------------------ issue
@pytest.mark.parametrize(("kind", "where", "respondent"), EACH_KIND,
                         ids=[k.value for k, _, _ in EACH_KIND])
def test_each_kind_is_issued_from_the_command_line_embeds_its_fonts_and_verifies(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        kind: DocKind, where: str, respondent: int) -> None:
    case = court.case_number if where == "case" else court.removed_case_number
    code, out = notice(db, tmp_path, kind, case, respondent)
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    fonts = pdffonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    capsys.readouterr()
    assert run(db, "verify", str(out)) == 0
    assert capsys.readouterr().out.startswith("valid: ")


def test_an_intact_document_passes_and_a_tampered_one_fails(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = notice(db, tmp_path, DocKind.LISTING_DECISION)
    capsys.readouterr()
    assert run(db, "--lang", "zh", "verify", str(out)) == 0
    assert capsys.readouterr().out.startswith("有效：")
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(tamper_content_stream(out.read_bytes()))
    assert run(db, "verify", str(bad)) == 1
    assert capsys.readouterr().out.startswith("invalid: the file's signature does not match")
    assert run(db, "verify", str(bad), "--lang", "zh") == 1
    assert capsys.readouterr().out.startswith("无效：文件签名不符")


def test_a_qr_is_checked_and_one_signed_with_another_key_fails(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = notice(db, tmp_path, DocKind.WARNING)
    qr, fields = signing.embedded(out.read_bytes())
    assert qr is not None and fields is not None
    capsys.readouterr()
    assert run(db, "verify", "--qr", qr) == 0
    assert "（2026）京0105执1234号之一" in capsys.readouterr().out
    other = signing.make_qr_text(document_from_fields(fields), Ed25519PrivateKey.generate())
    assert run(db, "verify", "--qr", other) == 1
    assert capsys.readouterr().out.startswith("invalid: the code's signature does not match")


def test_a_qr_copied_onto_another_document_fails(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, a = notice(db, tmp_path, DocKind.LISTING_DECISION)
    _, b = notice(db, tmp_path, DocKind.RESTRICTION_ORDER, "(2026)京0105执1234号", 1)
    qr_a, _ = signing.embedded(a.read_bytes())
    _, fields_b = signing.embedded(b.read_bytes())
    assert qr_a and fields_b
    # Even with the court's own key on the forged file, the QR does not fit its content.
    key = signing.load_private_key(signing.key_path())
    doc_b = document_from_fields(fields_b)
    body = rendering.render(doc_b, qr_a)
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(signing.seal_pdf(body, doc_b, qr_a, key))
    capsys.readouterr()
    assert run(db, "verify", str(forged)) == 1
    assert "belongs to another document" in capsys.readouterr().out


def test_verify_works_offline_with_an_exported_public_key(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = notice(db, tmp_path, DocKind.EXECUTION_NOTICE)
    pem = tmp_path / "court.pem"
    assert run(db, "key", "export", "-o", str(pem)) == 0
    assert pem.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    capsys.readouterr()
    assert run(db, "key", "export") == 0
    assert capsys.readouterr().out == pem.read_text()
    # Another machine: no database, no private key, only the exported public key.
    monkeypatch.setenv("COURTAPP_DATA_DIR", str(tmp_path / "airline"))
    assert main(["verify", str(out), "--key", str(pem)]) == 0
    assert capsys.readouterr().out.startswith("valid: ")
    stranger = tmp_path / "stranger.pem"
    stranger.write_text(signing.public_key_pem(Ed25519PrivateKey.generate()))
    assert main(["verify", str(out), "--key", str(stranger)]) == 1
    with pytest.raises(SystemExit, match="no court public key"):
        main(["verify", str(out)])


def test_a_missing_precondition_is_refused_with_what_is_missing(
        db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store(db, case_doc())
    code, out = notice(db, tmp_path, DocKind.LISTING_DECISION)
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err
    assert "a listing decision needs a signed listing for the respondent 张三; there is none" in err
    code, _ = notice(db, tmp_path, DocKind.RESTRICTION_ORDER, "(2026)京0105执1234号", 0,
                     "--lang", "en")
    assert code == 1
    assert main(["--database", db.url, "--lang", "zh", "notice", "warning", "(2026)京0105执1234号",
                 "-o", str(tmp_path / "w.pdf")]) == 1
    assert "需要被执行人张三已签发且设有宽限期" in capsys.readouterr().err
    assert run(db, "notice", "warning", "(2026)京0105执9999号", "-o", str(tmp_path / "x.pdf")) == 1


def test_an_unsigned_listing_gives_a_draft_but_no_decision(
        db: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = store(db, case_doc())
    prepare_listing(db, case_id, sign=False)
    code, _ = notice(db, tmp_path, DocKind.LISTING_DECISION)
    assert code == 1 and "president's signature" in capsys.readouterr().err
    code, draft = notice(db, tmp_path, DocKind.LISTING_DECISION, "(2026)京0105执1234号", 0, "--draft")
    assert code == 0
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(draft.read_bytes())).pages)
    assert "草稿" in text
    capsys.readouterr()
    assert run(db, "verify", str(draft)) == 1
    assert capsys.readouterr().out == "invalid: the file carries no court signature\n"


def test_reprint_correction_and_the_register_from_the_command_line(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, first = notice(db, tmp_path, DocKind.EXECUTION_NOTICE)
    again = tmp_path / "again.pdf"
    assert run(db, "documents", "reprint", "(2026)京0105执1234号之一", "-o", str(again)) == 0
    assert again.read_bytes() == first.read_bytes()
    fixed = tmp_path / "fixed.pdf"
    assert run(db, "notice", "execution_notice", "(2026)京0105执1234号", "--supersedes",
               "（2026）京0105执1234号之一", "--reason", "送达地址有误", "-o", str(fixed)) == 0
    capsys.readouterr()
    assert run(db, "documents", "list", "(2026)京0105执1234号") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["（2026）京0105执1234号之一",
                                                       "（2026）京0105执1234号之二"]
    assert "superseded by （2026）京0105执1234号之二" in lines[0]
    assert run(db, "verify", str(first)) == 0
    assert capsys.readouterr().out.splitlines()[1] == "note: superseded by （2026）京0105执1234号之二"
    both = tmp_path / "both.pdf"
    assert run(db, "documents", "print", "(2026)京0105执1234号", "-o", str(both)) == 0
    assert len(PdfReader(io.BytesIO(both.read_bytes())).pages) >= 1


@requires_tools("pdftoppm")
def test_an_issued_document_renders_with_poppler(
        db: AppContext, court: Court, tmp_path: Path) -> None:
    _, out = notice(db, tmp_path, DocKind.RESTRICTION_ORDER, "(2026)京0105执1234号", 1)
    res = subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")],
                         capture_output=True, text=True)
    assert res.returncode == 0 and "Error" not in res.stderr, res.stderr
    assert list(tmp_path.glob("page*.png"))
    zlib.crc32(out.read_bytes())  # the sealed file is read whole by poppler without complaint


# --------------------------------------------------- read as a clerk would
def _page_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))


def _reads_as_signed(text: str) -> None:
    """What a clerk would send back, for any Chinese document issued here."""
    assert "console" not in text  # a person signs, never the command line's account
    assert "(" not in text and ")" not in text  # full-width brackets on every number
    assert "上述规定" not in text and "。。" not in text
    first = text.find("《")
    for ref in ("该规定", "该项规定"):
        assert text.find(ref) == -1 or -1 < first < text.find(ref), ref


@pytest.mark.parametrize(("kind", "where", "respondent"), EACH_KIND,
                         ids=[k.value for k, _, _ in EACH_KIND])
def test_each_kind_issued_from_the_command_line_in_chinese_reads_as_a_court_would_sign_it(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        kind: DocKind, where: str, respondent: int) -> None:
    case = court.case_number if where == "case" else court.removed_case_number
    code, out = notice(db, tmp_path, kind, case, respondent)
    assert code == 0, capsys.readouterr().err
    text = _page_text(out)
    _reads_as_signed(text)
    # the listing's reasons were typed without a full stop (document_fixtures.prepare_listing)
    if kind in (DocKind.LISTING_DECISION, DocKind.RESTRICTION_ORDER) and respondent == 0:
        assert "转移财产规避执行。" in text
    if kind is DocKind.LISTING_DECISION:
        assert "第十一条、第十二条的规定向本院提出书面纠正申请" in text
    if kind is DocKind.CORRECTION_DECISION:
        assert "申请人所述情形不属于应予纠正的情形。依照《" in text
    if kind is DocKind.RECEIPT:
        assert "经办人" in text  # with a line for the officer's handwritten name


def test_counter_documents_from_the_command_line_read_as_a_court_would_sign_them(
        db: AppContext, court: Court, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    receipt, decision = tmp_path / "receipt.pdf", tmp_path / "decision.pdf"
    _, first = notice(db, tmp_path, DocKind.WARNING)  # （2026）京0105执1234号之一
    assert run(db, "petition", "file", court.case_number, "correction", "--petitioner-id",
               "360426199101010071", "--received-on", "2026-05-12", "--correction-ground", "3",
               "--receipt", str(receipt)) == 0, capsys.readouterr().err
    text = _page_text(receipt)
    _reads_as_signed(text)
    assert "收件编号为（2026）京0105执1234号-申1" in text and "经办人" in text
    assert run(db, "petition", "decide", "(2026)京0105执1234号-申1", "--reject", "--reasons",
               "不符合删除条件", "--on", "2026-05-20", "--higher-court", "北京市第三中级人民法院",
               "--document", str(decision)) == 0, capsys.readouterr().err
    text = _page_text(decision)
    _reads_as_signed(text)
    assert "不符合删除条件。依照《最高人民法院关于公布失信被执行人名单信息的若干规定》第十一条、第十二条" in text
    fixed = tmp_path / "fixed.pdf"
    assert run(db, "notice", "warning", court.case_number, "--supersedes", "(2026)京0105执1234号之一",
               "--reason", "宽限期有误", "-o", str(fixed)) == 0, capsys.readouterr().err
    assert "本文书更正并取代本院（2026）京0105执1234号之一文书。" in _page_text(fixed)
