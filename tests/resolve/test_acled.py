"""ACLED typing: the rules' vote combined with the learned typer, and the helpers around it."""

from __future__ import annotations

import pytest

from eventwatch.config import Settings
from eventwatch.extract.mention import Argument, EventMention
from eventwatch.model import Document
from eventwatch.pipeline import process_documents
from eventwatch.resolve import acled
from eventwatch.resolve.acled import acled_type, event_category, event_context, inferred_type
from eventwatch.resolve.acled_reading import event_words


def _argument(text: str, label: str | None = None) -> Argument:
    return Argument(
        text=text, start=0, end=len(text), head_lemma=text.split()[-1].lower(), label=label
    )


def _mention(
    text: str,
    event_type: str,
    mode: str | None = None,
    *,
    acled: tuple[str, str] | None = None,
    actor: str | None = None,
    recipient: str | None = None,
) -> EventMention:
    return EventMention(
        doc_id="t",
        sentence_index=0,
        paragraph_index=0,
        sentence=(0, len(text), text),
        trigger=(0, 1, text.split()[0]),
        event_type=event_type,
        mode=mode,
        acled=acled,
        weight=0.7,
        actor=_argument(actor) if actor else None,
        recipient=_argument(recipient) if recipient else None,
    )


@pytest.mark.parametrize(
    ("text", "event_type", "mode", "actor", "recipient", "expected"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint, killing three soldiers.",
            "ASSAULT",
            "explosives",
            "bomber",
            "soldiers",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Government troops and rebels clashed near the border town.",
            "ASSAULT",
            None,
            "troops",
            "rebels",
            ("Battles", "Armed clash"),
        ),
        (
            "Unidentified gunmen shot dead a farmer in his field.",
            "ASSAULT",
            "firearms",
            "gunmen",
            "farmer",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Police fired live rounds at peaceful protesters, killing two.",
            "ASSAULT",
            "firearms",
            "Police",
            "protesters",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "Police fired tear gas at protesters who were throwing stones at them.",
            "ASSAULT",
            None,
            "Police",
            "protesters",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Arsonists attacked a chemical plant, causing damage to the factory.",
            "ASSAULT",
            None,
            "Arsonists",
            "plant",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "A mob lynched a man suspected of stealing a motorbike.",
            "ASSAULT",
            "beat",
            "mob",
            "man",
            ("Riots", "Mob violence"),
        ),
    ],
)
def test_acled_type_of_hand_built_mentions(
    text: str,
    event_type: str,
    mode: str | None,
    actor: str,
    recipient: str,
    expected: tuple[str, str],
) -> None:
    assert (
        acled_type(_mention(text, event_type, mode, actor=actor, recipient=recipient)) == expected
    )


@pytest.mark.parametrize(
    "text", ["Men seized two vehicles.", "Fighters took the goods from the warehouse."]
)
def test_acled_type_goods_seized_are_looting_not_disrupted_weapons(text: str) -> None:
    looting = ("Strategic developments", "Looting/property destruction")
    taken = _mention(text, "COERCE", "seize", acled=looting, actor=text.split()[1])
    assert acled_type(taken) == looting


def test_acled_type_and_category_none_when_the_text_reports_no_event() -> None:
    derby = "City beat United 3-1 in the derby clash on Sunday."
    assert acled_type(_mention(derby, "ASSAULT", actor="City", recipient="United")) is None
    assert event_category(_mention(derby, "ASSAULT", actor="City")) is None
    fight = "Rebels clashed with soldiers near the border on Sunday."
    assert acled_type(_mention(fight, "ASSAULT", actor="Rebels", recipient="soldiers")) == (
        "Battles",
        "Armed clash",
    )


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("FARDC", "Government regains territory"),
        ("ISIS fighters", "Non-state actor overtakes territory"),
    ],
)
def test_acled_type_the_taker_decides_the_territory_sub_type(actor: str, expected: str) -> None:
    text = f"{actor} took control of a militia stronghold after clashes, leaving 20 rebels dead."
    taken = _mention(
        text, "ASSAULT", acled=("Battles", "Non-state actor overtakes territory"), actor=actor
    )
    assert acled_type(taken) == ("Battles", expected)


def test_acled_type_reads_the_context_after_the_event() -> None:
    """A protest is peaceful until the next sentence says the police broke it up."""
    protest = _mention(
        "Farmers protested outside the district office.", "PROTEST", "demo", actor="Farmers"
    )
    assert acled_type(protest) == ("Protests", "Peaceful protest")
    context = "Farmers protested outside the district office. Police dispersed them with tear gas."
    assert acled_type(protest, context=context) == ("Protests", "Protest with intervention")


