"""The words the ACLED rules (:mod:`eventwatch.resolve.acled`) read.

Word sets in lower case, as :func:`eventwatch.resolve.acled._words` gives them:
weapons and acts that name a sub-type, the heads of armed and civilian
participants, and the words that tell a two-sided fight, a riot or a protest.
"""

from __future__ import annotations

SEXUAL = frozenset("rape raped raping sexually sexual".split())
CHEMICAL = frozenset("chlorine sarin mustard nerve toxic-gas poison-gas".split())
# "chemical" alone may be a target ("a chemical plant"); with one of these it is the weapon.
CHEMICAL_USE = frozenset(
    "weapon weapons agent agents munitions gas substance substances attack attacks".split()
)
CHEMICAL_SITE = frozenset(
    "plant factory warehouse industrial company refinery fertiliser fertilizer depot".split()
)
SHELLING = frozenset(
    "shell shells shelled shelling artillery mortar mortars rocket rockets missile missiles projectile "
    "projectiles howitzer howitzers cannon launcher launchers mlrs rpg rpgs bombard bombarded bombardment "
    "bombardments grad katyusha".split()
)
IED = frozenset(
    "ied ieds landmine landmines mine mines roadside device devices vbied rcied booby-trap booby-trapped "
    "car-bomb planted".split()
)
# Blasts that may be shells or planted bombs; read with the rest of the sentence.
BLAST = frozenset(
    "explosive explosives bomb bombs bombing explosion explosions blast blasts detonated exploded".split()
)
FRONT = frozenset("observed frontline front positions fired impacts shelled directions".split())
ARMED_GROUPS = frozenset(
    "taliban houthi houthis shabaab al-shabaab isis isil daesh jnim isgs iswap aqap aqim boko haram "
    "farc eln pkk ypg sdf qsd hts adf m23 fdlr nsag militants jihadists".split()
)
GRENADE = frozenset("grenade grenades".split())
SUICIDE = frozenset("suicide".split())
DETONATED = frozenset(
    "detonated detonating blew exploded explosion blast rammed bombing vest belt".split()
)
DEATH = frozenset(
    "killed dead death body bodies corpse murdered stabbed executed beheaded strangled".split()
)
REGAIN = frozenset(
    "recaptured recapture regained regain retook retake liberated re-captured re-took re-gained".split()
)
# "took control of …": ground changed hands; the taker's side says which sub-type.
CONTROL_TAKEN = frozenset("took taken seized captured gained wrested".split())
# State forces by the abbreviations reports use for them, and words that put a force on the state's side.
STATE_SIDE = frozenset(
    "fardc fama fds fanci ana andsf nds saa tatmadaw updf kdf sndf endf pro-government pro-hadi loyalist "
    "loyalists gendarmes gendarmerie national".split()
)
OVERTAKE = frozenset("overran overrun captured seized took".split())
CLASH = frozenset(
    "clash clashes clashed exchange exchanged fighting fought battle battled engaged gunfight gunfights "
    "firefight firefights gunbattle shoot-out shoot-outs shootout shootouts skirmish skirmishes repel "
    "repelled repulsed repulse".split()
)
ARMED_HEADS = frozenset(
    "force forces troop troops soldier soldiers army military militant militants fighter fighters "
    "rebel rebels insurgent insurgents militia militias position positions base bases gunmen police "
    "policemen officer officers guard guards unit units jihadist jihadists combatant combatants "
    "checkpoint checkpoints outpost outposts patrol convoy commander commanders sniper snipers "
    "separatist separatists paramilitary paramilitaries brigade brigades camp camps battalion "
    "battalions garrison front frontline taliban gunman assailant assailants attacker attackers raider "
    "raiders bandit bandits militiaman militiamen".split()
)
CROWD_HEADS = frozenset(
    "mob mobs crowd crowds villager villagers resident residents people locals rioter rioters protester "
    "protesters demonstrator demonstrators group worker workers inmate inmates prisoner prisoners youths "
    "youth student students supporter supporters rider riders driver drivers trader traders farmer "
    "farmers herder herders community communities member members relatives family families vendor vendors".split()
)
# Force used on a crowd, whoever used it; and police actions that need the police named.
FORCE_USED = frozenset(
    "dispersed disperse tear teargas tear-gas cannon cannons water-cannon rubber batons baton-charged "
    "lathicharged lathi-charged".split()
)
POLICE_ACTION = frozenset(
    "arrested detained charged intervened prevented removed stopped blocked pushed clashed scuffled".split()
)
AUTHORITIES = frozenset(
    "police policemen officers security forces authorities gendarmes guards".split()
)
EXCESSIVE = frozenset("killed killing shot dead live".split())
# Words for force beyond crowd control: "violently suppressed", "a crackdown", "excessive force".
SUPPRESSION = frozenset(
    "suppressed suppress suppressing crackdown crushed excessive brutally brutal".split()
)
# A crowd that fought back: the event is a riot, whatever force was used on it.
CROWD_FIGHTING = frozenset(
    "clashed confronted barricading barricades stones rocks machetes attacked fought".split()
)
RIOTING = frozenset(
    "torched burning burned burnt vandalized vandalised pelted stone-pelting hurled smashed looted "
    "beat barricaded alight molotov stones rocks rampage rampaged ransacked rioting violent".split()
)
CIVIL_PARTIES = frozenset(
    "residents villagers citizens inhabitants workers laborers labourers inmates prisoners students "
    "shopkeepers traders vendors farmers herders supporters members community communities youths "
    "locals protesters demonstrators rioters drivers people groups families".split()
)
DISPUTE = frozenset(
    "dispute disputes feud feuds brawl scuffle quarrel altercation argument rivalry".split()
)
DIRECT_FIRE = frozenset(
    "gun guns machinegun machineguns machine small arms shots bursts rifle rifles fire".split()
)
# Words for armed people or posts on the receiving end: ACLED codes an attack on them as a battle.
ARMED_TARGETS = frozenset(
    "soldiers troops fighters militants policemen officers positions brigade camp checkpoints "
    "checkpoint army".split()
)
FORTIFICATIONS = frozenset("fortification fortifications trench trenches tent tents".split())
BASE_WORDS = frozenset("base bases headquarters camp post outpost garrison".split())
STATE_FORCES = frozenset(
    "army military government troops soldiers police forces armed gendarmerie".split()
) - {"forces"}
# Rebels and militants: ground they take, even "recaptured", is overtaken, not regained.
NON_STATE = ARMED_GROUPS | frozenset(
    "rebel rebels insurgent insurgents militant militants jihadist jihadists islamist islamists "
    "opposition separatist separatists extremists terrorists".split()
)
# Forces that police a crowd: used on protesters, their force makes a protest sub-type.
CROWD_CONTROL = (STATE_FORCES | frozenset("police policemen officers security riot".split())) - {
    "armed"
}
PROTEST_WORDS = frozenset(
    "protest protests protested protesting protester protesters demonstration demonstrations "
    "demonstrators demonstrated rally rallies march marched sit-in strike".split()
)
CIVILIAN_HEADS = frozenset(
    "civilian civilians man men woman women child children boy girl people person villager villagers "
    "farmer farmers laborer labourer worker workers student students driver drivers pastoralist "
    "pastoralists trader traders merchant merchants resident residents family journalist journalists "
    "teacher teachers doctor doctors nurse patient patients passenger passengers".split()
)

