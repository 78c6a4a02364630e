//! The residual check: once a person is replaced somewhere, every other occurrence of the
//! same full name or surname in the document is replaced too, as the same entity, logged
//! with the reason `residual`. A model that finds "Jan de Vries" in the party header but
//! misses "De Vries" in paragraph 12 then leaks nothing.
//!
//! Occurrences inside kept spans (a judge "mr. P. de Vries"), after a title that marks a
//! professional ("mr."), or glued to other letters are left alone.

use super::cluster::name_parts;
use super::places::PlacePolicy;
use crate::model::{Action, Category, Document, Evidence, Mention, Resolution, Span};

pub(crate) use crate::detect::SURNAME_PREFIXES as PREFIXES;

const DETECTOR: &str = "resolve:residual";

/// The strings another mention of this person may use: the name as found, and the surname
/// with its prefix in either case ("van der Meer", "Van der Meer") and each part of a
/// hyphenated surname.
pub fn name_forms(mention: &str) -> Vec<String> {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let mut forms = vec![words.join(" ")];
    if !last.ends_with('.') && last.chars().count() >= 3 {
        let mut first = words.len() - 1;
        // "van der Meer", and a married name glued to its prefix: "Buran-La Verge",
        // "Hofman-Van den Berg" (else "Buran-La" survives every bare "Buran-La Verge").
        while first > 0 && super::cluster::is_surname_prefix(words[first - 1]) {
            first -= 1;
        }
        let surname = words[first..].join(" ");
        let mut capitalised = surname.clone();
        if let Some(c) = capitalised.chars().next() {
            capitalised.replace_range(..c.len_utf8(), &c.to_uppercase().to_string());
        }
        if first == words.len() - 1 {
            for part in last.split('-') {
                forms.push(part.to_string());
            }
        } else if let Some((own, married)) = surname.split_once('-') {
            // Each part of a married name stands alone too: "Hofman" and "Van den Berg" of
            // "Hofman-Van den Berg".
            forms.push(own.to_string());
            forms.push(married.to_string());
        }
        // "Van Gils" in the list of short names, "Femke van Gils" in full.
        let mut lower_prefix = surname.clone();
        // Not "de", "den", "het", "'t" alone: "de Uithof" is a place, "de Renault" a car.
        let article = ["de", "den", "het", "'t", "’t"]
            .contains(&words[first].to_lowercase().as_str())
            && first + 2 == words.len()
            && !is_surname_after_an_article(&surname, last);
        if first < words.len() - 1 && !article {
            if let Some(c) = lower_prefix.chars().next() {
                lower_prefix.replace_range(..c.len_utf8(), &c.to_lowercase().to_string());
            }
        }
        forms.push(surname);
        forms.push(capitalised);
        forms.push(lower_prefix);
    }
    // Headers write names in capitals ("DE VRIES").
    let capitals: Vec<String> = forms.iter().map(|f| f.to_uppercase()).collect();
    forms.extend(capitals);
    // Only forms that look like names: capitalised and at least three letters, so that a
    // stray "de" or an initial never spreads.
    forms.retain(|f| {
        f.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && (f.chars().next().is_some_and(char::is_uppercase) || f.contains(' '))
    });
    forms.sort();
    forms.dedup();
    forms
}

/// True after "mr.", "dr." …, also with initials between ("mr. P. de Vries").
pub(crate) fn is_professional_title_before(text: &str, start: usize) -> bool {
    let mut before = text[..start].trim_end();
    // Skip initials: "P.", "A.B.", "Th.".
    while let Some(rest) = before.strip_suffix('.') {
        let word_start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic() && c != '.')
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[word_start..];
        let is_initials = !word.is_empty()
            && word.split('.').all(|part| {
                part.chars().count() <= 2 && part.chars().next().is_none_or(char::is_uppercase)
            });
        if !is_initials {
            break;
        }
        before = rest[..word_start].trim_end();
    }
    // Only the last few bytes: lowering all the text before every occurrence made the residual
    // pass quadratic in the ruling's length.
    let lower = crate::detect::context_before(before, before.len(), 8).to_lowercase();
    ["mr.", "mr", "dr.", "prof.", "drs."]
        .iter()
        .any(|title| lower.ends_with(title))
}

/// Whether the place at `start..end` names an institution (a court, a public body, a
/// lawyer's or company's seat, a place abroad): it stays where the same town is replaced as
/// someone's residence ("rechtbank Den Haag", "gemeente Winterswijk").
pub fn names_an_institution(text: &str, start: usize, end: usize) -> bool {
    super::places::context_of(text, start, end).names_an_institution()
}

