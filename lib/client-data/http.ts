/** A JSON GET for the browser's queries; a failed answer throws `<failure> (<status>).` for the view to show. */
export async function getJson<T>(url: string, failure: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { cache: "no-store", signal });
  if (!res.ok) throw new Error(`${failure} (${res.status}).`);
  return (await res.json()) as T;
}
