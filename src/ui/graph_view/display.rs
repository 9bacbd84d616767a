//! Keeping egui_graphs' display graph in step with the model and the view: its nodes
//! and edges, their payloads (size, colour, label, emphasis) and positions.

use super::*;

impl GraphCanvas {
    /// Builds the display graph of the shown nodes and every edge between them, those the
    /// filters hide marked hidden.
    pub(super) fn rebuild(&mut self, model: &Model) {
        self.display = self.shown_graph(model);
        self.display_changed();
    }

    /// What follows from a change of what the display graph shows (a new display graph,
    /// or a filter that changed only which edges show, which leaves the display graph as
    /// it is: a filter that hides or shows 400,000 edges sets as many flags instead of
    /// building as many edges): each edge hidden or shown as the visibility says; the
    /// far-out drawing and the labels stale; the list of shown edges' ends the far-out
    /// drawing is made from, which nodes are best connected, the payloads and the
    /// selection made again.
    pub(super) fn display_changed(&mut self) {
        self.display_generation += 1;
        self.labels_stale = true;
        // One walk over the display edges: each hidden as the filters say, selected as
        // the selection says, and the shown ones' ends listed (each further walk over
        // 400,000 edges cost a filter 5-10 ms).
        let (_, selected_edge) = self.selected;
        let (shown, highlighted) = (&self.visibility.edges, &self.highlighted_edges);
        let graph = self.display.g_mut();
        let indices: Vec<EdgeIndex> = graph.edge_indices().collect();
        let mut ends = Vec::with_capacity(indices.len());
        for index in indices {
            let (Some((start, end)), Some(edge)) =
                (graph.edge_endpoints(index), graph.edge_weight_mut(index))
            else {
                continue;
            };
            let position = edge.payload().model_position;
            let hidden = !shown.get(position).copied().unwrap_or(false);
            edge.payload_mut().hidden = hidden;
            edge.display_mut().set_hidden(hidden);
            edge.set_selected(
                !hidden && (Some(position) == selected_edge || highlighted.contains(&position)),
            );
            if !hidden {
                let payload = edge.payload();
                let [r, g, b] = payload
                    .tint
                    .unwrap_or_else(|| relation_style(payload.relation).rgb);
                ends.push((index, start, end, Color32::from_rgb(r, g, b)));
            }
        }
        self.edge_ends = ends;
        self.prominence_rank = vec![usize::MAX; self.positions.len()];
        for (rank, position) in self.prominent_nodes().into_iter().enumerate() {
            if let Some(slot) = self.prominence_rank.get_mut(position) {
                *slot = rank;
            }
        }
        self.refresh_payloads();
        self.select_nodes();
        self.light_up_selection();
    }

    /// The shown nodes and edges as egui_graphs' graph, each with its payload, label and
    /// place, built with room for exactly them (a graph grown edge by edge keeps up to
    /// twice the room it needs: tens of MiB at 400,000 edges).
    fn shown_graph(&self, model: &Model) -> DisplayGraph {
        let shown = |position: usize| {
            self.visibility
                .nodes
                .get(position)
                .copied()
                .unwrap_or(false)
        };
        let node_count = (0..model.nodes.len())
            .filter(|&position| shown(position))
            .count();
        let mut display = DisplayGraph::new();
        display.g_mut().reserve_exact_nodes(node_count);
        let mut index_of = vec![None; model.nodes.len()];
        for (position, node) in model.nodes.iter().enumerate() {
            if !shown(position) {
                continue;
            }
            let payload = NodePayload {
                model_position: position,
                kind: node.kind,
                fill: self
                    .fills
                    .get(position)
                    .copied()
                    .unwrap_or(kind_rgb(node.kind)),
                dimmed: false,
                scale: 1.0,
                highlighted: false,
                label_shown: true,
                receding: false,
            };
            let place = self.positions.get(position).copied();
            index_of[position] = Some(display.add_node_custom(payload, |display_node| {
                display_node.set_label(
                    crate::view::label_by::node_label(model, position, &self.label_by).into_owned(),
                );
                if let Some([x, y]) = place {
                    display_node.set_location(Pos2::new(x, y));
                }
            }));
        }
        let ends_shown = |position: usize| {
            model.edge_ends(position).and_then(|(a, b)| {
                index_of
                    .get(a)
                    .copied()
                    .flatten()
                    .zip(index_of.get(b).copied().flatten())
            })
        };
        let edge_count = (0..model.edges.len())
            .filter(|&position| ends_shown(position).is_some())
            .count();
        display.g_mut().reserve_exact_edges(edge_count);
        for (position, edge) in model.edges.iter().enumerate() {
            let Some((a, b)) = ends_shown(position) else {
                continue;
            };
            let hidden = !self
                .visibility
                .edges
                .get(position)
                .copied()
                .unwrap_or(false);
            let payload = EdgePayload {
                model_position: position,
                directed: edge.directed,
                self_loop: a == b,
                relation: edge.relation,
                named: self.relation_names,
                hidden,
                receding: false,
                contested: self.contested_edges.binary_search(&position).is_ok(),
                tint: self
                    .edge_tints
                    .as_ref()
                    .and_then(|tints| tints.get(position).copied()),
            };
            display.add_edge_custom(a, b, payload, |display_edge| {
                let label = edge
                    .shown_label()
                    .map(|label| label.replace('_', " "))
                    .unwrap_or_default();
                display_edge.set_label(label);
            });
        }
        display
    }

