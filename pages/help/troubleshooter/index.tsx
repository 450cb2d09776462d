import type { PageConfig } from "next";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { TroubleshooterStep } from "@/components/help/troubleshooter-step";
import {
  findTroubleshooterNode,
  TROUBLESHOOTER_START,
  troubleshooterStartPath,
} from "@/lib/content/troubleshooter";

export const config: PageConfig = { unstable_runtimeJS: false };

export default function TroubleshooterStartPage() {
  const node = findTroubleshooterNode(TROUBLESHOOTER_START);
  if (!node) throw new Error("troubleshooter has no start node");
  return (
    <>
      <HelpHead
        title="Code troubleshooter: my code isn’t working"
        description="Answer a few quick questions about your sign-in code and get the fix that matches your problem."
        canonical={troubleshooterStartPath}
      />
      <HelpFrame>
        <TroubleshooterStep node={node} />
      </HelpFrame>
    </>
  );
}
