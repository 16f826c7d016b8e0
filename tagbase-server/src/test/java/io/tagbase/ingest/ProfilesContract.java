package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.AttributeType;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewAttribute;
import io.tagbase.customer.NewCustomer;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.TagKeys;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.web.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles as data arrives: upserts, identity normalisation, merges, event de-duplication. */
abstract class ProfilesContract extends ProfilesFixture {
  @Test
  void upsertCreatesThenUpdatesByExternalIdKeepingWhatIsNotSent() {
    String id = unique("c");
    var created =
        profiles.upsert(
            new NewCustomer(id, "张三", null, 30, "上海", null, null, null, null, null, null), "t");
    var updated =
        profiles.upsert(
            new NewCustomer(id, null, null, 31, null, null, null, null, null, null, null), "t");
    assertThat(created.created()).isTrue();
    assertThat(updated.created()).isFalse();
    assertThat(updated.customer().displayName()).isEqualTo("张三");
    assertThat(updated.customer().age()).isEqualTo(31);
  }

  @Test
  void phoneWrittenAnotherWayFindsTheSameProfile() {
    String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
    var first =
        profiles.upsert(
            data(null, Map.of("phone", phone.substring(0, 3) + " " + phone.substring(3)), null),
            "t");
    var second = profiles.upsert(data(null, Map.of("phone", "+86" + phone), null), "t");
    assertThat(second.created()).isFalse();
    assertThat(second.customer().id()).isEqualTo(first.customer().id());
    assertThat(profiles.lookup(Identity.of(IdentityKind.PHONE, "0086" + phone))).isPresent();
  }

