//! Stage 2, **detect**: independent detectors each report [`Span`]s with a category, their
//! id, a confidence and the evidence they saw. Detectors never decide overlaps or
//! placeholders; that is the resolve stage's work.
//!
//! Adding a detector: write one module with a type implementing [`Detector`] and unit tests
//! (valid, invalid, formatted variants, negatives), then add it to [`rule_detectors`].

pub mod address;
pub mod birthdate;
pub mod bsn;
pub mod configured;
pub mod email;
pub mod full_name;
pub mod iban;
pub mod identifiers;
pub mod ip;
pub mod literature;
pub mod ner;
pub mod organisation;
pub mod package;
pub mod party;
pub mod phone;
pub mod plate;
pub mod professional;
pub mod protected;
pub mod residence;
pub mod url;

use crate::model::{Category, Document, Evidence, Span, StageTimings};

/// Dutch month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Surname prefixes written in lower case inside a full name ("Jan van der Meer").
pub const SURNAME_PREFIXES: [&str; 18] = [
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "du",
    "von", "el", "al", "da",
];

/// One detector: a rule, a gazetteer or a model. Constructors do all loading, so `detect`
/// is pure and cheap to call from many threads.
pub trait Detector: Send + Sync {
    /// Stable id used in the log, the config's `disabled` list and stage timings.
    fn id(&self) -> &str;
    /// The categories this detector can report.
    fn categories(&self) -> &[Category];
    fn detect(&self, doc: &Document) -> Vec<Span>;
    /// Running totals of work done, by name (the NER model's tokens and time in the
    /// tokenizer and in ONNX Runtime), for `schuilnaam bench`. Rules have none.
    fn counters(&self) -> Vec<(&'static str, u64)> {
        Vec::new()
    }
    /// The model's int8 matrix products and the machine's peak for them (the NER detector;
    /// runs a short measurement), for `schuilnaam bench`. Rules have none.
    fn int8_probe(&self) -> Option<Result<ner::Int8Probe, String>> {
        None
    }
}

/// Detectors in a fixed order (stable ids, stable output).
pub struct DetectorSequence {
    detectors: Vec<Box<dyn Detector>>,
}

impl DetectorSequence {
    pub fn new(detectors: Vec<Box<dyn Detector>>) -> DetectorSequence {
        DetectorSequence { detectors }
    }

    /// The first detector's int8 probe (the NER model's), if any.
    pub fn int8_probe(&self) -> Option<Result<ner::Int8Probe, String>> {
        self.detectors.iter().find_map(|d| d.int8_probe())
    }

    /// Every detector's counters, summed by name.
    pub fn counters(&self) -> std::collections::BTreeMap<&'static str, u64> {
        let mut totals = std::collections::BTreeMap::new();
        for detector in &self.detectors {
            for (name, value) in detector.counters() {
                *totals.entry(name).or_default() += value;
            }
        }
        totals
    }

    /// Runs every detector in order, charging each one's time to `detect:<id>`, and stops
    /// once the spans number more than `limit`: the NER model, which comes after the rules,
    /// does not spend minutes reading a document the rules already found too much in.
    pub fn detect(&self, doc: &Document, timings: &mut StageTimings, limit: usize) -> Vec<Span> {
        let mut spans = Vec::new();
        for detector in &self.detectors {
            let stage = format!("detect:{}", detector.id());
            spans.extend(timings.time(&stage, || detector.detect(doc)));
            if spans.len() > limit {
                break;
            }
        }
        spans
    }
}

/// The built-in rule detectors, guards first.
pub fn rule_detectors() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(protected::ProtectedDetector::new()),
        Box::new(bsn::BsnDetector::new()),
        Box::new(iban::IbanDetector::new()),
        Box::new(phone::PhoneDetector::new()),
        Box::new(email::EmailDetector::new()),
        Box::new(url::UrlDetector::new()),
        Box::new(address::PostcodeDetector::new()),
        Box::new(address::StreetAddressDetector::new()),
        Box::new(residence::ResidenceDetector::new()),
        Box::new(plate::PlateDetector::new()),
        Box::new(birthdate::BirthDateDetector::new()),
        Box::new(identifiers::VNumberDetector::new()),
        Box::new(identifiers::DocumentNumberDetector::new()),
        Box::new(identifiers::CadastralParcelDetector::new()),
        Box::new(ip::IpAddressDetector::new()),
        Box::new(organisation::LegalEntityDetector::new()),
        Box::new(professional::ProfessionalDetector::new()),
        Box::new(literature::LiteratureDetector::new()),
        Box::new(party::PartyDetector::new()),
        Box::new(full_name::FullNameDetector::new()),
        Box::new(package::PackagePropertyDetector::new()),
    ]
}

