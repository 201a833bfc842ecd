package org.countyhealth.demo;

import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On start-up with {@code countyhealth.demo.enabled}: builds the county if the database is empty,
 * then prints where to sign in and the demo accounts.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoStartup {

  private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

  private final DemoCounty county;
  private final DemoPopulation population;
  private final DemoProperties properties;
  private final Environment environment;

  DemoStartup(
      DemoCounty county,
      DemoPopulation population,
      DemoProperties properties,
      Environment environment) {
    this.county = county;
    this.population = population;
    this.properties = properties;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    if (!properties.enabled()) {
      return;
    }
    List<DemoAccount> accounts = DemoAccounts.standard();
    boolean populating = false;
    if (!county.exists()) {
      long start = System.nanoTime();
      Random random = new Random(properties.seed());
      DemoCounty.Built built = county.generate(random);
      accounts = built.accounts();
      Runnable populate =
          () -> {
            try {
              population.populate(built, properties.residents(), random);
            } catch (RuntimeException e) {
              // The county's organization and accounts stand; only the population is incomplete.
              log.error("Demo population failed; delete ./data to generate it again", e);
              if (!properties.background()) {
                throw e;
              }
            }
          };
      if (properties.background()) {
        // The login page is usable at once; residents arrive while people sign in.
        Thread worker = new Thread(populate, "demo-population");
        worker.setDaemon(true);
        worker.start();
        populating = properties.residents() > 0;
      } else {
        populate.run();
      }
      log.info("Demo county generated in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
    System.out.println(banner(accounts, populating));
  }

  private String banner(List<DemoAccount> accounts, boolean populating) {
    String port = environment.getProperty("local.server.port", "8080");
    StringBuilder text = new StringBuilder();
    text.append("\n================================================================\n");
    text.append(" 县域医共体健康信息平台 CountyHealth 已启动\n");
    text.append(" 地址 Address:  http://localhost:").append(port).append("/\n");
    text.append(" 演示账号 Demo accounts (密码 password: ").append(properties.password()).append(")\n");
    for (DemoAccount a : accounts) {
      text.append(
          String.format(
              "   %-15s %-14s %-10s %s%n",
              a.username(), a.role().label(), a.scope().label(), a.facilityName()));
    }
    if (populating) {
      text.append(" 居民演示数据（")
          .append(properties.residents())
          .append(" 条）正在后台生成，进度见日志 · residents are being generated in the background\n");
    }
    text.append("================================================================\n");
    return text.toString();
  }
}
