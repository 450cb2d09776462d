import { describe, expect, it } from "vitest";
import { articleHeadings, findArticle } from "./articles";
import {
  findTroubleshooterNode,
  stillNotWorkingSteps,
  listTroubleshooterNodes,
  TROUBLESHOOTER_START,
  troubleshooterParents,
  troubleshooterPath,
  troubleshooterStartPath,
} from "./troubleshooter";

const nodes = listTroubleshooterNodes();

describe("troubleshooter tree", () => {
  it("has unique, URL-safe ids and a start question", () => {
    const ids = nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(findTroubleshooterNode(TROUBLESHOOTER_START)?.kind).toBe("question");
  });

  it("every answer leads to a node, and every question has at least two answers", () => {
    for (const node of nodes) {
      if (node.kind !== "question") continue;
      expect(node.answers.length, node.id).toBeGreaterThanOrEqual(2);
      for (const answer of node.answers)
        expect(findTroubleshooterNode(answer.next), `${node.id} → ${answer.next}`).toBeDefined();
    }
  });

  it("every node is reachable from the start and there are no loops", () => {
    const reached = new Set<string>();
    const visit = (id: string, stack: string[]) => {
      expect(stack, `loop through ${id}`).not.toContain(id);
      reached.add(id);
      const node = findTroubleshooterNode(id);
      if (node?.kind === "question") for (const answer of node.answers) visit(answer.next, [...stack, id]);
    };
    visit(TROUBLESHOOTER_START, []);
    expect([...reached].toSorted()).toEqual(nodes.map((node) => node.id).toSorted());
  });

  it("every leaf is a fix with steps and an existing article and section", () => {
    for (const node of nodes) {
      if (node.kind !== "fix") continue;
      expect(node.steps.length, node.id).toBeGreaterThan(0);
      const article = findArticle(node.article.slug);
      expect(article, `${node.id}: article ${node.article.slug}`).toBeDefined();
      if (article && node.article.anchor) {
        expect(
          articleHeadings(article).map((h) => h.id),
          `${node.id}: #${node.article.anchor}`,
        ).toContain(node.article.anchor);
      }
    }
  });

  it("covers the causes in the brief", () => {
    const ids = nodes.map((node) => node.id);
    for (const id of [
      "fix-expired",
      "fix-typo",
      "fix-delayed-message",
      "fix-weak-connection",
      "fix-wrong-contact",
      "fix-clock-drift",
      "fix-wrong-method",
      "fix-locked",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("builds paths and parents", () => {
    expect(troubleshooterPath(TROUBLESHOOTER_START)).toBe("/help/troubleshooter");
    expect(troubleshooterPath("fix-typo")).toBe("/help/troubleshooter/fix-typo");
    expect(troubleshooterParents("wrong-code").map((n) => n.id)).toEqual([TROUBLESHOOTER_START]);
  });

  it("every fix ends with “still not working?” steps that lead somewhere real", () => {
    for (const node of nodes) {
      if (node.kind !== "fix") continue;
      const steps = stillNotWorkingSteps(node);
      expect(steps.length, node.id).toBeGreaterThanOrEqual(2);
      for (const step of steps) {
        if (step.href.startsWith(troubleshooterStartPath)) {
          const id = step.href === troubleshooterStartPath ? TROUBLESHOOTER_START : (step.href.split("/").at(-1) ?? "");
          expect(findTroubleshooterNode(id), `${node.id} → ${step.href}`).toBeDefined();
        } else {
          expect(findArticle(step.href.replace("/help/", "")), `${node.id} → ${step.href}`).toBeDefined();
        }
      }
    }
  });
});
