-- A stage clock's tenant is already held by its other foreign key: (tenant_id, case_id) must name a case, and
-- that case's tenant_id must name a tenant. The direct key to tenants checked the same fact a second time, with
-- a look-up and a row lock on the tenant for every clock written, at intake's rate one per report.
ALTER TABLE case_timers DROP CONSTRAINT case_timers_tenant_id_fkey;
