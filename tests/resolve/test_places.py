"""Tests for eventwatch.resolve.places: the gazetteer, its ranking and mention reading."""

from __future__ import annotations

import pytest

from eventwatch.resolve.countries import normalize_name
from eventwatch.resolve.places import Gazetteer, Place, default_gazetteer, resolve


def _place(name: str, country: str, kind: str, population: int, admin1: str | None = None) -> Place:
    return Place(name, country, admin1, 0.0, 0.0, kind, population)


def _gazetteer(*entries: tuple[Place, list[str]]) -> Gazetteer:
    """A small gazetteer; each place is also found by its own name."""
    return Gazetteer(
        (place, [normalize_name(place.name), *alternates]) for place, alternates in entries
    )


# --- the packaged gazetteer -------------------------------------------------------------


def _assert_resolves(
    text: str, context: list[str], name: str | None, country: str, kind: str
) -> None:
    place = resolve(text, context_countries=context)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)
    if name is not None:
        assert place.name == name


@pytest.mark.parametrize(
    ("text", "name", "country", "kind", "admin1"),
    [
        ("Kazan, Tatarstan", "Kazan", "RUS", "city", "Tatarstan"),
        ("Kazan, Turkey", "Kazan", "TUR", "city", "Ankara"),
        ("Kazan", "Kazan", "RUS", "city", "Tatarstan"),
        ("Osh Region", "Osh", "KGZ", "admin1", "Osh"),
        ("Osh Oblast", "Osh", "KGZ", "admin1", "Osh"),
        ("Osh", "Osh", "KGZ", "city", "Osh"),
        ("Osh city", "Osh", "KGZ", "city", "Osh"),
        ("Jalal-Abad Region", "Jalal-Abad", "KGZ", "admin1", "Jalal-Abad"),
        ("Bishkek", "Bishkek", "KGZ", "city", "Bishkek Shaary"),  # a division of its own
        ("Haifa", "Haifa", "ISR", "city", "Haifa"),
        ("Haifa District", "Haifa", "ISR", "admin1", "Haifa"),
        ("Sanaa", "Sanaa", "YEM", "city", "Amanat Al Asimah"),
        ("Sana'a", "Sanaa", "YEM", "city", "Amanat Al Asimah"),
        ("Sanaa Governorate", "Sanaa", "YEM", "admin1", "Sanaa"),
        ("Tatarstan", "Tatarstan", "RUS", "admin1", "Tatarstan"),
        ("Republic of Tatarstan", "Tatarstan", "RUS", "admin1", "Tatarstan"),
        ("Munich", "Munich", "DEU", "city", "Bavaria"),
        ("Moscow", "Moscow", "RUS", "city", "Moscow"),
        ("Kiev", "Kyiv", "UKR", "city", "Kyiv City"),
        ("Paris, Texas", "Paris", "USA", "city", "Texas"),
        ("Kyrgyzstan", "Kyrgyzstan", "KGZ", "country", None),
        ("southern Kyrgyzstan", "Kyrgyzstan", "KGZ", "country", None),
        ("north-eastern Syria", "Syria", "SYR", "country", None),
        ("the U.S.", "United States", "USA", "country", None),
        ("Georgia", "Georgia", "GEO", "country", None),
        ("Gaza City", "Gaza", "PSE", "city", "Gaza Strip"),
        ("Beirut-Mazraa", "Beirut", "LBN", "city", "Beyrouth"),
        ("Coast of Tripoli", "Tripoli", "LBY", "city", "Tripoli"),
    ],
)
def test_places_resolve_mentions(
    text: str, name: str, country: str, kind: str, admin1: str | None
) -> None:
    place = resolve(text)
    assert place is not None
    assert (place.name, place.country, place.kind, place.admin1) == (name, country, kind, admin1)


