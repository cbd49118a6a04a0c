// When a signed-in session is over. Pure, so every path that sees a session token asks the same question:
// the JWT callback (on every read and refresh of the session), the request's viewer lookup, and tests.
//
// - REVOKED: the person's session epoch moved on (sign-out, "sign out everywhere", disabled, role changed).
// - EXPIRED: longer than the absolute lifetime since the sign-in itself, however active the session was.
// - IDLE: longer than the idle timeout since the token was last issued; activity in the app reissues it.

export type SessionPolicy = { maxAgeSeconds: number; idleSeconds: number };

/** What Shipshape keeps in the session JWT (next-auth adds iat/exp/jti). */
export type SessionClaims = { uid?: string; epoch?: number; authTime?: number; iat?: number };

/** The account behind a session as the database has it now; null when it no longer exists. */
export type SessionHolder = { sessionEpoch: number; isDisabled: boolean } | null;

export type SessionEnd = "UNKNOWN_USER" | "DISABLED" | "REVOKED" | "EXPIRED" | "IDLE";

export function sessionTimeEnd(claims: SessionClaims, policy: SessionPolicy, nowSeconds: number): SessionEnd | null {
  // A token without its sign-in time predates these rules; it cannot prove its age, so it is over.
  if (typeof claims.authTime !== "number" || nowSeconds - claims.authTime > policy.maxAgeSeconds) return "EXPIRED";
  if (typeof claims.iat !== "number" || nowSeconds - claims.iat > policy.idleSeconds) return "IDLE";
  return null;
}

export function sessionHolderEnd(claims: SessionClaims, holder: SessionHolder): SessionEnd | null {
  if (!holder) return "UNKNOWN_USER";
  if (holder.isDisabled) return "DISABLED";
  if (claims.epoch !== holder.sessionEpoch) return "REVOKED";
  return null;
}

/** Thrown inside next-auth's JWT callback so it drops the session (and clears the cookie) instead of renewing it. */
export class SessionEndedError extends Error {
  constructor(readonly reason: SessionEnd) {
    super(`session ended: ${reason}`);
    this.name = "SessionEndedError";
  }
}
