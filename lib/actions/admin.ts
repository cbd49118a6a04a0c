"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionContext } from "@/lib/actions/action-client";
import { defineAction } from "@/lib/actions/define-action";
import { formList, formText } from "@/lib/actions/form-data";
import type { ActionFailure } from "@/lib/actions/result";
import { can, type Viewer } from "@/lib/auth/permissions";
import { createTeamAsAdmin, renameTeamAsAdmin } from "@/lib/db/admin-teams";
import { ADMIN_ONLY_MESSAGE, createUserAsAdmin, updateUserAsAdmin, type AdminUser } from "@/lib/db/admin-users";
import { saveTierTargets } from "@/lib/db/settings";
import { removeCheckBinding, saveCheckBinding } from "@/lib/db/checks";
import { checkBindingInput } from "@/lib/schemas/checks";
import { itemKeyInput } from "@/lib/schemas/review";
import { TIERS } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { ADMIN_CHECKS_PATH, ADMIN_PATH } from "@/lib/routes";
import {
  teamCreateInput,
  teamRenameInput,
  TIER_TARGET_FIELDS,
  tierTargetsInput,
  userCreateInput,
  userUpdateInput,
} from "@/lib/schemas/admin";

// The admin forms' actions: the admin right is checked before parsing (lib/db checks it again), then the parsed
// form is saved and the pages revalidated. Every result carries the form's values, so a refused form shows exactly
// what was typed and a saved one shows what is now stored (including the new version to save on top of).

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

/** The admin right, checked before anything is parsed (lib/db checks it again). */
function assertAdminViewer(viewer: Viewer): void {
  if (!can(viewer, { type: "admin" })) throw new AppError("FORBIDDEN", ADMIN_ONLY_MESSAGE);
}

type AdminForm<Values, S extends z.ZodType, Saved> = {
  /** The action's name in traces. */
  name: string;
  read: (formData: FormData) => Values;
  schema: S;
  save: (ctx: ActionContext, input: z.output<S>) => Promise<Saved>;
  /** The layout to refresh after a save. */
  revalidate: string;
  /** What the form says after a save, and the values it shows from then on (empty ones clear it). */
  saved: (saved: Saved, typed: Values) => { message: string; values: Values };
};

/** Every admin form: admin only, and a refused form keeps exactly what was typed. */
function adminFormAction<Values, S extends z.ZodType, Saved>(form: AdminForm<Values, S, Saved>) {
  return defineAction({
    name: form.name,
    input: (_previous: AdminFormState<Values>, formData: FormData) => form.read(formData),
    authorize: assertAdminViewer,
    schema: form.schema,
    handler: async (input, ctx, _previous, formData): Promise<AdminFormState<Values>> => {
      const saved = await form.save(ctx, input);
      revalidatePath(form.revalidate, "layout");
      return { ok: true, ...form.saved(saved, form.read(formData)) };
    },
    failure: (failure, { raw }): AdminFormState<Values> => ({ ...failure, values: raw }),
  });
}

function readUserValues(formData: FormData): UserFormValues {
  return {
    id: formText(formData, "id"),
    expectedUpdatedAt: formText(formData, "expectedUpdatedAt"),
    email: formText(formData, "email"),
    name: formText(formData, "name"),
    role: formText(formData, "role"),
    teamIds: formList(formData, "teamIds"),
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

export const createUserAction = adminFormAction({
  name: "createUser",
  read: readUserValues,
  schema: userCreateInput,
  save: createUserAsAdmin,
  revalidate: ADMIN_PATH,
  // Empty values: the form clears, ready for the next invitation.
  saved: (created) => ({
    message: `Invited ${created.name} (${created.email}). They get this role and these teams on their first sign-in.`,
    values: {},
  }),
});

export const updateUserAction = adminFormAction({
  name: "updateUser",
  read: readUserValues,
  schema: userUpdateInput,
  save: updateUserAsAdmin,
  revalidate: ADMIN_PATH,
  saved: (user) => ({ message: `Saved changes to ${user.name}.`, values: storedUserValues(user) }),
});

function readTeamValues(formData: FormData): TeamFormValues {
  return { id: formText(formData, "id"), name: formText(formData, "name"), slug: formText(formData, "slug") };
}

// Team pickers and filters across the app list teams, not only the admin pages.
const TEAM_PAGES = "/";

export const createTeamAction = adminFormAction({
  name: "createTeam",
  read: readTeamValues,
  schema: teamCreateInput,
  save: createTeamAsAdmin,
  revalidate: TEAM_PAGES,
  saved: (team) => ({ message: `Created team ${team.name} (${team.slug}).`, values: {} }),
});

export const renameTeamAction = adminFormAction({
  name: "renameTeam",
  read: readTeamValues,
  schema: teamRenameInput,
  save: renameTeamAsAdmin,
  revalidate: TEAM_PAGES,
  saved: (team) => ({ message: `Saved. The team is now called ${team.name}.`, values: { id: team.id, name: team.name } }),
});

function readTierTargetValues(formData: FormData): TierTargetsFormValues {
  return Object.fromEntries(TIERS.map((tier) => [TIER_TARGET_FIELDS[tier], formText(formData, TIER_TARGET_FIELDS[tier])]));
}

export const saveTierTargetsAction = adminFormAction({
  name: "saveTierTargets",
  read: readTierTargetValues,
  schema: tierTargetsInput,
  save: saveTierTargets,
  // Targets feed every list, review and portfolio figure that is not frozen in a decision.
  revalidate: "/",
  saved: (_targets, typed) => ({ message: "Saved. Open reviews and lists now use these targets.", values: typed }),
});

export type CheckBindingFormValues = { itemKey?: string; kind?: string; validForMinutes?: string; timeoutMs?: string };
export type CheckBindingFormState = AdminFormState<CheckBindingFormValues>;

function readCheckBindingValues(formData: FormData): CheckBindingFormValues {
  return {
    itemKey: formText(formData, "itemKey"),
    kind: formText(formData, "kind"),
    validForMinutes: formText(formData, "validForMinutes"),
    timeoutMs: formText(formData, "timeoutMs"),
  };
}

export const saveCheckBindingAction = adminFormAction({
  name: "saveCheckBinding",
  read: readCheckBindingValues,
  schema: checkBindingInput,
  save: saveCheckBinding,
  revalidate: ADMIN_CHECKS_PATH,
  saved: (binding) => ({ message: `Saved. "${binding.itemKey}" is now checked automatically.`, values: {} }),
});

export const removeCheckBindingAction = adminFormAction({
  name: "removeCheckBinding",
  read: (formData): CheckBindingFormValues => ({ itemKey: formText(formData, "itemKey") }),
  schema: z.object({ itemKey: itemKeyInput }),
  save: (ctx, { itemKey }) => removeCheckBinding(ctx, itemKey).then(() => itemKey),
  revalidate: ADMIN_CHECKS_PATH,
  saved: (itemKey) => ({ message: `Removed. "${itemKey}" is answered by hand only.`, values: {} }),
});
