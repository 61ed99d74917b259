"""Every word list the offline backend reads: hedge, judgment and attribution cues, entity cues.

Lists hold words and phrases only; the patterns that use them live in the modules that need
them. Cues are matched case-insensitively on word boundaries, longest first.
"""

from __future__ import annotations

from typing import Final

# --- Hedges and judgments -----------------------------------------------------------------

#: Uncertainty cues (Kent's "speculation"): possibility without commitment, unknowns,
#: evidential hedges. None of them maps to an ICD 203 band.
UNCERTAINTY_CUES: Final[tuple[str, ...]] = (
    # modals of possibility
    "may", "might", "could", "may have", "might have", "could have", "may not", "might not",
    "possibly", "perhaps", "possible", "possibility", "potentially", "conceivably",
    # explicit refusals to exclude
    "does not rule out", "do not rule out", "did not rule out", "not ruling out",
    "cannot rule out", "could not rule out", "can't rule out", "cannot be ruled out",
    "could not be ruled out", "not be ruled out", "has not been ruled out", "not ruled out",
    "cannot be excluded", "could not be excluded", "cannot exclude", "did not exclude",
    "does not exclude", "not excluded",
    # unknowns and open questions
    "unclear", "not clear", "unknown", "not known", "not yet known", "remains to be seen",
    "unconfirmed", "not been confirmed", "not been verified", "could not be verified",
    "could not be independently verified", "could not be confirmed", "cannot be verified",
    "could not immediately be verified", "could not be independently confirmed",
    "cannot say", "can't say", "could not say", "unable to say", "could not independently verify",
    "could not verify", "cannot verify", "cannot confirm", "could not confirm",
    "unable to verify", "unable to confirm", "have not ruled out", "has not ruled out",
    "had not ruled out", "not ruling out",
    "whether", "uncertain", "no indication of whether",
    # evidential hedges
    "appears to", "appear to", "appeared to", "appearing to", "it appears", "it appeared",
    "apparently", "seems to", "seem to", "seemed to", "it seems", "it seemed", "seemingly",
    "suspected of", "suggests", "suggest", "suggested", "suggesting", "allegedly",
    "purportedly", "speculation", "unverified", "presumably", "supposedly", "implied that",
    "potential", "reputedly", "hypothesis", "little is known", "under question",
    "rumoured", "rumored", "rumours", "rumors",  # not "a rumour", mostly what is spread or denied
    "come under question", "came under question", "not well understood", "never been proven",
    # (verbs and nouns that hedge in every form, "allege", "seem", are CUE_LEMMAS)
    # conditionals
    "if", "unless",
)

#: Cue verbs and nouns listed once, as lemmas: their inflected forms ("alleges", "alleging",
#: "foresaw") count too (``cue_forms``). Only words that are cues in every form: not "think"
#: ("thought" is also a noun) nor "consider" ("considered the plan" is an act).
CUE_LEMMAS: Final[dict[str, tuple[str, ...]]] = {
    "uncertainty": ("allege", "allegation", "speculate", "seem", "imply", "hypothesize",
                    "hypothesise", "purport"),
    "judgment": ("expect", "foresee", "predict", "anticipate", "forecast", "believe"),
}

#: Judgment cues: verbs and phrases with which a holder commits to an estimate.
JUDGMENT_CUES: Final[tuple[str, ...]] = (
    "assess", "assesses", "assessed", "judge that", "judges that", "judged", "think", "thinks",
    "thought that", "suspect that", "suspects that", "suspected that", "suspects",
    "consider that", "considers that", "considered that", "conclude that", "concludes that",
    "concluded that", "estimate that", "estimates that", "estimated that", "in the view of",
    "in his view", "in her view", "in their view", "in our view", "in its view",
    "is confident that", "are confident that", "was confident that", "were confident that",
    "is convinced", "are convinced", "was convinced", "were convinced", "in our judgement",
    "in our judgment", "in our estimate", "in our estimation", "in my view",
    "in my judgement", "in my judgment", "in our assessment", "in their assessment",
    "expressed confidence", "voiced confidence", "belief that", "the belief",
    "assumption that", "under the assumption", "thought of as", "be thought of",
    # (verbs that judge in every form, "expect", "believe", "predict", are CUE_LEMMAS)
)

