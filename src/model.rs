//! Types shared by every stage: documents, spans, categories, entities and substitutions.
//!
//! Stages talk to each other only through these types (read produces a [`Document`], detect
//! produces [`Span`]s, resolve produces [`Resolution`], pseudonymise fills in replacements,
//! write renders). Offsets inside the pipeline are byte offsets into [`Document::text`]; the
//! log converts them to Unicode code points at the boundary.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// What a span is. Replace categories are personal data; keep categories are things the
/// Rechtspraak guidelines say must stay (professionals, case numbers, ECLIs ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Person,
    Address,
    Postcode,
    Place,
    DateOfBirth,
    Bsn,
    Iban,
    Phone,
    Email,
    Url,
    LicensePlate,
    IdNumber,
    IpAddress,
    Organisation,
    /// Judges, clerks, lawyers, interpreters, experts: named in published rulings.
    Professional,
    KeepCaseNumber,
    KeepEcli,
    KeepLawReference,
    KeepAmount,
    /// An existing placeholder (`[eiser]`) or an editorial bracket (`[…]`, `[is]`).
    KeepPlaceholder,
    KeepUrl,
    KeepEmail,
    /// A term from the configuration's keep list.
    KeepTerm,
}

impl Category {
    pub const ALL: [Category; 23] = [
        Category::Person,
        Category::Address,
        Category::Postcode,
        Category::Place,
        Category::DateOfBirth,
        Category::Bsn,
        Category::Iban,
        Category::Phone,
        Category::Email,
        Category::Url,
        Category::LicensePlate,
        Category::IdNumber,
        Category::IpAddress,
        Category::Organisation,
        Category::Professional,
        Category::KeepCaseNumber,
        Category::KeepEcli,
        Category::KeepLawReference,
        Category::KeepAmount,
        Category::KeepPlaceholder,
        Category::KeepUrl,
        Category::KeepEmail,
        Category::KeepTerm,
    ];

    /// True for categories whose spans stay in the output.
    pub fn is_keep(self) -> bool {
        matches!(
            self,
            Category::Professional
                | Category::KeepCaseNumber
                | Category::KeepEcli
                | Category::KeepLawReference
                | Category::KeepAmount
                | Category::KeepPlaceholder
                | Category::KeepUrl
                | Category::KeepEmail
                | Category::KeepTerm
        )
    }

    /// Guards protect text from other detectors but are only worth a log line when they
    /// actually overruled a detection (a ruling has hundreds of case numbers and dates).
    pub fn is_guard(self) -> bool {
        matches!(
            self,
            Category::KeepCaseNumber
                | Category::KeepEcli
                | Category::KeepLawReference
                | Category::KeepAmount
                | Category::KeepPlaceholder
        )
    }

    /// The snake_case name used in logs, config files and summaries.
    pub fn name(self) -> &'static str {
        match self {
            Category::Person => "person",
            Category::Address => "address",
            Category::Postcode => "postcode",
            Category::Place => "place",
            Category::DateOfBirth => "date_of_birth",
            Category::Bsn => "bsn",
            Category::Iban => "iban",
            Category::Phone => "phone",
            Category::Email => "email",
            Category::Url => "url",
            Category::LicensePlate => "license_plate",
            Category::IdNumber => "id_number",
            Category::IpAddress => "ip_address",
            Category::Organisation => "organisation",
            Category::Professional => "professional",
            Category::KeepCaseNumber => "keep_case_number",
            Category::KeepEcli => "keep_ecli",
            Category::KeepLawReference => "keep_law_reference",
            Category::KeepAmount => "keep_amount",
            Category::KeepPlaceholder => "keep_placeholder",
            Category::KeepUrl => "keep_url",
            Category::KeepEmail => "keep_email",
            Category::KeepTerm => "keep_term",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a detector knows what it found; resolve uses it to decide overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Shape alone (a postcode, a plate sidecode).
    Pattern,
    /// Shape plus a context word ("BSN", "geboren op", "kenteken").
    Context,
    /// A statistical model's prediction (the NER detector).
    Model,
    /// A checksum passed (BSN 11-test, IBAN mod 97). Such spans win every overlap.
    Checksum,
}

/// One detection: a byte range of [`Document::text`] with what it is and who said so.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    /// Stable detector id, such as `rule:bsn`.
    pub detector: String,
    pub confidence: f32,
    pub evidence: Evidence,
    /// The value used to decide that two spans are the same entity (an IBAN without
    /// spaces, a phone number in national form ...).
    pub normalised: String,
    /// Placeholder stem when it differs from the category default ("geboorteplaats").
    pub label: Option<String>,
    /// Why the detector fired, in words a reviewer understands.
    pub reason: String,
}

