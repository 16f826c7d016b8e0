package io.tagbase.segment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2AttributeSegmentsIT extends AttributeSegmentsContract {}