#: Phrases that look like cues but are not ("an estimated 300 people": a quantity).
NOT_CUES: Final[tuple[str, ...]] = (
    "an estimated", "as expected", "than expected", "than anticipated", "if any",
    "whether or not", "as if", "even if it", "could not reach", "could not be reached",
    "could not attend", "could not find", "could not return", "could not enter",
    "could not leave", "could not access", "could not get", "could not contact",
    "could not cross", "could not land", "could not dock", "as soon as possible",
    "where possible", "if possible", "whenever possible", "made possible", "think tank",
    "think-tank", "think tanks", "think-tanks", "the suspect", "a suspect", "suspects were",
    "the suspects", "weather forecast", "declined to speculate", "refused to speculate",
    "would not speculate", "did not speculate", "if and only if", "if anything",
    "best possible", "as far as possible", "wherever possible", "highest possible",
    "lowest possible", "greatest possible", "every possible", "as much as possible",
)

#: Stated analytic confidence (never inferred): phrase -> level.
CONFIDENCE_CUES: Final[dict[str, str]] = {
    "high confidence": "high",
    "moderate confidence": "moderate",
    "medium confidence": "moderate",
    "low confidence": "low",
}

# --- Attribution ---------------------------------------------------------------------------

#: Verbs and verb phrases that attribute a statement to whoever is their subject.
ATTRIBUTION_VERBS: Final[tuple[str, ...]] = (
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report",
    "stated", "states", "announced", "announces", "added", "adds", "noted", "notes",
    "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses",
    "underlined", "underscored", "claimed", "claims", "claim", "confirmed", "confirms",
    "denied", "denies", "deny", "warned", "warns", "warn", "insisted", "insists", "argued",
    "argues", "argue", "explained", "explains", "wrote", "writes", "acknowledged",
    "acknowledges", "admitted", "admits", "alleged", "alleges", "asserted", "asserts",
    "declared", "declares", "indicated", "indicates", "estimated", "estimates", "estimate",
    "assessed", "assesses", "assess", "believes", "believe", "believed", "thinks", "think",
    "judged", "judges", "judge", "concluded", "concludes", "conclude", "expects", "expect",
    "expected", "suspect", "suspects", "suspected", "fear", "fears", "feared",
    "expressed concern", "expressed alarm", "voiced concern", "raised concern",
    "condemned", "condemns", "accused", "accuses", "denounced", "denounces", "rejected",
    "rejects", "dismissed", "dismisses", "predicted", "predicts", "forecast", "cautioned",
    "cautions", "speculated", "suggested", "suggests", "hinted", "revealed", "disclosed",
    "reiterated", "repeated", "maintained", "maintains", "contended", "contends",
    "does not rule out", "do not rule out", "did not rule out", "would not rule out",
    "refused to rule out", "declined to rule out", "did not exclude", "does not exclude",
    "quoted", "cited", "recalled", "observed", "pointed out", "made clear", "asked",
    "conceded", "concedes", "announced that", "briefed", "informed", "urged", "urges",
    "called", "described", "characterized", "characterised", "protested",
    "considers", "consider", "considered", "anticipates", "anticipate", "insist", "rejects",
    "reject", "disputed", "disputes", "did not dispute", "declined to comment", "declined",
    "refused", "have not ruled out", "has not ruled out", "had not ruled out",
    "expressed confidence", "voiced confidence", "explained", "agreed", "agree", "agrees",
    "is confident", "are confident", "was confident", "were confident",
    "is convinced", "are convinced", "was convinced", "were convinced",
    # commitments: the body that promises holds the promise
    "promised", "promises", "pledged", "pledges", "vowed", "vows",
    # investigations of an open question: the investigator holds the unknown
    "is investigating whether", "are investigating whether", "was investigating whether",
    "were investigating whether", "is examining whether", "are examining whether",
    "was examining whether", "were examining whether", "is looking into whether",
    "are looking into whether", "is checking whether", "are checking whether",
    "is trying to establish whether", "are trying to establish whether",
)

