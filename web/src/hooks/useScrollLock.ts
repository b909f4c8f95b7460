// Scroll lock for a growing log: follow new content only while the reader is at the bottom;
// once they scroll up, stay put and offer a "jump to latest" instead.
import { useCallback, useLayoutEffect, useRef, useState } from "react";

const SLACK_PX = 32;

export function useScrollLock<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const jump = useCallback(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
    pinned.current = true;
    setAtBottom(true);
  }, []);

  useLayoutEffect(() => {
    if (pinned.current) jump();
  }, [content, jump]);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
    setAtBottom(pinned.current);
  };
  return { ref, atBottom, jump, onScroll };
}