def test_acled_type_leaves_disasters_out() -> None:
    flood = _mention("Floods after torrential rains killed twelve people in the valley.", "ASSAULT")
    assert acled_type(flood) is None
    assert event_category(flood) == "Natural disaster"


def test_acled_type_none_for_events_acled_does_not_code() -> None:
    visit = _mention("The foreign minister visited Ankara for talks.", "CONSULT", "visit")
    assert acled_type(visit) is None
    assert event_category(visit) == "Diplomacy"


def test_event_category_none_for_political_violence() -> None:
    attack = _mention(
        "Militants attacked an army post, killing four soldiers.", "ASSAULT", actor="Militants"
    )
    assert event_category(attack) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("One. Two.\nThree. Four.\nFive.", 10, 16, "Three. Four."),
        ("Only line here.", 0, 15, "Only line here."),
    ],
)
def test_event_context_is_the_paragraph(text: str, start: int, end: int, expected: str) -> None:
    assert event_context(text, start, end) == expected


def test_event_context_cuts_a_long_paragraph_around_the_sentence() -> None:
    sentence = "Rebels seized the town."
    text = "Filler words here. " * 60 + sentence + " Then more. " * 60
    start = text.index(sentence)
    context = event_context(text, start, start + len(sentence), limit=200)
    assert sentence in context and len(context) <= 200


def _acled_of(text: str) -> set[tuple[str, str]]:
    [processed] = list(process_documents([Document(id="t", text=text)], settings=Settings()))
    return {(e.acled["event_type"], e.acled["sub_event_type"]) for e in processed.events if e.acled}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 June 2021, a grenade was thrown at a police post in Sopore, injuring two officers.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        (
            "Warplanes struck rebel positions near the town on Tuesday, killing four fighters.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Hundreds of teachers protested outside the education ministry on Monday to demand back pay.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Gunmen abducted 20 passengers from a bus on the highway, police said.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "Armed men stole 30 head of cattle from herders near the border on Friday.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Soldiers seized a cache of rifles and ammunition hidden in a farmhouse.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
    ],
)
def test_acled_type_end_to_end(text: str, expected: tuple[str, str]) -> None:
    assert expected in _acled_of(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Heavy rains flooded three districts and swept away hundreds of homes.",
            "Natural disaster",
        ),
        ("The two foreign ministers discussed trade and the border in Geneva.", "Diplomacy"),
        ("Hundreds of nurses marched to the ministry to demand unpaid wages.", "Peaceful protest"),
    ],
)
def test_inferred_type_reads_sentences_without_an_event_word(text: str, label: str) -> None:
    found, probability, _ = inferred_type(text)
    assert found == label
    assert 0.3 <= probability <= 1.0


class _GrenadeTyper:
    """A stand-in typer sure of "Grenade", then of "Attack", whatever the text."""

    def reading(self, text: str) -> tuple[dict[str, float], float]:
        from eventwatch.classify import LABELS

        scores = {label: 0.001 for label in LABELS}
        scores.update({"Grenade": 0.8, "Attack": 0.15})
        return scores, 0.0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Attackers threw a grenade at the police post.", "Grenade"),
        ("Attackers threw stones at the police post.", "Attack"),  # no grenade named
    ],
)
def test_inferred_type_needs_the_word_of_a_weapon_defined_sub_type(
    monkeypatch: pytest.MonkeyPatch, text: str, label: str
) -> None:
    monkeypatch.setattr(acled, "default_typer", _GrenadeTyper)
    assert inferred_type(text)[0] == label


@pytest.mark.parametrize(
    "text",
    [
        "Border guards fired warning shots into the air to turn back the herders.",
        "Soldiers fired in the air to scare off the crowd at the crossing.",
    ],
)
def test_acled_type_shots_into_the_air_are_no_air_strike(text: str) -> None:
    shots = _mention(text, "ASSAULT", "firearms", actor="guards")
    assert acled_type(shots) != ("Explosions/Remote violence", "Air/drone strike")


def test_acled_type_an_aircraft_named_is_still_an_air_strike() -> None:
    strike = _mention(
        "Warplanes fired missiles at rebel positions in the air raid.", "ASSAULT", "aerial"
    )
    assert acled_type(strike) == ("Explosions/Remote violence", "Air/drone strike")


