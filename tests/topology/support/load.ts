/**
 * A steady stream of public GETs through nginx, as a visitor's browser and an API client would
 * send them: `concurrency` loops over keep-alive connections, each requesting the next URL as soon
 * as the last answer has been read. Every answer that is not 2xx, and every network error, is a
 * failure the client saw — with one exception a browser makes too (RFC 9112 §9.3.1): when nginx
 * closes an idle keep-alive connection (a reload closes them) just as a GET is sent on it, the
 * connection ends before any answer and the GET is sent again. nginx itself never answers a client
 * by closing the connection: a node's failure reaches the client as a 502/503/504 status.
 */
export type Stream = {
  /** Stops the loops and reports what the clients saw. */
  stop: () => Promise<{ requests: number; failures: string[]; resent: number }>;
  requests: () => number;
};

const closedBeforeAnswer = (e: unknown) => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET";
};

export function steadyGets(base: string, paths: string[], concurrency = 4): Stream {
  let running = true;
  let requests = 0;
  let resent = 0;
  const failures: string[] = [];
  const get = async (p: string, retry: boolean): Promise<void> => {
    try {
      const res = await fetch(base + p, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 200 || res.status > 299) failures.push(`${res.status} ${p}`);
    } catch (e) {
      if (retry && closedBeforeAnswer(e)) {
        resent++;
        return get(p, false);
      }
      failures.push(`${(e as Error).message} (${String((e as { cause?: { code?: string } }).cause?.code ?? "")}) ${p}`);
    }
  };
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      await get(paths[i % paths.length], true);
      requests++;
    }
  };
  const loops = Array.from({ length: concurrency }, (_, k) => loop(k * 7));
  return {
    requests: () => requests,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { requests, failures, resent };
    },
  };
}

/** Waits until `n` more requests have completed (so a step happens under load, not before it). */
export async function whileLoaded(stream: Stream, n: number) {
  const target = stream.requests() + n;
  while (stream.requests() < target) await new Promise((r) => setTimeout(r, 50));
}
