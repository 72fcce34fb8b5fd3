import type { QueryClient } from "@tanstack/react-query";
import type { GenerationDTO } from "@/lib/data/dto";
import type { LiveChange } from "@/lib/live/types";
import { apiUrls } from "@/lib/urls";
import { galleryKeys } from "./gallery";
import { fetchGeneration, generationKeys, type RecentGenerations } from "./generations";
import { workspaceKeys } from "./workspace";

/**
 * The tab's one live-update stream (an EventSource on /api/events), shared by Create, the gallery
 * and Activity. A change updates the TanStack Query caches; views poll only while the stream is
 * not open ("connecting" or "down"), and it re-reads everything when it (re)opens.
 */
export type LiveState = "connecting" | "open" | "down";

/** A generation of the viewer's that this tab saw pending and now sees settled. */
export type FinishedListener = (generation: GenerationDTO, workspace: string) => void;

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** A remount (navigating between workspaces) keeps the stream rather than reopening it. */
const CLOSE_GRACE_MS = 2_000;

let state: LiveState = "connecting";
const stateListeners = new Set<() => void>();
const finishedListeners = new Set<FinishedListener>();
let source: EventSource | null = null;
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryMs = RECONNECT_MIN_MS;
let client: QueryClient | null = null;
/** Generations of the viewer seen pending here: their settling is what the title and notifications tell. */
const seenPending = new Set<string>();
/**
 * One read per generation at a time; a change during a read asks for one more read after it. A
 * generation the stream carried meanwhile makes the read's answer stale: it is dropped, not stored
 * over the newer one (which would put a finished card back to pending and tell its end twice).
 */
const reading = new Map<string, { again: boolean; stale: boolean }>();

export const isPending = (g: Pick<GenerationDTO, "status">) => g.status === "QUEUED" || g.status === "RUNNING";

export const getLiveState = (): LiveState => state;
export const getServerLiveState = (): LiveState => "connecting";
export function subscribeLiveState(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => void stateListeners.delete(listener);
}

export function onGenerationFinished(listener: FinishedListener): () => void {
  finishedListeners.add(listener);
  return () => void finishedListeners.delete(listener);
}

function setState(next: LiveState) {
  if (state === next) return;
  state = next;
  // Tests and the bench read whether the stream is in use from the page itself.
  document.documentElement.dataset.live = next;
  stateListeners.forEach((l) => l());
}

/** Opens the stream (once per tab, however many views use it); the returned function lets go. */
export function acquireLiveStream(queryClient: QueryClient): () => void {
  client = queryClient;
  users++;
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = null;
  if (!source && !retryTimer) open();
  return () => {
    users--;
    if (users > 0) return;
    closeTimer = setTimeout(close, CLOSE_GRACE_MS);
  };
}

function open() {
  retryTimer = null;
  const es = new EventSource(apiUrls.events());
  source = es;
  es.addEventListener("ready", () => {
    retryMs = RECONNECT_MIN_MS;
    setState("open");
    // Whatever changed while connecting, or while polling stood in, is read once now.
    refreshAll();
  });
  es.addEventListener("resync", refreshAll);
  // The relay started or stopped struggling: Create's list carries its notice.
  es.addEventListener("relay", () => void client?.invalidateQueries({ queryKey: generationKeys.all }));
  es.addEventListener("change", (event) => {
    let change: LiveChange;
    try {
      change = JSON.parse((event as MessageEvent<string>).data) as LiveChange;
    } catch {
      return;
    }
    applyChange(change);
  });
  es.onerror = () => {
    setState("down");
    // CONNECTING: the browser retries by itself. CLOSED (an error status, e.g. signed out): we do.
    if (es.readyState !== EventSource.CLOSED) return;
    es.close();
    if (source === es) source = null;
    retryTimer = setTimeout(open, retryMs);
    retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
  };
}

function close() {
  closeTimer = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  setState("connecting");
}