#: Prepositional attributions that precede their holder: "according to the ministry".
PREPOSED_ATTRIBUTIONS: Final[tuple[str, ...]] = (
    "according to", "as noted by", "as reported by", "as stated by", "as quoted by",
    "as cited by", "in the view of", "in the words of", "as confirmed by", "as announced by",
    "citing", "quoting", "as claimed by", "as estimated by", "as assessed by",
    "as it was noted by", "as was noted by", "as informed", "as it was reported by",
    "as was reported by", "as it was stated by", "as was stated by", "told by",
)

#: Calls to action, which are no claims (GUIDE.md): a passive directive addressed to the public
#: ("Residents are asked not to approach them") or a directive verb ("The Ministry urges all
#: vessels to ..."), each in the present tense: "police urged residents to ..." reports a call.
DIRECTIVE_PASSIVES: Final[tuple[str, ...]] = ("asked", "urged", "advised", "requested",
                                               "instructed")
#: ("calls on" is left out: "the resolution calls on both sides to ..." reports a text's content.)
DIRECTIVE_VERBS: Final[tuple[str, ...]] = ("urge", "urges")

#: Words that, standing alone as a subject, are anaphora to an earlier holder.
PERSON_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she"})
GROUP_PRONOUNS: Final[frozenset[str]] = frozenset({"they"})
#: "We" and "I" are the report's own voice (commentary, statements): no holder.
NON_HOLDER_SUBJECTS: Final[frozenset[str]] = frozenset({
    "it", "this", "that", "these", "those", "there", "which", "who", "i", "you", "what",
    "some", "others", "one", "many", "few", "both", "all", "each", "none", "we", "no", "her",
    "his", "its", "their", "our", "my", "your", "nobody", "nothing", "such",
})

#: Attribution verbs that only people and bodies do: with them, any noun phrase can hold.
SPEECH_VERBS: Final[frozenset[str]] = frozenset({
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states",
    "insisted", "insists", "insist", "warned", "warns", "warn", "argued", "argues", "argue",
    "explained", "explains", "wrote", "writes", "claimed", "claims", "claim", "denied",
    "denies", "deny", "believe", "believes", "believed", "think", "thinks", "judge",
    "judges", "judged", "assess", "assesses", "assessed", "estimate", "estimates",
    "estimated", "consider", "considers", "considered", "concluded", "conclude",
    "concludes", "expect", "expects", "suspect", "suspects", "suspected", "fear", "fears",
    "feared", "acknowledged", "admitted", "declared", "announced", "reported", "emphasized",
    "emphasised", "stressed", "noted", "confirmed", "condemned", "accused", "rejected",
    "rejects", "reject", "recalled", "conceded", "agreed", "agree", "agrees",
    "declined to comment", "expressed concern", "expressed confidence",
})

#: Words that may sit between a subject and its verb ("has denied", "did not rule out").
VERB_AUXILIARIES: Final[frozenset[str]] = frozenset({
    "has", "have", "had", "would", "will", "did", "does", "do", "also", "not", "later",
    "earlier", "again", "then", "still", "only", "further", "repeatedly", "previously",
    "already", "now", "reportedly", "separately", "publicly", "privately", "once",
})

#: Words that cannot end a subject noun phrase (so "were reported" is passive, not attribution).
AUXILIARIES: Final[frozenset[str]] = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "not", "also",
    "will", "would", "could", "should", "might", "may", "can", "must", "shall", "did",
    "does", "do", "widely", "that", "which", "who", "to", "and", "or", "but", "as", "if",
    "when", "than", "of", "by", "with", "for", "from", "in", "on", "at", "into", "it",
    "they", "we", "this", "later", "previously", "once", "then",
})

