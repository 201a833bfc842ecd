package org.countyhealth.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMART clients look for the configuration relative to the FHIR base URL ({@code
 * /fhir/.well-known/smart-configuration}), which the FHIR servlet owns: that one path is forwarded
 * to the same document at the server root.
 */
@Configuration(proxyBeanMethods = false)
class SmartDiscovery {

  static final String ROOT = "/.well-known/smart-configuration";
  static final String UNDER_FHIR = "/fhir" + ROOT;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> smartConfigurationUnderFhir() {
    OncePerRequestFilter forward =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            request.getRequestDispatcher(ROOT).forward(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(forward);
    registration.addUrlPatterns(UNDER_FHIR);
    return registration;
  }
}
