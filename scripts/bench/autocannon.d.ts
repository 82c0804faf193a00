// The part of autocannon 8's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    requests?: Request[];
    headers?: Record<string, string>;
  };
  type Result = { non2xx: number; errors: number; timeouts: number; requests: { total: number; average: number } };
  type Instance = Promise<Result> & {
    on(event: "response", fn: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
    stop(): void;
  };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
