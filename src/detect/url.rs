//! URLs. Social-media profiles identify a person and are replaced. Sites of courts and public
//! bodies are kept. Any other website is kept but logged, so that a reviewer sees it: a
//! company site is not personal data, a personal home page is, and a rule cannot tell.

use super::{Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:url";

/// Domains (and their subdomains) of courts, ministries and public bodies.
const PUBLIC_DOMAINS: [&str; 36] = [
    "rechtspraak.nl",
    "overheid.nl",
    "rijksoverheid.nl",
    "government.nl",
    "officielebekendmakingen.nl",
    "raadvanstate.nl",
    "hogeraad.nl",
    "om.nl",
    "politie.nl",
    "belastingdienst.nl",
    "uwv.nl",
    "ind.nl",
    "svb.nl",
    "kvk.nl",
    "rdw.nl",
    "cbr.nl",
    "duo.nl",
    "cjib.nl",
    "justis.nl",
    "dji.nl",
    "rvdk.nl",
    "rvr.org",
    "autoriteitpersoonsgegevens.nl",
    "acm.nl",
    "afm.nl",
    "dnb.nl",
    "cbs.nl",
    "advocatenorde.nl",
    "kadaster.nl",
    "europa.eu",
    "coe.int",
    "echr.coe.int",
    "un.org",
    "gov",
    "gov.uk",
    "europa.nl",
];

/// Hosts whose paths name a person's profile.
const SOCIAL_HOSTS: [&str; 14] = [
    "facebook.com",
    "fb.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "tiktok.com",
    "youtube.com",
    "snapchat.com",
    "t.me",
    "wa.me",
    "github.com",
    "pinterest.com",
    "threads.net",
];

fn matches_domain(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// True for a domain of a court or public body.
pub fn is_public_domain(host: &str) -> bool {
    PUBLIC_DOMAINS.iter().any(|d| matches_domain(host, d))
}

pub struct UrlDetector {
    url: Regex,
}

impl UrlDetector {
    pub fn new() -> UrlDetector {
        UrlDetector {
            // Spelled-out case variants instead of (?i), so that the regex engine can jump
            // between literal prefixes instead of reading every byte.
            url: Regex::new(r#"(?:https?://|HTTPS?://|Https?://|www\.|WWW\.|Www\.|(?:facebook|instagram|twitter|linkedin|tiktok|youtube|snapchat|x)\.com/)[^\s<>"'\])]+"#)
                .expect("valid regex"),
        }
    }
}

impl Default for UrlDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for UrlDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Url, Category::KeepUrl]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.url.find_iter(text) {
            if text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '.')
            {
                continue;
            }
            let value = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let end = m.start() + value.len();
            let lower = value.to_ascii_lowercase();
            let without_scheme = lower
                .trim_start_matches("https://")
                .trim_start_matches("http://");
            let (host, path) = without_scheme
                .split_once('/')
                .unwrap_or((without_scheme, ""));
            let host = host.split(':').next().unwrap_or(host);
            let host = host.strip_prefix("www.").unwrap_or(host);
            let (category, confidence, reason) = if is_public_domain(host) {
                (Category::KeepUrl, 0.95, "website of a court or public body")
            } else if SOCIAL_HOSTS.iter().any(|d| matches_domain(host, d))
                && !path.trim_matches('/').is_empty()
            {
                (Category::Url, 0.95, "social-media profile")
            } else {
                (
                    Category::KeepUrl,
                    0.5,
                    "website not recognisably personal; check whether it names a person",
                )
            };
            spans.push(
                Finding {
                    detector: ID,
                    category,
                    start: m.start(),
                    end,
                    confidence,
                    evidence: Evidence::Pattern,
                    normalised: without_scheme.trim_start_matches("www.").to_string(),
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

    fn categories(text: &str) -> Vec<(String, Category)> {
        let doc = Document::from_text("t", text);
        UrlDetector::new()
            .detect(&doc)
            .into_iter()
            .map(|s| (doc.text[s.start..s.end].to_string(), s.category))
            .collect()
    }

    #[test]
    fn social_profiles_are_replaced() {
        assert_eq!(
            categories("zie https://www.facebook.com/jan.devries.1984."),
            [(
                "https://www.facebook.com/jan.devries.1984".to_string(),
                Category::Url
            )]
        );
        assert_eq!(
            categories("profiel instagram.com/anna_b_22 toont"),
            [("instagram.com/anna_b_22".to_string(), Category::Url)]
        );
    }

    #[test]
    fn public_sites_are_kept() {
        assert_eq!(
            categories(
                "gepubliceerd op www.rechtspraak.nl, en https://wetten.overheid.nl/BWBR0005290"
            ),
            [
                ("www.rechtspraak.nl".to_string(), Category::KeepUrl),
                (
                    "https://wetten.overheid.nl/BWBR0005290".to_string(),
                    Category::KeepUrl
                )
            ]
        );
    }

    #[test]
    fn bare_social_host_is_not_a_profile() {
        assert_eq!(
            categories("via https://www.facebook.com/")[0].1,
            Category::KeepUrl
        );
    }

    #[test]
    fn email_domain_is_not_a_url() {
        assert!(categories("mail jan@www.example.nl").is_empty());
    }
}
