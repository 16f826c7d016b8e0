package io.tagbase.privacy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tagbase.test.context=erasure-h2",
      "tagbase.rate-limit.per-second=0",
      "tagbase.export.directory=${java.io.tmpdir}/tagbase-erasure-exports-h2"
    })
@ActiveProfiles("test")
class H2ErasureIT extends ErasureContract {}