impl Span {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where a document came from and how to write it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Xml,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
}

/// The text-holding XML parts of a Word package, decompressed and laid end to end: the
/// segments of a `.docx` document point into `xml`, so that text and XML share one splice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Package {
    pub xml: Vec<u8>,
    pub parts: Vec<PackagePart>,
    /// Package fields that name a person or body whatever they say (author, company ...):
    /// byte ranges of [`Document::text`] that are replaced without a detector's evidence.
    pub properties: Vec<PackageProperty>,
    /// For the first segments (the running text of the parts, in order): the run that holds
    /// each, so that a replacement can be written as a tracked change. Fields come after.
    pub runs: Vec<Option<RunPlace>>,
}

/// Where a `w:t` and its `w:r` stand in [`Package::xml`] (byte offsets), for tracked
/// changes: the run is cut around a replaced span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunPlace {
    pub run_start: usize,
    pub run_end: usize,
    /// The run's properties (`<w:rPr>…</w:rPr>`), copied into the runs cut from it.
    pub properties: Option<(usize, usize)>,
    /// From `<w:t` to after `</w:t>`.
    pub text_start: usize,
    pub text_end: usize,
    /// Whether a `w:del`/`w:ins` may go where the run stands (not inside another tracked
    /// change, and a `w:t` rather than deleted text).
    pub trackable: bool,
}

/// One part of [`Package::xml`]: its name in the ZIP and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackagePart {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// A field of the package that names someone: where its value stands in the text, what it
/// is ("author of a tracked change", "docProps/core.xml creator") and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageProperty {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub what: String,
}

/// A contiguous piece of [`Document::text`] that maps to bytes of the source file.
/// Text between segments (separators between XML block elements) exists only in the
/// extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text_start: usize,
    pub text_end: usize,
    pub source_start: usize,
    pub source_end: usize,
    /// The source bytes hold XML character or entity references, so offsets inside the
    /// segment must be mapped by decoding rather than by adding.
    pub escaped: bool,
    /// The source is a CDATA section: replacements are written without escaping.
    pub cdata: bool,
    /// Index into [`Document::elements`]: the element that holds the text.
    pub element: usize,
}

/// An XML element that holds text, or an ancestor of one: its local name, its position
/// among its parent's children of that name (1-based), and its parent. Paths are built
/// from these on demand, so that memory stays linear in the document however deep it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementNode {
    pub parent: Option<usize>,
    /// Shared between the nodes of one name: a long ruling has thousands.
    pub name: std::sync::Arc<str>,
    pub index: usize,
}

/// A document as the detectors see it.
#[derive(Debug, Clone)]
pub struct Document {
    /// Relative path (or `-` for stdin): unique within a batch.
    pub id: String,
    pub format: Format,
    /// The text the detectors see. For plain text, the file without its BOM.
    pub text: String,
    /// The raw source, kept so that XML can be spliced byte-for-byte.
    pub source: Vec<u8>,
    pub has_bom: bool,
    /// For XML: how `text` maps to `source`. Empty for plain text.
    pub segments: Vec<Segment>,
    /// For XML: the elements that segments point into.
    pub elements: Vec<ElementNode>,
    /// For .docx: the package's text-holding parts, which segments point into.
    pub package: Option<Box<Package>>,
}

