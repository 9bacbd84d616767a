//! The checks of one dataset's records: articles (text, path, hash), nodes, edges and
//! their evidence, each problem placed at the element's JSON path. `validate` runs them
//! over a whole file, on every core; `element` runs them one element at a time.

use std::fmt;

use sha2::{Digest, Sha256};

use super::anchor::{Anchoring, anchor_quote};
use super::audit::check_audit;
use super::element::{ArticleTexts, NodeIds};
use super::problem::{Location, ProblemKind, Problems, at};
use super::schema::{RawArticle, RawEdge, RawEvidence, RawNode};
use super::store::ArticleStore;
use super::validate::{Evidenced, unique_ids};
use crate::model::{
    Article, ArticleText, CONTEXT_CHARS, Colour, Edge, Evidence, MeetingDetails, MeetingStatus,
    Modality, Node, NodeKind, NodeLook, PartialDate, Point, Relation, Subtype,
};

pub(super) fn check_articles(
    raw_articles: &[(usize, RawArticle)],
    store: &dyn ArticleStore,
    problems: &mut Problems,
) -> Vec<Article> {
    unique_ids(
        raw_articles
            .iter()
            .map(|(index, article)| (*index, article.id.as_str())),
        "articles",
        "article",
        problems,
    );
    let mut articles = Vec::new();
    for (index, raw) in raw_articles {
        let path = ElementPath::new("articles", *index);
        let published = match &raw.published {
            Some(text) => match date(text, path, "published", problems) {
                Some(date) => Some(date),
                None => continue,
            },
            None => None,
        };
        let bytes = match (&raw.text, &raw.path) {
            (Some(text), None) => Some(text.as_bytes().to_vec()),
            (None, Some(file)) => match store.read(file) {
                Ok(bytes) => Some(bytes),
                Err(error) => {
                    problems.error(
                        ProblemKind::ArticlePath,
                        path.field("path"),
                        error.to_string(),
                    );
                    None
                }
            },
            (Some(_), Some(_)) => {
                problems.error(
                    ProblemKind::ArticleSource,
                    path.whole(),
                    format!(
                        "article \"{}\" has both \"text\" and \"path\"; give one",
                        raw.id
                    ),
                );
                None
            }
            (None, None) => {
                problems.error(
                    ProblemKind::ArticleSource,
                    path.whole(),
                    format!(
                        "article \"{}\" has neither \"text\" nor \"path\"; give one",
                        raw.id
                    ),
                );
                None
            }
        };
        let Some(bytes) = bytes else { continue };
        check_hash(raw, &bytes, path, problems);
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                problems.error(
                    ProblemKind::ArticlePath,
                    path.field("path"),
                    format!(
                        "article \"{}\" is not UTF-8 text (invalid byte at offset {})",
                        raw.id,
                        error.utf8_error().valid_up_to()
                    ),
                );
                continue;
            }
        };
        articles.push(Article {
            id: raw.id.clone(),
            title: raw.title.clone(),
            outlet: raw.outlet.clone(),
            published,
            url: raw.url.clone(),
            path: raw.path.clone(),
            text: ArticleText::new(text),
        });
    }
    articles
}

fn check_hash(raw: &RawArticle, bytes: &[u8], path: ElementPath, problems: &mut Problems) {
    let actual = sha256_hex(bytes);
    match &raw.sha256 {
        None => problems.warning(
            ProblemKind::MissingHash,
            path.field("sha256"),
            format!(
                "article \"{}\" has no sha256, so a change to its text would go unnoticed (its sha256 is {actual})",
                raw.id
            ),
        ),
        Some(expected) if !expected.eq_ignore_ascii_case(&actual) => problems.warning(
            ProblemKind::HashMismatch,
            path.field("sha256"),
            format!(
                "the text of article \"{}\" has changed: its sha256 is {actual}, the dataset says {expected}",
                raw.id
            ),
        ),
        Some(_) => {}
    }
}

/// Lower-case hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