    pub(super) fn refresh_payloads(&mut self) {
        let (dimmed, scales, fills) = (&self.visibility.dimmed_nodes, &self.scales, &self.fills);
        let highlighted = &self.highlighted_nodes;
        for node in self.display.g_mut().node_weights_mut() {
            let position = node.payload().model_position;
            let payload = node.payload_mut();
            payload.dimmed = dimmed.get(position).copied().unwrap_or(false);
            payload.scale = scales.get(position).copied().unwrap_or(1.0);
            if let Some(&fill) = fills.get(position) {
                payload.fill = fill;
            }
            payload.highlighted = highlighted.contains(&position);
        }
    }

    /// Whether a model node is among the best-connected ([`Self::prominent_nodes`]), whose
    /// labels are tried zoomed far out.
    pub(super) fn is_prominent(&self, position: usize) -> bool {
        self.prominence_rank
            .get(position)
            .is_some_and(|&rank| rank != usize::MAX)
    }

    /// The best-connected shown nodes, most connected first (ties by model order): the
    /// labels tried zoomed far out, where there is no room for every label.
    pub(super) fn prominent_nodes(&self) -> Vec<usize> {
        self.most_connected(MAX_FAR_LABELS)
    }

    /// The shown nodes (by model position), most connected first (by shown edges out of
    /// them), ties by model order.
    pub(super) fn nodes_by_degree(&self) -> Vec<usize> {
        self.most_connected(usize::MAX)
    }

