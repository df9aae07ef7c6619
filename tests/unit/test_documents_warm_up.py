"""``documents.warm_up()`` loads once per process what the first document waits for (issue 12 §3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from courtapp.core.documents import signing

CHECK = """
import json, sys
from courtapp.core.services import documents as ds
from courtapp.core.services.documents import keys
from courtapp.core.documents import signing
before = {"render": "courtapp.core.documents.render" in sys.modules,
          "builders": "courtapp.core.documents.builders" in sys.modules}
signing.load_or_create_private_key()
ds.warm_up()
from courtapp.core.documents import fonts, templates
from reportlab.pdfbase import pdfmetrics
print(json.dumps({
    "before": before,
    "render": "courtapp.core.documents.render" in sys.modules,
    "builders": "courtapp.core.documents.builders" in sys.modules,
    "fonts": sorted(f for f in pdfmetrics.getRegisteredFontNames() if f.startswith("Courtapp")),
    "templates": len(templates._PARSED),
    "key_loaded_once": keys.desk_key() is keys.desk_key(),
    "keys_cached": len(keys._DESK_KEYS),
}))
"""


def test_warm_up_loads_the_fonts_the_templates_the_key_and_the_renderer(tmp_path: Path) -> None:
    env = {"COURTAPP_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
           signing.UNENCRYPTED_ENV: "1"}  # a test desk's key, not encrypted at rest
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         check=True, env=env)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["before"] == {"render": False, "builders": False}  # importing the service is light
    assert got["render"] and got["builders"]
    assert got["fonts"] == ["CourtappSerifSC", "CourtappSerifSC-Bold"]
    assert got["templates"] == 20  # 9 kinds and the common texts, in both languages
    assert got["key_loaded_once"] and got["keys_cached"] == 1
