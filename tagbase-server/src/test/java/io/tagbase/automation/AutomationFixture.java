package io.tagbase.automation;

import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.List;
import java.util.UUID;

/** Tags, customers and automations for automation tests. */
final class AutomationFixture {
  private AutomationFixture() {}

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static String flagTag(TaxonomyService taxonomy) {
    String category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分类", "Category", 1));
    String code = unique("churn");
    taxonomy.createTag(
        new NewTag(
            code,
            category,
            "流失风险",
            "Churn risk",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "tester");
    return code;
  }

  static Customer customer(CustomerService customers) {
    return customers.create(NewCustomer.withId(unique("c"), "客户"));
  }

  static AutomationAction webhook(String url, String secret, int timeoutMs, int attempts) {
    return new AutomationAction(
        ActionKind.WEBHOOK,
        url,
        secret,
        timeoutMs,
        attempts,
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
  }

  static AutomationAction task(String title, String team) {
    return new AutomationAction(
        ActionKind.TASK,
        null,
        null,
        null,
        null,
        title,
        null,
        2,
        team,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static AutomationAction coupon(String batch) {
    return new AutomationAction(
        ActionKind.COUPON,
        null,
        null,
        null,
        3,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        batch,
        null,
        null);
  }

  static AutomationAction notice(String message, String recipient) {
    return new AutomationAction(
        ActionKind.NOTIFY,
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
        null,
        null,
        message,
        recipient);
  }

  static AutomationAction addTag(String tag) {
    return new AutomationAction(
        ActionKind.TAG_ADD,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        tag,
        null,
        null,
        null,
        null);
  }

  static NewAutomation onEnter(String tag, List<AutomationAction> actions) {
    return new NewAutomation(
        unique("auto"),
        "进入流失风险",
        true,
        new AutomationTrigger(TriggerKind.TAG_ENTER, tag, null, null, null),
        null,
        null,
        null,
        null,
        null,
        null,
        actions);
  }

  static NewAutomation with(
      NewAutomation a, String condition, String purpose, Integer capCount, Integer capDays) {
    return new NewAutomation(
        a.code(),
        a.name(),
        a.enabled(),
        a.trigger(),
        condition,
        purpose,
        capCount,
        capDays,
        a.quietStart(),
        a.quietEnd(),
        a.actions());
  }
}
