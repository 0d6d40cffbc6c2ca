"""Word lists of quotation reading: verbs that attribute, titles and roles, words that are not names.

Data only, apart from the code that reads them (``extract``, ``speakers``, ``groups``); each list says
where it comes from and what it is for.
"""

from __future__ import annotations

from newsprism.text.words import SPEECH_VERBS as SHARED_SPEECH_VERBS  # kept with the word lists several stages share

REPLY_VERBS: tuple[str, ...] = ("answered", "interjected", "interjects", "interjecting")
"""Verbs of reply that introduce a quotation ("He answered, “I have no idea.”"; "by interjecting,
“Only ...”"), read by the quotation reader beside the shared verbs of speech; before an object they
are no speech ("had answered the question"), and "answered" with its object is a stance
("answered questions for an hour", ``STANCE_VERBS``)."""

SPEECH_VERBS: tuple[str, ...] = SHARED_SPEECH_VERBS + REPLY_VERBS
"""The verbs of speech a quotation reads: the shared ones (``newsprism.text.words``) and the verbs of reply."""

BELIEF_VERBS: tuple[str, ...] = (
    "think", "thinks", "thought", "believe", "believes", "believed", "feel", "feels", "felt", "fear", "fears",
    "feared", "hope", "hopes", "hoped", "know", "knows", "knew", "show", "shows", "showed", "found", "finds",
    "indicate", "indicates", "indicated", "agree", "agrees", "agreed", "realize", "realized", "realizes",
    "understand", "understands", "estimate", "estimates", "estimated", "expect", "expects", "expected",
    "worry", "worries", "worried", "doubt", "doubts", "doubted", "recognize", "recognized", "learned",
    "discovered", "assume", "assumes", "assumed", "hinted", "signaled", "signalled", "argue", "suggest",
    "contend", "contends", "insist", "predict", "predicts", "warn", "claim", "claims", "allege", "alleged",
    "concede", "admit", "deny", "acknowledge", "add", "explain", "note", "notes", "write",
)
"""Verbs that attribute a belief, a finding or a stance rather than words ("Trump thinks ...", "the
poll showed that ..."): PolNeAR annotates them as attributions; they report content, never verbatim
words. Only with a clause after them (see ``NEEDS_THAT``)."""

BARE_CLAUSE_VERBS = frozenset("think thinks thought believe believes believed feel feels felt fear fears feared".split())
"""Belief verbs whose clause often comes without "that" ("I think he is right")."""

NEEDS_THAT = frozenset(
    """announced announces confirmed confirms denied denies urged promised pledged vowed predicted
    acknowledged acknowledges suggested suggests recalled observed testified complained reported
    reports asked asks declared declares answered""".split()
) | frozenset(BELIEF_VERBS) - BARE_CLAUSE_VERBS
"""Verbs that also take a plain object ("announced the plan", "asked members to join"): they report
speech without quote marks only in a "that" clause."""

TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj",
    "Prof", "Rev", "Adm", "Sens", "Reps", "Amb", "Atty", "Supt", "Insp", "St", "Cmdr",
)

ROLE_WORDS = frozenset(
    """president vice prime minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair senator sen. rep. representative governor gov. mayor leader chief director editor official
    officials ambassador general gen. justice judge attorney commissioner ceo founder head speaker
    press deputy former minority majority house senate white state foreign defense defence
    republican democratic democrat gop u.s. us russian american kremlin national party
    lawmaker congressman congresswoman commander sheriff councilman councilwoman adviser advisor
    aide analyst professor dr. mr. mrs. ms. lt. col. sgt. capt. maj. prof. rev. adm. sens. reps.
    executive economist correspondent anchor host reporter columnist author acting interim
    presidential nominee candidate presumptive hopeful contender officer""".split()
)
"""Capitalised words that head a name as a title ("Russian President Vladimir Putin") and are dropped from it."""

