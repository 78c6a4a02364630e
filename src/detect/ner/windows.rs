//! Which tokens the model reads together.
//!
//! A ruling is cut into sentences (paragraph starts, and `.`, `?` or `!` before a capital or a
//! digit, except after initials and abbreviations such as "mr." or "art."). Whole sentences are
//! packed into windows of at most `window` tokens, so every token is read once and no window
//! edge falls inside a sentence; only a sentence longer than a window is read in windows that
//! overlap. Sliding windows over the whole text read about a third of the tokens twice (126
//! tokens overlapping 32) and cut sentences at their edges.

/// A stretch of document tokens `[start, end)` in a window. The model labels the tokens of
/// core pieces; context pieces are read for their sense only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub core: bool,
}

/// A model input: pieces of the document read as one sequence.
pub type Window = Vec<Piece>;

/// Words that end in a full stop without ending the sentence.
const ABBREVIATIONS: [&str; 28] = [
    "mr", "mrs", "dr", "drs", "ir", "ing", "prof", "dhr", "mw", "mevr", "nr", "nrs", "art", "artt",
    "jo", "blz", "p", "pp", "vgl", "zgn", "resp", "ca", "bijv", "o", "a", "e", "i", "c",
];

/// Byte offsets where a paragraph or sentence starts.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut at_paragraph_start = true;
    let mut after_sentence_end = false;
    for (pos, c) in text.char_indices() {
        if c == '\n' {
            at_paragraph_start = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let begins = at_paragraph_start
            || (after_sentence_end && (c.is_uppercase() || c.is_ascii_digit() || c == '('));
        if begins {
            starts.push(pos);
        }
        at_paragraph_start = false;
        after_sentence_end = matches!(c, '?' | '!')
            || (c == '.' && !ends_an_abbreviation(&text[..pos]) && {
                // The stop must be followed by white space.
                bytes.get(pos + 1).is_some_and(u8::is_ascii_whitespace)
            });
    }
    starts
}

