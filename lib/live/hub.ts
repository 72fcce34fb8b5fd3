import "server-only";
import { z } from "zod";

import { getGenerations, relayStatus } from "@/lib/data/generations";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { CHANGES_CHANNEL, getListener, RELAY_CHANNEL } from "@/lib/live/listener";
import type { LiveChange } from "@/lib/live/types";

export type TabMessage = { type: "change"; change: LiveChange } | { type: "resync" } | { type: "relay" };

/** The triggers' payload (see the change_notifications migration). */
const notificationSchema = z.object({ w: z.string().min(1), g: z.string().min(1), u: z.string().min(1) });
type Notification = z.infer<typeof notificationSchema>;

type Tab = (message: TabMessage) => void;
type Member = { userId: string; role: Role; workspace: Omit<WorkspaceAccess, "role"> };

/**
 * Fans the process's notifications out to its open tabs. A change goes to a tab only when the
 * tab's viewer is a member of the change's workspace at that moment: membership is read when the
 * change is forwarded (one query per batch), not when the tab connected, so a removed member
 * stops hearing at once and a new one starts without reconnecting.
 */
class Hub {
  private tabs = new Map<string, Set<Tab>>();
  private pending: Notification[] = [];
  private flushing: Promise<void> | null = null;
  private subscribed: Promise<unknown> | null = null;

  /** Registers a tab of this viewer; resolves (to its removal) once notifications are being heard. */
  async add(userId: string, tab: Tab): Promise<() => void> {
    let set = this.tabs.get(userId);
    if (!set) this.tabs.set(userId, (set = new Set()));
    set.add(tab);
    const remove = () => {
      const current = this.tabs.get(userId);
      current?.delete(tab);
      if (current?.size === 0) this.tabs.delete(userId);
    };
    try {
      await this.listen();
    } catch (error) {
      remove();
      throw error;
    }
    return remove;
  }

  /** Open tabs in this process (metrics, tests). */
  get size(): number {
    let n = 0;
    for (const set of this.tabs.values()) n += set.size;
    return n;
  }

  private listen(): Promise<unknown> {
    this.subscribed ??= (async () => {
      const listener = getListener();
      // Notifications sent while the connection was down are gone: every tab re-reads what it shows.
      listener.onReconnect(() => this.broadcast({ type: "resync" }));
      await listener.subscribe(CHANGES_CHANNEL, (payload) => this.receive(payload));
      // The relay is the deployment's, not a tenant's: every tab hears that its state changed
      // (and reads it through its ordinary route).
      await listener.subscribe(RELAY_CHANNEL, () => this.broadcast({ type: "relay" }));
    })().catch((error: unknown) => {
      this.subscribed = null;
      throw error;
    });
    return this.subscribed;
  }

  private receive(payload: string): void {
    let parsed: Notification;
    try {
      parsed = notificationSchema.parse(JSON.parse(payload));
    } catch {
      log.warn({ payload: payload.slice(0, 200) }, "live updates: malformed notification ignored");
      return;
    }
    if (this.tabs.size === 0) return;
    this.pending.push(parsed);
    this.schedule();
  }

  /** Notifications that arrive while a batch is being checked wait for the next batch. */
  private schedule(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    // One macrotask of grace gathers a burst (a generation's slots settling together) into one query.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const batch = this.pending;
    this.pending = [];
    const userIds = [...this.tabs.keys()];
    if (userIds.length === 0) return;
    const workspaceIds = [...new Set(batch.map((n) => n.w))];
    let members: Member[];
    try {
      members = await db.membership.findMany({
        where: { workspaceId: { in: workspaceIds }, userId: { in: userIds } },
        select: { userId: true, role: true, workspace: { select: { id: true, slug: true, name: true, personal: true } } },
      });
    } catch (err) {
      // Without the check nothing is forwarded; tabs re-read everything instead.
      log.error({ err }, "live updates: membership check failed");
      this.broadcast({ type: "resync" });
      return;
    }
    const byWorkspace = new Map<string, Member[]>();
    for (const m of members) byWorkspace.set(m.workspace.id, [...(byWorkspace.get(m.workspace.id) ?? []), m]);
    const changes: { n: Notification; author?: Member }[] = [];
    const seen = new Set<string>();
    for (const n of batch) {
      const key = `${n.w}\u0000${n.g}`;
      if (seen.has(key)) continue;
      seen.add(key);
      changes.push({ n, author: byWorkspace.get(n.w)?.find((m) => m.userId === n.u) });
    }
    const own = await this.readOwn(changes);
    for (const { n } of changes) {
      for (const m of byWorkspace.get(n.w) ?? []) {
        const mine = m.userId === n.u;
        const change: LiveChange = { workspace: m.workspace.slug, generationId: n.g, mine, ...(mine ? own.get(n.g) : undefined) };
        for (const tab of this.tabs.get(m.userId) ?? []) tab({ type: "change", change });
      }
    }
  }

  /**
   * The generations whose author has a tab open here, read as that author sees them (the same read
   * as GET /api/w/…/generations/[id], with the role just checked): their tabs show it without a round
   * trip of their own. Only the author's: teammates hear ids and read through their routes. A failed
   * read sends ids only, and the tab reads it itself.
   */
  private async readOwn(changes: { n: Notification; author?: Member }[]): Promise<Map<string, Pick<LiveChange, "generation" | "relay">>> {
    const read = new Map<string, Pick<LiveChange, "generation" | "relay">>();
    // One query per author and workspace, however many of their generations the batch holds.
    const groups = new Map<string, { author: Member; ids: string[] }>();
    for (const { n, author } of changes) {
      if (!author) continue;
      const key = `${author.userId}\u0000${author.workspace.id}`;
      const group = groups.get(key) ?? { author, ids: [] };
      group.ids.push(n.g);
      groups.set(key, group);
    }
    if (groups.size === 0) return read;
    try {
      const [relay, ...groupsRead] = await Promise.all([
        relayStatus(),
        ...[...groups.values()].map(({ author, ids }) => getGenerations({ id: author.userId }, { ...author.workspace, role: author.role }, ids)),
      ]);
      for (const generation of groupsRead.flat()) read.set(generation.id, { generation, relay });
    } catch (err) {
      log.warn({ err }, "live updates: reading the changed generations failed; tabs read them themselves");
    }
    return read;
  }

  private broadcast(message: TabMessage): void {
    for (const set of this.tabs.values()) for (const tab of set) tab(message);
  }
}

const globalForHub = globalThis as unknown as { atelierHub?: Hub };

/** The process's hub (on globalThis for the same reason as the listener). */
export function getHub(): Hub {
  globalForHub.atelierHub ??= new Hub();
  return globalForHub.atelierHub;
}