impl Document {
    /// A plain-text document (used by tests and stdin).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: id.into(),
            format: Format::Text,
            source: text.as_bytes().to_vec(),
            text,
            has_bom: false,
            segments: Vec::new(),
            elements: Vec::new(),
            package: None,
        }
    }

    /// The areas of law of a Rechtspraak XML ruling (`dcterms:subject`, such as
    /// "Belastingrecht"); empty for text, where the area is not recorded.
    pub fn areas(&self) -> Vec<String> {
        const OPEN: &[u8] = b"<dcterms:subject";
        const CLOSE: &[u8] = b"</dcterms:subject>";
        if self.format != Format::Xml {
            return Vec::new();
        }
        let source = &self.source;
        let mut areas = Vec::new();
        let mut from = 0;
        while let Some(open) = memchr::memmem::find(&source[from..], OPEN) {
            let tag = from + open;
            let Some(body) = memchr::memchr(b'>', &source[tag..]).map(|i| tag + i + 1) else {
                break;
            };
            let Some(close) = memchr::memmem::find(&source[body..], CLOSE).map(|i| body + i) else {
                break;
            };
            let value = String::from_utf8_lossy(&source[body..close]);
            areas.extend(
                value
                    .split(';')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty()),
            );
            from = close + CLOSE.len();
        }
        areas
    }

    /// The element path of the XML text node that holds byte `offset` of the text
    /// (`/open-rechtspraak/uitspraak[1]/para[3]`).
    pub fn element_path_at(&self, offset: usize) -> Option<String> {
        let index = self
            .segments
            .partition_point(|segment| segment.text_end <= offset);
        let segment = self.segments.get(index)?;
        if segment.text_start > offset {
            return None;
        }
        let mut chain = Vec::new();
        let mut node = Some(segment.element);
        while let Some(at) = node {
            chain.push(&self.elements[at]);
            node = self.elements[at].parent;
        }
        let mut path = String::new();
        for (depth, element) in chain.iter().rev().enumerate() {
            path.push('/');
            path.push_str(&element.name);
            if depth > 0 {
                path.push_str(&format!("[{}]", element.index));
            }
        }
        Some(path)
    }
}

/// What happens to a resolved span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Replace,
    Keep,
}

/// One mention that survived resolution, tied to its entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub action: Action,
    /// Index into [`Resolution::entities`] for replaced mentions.
    pub entity: Option<usize>,
    /// Why resolve kept or replaced it (for guards: what they overruled).
    pub reason: String,
}

impl Mention {
    /// A span left in the output, with the reason it stays.
    pub fn kept(span: Span, reason: String) -> Mention {
        Mention {
            span,
            action: Action::Keep,
            entity: None,
            reason,
        }
    }
}

/// A distinct thing to replace: all mentions with the same category, label and
/// normalised value within one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// `e1`, `e2` ... in order of first mention.
    pub id: String,
    pub category: Category,
    pub label: Option<String>,
    pub normalised: String,
    /// Filled in by the pseudonymise stage.
    pub pseudonym: String,
}

/// The resolve stage's answer: mentions sorted by start, entities in order of first mention.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Mention index -> how that mention is written, where it differs from its entity's
    /// pseudonym (the surrogate style keeps each mention's form).
    pub forms: BTreeMap<usize, String>,
}

/// Wall-clock time per named stage ("read", "detect:rule:bsn", "resolve", ...).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageTimings {
    pub stages: BTreeMap<String, Duration>,
}

impl StageTimings {
    pub fn add(&mut self, stage: &str, elapsed: Duration) {
        *self.stages.entry(stage.to_string()).or_default() += elapsed;
    }

    pub fn merge(&mut self, other: &StageTimings) {
        for (stage, elapsed) in &other.stages {
            self.add(stage, *elapsed);
        }
    }

    /// Runs `work`, charging its time to `stage`.
    pub fn time<T>(&mut self, stage: &str, work: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let result = work();
        self.add(stage, started.elapsed());
        result
    }
}

/// Ranges sorted by start with the furthest end reached so far: whether a range touches or
/// holds another is a binary search, not a pass over every range (a dense ruling has thousands
/// of substitutions, spans or guards to ask about every word or name). Offsets in any unit,
/// bytes or code points, as long as the questions use the same.
pub(crate) struct Coverage {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Coverage {
    /// Any ranges, in any order.
    pub(crate) fn of(ranges: impl Iterator<Item = (usize, usize)>) -> Coverage {
        let mut ranges: Vec<(usize, usize)> = ranges.collect();
        ranges.sort_unstable();
        let mut furthest = 0;
        Coverage {
            starts: ranges.iter().map(|r| r.0).collect(),
            furthest_end: ranges
                .iter()
                .map(|r| {
                    furthest = furthest.max(r.1);
                    furthest
                })
                .collect(),
        }
    }

    /// Whether `start..end` overlaps a range.
    pub(crate) fn touches(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.furthest_end[before_end - 1] > start
    }

    /// Whether one range holds `start..end` whole: one of those starting at or before it
    /// reaches its end.
    pub(crate) fn holds(&self, start: usize, end: usize) -> bool {
        let from_before = self.starts.partition_point(|&s| s <= start);
        from_before > 0 && self.furthest_end[from_before - 1] >= end
    }
}
