import type { Viewer } from "@/lib/auth/permissions";
import { visiblePerson, type People, type PersonRef } from "@/lib/db/people";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/db/review-access";
import { awaitsConfirmation } from "@/lib/domain/carry-forward";
import type { AnswerStatus, EvidenceKind } from "@/lib/domain/types";
import { isWaiverActive, isWaiverExpired, type WaiverStatus, type WaiverTerms } from "@/lib/domain/waivers";

// The plain shapes review pages, actions and the API receive. Selects are explicit so a new
// column never leaks out by accident; item ids are translated to stable item keys.

export function visibleEvidence(viewer: Viewer, evidence: EvidenceDto): EvidenceDto {
  return { ...evidence, createdBy: visiblePerson(viewer, evidence.createdBy) };
}

export function visibleAnswer(viewer: Viewer, answer: AnswerDto): AnswerDto {
  return {
    ...answer,
    answeredBy: visiblePerson(viewer, answer.answeredBy),
    confirmedBy: visiblePerson(viewer, answer.confirmedBy),
    evidence: answer.evidence.map((e) => visibleEvidence(viewer, e)),
  };
}

export function visibleWaiver(viewer: Viewer, waiver: WaiverDto): WaiverDto {
  return { ...waiver, requestedBy: visiblePerson(viewer, waiver.requestedBy), approvedBy: visiblePerson(viewer, waiver.approvedBy) };
}

export type EvidenceDto = {
  id: string;
  url: string;
  title: string;
  kind: EvidenceKind;
  createdBy: PersonRef | null;
  createdAt: Date;
  /** The scheduled link check's finding: null until checked, or when it could not judge (see linkProblem). */
  linkHealth: "OK" | "DEAD" | null;
  linkProblem: string | null;
  linkCheckedAt: Date | null;
};

export type AnswerDto = {
  id: string;
  itemKey: string;
  status: AnswerStatus;
  note: string;
  naReason: string | null;
  version: number;
  answeredBy: PersonRef | null;
  answeredAt: Date;
  evidence: EvidenceDto[];
  /** The decided review this answer was carried forward from; null when it was answered in this review. */
  carriedFromReviewId: string | null;
  /** Carried and not yet confirmed: it counts for nothing until someone confirms it or changes its status. */
  awaitsConfirmation: boolean;
  confirmedBy: PersonRef | null;
  confirmedAt: Date | null;
};

export type WaiverDto = WaiverTerms & {
  id: string;
  /** Approved and not past its expiry on the day it was read. */
  isActive: boolean;
  /** Approved but past its expiry: it no longer counts. */
  isExpired: boolean;
  /** Who asked for it: the four-eyes rule keeps them from approving or rejecting it. */
  requestedById: string | null;
  requestedBy: PersonRef | null;
  approvedBy: PersonRef | null;
  approvedAt: Date | null;
  createdAt: Date;
};

export const personSelect = { select: { id: true, name: true, email: true } } as const;

export const evidenceSelect = {
  id: true,
  url: true,
  title: true,
  kind: true,
  createdById: true,
  createdAt: true,
  linkHealth: true,
  linkProblem: true,
  linkCheckedAt: true,
} as const;

export const answerSelect = {
  id: true,
  status: true,
  note: true,
  naReason: true,
  version: true,
  answeredById: true,
  answeredAt: true,
  carriedFromReviewId: true,
  confirmedById: true,
  confirmedAt: true,
  item: { select: { key: true } },
  evidence: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: evidenceSelect },
} satisfies Prisma.AnswerSelect;

export const waiverSelect = {
  id: true,
  reason: true,
  compensatingControl: true,
  riskOwner: true,
  expiresOn: true,
  status: true,
  requestedById: true,
  approvedById: true,
  approvedAt: true,
  createdAt: true,
  item: { select: { key: true } },
} as const;