pub(super) fn check_node(
    index: usize,
    id: &str,
    mut raw: RawNode,
    evidence_rule: EvidenceRule<'_>,
    node_ids: &dyn NodeIds,
    problems: &mut Problems,
) -> Option<Node> {
    let path = ElementPath::new("nodes", index);
    let kind = vocabulary(
        &raw.kind,
        (path, "kind"),
        "kind",
        ProblemKind::UnknownKind,
        NodeKind::parse,
        NodeKind::expected,
        problems,
    );
    let subtype = raw.subtype.as_deref().and_then(|subtype| {
        vocabulary(
            subtype,
            (path, "subtype"),
            "subtype",
            ProblemKind::UnknownSubtype,
            Subtype::parse,
            Subtype::expected,
            problems,
        )
    });
    if let Some(affiliation) = &raw.affiliation
        && !node_ids.has_node(affiliation.as_str())
    {
        problems.error(
            ProblemKind::MissingNode,
            path.field("affiliation"),
            format!("node \"{id}\" is affiliated with \"{affiliation}\", but no node has that id"),
        );
    }
    let meeting = check_meeting(&mut raw, id, kind, path, problems);
    let owner = Owner {
        path,
        id,
        what: "node",
        needs_evidence: evidence_rule.rule == Evidenced::Required && kind != Some(NodeKind::Entity),
    };
    let evidence = check_evidence(
        std::mem::take(&mut raw.evidence),
        evidence_rule,
        &owner,
        problems,
    );
    let look = check_look(&raw, id, path, problems);
    let audit = check_audit(
        raw.audit.take(),
        &evidence,
        || path.field("audit"),
        problems,
    );
    Some(Node {
        id: id.to_owned(),
        label: raw.label,
        kind: kind?,
        subtype,
        aliases: raw.aliases,
        affiliation: raw.affiliation,
        meeting,
        note: raw.note,
        evidence,
        attributes: raw.attributes,
        look,
        audit,
    })
}

/// A meeting's place, date and status; those fields on a node of another kind are errors.
fn check_meeting(
    raw: &mut RawNode,
    id: &str,
    kind: Option<NodeKind>,
    path: ElementPath,
    problems: &mut Problems,
) -> Option<MeetingDetails> {
    let date = raw
        .date
        .as_deref()
        .and_then(|text| date(text, path, "date", problems));
    let status = raw.status.as_deref().and_then(|status| {
        vocabulary(
            status,
            (path, "status"),
            "meeting status",
            ProblemKind::UnknownStatus,
            MeetingStatus::parse,
            MeetingStatus::expected,
            problems,
        )
    });
    match kind {
        Some(NodeKind::Meeting) => {
            for (field, present) in [
                ("place", raw.place.is_some()),
                ("status", raw.status.is_some()),
            ] {
                if !present {
                    problems.error(
                        ProblemKind::MeetingFields,
                        path.field(field),
                        format!("meeting \"{id}\" has no {field}"),
                    );
                }
            }
            match (raw.place.take(), status) {
                (Some(place), Some(status)) => Some(MeetingDetails {
                    place,
                    date,
                    status,
                }),
                _ => None,
            }
        }
        Some(kind) => {
            for (field, present) in [
                ("place", raw.place.is_some()),
                ("date", raw.date.is_some()),
                ("status", raw.status.is_some()),
            ] {
                if present {
                    problems.error(
                        ProblemKind::MeetingFields,
                        path.field(field),
                        format!("only meetings have a {field}; \"{id}\" is a {kind}"),
                    );
                }
            }
            None
        }
        None => None,
    }
}

/// Checks the edge record at `index` and builds its edge; when no edge can be built
/// (its relation or modality is unknown), gives back its id, for the duplicate check.
pub(super) fn check_edge(
    index: usize,
    raw: RawEdge,
    evidence_rule: EvidenceRule<'_>,
    node_ids: &dyn NodeIds,
    problems: &mut Problems,
) -> Result<(Edge, Option<(usize, usize)>), String> {
    let path = ElementPath::new("edges", index);
    let relation = vocabulary(
        &raw.relation,
        (path, "relation"),
        "relation",
        ProblemKind::UnknownRelation,
        Relation::parse,
        Relation::expected,
        problems,
    );
    let modality = match raw.modality.as_deref() {
        None => Some(Modality::Asserted),
        Some(modality) => vocabulary(
            modality,
            (path, "modality"),
            "modality",
            ProblemKind::UnknownModality,
            Modality::parse,
            Modality::expected,
            problems,
        ),
    };
    // Each end is looked up once: its position comes back with the edge, so that the
    // model need not look it up again.
    let source = node_ids.position(raw.source.as_str());
    let target = node_ids.position(raw.target.as_str());
    let ends = source.zip(target);
    for (end, id, position) in [
        ("source", &raw.source, source),
        ("target", &raw.target, target),
    ] {
        if position.is_none() {
            problems.error(
                ProblemKind::MissingNode,
                path.field(end),
                format!(
                    "edge \"{}\" has {end} \"{id}\", but no node has that id",
                    raw.id
                ),
            );
        }
    }
    let date = raw
        .date
        .as_deref()
        .and_then(|text| date(text, path, "date", problems));
    let owner = Owner {
        path,
        id: &raw.id,
        what: "edge",
        needs_evidence: evidence_rule.rule == Evidenced::Required
            && relation != Some(Relation::Link),
    };
    let evidence = check_evidence(raw.evidence, evidence_rule, &owner, problems);
    let audit = check_audit(raw.audit, &evidence, || path.field("audit"), problems);
    if let Some(weight) = raw.weight
        && !weight.is_finite()
    {
        problems.error(
            ProblemKind::WrongShape,
            path.field("weight"),
            format!(
                "edge \"{}\" has weight {weight}; a weight is a finite number",
                raw.id
            ),
        );
    }
    let (Some(relation), Some(modality)) = (relation, modality) else {
        return Err(raw.id);
    };
    let edge = Edge {
        id: raw.id,
        source: raw.source,
        target: raw.target,
        relation,
        date,
        attributed_to: raw.attributed_to,
        modality,
        note: raw.note,
        evidence,
        label: raw.label,
        weight: raw.weight.filter(|weight| weight.is_finite()),
        directed: raw.directed.unwrap_or(true),
        attributes: raw.attributes,
        audit,
    };
    Ok((edge, ends))
}

