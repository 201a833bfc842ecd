/**
 * Two-way referral (双向转诊): the numbered referral form, indications, workflow with deadlines,
 * booking, tracking and indicators (000_65944b5c5b97f013.txt lines 521–665). Depends on shared,
 * organization, residents and audit; never on the programmes that request referrals.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Referral",
    allowedDependencies = {"shared", "organization", "residents", "audit"})
package org.countyhealth.referral;
