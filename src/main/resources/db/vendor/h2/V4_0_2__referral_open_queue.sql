-- H2 has no partial index: the same queue reads the status index in the queue's order instead.
CREATE INDEX referral_open_queue_idx ON referral.referral (status, green_channel, step_started_at, id);
