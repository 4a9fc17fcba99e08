"""Find event triggers in a sentence and pick the sense the context supports."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwatch.extract.lexicon import (
    AGREEMENT_WORDS,
    AIR_WORDS,
    BACKGROUND_GOVERNORS,
    BEAT_WORDS,
    BLADE_WORDS,
    COURT_WORDS,
    EXPLOSIVE_WORDS,
    FOIL_VERBS,
    GENERIC_PREDICATES,
    GUN_WORDS,
    HABITUAL_ADVERBS,
    LABOUR_WORDS,
    PHONE_WORDS,
    PLOT_NOUNS,
    POWER_WORDS,
    SANCTION_OBJECTS,
    TROOP_WORDS,
    WEAPON_WORDS,
    Sense,
)
from eventwatch.extract.triggers_cue_conditions import (
    CUE_CONDITIONS,
    figurative_body,
    natural_death,
)
from eventwatch.extract.triggers_cues import hyphenated_trigger, senses_for
from eventwatch.extract.triggers_phrasal import (
    PHRASAL_CONDITIONS,
    QUANTITY_HEADS,
    court_subject,
    held_by_several,
    is_person,
    misparsed_object,
)

__all__ = ["Trigger", "assault_mode", "coup_mode", "find_triggers", "object_tokens"]

# Objects of "strike" that are no target ("struck a deal").
_FIRED_THINGS = frozenset(
    "shot bullet round rocket missile gas shell mortar artillery grenade gun weapon launcher cannon "
    "projectile rpg warning salvo".split()
)
_FORCE_WORDS = frozenset(
    "position positions force forces troop troops base bases village villages area areas town".split()
)
_PROPERTY_WORDS = frozenset(
    "house houses home homes vehicle vehicles car cars building buildings shop shops office offices "
    "bunker bunkers school schools church churches mosque mosques station stations property properties "
    "truck trucks bus buses tyre tyres tire tires crop crops field fields hut huts store stores".split()
)
_AGREED_THINGS = frozenset(
    "ceasefire truce terms plan proposal release exchange withdrawal framework roadmap".split()
)
_STRIKE_VERBS = frozenset("observe call hold stage launch begin declare end join announce".split())
_NOT_TARGETS = frozenset("deal agreement balance tone note chord bargain pose match".split())
_VIOLENCE_WORDS = frozenset("attack attacked attackers clashes riot riots violence assault".split())


def _names_no_aircraft(token: Token) -> bool:
    """An air word that names no aircraft: shots "into the air", a "suicide bomber"."""
    lower = token.lower_
    if lower not in AIR_WORDS or token.i == 0:
        return False
    before = token.doc[token.i - 1].lower_
    if lower in {"bomber", "bombers"}:
        return before == "suicide"
    if lower == "air" and before == "the" and token.i >= 2:
        return token.doc[token.i - 2].lower_ in {"in", "into", "to"}
    return False


def assault_mode(sentence: Span) -> str | None:
    """The means of an attack, read off the sentence's words (air, guns, explosives, blades, beatings)."""
    words = {t.lower_ for t in sentence if not _names_no_aircraft(t)}
    for mode, cues in (
        ("aerial", AIR_WORDS),
        ("explosives", EXPLOSIVE_WORDS),
        ("firearms", GUN_WORDS),
        ("primitive", BLADE_WORDS),
        ("beat", BEAT_WORDS),
    ):
        if words & cues:
            return mode
    return None


_POS = {"VERB": {"VERB"}, "NOUN": {"NOUN", "PROPN"}, "ANY": {"VERB", "NOUN", "PROPN", "ADJ"}}
# Entity labels inside which a word is a name, not an event ("Security Council").
_NAME_LABELS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "NORP"}


@dataclass(slots=True)
class Trigger:
    token: Token
    sense: Sense