#: Adverbials that may open a clause before its subject ("On Wednesday, ...", "However, ...").
CLAUSE_OPENERS: Final[tuple[str, ...]] = (
    "however", "meanwhile", "moreover", "furthermore", "separately", "earlier", "later",
    "also", "still", "yet", "in addition", "in a statement", "in a separate statement",
    "speaking to reporters", "on", "in", "at", "late", "early", "by", "after", "before",
    "since", "during", "last", "this", "overnight", "today", "yesterday", "and", "but",
    "while", "so", "then", "for its part", "for his part", "for her part", "in response",
    "nonetheless", "nevertheless", "instead", "similarly", "likewise", "so far", "to date",
)

#: Common nouns that head a holder noun phrase ("the ministry", "a spokeswoman").
HOLDER_NOUNS: Final[frozenset[str]] = frozenset({
    "official", "officials", "analyst", "analysts", "authorities", "authority", "military",
    "army", "navy", "ministry", "government", "spokesperson", "spokesman", "spokeswoman",
    "police", "experts", "expert", "diplomat", "diplomats", "sources", "source", "residents",
    "witnesses", "witness", "observers", "agency", "newspaper", "paper", "broadcaster",
    "statement", "report", "minister", "president", "commander", "investigators",
    "researchers", "institute", "regime", "council", "committee", "command", "officer",
    "officers", "prosecutors", "prosecutor", "court", "monitors", "monitor", "group",
    "coalition", "embassy", "envoy", "ambassador", "mayor", "governor", "lawmakers",
    "legislators", "rebels", "insurgents", "militants", "activists", "organisers",
    "organizers", "inspectors", "engineers", "doctors", "medics", "staff", "chief",
    "director", "secretary", "general", "colonel", "admiral", "brigadier", "captain",
    "premier", "chancellor", "cabinet", "parliament", "office", "service", "services",
    "intelligence", "company", "firm", "operator", "bank", "union", "party", "opposition",
    "administration", "leadership", "leader", "leaders", "team", "mission", "observatory",
    "think tank", "study", "survey", "assessment", "journalists", "correspondent",
    "reporters", "bulletin", "communique", "communiqué", "release", "outlet", "media",
    "guard", "forces", "force", "troops", "commanders", "staffers", "aides", "aide",
    "negotiators", "mediators", "mediator", "delegation", "delegates", "scientists",
})

# --- Entities ------------------------------------------------------------------------------

#: Titles that precede a person's name ("Defence Minister", "Colonel").
PERSON_TITLES: Final[frozenset[str]] = frozenset({
    "minister", "president", "prime", "deputy", "vice", "general", "gen.", "colonel", "col.",
    "lt.", "lieutenant", "major", "maj.", "captain", "capt.", "admiral", "adm.", "brigadier",
    "commander", "commodore", "sergeant", "spokesperson", "spokesman", "spokeswoman", "dr",
    "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof.", "professor", "chief", "director",
    "secretary", "senator", "governor", "mayor", "ambassador", "envoy", "king", "queen",
    "prince", "princess", "sheikh", "emir", "sultan", "judge", "justice", "premier",
    "chancellor", "marshal", "field", "rear", "foreign", "defence", "defense", "interior",
    "finance", "trade", "energy", "health", "home", "state", "acting",
    "former", "senior", "leader", "chairman", "chairwoman", "chair", "speaker", "pastor",
    "imam", "bishop", "father", "analyst", "researcher", "correspondent", "editor",
})

#: Last words of organization names.
ORG_WORDS: Final[frozenset[str]] = frozenset({
    "ministry", "agency", "council", "command", "chiefs", "staff", "army", "navy", "force",
    "forces", "guard", "guards", "police", "service", "services", "committee", "commission",
    "party", "front", "movement", "institute", "institution", "centre", "center",
    "university", "bank", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd",
    "group", "office", "department", "directorate", "bureau", "court", "parliament",
    "assembly", "congress", "senate", "government", "administration", "authority",
    "organisation", "organization", "union", "alliance", "news", "times", "post", "herald",
    "tribune", "gazette", "journal", "press", "radio", "television", "tv", "wire",
    "association", "federation", "league", "brigade", "regiment", "battalion", "division",
    "corps", "fleet", "coalition", "network", "foundation", "observatory", "cabinet",
    "secretariat", "mission", "embassy", "consulate", "tribunal", "board", "fund", "trust",
    "society", "academy", "school", "hospital", "courier", "monitor", "daily",
    # the last word of many firms' names ("Northway Gas", "Azul Lines", "Orlen Hydro")
    "gas", "oil", "energy", "hydro", "maritime", "shipping", "lines", "airlines", "airways",
    "holdings", "industries", "logistics", "motors", "systems", "technologies", "telecom",
    "mining", "petroleum", "pharmaceuticals", "partners", "resources", "chemicals",
    "networks", "solutions", "labs", "shipyard", "shipyards", "refineries", "utilities",
    "weekly", "review", "broadcasting", "broadcaster", "media", "house", "nations", "caucus",
    "campaign",
})

