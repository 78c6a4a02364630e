//! Procedural roles for people, so that the house style can write `[eiser]`, `[gedaagde]`,
//! `[verdachte]` or `[getuige 1]` instead of `[persoon 1]`, as the court's editors do.
//!
//! Every mention of a person is evidence, from the whole ruling:
//! * **the party header**: the role word that closes the person's block ("Jan de Vries,
//!   wonende te Utrecht, eiser,"; "1. X, wonende te A, 2. Y, wonende te B, gedaagden,";
//!   "EISERES tot cassatie"), a role in brackets ("Sanne Kok te Heerenveen (appellante)"),
//!   a defined role ("(hierna: appellant)", "hierna te noemen: de vrouw"), or what the header
//!   says before the name ("in de strafzaak tegen X": the suspect; "op het hoger beroep van:
//!   X": the appellant). Header evidence weighs [`HEADER_WEIGHT`] times a mention's.
//! * **role words around a mention** anywhere: before ("aangever X", "de benadeelde partij
//!   X", "getuige X", "verbalisanten X, Y en Z") or in brackets after ("X (medeverdachte)").
//!
//! The role with the most weight is the person's, and the log's reason says which evidence
//! won. When two roles weigh alike, or the winner has less than twice the weight of the
//! runner-up among roles that contradict each other, no role is given: a generic `[persoon
//! N]` is safer than calling a complainant the suspect, and review shows the mention as a
//! doubt. The suspect of the ruling stays `[verdachte]` where it is called a co-suspect of
//! others ("medeverdachte" is evidence only against someone never called the suspect).

use crate::detect::{context_before, floor_char_boundary};
use crate::model::{Category, Resolution};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A form of a role word: as written, the role, the placeholder word.
type RoleForm = (&'static str, &'static str, &'static str);

/// Per role: its weight, and the placeholder words that gave it.
type Votes = BTreeMap<&'static str, (usize, BTreeMap<&'static str, usize>)>;

/// How much more a party header says about a role than a role word in the running text.
pub const HEADER_WEIGHT: usize = 10;

/// Every way a ruling or its editors write a role: the form, the role it is (gendered and
/// plural forms are one role), and the placeholder word it becomes (the form, singular).
/// The list lives in the lexicon (`src/lexicon/data/role_words.tsv`).
static ROLE_FORMS: LazyLock<&'static [RoleForm]> = LazyLock::new(crate::lexicon::role_forms);

/// Roles that a word in the running text may give (the rest come from headers and
/// definitions only: "man", "kind", "vader" before a name say too little).
const RUNNING_TEXT_ROLES: [&str; 11] = [
    "verdachte",
    "medeverdachte",
    "slachtoffer",
    "getuige",
    "aangever",
    "benadeelde",
    "verbalisant",
    "belanghebbende",
    "appellant",
    "eiser",
    "gedaagde",
];

/// Roles of the victim's side of a criminal case.
const VICTIM_ROLES: [&str; 3] = ["slachtoffer", "aangever", "benadeelde"];

/// What a charge says before a victim's name: "een persoon genaamd X", "tegen die X",
/// "geweld heeft gepleegd tegen X", "de moord op X"; read in criminal rulings only ("uit het
/// huwelijk is een dochter genaamd X geboren" names no victim).
/// Evidence for the victim's side, weaker than its words. ("toebehorende aan X" is not: on
/// the train split the editors called the owner of stolen goods [aangever] in 15 rulings'
/// persons, [benadeelde] in 12 and [slachtoffer] in 6.)
static VICTIM_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:een )?persoon(?:,)? genaamd|genaamd|tegen die|geweld\s+(?:heeft\s+)?(?:gepleegd\s+)?tegen|(?:moord|doodslag)\s+op)\s*(?:de (?:heer|mevrouw) )?$",
    )
    .expect("valid regex")
});

/// What a charge says after a victim's name: "X heeft mishandeld", "X (meermalen) heeft
/// bedreigd", "(heeft geprobeerd) X te doden". On the train split the editors called 14 of 20 persons named so [slachtoffer]
/// (3 [aangever], 3 a generic name), and [slachtoffer] too for 9 of 11 whom the ruling also
/// called complainant or injured party: this cue decides the victim's word.
static VIOLENCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:\([^)\n]*\)\s*)?(?:(?:opzettelijk|meermalen|telkens|\(telkens\)|wederrechtelijk|met geweld|althans)\s+)*(?:heeft\s+(?:bedreigd|mishandeld|geslagen|geschopt|gestoken|gedwongen|beroofd|verkracht|aangerand|gebeten|geduwd|opgesloten|beledigd|belaagd|gewurgd|gedood|beschoten)|te\s+doden|van\s+het\s+leven\s+te\s+beroven)\b")
        .expect("valid regex")
});

/// "proces-verbaal … opgemaakt door X", "gesloten en getekend 23 februari 2012 door X",
/// "proces-verbaal van bevindingen van X": a police officer (on the train split 14 of 15
/// persons after "opgemaakt/getekend door" and 3 of 3 after "proces-verbaal van" were
/// [verbalisant]).
static REPORT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:opgemaakt|getekend)(?:\s+op)?(?:\s+\d{1,2}\s+\p{L}+\s+\d{4})?\s+door|proces-verbaal(?:\s+van\s+bevindingen)?\s+van)\s*$",
    )
    .expect("valid regex")
});

/// "inhoudende de verklaring van X": a witness's statement in the evidence (6 of 6 persons on
/// the train split were [getuige]).
static STATEMENT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\binhoudende?\s+de\s+verklaring\s+van\s*$").expect("valid regex")
});

/// "Als getuige is gehoord X", "de getuigenverklaring van X", "het horen als getuige van X":
/// a witness, in any ruling.
static WITNESS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bals\s+getuigen?\s+(?:(?:is|zijn|werd|werden)\s+(?:ter\s+zitting\s+)?gehoord|(?:te\s+)?horen\s+van|gehoord)|\bhoren\s+als\s+getuigen?\s+van|\bgetuigenverklaringen?\s+van)\s*:?\s*(?:de\s+heer|mevrouw)?\s*$")
        .expect("valid regex")
});

/// "X als getuige te horen", "X als getuige te ondervragen": a witness.
static WITNESS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*als\s+getuigen?\s+(?:te\s+)?(?:horen|ondervragen|verhoren|oproepen)\b",
    )
    .expect("valid regex")
});

/// The role a placeholder names ("[aangever 1]", "appellante sub 2", "de vrouw" →
/// "aangever", "appellant", "vrouw"), or `None` for a generic one ("[persoon 1]",
/// "[naam]", a letter).
pub fn role_of_placeholder(placeholder: &str) -> Option<&'static str> {
    let inner = placeholder
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_lowercase();
    let mut words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    // Numbering: "1", "sub 2", "sub 14b", "2a".
    while let Some(last) = words.last() {
        if last.starts_with(|c: char| c.is_ascii_digit()) || *last == "sub" || *last == "#" {
            words.pop();
        } else {
            break;
        }
    }
    if matches!(words.first(), Some(&("de" | "het" | "een"))) && words.len() > 1 {
        words.remove(0);
    }
    let phrase = words.join(" ");
    let phrase = phrase.trim_end_matches(|c: char| c.is_ascii_digit());
    form(phrase).map(|&(_, role, _)| role)
}

/// The role form written `word`, in any case.
fn form(word: &str) -> Option<&'static RoleForm> {
    let word = word.to_lowercase();
    ROLE_FORMS.iter().find(|(f, _, _)| *f == word)
}

