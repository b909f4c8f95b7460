// The notice above the composer while the assistant refuses new questions: what happened,
// the API's words, and what the person can do next.
import { useSession } from "../session";
import { type Blocked, nextStep } from "./blocks";

export function BlockedNotice({ block, onTryAgain }: { block: Blocked; onTryAgain: () => void }) {
  const isAdmin = useSession()?.role === "admin";
  return (
    <div
      role="alert"
      className="mb-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-950"
      data-testid="agent-blocked"
      data-kind={block.kind}
    >
      <p className="font-semibold">{block.title}</p>
      <p>
        {block.message} {nextStep(block, isAdmin)}
      </p>
      {block.kind === "unavailable" && !block.until && (
        <button type="button" className="mt-1 font-medium underline" onClick={onTryAgain}>
          Try again
        </button>
      )}
    </div>
  );
}
