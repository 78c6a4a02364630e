//! IP addresses: IPv4 with octets up to 255 and full or compressed IPv6. Article numbers
//! ("artikel 2.3.1.4") have the IPv4 shape, so a preceding "art." or "artikel" rules it out.

use super::{byte_positions, context_before, matches_near, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;
use std::net::{Ipv4Addr, Ipv6Addr};

const ID: &str = "rule:ip-address";

pub struct IpAddressDetector {
    ipv4: Regex,
    ipv6: Regex,
    article: Regex,
    ip_context: Regex,
}

impl IpAddressDetector {
    pub fn new() -> IpAddressDetector {
        IpAddressDetector {
            ipv4: Regex::new(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}").expect("valid regex"),
            ipv6: Regex::new(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}").expect("valid regex"),
            ip_context: Regex::new(r"(?i-u)\b(ip|ip-adres|ip-adressen|ipv4|ip address)\b")
                .expect("valid regex"),
            article: Regex::new(
                r"(?i-u)\b(art\.|artt\.|artikel|artikelen|paragraaf|hoofdstuk|bijlage|onderdeel)\s*$",
            )
            .expect("valid regex"),
        }
    }
}

impl Default for IpAddressDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for IpAddressDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::IpAddress]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        let ipv4 = self.ipv4.find_iter(text).map(|m| (m.start(), m.end()));
        // IPv6 is searched only around colons, which are rare in rulings.
        let ipv6 = matches_near(text, byte_positions(text, b':'), 40, 40, &self.ipv6);
        let mut candidates: Vec<(usize, usize)> = ipv4.chain(ipv6).collect();
        candidates.sort_unstable();
        for (start, end) in candidates {
            let value = &text[start..end];
            let before = text[..start].chars().next_back();
            let mut after = text[end..].chars();
            let next = after.next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ':' | '/'))
                || next.is_some_and(char::is_alphanumeric)
                || (matches!(next, Some('.' | ':'))
                    && after.next().is_some_and(|c| c.is_ascii_hexdigit()))
            {
                continue;
            }
            let is_ip = if value.contains(':') {
                // Require real IPv6 density so that times and ECLI fragments do not match.
                value.parse::<Ipv6Addr>().is_ok()
                    && value.chars().filter(|c| c.is_ascii_hexdigit()).count() >= 6
            } else {
                // Paragraph numbers ("4.3.1.2.") share the IPv4 shape: without an IP context
                // word, demand two octets of two or more digits and no closing dot.
                let has_context = self.ip_context.is_match(context_before(text, start, 40));
                let wide_octets = value.split('.').filter(|octet| octet.len() >= 2).count();
                value.parse::<Ipv4Addr>().is_ok()
                    && !self.article.is_match(context_before(text, start, 24))
                    && (has_context || (wide_octets >= 2 && next != Some('.')))
            };
            if !is_ip {
                continue;
            }
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::IpAddress,
                    start,
                    end,
                    confidence: 0.9,
                    evidence: Evidence::Pattern,
                    normalised: value.to_ascii_lowercase(),
                    reason: "IP address".to_string(),
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
    fn ip_addresses() {
        let d = IpAddressDetector::new();
        assert_eq!(found(&d, "IP-adres 10.0.0.1 gebruikt"), ["10.0.0.1"]);
        assert_eq!(
            found(&d, "vanaf IP-adres 84.241.199.12 ingelogd"),
            ["84.241.199.12"]
        );
        assert_eq!(
            found(&d, "adres 2001:db8:85a3::8a2e:370:7334."),
            ["2001:db8:85a3::8a2e:370:7334"]
        );
    }

    #[test]
    fn negatives() {
        let d = IpAddressDetector::new();
        for text in [
            "artikel 2.3.1.4 van de regeling",
            "999.1.1.1",
            "om 12:30:45 uur",
            "ECLI:NL:HR:2020:1234",
            "200.123.456/01",
            "1.2.3.4.5",
            "4.3.1.2. Het telefoongesprek",
            "zie 3.1.5.1 hierna",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }
}
