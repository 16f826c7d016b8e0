package io.tagbase.analytics;

import io.tagbase.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class H2MemberDaysIT extends MemberDaysContract {}
