//! The NER detector: a transformer token classifier (fine-tuned multilingual-e5-small, see
//! `training/`) run through ONNX Runtime.
//!
//! A document is tokenised once with offsets (in pieces that begin where a sentence does, so
//! that a long one does not hold the tokenizer's working memory for all of it) and cut into
//! sentences. The name gate (`gate`) lets through the sentences that can hold a name; they
//! are packed, whole, into windows
//! (plus `<s>` and `</s>`, see `windows`), each stretch with a few tokens of the text around
//! it. Only a sentence longer than a window is read in windows that overlap by `overlap`
//! tokens, each token taking its label from the window in which it sits most centrally, so
//! an entity that straddles two windows is found once. Windows go to the model `batch` at a
//! time (one by default). BIO tags become byte spans, widened to whole words; a span's
//! confidence is the mean softmax probability of its tags.
//! PROFESSIONAL spans are keep spans: the name of a judge or lawyer stays.

pub(crate) mod gate;
pub mod onnx_graph;
mod windows;

use super::{Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::Tensor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

const ID: &str = "ner";
const BOS: i64 = 0;
const PAD: i64 = 1;
const EOS: i64 = 2;

/// Where the model and the runtime library are, and how to run them.
#[derive(Debug, Clone)]
pub struct NerOptions {
    /// Folder with `model.onnx`, `tokenizer.json` and `labels.json`.
    pub model_dir: PathBuf,
    /// The ONNX Runtime shared library (`libonnxruntime.so`).
    pub runtime: PathBuf,
    /// Sessions to keep, one per document worker, so that workers never wait for each other.
    pub sessions: usize,
    /// ONNX Runtime intra-op threads per session. Workers × threads must not exceed the cores.
    pub intra_threads: usize,
    /// Tokens per window, without `<s>` and `</s>`.
    pub window: usize,
    /// Tokens shared by neighbouring windows inside a sentence longer than a window.
    pub overlap: usize,
    /// Tokens of surrounding text read (not labelled) on either side of packed sentences.
    pub context: usize,
    /// Windows per model call. One by default: packed windows differ in length, so a batch
    /// is partly padding (batches of 8 were 1.3× slower), and ONNX Runtime's dynamic int8
    /// quantisation scales a whole batch at once, so a window's labels would depend on the
    /// windows it happens to share a batch with.
    pub batch: usize,
    /// Which sentences the model reads (see `gate`).
    pub gate: SentenceGate,
    /// Spans whose mean tag probability is lower are dropped: near-uniform guesses
    /// ("12" as a professional at 0.16) are noise. At 0.25 dev recall is unchanged; at 0.4
    /// it fell by 0.007 and the test leak rate rose from 0.28 to 0.30.
    pub min_confidence: f32,
}

impl NerOptions {
    pub fn new(model_dir: PathBuf, runtime: PathBuf) -> NerOptions {
        NerOptions {
            model_dir,
            runtime,
            sessions: 1,
            intra_threads: 1,
            window: 126,
            overlap: 32,
            context: 4,
            batch: 1,
            gate: SentenceGate::Rules,
            min_confidence: 0.25,
        }
    }
}

/// Which sentences the model reads. The rule detectors read every sentence whatever the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceGate {
    /// The rule gate: sentences with a capitalised word that is not a court, body, act,
    /// heading or abbreviation, or with an initial. The default.
    Rules,
    /// Of the sentences the rule gate admits, those the learned gate (`gate.json` in the
    /// model folder) keeps.
    Learned,
    /// Every sentence.
    None,
}

/// Why the NER detector could not start; every message says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: NER model not found ({reason}). The model is committed under models/ in the repository; pass --model DIR to use another one, or --no-model to run the rules only")]
    ModelMissing { path: PathBuf, reason: String },
    #[error("{path}: cannot load the ONNX Runtime library ({reason}). Run scripts/fetch-onnxruntime.sh (it fetches the library from the PyPI onnxruntime wheel into .ort/), or point --onnxruntime or ORT_DYLIB_PATH at libonnxruntime.so; --no-model runs the rules only")]
    Runtime { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    Model { path: PathBuf, reason: String },
}

/// ONNX Runtime allows one environment per process; every detector shares it.
static ENVIRONMENT: OnceLock<Result<ort::environment::Environment, String>> = OnceLock::new();

fn environment(runtime: &Path) -> Result<ort::environment::Environment, NerError> {
    let runtime_error = |reason: String| NerError::Runtime {
        path: runtime.to_path_buf(),
        reason,
    };
    if !runtime.is_file() {
        return Err(runtime_error("no such file".to_string()));
    }
    ENVIRONMENT
        .get_or_init(|| {
            ort::init_from(runtime)
                .map_err(|e| e.to_string())?
                .with_name("schuilnaam")
                .build()
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(runtime_error)
}

/// What one model label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    category: Option<Category>,
    begins: bool,
}

fn parse_tag(label: &str) -> Result<Tag, String> {
    if label == "O" {
        return Ok(Tag {
            category: None,
            begins: false,
        });
    }
    let (prefix, name) = label
        .split_once('-')
        .ok_or_else(|| format!("label {label:?} is not O, B-X or I-X"))?;
    let category = match name {
        "PERSON" => Category::Person,
        "PROFESSIONAL" => Category::Professional,
        "ORGANISATION" => Category::Organisation,
        "PLACE" => Category::Place,
        "ADDRESS" => Category::Address,
        "DATE_OF_BIRTH" => Category::DateOfBirth,
        other => return Err(format!("label {label:?}: unknown entity {other:?}")),
    };
    Ok(Tag {
        category: Some(category),
        begins: prefix == "B",
    })
}

/// One sentence of a ruling as the name gate sees it: for training the learned gate
/// (`schuilnaam corpus gate-data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateSentence {
    /// Byte range of the sentence in the ruling.
    pub start: usize,
    pub end: usize,
    /// Whether the rule gate lets it through.
    pub rule_admits: bool,
    /// The learned gate's feature indices (below [`GATE_FEATURE_BUCKETS`]).
    pub features: Vec<u32>,
}

