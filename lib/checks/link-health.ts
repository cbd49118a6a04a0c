import { evidenceDueForLinkCheck, recordLinkHealth } from "@/lib/db/evidence";
import { judgeLink, type LinkJudgement } from "@/lib/domain/checks";
import { OutboundError, outboundRequest, type OutboundAllowlist } from "@/lib/net/outbound";

// Evidence links rot: a dashboard is renamed, a runbook page moves. Each round checks the links that were never
// checked or not for a day, and flags dead ones on the review. A link is dead when it does not answer, or answers
// 404/410 or a server error; 401, 403 and 429 mean it exists behind a login or a limit. A redirect to another host
// is not followed, but it proves the link still answers. Private addresses are not visited unless allowlisted.

export async function checkLink(url: string, allowlist: OutboundAllowlist, timeoutMs: number): Promise<LinkJudgement> {
  try {
    let response = await outboundRequest(url, { method: "HEAD", timeoutMs, allowlist, maxBodyBytes: 0 });
    // Some servers refuse HEAD; ask again with GET before calling the link dead.
    if (response.status === 405 || response.status === 501 || response.status === 404) {
      response = await outboundRequest(url, { method: "GET", timeoutMs, allowlist, maxBodyBytes: 1024 });
    }
    return judgeLink(response.status);
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (error.kind === "redirect" && error.message.startsWith("Redirected to another host"))
      return { health: "OK", problem: error.message };
    if (error.kind === "refused" || error.kind === "invalid-url") return { health: null, problem: `Not checked: ${error.message}` };
    return { health: "DEAD", problem: error.message };
  }
}

export type LinkRound = { checked: number; dead: number; unchecked: number };

export async function checkEvidenceLinks(
  allowlist: OutboundAllowlist,
  options: { limit: number; timeoutMs: number; recheckAfterMs: number },
  now: () => Date = () => new Date(),
): Promise<LinkRound> {
  const due = await evidenceDueForLinkCheck(options.limit, new Date(now().getTime() - options.recheckAfterMs));
  const round: LinkRound = { checked: 0, dead: 0, unchecked: 0 };
  const worker = async () => {
    for (let link = due.shift(); link; link = due.shift()) {
      const judgement = await checkLink(link.url, allowlist, options.timeoutMs);
      await recordLinkHealth(link.id, judgement.health, judgement.problem, now());
      round.checked += 1;
      if (judgement.health === "DEAD") round.dead += 1;
      if (judgement.health === null) round.unchecked += 1;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return round;
}
