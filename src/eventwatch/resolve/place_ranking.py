"""Ranking namesakes: which of the places a name can mean the mention means.

``PlaceRanking`` adds to the index how well a mention's qualifiers fit a place (they
name its country, a division it lies in or a place near it, or only places far
from it) and the order of namesakes that ``Gazetteer`` picks from (see
:mod:`eventwatch.resolve.places` for the order).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwatch.geodesy import distance_km
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.place_index import (
    _ADMIN1,
    _ADMIN2,
    _CITY,
    _COUNTRY,
    KINDS,
    PlaceIndex,
)
from eventwatch.resolve.place_names import (
    MIN_SKELETON,
    _skeleton,
    _without_admin_words,
    _without_directions,
)

# A city this big is the obvious reading of a name it shares with a region.
BIG_CITY_POPULATION = 100_000
MILLION = 1_000_000
# A city found by one of its alternate names ranks as if this much smaller.
ALTERNATE_NAME_WEIGHT = 0.1
# A qualifier naming a place this close counts like one naming the division: "Al Farnaj, Tripoli".
QUALIFIER_NEAR_KM = 60.0
# A qualifier naming only places farther than this says the place is another namesake.
CONTRADICTION_KM = 150.0


class PlaceRanking(PlaceIndex):
    """The index with the ranking of namesakes and the fit of qualifiers."""

    def _settled(
        self, position: int, key: str, context: tuple[str, ...], qualifiers: Sequence[str]
    ) -> bool:
        """Whether an exact match needs no second look: in context, qualified or notable.

        A city abroad is notable when big and called by its own name, or very big
        (GeoNames' alternate names include romanisations that collide: "Karama").
        """
        if not context or self._country_of[position] in context:
            return True
        if KINDS[self._kinds[position]] != "city":
            return True
        threshold = BIG_CITY_POPULATION if self._is_own_name(position, key) else MILLION
        return self._weights[position] >= threshold or self._qualified(position, qualifiers) > 0

    def _fits(self, position: int, qualifiers: Sequence[str]) -> bool:
        """Whether a place fits the qualifiers of its mention (or there are none)."""
        return not qualifiers or self._qualified(position, qualifiers) > 0

    def _qualified(self, position: int, qualifiers: Sequence[str]) -> float:
        """How well the qualifiers fit a place: one per qualifier that names its country,
        a division it lies in or a place near it, and a half more for a named place near
        it ("Yasne, Donetsk": the Yasne by Donetsk city, of the several in Donetsk Oblast);
        one less per qualifier that names only places far from it.
        """
        country = self._country_of[position]
        admin_keys = self._admin_keys.get(
            (country, _ADMIN1, self._admin1_of[position] or ""), set()
        )
        admin2 = self._admin2_of[position]
        if admin2:
            admin_keys = admin_keys | self._admin_keys.get((country, _ADMIN2, admin2), set())
        hits = 0.0
        own_keys = self._row_keys[position].split("|")
        for written in qualifiers:
            qualifier = _without_directions(_without_admin_words(written))  # "Northern Iraq"
            if qualifier != written and qualifier in own_keys:
                # "Kati, Kati Commune": the town in the division named after it
                hits += 1.0
                continue
            skeleton = _skeleton(qualifier)
            # a village placed at its community's centre is too roughly placed to be "near"
            near = not self._is_approximate(position) and self._near_namesake(position, qualifier)
            if (
                qualifier in admin_keys
                or written in admin_keys
                or country_code(qualifier) == country
                or (
                    len(skeleton) >= MIN_SKELETON
                    and any(skeleton == _skeleton(key) for key in admin_keys)
                )
            ):
                hits += 1.5 if near else 1.0
            elif near:
                hits += 1.0
            elif self._names_place_far_from(position, qualifier):
                hits -= 1.0  # "Palanpur area, Surat": a Palanpur far from Surat is another one
        return hits

    def _names_place_far_from(self, position: int, key: str) -> bool:
        """Whether ``key`` names places, none of them within ``CONTRADICTION_KM`` of the place."""
        others = [other for other in self._positions(key) if self._kinds[other] != _COUNTRY]
        return bool(others) and not any(
            self._country_of[other] == self._country_of[position]
            and distance_km(
                self._lats[position], self._lons[position], self._lats[other], self._lons[other]
            )
            <= CONTRADICTION_KM
            for other in others
        )

    def _near_namesake(self, position: int, key: str) -> bool:
        """Whether a place called ``key`` (its division, its city) lies near the place."""
        for other in self._positions(key):
            if (
                other != position
                and self._country_of[other] == self._country_of[position]
                and self._kinds[other] in (_CITY, _ADMIN2)
                and distance_km(
                    self._lats[position], self._lons[position], self._lats[other], self._lons[other]
                )
                <= QUALIFIER_NEAR_KM
            ):
                return True
        return False

    def _ranked(
        self,
        positions: Sequence[int],
        *,
        context: tuple[str, ...],
        qualifiers: Sequence[str] = (),
        kind: str | None = None,
        key: str | None = None,
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[int]:
        """``positions`` best first (see the module docstring for the order).

        ``kind`` is the kind the mention asks for (``"admin"``: a division of either
        level); ``key`` the name it was found by, which counts for less when it is
        only an alternate name of a city; ``regions`` the ``(iso3, admin1)`` the
        text is about, whose cities and towns come before their namesakes elsewhere
        in the country (a big city is the obvious reading wherever it lies).
        """
        unique = list(dict.fromkeys(positions))
        # A division yields to a city of the same country that lies in it (the division
        # is named after it) or that is big: "Osh", "Moscow", "Sanaa" are the cities.
        shadowing: set[tuple[str, int, str | None]] = set()
        for position in unique:
            if self._kinds[position] == _CITY:
                country = self._country_of[position]
                shadowing.add((country, _ADMIN1, self._admin1_of[position]))
                shadowing.add((country, _ADMIN2, self._admin2_of[position]))
                if self._weights[position] >= BIG_CITY_POPULATION:
                    shadowing.add((country, _ADMIN1, None))
                    shadowing.add((country, _ADMIN2, None))

        def outside_regions(position: int) -> int:
            if (
                not regions
                or self._kinds[position] != _CITY
                or (self._country_of[position], self._admin1_of[position]) in regions
            ):
                return 0
            big = self._weights[position] >= BIG_CITY_POPULATION
            return 0 if big and (key is None or self._is_own_name(position, key)) else 1

        def spread(position: int) -> float:
            # like-named villages of one region, placed roughly: the one nearer the
            # heart of the region (its big cities) is the likelier subject of news
            if not self._is_approximate(position):
                return 0.0
            centre = self._division_point(self._country_of[position], self._admin1_of[position])
            if centre is None:
                return 0.0
            return distance_km(
                self._lats[position], self._lons[position], self._lats[centre], self._lons[centre]
            )

        def sort_key(position: int) -> tuple[float, int, int, int, int, float, float]:
            country = self._country_of[position]
            kind_code = self._kinds[position]
            weight: float = self._weights[position]
            if kind_code in (_ADMIN1, _ADMIN2):
                own = (
                    self._admin1_of[position] if kind_code == _ADMIN1 else self._admin2_of[position]
                )
                if (country, kind_code, own) in shadowing or (
                    country,
                    kind_code,
                    None,
                ) in shadowing:
                    rank = len(KINDS)
                else:
                    rank = kind_code if kind_code == _ADMIN1 else _CITY
            else:
                rank = kind_code
                if kind_code == _CITY and key is not None and not self._is_own_name(position, key):
                    weight *= ALTERNATE_NAME_WEIGHT
            return (
                -self._qualified(position, qualifiers) if qualifiers else 0,
                context.index(country) if country in context else len(context),
                outside_regions(position),
                _kind_mismatch(kind, kind_code),
                rank,
                -weight,
                spread(position),
            )

        return sorted(unique, key=sort_key)


def _kind_mismatch(wanted: str | None, kind_code: int) -> int:
    """0 when a place is of the kind a mention asks for, 1 for the other division level, else 2."""
    if wanted is None:
        return 0
    kind = KINDS[kind_code]
    if kind == wanted or (wanted == "admin" and kind_code in (_ADMIN1, _ADMIN2)):
        return 0
    return 1 if wanted.startswith("admin") and kind_code in (_ADMIN1, _ADMIN2) else 2