    /// The `count` most connected shown nodes, as [`Self::nodes_by_degree`] orders them:
    /// the first `count` are picked out before they are sorted (sorting 100,000 nodes for
    /// the 300 labelled far out took a filter's frame 5 ms).
    fn most_connected(&self, count: usize) -> Vec<usize> {
        let mut out_degree = vec![0usize; self.display.g().node_bound()];
        for &(_, start, _, _) in &self.edge_ends {
            if let Some(count) = out_degree.get_mut(start.index()) {
                *count += 1;
            }
        }
        let mut degrees: Vec<(usize, usize)> = self
            .display
            .nodes_iter()
            .map(|(index, node)| {
                let degree = out_degree.get(index.index()).copied().unwrap_or(0);
                (degree, node.payload().model_position)
            })
            .collect();
        let order = |a: &(usize, usize), b: &(usize, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if count < degrees.len() {
            degrees.select_nth_unstable_by(count, order);
            degrees.truncate(count);
        }
        degrees.sort_unstable_by(order);
        degrees.into_iter().map(|(_, position)| position).collect()
    }

    pub(super) fn apply_selection(&mut self) {
        self.select_nodes();
        let (_, edge) = self.selected;
        let highlighted = &self.highlighted_edges;
        for display_edge in self.display.g_mut().edge_weights_mut() {
            let position = display_edge.payload().model_position;
            let selected = !display_edge.payload().hidden
                && (Some(position) == edge || highlighted.contains(&position));
            display_edge.set_selected(selected);
        }
        self.light_up_selection();
    }

    /// What the selection lights up, the rest receding: a selected node with its shown
    /// relations and their other ends, a selected edge with its two ends. With nothing
    /// selected, an edge recedes where a dimming focus dims one of its ends. Two walks
    /// over the shown edges' ends, none when nothing is selected, dimmed or receding.
    fn light_up_selection(&mut self) {
        let (node, edge) = self.selected;
        let selected_node = node.and_then(|position| {
            let graph = self.display.g();
            graph
                .node_indices()
                .find(|&index| graph[index].payload().model_position == position)
        });
        let dimming = self.visibility.dimmed_nodes.iter().any(|&dimmed| dimmed);
        if selected_node.is_none() && edge.is_none() && !dimming && !self.receding_set {
            return;
        }
        let (ends, graph) = (&self.edge_ends, self.display.g_mut());
        let lit_edge = |graph: &petgraph::stable_graph::StableGraph<_, _, _, _>,
                        id: petgraph::stable_graph::EdgeIndex,
                        a: NodeIndex,
                        b: NodeIndex| {
            let weight: Option<&egui_graphs::Edge<_, _, _, _, _, ArrowEdgeShape>> =
                graph.edge_weight(id);
            match (edge, selected_node) {
                (Some(position), _) => {
                    weight.is_some_and(|weight| weight.payload().model_position == position)
                }
                (None, Some(index)) => a == index || b == index,
                (None, None) => false,
            }
        };
        let mut lit_nodes = vec![false; graph.node_bound()];
        let mut lighting = selected_node.is_some();
        for &(id, a, b, _) in ends {
            if lit_edge(graph, id, a, b) {
                // A selected edge lights up only where it is shown.
                lighting = true;
                for end in [a, b] {
                    if let Some(lit) = lit_nodes.get_mut(end.index()) {
                        *lit = true;
                    }
                }
            }
        }
        if let Some(index) = selected_node
            && let Some(lit) = lit_nodes.get_mut(index.index())
        {
            *lit = true;
        }
        let dimmed: Vec<bool> = if lighting || !dimming {
            Vec::new()
        } else {
            graph
                .node_indices()
                .map(|index| graph[index].payload().dimmed)
                .collect()
        };
        let dim = |index: NodeIndex| dimmed.get(index.index()).copied().unwrap_or(false);
        let mut any = false;
        for &(id, a, b, _) in ends {
            let receding = if lighting {
                !lit_edge(graph, id, a, b)
            } else {
                dim(a) || dim(b)
            };
            any |= receding;
            if let Some(weight) = graph.edge_weight_mut(id) {
                weight.payload_mut().receding = receding;
            }
        }
        for index in graph.node_indices().collect::<Vec<_>>() {
            let receding = lighting && !lit_nodes.get(index.index()).copied().unwrap_or(false);
            any |= receding;
            graph[index].payload_mut().receding = receding;
        }
        self.receding_set = any;
        // What is lit claims its labels' room first.
        self.labels_stale = true;
    }

    /// Whether a node or an edge is selected, lighting up its relations.
    pub(super) fn selection_lit(&self) -> bool {
        self.selected.0.is_some() || self.selected.1.is_some()
    }

    /// Marks the selected node selected and every other not.
    fn select_nodes(&mut self) {
        let (node, _) = self.selected;
        for display_node in self.display.g_mut().node_weights_mut() {
            let selected = Some(display_node.payload().model_position) == node;
            display_node.set_selected(selected);
        }
    }

    pub(super) fn copy_positions_to_display(&mut self) {
        self.labels_stale = true;
        // The edges reaching the view are counted again.
        self.batching_key = None;
        let positions = &self.positions;
        for node in self.display.g_mut().node_weights_mut() {
            if !node.dragged()
                && let Some(place) = positions.get(node.payload().model_position)
            {
                node.set_location(Pos2::new(place[0], place[1]));
            }
        }
    }

    /// Marks the edges that are reports in `conflicts` on the canvas.
    pub fn set_contested(&mut self, model: &Model, conflicts: &[crate::claims::Conflict]) {
        let mut contested: Vec<usize> = conflicts
            .iter()
            .flat_map(|conflict| &conflict.reports)
            .filter_map(|report| model.edge_position(&report.element))
            .collect();
        contested.sort_unstable();
        contested.dedup();
        if contested != self.contested_edges {
            self.contested_edges = contested;
            self.rebuild(model);
        }
    }

    /// Colours edges by `tints` (one per model edge), or by relation with `None`.
    pub fn set_edge_tints(&mut self, model: &Model, tints: Option<Vec<Rgb>>) {
        if tints != self.edge_tints {
            self.edge_tints = tints;
            self.rebuild(model);
        }
    }

    /// Every model edge's colour when edges are not coloured by relation.
    pub fn edge_tints(&self) -> Option<&[Rgb]> {
        self.edge_tints.as_deref()
    }

    /// The edges (model positions) marked as reports in a conflict, sorted.
    pub fn contested_edges(&self) -> &[usize] {
        &self.contested_edges
    }

    /// Labels nodes by `by`: the labels are measured again on the next frame, where
    /// they are also chosen again; nothing moves.
    pub fn set_label_by(&mut self, model: &Model, by: crate::view::label_by::LabelBy) {
        if by == self.label_by {
            return;
        }
        self.label_by = by;
        self.label_sizes = None;
        self.label_choice = None;
        self.rebuild(model);
    }

    /// What node labels say.
    pub fn label_by(&self) -> &crate::view::label_by::LabelBy {
        &self.label_by
    }

    /// Colours nodes as `colours` says; the grouped layout regroups by it.
    pub fn set_colouring(&mut self, model: &Model, colours: Colouring) {
        self.fills = colours.fills;
        self.groups = colours.groups;
        if self.layout_kind == LayoutKind::Kind {
            self.arrange(model, false);
            self.camera = Some(CameraRequest::Fit);
            self.rebuild(model);
        } else {
            self.refresh_payloads();
        }
    }

    /// Sizes nodes by these factors (by model position), or all alike for `None`.
    pub fn set_scales(&mut self, scales: Option<Vec<f32>>) {
        self.scales = scales.unwrap_or_else(|| self.default_scales.clone());
        self.refresh_payloads();
    }

    /// Highlights a path: these nodes and edges (by model position).
    pub fn set_highlight(&mut self, nodes: BTreeSet<usize>, edges: BTreeSet<usize>) {
        self.highlighted_nodes = nodes;
        self.highlighted_edges = edges;
        self.refresh_payloads();
        self.apply_selection();
    }

    /// Marks the node or edge at this model position as selected in the display.
    pub fn show_selection(&mut self, node: Option<usize>, edge: Option<usize>) {
        self.selected = (node, edge);
        self.apply_selection();
    }
}
