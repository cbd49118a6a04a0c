// The compose stack under test: compose.yaml and deploy/nginx.conf copied into a project directory of their own (so
// a developer's .env never leaks in), driven with podman-compose, inspected and cleaned up with podman.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { StackError, type Runner } from "./podman";

export type StackService = "postgres" | "migrate" | "app-a" | "app-b" | "nginx";

export type StackSettings = { project: string; image: string; httpPort: number; demoPassword: string };

export type Stack = {
  settings: StackSettings;
  baseUrl: string;
  compose(args: string[]): Promise<void>;
  container(service: StackService): string;
  /** The replica's address on the stack's network, to reach one replica without nginx. */
  address(service: StackService): Promise<string>;
  waitHealthy(service: "app-a" | "app-b", timeoutMs: number): Promise<void>;
  waitPostgres(timeoutMs: number): Promise<void>;
  /** Runs a one-shot service to completion and returns its output; fails on a non-zero exit. */
  runOnce(service: "migrate"): Promise<string>;
  seedDemo(): Promise<string>;
  logs(service: StackService): Promise<string>;
  down(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new StackError("no free port"))));
    });
  });
}

const secret = () => randomBytes(32).toString("base64url");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createStack(runner: Runner, workDir: string, settings: StackSettings): Stack {
  const projectDir = path.join(workDir, "project");
  mkdirSync(path.join(projectDir, "deploy"), { recursive: true });
  cpSync("compose.yaml", path.join(projectDir, "compose.yaml"));
  cpSync(path.join("deploy", "nginx.conf"), path.join(projectDir, "deploy", "nginx.conf"));
  const baseUrl = `http://127.0.0.1:${settings.httpPort}`;
  const postgresPassword = secret();
  const env: Record<string, string> = {
    POSTGRES_PASSWORD: postgresPassword,
    SHIPSHAPE_APP_DB_PASSWORD: secret(),
    NEXTAUTH_SECRET: secret(),
    NEXTAUTH_URL: baseUrl,
    SHIPSHAPE_IMAGE: settings.image,
    SHIPSHAPE_HTTP_PORT: String(settings.httpPort),
    SHIPSHAPE_DEMO_MODE: "true",
    LOG_LEVEL: "warn",
  };
  // Only what the test sets reaches the containers' pass-through variables.
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "SHIPSHAPE_ADMIN_EMAILS", "METRICS_TOKEN"]) env[name] = "";
  const container = (service: StackService) => `${settings.project}_${service}_1`;
  const compose = async (args: string[]) => {
    await runner.capture("podman-compose", ["-p", settings.project, "-f", "compose.yaml", ...args], { cwd: projectDir, env });
  };
  const inspect = async (service: StackService, format: string) =>
    (await runner.capture("podman", ["inspect", "--format", format, container(service)])).stdout.trim();

  return {
    settings,
    baseUrl,
    compose,
    container,
    async address(service) {
      const ip = await inspect(service, `{{(index .NetworkSettings.Networks "${settings.project}_default").IPAddress}}`);
      if (!ip) throw new StackError(`${container(service)} has no address on ${settings.project}_default`);
      return ip;
    },
    async waitHealthy(service, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // The image's HEALTHCHECK, run by podman (without systemd nothing runs it on a timer).
      while (Date.now() < deadline) {
        const check = await runner.capture("podman", ["healthcheck", "run", container(service)], { allowFailure: true });
        if (check.code === 0) return;
        await sleep(1000);
      }
      throw new StackError(`${container(service)} did not become healthy within ${timeoutMs / 1000} s:\n${await this.logs(service)}`);
    },
    async waitPostgres(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const probe = ["exec", container("postgres"), "pg_isready", "-h", "127.0.0.1", "-U", "shipshape_owner", "-d", "shipshape"];
        if ((await runner.capture("podman", probe, { allowFailure: true })).code === 0) return;
        await sleep(1000);
      }
      throw new StackError(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s:\n${await this.logs("postgres")}`);
    },
    async runOnce(service) {
      // podman-compose 1.0.3's `run` drops the container's exit code, so start the service and wait for it.
      await compose(["up", "-d", service]);
      const { stdout } = await runner.capture("podman", ["wait", container(service)]);
      const output = await this.logs(service);
      if (stdout.trim() !== "0") throw new StackError(`${service} exited ${stdout.trim()}:\n${output}`);
      return output;
    },
    async seedDemo() {
      const owner = `postgres://shipshape_owner:${postgresPassword}@postgres:5432/shipshape`;
      const { stdout, stderr } = await runner.capture("podman", [
        ...["run", "--rm", "--no-healthcheck", "--network", `${settings.project}_default`],
        ...["-e", `DATABASE_URL=${owner}`, "-e", `SHIPSHAPE_DEMO_PASSWORD=${settings.demoPassword}`],
        ...[settings.image, "seed-demo"],
      ]);
      return `${stdout}${stderr}`.trim();
    },
    async logs(service) {
      const result = await runner.capture("podman", ["logs", container(service)], { allowFailure: true });
      return `${result.stdout}${result.stderr}`.trim();
    },
    async down() {
      await compose(["down", "--volumes"]).catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
      // Whatever podman-compose left (a container it did not know about, a failed start): by the project's label.
      const label = `label=io.podman.compose.project=${settings.project}`;
      const { stdout } = await runner.capture("podman", ["ps", "-aq", "--filter", label], { allowFailure: true });
      const ids = stdout.split("\n").filter(Boolean);
      if (ids.length > 0) await runner.capture("podman", ["rm", "-f", "-t", "0", ...ids], { allowFailure: true });
      await runner.capture("podman", ["network", "rm", "-f", `${settings.project}_default`], { allowFailure: true });
      await runner.capture("podman", ["volume", "rm", "-f", `${settings.project}_pgdata`], { allowFailure: true });
    },
  };
}