def object_tokens(token: Token) -> list[Token]:
    """The things a trigger acts on: direct object, passive subject, "of"-complement, noun it modifies."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "on", "against", "to"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "poss" or child.dep_ == "xcomp" and child.pos_ in {"NOUN", "PROPN"}:
            found.append(child)
    if token.dep_ in {"amod", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        found.append(token.head)
    if token.dep_ == "compound":
        found.append(token.head)
    if token.dep_ == "conj" and not found and token.head.pos_ in {"NOUN", "PROPN"}:
        found.append(token.head)  # "employees … and dismissed during the purge"
    if token.dep_ == "conj" and not found:
        # "responsible for cybersecurity and dismissed during the purge": share the head's noun
        head = token.head
        if head.dep_ in {"amod", "acl", "relcl"} and head.head.pos_ in {"NOUN", "PROPN"}:
            found.append(head.head)
        found.extend(c for c in head.children if c.dep_ in {"dobj", "nsubjpass"})
    if not found and token.pos_ == "VERB":
        stray = misparsed_object(token)
        if stray is not None:
            found.append(stray)
    # "weapons, ammunition and vests were uncovered": take the conjuncts too
    extra = [c for t in found for c in t.conjuncts]
    return found + extra


_TERRAIN = frozenset(
    "town towns village villages city cities district districts area areas base bases airport region "
    "province territory county hill hills position positions camp neighbourhood neighborhood "
    "headquarters bridge crossing border stronghold strongholds locality localities site sites "
    "checkpoint checkpoints outpost outposts garrison port island".split()
)


def _place_name(token: Token) -> bool:
    """A place by its entity label or by its word ("the town", "a stronghold")."""
    return token.ent_type_ in {"GPE", "LOC", "FAC"} or token.lemma_.lower() in _TERRAIN


def _territory(objects: list[Token]) -> bool:
    """The object is a place, or control of a place: "seized the town", "took control of Kidal"."""
    for obj in objects:
        if obj.lemma_.lower() == "control":
            inner = [
                g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            ]
            if any(_place_name(g) for g in inner):
                return True
        elif _place_name(obj):
            return True
    return False


# Words that make a gathering a protest ("gathered … in rejection of", "… chanting slogans").
_GATHERING_CUES = frozenset(
    "protest demanding against slogans chanting chanted banners placards rejection solidarity "
    "denouncing condemning".split()
)
_PROTESTING_PEOPLE = frozenset("protester demonstrator activist".split())


def _condition_holds(condition: str | None, token: Token, sentence: Span) -> bool:
    """Check a sense's condition on the parse (see :mod:`eventwatch.extract.lexicon`)."""
    if condition is None:
        return True
    objects = object_tokens(token)
    lemmas = {t.lemma_.lower() for t in objects}
    words = {t.lower_ for t in sentence}
    if condition == "obj_person":
        return any(is_person(t) for t in objects)
    if condition == "obj_power":
        if lemmas & POWER_WORDS - {"control"}:
            return True
        # "took control of the government" is a coup; "took control of the town" is not
        if "control" not in lemmas:
            return False
        owned = {g.lemma_.lower() for t in objects for g in t.subtree}
        return bool(
            owned
            & {"government", "state", "country", "presidency", "palace", "parliament", "power"}
        )
    if condition == "territory":
        return _territory(objects)
    if condition == "hand_over_territory":
        return any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children) and _territory(
            objects
        )
    if condition == "set_up_base":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children) and bool(
            lemmas & {"base", "headquarters", "camp", "checkpoint", "outpost", "position", "post"}
        )
    if condition == "shot_down":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children) and bool(
            lemmas & {"drone", "missile", "rocket", "aircraft", "plane", "helicopter", "jet"}
        )
    if condition == "obj_weapon":
        return bool(lemmas & WEAPON_WORDS) or any(
            t.lemma_.lower() in WEAPON_WORDS for o in objects for t in o.subtree
        )
    if condition == "obj_troops_or_position":
        return bool(
            lemmas
            & (TROOP_WORDS | {"position", "positions", "base", "presence", "defence", "defense"})
        )
    if condition == "obj_sanction":
        return bool(lemmas & SANCTION_OBJECTS)
    if condition == "obj_troops":
        return bool(lemmas & TROOP_WORDS)
    if condition == "obj_agreement":
        return bool(lemmas & AGREEMENT_WORDS)
    if condition == "obj_invitation":
        return "invitation" in lemmas
    if condition == "court":
        return bool(words & COURT_WORDS) or token.pos_ == "VERB"
    if condition == "air":
        return any(c.lower_ in {"air", "drone", "missile", "aerial"} for c in token.children)
    if condition == "no_air":
        return not _condition_holds("air", token, sentence) and (
            token.pos_ != "VERB" or "worker" in words or "workers" in words
        )
    if condition == "not_place":
        return token.dep_ != "compound"
    if condition == "not_month":
        return token.ent_type_ != "DATE"
    if condition == "step_down":
        # "stepped down" (the parser may read "down" as a particle or an adverb), "stepped aside"
        return any(
            c.dep_ in {"prt", "advmod"} and c.lower_ in {"down", "aside"} and c.i == token.i + 1
            for c in token.children
        )
    if condition in PHRASAL_CONDITIONS:
        return PHRASAL_CONDITIONS[condition](token, objects)
    if condition in CUE_CONDITIONS:
        return CUE_CONDITIONS[condition](token, objects)
    if condition == "named_as":
        return (
            any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
            or any(
                c.dep_ in {"oprd", "ccomp"} and c.pos_ in {"NOUN", "PROPN"} for c in token.children
            )
            or (
                any(c.dep_ == "auxpass" for c in token.children)
                and any(
                    c.dep_ == "xcomp"
                    and c.lemma_.lower() in {"replace", "succeed", "head", "lead", "run"}
                    for c in token.children
                )
            )
            or any(c.lower_ in {"himself", "herself"} for c in token.children)
        )
    if condition == "fire_on":
        return any(
            c.dep_ == "prep" and c.lower_ in {"on", "at", "upon", "toward", "towards"}
            for c in token.children
        ) or bool(lemmas & _FIRED_THINGS)
    if condition == "foiled":
        return any(anc.lemma_.lower() in FOIL_VERBS for anc in list(token.ancestors)[:3])
    if condition == "mob":
        return any(c.lower_ == "mob" for c in token.children) or "mob" in words
    if condition == "meet_person":
        return (
            token.pos_ == "VERB"
            or any(c.lower_ == "with" for c in token.children)
            or held_by_several(token)
        )
    if condition == "plural_talks":
        return token.lower_ == "talks"
    if condition == "trip_to":
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    if condition == "phone":
        return (
            bool(words & PHONE_WORDS)
            and token.lower_ != "calls"
            or (
                token.lower_ in {"call", "calls"}
                and any(c.lower_ in {"phone", "telephone"} for c in token.children)
            )
            or (
                token.lower_ == "calls"
                and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
            )
        )
    if condition == "obj_proposal":
        return bool(
            lemmas
            & {
                "invitation",
                "proposal",
                "offer",
                "plan",
                "deal",
                "agreement",
                "terms",
                "resolution",
                "ceasefire",
                "truce",
                "demand",
                "demands",
            }
        )
    if condition == "with_complement":
        return any(c.dep_ in {"xcomp", "ccomp"} for c in token.children) or bool(
            lemmas
            & (AGREEMENT_WORDS | {"support", "aid", "help", "assistance", "cooperation", "talks"})
        )
    if condition == "committed_to":
        return (
            any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
            and token.pos_ == "VERB"
        )
    if condition == "obj_delegation":
        return bool(
            lemmas
            & {
                "delegation",
                "minister",
                "president",
                "envoy",
                "ambassador",
                "counterpart",
                "leader",
            }
        ) or any(t.ent_type_ == "PERSON" for t in objects)
    if condition == "obj_aid_any":
        return bool(
            lemmas
            & {
                "aid",
                "assistance",
                "support",
                "food",
                "medicine",
                "weapon",
                "arm",
                "loan",
                "fund",
                "funding",
                "asylum",
                "supply",
                "equipment",
                "ammunition",
                "shelter",
            }
        )
    if condition == "obj_restriction":
        return bool(
            lemmas
            & {
                "sanction",
                "restriction",
                "ban",
                "curfew",
                "blockade",
                "embargo",
                "measure",
                "lockdown",
                "siege",
                "emergency",
            }
        )
    if condition == "pull_out":
        return any(c.dep_ == "prt" and c.lower_ in {"out", "back"} for c in token.children)
    if condition == "real_request":
        # "asked not to be named" is a source's condition, not a request
        complements = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
        return bool(complements) and not any(
            c.lemma_.lower() in {"name", "identify", "quote"}
            or any(g.dep_ == "neg" for g in c.children)
            for c in complements
        )
    if condition == "call_for":
        return any(c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in token.children)
    if condition == "agreed_thing":
        return token.head.lemma_.lower() in {
            "agree",
            "sign",
            "boost",
            "expand",
            "deepen",
            "strengthen",
        }
    if condition == "not_violated":
        return not any(
            a.lemma_.lower() in {"violate", "break", "breach", "violation"}
            for a in list(token.ancestors)[:2]
        )
    if condition == "obj_person_or_up":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children) or any(
            is_person(t) for t in objects
        )
    if condition == "of_fire":
        return any(
            c.lower_ == "of" and any(g.lower_ in {"fire", "gunfire"} for g in c.children)
            for c in token.children
        )
    if condition == "protest_setting":
        return token.head.lemma_.lower() in {
            "take",
            "hold",
            "stage",
            "lead",
            "organize",
            "organise",
            "march",
        } or bool(words & {"protest", "protesting", "demanding", "against", "slogans", "rally"})
    if condition == "human_chain":
        return any(c.lower_ == "human" for c in token.children)
    if condition == "to_death":
        return any(
            c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
            for c in token.children
        )
    if condition == "subj_projectile":
        subjects = {c.lemma_.lower() for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}}
        return bool(
            subjects & {"shell", "rocket", "mortar", "missile", "projectile", "bomb", "round"}
        )
    if condition == "subj_weapon":
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return any(
            s.lemma_.lower()
            in {
                "shell",
                "rocket",
                "mortar",
                "missile",
                "projectile",
                "bomb",
                "ied",
                "mine",
                "landmine",
                "strike",
                "airstrike",
                "drone",
                "explosion",
                "blast",
                "bullet",
                "grenade",
            }
            or s.lower_ in {"ied", "rcied", "vbied"}
            for s in subjects
        )
    if condition == "obj_missile":
        return bool(
            lemmas
            & {"stone", "rock", "brick", "bottle", "cocktail", "petrol", "projectile", "object"}
        )
    if condition == "not_figurative":
        return not any(
            c.lemma_.lower()
            in {"legal", "political", "court", "election", "electoral", "uphill", "ratings"}
            for c in token.children
        )
    if condition == "armed_fight":
        return (
            bool(
                words
                & {
                    "forces",
                    "troops",
                    "militants",
                    "rebels",
                    "fighters",
                    "army",
                    "soldiers",
                    "militia",
                    "gunmen",
                    "insurgents",
                }
            )
            and token.lemma_.lower() == "fight"
            and (token.pos_ == "VERB" or any(c.lower_ == "fire" for c in token.children))
        )
    if condition == "observed_shots":
        return (
            any(c.dep_ == "nummod" for c in token.children)
            or "bursts" in words
            or "observed" in words
        )
    if condition == "found_dead":
        if natural_death(token):
            return False  # "found dead of natural causes"
        return any(c.lower_ == "dead" for c in token.children) or any(
            t.lemma_.lower() in {"body", "bodies", "corpse", "corpses"} and not figurative_body(t)
            for t in objects
        )
    if condition == "obj_base":
        return bool(
            lemmas
            & {
                "base",
                "headquarters",
                "camp",
                "fortification",
                "checkpoint",
                "outpost",
                "position",
                "barrack",
                "post",
            }
        )
    if condition == "set_alight":
        return any(
            c.lower_ in {"alight", "ablaze", "fire"}
            for c in token.subtree
            if c.i > token.i and c.i < token.i + 6
        )
    if condition == "obj_fire":
        return "fire" in lemmas or "shot" in lemmas or "gunfire" in lemmas
    if condition == "obj_place_or_force":
        return bool(objects) and any(
            t.ent_type_ in {"GPE", "LOC", "FAC"} or t.lemma_.lower() in _FORCE_WORDS
            for t in objects
        )
    if condition == "obj_property":
        return bool(lemmas & _PROPERTY_WORDS)
    if condition == "obj_road":
        # "blocked dozens of intersections": look through a quantity to what it counts
        counted = {
            g.lemma_.lower()
            for t in objects
            if t.lemma_.lower() in QUANTITY_HEADS
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
        }
        return bool(
            (lemmas | counted)
            & {
                "intersection",
                "junction",
                "crossroads",
                "avenue",
                "motorway",
                "road",
                "roads",
                "highway",
                "highways",
                "street",
                "streets",
                "railway",
                "traffic",
                "bridge",
            }
        )
    if condition == "gather_demand":
        return (
            any(
                c.dep_ in {"advcl", "xcomp"}
                and c.lemma_.lower()
                in {"demand", "protest", "denounce", "condemn", "call", "oppose"}
                for c in token.children
            )
            or bool(words & _GATHERING_CUES)
            or any(  # "hundreds of protesters gathered"
                c.dep_ == "nsubj" and any(t.lemma_.lower() in _PROTESTING_PEOPLE for t in c.subtree)
                for c in token.children
            )
        )
    if condition == "to_the_streets":
        return any(
            c.dep_ == "prep"
            and c.lower_ in {"to", "into"}
            and any(g.lemma_.lower() == "street" for g in c.children)
            for c in token.children
        )
    if condition == "joint_patrol":
        return (
            any(c.lower_ in {"joint", "security"} for c in token.children) or token.pos_ == "VERB"
        )
    if condition == "agree_to":
        return any(c.dep_ == "xcomp" for c in token.children) or any(
            c.dep_ == "prep"
            and c.lower_ in {"on", "to", "upon"}
            and any(g.lemma_.lower() in AGREEMENT_WORDS | _AGREED_THINGS for g in c.children)
            for c in token.children
        )
    if condition == "not_adjective":
        return token.dep_ not in {"amod", "compound"}
    if condition == "labour":
        near = {c.lower_ for c in token.children} | {
            g.lower_ for c in token.children for g in c.children
        }
        return (
            bool(near & (LABOUR_WORDS | {"general", "national", "nationwide"}))
            or (token.head.lower_ == "on" and token.dep_ == "pobj")
            or (token.dep_ == "dobj" and token.head.lemma_.lower() in _STRIKE_VERBS)
            or (token.pos_ == "VERB" and bool(words & LABOUR_WORDS))
        )
    if condition == "hit_target":
        if token.pos_ == "VERB":
            return any(
                c.dep_ == "dobj" and c.lemma_.lower() not in _NOT_TARGETS for c in token.children
            )
        return True  # "the strike hit an emergency ward": a strike that is no labour strike
    if condition == "violent_cause":
        return bool(
            words
            & (GUN_WORDS | EXPLOSIVE_WORDS | AIR_WORDS | BLADE_WORDS | BEAT_WORDS | _VIOLENCE_WORDS)
        )
    if condition == "given":
        return token.dep_ != "compound"
    if condition == "obj_peacekeepers":
        return bool(
            lemmas & {"peacekeeper", "contingent", "weapon", "arm", "ammunition", "equipment"}
        ) or any(c.lower_ == "peacekeeping" for t in objects for c in t.children)
    if condition == "obj_aid":
        return bool(lemmas & {"aid", "food", "medicine", "supply", "assistance", "relief"})
    if condition == "obj_border":
        return bool(lemmas & {"border", "airspace", "crossing"})
    if condition == "turn_away":
        return any(
            c.dep_ in {"prt", "advmod"} and c.lower_ in {"away", "down"} for c in token.children
        )
    if condition == "sworn_in":
        return any(
            c.dep_ in {"prt", "prep"}
            and c.lower_ == "in"
            and (c.dep_ == "prt" or any(is_person(g) for g in c.children))
            for c in token.children
        )
    if condition == "from_power":
        return not court_subject(token) and any(
            c.dep_ == "prep"
            and c.lower_ == "from"
            and any(g.lemma_.lower() in {"power", "office"} for g in c.children)
            for c in token.children
        )
    if condition == "opened_fire":
        return token.head.lemma_.lower() == "open" and token.dep_ == "dobj"
    if condition == "into_custody":
        if token.lemma_.lower() == "custody":
            return token.head.lower_ in {"into", "in"} and token.head.head.lemma_.lower() in {
                "take", "place", "remand", "put", "hold"
            }  # fmt: skip
        return any(
            c.dep_ == "prep"
            and c.lower_ == "into"
            and any(g.lemma_.lower() == "custody" for g in c.children)
            for c in token.children
        )
    if condition == "prison_term":
        served = token.head.lemma_.lower() in {"give", "hand", "serve", "receive", "face", "impose"}
        jail = any(c.lower_ in {"prison", "jail"} for c in token.subtree)
        years = any("year" in c.lower_ for c in token.children)
        return served and (
            jail or years or bool(words & (COURT_WORDS | {"case", "verdict", "charges"}))
        )
    if condition == "by_phone":
        heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
        return any(
            c.dep_ in {"prep", "agent"}
            and c.lower_ in {"by", "over", "on"}
            and any(g.lower_ in {"phone", "telephone"} for g in c.children)
            for head in heads
            for c in head.children
        )
    if condition == "work_with":
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children) and any(
            c.lower_ in {"closely", "together", "jointly"} for c in token.children
        )
    if condition == "charged_with":
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    if condition == "launched":
        return token.head.lemma_.lower() in {"launch", "open", "start", "begin"}
    if condition == "real_bomb":
        if any(c.lower_ in {"time", "ticking"} for c in token.children):
            return False
        return bool(
            words
            & {
                "explode",
                "exploded",
                "detonated",
                "planted",
                "killed",
                "injured",
                "wounded",
                "blast",
                "attack",
            }
        )
    raise ValueError(f"unknown trigger condition {condition!r} in the lexicon")


