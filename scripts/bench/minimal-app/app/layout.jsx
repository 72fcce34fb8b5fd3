// The baseline of `npm run bench`'s page rows: the smallest app on the same stack as Atelier
// (Next 16, React 19, TanStack Query), built and served the same way (`next build`, `next start`).
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
