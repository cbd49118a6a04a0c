// `npm run test:stack`: builds the image with podman, starts compose.yaml (PostgreSQL, the one-shot migration, two
// replicas, nginx), signs in through nginx, SIGKILLs one replica under signed-in load and requires that no request
// failed (nginx retries every GET the dead replica drops), then checks what the replicas must share: a sign-out on
// one ends the session on the other, and failed sign-ins count across both. Always removes its containers.
// Needs root podman, podman-compose and (when the base images are missing) debootstrap: see deploy/stand-ins.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { signIn } from "./lib/bench-server";
import { checkImage } from "./lib/image-checks";
import { containersEnv, createRunner, imageSize, StackError } from "./lib/podman";
import { signInLimitIsShared, signOutOnOneEndsSessionOnOther } from "./lib/stack-checks";
import { describeStatuses, loadWithFault, ms } from "./lib/stack-load";
import { createStack, freePort, type Stack } from "./lib/stack";
import { ensureBaseImages } from "./lib/stand-in-images";

const IMAGE = "localhost/shipshape:stack-test";
const DEMO_USER = "leader@example.com";
const LOAD = { path: "/portfolio", connections: 8, durationS: 20, faultAtS: 6 };

const timings: [string, number][] = [];
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  console.log(`\n▶ ${label}`);
  const value = await step();
  timings.push([label, performance.now() - t0]);
  return value;
}
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