/// Checks the position, colour and size an imported graph gave a node.
fn check_look(raw: &RawNode, id: &str, path: ElementPath, problems: &mut Problems) -> NodeLook {
    let position = raw.position.and_then(|point| {
        if point.x.is_finite() && point.y.is_finite() {
            Some(Point {
                x: point.x,
                y: point.y,
            })
        } else {
            problems.error(
                ProblemKind::WrongShape,
                path.field("position"),
                format!("node \"{}\" has a position that is not a finite number", id),
            );
            None
        }
    });
    let colour = raw.colour.as_deref().and_then(|text| {
        let colour = Colour::from_hex(text);
        if colour.is_none() {
            problems.error(
                ProblemKind::WrongShape,
                path.field("colour"),
                format!(
                    "node \"{}\" has colour \"{text}\"; expected #rrggbb or #rrggbbaa",
                    id
                ),
            );
        }
        colour
    });
    let size = raw.size.and_then(|size| {
        if size.is_finite() && size >= 0.0 {
            Some(size)
        } else {
            problems.error(
                ProblemKind::WrongShape,
                path.field("size"),
                format!(
                    "node \"{}\" has size {size}; a size is a finite number of at least 0",
                    id
                ),
            );
            None
        }
    });
    NodeLook {
        position,
        colour,
        size,
    }
}

/// The node or edge whose evidence is checked.
struct Owner<'a> {
    /// Its JSON path.
    path: ElementPath,
    /// Its id.
    id: &'a str,
    /// "node" or "edge".
    what: &'a str,
    /// Whether it must have at least one record.
    needs_evidence: bool,
}

/// What evidence records are checked against.
#[derive(Clone, Copy)]
pub(super) struct EvidenceRule<'a> {
    /// The file's articles by id.
    pub(super) articles: &'a dyn ArticleTexts,
    /// How strictly they are checked.
    pub(super) rule: Evidenced,
}

fn check_evidence(
    records: Vec<RawEvidence>,
    evidence_rule: EvidenceRule<'_>,
    owner: &Owner<'_>,
    problems: &mut Problems,
) -> Vec<Evidence> {
    let EvidenceRule {
        articles,
        rule: evidenced,
    } = evidence_rule;
    let owner_path = owner.path;
    if records.is_empty() && owner.needs_evidence {
        problems.error(
            ProblemKind::NoEvidence,
            owner_path.field("evidence"),
            format!(
                "{} \"{}\" has no evidence; give at least one quote",
                owner.what, owner.id
            ),
        );
    }
    let mut checked = Vec::with_capacity(records.len());
    for (index, raw) in records.into_iter().enumerate() {
        let path = owner_path.evidence(index);
        if raw.quote.is_empty() {
            problems.error(
                ProblemKind::QuoteShape,
                path.field("quote"),
                "the quote is empty",
            );
            continue;
        }
        for (field, context) in [("prefix", &raw.prefix), ("suffix", &raw.suffix)] {
            let length = context.chars().count();
            if length > CONTEXT_CHARS {
                problems.error(
                    ProblemKind::QuoteShape,
                    path.field(field),
                    format!("the {field} has {length} chars; at most {CONTEXT_CHARS} are allowed"),
                );
            }
        }
        let Some(text) = articles.article_text(&raw.article) else {
            if evidenced == Evidenced::Optional {
                problems.warning(
                    ProblemKind::MissingArticle,
                    path.field("article"),
                    format!(
                        "evidence cites article \"{}\", which the file does not carry; the record is left out",
                        raw.article
                    ),
                );
                continue;
            }
            problems.error(
                ProblemKind::MissingArticle,
                path.field("article"),
                format!(
                    "evidence cites article \"{}\", but no article has that id",
                    raw.article
                ),
            );
            continue;
        };
        let Some((start, end)) = anchored(text, &raw, path, problems) else {
            continue;
        };
        checked.push(Evidence {
            article_id: raw.article,
            quote: raw.quote,
            start,
            end,
            prefix: raw.prefix,
            suffix: raw.suffix,
            confidence: raw
                .confidence
                .filter(|c| c.is_finite())
                .map(|c| c.clamp(0.0, 1.0)),
            extractor: raw.extractor,
            reviewed: raw.reviewed,
        });
    }
    checked
}

