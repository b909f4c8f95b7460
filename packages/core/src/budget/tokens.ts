// What a run used, as providers report it and the price table bills it. Pure, with no imports,
// so providers depend on it without pulling in the counters.

export interface Tokens {
  /** Input tokens read afresh (not from the prompt cache). */
  tokensIn: number;
  tokensOut: number;
  /** Input tokens written to the prompt cache, and read from it. */
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

export const NO_TOKENS: Tokens = { tokensIn: 0, tokensOut: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

export const addTokens = (a: Tokens, b: Tokens): Tokens => ({
  tokensIn: a.tokensIn + b.tokensIn,
  tokensOut: a.tokensOut + b.tokensOut,
  cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
});
