use std::marker::PhantomData;

use egui::{Context, Painter, Shape};
use petgraph::graph::IndexType;
use petgraph::EdgeType;

use crate::{
    layouts::{Layout, LayoutState},
    metadata::MetadataFrame,
    settings::SettingsStyle,
    Graph,
};

use super::{DisplayEdge, DisplayNode};

/// Contains all the data about current widget state which is needed for custom drawing functions.
pub struct DrawContext<'a> {
    pub ctx: &'a Context,
    pub painter: &'a Painter,
    pub style: &'a SettingsStyle,
    pub is_directed: bool,
    pub meta: &'a MetadataFrame,
}

pub(crate) struct Drawer<'a, N, E, Ty, Ix, Nd, Ed, S, L>
where
    N: Clone,
    E: Clone,
    Ty: EdgeType,
    Ix: IndexType,
    Nd: DisplayNode<N, E, Ty, Ix>,
    Ed: DisplayEdge<N, E, Ty, Ix, Nd>,
    S: LayoutState,
    L: Layout<S>,
{
    ctx: &'a DrawContext<'a>,
    g: &'a mut Graph<N, E, Ty, Ix, Nd, Ed>,
    delayed: Vec<Shape>,
    /// Shapes of this frame, handed to the painter at once (one lock of the context
    /// instead of one per shape).
    painted: Vec<Shape>,

    _marker: PhantomData<(Nd, Ed, L, S)>,
}

impl<'a, N, E, Ty, Ix, Nd, Ed, S, L> Drawer<'a, N, E, Ty, Ix, Nd, Ed, S, L>
where
    N: Clone,
    E: Clone,
    Ty: EdgeType,
    Ix: IndexType,
    Nd: DisplayNode<N, E, Ty, Ix>,
    Ed: DisplayEdge<N, E, Ty, Ix, Nd>,
    S: LayoutState,
    L: Layout<S>,
{
    pub(crate) fn new(g: &'a mut Graph<N, E, Ty, Ix, Nd, Ed>, ctx: &'a DrawContext<'a>) -> Self {
        Drawer {
            ctx,
            g,
            delayed: Vec::new(),
            painted: Vec::new(),
            _marker: PhantomData,
        }
    }

    /// Renders the graph for the current frame.
    ///
    /// Order matters:
    /// 1. `update_nodes` syncs each node's display object from its props so edge geometry
    ///    (which reads node display boundary points) uses fresh positions / sizes.
    /// 2. `draw_edges` builds edge shapes using the updated node display state.
    /// 3. `draw_nodes` paints nodes (non‑selected first) while deferring highlighted ones.
    /// 4. `draw_delayed` paints deferred (selected / dragged) shapes on top.
    pub(crate) fn draw(mut self) {
        self.update_nodes();
        self.draw_edges();
        self.draw_nodes();
        self.draw_delayed();
    }

    /// Synchronizes node display state with their current props without emitting shapes.
    ///
    /// This is a separate pass so edges can rely on `DisplayNode` geometry (e.g. boundary
    /// points) already being in sync when computing connector positions.
    fn update_nodes(&mut self) {
        self.g
            .g_mut()
            .node_indices()
            .collect::<Vec<_>>()
            .into_iter()
            .for_each(|idx| {
                if let Some(n) = self.g.node_mut(idx) {
                    n.update_display();
                }
            });
    }

    fn draw_delayed(&mut self) {
        let mut painted = std::mem::take(&mut self.painted);
        painted.append(&mut self.delayed);
        self.ctx.painter.extend(painted);
    }

    fn draw_nodes(&mut self) {
        self.g
            .g_mut()
            .node_indices()
            .collect::<Vec<_>>()
            .into_iter()
            .for_each(|idx| {
                let Some(n) = self.g.node_mut(idx) else {
                    return;
                };
                let shapes = n.display_mut().shapes(self.ctx);

                if n.selected() || n.dragged() {
                    for s in shapes {
                        self.delayed.push(s);
                    }
                } else {
                    for s in shapes {
                        self.painted.push(s);
                    }
                }
            });
    }

    fn draw_edges(&mut self) {
        let edges: Vec<_> = if Ed::draws_unselected(self.ctx) {
            self.g.g_mut().edge_indices().collect()
        } else {
            // Only the selected edges (listed by the view's `sync_state` this frame) are
            // drawn: the others are not visited at all.
            self.g.selected_edges().to_vec()
        };
        edges.into_iter().for_each(|idx| {
            let Some((idx_start, idx_end)) = self.g.edge_endpoints(idx) else {
                return;
            };
            let (Some(start), Some(end), Some(e)) = (
                self.g.node(idx_start),
                self.g.node(idx_end),
                self.g.edge(idx),
            ) else {
                return;
            };
            if !e
                .display()
                .may_show(start.location(), end.location(), self.ctx)
            {
                return;
            }

            // Only the edge's display is copied out (the nodes are borrowed), so the
            // edge can be drawn while its end nodes are read.
            let Some(e) = self.g.edge_mut(idx) else {
                return;
            };
            e.update_display();
            if !e.display().is_drawn(self.ctx) {
                return;
            }
            let mut display = e.display().clone();
            let (Some(start), Some(end)) = (self.g.node(idx_start), self.g.node(idx_end)) else {
                return;
            };
            let shapes = display.shapes(start, end, self.ctx);
            let Some(e) = self.g.edge_mut(idx) else {
                return;
            };
            *e.display_mut() = display;

            if e.selected() {
                for s in shapes {
                    self.delayed.push(s);
                }
            } else {
                for s in shapes {
                    self.painted.push(s);
                }
            }
        });
    }
}