def test_acled_type_killing_suicide_bombers_is_no_suicide_bombing_by_rule() -> None:
    """The rules give no suicide-bomb vote when the bombers are the ones hit."""
    killed = _mention(
        "Troops killed two suicide bombers near the base.",
        "ASSAULT",
        actor="Troops",
        recipient="suicide bombers",
    )
    words = event_words(killed.sentence[2])
    assert acled._rules(killed, words)[0] != ("Explosions/Remote violence", "Suicide bomb")
    struck = _mention(
        "A suicide bomber blew himself up at the gate of the base.", "ASSAULT", actor="bomber"
    )
    words = event_words(struck.sentence[2])
    assert acled._rules(struck, words)[0] == ("Explosions/Remote violence", "Suicide bomb")


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("government troops", ("Battles", "Government regains territory")),
        ("pro-government militia", ("Battles", "Government regains territory")),
        ("rebel fighters", ("Battles", "Non-state actor overtakes territory")),
        ("anti-government militants", ("Battles", "Non-state actor overtakes territory")),
    ],
)
def test_acled_type_rules_read_who_took_control(actor: str, expected: tuple[str, str]) -> None:
    """Ground taken by forces on the state's side is regained; by anyone else, overtaken."""
    taking = _mention(
        f"The {actor} took control of the district after a night of heavy fighting.",
        "ASSAULT",
        actor=actor,
    )
    words = event_words(taking.sentence[2])
    assert acled._rules(taking, words)[0] == expected


@pytest.mark.parametrize(
    ("actor", "lexicon_type", "expected"),
    [
        ("rebel fighters", acled._REGAIN_TYPE, acled._OVERTAKE_TYPE),
        ("Taliban fighters", acled._REGAIN_TYPE, acled._OVERTAKE_TYPE),
        ("the army", acled._REGAIN_TYPE, acled._REGAIN_TYPE),
        ("FARDC", acled._OVERTAKE_TYPE, acled._REGAIN_TYPE),
        ("armed men", acled._OVERTAKE_TYPE, acled._OVERTAKE_TYPE),
    ],
)
def test_acled_type_rules_recapture_by_rebels_is_overtaking(
    actor: str, lexicon_type: tuple[str, str], expected: tuple[str, str]
) -> None:
    """ "Recaptured" by rebels is still ground a non-state actor overtakes; state forces regain it."""
    taking = _mention(
        f"Yesterday {actor} recaptured the village after two days of fighting.",
        "ASSAULT",
        acled=lexicon_type,
        actor=actor,
    )
    words = event_words(taking.sentence[2])
    assert acled._rules(taking, words)[0] == expected


def test_event_words_water_cannon_is_no_artillery() -> None:
    """A water cannon is crowd control; a cannon alone stays a heavy weapon."""
    water = event_words("Police used water cannon and tear gas on the crowd.")
    assert "cannon" not in water
    assert "water-cannon" in water
    assert "cannon" in event_words("The rebels fired a cannon at the water tower.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Security forces fired water cannon to disperse the demonstrators on the bridge.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "Officers beat and injured students at a peaceful demonstration.",
            ("Protests", "Excessive force against protesters"),
        ),
    ],
)
def test_acled_type_rules_force_on_a_crowd(text: str, expected: tuple[str, str]) -> None:
    """Police or security forces using force on a crowd make a protest sub-type, not an attack."""
    used = _mention(text, "ASSAULT", actor=text.split(" fired")[0].split(" beat")[0])
    words = event_words(text)
    assert acled._rules(used, words)[0] == expected


def test_acled_type_rules_suppressed_protest_is_excessive_force() -> None:
    """A peaceful protest the authorities violently suppress is excessive force, not a peaceful one."""
    text = "The authorities violently suppressed a peaceful protest by teachers in the capital."
    protest = _mention(text, "PROTEST", "demo")
    assert acled._rules(protest, event_words(text))[0] == (
        "Protests",
        "Excessive force against protesters",
    )
    calm = "Teachers held a peaceful protest in the capital; police watched from a distance."
    protest = _mention(calm, "PROTEST", "demo")
    assert acled._rules(protest, event_words(calm))[0] == ("Protests", "Peaceful protest")


def _ruled(
    text: str, event_type: str = "ASSAULT", mode: str | None = None, **arguments: str
) -> tuple[str, str]:
    """The rules' answer for a one-sentence event, without the typer."""
    mention = _mention(text, event_type, mode, **arguments)
    ruled = acled._rules(mention, event_words(text))
    assert ruled is not None
    return ruled[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Separatist units fired heavy machine guns and anti-tank launchers at army positions "
            "outside the town.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "Separatist units fired mortars at army positions outside the town and the soldiers "
            "fired back.",
            ("Battles", "Armed clash"),
        ),
        (
            "Monitors counted forty explosions in both directions along the line near the town.",
            ("Battles", "Armed clash"),
        ),
        (
            "Separatist units fired mortars, heavy machine guns and small arms at army positions.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_acled_type_rules_heavy_weapons_one_sided_or_answered(
    text: str, expected: tuple[str, str]
) -> None:
    """Heavy weapons fired at positions shell them; answered fire or small arms make a battle."""
    assert _ruled(text, mode="explosives") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Militants threw a hand grenade at a police post and officers responded with gunfire.",
            ("Battles", "Armed clash"),
        ),
        (
            "Militants threw a hand grenade at a police post, wounding two officers.",
            ("Explosions/Remote violence", "Grenade"),
        ),
    ],
)
def test_acled_type_rules_answered_grenade_is_a_clash(text: str, expected: tuple[str, str]) -> None:
    """A grenade the targeted side answers with gunfire starts a clash; unanswered, it is a grenade."""
    assert _ruled(text, mode="explosives") == expected


