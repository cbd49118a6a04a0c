import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The session epoch the token was issued in; compared with the user's current one on every request. */
    epoch?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    epoch?: number;
    /** When the person signed in (seconds since the epoch): the absolute lifetime counts from here. */
    authTime?: number;
  }
}