fn forms_alternation() -> String {
    let mut forms: Vec<&str> = ROLE_FORMS.iter().map(|(f, _, _)| *f).collect();
    // Longest first, so "benadeelde partij" wins over "benadeelde".
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.join("|")
}

/// A role word right before a name: "getuige X", "tegen de verdachte: X", "aangever X",
/// "medeverdachte(n) X".
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s(])(?:de |het )?(?P<role>{})(?:\(n\))?\s*:?\s*$",
        forms_alternation()
    ))
    .expect("valid regex")
});

/// What a criminal or appeal header says before the party's name.
static HEADER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?P<suspect>(?:straf)?zaak (?:van het openbaar ministerie )?tegen|parketnummers?:? (?:[^.;:]|\.\S){1,80}?\btegen|inzake de verdachte|tegen de verdachte|officier van justitie tegen)|(?P<appellant>(?:op |inzake )?het (?:hoger )?beroep van))\s*:?\s*(?:naam\s*:\s*)?(?:\d+\.?\s*)?$",
    )
    .expect("valid regex")
});

/// What opens a party's block in a header written on one line: "in het geding tussen:
/// X, wonende te A, appellante, en …", "in de zaak van: X".
static HEADER_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:geding tussen|in de zaak van|inzake|tegen|[,)] en)\s*:?\s*(?:\d+\.?\s*)?$")
        .expect("valid regex")
});

/// "tegen:" or "inzake:" right above a name.
static CRIMINAL_TEGEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:tegen|inzake)\s*:\s*$").expect("valid regex"));

/// "in het geding tussen:" right before a name.
static GEDING_TUSSEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bgeding tussen\s*:\s*$").expect("valid regex"));

/// Whether the header block `start` stands in was opened by "in het geding tussen:" with no
/// role word or "tegen" since.
fn opened_by_geding_tussen(text: &str, start: usize) -> bool {
    let window = context_before(text, start, 3000);
    let lower = window.to_lowercase();
    let Some(at) = lower.rfind("geding tussen") else {
        return false;
    };
    lower[at + "geding tussen".len()..]
        .split([',', '\n', ';'])
        .map(str::trim)
        .all(|segment| {
            let segment = segment.trim_start_matches(':').trim();
            !(segment == "tegen"
                || segment.starts_with("tegen ")
                || role_segment(segment).is_some())
        })
}

/// Whether the text after a name goes on "en het college …", "en de stichting …": the other
/// party, not a minister or state secretary (who appeals in asylum cases).
fn against_a_body(after: &str) -> bool {
    let after = collapse_whitespace(&after[..floor_char_boundary(after, 60)]).to_lowercase();
    let Some(rest) = after.strip_prefix("en ") else {
        return false;
    };
    !(rest.starts_with("de minister") || rest.starts_with("de staatssecretaris"))
}

/// Words only a criminal ruling has.
static CRIMINAL_RULING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)parketnummer|strafzaak|strafkamer|officier van justitie|tenlastelegging")
        .expect("valid regex")
});

/// A role in brackets right after the name, or defined there: "(appellante)",
/// "(hierna: appellant)", ", hierna te noemen: de vrouw", "te Steenwijk (Duitsland)
/// (appellant)", ", zonder bekende woon- of verblijfplaats (appellant)".
static BRACKETED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s+te\s+[^()\n,.]{{1,30}}?(?:\s*\([^()\n]{{1,30}}\))?|,[^()\n:]{{1,60}}?)?\s*[(,]?\s*(?:\((?:hierna(?: te noemen)?:?\s*)?|hierna(?: te noemen)?:?\s*)(?:de |het )?(?P<role>{})\s*[),.;\n]",
        forms_alternation()
    ))
    .expect("valid regex")
});

/// Words a party's role may be followed by in a header: "eiseres tot cassatie", "gedaagde in
/// conventie", "eisers bij dagvaarding van 2 mei 2009", "appellant sub 1".
const ROLE_TAILS: [&str; 6] = ["tot ", "in ", "bij ", "sub ", "van ", "ten "];

/// Words a line of running text breaks after; a header line does not end with them.
const RUNS_ON: [&str; 22] = [
    "aan", "van", "de", "het", "een", "door", "met", "en", "of", "dan", "tot", "te", "in", "op",
    "voor", "bij", "die", "dat", "als", "naar", "om", "is",
];

/// The role word that closes the header block a name opens: the segments after the name
/// (split at commas and line ends) are read until a role word stands alone at the start of
/// one, past addresses, "wonende te", lawyers and further numbered parties of the same
/// block; "tegen", "en", a sentence or a second role stops the search.
fn header_role_after(text: &str, end: usize) -> Option<&'static RoleForm> {
    match header_block_end(text, end) {
        BlockEnd::Role(role) => Some(role),
        BlockEnd::OtherSide(_) | BlockEnd::Unknown => None,
    }
}

/// How the header block a name opens ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockEnd {
    /// A role word stands alone: the block's role.
    Role(&'static RoleForm),
    /// "en" and the other side's body ("de raad", "het college", …): the block has no role
    /// word of its own.
    OtherSide(&'static str),
    Unknown,
}

/// How far after a name its block's closing role word is looked for: a numbered list of
/// parties may run long (116 claimants on some 3,200 bytes in one ruling of the train split);
/// outside a list the search stops after 600 bytes.
const LIST_REACH: usize = 12_000;

fn header_block_end(text: &str, end: usize) -> BlockEnd {
    let window = &text[end..floor_char_boundary(text, end + LIST_REACH)];
    let mut segments_read = 0;
    let mut bytes_read = 0;
    let mut after_en = false;
    let mut in_a_list = false;
    for segment in window.split([',', '\n', ';']) {
        bytes_read += segment.len() + 1;
        let segment = segment.trim();
        if segment.is_empty() {
            continue;
        }
        segments_read += 1;
        // The next numbered party of a list ("2. de besloten vennootschap …", "14 Y. Bos")
        // opens a block of its own lines: a list of parties may run long before the
        // plural role word that closes it ("geïntimeerden,").
        if NUMBERED_PARTY.is_match(segment) {
            segments_read = 1;
            in_a_list = true;
        } else if bytes_read > 600 && !in_a_list {
            return BlockEnd::Unknown;
        }
        if segments_read > 10 {
            return BlockEnd::Unknown;
        }
        let lower = segment.to_lowercase();
        let lower = lower
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
            .trim();
        if matches!(lower, "tegen" | "t e g e n") || lower.starts_with("tegen ") {
            return BlockEnd::Unknown;
        }
        // "… en het college van burgemeester en wethouders van Epe, verweerder": the other
        // side's block.
        if let Some(body) = crate::lexicon::administrative_bodies()
            .iter()
            .find(|b| after_en && lower.starts_with(*b))
        {
            return BlockEnd::OtherSide(body);
        }
        after_en = lower == "en";
        if matches!(lower, "en" | "") {
            continue;
        }
        if let Some(role) = role_segment(lower) {
            return BlockEnd::Role(role);
        }
        // A sentence is no header line, and one that runs on over a line break ("… dan
        // aan\nverdachte,") is not either.
        let last_word = lower.rsplit(char::is_whitespace).next().unwrap_or("");
        if segment.len() > 90
            || (segment.ends_with('.') && segment.split_whitespace().count() > 8)
            || RUNS_ON.contains(&last_word)
        {
            return BlockEnd::Unknown;
        }
    }
    BlockEnd::Unknown
}

/// A numbered party in a header list: "2. de besloten vennootschap", "14 Y. Bos", "3) X".
static NUMBERED_PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(?:[.)]\s*|\s+)\p{L}").expect("valid regex"));

