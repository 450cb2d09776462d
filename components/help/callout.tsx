import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const TONES = {
  danger: {
    box: "border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50",
    label: "Warning",
  },
  warning: {
    box: "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-50",
    label: "Caution",
  },
  tip: {
    box: "border-green-700 bg-green-50 text-green-950 dark:border-green-400 dark:bg-green-950/60 dark:text-green-50",
    label: "Tip",
  },
  info: {
    box: "border-brand bg-brand-soft text-brand-soft-ink",
    label: "Note",
  },
} as const;

export type CalloutType = keyof typeof TONES;

/** `<Callout type="danger" title="Never share this code">…</Callout>` in MDX. */
export function Callout({
  type = "info",
  title,
  children,
}: {
  type?: CalloutType;
  title?: string;
  children?: ReactNode;
}) {
  const tone = TONES[type] ?? TONES.info;
  return (
    <aside
      className={cn("rounded-lg border-l-4 px-4 py-3 [&>p+p]:mt-2", tone.box)}
      aria-label={title ?? tone.label}
    >
      {title ? <p className="font-bold">{title}</p> : null}
      <div className={cn(title && "mt-1", "[&_p+p]:mt-2")}>{children}</div>
    </aside>
  );
}
