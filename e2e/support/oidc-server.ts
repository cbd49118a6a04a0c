// A real OpenID Connect provider on 127.0.0.1 for sign-in tests. The identity it vouches for is set
// by the test through a small control endpoint (POST /_identity), so each test signs in as its own user.
import http from "node:http";
import { OAuth2Server } from "oauth2-mock-server";

const port = Number(process.env.E2E_OIDC_PORT ?? 4011);
type Identity = { sub: string; email: string; name: string };
let identity: Identity = { sub: "e2e-default", email: "e2e-default@example.com", name: "E2E Default" };

async function main() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, identity);
  });
  server.service.on("beforeUserinfo", (response: { body: Record<string, unknown> }) => {
    response.body = { ...identity };
  });
  await server.start(port, "127.0.0.1");

  const control = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/_identity") {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      identity = JSON.parse(body) as Identity;
      res.writeHead(204).end();
    });
  });
  control.listen(port + 1, "127.0.0.1");
  const stop = () => {
    control.close();
    void server.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