@pytest.mark.parametrize(
    ("text", "context", "name", "country", "kind"),
    [
        ("Jalal-Abad", ["KGZ"], None, "KGZ", "city"),  # GeoNames calls the city "Manas"
        ("Kazan", ["TUR"], "Kazan", "TUR", "city"),
        ("Kazan, Tatarstan", ["TUR"], "Kazan", "RUS", "city"),  # the text outranks context
        ("Paris", ["USA"], "Paris", "USA", "city"),
        ("Georgia", ["USA"], "Georgia", "USA", "admin1"),
        ("Punjab", ["IND"], "Punjab", "IND", "admin1"),
        ("Punjab", ["PAK"], "Punjab", "PAK", "admin1"),
        ("Moscow", ["KGZ"], "Moscow", "RUS", "city"),  # a big city abroad stays itself
        ("Donetsk Airport", ["UKR"], "Donetsk", "UKR", "city"),
        ("Quamishli", ["SYR"], "Al Qāmishlī", "SYR", "city"),  # a spelling variant
        ("Nameless Hills (Tartar Region)", ["AZE"], None, "AZE", "admin1"),
        ("Kazan", ["Turkey"], "Kazan", "TUR", "city"),  # a context country by name
    ],
)
def test_places_resolve_with_context(
    text: str, context: list[str], name: str | None, country: str, kind: str
) -> None:
    _assert_resolves(text, context, name, country, kind)


@pytest.mark.parametrize(
    "text",
    ["Xyzzyville", "", "   ", "Qwertyuiop Region", "southern Xyzzyland", "Kyrgyz", "Russian"],
)
def test_places_resolve_unknown_is_none(text: str) -> None:
    assert resolve(text) is None


def test_places_resolve_spelling_variants_without_context_only_of_big_places() -> None:
    place = resolve("Quamishli")  # Qamishli, a city of 180,000
    assert place is not None and place.country == "SYR"


@pytest.mark.parametrize(
    ("text", "country", "kind"),
    [
        ("the Netherlands", "NLD", "country"),
        ("THE NETHERLANDS", "NLD", "country"),
        ("MOSCOW", "RUS", "city"),
        ("moscow", "RUS", "city"),
        ("Russia's", "RUS", "country"),
        ("Kyrgyzstan’s", "KGZ", "country"),
        ("the Kyrgyz Republic", "KGZ", "country"),
        ("Burma", "MMR", "country"),
    ],
)
def test_places_resolve_case_the_and_possessive(text: str, country: str, kind: str) -> None:
    place = resolve(text)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_places_country_point_is_its_capital() -> None:
    kyrgyzstan = resolve("Kyrgyzstan")
    bishkek = resolve("Bishkek")
    assert kyrgyzstan is not None and bishkek is not None
    assert (kyrgyzstan.lat, kyrgyzstan.lon) == pytest.approx((bishkek.lat, bishkek.lon), abs=0.01)
    assert kyrgyzstan.population > 5_000_000


def test_places_region_point_lies_near_its_cities() -> None:
    tatarstan = resolve("Tatarstan")
    assert tatarstan is not None
    assert 54.0 < tatarstan.lat < 57.0 and 47.0 < tatarstan.lon < 54.0


def test_places_lookup_matches_names_exactly() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Kazan, Tatarstan") is None  # a qualified mention is no name
    haifa = gazetteer.lookup("HAIFA")
    assert haifa is not None and haifa.country == "ISR"
    assert gazetteer.lookup("Xyzzyville") is None


def test_places_candidates_are_ranked() -> None:
    candidates = default_gazetteer().candidates("Kazan")
    assert candidates[0].country == "RUS"
    assert "TUR" in {place.country for place in candidates}
    assert default_gazetteer().candidates("Xyzzyville") == []


def test_places_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()
    assert len(default_gazetteer()) > 200_000


# --- ranking rules, on a small gazetteer ------------------------------------------------


def test_places_ranking_country_then_region_then_city() -> None:
    gazetteer = _gazetteer(
        (_place("Lebanon", "LBN", "country", 6_000_000), []),
        (_place("Lebanon", "USA", "city", 26_000, "Pennsylvania"), []),
        (_place("Talas", "KGZ", "admin1", 260_000, "Talas"), []),
        (_place("Talas", "KGZ", "city", 35_000, "Chuy"), []),
    )
    assert gazetteer.lookup("Lebanon") == _place("Lebanon", "LBN", "country", 6_000_000)
    talas = gazetteer.lookup("Talas")
    assert talas is not None and talas.kind == "admin1"