/// Words that open the line after a party's role ("gezamenlijk nader ook te noemen", "hierna
/// te noemen"), found glued to the role where a conversion lost the line break.
const GLUED_AFTER_A_ROLE: [&str; 3] = ["gezamenlijk", "hierna", "tezamen"];

/// The role a header segment (lower case, trimmed) states: "eiseres", "appellanten (bij de
/// rechtbank: eisers)", "eisers in eerste aanleg".
fn role_segment(lower: &str) -> Option<&'static RoleForm> {
    ROLE_FORMS
        .iter()
        .filter(|(f, _, _)| !matches!(*f, "man" | "vrouw" | "kind"))
        .find(|(f, _, _)| {
            lower == *f
                || lower.strip_prefix(f).is_some_and(|rest| {
                    // "eisersgezamenlijk nader ook te noemen: …": a line break lost when the
                    // ruling was converted to text glues the role to the next line's word.
                    GLUED_AFTER_A_ROLE.iter().any(|w| rest.starts_with(w)) ||
                    // "appellanten (bij de rechtbank: eisers)": the role now, then the
                    // earlier one in brackets.
                    rest.trim_start().starts_with('(')
                        || ROLE_TAILS.iter().any(|t| {
                            rest.trim_start().starts_with(t.trim_end()) && rest.starts_with(' ')
                        })
                })
        })
}

/// "1. Y. Musluk, wonende te Spijkenisse, 2. D. Kambakhsh, …, EISERS in eerste aanleg,
/// hierna gezamenlijk: X": a name the header defines for the parties above it takes the role
/// that closed their block (the segments before the definition, back to "tegen" or a
/// sentence). Defined inside a numbered list whose role word comes further down ("1. A, 2.
/// B, gezamenlijk te noemen: X, 3. C, …, geïntimeerden"), it takes the role that closes the
/// list.
fn header_role_defined(text: &str, start: usize, end: usize) -> Option<&'static RoleForm> {
    let window = context_before(text, start, 400);
    let mut segments = window.rsplit([',', '\n', ';']);
    // "hierna te noemen: ‘ X ’": the quote opening the name is no part of the definition.
    let definition = segments
        .next()?
        .trim_end_matches(|c: char| c.is_whitespace() || "‘'\"“".contains(c))
        .trim()
        .to_lowercase();
    if !DEFINED_BEFORE.is_match(&definition) {
        return None;
    }
    // The block's first role is its role now: "geïntimeerden in principaal hoger beroep,
    // appellanten in incidenteel hoger beroep, in eerste aanleg: eisers …, verweerders …".
    let mut topmost = None;
    for segment in segments.filter(|s| !s.trim().is_empty()).take(10) {
        let lower = segment.trim().to_lowercase();
        // "tegen:" opens this block; a lawyer's line closes the block before it.
        let block_edge = lower.starts_with("tegen")
            || lower == "t e g e n"
            || ["advocaat", "gemachtigde", "raadsman", "procesgemachtigde"]
                .iter()
                .any(|w| lower.starts_with(w));
        if block_edge || lower.ends_with('.') {
            break;
        }
        topmost = role_segment(&lower).or(topmost);
    }
    topmost.or_else(|| header_role_after(text, end))
}

/// "Eisers zullen hierna gezamenlijk in mannelijk enkelvoud ook X worden genoemd": the
/// parties a role word names are called X.
static ROLE_CALLED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s(.])(?P<role>{})[ \t]+(?:zal|zullen|wordt|worden)[ \t]+hierna\b[^.\n:]{{0,60}}$",
        forms_alternation()
    ))
    .expect("valid regex")
});

/// "Partijen worden hierna X en Y genoemd": X is the party of the header's first role, Y of
/// its second ("appellanten … tegen … geïntimeerden").
static PARTIES_CALLED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpartijen[ \t]+(?:zullen|worden)[ \t]+hierna[ \t]+(?:ook[ \t]+)?(?:(?P<second>[^\n:;]{1,60}?[ \t]+en)[ \t]+)?$")
        .expect("valid regex")
});

/// The first two distinct roles that stand alone on a line of the header before `end`
/// ("appellanten,", "geïntimeerden,").
fn header_roles(text: &str, end: usize) -> Vec<&'static RoleForm> {
    let mut roles: Vec<&'static RoleForm> = Vec::new();
    for segment in text[..end].split([',', '\n', ';']) {
        let lower = segment.trim().to_lowercase();
        if let Some(role) = role_segment(&lower) {
            if !roles.iter().any(|r| r.1 == role.1) {
                roles.push(role);
                if roles.len() == 2 {
                    break;
                }
            }
        }
    }
    roles
}

/// "hierna gezamenlijk:", "hierna te noemen:" right before a name on a header line.
static DEFINED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:hierna|gezamenlijk|verder)(?:[ \t]+(?:gezamenlijk|samen|te[ \t]+noemen|ook))*[ \t]*:?$")
        .expect("valid regex")
});

/// Whether a name opens its line (after a number such as "1." or "2)" at most), as a party
/// does in a ruling's header.
fn starts_a_line(text: &str, start: usize) -> bool {
    let window = context_before(text, start, 64);
    let line = window.rsplit('\n').next().unwrap_or(window);
    let before_name = line
        .trim()
        .trim_end_matches(['.', ')'])
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let before_name = before_name.trim_start_matches(['.', ')']).trim();
    before_name.is_empty()
        || matches!(before_name, "-" | "•" | "en")
        // "2. D. Wijnands en M. 't Hart, wonend te Twello, appellanten": the second of two
        // parties on one header line.
        || NAME_AND.is_match(before_name)
}

/// A name and "en", alone before the next name on a header line.
static NAME_AND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}\.[ \t]*)*(?:(?:van|de|der|den|'t|ten|ter|op|in)[ \t]+)*\p{Lu}[\p{L}'\-]+(?:[ \t]+\p{Lu}[\p{L}'\-]+)?[ \t]+en$")
        .expect("valid regex")
});

/// Where a person mention's role evidence comes from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Evidence {
    Header,
    Defined,
    RoleWord,
}

