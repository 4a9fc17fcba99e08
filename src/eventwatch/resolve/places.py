"""An offline gazetteer: place mentions to coordinates, country and divisions.

The default gazetteer reads ``data/gazetteer.tsv.gz`` (GeoNames populated places of
500 people or more, first- and second-level divisions and the countries; see
``data/build_gazetteer.py``) once, on first use, and adds every country name the
country table knows, and the settlements of national registers that GeoNames lacks
(``EXTRA_FILES``: every village of Ukraine), placed at the centre of their community
and marked ``Place.approximate``.

``Gazetteer.lookup`` matches a name exactly (after ``normalize_name``);
``Gazetteer.resolve`` reads a mention as written in news or event data: it takes
"Kazan, Tatarstan" as Kazan qualified by its region, "Osh Region" as the region,
"Osh city" as the city and "Qaatabah district" as the district, "southern
Kyrgyzstan" as Kyrgyzstan, "Beirut-Mazraa" and "Donetsk Airport" as the city they
are in, "Jhudo, Mirpurkhas, Sindh" (with no Jhudo known) as what the qualifiers
name, and tolerates spelling variants ("Quamishli" for Qamishli): of any place in
the countries in play, of a big place anywhere when none are.  Arabic names are
found with or without the article and with -a, -ah or -eh ("Hoceima",
"Al-Hasakeh", "Bahr el Ghazal" for "Bahr al Ghazal").

Among several places with the name, the choice goes to the one the qualifiers fit
best (they name its country, a division it lies in or a place near it; a qualifier
naming only places far from it counts against it), then one in the context
countries (in their order), then one in the regions the text is about (the Donbas
for a report on its front line), then one of the kind the mention asks for, then a
country over a region over a district or city (unless a big city, or the city the
division is named after, is the obvious reading), then the most populous (a country's
capital counting as ``CAPITAL_WEIGHT`` times its size).

``Gazetteer.country_weights`` says, without context, how likely each country is
for a mention; ``eventwatch.resolve.geography`` adds them up over a document.

The modules: :mod:`~eventwatch.resolve.place_index` (``Place``, the gazetteer
files and the indexes over them), :mod:`~eventwatch.resolve.place_names` (the
words of a mention: qualifiers, parentheses, kind and site words, readings),
:mod:`~eventwatch.resolve.place_ranking` (the fit of qualifiers and the order of
namesakes) and this one (``Gazetteer``: lookup, resolution, country weights).
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Iterable, Sequence

from eventwatch.resolve.countries import country_code, normalize_name
from eventwatch.resolve.place_index import (
    _ADMIN2,
    _CITY,
    EXTRA_FILES,
    GAZETTEER_FILE,
    Place,
)
from eventwatch.resolve.place_names import (
    _GENERIC_WORDS,
    _NEIGHBOURHOOD_WORDS,
    _NOT_PLACE_NAMES,
    MIN_SKELETON,
    _clean_mention,
    _kind_hint,
    _readings,
    _site_variants,
    _skeleton,
    _without_article,
    fold_articles,
    is_neighbourhood,
)
from eventwatch.resolve.place_ranking import (
    ALTERNATE_NAME_WEIGHT,
    BIG_CITY_POPULATION,
    PlaceRanking,
    _kind_mismatch,
)

__all__ = [
    "Gazetteer",
    "Place",
    "default_gazetteer",
    "fold_articles",
    "is_neighbourhood",
    "resolve",
]

# How alike (difflib ratio) a spelling variant must be to the name it stands for.
FUZZY_MIN_RATIO = 0.85
# ... and how big a city must be to be read for one.
FUZZY_MIN_WEIGHT = 1_000
# In ``country_weights``: what a spelling variant of a big place counts for.
SPELLING_VARIANT_SHARE = 0.5
# In ``country_weights``: how much a place counts when a qualifier fits it (per qualifier),
# and when it is not of the kind the mention asks for.
QUALIFIED_SHARE = 30.0
MISFIT_KIND_SHARE = 0.2
# ... and how much more a mention counts when only its qualifiers are known ("Kerawa
# village, Kolofata, Mayo-Sava, Extreme-Nord"): they say where it is.
QUALIFIER_ONLY_SHARE = 1.5


class Gazetteer(PlaceRanking):
    """Places indexed by every name they go by, and the reading of mentions of them.

    Places are kept in columns and built on demand, so the default gazetteer of
    some 240,000 places loads quickly and stays small (see
    :mod:`~eventwatch.resolve.place_index`; the ranking of namesakes is in
    :mod:`~eventwatch.resolve.place_ranking`, the reading of a mention's words in
    :mod:`~eventwatch.resolve.place_names`).

    Args:
        entries: ``(place, keys)`` pairs; ``keys`` are the place's lookup keys, as
            ``normalize_name`` makes them.  Countries also get every name in the
            country table.
    """

    def candidates(self, name: str) -> list[Place]:
        """Every place called exactly ``name`` (after normalisation), likeliest first.

        Args:
            name: A place name, e.g. ``"Kazan"``.

        Returns:
            The places, ranked as ``lookup`` would rank them without context.
        """
        key = normalize_name(name)
        return [self._place(i) for i in self._ranked(self._positions(key), context=(), key=key)]

    def lookup(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        context_regions: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
        """The likeliest place called exactly ``name`` (after normalisation).

        Args:
            name: A place name, e.g. ``"Haifa"``.
            context_countries: ISO alpha-3 codes (or country names) of the countries
                the text is about, in order of priority.
            context_regions: ``(iso3, admin1)`` of the first-level divisions the text
                is about: of a country's namesakes, those in them come first.

        Returns:
            The place, or ``None`` when no place has that name.
        """
        key = normalize_name(name)
        context = self._context(context_countries)
        ranked = self._ranked(
            self._positions(key), context=context, key=key, regions=frozenset(context_regions)
        )
        return self._place(ranked[0]) if ranked else None

    def resolve(
        self,
        text: str,
        *,
        context_countries: Sequence[str] = (),
        context_regions: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
        """The place a mention refers to, reading it as written in news or event data.

        Handles a qualifier after a comma ("Kazan, Tatarstan", "Paris, Texas"), a
        leading "the" and direction ("southern Kyrgyzstan"), kind words ("Osh
        Region", "Gaza City"), abbreviations ("the U.S."), sites and districts
        inside a place ("Beirut-Mazraa", "Donetsk Airport", "Coast of Tripoli") and,
        within ``context_countries``, spelling variants.

        Args:
            text: The mention, e.g. ``"Kazan, Tatarstan"``.
            context_countries: ISO alpha-3 codes (or country names) of the countries
                the text is about, in order of priority.
            context_regions: ``(iso3, admin1)`` of the first-level divisions the text
                is about ("Serhiivka" in a report on the Donbas front is the one in
                Donetsk oblast, not one of the twenty elsewhere in Ukraine).

        Returns:
            The place, or ``None`` when nothing in the gazetteer fits.
        """
        head, *qualifier_parts = _clean_mention(text).split(",")
        qualifiers = [normalize_name(part) for part in qualifier_parts]
        qualifiers = [qualifier for qualifier in qualifiers if qualifier]
        context = self._context(context_countries)
        regions = frozenset(context_regions)
        exact, matched_key = self._resolve_readings(head, context, qualifiers, regions)
        if (
            exact is not None
            and self._fits(exact, qualifiers)
            and self._settled(exact, matched_key, context, qualifiers)
        ):
            return self._place(exact)
        code = country_code(head, adjectives=False)
        if code in self._countries:
            return self._place(self._countries[code])
        words = normalize_name(head).split()
        if len(words) > 1 and words[0] in _NEIGHBOURHOOD_WORDS:
            # "Colonia Las Tinas", "Barrio Obrero": a part of a town that the gazetteer
            # does not know; a like-named place elsewhere is no answer.
            return self._broader(qualifier_parts, context) if qualifiers else None
        for variant in _site_variants(head.strip()):
            found, _ = self._resolve_readings(variant, context, qualifiers, regions)
            if (
                found is not None
                and (not context or self._country_of[found] in context)
                and self._fits(found, qualifiers)
            ):
                return self._place(found)
        found = self._resolve_spelling(head, context, regions)
        if found is not None and not self._fits(found, qualifiers):
            found = None
        if found is None and qualifiers:
            # "Jhudo, Mirpurkhas, Sindh" with no Jhudo known there: the qualifiers,
            # narrowest first, rather than a namesake that lies elsewhere (but "Iquique,
            # Tarapaca" stays the city, whatever else is called Tarapaca).
            broader = self.resolve(",".join(qualifier_parts), context_countries=context)
            if broader is not None and self._broader_wins(broader, exact, matched_key, context):
                return broader
        if found is None:
            # A small namesake abroad is the last resort when the context has nothing like it.
            found = exact
        return None if found is None else self._place(found)

    def country_weights(self, text: str) -> dict[str, float]:
        """Which countries a place mention may be in, and how likely each is, without context.

        Every place the mention can name counts by the square root of its size (so a
        city of a million outweighs a village of 500 forty-five times), less when it is
        found only by an alternate name or is not of the kind asked for ("Bui
        department"), far more when a qualifier names its division or a place near it
        ("Masisi, Nord-Kivu").  A qualified mention weighs twice.

        Args:
            text: A place mention, e.g. ``"Masisi, Nord-Kivu"``.

        Returns:
            ISO alpha-3 code -> weight; the weights add up to 1, or 2 for a mention
            whose qualifier fits; empty when no place has the name.
        """
        head, *qualifier_parts = _clean_mention(text).split(",")
        qualifiers = [q for q in (normalize_name(part) for part in qualifier_parts) if q]
        shares: dict[str, float] = {}
        contradicted = True  # the qualifiers name only places far from every one found
        for reading in (head, *_site_variants(head.strip())):
            best_fit = 0.0
            best_shares: dict[str, float] = {}
            for key, kind in _readings(reading):
                positions = self._positions(key)
                if not positions:
                    continue
                found, fit = self._country_shares(positions, key, kind, qualifiers)
                if not qualifiers:
                    return found
                # a region named with a town it does not hold is still the region
                contradicted = (
                    contradicted
                    and fit < 0
                    and all(self._kinds[position] in (_CITY, _ADMIN2) for position in positions)
                )
                shares = shares or found
                # "Hyderabad city, Hyderabad, TS": the reading the qualifiers fit best
                if fit > best_fit:
                    best_fit, best_shares = fit, found
            if best_shares:
                return best_shares
            if shares:
                break
        if qualifier_parts:
            # none of the places called so lies where the qualifiers say: trust the
            # qualifiers, which say where the place is as plainly as a fitting one would
            broader = self.country_weights(",".join(qualifier_parts))
            # ("Ilya, Sidon": no Ilya near Sidon, so the Ilya in Belarus is not meant)
            if broader and (
                not shares or contradicted or max(broader.values()) >= max(shares.values())
            ):
                return {code: QUALIFIER_ONLY_SHARE * share for code, share in broader.items()}
        if not shares:
            # no place is called so: a big place spelt so ("Qalqiliyah" for Qalqilya)
            # says as much, at half the weight of an exact name
            variant = self._resolve_spelling(head, ())
            if variant is not None:
                shares = {self._country_of[variant]: SPELLING_VARIANT_SHARE}
        return shares

    def _country_shares(
        self, positions: Sequence[int], key: str, kind: str | None, qualifiers: Sequence[str]
    ) -> tuple[dict[str, float], float]:
        """The weights of ``country_weights`` for the places found by one key, and
        how well the qualifiers fit the best of them (0 when none fits, less when
        they name only places far from every one).

        The weights add up to the fit of the likeliest reading: a name found only as
        a village, or not as the kind of place the mention asks for, is weak evidence.
        """
        best: dict[str, float] = {}
        fit = 0.0
        best_hits = -math.inf if qualifiers else 0.0
        for position in dict.fromkeys(positions):
            kind_code = self._kinds[position]
            weight = max(self._weights[position], 1)
            score = math.sqrt(weight)
            if kind_code == _CITY and not self._is_own_name(position, key):
                score *= math.sqrt(ALTERNATE_NAME_WEIGHT)
            kind_fit = (1.0, MISFIT_KIND_SHARE, MISFIT_KIND_SHARE)[_kind_mismatch(kind, kind_code)]
            score *= kind_fit
            size_fit = 1.0 if kind_code != _CITY else min(1.0, math.log10(weight + 1) / 6)
            if qualifiers:
                hits = self._qualified(position, qualifiers)
                best_hits = max(best_hits, hits)
                score *= QUALIFIED_SHARE**hits
                if hits > 0:
                    size_fit = 1.0
            fit = max(fit, kind_fit * size_fit)
            country = self._country_of[position]
            best[country] = max(best.get(country, 0.0), score)
        total = sum(best.values())
        scale = 2.0 if best_hits > 0 else fit
        return {country: scale * score / total for country, score in best.items()}, best_hits

    def _resolve_readings(
        self,
        text: str,
        context: tuple[str, ...],
        qualifiers: Sequence[str],
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> tuple[int | None, str]:
        """The best place for the first reading of ``text`` that names any, and its key.

        With qualifiers, a later reading whose best place they fit better wins:
        "Hyderabad city, Hyderabad, TS" is the Indian city, though only the one in
        Pakistan goes by "Hyderabad City".
        """
        best: tuple[int | None, str] = (None, "")
        best_fit = 0.0
        for key, kind in _readings(text):
            positions = self._positions(key)
            if positions:
                ranked = self._ranked(
                    positions,
                    context=context,
                    qualifiers=qualifiers,
                    kind=kind,
                    key=key,
                    regions=regions,
                )
                if not qualifiers:
                    return ranked[0], key
                fit = self._qualified(ranked[0], qualifiers)
                if best[0] is None or fit > best_fit:
                    best, best_fit = (ranked[0], key), fit
        return best

    def _resolve_spelling(
        self,
        text: str,
        context: tuple[str, ...],
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> int | None:
        """A place whose name is a spelling variant of ``text``: in the context
        countries, or, with no context, a big place anywhere ("Quamishli city").

        Candidates share the mention's skeleton; the closest (difflib ratio, articles
        aside) wins if it reaches ``FUZZY_MIN_RATIO``.
        """
        key = normalize_name(text)
        hint = _kind_hint(key)
        keys = [key] if hint is None else [key, hint[0]]
        scored = []
        for key in keys:
            skeleton = _skeleton(key)
            if (
                len(skeleton) < (2 if context else MIN_SKELETON)
                or key in _NOT_PLACE_NAMES
                or all(word in _GENERIC_WORDS for word in key.split())
            ):
                continue  # "Police" is no misspelt place
            bare = _without_article(key)
            indexes = (
                [self._spelling_index(iso3) for iso3 in context]
                if context
                else [self._global_spelling_index()]
            )
            for rank, index in enumerate(indexes):
                for position, name in index.get(skeleton, ()):
                    if (
                        self._kinds[position] == _CITY
                        and self._weights[position] < FUZZY_MIN_WEIGHT
                        and (self._country_of[position], self._admin1_of[position]) not in regions
                    ):
                        # a village is too likely a different place with a like name,
                        # unless it lies in the region the text is about
                        continue
                    ratio = difflib.SequenceMatcher(None, bare, _without_article(name)).ratio()
                    if ratio >= FUZZY_MIN_RATIO:
                        scored.append((rank, -ratio, position))
        if not scored:
            return None
        best = min(scored)[:2]
        tied = [position for rank, ratio, position in scored if (rank, ratio) == best]
        return self._ranked(tied, context=context, regions=regions)[0]

    def _broader(self, qualifier_parts: Sequence[str], context: tuple[str, ...]) -> Place | None:
        """The place the qualifiers name, when it lies in the context (or there is none)."""
        broader = self.resolve(",".join(qualifier_parts), context_countries=context)
        if broader is None or (context and broader.country not in context):
            return None
        return broader

    def _broader_wins(
        self, broader: Place, exact: int | None, key: str, context: tuple[str, ...]
    ) -> bool:
        """Whether the place the qualifiers name beats an exact match they do not fit."""
        if context and broader.country not in context and broader.kind != "country":
            return False
        if exact is None or broader.country == self._country_of[exact]:
            return True
        big = self._weights[exact] >= BIG_CITY_POPULATION and self._is_own_name(exact, key)
        return not (big and (not context or self._country_of[exact] in context))


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process.

    Returns:
        The shared ``Gazetteer`` built from ``data/gazetteer.tsv.gz`` and the
        approximately placed settlements of ``EXTRA_FILES``.
    """
    return Gazetteer.from_file(GAZETTEER_FILE, approximate=EXTRA_FILES)


def resolve(text: str, *, context_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a place mention with the default gazetteer (see ``Gazetteer.resolve``).

    Args:
        text: The mention, e.g. ``"Osh Region"``.
        context_countries: ISO alpha-3 codes of the countries in play, by priority.

    Returns:
        The place, or ``None`` when nothing fits.
    """
    return default_gazetteer().resolve(text, context_countries=context_countries)
