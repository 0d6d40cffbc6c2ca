"""What junk lines look like: the patterns the cleaner matches, each with the reason it records.

Scraped and archived news text carries page furniture the HTML extractor never saw: section
labels, teasers, copyright and edition lines, sign-up prompts, photo credits, share buttons, web
archive notices and newswire editing notes. Each pattern here was written from lines seen in real
copies (the Los Angeles Times seed, BASIL, AllSides, DUC 2004 and Multi-News) and is anchored so
that it matches the whole line, or a known lead-in at its start; a real sentence that merely
mentions a photo or Twitter is left alone.

Patterns are matched against the line with its whitespace collapsed; case is ignored because
Multi-News text is lowercased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class JunkPattern:
    """A regular expression for a junk line and the reason recorded when it matches."""

    reason: str
    pattern: re.Pattern[str]


def _rule(reason: str, *alternatives: str) -> JunkPattern:
    return JunkPattern(reason, re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE))


# Capitalised personal names joined by "and" or commas: "Steve Holland and Jeff Mason".
_NAMES = r"(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*(?:(?:,\s*|\s+and\s+)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*)*)"

_SHARE_WORD = r"(?:share|tweet|e-?mail|print|facebook|twitter|pinterest|linkedin|whatsapp|reddit|google\s?(?:\+|plus)|comments?|copy(?:\s+this)?\s+link|embed|save|messenger|sms)"

# Whole-line junk: the pattern must match the entire line (``fullmatch``).
LINE_PATTERNS: tuple[JunkPattern, ...] = (
    _rule("copyright", r"(?:copyright\s*(?:©|ⓒ|\(c\))?\s*\d{4}|©|ⓒ|\(c\)\s*\d{4}|copyright\s*(?:©|ⓒ|\(c\))).{0,120}",
          r".{0,80}all rights reserved\.?.{0,80}",
          r"this (?:copy|material) is for your personal,? non-commercial use only.{0,500}",
          r"this material may not be published, broadcast, rewritten,? or redistributed\.?"),
    _rule("edition", r"edition\s*:.{0,80}", r"(?:u\.s\.|us|international|uk|global) edition"),
    _rule(
        "teaser",
        r"(?:read more|read also|see also|also read|related(?: coverage| stories| articles| content| links)?|recommended(?: for you)?|watch|listen|latest(?: updates| news)?|most (?:read|popular|viewed)|trending(?: now)?|don't miss|more)(?:\s*[:|»>]\s*.{0,200})?",
        r"more (?:from|on|about) .{1,40}",
        r".{0,60}\bread more (?:on|at|in) our .{1,80}",
        # "- VIDEO: The 20-second hand wash", "SEE MORE: ...", "[Related: ...]", "Also on rt.com ..."
        r"[-•*\[(]?\s*(?:videos?|watch(?: live| now)?|photos|pictures|gallery|see more|related(?: post| article| story)?|"
        r"also(?: read| see)?|more reviews|podcast|listen(?: now)?)\s*:.{1,200}",
        r"also on [\w-]+(?:\.[\w-]+)+\b.{1,200}",
        r"read (?:the )?(?:full|whole|entire|original) (?:story|article|report) (?:at|on|in) .{1,80}",
        r"this (?:article|story) (?:was )?(?:originally|first) (?:appeared|published|ran) (?:on|in|at) .{1,120}",
        r"our standards:.{0,100}",
        r"(?:you (?:may|might) (?:also )?(?:like|enjoy)|more stories|most (?:read|popular|viewed|shared) (?:in|on|from) .{1,40}|"
        r"popular (?:on|in|at) .{1,40}|explore further|recommended (?:reading|stories|articles|videos))\s*[.:…!]*",
        # A linked headline tagged with its kind, as tabloids put them inside the body:
        # "Mayor resigns after budget row [NEWS]", "Storm hits the coast [VIDEO]".
        r"[^.!?]{10,200}\[(?:video|videos|pics|pictures|photos|gallery|insight|reaction|news|warning|poll|live|latest|revealed|analysis|comment|opinion|update)\]\s*\|?",
    ),
    _rule(
        "prompt",
        r"(?:sign up|subscribe|get (?:the|our) .{0,40}newsletter|click here|follow us|join us on|download (?:our|the) app|please enable javascript|enable javascript|we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|by (?:using|continuing to use) this (?:site|website)|already a subscriber|create (?:an|a free) account|turn (?:off|on) (?:your )?ad ?blocker|allow notifications)\b.{0,250}",
        r"advertisement|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: the main story)?(?: below)?|skip (?:advertisement|ad)|close|learn more",
        r"(?:supported|presented|sponsored|powered) by(?: [\w&.'’-]+){0,5}",
        r"skip to (?:the )?(?:main )?(?:content|navigation|search|article)",
        r"close (?:share panel|menu|panel|dialog|popup|window)",
        r".{0,60}\bwill open in a new (?:window|tab)\.?",
        r"listen to (?:this )?(?:article|story)(?:\s*[-–—:·|]?\s*\d+\s*min(?:ute)?s?)?",
        r"\d+\s*(?:-\s*)?min(?:ute)?s?\.? read",
        r"(?:view|show|hide|read|load|see) (?:all )?(?:\d+ )?comments?(?: \(\d+\))?",
        r"(?:comment on|discuss) this (?:story|article)|have your say|join the (?:conversation|discussion|debate)\b.{0,80}",
        r"newsletter sign-?up",
        r"tweet with a location .{0,260}",
        r"add a location to your tweets .{0,260}",
        r"add this (?:tweet|video) to your website .{0,600}",
        r"this will appear next to all of your comments.{0,120}",
        r"the interactive transcript could not be loaded.{0,200}",
        r"(?:just one more thing\.*\s*)?we have sent you a verification email.{0,400}",
        r"you are on twitter mobile because.{0,300}",
        r"media playback is unsupported on your device\.?",
        r"sorry, (?:this|the) (?:video|zip ?code|page) (?:is|was|you) .{0,200}",
        r"notice:? you must log in to continue\.?",
        r"[^.!?]{0,40}\bnewsletter",
        r"(?:get|download) (?:the |our )?.{0,60}\bon the go\b.{0,80}",
    ),
    _rule(
        "affiliate-notice",
        r"(?:.{0,200}[.!?]\s+)?if you (?:buy|purchase|click) (?:something|anything|a product|an item)\b.{0,300}",
        r".{0,120}\b(?:may|might|will) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of (?:the )?(?:sale|revenue))\b.{0,200}",
        r".{0,200}\bquantities may be limited\b.{0,200}",
    ),
    _rule(
        "timestamp",
        r"[-•]?\s*(?:updated|published|posted|last updated|first published|last modified)(?: on| at)?\s*:?\s*[^.!?]{0,20}\d[\w ,.:/-]{0,40}",
        r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?",
    ),
    _rule(
        # The line under an embedded tweet: "— Jane Doe (@janedoe) November 4, 2019". The tweet's
        # own words stay: they are a quotation.
        "tweet-byline",
        r"[—–-]\s*[^()]{1,80}\(@\w{1,15}\)\s*\w+\.? \d{1,2},? \d{4}",
    ),
    _rule(
        # "The Times is committed to publishing a diversity of letters to the editor. ... email: letters@..."
        "letters-prompt",
        r"(?=.{0,400}\bletters? to the editor\b)(?=.{0,400}(?:@|\bsubmit|\bsend (?:us|a|your)|\bwrite to us|\bhear (?:from you|what you think))).{0,600}",
    ),
    _rule(
        "archive-notice",
        r"these crawls are part of an effort to archive pages.{0,900}",
        r"starting in 1996, alexa internet has been donating.{0,1200}",
        r"focused crawls are collections of frequently-updated.{0,500}",
        r"the seed for (?:this crawl|wide\d+) was.{0,500}",
        r"crawl(?:s performed by| of outlinks from) .{0,500}",
        r"this is a set of web ?crawls? .{0,500}",
    ),
    _rule(
        "share-buttons",
        rf"(?:{_SHARE_WORD}(?:\s+(?:this|on|via|to|the|story|article|page|with|a|friend|your|friends))*[\s|/·•,:-]*){{1,12}}(?:&#124;|\|)?",
    ),
    _rule(
        "photo-credit",
        r"(?:photo|photograph|picture|image|video|graphic|illustration)s?(?: credit)?\s*:\s*.{0,120}",
        r"(?:photo|photograph|picture|image|video|graphic|illustration)s?(?: credit)?\s*(?:by|courtesy of)\s+(?-i:[A-Z])[^!?]{0,80}(?<![.!?])",
        r"(?:image copyright|getty images|ap photo|associated press|reuters|afp|epa|file photo)(?:/[\w .'-]{1,60})?",
        r"\(?(?:ap|afp|reuters|getty|epa)(?: photo)?/[\w .'-]{1,60}\)?",
        r"[\w .'-]{2,60}\s*/\s*(?:getty images|afp|reuters|ap|epa|bloomberg|the associated press)(?: via getty images)?",
    ),
    _rule(
        "photo-caption",
        r".{10,400}\((?:ap|afp|reuters|getty images|epa)?\s*photo(?:/| by | credit:? )[^)]{1,80}\)\.?",
        r".{10,400}\((?:photo|image|credit)\s*:[^)]{1,80}\)\.?",
        r"(?:file[ -]+(?:photo)?\s*[-:—–]\s*)(?:in this|this|a|an|the) .{5,400}",
        r"in this (?:undated |handout |file |undated handout )?photo\b.{5,300}",
        r"this (?:undated|handout|file|undated handout) photo\b.{5,300}",
        r".{10,400}\bcredit\s*:?\s*[\w .'-]{2,60}/[\w .'-]{2,40}",
        r".{10,400}\((?:the )?(?:associated press|ap|reuters|getty images|afp|epa)\)\.?",
        r"image caption .{1,200}",
        r"media caption .{1,200}",
    ),
    _rule(
        "credit",
        r".{3,160}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?",
        r"(?-i:[A-Z])[\w.'’ -]{2,80}\bcontributed (?:additional )?reporting(?: from [\w.,'’ -]{2,60})?\.?",
        r"\(\s*(?:additional )?(?:reporting|writing|editing|compiled) by [^()]{2,300}\)\.?",
        rf"\(?(?:additional )?(?:reporting|writing|editing|story|text|written) by {_NAMES}(?:\s*[;,]\s*(?:additional )?(?:reporting|writing|editing) by {_NAMES})*\)?\.?",
    ),
    _rule(
        "wire-note",
        r"[^.]{1,60},\s*(?:\d+(?:st|nd|rd|th)\s*graf|graf\s*\d+|pickup\s*\d*(?:st|nd|rd|th)?)\s*(?:p[vr]s)?(?:\s*,\s*[\w-]{1,30})?",
        r"\(\s*[a-z]{2,4}\s*\)",
        r"more|end ?it|endit|\(?end\)?|-+\s*30\s*-+|#+|\*+|_+",
    ),
    _rule("tags", r"(?:tags|tagged|topics|filed under|categories)\s*(?::.{0,300})?"),
    _rule("image-link", r"https?://\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?"),
    _rule("no-text", r"[\W_]+"),
)

# Junk that opens a line the body continues on (Multi-News keeps each document on one line).
# Only the matched lead-in is removed; the rest of the line stays.
LEAD_IN_PATTERNS: tuple[JunkPattern, ...] = (
    _rule("prompt", r"media playback is unsupported on your device\s+", r"please enable javascript to watch this video\s+",
          r"photo advertisement continue reading the main story\s+", r"advertisement continue reading the main story\s+",
          r"breaking news emails get breaking news alerts and special reports\. the news and stories that matter, delivered weekday mornings\.\s*(?:/\s*)?",
          r"hide transcript show transcript\s+"),
    _rule("share-buttons", r"play facebook twitter google plus embed\s+"),
)

# Junk that closes a line whose start is body text: a pull quote's share button.
# Only the matched tail is removed.
TRAILER_PATTERNS: tuple[JunkPattern, ...] = (
    _rule("share-buttons", r"\s*click to tweet\s*$"),
)

# A byline line: "By Jane Doe", "By JANE DOE and JOHN ROE, Staff Writers".
BYLINE = re.compile(
    r"[Bb]y\s+(?P<name>[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|de|van|von|la|and|&))*(?:\s*,\s*[\w .'-]{2,60})?)",
)

# Wire agencies whose name in a dateline "(AP)" is evidence of the outlet.
AGENCY = r"(?:ap|afp|reuters|cnn|upi|bloomberg|nyt|tass|rt|ap photo|dpa|xinhua|kyodo|marketwatch)"

# A dateline opening the first body line: "WASHINGTON —", "KANSAS CITY, Mo. —",
# "BRUSSELS, Belgium( AP)", "new york ( ap ) —", "(CNN) --". Without a wire agency the place must be in
# capitals and followed by a dash, so that "Obama — who ..." is never taken for a dateline.
_PLACE = r"[A-Za-z][\w.'’ -]{1,40}(?:,\s*[A-Za-z][\w.' -]{1,30})?"
_PLACE_CAPS = r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?"
_WIRE = rf"\(\s*(?P<agency>(?i:{AGENCY}))\s*\)"
_DASH = r"(?:—|--|–|_)"
DATELINE_WITH_AGENCY = re.compile(rf"(?P<dateline>(?:{_PLACE}\s*)?{_WIRE})\s*(?:{_DASH}|-|:)?\s+")
DATELINE_CAPS = re.compile(rf"(?P<dateline>{_PLACE_CAPS})\s*{_DASH}\s+(?=\S)")
# A dateline alone on its line, before the body.
DATELINE_LINE = re.compile(rf"(?P<dateline>{_PLACE_CAPS}(?=\s*{_DASH})|{_PLACE}\s*{_WIRE})\s*(?:{_DASH}|-|:)?")

# Outlet evidence in a copyright line: "Copyright © 2018, Los Angeles Times".
COPYRIGHT_OWNER = re.compile(
    r"(?:copyright|©|\(c\))(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?(?P<owner>[^.,|;©]{2,60}?)\s*(?:[.,|;]|all rights reserved|$)",
    re.IGNORECASE,
)

# One sentence of a reader prompt: newsletter sign-ups and their thank-you and error notices,
# "follow us" and "write to the reporter at" contact lines, subscription offers. A line made only
# of such sentences is a prompt ("Write to Jane Roe at jane.roe@example.com",
# "Follow us on Facebook, Twitter and Instagram."); a body sentence that merely
# mentions a newsletter does not open like one.
PROMPT_SENTENCE = re.compile(
    r"[-•*\s]*(?:"
    r"(?:[\w.&'’ ]{1,30}:\s*)?(?:sign up|subscribe|register|join)\b.{0,200}\b(?:newsletters?|inbox|e-?mails?|updates|alerts|today|free|now|here)\b"
    r"|(?:[\w.&'’ ]{1,30}:\s*)?(?:sign up|subscribe)(?: now| today| free)? (?:for|to)\b[^.!?]{1,80}[.!?]?$"
    r"|(?:get|receive|start your day with|stay up to date with|never miss)\b.{0,160}\b(?:newsletters?|inbox|delivered|alerts|e-?mails?)\b"
    r"|.{0,120}\b(?:delivered|straight|right|directly) (?:to|in|into) your (?:inbox|letterbox|mailbox)\b"
    r"|.{0,120}\bby (?:subscribing|signing up) to (?:our|the)\b"
    r"|thanks?(?: you)? for (?:signing up|subscribing|reading)\b"
    r"|keep an eye on your inbox\b"
    r"|(?:there was an?|an) error (?:has occurred|occurred|processing your (?:subscription|request))\b"
    r"|(?:sorry|thank you|thanks)\b[!.]?$"
    r"|please try again(?: later)?\b"
    r"|follow (?:us|him|her|them|me|@\w+|[\w.'’&-]+(?: [\w.'’&-]+){0,8}) (?:on|at|via) (?:(?:twitter|facebook|instagram|youtube|linkedin|tiktok|threads|bluesky|social media|snapchat)\b|@|https?://)"
    r"|follow (?:us|him|her|them|me) @\w+"
    r"|(?:e-?mail|write to|contact|reach)\b.{1,80}\bat \S+@\S+"
    r"|(?:e-?mail|write to|contact|reach)\b.{1,80}\b(?:on|via) (?:twitter|facebook|instagram)\b"
    r"|.{1,60}\b(?:can|may) be (?:reached|contacted|e-?mailed) at\b"
    r"|(?:have|got) a (?:news )?tip\?"
    r"|if you (?:enjoyed|liked|value) (?:this|our) (?:article|story|journalism|reporting)\b"
    r"|(?:like|enjoy(?:ed)?) this (?:story|article)\?$"
    r"|want (?:more|the latest|to (?:know|read) more)\b[^.!?]{0,80}\?$"
    r"|share (?:it|this(?: story| article)?) with (?:a friend|your friends)\b"
    r"|(?:listen|tune in) (?:to .{1,60} )?(?:live|back here|now)\b"
    r"|if you(?:'|’)?re (?:on|using|reading (?:this )?(?:on|in)) (?:the |our )?.{0,60}\bapp\b"
    r"|(?:download|get) (?:the |our )?.{0,40}\bapp\b(?! store)"
    r"|click here to (?:watch|listen|read|see|view|sign up|subscribe|download|get|follow|learn|find out|play)\b"
    r")",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[\"“'‘(\[]?[A-Z0-9@])")


def is_prompt(text: str) -> bool:
    """Whether every sentence of a line is a reader prompt (``PROMPT_SENTENCE``)."""
    if len(text) > 600:
        return False
    return all(PROMPT_SENTENCE.match(sentence) for sentence in _SENTENCE_BREAK.split(text) if sentence.strip())
