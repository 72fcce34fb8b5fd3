import "server-only";
import pg from "pg";

import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** NOTIFY channels (the triggers in prisma/migrations/*_change_notifications, and the queue's wake-up). */
export const CHANGES_CHANNEL = "atelier_changes";
export const JOBS_CHANNEL = "atelier_jobs";
/** The relay's shared backoff started or ended (the relay_notifications migration). */
export const RELAY_CHANNEL = "atelier_relay";
export type Channel = typeof CHANGES_CHANNEL | typeof JOBS_CHANNEL | typeof RELAY_CHANNEL;

type Handler = (payload: string) => void;

/** How long to wait before reconnecting after the connection is lost, doubling up to the cap. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * One LISTEN connection per process, outside Prisma's pool (a pooled connection is handed to other
 * queries and its LISTEN with it). It listens on every channel someone subscribed to, reconnects
 * with backoff when the database goes away, and tells `onReconnect` subscribers when it is back:
 * a notification sent while it was gone is lost, so they re-read what they show.
 */
class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private handlers = new Map<Channel, Set<Handler>>();
  private reconnectHandlers = new Set<() => void>();
  private delayMs = RECONNECT_MIN_MS;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** A notification may have been missed: the connection was lost, or a connect failed. */
  private missed = false;
  /** True once connected and listening; false while (re)connecting. */
  connected = false;

  constructor(private readonly url: string) {}

  /** Subscribes to a channel; the returned function unsubscribes. Resolves once LISTEN is in place. */
  async subscribe(channel: Channel, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    const fresh = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    const off = () => void this.handlers.get(channel)?.delete(handler);
    if (!this.client) await this.connect();
    else if (fresh) await this.client.query(`LISTEN ${channel}`).catch(() => this.lost());
    return off;
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => void this.reconnectHandlers.delete(handler);
  }

  private connect(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: "atelier-listen" });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (msg) => {
      for (const handler of this.handlers.get(msg.channel as Channel) ?? []) {
        try {
          handler(msg.payload ?? "");
        } catch (err) {
          log.error({ err, channel: msg.channel }, "change listener failed");
        }
      }
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      log.warn({ err }, "live updates: could not listen; retrying");
      this.missed = true;
      client.end().catch(() => undefined);
      this.schedule();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.missed;
    this.client = client;
    this.connected = true;
    this.missed = false;
    this.delayMs = RECONNECT_MIN_MS;
    if (reconnected) for (const handler of this.reconnectHandlers) handler();
  }

  private lost(client: pg.Client | null = this.client): void {
    if (client !== this.client || !client) return;
    this.client = null;
    this.connected = false;
    this.missed = true;
    client.end().catch(() => undefined);
    log.warn("live updates: listening connection lost; reconnecting");
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    const wait = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, wait);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }
}

// One per process, on globalThis: Next bundles route handlers and instrumentation as separate
// module graphs, and dev reloads modules.
const globalForListener = globalThis as unknown as { atelierListener?: Listener };

export function getListener(): Listener {
  globalForListener.atelierListener ??= new Listener(env.DATABASE_URL);
  return globalForListener.atelierListener;
}

/** Closes the process's listening connection (tests, shutdown); the next getListener() opens a new one. */
export async function closeListener(): Promise<void> {
  const listener = globalForListener.atelierListener;
  globalForListener.atelierListener = undefined;
  await listener?.close();
}
