// What notFound() shows in a segment without a not-found page of its own (the console has its
// own; an address no route matches gets app/global-not-found.tsx). Next renders this element into
// every response as the root layout's fallback, so it is kept small: no client components, no data.
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold">We can’t find that page</h1>
      <p>The link may be old or mistyped.</p>
      <p>
        <a href="/help" className="text-blue-700 underline dark:text-blue-300">
          Go to the help center
        </a>
      </p>
    </main>
  );
}
