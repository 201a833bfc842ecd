-- 辅助检查 of the national diabetes follow-up form (糖尿病患者随访服务记录表): 糖化血红蛋白 (%, one
-- decimal) and its 检查日期. Optional, both or neither (rules/Hba1c); recorded only, no rule uses it.
ALTER TABLE chronic.follow_up ADD COLUMN hba1c DECIMAL(3,1);
ALTER TABLE chronic.follow_up ADD COLUMN hba1c_on DATE;