async function expectServes(stack: Stack, cookie: string, times: number): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${stack.baseUrl}${LOAD.path}`, { headers: { cookie }, redirect: "manual" });
    await response.text();
    statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
  }
  if (statuses.size !== 1 || !statuses.has("200")) throw new StackError(`GET ${LOAD.path} through nginx: ${[...statuses].join(" ")}`);
  return statuses;
}

async function waitReady(replica: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const status = await fetch(`${replica}/readyz`).then(
      async (response) => (await response.text(), response.status),
      () => 0,
    );
    if (status === 200) return;
    last = status ? `HTTP ${status}` : "no answer";
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new StackError(`${replica}/readyz did not answer 200 within ${timeoutMs / 1000} s (${last})`);
}

/** How many requests nginx answered from the second upstream after the first failed, from its access log. */
function retriedByNginx(log: string): number {
  return log.split("\n").filter((line) => /upstream_status=\S+, /.test(line)).length;
}

async function main(): Promise<number> {
  const started = performance.now();
  const workDir = mkdtempSync(path.join(process.env.TMPDIR ?? "/var/tmp", "shipshape-stack-"));
  const runner = createRunner(containersEnv(workDir));
  const stack = createStack(runner, workDir, {
    project: `shipshapestack${process.pid}`,
    image: IMAGE,
    httpPort: await freePort(),
    demoPassword: `stack-${Date.now()}`,
  });
  const results: string[] = [];
  try {
    const built = await timed("base images (local stand-ins when missing)", () => ensureBaseImages(runner, workDir));
    console.log(built.length ? `Built stand-ins: ${built.join(", ")}` : "All base images present.");
    // A CA bundle this machine trusts (a TLS-intercepting proxy's) reaches npm as a build secret, never a layer.
    const ca = process.env.NODE_EXTRA_CA_CERTS;
    const secret = ca && existsSync(ca) ? ["--secret", `id=ca-certificates,src=${ca}`] : [];
    await timed("image build", () =>
      runner.stream("podman", ["build", "--format", "docker", "--pull=never", "--network=host", ...secret, "-t", IMAGE, "."]),
    );
    const size = await imageSize(runner, IMAGE);
    results.push(await timed("image contents", () => checkImage(runner, IMAGE)));

    await timed("postgres", async () => {
      await stack.compose(["up", "-d", "postgres"]);
      await stack.waitPostgres(90_000);
    });
    const migrated = await timed("migrate (one-shot service)", () => stack.runOnce("migrate"));
    console.log(migrated);
    console.log(await timed("seed the demo data (image's seed-demo command)", () => stack.seedDemo()));
    await timed("replicas and nginx healthy", async () => {
      await stack.compose(["up", "-d", "app-a", "app-b", "nginx"]);
      await Promise.all([stack.waitHealthy("app-a", 120_000), stack.waitHealthy("app-b", 120_000)]);
      // Live is not ready: a replica answers 503 until its first database probe, and nginx retries no POST.
      await Promise.all([
        waitReady(`http://${await stack.address("app-a")}:3000`),
        waitReady(`http://${await stack.address("app-b")}:3000`),
      ]);
    });

    const cookies = await timed("sign in through nginx", () => signIn(stack.baseUrl, DEMO_USER, stack.settings.demoPassword));
    await expectServes(stack, cookies.header(), 4);
    const runbooks = await fetch(`${stack.baseUrl}/docs/runbooks`, { headers: { cookie: cookies.header() }, redirect: "manual" });
    if (runbooks.status !== 200 || !/Shipshape runbooks/i.test(await runbooks.text())) {
      throw new StackError(`GET /docs/runbooks through nginx: ${runbooks.status}`);
    }

    const victim = stack.container("app-a");
    const load = await timed(`load through nginx, SIGKILL app-a after ${LOAD.faultAtS} s`, () =>
      loadWithFault({
        url: `${stack.baseUrl}${LOAD.path}`,
        cookie: cookies.header(),
        connections: LOAD.connections,
        durationS: LOAD.durationS,
        faultAtS: LOAD.faultAtS,
        fault: async () => {
          await runner.capture("podman", ["kill", "--signal", "KILL", victim]);
        },
      }),
    );
    const retried = retriedByNginx(await stack.logs("nginx"));
    const failed = [...load.byStatus].filter(([status]) => status !== 200).reduce((sum, [, count]) => sum + count, 0);
    results.push(
      `Load: ${load.requests} × GET ${LOAD.path} over ${LOAD.connections} connections for ${LOAD.durationS} s; app-a killed at ${seconds(load.faultAtMs)}`,
      `Statuses: ${describeStatuses(load.byStatus)}; socket errors ${load.errors}, timeouts ${load.timeouts}`,
      `Latency: p50 ${ms(load.p50Ms)}, p99 ${ms(load.p99Ms)}, max ${ms(load.maxMs)}; requests nginx retried on app-b: ${retried}`,
    );
    if (failed > 0 || load.errors > 0 || load.timeouts > 0) {
      throw new StackError(`Requests failed while a replica died:\n${results.join("\n")}`);
    }

    await timed("still serving on one replica", () => expectServes(stack, cookies.header(), 5));
    await timed("app-a back", async () => {
      const state = await runner.capture("podman", ["inspect", "--format", "{{.State.Running}}", victim]);
      if (state.stdout.trim() !== "true") await runner.capture("podman", ["start", victim]);
      await stack.waitHealthy("app-a", 120_000);
    });
    await expectServes(stack, cookies.header(), 4);

    const [ipA, ipB] = await Promise.all([stack.address("app-a"), stack.address("app-b")]);
    const replicaA = `http://${ipA}:3000`;
    const replicaB = `http://${ipB}:3000`;
    results.push(await timed("sign-out across replicas", () => signOutOnOneEndsSessionOnOther(replicaA, replicaB, cookies, DEMO_USER)));
    results.push(await timed("sign-in limit across replicas", () => signInLimitIsShared(replicaA, replicaB, "data@example.com", 10)));

    results.push(`Image ${IMAGE}: ${Math.round(size / 1e6)} MB`);
    return 0;
  } finally {
    await timed("clean up", () => stack.down());
    rmSync(workDir, { recursive: true, force: true });
    console.log("\n| Step | Duration |\n| --- | ---: |");
    for (const [label, duration] of timings) console.log(`| ${label} | ${seconds(duration)} |`);
    console.log(`| **total** | ${seconds(performance.now() - started)} |\n`);
    for (const line of results) console.log(line);
  }
}

main().then(
  (code) => {
    console.log("\n✔ stack test passed");
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
