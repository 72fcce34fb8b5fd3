import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Create" };

export default function CreatePage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Create</h1>
      <EmptyState title="Nothing generated yet">
        Add up to five reference images, describe what you want, and your results will appear here.
      </EmptyState>
    </>
  );
}