@pytest.mark.parametrize(
    ("city_admin1", "city_population", "expected_kind"),
    [
        ("Osh", 5_000, "city"),  # the region is named after the city inside it
        ("Batken", 300_000, "city"),  # a big city is the obvious reading
        ("Batken", 5_000, "admin1"),
    ],
)
def test_places_ranking_region_yields_to_its_city(
    city_admin1: str, city_population: int, expected_kind: str
) -> None:
    gazetteer = _gazetteer(
        (_place("Osh", "KGZ", "admin1", 1_000_000, "Osh"), []),
        (_place("Osh", "KGZ", "city", city_population, city_admin1), []),
    )
    place = gazetteer.lookup("Osh")
    assert place is not None and place.kind == expected_kind


def test_places_ranking_context_then_population() -> None:
    big = _place("Kazan", "RUS", "city", 1_200_000, "Tatarstan")
    small = _place("Kazan", "TUR", "city", 24_000, "Ankara")
    gazetteer = _gazetteer((big, []), (small, []))
    assert gazetteer.lookup("Kazan") == big
    assert gazetteer.lookup("Kazan", context_countries=["TUR"]) == small
    assert gazetteer.lookup("Kazan", context_countries=["KGZ", "TUR"]) == small
    assert gazetteer.candidates("kazan") == [big, small]


def test_places_ranking_own_name_over_alternate_name() -> None:
    mora = _place("Mora", "IND", "city", 14_000, "Gujarat")
    bilimora = _place("Bilimora", "IND", "city", 50_000, "Gujarat")
    gazetteer = _gazetteer((mora, []), (bilimora, ["mora"]))
    assert gazetteer.lookup("Mora") == mora


def test_places_ranking_qualifier_names_region_or_country() -> None:
    russian = _place("Kazan", "RUS", "city", 1_200_000, "Tatarstan")
    turkish = _place("Kazan", "TUR", "city", 24_000, "Ankara")
    gazetteer = _gazetteer(
        (russian, []),
        (turkish, []),
        (_place("Tatarstan", "RUS", "admin1", 3_000_000, "Tatarstan"), ["tatarstan republic"]),
        (_place("Ankara", "TUR", "admin1", 5_000_000, "Ankara"), []),
    )
    assert gazetteer.resolve("Kazan, Ankara") == turkish
    assert gazetteer.resolve("Kazan, Turkey") == turkish
    assert gazetteer.resolve("Kazan, Tatarstan Republic") == russian
    assert gazetteer.resolve("Kazan, Russia", context_countries=["TUR"]) == russian


def test_places_small_namesake_abroad_yields_to_spelling_variant_in_context() -> None:
    abroad = _place("Calama", "CHL", "city", 165_000, "Antofagasta")
    at_home = _place("Al Karāmah", "SYR", "city", 5_000, "Ar-Raqqah")
    gazetteer = _gazetteer((abroad, ["karama"]), (at_home, []))
    assert gazetteer.resolve("Karama") == abroad
    assert gazetteer.resolve("Karama", context_countries=["SYR"]) == at_home
    assert gazetteer.resolve("Karama", context_countries=["IRQ"]) == abroad


def test_places_country_table_names_reach_the_gazetteer() -> None:
    kyrgyzstan = _place("Kyrgyzstan", "KGZ", "country", 6_000_000)
    gazetteer = _gazetteer((kyrgyzstan, []))
    assert gazetteer.resolve("the Kyrgyz Republic") == kyrgyzstan
    assert gazetteer.resolve("Kirghizia") == kyrgyzstan


# --- second-level divisions, qualifiers and mention clean-up (packaged gazetteer) -------