pub use gate::FEATURE_BUCKETS as GATE_FEATURE_BUCKETS;

/// The sentences of `text` (cut where the detector cuts them) with the gate's view of each.
pub fn gate_sentences(text: &str) -> Vec<GateSentence> {
    let gate = gate::NameGate::new(text);
    let starts = windows::sentence_starts(text);
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let sentence = text[start..end].trim_end();
            let (rule_admits, features) = gate.assess(sentence);
            GateSentence {
                start,
                end: start + sentence.len(),
                rule_admits,
                features,
            }
        })
        .collect()
}

pub struct NerDetector {
    tokenizer: tokenizers::Tokenizer,
    sessions: Vec<Mutex<Session>>,
    tags: Vec<Tag>,
    options: NerOptions,
    /// Loaded when `options.gate` is `Learned`.
    learned_gate: Option<gate::LearnedGate>,
    /// Work done so far, for `schuilnaam bench`: tokens, tokens the model labelled (the gate
    /// passes the rest by), and nanoseconds spent tokenising and in ONNX Runtime.
    tokens: AtomicU64,
    tokens_read: AtomicU64,
    tokenise_ns: AtomicU64,
    inference_ns: AtomicU64,
    /// Token positions ONNX Runtime computed (windows × padded length): the model's work.
    tokens_computed: AtomicU64,
}

/// The model's int8 matrix products and this machine's peak for them, measured through the
/// same ONNX Runtime (`schuilnaam bench`'s efficiency report).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Int8Probe {
    /// Multiply-adds per token in the model's int8 matrix products (`MatMulInteger`).
    pub macs_per_token: u64,
    /// How many such products the model has.
    pub products: usize,
    /// The probe's product: m × k times k × n (the model's largest weight, one window of rows).
    pub shape: [u64; 3],
    /// Operations (2 per multiply-add) per second of one thread on that product.
    pub peak_ops_per_s: f64,
}

