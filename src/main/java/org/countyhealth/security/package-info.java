/**
 * Accounts bound to staff, roles and privileges, data scope, login policy (GB/T 22239 level 3,
 * OWASP ASVS L2), sessions. Depends on shared, organization and audit.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Security",
    allowedDependencies = {"shared", "organization", "audit"})
package org.countyhealth.security;