/// The forms of a replaced place, address, company, identifier or date of birth whose other
/// occurrences, written the same way, join it ("Winterswijk" replaced as a residence is
/// replaced where it recurs; an address that a case number's guard cut off is replaced
/// where it recurs; "3 november 1990", a date of birth in the header, again in the charge:
/// the same number is the same person's). A place where the place policy keeps it
/// ("rechtbank Winterswijk", "gemeente Winterswijk", the scene of an offence that is nobody's
/// home) is left (checked where it is found).
fn exact_forms(entity: &crate::model::Entity, mentions: &[&str]) -> Vec<String> {
    let is_a_name = is_a_name(entity.category);
    mentions
        .iter()
        .filter(|f| {
            if is_a_name {
                f.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && f.starts_with(char::is_uppercase)
            } else {
                // A number or a whole date, long enough to be itself: a bare year
                // ("geboren in 2006") recurs as every other date of that year.
                f.chars().filter(|c| c.is_alphanumeric()).count() >= 6
            }
        })
        .map(|f| f.to_string())
        .collect()
}

/// Whether a category's values are names (matched as whole words), not numbers or dates.
fn is_a_name(category: Category) -> bool {
    matches!(
        category,
        Category::Person | Category::Place | Category::Address | Category::Organisation
    )
}

/// Whether `start..end` is glued to the text before and after it. A name is glued to a
/// letter or digit, except a footnote's number after it ("Eigenaar: Van der Linden9"); a
/// number, date or code only where a digit at its edge meets a digit or a letter meets a
/// letter or digit: a symbol at its edge ("+31 6 …") needs nothing, so "e-mail:
/// x@y.nl+31 6 1234 5678" still gives the number up.
fn glued(text: &str, start: usize, end: usize, name: bool) -> (bool, bool) {
    let joins = |edge: Option<char>, neighbour: Option<char>| match (edge, neighbour) {
        (_, None) => false,
        (_, Some(n)) if name => n.is_alphanumeric(),
        (Some(e), Some(n)) if e.is_ascii_digit() => n.is_ascii_digit(),
        (Some(e), Some(n)) if e.is_alphabetic() => n.is_alphanumeric(),
        _ => false,
    };
    let form = &text[start..end];
    let after = &text[end..];
    let footnote_after = name && {
        let rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.len() < after.len()
            && rest.len() + 3 >= after.len()
            && !rest.starts_with(char::is_alphanumeric)
    };
    (
        joins(form.chars().next(), text[..start].chars().next_back()),
        !footnote_after && joins(form.chars().next_back(), after.chars().next()),
    )
}

/// The forms of a replaced person's name whose other occurrences join it ("De Vries" for
/// "Jan de Vries"); none for a person never named with a given name or initials.
fn person_forms(mentions: &[&str]) -> Vec<String> {
    // Only a person named with a given name or initials somewhere spreads to bare surnames:
    // a single capitalised word ("Hortensia") is too weak a witness.
    // A capitalised prefix before a capitalised word is a surname's shape too ("Van Gils",
    // "De Jonge", in a list of the short names a ruling will use).
    let named_in_full = mentions
        .iter()
        .any(|m| name_parts(m).is_some_and(|p| !p.initials.is_empty()) || is_prefixed_surname(m));
    if !named_in_full {
        return Vec::new();
    }
    mentions.iter().flat_map(|m| name_forms(m)).collect()
}

/// Whether "De Kock" or "de Jonge" is a surname rather than an article and a noun ("de
/// Uithof", "de Renault", "De Gierst"): a listed surname, or a word no list knows.
fn is_surname_after_an_article(name: &str, word: &str) -> bool {
    crate::lexicon::is_common_surname(name)
        || !(crate::lexicon::is_known_word(word) || crate::lexicon::is_dutch_place(name))
}

