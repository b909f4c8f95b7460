// The admin "Cost & budgets" tab: what the assistant cost, and the budgets that cap it.
import { useSession } from "../../session";
import { BudgetsForm } from "./BudgetsForm";
import { CostWidget } from "./CostWidget";

export function CostPage() {
  const workspaceId = useSession()?.workspaceId ?? "";
  return (
    <div className="space-y-6">
      <CostWidget workspaceId={workspaceId} />
      <BudgetsForm workspaceId={workspaceId} />
    </div>
  );
}
