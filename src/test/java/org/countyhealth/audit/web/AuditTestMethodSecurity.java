package org.countyhealth.audit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize} for the tests of this branch; the security module enables it for
 * the application (importing the same configuration twice is harmless).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class AuditTestMethodSecurity {}
