//! The pipeline: articles in, a `backchannel/1` dataset out.

use std::collections::BTreeMap;

use super::IngestError;
use super::cues;
use super::dates::article_date;
use super::lexicon::Lexicon;
use super::matcher::{LexiconSearch, Matcher};
use super::meetings::{MeetingFound, SentenceInput, meetings_of_article};
use super::mentions::{Mention, PlaceMention, Registry, find_mentions, sentence_of};
use super::people::discover_people;
use super::places::{capitals_as_states, with_countries_as_places};
use super::references::ReferenceContext;
use super::relations::{End, RelationFound, read_sentence};
use super::sides;
use super::things::{ThingContext, ThingFound, find_things};
use super::tokens::tokenize;
use crate::dataset::schema::RawDataset;
use crate::model::{ArticleText, MeetingStatus, Modality, PartialDate, Relation, Subtype};

/// Evidence records kept per node and article: the first sentences there that mention
/// it, so that every article that names a node is among its sources.
pub(super) const MAX_NODE_EVIDENCE: usize = 3;

/// A plain-text article to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceArticle {
    /// Its file name, for messages.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What an ingest produced.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The dataset, ready to write or to merge.
    pub dataset: RawDataset,
    /// What the reader should know about the run: articles read without a date.
    pub warnings: Vec<String>,
}

/// A record of where a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Place {
    pub(super) article: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Collected evidence for one node or edge, by sentence, with the best confidence.
#[derive(Debug, Clone, Default)]
pub(super) struct Support {
    pub(super) sentences: BTreeMap<Place, (f32, &'static str)>,
}

impl Support {
    fn add(&mut self, place: Place, confidence: f32, stage: &'static str) {
        let slot = self.sentences.entry(place).or_insert((confidence, stage));
        if confidence > slot.0 {
            *slot = (confidence, stage);
        }
    }
}

/// One relation, however many sentences state it: subject, relation, object, modality
/// and attribution.
pub(super) type EdgeKey = (usize, Relation, EdgeEnd, Modality, Option<String>);

/// What the articles say, each finding with the sentences that say it.
#[derive(Debug, Default)]
pub(super) struct Findings {
    /// Entities, by the sentences that mention them or say something of them.
    pub(super) nodes: BTreeMap<usize, Support>,
    /// Meetings, by key.
    pub(super) meetings: BTreeMap<String, (MeetingFound, Support)>,
    /// Relations.
    pub(super) edges: BTreeMap<EdgeKey, Support>,
    /// Parties a sentence presents as mediating.
    pub(super) mediators: BTreeMap<usize, Support>,
    /// States named as places ("talks in Egypt"): evidence of them only where they end
    /// a relation.
    pub(super) as_places: BTreeMap<usize, Support>,
}

impl Findings {
    /// Affiliations: a titled person's party, a group's party.
    fn add_affiliations(&mut self, registry: &Registry) {
        for (entity, item) in registry.entities.iter().enumerate() {
            for &(party, article, (start, end), confidence) in &item.affiliations {
                let key = (
                    entity,
                    Relation::MemberOf,
                    EdgeEnd::Entity(party),
                    Modality::Asserted,
                    None,
                );
                let place = Place {
                    article,
                    start,
                    end,
                };
                self.edges
                    .entry(key)
                    .or_default()
                    .add(place, confidence, "mentions");
                // "the US delegation" names the United States too, where no other
                // sentence does.
                if !self.nodes.contains_key(&party) {
                    self.nodes
                        .entry(party)
                        .or_default()
                        .add(place, confidence, "mentions");
                }
            }
        }
    }

    /// Every entity some relation involves, as subject or object.
    pub(super) fn related_entities(&self) -> std::collections::BTreeSet<usize> {
        self.edges
            .keys()
            .flat_map(|(subject, _, object, _, _)| {
                let object = match object {
                    EdgeEnd::Entity(entity) => Some(*entity),
                    EdgeEnd::Meeting(_) => None,
                };
                std::iter::once(*subject).chain(object)
            })
            .collect()
    }

