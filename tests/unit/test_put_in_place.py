"""Writing an output file never replaces a device or a pipe with a file: the
hostile-input run wrote `-o /dev/null` and, as root, turned /dev/null into a file."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from courtapp.cli.common import OutputFile
from courtapp.core.paths import put_in_place


def test_a_regular_target_is_replaced_whole(tmp_path: Path) -> None:
    target, tmp = tmp_path / "out.csv", tmp_path / ".out.csv.part"
    target.write_bytes(b"old")
    tmp.write_bytes(b"new")
    put_in_place(tmp, target)
    assert target.read_bytes() == b"new" and not tmp.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("how", ["put_in_place", "OutputFile"])
def test_a_pipe_target_is_written_into_and_stays_a_pipe(tmp_path: Path, how: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    if how == "put_in_place":
        tmp = tmp_path / ".pipe.part"
        tmp.write_bytes(b"rows\n")
        put_in_place(tmp, fifo)
        assert not tmp.exists()
    else:
        with OutputFile(str(fifo)) as out:
            out.commit(b"rows\n")
    reader.join(timeout=10)
    assert got == [b"rows\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