impl NerDetector {
    /// Loads the runtime, the tokenizer, the labels and one session per worker.
    pub fn new(options: NerOptions) -> Result<NerDetector, NerError> {
        let dir = &options.model_dir;
        let model_path = dir.join("model.onnx");
        for required in ["model.onnx", "tokenizer.json", "labels.json"] {
            let path = dir.join(required);
            if !path.is_file() {
                return Err(NerError::ModelMissing {
                    path: dir.clone(),
                    reason: format!("{required} is missing"),
                });
            }
        }
        let model_error = |path: PathBuf, reason: String| NerError::Model { path, reason };
        let labels_path = dir.join("labels.json");
        let labels: Vec<String> = serde_json::from_slice(
            &std::fs::read(&labels_path)
                .map_err(|e| model_error(labels_path.clone(), e.to_string()))?,
        )
        .map_err(|e| model_error(labels_path.clone(), e.to_string()))?;
        let tags = labels
            .iter()
            .map(|l| parse_tag(l))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|reason| model_error(labels_path.clone(), reason))?;
        let tokenizer_path = dir.join("tokenizer.json");
        let tokenizer = tokenizers::Tokenizer::from_file(&tokenizer_path)
            .map_err(|e| model_error(tokenizer_path.clone(), e.to_string()))?;
        let learned_gate = match options.gate {
            SentenceGate::Learned => {
                let gate_path = dir.join("gate.json");
                let bytes = std::fs::read(&gate_path).map_err(|e| NerError::ModelMissing {
                    path: dir.clone(),
                    reason: format!(
                        "gate.json, the learned gate, cannot be read ({e}); train one with \
                         training/train_gate.py, or pass --gate rules"
                    ),
                })?;
                Some(gate::LearnedGate::from_json(&bytes).map_err(|reason| {
                    model_error(gate_path.clone(), format!("not a learned gate: {reason}"))
                })?)
            }
            SentenceGate::Rules | SentenceGate::None => None,
        };
        let environment = environment(&options.runtime)?;
        let mut sessions = Vec::new();
        for _ in 0..options.sessions.max(1) {
            let session = Session::builder(&environment)
                .and_then(|b| Ok(b.with_optimization_level(GraphOptimizationLevel::Level3)?))
                .and_then(|b| Ok(b.with_intra_threads(options.intra_threads.max(1))?))
                .and_then(|mut b| b.commit_from_file(&model_path))
                .map_err(|e| model_error(model_path.clone(), e.to_string()))?;
            sessions.push(Mutex::new(session));
        }
        Ok(NerDetector {
            tokenizer,
            sessions,
            tags,
            options,
            learned_gate,
            tokens: AtomicU64::new(0),
            tokens_read: AtomicU64::new(0),
            tokenise_ns: AtomicU64::new(0),
            inference_ns: AtomicU64::new(0),
            tokens_computed: AtomicU64::new(0),
        })
    }

    /// Reads the model's int8 matrix products from its file and times the largest of them,
    /// one window of rows, on one thread through the same runtime: warm-up, then runs for at
    /// least a third of a second.
    pub fn int8_probe(&self) -> Result<Int8Probe, String> {
        let path = self.options.model_dir.join("model.onnx");
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let products = onnx_graph::int8_products(&bytes)
            .filter(|p| p.count > 0)
            .ok_or_else(|| format!("{}: no int8 matrix products found", path.display()))?;
        let (k, n) = products.largest;
        let m = self.options.window.max(1) as u64;
        let probe = onnx_graph::matmul_integer_model(m, k, n);
        let environment = environment(&self.options.runtime).map_err(|e| e.to_string())?;
        let mut session = Session::builder(&environment)
            .and_then(|b| Ok(b.with_intra_threads(1)?))
            .and_then(|mut b| b.commit_from_memory(&probe))
            .map_err(|e| format!("int8 probe: {e}"))?;
        // Activations and weights of every value, as a real product sees them.
        let a: Vec<u8> = (0..m * k).map(|i| (i * 37 % 251) as u8).collect();
        let b: Vec<i8> = (0..k * n).map(|i| (i * 53 % 255) as i8).collect();
        let a = Tensor::from_array(([m as usize, k as usize], a)).map_err(|e| e.to_string())?;
        let b = Tensor::from_array(([k as usize, n as usize], b)).map_err(|e| e.to_string())?;
        let mut run = || -> Result<(), String> {
            session
                .run(ort::inputs!["A" => &a, "B" => &b])
                .map(|_| ())
                .map_err(|e| format!("int8 probe: {e}"))
        };
        for _ in 0..3 {
            run()?;
        }
        let started = Instant::now();
        let mut runs = 0u32;
        while runs < 5 || started.elapsed().as_secs_f64() < 0.33 {
            run()?;
            runs += 1;
        }
        let seconds = started.elapsed().as_secs_f64();
        Ok(Int8Probe {
            macs_per_token: products.macs_per_token,
            products: products.count,
            shape: [m, k, n],
            peak_ops_per_s: 2.0 * (m * k * n) as f64 * f64::from(runs) / seconds,
        })
    }

    /// Token label probabilities for one batch of windows: `[window][token][label]`.
    fn infer(&self, windows: &[Vec<i64>]) -> Result<Vec<Vec<Vec<f32>>>, String> {
        let length = windows.iter().map(Vec::len).max().unwrap_or(0);
        let mut ids = vec![PAD; windows.len() * length];
        let mut mask = vec![0i64; windows.len() * length];
        for (row, window) in windows.iter().enumerate() {
            ids[row * length..row * length + window.len()].copy_from_slice(window);
            mask[row * length..row * length + window.len()].fill(1);
        }
        let shape = [windows.len(), length];
        self.tokens_computed
            .fetch_add((windows.len() * length) as u64, Ordering::Relaxed);
        let ids = Tensor::from_array((shape, ids)).map_err(|e| e.to_string())?;
        let mask = Tensor::from_array((shape, mask)).map_err(|e| e.to_string())?;
        // Each rayon worker has its own session; the lock is only contended outside rayon.
        let index = rayon::current_thread_index().unwrap_or(0) % self.sessions.len();
        let mut session = self.sessions[index].lock().map_err(|e| e.to_string())?;
        let outputs = session
            .run(ort::inputs!["input_ids" => ids, "attention_mask" => mask])
            .map_err(|e| e.to_string())?;
        let (_, logits) = outputs["logits"]
            .try_extract_tensor::<f32>()
            .map_err(|e| e.to_string())?;
        let labels = self.tags.len();
        Ok(windows
            .iter()
            .enumerate()
            .map(|(row, window)| {
                (0..window.len())
                    .map(|token| softmax(&logits[(row * length + token) * labels..][..labels]))
                    .collect()
            })
            .collect())
    }
}

fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}

/// A decoded entity over tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenSpan {
    pub first: usize,
    pub last: usize,
    pub category: Category,
    pub confidence: f32,
}

/// BIO decoding: B-X starts an entity, I-X continues one of the same kind (an I-X after
/// anything else starts one too, so a missed B costs no recall).
fn decode(tags: &[Tag], probabilities: &[Vec<f32>]) -> Vec<TokenSpan> {
    let mut spans: Vec<TokenSpan> = Vec::new();
    let mut open: Option<(usize, Category, f32, usize)> = None;
    for (token, probs) in probabilities.iter().enumerate() {
        let (label, p) = probs
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, p)| (i, *p))
            .unwrap_or((0, 0.0));
        let tag = tags.get(label).copied().unwrap_or(Tag {
            category: None,
            begins: false,
        });
        let continues =
            matches!((open, tag.category), (Some((_, c, _, _)), Some(t)) if c == t && !tag.begins);
        if continues {
            if let Some((_, _, sum, count)) = &mut open {
                *sum += p;
                *count += 1;
            }
            continue;
        }
        if let Some((first, category, sum, count)) = open.take() {
            spans.push(TokenSpan {
                first,
                last: token - 1,
                category,
                confidence: sum / count as f32,
            });
        }
        if let Some(category) = tag.category {
            open = Some((token, category, p, 1));
        }
    }
    if let Some((first, category, sum, count)) = open {
        spans.push(TokenSpan {
            first,
            last: probabilities.len() - 1,
            category,
            confidence: sum / count as f32,
        });
    }
    spans
}

