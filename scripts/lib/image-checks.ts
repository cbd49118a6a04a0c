// What the built image must (not) contain: checked on the image itself, not on the Containerfile.
import { readdirSync, readFileSync } from "node:fs";
import { StackError, type Runner } from "./podman";

export async function checkImage(runner: Runner, image: string): Promise<string> {
  const { stdout } = await runner.capture("podman", ["image", "inspect", "--format", "{{.User}}|{{json .HealthCheck}}", image]);
  const [user, healthcheck] = stdout.trim().split("|");
  if (!user || user === "root" || user === "0") throw new StackError(`${image} runs as ${user || "root"}`);
  if (!healthcheck?.includes("/livez")) throw new StackError(`${image} has no HEALTHCHECK on /livez (built without --format docker?)`);

  const devDependencies = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { devDependencies: object }).devDependencies);
  // The /docs pages read the README and docs/*.md from the working directory at run time.
  const documents = [
    "README.md",
    ...readdirSync("docs")
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
  const probe = `const fs = require("node:fs");
    const missingDocs = ${JSON.stringify(documents)}.filter((file) => !fs.existsSync(file));
    const present = ${JSON.stringify(devDependencies)}.filter((name) => fs.existsSync("node_modules/" + name));
    const secrets = [".env", ".env.local", "/run/secrets/ca-certificates"].filter((file) => fs.existsSync(file));
    console.log(JSON.stringify({ present, secrets, missingDocs, uid: process.getuid(), node: process.version }));`;
  const run = await runner.capture("podman", ["run", "--rm", "--no-healthcheck", "--entrypoint", "node", image, "-e", probe]);
  const found = JSON.parse(run.stdout.trim()) as { present: string[]; secrets: string[]; missingDocs: string[]; uid: number; node: string };
  if (found.present.length > 0) throw new StackError(`${image} contains dev dependencies: ${found.present.join(", ")}`);
  if (found.secrets.length > 0) throw new StackError(`${image} contains secrets: ${found.secrets.join(", ")}`);
  if (found.missingDocs.length > 0) throw new StackError(`${image} lacks what /docs serves: ${found.missingDocs.join(", ")}`);
  if (found.uid === 0) throw new StackError(`${image} runs as uid 0`);
  if (!found.node.startsWith("v24.")) throw new StackError(`${image} runs Node ${found.node}, not 24`);
  return `Image: user ${user} (uid ${found.uid}), Node ${found.node}, HEALTHCHECK on /livez, no dev dependencies, no secrets, ${documents.length} documents for /docs`;
}
