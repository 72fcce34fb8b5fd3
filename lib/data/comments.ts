import "server-only";
import type { Viewer } from "@/lib/auth";
import { listMentionableMembers } from "@/lib/data/members";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";

export interface MentionCandidate {
  id: string;
  name: string | null;
  email: string;
}

const WORD = /[\p{L}\p{N}_]/u;

export const displayName = (m: { name: string | null; email: string }) => m.name?.trim() || m.email.split("@")[0] || m.email;

/**
 * The members a comment @mentions, in the order they first appear. A member answers to their full
 * name (`@Ada Lovelace`), their first name (`@Ada`) and their email's local part (`@ada.l`), all
 * case-insensitive; a handle two members share names nobody, rather than the wrong person. The
 * longest handle wins, so `@Ada Lovelace` is not read as `@Ada` followed by text. An `@` inside a
 * word (an email address in the text) is not a mention.
 */
export function resolveMentions(body: string, members: MentionCandidate[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const m of members) {
    const name = m.name?.trim().replace(/\s+/g, " ");
    const handles = [name, name?.split(" ")[0], m.email.split("@")[0]];
    for (const h of handles) {
      if (!h) continue;
      const key = h.toLowerCase();
      let ids = owners.get(key);
      if (!ids) owners.set(key, (ids = new Set()));
      ids.add(m.id);
    }
  }
  const handles = [...owners.entries()]
    .filter(([, ids]) => ids.size === 1)
    .map(([handle, ids]) => ({ handle, id: [...ids][0]! }))
    .sort((a, b) => b.handle.length - a.handle.length);
  const text = body.toLowerCase();
  const found: string[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    const rest = text.slice(at + 1);
    const hit = handles.find(({ handle }) => rest.startsWith(handle) && !WORD.test(rest[handle.length] ?? " "));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}

export interface CommentDTO {
  id: string;
  body: string;
  createdAt: string;
  author: { id: string; name: string } | null;
  mentions: { id: string; name: string }[];
}

export interface DiscussionDTO {
  generationId: string;
  review: { status: ReviewStatus; reviewedAt: string | null; reviewedBy: string | null } | null;
  comments: CommentDTO[];
  canComment: boolean;
  canReview: boolean;
}

/** Comments, oldest first, and the review of a generation of this workspace; null for any other id. */
export async function getGenerationDiscussion(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  generationId: string,
): Promise<DiscussionDTO | null> {
  const generation = await db.generation.findFirst({
    where: { id: generationId, workspaceId: workspace.id },
    select: {
      id: true,
      reviewStatus: true,
      reviewedAt: true,
      reviewedById: true,
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, mentions: true, author: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!generation) return null;
  const userIds = new Set(generation.comments.flatMap((c) => c.mentions));
  if (generation.reviewedById) userIds.add(generation.reviewedById);
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(users.map((u) => [u.id, displayName(u)]));
  return {
    generationId: generation.id,
    review: generation.reviewStatus
      ? {
          status: generation.reviewStatus,
          reviewedAt: generation.reviewedAt?.toISOString() ?? null,
          reviewedBy: generation.reviewedById ? (nameOf.get(generation.reviewedById) ?? null) : null,
        }
      : null,
    comments: generation.comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      author: c.author ? { id: c.author.id, name: displayName(c.author) } : null,
      mentions: c.mentions.flatMap((id) => {
        const name = nameOf.get(id);
        return name ? [{ id, name }] : [];
      }),
    })),
    canComment: can(workspace.role, "comment.create"),
    canReview: can(workspace.role, "review.set"),
  };
}

export async function addComment(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  generationId: string,
  body: string,
): Promise<Outcome<{ id: string; mentions: string[] }>> {
  const generation = await db.generation.count({ where: { id: generationId, workspaceId: workspace.id } });
  if (!generation) return refused("gallery.generationGone");
  const mentions = resolveMentions(body, await listMentionableMembers(workspace.id));
  const row = await db.comment.create({
    data: { generationId, authorId: viewer.id, body, mentions },
    select: { id: true },
  });
  return done({ id: row.id, mentions });
}

/** Comments per generation, for lists that show a count beside each one. */
export async function commentCounts(generationIds: string[]): Promise<Map<string, number>> {
  if (generationIds.length === 0) return new Map();
  const rows = await db.comment.groupBy({ by: ["generationId"], where: { generationId: { in: generationIds } }, _count: true });
  return new Map(rows.map((r) => [r.generationId, r._count]));
}
