//! Finding an article, node or edge by its id without a second copy of every id.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Something with an id, kept in a list that an [`IdIndex`] indexes.
pub(crate) trait HasId {
    /// The item's id.
    fn id(&self) -> &str;
}

/// The position of each item in a list, by the item's id. The table holds positions
/// only and hashes the ids where the list keeps them: a model of 500,000 elements
/// would otherwise copy 500,000 ids just to find them.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex {
    positions: HashTable<usize>,
    hasher: foldhash::fast::RandomState,
}

impl IdIndex {
    /// Indexes `items`; where two share an id, the later one is found.
    pub(crate) fn new<T: HasId>(items: &[T]) -> Self {
        Self::build(items, None)
    }

    /// Indexes `items`, telling `duplicate` the position of each item whose id an
    /// earlier one has, with the first one's position, in the items' order; where two
    /// share an id, the first one is found.
    pub(crate) fn reporting<T: HasId>(
        items: &[T],
        mut duplicate: impl FnMut(usize, usize),
    ) -> Self {
        Self::build(items, Some(&mut duplicate))
    }

    fn build<T: HasId>(items: &[T], mut duplicate: Option<&mut dyn FnMut(usize, usize)>) -> Self {
        let hasher = foldhash::fast::RandomState::default();
        let mut positions = HashTable::with_capacity(items.len());
        for (position, item) in items.iter().enumerate() {
            let id = item.id();
            let entry = positions.entry(
                hasher.hash_one(id),
                |&other: &usize| items.get(other).is_some_and(|other| other.id() == id),
                |&other: &usize| {
                    items
                        .get(other)
                        .map_or(0, |other| hasher.hash_one(other.id()))
                },
            );
            match entry {
                Entry::Occupied(mut occupied) => match duplicate.as_mut() {
                    Some(duplicate) => duplicate(position, *occupied.get()),
                    None => *occupied.get_mut() = position,
                },
                Entry::Vacant(vacant) => {
                    vacant.insert(position);
                }
            }
        }
        Self { positions, hasher }
    }

    /// The position in `items` (the list this index was built from) of the item with
    /// this id.
    pub(crate) fn find<T: HasId>(&self, items: &[T], id: &str) -> Option<usize> {
        self.positions
            .find(self.hasher.hash_one(id), |&position| {
                items.get(position).is_some_and(|item| item.id() == id)
            })
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item(&'static str);

    impl HasId for Item {
        fn id(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn finds_every_item_by_id_and_nothing_else() {
        let ids: Vec<String> = (0..5_000).map(|n| format!("n{n}")).collect();
        let items: Vec<Item> = ids
            .iter()
            .map(|id| Item(Box::leak(id.clone().into_boxed_str())))
            .collect();
        let index = IdIndex::new(&items);
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.find(&items, id), Some(position));
        }
        assert_eq!(index.find(&items, "n5000"), None);
        assert_eq!(index.find(&items, ""), None);
        assert_eq!(IdIndex::new::<Item>(&[]).find(&items, "n0"), None);
    }

    #[test]
    fn a_later_duplicate_shadows_an_earlier_one() {
        let items = [Item("a"), Item("b"), Item("a")];
        let index = IdIndex::new(&items);
        assert_eq!(index.find(&items, "a"), Some(2));
        assert_eq!(index.find(&items, "b"), Some(1));
    }

    #[test]
    fn reporting_tells_each_later_duplicate_with_the_first_position() {
        let items = [Item("a"), Item("b"), Item("a"), Item("a")];
        let mut told = Vec::new();
        let index = IdIndex::reporting(&items, |position, first| told.push((position, first)));
        assert_eq!(told, [(2, 0), (3, 0)]);
        assert_eq!(index.find(&items, "a"), Some(0));
        assert_eq!(IdIndex::new(&items).find(&items, "a"), Some(3));
    }
}
