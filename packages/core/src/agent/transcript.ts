// An answer's text as it grows token by token. `text += token` builds a rope with one node per
// token and an array of tokens keeps every token's string: for a stream's life either costs
// several times the text itself. Pieces are joined into one flat string every few dozen, so an
// answer in flight holds little more than its characters.
const PIECES_PER_JOIN = 32;

export class Transcript {
  #text: string;
  readonly #pieces: string[] = [];

  constructor(start = "") {
    this.#text = start;
  }

  append(piece: string) {
    this.#pieces.push(piece);
    if (this.#pieces.length >= PIECES_PER_JOIN) this.#join();
  }

  toString() {
    this.#join();
    return this.#text;
  }

  #join() {
    if (this.#pieces.length === 0) return;
    this.#text = [this.#text, ...this.#pieces].join("");
    this.#pieces.length = 0;
  }
}
