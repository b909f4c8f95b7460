// The signed-in person's own choice to get digests by email as well, next to the digests.
// Saved at once; the switch shows the saved value and says when saving failed.
import type { Me } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Failed } from "../components/States";
import { api } from "../session";

const ME_KEY = ["me"];

export function DigestEmailToggle() {
  const queries = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => api.me() });
  const save = useMutation({
    mutationFn: (digestEmails: boolean) => api.updateMe({ digestEmails }),
    onSuccess: (saved) => queries.setQueryData<Me>(ME_KEY, saved),
  });
  const on = save.isPending ? save.variables : Boolean(me.data?.digestEmails);
  return (
    <div className="mb-3">
      <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-700">
        <span className="relative inline-flex h-5 w-9 shrink-0">
          {/* The real checkbox lies over the drawn switch: clicks, focus and screen readers reach it. */}
          <input
            type="checkbox"
            role="switch"
            checked={on}
            disabled={!me.data || save.isPending}
            onChange={(event) => save.mutate(event.target.checked)}
            className="peer absolute inset-0 z-10 cursor-pointer opacity-0 disabled:cursor-not-allowed"
          />
          <span
            aria-hidden="true"
            className="h-5 w-9 rounded-full bg-slate-500 transition-colors peer-checked:bg-emerald-700 peer-disabled:opacity-60 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-emerald-600 after:absolute after:top-0.5 after:left-0.5 after:size-4 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-4"
          />
        </span>
        Email me new digests
      </label>
      {me.isError && <Failed error={me.error} retry={() => me.refetch()} />}
      {save.isError && <Failed error={save.error} />}
    </div>
  );
}