@pytest.mark.parametrize(
    ("text", "context", "name", "country", "kind"),
    [
        ("Qaatabah district", [], "Qa'atabah", "YEM", "admin2"),  # a district, by its kind word
        ("Masisi, Nord-Kivu", [], None, "COD", "admin2"),  # a territory, by its province
        ("Bolivar state", ["VEN"], "Bolivar", "VEN", "admin1"),  # not the city "Ciudad Bolívar"
        ("Sud-Kivu", [], None, "COD", "admin1"),  # the province, not Haiti's "Sud"
        ("Ituri", [], "Ituri", "COD", "admin1"),  # a province of the 2015 reform
        ("Western Bahr el Ghazal", [], None, "SSD", "admin1"),  # "el" for GeoNames' "al"
        ("Ar-Raqqa", [], None, "SYR", "city"),  # not Arras: "Ar" is the article
        ("Al-Hasakeh", [], None, "SYR", "city"),  # -eh for -ah
        ("Hoceima", [], None, "MAR", "city"),  # without the article
        ("Iquique, Tarapaca", [], "Iquique", "CHL", "city"),  # a big city stays itself
        ("Jhudo, Mirpurkhas, Sindh", ["PAK"], None, "PAK", "city"),  # unknown head: qualifiers
        ("Kolofata, Mayo-Sava, Extreme-Nord", [], None, "CMR", "admin1"),
        ("Palanpur area, Surat, Gujarat", ["IND"], "Surat", "IND", "city"),  # not Palanpur far off
        ("Ar-Raqqa. Neither", [], None, "SYR", "city"),  # what a pattern caught past the end
    ],
)
def test_places_resolve_divisions_qualifiers_and_variants(
    text: str, context: list[str], name: str | None, country: str, kind: str
) -> None:
    _assert_resolves(text, context, name, country, kind)


@pytest.mark.parametrize(
    "text", ["the North Zone", "Police", "Is", "West Zone", "Colonia Las Tinas", "Barrio Obrero"]
)
def test_places_resolve_generic_words_are_no_places(text: str) -> None:
    assert resolve(text) is None


def test_places_city_knows_its_admin2() -> None:
    kazan = resolve("Kazan, Tatarstan")
    assert kazan is not None and kazan.admin2 is not None


def test_places_country_weights_spread_over_namesakes() -> None:
    gazetteer = default_gazetteer()
    tripoli = gazetteer.country_weights("Tripoli")
    assert max(tripoli, key=tripoli.__getitem__) == "LBY"
    assert {"LBY", "LBN"} <= set(tripoli) and sum(tripoli.values()) == pytest.approx(1.0)
    assert gazetteer.country_weights("Tripoli, North Governorate").keys() >= {"LBN"}
    masisi = gazetteer.country_weights("Masisi, Nord-Kivu")  # a fitting qualifier: two votes
    assert masisi == {"COD": pytest.approx(2.0)}
    assert gazetteer.country_weights("Xyzzyville") == {}


def test_places_country_weights_are_weak_for_misfits() -> None:
    gazetteer = default_gazetteer()
    # "Chora district": only a village in Greece goes by the name, and it is no district
    assert sum(gazetteer.country_weights("Chora district").values()) < 0.5


def test_places_ranking_admin2_yields_to_its_city() -> None:
    gazetteer = _gazetteer(
        (Place("Nellore", "IND", "Andhra Pradesh", 0, 0, "admin2", 3_000_000, "Nellore"), []),
        (Place("Nellore", "IND", "Andhra Pradesh", 0, 0, "city", 500_000, "Nellore"), []),
    )
    place = gazetteer.lookup("Nellore")
    assert place is not None and place.kind == "city"
    district = gazetteer.resolve("Nellore district")
    assert district is not None and district.kind == "admin2"


