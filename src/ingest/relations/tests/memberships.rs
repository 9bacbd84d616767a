//! Membership without a title: "made up of", "collectively known as", "that make up",
//! "one of the factions constituting", "the military wing of".

use super::read;

#[test]
fn an_alliance_made_up_of_its_members_or_known_as_their_name() {
    let members = [
        "Arakan Army member_of Brotherhood Alliance asserted",
        "MNDAA member_of Brotherhood Alliance asserted",
        "TNLA member_of Brotherhood Alliance asserted",
    ];
    assert_eq!(
        read(
            "The Brotherhood Alliance, made up of the TNLA, the MNDAA, and the Arakan Army (AA), has pledged not to attack.",
            false
        ),
        members
    );
    assert_eq!(
        read(
            "Representatives of the TNLA, the Arakan Army and the MNDAA—collectively known as the Brotherhood Alliance—met.",
            false
        ),
        members
    );
    assert_eq!(
        read(
            "Representatives from the groups that make up the Brotherhood Alliance, the TNLA, the MNDAA, and the Arakan Army attended.",
            false
        ),
        members
    );
}

#[test]
fn a_faction_constituting_an_alliance_and_a_party_s_wing_are_its_members() {
    assert_eq!(
        read(
            "A leader from the TNLA, one of the three factions constituting the Brotherhood Alliance, said so.",
            false
        ),
        ["TNLA member_of Brotherhood Alliance asserted"]
    );
    assert_eq!(
        read(
            "The government will re-engage with the New People's Army (NPA), the military wing of the Communist Party.",
            false
        ),
        ["New People's Army member_of Communist Party asserted"]
    );
    // A wing of no party named: nothing.
    assert!(read("The TNLA, the armed wing, fought.", false).is_empty());
}
