-- The referral office's queue reads only open referrals (a few hundred of a year's 50,000): a
-- partial index in the queue's order. The predicate lists the open statuses exactly as
-- OfficeQueue.OPEN writes them, so the planner can prove the query implies it.
CREATE INDEX referral_open_queue_idx ON referral.referral (green_channel DESC, step_started_at, id)
  WHERE status IN ('DRAFTED', 'SUBMITTED', 'APPROVED', 'RECEIVED', 'ACCEPTED', 'ARRIVED', 'TREATED');