/// Widens a byte span to whole words and trims surrounding whitespace and punctuation.
fn word_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut start = start;
    let mut end = end;
    while start < end && !text[start..].starts_with(char::is_alphanumeric) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    while end > start && !text[..end].ends_with(|c: char| c.is_alphanumeric() || c == '.') {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    while let Some(c) = text[..start].chars().next_back() {
        if !c.is_alphanumeric() {
            break;
        }
        start -= c.len_utf8();
    }
    while let Some(c) = text[end..].chars().next() {
        if !c.is_alphanumeric() {
            break;
        }
        end += c.len_utf8();
    }
    (start, end)
}

/// About the most text tokenised in one call. The tokenizer holds about a hundred bytes per
/// byte of its input while it works (alignments, token strings), so a 32 MB dump tokenised
/// whole would take some 4 GB; pieces that begin with the white space before a sentence hold
/// that to a few megabytes and give the same tokens ([`encode_in_pieces`]).
const TOKENISE_PIECE_BYTES: usize = 64 * 1024;

/// A text's token ids and each token's byte offsets.
type TokenisedText = (Vec<i64>, Vec<(usize, usize)>);

/// Token ids and byte offsets of the whole text, tokenised in pieces of about `piece_bytes`
/// that start with the white space before a sentence (`starts`, sorted byte offsets). A
/// sentence longer than a piece is tokenised whole. `None` when the tokenizer fails.
fn encode_in_pieces(
    tokenizer: &tokenizers::Tokenizer,
    text: &str,
    starts: &[usize],
    piece_bytes: usize,
) -> Option<TokenisedText> {
    let mut ids = Vec::new();
    let mut offsets = Vec::new();
    let mut encode = |from: usize, to: usize| -> Option<()> {
        let encoding = tokenizer.encode(&text[from..to], false).ok()?;
        ids.extend(encoding.get_ids().iter().map(|&id| i64::from(id)));
        offsets.extend(
            encoding
                .get_offsets()
                .iter()
                .map(|&(start, end)| (start + from, end + from)),
        );
        Some(())
    };
    // A piece begins with the white space before its sentence: the tokenizer joins white
    // space to the word after it ("▁Tweede"), and white space that ended a piece would be a
    // token of its own.
    let cut_before = |start: usize| text[..start].trim_end().len();
    let mut piece_start = 0;
    let mut last_cut = 0;
    for &start in starts.iter().filter(|&&start| start > 0) {
        let cut = cut_before(start);
        if cut == start {
            // "Wat?Nee": no white space to begin a piece with.
            continue;
        }
        // Cut before the sentence that takes the piece past its size.
        if cut - piece_start > piece_bytes && last_cut > piece_start {
            encode(piece_start, last_cut)?;
            piece_start = last_cut;
        }
        last_cut = cut;
    }
    encode(piece_start, text.len())?;
    Some((ids, offsets))
}

