//! Who meets, with whom and alongside whom, and who brings the parties together:
//! "officials meeting in", "held a meeting with", "alongside", "coordinates talks",
//! "shuttle between", "convened six rounds of talks", a process brokered by parties.

use super::{ENTITIES, kind, read, read_with_places};
use crate::ingest::mentions::Mention;
use crate::ingest::relations::read_sentence;
use crate::ingest::tokens::tokenize;

#[test]
fn parties_meeting_somewhere_those_they_meet_and_those_alongside_attend() {
    assert_eq!(
        read_with_places(
            "Hamas and Israel officials meeting in Cairo failed to agree.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places("Hamas held a meeting with Qatar in Doha.", true, &["Doha"]),
        [
            "Hamas attends meeting asserted",
            "Qatar attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Hamas met in Cairo alongside representatives from Egypt, Qatar and Turkey.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt attends meeting asserted",
            "Hamas attends meeting asserted",
            "Qatar attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
    // A meeting as a noun is no one's attendance.
    assert!(read_with_places("A meeting in Cairo was planned.", true, &["Cairo"]).is_empty());
}

#[test]
fn coordinating_shuttling_and_convening_talks_is_mediating() {
    assert_eq!(
        read(
            "Qatar coordinates indirect talks between Israel and Hamas.",
            false
        ),
        [
            "Qatar mediates Hamas asserted",
            "Qatar mediates Israel asserted"
        ]
    );
    assert_eq!(
        read("Egypt will shuttle between Israel and Hamas.", false),
        [
            "Egypt mediates Hamas expected",
            "Egypt mediates Israel expected"
        ]
    );
    assert_eq!(
        read("Turkey has convened six rounds of talks.", true),
        ["Turkey mediates meeting asserted"]
    );
    assert_eq!(
        read_with_places("Hamas and Israel convened in Cairo.", true, &["Cairo"]),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    // Coordinating anything but talks says nothing of mediation.
    assert!(read("Egypt coordinated with Israel on aid.", false).is_empty());
}

#[test]
fn the_agents_of_a_brokered_process_are_mediators() {
    let sentence = "The peace process brokered by Egypt and Qatar includes Hamas.";
    let mut mentions = Vec::new();
    for (entity, (name, _)) in ENTITIES.iter().enumerate() {
        if let Some(at) = sentence.find(name) {
            mentions.push(Mention {
                start: at,
                end: at + name.len(),
                entity,
                confidence: 0.9,
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    let tokens = tokenize(sentence, 0, &mentions, &[], &kind);
    let reading = read_sentence(sentence, &tokens, &kind, false, &[]);
    assert_eq!(reading.mediators, [2, 3], "Egypt and Qatar");
    assert!(reading.relations.is_empty());
}

#[test]
fn reaching_a_deal_is_accepting_it_and_so_is_a_deal_reached_between_parties() {
    assert_eq!(
        read("Hamas and Israel have reached the deal.", false),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted"
        ]
    );
    assert_eq!(
        read(
            "After weeks, the deal has been reached between Hamas and Israel.",
            false
        ),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted"
        ]
    );
    // Reaching a place, or a deal named after "between" without a passive, is not.
    assert!(read("Hamas reached Cairo on Sunday.", false).is_empty());
    assert!(read("Talks on the deal between Hamas and Israel stalled.", false).is_empty());
}

#[test]
fn those_by_whom_placed_and_dated_talks_are_attended_attend_them() {
    assert_eq!(
        read_with_places(
            "The talks in Cairo on Friday were attended by Hamas and Qatar.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Qatar attends meeting asserted"
        ]
    );
    // "Azerbaijan's president, Ilham Aliyev,": the person stands for the list's element.
    assert_eq!(
        read_with_places(
            "Israel spoke at a ceremony in Cairo attended by Azerbaijan's president, Ilham Aliyev, and Turkey.",
            true,
            &["Cairo"]
        ),
        [
            "Ilham Aliyev attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
    // Not talks: a city attended by no one.
    assert!(
        read_with_places(
            "The fighting in Cairo on Friday was ended by Hamas.",
            true,
            &["Cairo"]
        )
        .iter()
        .all(|line| !line.contains("attends"))
    );
}

#[test]
fn those_a_deal_is_signed_with_accept_it_but_not_those_who_helped() {
    assert_eq!(
        read(
            "Israel signed the deal two years earlier with Hamas.",
            false
        ),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted"
        ]
    );
    assert_eq!(
        read("Israel signed the deal with the help of Qatar.", false),
        ["Israel accepts the deal asserted"]
    );
}

#[test]
fn speakers_at_the_talks_those_invited_and_observers_take_part() {
    assert_eq!(
        read_with_places(
            "Hamas said at the ceremony in Cairo that it was ready.",
            true,
            &["Cairo"]
        ),
        ["Hamas attends meeting asserted"]
    );
    // Said somewhere that is no talks: no attendance.
    assert!(
        read_with_places(
            "Hamas said at a rally in Cairo that it was ready.",
            true,
            &["Cairo"]
        )
        .iter()
        .all(|line| !line.contains("attends"))
    );
    assert_eq!(
        read_with_places(
            "Egypt has invited Israel and Hamas to peace talks in Cairo.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting expected",
            "Israel attends meeting expected"
        ]
    );
    assert_eq!(
        read_with_places(
            "Egypt has not invited Hamas to talks in Cairo.",
            true,
            &["Cairo"]
        ),
        ["Hamas attends meeting negated"]
    );
    assert_eq!(
        read_with_places(
            "Qatar and Turkey had observer status at the talks.",
            true,
            &[]
        ),
        [
            "Qatar attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
    // Parties that act "at talks" take part in them.
    assert_eq!(
        read_with_places(
            "Israel and Hamas agreed to the deal at talks in Cairo.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas accepts the deal asserted",
            "Hamas attends meeting asserted",
            "Israel accepts the deal asserted",
            "Israel attends meeting asserted"
        ]
    );
}

#[test]
fn a_group_named_only_by_its_noun_after_and_its_leaves_the_named_party_acting() {
    assert_eq!(
        read(
            "Israel and its largest remaining guerrilla group have agreed to the deal.",
            false
        ),
        ["Israel accepts the deal asserted"]
    );
}

#[test]
fn who_controls_an_armed_force_leads_it_not_a_border() {
    assert_eq!(
        read("Ilham Aliyev, who controls Hamas, spoke.", false),
        ["Ilham Aliyev leads Hamas asserted"]
    );
    // A party before a noun names the noun: "the Israel border".
    assert!(read("Hamas controls the Israel border.", false).is_empty());
}

#[test]
fn a_party_that_only_possesses_the_object_is_no_object() {
    assert!(read("Egypt welcomed the gesture of the Hamas leaders.", false).is_empty());
    assert_eq!(
        read("Egypt urged the leaders of Hamas to accept.", false),
        ["Egypt pressures Hamas asserted"]
    );
}

#[test]
fn people_given_their_office_after_a_comma_act_for_themselves_in_a_list() {
    // "NAME, president of PARTY": the person acts; an honorific joins nothing; a place's
    // country after its comma is no party of the list.
    assert_eq!(
        read_with_places(
            "In Cairo, Egypt, His Excellency Ilham Aliyev, president of Azerbaijan and His Excellency Nikol Pashinyan, president of Turkey held talks.",
            true,
            &["Cairo"]
        ),
        [
            "Ilham Aliyev attends meeting asserted",
            "Nikol Pashinyan attends meeting asserted"
        ]
    );
    // "Signed at a ceremony attended by Azerbaijan President Ilham Aliyev, Turkey
    // Commission Chairperson Nikol Pashinyan": titles before each person.
    assert_eq!(
        read_with_places(
            "The ceremony in Cairo was attended by Azerbaijan President Ilham Aliyev, Turkey Commission Chairperson Nikol Pashinyan and Qatar.",
            true,
            &["Cairo"]
        ),
        [
            "Ilham Aliyev attends meeting asserted",
            "Nikol Pashinyan attends meeting asserted",
            "Qatar attends meeting asserted"
        ]
    );
}

#[test]
fn officials_named_by_their_office_stand_for_the_parties_after_of() {
    assert_eq!(
        read_with_places(
            "Egypt spoke after two days of talks involving a top Hamas envoy and the foreign ministers of Qatar, Turkey and Israel.",
            true,
            &[]
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted",
            "Qatar attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
    // "no US president would abandon the deal": a subject, no absent delegation.
    assert!(
        read_with_places(
            "The talks broke down as no Israel would abandon the deal.",
            true,
            &[]
        )
        .iter()
        .all(|line| !line.contains("attends"))
    );
    assert_eq!(
        read_with_places("The talks saw no Israel in Cairo.", true, &["Cairo"]),
        ["Israel attends meeting negated"]
    );
}

#[test]
fn who_signs_on_a_party_s_behalf_is_its_member() {
    assert_eq!(
        read(
            "Ilham Aliyev signed on behalf of the government of Azerbaijan.",
            false
        ),
        ["Ilham Aliyev member_of Azerbaijan asserted"]
    );
    // The party right after, not a list running on into the next clause.
    assert_eq!(
        read(
            "Ilham Aliyev signed on behalf of the government of Azerbaijan, and foreign minister Nikol Pashinyan signed too.",
            false
        ),
        ["Ilham Aliyev member_of Azerbaijan asserted"]
    );
    // Whose behalf no party is named for: nothing.
    assert!(read("Ilham Aliyev signed on behalf of his people.", false).is_empty());
}

#[test]
fn those_brought_together_or_participating_attend_and_who_brings_them_mediates() {
    assert_eq!(
        read_with_places(
            "The summit in Cairo brought together Hamas and Israel.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Egypt brought together Hamas and Israel in Cairo.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt mediates meeting asserted",
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Turkey participated in the talks in Cairo.",
            true,
            &["Cairo"]
        ),
        ["Turkey attends meeting asserted"]
    );
    assert_eq!(
        read_with_places(
            "Turkey held bilateral and trilateral meetings in Cairo.",
            true,
            &["Cairo"]
        ),
        ["Turkey attends meeting asserted"]
    );
}

#[test]
fn a_party_that_leads_talks_mediates_them_and_a_round_is_its_body_s() {
    assert_eq!(
        read_with_places(
            "A new round of the Turkey-led talks in Cairo began.",
            true,
            &["Cairo"]
        ),
        ["Turkey mediates meeting asserted"],
        "Turkey leads the talks, it is no party to them"
    );
    assert_eq!(
        read_with_places(
            "The fourth round of the Russian 5 Turkey commission began in Cairo.",
            true,
            &["Cairo"]
        ),
        ["Turkey attends meeting asserted"],
        "a demonym and a number before the body only qualify it"
    );
}

#[test]
fn who_invites_the_parties_hosts_them_and_their_ministers_come_along() {
    assert_eq!(
        read_with_places(
            "At the invitation of Egypt, Hamas, Israel, and their respective foreign ministers gathered in Cairo.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt hosts meeting asserted",
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Hamas met in Cairo at Qatar's invitation.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Qatar hosts meeting asserted"
        ]
    );
}

#[test]
fn those_met_may_be_officials_from_parties_listed_with_plus() {
    assert_eq!(
        read_with_places(
            "Turkey is meeting with foreign ministers from Hamas, Israel and Egypt plus leaders of Qatar in Cairo.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt attends meeting asserted",
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted",
            "Qatar attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
}

#[test]
fn heading_to_talks_is_travel_not_leading() {
    assert_eq!(
        read_with_places(
            "Hamas and Israel have headed to Cairo to launch talks.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
}

#[test]
fn who_chairs_talks_mediates_and_those_talks_involve_attend() {
    assert_eq!(
        read_with_places(
            "The talks in Cairo are co-chaired by representatives of Egypt and Qatar.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt mediates meeting asserted",
            "Qatar mediates meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "The co-chairs from Egypt and Qatar said the talks in Cairo went well.",
            true,
            &["Cairo"]
        ),
        [
            "Egypt mediates meeting asserted",
            "Qatar mediates meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "The talks in Cairo involve participants from Hamas, Israel and Turkey.",
            true,
            &["Cairo"]
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted",
            "Turkey attends meeting asserted"
        ]
    );
    // What a deal involves is no one's attendance.
    assert!(
        read_with_places(
            "The deal signed in Cairo involves Israel releasing prisoners.",
            true,
            &["Cairo"]
        )
        .iter()
        .all(|line| !line.contains("attends")),
    );
}

#[test]
fn a_meeting_awaited_until_parties_meet_is_none_of_the_sentence_s_talks() {
    assert_eq!(
        read(
            "No deal is due until Hamas and Israel meet directly in the talks.",
            true
        ),
        Vec::<String>::new()
    );
    // A meeting told in a "before" clause took place.
    assert_eq!(
        read(
            "Before Hamas and Israel met in the talks, Qatar spoke.",
            true
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
}
