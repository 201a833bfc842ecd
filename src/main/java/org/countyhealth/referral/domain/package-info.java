/**
 * The referral desk for trusted callers that replay time (the demo generator, batch loaders):
 * {@link org.countyhealth.referral.domain.ReferralDesk}, {@link
 * org.countyhealth.referral.domain.NewReferral}, {@link
 * org.countyhealth.referral.domain.ResourcePool}. People go through ReferralService.
 */
@org.springframework.modulith.NamedInterface("desk")
package org.countyhealth.referral.domain;