impl Detector for NerDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[
            Category::Person,
            Category::Professional,
            Category::Organisation,
            Category::Place,
            Category::Address,
            Category::DateOfBirth,
        ]
    }

    fn counters(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("model_tokens", self.tokens.load(Ordering::Relaxed)),
            (
                "model_tokens_read",
                self.tokens_read.load(Ordering::Relaxed),
            ),
            ("tokenise_ns", self.tokenise_ns.load(Ordering::Relaxed)),
            ("model_ns", self.inference_ns.load(Ordering::Relaxed)),
            (
                "model_tokens_computed",
                self.tokens_computed.load(Ordering::Relaxed),
            ),
        ]
    }

    fn int8_probe(&self) -> Option<Result<Int8Probe, String>> {
        Some(NerDetector::int8_probe(self))
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let starts = windows::sentence_starts(text);
        let started = Instant::now();
        let encoded = encode_in_pieces(&self.tokenizer, text, &starts, TOKENISE_PIECE_BYTES);
        self.tokenise_ns
            .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        let Some((ids, offsets)) = encoded else {
            return Vec::new();
        };
        let offsets = offsets.as_slice();
        self.tokens.fetch_add(ids.len() as u64, Ordering::Relaxed);
        if ids.is_empty() {
            return Vec::new();
        }
        let mut sentences = windows::token_sentences(&starts, offsets);
        if self.options.gate != SentenceGate::None {
            let gate = gate::NameGate::new(text);
            sentences.retain(|&(first, end)| {
                let sentence = &text[offsets[first].0..offsets[end - 1].1.max(offsets[first].0)];
                // The learned gate narrows the rule gate's choice; it never widens it.
                gate.admits_with(sentence, self.learned_gate.as_ref())
            });
        }
        self.tokens_read.fetch_add(
            sentences.iter().map(|(s, e)| (e - s) as u64).sum(),
            Ordering::Relaxed,
        );
        let mut planned = windows::pack(
            &sentences,
            ids.len(),
            self.options.window,
            self.options.overlap,
            self.options.context,
        );
        // Windows of like length share a batch, so that little of it is padding.
        planned.sort_by_key(|window| window.iter().map(|p| p.end - p.start).sum::<usize>());
        let mut window_probabilities = Vec::with_capacity(planned.len());
        for chunk in planned.chunks(self.options.batch.max(1)) {
            let windows: Vec<Vec<i64>> = chunk
                .iter()
                .map(|ranges| {
                    let mut w = vec![BOS];
                    for piece in ranges {
                        w.extend_from_slice(&ids[piece.start..piece.end]);
                    }
                    w.push(EOS);
                    w
                })
                .collect();
            let started = Instant::now();
            let inferred = self.infer(&windows);
            self.inference_ns
                .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
            match inferred {
                // Drop the <s> and </s> positions.
                Ok(batch) => window_probabilities
                    .extend(batch.into_iter().map(|w| w[1..w.len() - 1].to_vec())),
                Err(reason) => panic!("{}: NER inference failed: {reason}", doc.id),
            }
        }
        let probabilities = windows::merge(ids.len(), &planned, &window_probabilities);
        let spans = decode(&self.tags, &probabilities)
            .into_iter()
            .filter(|token_span| token_span.confidence >= self.options.min_confidence)
            .filter_map(|token_span| {
                let (start, end) = word_bounds(
                    text,
                    offsets[token_span.first].0,
                    offsets[token_span.last].1,
                );
                (start < end).then(|| {
                    Finding {
                        detector: ID,
                        category: token_span.category,
                        start,
                        end,
                        confidence: token_span.confidence,
                        evidence: Evidence::Model,
                        normalised: text[start..end].to_lowercase(),
                        reason: format!("NER model ({})", token_span.category),
                    }
                    .into_span()
                })
            })
            .collect();
        let mut spans =
            merge_word_spans(text, tidy_person_spans(text, merge_word_spans(text, spans)));
        spans.retain(|span| {
            span.category != Category::Person || could_be_a_person(&text[span.start..span.end])
        });
        spans
    }
}

/// Endings of the names of Dutch acts and regulations ("Opiumwet", "Vreemdelingenbesluit"):
/// a single capitalised word with one of them names a law, not a person.
const LAW_ENDINGS: [&str; 5] = ["wet", "besluit", "regeling", "verordening", "wetboek"];

/// Endings of words that name an institution, never a person ("Herman Jordan Lyceum",
/// "Kring-apotheek", "Leger des Heils Jeugdreclassering").
const INSTITUTION_ENDINGS: [&str; 11] = [
    "lyceum",
    "apotheek",
    "reclassering",
    "ziekenhuis",
    "kliniek",
    "stichting",
    "vereniging",
    "instituut",
    "universiteit",
    "basisschool",
    "hogeschool",
];

fn is_an_institution_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    INSTITUTION_ENDINGS
        .iter()
        .any(|ending| lower.ends_with(ending))
}

/// Abbreviated names of acts and codes, as rulings write them ("de Wob", "artikel 8:69 Awb").
const ACT_ABBREVIATIONS: [&str; 22] = [
    "Awb", "Wob", "Woo", "Wmo", "Wvw", "WVW", "Sr", "Sv", "BW", "Rv", "AWR", "Vw", "WW", "WIA",
    "AOW", "Wajong", "Wwb", "Opw", "Wzd", "Wvggz", "Bopz", "EVRM",
];

/// False for what the model calls a person but no person is called: the name of an act
/// ("Opiumwet", "Wob"), a word without a capital ("casu") or a single word in camel case ("AlleeWonen", "KiesWijzer"), which is how
/// organisations and brands are written.
fn could_be_a_person(name: &str) -> bool {
    // "casu": a name has a capital somewhere.
    if !name.contains(char::is_uppercase) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|word| is_an_institution_word(word)) {
        return false;
    }
    let [word] = words.as_slice() else {
        return true;
    };
    // "Ultimo 1988": a function word alone names no one. (A lone surname prefix, "Van enig
    // vertrouwen…", resolve drops with the other common words.)
    if ACT_ABBREVIATIONS.contains(word) || is_function_word(word) {
        return false;
    }
    let law = is_the_name_of_an_act(word);
    // An inner capital after three or more lower-case letters: "AlleeWonen", not
    // "McDonald" or "DiCaprio".
    let chars: Vec<char> = word.chars().collect();
    let camel_case = chars
        .windows(4)
        .any(|w| w[..3].iter().all(|c| c.is_lowercase()) && w[3].is_uppercase());
    !(law || camel_case)
}

/// "Opiumwet", "Vreemdelingenbesluit".
fn is_the_name_of_an_act(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && LAW_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending) && lower.len() > ending.len() + 2)
}

/// A function word or a form of address, in any case.
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) || crate::lexicon::is_title(word)
}

