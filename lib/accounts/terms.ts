// R9: the terms version stored on acceptance (User.termsVersion); raise it when the terms change.
export const CURRENT_TERMS_VERSION = "2026-01";