  @Test
  void sharedIdentifierMergesProfilesKeepingEventsTagsAttributesAndHistory() {
    String plan = attribute(AttributeType.STRING, false);
    String level = attribute(AttributeType.NUMBER, false);
    String user = unique("u");
    String anon = unique("a");
    var a =
        profiles.upsert(data(null, Map.of("userId", user), Map.of(plan, "pro")), "t").customer();
    var b =
        profiles
            .upsert(data(null, Map.of("anonymousId", anon), Map.of(plan, "free", level, 3)), "t")
            .customer();
    String tagA = flagTag();
    String tagB = flagTag();
    tagging.assign(a.externalId(), tagA, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
    tagging.assign(b.externalId(), tagB, AssignOptions.NONE, AssignmentSource.MANUAL, "t");
    events.ingest(List.of(event(user, unique("m"))), "t");
    events.ingest(
        List.of(
            new IncomingEvent(
                null,
                List.of(Identity.of(IdentityKind.ANONYMOUS_ID, anon)),
                "viewed",
                Instant.parse("2026-01-02T00:00:00Z"),
                null,
                unique("m"),
                null,
                null,
                "test")),
        "t");
    int population = index.population();

    var merged =
        profiles.upsert(data(null, Map.of("userId", user, "anonymousId", anon), null), "t");

    assertThat(merged.merged()).isEqualTo(1);
    assertThat(merged.customer().id()).isEqualTo(a.id());
    assertThat(customers.find(b.externalId())).isEmpty();
    var profile = profiles.profile(a.externalId());
    assertThat(profile.identities())
        .extracting(Identity::kind)
        .contains(IdentityKind.USER_ID, IdentityKind.ANONYMOUS_ID);
    assertThat(profile.attributes()).containsEntry(plan, "pro").containsEntry(level, "3");
    assertThat(profile.history()).extracting(h -> h.kind()).contains("MERGED");
    assertThat(customers.recentEvents(a.externalId(), 10)).hasSize(2);
    assertThat(tagging.tagsOf(a.externalId()))
        .extracting(t -> t.code())
        .containsExactlyInAnyOrder(tagA, tagB);
    assertThat(index.tagsOf(a.externalId())).contains(tagA, tagB);
    assertThat(index.tagsOf(b.externalId())).isEmpty();
    assertThat(index.population()).isEqualTo(population - 1);
  }

  @Test
  void mergeKeepsTheKeptProfilesLayeredValue() {
    String category = unique("cat_");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 0));
    String tier = unique("tier_");
    taxonomy.createTag(
        new NewTag(
            tier,
            category,
            "等级",
            "Tier",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new TagValue("gold", "金", "Gold"), new TagValue("silver", "银", "Silver")),
            null,
            null,
            null),
        "t");
    String user = unique("u");
    String crm = unique("crm");
    var a = profiles.upsert(data(null, Map.of("userId", user), null), "t").customer();
    var b = profiles.upsert(data(null, Map.of("crmId", crm), null), "t").customer();
    tagging.assign(a.externalId(), tier, AssignOptions.value("gold"), AssignmentSource.MANUAL, "t");
    tagging.assign(
        b.externalId(), tier, AssignOptions.value("silver"), AssignmentSource.MANUAL, "t");
    profiles.upsert(data(null, Map.of("userId", user, "crmId", crm), null), "t");
    assertThat(tagging.tagsOf(a.externalId()))
        .singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo("gold"));
    assertThat(index.count(TagKeys.of(tier, "silver"))).isZero();
  }

  @Test
  void aliasJoinsAnEarlierUserIdsProfile() {
    String old = unique("old");
    String current = unique("new");
    var before = profiles.upsert(data(old, Map.of("userId", old), null), "t").customer();
    events.ingest(List.of(event(old, unique("m"))), "t");
    var kept = profiles.alias(old, Identity.of(IdentityKind.USER_ID, current), "t");
    assertThat(customers.find(before.externalId()).isEmpty() || kept.id() == before.id()).isTrue();
    assertThat(profiles.lookup(Identity.of(IdentityKind.USER_ID, old)).orElseThrow().id())
        .isEqualTo(kept.id());
    assertThat(customers.recentEvents(kept.externalId(), 10)).hasSize(1);
  }

  @Test
  void aUserIdEqualToAProfilesExternalIdJoinsThatProfile() {
    // A profile created by its external id alone (customer API, an event with customerId), no
    // USER_ID identity: a user id equal to it is the id a profile made from that user id would get.
    String user = unique("u");
    var existing = profiles.upsert(data(user, Map.of(), null), "t").customer();
    var resolved = profiles.resolve(List.of(Identity.of(IdentityKind.USER_ID, user)), "t");
    assertThat(resolved.id()).isEqualTo(existing.id());
    assertThat(profiles.lookup(Identity.of(IdentityKind.USER_ID, user)).orElseThrow().id())
        .isEqualTo(existing.id());

    String other = unique("u");
    var second = profiles.upsert(data(other, Map.of(), null), "t").customer();
    String anonymous = unique("a");
    profiles.resolve(List.of(Identity.of(IdentityKind.ANONYMOUS_ID, anonymous)), "t");
    var aliased = profiles.alias(anonymous, Identity.of(IdentityKind.USER_ID, other), "t");
    assertThat(aliased.id()).isEqualTo(second.id());
    assertThat(
            profiles.lookup(Identity.of(IdentityKind.ANONYMOUS_ID, anonymous)).orElseThrow().id())
        .isEqualTo(second.id());
  }

  @Test
  void anEventSentTwiceIsStoredOnce() {
    String user = unique("u");
    String message = unique("m");
    IngestResult first = events.ingest(List.of(event(user, message), event(user, message)), "t");
    IngestResult again = events.ingest(List.of(event(user, message)), "t");
    assertThat(first.accepted()).isEqualTo(1);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(again.accepted()).isZero();
  }

  @Test
  void valuesAreCheckedAgainstTheSchemaNamingTheField() {
    String level = attribute(AttributeType.NUMBER, false);
    assertThatThrownBy(() -> profiles.upsert(data(unique("c"), null, Map.of(level, "lots")), "t"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("attributes." + level);
    assertThatThrownBy(() -> profiles.upsert(data(unique("c"), null, Map.of("nope_field", 1)), "t"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("add it to the schema");
  }

  @Test
  void enumFieldWithoutOptionsIsRefused() {
    assertThatThrownBy(
            () ->
                schema.define(
                    new NewAttribute(
                        unique("e_"),
                        "枚举",
                        "Enum",
                        AttributeType.ENUM,
                        List.of(),
                        false,
                        false,
                        null)))
        .isInstanceOf(InvalidInputException.class);
  }
}
