package io.tagbase.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tagbase.TagbaseApplication;
import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.storage.PostgresTestDatabase;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tagbase stops in the middle of delivering a webhook (the receiver has the request and does the
 * work, the answer never arrives) and starts again on the same PostgreSQL database: nothing is
 * lost, the interrupted webhook is sent again with the same idempotency key, and no local action is
 * doubled.
 */
class AutomationRestartIT {
  private static final String SECRET = "restart-secret-123";

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(TagbaseApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--tagbase.automation.poll-interval=PT0.1S",
            "--tagbase.automation.backoff=PT0.2S",
            "--tagbase.automation.max-backoff=PT1S",
            "--tagbase.automation.lease=PT2S");
  }

  @Test
  void restartInTheMiddleOfDeliveryLosesNothingAndDoublesNothing() throws Exception {
    String url = PostgresTestDatabase.newDatabaseUrl();
    List<String> customerIds = new ArrayList<>();
    String code;
    String rep = AutomationFixture.unique("rep");
    try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
      receiver.holdNext();
      try (ConfigurableApplicationContext first = start(url)) {
        var taxonomy = first.getBean(TaxonomyService.class);
        var customers = first.getBean(CustomerService.class);
        var tagging = first.getBean(TaggingService.class);
        var automations = first.getBean(AutomationService.class);
        var teams = first.getBean(TaskService.class);
        first
            .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
            .sql(
                "insert into app_user (username, password_hash, role, created_at) values (:u,"
                    + " 'x', 'ADMIN', current_timestamp)")
            .param("u", rep)
            .update();
        teams.saveTeam("restart_team", List.of(rep), "t");
        String tag = AutomationFixture.flagTag(taxonomy);
        code =
            automations
                .create(
                    AutomationFixture.onEnter(
                        tag,
                        List.of(
                            AutomationFixture.webhook(receiver.url(), SECRET, 10_000, 10),
                            AutomationFixture.task("回访", "restart_team"))),
                    "t")
                .code();
        for (int i = 0; i < 5; i++) {
          Customer c = AutomationFixture.customer(customers);
          customerIds.add(c.externalId());
          tagging.assign(
              c.externalId(), tag, AssignOptions.value(null), AssignmentSource.RULE, "rule");
        }
        assertThat(receiver.awaitHeld()).as("a webhook is in flight").isTrue();
      } // The first Tagbase stops here, with the webhook unanswered.
      receiver.release();

      try (ConfigurableApplicationContext second = start(url)) {
        var automations = second.getBean(AutomationService.class);
        var tasks = second.getBean(TaskService.class);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    automations.all().stream()
                        .filter(s -> s.automation().code().equals(code))
                        .allMatch(s -> s.count("PENDING") == 0 && s.count("DONE") == 10));

        var outbox = second.getBean(JdbcOutboxRepository.class);
        var automation = automations.get(code);
        Set<String> webhookKeys =
            outbox.byStatus(automation.id(), "DONE", 100).stream()
                .filter(r -> "WEBHOOK".equals(r.kind()))
                .map(OutboxRow::idemKey)
                .collect(Collectors.toSet());
        assertThat(webhookKeys).hasSize(5);
        assertThat(receiver.applied().keySet()).isEqualTo(webhookKeys);
        assertThat(receiver.processed().values().stream().mapToInt(Integer::intValue).sum())
            .as("the interrupted webhook reached the receiver twice, with one key")
            .isEqualTo(6);
        assertThat(tasks.tasks(rep, false, null, TaskService.View.OPEN))
            .extracting(FollowUpTask::customer)
            .containsExactlyInAnyOrderElementsOf(customerIds);
        assertThat(automations.runs(code, null, "DELIVERED", 100)).hasSize(10);
        assertThat(automations.runs(code, null, "RETRIED", 100))
            .as("the first instance stopped mid-delivery, it did not record a failed attempt")
            .isEmpty();
      }
    }
  }
}
