package org.countyhealth.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. Because a webjars locator is on the classpath, Spring
 * Boot registers {@link ResourceUrlEncodingFilter}, which checks every link of every page against
 * the static locations inside the jar (four failed nested-jar look-ups per link): measured with JFR
 * on the referral office queue, 70 % of the page's CPU, about 180 ms for a page of 50 rows. The
 * filter only adds versions to static URLs; version-less webjar paths still resolve when they are
 * requested, so this registration (disabled) takes its place.
 */
@Configuration(proxyBeanMethods = false)
class PlainLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
