import { listCheckBindings, recordProbeResults, servicesWithHealthUrl } from "@/lib/db/checks";
import { probeOutcome, type ProbeOutcome } from "@/lib/domain/checks";
import { OutboundError, outboundRequest, type OutboundAllowlist } from "@/lib/net/outbound";

// One round of HTTP probes: every service that declares a health URL is probed once, and the outcome is recorded
// for every checklist item bound to an HTTP probe. Services are probed a few at a time, each under the shortest
// timeout its bindings ask for.

const PARALLEL = 4;

export type ProbeRound = { services: number; passing: number; warning: number; failing: number };

export async function probeOne(url: string, timeoutMs: number, allowlist: OutboundAllowlist): Promise<ProbeOutcome> {
  try {
    const response = await outboundRequest(url, {
      timeoutMs,
      allowlist,
      headers: { accept: "application/health+json, application/json;q=0.9, */*;q=0.1" },
    });
    return probeOutcome(response.status, response.contentType, response.body, response.elapsedMs);
  } catch (error) {
    if (error instanceof OutboundError) return { status: "FAILING", summary: error.message };
    throw error;
  }
}

export async function runProbes(allowlist: OutboundAllowlist, now: () => Date = () => new Date()): Promise<ProbeRound> {
  const bindings = (await listCheckBindings()).filter((binding) => binding.kind === "HTTP_PROBE");
  const round: ProbeRound = { services: 0, passing: 0, warning: 0, failing: 0 };
  if (bindings.length === 0) return round;
  const timeoutMs = Math.min(...bindings.map((binding) => binding.timeoutMs));
  const queue = await servicesWithHealthUrl();
  const worker = async () => {
    for (let service = queue.shift(); service; service = queue.shift()) {
      const observedAt = now();
      const outcome = await probeOne(service.healthUrl, timeoutMs, allowlist);
      await recordProbeResults(service.id, bindings, outcome, observedAt, service.healthUrl);
      round.services += 1;
      round[outcome.status === "PASSING" ? "passing" : outcome.status === "WARNING" ? "warning" : "failing"] += 1;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return round;
}