#: Words of direction that open a region's name ("Middle East", "West Bank", "North Carolina"),
#: and the last words of regions ("East Asia", "Central America").
COMPASS_WORDS: Final[frozenset[str]] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "middle", "near", "far", "northeast", "northwest", "southeast", "southwest",
})
REGION_ENDINGS: Final[frozenset[str]] = frozenset({
    "east", "asia", "africa", "america", "americas", "europe", "pacific", "atlantic", "arctic",
    "caucasus", "balkans", "sahel", "levant",
})
#: Regions and sub-national places named by one or two words (real-world facts, for real
#: reports): continents and the states of the United States.
REGIONS: Final[frozenset[str]] = frozenset({
    "Africa", "Asia", "Europe", "Antarctica", "Oceania", "Eurasia", "Scandinavia",
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
})

#: Words that name geographical features; a name ending in one is a location.
PLACE_WORDS: Final[frozenset[str]] = frozenset({
    "sea", "ocean", "gulf", "bay", "strait", "straits", "river", "lake", "mountains",
    "mount", "hills", "valley", "province", "region", "district", "county", "island",
    "islands", "peninsula", "city", "port", "harbour", "harbor", "border", "pass", "desert",
    "plateau", "coast", "canal", "airport", "airbase", "base", "square", "street", "bridge",
    "dam", "oblast", "governorate", "prefecture", "state", "territory", "territories",
    "delta", "basin", "highlands", "lowlands", "heights", "corridor", "crossing", "camp",
    "reef", "shoal", "archipelago", "cape", "channel", "field", "fields", "refinery",
    "plant", "terminal", "depot", "station", "republic", "kingdom", "emirate", "principality",
    "sultanate",
})

#: Prepositions after which a bare capitalized name is taken as a place.
PLACE_PREPOSITIONS: Final[frozenset[str]] = frozenset({
    "in", "from", "near", "towards", "toward", "across", "outside", "into", "around",
    "off", "inside", "via", "through", "between", "along", "of", "port", "city", "town",
    "village",
})

#: Countries and territories recognised by name (real-world facts, for real reports).
COUNTRIES: Final[frozenset[str]] = frozenset({
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Benin",
    "Bolivia", "Bosnia", "Botswana", "Brazil", "Bulgaria", "Burkina Faso", "Burundi",
    "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Congo",
    "Croatia", "Cuba", "Cyprus", "Czechia", "Czech Republic", "Denmark", "Djibouti",
    "Ecuador", "Egypt", "Eritrea", "Estonia", "Ethiopia", "Finland", "France", "Gabon",
    "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Guinea", "Haiti", "Honduras",
    "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
    "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos",
    "Latvia", "Lebanon", "Libya", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
    "Malaysia", "Mali", "Mauritania", "Mexico", "Moldova", "Mongolia", "Montenegro",
    "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal", "Netherlands", "New Zealand",
    "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman",
    "Pakistan", "Palestine", "Panama", "Paraguay", "Peru", "Philippines", "Poland",
    "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia", "Senegal", "Serbia",
    "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa",
    "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland",
    "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Togo", "Tunisia", "Turkey",
    "Türkiye", "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam",
    "Yemen", "Zambia", "Zimbabwe", "USA", "US", "U.S.", "UK", "UAE", "DPRK", "ROK", "PRC",
})

