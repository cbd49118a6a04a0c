"use server";

import { revalidatePath } from "next/cache";
import { toActionError, zodFailure, type ActionFailure } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { createTeamAsAdmin, renameTeamAsAdmin } from "@/lib/db/admin-teams";
import { ADMIN_ONLY_MESSAGE, createUserAsAdmin, updateUserAsAdmin, type AdminUser } from "@/lib/db/admin-users";
import type { AuditContext } from "@/lib/db/audit";
import { saveTierTargets } from "@/lib/db/settings";
import { TIERS } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import {
  teamCreateInput,
  teamRenameInput,
  TIER_TARGET_FIELDS,
  tierTargetsInput,
  userCreateInput,
  userUpdateInput,
} from "@/lib/schemas/admin";

// Thin doors for the admin forms: authenticate, check the admin right (lib/db checks it again), parse, save,
// revalidate. Every result carries the form's values, so a refused form shows exactly what was typed and a
// saved one shows what is now stored (including the new version to save on top of).

export type UserFormValues = {
  id?: string;
  expectedUpdatedAt?: string;
  email?: string;
  name?: string;
  role?: string;
  teamIds?: string[];
  disabled?: boolean;
};
export type TeamFormValues = { id?: string; name?: string; slug?: string };
export type TierTargetsFormValues = Partial<Record<(typeof TIER_TARGET_FIELDS)[keyof typeof TIER_TARGET_FIELDS], string>>;

/** null before the first submit. */
export type AdminFormState<Values> = ({ ok: true; message: string; values: Values } | (ActionFailure & { values: Values })) | null;
export type UserFormState = AdminFormState<UserFormValues>;
export type TeamFormState = AdminFormState<TeamFormValues>;
export type TierTargetsFormState = AdminFormState<TierTargetsFormValues>;

async function adminContext(): Promise<AuditContext> {
  const viewer = await requireActionViewer();
  if (!can(viewer, { type: "admin" })) throw new AppError("FORBIDDEN", ADMIN_ONLY_MESSAGE);
  return { viewer, requestId: await currentRequestId() };
}

function text(formData: FormData, field: string): string | undefined {
  const value = formData.get(field);
  return typeof value === "string" ? value : undefined;
}

function readUserValues(formData: FormData): UserFormValues {
  return {
    id: text(formData, "id"),
    expectedUpdatedAt: text(formData, "expectedUpdatedAt"),
    email: text(formData, "email"),
    name: text(formData, "name"),
    role: text(formData, "role"),
    teamIds: formData.getAll("teamIds").filter((v): v is string => typeof v === "string"),
    disabled: formData.get("disabled") === "on",
  };
}

function storedUserValues(user: AdminUser): UserFormValues {
  return {
    id: user.id,
    expectedUpdatedAt: user.updatedAt.toISOString(),
    email: user.email,
    name: user.name,
    role: user.role,
    teamIds: user.teams.map((t) => t.id),
    disabled: user.disabledAt !== null,
  };
}

export async function createUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const values = readUserValues(formData);
  try {
    const ctx = await adminContext();
    const parsed = userCreateInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const created = await createUserAsAdmin(ctx, parsed.data);
    revalidatePath("/admin", "layout");
    // Empty values: the form clears, ready for the next invitation.
    return {
      ok: true,
      message: `Invited ${created.name} (${created.email}). They get this role and these teams on their first sign-in.`,
      values: {},
    };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}

export async function updateUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const values = readUserValues(formData);
  try {
    const ctx = await adminContext();
    const parsed = userUpdateInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const saved = await updateUserAsAdmin(ctx, parsed.data);
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Saved changes to ${saved.name}.`, values: storedUserValues(saved) };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}

function readTeamValues(formData: FormData): TeamFormValues {
  return { id: text(formData, "id"), name: text(formData, "name"), slug: text(formData, "slug") };
}

export async function createTeamAction(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const values = readTeamValues(formData);
  try {
    const ctx = await adminContext();
    const parsed = teamCreateInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const created = await createTeamAsAdmin(ctx, parsed.data);
    // Team pickers and filters across the app list teams, not only the admin pages.
    revalidatePath("/", "layout");
    return { ok: true, message: `Created team ${created.name} (${created.slug}).`, values: {} };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}

export async function renameTeamAction(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const values = readTeamValues(formData);
  try {
    const ctx = await adminContext();
    const parsed = teamRenameInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const renamed = await renameTeamAsAdmin(ctx, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: `Saved. The team is now called ${renamed.name}.`, values: { id: renamed.id, name: renamed.name } };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}

export async function saveTierTargetsAction(_previous: TierTargetsFormState, formData: FormData): Promise<TierTargetsFormState> {
  const values: TierTargetsFormValues = Object.fromEntries(
    TIERS.map((tier) => [TIER_TARGET_FIELDS[tier], text(formData, TIER_TARGET_FIELDS[tier])]),
  );
  try {
    const ctx = await adminContext();
    const parsed = tierTargetsInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    await saveTierTargets(ctx, parsed.data);
    // Targets feed every list, review and portfolio figure that is not frozen in a decision.
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved. Open reviews and lists now use these targets.", values };
  } catch (error) {
    return { ...toActionError(error), values };
  }
}
