-- A deliverable's launches are read by its code (PlanStore.launches(code), every detail page and amendment);
-- the primary key is the business key, so without this index each read scans every launch of the plan.
CREATE INDEX plan_launch_code ON plan_launch (code);
