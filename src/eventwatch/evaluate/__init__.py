"""The evaluation harness: the extractor scored on labelled public datasets.

``run_eval(dataset, path, settings=...)`` reads one dataset in place, runs every
item through one :func:`~eventwatch.pipeline.process_documents` call and returns
an :class:`EvalReport` (flat scores, per-class tables, confusions, the worst
misses, notes); ``EvalReport.render()`` is the text report, ``to_json()`` the
machine-readable one.  One module per dataset, each with its reader and scorer:

* ``acled``    -- ACLED CSV rows: event and sub-event type, date, place, country,
  fatalities, actors
* ``case``     -- CASE 2021 task 2 snippets: sub-type classification
* ``plover``   -- PLOVER gold records: event type, source and target actors
* ``polnear``  -- PolNeAR articles: attribution source/cue/content spans
* ``factbank`` -- Szeged uncertainty XML (FactBank part): hedged sentences, cues
* ``seeds``    -- the seed articles against the team's gold coding

Shared pieces: ``metrics`` (F1, spans, distances), ``report`` (EvalReport),
``items`` (reader/scorer plumbing), ``runner`` (run_eval).
"""

from __future__ import annotations

from eventwatch.evaluate.report import EvalReport
from eventwatch.evaluate.runner import DATASETS, run_eval

__all__ = ["DATASETS", "EvalReport", "run_eval"]
