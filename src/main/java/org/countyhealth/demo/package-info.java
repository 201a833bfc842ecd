/**
 * The deterministic synthetic county (紫金县 consortium) used by the run command, the tests and the
 * benchmarks; later modules add their records to the same generator. Depends on the module facades
 * (and the referral desk, to replay a year of referrals at their historical times).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo county",
    allowedDependencies = {
      "shared",
      "organization",
      "security",
      "residents",
      "chronic",
      "referral",
      "referral :: desk"
    })
package org.countyhealth.demo;