/// Capitalised at the start of a sentence, these words are glued to a name by the model
/// ("Toen Kowalski", "Volgens Jansen") but are never part of one. Surname prefixes ("De",
/// "Van", "Het") are not here: "De Vries" is a name. Nor are forms of address ("Mevrouw
/// Jansen"), which the lexicon lists and [`is_function_word`] reads too.
const FUNCTION_WORDS: [&str; 66] = [
    "aldus",
    "althans",
    "doch",
    "nadien",
    "ofschoon",
    "overigens",
    "ultimo",
    "voorts",
    "zonder",
    "als",
    "bij",
    "bovendien",
    "daar",
    "daarna",
    "daarom",
    "daarop",
    "dat",
    "deze",
    "die",
    "dit",
    "door",
    "dus",
    "echter",
    "een",
    "en",
    "hierop",
    "hij",
    "hoewel",
    "ik",
    "immers",
    "inmiddels",
    "maar",
    "met",
    "na",
    "naar",
    "nadat",
    "namens",
    "nu",
    "of",
    "omdat",
    "ook",
    "over",
    "sindsdien",
    "tegen",
    "terwijl",
    "tevens",
    "thans",
    "toen",
    "tussen",
    "uit",
    "verder",
    "vervolgens",
    "volgens",
    "voor",
    "waar",
    "waarbij",
    "waarna",
    "want",
    "wanneer",
    "wij",
    "zij",
    "zodat",
    "zoals",
    "zowel",
    "eveneens",
    "weliswaar",
];

/// Puts a name's edges where a reader puts them, so that its mentions cluster: leading
/// function words go ("Toen Kowalski" becomes "Kowalski"), so do a second line ("Van der
/// Linden\nVoertuig") and a glued footnote number ("Van der Linden9"), and a surname
/// prefix the model left out joins ("Van den" before "Bosch").
fn tidy_person_spans(text: &str, spans: Vec<Span>) -> Vec<Span> {
    spans
        .into_iter()
        .map(|mut span| {
            if !matches!(span.category, Category::Person | Category::Professional) {
                return span;
            }
            if let Some(newline) = text[span.start..span.end].find('\n') {
                let first_line = text[span.start..span.start + newline].trim_end();
                if first_line.chars().any(char::is_alphabetic) {
                    span.end = span.start + first_line.len();
                }
            }
            let inside = &text[span.start..span.end];
            let without_digits = inside.trim_end_matches(|c: char| c.is_ascii_digit());
            if without_digits.ends_with(char::is_alphabetic) {
                span.end = span.start + without_digits.len();
            }
            extend_to_the_whole_name(text, &mut span);
            loop {
                let inside = &text[span.start..span.end];
                let Some(word_end) = inside.find(char::is_whitespace) else {
                    break;
                };
                let word = inside[..word_end].trim_end_matches([',', '.', ':']);
                if !is_function_word(word) {
                    break;
                }
                let rest = &inside[word_end..];
                span.start += word_end + (rest.len() - rest.trim_start().len());
            }
            // "Pieter Wijnands Opiumwet": an act's name glued after a name is not part of it.
            loop {
                let inside = &text[span.start..span.end];
                let Some(last_space) = inside.rfind(char::is_whitespace) else {
                    break;
                };
                let last = &inside[last_space + 1..];
                // A lower-case last word is a surname prefix the widening could not complete;
                // an institution's word makes the whole span no person (dropped later).
                if !last.contains(char::is_uppercase)
                    || could_be_a_person(last)
                    || is_an_institution_word(last)
                {
                    break;
                }
                span.end = span.start + inside[..last_space].trim_end().len();
            }
            span.normalised = text[span.start..span.end].to_lowercase();
            span
        })
        .collect()
}

/// The word that ends at `pos` (spaces, not line breaks, skipped): its start and text.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = text[..pos].trim_end_matches(' ');
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < before.len()).then(|| (start, &before[start..]))
}

/// The word that starts after `pos` (spaces skipped): its end and text, without trailing
/// punctuation.
fn word_after(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = &text[pos..];
    let start = pos + (rest.len() - rest.trim_start_matches(' ').len());
    let word_len = text[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '"'))
        .unwrap_or(text.len() - start);
    let word = text[start..start + word_len].trim_end_matches('.');
    (!word.is_empty()).then(|| (start + word.len(), word))
}

fn is_prefix(word: &str) -> bool {
    super::SURNAME_PREFIXES.contains(&word.to_lowercase().as_str())
}

/// "R.", "A.B.", "Th.": initials.
fn is_initials(word: &str) -> bool {
    word.ends_with('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().next().is_none_or(char::is_uppercase))
}

fn is_capitalised_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !is_function_word(word)
}

