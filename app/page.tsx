export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold">Account Security Desk</h1>
      <p className="mt-4 text-lg">Help with one-time passcodes, two-step verification and scam calls.</p>
    </main>
  );
}
