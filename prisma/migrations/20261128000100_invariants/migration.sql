-- Invariants Prisma's schema language cannot express. Each is named so that an error from the
-- database can be mapped to a domain error, and each is listed in docs/ARCHITECTURE.md.

-- Identity: emails are stored normalised, so the unique index is case-insensitive in effect.
ALTER TABLE "User" ADD CONSTRAINT "user_email_lowercase" CHECK ("email" = lower(btrim("email")) AND "email" <> '');
ALTER TABLE "User" ADD CONSTRAINT "user_session_version_nonnegative" CHECK ("sessionVersion" >= 0);

ALTER TABLE "Company" ADD CONSTRAINT "company_country_iso" CHECK ("country" ~ '^[A-Z]{2}$');

ALTER TABLE "Product" ADD CONSTRAINT "product_trial_days_nonnegative" CHECK ("trialDays" >= 0);
-- A web app can be opened, a desktop app downloaded (R21, R23).
ALTER TABLE "Product" ADD CONSTRAINT "product_urls_by_kind" CHECK (
  ("kind" = 'WEB' AND "launchUrl" IS NOT NULL) OR ("kind" = 'DESKTOP' AND "downloadUrl" IS NOT NULL)
);

ALTER TABLE "LicenseGroup" ADD CONSTRAINT "license_group_version_nonnegative" CHECK ("version" >= 0);

ALTER TABLE "License" ADD CONSTRAINT "license_seats_nonnegative" CHECK ("seats" >= 0);
-- R3: a node-locked license is one key locked to one machine.
ALTER TABLE "License" ADD CONSTRAINT "license_node_locked_single_seat" CHECK ("type" <> 'NODE_LOCKED' OR "seats" = 1);
ALTER TABLE "License" ADD CONSTRAINT "license_validity_period" CHECK ("validUntil" > "validFrom");
ALTER TABLE "License" ADD CONSTRAINT "license_version_nonnegative" CHECK ("version" >= 0);

-- R16/R18: one active assignment per license and user; revoked rows stay as history.
CREATE UNIQUE INDEX "assignment_active_unique" ON "Assignment" ("licenseId", "userId") WHERE "revokedAt" IS NULL;
ALTER TABLE "Assignment" ADD CONSTRAINT "assignment_revoked_by_needs_revoked_at" CHECK ("revokedById" IS NULL OR "revokedAt" IS NOT NULL);
ALTER TABLE "Assignment" ADD CONSTRAINT "assignment_revoked_after_assigned" CHECK ("revokedAt" IS NULL OR "revokedAt" >= "assignedAt");

-- R3/R4: a node-locked license is active on at most one device; a license is active at most once per device.
CREATE UNIQUE INDEX "activation_node_locked_unique" ON "Activation" ("licenseId") WHERE "deactivatedAt" IS NULL AND "licenseType" = 'NODE_LOCKED';
CREATE UNIQUE INDEX "activation_device_unique" ON "Activation" ("licenseId", "deviceId") WHERE "deactivatedAt" IS NULL;
ALTER TABLE "Activation" ADD CONSTRAINT "activation_desktop_type" CHECK ("licenseType" IN ('NODE_LOCKED', 'FLOATING'));

-- R2/R5: a lease is held by a desktop device or by a browser session, never both or neither;
-- one open lease per holder and license (a second request extends it).
ALTER TABLE "FloatingLease" ADD CONSTRAINT "floating_lease_one_holder" CHECK (("deviceId" IS NULL) <> ("browserSessionId" IS NULL));
ALTER TABLE "FloatingLease" ADD CONSTRAINT "floating_lease_expires_after_acquired" CHECK ("expiresAt" > "acquiredAt");
CREATE UNIQUE INDEX "floating_lease_device_open_unique" ON "FloatingLease" ("licenseId", "userId", "deviceId") WHERE "releasedAt" IS NULL AND "deviceId" IS NOT NULL;
CREATE UNIQUE INDEX "floating_lease_browser_open_unique" ON "FloatingLease" ("licenseId", "browserSessionId") WHERE "releasedAt" IS NULL AND "browserSessionId" IS NOT NULL;

ALTER TABLE "Trial" ADD CONSTRAINT "trial_period" CHECK ("endsAt" > "startedAt");

ALTER TABLE "EmailMessage" ADD CONSTRAINT "email_attempts_nonnegative" CHECK ("attempts" >= 0);
ALTER TABLE "EmailMessage" ADD CONSTRAINT "email_sent_has_sent_at" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL));

ALTER TABLE "Token" ADD CONSTRAINT "token_used_before_expiry" CHECK ("usedAt" IS NULL OR "usedAt" <= "expiresAt");

ALTER TABLE "Order" ADD CONSTRAINT "order_amounts" CHECK ("netCents" >= 0 AND "vatCents" >= 0 AND "totalCents" = "netCents" + "vatCents");
ALTER TABLE "OrderLine" ADD CONSTRAINT "order_line_seats_positive" CHECK ("seats" > 0 AND "unitPriceCents" >= 0);

-- R24: the audit trail is append-only.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
