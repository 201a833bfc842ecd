/**
 * FHIR R4 interface (issue 6; 000_65944b5c5b97f013.txt lines 1836, 1852–1853, 1859–1868): a HAPI
 * plain server at {@code /fhir} that maps the modules' facades to FHIR resources, without a second
 * store. Depends only on the root-package facades of shared, organization, residents, chronic,
 * referral and audit, and of security for the token endpoint its CapabilityStatement names.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "FHIR interface",
    allowedDependencies = {
      "shared",
      "organization",
      "residents",
      "chronic",
      "referral",
      "audit",
      "security"
    })
package org.countyhealth.fhir;