@pytest.mark.parametrize(
    ("text", "recipient", "expected"),
    [
        (
            "Unknown gunmen shot dead a border police officer near the market.",
            "a border police officer",
            ("Battles", "Armed clash"),
        ),
        (
            "Unknown gunmen shot dead two militia members near the market.",
            "two militia members",
            ("Battles", "Armed clash"),
        ),
        (
            "Unknown gunmen shot dead an off-duty police officer outside his home.",
            "an off-duty police officer",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Unknown gunmen shot dead two party members near the market.",
            "two party members",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_acled_type_rules_armed_victim_makes_a_battle(
    text: str, recipient: str, expected: tuple[str, str]
) -> None:
    """Gunmen killing someone armed or on duty is a battle; off duty or unarmed, an attack."""
    assert _ruled(text, mode="firearms", actor="gunmen", recipient=recipient) == expected


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        (
            "Hundreds of residents clashed with police near the market.",
            "residents",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Clan militiamen clashed with villagers near the market; several people died.",
            "militiamen",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_acled_type_rules_armed_side_makes_a_clash_a_battle(
    text: str, actor: str, expected: tuple[str, str]
) -> None:
    """A fight is a riot when only civilians are named, a battle when an armed group takes part."""
    assert _ruled(text, actor=actor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dozens of traders pelted police with stones, demanding that the market reopen.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Dozens of traders pelted police with stones after a man was detained at the market.",
            ("Riots", "Mob violence"),
        ),
    ],
)
def test_acled_type_riot_with_a_demand_is_a_demonstration(
    text: str, expected: tuple[str, str]
) -> None:
    """A violent crowd with a demand or grievance demonstrates; without one it is a mob."""
    mention = _mention(text, "ASSAULT", "primitive", actor="Dozens of traders", recipient="police")
    assert acled_type(mention) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A farmer was injured when an unexploded shell from the civil war went off in his field.",
            ("Strategic developments", "Other"),
        ),
        (
            "A farmer was injured when a landmine planted by the rebels went off in his field.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
    ],
)
def test_acled_type_rules_remnants_of_war_are_other(text: str, expected: tuple[str, str]) -> None:
    """Explosives left from a past war are "Other"; a newly planted mine is remote violence."""
    assert _ruled(text, mode="explosives", recipient="A farmer") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops killed two suicide bombers before they reached the checkpoint.",
            False,
        ),
        (
            "Two suicide bombers blew themselves up at the checkpoint, killing four troops.",
            True,
        ),
    ],
)
def test_acled_type_stopped_bombers_are_no_suicide_bombing(text: str, expected: bool) -> None:
    """Suicide bombers killed before they struck make no suicide bombing, whatever the typer reads."""
    mention = _mention(text, "ASSAULT", "explosives")
    typed = acled_type(mention)
    assert (typed == ("Explosions/Remote violence", "Suicide bomb")) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, government troops took control of the hill after clashes with the rebels.",
            acled._REGAIN_TYPE,
        ),
        (
            "On Monday, the rebels took control of the hill after clashes with government troops.",
            acled._OVERTAKE_TYPE,
        ),
    ],
)
def test_acled_type_rules_ground_taken_in_a_clash(text: str, expected: tuple[str, str]) -> None:
    """A clash in which ground changed hands is typed by who took it, read before "took control"."""
    assert _ruled(text) == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("Islamist militants", ("Violence against civilians", "Abduction/forced disappearance")),
        ("the police", ("Strategic developments", "Arrests")),
    ],
)
def test_acled_type_rules_arrest_by_armed_group_is_abduction(
    actor: str, expected: tuple[str, str]
) -> None:
    """Militants "arresting" people abduct them; the police arrest them."""
    text = f"{actor.capitalize()} arrested three shopkeepers in the town on Sunday."
    assert _ruled(text, "COERCE", "arrest", actor=actor, recipient="three shopkeepers") == expected