/// "Van Gils", "De Jonge", "Van der Veen": capitalised prefix words and one capitalised word.
fn is_prefixed_surname(mention: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let Some((last, prefix)) = words.split_last() else {
        return false;
    };
    // "De" alone is as often an article ("De Uithof", "De Renault"): only with a listed
    // surname ("De Jonge").
    let opens_a_surname = match prefix.first() {
        Some(&("De" | "Den" | "Het")) => is_surname_after_an_article(mention, last),
        Some(first) => first.starts_with(char::is_uppercase),
        None => false,
    };
    opens_a_surname
        && prefix
            .iter()
            .all(|w| PREFIXES.contains(&w.to_lowercase().as_str()))
        && last.starts_with(char::is_uppercase)
        && last.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// The text already taken by a mention: disjoint ranges by start, so that the overlap
/// check costs a look-up rather than a pass over every mention (a dense document has
/// hundreds of thousands).
#[derive(Default)]
struct Claimed(std::collections::BTreeMap<usize, usize>);

impl Claimed {
    fn overlaps(&self, start: usize, end: usize) -> bool {
        // Ranges are disjoint, so only the last one starting before `end` can reach in.
        self.0
            .range(..end)
            .next_back()
            .is_some_and(|(_, &claimed_end)| claimed_end > start)
    }

    /// Whether one claimed range holds all of `start..end`.
    fn contains(&self, start: usize, end: usize) -> bool {
        self.0
            .range(..=start)
            .next_back()
            .is_some_and(|(_, &claimed_end)| claimed_end >= end)
    }

    /// Whether the character before byte `at` lies in a claimed range.
    fn covers_char_before(&self, text: &str, at: usize) -> bool {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| self.overlaps(at - c.len_utf8(), at))
    }

    /// Whether the character at byte `at` lies in a claimed range.
    fn covers_char_at(&self, text: &str, at: usize) -> bool {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| self.overlaps(at, at + c.len_utf8()))
    }

    /// Claims `start..end`, merged with the ranges it touches so that they stay disjoint.
    fn insert(&mut self, mut start: usize, mut end: usize) {
        if start >= end {
            return;
        }
        while let Some((&s, &e)) = self.0.range(..end).next_back() {
            if e <= start {
                break;
            }
            self.0.remove(&s);
            (start, end) = (start.min(s), end.max(e));
        }
        self.0.insert(start, end);
    }
}

/// Where the ruling writes a company's name of two words or more that a rule found, or the
/// first two words of a longer one ("Kits Oonlie" of "Kits Oonlie Boekenstein B.V."): a person's name inside it is
/// the company's, which the organisation policy replaces or keeps as a whole. Without this, a
/// model's "person" that shares a word with the company ("Kids Oonlie", a typo in the ruling)
/// spread that word over every mention of the company.
fn company_name_occurrences(text: &str, resolution: &Resolution) -> Claimed {
    let mut names: Vec<&str> = Vec::new();
    for mention in &resolution.mentions {
        // Only names a rule found (a legal form, a name the ruling defines as a company): the
        // model tags a person's bare surname as a company now and then ("aan De Vries-Post").
        if mention.span.category != Category::Organisation
            || mention.span.evidence == Evidence::Model
        {
            continue;
        }
        let name = text[mention.span.start..mention.span.end].trim();
        let words = crate::detect::words_with_offsets(name);
        if words.len() < 2 {
            continue;
        }
        names.push(name);
        let (second_start, second) = words[1];
        // Not before "en": "Ter Horst en Vastgoed Kroon B.V." joins a person's name to the
        // company's, and every "Ter Horst" would stay.
        if words.len() > 2
            && second.starts_with(char::is_uppercase)
            && !matches!(words[2].1, "en" | "&")
        {
            names.push(&name[..second_start + second.len()]);
        }
    }
    let mut occurrences = Claimed::default();
    if names.is_empty() {
        return occurrences;
    }
    names.sort_unstable();
    names.dedup();
    let finder = aho_corasick::AhoCorasick::new(&names).expect("names are short");
    for hit in finder.find_overlapping_iter(text) {
        if crate::detect::is_word_bounded(text, hit.start(), hit.end()) {
            occurrences.insert(hit.start(), hit.end());
        }
    }
    occurrences
}

