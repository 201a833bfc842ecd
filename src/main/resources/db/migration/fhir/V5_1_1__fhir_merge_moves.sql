-- Merges of residents (issue 6, docs/fhir.md "Merged residents"): on a merge the fhir link rows of
-- the merged resident move to the survivor, and each row moved is logged with the merge and where it
-- was, so that the unmerge puts back exactly the rows that merge moved, even after a later merge
-- into the survivor was undone first (an original_resident_id column alone would leave rows at the
-- later survivor). A log row lives from the merge to its unmerge.
CREATE TABLE fhir.encounter_merge_move (
  merge_id          BIGINT NOT NULL,
  encounter_id      BIGINT NOT NULL REFERENCES fhir.encounter (id),
  from_resident_id  BIGINT NOT NULL,
  PRIMARY KEY (merge_id, encounter_id)
);

-- Source identifiers whose local resource is a Patient (local_id = resident id).
CREATE TABLE fhir.source_identifier_merge_move (
  merge_id       BIGINT       NOT NULL,
  resource_type  VARCHAR(20)  NOT NULL,
  system         VARCHAR(200) NOT NULL,
  value          VARCHAR(100) NOT NULL,
  from_local_id  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (merge_id, resource_type, system, value)
);
