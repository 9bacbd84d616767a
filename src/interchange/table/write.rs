//! A model written as a CSV edge list, a node table and the dataset record.

use serde_json::Value;

use super::super::carry::{self, Column};
use crate::model::Model;

/// The three files of a CSV export: edge list, node table, dataset record.
pub struct CsvFiles {
    /// `NAME.csv`.
    pub edges: Vec<u8>,
    /// `NAME.nodes.csv`.
    pub nodes: Vec<u8>,
    /// `NAME.dataset.json`.
    pub dataset: Vec<u8>,
}

/// Writes a model as an edge list, a node table and the dataset record.
pub fn write(model: &Model) -> Result<CsvFiles, csv::Error> {
    let node_rows: Vec<Vec<(String, Value)>> = model.nodes.iter().map(carry::node_row).collect();
    let edge_rows: Vec<Vec<(String, Value)>> = model.edges.iter().map(carry::edge_row).collect();
    let node_columns = carry::columns(node_rows.iter().map(Vec::as_slice));
    let edge_columns = carry::columns(edge_rows.iter().map(Vec::as_slice));

    let mut nodes = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["id", "label", "x", "y", "color", "size"]
        .map(str::to_owned)
        .to_vec();
    header.extend(node_columns.iter().map(|column| column.name.clone()));
    nodes.write_record(&header)?;
    for (node, row) in model.nodes.iter().zip(&node_rows) {
        let mut record = vec![
            node.id.clone(),
            node.label.clone(),
            node.look
                .position
                .map(|point| point.x.to_string())
                .unwrap_or_default(),
            node.look
                .position
                .map(|point| point.y.to_string())
                .unwrap_or_default(),
            node.look
                .colour
                .map(|colour| colour.to_hex())
                .unwrap_or_default(),
            node.look
                .size
                .map(|size| size.to_string())
                .unwrap_or_default(),
        ];
        record.extend(cells(&node_columns, row));
        nodes.write_record(&record)?;
    }

    let mut edges = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["id", "source", "target", "label", "weight", "directed"]
        .map(str::to_owned)
        .to_vec();
    header.extend(edge_columns.iter().map(|column| column.name.clone()));
    edges.write_record(&header)?;
    for (edge, row) in model.edges.iter().zip(&edge_rows) {
        let mut record = vec![
            edge.id.clone(),
            edge.source.clone(),
            edge.target.clone(),
            edge.shown_label().unwrap_or_default().to_owned(),
            edge.weight
                .map(|weight| weight.to_string())
                .unwrap_or_default(),
            edge.directed.to_string(),
        ];
        record.extend(cells(&edge_columns, row));
        edges.write_record(&record)?;
    }
    let into_bytes = |writer: csv::Writer<Vec<u8>>| {
        writer
            .into_inner()
            .map_err(|error| csv::Error::from(error.into_error()))
    };
    let mut dataset = serde_json::to_string_pretty(&carry::dataset_record(model))
        .unwrap_or_default()
        .into_bytes();
    dataset.push(b'\n');
    Ok(CsvFiles {
        edges: into_bytes(edges)?,
        nodes: into_bytes(nodes)?,
        dataset,
    })
}

fn cells(columns: &[Column], row: &[(String, Value)]) -> Vec<String> {
    columns
        .iter()
        .map(|column| {
            carry::row_value(row, &column.name)
                .map(carry::as_text)
                .unwrap_or_default()
        })
        .collect()
}
