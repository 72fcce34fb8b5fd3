import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { getGenerations } from "@/lib/data/generations";
import { createGeneration, createOwner } from "@/lib/jobs/testing/fixtures";

import { getHub, type TabMessage } from "./hub";
import { noteRelayOutcome } from "@/lib/jobs/relay-state";
import { closeListener } from "./listener";
import { liveStream } from "./stream";

/** A tab that records what it is told, and can wait for the first message matching a test. */
function recordingTab() {
  const messages: TabMessage[] = [];
  const waiters: { match: (m: TabMessage) => boolean; resolve: (m: TabMessage) => void }[] = [];
  const tab = (m: TabMessage) => {
    messages.push(m);
    for (const w of waiters.splice(0).filter((w) => !w.match(m) || (w.resolve(m), false))) waiters.push(w);
  };
  const next = (match: (m: TabMessage) => boolean) =>
    new Promise<TabMessage>((resolve) => {
      const found = messages.find(match);
      if (found) resolve(found);
      else waiters.push({ match, resolve });
    });
  return { tab, messages, next };
}

const aboutGeneration = (id: string) => (m: TabMessage) => m.type === "change" && m.change.generationId === id;

let owner: Awaited<ReturnType<typeof createOwner>>;
let stranger: Awaited<ReturnType<typeof createOwner>>;
let teammateId: string;
let slug: string;

beforeAll(async () => {
  owner = await createOwner();
  stranger = await createOwner();
  const teammate = await db.user.create({ data: { email: `live-${owner.userId}@example.test`, name: "Teammate" } });
  teammateId = teammate.id;
  await db.membership.create({ data: { userId: teammateId, workspaceId: owner.workspaceId, role: "VIEWER" } });
  slug = (await db.workspace.findUniqueOrThrow({ where: { id: owner.workspaceId } })).slug;
});

afterAll(async () => {
  await closeListener();
  await db.$disconnect();
});