def _background(token: Token) -> bool:
    """An event word that names a standing rule or a habit, not a new event."""
    for ancestor in list(token.ancestors)[:3]:
        if (
            ancestor.lemma_.lower() in BACKGROUND_GOVERNORS
            or ancestor.lower_ in BACKGROUND_GOVERNORS
        ):
            return True
    clause = [token, *list(token.ancestors)[:2]]
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for t in clause for c in t.children):
        return True
    if token.pos_ == "NOUN" and token.dep_ in {"nsubj", "nsubjpass"}:
        predicate = token.head
        complements = [c for c in predicate.children if c.dep_ in {"acomp", "attr"}]
        if any(c.lemma_.lower() in GENERIC_PREDICATES for c in complements):
            return True
    return False


def find_triggers(sentence: Span) -> list[Trigger]:
    """Every token of the sentence that names an event, with its chosen sense."""
    found: list[Trigger] = []
    joined: set[int] = set()  # tokens of a hyphenated word already read as one
    for token in sentence:
        if token.i in joined:
            continue
        senses = senses_for(token)
        hyphenated = hyphenated_trigger(token)
        if hyphenated is not None:
            joined |= {token.i + 1, token.i + 2}
            token, senses = hyphenated
        if not senses:
            continue
        if token.ent_type_ in _NAME_LABELS and token.ent_iob_ != "" and token.pos_ == "PROPN":
            continue
        if token.ent_type_ in {"ORG", "FAC", "WORK_OF_ART", "LAW"}:
            continue
        if _background(token):
            continue
        for sense in senses:
            if token.pos_ in _POS[sense.pos] and _condition_holds(sense.condition, token, sentence):
                found.append(Trigger(token, sense))
                break
    return found


def coup_mode(token: Token, default: str | None) -> str | None:
    """Cline Center outcome of a coup mention: conspiracy, attempt or realized."""
    near = [token, *token.ancestors]
    near_children = [c for t in near for c in t.children]
    lemmas = {t.lemma_.lower() for t in near} | {c.lemma_.lower() for c in near_children}
    if lemmas & FOIL_VERBS or lemmas & PLOT_NOUNS or "prepare" in lemmas:
        return "conspiracy"
    if lemmas & {"attempt", "attempted", "fail", "failed", "abort", "abortive", "bid", "try"}:
        return "attempt"
    if default:
        return default
    if token.pos_ == "VERB" and token.tag_ in {"VBD", "VBN"}:
        return "realized"
    return None
