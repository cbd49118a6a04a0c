// Runs podman and podman-compose for `npm run test:stack`. Every call shares one containers.conf (CONTAINERS_CONF),
// so podman-compose's own podman calls get the same runtime settings as ours.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

export class StackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackError";
  }
}

export type CommandResult = { code: number; stdout: string; stderr: string };

/**
 * Where crun cannot set rlimits or cgroups (these machines: see shared PLATFORM notes), runc with cgroupfs and no
 * default ulimits works. A CONTAINERS_CONF already set by the caller wins.
 */
export function containersEnv(workDir: string): NodeJS.ProcessEnv {
  if (process.env.CONTAINERS_CONF) return { ...process.env };
  const file = path.join(workDir, "containers.conf");
  writeFileSync(
    file,
    [
      "[containers]",
      "default_ulimits = []",
      "",
      "[engine]",
      'runtime = "runc"',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      "",
    ].join("\n"),
  );
  return { ...process.env, CONTAINERS_CONF: file };
}

export type Runner = {
  /** Runs and captures; throws StackError on a non-zero exit unless `allowFailure`. */
  capture(
    command: string,
    args: string[],
    options?: { allowFailure?: boolean; cwd?: string; env?: Record<string, string> },
  ): Promise<CommandResult>;
  /** Runs with output passed through (builds); throws StackError on a non-zero exit. */
  stream(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<void>;
};

export function createRunner(baseEnv: NodeJS.ProcessEnv): Runner {
  const describe = (command: string, args: string[]) => [command, ...args].join(" ");
  return {
    capture(command, args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: { ...baseEnv, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.once("error", (error) => reject(new StackError(`${command}: ${error.message}`)));
        child.once("exit", (code) => {
          const result = { code: code ?? 1, stdout, stderr };
          if (result.code !== 0 && !options.allowFailure) {
            reject(new StackError(`${describe(command, args)} exited ${result.code}:\n${stderr.trim() || stdout.trim()}`));
          } else resolve(result);
        });
      });
    },
    stream(command, args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: { ...baseEnv, ...options.env }, stdio: "inherit" });
        child.once("error", (error) => reject(new StackError(`${command}: ${error.message}`)));
        child.once("exit", (code) => (code === 0 ? resolve() : reject(new StackError(`${describe(command, args)} exited ${code}`))));
      });
    },
  };
}

export async function imageExists(runner: Runner, tag: string): Promise<boolean> {
  return (await runner.capture("podman", ["image", "exists", tag], { allowFailure: true })).code === 0;
}

/** Image size in bytes as podman reports it (uncompressed, all layers). */
export async function imageSize(runner: Runner, tag: string): Promise<number> {
  const { stdout } = await runner.capture("podman", ["image", "inspect", "--format", "{{.Size}}", tag]);
  return Number(stdout.trim());
}

export async function commandExists(runner: Runner, command: string): Promise<boolean> {
  return (await runner.capture("sh", ["-c", `command -v ${command}`], { allowFailure: true })).code === 0;
}