    /// A state named only as a place becomes a node where a relation ends at it ("the
    /// Myanmar junta", a group of Myanmar, in an article that names Myanmar only as where
    /// things happen), with the sentences that name it.
    fn keep_places_related(&mut self) {
        let related = self.related_entities();
        for (entity, support) in std::mem::take(&mut self.as_places) {
            if related.contains(&entity) && !self.nodes.contains_key(&entity) {
                self.nodes.insert(entity, support);
            }
        }
    }
}

/// Reads `articles` with `lexicon` and builds a dataset. Each article is dated from its
/// own lines; one that gives no date takes `default_published`, or without it is read as
/// undated, with a warning. `progress(done, total)` is called after
/// each article of each pass; returning false cancels.
pub fn ingest(
    articles: &[SourceArticle],
    lexicon: &Lexicon,
    title: &str,
    default_published: Option<PartialDate>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Ingested, IngestError> {
    if articles.is_empty() {
        return Err(IngestError::NoArticles);
    }
    let texts: Vec<ArticleText> = articles
        .iter()
        .map(|article| ArticleText::new(article.text.replace("\r\n", "\n")))
        .collect();
    let (dates, warnings) = article_dates(articles, &texts, default_published);
    let lexicon = &super::places::with_places_of_talks(lexicon, &texts);
    let sentences: Vec<Vec<(usize, usize)>> = texts
        .iter()
        .map(|text| super::sentences::split(text.as_str()))
        .collect();
    let total = articles.len() * 2;
    let mut registry = Registry::default();
    // Organisations first, so that a title's party can be one ("RSF commander X").
    // Every article's definitions before any bare abbreviation, so that "ELN" is the
    // National Liberation Army wherever one article spells it out.
    for text in &texts {
        super::organisations::discover_organisations(text.as_str(), lexicon, &mut registry);
    }
    for text in &texts {
        super::communities::discover_communities(text.as_str(), lexicon, &mut registry);
        super::organisations::discover_named_organisations(text.as_str(), lexicon, &mut registry);
        super::organisations::discover_connected_organisations(
            text.as_str(),
            lexicon,
            &mut registry,
        );
        super::organisations::discover_titled_organisations(text.as_str(), lexicon, &mut registry);
        super::organisations::discover_abbreviations(text.as_str(), lexicon, &mut registry);
    }
    let search = LexiconSearch::new(lexicon);
    let first = Matcher::new(&search, lexicon, &registry);
    for (index, text) in texts.iter().enumerate() {
        let spans = sentences.get(index).map_or(&[][..], Vec::as_slice);
        discover_people(index, text, spans, &first, lexicon, &mut registry);
        if !progress(index + 1, total) {
            return Err(IngestError::Cancelled);
        }
    }
    // People named without a title, where the text calls them by their surname later.
    let titled = Matcher::new(&search, lexicon, &registry);
    for (index, text) in texts.iter().enumerate() {
        let spans = sentences.get(index).map_or(&[][..], Vec::as_slice);
        super::untitled::discover_untitled_people(
            index,
            text,
            spans,
            &titled,
            lexicon,
            &mut registry,
        );
    }
    super::people::add_given_name_aliases(&texts, lexicon, &mut registry);
    let matcher = Matcher::new(&search, lexicon, &registry);
    let mut findings = Findings::default();
    for (index, text) in texts.iter().enumerate() {
        let article = ArticleInput {
            index,
            text,
            spans: sentences.get(index).map_or(&[][..], Vec::as_slice),
            date: dates.get(index).copied().flatten(),
        };
        read_article(article, &matcher, lexicon, &mut registry, &mut findings);
        if !progress(articles.len() + index + 1, total) {
            return Err(IngestError::Cancelled);
        }
    }
    findings.add_affiliations(&registry);
    findings.keep_places_related();
    Ok(Ingested {
        warnings,
        dataset: super::assemble::assemble(articles, &texts, &dates, title, &registry, &findings),
    })
}

/// Each article's date, from its own lines or else `default_published`, and a warning
/// for each article read as undated.
fn article_dates(
    articles: &[SourceArticle],
    texts: &[ArticleText],
    default_published: Option<PartialDate>,
) -> (Vec<Option<PartialDate>>, Vec<String>) {
    let mut dates = Vec::with_capacity(articles.len());
    let mut warnings = Vec::new();
    for (article, text) in articles.iter().zip(texts) {
        let date = article_date(text.as_str()).or(default_published);
        if date.is_none() {
            warnings.push(format!(
                "{}: no publication date found in its first or last lines; read as undated, its relative dates (\"on Tuesday\", \"next week\") left unresolved; give one with --published",
                article.name
            ));
        }
        dates.push(date);
    }
    (dates, warnings)
}

/// One article to read: its position, text, sentences and date.
#[derive(Clone, Copy)]
struct ArticleInput<'a> {
    index: usize,
    text: &'a ArticleText,
    spans: &'a [(usize, usize)],
    date: Option<PartialDate>,
}

/// What reading an article keeps from one sentence to the next.
struct ArticleReading<'a> {
    article: ArticleInput<'a>,
    /// The mentions of each sentence.
    by_sentence: BTreeMap<usize, Vec<Mention>>,
    /// The words of each sentence, for cues and references.
    words: Vec<Vec<cues::Word>>,
    /// The places named in each sentence.
    places: Vec<Vec<PlaceMention>>,
    /// The meeting each sentence is about, if any.
    meetings: Vec<Option<MeetingFound>>,
    /// What "he" and "the group" point back to.
    references: ReferenceContext,
    /// Proposals and deals named so far, for "the proposal" later.
    things: ThingContext,
    /// The two parties the article's talks are between, for "the two sides".
    sides: Option<[usize; 2]>,
    /// The last sentence's plural subject, for a "They" that opens the next.
    plural_subject: Vec<usize>,
}