# Heavy weapons written as gunfire: fired one-sidedly at positions, they are shelling.
HEAVY_WEAPONS = frozenset(
    "heavy-weapons ifv ifvs bmp bmps atgm atgms tank tanks anti-tank launcher launchers".split()
)
# Armed people or posts on the receiving end of an attack: ACLED codes it as a battle.
ARMED_PERSONNEL = frozenset(
    "soldier soldiers troop troops fighter fighters militant militants policeman policemen "
    "gendarme gendarmes ranger rangers personnel commander commanders militiaman militiamen "
    "combatant combatants guard guards patrol patrols convoy convoys checkpoint checkpoints "
    "outpost outposts position positions base bases garrison barracks sniper snipers police "
    "lieutenant lieutenants sergeant sergeants captain colonel bodyguard bodyguards escort escorts "
    "gangster gangsters trafficker traffickers dealer dealers hitman hitmen".split()
)
# Heads that name an armed person only with a force or group named beside them
# ("a police officer", "an NDS member", "a gang member"; not "a party member").
ARMED_IF_NAMED = frozenset(
    "officer officers member members agent agents station stations unit units point points".split()
)
FORCE_NAMES = frozenset(
    "police army military security forces force militia militias gang gangs cartel brigade division "
    "battalion regiment intelligence guard gendarmerie armed check".split()
)
# A member of the security forces off duty, or no longer serving, is a civilian to ACLED.
OFF_DUTY = frozenset("off-duty retired former ex-soldier ex-police".split())
# A named side that makes a fight a battle, not a brawl: an armed group or firearms.
ARMED_SIDE = frozenset(
    "militia militias militiaman militiamen gang gangs gunmen gunman armed rebels rebel militants "
    "insurgents fighters shoot-out shoot-outs shootout shootouts firearms gunfire gunbattle".split()
)
# A crowd with a grievance or a demand is demonstrating (a violent demonstration);
# a crowd without one is a mob (mob violence).
GRIEVANCE = frozenset(
    "demand demands demanded demanding denounce denounced denouncing reject rejected rejecting "
    "protest protests protested protesting protester protesters demonstration demonstrations "
    "demonstrated demonstrating demonstrator demonstrators rally rallies march marched marching "
    "strike condemn condemned condemning condemnation oppose opposed opposing".split()
)
# Explosives left from a past war ("explosive remnants of war", "a landmine laid in the 1980s").
WAR_REMNANTS = frozenset("remnants remnant unexploded uxo leftover left-over".split())
# Words of a fight between two sides that heavy weapons were only part of ("fighting"
# alone is not one: "infantry fighting vehicles").
CLASHED = frozenset("clash clashes clashed clashing gunfight gunbattle firefight skirmish".split())
