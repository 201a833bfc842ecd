package org.countyhealth;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test run starts from an empty database: the first application context cleans and migrates.
 * Later contexts (test classes that import their own configuration) only migrate, so that they
 * never wipe the data — the demo county included — under a context cached before them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabase {

  private static final AtomicBoolean cleaned = new AtomicBoolean();

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      if (cleaned.compareAndSet(false, true)) {
        flyway.clean();
      }
      flyway.migrate();
    };
  }
}
