"""Trigger senses and parse rules for events that reports phrase indirectly (team's own sentences).

Checked on the mentions of one sentence, before resolution merges or retypes them.
"""

from __future__ import annotations

import pytest

from eventwatch.annotate import annotate, load_nlp
from eventwatch.config import Settings
from eventwatch.extract import EventMention, extract_document
from eventwatch.model import Document


def mentions_of(text: str) -> list[EventMention]:
    document = Document(id="t", text=text, published="2025-03-12", outlet="Test Wire")
    [adoc] = list(annotate([document], nlp=load_nlp(Settings().model)))
    return extract_document(adoc).mentions


def kinds(text: str) -> set[tuple[str, str | None]]:
    return {(m.event_type, m.mode) for m in mentions_of(text)}


def one(text: str, event_type: str, mode: str | None) -> EventMention:
    found = [m for m in mentions_of(text) if (m.event_type, m.mode) == (event_type, mode)]
    assert len(found) == 1, (text, kinds(text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("The interior minister had already stepped down on Monday.", "OFFICE", "resign"),
        ("Guards confined the president to his residence on Tuesday.", "COERCE", "arrest"),
        ("The minister's sacking came a day after the vote.", "OFFICE", "dismiss"),
        ("Saturday's unrest in the capital left ten injured.", "PROTEST", "riot"),
        ("Omar Diallo is free.", "CONCEDE", "release"),
        ("Rebels released 14 prisoners on Saturday.", "CONCEDE", "release"),
        (
            "The mutineers said they had put an end to the regime of President Ali Sow.",
            "COUP",
            "realized",
        ),
        (
            "Police said they had broken up a conspiracy to seize the presidential palace.",
            "COUP",
            "conspiracy",
        ),
        (
            "The High Court ordered the former minister to serve two years in prison.",
            "SANCTION",
            "convict",
        ),
        (
            "Omar Diallo and Anna Berg held a brief meeting in Geneva on Friday.",
            "CONSULT",
            "meet",
        ),
        (
            "Thousands of students blocked dozens of intersections across the city on Saturday.",
            "PROTEST",
            "demo",
        ),
    ],
)
def test_indirect_phrasings_give_an_event(text: str, event_type: str, mode: str) -> None:
    assert (event_type, mode) in kinds(text)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Officers grabbed the microphone from the speaker.", "COERCE", "arrest"),
        ("Omar Diallo is free to travel abroad.", "CONCEDE", "release"),
        ("The two sides put an end to the dispute over fishing rights.", "COUP", "realized"),
        ("The party held a meeting in Geneva.", "CONSULT", "meet"),
        ("Unrest has simmered in the region for years.", "PROTEST", "riot"),
        ("The season ended without a title for the club.", "OFFICE", "dismiss"),
        ("The minister stepped into the hall.", "OFFICE", "resign"),
    ],
)
def test_look_alike_phrasings_give_no_such_event(text: str, event_type: str, mode: str) -> None:
    assert (event_type, mode) not in kinds(text)


def test_successor_and_replacement_name_the_new_holder() -> None:
    successor = one("His successor, Anna Berg, is a former judge.", "OFFICE", "appoint")
    assert successor.recipient is not None and successor.recipient.text == "Anna Berg"
    text = "The president fired the defence minister and replaced him with General Omar Diallo."
    assert ("OFFICE", "dismiss") in kinds(text)
    appoint = one(text, "OFFICE", "appoint")
    assert appoint.recipient is not None and "Omar Diallo" in appoint.recipient.text


def test_a_court_removing_a_leader_is_a_dismissal_not_a_coup() -> None:
    for text in (
        "The Supreme Court removed the prime minister from office on Friday.",
        "The Supreme Court ousted the prime minister on Friday.",
    ):
        assert ("OFFICE", "dismiss") in kinds(text), kinds(text)
        assert not any(k[0] == "COUP" for k in kinds(text)), kinds(text)
    assert ("COUP", "realized") in kinds("Soldiers ousted President Ali Sow on Friday.")


def test_ending_a_premiership_dismisses_its_holder() -> None:
    mention = one(
        "A ruling by the judges ended the premiership of Anna Berg on Friday.", "OFFICE", "dismiss"
    )
    assert mention.recipient is not None and mention.recipient.text == "Anna Berg"


def test_grabbed_by_plain_clothes_men_is_an_arrest() -> None:
    mention = one(
        "Omar Diallo was grabbed by men in plain clothes outside his home.", "COERCE", "arrest"
    )
    assert mention.recipient is not None and mention.recipient.text == "Omar Diallo"


def test_a_foiled_plot_to_attack_the_presidency_is_a_coup_plot_not_an_attack() -> None:
    found = kinds(
        "The minister said the army had dismantled a plot by officers to attack the presidency."
    )
    assert ("COUP", "conspiracy") in found
    assert not any(k[0] == "ASSAULT" for k in found), found


def test_misparsed_object_before_a_later_clause() -> None:
    text = (
        "MINSK, May 3 (Wire) — The President on Tuesday dismissed Health Minister Ali "
        "Sowbekov, a week after a fire at a hospital killed six people."
    )
    mention = one(text, "OFFICE", "dismiss")
    assert mention.recipient is not None and "Sowbekov" in mention.recipient.text


