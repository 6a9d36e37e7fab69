-- The API session is checked inside the seat statements (decision 013). Hand-written, like the
-- seat function it replaces (the schema-drift test knows it).
--
-- Every /api/v1 call used to ask the database whether its access token's session was still live
-- (lib/api-sessions/access-tokens.ts), then run its statement: two round trips for a take or a
-- release, the hot path of every desktop application. Now those two statements check the session
-- themselves, first, and write nothing when it has ended: one round trip, and revocation still
-- takes effect at the very next call (in the same statement, not a moment before it).
--
-- api_session_is_live: the user is active (verified, not disabled), still at the session version
-- the token names (a password change or "sign out everywhere" raises it), and the token's
-- refresh-token family has an unrevoked member (sign-out and reuse detection revoke them all).

CREATE FUNCTION "api_session_is_live"(p_user uuid, p_session uuid, p_session_version integer)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "User" u
    WHERE u."id" = p_user AND u."sessionVersion" = p_session_version
      AND u."disabledAt" IS NULL AND u."emailVerifiedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "RefreshToken" r WHERE r."familyId" = p_session AND r."userId" = u."id" AND r."revokedAt" IS NULL)
  )
$$;

-- take_floating_seat as in 20261204000000_take_floating_seat, with the caller's session
-- (p_session NULL: no API session to check, e.g. a launch from the portal) and a first column
-- "isSessionLive" (false: nothing else in the row, nothing written).
DROP FUNCTION "take_floating_seat"(uuid, uuid, uuid, text, text, timestamptz, timestamptz, text);

CREATE FUNCTION "take_floating_seat"(
  p_license uuid, p_user uuid, p_device uuid, p_fingerprint text, p_browser text,
  p_now timestamptz, p_expires timestamptz, p_expires_text text, p_session uuid, p_session_version integer
) RETURNS TABLE (
  "isSessionLive" boolean, "type" text, "seats" integer, "validFrom" timestamptz, "validUntil" timestamptz, "kind" text, "productCode" text,
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
  -- The caller's API session first: a revoked one writes nothing and reads no license.
  IF p_session IS NOT NULL AND NOT "api_session_is_live"(p_user, p_session, p_session_version) THEN
    RETURN QUERY SELECT false, NULL::text, NULL::integer, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text,
      NULL::text, NULL::boolean, NULL::boolean, NULL::text, NULL::text, NULL::boolean,
      NULL::integer, NULL::timestamptz, NULL::boolean, NULL::text, NULL::text, NULL::text, NULL::timestamptz, NULL::timestamptz;
    RETURN;
  END IF;

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

  RETURN QUERY SELECT true, lic."type", lic."seats", lic."validFrom", lic."validUntil", lic."kind", lic."productCode",
    lic."companyId", lic."isMember", lic."isAssigned", lic."deviceId"::text, lic."deviceFingerprint", lic."isActivated",
    live, next_expiry, is_new, lease."id"::text, lease."deviceId"::text, lease."browserSessionId", lease."acquiredAt", lease."expiresAt";
END;
$$;
