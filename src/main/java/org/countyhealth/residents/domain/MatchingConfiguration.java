package org.countyhealth.residents.domain;

import org.countyhealth.residents.rules.MatchThresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matcher's two thresholds, configurable (countyhealth.residents.match.link / review). */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

  @Bean
  MatchThresholds matchThresholds(
      @Value("${countyhealth.residents.match.link:24.0}") double link,
      @Value("${countyhealth.residents.match.review:15.0}") double review) {
    return new MatchThresholds(link, review);
  }
}
