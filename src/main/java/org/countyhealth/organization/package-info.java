/**
 * The consortium and its facilities (lead hospital, county hospitals, township centres, village
 * clinics, partners outside), grids, departments, staff and family-doctor teams. Depends on shared
 * and audit.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Organization",
    allowedDependencies = {"shared", "audit"})
package org.countyhealth.organization;
