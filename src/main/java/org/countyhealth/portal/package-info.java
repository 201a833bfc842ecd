/**
 * The web shell: layout, navigation by role, the home page with each role's figures. Depends on the
 * modules whose figures it shows.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Portal",
    allowedDependencies = {"shared", "organization", "audit"})
package org.countyhealth.portal;