/// Everything a detector needs to say about one finding.
pub(crate) struct Finding<'a> {
    pub detector: &'a str,
    pub category: Category,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub evidence: Evidence,
    pub normalised: String,
    pub reason: String,
}

impl Finding<'_> {
    pub fn into_span(self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            category: self.category,
            detector: self.detector.to_string(),
            confidence: self.confidence,
            evidence: self.evidence,
            normalised: self.normalised,
            label: None,
            reason: self.reason,
        }
    }
}

/// The character just before byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`.
pub(crate) fn char_after(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Whether the text also writes `word` in lower case ("Dit", "Feit" after a role word at a
/// line's start; "Rechtbank" beside "de rechtbank"): a common word, not a name.
pub(crate) fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    text.match_indices(lower.as_str())
        .any(|(at, _)| is_word_bounded(text, at, at + lower.len()))
}

/// Where each of `names` stands in `text` as whole words (byte starts), found in one pass
/// however many names there are: a long ruling has thousands, and one search of the whole
/// text per name costs the square of its length.
pub(crate) fn word_bounded_occurrences<'a>(
    text: &str,
    names: &std::collections::HashSet<&'a str>,
) -> std::collections::HashMap<&'a str, Vec<usize>> {
    let names: Vec<&'a str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    let mut found: std::collections::HashMap<&'a str, Vec<usize>> =
        std::collections::HashMap::new();
    if names.is_empty() {
        return found;
    }
    let finder = aho_corasick::AhoCorasick::new(&names).expect("names are short");
    for hit in finder.find_overlapping_iter(text) {
        if is_word_bounded(text, hit.start(), hit.end()) {
            found
                .entry(names[hit.pattern().as_usize()])
                .or_default()
                .push(hit.start());
        }
    }
    found
}

/// True when the match is not glued to letters or digits on either side.
pub(crate) fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(char::is_alphanumeric)
        && !char_after(text, end).is_some_and(char::is_alphanumeric)
}

/// The whitespace-separated words of `text`, each with its byte offset in `text`.
pub(crate) fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect()
}

/// Up to `max_bytes` of text before `pos`, cut at a character boundary. Context words are
/// looked for here rather than with look-behind, which the regex crate does not have.
pub(crate) fn context_before(text: &str, pos: usize, max_bytes: usize) -> &str {
    let mut start = pos.saturating_sub(max_bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..pos]
}

/// The largest char boundary at or before `index`.
pub(crate) fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Matches of `regex` in windows of `before` and `after` bytes around anchor positions, in
/// text order, each reported once. Running a costly pattern only near a cheap anchor (a
/// context word, a dash, a colon) keeps a detector from scanning every byte of a ruling.
/// A match cut short by a window edge is glued to the text beyond it, so detectors must
/// check their boundaries against the whole text, as they do anyway.
pub(crate) fn matches_near(
    text: &str,
    anchors: impl IntoIterator<Item = usize>,
    before: usize,
    after: usize,
    regex: &regex::Regex,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for anchor in anchors {
        let start = floor_char_boundary(text, anchor.saturating_sub(before));
        let end = floor_char_boundary(text, anchor.saturating_add(after));
        if start >= end {
            continue;
        }
        found.extend(
            regex
                .find_iter(&text[start..end])
                .map(|m| (start + m.start(), start + m.end())),
        );
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Byte offsets of every occurrence of an ASCII byte.
pub(crate) fn byte_positions(text: &str, byte: u8) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(byte, text.as_bytes())
}

/// Only the ASCII digits of `s`.
pub(crate) fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Only the letters and digits of `s`, upper-cased: the comparison key of codes.
pub(crate) fn compact_upper(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    use super::Detector;
    use crate::model::Document;

    /// The texts a detector found in `text`, in order.
    pub fn found(detector: &dyn Detector, text: &str) -> Vec<String> {
        let doc = Document::from_text("test", text);
        let mut spans = detector.detect(&doc);
        spans.sort_by_key(|s| s.start);
        spans
            .iter()
            .map(|s| doc.text[s.start..s.end].to_string())
            .collect()
    }
}
