//! The JSON Schema in assets/ agrees with what the loader accepts.

use backchannel::dataset::schema::FORMAT_VERSION;
use backchannel::model::{MeetingStatus, Modality, NodeKind, Relation, Subtype};
use serde_json::{Value, json};

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string("assets/backchannel-1.schema.json").unwrap())
        .unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().unwrap().to_owned())
        .collect()
}

fn spellings<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|value| as_str(*value).to_owned()).collect()
}

#[test]
fn schema_lists_exactly_the_vocabularies_the_code_accepts() {
    let schema = schema();
    let defs = &schema["$defs"];
    assert_eq!(schema["properties"]["format"]["const"], FORMAT_VERSION);
    assert_eq!(
        strings(&defs["node"]["properties"]["kind"]["enum"]),
        spellings(NodeKind::ALL, NodeKind::as_str)
    );
    assert_eq!(
        strings(&defs["node"]["properties"]["subtype"]["enum"]),
        spellings(Subtype::ALL, Subtype::as_str)
    );
    assert_eq!(
        strings(&defs["node"]["properties"]["status"]["enum"]),
        spellings(MeetingStatus::ALL, MeetingStatus::as_str)
    );
    assert_eq!(
        strings(&defs["edge"]["properties"]["relation"]["enum"]),
        spellings(Relation::ALL, Relation::as_str)
    );
    assert_eq!(
        strings(&defs["edge"]["properties"]["modality"]["enum"]),
        spellings(Modality::ALL, Modality::as_str)
    );
}

#[test]
fn schema_accepts_the_seed_and_the_valid_fixtures() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for file in [
        "seeds/negotiations.json",
        "tests/fixtures/valid/minimal/dataset.json",
        "tests/fixtures/valid/inline-second.json",
    ] {
        let instance: Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|error| error.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn schema_refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let valid: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/valid/minimal/dataset.json").unwrap(),
    )
    .unwrap();
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut value = valid.clone();
        change(&mut value);
        value
    };
    for (what, instance) in [
        (
            "unknown kind",
            broken(&|v| v["nodes"][0]["kind"] = json!("villain")),
        ),
        (
            "unknown relation",
            broken(&|v| v["edges"][0]["relation"] = json!("loves")),
        ),
        (
            "no evidence",
            broken(&|v| v["edges"][0]["evidence"] = json!([])),
        ),
        (
            "meeting without place",
            broken(&|v| {
                v["nodes"][2].as_object_mut().unwrap().remove("place");
            }),
        ),
        (
            "place on an actor",
            broken(&|v| v["nodes"][0]["place"] = json!("Doha")),
        ),
        (
            "impossible month",
            broken(&|v| v["articles"][0]["published"] = json!("2024-13")),
        ),
        (
            "future format",
            broken(&|v| v["format"] = json!("backchannel/2")),
        ),
        (
            "unknown field",
            broken(&|v| v["nodes"][0]["aliasses"] = json!([])),
        ),
    ] {
        assert!(
            !validator.is_valid(&instance),
            "the schema accepts a dataset with {what}"
        );
    }
}

#[test]
fn schema_accepts_imported_graphs_converted_to_our_format() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for file in [
        "tests/fixtures/graphs/Les_Miserables.gexf",
        "tests/fixtures/graphs/airlines.graphml",
        "tests/fixtures/graphs/triad.gml",
        "tests/fixtures/graphs/mediators.csv",
    ] {
        let model = backchannel::interchange::load_file(std::path::Path::new(file))
            .unwrap()
            .model;
        let instance =
            serde_json::to_value(backchannel::interchange::to_raw_dataset(&model)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|error| error.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    // Our own kinds still need evidence.
    let typed = json!({"format": FORMAT_VERSION, "title": "t", "nodes": [{"id": "a", "label": "A", "kind": "actor"}]});
    assert!(!validator.is_valid(&typed));
    let entity = json!({"format": FORMAT_VERSION, "title": "t", "nodes": [{"id": "a", "label": "A", "kind": "entity", "colour": "#aabbcc", "position": {"x": 1, "y": 2}}]});
    assert!(validator.is_valid(&entity));
}

#[test]
fn the_edit_schema_accepts_the_documented_operations_and_refuses_what_edit_refuses() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("assets/backchannel-edit-1.schema.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/edit/ops.json").unwrap();
    let ops: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&ops).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        backchannel::edit::parse_ops(&text).unwrap().len(),
        ops.as_array().unwrap().len(),
        "the code reads every documented operation"
    );
    let names: Vec<String> = schema["$defs"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(_, def)| def["properties"]["op"]["const"].as_str().map(str::to_owned))
        .collect();
    let mut expected: Vec<String> = backchannel::edit::OP_NAMES
        .iter()
        .map(|n| n.to_string())
        .collect();
    let mut names = names;
    names.sort();
    expected.sort();
    assert_eq!(
        names, expected,
        "the schema and the code know the same operations"
    );
    for bad in [
        r#"[{"op": "explode", "id": "a"}]"#,
        r#"[{"op": "delete"}]"#,
        r#"[{"op": "delete", "id": "a", "colour": "red"}]"#,
        r#"[{"op": "review", "id": "a", "verdict": "maybe"}]"#,
        r#"[{"op": "add_evidence", "id": "a", "evidence": [{"article": "a", "quote": "q", "occurrence": 0}]}]"#,
        r#"[{"op": "update", "id": "a", "set": {"evidence": []}}]"#,
    ] {
        let value: Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&value), "the schema accepts {bad}");
    }
}
