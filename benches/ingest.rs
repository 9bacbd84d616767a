//! Ingest throughput: megabytes of article text per second on one core, the whole
//! pipeline (sentences, both mention passes, meetings, relations, the dataset). Run alone
//! with `cargo bench --bench ingest`.

use backchannel::ingest::{self, Lexicon, SourceArticle, article_files, read_articles};
use backchannel::model::PartialDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn throughput(c: &mut Criterion) {
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