/// Whether the word just before a full stop is an initial or an abbreviation.
fn ends_an_abbreviation(before_stop: &str) -> bool {
    let word_start = before_stop
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before_stop[word_start..];
    let letters = word.chars().count();
    if letters == 0 {
        return false;
    }
    // "J." and the last stop of "J.L.R.A." or "o.a."
    letters == 1 && word.chars().all(char::is_uppercase)
        || before_stop[..word_start].ends_with('.') && letters <= 2
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Token ranges of the sentences that start at `starts` (sorted byte offsets), given each
/// token's byte offsets. Every token belongs to exactly one range.
pub fn token_sentences(starts: &[usize], offsets: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut next_start = starts.iter().peekable();
    let mut current = 0;
    for (token, &(token_start, _)) in offsets.iter().enumerate() {
        let mut begins = false;
        while next_start.next_if(|&&s| s <= token_start).is_some() {
            begins = true;
        }
        if begins && token > current {
            ranges.push((current, token));
            current = token;
        }
    }
    if current < offsets.len() {
        ranges.push((current, offsets.len()));
    }
    ranges
}

/// Packs sentences (token ranges in document order, not necessarily adjacent) into windows
/// of at most `window` tokens. Every stretch of packed sentences is read with up to `context`
/// tokens of the text around it, so that no sentence starts a window blind; a sentence
/// longer than a window is read alone in windows that overlap by `overlap` tokens.
pub fn pack(
    sentences: &[(usize, usize)],
    tokens: usize,
    window: usize,
    overlap: usize,
    context: usize,
) -> Vec<Window> {
    let window = window.max(1);
    let context = context.min(window.saturating_sub(1) / 4);
    let mut windows = Vec::new();
    // Core stretches of the window being filled, and its length with their context.
    let mut cores: Vec<(usize, usize)> = Vec::new();
    let mut length = 0;
    for &(start, end) in sentences {
        let size = end - start;
        if size == 0 {
            continue;
        }
        let joins = cores.last().is_some_and(|last| last.1 == start);
        let cost = if joins { size } else { size + 2 * context };
        if length + cost > window && !cores.is_empty() {
            windows.push(with_context(&std::mem::take(&mut cores), tokens, context));
            length = 0;
        }
        if size + 2 * context > window {
            windows.extend(sliding(size, window, overlap).into_iter().map(|(s, e)| {
                vec![Piece {
                    start: start + s,
                    end: start + e,
                    core: true,
                }]
            }));
            continue;
        }
        match cores.last_mut() {
            Some(last) if last.1 == start => {
                last.1 = end;
                length += size;
            }
            _ => {
                cores.push((start, end));
                length += size + 2 * context;
            }
        }
    }
    if !cores.is_empty() {
        windows.push(with_context(&cores, tokens, context));
    }
    windows
}

/// The pieces of one window: each core stretch with up to `context` tokens on either side,
/// never reading a token twice.
fn with_context(cores: &[(usize, usize)], tokens: usize, context: usize) -> Window {
    let mut pieces = Vec::new();
    let mut read_up_to = 0;
    for (i, &(start, end)) in cores.iter().enumerate() {
        let before = start.saturating_sub(context).max(read_up_to);
        if before < start {
            pieces.push(Piece {
                start: before,
                end: start,
                core: false,
            });
        }
        pieces.push(Piece {
            start,
            end,
            core: true,
        });
        let next_start = cores.get(i + 1).map_or(tokens, |c| c.0);
        let after = (end + context).min(tokens).min(next_start);
        if end < after {
            pieces.push(Piece {
                start: end,
                end: after,
                core: false,
            });
        }
        read_up_to = after;
    }
    pieces
}

/// Token ranges `[start, end)` of sliding windows covering `tokens` tokens.
pub fn sliding(tokens: usize, window: usize, overlap: usize) -> Vec<(usize, usize)> {
    let step = window.saturating_sub(overlap).max(1);
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < tokens {
        let end = (start + window).min(tokens);
        ranges.push((start, end));
        if end == tokens {
            break;
        }
        start += step;
    }
    ranges
}

/// For every token, the probabilities from the window in which it sits most centrally among
/// those that read it as core; tokens no window read so get an empty vector (decoded as
/// outside any entity).
pub fn merge(
    tokens: usize,
    windows: &[Window],
    window_probabilities: &[Vec<Vec<f32>>],
) -> Vec<Vec<f32>> {
    let mut best: Vec<Option<(usize, &Vec<f32>)>> = vec![None; tokens];
    for (window, probabilities) in windows.iter().zip(window_probabilities) {
        let length = probabilities.len();
        let positions = window
            .iter()
            .flat_map(|piece| (piece.start..piece.end).map(move |token| (token, piece.core)));
        for (position, (token, core)) in positions.enumerate() {
            if !core {
                continue;
            }
            let centrality = position.min(length.saturating_sub(position + 1));
            if best[token].is_none_or(|(c, _)| centrality > c) {
                best[token] = Some((centrality, &probabilities[position]));
            }
        }
    }
    best.into_iter()
        .map(|b| b.map(|(_, p)| p.clone()).unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts_of(text: &str) -> Vec<&str> {
        sentence_starts(text)
            .into_iter()
            .map(|s| &text[s..(s + 8).min(text.len())])
            .collect()
    }

    #[test]
    fn sentences_start_after_stops_but_not_after_initials_or_abbreviations() {
        let text = "De zaak is behandeld door mr. A.B. Koster, voorzitter. Het hof o.a. stelt voorop \
                    (art. 6 EVRM). Eiser vordert € 12.450,00. 2. De beoordeling\n1.3. Jansen zegt: J. de Vries? Ja!";
        assert_eq!(
            starts_of(text),
            [
                "De zaak ", "Het hof ", "Eiser vo", "2. De be", "De beoor", "1.3. Jan", "Jansen z",
                "Ja!"
            ]
        );
    }

    #[test]
    fn every_token_lies_in_one_sentence() {
        let offsets = [
            (0, 2),
            (3, 7),
            (7, 8),
            (9, 12),
            (13, 17),
            (17, 18),
            (19, 23),
        ];
        assert_eq!(
            token_sentences(&[0, 9, 19], &offsets),
            [(0, 3), (3, 6), (6, 7)]
        );
        // A start inside a token begins the sentence at the next token.
        assert_eq!(token_sentences(&[0, 10], &offsets), [(0, 4), (4, 7)]);
        assert!(token_sentences(&[0], &[]).is_empty());
    }

    fn core(start: usize, end: usize) -> Piece {
        Piece {
            start,
            end,
            core: true,
        }
    }

    fn context(start: usize, end: usize) -> Piece {
        Piece {
            start,
            end,
            core: false,
        }
    }

    #[test]
    fn whole_sentences_are_packed_and_each_is_read_once_as_core() {
        let sentences = [(0, 40), (40, 90), (90, 100), (100, 130), (140, 150)];
        let windows = pack(&sentences, 150, 100, 20, 0);
        assert_eq!(
            windows,
            [vec![core(0, 100)], vec![core(100, 130), core(140, 150)]],
            "adjacent sentences join into one piece, gaps stay apart"
        );
        let read: usize = windows.iter().flatten().map(|p| p.end - p.start).sum();
        assert_eq!(read, 140, "no token is read twice");
    }

    #[test]
    fn packed_stretches_are_read_with_the_text_around_them() {
        // Sentences 20..40 and 60..70 were let through, the rest not.
        let windows = pack(&[(20, 40), (60, 70)], 100, 60, 10, 5);
        assert_eq!(
            windows,
            [vec![
                context(15, 20),
                core(20, 40),
                context(40, 45),
                context(55, 60),
                core(60, 70),
                context(70, 75),
            ]]
        );
        // Context counts against the window: 20 + 10 + 4 × 5 = 50 fits 50, not 49.
        assert_eq!(pack(&[(20, 40), (60, 70)], 100, 50, 10, 5).len(), 1);
        assert_eq!(pack(&[(20, 40), (60, 70)], 100, 49, 10, 5).len(), 2);
        // Context never runs past the document or into the next core stretch.
        assert_eq!(
            pack(&[(0, 10), (12, 20)], 20, 100, 10, 5),
            [vec![core(0, 10), context(10, 12), core(12, 20)]]
        );
    }

    #[test]
    fn a_sentence_longer_than_a_window_is_read_in_overlapping_windows() {
        let windows = pack(&[(0, 10), (10, 260), (260, 270)], 270, 100, 20, 0);
        assert_eq!(
            windows,
            [
                vec![core(0, 10)],
                vec![core(10, 110)],
                vec![core(90, 190)],
                vec![core(170, 260)],
                vec![core(260, 270)],
            ]
        );
        assert_eq!(sliding(10, 126, 32), [(0, 10)]);
        assert!(sliding(0, 126, 32).is_empty());
    }

    #[test]
    fn merging_takes_each_token_from_its_most_central_window() {
        let windows = vec![
            vec![core(0, 4)],
            vec![core(2, 6)],
            vec![context(7, 8), core(8, 9)],
        ];
        let label = |l: f32, n: usize| vec![vec![l]; n];
        let merged = merge(10, &windows, &[label(1.0, 4), label(2.0, 4), label(3.0, 2)]);
        let firsts: Vec<Option<f32>> = merged.iter().map(|p| p.first().copied()).collect();
        assert_eq!(
            firsts,
            [
                Some(1.0),
                Some(1.0),
                Some(1.0),
                Some(2.0),
                Some(2.0),
                Some(2.0),
                None,
                None,
                Some(3.0),
                None
            ]
        );
    }
}
