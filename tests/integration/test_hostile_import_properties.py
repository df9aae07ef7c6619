"""The import path under arbitrary mutations (issue 10 §6): reading, validating
and storing a mutated case raises nothing but :class:`ValidationError`, and a
refused import leaves the database as it was.  ``courtapp import`` is run
in-process; ``benchmarks/fuzz_import.py`` is the 10,000-example run."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hostile_strategies import mutated_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from courtapp.cli import main
from courtapp.core.context import AppContext, open_database
from courtapp.core.db.orm import AuditRow, CaseRow, PersonRow
from courtapp.core.domain.errors import ValidationError
from courtapp.core.domain.identifiers import ric_check_char
from courtapp.core.domain.roles import console_actor
from courtapp.core.interchange import loads_with_paths
from courtapp.core.services import cases as svc

ACTOR = console_actor("fuzz")


def _counts(ctx: AppContext) -> tuple[int, int, int]:
    with ctx.engine.connect() as c:
        return tuple(int(c.execute(select(func.count()).select_from(t)).scalar_one())  # type: ignore[return-value]
                     for t in (CaseRow, PersonRow, AuditRow))


class _Fresh:
    """A new case number and new ID numbers for every example, so that an
    accepted example never makes the next one a duplicate."""

    n = 5000

    def __call__(self, doc: dict[str, Any]) -> None:
        _Fresh.n += 1
        n = _Fresh.n
        if isinstance(doc.get("case_number"), str) and doc["case_number"].startswith("(2026)"):
            doc["case_number"] = f"(2026)京0105执{n}号"
        k = 0
        for side in ("applicants", "respondents"):
            parties = doc.get(side)
            for p in parties if isinstance(parties, list) else []:  # mutated: any type
                if isinstance(p, dict) and isinstance(p.get("id_number"), str) and len(p["id_number"]) == 18:
                    k += 1
                    first = f"110105{1960 + n % 40}0101{(n * 5 + k) % 1000:03d}"
                    p["id_number"] = first + ric_check_char(first)


def test_a_mutated_case_is_stored_whole_or_refused_with_nothing_saved(tmp_path: Path) -> None:
    ctx = open_database(f"sqlite+pysqlite:///{tmp_path / 'prop.sqlite'}")
    fresh = _Fresh()
    outcomes = {"stored": 0, "refused": 0}

    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_case())
    def prop(doc: dict[str, Any]) -> None:
        fresh(doc)
        before = _counts(ctx)
        try:
            parsed, prefixes = loads_with_paths(json.dumps(doc, ensure_ascii=False, allow_nan=True))
            svc.import_cases(ctx.uow(), ACTOR, parsed, path_prefixes=prefixes)
        except ValidationError as e:
            assert e.errors and all(fe.path and fe.rule for fe in e.errors)
            assert _counts(ctx) == before
            outcomes["refused"] += 1
        else:
            assert _counts(ctx)[0] == before[0] + 1
            outcomes["stored"] += 1

    try:
        prop()
    finally:
        ctx.engine.dispose()
    assert outcomes["refused"] > 0


def test_the_command_line_refuses_mutated_files_with_exit_1_and_saves_nothing(
        tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'cli.sqlite'}"
    ctx = open_database(url)
    fresh = _Fresh()
    f = tmp_path / "case.json"

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_case(), st.sampled_from(["en", "zh"]))
    def prop(doc: dict[str, Any], lang: str) -> None:
        fresh(doc)
        # A lone surrogate a mutation put in goes out as the bytes it stands for:
        # invalid UTF-8, which the import must refuse like any other.
        f.write_bytes(json.dumps(doc, ensure_ascii=False, allow_nan=True)
                      .encode("utf-8", "surrogatepass"))
        before = _counts(ctx)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--database", url, "--lang", lang, "import", str(f)])
        text = err.getvalue()
        assert code in (0, 1), text
        assert "unexpected error" not in text and "意外错误" not in text, text
        if code == 1:
            header, *lines = [x for x in text.splitlines() if x.strip()]
            assert header in ("courtapp: refused; nothing was written:",
                              "courtapp：校验未通过，未写入任何数据：")
            assert lines and all(": " in x and x.endswith("]") for x in lines), text
            assert _counts(ctx) == before

    try:
        prop()
    finally:
        ctx.engine.dispose()


@pytest.mark.parametrize("value", [10**27, "1e27", "NaN", ""])
def test_the_four_known_crashes_are_refusals_in_the_service_path(
        sqlite_db: AppContext, value: object) -> None:
    doc: dict[str, Any] = json.loads(
        (Path(__file__).parents[1] / "data" / "example_case.json").read_text(encoding="utf-8"))
    if value == "":
        doc["case_number"] = ""
    else:
        doc["obligations"][0]["amount"] = value
    with pytest.raises(ValidationError):
        parsed, prefixes = loads_with_paths(json.dumps(doc))
        svc.import_cases(sqlite_db.uow(), ACTOR, parsed, path_prefixes=prefixes)
    assert _counts(sqlite_db)[0] == 0
