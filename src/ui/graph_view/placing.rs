//! After a layout: a dragged node's neighbourhood following it, and the bar that shows a
//! running layout's progress.

use super::*;

/// The share of a dropped node's move its direct neighbours make before the local
/// refinement (nodes two hops away make half of it).
const NEIGHBOUR_FOLLOWS: f32 = 0.6;

/// A bar along the bottom of the canvas saying how far the running layout has come.
pub(super) fn layout_progress_ui(ui: &mut Ui, canvas: Rect, progress: Progress) {
    let text = if progress.levels > 1 {
        format!(
            "Laying out: level {} of {} · {} of {} nodes placed",
            progress.levels - progress.level,
            progress.levels,
            progress.laid_out,
            progress.total
        )
    } else {
        format!(
            "Laying out: {} of {} nodes placed",
            progress.laid_out, progress.total
        )
    };
    let width = canvas.width().clamp(120.0, 420.0);
    let rect = Rect::from_min_size(
        canvas.left_bottom() + Vec2::new(8.0, -30.0),
        Vec2::new(width, 22.0),
    );
    ui.put(rect, egui::ProgressBar::new(progress.fraction()).text(text));
}

impl GraphCanvas {
    /// After a node (by model position) was dropped: the nodes within two hops of it
    /// follow it (a local refinement of a force layout, up to [`LOCAL_REFINE_LIMIT`] shown
    /// nodes: each step builds a quadtree of every shown node, and above that the window
    /// would wait) and move apart where their labels overlap; every other node stays
    /// where it is.
    ///
    /// `moved_by` is how far the user dragged the node: its neighbours are first carried
    /// part of the way (those one hop away more than those two hops away), so that the
    /// refinement starts from where a rubber band would have pulled them.
    pub(super) fn settle_around(&mut self, model: &Model, node: usize, moved_by: [f32; 2]) {
        let slots = shown_slots(&self.visibility.nodes);
        if let Ok(centre) = slots.binary_search(&node) {
            let edges = slot_edges(model, &slots, &self.visibility.edges);
            let mut placed: Vec<[f32; 2]> = slots
                .iter()
                .map(|&n| self.positions.get(n).copied().unwrap_or_default())
                .collect();
            let pinned: Vec<bool> = slots
                .iter()
                .map(|&n| self.pinned.get(n).copied().unwrap_or(false))
                .collect();
            let adjacency = Adjacency::new(slots.len(), edges.iter().copied());
            let near = adjacency.within_hops(centre, 2);
            let next_to = adjacency.within_hops(centre, 1);
            for (slot, place) in placed.iter_mut().enumerate() {
                let pinned_here = pinned.get(slot).copied().unwrap_or(true);
                let share = match (next_to.get(slot), near.get(slot)) {
                    _ if pinned_here || slot == centre => 0.0,
                    (Some(true), _) => NEIGHBOUR_FOLLOWS,
                    (_, Some(true)) => NEIGHBOUR_FOLLOWS / 2.0,
                    _ => 0.0,
                };
                place[0] += share * moved_by[0];
                place[1] += share * moved_by[1];
            }
            if self.layout_kind == LayoutKind::Force && slots.len() <= LOCAL_REFINE_LIMIT {
                let start = placed.clone();
                let mut layout = ForceLayout::around(
                    placed,
                    pinned.clone(),
                    edges.clone(),
                    ForceSettings::default(),
                    centre,
                    2,
                );
                layout.run(FORCE_STEPS);
                placed = layout.positions().to_vec();
                // The refinement may move each node at most one edge length from where
                // the rubber band put it: repulsion from the rest of the drawing must not
                // fling a neighbour across the canvas.
                let reach = median_edge_length(&start, edges.iter().copied()).unwrap_or(0.0);
                for (place, from) in placed.iter_mut().zip(&start) {
                    let (dx, dy) = (place[0] - from[0], place[1] - from[1]);
                    let moved = dx.hypot(dy);
                    if moved > reach && moved > 0.0 {
                        let scale = reach / moved;
                        *place = [from[0] + dx * scale, from[1] + dy * scale];
                    }
                }
            }
            let extents = self.label_extents.as_deref().unwrap_or_default();
            let slot_extents = extents_of_slots(&slots, extents);
            // Out of reach counts as pinned.
            let fixed: Vec<bool> = pinned
                .iter()
                .zip(&near)
                .map(|(&pinned, &near)| pinned || !near)
                .collect();
            let edge_length = median_edge_length(&placed, edges);
            separate(
                self.layout_kind,
                &mut placed,
                &fixed,
                &slot_extents,
                edge_length,
            );
            for (&n, &place) in slots.iter().zip(&placed) {
                if let Some(slot) = self.positions.get_mut(n) {
                    *slot = place;
                }
            }
        }
        self.copy_positions_to_display();
    }
}
