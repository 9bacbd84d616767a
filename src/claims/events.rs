//! Event data for political scientists: one row per dated relation, in the layout event
//! datasets use (GDELT, ICEWS: date, source actor, target actor, event code, the story it
//! comes from), each relation with its CAMEO code where CAMEO has an honest equivalent
//! (docs/claims.md has the table), and the quote, article, outlet, modality and
//! attribution behind it.

use crate::model::{Edge, Model, PartialDate, Relation};

/// The CAMEO code and name of a relation; `None` where CAMEO has no honest equivalent
/// (belonging, leading, accepting: a code there would be a guess).
pub fn cameo(relation: Relation) -> Option<(&'static str, &'static str)> {
    Some(match relation {
        Relation::Demands => ("100", "Demand, not specified below"),
        Relation::Rejects => ("120", "Reject, not specified below"),
        Relation::Proposes | Relation::Offers => {
            ("030", "Express intent to cooperate, not specified below")
        }
        Relation::Mediates => ("045", "Mediate"),
        Relation::Attends => ("040", "Consult, not specified below"),
        Relation::Hosts => ("043", "Host a visit"),
        Relation::Opposes => ("110", "Disapprove, not specified below"),
        Relation::Supports => ("051", "Praise or endorse"),
        Relation::Pressures => ("020", "Make an appeal or request, not specified below"),
        Relation::Blames => ("112", "Accuse, not specified below"),
        Relation::Accepts | Relation::Leads | Relation::MemberOf | Relation::Link => {
            return None;
        }
    })
}

/// The columns of an events file, in order.
pub const EVENT_COLUMNS: [&str; 18] = [
    "event_id",
    "date",
    "date_precision",
    "date_source",
    "source_id",
    "source_name",
    "target_id",
    "target_name",
    "relation",
    "cameo_code",
    "cameo_name",
    "modality",
    "attribution",
    "article",
    "outlet",
    "published",
    "quote",
    "other_articles",
];

/// The date of an event: the relation's own, else the earliest publication date of the
/// articles that report it (as event datasets date a story's events); with where it
/// came from. `None` when neither is known.
pub fn event_date(model: &Model, edge: &Edge) -> Option<(PartialDate, &'static str)> {
    if let Some(date) = edge.date {
        return Some((date, "relation"));
    }
    edge.evidence
        .iter()
        .filter_map(|record| model.article(&record.article_id)?.published)
        .min_by_key(PartialDate::first_day)
        .map(|date| (date, "article"))
}

/// Every dated relation of `model` as a tab-separated events file with a header row
/// ([`EVENT_COLUMNS`]), in model order. The quote is from the earliest article that
/// reports the relation; the others are listed by id. Fields holding tabs, quotes or line
/// breaks are quoted as CSV quotes them.
pub fn events_tsv(model: &Model) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    writer.write_record(EVENT_COLUMNS)?;
    for edge in &model.edges {
        let Some((date, date_source)) = event_date(model, edge) else {
            continue;
        };
        let name = |id: &str| {
            model
                .node_position(id)
                .and_then(|position| model.nodes.get(position))
                .map_or_else(String::new, |node| node.label.clone())
        };
        // The record from the earliest article first.
        let mut records: Vec<_> = edge.evidence.iter().collect();
        records.sort_by_key(|record| {
            model
                .article(&record.article_id)
                .and_then(|article| article.published)
                .map(|date| date.first_day())
                .unwrap_or((u16::MAX, 12, 31))
        });
        let first = records.first();
        let article = first.and_then(|record| model.article(&record.article_id));
        let others: Vec<&str> = records
            .iter()
            .skip(1)
            .map(|record| record.article_id.as_str())
            .filter(|id| first.is_none_or(|first| first.article_id != *id))
            .collect();
        let (code, code_name) = cameo(edge.relation).unwrap_or(("", ""));
        writer.write_record([
            edge.id.as_str(),
            &date.to_string(),
            date.precision().as_str(),
            date_source,
            &edge.source,
            &name(&edge.source),
            &edge.target,
            &name(&edge.target),
            edge.relation.as_str(),
            code,
            code_name,
            edge.modality.as_str(),
            edge.attributed_to.as_deref().unwrap_or(""),
            first.map_or("", |record| record.article_id.as_str()),
            article.map_or("", |article| article.outlet.as_str()),
            &article
                .and_then(|article| article.published)
                .map(|date| date.to_string())
                .unwrap_or_default(),
            first.map_or("", |record| record.quote.as_str()),
            &others.join(";"),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}
