/**
 * Resident master index (EMPI): residents, identifiers, matching, merge and unmerge; the shared
 * health record; family-doctor contracts (000_65944b5c5b97f013.txt lines 1834, 1845–1849, 1931).
 * Depends on shared, organization and audit.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Residents",
    allowedDependencies = {"shared", "organization", "audit"})
package org.countyhealth.residents;
