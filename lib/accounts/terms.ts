// R9: registration asks for acceptance of the terms; the accepted version and time are stored on
// the user (User.termsVersion, termsAcceptedAt). Raise the version when the terms change.
export const CURRENT_TERMS_VERSION = "2026-01";
