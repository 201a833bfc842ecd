package org.countyhealth.audit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the audit interceptor. Static resources and actuator are not audited; {@code /login} is
 * audited by the security module itself (success and failure), so not twice here.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

  private final AuditInterceptor interceptor;

  AuditWebConfiguration(AuditInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(interceptor)
        .excludePathPatterns(
            "/login",
            "/actuator/**",
            "/css/**",
            "/js/**",
            "/images/**",
            "/webjars/**",
            "/favicon.ico",
            "/error");
  }
}
