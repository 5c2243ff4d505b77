//! The reporting-verb lexicon: surface forms of speech, cognition and stance verbs,
//! with the stance a verb itself expresses and how the verb takes its content.

use model::Stance;

/// How a cue verb relates to its source and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// Plain speech verbs ("say", "add", "note"): the source may follow the verb
    /// ("…, said Ann Smith") and the clause may stand before it ("…, she said").
    Speech,
    /// Verbs with an addressee before the content ("told CNN that …", "urged
    /// Congress to …").
    Tell,
    /// Cognition, attitude and evidence verbs ("believe", "want", "show"): source
    /// before, content after only.
    Attitude,
}

/// One lexicon entry: the forms of a verb (base, third person, past, -ing); an
/// empty form is not used (a noun too often: "state", "post").
pub(crate) struct CueVerb {
    pub forms: [&'static str; 4],
    pub stance: Option<Stance>,
    pub class: VerbClass,
    /// The base form is also a common noun ("report", "claim", "call"); the base
    /// and -s forms then need verbal context.
    pub noun_like: bool,
}

const fn v(
    forms: [&'static str; 4],
    stance: Option<Stance>,
    class: VerbClass,
    noun_like: bool,
) -> CueVerb {
    CueVerb {
        forms,
        stance,
        class,
        noun_like,
    }
}

use Stance::*;
use VerbClass::*;

/// Every cue verb we know.
pub(crate) const VERBS: &[CueVerb] = &[
    v(["say", "says", "said", "saying"], None, Speech, false),
    v(["add", "adds", "added", "adding"], None, Speech, false),
    v(["tell", "tells", "told", "telling"], None, Tell, false),
    v(["write", "writes", "wrote", "writing"], None, Speech, false),
    v(["note", "notes", "noted", "noting"], None, Speech, true),
    v(["explain", "explains", "explained", "explaining"], None, Speech, false),
    v(["argue", "argues", "argued", "arguing"], None, Speech, false),
    v(["continue", "continues", "continued", "continuing"], None, Speech, false),
    v(["ask", "asks", "asked", "asking"], None, Tell, false),
    v(["reply", "replies", "replied", "replying"], None, Speech, false),
    v(["respond", "responds", "responded", "responding"], None, Speech, false),
    v(["answer", "answers", "answered", "answering"], None, Speech, true),
    v(["report", "reports", "reported", "reporting"], None, Speech, true),
    v(["announce", "announces", "announced", "announcing"], None, Speech, false),
    v(["declare", "declares", "declared", "declaring"], None, Speech, false),
    v(["", "", "stated", "stating"], None, Speech, false),
    v(["tweet", "tweets", "tweeted", "tweeting"], None, Speech, true),
    v(["", "", "posted", "posting"], None, Speech, false),
    v(["recall", "recalls", "recalled", "recalling"], None, Speech, false),
    v(["acknowledge", "acknowledges", "acknowledged", "acknowledging"], None, Speech, false),
    v(["admit", "admits", "admitted", "admitting"], None, Speech, false),
    v(["concede", "concedes", "conceded", "conceding"], None, Speech, false),
    v(["confirm", "confirms", "confirmed", "confirming"], None, Speech, false),
    v(["reveal", "reveals", "revealed", "revealing"], None, Speech, false),
    v(["disclose", "discloses", "disclosed", "disclosing"], None, Speech, false),
    v(["stress", "stresses", "stressed", "stressing"], None, Speech, true),
    v(["emphasize", "emphasizes", "emphasized", "emphasizing"], None, Speech, false),
    v(["emphasise", "emphasises", "emphasised", "emphasising"], None, Speech, false),
    v(["underline", "underlines", "underlined", "underlining"], None, Speech, false),
    v(["reiterate", "reiterates", "reiterated", "reiterating"], None, Speech, false),
    v(["repeat", "repeats", "repeated", "repeating"], None, Speech, false),
    v(["point out", "points out", "pointed out", "pointing out"], None, Speech, false),
    v(["observe", "observes", "observed", "observing"], None, Speech, false),
    v(["comment", "comments", "commented", "commenting"], None, Speech, true),
    v(["remark", "remarks", "remarked", "remarking"], None, Speech, true),
    v(["mention", "mentions", "mentioned", "mentioning"], None, Speech, true),
    v(["conclude", "concludes", "concluded", "concluding"], None, Speech, false),
    v(["estimate", "estimates", "estimated", "estimating"], None, Speech, true),
    v(["predict", "predicts", "predicted", "predicting"], None, Speech, false),
    v(["forecast", "forecasts", "forecast", "forecasting"], None, Speech, true),
    v(["contend", "contends", "contended", "contending"], None, Speech, false),
    v(["assert", "asserts", "asserted", "asserting"], None, Speech, false),
    v(["maintain", "maintains", "maintained", "maintaining"], None, Speech, false),
    v(["complain", "complains", "complained", "complaining"], None, Speech, false),
    v(["joke", "jokes", "joked", "joking"], None, Speech, true),
    v(["quip", "quips", "quipped", "quipping"], None, Speech, true),
    v(["testify", "testifies", "testified", "testifying"], None, Speech, false),
    v(["indicate", "indicates", "indicated", "indicating"], None, Speech, false),
    v(["signal", "signals", "signaled", "signaling"], None, Speech, true),
    v(["signal", "signals", "signalled", "signalling"], None, Speech, true),
    v(["promise", "promises", "promised", "promising"], None, Speech, true),
    v(["pledge", "pledges", "pledged", "pledging"], None, Speech, true),
    v(["vow", "vows", "vowed", "vowing"], None, Speech, true),
    v(["threaten", "threatens", "threatened", "threatening"], Some(Warns), Speech, false),
    v(["caution", "cautions", "cautioned", "cautioning"], Some(Warns), Speech, true),
    v(["warn", "warns", "warned", "warning"], Some(Warns), Tell, false),
    v(["claim", "claims", "claimed", "claiming"], Some(Claims), Speech, true),
    v(["allege", "alleges", "alleged", "alleging"], Some(Claims), Speech, false),
    v(["insist", "insists", "insisted", "insisting"], Some(Demands), Speech, false),
    v(["demand", "demands", "demanded", "demanding"], Some(Demands), Speech, true),
    v(["urge", "urges", "urged", "urging"], Some(Demands), Tell, false),
    v(["call for", "calls for", "called for", "calling for"], Some(Demands), Speech, false),
    v(["call on", "calls on", "called on", "calling on"], Some(Demands), Speech, false),
    v(["propose", "proposes", "proposed", "proposing"], Some(Proposes), Speech, false),
    v(["suggest", "suggests", "suggested", "suggesting"], Some(Proposes), Speech, false),
    v(["recommend", "recommends", "recommended", "recommending"], Some(Proposes), Speech, false),
    v(["offer", "offers", "offered", "offering"], Some(Proposes), Speech, true),
    v(["support", "supports", "supported", "supporting"], Some(Supports), Attitude, true),
    v(["back", "backs", "backed", "backing"], Some(Supports), Attitude, true),
    v(["welcome", "welcomes", "welcomed", "welcoming"], Some(Supports), Attitude, true),
    v(["endorse", "endorses", "endorsed", "endorsing"], Some(Supports), Attitude, false),
    v(["praise", "praises", "praised", "praising"], Some(Supports), Attitude, true),
    v(["applaud", "applauds", "applauded", "applauding"], Some(Supports), Attitude, false),
    v(["accept", "accepts", "accepted", "accepting"], Some(Accepts), Attitude, false),
    v(["agree", "agrees", "agreed", "agreeing"], Some(Accepts), Speech, false),
    v(["reject", "rejects", "rejected", "rejecting"], Some(Rejects), Attitude, false),
    v(["refuse", "refuses", "refused", "refusing"], Some(Rejects), Attitude, false),
    v(["dismiss", "dismisses", "dismissed", "dismissing"], Some(Rejects), Attitude, false),
    v(["oppose", "opposes", "opposed", "opposing"], Some(Rejects), Attitude, false),
    v(["decline", "declines", "declined", "declining"], Some(Rejects), Attitude, true),
    v(["criticize", "criticizes", "criticized", "criticizing"], Some(Rejects), Attitude, false),
    v(["criticise", "criticises", "criticised", "criticising"], Some(Rejects), Attitude, false),
    v(["condemn", "condemns", "condemned", "condemning"], Some(Rejects), Attitude, false),
    v(["denounce", "denounces", "denounced", "denouncing"], Some(Rejects), Attitude, false),
    v(["slam", "slams", "slammed", "slamming"], Some(Rejects), Attitude, false),
    v(["blast", "blasts", "blasted", "blasting"], Some(Rejects), Attitude, true),
    v(["attack", "attacks", "attacked", "attacking"], Some(Rejects), Attitude, true),
    v(["blame", "blames", "blamed", "blaming"], Some(Claims), Attitude, true),
    v(["accuse", "accuses", "accused", "accusing"], Some(Claims), Attitude, false),
    v(["charge", "charges", "charged", "charging"], Some(Claims), Speech, true),
    v(["deny", "denies", "denied", "denying"], Some(Denies), Speech, false),
    v(["question", "questions", "questioned", "questioning"], None, Attitude, true),
    v(["think", "thinks", "thought", "thinking"], None, Attitude, false),
    v(["believe", "believes", "believed", "believing"], None, Attitude, false),
    v(["feel", "feels", "felt", "feeling"], None, Attitude, false),
    v(["fear", "fears", "feared", "fearing"], Some(Warns), Attitude, true),
    v(["worry", "worries", "worried", "worrying"], Some(Warns), Attitude, false),
    v(["hope", "hopes", "hoped", "hoping"], None, Attitude, true),
    v(["expect", "expects", "expected", "expecting"], None, Attitude, false),
    v(["want", "wants", "wanted", "wanting"], None, Attitude, false),
    v(["know", "knows", "knew", "knowing"], None, Attitude, false),
    v(["doubt", "doubts", "doubted", "doubting"], None, Attitude, true),
    v(["wonder", "wonders", "wondered", "wondering"], None, Attitude, true),
    v(["show", "shows", "showed", "showing"], None, Attitude, false),
    v(["find", "finds", "found", "finding"], None, Attitude, false),
    v(["seek", "seeks", "sought", "seeking"], None, Attitude, false),
    v(["cite", "cites", "cited", "citing"], None, Speech, false),
    v(["echo", "echoes", "echoed", "echoing"], Some(Supports), Speech, true),
    v(["assure", "assures", "assured", "assuring"], None, Tell, false),
    v(["remind", "reminds", "reminded", "reminding"], None, Tell, false),
    v(["recount", "recounts", "recounted", "recounting"], None, Speech, false),
    v(["lament", "laments", "lamented", "lamenting"], None, Speech, false),
    v(["bemoan", "bemoans", "bemoaned", "bemoaning"], None, Speech, false),
    v(["tout", "touts", "touted", "touting"], Some(Supports), Speech, false),
    v(["boast", "boasts", "boasted", "boasting"], None, Speech, false),
    v(["brag", "brags", "bragged", "bragging"], None, Speech, false),
    v(["thank", "thanks", "thanked", "thanking"], Some(Supports), Attitude, false),
    v(["mock", "mocks", "mocked", "mocking"], Some(Rejects), Attitude, false),
    v(["outline", "outlines", "outlined", "outlining"], Some(Proposes), Attitude, false),
    v(["unveil", "unveils", "unveiled", "unveiling"], Some(Proposes), Attitude, false),
    v(["rail against", "rails against", "railed against", "railing against"], Some(Rejects), Attitude, false),
    v(["invoke", "invokes", "invoked", "invoking"], None, Attitude, false),
    v(["highlight", "highlights", "highlighted", "highlighting"], None, Attitude, false),
    v(["voice", "voices", "voiced", "voicing"], None, Attitude, true),
    v(["portray", "portrays", "portrayed", "portraying"], None, Attitude, false),
    v(["shout", "shouts", "shouted", "shouting"], None, Speech, false),
    v(["chant", "chants", "chanted", "chanting"], None, Speech, true),
    v(["hint", "hints", "hinted", "hinting"], None, Speech, true),
    v(["plead", "pleads", "pleaded", "pleading"], Some(Demands), Speech, false),
    v(["liken", "likens", "likened", "likening"], None, Attitude, false),
    v(["imply", "implies", "implied", "implying"], None, Speech, false),
    v(["champion", "champions", "championed", "championing"], Some(Supports), Attitude, true),
    v(["retweet", "retweets", "retweeted", "retweeting"], None, Speech, true),
    v(["email", "emails", "emailed", "emailing"], None, Speech, true),
    v(["encourage", "encourages", "encouraged", "encouraging"], Some(Demands), Tell, false),
    v(["challenge", "challenges", "challenged", "challenging"], Some(Rejects), Attitude, true),
    v(["assail", "assails", "assailed", "assailing"], Some(Rejects), Attitude, false),
    v(["lambast", "lambasts", "lambasted", "lambasting"], Some(Rejects), Attitude, false),
    v(["ridicule", "ridicules", "ridiculed", "ridiculing"], Some(Rejects), Attitude, false),
    v(["discuss", "discusses", "discussed", "discussing"], None, Attitude, false),
    v(["articulate", "articulates", "articulated", "articulating"], None, Speech, false),
    v(["envision", "envisions", "envisioned", "envisioning"], None, Attitude, false),
    v(["remember", "remembers", "remembered", "remembering"], None, Attitude, false),
    v(["advocate", "advocates", "advocated", "advocating"], Some(Supports), Attitude, true),
    v(["embrace", "embraces", "embraced", "embracing"], Some(Supports), Attitude, false),
    v(["favor", "favors", "favored", "favoring"], Some(Supports), Attitude, true),
    v(["favour", "favours", "favoured", "favouring"], Some(Supports), Attitude, true),
    v(["disavow", "disavows", "disavowed", "disavowing"], Some(Rejects), Attitude, false),
    v(["apologize", "apologizes", "apologized", "apologizing"], None, Speech, false),
    v(["apologise", "apologises", "apologised", "apologising"], None, Speech, false),
    v(["order", "orders", "ordered", "ordering"], Some(Demands), Tell, true),
    v(["request", "requests", "requested", "requesting"], Some(Demands), Speech, true),
    v(["ask for", "asks for", "asked for", "asking for"], Some(Demands), Speech, false),
    v(["vote for", "votes for", "voted for", "voting for"], Some(Supports), Attitude, false),
    v(["vote against", "votes against", "voted against", "voting against"], Some(Rejects), Attitude, false),
    v(["defend", "defends", "defended", "defending"], Some(Supports), Attitude, false),
    v(["see", "sees", "saw", "seeing"], None, Attitude, false),
    v(["refer to", "refers to", "referred to", "referring to"], None, Attitude, false),
    v(["point to", "points to", "pointed to", "pointing to"], None, Speech, false),
    v(["talk about", "talks about", "talked about", "talking about"], None, Attitude, false),
    v(["express", "expresses", "expressed", "expressing"], None, Attitude, false),
    v(["prefer", "prefers", "preferred", "preferring"], Some(Supports), Attitude, false),
    v(["decry", "decries", "decried", "decrying"], Some(Rejects), Attitude, false),
    v(["seem", "seems", "seemed", "seeming"], None, Attitude, false),
    v(["appear", "appears", "appeared", "appearing"], None, Attitude, false),
    v(["describe", "describes", "described", "describing"], None, Attitude, false),
    v(["name", "names", "named", "naming"], None, Attitude, true),
    v(["insist on", "insists on", "insisted on", "insisting on"], Some(Demands), Speech, false),
    v(["agree with", "agrees with", "agreed with", "agreeing with"], Some(Accepts), Attitude, false),
    v(["call", "calls", "called", "calling"], None, Attitude, true),
    v(["plan", "plans", "planned", "planning"], None, Attitude, true),
];

/// Auxiliaries, negation and adverbs that join a cue verb group ("has also said",
/// "did not deny").
pub(crate) const AUX: &[&str] = &[
    "has", "have", "had", "is", "was", "are", "were", "be", "been", "being", "will", "would",
    "could", "can", "may", "might", "should", "must", "did", "does", "do", "not", "n't",
    "never", "also", "previously", "later", "reportedly", "repeatedly", "publicly", "recently",
    "already", "once", "again", "earlier", "quickly", "initially", "further", "privately",
    "openly", "explicitly", "flatly", "firmly", "strongly", "just", "even", "still", "often",
    "frequently", "falsely", "correctly", "wrongly", "immediately", "specifically",
    "separately", "simply", "clearly", "necessarily", "always", "ever", "now", "allegedly",
    "apparently", "angrily", "bluntly", "directly", "finally", "quietly", "loudly", "himself",
    "herself", "then", "first", "instead", "just",
];

/// Forms of "be" (passive cue groups: "was reported", "is expected").
pub(crate) const BE: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

/// Personal pronouns that can be sources.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// Words that end a source noun phrase when walking left from a cue.
pub(crate) const NP_STOP: &[&str] = &[
    "that", "but", "because", "while", "when", "if", "since", "although", "though", "after",
    "before", "so", "where", "how", "why", "what", "whether", "as", "than", "until", "unless",
    "whom", "whose", "which", "who", "is", "was", "are", "were", "be", "been", "has", "have",
    "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does",
    "do", "not", "yet", "or", "nor", "then", "meanwhile", "however", "also", "now",
];

/// Leading prepositions of an adverbial phrase that may stand before a subject
/// without a comma ("On Monday Smith said").
pub(crate) const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "for", "with", "from", "by", "to", "of",
    "about", "into", "over", "under", "since", "until", "through", "last", "this", "earlier",
];

/// Determiners and quantifiers that open a descriptor ("a US official").
pub(crate) const DESCRIPTOR_OPENERS: &[&str] = &[
    "a", "an", "another", "some", "several", "many", "two", "three", "four", "five", "most",
    "few", "other", "others", "one", "multiple", "numerous", "senior", "unnamed", "anonymous",
];

/// Lower-case head words of descriptors ("sources", "officials", "journalists").
pub(crate) const DESCRIPTOR_HEADS: &[&str] = &[
    "source", "sources", "official", "officials", "journalist", "journalists", "analyst",
    "analysts", "expert", "experts", "diplomat", "diplomats", "spokesman", "spokeswoman",
    "spokesperson", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "person",
    "people", "observers", "critics", "lawmakers", "insiders", "residents", "voters",
    "witnesses", "reporters", "correspondent", "outlet", "newspaper", "agency", "report",
    "statement", "ministry", "government", "administration", "campaign", "poll", "polls",
    "survey", "study",
];

/// Time words that may sit between a cue and its content ("said on Tuesday that").
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "earlier", "later", "last", "this", "week", "month", "year",
    "night", "morning", "afternoon", "evening", "on", "recently", "previously",
];