/// Sets `label` (the placeholder word) of every person entity whose role the ruling states,
/// weighing the evidence of all its mentions.
pub fn assign_roles(text: &str, resolution: &mut Resolution) {
    // Per entity: role → (weight, weight per placeholder word).
    let mut votes: Vec<Votes> = vec![BTreeMap::new(); resolution.entities.len()];
    let mut header_seen = vec![false; resolution.entities.len()];
    // The person mentions read so far: start, end, entity, the role word that named them.
    let mut read: Vec<(usize, usize, usize, Option<&'static RoleForm>)> = Vec::new();
    let criminal = CRIMINAL_RULING.is_match(text);
    for mention in &resolution.mentions {
        let Some(index) = mention.entity else {
            continue;
        };
        if resolution.entities[index].category != Category::Person {
            continue;
        }
        let (start, end) = (mention.span.start, mention.span.end);
        let mut evidence: Vec<(&RoleForm, Evidence)> = Vec::new();
        // The header, once per person: the first mention that has one.
        if !header_seen[index] {
            let before = collapse_whitespace(context_before(text, start, 200));
            // A header sets the suspect's name on a line of its own ("in de strafzaak
            // tegen\n\n X,") or after a colon ("tegen: X"); "de zaak tegen X" inside a
            // sentence names another case, often a co-suspect's.
            let own_line = starts_a_line(text, start);
            let header_line = own_line || before.ends_with(':');
            if let Some(caps) = HEADER_BEFORE
                .captures(&before)
                .filter(|c| header_line || c.name("suspect").is_none())
            {
                let role = if caps.name("suspect").is_some() {
                    "verdachte"
                } else {
                    "appellant"
                };
                evidence.push((form_of(role), Evidence::Header));
                header_seen[index] = true;
            } else if let Some(role) = (own_line || HEADER_INTRO.is_match(&before))
                .then(|| header_role_after(text, end))
                .flatten()
            {
                evidence.push((role, Evidence::Header));
                header_seen[index] = true;
            } else if let Some(role) = header_role_defined(text, start, end) {
                evidence.push((role, Evidence::Header));
                header_seen[index] = true;
            } else if (GEDING_TUSSEN.is_match(&before) && against_a_body(&text[end..]))
                || (own_line && opened_by_geding_tussen(text, start) && {
                    let end_of_block = header_block_end(text, end);
                    matches!(end_of_block, BlockEnd::OtherSide(body)
                        if !matches!(body, "de minister" | "de staatssecretaris"))
                })
            {
                // "in het geding tussen: X en het college van …": the Raad van State's
                // appellant (5 of the 6 persons so named on the train split; the sixth, "en de
                // minister", is the other side of an asylum appeal), also when the block
                // lists several ("1. X, wonend te A, 2. Y, …, en de raad van de gemeente
                // B, verweerder").
                evidence.push((form_of("appellant"), Evidence::Header));
                header_seen[index] = true;
            } else if criminal && header_line && CRIMINAL_TEGEN.is_match(&before) {
                // "tegen:" above a name in a criminal ruling: the suspect.
                evidence.push((form_of("verdachte"), Evidence::Header));
                header_seen[index] = true;
            }
        }
        // "X en Y (hierna: Z)": a name defined right after a party names that party (or the
        // parties listed with it) and takes the role its header gave.
        if let Some(&(_, previous_end, previous, _)) = read.last() {
            let defined_after_a_party = previous != index
                && ALIAS_DEFINED.is_match(&text[previous_end..start])
                && evidence.is_empty();
            if defined_after_a_party {
                if let Some(role) = header_role_of(&votes[previous]) {
                    evidence.push((role, Evidence::Defined));
                }
            }
        }
        let after = &text[end..floor_char_boundary(text, end + 120)];
        if let Some(found) = BRACKETED_AFTER
            .captures(after)
            .and_then(|c| c.name("role"))
            .and_then(|m| form(m.as_str()))
        {
            evidence.push((found, Evidence::Defined));
        }
        if let Some(found) = ROLE_CALLED_BEFORE
            .captures(context_before(text, start, 120))
            .and_then(|c| c.name("role"))
            .and_then(|m| form(m.as_str()))
        {
            evidence.push((found, Evidence::Defined));
        }
        if let Some(caps) = PARTIES_CALLED_BEFORE.captures(context_before(text, start, 120)) {
            let which = usize::from(caps.name("second").is_some());
            if let Some(found) = header_roles(text, start).get(which) {
                evidence.push((found, Evidence::Defined));
            }
        }
        let before = context_before(text, start, 40);
        let word_before = BEFORE
            .captures(before)
            .and_then(|c| c.name("role"))
            .and_then(|m| form(m.as_str()));
        // "verbalisanten X, Y en Z", "medeverdachte(n) X en/of Y": a name in a list after a
        // role word takes the role.
        let listed = read.last().and_then(|&(_, previous_end, _, role)| {
            joins_a_list(text.get(previous_end..start)?)
                .then_some(role)
                .flatten()
        });
        // A charge's victim cue passes along its list too: "geweld heeft gepleegd tegen A
        // en/of B en/of C".
        let running = word_before
            .or(listed)
            .filter(|f| RUNNING_TEXT_ROLES.contains(&f.1) || f.1 == VICTIM_CUE_ROLE);
        let running = running
            .or_else(|| (criminal && REPORT_BY.is_match(before)).then(|| form_of("verbalisant")))
            .or_else(|| (criminal && STATEMENT_OF.is_match(before)).then(|| form_of("getuige")))
            .or_else(|| {
                (WITNESS_BEFORE.is_match(context_before(text, start, 80))
                    || WITNESS_AFTER.is_match(&text[end..floor_char_boundary(text, end + 60)]))
                .then(|| form_of("getuige"))
            });
        let violence_after = running.is_none()
            && criminal
            && VIOLENCE_AFTER.is_match(&text[end..floor_char_boundary(text, end + 160)]);
        let running = running.or_else(|| {
            ((criminal && VICTIM_CUE.is_match(before)) || violence_after)
                .then(|| form_of(VICTIM_CUE_ROLE))
        });
        if let Some(found) = running {
            evidence.push((found, Evidence::RoleWord));
        }
        // "A en/of B en/of C heeft mishandeld": the cue after the list names every one in it.
        if violence_after {
            let mut next_start = start;
            for &(earlier_start, earlier_end, earlier_entity, role) in read.iter().rev() {
                if role.is_some() || !joins_a_list(&text[earlier_end..next_start]) {
                    break;
                }
                add_vote(&mut votes[earlier_entity], form_of(VICTIM_CUE_ROLE), 1);
                next_start = earlier_start;
            }
        }
        read.push((start, end, index, running));
        for (found, kind) in evidence {
            let weight = match kind {
                Evidence::Header | Evidence::Defined => HEADER_WEIGHT,
                Evidence::RoleWord => 1,
            };
            add_vote(&mut votes[index], found, weight);
        }
    }
    // A ruling against one suspect ("in de strafzaak tegen X") calls others "verdachte" too
    // (their own cases, a co-accused): for them that word says nothing about this ruling.
    let header_suspects = votes
        .iter()
        .filter(|v| v.get("verdachte").is_some_and(|(w, _)| *w >= HEADER_WEIGHT))
        .count();
    if header_suspects > 0 {
        for entity_votes in &mut votes {
            if entity_votes
                .get("verdachte")
                .is_some_and(|(w, _)| *w < HEADER_WEIGHT)
            {
                entity_votes.remove("verdachte");
            }
        }
    }
    let mut reasons: Vec<Option<String>> = vec![None; resolution.entities.len()];
    for ((entity, votes), reason) in resolution.entities.iter_mut().zip(votes).zip(&mut reasons) {
        if votes.is_empty() {
            continue;
        }
        let weighed: Vec<String> = votes
            .iter()
            .map(|(role, (weight, _))| format!("{role} {weight}"))
            .collect();
        let chosen = choose(&votes);
        *reason = Some(match chosen {
            Ok(word) => format!("role {word} ({})", weighed.join(", ")),
            Err(why) => format!("{NO_ROLE}{} ({})", why.describe(), weighed.join(", ")),
        });
        if let Ok(word) = chosen {
            entity.label = Some(word.to_string());
        }
    }
    for mention in &mut resolution.mentions {
        if let Some(reason) = mention.entity.and_then(|e| reasons[e].as_ref()) {
            mention.reason = format!("{}; {reason}", mention.reason);
        }
    }
}

/// What stands between a party's name and the name that the ruling defines for it:
/// " (hierna: ", " (hierna tezamen en in enkelvoud: ‘", "(verder: ".
static ALIAS_DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*\(\s*(?:hierna|verder)(?:[ \t]+(?:tezamen|gezamenlijk|samen|te[ \t]+noemen|ook))*(?:[ \t]+en[ \t]+in[ \t]+enkelvoud)?[ \t]*:?[ \t]*['‘"“]?[ \t]*$"#)
        .expect("valid regex")
});

/// The role a person's header gave them, if one did: the role with a header's weight.
fn header_role_of(votes: &Votes) -> Option<&'static RoleForm> {
    let (role, (_, words)) = votes
        .iter()
        .filter(|(_, (weight, _))| *weight >= HEADER_WEIGHT)
        .max_by_key(|(_, (weight, _))| *weight)?;
    let word = words.iter().max_by_key(|(_, weight)| **weight)?.0;
    ROLE_FORMS
        .iter()
        .find(|form| form.1 == *role && form.2 == *word)
}

