//! The closed vocabularies of the dataset format: node kinds, subtypes, relations,
//! modalities and meeting statuses. Each is spelt in files exactly as `as_str` returns.

/// Defines a closed vocabulary: an enum with `ALL`, `as_str`, `parse`, `Display` and serde
/// as its spelling in files.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in dataset files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The spelling as words for people to read: "member of" for `member_of`.
            pub fn words(self) -> String {
                self.as_str().replace('_', " ")
            }

            /// Parses the spelling used in dataset files.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The accepted spellings, comma-separated, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|value| value.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown value \"{text}\"; expected one of {}",
                        Self::expected()
                    ))
                })
            }
        }
    };
}

vocabulary! {
    /// What a node stands for.
    NodeKind {
        /// A party with interests of its own: a state, a group, a leader, a negotiator.
        Actor => "actor",
        /// A party that brokers between others.
        Mediator => "mediator",
        /// Talks, a round of negotiations, a meeting at a place and time.
        Meeting => "meeting",
        /// A demand, offer or position that parties put forward or reject.
        Demand => "demand",
        /// A node of an imported graph that names none of the kinds above.
        Entity => "entity",
    }
}

impl NodeKind {
    /// The plural, capitalised, for headings ("Entities").
    pub fn plural(self) -> &'static str {
        match self {
            Self::Actor => "Actors",
            Self::Mediator => "Mediators",
            Self::Meeting => "Meetings",
            Self::Demand => "Demands",
            Self::Entity => "Entities",
        }
    }
}

vocabulary! {
    /// A finer classification of actors and mediators.
    Subtype {
        /// A single person.
        Person => "person",
        /// A state or country.
        State => "state",
        /// A government or a part of one (a cabinet, a ministry).
        Government => "government",
        /// An organisation, a party or a movement.
        Organisation => "organisation",
        /// A delegation or negotiating team.
        Delegation => "delegation",
        /// A newspaper, broadcaster or news agency.
        Media => "media",
        /// A court or its officers.
        Court => "court",
        /// An army or another armed force.
        Military => "military",
        /// An intelligence or other state agency.
        Agency => "agency",
        /// An international body (the UN and its offices).
        InternationalBody => "international_body",
    }
}

vocabulary! {
    /// What an edge says its source does to its target.
    Relation {
        /// The source demands the target (a demand node, or something of a party).
        Demands => "demands",
        /// The source rejects the target.
        Rejects => "rejects",
        /// The source accepts the target.
        Accepts => "accepts",
        /// The source proposes the target.
        Proposes => "proposes",
        /// The source offers the target in exchange for something.
        Offers => "offers",
        /// The source mediates the target (talks, or between parties).
        Mediates => "mediates",
        /// The source attends the target meeting.
        Attends => "attends",
        /// The source hosts the target meeting.
        Hosts => "hosts",
        /// The source leads the target (a delegation, a government).
        Leads => "leads",
        /// The source is a member of the target.
        MemberOf => "member_of",
        /// The source opposes the target.
        Opposes => "opposes",
        /// The source supports the target.
        Supports => "supports",
        /// The source pressures the target.
        Pressures => "pressures",
        /// The source blames or accuses the target.
        Blames => "blames",
        /// An edge of an imported graph that names none of the relations above; its own
        /// label, if the file gives one, is kept as the edge's label.
        Link => "link",
    }
}

vocabulary! {
    /// How firmly the text states an edge.
    Modality {
        /// Stated as fact.
        Asserted => "asserted",
        /// Stated as expected or planned.
        Expected => "expected",
        /// Reported and denied.
        Denied => "denied",
        /// Stated as a possibility or a condition.
        Hypothetical => "hypothetical",
        /// Stated as not so ("did not accept"): the relation is reported as absent.
        Negated => "negated",
    }
}

vocabulary! {
    /// Whether a meeting took place.
    MeetingStatus {
        /// It took place.
        Held => "held",
        /// It is planned or expected.
        Planned => "planned",
        /// It is reported by others and not confirmed.
        Reported => "reported",
        /// Reports of it were denied.
        Denied => "denied",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_spelling() {
        for relation in Relation::ALL {
            assert_eq!(Relation::parse(relation.as_str()), Some(*relation));
        }
        for kind in NodeKind::ALL {
            assert_eq!(NodeKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(Relation::parse("member_of"), Some(Relation::MemberOf));
        assert_eq!(Relation::parse("Demands"), None);
    }

    #[test]
    fn expected_lists_every_spelling() {
        assert_eq!(MeetingStatus::expected(), "held, planned, reported, denied");
    }
}
