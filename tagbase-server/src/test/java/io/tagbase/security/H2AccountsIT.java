package io.tagbase.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "tagbase.test.context=accounts-h2")
@ActiveProfiles("test")
class H2AccountsIT extends AccountsContract {}