/// Adds `weight` to a person's votes for the role of `found`.
fn add_vote(votes: &mut Votes, found: &'static RoleForm, weight: usize) {
    let entry = votes.entry(found.1).or_default();
    entry.0 += weight;
    *entry.1.entry(found.2).or_default() += weight;
}

/// Whether the text between two names joins them in one list: nothing, a comma, "en",
/// "en/of" or "of".
fn joins_a_list(gap: &str) -> bool {
    gap.trim().trim_matches(',').trim().is_empty()
        || matches!(
            gap.trim().trim_start_matches(',').trim_start(),
            "en" | "en/of" | "of"
        )
}

/// Why a person whose mentions carry role evidence gets no role.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NoRole {
    /// Roles that contradict each other, none with twice the weight of the next.
    Conflict,
    /// Only "aangever X" or "de benadeelde partij X": the editors choose the victim's word.
    VictimWordAlone,
}

impl NoRole {
    fn describe(self) -> &'static str {
        match self {
            NoRole::Conflict => "the evidence conflicts",
            NoRole::VictimWordAlone => "one victim's word alone does not decide",
        }
    }
}

/// The placeholder word of the role with the most weight, if it wins clearly; else why not.
fn choose(votes: &Votes) -> Result<&'static str, NoRole> {
    let mut votes = votes.clone();
    // The suspect of this case is its suspect, whatever else the text calls them.
    if votes.contains_key("verdachte") {
        votes.remove("medeverdachte");
    }
    // The victim's side is one role, and the editors choose its word by their own lights
    // when a ruling calls one person victim, complainant and injured party: only one word,
    // or a charge's cue ("X heeft mishandeld": the victim), is clear enough to use.
    let victim: Vec<&'static str> = VICTIM_ROLES
        .into_iter()
        .chain([VICTIM_CUE_ROLE])
        .filter(|r| votes.contains_key(r))
        .collect();
    // The charge's cue names the victim, whatever else the ruling calls them.
    let cued = victim.contains(&VICTIM_CUE_ROLE);
    // So does a victim heard as a witness: on the train split all 6 persons the ruling calls
    // witness and complainant, injured party or victim became [slachtoffer].
    let heard_victim = !victim.is_empty() && votes.contains_key("getuige");
    if heard_victim {
        votes.remove("getuige");
    }
    let named_victim = cued || heard_victim;
    if victim.len() > 1 && !named_victim {
        return Err(NoRole::Conflict);
    }
    // "de benadeelde partij X" alone: every victim who claims damages is called so, and the
    // editors name them by their part in the facts as often as by the claim (train split:
    // [benadeelde] for 12 of 23 persons so named, [aangever] for 5, [slachtoffer] for 2, and
    // by mentions [benadeelde] for fewer than half). "aangever X" alone is no clearer: of 223
    // such mentions on the train split the editors wrote [aangever] for 46 and [slachtoffer]
    // or [benadeelde] for 157 (dev: 8 and 10).
    if let [only @ ("benadeelde" | "aangever")] = victim.as_slice() {
        if votes[only].0 < HEADER_WEIGHT && !named_victim {
            return Err(NoRole::VictimWordAlone);
        }
    }
    if let Some(&first) = victim.first() {
        let weight: usize = victim.iter().map(|r| votes[r].0).sum();
        let (role, words) = if named_victim {
            ("slachtoffer", BTreeMap::from([("slachtoffer", weight)]))
        } else {
            (first, votes[first].1.clone())
        };
        for role in &victim {
            votes.remove(role);
        }
        votes.insert(role, (weight, words));
    }
    let mut ranked: Vec<(&'static str, usize)> = votes.iter().map(|(r, (w, _))| (*r, *w)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (role, weight) = *ranked.first().ok_or(NoRole::Conflict)?;
    if let Some(&(_, second)) = ranked.get(1) {
        if weight < 2 * second {
            return Err(NoRole::Conflict);
        }
    }
    let words = &votes[role].1;
    words
        .iter()
        .max_by_key(|(word, n)| (**n, std::cmp::Reverse(**word)))
        .map(|(word, _)| *word)
        .ok_or(NoRole::Conflict)
}

/// How a mention's reason begins its person's role evidence when it gives no role: the
/// evidence conflicts, or is one victim's word alone (the review's `role_conflict` doubt looks
/// for it).
pub const NO_ROLE: &str = "no role: ";

/// The pseudo-role of a charge's victim cue: kept apart until [`choose`] folds it in.
const VICTIM_CUE_ROLE: &str = "slachtoffer (cue)";