/// Reads one article into `findings`: its mentions, places and meetings, then each
/// sentence.
fn read_article(
    article: ArticleInput<'_>,
    matcher: &Matcher,
    lexicon: &Lexicon,
    registry: &mut Registry,
    findings: &mut Findings,
) {
    let ArticleInput {
        index, text, spans, ..
    } = article;
    let (mentions, places) = find_mentions(index, text, spans, matcher, lexicon, registry);
    // "Kyiv warned": a capital that acts is a mention of its state in its sentence.
    let (mentions, places) = capitals_as_states(text, mentions, places, registry, lexicon);
    let mut by_sentence: BTreeMap<usize, Vec<Mention>> = BTreeMap::new();
    for mention in &mentions {
        if let Some(sentence) = sentence_of(spans, mention.start) {
            by_sentence.entry(sentence).or_default().push(*mention);
        }
    }
    let places = with_countries_as_places(text, &mentions, places, registry, lexicon);
    // What each sentence says, and the meeting each is about.
    let words: Vec<Vec<cues::Word>> = spans
        .iter()
        .map(|&(start, end)| {
            text.slice(start, end)
                .map_or_else(Vec::new, |sentence| cues::words(sentence, start))
        })
        .collect();
    let sentence_places: Vec<Vec<PlaceMention>> = spans
        .iter()
        .map(|&(start, end)| {
            places
                .iter()
                .filter(|p| p.start >= start && p.end <= end)
                .copied()
                .collect()
        })
        .collect();
    let inputs: Vec<SentenceInput<'_>> = spans
        .iter()
        .zip(&words)
        .zip(&sentence_places)
        .map(|((&(start, end), words), places)| SentenceInput {
            text: text.slice(start, end).unwrap_or(""),
            start,
            words,
            places,
        })
        .collect();
    let meetings = meetings_of_article(
        &inputs,
        &|entry| lexicon.entries.get(entry).map(|e| e.name.clone()),
        &|entry| lexicon.entries.get(entry).and_then(|e| e.host.clone()),
        article.date,
    );
    drop(inputs);
    let mut reading = ArticleReading {
        article,
        by_sentence,
        words,
        places: sentence_places,
        meetings,
        references: ReferenceContext::default(),
        things: ThingContext::new(),
        sides: None,
        plural_subject: Vec::new(),
    };
    for (sentence_index, &span) in spans.iter().enumerate() {
        read_article_sentence(&mut reading, sentence_index, span, registry, findings);
    }
}

