//! Synthetic rulings for `schuilnaam bench`: realistic Dutch judgments made from the team's
//! own templates, so that anyone can reproduce a throughput figure without real rulings.
//!
//! A ruling has a header for its area of law (criminal, civil, administrative, family), a
//! party header with names, dates of birth, addresses and places, and then numbered
//! paragraphs drawn from boilerplate templates until it reaches the requested size. About
//! one paragraph in three mentions a person again, and identifiers (BSN, IBAN, phone number,
//! licence plate, e-mail address) appear at the rate of the published rulings' placeholder
//! catalogue, which is to say rarely. The same seed and index give the same ruling.

use crate::corpus::names::{Names, Pool};
use crate::corpus::surrogates::{self, Person, Rng};

/// Boilerplate paragraphs; `{p}` is a person's later mention, `{P}` a full name, `{a}` an
/// address, `{w}` a place, `{d}` a procedural date, `{n}` a case number.
const PARAGRAPHS: [&str; 16] = [
    "De rechtbank heeft kennisgenomen van de vordering van de officier van justitie en van wat {p} en de raadsman naar voren hebben gebracht. Het onderzoek ter terechtzitting heeft plaatsgevonden op {d}.",
    "Uit het dossier blijkt dat {p} op {d} in {w} is aangehouden. Bij de doorzoeking van de woning aan {a} zijn verdovende middelen aangetroffen.",
    "{P} heeft ter zitting verklaard dat hij niet wist dat de goederen van een misdrijf afkomstig waren. De rechtbank acht die verklaring niet aannemelijk, gelet op de omstandigheden waaronder de goederen zijn verworven.",
    "De raadsman heeft bepleit dat het bewijs onrechtmatig is verkregen, omdat de verbalisanten de woning zonder machtiging zijn binnengetreden. De rechtbank verwerpt dat verweer; uit het proces-verbaal volgt dat de bewoner toestemming heeft gegeven.",
    "Gelet op de ernst van het feit, de omstandigheden waaronder het is begaan en de persoon van {p}, zoals die uit het uittreksel justitiële documentatie van {d} blijkt, acht de rechtbank een gevangenisstraf passend.",
    "Het hof stelt voorop dat een overeenkomst tot stand komt door aanbod en aanvaarding (artikel 6:217 BW). Partijen verschillen van mening over de vraag of {p} het aanbod van {d} tijdig heeft aanvaard.",
    "De getuige {P} heeft bij de politie verklaard dat zij op {d} omstreeks 22.00 uur een man bij de auto met kenteken {k} heeft zien staan.",
    "Eiser vordert betaling van een bedrag van € 12.450,00, te vermeerderen met de wettelijke rente vanaf {d}. Gedaagde heeft de vordering gemotiveerd betwist.",
    "Verweerder heeft bij besluit van {d} de aanvraag van {p} om bijstand afgewezen, omdat {p} niet heeft aangetoond dat hij in {w} woonachtig is.",
    "De rechtbank oordeelt als volgt. Ingevolge artikel 8:69 van de Algemene wet bestuursrecht beslist de bestuursrechter op de grondslag van het beroepschrift en de overgelegde stukken.",
    "Ter onderbouwing van de vordering heeft {p} een overzicht overgelegd van de betalingen op rekening {i}. Daaruit blijkt niet dat de facturen van {d} zijn voldaan.",
    "De kinderrechter heeft {P} en de moeder gehoord. Beide ouders hebben verklaard dat het kind sinds {d} bij de moeder in {w} verblijft.",
    "Het beroep is gegrond. De rechtbank vernietigt het bestreden besluit en draagt verweerder op binnen zes weken na de dag van verzending van deze uitspraak een nieuw besluit te nemen.",
    "Op grond van het voorgaande is de rechtbank van oordeel dat wettig en overtuigend is bewezen dat {p} het ten laste gelegde heeft begaan, met dien verstande dat het feit is gepleegd in {w}.",
    "{P} was telefonisch bereikbaar op nummer {t} en per e-mail via {e}. Uit de historische gegevens blijkt dat het toestel op {d} een zendmast in {w} heeft aangestraald.",
    "De proceskosten aan de zijde van {p} worden begroot op € 1.196,00 aan salaris advocaat. De zaak is bekend onder nummer {n}.",
];

