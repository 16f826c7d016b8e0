package io.tagbase.automation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    properties = {
      "tagbase.automation.poll-interval=PT0.1S",
      "tagbase.automation.backoff=PT0.2S",
      "tagbase.automation.max-backoff=PT1S",
      "tagbase.automation.lease=PT3S"
    })
@ActiveProfiles("test")
class H2AutomationIT extends AutomationContract {}