/// Reads one sentence of an article into `findings`: its mentions, its meeting, the
/// things it names and the relations it states.
fn read_article_sentence(
    reading: &mut ArticleReading<'_>,
    sentence_index: usize,
    (start, end): (usize, usize),
    registry: &mut Registry,
    findings: &mut Findings,
) {
    let place = Place {
        article: reading.article.index,
        start,
        end,
    };
    let mut sentence_mentions = reading
        .by_sentence
        .get(&sentence_index)
        .cloned()
        .unwrap_or_default();
    // "talks in Egypt", "Geneva, Switzerland": a state named as a place is no evidence
    // of it as a party (a relation of its own still is).
    let as_places = reading
        .places
        .get(sentence_index)
        .map_or(&[][..], Vec::as_slice);
    for mention in &sentence_mentions {
        // "the Lebanese town of Naqoura", "the Kenyan capital, Nairobi": a state's
        // demonym that describes a place names it as one too.
        let describes_place = registry.subtype(mention.entity) == Some(Subtype::State)
            && super::places::describes_a_place(reading.article.text.after(mention.end, 48));
        let named_as_place = describes_place
            || as_places
                .iter()
                .any(|p| p.start == mention.start && p.end == mention.end);
        let support = if named_as_place {
            &mut findings.as_places
        } else {
            &mut findings.nodes
        };
        support
            .entry(mention.entity)
            .or_default()
            .add(place, mention.confidence, "mentions");
    }
    let Some(sentence) = reading.article.text.slice(start, end) else {
        return;
    };
    // "He", "the group": the party they point back to, for the relation rules.
    let words = reading
        .words
        .get(sentence_index)
        .map_or(&[][..], Vec::as_slice);
    let text = &reading.article.text;
    let capitalised = |at: usize| {
        text.slice(at, at + 1)
            .is_some_and(|first| first.chars().all(char::is_uppercase))
    };
    let resolved = reading
        .references
        .resolve(words, &sentence_mentions, registry, &capitalised);
    sentence_mentions.extend(resolved);
    sentence_mentions.sort_by_key(|mention| mention.start);
    reading.references.update(&sentence_mentions, registry);
    let sentence_places = reading
        .places
        .get(sentence_index)
        .map_or(&[][..], Vec::as_slice);
    let meeting = reading.meetings.get(sentence_index).cloned().flatten();
    let meeting_key = meeting.as_ref().map(MeetingFound::key);
    if let (Some(meeting), Some(key)) = (&meeting, &meeting_key) {
        findings
            .meetings
            .entry(key.clone())
            .or_insert_with(|| (meeting.clone(), Support::default()))
            .1
            .add(place, 0.6, "meetings");
        // The place's country is no host for being it: a party hosts a meeting only
        // where a sentence says so ("Qatar hosted the talks").
    }
    // Proposals, deals and ceasefires named by their noun phrases.
    let things = read_things(
        reading.article,
        &mut reading.things,
        (sentence, start),
        (&sentence_mentions, sentence_places),
        registry,
    );
    for thing in things {
        findings.add_thing(&thing, place);
        sentence_mentions.push(thing.mention);
    }
    sentence_mentions.sort_by_key(|mention| mention.start);
    let kind_of = |entity: usize| registry.entities.get(entity).map(|e| e.kind);
    let tokens = tokenize(
        sentence,
        start,
        &sentence_mentions,
        sentence_places,
        &kind_of,
    );
    let tokens = match reading.sides {
        Some(pair) => sides::with_sides_named(tokens, pair),
        None => tokens,
    };
    let read = read_sentence(
        sentence,
        &tokens,
        &kind_of,
        meeting.is_some(),
        &reading.plural_subject,
    );
    reading.plural_subject.clone_from(&read.plural_subject);
    let cannot_be_a_side = |entity: usize| {
        registry.subtype(entity) == Some(Subtype::Person) || read.mediators.contains(&entity)
    };
    if let Some(pair) = sides::pair_named(&tokens, &cannot_be_a_side) {
        reading.sides = Some(pair);
    }
    for party in read.mediators {
        findings
            .mediators
            .entry(party)
            .or_default()
            .add(place, 0.7, "relations");
    }
    for relation in read.relations {
        findings.add_relation(relation, place, meeting.as_ref(), meeting_key.as_ref());
    }
}

/// The things the sentence at `start` names by their noun phrases, read from its tokens
/// with its mentions and places.
fn read_things(
    article: ArticleInput<'_>,
    things: &mut ThingContext,
    (sentence, start): (&str, usize),
    (mentions, places): (&[Mention], &[PlaceMention]),
    registry: &mut Registry,
) -> Vec<ThingFound> {
    let tokens = {
        let kind_of = |entity: usize| registry.entities.get(entity).map(|e| e.kind);
        tokenize(sentence, start, mentions, places, &kind_of)
    };
    find_things(article.index, article.text, &tokens, registry, things)
}

impl Findings {
    /// A thing a sentence names, with what its parties do to it.
    fn add_thing(&mut self, thing: &ThingFound, place: Place) {
        self.nodes.entry(thing.mention.entity).or_default().add(
            place,
            thing.mention.confidence,
            "things",
        );
        for relation in &thing.relations {
            let key = (
                relation.subject,
                relation.relation,
                EdgeEnd::Entity(thing.mention.entity),
                relation.modality,
                None,
            );
            self.edges
                .entry(key)
                .or_default()
                .add(place, relation.confidence, "things");
        }
    }

    /// A relation a sentence states, about the sentence's meeting where its object is
    /// one (a relation to no meeting is dropped).
    fn add_relation(
        &mut self,
        found: RelationFound,
        place: Place,
        meeting: Option<&MeetingFound>,
        meeting_key: Option<&String>,
    ) {
        let RelationFound {
            subject,
            relation,
            object,
            modality,
            attributed_to,
            confidence,
        } = found;
        let object = match (object, meeting_key) {
            (End::Entity(entity), _) => EdgeEnd::Entity(entity),
            (End::Meeting, Some(key)) => EdgeEnd::Meeting(key.clone()),
            (End::Meeting, None) => return,
        };
        // No one has yet attended or mediated a meeting that is only planned.
        let modality = match (&object, meeting) {
            (EdgeEnd::Meeting(_), Some(found))
                if found.status == MeetingStatus::Planned && modality == Modality::Asserted =>
            {
                Modality::Expected
            }
            _ => modality,
        };
        self.nodes
            .entry(subject)
            .or_default()
            .add(place, confidence, "relations");
        self.edges
            .entry((subject, relation, object, modality, attributed_to))
            .or_default()
            .add(place, confidence, "relations");
    }
}

/// The end of an edge: an entity, or a meeting by key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum EdgeEnd {
    Entity(usize),
    Meeting(String),
}
