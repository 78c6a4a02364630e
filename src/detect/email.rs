//! E-mail addresses. Every address is replaced, except the general mailboxes of courts and
//! public bodies (`info@rechtspraak.nl`), which identify no person and are logged as kept.

use super::{url::is_public_domain, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:email";

/// Local parts that name a function, not a person.
const ROLE_MAILBOXES: [&str; 14] = [
    "info",
    "griffie",
    "secretariaat",
    "contact",
    "post",
    "postbus",
    "klantenservice",
    "helpdesk",
    "servicedesk",
    "noreply",
    "no-reply",
    "communicatie",
    "juridischezaken",
    "bezwaar",
];

pub struct EmailDetector {
    address: Regex,
}

impl EmailDetector {
    pub fn new() -> EmailDetector {
        EmailDetector {
            address: Regex::new(
                r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}",
            )
            .expect("valid regex"),
        }
    }
}

impl Default for EmailDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for EmailDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Email, Category::KeepEmail]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.address.find_iter(text) {
            let value = m.as_str().trim_end_matches(['.', '-']).to_ascii_lowercase();
            let end = m.start() + value.len();
            let (local, domain) = value.split_once('@').expect("regex has @");
            let public_mailbox = is_public_domain(domain) && ROLE_MAILBOXES.contains(&local);
            let (category, confidence, reason) = if public_mailbox {
                (Category::KeepEmail, 0.9, "general mailbox of a public body")
            } else {
                (Category::Email, 0.97, "e-mail address")
            };
            spans.push(
                Finding {
                    detector: ID,
                    category,
                    start: m.start(),
                    end,
                    confidence,
                    evidence: Evidence::Pattern,
                    normalised: value,
                    reason: reason.to_string(),
                }
                .into_span(),
            );
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn finds_addresses_without_trailing_dot() {
        let d = EmailDetector::new();
        assert_eq!(
            found(&d, "mail aan j.devries1984@gmail.com."),
            ["j.devries1984@gmail.com"]
        );
        assert_eq!(
            found(&d, "(pieter-jan.bakker@kpnmail.nl)"),
            ["pieter-jan.bakker@kpnmail.nl"]
        );
    }

    #[test]
    fn court_mailbox_is_kept_personal_court_address_is_not() {
        let d = EmailDetector::new();
        let doc = Document::from_text(
            "t",
            "schrijf info@rechtspraak.nl of a.jansen@rechtspraak.nl",
        );
        let spans = d.detect(&doc);
        assert_eq!(spans[0].category, Category::KeepEmail);
        assert_eq!(spans[1].category, Category::Email);
    }

    #[test]
    fn negatives() {
        let d = EmailDetector::new();
        assert!(found(&d, "ECLI:NL:HR:2020:1234 en @gebruiker").is_empty());
    }
}
