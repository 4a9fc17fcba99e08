"""Word-level spelling indexes and people by the shape of their name.

A full name the registry does not know yet ("Sadyr Zhaparov") may be a known
person's under a respelled surname or given name.  Scanning every known person
whose surname is a spelling variant of this one costs more the larger the
collection, as more people share a surname or a similar one.  Here the work is
split so that it grows with the vocabulary of names, not with the people:

- :class:`SpellingWords` finds the known *words* that are spelling variants of a
  word (through the keys :func:`~eventwatch.resolve.entities.names._spelling_keys`
  gives, which any two variants share), not the people who carry them;
- :class:`NamesakeIndex` holds each person under the shape of their current name:
  the first given name (or none) with the surname, and the first word's initial
  (or none) with the surname.  The candidates of "Sadyr Zhaparov" are then the
  people under a spelling variant of "Sadyr" (or its initial "S", or no given name)
  with a spelling variant of "Zhaparov": a handful, however many other people
  share the surname.

Surnames whose consonant skeletons are equal are variants whatever their
spellings; their words are not listed by skeleton (a skeleton can be shared by
many words) but the people are held under the skeleton directly.  A lookup by
shape tries every known surname that shares a spelling key with the one written,
unchecked (a dictionary look-up costs less than comparing the two spellings), and
hands over a superset: the registry checks each candidate's current name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from eventwatch.resolve.entities.country_ids import IdIndex
from eventwatch.resolve.entities.names import (
    _PARTICLES,
    _spelling_keys,
    _word_keys,
    _word_variants,
    person_names_agree,
)

#: The prefix of a spelling key that is a consonant skeleton (see ``_spelling_keys``).
SKELETON = "="


class SpellingWords:
    """Known words by their spelling keys, to list the variants of a word.

    Args:
        surnames: words are surnames, compared as :func:`person_names_agree` compares
            them (folded again) and not listed under their skeleton key (many surnames
            can share one: the registry holds their people under it instead); otherwise
            given names, compared as written (``_word_variants``) and listed under
            every key (their vocabulary is small, so the variants of each are
            remembered until a new given name is added).
    """

    def __init__(self, *, surnames: bool) -> None:
        self._words: dict[str, dict[str, None]] = defaultdict(dict)
        self._surnames = surnames
        self._keys: Callable[[str], frozenset[str]] = _spelling_keys if surnames else _word_keys
        self._agree: Callable[[str, str], bool] = person_names_agree if surnames else _word_variants
        self._known: set[str] = set()
        self._remembered: dict[str, list[str]] = {}

    def add(self, word: str) -> None:
        """Add a folded word (once)."""
        if word in self._known:
            return
        self._known.add(word)
        self._remembered.clear()
        for key in self._keys(word):
            if not (self._surnames and key.startswith(SKELETON)):
                self._words[key][word] = None

    def sharing(self, word: str) -> list[str]:
        """The known words that share a spelling key with ``word``: its variants and some
        words that are not (unchecked, for a caller who checks what it finds anyway)."""
        return list(dict.fromkeys(w for key in self._keys(word) for w in self._words.get(key, ())))

    def variants(self, word: str) -> list[str]:
        """The known words that are ``word`` or a spelling variant of it; for surnames,
        less those only their skeleton makes variants."""
        remembered = self._remembered.get(word)
        if remembered is not None:
            return remembered
        found: dict[str, None] = {}
        for key in self._keys(word):
            for known in self._words.get(key, ()):
                if known not in found and self._agree(word, known):
                    found[known] = None
        if not self._surnames:
            self._remembered[word] = list(found)
        return list(found)


def _given_name(key: tuple[str, ...]) -> str:
    """The first given name of a folded name ("" for a surname alone, particles aside)."""
    given = [w for w in key[:-1] if w not in _PARTICLES]
    return given[0] if given else ""


class NamesakeIndex:
    """People by their current name's shape: (given name, surname) and (initial, surname).

    A person renamed to a fuller form is added again under the new shape; the old
    entries stay, so callers check each candidate's current name.
    """

    def __init__(self) -> None:
        self._people: IdIndex[tuple[str, str, str]] = IdIndex()
        self.surnames = SpellingWords(surnames=True)
        self.given = SpellingWords(surnames=False)

    def add(
        self,
        entity_id: str,
        key: tuple[str, ...],
        country: str | None,
        country_of: Callable[[str], str | None],
    ) -> None:
        """Hold a person under the shape of a folded name (``name_key`` of the bare name)."""
        if not key:
            return
        surname, given = key[-1], _given_name(key)
        initial = key[0][:1] if len(key) > 1 else ""
        self.surnames.add(surname)
        if len(given) > 1:
            self.given.add(given)
        places = [surname, *(k for k in _spelling_keys(surname) if k.startswith(SKELETON))]
        for place in places:
            self._people.add(("g", given, place), entity_id, country, country_of)
            self._people.add(("i", initial, place), entity_id, country, country_of)

    def _under(
        self, kind: str, tags: Iterable[str], surname: str, country: str | None
    ) -> Iterator[str]:
        places = [
            *self.surnames.sharing(surname),
            *(k for k in _spelling_keys(surname) if k.startswith(SKELETON)),
        ]
        for tag in tags:
            for place in places:
                yield from self._people.compatible((kind, tag, place), country)

    def with_given_name(self, given: str, surname: str, country: str | None) -> list[str]:
        """Ids of people whose name may agree with a given name and surname: a variant of
        the surname with a variant of the given name, its initial or no given name."""
        tags = ["", given[:1], *self.given.variants(given)]
        return list(dict.fromkeys(self._under("g", tags, surname, country)))

    def with_initial(self, initial: str, surname: str, country: str | None) -> list[str]:
        """Ids of people named by a variant of the surname alone or with a first word of
        that initial."""
        return list(dict.fromkeys(self._under("i", ["", initial], surname, country)))
