import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Your role does not include this part of the console. If you need it for your work, ask an
        administrator.
      </p>
      <p className="mt-6">
        <Link href="/console" className="text-blue-700 underline dark:text-blue-300">
          Back to the console
        </Link>
      </p>
    </main>
  );
}
