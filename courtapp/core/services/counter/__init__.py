"""The counter (诉讼服务窗口) and the judge's decisions on petitions, one module per intent.

- :mod:`.intake`: file a petition (with its searches), record searches, (re)issue the receipt;
- :mod:`.decide`: grant or reject, carry out the effect (:mod:`.effects`), issue the
  decision document; service of the decision; reconsideration; the end of permissions;
- :mod:`.reading`: one petition, paged lists, the judge's queue, evidence bytes;
- :mod:`.config`: the counter's court settings;
- :mod:`.common`: what those share (results, the petition as the screens see it).

The legal rules themselves are pure functions in the domain
(:mod:`courtapp.core.domain.petition`, ``petition_intake``, ``petition_decision``,
``petition_view``); these modules load records through the repositories, call
the rules, save what changes, and commit once per intent.
:mod:`courtapp.core.services.petitions` re-exports the public names.
"""