type EvidenceRow = {
  id: string;
  url: string;
  title: string;
  kind: EvidenceKind;
  createdById: string | null;
  createdAt: Date;
  linkHealth: "OK" | "DEAD" | null;
  linkProblem: string | null;
  linkCheckedAt: Date | null;
};
export type AnswerRow = {
  id: string;
  status: AnswerStatus;
  note: string;
  naReason: string | null;
  version: number;
  answeredById: string | null;
  answeredAt: Date;
  carriedFromReviewId: string | null;
  confirmedById: string | null;
  confirmedAt: Date | null;
  item: { key: string };
  evidence: EvidenceRow[];
};
export type WaiverRow = {
  id: string;
  reason: string;
  compensatingControl: string;
  riskOwner: string;
  expiresOn: Date;
  status: WaiverStatus;
  requestedById: string | null;
  approvedById: string | null;
  approvedAt: Date | null;
  createdAt: Date;
  item: { key: string };
};

export function toEvidenceDto(row: EvidenceRow, people: People): EvidenceDto {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    kind: row.kind,
    createdBy: row.createdById ? (people.get(row.createdById) ?? null) : null,
    createdAt: row.createdAt,
    linkHealth: row.linkHealth,
    linkProblem: row.linkProblem,
    linkCheckedAt: row.linkCheckedAt,
  };
}

export function toAnswerDto(row: AnswerRow, people: People): AnswerDto {
  return {
    id: row.id,
    itemKey: row.item.key,
    status: row.status,
    note: row.note,
    naReason: row.naReason,
    version: row.version,
    answeredBy: row.answeredById ? (people.get(row.answeredById) ?? null) : null,
    answeredAt: row.answeredAt,
    evidence: row.evidence.map((e) => toEvidenceDto(e, people)),
    carriedFromReviewId: row.carriedFromReviewId,
    awaitsConfirmation: awaitsConfirmation(row),
    confirmedBy: row.confirmedById ? (people.get(row.confirmedById) ?? null) : null,
    confirmedAt: row.confirmedAt,
  };
}

export function toWaiverDto(row: WaiverRow, people: People, today: string): WaiverDto {
  const expiresOn = isoDay(row.expiresOn);
  const dates = { status: row.status, expiresOn };
  return {
    id: row.id,
    itemKey: row.item.key,
    reason: row.reason,
    compensatingControl: row.compensatingControl,
    riskOwner: row.riskOwner,
    expiresOn,
    status: row.status,
    isActive: isWaiverActive(dates, today),
    isExpired: isWaiverExpired(dates, today),
    requestedById: row.requestedById,
    requestedBy: row.requestedById ? (people.get(row.requestedById) ?? null) : null,
    approvedBy: row.approvedById ? (people.get(row.approvedById) ?? null) : null,
    approvedAt: row.approvedAt,
    createdAt: row.createdAt,
  };
}

export function peopleIdsOf(answers: readonly AnswerRow[], waivers: readonly WaiverRow[]): (string | null)[] {
  return [
    ...answers.flatMap((a) => [a.answeredById, a.confirmedById, ...a.evidence.map((e) => e.createdById)]),
    ...waivers.flatMap((w) => [w.requestedById, w.approvedById]),
  ];
}

/**
 * What the audit trail records for an answer: the fields a person edits, plus the version, and for a carried answer
 * where it came from and whether it was confirmed.
 */
export function answerAuditView(
  answer: Pick<AnswerDto, "itemKey" | "status" | "note" | "naReason" | "version"> &
    Partial<Pick<AnswerDto, "carriedFromReviewId" | "awaitsConfirmation">>,
) {
  const view = { itemKey: answer.itemKey, status: answer.status, note: answer.note, naReason: answer.naReason, version: answer.version };
  if (!answer.carriedFromReviewId) return view;
  return { ...view, carriedFromReviewId: answer.carriedFromReviewId, confirmed: !answer.awaitsConfirmation };
}

export function waiverAuditView(
  waiver: Pick<WaiverDto, "itemKey" | "reason" | "compensatingControl" | "riskOwner" | "expiresOn" | "status">,
) {
  return {
    itemKey: waiver.itemKey,
    status: waiver.status,
    reason: waiver.reason,
    compensatingControl: waiver.compensatingControl,
    riskOwner: waiver.riskOwner,
    expiresOn: waiver.expiresOn,
  };
}
