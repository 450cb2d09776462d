import Link from "next/link";

export default function ConsoleNotFound() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p>There is nothing at this address. The link may be incomplete, or the record may not exist.</p>
      <Link href="/console/customers" className="text-blue-700 underline dark:text-blue-300">
        Find a customer
      </Link>
    </div>
  );
}