PERSON_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official secretary minister president chairman chairwoman
    aide adviser advisor envoy ambassador diplomat senator governor mayor leader chief director
    lawmaker congressman congresswoman representative attorney lawyer judge jurist commissioner
    officer sheriff analyst expert economist professor executive ceo head man woman source
    officials aides critics experts analysts lawyers police authorities witnesses residents protesters
    researchers scientists doctors prosecutors investigators democrats republicans democrat republican
    leaders members voters sources people spokespeople spokesmen statement report study survey poll
    letter ruling complaint lawsuit court committee agency ministry department government campaign
    administration family organizers organisers group insider insiders operative operatives strategist
    strategists activist activists candidate candidates owner owners worker workers employee employees
    student students teacher teachers parent parents father mother wife husband son daughter friend
    neighbor neighbour victim victims survivor survivors citizen citizens resident witness office
    cabinet embassy military army navy regime council commission board company firm spokespersons""".split()
)
"""Heads of a description that can speak ("the Kremlin spokesman", "officials", "a statement");
a description with another head ("an e-mail to RNC members") is not taken for a speaker."""

TITLE_OF_ROLE = {"jurist": "judge"}
"""Role words an article writes as another title ("the Manhattan jurist" for "Judge Richard Berman")."""

INDIVIDUAL_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official secretary minister president chairman chairwoman
    envoy ambassador diplomat senator governor mayor leader chief director lawmaker congressman
    congresswoman representative attorney lawyer judge jurist commissioner officer sheriff economist
    professor executive ceo head adviser advisor""".split()
)
"""Roles of one person that an article uses for someone it also names ("the Kremlin spokesman",
"the presidential press secretary"): resolved to the only person the article quotes by name.
Institutions ("the campaign") and unnamed people ("one GOP insider") are never resolved so."""

PARTY_MEMBERS = frozenset({"republican", "democrat"})
"""A member of a party, one person: after "the" a description even when capitalised ("The Kentucky
Republican", "the New York Democrat"), resolved like a role (``INDIVIDUAL_ROLES``), never a name."""

PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it", "we", "i"})

DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "one"})

NOT_NAME_START = frozenset(
    """The A An In On At For And But If When While After Before Since As This That These Those It Its
    He She They We I His Her Their Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Read More
    Despite Meanwhile Earlier Later However Yet So Still Instead Although Though Because Even Also Then
    Now Indeed Only Unlike Once Prior Not See Asked Some Many Most Several Other Others Both All
    Feb Jan Aug Sept Oct Nov Dec Nobody Everyone Everybody Someone Somebody Anyone Anybody No None Last Next
    To Or Along Shortly Perhaps Speaking Addressing Reprising Writing Polling Breaking Saying Arguing Claiming
    Insisting Declaring Asserting Stating Contending Maintaining""".split()
)