const isWorkspaceFeed = (workspace: string) => (key: readonly unknown[]) =>
  key[0] === galleryKeys.all[0] && typeof key[1] === "string" && key[1].startsWith(apiUrls.gallery(workspace));

function refreshAll() {
  if (!client) return;
  void client.invalidateQueries({ queryKey: generationKeys.all });
  void client.invalidateQueries({ queryKey: workspaceKeys.all });
  void client.invalidateQueries({ queryKey: galleryKeys.all, predicate: (q) => q.queryKey.at(-1) === "live" });
}

function applyChange(change: LiveChange) {
  if (!client) return;
  const { workspace } = change;
  // Teammates' work shows in the gallery and Activity; those views re-read their own slices.
  void client.invalidateQueries({ queryKey: [...workspaceKeys.of(workspace), "activity"] });
  void client.invalidateQueries({
    queryKey: galleryKeys.all,
    predicate: (q) => q.queryKey.at(-1) === "live" && isWorkspaceFeed(workspace)(q.queryKey),
  });
  if (!change.mine) return;
  const { generation, relay } = change;
  if (!generation || !relay) {
    void client.invalidateQueries({ queryKey: workspaceKeys.usage(workspace) });
    void readGeneration(workspace, change.generationId);
    return;
  }
  // Today's usage moves when a generation is made (its images are taken: the Create page that made
  // it re-reads usage itself; another tab learns of it here) and when slots fail or are cancelled
  // (uncharged ones are given back) or are retried (taken again): not when an image arrives, so a
  // finished image's own request does not share the moment with a usage read.
  const known = shown(workspace, generation.id);
  if (!known || failedSlots(known) !== failedSlots(generation)) {
    void client.invalidateQueries({ queryKey: workspaceKeys.usage(workspace) });
  }
  showGeneration(workspace, generation, relay);
}

const failedSlots = (g: GenerationDTO) => g.slots.filter((s) => s.status === "FAILED" || s.status === "CANCELLED").length;

/**
 * A generation the stream carried: shown at once. A read of it already under way may answer with
 * an older state, so its answer is dropped and it reads once more when it ends.
 */
function showGeneration(workspace: string, generation: GenerationDTO, relay: RecentGenerations["relay"]) {
  const inFlight = reading.get(generation.id);
  if (inFlight) {
    inFlight.stale = true;
    inFlight.again = true;
  }
  store(workspace, generation, relay);
}

/** Reads one generation of the viewer's and puts it into the Create page's list. */
async function readGeneration(workspace: string, id: string): Promise<void> {
  const inFlight = reading.get(id);
  if (inFlight) {
    inFlight.again = true;
    return;
  }
  const entry = { again: false, stale: false };
  reading.set(id, entry);
  try {
    do {
      entry.again = false;
      entry.stale = false;
      const answer = await fetchGeneration(workspace, id).catch(() => null);
      if (answer && !entry.stale) store(workspace, answer.generation, answer.relay);
    } while (entry.again);
  } finally {
    reading.delete(id);
  }
}

/** The generation as the Create page's list holds it now, if it does. */
const shown = (workspace: string, id: string) =>
  client?.getQueryData<RecentGenerations>(generationKeys.recent(workspace))?.generations.find((g) => g.id === id);

function store(workspace: string, generation: GenerationDTO, relay: RecentGenerations["relay"]) {
  const known = shown(workspace, generation.id);
  if (known && isPending(known)) seenPending.add(generation.id);
  client?.setQueryData<RecentGenerations>(generationKeys.recent(workspace), (prev) => {
    if (!prev) return prev;
    const generations = prev.generations.some((g) => g.id === generation.id)
      ? prev.generations.map((g) => (g.id === generation.id ? generation : g))
      : [generation, ...prev.generations];
    return { generations, relay };
  });
  if (isPending(generation)) seenPending.add(generation.id);
  else if (seenPending.delete(generation.id)) finishedListeners.forEach((l) => l(generation, workspace));
}
