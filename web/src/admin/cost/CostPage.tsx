// The admin "Cost & budgets" tab: what the assistant cost (by model too), the budgets that cap
// it, and the model that answers.
import { useSession } from "../../session";
import { BudgetsForm } from "./BudgetsForm";
import { CostWidget } from "./CostWidget";
import { ModelForm } from "./ModelForm";

export function CostPage() {
  const workspaceId = useSession()?.workspaceId ?? "";
  return (
    <div className="space-y-6">
      <CostWidget workspaceId={workspaceId} />
      <BudgetsForm workspaceId={workspaceId} />
      <ModelForm workspaceId={workspaceId} />
    </div>
  );
}
