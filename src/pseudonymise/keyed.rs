//! `--style keyed`: every entity becomes a short code computed with HMAC-SHA256 from a secret
//! key and the entity's normalised form, such as `[persoon K7F3QX]`. The same person gets the
//! same code in every document, in every run and on every machine that has the key, with no
//! shared state, so a huge batch can be split across machines (`--shard`) and still name
//! each person consistently. Without the key the codes cannot be reversed by trying names.
//! The key is never logged.

use super::rechtspraak::{birth_year, default_stem};
use super::{entity_key, Style};
use crate::model::{Category, Entity};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::path::Path;

/// The environment variable that may hold the key instead of `--key-file`.
pub const KEY_ENV: &str = "SCHUILNAAM_KEY";

/// Shortest key accepted, in bytes: a short key could be guessed.
pub const MIN_KEY_BYTES: usize = 16;

/// Characters of a code: Crockford's base 32 (no I, L, O, U), easy to read aloud.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Code length: 6 characters are 30 bits, so that two of a batch's entities share a code
/// only once in about 30,000 entities squared over 2^31.
const CODE_CHARS: usize = 6;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{path}: cannot read the key file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{origin}: the key is {len} bytes; use at least {MIN_KEY_BYTES} (for example: head -c 32 /dev/urandom | base64 > schuilnaam.key)")]
    TooShort { origin: String, len: usize },
    #[error("--style keyed needs a secret key: pass --key-file FILE or set {KEY_ENV}")]
    Missing,
}

pub struct KeyedStyle {
    key: Vec<u8>,
}

impl std::fmt::Debug for KeyedStyle {
    // Never print the key, not even in a debug message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyedStyle { key: <secret> }")
    }
}

impl KeyedStyle {
    pub fn new(key: &[u8], origin: &str) -> Result<KeyedStyle, KeyError> {
        let key = trim_ascii_whitespace(key);
        if key.len() < MIN_KEY_BYTES {
            return Err(KeyError::TooShort {
                origin: origin.to_string(),
                len: key.len(),
            });
        }
        Ok(KeyedStyle { key: key.to_vec() })
    }

    /// The key from `--key-file`, else from `SCHUILNAAM_KEY`; an error without either.
    pub fn from_file_or_env(key_file: Option<&Path>) -> Result<KeyedStyle, KeyError> {
        if let Some(path) = key_file {
            let key = std::fs::read(path).map_err(|source| KeyError::Read {
                path: path.display().to_string(),
                source,
            })?;
            return KeyedStyle::new(&key, &path.display().to_string());
        }
        match std::env::var_os(KEY_ENV).filter(|v| !v.is_empty()) {
            Some(value) => KeyedStyle::new(value.as_encoded_bytes(), KEY_ENV),
            None => Err(KeyError::Missing),
        }
    }

    /// The code of one entity.
    pub fn code(&self, entity: &Entity) -> String {
        self.code_of(&entity_key(entity))
    }

    fn code_of(&self, key: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(key.as_bytes());
        let digest = mac.finalize().into_bytes();
        let bits = u64::from_be_bytes(digest[..8].try_into().expect("32 bytes"));
        (0..CODE_CHARS)
            .map(|i| ALPHABET[((bits >> (59 - 5 * i)) & 31) as usize] as char)
            .collect()
    }
}

fn trim_ascii_whitespace(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace());
    match (start, end) {
        (Some(s), Some(e)) => &bytes[s..=e],
        _ => &[],
    }
}

impl Style for KeyedStyle {
    fn name(&self) -> &str {
        "keyed"
    }

    fn assign(&self, _document_id: &str, entities: &mut [Entity]) {
        let mut used: Vec<String> = Vec::new();
        for entity in entities {
            let mut code = self.code(entity);
            // "Jan de Vries" and "Joop de Vries" share surname and initial, the key of a
            // person across documents; within one ruling they are told apart by the full key.
            if used.contains(&code) {
                code = self.code_of(&format!("{}:{}", entity.category, entity.normalised));
            }
            used.push(code.clone());
            let placeholder = format!("[{} {code}]", default_stem(entity.category));
            entity.pseudonym = match (entity.category, birth_year(&entity.normalised)) {
                (Category::DateOfBirth, Some(year)) => format!("{placeholder} {year}"),
                _ => placeholder,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(normalised: &str) -> Entity {
        Entity {
            id: "e1".into(),
            category: Category::Person,
            label: Some("eiser".into()),
            normalised: normalised.into(),
            pseudonym: String::new(),
        }
    }

    #[test]
    fn same_key_same_code_other_key_other_code() {
        let a = KeyedStyle::new(b"0123456789abcdef-one", "test").unwrap();
        let b = KeyedStyle::new(b"0123456789abcdef-two", "test").unwrap();
        let code = a.code(&person("de vries|j"));
        assert_eq!(code.len(), 6);
        assert_eq!(code, a.code(&person("de vries|j")));
        assert_ne!(code, a.code(&person("de vries|m")));
        assert_ne!(code, b.code(&person("de vries|j")));
        let mut entities = vec![person("de vries|j|jan"), person("de vries|j|joop")];
        a.assign("doc", &mut entities);
        assert_eq!(entities[0].pseudonym, format!("[persoon {code}]"));
        assert_ne!(entities[1].pseudonym, entities[0].pseudonym);
    }

    #[test]
    fn short_or_missing_keys_are_refused() {
        let error = KeyedStyle::new(b"  short \n", "k.key")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("k.key") && error.contains("5 bytes"),
            "{error}"
        );
        assert!(!format!("{:?}", KeyedStyle::new(&[7; 32], "k").unwrap()).contains("7"));
    }
}
