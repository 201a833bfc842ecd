package org.countyhealth;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test run starts from an empty database: the first application context cleans and migrates.
 * Every IT shares that one context ({@link IntegrationTest}); should another context ever start, it
 * only migrates, so that it never wipes the data — the demo county included — under the first.
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