NOT_PERSON_WORDS = frozenset(
    """security news house journal post times committee party department court senate congress union
    act fund trust bank council agency administration office service republic states street center
    centre university institute association foundation commission board company group network
    organization organisation press club ministry army force forces navy police patrol protection
    border medicare medicaid care affairs nations olympic cup day week year social federal supreme
    united new north south east west central national international american european republican
    democratic party's city county state valley river island islands coast airport station school
    college church hospital museum park square road avenue bridge monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
"""Words that make a capitalised pair an institution or a place ("Social Security", "Fox News"), or a
place and the day after it ("in New Hampshire Monday"), not a person."""

SILENT_HEADS = frozenset(
    """time times day days week weeks month months year years morning afternoon evening night hour hours
    moment way thing things point fact case part end start beginning while same other others more most
    first last next one two three it this that what which meeting interview conference hearing speech
    debate event rally call session briefing appearance visit and or but of to""".split()
)
"""Heads of a description that name no speaker ("the same day said", "a year ago said"); any other
description may name one (PolNeAR's sources include "the actress", "the probe", "a polling
average"). Whether it names a person or an organisation is decided when the speaker is resolved."""

PREPOSITIONS = frozenset({"of", "for", "at", "with", "to", "in", "from", "on", "about", "against", "by"})

TELL_VERBS = frozenset({"told", "tell", "tells", "telling", "asked", "asks"})

MINOR_WORDS = frozenset({"of", "the", "a", "an", "and", "on", "in", "at", "for", "to", "with", "by"})

STOP = frozenset(
    """a an the and or but if of to in on at for with by from as is are was were be been being it its
    this that these those he she they we you i our their his her them us me my your not no so do does did
    has have had will would can could should may might must than then there here what which who whom
    whose when where why how all any some such very just also into over about after before
    take make get go come say said says tell told want know think see look give use find ask work seem
    feel try leave call need keep let put mean become show one two three first last new good great
    time year way day thing people like well even back still now only many much more most out up""".split()
)
"""Stop words plus the commonest English verbs, numbers and nouns: two remarks sharing "take" and
"two" are not the same remark, two sharing "tango" may be."""

FRAGMENTS = frozenset(
    "ve ll re don doesn didn isn aren wasn weren wouldn couldn shouldn haven hasn hadn ain".split()
)
"""Pieces of contractions and abbreviations ("doesn't" -> "doesn" "t", "U.S." -> "u" "s"): shared
by any two remarks, so never evidence that they are one."""

NAME_PARTICLES = frozenset("of and for the on at de van von da bin al del la le du di".split())
"""Lower-case words inside a name ("Department of Justice", "Commission on Presidential Debates", "Ludwig van Beethoven")."""

NOT_A_NAME = frozenset(
    """earlier later meanwhile there here now then yesterday today tonight instead still yet also however
    despite but and so if when while after before since though although because indeed even only just
    data figures numbers results records documents statistics polls poll survey surveys report reports
    study studies critics officials sources experts analysts observers supporters opponents others some
    many most several both all none nobody everyone someone somebody anyone people voters proponents
    dozens demonstrators protesters opponents""".split()
)
"""Words that, capitalised at a sentence start, still name no one ("Earlier, ...", "Data show ...")."""

OWNED_BODIES = frozenset("office campaign government administration ministry team family lawyers attorneys embassy".split())
"""Bodies that speak for the person who owns them ("Netanyahu’s office said"): kept as the speaker."""

NICKNAMES: dict[str, str] = {
    "mike": "michael", "mick": "michael", "bill": "william", "will": "william", "billy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "chuck": "charles", "charlie": "charles",
    "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas", "tommy": "thomas",
    "dick": "richard", "rick": "richard", "rich": "richard", "ted": "edward", "ed": "edward",
    "eddie": "edward", "tony": "anthony", "dan": "daniel", "danny": "daniel", "dave": "david",
    "steve": "stephen", "steven": "stephen", "chris": "christopher", "matt": "matthew",
    "nick": "nicholas", "pat": "patrick", "ben": "benjamin", "sam": "samuel", "andy": "andrew",
    "drew": "andrew", "alex": "alexander", "ken": "kenneth", "jeff": "jeffrey", "greg": "gregory",
    "jerry": "gerald", "larry": "lawrence", "liz": "elizabeth", "beth": "elizabeth",
    "betsy": "elizabeth", "kate": "katherine", "kathy": "kathleen", "sue": "susan", "jen": "jennifer",
    "jenny": "jennifer", "meg": "margaret", "peggy": "margaret", "maggie": "margaret", "don": "donald",
    "ron": "ronald", "tim": "timothy", "fred": "frederick", "hank": "henry", "harry": "henry",
    "jack": "john", "johnny": "john", "jon": "jonathan", "vlad": "vladimir", "al": "albert",
    "mitch": "mitchell", "newt": "newton", "bernie": "bernard", "bibi": "benjamin",
}
"""English short forms of given names, to one full form: "Mike Elliott" and "Michael Elliott" are one
person (the common pairs of the US Social Security Administration's name lists and style guides)."""

NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
"""Generational suffixes left out when names are compared ("Robert Casey Jr." and "Robert Casey")."""

INDEFINITE = frozenset("a an one another some several many two three".split())
"""Determiners of a description that introduces someone new ("a senior official"): never resolved to a named person."""

EVIDENCE_VERBS = frozenset("show shows showed found finds indicate indicates indicated suggest suggests suggested".split())
EVIDENCE_HEADS = frozenset(
    """poll polls survey surveys study studies data figures numbers results records documents report reports
    analysis review count tally estimate estimates research investigation audit filings""".split()
)
"""A finding reported without "that" ("the poll showed Clinton ahead by five points"): these verbs
with these subjects attribute the clause after them."""

RECORDING_HEADS = frozenset(
    """footage video videos photo photos photograph photographs image images picture pictures recording
    recordings tape tapes clip clips camera cameras screenshot screenshots imagery""".split()
)
"""What a camera or a microphone caught ("The footage showed the officer kneeling", "Video shows the
crowd"): it shows what happened, nobody's statement, so it is no speaker; a report, a poll or a study
(``EVIDENCE_HEADS``) is written by someone and speaks for them ("The report found that ...")."""

INSTITUTION_WORDS = frozenset(
    """committee commission council department agency administration office court senate congress party
    union fund trust bank foundation association institute university college center centre board company
    group network organization organisation ministry bureau service news post times journal tribune press
    police army navy patrol protection campaign government nations corporation inc corp reserve authority
    coalition alliance caucus cabinet embassy league federation archive project laboratory lab house hospital
    representatives pentagon kremlin parliament legislature assembly""".split()
)
"""Words that make capitalised words an institution ("Commission on Presidential Debates", "Fox News")."""

DOCUMENT_HEADS = frozenset(
    """report reports study survey poll polls statement ruling letter website analysis review audit filing
    data document documents memo release assessment findings guidance guidelines""".split()
)
"""What an organisation speaks through ("a Government Accountability Office report")."""

ACTED_ON_HEADS = DOCUMENT_HEADS | frozenset(
    "suit lawsuit complaint bill law measure motion petition order indictment charges case appeal".split()
)
"""Things filed, released or issued, not agents: a participle after one ("a suit filed in 2019",
"the report released on Tuesday") is passive, no one's stance."""

RESPONSE_EVENTS = frozenset(
    """call calls 911 altercation fight brawl fire blaze incident shooting shootings stabbing crash collision
    accident emergency disturbance robbery burglary assault explosion alarm storm flood hurricane""".split()
)
"""What police, firefighters and medics respond to, an event ("Officers responded to an altercation
outside a sushi restaurant", "responded to a 911 call about ..."): "responded to" one is an act,
neither speech nor a stance; responding to a criticism, a question or a person is, and so is
responding to a figure of speech, one of these words before "of" or "for" ("responded to the calls for
his resignation", "to a storm of criticism")."""

RESPONSE_PLACES = frozenset(
    """scene home house residence area location site building restaurant store school apartment street
    neighborhood""".split()
)
"""The places police respond to ("responded to the scene of the crash"): "responded to" one is an act."""


RESULT_PARTICIPLES = frozenset(
    """halting permitting ending marking setting paving bringing leaving allowing causing sparking
    triggering clearing handing depriving capping falling kicking opening closing averting
    ushering reversing overturning upending stalling derailing killing punishing rebuking""".split()
)
"""Participles that tell an act's result after a comma ("Israel and Hamas agreed to a cease-fire
Thursday, halting a bruising 11-day war ..."): the writer's gloss, where the stance ends; participles
of speech or stance ("..., calling him a disgrace") are the subject's and stay out."""

GLOSS_EVENTS = frozenset("move moves step sign signs escalation blow twist salvo setback reversal".split())
"""Nouns by which the writer tells what an act amounts to, after a comma and "in" ("..., in the latest
move by a major social media company ...", "..., in a sharp escalation of ..."): where the record ends."""

RESULT_PHRASES = frozenset(
    """sending shockwaves|sending a shockwave|sending shivers|sending ripples|dealing a blow|dealing a setback|dealing a defeat""".split("|")
)
"""Participles that are as often the subject's own act ("..., sending a letter to the governor",
"..., dealing with the budget") and tell the result only with these objects ("..., dealing a blow
to the rebels", "..., sending shockwaves through the market")."""


FEMALE_FIRST_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
    katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
    virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
    martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace
    denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
    kayla alexis lori hillary nikki kamala ivanka melania michele condoleezza sheila loretta valerie
    huma kellyanne hope tulsi kirsten elise liz jill tipper chelsea rashida alexandria ilhan ayanna
    dianne marsha joni shelley""".split()
)
MALE_FIRST_NAMES = frozenset(
    """james robert john michael david william richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
    zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin
    carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan
    wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack mitt bernie
    ted marco jeb rand chris mike newt rick ben bill chuck mitch harry reince sean jared tim joe
    hunter beto pete cory lindsey orrin bob ron kevin rudy""".split()
)
"""First names given almost only to women, and to men (the commonest US given names, and the first
names of politicians in the news): a pronoun of the other sex does not refer to them."""

STANCE_VERBS: tuple[str, ...] = tuple(
    f"{stem}{ending}" for stem, endings in (
        ("want", ("", "s", "ed")), ("plan", ("", "s", "ned")), ("intend", ("", "s", "ed")), ("seek", ("", "s")),
        ("sought", ("",)), ("support", ("", "s", "ed")), ("oppose", ("", "s", "d")), ("endorse", ("", "s", "d")),
        ("back", ("s", "ed")), ("criticize", ("", "s", "d")), ("criticise", ("", "s", "d")), ("accuse", ("", "s", "d")),
        ("praise", ("", "s", "d")), ("defend", ("", "s", "ed")), ("blame", ("", "s", "d")), ("attack", ("", "s", "ed")),
        ("blast", ("", "s", "ed")), ("slam", ("", "s", "med")), ("condemn", ("", "s", "ed")), ("denounce", ("", "s", "d")),
        ("reject", ("", "s", "ed")), ("dismiss", ("", "es", "ed")), ("question", ("", "s", "ed")), ("challenge", ("", "s", "d")),
        ("call", ("", "s", "ed")), ("propose", ("", "s", "d")), ("refuse", ("", "s", "d")), ("decline", ("", "s", "d")),
        ("threaten", ("", "s", "ed")), ("demand", ("", "s", "ed")), ("describe", ("", "s", "d")), ("cite", ("", "s", "d")),
        ("credit", ("", "s", "ed")), ("welcome", ("", "s", "d")), ("applaud", ("", "s", "ed")), ("mock", ("", "s", "ed")),
        ("ridicule", ("", "s", "d")), ("label", ("", "s", "ed")), ("dub", ("", "s", "bed")), ("brand", ("", "s", "ed")),
        ("characterize", ("", "s", "d")), ("compare", ("", "s", "d")), ("liken", ("", "s", "ed")), ("hail", ("", "s", "ed")),
        ("tout", ("", "s", "ed")), ("champion", ("", "s", "ed")), ("favor", ("", "s", "ed")), ("prefer", ("", "s", "red")),
        ("embrace", ("", "s", "d")), ("recommend", ("", "s", "ed")), ("advocate", ("", "s", "d")), ("request", ("", "s", "ed")),
        ("reveal", ("", "s", "ed")), ("disclose", ("", "s", "d")), ("refer", ("", "s", "red")), ("mention", ("", "s", "ed")),
        ("address", ("", "es", "ed")), ("discuss", ("", "es", "ed")), ("highlight", ("", "s", "ed")),
        ("see", ("", "s")), ("saw", ("",)), ("view", ("", "s", "ed")), ("regard", ("", "s", "ed")), ("consider", ("", "s", "ed")),
        ("remember", ("", "s", "ed")), ("repeat", ("", "s", "ed")), ("hate", ("", "s", "d")), ("love", ("", "s", "d")),
        ("admire", ("", "s", "d")), ("trust", ("", "s", "ed")), ("offer", ("", "s", "ed")), ("order", ("", "s", "ed")),
        ("decide", ("", "s", "d")), ("thank", ("", "s", "ed")), ("congratulate", ("", "s", "d")), ("apologize", ("", "s", "d")),
        ("insult", ("", "s", "ed")), ("taunt", ("", "s", "ed")), ("push", ("", "es", "ed")), ("accept", ("", "s", "ed")),
        ("approve", ("", "s", "d")), ("name", ("s", "d")), ("promote", ("", "s", "d")), ("vote", ("s", "d")),
        ("express", ("", "es", "ed")), ("voice", ("s", "d")), ("echo", ("es", "ed")), ("mock", ("",)),
        ("talk", ("s", "ed")), ("focused", ("",)), ("pointed", ("",)), ("rail", ("s", "ed")),
        ("decry", ("",)), ("decrie", ("s", "d")), ("complain", ("s", "ed")), ("encourage", ("s", "d")), ("nominate", ("s", "d")),
        ("pleaded", ("",)), ("plead", ("s",)), ("assure", ("s", "d")), ("persuade", ("s", "d")), ("convince", ("s", "d")),
        ("recall", ("s", "ed")), ("file", ("s", "d")), ("issue", ("s", "d")), ("release", ("s", "d")), ("ask", ("ed",)),
        ("list", ("s", "ed")), ("rule", ("s", "d")),
        ("lash", ("es", "ed")), ("hammer", ("s", "ed")), ("identifie", ("s", "d")),
    ) for ending in endings
) + (
    "made clear", "makes clear", "make clear", "made the case", "makes the case", "took aim", "takes aim",
    "took a swipe", "takes a swipe", "went after", "goes after", "weighed in", "weighs in", "spoke out",
    "speaks out", "came out for", "came out against", "came out in favor", "came out in support",
    "doubled down", "doubles down", "pushed back", "pushes back", "pushed for", "pushes for", "raised concerns",
    "raised questions", "raises concerns", "raises questions", "respond to", "responded to",
    "spoke about", "spoke of", "spoke on", "speaks about", "speaks of", "took issue", "takes issue", "made no secret",
    "makes no secret", "went on to", "goes on to", "made it clear", "makes it clear", "took a shot", "took shots",
    "took credit", "takes credit", "gave a speech", "sent a letter", "talking about",
) + tuple(
    """continued cast posted shown aimed charged vows laid implied referenced sided retweeted touched pledge pledges
    balked reminded deemed underscores underscored promises promise attempts attempted knocked written spoken coined
    unleashed co-sponsored articulated answered noticed opted presented envision envisioned acquiesced hints recognizes
    pressed emailed sounded intimated speculated opined laments marveled brags boasts heralded assailed
    distanced vouched sparred""".split()
)
"""Verbs that attribute a stance, an intention or an evaluation with a plain object ("Ryan endorsed
Trump", "He declined to comment", "Carson called that report a lie"): PolNeAR annotates them as
attributions. Their record is reported, and its words start at the verb so that they read alone.
The last group are verbs of expression and evaluation ("Trump continued to attack", "cast him as
weak", "laid out a plan", "touched on", "sided with") taken from the cues of train misses and kept
where their forms had at least two records on train and three in five or more of them matched a
gold attribution; verbs of acts ("won", "worked", "received": under one in three) stay out."""

STANCE_FALLBACK = frozenset(
    """asked asks urged urges promised promises pledged vowed suggested suggests announced announces
    confirmed confirms denied denies acknowledged acknowledges predicted reported reports recalled recalls
    complained""".split()
)
"""Verbs of speech that, without a clause, still attribute what follows them as a request, a promise
or an announcement ("asked the court to intervene", "denied the report"); "declared a state of
emergency" is an act and stays out."""

STANCE_NOUNS = frozenset(
    """attack attacks show shows offer offers order orders vote votes view views question questions credit credits
    label labels brand brands highlight highlights""".split()
)
"""Forms of stance verbs that are as often nouns ("a harsh attack on", "the call-in show"): after a
description, read as its verb only with an auxiliary before them ("the panel will question")."""

PLURAL_SPEECH_NOUNS = frozenset("claims calls charges demands promises pledges vows reports notes comments remarks replies".split())
"""Forms in -s of verbs of speech that are as often plural nouns ("Trump’s false claims that ..."):
after an owner and words that cannot speak, read as the owner's noun (``extract._noun_of_owner``)."""

SOURCELESS_CUES = frozenset("seem seems seemed appear appears appeared expected reportedly".split())
"""Cues of an impression or a report that names no source ("Sanders appears to have a slight lead",
"Clinton is expected to win", "The group is reportedly spending $1.5 million"): PolNeAR counts them
as attributions without a source; newsprism reads them as reported records with no speaker and no
mention (``extract.is_sourceless``), never as anyone's words."""