fn form_of(role: &str) -> &'static RoleForm {
    form(role).expect("a role form")
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::resolve::testing::resolution_for;

    /// The roles of `names`, each of whose occurrences is a mention of one person.
    fn roles_in(text: &str, names: &[&str]) -> Vec<Option<String>> {
        let doc = Document::from_text("r", text);
        let mut resolution = resolution_for(text, names);
        for (index, name) in names.iter().enumerate() {
            let first = text.find(name).unwrap();
            for (start, _) in text.match_indices(name).filter(|&(s, _)| s != first) {
                let mut mention = resolution.mentions[0].clone();
                mention.span.start = start;
                mention.span.end = start + name.len();
                mention.entity = Some(index);
                resolution.mentions.push(mention);
            }
        }
        resolution.mentions.sort_by_key(|m| m.span.start);
        assign_roles(&doc.text, &mut resolution);
        let mut by_first_mention: Vec<(usize, Option<String>)> = resolution
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.start,
                    resolution.entities[m.entity.unwrap()].label.clone(),
                )
            })
            .collect();
        by_first_mention.sort();
        names
            .iter()
            .map(|n| {
                let start = text.find(n).unwrap();
                by_first_mention
                    .iter()
                    .find(|(s, _)| *s == start)
                    .unwrap()
                    .1
                    .clone()
            })
            .collect()
    }

    #[test]
    fn civil_party_header() {
        let text = "in de zaak van\n\nHendrik Jan van der Meulen,\nwonende te Utrecht,\ngedaagde,\nprocederend in persoon.\n\ntegen\n\nSandra Kok, eiseres, advocaat mr. L. Vos.";
        assert_eq!(
            roles_in(text, &["Hendrik Jan van der Meulen", "Sandra Kok"]),
            [Some("gedaagde".to_string()), Some("eiseres".to_string())]
        );
    }

    #[test]
    fn two_parties_on_one_header_line_share_the_plural_role() {
        let text = "Uitspraak in het geding tussen\n\n1. Gemeente Epe,\n2. D. Wijnands en M. ten Hove, wonend te Twello, appellanten,\n\ntegen\n\nhet college.";
        assert_eq!(
            roles_in(text, &["D. Wijnands", "M. ten Hove"]),
            [Some("appellant".to_string()), Some("appellant".to_string())]
        );
    }

    #[test]
    fn criminal_and_administrative_headers() {
        let text = "in de zaak tegen de verdachte:\n\nDennis Verhoeven,\ngeboren op 12 maart 1987. Getuige Fatima Bakkali zag het. Sanne de Vries te Heerenveen (appellante) en Piet Puk. Partijen: Kemal Aydin te Gronau (Duitsland) (appellant). Partijen: Piotr Hihoud, zonder bekende woon- of verblijfplaats (appellant).";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Dennis Verhoeven",
                    "Fatima Bakkali",
                    "Sanne de Vries",
                    "Piet Puk",
                    "Kemal Aydin",
                    "Piotr Hihoud"
                ]
            ),
            [
                Some("verdachte".to_string()),
                Some("getuige".to_string()),
                Some("appellante".to_string()),
                None,
                Some("appellant".to_string()),
                Some("appellant".to_string())
            ]
        );
    }

    #[test]
    fn joined_criminal_cases_name_the_suspect_after_their_case_numbers() {
        for header in [
            "in de in eerste aanleg gevoegde strafzaken, met parketnummers 18-750012-16 en 18-730414-16, tegen",
            "in de strafzaak onder parketnummer 15-077404-21 tegen",
        ] {
            let text = format!("Arrest op het hoger beroep tegen het vonnis van de rechtbank {header}\n\n      Doortje Kalkman ,\n\ngeboren te Assen. De medeverdachte Doortje Kalkman zweeg.");
            assert_eq!(
                roles_in(&text, &["Doortje Kalkman"]),
                [Some("verdachte".to_string())],
                "{header}"
            );
        }
    }

    #[test]
    fn the_raad_van_state_names_the_appellant_first() {
        let text = "Uitspraak in het geding tussen:\n\nM. Kaya\nen\nhet college van burgemeester en wethouders van Epe. Kaya stelt. Uitspraak in het geding tussen: Anna Smit en de minister van Asiel en Migratie.";
        assert_eq!(
            roles_in(text, &["M. Kaya", "Anna Smit"]),
            [Some("appellant".to_string()), None]
        );
    }

    #[test]
    fn a_long_numbered_list_of_parties_takes_the_role_that_closes_it() {
        let text = "arrest van 4 mei 2021\n\nin de zaak van\n\nde vennootschap Bakkerij Zon B.V.,\ngevestigd te Lelystad,\nappellante,\nadvocaat: mr. K. Dam,\n\ntegen:\n\n1 Gerrit Hofstede,\n\nwonende te Dronten,\nhierna: Hofstede,\n\n2. de besloten vennootschap met beperkte aansprakelijkheid\n\n   Hofstede Transport B.V.,\n\ngevestigd te Dronten,\nhierna: Transport,\ngezamenlijk te noemen: Hofstede c.s.,\nadvocaat: mr. P. Veld,\n\n3. de stichting\n\nStichting Beheer Hofstede,\n\ngevestigd te Emmeloord,\nhierna: de Stichting,\nniet verschenen,\n\n4. Wilma Hofstede-Bos,\n\nwonende te Urk,\nadvocaat: mr. P. Veld,\n\ngeïntimeerden,\nverweerders in het incident.\n\n1 Het verloop van de procedure";
        assert_eq!(
            roles_in(text, &["Gerrit Hofstede", "Wilma Hofstede-Bos"]),
            [
                Some("geïntimeerde".to_string()),
                Some("geïntimeerde".to_string())
            ]
        );
    }

    #[test]
    fn a_name_defined_right_after_a_party_takes_the_partys_role() {
        // "(hierna: Z)" after the Raad van State's two appellants: Z names them, also where
        // Z reads as another person's name. A name defined after a person the header gave no
        // role stays without one.
        let text = "Uitspraak in het geding tussen:\nSara Kok en Jente Mol (hierna tezamen: Ruud Blom), wonend te Angerlo,\nen\nde raad van de gemeente Zevenaar,\nverweerder.\nRuud Blom stelt. Later schreef Hein Vos (hierna: Anna Wit) een brief.";
        assert_eq!(
            roles_in(
                text,
                &["Sara Kok", "Jente Mol", "Ruud Blom", "Hein Vos", "Anna Wit"]
            ),
            [
                Some("appellant".to_string()),
                Some("appellant".to_string()),
                Some("appellant".to_string()),
                None,
                None
            ]
        );
    }

    #[test]
    fn the_raad_van_state_names_every_party_before_the_body_an_appellant() {
        // Not "verweerder": that closes the other side's block. An asylum appeal's
        // state secretary may be the appellant: no role then.
        let text = "Uitspraak in het geding tussen:\n\n1. Hanna Visser en Pieter Dijkman, wonend te Lemmer,\n2. de vereniging Dorpsbelang Lemmer, gevestigd te Lemmer,\n3. Gerda Post, wonend te Joure,\n\nen\n\nde raad van de gemeente De Fryske Marren,\nverweerder.\n\nUitspraak in het geding tussen:\n\nKlaas Smid, wonend te Urk,\n\nen\n\nde staatssecretaris van Justitie en Veiligheid,\nverweerder.";
        assert_eq!(
            roles_in(
                text,
                &["Hanna Visser", "Pieter Dijkman", "Gerda Post", "Klaas Smid"]
            ),
            [
                Some("appellant".to_string()),
                Some("appellant".to_string()),
                Some("appellant".to_string()),
                None
            ]
        );
    }

    #[test]
    fn a_victim_cue_is_read_in_criminal_rulings_only() {
        let family = "Uit het huwelijk is op 3 mei 1990 een dochter genaamd Lotte Veen geboren.";
        assert_eq!(roles_in(family, &["Lotte Veen"]), [None]);
        let criminal = "Parketnummer 16/112233-22. De verdachte heeft een persoon genaamd Lotte Veen bedreigd.";
        assert_eq!(
            roles_in(criminal, &["Lotte Veen"]),
            [Some("slachtoffer".to_string())]
        );
    }

    #[test]
    fn a_charges_victim_cue_names_every_victim_in_its_list() {
        let text = "Parketnummer 16/223344-21. Feit 1: geweld heeft gepleegd tegen Ilse Kramer en/of Joep Stam en/of Tim de Wit; Feit 2: Karel Mol en/of Sem Bakker heeft mishandeld. De benadeelde partij Joep Stam vordert. De benadeelde partij Karel Mol vordert.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Ilse Kramer",
                    "Joep Stam",
                    "Tim de Wit",
                    "Karel Mol",
                    "Sem Bakker"
                ]
            ),
            vec![Some("slachtoffer".to_string()); 5]
        );
    }

    #[test]
    fn an_injured_party_alone_stays_generic_and_a_victim_heard_as_witness_is_the_victim() {
        // Parketnummer: a criminal ruling. Ahmed Yilmaz is only "de benadeelde partij";
        // Esther Vos is complainant and witness; Joost Mulder is only a witness.
        let text = "Parketnummer 16/123456-21. De vordering van de benadeelde partij Ahmed Yilmaz wordt toegewezen. Aangeefster Esther Vos verklaarde. Getuige Esther Vos zag het. Getuige Esther Vos bleef. Getuige Joost Mulder zag het ook.";
        assert_eq!(
            roles_in(text, &["Ahmed Yilmaz", "Esther Vos", "Joost Mulder"]),
            [
                None,
                Some("slachtoffer".to_string()),
                Some("getuige".to_string())
            ]
        );
    }

    #[test]
    fn roles_of_placeholders() {
        for (placeholder, role) in [
            ("[aangever 1]", Some("aangever")),
            ("aangeefster", Some("aangever")),
            ("appellante sub 2", Some("appellant")),
            ("[appellant sub 14b]", Some("appellant")),
            ("[eiseres2]", Some("eiser")),
            ("[de vrouw]", Some("vrouw")),
            ("[het slachtoffer]", Some("slachtoffer")),
            ("benadeelde partij", Some("benadeelde")),
            ("[geintimeerde 3]", Some("geïntimeerde")),
            ("[persoon 1]", None),
            ("[naam]", None),
            ("X", None),
            ("[bedrijf 1]", None),
        ] {
            assert_eq!(role_of_placeholder(placeholder), role, "{placeholder}");
        }
    }

    fn some(roles: &[&str]) -> Vec<Option<String>> {
        roles
            .iter()
            .map(|r| (!r.is_empty()).then(|| r.to_string()))
            .collect()
    }

    #[test]
    fn a_plural_role_closes_a_numbered_party_list() {
        let text = "in de zaak van:\n\n1. Paul Sahin en\n2. Vivian Zwart,\nbeiden wonende te Uden,\nEISERS tot cassatie,\nadvocaat: mr. R. Meijer,\n\nt e g e n\n\nThijs Koster,\nwonende te Uden,\nVERWEERDER in cassatie. arrest inzake 1 Stefan Gisbergen , wonende te Vlissingen , hierna: ‘ Gisbergen ’, appellanten (bij de rechtbank: eisers), eisers in incident,";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Paul Sahin",
                    "Vivian Zwart",
                    "Thijs Koster",
                    "Stefan Gisbergen"
                ]
            ),
            some(&["eiser", "eiser", "verweerder", "appellant"])
        );
    }

    #[test]
    fn a_list_of_many_claimants_takes_the_role_glued_to_the_next_line() {
        // Eighty claimants on some 4,000 bytes; the conversion lost the line break after
        // "eisers".
        let names: Vec<String> = (1..=80).map(|n| format!("Wim Kolder{n}")).collect();
        let list: String = names
            .iter()
            .enumerate()
            .map(|(i, name)| format!("\n      \n        {}. {name}\n      \n", i + 1))
            .collect();
        let text = format!(
            "e n   i n z a k e\n{list}\neisersgezamenlijk nader ook te noemen: Stichting Vlieg,\ngemachtigde: mr. A. Dam\n\nt e g e n\n\nde vereniging VNV"
        );
        let first_and_last = [names[0].as_str(), names[79].as_str()];
        assert_eq!(roles_in(&text, &first_and_last), some(&["eiser", "eiser"]));
    }

    #[test]
    fn a_name_defined_for_the_parties_above_takes_their_role() {
        let text = "In de zaak van\n\n1.  Y. Musluk ,     wonende te Spijkenisse ,\n2.  D. Kambakhsh ,     wonende te Spijkenisse ,\n\nEISERS in eerste aanleg,\n\nhierna gezamenlijk: B. Velings ,\n\nadvocaat: mr. H.J.W. Alt,\n\ntegen\n\nMaatschap Groningen. B. Velings stellen dat Kees Smit, hierna: Smit, gelijk heeft.\n\ntegen\n\n1 Peer Ghouttis ,\n\n2. Viviana Ocheda,\nbeiden wonende te Epe ,\ngeïntimeerden in principaal hoger beroep,\nappellanten in incidenteel hoger beroep,\nin eerste aanleg: eisers in conventie, verweerders in reconventie,\nhierna: P. Ghouttis (in mannelijk enkelvoud),\nadvocaat: mr. T.H. Liebregts.\n\nin de zaak van\n\nING Bank N.V.,\nappellante,\nbij de rechtbank: eiseres,\nhierna: ING,\nadvocaat: mr. T.J.P. Jager,\n\ntegen:\n\n          Maarten Petrov\n        ,\nwonende te Weert ,\ngeïntimeerde,\nbij de rechtbank: gedaagde,\nhierna: M. Petrov,\nadvocaat: mr. R.J. Jager. Eisers zullen hierna gezamenlijk in mannelijk enkelvoud ook Georgius de Fockert worden genoemd.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Y. Musluk",
                    "D. Kambakhsh",
                    "B. Velings",
                    "Kees Smit",
                    "P. Ghouttis",
                    "M. Petrov",
                    "Georgius de Fockert"
                ]
            ),
            some(&[
                "eiser",
                "eiser",
                "eiser",
                "",
                "geïntimeerde",
                "geïntimeerde",
                "eiser"
            ])
        );
    }

    #[test]
    fn a_name_defined_together_in_quotes_takes_the_role_above() {
        let text = "tegen\n\n1. Kwekerij De Linde B.V.,\ngevestigd te Zwolle,\ngeïntimeerden,\ngezamenlijk te noemen: ‘ H.P. Ruigrok ’ (enkelvoud),\nadvocaat: mr. L. Brand.";
        assert_eq!(roles_in(text, &["H.P. Ruigrok"]), some(&["geïntimeerde"]));
    }

    #[test]
    fn a_name_defined_inside_a_numbered_list_takes_the_role_that_closes_it() {
        let text = "tegen:\n\n1 Wessel Ruigrok,\nwonende te Zwolle,\n2. de besloten vennootschap\nKwekerij De Linde B.V.,\ngevestigd te Zwolle,\ngezamenlijk te noemen: ‘ Ruigrok c.s. ’,\nadvocaat: mr. L. Brand,\n3. de stichting\nStichting Lindehof,\ngevestigd te Kampen,\nniet verschenen,\ngeïntimeerden,\nverweerders in het incident.\n\n1 Het verloop van de procedure\n\nRuigrok c.s. en Wessel Ruigrok zijn verschenen.";
        assert_eq!(
            roles_in(text, &["Ruigrok c.s.", "Wessel Ruigrok"]),
            some(&["geïntimeerde", "geïntimeerde"])
        );
    }

    #[test]
    fn parties_named_in_one_sentence_take_the_headers_roles_in_order() {
        let text = "inzake\n\n1 Noah Mewa ,\nwonend te Goes ,\nappellanten,\nadvocaat: mr. D.F. Fransen,\n\ntegen\n\n1 Najat Louza ,\nwonend te Goes ,\ngeïntimeerden,\nadvocaat: mr. J.A. Oudendijk.\n\nPartijen worden hierna N. Pisa en Marijne Rondberg genoemd.";
        assert_eq!(
            roles_in(text, &["N. Pisa", "Marijne Rondberg"]),
            some(&["appellant", "geïntimeerde"])
        );
    }

    #[test]
    fn headers_say_suspect_and_appellant_before_the_name() {
        let text = "Parketnummer 05-028450-25. In de strafzaak tegen\n\n   Zeynep Yilmaz ,\n\ngeboren op 12 oktober 1987. Uitspraak op het hoger beroep van: J. Dekker, tegen de uitspraak van de rechtbank.";
        assert_eq!(
            roles_in(text, &["Zeynep Yilmaz", "J. Dekker"]),
            some(&["verdachte", "appellant"])
        );
    }

    #[test]
    fn others_listed_as_suspects_are_co_suspects() {
        let text = "in de strafzaak tegen\n\nNienke de Vries,\ngeboren 1990. Het OM besloot tot aanhouding van verdachten Bianca IJzerman, Fleur Demir en Janneke Cremers.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Nienke de Vries",
                    "Bianca IJzerman",
                    "Fleur Demir",
                    "Janneke Cremers"
                ]
            ),
            some(&[
                "verdachte",
                "medeverdachte",
                "medeverdachte",
                "medeverdachte"
            ])
        );
    }

    #[test]
    fn witnesses_heard_or_to_be_heard_are_witnesses() {
        let text = "Ter zitting waren aanwezig eiseres en de inspecteur. Als getuige is gehoord mevrouw Roos Dijkhuis. De getuigenverklaring van Dijkhuis staat in het proces-verbaal. Het verzoek om Gijs Vermaat als getuige te horen wordt afgewezen. Het horen als getuige van Anke Smulders is niet nodig. Lotte Bremer kwam ook.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Roos Dijkhuis",
                    "Gijs Vermaat",
                    "Anke Smulders",
                    "Lotte Bremer"
                ]
            ),
            [
                Some("getuige".to_string()),
                Some("getuige".to_string()),
                Some("getuige".to_string()),
                None
            ]
        );
    }

    #[test]
    fn reports_statements_and_headers_name_officers_witnesses_and_the_suspect() {
        let text = "in de zaak van de officier van justitie tegen\n\nPaul Demir,\ngeboren 1996. Een proces-verbaal, gesloten en getekend 23 februari 2012 door Ruben Geurts, hoofdagent. Het proces-verbaal van bevindingen van Frank Molenaar. Een proces-verbaal inhoudende de verklaring van Kees de Jong.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Paul Demir",
                    "Ruben Geurts",
                    "Frank Molenaar",
                    "Kees de Jong"
                ]
            ),
            some(&["verdachte", "verbalisant", "verbalisant", "getuige"])
        );
        let text = "Parketnummer 21-001005-16. in de zaak tegen de verdachte:\nnaam:\t\tEsther de Wit\ngeboren 1982.";
        assert_eq!(roles_in(text, &["Esther de Wit"]), some(&["verdachte"]));
    }

    #[test]
    fn names_listed_after_a_role_word_take_it() {
        let text = "Gehoord zijn de verbalisanten Gerrit Mohamed, T.E. Wagenaar en Theo Veer over de aanhouding.";
        assert_eq!(
            roles_in(text, &["Gerrit Mohamed", "T.E. Wagenaar", "Theo Veer"]),
            some(&["verbalisant", "verbalisant", "verbalisant"])
        );
        let charge = "Hij sloeg samen met medeverdachte(n) Pieter Smulders en/of Karim Baali of Joost Kramer de man.";
        assert_eq!(
            roles_in(charge, &["Pieter Smulders", "Karim Baali", "Joost Kramer"]),
            some(&["medeverdachte", "medeverdachte", "medeverdachte"])
        );
    }

    #[test]
    fn the_victims_side_gets_a_role_only_from_a_charge_or_a_hearing() {
        // A charge's cue alone; "aangever" twice (the editors call such a person
        // [slachtoffer] as often); all three words for one person (the editors' choice
        // among them is their own: no role rather than a wrong one); the owner of stolen
        // goods, whom editors call complainant, injured party or victim.
        let text = "Parketnummer 05-028450-25. Hij heeft op 3 mei 2021 te Epe J. Kaya heeft mishandeld. Aangever Stefan Stam verklaarde. Aangever Stefan Stam vervolgde. Het slachtoffer Isa Oers werd geslagen. Aangeefster Isa Oers verklaarde. De benadeelde partij Isa Oers vordert. Een fiets, toebehorende aan Eva Smit, weggenomen.";
        assert_eq!(
            roles_in(text, &["J. Kaya", "Stefan Stam", "Isa Oers", "Eva Smit"]),
            some(&["slachtoffer", "", "", ""])
        );
    }

    #[test]
    fn a_person_given_no_role_says_why() {
        let text = "Parketnummer 05-028450-25. Aangever Stefan Stam verklaarde. Het slachtoffer \
            Isa Oers werd geslagen. Aangeefster Isa Oers verklaarde.";
        let names = ["Stefan Stam", "Isa Oers"];
        let mut resolution = resolution_for(text, &names);
        let second = text.rfind("Isa Oers").unwrap();
        let mut mention = resolution.mentions[1].clone();
        mention.span.start = second;
        mention.span.end = second + "Isa Oers".len();
        resolution.mentions.push(mention);
        assign_roles(text, &mut resolution);
        let reason_of = |name: &str| {
            let start = text.find(name).unwrap();
            let mention = resolution.mentions.iter().find(|m| m.span.start == start);
            mention.unwrap().reason.clone()
        };
        assert!(
            reason_of("Stefan Stam")
                .ends_with("no role: one victim's word alone does not decide (aangever 1)"),
            "{}",
            reason_of("Stefan Stam")
        );
        assert!(
            reason_of("Isa Oers").contains("no role: the evidence conflicts ("),
            "{}",
            reason_of("Isa Oers")
        );
    }

    #[test]
    fn others_called_suspect_in_a_ruling_against_one_are_not_its_suspect() {
        let text = "in de zaak tegen:\n\nDennis Verhoeven,\ngeboren 1987. De getuige Harm de Jonge verklaarde. Uit de zaak tegen verdachte Harm de Jonge blijkt niets.";
        assert_eq!(
            roles_in(text, &["Dennis Verhoeven", "Harm de Jonge"]),
            some(&["verdachte", "getuige"])
        );
    }

    #[test]
    fn violence_against_a_person_or_an_attempt_on_their_life_names_the_victim() {
        let text = "Parketnummer 16/267763-21. Feit 1: op 2 mei 2021 te Laren in het openbaar geweld heeft gepleegd tegen Kim van der Wal. Feit 2: heeft geprobeerd Xander Haddou te doden. Feit 3: de moord op Fleur Velden. Aangeefster Kim van der Wal verklaarde.";
        assert_eq!(
            roles_in(text, &["Kim van der Wal", "Xander Haddou", "Fleur Velden"]),
            some(&["slachtoffer", "slachtoffer", "slachtoffer"])
        );
    }

    #[test]
    fn the_charge_names_the_victim_whatever_else_the_ruling_calls_them() {
        let text = "Parketnummer 05-028450-25. hij op 1 mei 2021 te Epe Menno Tuinman opzettelijk heeft mishandeld. Aangever Menno Tuinman verklaarde. De benadeelde partij Menno Tuinman vordert. Uit het proces-verbaal, opgemaakt door Gerrit Mohamed en T.E. Wagenaar, blijkt het.";
        assert_eq!(
            roles_in(text, &["Menno Tuinman", "Gerrit Mohamed", "T.E. Wagenaar"]),
            some(&["slachtoffer", "verbalisant", "verbalisant"])
        );
    }

    #[test]
    fn conflicting_evidence_gives_no_role() {
        let text = "De getuige Piet Puk zag het. De verdachte Piet Puk ontkent.";
        assert_eq!(roles_in(text, &["Piet Puk"]), some(&[""]));
    }

    #[test]
    fn family_case() {
        let text =
            "Anouk van den Berg,\nwonende te Eindhoven,\nverzoekster, hierna te noemen: de vrouw,";
        assert_eq!(
            roles_in(text, &["Anouk van den Berg"]),
            [Some("verzoekster".to_string())]
        );
    }
}
