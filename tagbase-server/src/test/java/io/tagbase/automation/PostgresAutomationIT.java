package io.tagbase.automation;

import io.tagbase.storage.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    properties = {
      "tagbase.automation.poll-interval=PT0.1S",
      "tagbase.automation.backoff=PT0.2S",
      "tagbase.automation.max-backoff=PT1S",
      "tagbase.automation.lease=PT3S"
    })
@ActiveProfiles("test")
class PostgresAutomationIT extends AutomationContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
