import { PEER_HEADER, peerHeaderValue, peerToken, setPeerToken } from "@/lib/request/client-address";

/**
 * Requests "from" a socket address, as lib/request/peer-stamp.ts marks them in a running server
 * (tests call handlers and actions directly, without a socket).
 */
export function peerHeaders(address: string, extra: Record<string, string> = {}): Record<string, string> {
  if (!peerToken()) setPeerToken("test-peer-token");
  return { [PEER_HEADER]: peerHeaderValue(address), ...extra };
}