/// Widens a name the model cut short: a surname after initials or a prefix ("C. de" +
/// "Koning"), the rest of a married name ("HOUTEN-" before "TUINMAN"), a prefix chain before
/// it ("Van den" + "Bosch"; a lower-case chain only with a given name or initials before it,
/// since "de vader van Kevin" has a preposition), and initials before all that ("R.").
/// Trailing prefixes that lead to no surname are dropped ("Scholten van").
fn extend_to_the_whole_name(text: &str, span: &mut Span) {
    let last_word = text[span.start..span.end]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if is_prefix(last_word) || is_initials(last_word) {
        let mut end = span.end;
        let mut found_surname = false;
        while let Some((word_end, word)) = word_after(text, end) {
            if is_prefix(word) {
                end = word_end;
            } else {
                found_surname = is_capitalised_name(word);
                if found_surname {
                    end = word_end;
                }
                break;
            }
        }
        if found_surname {
            span.end = end;
        } else {
            while let Some((start, word)) = word_before(text, span.end) {
                if start <= span.start || !is_prefix(word) {
                    break;
                }
                span.end = text[..start].trim_end().len();
            }
        }
    }
    // The first part of a married name glued by a hyphen.
    if text[..span.start].ends_with('-') {
        let glued = text[..span.start - 1]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == '\'')
            .last()
            .map(|(i, _)| i);
        if let Some(start) = glued {
            span.start = start;
        }
    }
    let mut chain_start = span.start;
    let mut capital_chain = false;
    while let Some((start, word)) = word_before(text, chain_start) {
        if !is_prefix(word) {
            break;
        }
        chain_start = start;
        capital_chain = word.starts_with(char::is_uppercase);
    }
    if chain_start < span.start {
        let named_before = word_before(text, chain_start)
            .filter(|(_, w)| is_initials(w) || is_capitalised_name(w));
        if capital_chain {
            span.start = chain_start;
        } else if let Some((start, _)) = named_before {
            span.start = start;
        }
    }
    while let Some((start, word)) = word_before(text, span.start) {
        if !is_initials(word) {
            break;
        }
        span.start = start;
    }
}

