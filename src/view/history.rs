//! Undo and redo of view actions, as whole snapshots of the view state.

/// How many steps are kept.
pub const HISTORY_LIMIT: usize = 200;

/// Past and undone states of a view.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Records the state before an action; what was undone can no longer be redone.
    pub fn record(&mut self, before: T) {
        self.undo.push(before);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The state to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// The state to go forward to, given the current one (kept for undo).
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_states() {
        let mut history = History::default();
        let mut state = 0;
        for next in 1..=3 {
            history.record(state);
            state = next;
        }
        state = history.undo(state).unwrap();
        assert_eq!(state, 2);
        state = history.undo(state).unwrap();
        assert_eq!(state, 1);
        state = history.redo(state).unwrap();
        assert_eq!(state, 2);
        history.record(state);
        state = 9;
        assert!(!history.can_redo(), "a new action drops what was undone");
        assert_eq!(history.undo(state), Some(2));
    }

    #[test]
    fn keeps_at_most_the_limit() {
        let mut history = History::default();
        for step in 0..(HISTORY_LIMIT + 10) {
            history.record(step);
        }
        let mut count = 0;
        let mut state = 0;
        while let Some(previous) = history.undo(state) {
            state = previous;
            count += 1;
        }
        assert_eq!(count, HISTORY_LIMIT);
        assert_eq!(state, 10);
    }
}
