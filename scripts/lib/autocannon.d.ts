// The part of autocannon's API that scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  type Request = { headers?: Record<string, string> };
  type Options = {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    /** Called before each request; what it returns is sent. */
    requests?: { setupRequest?: (request: Request) => Request }[];
    /** Called with each connection's client when it is made. */
    setupClient?: (client: unknown) => void;
  };
  type Result = { requests: { total: number }; non2xx: number; errors: number; timeouts: number };
  type Instance = PromiseLike<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  };
  export default function autocannon(options: Options): Instance;
}