def test_places_qualifier_naming_a_far_place_contradicts() -> None:
    far = Place("Palanpur", "IND", "Gujarat", 24.17, 72.43, "city", 140_000, "Banas Kantha")
    surat = Place("Surat", "IND", "Gujarat", 21.19, 72.83, "city", 4_500_000, "Surat")
    gujarat = Place("Gujarat", "IND", "Gujarat", 22.5, 72.0, "admin1", 60_000_000)
    gazetteer = _gazetteer((far, []), (surat, []), (gujarat, []))
    assert gazetteer.resolve("Palanpur, Gujarat") == far
    assert gazetteer.resolve("Palanpur area, Surat, Gujarat") == surat


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # Pratapgarh lies in Rajasthan and in Uttar Pradesh: the short form settles it
        ("Pratapgarh, UP", "IND", "Uttar Pradesh"),
        ("Kotwali Nagar, Pratapgarh, UP", "IND", "Uttar Pradesh"),
        # Hyderabad in Telangana, not in Sindh
        ("Hyderabad, TS", "IND", "Telangana"),
        ("Portland, OR", "USA", "Oregon"),
        ("Mardan, KPK", "PAK", "Khyber Pakhtunkhwa"),
    ],
)
def test_places_admin1_short_forms_qualify(text: str, country: str, admin1: str) -> None:
    place = resolve(text)
    assert place is not None and (place.country, place.admin1) == (country, admin1)


@pytest.mark.parametrize("text", ["MP", "UP", "TS", "KPK"])
def test_places_admin1_short_forms_alone_name_nothing(text: str) -> None:
    # "MP Samir al Jisr" is a member of parliament, not Madhya Pradesh
    assert resolve(text) is None
    assert default_gazetteer().country_weights(text) == {}


def test_places_later_reading_that_fits_the_qualifiers_wins() -> None:
    # only the Pakistani city goes by "Hyderabad City"; the qualifiers say India
    pakistan = Place("Hyderabad", "PAK", "Sindh", 25.4, 68.4, "city", 1_900_000, "Hyderabad")
    india = Place("Hyderabad", "IND", "Telangana", 17.4, 78.5, "city", 7_000_000, "Hyderabad")
    telangana = Place("Telangana", "IND", "Telangana", 17.5, 78.5, "admin1", 35_000_000)
    gazetteer = _gazetteer(
        (pakistan, ["hyderabad", "hyderabad city"]),
        (india, ["hyderabad"]),
        (telangana, ["telangana"]),
    )
    assert gazetteer.resolve("Hyderabad city, Telangana") == india
    assert gazetteer.resolve("Hyderabad city") == pakistan


def test_places_short_qualifiers_match_no_division_by_skeleton() -> None:
    # "Hama" has the consonant skeleton "m", like "Mau": no fit for an Indian Maan
    maan = Place("Maan", "IND", "Uttar Pradesh", 26.0, 83.5, "city", 2_000, "Mau")
    mau = Place("Mau", "IND", "Uttar Pradesh", 25.9, 83.6, "admin2", 2_000_000, "Mau")
    gazetteer = _gazetteer((maan, ["maan"]), (mau, ["mau"]))
    assert gazetteer._qualified(0, ["hama"]) <= 0
    assert gazetteer._qualified(0, ["mau"]) > 0


@pytest.mark.parametrize(
    ("text", "name"),
    [("Rural Damascus", "Damascus"), ("Idleb countryside", "Idlib")],
)
def test_places_rural_and_countryside_name_the_place(text: str, name: str) -> None:
    place = resolve(text)
    assert place is not None and place.country == "SYR" and name in place.name


# --- settlements of national registers, placed approximately ---------------------------


def _located(
    name: str, admin1: str, lat: float, lon: float, population: int, *, country: str = "UKR"
) -> Place:
    return Place(name, country, admin1, lat, lon, "city", population)


def test_places_register_villages_are_found_and_marked_approximate() -> None:
    # Mineralne, a village of Donetsk oblast that GeoNames' places of 500+ leave out
    place = default_gazetteer().resolve("Mineralne", context_countries=["UKR"])
    assert place is not None
    assert (place.country, place.admin1, place.approximate) == ("UKR", "Donetsk", True)
    exact = default_gazetteer().resolve("Kramatorsk", context_countries=["UKR"])
    assert exact is not None and not exact.approximate