/// Where the quote of `raw` is in `text`: at its offsets, or found again by quote and
/// context (a warning); `None`, with an error, when it is nowhere.
fn anchored(
    text: &ArticleText,
    raw: &RawEvidence,
    path: ElementPath,
    problems: &mut Problems,
) -> Option<(usize, usize)> {
    match anchor_quote(
        text,
        &raw.quote,
        raw.start,
        raw.end,
        &raw.prefix,
        &raw.suffix,
    ) {
        Anchoring::Exact => Some((raw.start, raw.end)),
        Anchoring::Moved { start, end } => {
            problems.warning(
                ProblemKind::QuoteMoved,
                path.whole(),
                format!(
                    "the quote \"{}\" is not at {}..{} of article \"{}\"; found it at {start}..{end} by quote and context",
                    abbreviate(&raw.quote),
                    raw.start,
                    raw.end,
                    raw.article
                ),
            );
            Some((start, end))
        }
        Anchoring::NotFound => {
            problems.error(
                ProblemKind::QuoteNotFound,
                path.field("quote"),
                format!(
                    "the quote \"{}\" is nowhere in article \"{}\"",
                    abbreviate(&raw.quote),
                    raw.article
                ),
            );
            None
        }
    }
}

/// Parses a value of a closed vocabulary, reporting an unknown one.
fn vocabulary<T>(
    text: &str,
    (path, field): (ElementPath, &str),
    what: &str,
    kind: ProblemKind,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
    problems: &mut Problems,
) -> Option<T> {
    let parsed = parse(text);
    if parsed.is_none() {
        problems.error(
            kind,
            path.field(field),
            format!("unknown {what} \"{text}\"; expected one of {}", expected()),
        );
    }
    parsed
}

fn date(
    text: &str,
    path: ElementPath,
    field: &str,
    problems: &mut Problems,
) -> Option<PartialDate> {
    PartialDate::parse(text)
        .map_err(|error| {
            problems.error(
                ProblemKind::InvalidDate,
                path.field(field),
                error.to_string(),
            )
        })
        .ok()
}

/// The JSON path of an element of the file (`$.nodes[3]`) or of one of its evidence
/// records (`$.nodes[3].evidence[0]`), formatted only when a problem names it: a file of
/// 100,000 nodes has no use for half a million path strings.
#[derive(Debug, Clone, Copy)]
struct ElementPath {
    /// `articles`, `nodes` or `edges`.
    collection: &'static str,
    /// The element's index in its collection.
    index: usize,
    /// The index of one of its evidence records.
    evidence: Option<usize>,
}

impl ElementPath {
    fn new(collection: &'static str, index: usize) -> Self {
        Self {
            collection,
            index,
            evidence: None,
        }
    }

    /// The path of one of the element's evidence records.
    fn evidence(self, index: usize) -> Self {
        Self {
            evidence: Some(index),
            ..self
        }
    }

    /// The place of the element (or evidence record) itself.
    fn whole(self) -> Location {
        at(self.to_string())
    }

    /// The place of one of its fields, such as `$.nodes[3].kind`.
    fn field(self, name: &str) -> Location {
        at(format!("{self}.{name}"))
    }
}

impl fmt::Display for ElementPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "$.{}[{}]", self.collection, self.index)?;
        match self.evidence {
            Some(evidence) => write!(f, ".evidence[{evidence}]"),
            None => Ok(()),
        }
    }
}

/// The first 60 chars of a quote, for messages.
/// A quote cut to 60 chars, to fit in a message.
pub(crate) fn abbreviate(quote: &str) -> String {
    const MAX: usize = 60;
    if quote.chars().count() <= MAX {
        quote.to_owned()
    } else {
        let head: String = quote.chars().take(MAX).collect();
        format!("{head}…")
    }
}
