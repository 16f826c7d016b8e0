package io.tagbase.ingest;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerProfiles;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.Identity;
import io.tagbase.customer.IdentityKind;
import io.tagbase.customer.NewAttribute;
import io.tagbase.customer.NewCustomer;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Services and helpers the profile contracts share. */
abstract class ProfilesFixture {
  @Autowired CustomerProfiles profiles;
  @Autowired CustomerService customers;
  @Autowired AttributeSchema schema;
  @Autowired EventIngest events;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired MembershipIndex index;

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static NewCustomer data(
      String externalId, Map<String, String> ids, Map<String, Object> attributes) {
    return new NewCustomer(
        externalId, null, null, null, null, null, null, null, null, ids, attributes);
  }

  String attribute(AttributeType type, boolean required, String... options) {
    String code = unique("f_");
    schema.define(
        new NewAttribute(
            code,
            "字段",
            "Field",
            type,
            options.length == 0 ? null : List.of(options),
            required,
            false,
            null));
    return code;
  }

  String flagTag() {
    String category = unique("cat_");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 0));
    String code = unique("tag_");
    taxonomy.createTag(NewTag.flag(code, category, "标签", "Tag", null, null), "t");
    return code;
  }

  IncomingEvent event(String userId, String messageId) {
    return new IncomingEvent(
        null,
        List.of(Identity.of(IdentityKind.USER_ID, userId)),
        "viewed",
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        messageId,
        null,
        null,
        "test");
  }
}
