// A WebSocket stand-in for unit tests: the test opens, feeds and drops it by hand.
import type { SocketLike } from "../realtime";

export class FakeSocket implements SocketLike {
  static opened: FakeSocket[] = [];
  readyState = 0;
  frames: Record<string, unknown>[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(data: string) {
    this.frames.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  emit(channel: string, event: string, data: unknown = {}) {
    this.onmessage?.({ data: JSON.stringify({ channel, event, data, id: "e1" }) });
  }
  subscribed() {
    return this.frames.filter((f) => f.action === "subscribe").map((f) => f.channel);
  }
}
