/**
 * Chronic-disease management centre: hypertension and type-2 diabetes from screening to quality
 * control (000_65944b5c5b97f013.txt lines 1–520). Depends on shared, organization, residents,
 * referral and audit.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Chronic care",
    allowedDependencies = {"shared", "organization", "residents", "referral", "audit"})
package org.countyhealth.chronic;
