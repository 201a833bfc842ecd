-- Merges of residents (docs/referral.md, "Merged residents"): each referral a merge moves to the
-- survivor is logged with the merge and the resident it belonged to before, so that the unmerge puts
-- back exactly the referrals that merge moved. original_resident_id (the patient the referral was
-- written for) cannot do this for chained merges: with A merged into B and B into C, undoing B→C
-- must bring A's referrals back to B, not leave them at C. Open slots follow their referrals back.
-- A log row lives from the merge to its unmerge.
CREATE TABLE referral.referral_merge_move (
  merge_id         BIGINT NOT NULL,
  referral_id      BIGINT NOT NULL REFERENCES referral.referral (id),
  from_resident_id BIGINT NOT NULL,
  PRIMARY KEY (merge_id, referral_id)
);

-- Merges in effect before this log existed: log what the former unmerge would have restored
-- (referrals written for the merged resident that are at the survivor).
INSERT INTO referral.referral_merge_move (merge_id, referral_id, from_resident_id)
SELECT m.id, r.id, r.original_resident_id FROM residents.resident_merge m
  JOIN referral.referral r ON r.resident_id = m.survivor_id AND r.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
