/**
 * The consortium and its facilities (lead hospital, county hospitals, township centres, village
 * clinics, partners outside), grids, departments, staff and family-doctor teams. Depends on shared
 * and audit.
 *
 * <p>API: {@link org.countyhealth.organization.Facilities} (reads for other modules), {@link
 * org.countyhealth.organization.OrganizationRegistry} (every write, validated and audited), {@link
 * org.countyhealth.organization.LicenceCodes} (building valid 医疗机构执业许可证登记号). Internals: {@code
 * rules} (licence and division codes, hierarchy and grid policy, team composition; pure Java),
 * {@code domain} (SQL, data scope as a query condition), {@code web} (pages under {@code
 * /facilities}, {@code /staff}, {@code /teams}; JSON under {@code /api/v1}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Organization",
    allowedDependencies = {"shared", "audit"})
package org.countyhealth.organization;
