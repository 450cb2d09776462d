import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TroubleshooterStep } from "@/components/help/troubleshooter-step";
import {
  findTroubleshooterNode,
  listTroubleshooterNodes,
  TROUBLESHOOTER_START,
  troubleshooterPath,
} from "@/lib/content/troubleshooter";

export const dynamicParams = false;

type Props = { params: Promise<{ node: string }> };

export function generateStaticParams() {
  return listTroubleshooterNodes()
    .filter((node) => node.id !== TROUBLESHOOTER_START)
    .map((node) => ({ node: node.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const node = findTroubleshooterNode((await params).node);
  if (!node) return {};
  const title = node.kind === "question" ? node.question : node.title;
  return {
    title: `${title} · Code troubleshooter`,
    description:
      node.kind === "question"
        ? `Code troubleshooter: ${node.question} Choose an answer to get the right fix.`
        : `Fix: ${node.title}. ${node.steps[0] ?? ""}`,
    alternates: { canonical: troubleshooterPath(node.id) },
    // Steps of a flow, not pages to land on from a search engine.
    robots: { index: false, follow: true },
  };
}

export default async function TroubleshooterNodePage({ params }: Props) {
  const node = findTroubleshooterNode((await params).node);
  if (!node || node.id === TROUBLESHOOTER_START) notFound();
  return <TroubleshooterStep node={node} />;
}
