// The public base images compose.yaml and the Containerfile name, built locally from Debian packages when they are
// not in podman's image store (no registry is reachable from these machines). See deploy/stand-ins/README.md.
import { cpSync, mkdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { commandExists, imageExists, StackError, type Runner } from "./podman";

export const BASE_IMAGES = {
  debian: "docker.io/library/debian:bookworm-slim",
  node: "docker.io/library/node:24-bookworm-slim",
  postgres: "docker.io/library/postgres:15-bookworm",
  nginx: "docker.io/library/nginx:stable-bookworm",
} as const;

const STAND_INS = path.resolve("deploy", "stand-ins");

async function ensureDebian(runner: Runner, workDir: string): Promise<void> {
  if (await imageExists(runner, BASE_IMAGES.debian)) return;
  if (!(await commandExists(runner, "debootstrap"))) {
    throw new StackError(`${BASE_IMAGES.debian} is missing and debootstrap is not installed (apt-get install -y debootstrap).`);
  }
  console.log(`Building ${BASE_IMAGES.debian} with debootstrap (about a minute)…`);
  const rootfs = path.join(workDir, "rootfs");
  await runner.stream("debootstrap", ["--variant=minbase", "bookworm", rootfs]);
  // The image's apt has no lists to start with, as in the official slim image.
  await runner.capture("sh", ["-c", `rm -rf "${rootfs}"/var/lib/apt/lists/* "${rootfs}"/var/cache/apt/archives/*.deb`]);
  const tar = path.join(workDir, "rootfs.tar");
  await runner.capture("tar", ["-C", rootfs, "-cf", tar, "."]);
  await runner.capture("podman", ["import", "--change", 'CMD ["bash"]', tar, BASE_IMAGES.debian]);
  await runner.capture("rm", ["-rf", rootfs, tar]);
}

/** The Node 24 binary running this script and the npm package next to it, in the official image's layout. */
async function ensureNode(runner: Runner, workDir: string): Promise<void> {
  if (await imageExists(runner, BASE_IMAGES.node)) return;
  if (!process.version.startsWith("v24.")) throw new StackError(`Run the stack test on Node 24 (this is ${process.version}).`);
  const { stdout } = await runner.capture("sh", ["-c", "command -v npm"]);
  const npmDir = path.resolve(path.dirname(realpathSync(stdout.trim())), "..");
  const context = path.join(workDir, "node-context");
  mkdirSync(context, { recursive: true });
  cpSync(process.execPath, path.join(context, "node"));
  cpSync(npmDir, path.join(context, "npm"), { recursive: true });
  console.log(`Building ${BASE_IMAGES.node} from ${BASE_IMAGES.debian}, Node ${process.version} and npm…`);
  await build(runner, "node.Containerfile", context, BASE_IMAGES.node);
}

function build(runner: Runner, containerfile: string, context: string, tag: string): Promise<void> {
  return runner.stream("podman", [
    "build",
    "--pull=never",
    "--network=host",
    "-f",
    path.join(STAND_INS, containerfile),
    "-t",
    tag,
    context,
  ]);
}

/** Returns the names of the stand-ins it had to build. */
export async function ensureBaseImages(runner: Runner, workDir: string): Promise<string[]> {
  const built: string[] = [];
  for (const tag of Object.values(BASE_IMAGES)) if (!(await imageExists(runner, tag))) built.push(tag);
  await ensureDebian(runner, workDir);
  await ensureNode(runner, workDir);
  for (const [tag, file] of [
    [BASE_IMAGES.postgres, "postgres.Containerfile"],
    [BASE_IMAGES.nginx, "nginx.Containerfile"],
  ] as const) {
    if (await imageExists(runner, tag)) continue;
    console.log(`Building ${tag} from ${BASE_IMAGES.debian} and Debian's packages…`);
    await build(runner, file, STAND_INS, tag);
  }
  return built;
}
