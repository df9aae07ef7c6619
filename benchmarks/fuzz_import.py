"""Hostile input, measured (issue 10 §6): mutated interchange files and
mutated command-line arguments, run through the real command line in-process.

    python benchmarks/fuzz_import.py                      # 10,000 examples per target
    python benchmarks/fuzz_import.py --examples 500 --seed 7
    python benchmarks/fuzz_import.py --target import --database postgresql+psycopg://...
    python benchmarks/fuzz_import.py --keep DIR           # keep each crashing input in DIR

Targets:

``import``
    A valid case (``tests/data/example_case.json``) mutated one to four times:
    wrong types, 10 MB strings, NUL, right-to-left and combining marks, deep
    nesting, huge and non-finite numbers, impossible dates, duplicate and
    unknown keys, long lists, out-of-range indexes; then, as bytes, invalid
    UTF-8, a BOM, truncation, a flipped byte.  Sometimes the file is a list or
    JSON Lines.  Each file goes through ``courtapp import FILE``
    (``courtapp.cli.main`` with argv, in this process).

``cli``
    Command lines of the commands that take dates, numbers and free text
    (``petition file``/``list``, ``daily``, ``assess``, ``export``, ``report
    monthly``, ``public-search``, ``public-export``, ``listing apply``,
    ``dispatch ack``, ``documents list``) with hostile option values.  (No
    NUL: an operating system cannot pass one in ``argv``.)

Verdicts:

- accepted: exit 0 (or 3, "filed but its receipt was not issued");
- refused: exit 1 and every line after the "refused" header names a path
  and a rule (``cases[0].obligations[1].amount: ... [amount.too_large]``),
  or, for ``cli``, one ``courtapp: ...`` line naming what is wrong; exit 2 is
  argparse's usage error, counted apart (``usage``);
- crash: anything else: an exception out of ``main``, a crash report ("an
  unexpected error"), a traceback, another exit code, a refusal line
  without a path.

A partial save is a refused command after which the database's count of
cases (for ``cli`` also petitions, listings and issued documents) differs from
before.  The last line is ``crashes=N partial_saves=M``.

One database (a SQLite file in a temporary directory unless ``--database``)
serves the whole run; nothing leaves this process.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "example_case.json"
BASE: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))

#: A refusal line: a path (``$``, ``line 3``, ``[2].payments[0].on``, ``--today``), a message, a rule.
REFUSAL_LINE = re.compile(r"^(?P<path>\S[^:]*?): .+ \[(?P<rule>[\w.]+)\]$")
REFUSED_HEADERS = ("courtapp: refused; nothing was written:", "courtapp：校验未通过，未写入任何数据：")

# ----------------------------------------------------------------- hostile values
TEN_MB = "长" * (10 * 1024 * 1024 // 3)  # about 10 MB of UTF-8
RTL = "\u202e\u200f张三\u202c"  # right-to-left override and mark around a name
COMBINING = "张" + "\u0301\u0308\u20dd" * 300
ZALGO_NAME = "李" + "\u0336" * 60 + "四"
DATES = ["9999-12-31", "0001-01-01", "1949-09-30", "2026-02-30", "2026-13-01", "2026-00-10",
         "+10000-01-01", "2026-1-1", "20260101", "2026-W01", "2026-06-31", "1900-02-29",
         "2026-06-30T00:00:00", " 2026-06-30", "٢٠٢٦-٠٦-٣٠", "2100-01-01", "1949-10-01", ""]
NUMBERS_AS_TEXT = ["1e27", "1E999999999", "-1", "-0", "0.001", "NaN", "-Infinity", "sNaN", "1,000.00",
                   "１０００", "0x10", "1_000", "9" * 400, "0e-999999999", "  12.5  ", "12.50元"]


def hostile_value(rng: random.Random) -> Any:
    """A value to put where any field is, or a ``RAW:`` text spliced into the JSON."""
    pick = rng.randrange(30)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 1, 2**31, -(2**31) - 1, 2**63, 10**27, 10**400])
    if pick == 3:
        return rng.choice([1.5, -0.0, 1e308, 5e-324])
    if pick == 4:
        return "RAW:" + rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 5000,
                                    "1" + "0" * 27, "1E27", "0.1e-99999"])
    if pick == 5:
        return ""
    if pick == 6:
        return rng.choice([" ", "\t", "\u3000", "\n"])
    if pick == 7:
        return TEN_MB if rng.random() < 0.3 else "x" * rng.choice([101, 2001, 70_000])
    if pick == 8:
        return rng.choice(["\x00", "张\x00三", "\x00" * 50, "a\x07b", "\x1b[31m"])
    if pick == 9:
        return rng.choice([RTL, COMBINING, ZALGO_NAME, "\ufeff张三", "\u200b", "e\u0301"])
    if pick == 10:
        return "RAW:" + rng.choice(['"\\ud800"', '"\\udfff\\ud800"', '"a\\ud83d"'])
    if pick == 11:
        return rng.choice(DATES)
    if pick == 12:
        return rng.choice(NUMBERS_AS_TEXT)
    if pick == 13:
        return []
    if pick == 14:
        return {}
    if pick == 15:
        depth = rng.choice([50, 900, 1100, 5000, 100_000])
        return "RAW:" + "[" * depth + "]" * depth
    if pick == 16:
        depth = rng.choice([900, 3000])
        return "RAW:" + '{"a":' * depth + "1" + "}" * depth
    if pick == 17:
        return [rng.choice([0, "x", None])] * rng.choice([1001, 5000])
    if pick == 18:
        return rng.choice(["person", "entity", "monetary", "non_monetary", "published", "removed",
                           "PERSON", "Person ", "direct", "1", "9"])
    if pick == 19:
        return rng.choice(["360426199101010071", "11010519491231002x", "３６０４２６１９９１０１０１００７１",
                           "91110000600037341L", "360426199102300071", "000000000000000000",
                           "36042619910101007١"])
    if pick == 20:
        return rng.choice(["(2026)京0105执1234号", "(2026)京0105执99999999999999999999号",
                           "(2026)京0105执0号", "（2026）京0105执1号", "(9999)京0105执1号",
                           "(2026)京0105执-1号", "(2026)京0105民1号"])
    if pick == 21:
        return rng.choice([-1, 2, 99, 2**31 - 1, 2**31, -(2**40)])
    if pick == 22:
        return {"kind": "person", "name": "x", "id_number": "360426199101010071"}
    if pick == 23:
        return [[], {}, None]
    return rng.choice(["x", "张三", "0", "true", "null", "{}", "<script>", "'; DROP TABLE cases; --",
                       "%s%s%n", "{name}", "{0}", "${HOME}", "../../etc/passwd"])


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((*prefix, k))
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((*prefix, i))
            out.extend(_paths(v, (*prefix, i)))
    return out


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for k in path[:-1]:
        doc = doc[k]
    return doc


UNKNOWN_KEYS = ["extra", "", "judge ", "JUDGE", "__proto__", "constructor", "\x00", "\u202e", "k" * 5000]


def mutate_tree(doc: dict[str, Any], rng: random.Random, raw: dict[str, str]) -> None:
    """One structural mutation of ``doc`` in place (``raw``: placeholder -> raw JSON text)."""
    paths = _paths(doc)
    path = rng.choice(paths)
    parent, key = _parent(doc, path), path[-1]
    op = rng.randrange(8)
    if op <= 3:  # replace a value
        v = hostile_value(rng)
        if isinstance(v, str) and v.startswith("RAW:"):
            marker = f"@@RAW{len(raw)}@@"
            raw[marker] = v[4:]
            v = marker
        parent[key] = v
    elif op == 4:  # delete
        del parent[key]
    elif op == 5:  # add an unknown key or a duplicate of a known one
        target = parent if isinstance(parent, dict) else doc
        if rng.random() < 0.5:
            target[rng.choice(UNKNOWN_KEYS)] = hostile_value(rng) if rng.random() < 0.5 else "x"
        elif target:
            k = rng.choice(list(target))
            marker = f"@@DUP{len(raw)}@@"
            raw[marker] = json.dumps(k, ensure_ascii=False) + ": " + json.dumps(
                rng.choice(["x", 0, None, "2026-01-01"]))
            target[marker] = 0
    elif op == 6:  # duplicate a list item / empty a list
        if isinstance(parent, list):
            if rng.random() < 0.5:
                parent.append(copy.deepcopy(parent[key]))
            else:
                parent.clear()
        else:
            parent[key] = [parent[key]]
    else:  # swap two values of the same object
        if isinstance(parent, dict) and len(parent) > 1:
            a, b = rng.sample(list(parent), 2)
            parent[a], parent[b] = parent[b], parent[a]


def dumps_with_raw(value: Any, raw: dict[str, str]) -> str:
    text = json.dumps(value, ensure_ascii=rng_ascii[0])
    for marker, body in raw.items():
        if marker.startswith("@@DUP"):
            text = text.replace(f'"{marker}": 0', body)
        else:
            text = text.replace(f'"{marker}"', body)
    return text


rng_ascii = [False]


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    op = rng.randrange(8)
    if op == 0:  # invalid UTF-8 somewhere
        i = rng.randrange(len(data) + 1)
        return data[:i] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
                                      b"\xc0\xaf", b"\x80"]) + data[i:]
    if op == 1:
        return b"\xef\xbb\xbf" + data
    if op == 2:
        return b"\xef\xbb\xbf\xef\xbb\xbf" + data
    if op == 3:
        return data[: rng.randrange(len(data) + 1)]
    if op == 4:
        i = rng.randrange(len(data))
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if op == 5:
        return data.decode("utf-8", "replace").encode("utf-16")
    if op == 6:
        i = rng.randrange(len(data) + 1)
        return data[:i] + b"\x00" + data[i:]
    return data.replace(b"\n", b"\r\n") + b"\n\n\x1a"


_seq = [100_000]


def _fresh_identities(doc: dict[str, Any], n: int) -> None:
    """New valid ID numbers and credit codes, so that an accepted example never
    makes the next one clash with a person already stored under another name."""
    from courtapp.core.domain.identifiers import ric_check_char, uscc_check_char

    def ric(k: int) -> str:
        first = f"110105{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}{(n * 7 + k) % 1000:03d}"
        return first + ric_check_char(first)

    def uscc(k: int) -> str:
        first = f"9111000{(n * 10 + k) % 10**10:010d}"
        return first + uscc_check_char(first)

    k = 0
    for p in (*doc["applicants"], *doc["respondents"]):
        k += 1
        if p.get("kind") == "person":
            p["id_number"] = ric(k)
        else:
            p["credit_code"] = uscc(k)
            for o in p.get("officers", []):
                k += 1
                o["id_number"] = ric(k)


def import_example(rng: random.Random) -> tuple[bytes, str]:
    """A mutated interchange file and its suffix."""
    docs = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        doc = copy.deepcopy(BASE)
        _seq[0] += 1
        doc["case_number"] = f"(2026)京0105执{_seq[0]}号"
        _fresh_identities(doc, _seq[0])
        docs.append(doc)
    raw: dict[str, str] = {}
    for _ in range(rng.choice([1, 1, 1, 2, 4])):
        mutate_tree(rng.choice(docs), rng, raw)
    rng_ascii[0] = rng.random() < 0.3
    suffix = ".json"
    if len(docs) > 1 and rng.random() < 0.5:
        suffix = ".jsonl"
        text = "\n".join(dumps_with_raw(d, raw) for d in docs) + "\n"
    else:
        text = dumps_with_raw(docs[0] if len(docs) == 1 else docs, raw)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.25:
        data = mutate_bytes(data, rng)
    return data, suffix


# ------------------------------------------------------------------------ CLI
def cli_example(rng: random.Random, ctx: dict[str, str]) -> list[str]:
    def h() -> str:
        v = hostile_value(rng)
        if isinstance(v, str):
            if v.startswith("RAW:"):
                v = v[4:][:5000]
            return v.replace("\x00", "")
        return json.dumps(v)[:5000]

    def day() -> str:
        return rng.choice(DATES + [h(), "2026-06-30"])

    number, pid = ctx["number"], ctx["petitioner"]
    templates: list[Callable[[], list[str]]] = [
        lambda: ["petition", "file", rng.choice([number, h()]), rng.choice(["correction", "lifting",
                 "temporary_travel", "removal_performed"]), "--petitioner-id", rng.choice([pid, h()]),
                 "--received-on", day(), "--statement", h(), "--correction-ground", rng.choice(["1", "2"]),
                 "--requested-correction", h(), "--no-receipt"],
        lambda: ["petition", "file", number, "temporary_travel", "--petitioner-id", pid,
                 "--travel-ground", "illness", "--itinerary", h(), "--from", day(), "--until", day(),
                 "--no-receipt"],
        lambda: ["petition", "file", number, "lifting", "--petitioner-id", pid, "--lifting-ground",
                 "security", "--security", h(), "--security-value", h(), "--items", h(), "--no-receipt"],
        lambda: ["petition", "file", number, "removal_no_property", "--petitioner-id", pid,
                 "--terminated-on", day(), "--search", day() + rng.choice(["", ":none", ":found", ":x"]),
                 "--no-receipt"],
        lambda: ["petition", "list", "--today", day()] + rng.choice([[], ["--case", h()]]),
        lambda: ["petition", "show", h()],
        lambda: ["petition", "decide", h(), "--grant", "--reasons", h(), "--on", day(), "--no-document"],
        lambda: ["daily", "--today", day()],
        lambda: ["assess", rng.choice([number, h()]), "--as-of", day()],
        lambda: ["export", h()],
        lambda: ["report", "monthly", "--month", rng.choice(["2026-11", "9999-12", "0000-01", h()[:40],
                                                             "2026-13", "1949-09", "1949-10"])],
        lambda: ["public-search", h(), "--today", day()],
        lambda: ["public-export", "--from", day(), "--to", day(), "-o", os.devnull],
        lambda: ["listing", "apply", rng.choice([number, h()]), "--respondent", rng.choice(["0", "-1", "99",
                 "99999999999999999999"]), "--received-on", day(), "--grounds", h()],
        lambda: ["dispatch", "ack", rng.choice(["1", "0", "-1", "99999999999999999999"]), "--on", day()],
        lambda: ["documents", "list", h()],
    ]
    return rng.choice(templates)()


# ------------------------------------------------------------------------ running
_PARSER: list[Any] = []


def _reuse_parser() -> None:
    """Build ``courtapp``'s argument parser once: building it takes about 90 ms
    (gettext looks for catalogues for every option), parsing takes 0.1 ms, and
    argparse parsers are not changed by parsing.  ``main`` is otherwise as is."""
    import courtapp.cli

    if not _PARSER:
        _PARSER.append(courtapp.cli.build_parser())
        courtapp.cli.build_parser = lambda: _PARSER[0]


_CONTEXTS: dict[str, Any] = {}


def _reuse_database() -> None:
    """Open each database once.  ``courtapp`` opens it per command: a new engine
    (SQLAlchemy compiles every statement again) and Alembic's check that the
    schema is at head (it reads and compiles every migration script), about
    70 ms.  Here the first command does both and the later ones share the
    engine; ``dispose()`` at the end of a command only closes its connections."""
    import courtapp.cli.common as common

    if getattr(common.open_database, "fuzz_cached", False):
        return
    real = common.open_database

    def cached(url: str, **kw: Any) -> Any:
        if url not in _CONTEXTS:
            _CONTEXTS[url] = real(url, **kw)
        return _CONTEXTS[url]

    cached.fuzz_cached = True  # type: ignore[attr-defined]
    common.open_database = cached


def run_cli(argv: list[str]) -> tuple[int | None, str, str]:
    """``courtapp.cli.main(argv)`` here: (exit code or None for an exception, stdout, stderr)."""
    from courtapp.cli import main

    _reuse_parser()
    _reuse_database()
    out, err = io.StringIO(), io.StringIO()
    code: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as e:
            if e.code is None or isinstance(e.code, int):
                code = e.code or 0
            else:
                print(e.code, file=sys.stderr)
                code = 1
        except BaseException as e:  # noqa: BLE001 - what escapes main is the finding
            print(f"EXCEPTION {type(e).__name__}: {e}"[:2000], file=sys.stderr)
            code = None
    return code, out.getvalue(), err.getvalue()


def verdict(code: int | None, err: str, *, cli: bool) -> str:
    """``accepted``, ``refused``, ``usage`` or ``crash``."""
    if code is None or "Traceback" in err or "unexpected error" in err or "意外错误" in err:
        return "crash"
    if code in (0, 3):
        return "accepted"
    if code == 2 and cli and "error:" in err:
        return "usage"
    if code != 1:
        return "crash"
    lines = [x for x in err.splitlines() if x.strip()]
    if lines and lines[0] in REFUSED_HEADERS:
        body = [x for x in lines[1:] if not x.startswith(("warning: ", "警告："))]
        if body and all(REFUSAL_LINE.match(x) for x in body):
            return "refused"
        return "crash"
    # One message, which may echo an argument holding a newline.
    if cli and lines and lines[0].startswith(("courtapp: ", "courtapp：", "courtapp ")):
        return "refused"
    return "crash"


class Db:
    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.engine = create_engine(url)

    def counts(self) -> tuple[int, ...]:
        from sqlalchemy import text

        with self.engine.connect() as c:
            return tuple(int(c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                         for t in ("cases", "petitions", "listings", "issued_documents"))


def setup_database(url: str | None, tmp: Path) -> tuple[str, dict[str, str]]:
    """The database for the run, at head, with one case whose respondent is listed."""
    if url is None:
        url = f"sqlite+pysqlite:///{tmp / 'fuzz.sqlite'}"
    code, _, err = run_cli(["--database", url, "db", "upgrade"])
    assert code == 0, err
    code, _, err = run_cli(["--database", url, "demo", "--cases", "20", "--seed", "7"])
    assert code == 0, err
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    with eng.connect() as c:
        row = c.execute(text(
            "SELECT c.case_number, p.id_number FROM listings l JOIN cases c ON c.id = l.case_id "
            "JOIN case_parties cp ON cp.case_id = c.id AND cp.side = 'respondent' "
            "AND cp.position = l.respondent JOIN persons p ON p.id = cp.person_id "
            "WHERE l.status = 'published' AND p.id_number IS NOT NULL ORDER BY c.id LIMIT 1")).first()
    eng.dispose()
    ctx = {"number": row[0], "petitioner": row[1]} if row else {
        "number": "(2026)京0105执1号", "petitioner": "360426199101010071"}
    return url, ctx


def fuzz(target: str, n: int, seed: int, db: Db, tmp: Path, ctx: dict[str, str],
         keep: Path | None) -> tuple[Counter[str], int, list[str]]:
    rng = random.Random(f"{target}-{seed}")
    tally: Counter[str] = Counter()
    partial = 0
    samples: list[str] = []
    for i in range(n):
        if target == "import":
            data, suffix = import_example(rng)
            f = tmp / f"example{suffix}"
            f.write_bytes(data)
            argv = ["--database", db.url, "--lang", rng.choice(["en", "zh"]), "import", str(f)]
        else:
            argv = ["--database", db.url, "--lang", rng.choice(["en", "zh"]), *cli_example(rng, ctx)]
            data = None
        before = db.counts()
        code, _out, err = run_cli(argv)
        v = verdict(code, err, cli=target == "cli")
        tally[v] += 1
        if v in ("refused", "usage") and db.counts() != before:
            partial += 1
            samples.append(f"PARTIAL SAVE #{i}: {argv[4:]!r:.300}")
        if v == "crash":
            samples.append(f"CRASH #{i} exit={code}: {err.strip()[-400:]!r} argv={argv[4:]!r:.300}")
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                if data is not None:
                    (keep / f"{target}-{seed}-{i}{f.suffix}").write_bytes(data)
                else:
                    (keep / f"{target}-{seed}-{i}.argv.json").write_text(json.dumps(argv[4:]))
    return tally, partial, samples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=10_000, help="examples per target (default 10,000)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--target", choices=["import", "cli", "all"], default="all")
    ap.add_argument("--database", metavar="URL", help="an empty database to use (default: a SQLite file)")
    ap.add_argument("--keep", metavar="DIR", type=Path, help="write each crashing input here")
    args = ap.parse_args()
    sys.setrecursionlimit(1000)  # the interpreter's default, as `courtapp` runs
    tmp = Path(tempfile.mkdtemp(prefix="courtapp-fuzz-"))
    os.environ["COURTAPP_DATA_DIR"] = str(tmp / "data")
    os.environ["COURTAPP_KEY_UNENCRYPTED"] = "1"  # a scratch desk: its key is not encrypted
    url, ctx = setup_database(args.database, tmp)
    db = Db(url)
    targets = ["import", "cli"] if args.target == "all" else [args.target]
    crashes = partial_saves = 0
    print(f"database {url.split('@')[-1]}; {args.examples} examples per target; seed {args.seed}")
    for t in targets:
        start = time.perf_counter()
        tally, partial, samples = fuzz(t, args.examples, args.seed, db, tmp, ctx, args.keep)
        secs = time.perf_counter() - start
        crashes += tally["crash"]
        partial_saves += partial
        print(f"{t}: examples={sum(tally.values())} accepted={tally['accepted']} refused={tally['refused']} "
              f"usage={tally['usage']} crashes={tally['crash']} partial_saves={partial} "
              f"time={secs:.1f}s ({secs / max(1, args.examples) * 1000:.1f} ms/example)", flush=True)
        for s in samples[:15]:
            print("   ", s)
    reports = list((tmp / "data").glob("logs/crash-*"))
    print(f"crash reports written: {len(reports)}")
    print(f"crashes={crashes} partial_saves={partial_saves}")
    return 1 if crashes or partial_saves else 0


if __name__ == "__main__":
    sys.exit(main())
