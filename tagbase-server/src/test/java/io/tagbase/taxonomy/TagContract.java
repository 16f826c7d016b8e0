package io.tagbase.taxonomy;

import static io.tagbase.taxonomy.TaxonomyFixtures.layered;
import static io.tagbase.taxonomy.TaxonomyFixtures.renamed;
import static io.tagbase.taxonomy.TaxonomyFixtures.stages;
import static io.tagbase.taxonomy.TaxonomyFixtures.tag;
import static io.tagbase.taxonomy.TaxonomyFixtures.unique;
import static io.tagbase.taxonomy.TaxonomyFixtures.withValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tag definition rules of issue 3: what may change, and that every change is a version. */
abstract class TagContract extends CategoryContract {
  @Autowired TagEditor tags;

  TagDefinition newTag(String category, TagStatus status) {
    return taxonomy.createTag(tag(unique("tag"), category, status), "creator");
  }

  TagDefinition newLayered(String category) {
    return taxonomy.createTag(layered(unique("stage"), category, stages()), "creator");
  }

  @Test
  void updateStoresTheNewDefinitionAsVersionTwoWithWhoMadeIt() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    TagDefinition updated = tags.update(t.code(), renamed(t, category, "新名", "New"), "alice");
    assertThat(updated.nameZh()).isEqualTo("新名");
    assertThat(updated.version()).isEqualTo(2);
    TagVersion latest = taxonomy.versions(t.code()).get(0);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.change()).isEqualTo("UPDATE");
    assertThat(latest.changedBy()).isEqualTo("alice");
    assertThat(latest.definition()).contains("\"nameZh\":\"新名\"").contains("\"version\":2");
  }

  @Test
  void versionsAreListedNewestFirst() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    tags.update(t.code(), renamed(t, category, "二", "Two"), "alice");
    tags.changeStatus(t.code(), new StatusChange("DEPRECATED", null), "bob");
    assertThat(taxonomy.versions(t.code()))
        .extracting(TagVersion::version, TagVersion::change, TagVersion::changedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "STATUS", "bob"),
            org.assertj.core.groups.Tuple.tuple(2, "UPDATE", "alice"),
            org.assertj.core.groups.Tuple.tuple(1, "CREATE", "creator"));
  }

  @Test
  void updateThatChangesNothingStoresNoVersion() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    tags.update(t.code(), renamed(t, category, t.nameZh(), t.nameEn()), "alice");
    assertThat(taxonomy.get(t.code()).version()).isEqualTo(1);
    assertThat(taxonomy.versions(t.code())).hasSize(1);
  }

  @Test
  void everyEditableFieldCanChange() {
    String category = newCategory(null);
    String other = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    var update =
        new TagUpdate(
            t.code(),
            other,
            "改",
            "Changed",
            "新描述",
            "New description",
            TagKind.MODEL,
            "data team",
            TagValueType.FLAG,
            List.of(),
            RefreshMode.SCHEDULED,
            90,
            Sensitivity.SENSITIVE,
            TagStatus.ACTIVE,
            1);
    TagDefinition u = tags.update(t.code(), update, "alice");
    assertThat(u.categoryId()).isEqualTo(stored(other).id());
    assertThat(u.descriptionEn()).isEqualTo("New description");
    assertThat(u.kind()).isEqualTo(TagKind.MODEL);
    assertThat(u.owner()).isEqualTo("data team");
    assertThat(u.refreshMode()).isEqualTo(RefreshMode.SCHEDULED);
    assertThat(u.defaultTtlDays()).isEqualTo(90);
    assertThat(u.sensitivity()).isEqualTo(Sensitivity.SENSITIVE);
  }

  @Test
  void codeCannotChange() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    var update =
        new TagUpdate(
            "another_code",
            category,
            "名",
            "Name",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> tags.update(t.code(), update, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("code"));
  }

  @Test
  void valueTypeCannotChange() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    var update =
        new TagUpdate(
            null,
            category,
            "名",
            "Name",
            null,
            null,
            null,
            null,
            TagValueType.LAYERED,
            stages(),
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> tags.update(t.code(), update, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value type");
  }

  @Test
  void statusCannotChangeThroughAnUpdate() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    var update =
        new TagUpdate(
            null,
            category,
            "名",
            "Name",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            TagStatus.ARCHIVED,
            null);
    assertThatThrownBy(() -> tags.update(t.code(), update, "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/status");
  }

  @Test
  void staleExpectedVersionIsAConflict() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    tags.update(t.code(), renamed(t, category, "一", "One"), "alice");
    TagUpdate stale = TagUpdate.moving(t, category); // expects version 1, the tag is at 2
    assertThatThrownBy(() -> tags.update(t.code(), stale, "bob"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 1 to version 2");
  }

  @Test
  void unknownCategoryIsRefused() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    assertThatThrownBy(() -> tags.update(t.code(), renamed(t, "nowhere", "名", "N"), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nowhere");
  }

  @Test
  void moveToAnotherCategoryIsAnUpdateVersion() {
    String from = newCategory(null);
    String to = newCategory(null);
    TagDefinition t = newTag(from, TagStatus.ACTIVE);
    TagDefinition moved = tags.move(t.code(), to, "alice");
    assertThat(moved.categoryId()).isEqualTo(stored(to).id());
    assertThat(taxonomy.versions(t.code()).get(0).change()).isEqualTo("UPDATE");
  }

  @Test
  void layeredValuesCanBeAddedRenamedAndReordered() {
    String category = newCategory(null);
    TagDefinition t = newLayered(category);
    List<TagValue> values =
        List.of(
            new TagValue("dormant", "沉睡", "Dormant"),
            new TagValue("new", "新客户", "Newcomer"),
            new TagValue("active", "活跃", "Active"),
            new TagValue("recalled", "召回", "Won back"));
    TagDefinition u = tags.update(t.code(), withValues(t, category, values), "alice");
    assertThat(u.values()).containsExactlyElementsOf(values);
    assertThat(taxonomy.get(t.code()).values()).containsExactlyElementsOf(values);
    assertThat(taxonomy.versions(t.code()).get(0).definition()).contains("recalled");
  }

  @Test
  void removingALayeredValueIsRefusedNamingIt() {
    String category = newCategory(null);
    TagDefinition t = newLayered(category);
    List<TagValue> fewer = stages().subList(0, 2);
    assertThatThrownBy(() -> tags.update(t.code(), withValues(t, category, fewer), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing: dormant");
    assertThat(taxonomy.get(t.code()).values()).hasSize(3);
  }

  @Test
  void duplicateValueCodeIsRefused() {
    String category = newCategory(null);
    TagDefinition t = newLayered(category);
    List<TagValue> twice =
        List.of(
            stages().get(0), stages().get(1), stages().get(2), new TagValue("new", "又", "Again"));
    assertThatThrownBy(() -> tags.update(t.code(), withValues(t, category, twice), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).field()).isEqualTo("values[3].code"));
  }

  @Test
  void flagTagCannotGainValues() {
    String category = newCategory(null);
    TagDefinition t = newTag(category, TagStatus.ACTIVE);
    assertThatThrownBy(() -> tags.update(t.code(), withValues(t, category, stages()), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("flag tag");
  }

  @Test
  void lifecycleRunsFromDraftToArchivedWritingAStatusVersionEachStep() {
    TagDefinition t = newTag(newCategory(null), TagStatus.DRAFT);
    tags.changeStatus(t.code(), new StatusChange("active", null), "alice");
    tags.changeStatus(t.code(), new StatusChange("DEPRECATED", null), "alice");
    TagDefinition archived = tags.changeStatus(t.code(), new StatusChange("ARCHIVED", 3), "alice");
    assertThat(archived.status()).isEqualTo(TagStatus.ARCHIVED);
    assertThat(archived.version()).isEqualTo(4);
    assertThat(taxonomy.versions(t.code()))
        .extracting(TagVersion::change)
        .containsExactly("STATUS", "STATUS", "STATUS", "CREATE");
  }

  @Test
  void deprecatedTagCanBeActivatedAgain() {
    TagDefinition t = newTag(newCategory(null), TagStatus.ACTIVE);
    tags.changeStatus(t.code(), new StatusChange("DEPRECATED", null), "alice");
    assertThat(tags.changeStatus(t.code(), new StatusChange("ACTIVE", null), "alice").status())
        .isEqualTo(TagStatus.ACTIVE);
  }

  @Test
  void skippingAStatusIsRefusedNamingTheAllowedNextStatuses() {
    TagDefinition t = newTag(newCategory(null), TagStatus.DRAFT);
    assertThatThrownBy(
            () -> tags.changeStatus(t.code(), new StatusChange("ARCHIVED", null), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot go from DRAFT to ARCHIVED")
        .hasMessageContaining("allowed next statuses: ACTIVE");
  }

  @Test
  void activeTagCannotGoBackToDraft() {
    TagDefinition t = newTag(newCategory(null), TagStatus.ACTIVE);
    assertThatThrownBy(() -> tags.changeStatus(t.code(), new StatusChange("DRAFT", null), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("allowed next statuses: DEPRECATED");
  }

  @Test
  void archivedTagCannotChangeStatus() {
    TagDefinition t = newTag(newCategory(null), TagStatus.ARCHIVED);
    assertThatThrownBy(() -> tags.changeStatus(t.code(), new StatusChange("ACTIVE", null), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("archived");
  }

  @Test
  void unknownStatusIsRefusedListingTheStatuses() {
    TagDefinition t = newTag(newCategory(null), TagStatus.ACTIVE);
    assertThatThrownBy(() -> tags.changeStatus(t.code(), new StatusChange("gone", null), "alice"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DRAFT, ACTIVE, DEPRECATED, ARCHIVED");
  }

  @Test
  void staleStatusChangeIsAConflict() {
    TagDefinition t = newTag(newCategory(null), TagStatus.ACTIVE);
    assertThatThrownBy(
            () -> tags.changeStatus(t.code(), new StatusChange("DEPRECATED", 7), "alice"))
        .isInstanceOf(ConflictException.class);
    assertThat(taxonomy.get(t.code()).status()).isEqualTo(TagStatus.ACTIVE);
  }
}
