"""Words that signal events, and the ontology they map to.

Each trigger lemma has one or more senses: (PLOVER type or extension, mode, the
part of speech it must have, the ACLED event/sub-event type, and an optional
condition the extractor checks on the parse).  Conditions:

- ``obj_person``: the word's object or possessor is a person or an office holder
  ("fired Tashiev", "the dismissal of the head"), not a thing ("fired shots").
- ``obj_power``: the object is power, the government or control ("seize power").
- ``obj_weapon``: the object is weapons, arms, drugs or property.
- ``obj_sanction``: the object is sanctions, aid, ties, an embassy or an agreement.
- ``no_air``: not part of "air strike" / "drone strike" (a labour strike).
- ``court``: a court, judge or sentence is in the sentence.
- ``foiled``: governed by a verb of prevention, or itself a plot noun.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACLED_TYPES",
    "Sense",
    "TRIGGERS",
    "FOIL_VERBS",
    "PLOT_NOUNS",
]


@dataclass(frozen=True, slots=True)
class Sense:
    event_type: str
    mode: str | None
    pos: str  # "VERB", "NOUN" or "ANY"
    acled: tuple[str, str] | None = None
    condition: str | None = None
    weight: float = 0.7


ARRESTS = ("Strategic developments", "Arrests")
OTHER_DEV = ("Strategic developments", "Other")
WEAPONS = ("Strategic developments", "Disrupted weapons use")
PEACEFUL = ("Protests", "Peaceful protest")
VIOLENT_DEMO = ("Riots", "Violent demonstration")
MOB = ("Riots", "Mob violence")
CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SUICIDE = ("Explosions/Remote violence", "Suicide bomb")
GRENADE = ("Explosions/Remote violence", "Grenade")
AGREEMENT = ("Strategic developments", "Agreement")
PROPERTY = ("Strategic developments", "Looting/property destruction")
OVERTAKE = ("Battles", "Non-state actor overtakes territory")
REGAIN = ("Battles", "Government regains territory")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")

ACLED_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


def _senses(*items: tuple) -> list[Sense]:
    return [Sense(*item) for item in items]


TRIGGERS: dict[str, list[Sense]] = {
    # --- COUP (extension): irregular seizure of executive power -------------------
    "coup": _senses(("COUP", None, "ANY", OTHER_DEV, None, 0.9)),
    "putsch": _senses(("COUP", None, "ANY", OTHER_DEV, None, 0.9)),
    "seize": _senses(
        ("ASSAULT", None, "VERB", OVERTAKE, "territory", 0.8),
        ("COUP", None, "VERB", OTHER_DEV, "obj_power", 0.85),
        ("COERCE", "seize", "VERB", WEAPONS, "obj_weapon", 0.7),
    ),
    "seizure": _senses(
        ("COUP", None, "NOUN", OTHER_DEV, "obj_power", 0.85),
        ("COERCE", "seize", "NOUN", WEAPONS, "obj_weapon", 0.65),
    ),
    "overthrow": _senses(("COUP", None, "ANY", OTHER_DEV, None, 0.8)),
    "topple": _senses(("COUP", "realized", "VERB", OTHER_DEV, "obj_person", 0.75)),
    "oust": _senses(
        ("COUP", "realized", "VERB", OTHER_DEV, "ousted_not_by_court", 0.7),
        ("OFFICE", "dismiss", "VERB", None, "obj_person", 0.65),
    ),
    "plot": _senses(("COUP", "conspiracy", "NOUN", OTHER_DEV, "foiled_power_plot", 0.6)),
    "conspiracy": _senses(("COUP", "conspiracy", "NOUN", OTHER_DEV, "foiled_power_plot", 0.6)),
    "put": _senses(("COUP", "realized", "VERB", OTHER_DEV, "end_to_power", 0.7)),
    "uprising": _senses(("COUP", "conspiracy", "NOUN", OTHER_DEV, "foiled", 0.6)),
    "mutiny": _senses(("COUP", "attempt", "ANY", OTHER_DEV, None, 0.7)),
    # --- OFFICE (extension): who holds a state post ------------------------------
    "appoint": _senses(("OFFICE", "appoint", "VERB", None, None, 0.8)),
    "appointment": _senses(("OFFICE", "appoint", "NOUN", None, "obj_person", 0.7)),
    "nominate": _senses(("OFFICE", "appoint", "VERB", None, None, 0.6)),
    "name": _senses(("OFFICE", "appoint", "VERB", None, "named_as", 0.6)),
    "elect": _senses(("OFFICE", "elect", "VERB", None, "obj_person", 0.75)),
    "resign": _senses(("OFFICE", "resign", "VERB", None, None, 0.85)),
    "resignation": _senses(("OFFICE", "resign", "NOUN", None, None, 0.8)),
    "step": _senses(("OFFICE", "resign", "VERB", None, "step_down", 0.8)),
    "successor": _senses(("OFFICE", "appoint", "NOUN", None, "successor_named", 0.6)),
    "replace": _senses(("OFFICE", "appoint", "VERB", None, "replace_with_person", 0.6)),
    "end": _senses(("OFFICE", "dismiss", "VERB", None, "end_tenure", 0.6)),
    "dismiss": _senses(("OFFICE", "dismiss", "VERB", None, "obj_person", 0.85)),
    "dismissal": _senses(("OFFICE", "dismiss", "NOUN", None, None, 0.8)),
    "firefight": _senses(("ASSAULT", "firearms", "NOUN", CLASH, None, 0.8)),
    "gunfight": _senses(("ASSAULT", "firearms", "NOUN", CLASH, None, 0.8)),
    "gunbattle": _senses(("ASSAULT", "firearms", "NOUN", CLASH, None, 0.8)),
    "shootout": _senses(("ASSAULT", "firearms", "NOUN", CLASH, None, 0.8)),
    "shoot-out": _senses(("ASSAULT", "firearms", "NOUN", CLASH, None, 0.8)),
    "battle": _senses(("ASSAULT", None, "NOUN", CLASH, "not_figurative", 0.6)),
    "fight": _senses(("ASSAULT", None, "ANY", CLASH, "armed_fight", 0.6)),
    "shot": _senses(("ASSAULT", "firearms", "NOUN", CLASH, "observed_shots", 0.6)),
    "execute": _senses(("ASSAULT", "firearms", "VERB", ATTACK, "obj_person", 0.75)),
    "find": _senses(("ASSAULT", None, "VERB", ATTACK, "found_dead", 0.65)),
    "establish": _senses(
        (
            "MOBILIZE",
            "troops",
            "VERB",
            ("Strategic developments", "Headquarters or base established"),
            "obj_base",
            0.6,
        )
    ),
    "defect": _senses(
        (
            "MOBILIZE",
            None,
            "VERB",
            ("Strategic developments", "Change to group/activity"),
            None,
            0.6,
        )
    ),
    "assault": _senses(("ASSAULT", "beat", "ANY", ATTACK, "not_adjective", 0.75)),
    "torture": _senses(("ASSAULT", "beat", "ANY", ATTACK, None, 0.75)),
    "behead": _senses(("ASSAULT", "primitive", "VERB", ATTACK, None, 0.8)),
    "hack": _senses(("ASSAULT", "primitive", "VERB", ATTACK, "to_death", 0.75)),
    "gun": _senses(("ASSAULT", "firearms", "VERB", ATTACK, None, 0.75)),
    "fall": _senses(("ASSAULT", "explosives", "VERB", SHELLING, "subj_projectile", 0.65)),
    "land": _senses(("ASSAULT", "explosives", "VERB", SHELLING, "subj_projectile", 0.65)),
    "hit": _senses(("ASSAULT", None, "VERB", ATTACK, "subj_weapon", 0.6)),
    "burst": _senses(("ASSAULT", "firearms", "NOUN", CLASH, "of_fire", 0.6)),
    "procession": _senses(("PROTEST", "march", "NOUN", PEACEFUL, "protest_setting", 0.6)),
    "chain": _senses(("PROTEST", "demo", "NOUN", PEACEFUL, "human_chain", 0.65)),
    "dharna": _senses(("PROTEST", "demo", "NOUN", PEACEFUL, None, 0.75)),
    "pelt": _senses(("ASSAULT", "primitive", "VERB", MOB, None, 0.7)),
    "hurl": _senses(("ASSAULT", "primitive", "VERB", MOB, "obj_missile", 0.6)),
    "scuffle": _senses(("ASSAULT", "beat", "ANY", MOB, None, 0.6)),
    "brawl": _senses(("ASSAULT", "beat", "ANY", MOB, None, 0.6)),
    "set": _senses(
        ("ASSAULT", None, "VERB", PROPERTY, "set_alight", 0.7),
        (
            "MOBILIZE",
            "troops",
            "VERB",
            ("Strategic developments", "Headquarters or base established"),
            "set_up_base",
            0.6,
        ),
    ),
    "capture": _senses(("ASSAULT", None, "ANY", OVERTAKE, "territory", 0.8)),
    "overrun": _senses(("ASSAULT", None, "VERB", OVERTAKE, "territory", 0.8)),
    "occupy": _senses(("ASSAULT", None, "VERB", OVERTAKE, "territory", 0.65)),
    "recapture": _senses(("ASSAULT", None, "ANY", REGAIN, "territory", 0.85)),
    "retake": _senses(("ASSAULT", None, "VERB", REGAIN, "territory", 0.85)),
    "regain": _senses(("ASSAULT", None, "VERB", REGAIN, "territory", 0.8)),
    "liberate": _senses(("ASSAULT", None, "VERB", REGAIN, "territory", 0.8)),
    "hand": _senses(("RETREAT", "withdraw", "VERB", TRANSFER, "hand_over_territory", 0.7)),
    "destroy": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_property", 0.6)),
    "defuse": _senses(("COERCE", "seize", "VERB", WEAPONS, None, 0.75)),
    "intercept": _senses(("COERCE", "seize", "VERB", WEAPONS, "obj_weapon", 0.7)),
    "exchange": _senses(("ASSAULT", "firearms", "VERB", CLASH, "obj_fire", 0.8)),
    "bombard": _senses(("ASSAULT", "explosives", "VERB", SHELLING, None, 0.8)),
    "pound": _senses(("ASSAULT", "explosives", "VERB", SHELLING, "obj_place_or_force", 0.6)),
    "target": _senses(("ASSAULT", None, "VERB", ATTACK, "violent_cause", 0.6)),
    "projectile": _senses(("ASSAULT", "explosives", "NOUN", SHELLING, None, 0.6)),
    "torch": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.7)),
    "burn": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_property", 0.6)),
    "vandalize": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.65)),
    "vandalise": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.65)),
    "loot": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.65)),
    "ransack": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.65)),
    "demolish": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_property", 0.55)),
    "rape": _senses(
        ("ASSAULT", None, "ANY", ("Violence against civilians", "Sexual violence"), None, 0.8)
    ),
    "barricade": _senses(("PROTEST", "demo", "VERB", PEACEFUL, None, 0.6)),
    "block": _senses(("PROTEST", "demo", "VERB", PEACEFUL, "obj_road", 0.6)),
    "gather": _senses(("PROTEST", "demo", "VERB", PEACEFUL, "gather_demand", 0.6)),
    "picket": _senses(("PROTEST", "demo", "ANY", PEACEFUL, None, 0.7)),
    "patrol": _senses(("MOBILIZE", "troops", "ANY", None, "joint_patrol", 0.55)),
    "fire": _senses(
        ("OFFICE", "dismiss", "VERB", None, "obj_person", 0.8),
        ("ASSAULT", "firearms", "VERB", ATTACK, "fire_on", 0.7),
        ("ASSAULT", "firearms", "NOUN", ATTACK, "opened_fire", 0.75),
    ),
    "sack": _senses(("OFFICE", "dismiss", "VERB", None, "obj_person", 0.75)),
    "sacking": _senses(("OFFICE", "dismiss", "ANY", None, "obj_person", 0.7)),
    "remove": _senses(
        ("COUP", "realized", "VERB", OTHER_DEV, "from_power", 0.8),
        ("OFFICE", "dismiss", "VERB", None, "obj_person", 0.6),
    ),
    "removal": _senses(("OFFICE", "dismiss", "NOUN", None, "obj_person", 0.6)),
    "purge": _senses(("OFFICE", "dismiss", "ANY", None, None, 0.6)),
    "relieve": _senses(("OFFICE", "dismiss", "VERB", None, "obj_person", 0.6)),
    # --- COERCE -------------------------------------------------------------------
    "arrest": _senses(("COERCE", "arrest", "ANY", ARRESTS, None, 0.8)),
    "detain": _senses(("COERCE", "arrest", "VERB", ARRESTS, None, 0.8)),
    "confine": _senses(("COERCE", "arrest", "VERB", ARRESTS, "obj_person", 0.6)),
    "reinforce": _senses(
        (
            "MOBILIZE",
            "troops",
            "VERB",
            ("Strategic developments", "Change to group/activity"),
            "obj_troops_or_position",
            0.6,
        )
    ),
    "reinforcement": _senses(
        (
            "MOBILIZE",
            "troops",
            "NOUN",
            ("Strategic developments", "Change to group/activity"),
            None,
            0.6,
        )
    ),
    "detention": _senses(("COERCE", "arrest", "NOUN", ARRESTS, "not_place", 0.8)),
    "apprehend": _senses(("COERCE", "arrest", "VERB", ARRESTS, None, 0.8)),
    "jail": _senses(("COERCE", "arrest", "VERB", ARRESTS, None, 0.6)),
    "imprison": _senses(("COERCE", "arrest", "VERB", ARRESTS, None, 0.6)),
    "confiscate": _senses(("COERCE", "seize", "VERB", WEAPONS, None, 0.7)),
    "uncover": _senses(("COERCE", "seize", "VERB", WEAPONS, "obj_weapon", 0.6)),
    "recover": _senses(("COERCE", "seize", "VERB", WEAPONS, "obj_weapon", 0.5)),
    "raid": _senses(
        ("ASSAULT", "aerial", "NOUN", AIR, "air", 0.75),
        ("COERCE", "arrest", "ANY", ARRESTS, None, 0.55),
    ),
    "custody": _senses(("COERCE", "arrest", "NOUN", ARRESTS, "into_custody", 0.8)),
    "ban": _senses(("COERCE", "ban", "ANY", None, None, 0.6)),
    "outlaw": _senses(("COERCE", "ban", "VERB", None, None, 0.6)),
    "curfew": _senses(("COERCE", "ban", "NOUN", None, None, 0.6)),
    "deport": _senses(("COERCE", "deport", "VERB", None, None, 0.7)),
    "deportation": _senses(("COERCE", "deport", "NOUN", None, None, 0.7)),
    "censor": _senses(("COERCE", "censor", "VERB", None, None, 0.6)),
    # --- ASSAULT ------------------------------------------------------------------
    "attack": _senses(("ASSAULT", None, "ANY", ATTACK, None, 0.7)),
    "kill": _senses(("ASSAULT", None, "VERB", ATTACK, None, 0.75)),
    "shoot": _senses(
        ("COERCE", "seize", "VERB", WEAPONS, "shot_down", 0.7),
        ("ASSAULT", "firearms", "VERB", ATTACK, None, 0.8),
    ),
    "shooting": _senses(("ASSAULT", "firearms", "NOUN", ATTACK, None, 0.75)),
    "assassinate": _senses(("ASSAULT", None, "VERB", ATTACK, None, 0.85)),
    "assassination": _senses(("ASSAULT", None, "NOUN", ATTACK, None, 0.8)),
    "elimination": _senses(("ASSAULT", None, "NOUN", ATTACK, "obj_person", 0.6)),
    "murder": _senses(("ASSAULT", None, "ANY", ATTACK, None, 0.75)),
    "massacre": _senses(("ASSAULT", None, "ANY", ATTACK, None, 0.8)),
    "beat": _senses(("ASSAULT", "beat", "VERB", ATTACK, "obj_person_or_up", 0.7)),
    "stab": _senses(("ASSAULT", "primitive", "VERB", ATTACK, None, 0.75)),
    "lynch": _senses(("ASSAULT", "beat", "VERB", MOB, None, 0.75)),
    "abduct": _senses(("ASSAULT", "abduct", "VERB", ABDUCTION, None, 0.8)),
    "kidnap": _senses(("ASSAULT", "abduct", "VERB", ABDUCTION, None, 0.8)),
    "abduction": _senses(("ASSAULT", "abduct", "NOUN", ABDUCTION, None, 0.75)),
    "bomb": _senses(("ASSAULT", "explosives", "ANY", IED, "real_bomb", 0.75)),
    "bombing": _senses(("ASSAULT", "explosives", "NOUN", IED, None, 0.8)),
    "explosion": _senses(("ASSAULT", "explosives", "NOUN", IED, None, 0.6)),
    "blast": _senses(("ASSAULT", "explosives", "NOUN", IED, None, 0.6)),
    "grenade": _senses(("ASSAULT", "explosives", "NOUN", GRENADE, "real_bomb", 0.6)),
    "shell": _senses(("ASSAULT", "explosives", "VERB", SHELLING, None, 0.75)),
    "shelling": _senses(("ASSAULT", "explosives", "NOUN", SHELLING, None, 0.8)),
    "airstrike": _senses(("ASSAULT", "aerial", "NOUN", AIR, None, 0.85)),
    "strike": _senses(
        ("ASSAULT", "aerial", "NOUN", AIR, "air", 0.8),
        ("PROTEST", "strike", "ANY", PEACEFUL, "labour", 0.65),
        ("ASSAULT", None, "ANY", AIR, "hit_target", 0.6),
    ),
    "wound": _senses(("ASSAULT", None, "VERB", ATTACK, "not_adjective", 0.5)),
    "injure": _senses(("ASSAULT", None, "VERB", ATTACK, "violent_cause", 0.45)),
    "clash": _senses(("ASSAULT", None, "ANY", CLASH, None, 0.85)),
    "fighting": _senses(("ASSAULT", None, "NOUN", CLASH, None, 0.6)),
    "ambush": _senses(("ASSAULT", "firearms", "ANY", CLASH, None, 0.75)),
    "violence": _senses(("PROTEST", "riot", "NOUN", MOB, "mob", 0.6)),
    # --- PROTEST ------------------------------------------------------------------
    "protest": _senses(("PROTEST", "demo", "ANY", PEACEFUL, None, 0.8)),
    "demonstrate": _senses(("PROTEST", "demo", "VERB", PEACEFUL, None, 0.7)),
    "demonstration": _senses(("PROTEST", "demo", "NOUN", PEACEFUL, None, 0.75)),
    "rally": _senses(("PROTEST", "demo", "ANY", PEACEFUL, None, 0.7)),
    "march": _senses(("PROTEST", "march", "ANY", PEACEFUL, "not_month", 0.6)),
    "riot": _senses(("PROTEST", "riot", "ANY", VIOLENT_DEMO, None, 0.8)),
    "unrest": _senses(("PROTEST", "riot", "NOUN", VIOLENT_DEMO, "dated_occasion", 0.55)),
    "sit-in": _senses(("PROTEST", "demo", "NOUN", PEACEFUL, None, 0.7)),
    "boycott": _senses(("PROTEST", "boycott", "ANY", None, None, 0.6)),
    # --- SANCTION (including court sentences: mode convict) ----------------------
    "sanction": _senses(("SANCTION", "embargo", "ANY", None, None, 0.75)),
    "embargo": _senses(("SANCTION", "embargo", "ANY", None, None, 0.75)),
    "sentence": _senses(("SANCTION", "convict", "ANY", None, "court", 0.85)),
    "convict": _senses(("SANCTION", "convict", "VERB", None, None, 0.8)),
    "conviction": _senses(("SANCTION", "convict", "NOUN", None, "court", 0.7)),
    "expel": _senses(("SANCTION", "expel", "VERB", None, None, 0.7)),
    "suspend": _senses(("SANCTION", "discontinue", "VERB", None, "obj_sanction", 0.6)),
    "sever": _senses(("SANCTION", "discontinue", "VERB", None, "obj_sanction", 0.7)),
    # --- ACCUSE -------------------------------------------------------------------
    "accuse": _senses(("ACCUSE", "allege", "VERB", None, None, 0.75)),
    "blame": _senses(("ACCUSE", "allege", "VERB", None, None, 0.7)),
    "charge": _senses(("ACCUSE", "allege", "VERB", None, "charged_with", 0.7)),
    "condemn": _senses(("ACCUSE", "disapprove", "VERB", None, None, 0.7)),
    "criticize": _senses(("ACCUSE", "disapprove", "VERB", None, None, 0.65)),
    "criticise": _senses(("ACCUSE", "disapprove", "VERB", None, None, 0.65)),
    "denounce": _senses(("ACCUSE", "disapprove", "VERB", None, None, 0.7)),
    "investigate": _senses(("ACCUSE", "investigate", "VERB", None, None, 0.6)),
    "investigation": _senses(("ACCUSE", "investigate", "NOUN", None, "launched", 0.55)),
    # --- CONSULT ------------------------------------------------------------------
    "meet": _senses(("CONSULT", "meet", "VERB", None, "meet_person", 0.85)),
    "meeting": _senses(("CONSULT", "meet", "NOUN", None, "meet_person", 0.7)),
    "talk": _senses(("CONSULT", "meet", "NOUN", None, "plural_talks", 0.7)),
    "summit": _senses(("CONSULT", "meet", "NOUN", None, None, 0.6)),
    "visit": _senses(("CONSULT", "visit", "ANY", None, None, 0.75)),
    "trip": _senses(("CONSULT", "visit", "NOUN", None, "trip_to", 0.5)),
    "host": _senses(("CONSULT", "host", "VERB", None, "obj_person", 0.7)),
    "conversation": _senses(("CONSULT", "phone", "NOUN", None, "phone", 0.7)),
    # --- the cooperative types ----------------------------------------------------
    "agree": _senses(("AGREE", None, "VERB", AGREEMENT, "agree_to", 0.6)),
    "sign": _senses(("AGREE", None, "VERB", AGREEMENT, "obj_agreement", 0.7)),
    "reach": _senses(("AGREE", None, "VERB", AGREEMENT, "obj_agreement", 0.7)),
    "ceasefire": _senses(("AGREE", None, "NOUN", AGREEMENT, "not_violated", 0.6)),
    "truce": _senses(("AGREE", None, "NOUN", AGREEMENT, "not_violated", 0.6)),
    "accept": _senses(("AGREE", None, "VERB", None, "obj_proposal", 0.6)),
    "promise": _senses(("AGREE", None, "VERB", None, "with_complement", 0.55)),
    "pledge": _senses(("AGREE", None, "ANY", None, "with_complement", 0.55)),
    "vow": _senses(("AGREE", None, "VERB", None, "with_complement", 0.5)),
    "offer": _senses(("AGREE", None, "VERB", None, "with_complement", 0.5)),
    "commit": _senses(("AGREE", None, "VERB", None, "committed_to", 0.5)),
    "negotiate": _senses(("CONSULT", "meet", "VERB", None, "not_adjective", 0.6)),
    "negotiation": _senses(("CONSULT", "meet", "NOUN", None, None, 0.55)),
    "receive": _senses(("CONSULT", "host", "VERB", None, "obj_delegation", 0.6)),
    "support": _senses(("SUPPORT", None, "VERB", None, None, 0.55)),
    "back": _senses(("SUPPORT", None, "VERB", None, "obj_person", 0.5)),
    "welcome": _senses(("SUPPORT", None, "VERB", None, None, 0.5)),
    "commend": _senses(("SUPPORT", None, "VERB", None, None, 0.55)),
    "hail": _senses(("SUPPORT", None, "VERB", None, None, 0.5)),
    "recognize": _senses(("SUPPORT", None, "VERB", None, "obj_person", 0.5)),
    "recognise": _senses(("SUPPORT", None, "VERB", None, "obj_person", 0.5)),
    "collaborate": _senses(("COOPERATE", None, "VERB", None, None, 0.6)),
    "cooperation": _senses(("COOPERATE", None, "NOUN", None, "agreed_thing", 0.45)),
    "provide": _senses(("AID", "humanitarian", "VERB", None, "obj_aid_any", 0.55)),
    "donate": _senses(("AID", "humanitarian", "VERB", None, None, 0.6)),
    "supply": _senses(("AID", "military", "VERB", None, "obj_weapon", 0.6)),
    "grant": _senses(("AID", "humanitarian", "VERB", None, "obj_aid_any", 0.5)),
    "free": _senses(
        ("CONCEDE", "release", "VERB", None, "obj_person", 0.65),
        ("CONCEDE", "release", "ANY", None, "person_is_free", 0.55),
    ),
    "ease": _senses(("CONCEDE", None, "VERB", None, "obj_restriction", 0.55)),
    "lift": _senses(("CONCEDE", None, "VERB", None, "obj_restriction", 0.6)),
    "apologize": _senses(("CONCEDE", None, "VERB", None, None, 0.6)),
    "apologise": _senses(("CONCEDE", None, "VERB", None, None, 0.6)),
    "retreat": _senses(("RETREAT", "withdraw", "VERB", None, None, 0.6)),
    "withdrawal": _senses(("RETREAT", "withdraw", "NOUN", None, None, 0.55)),
    "pull": _senses(("RETREAT", "withdraw", "VERB", None, "pull_out", 0.6)),
    "disarm": _senses(("RETREAT", None, "VERB", None, None, 0.55)),
    "refuse": _senses(("REJECT", None, "VERB", None, None, 0.6)),
    "decline": _senses(("REJECT", None, "VERB", None, "with_complement", 0.5)),
    "veto": _senses(("REJECT", None, "ANY", None, None, 0.65)),
    "rebuff": _senses(("REJECT", None, "VERB", None, None, 0.6)),
    "ask": _senses(("REQUEST", None, "VERB", None, "real_request", 0.5)),
    "appeal": _senses(("REQUEST", None, "ANY", None, None, 0.5)),
    "request": _senses(("REQUEST", None, "ANY", None, None, 0.55)),
    "ultimatum": _senses(("THREATEN", None, "NOUN", None, None, 0.65)),
    "endorse": _senses(("SUPPORT", None, "VERB", None, None, 0.6)),
    "praise": _senses(("SUPPORT", None, "VERB", None, None, 0.55)),
    "cooperate": _senses(("COOPERATE", None, "VERB", None, None, 0.6)),
    "work": _senses(("COOPERATE", None, "VERB", None, "work_with", 0.5)),
    "aid": _senses(("AID", "humanitarian", "NOUN", None, "given", 0.55)),
    "send": _senses(
        ("AID", "military", "VERB", None, "obj_peacekeepers", 0.6),
        ("MOBILIZE", "troops", "VERB", None, "obj_troops", 0.6),
        ("AID", "humanitarian", "VERB", None, "obj_aid", 0.6),
    ),
    "close": _senses(("SANCTION", "embargo", "VERB", None, "obj_border", 0.6)),
    "pause": _senses(("SANCTION", "discontinue", "VERB", None, "obj_sanction", 0.6)),
    "halt": _senses(("SANCTION", "discontinue", "VERB", None, "obj_sanction", 0.6)),
    "freeze": _senses(("SANCTION", "embargo", "VERB", None, "obj_sanction", 0.6)),
    "cut": _senses(("SANCTION", "discontinue", "VERB", None, "obj_sanction", 0.55)),
    "turn": _senses(("REJECT", None, "VERB", None, "turn_away", 0.6)),
    "proclaim": _senses(("OFFICE", "appoint", "VERB", None, "named_as", 0.65)),
    "declare": _senses(("OFFICE", "appoint", "VERB", None, "named_as", 0.55)),
    "swear": _senses(("OFFICE", "appoint", "VERB", None, "sworn_in", 0.8)),
    "take": _senses(
        ("ASSAULT", None, "VERB", OVERTAKE, "territory", 0.75),
        ("COUP", None, "VERB", OTHER_DEV, "obj_power", 0.75),
        ("COERCE", "arrest", "VERB", ARRESTS, "into_custody", 0.8),
        ("PROTEST", "demo", "VERB", PEACEFUL, "to_the_streets", 0.7),
    ),
    "grab": _senses(
        ("COUP", None, "VERB", OTHER_DEV, "obj_power", 0.75),
        ("COERCE", "arrest", "VERB", ARRESTS, "seized_by_security", 0.6),
    ),
    "order": _senses(("SANCTION", "convict", "VERB", None, "ordered_to_serve", 0.7)),
    "term": _senses(("SANCTION", "convict", "NOUN", None, "prison_term", 0.6)),
    "discuss": _senses(("CONSULT", "phone", "VERB", None, "by_phone", 0.7)),
    "speak": _senses(("CONSULT", "phone", "VERB", None, "by_phone", 0.7)),
    "release": _senses(("CONCEDE", "release", "VERB", None, "obj_person", 0.65)),
    "pardon": _senses(("CONCEDE", "release", "ANY", None, None, 0.65)),
    "withdraw": _senses(("RETREAT", "withdraw", "VERB", None, "obj_troops", 0.6)),
    "demand": _senses(("REQUEST", None, "VERB", None, None, 0.6)),
    "urge": _senses(("REQUEST", None, "VERB", None, None, 0.55)),
    "call": _senses(
        ("CONSULT", "phone", "NOUN", None, "phone", 0.6),
        ("REQUEST", None, "VERB", None, "call_for", 0.55),
    ),
    "reject": _senses(("REJECT", None, "VERB", None, None, 0.6)),
    "threaten": _senses(("THREATEN", None, "VERB", None, None, 0.7)),
    "deploy": _senses(("MOBILIZE", None, "VERB", None, None, 0.65)),
    "mobilize": _senses(("MOBILIZE", None, "VERB", None, None, 0.6)),
    "mobilise": _senses(("MOBILIZE", None, "VERB", None, None, 0.6)),
    "introduction": _senses(("MOBILIZE", "troops", "NOUN", None, "obj_troops", 0.5)),
}

# Verbs whose object is an event that was stopped before it happened.
FOIL_VERBS = frozenset(
    [
        "thwart",
        "foil",
        "prevent",
        "block",
        "uncover",
        "avert",
        "suppress",
        "quash",
        "stop",
        "disrupt",
        "neutralize",
        "neutralise",
        "expose",
        "identify",
        "detect",
        "preempt",
        "foiled",
        "thwarted",
        "dismantle",
        "bust",
        "smash",
    ]
)
# Nouns that name a plan rather than a deed.
PLOT_NOUNS = frozenset(
    ["plot", "conspiracy", "plan", "plans", "preparation", "preparations", "scheme"]
)
# Verbs and nouns after which an event word names a standing rule, not a new event
# ("violating sanctions", "circumventing sanctions").
BACKGROUND_GOVERNORS = frozenset(
    "violate violation evade evasion circumvent circumventing bypass breach breaching "
    "skirt dodge loophole lift lifted ease relax scrap revoke repeal".split()
)
# Adverbs that make a clause a habit, not an event ("demonstrators have sometimes gathered").
HABITUAL_ADVERBS = frozenset(
    "sometimes often usually regularly frequently routinely typically generally always occasionally".split()
)
# Predicates that make a bare plural a habit, not an event ("arrests are commonplace").
GENERIC_PREDICATES = frozenset(
    [
        "common",
        "commonplace",
        "widespread",
        "frequent",
        "routine",
        "rare",
        "typical",
        "usual",
        "rampant",
        "endemic",
    ]
)
# Words that make "power" / "government" the object of a seizure.
POWER_WORDS = frozenset(
    ["power", "government", "control", "state", "presidency", "regime", "throne"]
)
WEAPON_WORDS = frozenset(
    [
        "weapon",
        "weapons",
        "arm",
        "arms",
        "firearm",
        "firearms",
        "ammunition",
        "explosive",
        "explosives",
        "gun",
        "guns",
        "rifle",
        "rifles",
        "grenade",
        "grenades",
        "drug",
        "drugs",
        "cache",
        "vest",
        "vests",
        "device",
        "devices",
        "munition",
        "munitions",
        "cocaine",
        "heroin",
        "property",
        "asset",
        "assets",
        "cash",
    ]
)
SANCTION_OBJECTS = frozenset(
    "sanction sanctions aid tie ties relation relations embassy agreement cooperation "
    "talks flight flights trade assistance programme programmes program programs funding "
    "loan loans export exports import imports asset assets account accounts".split()
)
AIR_WORDS = frozenset(
    "air drone drones warplane warplanes jet jets aircraft airstrike helicopter helicopters bomber bombers".split()
)
GUN_WORDS = frozenset(
    "gun guns shot shoot shooting gunfire gunmen gunman bullet bullets pellets fired rifle rifles sniper snipers".split()
)
EXPLOSIVE_WORDS = frozenset(
    "bomb bombs bombing explosion explosive explosives blast ied ieds rcied vbied artillery grenade grenades mine landmine shell shells shelling rocket rockets mortar".split()
)
BLADE_WORDS = frozenset("knife knives machete machetes stabbed stabbing axe".split())
BEAT_WORDS = frozenset("beaten beat beating clubs sticks batons".split())
LABOUR_WORDS = frozenset(
    "worker workers union unions teacher teachers doctors nurses miners drivers employees staff "
    "hunger walkout wage wages salary salaries pay pensions".split()
)
TROOP_WORDS = frozenset(
    ["troop", "troops", "force", "forces", "soldier", "soldiers", "army", "unit", "units"]
)
AGREEMENT_WORDS = frozenset(
    [
        "agreement",
        "deal",
        "treaty",
        "accord",
        "memorandum",
        "ceasefire",
        "pact",
        "contract",
        "declaration",
    ]
)
COURT_WORDS = frozenset(
    [
        "court",
        "tribunal",
        "judge",
        "judges",
        "prison",
        "jail",
        "sentence",
        "sentenced",
        "convicted",
        "guilty",
    ]
)
PHONE_WORDS = frozenset(["phone", "telephone", "call", "calls", "conversation", "conversations"])
