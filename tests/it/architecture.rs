//! The layer order written in docs/architecture.md holds in the code: no library module
//! imports a module on its own layer or above, and no widget in `ui` imports the app.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers of docs/architecture.md, lowest first: module name -> layer number.
fn layers() -> BTreeMap<String, usize> {
    let doc = std::fs::read_to_string("docs/architecture.md").unwrap();
    let start = doc
        .find("<!-- layers:")
        .expect("docs/architecture.md marks its layers");
    let end = doc
        .find("<!-- end of layers -->")
        .expect("and where they end");
    let mut layers = BTreeMap::new();
    for (number, line) in doc[start..end].lines().skip(1).enumerate() {
        for module in line.split('`').skip(1).step_by(2) {
            layers.insert(module.to_owned(), number);
        }
    }
    layers
}

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// A source file's library code: comments dropped, and nothing from its first
/// `#[cfg(test)]` on (test modules sit at the end); test-only files give nothing.
fn library_code(path: &Path) -> String {
    if path.file_name().is_some_and(|name| name == "tests.rs")
        || path.components().any(|part| part.as_os_str() == "tests")
    {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    without_comments(text)
}

/// `text` with every `//` comment dropped.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module named after `crate::` in `code`, braces included (`crate::{a, b::c}`).
fn crate_imports(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        } else {
            names.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    names.retain(|name| !name.is_empty());
    names
}

/// The top-level module a file of `src/` belongs to (`src/ui/app/mod.rs` -> `ui`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn no_module_imports_one_on_its_layer_or_above() {
    let layers = layers();
    assert!(layers.len() >= 10, "the layer list was read: {layers:?}");
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut upward = Vec::new();
    for path in &files {
        let module = module_of(path);
        if module == "lib" || module == "main" {
            continue;
        }
        let layer = *layers
            .get(&module)
            .unwrap_or_else(|| panic!("{} is in no layer of docs/architecture.md", path.display()));
        for imported in crate_imports(&library_code(path)) {
            if imported == module {
                continue;
            }
            match layers.get(&imported) {
                Some(&other) if other < layer => {}
                Some(_) => upward.push(format!("{}: {module} imports {imported}", path.display())),
                None => upward.push(format!(
                    "{}: crate::{imported} is in no layer",
                    path.display()
                )),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layer order:\n{}",
        upward.join("\n")
    );
}

#[test]
fn widgets_never_import_the_app() {
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let mut offending = Vec::new();
    for path in &files {
        if path.starts_with("src/ui/app") || path == Path::new("src/ui/mod.rs") {
            continue;
        }
        let code = library_code(path);
        if code.contains("super::app") || code.contains("ui::app") {
            offending.push(path.display().to_string());
        }
    }
    assert!(
        offending.is_empty(),
        "widgets importing the app: {offending:?}"
    );
}

#[test]
fn the_import_reader_finds_what_a_use_line_names() {
    let code = "use crate::{model::Node, graph};\nlet x = crate::view::style::f(); // crate::ui\n";
    let names = crate_imports(&without_comments(code));
    assert_eq!(names, ["model", "graph", "view"]);
}
