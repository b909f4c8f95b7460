// The button a scroll-locked log offers once the reader has scrolled up from the newest entry.
export function JumpToLatest({ onJump, className }: { onJump: () => void; className: string }) {
  return (
    <button
      type="button"
      onClick={onJump}
      className={`rounded-full bg-slate-800 px-3 py-1 text-xs text-white shadow ${className}`}
    >
      Jump to latest ↓
    </button>
  );
}