/// Two token spans widened to the same word ("Vlaar" + "dingen" tagged as two places), to
/// overlapping words, or to neighbouring words of the same category become one span: of the
/// same category, their union with the higher confidence; of different categories, the more
/// confident one.
fn merge_word_spans(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            // Words of one entity tagged B, B ("12" "maart" "1987"): one span.
            Some(last)
                if last.category == span.category
                    && last.end <= span.start
                    && text[last.end..span.start].chars().all(|c| c == ' ')
                    && span.start - last.end <= 1 =>
            {
                last.end = span.end;
                last.confidence = last.confidence.max(span.confidence);
                last.normalised = text[last.start..last.end].to_lowercase();
            }
            Some(last) if last.overlaps(&span) => {
                if last.category == span.category {
                    last.end = last.end.max(span.end);
                    last.confidence = last.confidence.max(span.confidence);
                    last.normalised = text[last.start..last.end].to_lowercase();
                } else if span.confidence > last.confidence {
                    *last = span;
                }
            }
            _ => merged.push(span),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenising_in_pieces_gives_the_tokens_of_the_whole_text() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let tokenizer =
            tokenizers::Tokenizer::from_file(dir.join("models/schuilnaam-ner/tokenizer.json"))
                .unwrap();
        let mut texts = vec![
            "Eerste zin.\nTweede zin met\ttab.\r\nDerde,\u{a0}met een harde spatie. Vierde!  Vijfde?\n\n\u{2003}Zesde."
                .to_string(),
            "  \n Begint met wit. Mr. J. de Vries woont te Utrecht. (Zie) art. 3 Sr. 12. Twaalf."
                .to_string(),
            "Wat?Nee. Ja!Zeker.(Niet) Eind.".to_string(),
        ];
        for area in std::fs::read_dir(dir.join("corpus/samples")).unwrap() {
            for file in std::fs::read_dir(area.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        assert!(texts.len() > 10);
        for text in &texts {
            let starts = windows::sentence_starts(text);
            let whole = encode_in_pieces(&tokenizer, text, &starts, usize::MAX).unwrap();
            let encoding = tokenizer.encode(text.as_str(), false).unwrap();
            let ids: Vec<i64> = encoding.get_ids().iter().map(|&id| i64::from(id)).collect();
            assert_eq!(
                (&whole.0, whole.1.as_slice()),
                (&ids, encoding.get_offsets())
            );
            for piece_bytes in [1, 200, 4096] {
                let pieces = encode_in_pieces(&tokenizer, text, &starts, piece_bytes).unwrap();
                assert_eq!(pieces, whole, "pieces of {piece_bytes} bytes: {text:.60}");
            }
        }
    }

    fn tags() -> Vec<Tag> {
        [
            "O",
            "B-PERSON",
            "I-PERSON",
            "B-PROFESSIONAL",
            "I-PROFESSIONAL",
        ]
        .iter()
        .map(|l| parse_tag(l).unwrap())
        .collect()
    }

    fn one_hot(label: usize) -> Vec<f32> {
        let mut p = vec![0.0; 5];
        p[label] = 1.0;
        p
    }

    #[test]
    fn laws_and_camel_case_are_not_people() {
        assert!(!could_be_a_person("Opiumwet"));
        assert!(!could_be_a_person("Vreemdelingenbesluit"));
        assert!(!could_be_a_person("AlleeWonen"));
        assert!(could_be_a_person("Jansen"));
        assert!(could_be_a_person("McDonald"));
        assert!(could_be_a_person("Wet"));
        assert!(could_be_a_person("Piet Opiumwet"));
        assert!(!could_be_a_person("Wob"));
        assert!(!could_be_a_person("casu"));
        assert!(!could_be_a_person("Herman Jordan Lyceum"));
        assert!(!could_be_a_person("Leger des Heils Jeugdreclassering"));
        assert!(could_be_a_person("Van Wetering"));
        assert!(!could_be_a_person("ter"));
        assert!(!could_be_a_person("Ultimo"));
    }

    /// A model's person span over the first `needle` in `text`.
    fn model_person(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span {
            start,
            end: start + needle.len(),
            category: Category::Person,
            detector: ID.into(),
            confidence: 0.9,
            evidence: Evidence::Model,
            normalised: String::new(),
            label: None,
            reason: String::new(),
        }
    }

    #[test]
    fn names_cut_short_are_widened() {
        let text = "Dat zei C. de Koning tegen R. VAN HOUTEN-TUINMAN en Lotte van Leeuwen, niet de vader van Kevin; M.I. 't Hart zag R. Scholten van de zaak.";
        let span = |needle: &str| {
            let mut span = model_person(text, needle);
            extend_to_the_whole_name(text, &mut span);
            text[span.start..span.end].to_string()
        };
        assert_eq!(span("C. de"), "C. de Koning");
        assert_eq!(span("TUINMAN"), "R. VAN HOUTEN-TUINMAN");
        assert_eq!(span("Leeuwen"), "Lotte van Leeuwen");
        assert_eq!(span("Kevin"), "Kevin");
        assert_eq!(span("M.I."), "M.I. 't Hart");
        assert_eq!(span("R. Scholten van"), "R. Scholten");
    }

    #[test]
    fn person_spans_get_a_readers_edges() {
        let text =
            "Toen Kowalski kwam. Volgens De Vries niet. Jan Smit ook. Van der Linden9\nFiets. door Van den Bosch. art 2 Pieter Wijnands Opiumwet. Zonder Jansen. De heren van Osta van de dienst.";
        let span = |needle: &str| model_person(text, needle);
        let trimmed = tidy_person_spans(
            text,
            vec![
                span("Toen Kowalski"),
                span("Volgens De Vries"),
                span("Jan Smit"),
                span("Kowalski"),
                span("Van der Linden9\nFiets"),
                span("Bosch"),
                span("Pieter Wijnands Opiumwet"),
                span("Zonder Jansen"),
                span("Osta van"),
            ],
        );
        let names: Vec<&str> = trimmed.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            names,
            [
                "Kowalski",
                "De Vries",
                "Jan Smit",
                "Kowalski",
                "Van der Linden",
                "Van den Bosch",
                "Pieter Wijnands",
                "Jansen",
                "Osta"
            ]
        );
        assert_eq!(trimmed[1].normalised, "de vries");
    }

    #[test]
    fn an_entity_straddling_two_windows_is_found_once() {
        // Tokens 8..12 are one person; windows [0,10) and [6,16) both see part of it, and
        // each window's predictions near its own edge are poor (the second window misses
        // the B). Merging by centrality takes each token from the window that sees it best.
        let tokens = 16;
        let planned = windows::pack(&[(0, tokens)], tokens, 10, 4, 0);
        let cores: Vec<_> = planned.iter().map(|w| (w[0].start, w[0].end)).collect();
        assert_eq!(cores, [(0, 10), (6, 16)]);
        let truth = |t: usize| match t {
            8 => 1,
            9..=11 => 2,
            _ => 0,
        };
        let first: Vec<Vec<f32>> = (0..10)
            .map(|t| one_hot(if t >= 9 { 0 } else { truth(t) }))
            .collect();
        let second: Vec<Vec<f32>> = (6..16)
            .map(|t| one_hot(if t == 8 { 2 } else { truth(t) }))
            .collect();
        let merged = windows::merge(tokens, &planned, &[first, second]);
        let spans = decode(&tags(), &merged);
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!((spans[0].first, spans[0].last), (8, 11));
        assert_eq!(spans[0].category, Category::Person);
    }

    #[test]
    fn bio_decoding() {
        let probabilities: Vec<Vec<f32>> = [1, 2, 0, 2, 2, 3, 4, 1, 1]
            .iter()
            .map(|&l| one_hot(l))
            .collect();
        let spans = decode(&tags(), &probabilities);
        let summary: Vec<_> = spans
            .iter()
            .map(|s| (s.first, s.last, s.category))
            .collect();
        assert_eq!(
            summary,
            [
                (0, 1, Category::Person),
                (3, 4, Category::Person),
                (5, 6, Category::Professional),
                (7, 7, Category::Person),
                (8, 8, Category::Person),
            ]
        );
    }

    #[test]
    fn spans_widen_to_words() {
        let text = "de heer Jansen, eiser";
        let start = text.find("ansen").unwrap();
        assert_eq!(word_bounds(text, start, start + 3), (8, 14));
        assert_eq!(word_bounds(text, 7, 15), (8, 14));
    }

    #[test]
    fn pieces_of_one_word_become_one_span() {
        let text = "getuige uit Vlaardingen zag";
        let start = text.find("Vlaardingen").unwrap();
        let piece = |confidence: f32| Span {
            start,
            end: start + "Vlaardingen".len(),
            category: Category::Place,
            detector: ID.into(),
            confidence,
            evidence: Evidence::Model,
            normalised: "vlaardingen".into(),
            label: None,
            reason: String::new(),
        };
        let merged = merge_word_spans(text, vec![piece(0.3), piece(0.45)]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].confidence, 0.45);
    }

    #[test]
    fn unknown_labels_are_refused() {
        assert!(parse_tag("B-NAAM").is_err());
        assert!(parse_tag("PERSON").is_err());
    }
}
