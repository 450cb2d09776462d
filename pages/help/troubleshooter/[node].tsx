// One step of the troubleshooter, generated at build time for every node but the start.
import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { TroubleshooterStep } from "@/components/help/troubleshooter-step";
import {
  findTroubleshooterNode,
  listTroubleshooterNodes,
  TROUBLESHOOTER_START,
} from "@/lib/content/troubleshooter";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { id: string };

export const getStaticPaths: GetStaticPaths = () =>
  Promise.resolve({
    paths: listTroubleshooterNodes()
      .filter((node) => node.id !== TROUBLESHOOTER_START)
      .map((node) => ({ params: { node: node.id } })),
    fallback: false,
  });

export const getStaticProps: GetStaticProps<Props> = ({ params }) => {
  const id = typeof params?.node === "string" ? params.node : "";
  const node = findTroubleshooterNode(id);
  return Promise.resolve(node && node.id !== TROUBLESHOOTER_START ? { props: { id } } : { notFound: true });
};

export default function TroubleshooterNodePage({ id }: Props) {
  const node = findTroubleshooterNode(id);
  if (!node) throw new Error(`troubleshooter node ${id} vanished after getStaticProps`);
  const title = node.kind === "question" ? node.question : node.title;
  return (
    <>
      <HelpHead
        title={`${title} · Code troubleshooter`}
        description={
          node.kind === "question"
            ? `Code troubleshooter: ${node.question} Choose an answer to get the right fix.`
            : `Fix: ${node.title}. ${node.steps[0] ?? ""}`
        }
        // Steps of a flow, not pages to land on from a search engine.
        noIndex
      />
      <HelpFrame>
        <TroubleshooterStep node={node} />
      </HelpFrame>
    </>
  );
}