/// Adds a mention for every unclaimed occurrence of a replaced entity's forms: a person's
/// name forms, and the exact text of the other replaced entities ([`exact_forms`]).
/// Entities are taken in order and each one's forms longest first ("Jan de Vries" is
/// claimed before "De Vries" inside it); every form is found in one pass over the text.
pub fn add_residual_mentions(
    doc: &Document,
    resolution: &mut Resolution,
    place_policy: &PlacePolicy,
) {
    let text = &doc.text;
    let mut claimed = Claimed::default();
    // What the output will not show: text glued to a replaced span stands alone there.
    let mut replaced = Claimed::default();
    let mut by_entity: Vec<Vec<&str>> = vec![Vec::new(); resolution.entities.len()];
    for mention in &resolution.mentions {
        let (start, end) = (mention.span.start, mention.span.end);
        claimed.insert(start, end);
        if mention.action == Action::Replace {
            replaced.insert(start, end);
        }
        if let Some(entity) = mention.entity {
            by_entity[entity].push(&text[start..end]);
        }
    }
    let plans: Vec<Vec<String>> = resolution
        .entities
        .iter()
        .zip(&by_entity)
        .map(|(entity, mentions)| {
            let mut forms = if entity.category == Category::Person {
                person_forms(mentions)
            } else {
                exact_forms(entity, mentions)
            };
            forms.retain(|f| !f.is_empty());
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            // Each form once, in that order: a person named 8,000 times gives the same forms
            // 8,000 times, and each copy would walk every occurrence again (8,000 mentions
            // took 29 s). Equal lengths need not stand together, so `dedup` is not enough.
            let mut seen = std::collections::HashSet::new();
            forms.retain(|f| seen.insert(f.clone()));
            forms
        })
        .collect();
    let mut patterns: Vec<&str> = plans.iter().flatten().map(String::as_str).collect();
    if patterns.is_empty() {
        return;
    }
    patterns.sort_unstable();
    patterns.dedup();
    // Where each form stands, overlapping ones included: one pass instead of one per form.
    let finder = aho_corasick::AhoCorasick::new(&patterns).expect("forms are short");
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    for hit in finder.find_overlapping_iter(text.as_str()) {
        found[hit.pattern().as_usize()].push(hit.start());
    }
    let within_company_names = company_name_occurrences(text, resolution);
    let mut added = Vec::new();
    let mut kept = Vec::new();
    // Again while a pass adds something (at most four passes, to stay linear): a
    // replacement added late (an IBAN's other occurrence) frees text glued to it for an
    // entity taken earlier.
    // Past the mentions one document may hold the pipeline refuses it: adding more (a name
    // repeated 500,000 times in a dump) would only hold memory until then.
    let room = crate::pipeline::MAX_DETECTIONS.saturating_sub(resolution.mentions.len());
    'passes: for _pass in 0..4 {
        let added_before = added.len();
        for ((index, entity), forms) in resolution.entities.iter().enumerate().zip(&plans) {
            let person = entity.category == Category::Person;
            let reason = if person {
                format!("residual: the name of entity {}", entity.id)
            } else {
                format!("residual: the {} of entity {}", entity.category, entity.id)
            };
            for form in forms {
                let pattern = patterns.binary_search(&form.as_str()).expect("collected");
                // As str::match_indices would: occurrences of one form do not overlap.
                let mut free_from = 0;
                for &start in &found[pattern] {
                    // Kept places count too: a dump may repeat a court's town as well.
                    if added.len() + kept.len() > room {
                        break 'passes;
                    }
                    if start < free_from {
                        continue;
                    }
                    let end = start + form.len();
                    free_from = end;
                    // A side glued to a replaced span is free: "NL91ABNA0417164300Kerkstraat 5"
                    // shows the address alone once the IBAN is replaced.
                    let (glued_before, glued_after) =
                        glued(text, start, end, is_a_name(entity.category));
                    let free_before = !glued_before || replaced.covers_char_before(text, start);
                    let free_after = !glued_after || replaced.covers_char_at(text, end);
                    if !(free_before && free_after)
                        || claimed.overlaps(start, end)
                        || (person && is_professional_title_before(text, start))
                        || (person && within_company_names.contains(start, end))
                        || (person
                            && form.starts_with(char::is_lowercase)
                            && !a_name_or_title_before(text, start))
                    {
                        continue;
                    }
                    let span = |label: Option<String>, reason: &str| Span {
                        start,
                        end,
                        category: entity.category,
                        detector: DETECTOR.to_string(),
                        confidence: 0.7,
                        evidence: Evidence::Model,
                        normalised: entity.normalised.clone(),
                        label,
                        reason: reason.to_string(),
                    };
                    claimed.insert(start, end);
                    // A place recurs where the editors keep it: "te Hattem" in the charge,
                    // "rechtbank Winterswijk". Kept, with the reason, so that the review sees it
                    // (and doubts it where editors sometimes replace such a place).
                    let kept_place = (entity.category == Category::Place)
                        .then(|| place_policy.why_kept(text, start, end, &entity.normalised))
                        .flatten();
                    if let Some(why) = kept_place {
                        kept.push(Mention::kept(span(None, &why), why));
                        continue;
                    }
                    // "Brenda Bosch heeft …" where only "Bosch" is a form of the person: the
                    // given name before it goes with it.
                    let grown = if person {
                        super::start_of_given_names(text, start, end, |at| {
                            claimed.overlaps(at, at + 1)
                        })
                    } else {
                        start
                    };
                    // "aan de Wensel Cobergherstraat": where the model read the street as a
                    // person once, its other mentions stay a street.
                    if person
                        && crate::detect::address::is_a_street_after_an_article(text, grown, end)
                    {
                        continue;
                    }
                    let reason = if grown == start {
                        reason.clone()
                    } else {
                        claimed.insert(grown, start);
                        format!("{reason}; {GROWN_OVER_A_GIVEN_NAME}")
                    };
                    let mut found_span = span(entity.label.clone(), &reason);
                    found_span.start = grown;
                    replaced.insert(grown, end);
                    added.push(Mention {
                        span: found_span,
                        action: Action::Replace,
                        entity: Some(index),
                        reason,
                    });
                }
            }
        }
        if added.len() == added_before {
            break;
        }
    }
    // "door Kees Groen" grown over its given name: "Kees Groen" is how the ruling names that
    // person, also where the capital of "Kees" might be a sentence's ("1.5 Kees Groen heeft").
    // Each person's grown form once, however often it was grown: one scan of the text each.
    let grown: std::collections::BTreeSet<(usize, &str)> = added
        .iter()
        .filter(|m| m.reason.ends_with(GROWN_OVER_A_GIVEN_NAME))
        .filter_map(|m| Some((m.entity?, &text[m.span.start..m.span.end])))
        .collect();
    let grown_forms: Vec<(usize, &str, Vec<usize>)> = grown
        .into_iter()
        .map(|(entity, form)| {
            let starts = text.match_indices(form).map(|(at, _)| at).collect();
            (entity, form, starts)
        })
        .collect();
    if !added.is_empty() || !kept.is_empty() {
        resolution.mentions.extend(added);
        resolution.mentions.extend(kept);
        resolution.mentions.sort_by_key(|m| m.span.start);
    }
    let mut longer_forms: Vec<(usize, &str, &[usize])> = Vec::new();
    for (index, forms) in plans.iter().enumerate() {
        for form in forms.iter().filter(|f| f.contains(' ')) {
            let pattern = patterns.binary_search(&form.as_str()).expect("collected");
            longer_forms.push((index, form.as_str(), &found[pattern]));
        }
    }
    for (index, form, starts) in &grown_forms {
        longer_forms.push((*index, form, starts));
    }
    widen_to_longer_forms(text, resolution, &longer_forms);
}

