package org.countyhealth.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size and seed of the synthetic county. Defaults give ~18 township centres, ~250 village clinics
 * and ~800 staff, 50,000 residents (registered in the background after start-up unless {@code
 * background=false}); tests shrink it.
 */
@ConfigurationProperties("countyhealth.demo")
record DemoProperties(
    Boolean enabled,
    Long seed,
    Integer townships,
    Integer villagesPerTownship,
    Integer residents,
    Boolean background,
    String password) {

  DemoProperties {
    enabled = enabled == null || enabled;
    seed = seed == null ? 20261122L : seed;
    townships = townships == null ? 18 : Math.max(1, Math.min(townships, 18));
    villagesPerTownship = villagesPerTownship == null ? 14 : Math.max(1, villagesPerTownship);
    residents = residents == null ? 50_000 : Math.max(0, residents);
    background = background == null || background;
    password = password == null ? "Zijin#County2026" : password;
  }
}
