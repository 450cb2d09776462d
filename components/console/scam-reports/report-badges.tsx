import type { ScamAsk, ScamReportStatus } from "@/lib/generated/prisma/enums";
import { formatInternational } from "@/lib/scam-reports/contact-number";
import { ASK_LABELS, STATUS_LABELS } from "@/lib/scam-reports/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS_TONES: Record<ScamReportStatus, BadgeTone> = {
  NEW: "blue",
  TRIAGED: "neutral",
  ESCALATED: "red",
  CLOSED: "green",
};

export function StatusBadge({ status }: { status: ScamReportStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function AskList({ asks }: { asks: ScamAsk[] }) {
  if (asks.length === 0) return <span className="text-slate-500">—</span>;
  return <span>{asks.map((ask) => ASK_LABELS[ask].short).join(", ")}</span>;
}

/** The number in international form, or the sender exactly as given (as text: React escapes it). */
export function ContactText({ e164, raw }: { e164: string | null; raw: string | null }) {
  if (e164) return <span className="font-mono whitespace-nowrap">{formatInternational(e164)}</span>;
  if (raw) return <span className="break-all">{raw}</span>;
  return <span className="text-slate-500">Not given</span>;
}
