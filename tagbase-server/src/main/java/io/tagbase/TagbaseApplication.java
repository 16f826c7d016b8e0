package io.tagbase;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts Tagbase. {@code --demo} loads the demo data set into an empty database. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TagbaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(TagbaseApplication.class, withDemoFlag(args));
  }

  /** The clock every feature reads "now" from, so tests can fix time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Turns the bare {@code --demo} switch into the property {@code tagbase.demo=true}. */
  static String[] withDemoFlag(String[] args) {
    return Arrays.stream(args)
        .map(a -> a.equals("--demo") ? "--tagbase.demo=true" : a)
        .toArray(String[]::new);
  }
}
