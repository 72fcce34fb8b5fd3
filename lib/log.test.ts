import { describe, expect, it } from "vitest";

import { createLogger } from "./log";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe("log", () => {
  it("writes one JSON object per line with the ids it was given", () => {
    const { logger, lines } = captured();
    logger.child({ requestId: "req-1" }).info({ generationId: "gen-1", jobId: "job-1" }, "generation run ended");
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, service: "atelier", requestId: "req-1", generationId: "gen-1", jobId: "job-1", msg: "generation run ended" }),
    ]);
  });

  it("never writes a prompt, a key, a password or a token", () => {
    const { logger, lines } = captured();
    logger.info(
      {
        prompt: "someone else's words",
        generation: { prompt: "nested words", id: "g" },
        imageApi: { apiKey: "sk-secret", baseUrl: "https://relay.example" },
        request: { headers: { authorization: "Bearer abc", cookie: "session=1" } },
        password: "hunter2",
        link: { token: "t0ken" },
      },
      "careless",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["someone else's words", "nested words", "sk-secret", "Bearer abc", "session=1", "hunter2", "t0ken"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("https://relay.example");
  });

  it("serialises errors with their message and stack", () => {
    const { logger, lines } = captured();
    logger.error({ err: new Error("relay down") }, "route failed");
    expect(lines[0]).toMatchObject({ level: 50, err: { type: "Error", message: "relay down", stack: expect.stringContaining("relay down") } });
  });
});