#: Weapon classes named by common nouns (matched with an optional range/role prefix).
WEAPON_NOUNS: Final[tuple[str, ...]] = (
    "ballistic missile", "ballistic missiles", "cruise missile", "cruise missiles",
    "hypersonic missile", "hypersonic missiles", "anti-ship missile", "anti-ship missiles",
    "surface-to-air missile", "surface-to-air missiles", "missile", "missiles", "rocket",
    "rockets", "drone", "drones", "warship", "warships", "submarine", "submarines", "tank",
    "tanks", "artillery", "howitzer", "howitzers", "mortar", "mortars", "rocket launcher",
    "rocket launchers", "fighter jet", "fighter jets", "bomber", "bombers", "frigate",
    "frigates", "destroyer", "destroyers", "warhead", "warheads", "mines", "landmines",
    "grenades", "rifles", "munitions", "ammunition", "interceptor", "interceptors",
)

#: Capitalized words that open sentences but name nothing.
CAPITALIZED_STOPWORDS: Final[frozenset[str]] = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "However", "According", "On", "In",
    "At", "By", "For", "From", "With", "Without", "After", "Before", "During", "Since",
    "Meanwhile", "Moreover", "Furthermore", "It", "Its", "He", "She", "They", "We", "I",
    "His", "Her", "Their", "Our", "There", "Here", "What", "Why", "How", "When", "Where",
    "Who", "Which", "While", "If", "Unless", "But", "And", "Or", "As", "Also", "Some",
    "Many", "Most", "All", "One", "Two", "Three", "Four", "Five", "Several", "No", "Not",
    "Officials", "Analysts", "Experts", "Earlier", "Later", "Last", "Next", "Today",
    "Yesterday", "Tomorrow", "Still", "Yet", "Such", "Other", "Both", "Each", "Any",
    "Asked", "Speaking", "Separately", "Despite", "Although", "Though", "Because", "Until",
    "Under", "Over", "About", "Amid", "Among", "Against", "Following", "Once", "Then",
    "Now", "Thus", "Therefore", "Nonetheless", "Nevertheless", "Instead", "Mr", "Mrs", "Ms",
    "Dr", "Update", "Updated", "Editor", "Note", "Photo", "Read", "More", "See", "Click",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Is", "Was", "Are", "Were", "Did", "Do", "Does",
    "Will", "Would", "Could", "Should", "Can", "Might", "Must", "Has", "Have", "Had",
    "Let", "To", "Of", "Up", "Out", "Off", "Within", "Through", "Toward", "Towards",
    "AM", "PM", "GMT", "UTC",
})

MONTHS: Final[tuple[str, ...]] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
MONTH_ABBREVIATIONS: Final[dict[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: Final[tuple[str, ...]] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)

#: Number words and vague counts, with their value when they have one.
NUMBER_WORDS: Final[dict[str, float | None]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozens": None,
    "hundreds": None, "thousands": None, "several": None, "a few": None, "scores": None,
}
#: Tens that join a unit with a hyphen: "twenty-three".
TENS_WORDS: Final[frozenset[str]] = frozenset({
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
})
SCALE_WORDS: Final[dict[str, float]] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
#: Abbreviations that stand before a name or number ("Gen. Park", "No. 4"): a period after one
#: rarely ends a sentence. Lower-case, without the period; single-letter initials count too.
NAME_ABBREVIATIONS: Final[frozenset[str]] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "rev", "fr", "sr", "jr", "st", "mt", "ft",
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig",
    "gov", "sen", "rep", "pres", "amb", "hon", "insp", "supt", "det", "no", "nos", "vol", "art",
    "sec", "dept", "ave", "rd", "blvd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
#: Role nouns of a business; "the company" may go back to a firm introduced by any of them
#: ("the dam's operator, Drevhydro, said ... the company said").
BUSINESS_ROLES: Final[frozenset[str]] = frozenset({
    "company", "firm", "operator", "utility", "maker", "manufacturer", "producer", "carrier",
    "contractor", "supplier", "owner", "insurer", "lender", "bank", "airline", "shipper",
    "developer", "exporter", "importer", "conglomerate", "subsidiary", "distributor",
})