describe("NOTIFY → listener → hub → tabs", () => {
  it("tells members of the workspace (the author with the generation as they see it, teammates ids only) and nobody else", async () => {
    const author = recordingTab();
    const teammate = recordingTab();
    const outsider = recordingTab();
    const removers = [
      await getHub().add(owner.userId, author.tab),
      await getHub().add(teammateId, teammate.tab),
      await getHub().add(stranger.userId, outsider.tab),
    ];
    // The stranger's own workspace has a change too, so the batch carries both tenants' events.
    const theirs = await createGeneration(stranger, { prompt: "someone else's secret" });
    const generation = await createGeneration(owner, { prompt: "a private prompt" });

    const [authorView] = await getGenerations({ id: owner.userId }, { id: owner.workspaceId, slug, name: "", personal: true, role: "OWNER" }, [generation.id]);
    expect(authorView?.prompt).toBe("a private prompt");
    expect(await author.next(aboutGeneration(generation.id))).toEqual({
      type: "change",
      change: { workspace: slug, generationId: generation.id, mine: true, generation: authorView, relay: { struggling: false } },
    });
    expect(await teammate.next(aboutGeneration(generation.id))).toEqual({
      type: "change",
      change: { workspace: slug, generationId: generation.id, mine: false },
    });
    await outsider.next(aboutGeneration(theirs.id));
    // Each tab got its messages in one synchronous pass per batch: both batches are done by now.
    await author.next(() => true);
    expect(outsider.messages.filter(aboutGeneration(generation.id))).toEqual([]);
    expect(author.messages.filter(aboutGeneration(theirs.id))).toEqual([]);
    expect(teammate.messages.filter(aboutGeneration(theirs.id))).toEqual([]);
    expect(JSON.stringify(teammate.messages)).not.toContain("private prompt");
    expect(JSON.stringify([...author.messages, ...teammate.messages])).not.toContain("someone else's secret");
    removers.forEach((remove) => remove());
  });

  it("gives each of the author's generations made at once its own change, with that generation", async () => {
    const author = recordingTab();
    const remove = await getHub().add(owner.userId, author.tab);
    const made = await Promise.all([createGeneration(owner, { prompt: "first of two" }), createGeneration(owner, { prompt: "second of two" })]);
    for (const [i, g] of made.entries()) {
      const message = await author.next(aboutGeneration(g.id));
      expect(message.type === "change" && message.change.generation).toMatchObject({ id: g.id, prompt: ["first of two", "second of two"][i] });
    }
    remove();
  });

  it("notifies on a slot settling and an image kept, not on a heartbeat", async () => {
    const author = recordingTab();
    const remove = await getHub().add(owner.userId, author.tab);
    const generation = await createGeneration(owner, { status: "RUNNING" });
    await author.next(aboutGeneration(generation.id));
    author.messages.length = 0;
    // Heartbeat first, then a slot's status: the first message to arrive must be the slot's.
    await db.generation.update({ where: { id: generation.id }, data: { heartbeatAt: new Date() } });
    await db.$executeRaw`SELECT pg_notify('atelier_changes', ${JSON.stringify({ w: owner.workspaceId, g: "marker-after-heartbeat", u: owner.userId })})`;
    await author.next(aboutGeneration("marker-after-heartbeat"));
    expect(author.messages.filter(aboutGeneration(generation.id))).toEqual([]);

    await db.generationSlot.update({ where: { generationId_index: { generationId: generation.id, index: 0 } }, data: { status: "FAILED" } });
    await author.next(aboutGeneration(generation.id));
    author.messages.length = 0;

    const asset = await db.asset.create({
      data: { ...owner, kind: "RESULT", storageKey: "results/x.png", mime: "image/png", width: 1, height: 1, bytes: 1, sha256: "x" },
    });
    await db.generationImage.create({ data: { generationId: generation.id, index: 0, assetId: asset.id, thumbAssetId: asset.id, shape: "SQUARE" } });
    await author.next(aboutGeneration(generation.id));
    remove();
  });

  it("re-checks membership when forwarding: a removed member hears nothing more", async () => {
    const teammate = recordingTab();
    const author = recordingTab();
    const removers = [await getHub().add(teammateId, teammate.tab), await getHub().add(owner.userId, author.tab)];
    await db.membership.delete({ where: { userId_workspaceId: { userId: teammateId, workspaceId: owner.workspaceId } } });

    const generation = await createGeneration(owner);
    await author.next(aboutGeneration(generation.id));
    expect(teammate.messages).toEqual([]);
    removers.forEach((remove) => remove());
  });

  it("ignores a malformed payload and keeps forwarding", async () => {
    const author = recordingTab();
    const remove = await getHub().add(owner.userId, author.tab);
    await db.$executeRaw`SELECT pg_notify('atelier_changes', 'not json')`;
    const generation = await createGeneration(owner);
    await author.next(aboutGeneration(generation.id));
    expect(author.messages.every((m) => m.type === "change")).toBe(true);
    remove();
  });

  it("reconnects when its connection is killed, tells tabs to re-read, and forwards again", async () => {
    const author = recordingTab();
    const remove = await getHub().add(owner.userId, author.tab);
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'atelier-listen'`;
    await author.next((m) => m.type === "resync");
    const generation = await createGeneration(owner);
    await author.next(aboutGeneration(generation.id));
    remove();
  });
});

describe("the relay's state", () => {
  it("tells every tab when the shared backoff starts and when it ends, and not for each strained answer", async () => {
    const member = recordingTab();
    const other = recordingTab();
    const removers = [await getHub().add(owner.userId, member.tab), await getHub().add(stranger.userId, other.tab)];
    const relay = `https://relay-${owner.userId}.example.test`;
    try {
      const relayMessages = (t: ReturnType<typeof recordingTab>) => t.messages.filter((m) => m.type === "relay").length;
      // Two strained answers are a streak, not yet a backoff: nothing to tell.
      await noteRelayOutcome(relay, true);
      await noteRelayOutcome(relay, true);
      const marker = await createGeneration(owner);
      await member.next(aboutGeneration(marker.id));
      expect(relayMessages(member)).toBe(0);

      await noteRelayOutcome(relay, true);
      await member.next((m) => m.type === "relay");
      await other.next((m) => m.type === "relay");

      await noteRelayOutcome(relay, false);
      const ended = await createGeneration(owner);
      await member.next(aboutGeneration(ended.id));
      expect(relayMessages(member)).toBe(2);
      expect(relayMessages(other)).toBe(2);
    } finally {
      removers.forEach((r) => r());
      await db.relayState.deleteMany({ where: { relay } });
    }
  });
});

describe("the SSE stream", () => {
  it("says ready once listening, sends changes as events, and leaves the hub when the tab goes", async () => {
    const before = getHub().size;
    const tab = new AbortController();
    const response = liveStream(owner.userId, tab.signal);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += value;
      }
    };
    await readUntil("event: ready");
    expect(text.startsWith("retry: ")).toBe(true);
    expect(getHub().size).toBe(before + 1);

    const generation = await createGeneration(owner);
    await readUntil(generation.id);
    const event = text.split("\n\n").find((e) => e.startsWith("event: change\n") && e.includes(generation.id));
    const data = JSON.parse(event!.slice(event!.indexOf("data: ") + 6));
    expect(data).toMatchObject({ workspace: slug, generationId: generation.id, mine: true, generation: { id: generation.id, status: generation.status } });

    tab.abort();
    expect(getHub().size).toBe(before);
    expect((await reader.read()).done).toBe(true);
  });
});
