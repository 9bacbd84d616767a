//! Ingest throughput: megabytes of article text per second on one core, the whole
//! pipeline (sentences, both mention passes, things, meetings, relations, the dataset),
//! with the quality reached in the same run: the committed gold set scored first
//! (relation precision and recall, mediators, meetings, calibration). Run alone with
//! `cargo bench --bench ingest`.

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use backchannel::dataset::{self, EmbeddedStore};
use backchannel::ingest::evaluate::{Gold, evaluate};
use backchannel::ingest::{self, Lexicon, SourceArticle, article_files, read_articles};
use backchannel::model::PartialDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Scores the committed gold set and prints the tables: what the speed below buys.
fn quality() {
    let folder = std::path::PathBuf::from("tests/fixtures/ingest/articles");
    let files = article_files(&[folder]).expect("the gold articles");
    let articles = read_articles(&files).expect("the gold articles");
    let ingested = ingest::ingest(
        &articles,
        &Lexicon::built_in(),
        "gold",
        None,
        &mut |_, _| true,
    )
    .expect("an ingest");
    let bytes = serde_json::to_vec(&ingested.dataset).expect("JSON");
    let model = dataset::load_bytes("gold.json", &bytes, &EmbeddedStore::new(&[]))
        .expect("a dataset")
        .model;
    let golds: Vec<(String, Gold)> = files
        .iter()
        .enumerate()
        .filter_map(|(index, file)| {
            let stem = file.file_stem()?.to_string_lossy().into_owned();
            let path = format!("tests/fixtures/ingest/gold/{stem}.gold");
            let text = std::fs::read_to_string(&path).ok()?;
            Some((format!("a{index:03}"), Gold::parse(&path, &text).ok()?))
        })
        .collect();
    eprintln!(
        "quality on the committed gold set ({} articles):\n{}",
        golds.len(),
        evaluate(&model, &golds).report()
    );
}

fn throughput(c: &mut Criterion) {
    quality();
    let files = article_files(&[std::path::PathBuf::from("seeds")]).expect("the seed folder");
    let seeds = read_articles(&files).expect("the seed articles");
    // Fifty articles: the five seeds ten times over, each copy its own article.
    let articles: Vec<SourceArticle> = (0..10)
        .flat_map(|copy| {
            seeds.iter().map(move |article| SourceArticle {
                name: format!("{copy}-{}", article.name),
                text: article.text.clone(),
            })
        })
        .collect();
    let bytes: usize = articles.iter().map(|article| article.text.len()).sum();
    let lexicon = Lexicon::built_in();
    let published = PartialDate::parse("2024-05").ok();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("fifty_articles", |bencher| {
        bencher.iter(|| {
            ingest::ingest(&articles, &lexicon, "bench", published, &mut |_, _| true)
                .map(|ingested| ingested.dataset.nodes.len())
                .unwrap_or(0)
        });
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
