import { randomBytes } from "node:crypto";
import http from "node:http";
import { PEER_HEADER, peerHeaderValue, setPeerToken } from "./client-address";

/**
 * Writes every incoming request's socket address into PEER_HEADER before Next.js reads the
 * request, replacing whatever the client sent under that name, and signs it with a token made
 * once per process (so a request that arrived before this was installed, carrying its own
 * PEER_HEADER, is not believed). Installed once by instrumentation.ts; route handlers, server
 * actions and Auth.js see the address through `headers()` (lib/request/client-address.ts).
 */
type Flag = { __registryPeerStamp?: boolean };

export function installPeerStamp() {
  const flag = globalThis as Flag;
  if (flag.__registryPeerStamp) return;
  flag.__registryPeerStamp = true;
  const token = randomBytes(18).toString("base64url");
  setPeerToken(token);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = peerHeaderValue(req.socket?.remoteAddress ?? "", token);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  };
}
