-- Merges of residents (docs/residents.md, "Review, merge, unmerge"): each programme row a merge
-- moves to the survivor is logged with the merge and the resident it belonged to before, so that the
-- unmerge puts back exactly the rows that merge moved. original_resident_id (the resident a row was
-- recorded for) cannot do this for chained merges: with A merged into B and B into C, undoing B→C
-- must bring A's rows back to B, not leave them at C. A log row lives from the merge to its unmerge.
CREATE TABLE chronic.merge_move (
  merge_id         BIGINT      NOT NULL,
  table_name       VARCHAR(30) NOT NULL,
  row_id           BIGINT      NOT NULL,
  from_resident_id BIGINT      NOT NULL,
  PRIMARY KEY (merge_id, table_name, row_id)
);

-- Merges in effect before this log existed: log what the former unmerge would have restored (rows
-- recorded for the merged resident that are at the survivor), so that undoing them still works.
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'screening', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.screening t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'high_risk', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.high_risk t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'enrolment', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.enrolment t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'follow_up', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.follow_up t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'grade_change', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.grade_change t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'referral_suggestion', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.referral_suggestion t ON t.resident_id = m.survivor_id
   AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)
SELECT m.id, 'qc_sample', t.id, t.original_resident_id FROM residents.resident_merge m
  JOIN chronic.qc_sample t ON t.resident_id = m.survivor_id AND t.original_resident_id = m.merged_id
 WHERE m.undone_at IS NULL;
