//! Surrogate values for refilled placeholders: people in every form rulings use, addresses,
//! places, dates of birth, checksum-valid BSNs and IBANs, plates, phones, e-mail addresses
//! and companies. Deterministic for a seed.

use super::names::{self, Names};
use crate::detect::bsn::check_digit;
use crate::detect::iban::check_digits;
use crate::detect::MONTHS;

/// SplitMix64: small, fast and reproducible on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one document: the same seed and id give the same surrogates.
    pub fn for_document(seed: u64, id: &str) -> Rng {
        Rng(seed ^ crate::stable_hash::fnv1a(id))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn pick_string<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.below(items.len())]
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A surrogate person and the forms a ruling may name them by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub given: String,
    pub second_given: Option<String>,
    /// With its prefix in lower case: "van der Meer".
    pub surname: String,
    pub gender: Gender,
}

impl Person {
    pub fn generate(rng: &mut Rng, names: &Names, gender: Option<Gender>) -> Person {
        let gender = gender.unwrap_or(if rng.chance(50) {
            Gender::Male
        } else {
            Gender::Female
        });
        let given_names = match gender {
            Gender::Male => &names.male,
            Gender::Female => &names.female,
        };
        let surnames = &names.surnames;
        let mut surname = rng.pick_string(surnames).to_string();
        // Married women are often named with both surnames.
        if gender == Gender::Female && rng.chance(20) {
            let other = rng.pick_string(surnames);
            if other != surname {
                surname = format!("{surname}-{}", capitalise_prefix(other));
            }
        }
        let second_given = rng
            .chance(35)
            .then(|| rng.pick_string(given_names).to_string());
        Person {
            given: rng.pick_string(given_names).to_string(),
            second_given,
            surname,
            gender,
        }
    }

    pub fn full(&self) -> String {
        match &self.second_given {
            Some(second) => format!("{} {second} {}", self.given, self.surname),
            None => format!("{} {}", self.given, self.surname),
        }
    }

    pub fn initials(&self) -> String {
        let initial = |name: &str| format!("{}.", name.chars().next().unwrap_or('X'));
        let mut out = initial(&self.given);
        if let Some(second) = &self.second_given {
            out.push_str(&initial(second));
        }
        format!("{out} {}", self.surname)
    }

    /// The surname alone: its prefix is capitalised, as in "De Vries verklaarde".
    pub fn surname_only(&self) -> String {
        capitalise_prefix(&self.surname)
    }

    /// The forms of a first mention and of later mentions.
    pub fn first_mention(&self, rng: &mut Rng) -> String {
        if rng.chance(60) {
            self.full()
        } else {
            self.initials()
        }
    }

    pub fn later_mention(&self, rng: &mut Rng) -> String {
        match rng.below(10) {
            0..=5 => self.surname_only(),
            6 | 7 => self.initials(),
            _ => self.full(),
        }
    }
}

/// "van der Meer" → "Van der Meer".
pub fn capitalise_prefix(surname: &str) -> String {
    let mut chars = surname.chars();
    match chars.next() {
        Some('\'') => surname.to_string(),
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn place(rng: &mut Rng, names: &Names) -> String {
    rng.pick_string(&names.places).to_string()
}

pub fn street(rng: &mut Rng, names: &Names) -> String {
    format!(
        "{}{}",
        rng.pick_string(&names.street_bases),
        rng.pick(names::STREET_SUFFIXES)
    )
}

pub fn house_number(rng: &mut Rng) -> String {
    let number = 1 + rng.below(180);
    match rng.below(10) {
        0 => format!("{number}a"),
        1 => format!("{number}-{}", ["I", "II", "III"][rng.below(3)]),
        2 => format!("{number} bis"),
        _ => number.to_string(),
    }
}

pub fn postcode(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"ABCEGHJKLMNPRTVWXZ";
    let number = 1000 + rng.below(9000);
    let a = LETTERS[rng.below(LETTERS.len())] as char;
    let b = LETTERS[rng.below(LETTERS.len())] as char;
    format!("{number} {a}{b}")
}

/// A street address. Postcode and place stay out: rulings put them in placeholders of their
/// own ("[adres 1] te [woonplaats]"), which get their own surrogates.
pub fn address(rng: &mut Rng, names: &Names) -> String {
    format!("{} {}", street(rng, names), house_number(rng))
}

/// Day and month ("12 maart"): the year stays from the ruling.
pub fn day_and_month(rng: &mut Rng) -> String {
    format!("{} {}", 1 + rng.below(28), MONTHS[rng.below(12)])
}

pub fn bsn(rng: &mut Rng) -> String {
    loop {
        let mut digits: Vec<u32> = (0..8).map(|_| rng.below(10) as u32).collect();
        if digits[0] == 0 {
            digits[0] = 1;
        }
        if let Some(check) = check_digit(&digits) {
            digits.push(check);
            return digits.iter().map(|d| d.to_string()).collect();
        }
    }
}

pub fn iban(rng: &mut Rng) -> String {
    let bank = [
        "ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ",
    ][rng.below(8)];
    let bban = format!("{bank}{}", rng.digits(10));
    let check = check_digits("NL", &bban).expect("letters and digits");
    let iban = format!("NL{check:02}{bban}");
    if rng.chance(50) {
        iban.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).expect("ASCII"))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        iban
    }
}

