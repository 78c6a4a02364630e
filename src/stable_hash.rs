//! FNV-1a: a hash that is the same on every machine and in every run, for decisions that
//! must repeat (which shard takes a document, which split a ruling is in, which surrogates a
//! ruling gets). Not for security.

/// The 64-bit FNV-1a hash of `text`.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
