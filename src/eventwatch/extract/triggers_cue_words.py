"""Word lists the conditions of :mod:`eventwatch.extract.triggers_cue_conditions` read."""

from __future__ import annotations

__all__ = [
    "ACCESS",
    "ARMED_WORDS",
    "BARRIERS",
    "COMBATANT_WORDS",
    "EXPLOSIVE_DEVICES",
    "FIGURATIVE",
    "GOODS",
    "GROUP_MODIFIERS",
    "HEAD_MARKS",
    "HEAVY_WEAPONS",
    "ILLICIT_SITES",
    "MUNITIONS",
    "OFFICIALS",
    "PEOPLE_WORDS",
    "PROJECTILES",
    "REMAINS",
    "SECURITY",
    "SMALL_ARMS",
    "SPORT",
    "STRUCTURES",
    "THROWN_MISSILES",
    "WENT_OFF",
]

# People who may be victims, captives or a crowd ("beat a civilian", "injured by traders").
PEOPLE_WORDS = frozenset(
    "man men woman women person people child children boy boys girl girls teenager teenagers "
    "youth youths civilian civilians villager villagers resident residents citizen citizens "
    "journalist journalists reporter reporters photographer photojournalist photojournalists "
    "student students farmer farmers trader traders vendor vendors worker workers migrant "
    "migrants refugee refugees idp idps protester protesters demonstrator demonstrators "
    "activist activists victim victims passenger passengers driver drivers family families "
    "prisoner prisoners detainee detainees hostage hostages captive captives inmate inmates "
    "soldier soldiers policeman policemen officer officers member members supporter supporters "
    "wife husband son daughter mother father neighbour neighbor neighbours neighbors local "
    "locals individual individuals mob crowd group gang nurse doctor teacher pastor priest "
    "imam cleric leader official councillor councilor chief".split()
)
# Fighters that forces capture in battle ("captured two rebels").
COMBATANT_WORDS = frozenset(
    "rebel rebels militant militants fighter fighters insurgent insurgents operative operatives "
    "gunman gunmen jihadist jihadists guerrilla guerrillas militiaman militiamen combatant "
    "combatants terrorist terrorists soldier soldiers".split()
)
# Words that make a report one about armed groups.
ARMED_WORDS = frozenset(
    "forces force troops army military militants militant rebels rebel fighters insurgents "
    "militia militias soldiers gunmen police jihadists armed".split()
)
HEAVY_WEAPONS = frozenset(
    "artillery mortar mortars rocket rockets tank tanks cannon howitzer missile missiles "
    "shell shells anti-aircraft heavy".split()
)
SMALL_ARMS = frozenset(
    "gun guns machine-gun machinegun sniper small-arms rifle automatic live gunmen".split()
)
PROJECTILES = frozenset(
    "rocket rockets missile missiles mortar mortars shell shells projectile projectiles drone "
    "drones grad katyusha katyushas".split()
)
MUNITIONS = (
    HEAVY_WEAPONS
    | PROJECTILES
    | frozenset("fire gunfire shot shots gunshot gunshots bullet bullets round rounds".split())
)
EXPLOSIVE_DEVICES = frozenset(
    "grenade grenades bomb bombs explosive explosives ied ieds device devices dynamite tnt "
    "charge charges".split()
)
THROWN_MISSILES = frozenset(
    "stone stones rock rocks brick bricks bottle bottles cocktail cocktails molotov petrol "
    "firebomb firebombs object objects projectile projectiles".split()
)
WENT_OFF = frozenset(
    "ied ieds bomb bombs device devices explosive explosives mine mines landmine landmines "
    "grenade grenades vbied rcied uvied car-bomb shell rocket charge".split()
)
REMAINS = frozenset("body bodies corpse corpses remains skull skulls torso".split())
HEAD_MARKS = frozenset("human severed decapitated male female dismembered".split())
STRUCTURES = frozenset(
    "tank tanks bulldozer bulldozers excavator excavators depot depots warehouse warehouses "
    "bridge bridges tower towers pylon pylons structure structures shelter shelters greenhouse "
    "greenhouses airstrip runway scheme pipeline pipelines well wells farm farms orchard "
    "orchards tree trees seedling seedlings crop crops land lands equipment machinery mast "
    "masts antenna statue monument shrine shrines tomb tombs grave graves fence wall walls "
    "stand tribune stadium hideout hideouts".split()
)
# Sites of an illicit trade that police dismantle ("dismantled a cocaine lab").
ILLICIT_SITES = frozenset(
    "lab labs laboratory laboratories refinery refineries plantation plantations factory "
    "factories workshop workshops distillery distilleries".split()
)
GOODS = frozenset(
    "marijuana cannabis hashish methamphetamine meth contraband cigarette cigarettes vehicle "
    "vehicles car cars truck trucks motorbike motorbikes motorcycle motorcycles livestock cattle "
    "cow cows goat goats sheep camel camels phone phones money cash goods food valuables "
    "property belongings ton tons kilogram kilograms kg".split()
)
OFFICIALS = frozenset(
    "president minister prime-minister premier governor mayor official officials politician "
    "politicians lawmaker lawmakers deputy deputies speaker leader leaders chancellor "
    "ambassador senator mp mps candidate".split()
)
SPORT = frozenset("match game fans referee stadium players anthem team goal".split())
ACCESS = frozenset("entrance entrances entry access gate gates road roads highway path".split())
BARRIERS = frozenset(
    "stone stones tyre tyres tire tires barricade barricades rocks logs vehicles trucks buses".split()
)
SECURITY = frozenset("police policemen officers troops soldiers army forces authorities".split())
GROUP_MODIFIERS = frozenset(
    "clan inter-clan communal intercommunal inter-communal tribal ethnic sectarian".split()
)
FIGURATIVE = frozenset("political legal verbal court election electoral".split())