pub fn phone(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("06-{}", rng.digits(8)),
        1 => format!("06 {} {}", rng.digits(4), rng.digits(4)),
        2 => format!("+31 6 {} {}", rng.digits(4), rng.digits(4)),
        _ => format!("0{}-{}", 10 + rng.below(89), rng.digits(7)),
    }
}

pub fn license_plate(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"BDFGHJKLNPRSTVXZ";
    let letters = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| LETTERS[rng.below(LETTERS.len())] as char)
            .collect()
    };
    // Sidecodes 7 to 10, the ones issued since 2005.
    match rng.below(4) {
        0 => format!("{}-{}-{}", rng.digits(2), letters(rng, 3), rng.digits(1)),
        1 => format!("{}-{}-{}", rng.digits(1), letters(rng, 3), rng.digits(2)),
        2 => format!("{}-{}-{}", letters(rng, 2), rng.digits(3), letters(rng, 1)),
        _ => format!("{}-{}-{}", letters(rng, 1), rng.digits(3), letters(rng, 2)),
    }
}

pub fn email(rng: &mut Rng, person: &Person) -> String {
    let surname: String = person
        .surname
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let given = person.given.to_lowercase();
    let local = match rng.below(3) {
        0 => format!("{given}.{surname}"),
        1 => format!("{}{surname}{}", &given[..1], 60 + rng.below(40)),
        _ => format!("{given}{}", rng.below(100)),
    };
    format!("{local}@{}", rng.pick(names::EMAIL_DOMAINS))
}

/// A company; `with_legal_form` false when the ruling writes the legal form itself.
pub fn company(rng: &mut Rng, names: &Names, with_legal_form: bool) -> String {
    let surname = capitalise_prefix(rng.pick_string(&names.surnames));
    let name = format!("{} {surname}", rng.pick(names::COMPANY_KINDS));
    if with_legal_form {
        format!("{name} {}", rng.pick(names::LEGAL_FORMS))
    } else {
        name
    }
}

/// A generic identifying number (dossier, file or registration number).
pub fn number(rng: &mut Rng) -> String {
    format!("{}{}", 1 + rng.below(9), rng.digits(7))
}

/// An IPv4 address of the public range ("84.26.113.7"), for "[IP-adres]": a number of eight
/// digits there would be a surrogate no ruling ever held.
pub fn ip_address(rng: &mut Rng) -> String {
    format!(
        "{}.{}.{}.{}",
        11 + rng.below(212),
        rng.below(256),
        rng.below(256),
        1 + rng.below(254)
    )
}

/// A cadastral section ("K", "AB"), for "sectie [sectie 1]": the Kadaster writes sections
/// as one or two capitals.
pub fn cadastral_section(rng: &mut Rng) -> String {
    let letter = |rng: &mut Rng| char::from(b'A' + rng.below(26) as u8);
    let mut section = String::from(letter(rng));
    if rng.below(3) == 0 {
        section.push(letter(rng));
    }
    section
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::bsn::passes_eleven_test;
    use crate::detect::iban::passes_mod97;

    #[test]
    fn checksums_hold() {
        let mut rng = Rng::new(7);
        for _ in 0..200 {
            assert!(passes_eleven_test(&bsn(&mut rng)));
            let iban = iban(&mut rng).replace(' ', "");
            assert!(passes_mod97(&iban), "{iban}");
        }
    }

    #[test]
    fn person_forms() {
        let person = Person {
            given: "Jan".into(),
            second_given: Some("Pieter".into()),
            surname: "van der Meer".into(),
            gender: Gender::Male,
        };
        assert_eq!(person.full(), "Jan Pieter van der Meer");
        assert_eq!(person.initials(), "J.P. van der Meer");
        assert_eq!(person.surname_only(), "Van der Meer");
    }

    #[test]
    fn deterministic_per_seed_and_document() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut rng = Rng::for_document(1, "ECLI:NL:HR:2020:1");
                move |_| rng.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut rng = Rng::for_document(1, "ECLI:NL:HR:2020:1");
                move |_| rng.next_u64()
            })
            .collect();
        let c = Rng::for_document(2, "ECLI:NL:HR:2020:1").next_u64();
        assert_eq!(a, b);
        assert_ne!(a[0], c);
    }

    #[test]
    fn plates_have_a_sidecode_shape() {
        let mut rng = Rng::new(3);
        let sidecode = regex::Regex::new(r"^[0-9A-Z]{1,3}-[0-9A-Z]{2,3}-[0-9A-Z]{1,2}$").unwrap();
        for _ in 0..50 {
            let plate = license_plate(&mut rng);
            assert!(sidecode.is_match(&plate), "{plate}");
        }
    }
}
