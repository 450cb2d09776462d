import type { Metadata } from "next";
import { TroubleshooterStep } from "@/components/help/troubleshooter-step";
import {
  findTroubleshooterNode,
  TROUBLESHOOTER_START,
  troubleshooterStartPath,
} from "@/lib/content/troubleshooter";

export const metadata: Metadata = {
  title: "Code troubleshooter: my code isn’t working",
  description:
    "Answer a few quick questions about your sign-in code and get the fix that matches your problem.",
  alternates: { canonical: troubleshooterStartPath },
  openGraph: { url: troubleshooterStartPath, title: "Code troubleshooter" },
};

export default function TroubleshooterStartPage() {
  const node = findTroubleshooterNode(TROUBLESHOOTER_START);
  if (!node) throw new Error("troubleshooter has no start node");
  return <TroubleshooterStep node={node} />;
}
