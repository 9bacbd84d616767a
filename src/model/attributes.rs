//! The attributes an imported graph file gives an element, kept as a short sorted list:
//! most elements have a few (Gephi's class, a GraphML datum), and a map per element cost
//! 650 bytes for one attribute where this costs 56.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// Attributes an imported graph file gives an element (Gephi columns, GraphML data,
/// node-link fields, CSV columns), by name, in name order. Values keep their JSON type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attributes {
    /// Sorted by name, names unique, capacity exactly the length.
    entries: Vec<(String, Value)>,
}

impl Attributes {
    /// No attributes.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(key, _)| key.as_str().cmp(name))
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        let index = self.find(name).ok()?;
        self.entries.get(index).map(|(_, value)| value)
    }

    /// Whether there is a value for `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` to `value`; the value it had, if any.
    pub fn insert(&mut self, name: String, value: Value) -> Option<Value> {
        match self.find(&name) {
            Ok(index) => self
                .entries
                .get_mut(index)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(index) => {
                self.entries.reserve_exact(1);
                self.entries.insert(index, (name, value));
                None
            }
        }
    }

    /// Sets `name` to `value()` unless it has a value.
    pub fn insert_if_absent(&mut self, name: &str, value: impl FnOnce() -> Value) {
        if let Err(index) = self.find(name) {
            self.entries.reserve_exact(1);
            self.entries.insert(index, (name.to_owned(), value()));
        }
    }

    /// Takes `name` out; its value, if it had one.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let index = self.find(name).ok()?;
        let (_, value) = self.entries.remove(index);
        self.entries.shrink_to_fit();
        Some(value)
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(name, _)| name)
    }

    /// Names and values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(name, value)| (name, value))
    }
}

impl<'a> IntoIterator for &'a Attributes {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(name, value)| (name, value))
    }
}

impl IntoIterator for Attributes {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl FromIterator<(String, Value)> for Attributes {
    /// The last value of a name given twice wins, as in a map.
    fn from_iter<T: IntoIterator<Item = (String, Value)>>(pairs: T) -> Self {
        let mut attributes = Self::new();
        for (name, value) in pairs {
            attributes.insert(name, value);
        }
        attributes
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, value) in &self.entries {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Value>::deserialize(deserializer)?;
        let mut entries: Vec<(String, Value)> = map.into_iter().collect();
        entries.shrink_to_fit();
        Ok(Self { entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn attributes_behave_as_a_sorted_map() {
        let mut attributes = Attributes::new();
        assert_eq!(attributes.insert("b".into(), json!(2)), None);
        assert_eq!(attributes.insert("a".into(), json!("x")), None);
        assert_eq!(attributes.insert("b".into(), json!(3)), Some(json!(2)));
        assert_eq!(attributes.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(attributes.get("b"), Some(&json!(3)));
        assert!(attributes.contains_key("a") && !attributes.contains_key("c"));
        let text = serde_json::to_string(&attributes).unwrap();
        assert_eq!(text, r#"{"a":"x","b":3}"#);
        let back: Attributes = serde_json::from_str(r#"{"b":3,"a":"x"}"#).unwrap();
        assert_eq!(back, attributes);
        assert_eq!(attributes.remove("a"), Some(json!("x")));
        assert_eq!(attributes.len(), 1);
        let collected: Attributes = [("z".to_owned(), json!(1)), ("y".to_owned(), json!(2))]
            .into_iter()
            .collect();
        assert_eq!(collected.keys().collect::<Vec<_>>(), ["y", "z"]);
    }
}