def test_no_reason_for_a_dismissal_does_not_negate_it() -> None:
    text = "The press service gave no reason for the dismissal of the minister."
    assert one(text, "OFFICE", "dismiss").factuality == "asserted"
    assert one("Officials found no sign of an attack on the base.", "ASSAULT", None).factuality == (
        "negated"
    )


def types(text: str) -> set[str]:
    return {m.event_type for m in mentions_of(text)}


def acled_types(text: str) -> set[tuple[str, str] | None]:
    return {m.acled for m in mentions_of(text)}


# Nominal, passive and idiomatic wordings of violence and unrest (triggers_cues).
@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Residents said a shoot-out took place near the bus station.", "ASSAULT", "Armed clash"),
        ("Heavy mortar fire was heard across the eastern suburbs overnight.", "ASSAULT",
         "Shelling/artillery/missile attack"),
        ("Troops and insurgents were engaged in an exchange of fire near the dam.", "ASSAULT",
         "Armed clash"),
        ("The two militias exchanged artillery along the front line.", "ASSAULT", "Armed clash"),
        ("Gunmen on a motorbike shot dead a shopkeeper in the market.", "ASSAULT", "Attack"),
        ("A trader was beaten to death by a group of men on Tuesday.", "ASSAULT", "Attack"),
        ("Two severed human heads were found beside the highway.", "ASSAULT", "Attack"),
        ("The body of a young man was found in a ditch outside the town.", "ASSAULT", "Attack"),
        ("Unknown attackers threw a hand grenade at a police checkpoint.", "ASSAULT", "Grenade"),
        ("A roadside bomb exploded as the convoy passed the bridge.", "ASSAULT",
         "Remote explosive/landmine/IED"),
        ("Youths threw stones at police officers outside the stadium gates.", "ASSAULT",
         "Mob violence"),
        ("Ethnic violence erupted in the valley, leaving nine people dead.", "ASSAULT",
         "Armed clash"),
        ("A fist fight broke out between lawmakers during the budget debate.", "ASSAULT",
         "Mob violence"),
        ("Supporters of the two parties fought each other outside the polling station.",
         "ASSAULT", "Mob violence"),
        ("The rebels released 30 soldiers held as prisoners since March.", "CONCEDE", "Other"),
        ("Angry teachers booed the education minister at the ceremony.", "PROTEST",
         "Peaceful protest"),
        ("Farmers staged a road blockade on the national highway.", "PROTEST", "Peaceful protest"),
        ("Villagers blocked the entrance to the mine with stones and tyres.", "PROTEST",
         "Peaceful protest"),
        ("Foreign troops conducted a patrol along the northern border.", "MOBILIZE",
         "Change to group/activity"),
        ("Militants launched two rockets towards the airport.", "ASSAULT",
         "Shelling/artillery/missile attack"),
        ("Settlers uprooted dozens of olive trees near the village.", "ASSAULT",
         "Looting/property destruction"),
        ("Armed herders stole 40 cows from a farm near the river.", "COERCE",
         "Looting/property destruction"),
        ("A soldier raped a woman in the camp.", "ASSAULT", "Sexual violence"),
        ("Federal agents dismantled a cocaine laboratory on a ranch near the border.", "COERCE",
         "Looting/property destruction"),
    ],
)  # fmt: skip
def test_nominal_and_idiomatic_wordings_give_a_typed_event(
    text: str, event_type: str, sub_event_type: str
) -> None:
    found = {(m.event_type, (m.acled or ("", ""))[1]) for m in mentions_of(text)}
    assert (event_type, sub_event_type) in found, (text, found)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The shoot-out scene was filmed in a studio in the capital.", None),
        ("A fire broke out at the market overnight, destroying forty stalls.", "ASSAULT"),
        ("The minister came under fire from critics over the budget.", "ASSAULT"),
        ("The two leaders exchanged views on trade and security.", "ASSAULT"),
        ("The company released a statement on Monday.", "CONCEDE"),
        ("The businessman was released on bail after questioning.", "CONCEDE"),
        ("She threw a party for her colleagues.", "ASSAULT"),
        ("The singer was found dead of natural causes at his home.", "ASSAULT"),
        ("A body of evidence was found in the archive.", "ASSAULT"),
        ("Fans booed the referee at the end of the match.", "PROTEST"),
        ("Police blocked the entrance to the square with trucks.", "PROTEST"),
        ("The two candidates fought the election on the economy.", "ASSAULT"),
        ("The company launched a new phone in Lagos.", "ASSAULT"),
        ("Prices exploded after the drought.", "ASSAULT"),
        ("The meeting turned into a celebration.", "PROTEST"),
        ("The navy imposed a blockade on the port.", "PROTEST"),
        ("The agency seized the opportunity to expand.", "COERCE"),
        ("The team cut costs and destroyed old documents.", "ASSAULT"),
        ("The new government dismantled the old pension system.", "COERCE"),
        ("The president dismantled the very structure that could have rebelled.", "COERCE"),
    ],
)
def test_look_alikes_of_the_new_wordings_give_no_such_event(
    text: str, event_type: str | None
) -> None:
    found = types(text)
    assert (not found) if event_type is None else event_type not in found, (text, found)


def test_a_hyphenated_event_word_is_the_whole_trigger() -> None:
    clash = one("A shoot-out took place near the port on Sunday.", "ASSAULT", "firearms")
    assert clash.trigger[2] == "shoot-out"