/// What a residual mention's reason ends with when it took the given names before it.
const GROWN_OVER_A_GIVEN_NAME: &str = "grown over the given name before it";

/// Whether a given name, initials or a form of address stands right before `start` (bytes):
/// only there is a lower-case prefix a surname's ("Femke van Gils", "J. van Gils", "de heer
/// van Gils"). Alone, "van" and "de" are a preposition and an article: the surname of "R.N.
/// Demir van Alexseal" (the model's "Demir of Alexseal") is no name in "het hersteladvies van
/// Alexseal", nor that of "De Jong de SLA" in "de Overeenkomst en de SLA" (train seed 9: 21
/// such mentions replaced as persons).
fn a_name_or_title_before(text: &str, start: usize) -> bool {
    let before = crate::detect::context_before(text, start, 24);
    let Some(rest) = before.strip_suffix([' ', '\t']) else {
        return false;
    };
    let word = rest
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    word.starts_with(char::is_uppercase)
        || word.ends_with('.')
        || crate::lexicon::is_title(word)
        || word.eq_ignore_ascii_case("wijlen")
}

/// "1 Peer Ghouttis" where only "Ghouttis" was found, and "Peer Ghouttis" is how the ruling
/// names that person elsewhere: the mention widens to the longer form, so that no given name
/// stands beside the placeholder. Only where everything the longer form covers is this
/// person's replaced mentions or free text, and no title of a professional stands before it.
/// `resolution.mentions` must be sorted by start.
/// `longer_forms` holds each person's forms of two words or more, with where they stand.
fn widen_to_longer_forms(
    text: &str,
    resolution: &mut Resolution,
    longer_forms: &[(usize, &str, &[usize])],
) {
    let mut widened: Vec<(usize, usize, usize)> = Vec::new();
    for &(index, form, starts) in longer_forms {
        if resolution.entities[index].category != Category::Person {
            continue;
        }
        for &start in starts {
            let end = start + form.len();
            let (glued_before, glued_after) = glued(text, start, end, true);
            if glued_before || glued_after || is_professional_title_before(text, start) {
                continue;
            }
            // The mentions inside or across start..end, by their sorted starts.
            let first = resolution.mentions.partition_point(|m| m.span.end <= start);
            let inside: Vec<&Mention> = resolution.mentions[first..]
                .iter()
                .take_while(|m| m.span.start < end)
                .filter(|m| m.span.end > start)
                .collect();
            let all_this_person = !inside.is_empty()
                && inside.iter().all(|m| {
                    m.action == Action::Replace
                        && m.entity == Some(index)
                        && m.span.start >= start
                        && m.span.end <= end
                });
            let smaller = inside
                .iter()
                .any(|m| (m.span.start, m.span.end) != (start, end));
            if all_this_person && smaller {
                widened.push((start, end, index));
            }
        }
    }
    if widened.is_empty() {
        return;
    }
    widened.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut taken_until = 0;
    for (start, end, index) in widened {
        // Two longer forms over one stretch: the first (leftmost, then longest) wins.
        if start < taken_until {
            continue;
        }
        taken_until = end;
        let first = resolution.mentions.partition_point(|m| m.span.end <= start);
        let mut kept_one = false;
        let mut i = first;
        while i < resolution.mentions.len() && resolution.mentions[i].span.start < end {
            let mention = &mut resolution.mentions[i];
            if mention.entity == Some(index) && mention.span.start >= start {
                if kept_one {
                    resolution.mentions.remove(i);
                    continue;
                }
                kept_one = true;
                mention.span.start = start;
                mention.span.end = end;
                mention.reason = format!(
                    "{}; widened to {:?}, how this ruling names the person elsewhere",
                    mention.reason,
                    &text[start..end]
                );
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;

    /// A replaced mention of `needle` (its `nth` occurrence in `text`) as entity `entity`.
    fn mention_of(
        text: &str,
        needle: &str,
        nth: usize,
        category: Category,
        entity: usize,
    ) -> Mention {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .expect("needle in text")
            .0;
        Mention {
            span: Span {
                start,
                end: start + needle.len(),
                category,
                detector: "ner".into(),
                confidence: 0.9,
                evidence: Evidence::Model,
                normalised: needle.to_lowercase(),
                label: None,
                reason: "test".into(),
            },
            action: Action::Replace,
            entity: Some(entity),
            reason: "test".into(),
        }
    }

    fn entity_of(id: &str, category: Category) -> Entity {
        Entity {
            id: id.into(),
            category,
            label: None,
            normalised: String::new(),
            pseudonym: String::new(),
        }
    }

    /// The resolution after the residual pass over `text`, from these mentions and entities.
    fn with_residuals(text: &str, mentions: Vec<Mention>, entities: Vec<Entity>) -> Resolution {
        let doc = Document::from_text("r", text);
        let mut resolution = Resolution {
            mentions,
            entities,
            forms: Default::default(),
        };
        add_residual_mentions(&doc, &mut resolution, &PlacePolicy::new(text, [].iter()));
        resolution
    }

    /// Each mention's text and entity, in order.
    fn found<'a>(text: &'a str, resolution: &Resolution) -> Vec<(&'a str, Option<usize>)> {
        resolution
            .mentions
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.entity))
            .collect()
    }

    #[test]
    fn a_persons_name_inside_a_companys_name_is_the_companys() {
        let text = "de besloten vennootschap Kits Oonlie Boekenstein B.V., verder te noemen: \
            Kits Oonlie. Kids Oonlie belde. Kits Oonlie betaalde niet; daarna zweeg Oonlie. \
            Jan de Groot betaalde aan De Groot. Later kwam De Groot.";
        let company = mention_of(
            text,
            "Kits Oonlie Boekenstein",
            0,
            Category::Organisation,
            0,
        );
        let resolution = with_residuals(
            text,
            vec![
                Mention {
                    span: Span {
                        evidence: Evidence::Context,
                        ..company.span.clone()
                    },
                    ..company
                },
                mention_of(text, "Kids Oonlie", 0, Category::Person, 1),
                mention_of(text, "Jan de Groot", 0, Category::Person, 2),
                // The model's company tag of a person's surname is no company's name.
                mention_of(text, "De Groot", 0, Category::Organisation, 3),
            ],
            vec![
                entity_of("e1", Category::Organisation),
                entity_of("e2", Category::Person),
                entity_of("e3", Category::Person),
                entity_of("e4", Category::Organisation),
            ],
        );
        let found = found(text, &resolution);
        // "Oonlie" of "Kits Oonlie" is the company's; alone it is the person's.
        assert_eq!(
            found,
            [
                ("Kits Oonlie Boekenstein", Some(0)),
                ("Kids Oonlie", Some(1)),
                ("Oonlie", Some(1)),
                ("Jan de Groot", Some(2)),
                ("De Groot", Some(3)),
                ("De Groot", Some(2))
            ]
        );
    }

    /// The mentions the residual pass finds for the one person named `name` (its first
    /// occurrence) in `text`.
    fn found_for_one_person<'t>(text: &'t str, name: &str) -> Vec<(&'t str, Option<usize>)> {
        let resolution = with_residuals(
            text,
            vec![mention_of(text, name, 0, Category::Person, 0)],
            vec![entity_of("e1", Category::Person)],
        );
        found(text, &resolution)
    }

    #[test]
    fn a_name_joined_to_a_companys_by_en_is_no_part_of_it() {
        let text = "De verdachte Noor ter Horst. Ter Horst en Vastgoed Kroon B.V. kochten. Later \
            kwam Ter Horst.";
        let company = mention_of(
            text,
            "Ter Horst en Vastgoed Kroon",
            0,
            Category::Organisation,
            1,
        );
        let resolution = with_residuals(
            text,
            vec![
                mention_of(text, "Noor ter Horst", 0, Category::Person, 0),
                Mention {
                    span: Span {
                        evidence: Evidence::Context,
                        ..company.span.clone()
                    },
                    ..company
                },
            ],
            vec![
                entity_of("e1", Category::Person),
                entity_of("e2", Category::Organisation),
            ],
        );
        assert!(found(text, &resolution).contains(&("Ter Horst", Some(0))));
    }

    #[test]
    fn a_footnotes_number_after_a_name_does_not_hide_it() {
        let text = "Eigenaar: Hanna Veldkamp. Merk: Sparta. Eigenaar: Veldkamp12\n2. Verder \
            Veldkamp12a en Veldkamps.";
        // A number glued to the name and followed by a letter, or letters, still glue it.
        assert_eq!(
            found_for_one_person(text, "Hanna Veldkamp"),
            [("Hanna Veldkamp", Some(0)), ("Veldkamp", Some(0))]
        );
    }

    #[test]
    fn a_given_name_before_a_found_surname_goes_with_it() {
        let text =
            "Eigenaar: Hanna Veldkamp.\n3.2 Yfke Veldkamp heeft betaald. Daarna kwam mr. Veldkamp.";
        assert_eq!(
            found_for_one_person(text, "Hanna Veldkamp"),
            [("Hanna Veldkamp", Some(0)), ("Yfke Veldkamp", Some(0))]
        );
    }

    #[test]
    fn a_first_name_that_is_also_a_word_goes_with_a_surname_only_mid_sentence() {
        // "Kees" and "Door" are first names and Dutch words: mid-sentence the capital is the
        // name's, at a sentence's start it may be the sentence's.
        let text = "Eigenaar: Hanna Veldkamp. Toen heeft Kees Veldkamp betaald. Door Veldkamp is \
                    niets betaald.\n1.5 Kees Veldkamp tekende.";
        assert_eq!(
            found_for_one_person(text, "Hanna Veldkamp"),
            [
                ("Hanna Veldkamp", Some(0)),
                ("Kees Veldkamp", Some(0)),
                ("Veldkamp", Some(0)),
                // Written so mid-sentence, "Kees Veldkamp" is the name at a line's start too.
                ("Kees Veldkamp", Some(0))
            ]
        );
    }

    #[test]
    fn a_lower_case_prefix_alone_is_no_surname() {
        // The model ran a person into the company after "van": its tail is no name alone.
        let text = "Volgens R.N. Demir van Velmora lekt het. Het advies van Velmora volgde. \
            Toen kwam de heer van Velmora, en Yfke van Velmora.";
        assert_eq!(
            found_for_one_person(text, "R.N. Demir van Velmora"),
            [
                ("R.N. Demir van Velmora", Some(0)),
                ("van Velmora", Some(0)),
                ("Yfke van Velmora", Some(0))
            ]
        );
    }

    #[test]
    fn a_street_after_an_article_is_no_persons_name() {
        let text = "Wensel Vlaskamperstraat zag het. De flat aan de Wensel Vlaskamperstraat.";
        assert_eq!(
            found_for_one_person(text, "Wensel Vlaskamperstraat"),
            [("Wensel Vlaskamperstraat", Some(0))]
        );
    }

    #[test]
    fn a_surname_with_its_prefix_is_witness_enough() {
        // The short names a ruling will use, then the names in full.
        let text = "verweerster als: Van Gils. Later schreef Yfke van Gils een brief.";
        assert_eq!(
            found_for_one_person(text, "Van Gils"),
            [("Van Gils", Some(0)), ("Yfke van Gils", Some(0))]
        );
        let text = "getuige als: De Kock. De advocaat-generaal Hendrika de Kock zweeg.";
        assert_eq!(
            found_for_one_person(text, "De Kock"),
            [("De Kock", Some(0)), ("Hendrika de Kock", Some(0))]
        );
        // "De" and a Dutch word or a place is an article and a noun: no witness, and "de
        // Gierst" spreads from nothing.
        let text = "De Gierst groeit. Op de Gierst viel regen.";
        assert_eq!(
            found_for_one_person(text, "De Gierst"),
            [("De Gierst", Some(0))]
        );
    }

    #[test]
    fn forms_of_a_name() {
        assert_eq!(
            name_forms("Jan van der Meer"),
            [
                "JAN VAN DER MEER",
                "Jan van der Meer",
                "VAN DER MEER",
                "Van der Meer",
                "van der Meer"
            ]
        );
        assert_eq!(
            name_forms("A.B. Visser-Smit"),
            [
                "A.B. VISSER-SMIT",
                "A.B. Visser-Smit",
                "SMIT",
                "Smit",
                "VISSER",
                "VISSER-SMIT",
                "Visser",
                "Visser-Smit"
            ]
        );
        // A married name whose second part has a prefix is one surname.
        let married = name_forms("Yade Rowana Buran-La Verge");
        assert!(
            married.contains(&"Buran-La Verge".to_string()),
            "{married:?}"
        );
        assert!(!married.contains(&"Verge".to_string()), "{married:?}");
        let married = name_forms("Anna Hofman-Van den Berg");
        for part in ["Hofman-Van den Berg", "Hofman", "Van den Berg"] {
            assert!(married.contains(&part.to_string()), "{part}: {married:?}");
        }
        assert!(
            !married.iter().any(|f| f == "Den Berg" || f == "den Berg"),
            "{married:?}"
        );
        assert!(name_forms("J.").is_empty());
        assert!(name_forms("de").is_empty());
    }

    #[test]
    fn other_occurrences_join_the_entity_but_not_a_judge_with_the_same_name() {
        let text = "Jan de Vries, eiser. De Vries vordert. Zijn broer Piet de Vriesland. Gewezen door mr. De Vries en mr. A.B. de Vries en ’s De Vries.";
        let doc = Document::from_text("r", text);
        let start = 0;
        let end = "Jan de Vries".len();
        let mut resolution = Resolution {
            mentions: vec![Mention {
                span: Span {
                    start,
                    end,
                    category: Category::Person,
                    detector: "ner".into(),
                    confidence: 0.9,
                    evidence: Evidence::Model,
                    normalised: "jan de vries".into(),
                    label: None,
                    reason: "test".into(),
                },
                action: Action::Replace,
                entity: Some(0),
                reason: "test".into(),
            }],
            entities: vec![Entity {
                id: "e1".into(),
                category: Category::Person,
                label: None,
                normalised: "jan de vries".into(),
                pseudonym: String::new(),
            }],
            forms: Default::default(),
        };
        add_residual_mentions(&doc, &mut resolution, &PlacePolicy::new(text, [].iter()));
        let found: Vec<&str> = resolution
            .mentions
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        // The last "De Vries" follows a multi-byte apostrophe, not a title.
        assert_eq!(found, ["Jan de Vries", "De Vries", "De Vries"]);
        assert!(resolution.mentions[1].reason.starts_with("residual"));
        assert_eq!(resolution.mentions[1].entity, Some(0));
    }

    /// A mention found in part widens to how the ruling names the person elsewhere; not
    /// where the longer form reaches into another entity's mention.
    #[test]
    fn a_mention_found_in_part_widens_to_the_full_name() {
        let text = "Jan Pieters, eiser. Tegen Jan Pieters zegt Jan Pieters-Bos niets.";
        let mention = |needle: &str, nth: usize, entity: usize| {
            mention_of(text, needle, nth, Category::Person, entity)
        };
        let person = |id: &str| entity_of(id, Category::Person);
        // "Jan" read as a name once and the rest missed: the second mention is only
        // "Pieters"; "Pieters-Bos" is someone else.
        let resolution = with_residuals(
            text,
            vec![
                mention("Jan Pieters", 0, 0),
                mention("Pieters", 1, 0),
                mention("Pieters-Bos", 0, 1),
            ],
            vec![person("e1"), person("e2")],
        );
        let found = found(text, &resolution);
        assert_eq!(
            found,
            [
                ("Jan Pieters", Some(0)),
                ("Jan Pieters", Some(0)),
                ("Pieters-Bos", Some(1))
            ]
        );
        assert!(resolution.mentions[1].reason.contains("widened"));
    }
}
