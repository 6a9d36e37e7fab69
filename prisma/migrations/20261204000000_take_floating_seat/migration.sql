-- R2, R5, R25: taking a floating seat in one statement (decision 012). Hand-written, like the
-- invariants migration: Prisma does not model functions (the schema-drift test knows both files).
--
-- The license row is locked (FOR NO KEY UPDATE, see lib/leases/lease-statements.ts), then the live
-- leases are counted by a statement of their own: in READ COMMITTED a VOLATILE function's every
-- statement takes a fresh snapshot, so the count sees each lease committed by the transaction that
-- held the lock before. Called alone (autocommit) the lock is held for no client round trip at all;
-- called inside a caller's transaction it is held until that commits, as any row lock.
--
-- One row comes back, except for an unknown license (none). Its outcome:
--   isNew true   a seat was taken (a new lease row, or the holder's lapsed one taken up again);
--                lease.acquired is recorded
--   isNew false  the holder's live lease was extended by the hour (no seat counted twice)
--   isNew NULL   nothing written: a check failed (the row's fields say which; the caller names
--                it) or every seat is in use (liveCount >= seats, nextExpiry = the first to lapse)
-- A holder is a device of the user (p_device by id, or p_fingerprint) for desktop software, or a
-- browser session (p_browser) for web software.
CREATE FUNCTION "take_floating_seat"(
  p_license uuid, p_user uuid, p_device uuid, p_fingerprint text, p_browser text,
  p_now timestamptz, p_expires timestamptz, p_expires_text text
) RETURNS TABLE (
  "type" text, "seats" integer, "validFrom" timestamptz, "validUntil" timestamptz, "kind" text, "productCode" text,
  "companyId" text, "isMember" boolean, "isAssigned" boolean, "deviceId" text, "deviceFingerprint" text, "isActivated" boolean,
  "liveCount" integer, "nextExpiry" timestamptz, "isNew" boolean,
  "leaseId" text, "leaseDeviceId" text, "leaseBrowserSessionId" text, "acquiredAt" timestamptz, "expiresAt" timestamptz
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  lic record;
  holder_device uuid;
  live integer;
  next_expiry timestamptz;
  open_id uuid;
  open_expires timestamptz;
  lease "FloatingLease"%ROWTYPE;
  is_new boolean;
BEGIN
  SELECT l."type"::text AS "type", l."seats", l."validFrom", l."validUntil", p."kind"::text AS "kind", p."code" AS "productCode",
    g."companyId"::text AS "companyId",
    EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = p_user AND m."companyId" = g."companyId") AS "isMember",
    EXISTS (SELECT 1 FROM "Assignment" a WHERE a."licenseId" = l."id" AND a."userId" = p_user AND a."revokedAt" IS NULL) AS "isAssigned",
    d."id" AS "deviceId", d."fingerprint" AS "deviceFingerprint",
    EXISTS (SELECT 1 FROM "Activation" x WHERE x."licenseId" = l."id" AND x."deviceId" = d."id" AND x."deactivatedAt" IS NULL) AS "isActivated"
  INTO lic
  FROM "License" l JOIN "Product" p ON p."id" = l."productId" JOIN "LicenseGroup" g ON g."id" = l."groupId"
  LEFT JOIN "Device" d ON d."userId" = p_user AND (d."id" = p_device OR d."fingerprint" = p_fingerprint)
  WHERE l."id" = p_license
  FOR NO KEY UPDATE OF l;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  IF lic."isMember" AND lic."type" = 'FLOATING' AND lic."isAssigned" AND p_now >= lic."validFrom" AND p_now < lic."validUntil"
     AND (CASE WHEN p_browser IS NOT NULL THEN lic."kind" = 'WEB'
               ELSE lic."kind" = 'DESKTOP' AND lic."deviceId" IS NOT NULL AND lic."isActivated" END) THEN
    holder_device := CASE WHEN p_browser IS NULL THEN lic."deviceId" END;

    SELECT count(*)::integer, min(f."expiresAt") INTO live, next_expiry FROM "FloatingLease" f
    WHERE f."licenseId" = p_license AND f."releasedAt" IS NULL AND f."expiresAt" > p_now;

    -- The holder's unreleased row; the partial unique indexes allow one per holder.
    SELECT f."id", f."expiresAt" INTO open_id, open_expires FROM "FloatingLease" f
    WHERE f."licenseId" = p_license AND f."releasedAt" IS NULL AND f."userId" = p_user
      AND (f."deviceId" = holder_device OR f."browserSessionId" = p_browser)
    LIMIT 1;

    IF open_id IS NOT NULL AND open_expires > p_now THEN
      UPDATE "FloatingLease" f SET "expiresAt" = p_expires WHERE f."id" = open_id RETURNING f.* INTO lease;
      is_new := false;
    ELSIF live < lic."seats" AND open_id IS NOT NULL THEN
      -- Its hour passed and its seat was free in the meantime: taken up again.
      UPDATE "FloatingLease" f SET "acquiredAt" = p_now, "expiresAt" = p_expires WHERE f."id" = open_id RETURNING f.* INTO lease;
      is_new := true;
    ELSIF live < lic."seats" THEN
      INSERT INTO "FloatingLease" ("licenseId", "userId", "deviceId", "browserSessionId", "acquiredAt", "expiresAt")
      VALUES (p_license, p_user, holder_device, p_browser, p_now, p_expires)
      RETURNING * INTO lease;
      is_new := true;
    END IF;

    IF is_new THEN
      INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data", "createdAt")
      VALUES ('lease.acquired', lic."companyId"::uuid, p_user, p_user, p_license,
        jsonb_build_object('leaseId', lease."id", 'holder', CASE WHEN p_browser IS NULL THEN 'device' ELSE 'browser' END, 'expiresAt', p_expires_text),
        p_now);
    END IF;
  END IF;

  RETURN QUERY SELECT lic."type", lic."seats", lic."validFrom", lic."validUntil", lic."kind", lic."productCode",
    lic."companyId", lic."isMember", lic."isAssigned", lic."deviceId"::text, lic."deviceFingerprint", lic."isActivated",
    live, next_expiry, is_new, lease."id"::text, lease."deviceId"::text, lease."browserSessionId", lease."acquiredAt", lease."expiresAt";
END;
$$;