def test_places_approximate_table_loads_after_the_main_one(tmp_path) -> None:
    import gzip

    def table(path, *rows: str) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write("".join(row + "\n" for row in rows))

    table(tmp_path / "main.tsv.gz", "city\tAlpha\tUKR\tEast\t\t48.0\t38.0\t900\t900\talpha")
    table(tmp_path / "extra.tsv.gz", "city\tBeta\tUKR\tEast\t\t48.1\t38.1\t0\t100\tbeta|betta")
    gazetteer = Gazetteer.from_file(
        tmp_path / "main.tsv.gz", approximate=[tmp_path / "extra.tsv.gz"]
    )
    alpha, beta = gazetteer.lookup("Alpha"), gazetteer.lookup("Betta")
    assert alpha is not None and not alpha.approximate
    assert beta is not None and beta.name == "Beta" and beta.approximate


def test_places_context_regions_pick_the_namesake_in_them() -> None:
    gazetteer = _gazetteer(
        (_located("Lozove", "West", 49.0, 30.0, 2_000), []),
        (_located("Lozove", "East", 48.0, 38.0, 600), []),
        (_located("Bigtown", "West", 49.5, 30.5, 300_000), []),
        (_located("Bigtown", "East", 48.5, 38.5, 800), []),
    )
    assert gazetteer.resolve("Lozove", context_countries=["UKR"]).admin1 == "West"
    east = [("UKR", "East")]
    assert (
        gazetteer.resolve("Lozove", context_countries=["UKR"], context_regions=east).admin1
        == "East"
    )
    assert gazetteer.lookup("Lozove", context_countries=["UKR"], context_regions=east).admin1 == (
        "East"
    )
    # a big city stays the obvious reading wherever the text is about
    assert (
        gazetteer.resolve("Bigtown", context_countries=["UKR"], context_regions=east).admin1
        == "West"
    )