const HEADERS: [&str; 4] = [
    "RECHTBANK {court}\nStrafrecht\n\nParketnummer: {n}\nDatum uitspraak: {d}\n\nVonnis van de meervoudige strafkamer in de zaak tegen\n\n{P},\ngeboren op {b} te {w2},\nwonende te {a}, {w},\nBSN {s},\nhierna: de verdachte.\n\nDe zaak is behandeld door mr. A.B. Koster, voorzitter, en mr. C. de Wit en mr. D. Smit, rechters, in aanwezigheid van mr. E. Jansen, griffier.\n",
    "RECHTBANK {court}\nTeam handel en haven\n\nZaaknummer: C/10/{n}\n\nVonnis van {d}\n\nin de zaak van\n\n{P},\nwonende te {w},\neiser,\nadvocaat mr. F.G. Verhoeven,\n\ntegen\n\n{Q},\nwonende te {w2},\ngedaagde,\nprocederend in persoon.\n",
    "RECHTBANK {court}\nBestuursrecht\n\nzaaknummer: AWB {n}\n\nuitspraak van de enkelvoudige kamer van {d} in de zaak tussen\n\n{P}, te {w}, eiseres\n(gemachtigde: mr. H. Bakker),\n\nen\n\nhet college van burgemeester en wethouders van de gemeente {court}, verweerder.\n",
    "RECHTBANK {court}\nFamilie- en jeugdrecht\n\nZaaknummer: {n}\n\nBeschikking van {d} op het verzoek van\n\n{P},\nwonende te {a}, {w},\nverzoekster,\nadvocaat mr. J. van Dam,\n\nen\n\n{Q},\nwonende te {w2},\nverweerder.\n",
];

const COURTS: [&str; 8] = [
    "AMSTERDAM",
    "ROTTERDAM",
    "DEN HAAG",
    "MIDDEN-NEDERLAND",
    "GELDERLAND",
    "OOST-BRABANT",
    "NOORD-NEDERLAND",
    "LIMBURG",
];

/// Generates ruling `index` of a corpus made with `seed`, about `size_bytes` long.
pub fn ruling(seed: u64, index: usize, size_bytes: usize) -> String {
    let names = Names::builtin(Pool::Eval);
    let mut rng = Rng::for_document(seed, &format!("bench-{index}"));
    let cast = Cast {
        party: Person::generate(&mut rng, &names, None),
        other: Person::generate(&mut rng, &names, None),
        names,
    };
    let mut text = cast.fill(HEADERS[index % HEADERS.len()], &mut rng);
    text.push_str("\n1. De beoordeling\n\n");
    let mut paragraph = 1;
    while text.len() < size_bytes {
        let template = PARAGRAPHS[rng.below(PARAGRAPHS.len())];
        text.push_str(&format!("1.{paragraph}. "));
        text.push_str(&cast.fill(template, &mut rng));
        text.push_str("\n\n");
        paragraph += 1;
    }
    text.push_str(
        "Aldus gewezen door mr. A.B. Koster, voorzitter, en uitgesproken in het openbaar.\n",
    );
    text
}

/// The people of one ruling and the lists its other values come from.
struct Cast {
    names: Names,
    party: Person,
    other: Person,
}

/// A procedural date in recent years.
fn date(rng: &mut Rng) -> String {
    format!(
        "{} {}",
        surrogates::day_and_month(rng),
        2015 + rng.below(11)
    )
}

fn case_number(rng: &mut Rng) -> String {
    format!(
        "{:02}/{:06}-{:02}",
        rng.below(99),
        rng.below(999_999),
        15 + rng.below(11)
    )
}

impl Cast {
    /// `template` with every `{field}` filled in.
    fn fill(&self, template: &str, rng: &mut Rng) -> String {
        let (names, party, other) = (&self.names, &self.party, &self.other);
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open
                + rest[open..]
                    .find('}')
                    .expect("templates close their fields");
            let value = match &rest[open + 1..close] {
                "P" => party.full(),
                "Q" => other.full(),
                "p" => party.later_mention(rng),
                "a" => surrogates::address(rng, names),
                "w" => surrogates::place(rng, names),
                "w2" => surrogates::place(rng, names),
                "d" => date(rng),
                "b" => format!(
                    "{} {}",
                    surrogates::day_and_month(rng),
                    1950 + rng.below(55)
                ),
                "n" => case_number(rng),
                "s" => surrogates::bsn(rng),
                "i" => surrogates::iban(rng),
                "t" => surrogates::phone(rng),
                "k" => surrogates::license_plate(rng),
                "e" => surrogates::email(rng, party),
                "court" => COURTS[rng.below(COURTS.len())].to_string(),
                field => panic!("unknown template field {field:?}"),
            };
            out.push_str(&value);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rulings_repeat_reach_their_size_and_differ() {
        let a = ruling(1, 0, 9_000);
        assert_eq!(a, ruling(1, 0, 9_000));
        assert!(a.len() >= 9_000 && a.len() < 11_000, "{}", a.len());
        assert_ne!(a, ruling(1, 1, 9_000));
        assert_ne!(a, ruling(2, 0, 9_000));
        assert!(!a.contains('{'));
    }
}
