package io.tagbase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagbaseApplicationTest {

  @Test
  void bareDemoSwitchBecomesTheDemoProperty() {
    assertThat(TagbaseApplication.withDemoFlag(new String[] {"--demo", "--server.port=9"}))
        .containsExactly("--tagbase.demo=true", "--server.port=9");
  }
}