def test_places_approximate_point_earns_no_nearness_to_a_qualifier(tmp_path) -> None:
    import gzip

    # the exact Ivanka lies 80 km from the qualifying city, a village of the register
    # placed at its community's centre 30 km from it: both lie in the named region, and
    # the exactly placed one wins
    with gzip.open(tmp_path / "main.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("admin1\tNorth\tUKR\tNorth\t\t50.5\t30.5\t9000\t9000\tnorth\n")
        handle.write("city\tNorth\tUKR\tNorth\t\t50.45\t30.5\t9000\t9000\tnorth\n")
        handle.write("city\tIvanka\tUKR\tNorth\t\t51.17\t30.5\t700\t700\tivanka\n")
    with gzip.open(tmp_path / "extra.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("city\tIvanka\tUKR\tNorth\t\t50.72\t30.5\t0\t100\tivanka\n")
    gazetteer = Gazetteer.from_file(
        tmp_path / "main.tsv.gz", approximate=[tmp_path / "extra.tsv.gz"]
    )
    place = gazetteer.resolve("Ivanka, North", context_countries=["UKR"])
    assert place is not None and not place.approximate


def test_places_spelling_variant_of_a_big_place_without_context() -> None:
    gazetteer = _gazetteer(
        (_place("Qamishli", "SYR", "city", 180_000, "Hasakah"), []),
        (_place("Kamashly", "TKM", "city", 900, "Lebap"), []),  # a village: too small
    )
    place = gazetteer.resolve("Quamishli city")
    assert place is not None and place.country == "SYR"
    assert gazetteer.resolve("Kamashli") is None or gazetteer.resolve("Kamashli").country == "SYR"


def test_places_spelling_variant_with_a_kind_word_in_context() -> None:
    gazetteer = _gazetteer((_place("Kot Diji", "PAK", "city", 8_000, "Sindh"), []))
    place = gazetteer.resolve("Kotdiji town", context_countries=["PAK"])
    assert place is not None and place.name == "Kot Diji"
    assert gazetteer.resolve("Kotdiji town") is None  # too small to guess at with no context


# --- the build of the Ukrainian register table -------------------------------------------


def _ukraine_build():
    import importlib.util
    import sys
    from pathlib import Path

    import eventwatch.resolve.places as places

    path = Path(places.__file__).parent / "data" / "build_gazetteer_ukraine.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer_ukraine", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("cyrillic", "official", "variant"),
    [
        ("Мар'їнка", "Marinka", "Maryinka"),
        ("Водяне", "Vodiane", "Vodyane"),
        ("Ясинувата", "Yasynuvata", "Yasynuvata"),
        ("Згурівка", "Zghurivka", "Zghurivka"),
        ("Щастя", "Shchastia", "Shchastya"),
        ("Нью-Йорк", "Niu-York", "Nyu-York"),
    ],
)
def test_places_ukrainian_names_romanised_officially_and_in_the_common_variant(
    cyrillic: str, official: str, variant: str
) -> None:
    build = _ukraine_build()
    assert build.romanize(cyrillic) == official
    assert build.romanize(cyrillic, variant=True) == variant


def test_places_spelling_variant_of_a_village_in_the_regions_in_play() -> None:
    gazetteer = _gazetteer((_located("Dolomitne", "East", 48.3, 38.0, 100), []))
    assert gazetteer.resolve("Dolomytne", context_countries=["UKR"]) is None  # too small
    place = gazetteer.resolve(
        "Dolomytne", context_countries=["UKR"], context_regions=[("UKR", "East")]
    )
    assert place is not None and place.name == "Dolomitne"


def test_places_country_weights_take_the_reading_the_qualifiers_fit_best() -> None:
    # only Pakistan's Hyderabad also goes by "Hyderabad City", but "TS" (Telangana) and
    # the district fit the Indian city
    weights = default_gazetteer().country_weights("Hyderabad city, Hyderabad, TS")
    assert max(weights, key=weights.get) == "IND"


def test_places_country_weights_read_a_spelling_variant_of_a_big_place() -> None:
    gazetteer = _gazetteer(
        (_place("Qalqilya", "PSE", "city", 50_000, "West Bank"), []),
        (_place("Kalkilo", "XXX", "city", 900, "Somewhere"), []),
    )
    assert gazetteer.country_weights("Qalqiliyah") == {"PSE": 0.5}
    assert list(gazetteer.country_weights("Qalqilya")) == ["PSE"]
    assert gazetteer.country_weights("Zzyzx") == {}


def test_places_qualifier_with_a_direction_names_the_country() -> None:
    place = resolve("Dahuk, Northern Iraq", context_countries=["IRQ"])
    assert place is not None and place.kind == "city" and place.admin1 == "Dahuk"
    place = resolve("Haftanin region, Dahuk, Northern Iraq", context_countries=["IRQ"])
    assert place is not None and place.kind != "country" and place.country == "IRQ"


def test_places_a_capital_outranks_a_namesake_of_like_size() -> None:
    gazetteer = _gazetteer(
        (_place("Puerto Rico", "PRI", "country", 3_000_000), []),
        (_place("San Juan", "PRI", "city", 400_000, "San Juan"), []),
        (_place("San Juan", "ARG", "city", 450_000, "San Juan"), []),
    )
    place = gazetteer.lookup("San Juan")
    assert place is not None and place.country == "PRI"
    weights = gazetteer.country_weights("San Juan")
    assert weights["PRI"] > weights["ARG"]


def test_places_a_qualifier_naming_the_towns_own_division_fits_it() -> None:
    gazetteer = _gazetteer(
        (_place("Kati", "MLI", "city", 130_000, "Koulikoro"), []),
        (Place("Kati", "TZA", "Zanzibar", 0.0, 0.0, "admin2", 4_000, "Kati"), []),
    )
    place = gazetteer.resolve("Kati, Kati Commune", context_countries=["MLI"])
    assert place is not None and (place.country, place.kind) == ("MLI", "city")


def test_places_country_weights_drop_a_namesake_the_qualifiers_contradict() -> None:
    # no Ilya lies near Sidon: the one in Belarus is not meant, Sidon is
    weights = default_gazetteer().country_weights("Ilya, Sidon")
    assert max(weights, key=weights.get) == "LBN"
    # a region named with a town it does not hold is still the region
    weights = default_gazetteer().country_weights("Michoacan, Xyzzy Normal")
    assert max(weights, key=weights.get) == "MEX"
